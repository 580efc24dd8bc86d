import datetime as dt

import pytest

from verify.extract.quantities import find_quantities
from verify.judge.quantity import judge_quantity, overlaps
from verify.judge.quote import judge_quote
from verify.models import QuantityClaim, QuoteClaim, RetrievedPassage, Stance, StatementClaim


def q(text):
    return find_quantities(text)[0].quantity


@pytest.mark.parametrize(
    "claim, evidence, agree",
    [
        ("over 40 times", "42 times", True),
        ("more than 20 agreements", "15 agreements", False),
        ("more than 20 agreements", "20 agreements", False),
        ("11th visit", "10th visit", False),
        ("11th visit", "11th trip", True),
        ("$245 bn", "$244.8 billion", True),
        ("about 100 people", "95 people", True),
        ("at least 20 deals", "20 deals", True),
        ("fewer than 10 ships", "10 ships", False),
        ("between 20 and 30 people", "25 people", True),
        # "about" reaches as far as the figure's last significant digit, within 3 to 10 per cent
        ("221,000 patients", "about 212,000 patients", False),
        ("214,000 patients", "about 212,000 patients", True),
        ("215,000 patients", "about 200,000 patients", True),
        ("3.4 billion dollars", "about 3.2 billion dollars", False),
        ("19 miles", "about 20 miles", True),
        ("35 percent of voters", "about a third of voters", True),
    ],
)
def test_judge_quantity_intervals(claim, evidence, agree):
    assert overlaps(q(claim), q(evidence)) is agree


def quantity_claim(sentence):
    mention = find_quantities(sentence)[0]
    return QuantityClaim(id="c1", text=sentence, start=0, end=len(sentence), sentence=sentence, query=sentence, quantity=mention.quantity)


def test_judge_older_running_total_is_not_a_conflict():
    claim = quantity_claim("It was her seventh visit to Ostrel since taking office.")
    finding = judge_quantity(claim, "It was her fourth visit to Ostrel since taking office.", 0.8, dt.date(2026, 3, 13), dt.date(2019, 6, 2))
    assert finding.stance is Stance.RELATED and "older running total" in finding.note


def test_judge_same_period_smaller_total_conflicts():
    claim = quantity_claim("It was her seventh visit to Ostrel since taking office.")
    finding = judge_quantity(claim, "It was her sixth visit to Ostrel since taking office.", 0.8, dt.date(2026, 3, 13), dt.date(2026, 3, 12))
    assert finding.stance is Stance.CONFLICTS


def test_judge_differently_scoped_count_is_not_the_same_claim():
    claim = quantity_claim("It was her seventh visit to Ostrel since taking office.")
    finding = judge_quantity(claim, "It was her third visit to Ostrel since her re-election in 2022.", 0.8, dt.date(2026, 3, 13), dt.date(2026, 3, 10))
    assert finding.stance is Stance.RELATED and "differently scoped" in finding.note


def quote_claim(words, speaker):
    return QuoteClaim(id="c1", text=words, start=0, end=len(words), sentence=words, query=words, quote=words, speaker=speaker)


def statement_against(claim, evidence, published=None, cosine=0.4, article_date=dt.date(2026, 12, 5), **claim_fields):
    """The statement finding of a one-sentence claim against a one-passage evidence text."""
    from verify.judge import statement_finding
    from verify.judge.evidence import EvidenceSpan

    statement = StatementClaim(id="c1", text=claim, start=0, end=len(claim), sentence=claim, query=claim, **claim_fields)
    passage = RetrievedPassage(passage_id=0, document_id="d", title="", source="", url="", published=published, text=evidence,
                               start=0, end=len(evidence), dense_score=0.5, lexical_score=0.0, fused_score=0.5)
    return statement_finding(statement, passage, EvidenceSpan(evidence, 0, len(evidence), 0.0), cosine, article_date, evidence)


EVIDENCE = '"Trade between our countries has doubled in five years, and the bridge will double it again," Tomas Oduya told reporters.'


@pytest.mark.parametrize(
    "words, speaker, stance, note",
    [
        ("Trade between our countries has doubled in five years, and the bridge will double it again", "Tomas Oduya", Stance.SUPPORTS, "verbatim"),
        ("Trade between our countries has tripled in five years, and the bridge will double it again", "Tomas Oduya", Stance.CONFLICTS, "“tripled” → “doubled”"),
        ("Trade between our countries has not doubled in five years, and the bridge will double it again", "Tomas Oduya", Stance.CONFLICTS, "altered"),
        ("Trade between our countries has doubled in five years, and the bridge will double it again", "Alina Marek", Stance.CONFLICTS, "credits these words to Tomas Oduya"),
        ("The harvest was the best in a decade, farmers said on Monday", "Tomas Oduya", Stance.RELATED, ""),
    ],
)
def test_judge_quote_verbatim_altered_misattributed(words, speaker, stance, note):
    finding = judge_quote(quote_claim(words, speaker), EVIDENCE)
    assert finding.stance is stance
    assert note in finding.note


def test_judge_quote_transcript_label_names_the_speaker():
    transcript = "CHANCELLOR ODUYA: We signed 14 agreements today and more will follow.\n\nPRESIDENT MAREK: This is not directed against anyone at all."
    finding = judge_quote(quote_claim("This is not directed against anyone at all", "Alina Marek"), transcript)
    assert finding.stance is Stance.SUPPORTS
    wrong = judge_quote(quote_claim("This is not directed against anyone at all", "Tomas Oduya"), transcript)
    assert wrong.stance is Stance.CONFLICTS and "President Marek" in wrong.note


@pytest.mark.parametrize("label", ["DANA OKORO, CHIEF EXECUTIVE, HALVERN WATER:", "DANA OKORO (HALVERN WATER):", "SEN. DANA OKORO (D-OR):"])
def test_judge_quote_transcript_label_with_a_role_names_the_speaker(label):
    transcript = f"MAYOR LENA VOSS: Good evening.\n\n{label} We are sorry. We will refund every household that lost supply this week."
    wrong = judge_quote(quote_claim("We will refund every household that lost supply this week", "Lena Voss"), transcript)
    assert wrong.stance is Stance.CONFLICTS and "Dana Okoro" in wrong.note
    right = judge_quote(quote_claim("We will refund every household that lost supply this week", "Dana Okoro"), transcript)
    assert right.stance is Stance.SUPPORTS


def test_judge_forecast_figure_is_not_a_result():
    claim = quantity_claim("The two leaders signed 15 cooperation agreements.")
    finding = judge_quantity(claim, "Officials said the two sides were expected to sign 15 agreements.", 0.8, dt.date(2026, 3, 13), dt.date(2026, 3, 10))
    assert finding.stance is Stance.RELATED


@pytest.mark.parametrize(
    "claim, evidence, stance",
    [
        ("Construction of the Selva bridge is due to begin in June.", "Construction is due to begin in June, with some workers.", Stance.SUPPORTS),
        ("Construction of the Selva bridge is due to begin in September.", "Construction is due to begin in June, with some workers.", Stance.CONFLICTS),
        ("Police said the protest in Brenmark was peaceful.", "Police said the protest in Brenmark was not peaceful.", Stance.CONFLICTS),
        ("The delegation included ministers of transport and energy.", "The delegation included ministers of defence and energy.", Stance.RELATED),
        ("The delegation met Chancellor Oduya in Lindhaven.", "The delegation met Chancellor Oduya in Tessaly.", Stance.CONFLICTS),
    ],
)
def test_judge_statement_dates_polarity_names(claim, evidence, stance):
    from verify.judge.statement import judge_statement

    finding = judge_statement(claim, evidence, 0.85, dt.date(2026, 3, 13), dt.date(2026, 3, 13), context="Selva bridge", title="Selva bridge")
    assert finding.stance is stance, finding.note


@pytest.mark.parametrize("evidence", [
    "The 7 agreements signed include a trade pact and a visa deal.",
    "Among the 7 agreements signed was a hydropower deal.",
])
def test_judge_partial_list_is_not_a_count(evidence):
    claim = quantity_claim("More than 20 cooperation agreements were signed.")
    assert judge_quantity(claim, evidence, 0.8, dt.date(2026, 3, 13), dt.date(2026, 3, 13)).stance is Stance.RELATED
    # the same figure stated as a total does conflict
    total = judge_quantity(claim, "Seven agreements were signed.", 0.8, dt.date(2026, 3, 13), dt.date(2026, 3, 13))
    assert total.stance is Stance.CONFLICTS


CHANGE = "Varnia and Ostrel agreed to expand the exchange programme to 2,500 students a year, up from 800."
TARGET = "The plant will grow to 900 workers by 2030."
DONE = "The exchange programme grew to 2,500 students a year this month, up from 800."


@pytest.mark.parametrize(
    ("evidence", "claim", "stance"),
    [
        (CHANGE, "The exchange programme had more than 800 students a year before the summit.", Stance.CONFLICTS),
        (CHANGE, "The exchange programme will take 2,500 students a year.", Stance.SUPPORTS),
        (TARGET, "The plant has more than 850 workers.", Stance.RELATED),  # a target is not a current figure
        (TARGET, "The plant will grow to 900 workers.", Stance.SUPPORTS),
        # a change to come starts from today's figure ("agreed to expand …, up from 800", "could cut it from two days")
        (CHANGE, "The exchange programme takes 800 students a year.", Stance.SUPPORTS),
        ("Operators say the bridge could cut the journey to the port from two days to under nine hours.",
         "The journey to the port now takes 48 hours.", Stance.SUPPORTS),
        # a change done leaves its start an old figure: the claim is held to where it went
        (DONE, "The exchange programme takes 800 students a year.", Stance.CONFLICTS),
        (DONE, "The exchange programme takes 2,500 students a year.", Stance.SUPPORTS),
        ("Inflation fell from 4.5 per cent to 3.9 per cent in February.", "Inflation is 4.5 per cent.", Stance.CONFLICTS),
        ("Inflation fell from 4.5 per cent to 3.9 per cent in February.", "Inflation is 3.9 per cent.", Stance.SUPPORTS),
    ],
)
def test_judge_earlier_values_and_targets(evidence, claim, stance):
    finding = judge_quantity(quantity_claim(claim), evidence, 0.8, dt.date(2026, 3, 13), dt.date(2026, 3, 12))
    assert finding.stance is stance


@pytest.mark.parametrize(("month", "stance"), [("November 2025", Stance.SUPPORTS), ("March 2025", Stance.CONFLICTS)])
def test_judge_statement_date_against_the_evidence_single_relative_date(month, stance):
    from verify.judge.statement import judge_statement

    claim = f"Varnia and Ostrel settled their customs dispute over grain in {month}."
    evidence = "Varnia and Ostrel settled their dispute over customs checks on grain on Sunday."
    # "on Sunday" in a piece of Monday 17 November 2025 is 16 November
    finding = judge_statement(claim, evidence, 0.85, dt.date(2026, 3, 13), dt.date(2025, 11, 17))
    assert finding.stance is stance, finding.note


def test_judge_quote_inferred_speaker_is_never_called_misattributed():
    words = "Trade between our countries has doubled in five years, and the bridge will double it again"
    guessed = quote_claim(words, "Alina Marek").model_copy(update={"speaker_inferred": True})
    assert judge_quote(guessed, EVIDENCE).stance is Stance.SUPPORTS  # the words are checked, the guess is not


def test_judge_quote_unnamed_speaker_is_never_called_misattributed():
    # "the minister said" and "Tomas Oduya told reporters" may be the same person: only names can disagree; the
    # words back the quote where the evidence gives Oduya that role
    words = "Trade between our countries has doubled in five years, and the bridge will double it again"
    assert judge_quote(quote_claim(words, "the minister"), EVIDENCE).stance is Stance.RELATED
    with_role = EVIDENCE.replace("Tomas Oduya told", "Tomas Oduya, the trade minister, told")
    assert judge_quote(quote_claim(words, "the minister"), with_role).stance is Stance.SUPPORTS
    unnamed = EVIDENCE.replace("Tomas Oduya", "the minister")
    assert judge_quote(quote_claim(words, "Alina Marek"), unnamed).stance is not Stance.CONFLICTS


def test_judge_quote_evidence_speaker_is_only_a_cued_one():
    # the evidence's quote has no reporting verb: its "speaker" would be a guess and must not convict the claim
    evidence = "Trade minister Tomas Oduya opened the talks in Brenmark. “Trade between our countries has doubled in five years.”"
    finding = judge_quote(quote_claim("Trade between our countries has doubled in five years", "Alina Marek"), evidence)
    assert finding.stance is not Stance.CONFLICTS


@pytest.mark.parametrize(
    ("text", "published", "resolved"),
    [
        # the verb the weekday hangs on decides: "approved … on Tuesday that will cost" is last Tuesday
        ("The board approved a new terminal on Tuesday that will cost 90 million crowns.", dt.date(2026, 8, 22), dt.date(2026, 8, 18)),
        ("On Tuesday the board approved a terminal that will open in 2030.", dt.date(2026, 8, 22), dt.date(2026, 8, 18)),
        ("Talks will resume on Monday, the minister said.", dt.date(2026, 8, 22), dt.date(2026, 8, 24)),
        # a year elsewhere in the sentence does not pull a weekday out of the week of publication
        ("Rivers were at their lowest on Monday since records began in 1962.", dt.date(2026, 8, 5), dt.date(2026, 8, 3)),
    ],
)
def test_dates_weekday_follows_its_own_verb_and_ignores_a_distant_year(text, published, resolved):
    from verify.dates import find_dates

    weekday = [d for d in find_dates(text, published) if d.relative]
    assert [d.value for d in weekday] == [resolved]


@pytest.mark.parametrize(
    ("claim", "evidence", "stance"),
    [
        # a dateline's capitals and a possessive name the same place
        ("Harlow Bay's ferries stopped running on Monday after the storm.", "HARLOW BAY — Ferries stopped running on Monday after the storm.", Stance.SUPPORTS),
        ("The ferries will stop running in winter.", "The ferries will not stop running in winter.", Stance.CONFLICTS),
    ],
)
def test_judge_statement_possessives_and_negation_scope(claim, evidence, stance):
    from verify.judge.statement import judge_statement

    finding = judge_statement(claim, evidence, 0.85, dt.date(2026, 3, 13), dt.date(2026, 3, 13))
    assert finding.stance is stance, finding.note


@pytest.mark.parametrize(
    ("claim", "evidence", "clash"),
    [
        # both negate the same predicate, one a little further on, with its subject before the "not"
        ("The mayor has promised that the ferries will not stop running.", "We will not let the ferries stop running.", False),
        ("The ferries will stop running.", "The ferries will not stop running.", True),
    ],
)
def test_judge_polarity_clash_reads_the_whole_negated_clause(claim, evidence, clash):
    from verify.judge.statement import polarity_clash, tokens

    assert polarity_clash(tokens(claim), tokens(evidence)) is clash



def test_judge_quote_diff_shows_the_replaced_last_word():
    claim = quote_claim("Every home must cut its use by a quarter", "Dana Wirt")
    finding = judge_quote(claim, "“Every home must cut its use by a fifth,” said Dana Wirt.", "")
    assert finding.stance is Stance.CONFLICTS and "“quarter” → “fifth”" in finding.note


def test_judge_statement_date_after_since_is_a_reference_point_not_the_events_date():
    from verify.judge.statement import judge_statement

    claim = "It was Lind's third visit to Osland since her re-election in 2022."
    evidence = "Lind arrived in Osland on Sunday for her third visit since her re-election."
    finding = judge_statement(claim, evidence, 0.9, dt.date(2026, 3, 13), dt.date(2026, 3, 9))
    assert finding.stance is not Stance.CONFLICTS, finding.note


@pytest.mark.parametrize(
    ("claim", "evidence", "agree"),
    [
        ("12%", "12.4%", True),  # the less precise figure stands for what rounds to it
        ("12%", "12.5%", False),
        ("31 million trips", "31.2 million trips", True),
        ("7 buses", "8 buses", False),
        ("more than 20 agreements", "20 agreements", False),  # a bound is no rounding
    ],
)
def test_judge_quantity_rounding(claim, evidence, agree):
    assert overlaps(q(claim), q(evidence)) is agree




@pytest.mark.parametrize(
    ("words", "stance"),
    [("hard to justify", Stance.SUPPORTS), ("hard to explain", Stance.CONFLICTS), ("a total disgrace", Stance.RELATED)],
)
def test_judge_short_quote_is_held_to_the_speakers_own_quoted_words(words, stance):
    evidence = "Transport minister Jens Aalto said the increase was “hard to justify” for a company back in profit."
    assert judge_quote(quote_claim(words, "Jens Aalto"), evidence, "").stance is stance


def test_judge_statement_evidence_date_after_since_is_no_date_of_the_fact():
    from verify.judge.statement import judge_statement

    claim = "The operator made a net profit of 21 million kroner in 2025, its first since 2019."
    evidence = "The operator made a net profit of 21 million kroner, its first profit since 2019."
    finding = judge_statement(claim, evidence, 0.95, dt.date(2026, 4, 11), dt.date(2026, 4, 1))
    assert finding.stance is not Stance.CONFLICTS, finding.note


D = dt.date
QUANTITY_CASES = [
    # a rate is one figure; the change's "up from" is the other figure's, not the claim's
    ("Admissions rose to nearly 15 per 100,000 people in the week to May 31, up from 11.2 a week earlier.",
     "The rate of hospital admissions reached 14.8 per 100,000 people, up from 11.2 the week before.", D(2026, 6, 2), Stance.SUPPORTS),
    # a share with a noun against one without, in the same words
    ("Only 71% of people over 65 have been vaccinated, against a target of 80%.",
     "Vaccine uptake among over-65s was 71.3%, below the target of 75%.", D(2026, 6, 2), Stance.SUPPORTS),
    # a sum in a currency word needs shared context; "once interest is included" is a passive, not a partial list
    ("The new terminal will cost 640 million crowns.", "We have set aside 35 million crowns for road repairs this year.",
     D(2026, 8, 5), Stance.RELATED),
    ("The new terminal will cost 640 million crowns.",
     "The new terminal will cost at least 900 million crowns once interest is included, critics said.", D(2026, 8, 13), Stance.CONFLICTS),
    # an ordinal counts what its sentence named before it
    ("It is the third hosepipe ban since 2010.", "The authority imposed a hosepipe ban on Monday, its third since 2010.",
     D(2026, 8, 3), Stance.SUPPORTS),
    # a level at another time; a level's "since records began" is no scope
    ("Reservoirs fell to 31 percent of capacity this month, the lowest since records began.",
     "Reservoirs fell to 38 percent of capacity after a dry spring.", D(2022, 7, 10), Stance.RELATED, D(2026, 8, 22)),
    ("Reservoirs fell to 31 percent of capacity this month, the lowest since records began.",
     "Reservoirs were at 31 percent of capacity on Monday, the lowest since records began in 1962.", D(2026, 8, 3), Stance.SUPPORTS,
     D(2026, 8, 22)),
    # another year is another time; a date belonging to the sentence's event does not move a lasting figure
    ("Ferry use in Osland rose 12% last year to 4.1 million crossings.",
     "Ferry crews in Osland struck on Monday for a pay rise of 6 percent.", D(2020, 9, 14), Stance.RELATED, D(2026, 5, 11)),
    ("On Tuesday the council approved a plant that will produce 150,000 cubic metres a day.",
     "The council approved a plant on Tuesday that will produce 150,000 cubic metres a day.", D(2026, 8, 12), Stance.SUPPORTS,
     D(2026, 8, 22)),
    # a claim about what will be is held to a plan; "since 2020" is no date of its own
    ("The crews' union will hold its fifth strike since 2020 on May 20.",
     "The crews' union said it would hold a one-day strike on May 20, its fifth strike since 2020.", D(2026, 5, 9), Stance.SUPPORTS),
    ("The crews' union will hold its fifth strike since 2020 on May 20.", "Ferry crews began their third strike of the year on Monday.",
     D(2020, 9, 14), Stance.RELATED, D(2026, 5, 11)),
    # figures with no noun: held to one another only in the same words
    ("The number of people waiting for surgery in Osland fell to about 41,000 in May.",
     "The number of people waiting for surgery in Osland fell to 41,200 in May, the ministry said.", D(2026, 6, 2), Stance.SUPPORTS),
    ("Of those waiting, 2,850 had waited for over a year.",
     "The number of people waiting reached a record 51,000 in February.", D(2026, 6, 2), Stance.RELATED),
    # the same noun, another event; an undated level against one two years older, and one a week older
    ("The union says 1,510 nurses left last year.", "We hired 1,340 nurses last year, more than in any year since 2015.",
     D(2026, 10, 6), Stance.RELATED),
    ("The surgery waiting list in Osland stands at 41,000 people.", "The surgery waiting list in Osland stands at a record 51,000 people.",
     D(2024, 3, 12), Stance.RELATED, D(2026, 10, 9)),
    ("The surgery waiting list in Osland stands at 41,000 people.", "The surgery waiting list in Osland stands at a record 51,000 people.",
     D(2026, 9, 30), Stance.CONFLICTS),
    ("Average attendance at the stadium is about 28,000.", "Average attendance at the stadium rose to 28,400.", D(2024, 5, 20), Stance.RELATED,
     D(2026, 5, 18)),
    # a total since a date is not one year's figure; position words end the noun
    ("The line has carried more than 3 million passengers since it opened in 2016.",
     "The line carried 1.42 million passengers in 2025, up 9 percent.", D(2026, 4, 1), Stance.RELATED),
    ("Osby finished two points ahead of Kelby.", "Osby won the title to finish two points clear of Kelby.", D(2026, 5, 16), Stance.SUPPORTS),
    # a bare figure takes the noun its sentence names, to support only; not when another figure counts that noun
    ("Osby won 2-1 in front of 41,250 fans on Saturday.", "A crowd of 41,250 watched the match on Saturday.", D(2026, 5, 16), Stance.SUPPORTS),
    ("Osby won 2-1 in front of 41,250 fans on Saturday.", "Some 39,000 watched the match on Saturday.", D(2026, 5, 16), Stance.RELATED),
    # but "a crowd of", "a workforce of" name what they count
    ("Osby won 2-1 in front of 41,250 fans on Saturday.", "A crowd of 39,000 watched the match on Saturday.", D(2026, 5, 16), Stance.CONFLICTS),
    ("A peak workforce of 4,000 is expected at the bridge.", "Some 4,000 workers will be employed at the peak of the works on the bridge.",
     D(2026, 5, 16), Stance.SUPPORTS),
    ("The leaders signed 15 agreements.", "The summit ended with 12 agreements signed, fewer than the 15 officials had announced.",
     D(2026, 5, 16), Stance.CONFLICTS),
]


@pytest.mark.parametrize("case", QUANTITY_CASES)
def test_judge_quantity_same_thing_same_time(case):
    """Each case: claim, evidence, the evidence's date, the stance, and the article's date (a week later unless given)."""
    claim, evidence, published, stance, *article_date = case
    finding = judge_quantity(quantity_claim(claim), evidence, 0.8, (article_date or [published + dt.timedelta(days=7)])[0], published)
    assert finding.stance is stance, finding.note


def test_judge_quantity_the_title_dates_a_figure():
    profit = quantity_claim("The operator made a net profit of 21 million kroner in 2025, its first since 2019.")
    evidence = "The company made a net profit of 21 million kroner, its first profit since 2019."
    finding = judge_quantity(profit, evidence, 0.8, dt.date(2026, 4, 11), dt.date(2026, 4, 1), 0.8,
                             "Brennlink annual results 2025\n" + evidence)
    assert finding.stance is Stance.SUPPORTS, finding.note


REPORTED = "Marek said relations between the two countries do not depend on the current situation, the agency reported."


@pytest.mark.parametrize(("words", "stance", "note"), [
    ("Relations between the two countries don't depend on the current situation", Stance.SUPPORTS, "reworded"),
    ("Relations between the two countries do not depend on the present situation", Stance.SUPPORTS, "reworded"),
    ("Relations between the two countries depend on the current situation", Stance.CONFLICTS, "altered"),  # negation lost
])
def test_judge_quote_against_reported_speech_is_reworded_never_altered(words, stance, note):
    finding = judge_quote(quote_claim(words, "Alina Marek"), REPORTED)
    assert finding.stance is stance and note in finding.note


def test_judge_quote_against_the_speakers_own_different_words_is_altered():
    quoted = '"Relations between the two countries do not depend on the present situation," Marek said.'
    finding = judge_quote(quote_claim("Relations between the two countries do not depend on the current situation", "Alina Marek"), quoted)
    assert finding.stance is Stance.CONFLICTS and "altered" in finding.note


@pytest.mark.parametrize("evidence", [
    "A viral post claims that the Selva bridge will be closed to lorries from June.",
    "Social media users falsely claimed the Selva bridge will be closed to lorries from June.",
    "The ministry denied that the Selva bridge will be closed to lorries from June.",
    "Reporters asked whether the Selva bridge will be closed to lorries from June.",
])
def test_judge_a_repeated_or_denied_claim_never_supports(evidence):
    found = statement_against("The Selva bridge will be closed to lorries from June.", evidence, cosine=0.93,
                              article_date=dt.date(2026, 3, 13))
    assert found.stance is not Stance.SUPPORTS and not found.opening.may_support


def test_judge_quote_in_a_marked_translation_is_reworded():
    translated = ("Translated from Lirovian.\n\n“Relations between the two countries do not depend on the present situation,” "
                  "Marek told the newspaper.")
    finding = judge_quote(quote_claim("Relations between the two countries do not depend on the current situation",
                                      "Alina Marek"), translated)
    assert finding.stance is Stance.SUPPORTS and "another translation: reworded" in finding.note


def test_judge_quote_against_the_speakers_written_statement_is_altered():
    statement = "Statement by the Minister of Health, Ilse Brandt\n\nIt is not too late to get vaccinated this winter."
    finding = judge_quote(quote_claim("It is never too late to get vaccinated this winter", "Ilse Brandt"), statement)
    assert finding.stance is Stance.CONFLICTS and "altered" in finding.note


def test_judge_quote_speaker_comes_from_the_whole_documents_reading():
    """The passage alone says "he said" after a name that is not the speaker; the document's own reading
    (whom "he" meant there) credits the words, so a quote given to the man named in the passage is caught."""
    from verify.models import QuotedWords

    words = "we will rebuild the north pier before the winter storms arrive"
    passage = f"Premier Olaf Brandt visited the quay on Monday. “{words.capitalize()},” he said."
    claim = quote_claim(words.capitalize(), "Olaf Brandt")
    assert judge_quote(claim, passage).stance is Stance.SUPPORTS  # the passage alone: "he" is Brandt
    document_reading = (QuotedWords(words=f"{words.capitalize()},", speaker="Piet Hale"),)
    finding = judge_quote(claim, passage, quotes=document_reading)
    assert finding.stance is Stance.CONFLICTS and "Piet Hale" in finding.note


def test_judge_quote_uncued_in_evidence_about_someone_else_is_misattributed():
    """No cue names the speaker where the evidence quotes the words, the document is about another person
    there, and the claimed speaker is nowhere near: conflicting; the person it is about: no conflict."""
    from verify.models import QuotedWords

    words = "we will rebuild the north pier before the winter storms arrive"
    passage = f"The harbour was quiet on Monday.\n\n“{words.capitalize()}.”"
    reading = (QuotedWords(words=f"{words.capitalize()}.", speaker="Piet Hale", inferred=True),)
    assert judge_quote(quote_claim(words.capitalize(), "Olaf Brandt"), passage, quotes=reading).stance is Stance.CONFLICTS
    assert judge_quote(quote_claim(words.capitalize(), "Piet Hale"), passage, quotes=reading).stance is Stance.RELATED


def test_judge_quote_quantifier_changed_is_altered_not_minor():
    transcript = "FIRE CHIEF ANTON MIRELLE: We have sealed most of the leak, but not all of it yet."
    finding = judge_quote(quote_claim("We have sealed all of the leak, but not all of it yet", "Anton Mirelle"), transcript)
    assert finding.stance is Stance.CONFLICTS and "“all” → “most”" in finding.note


@pytest.mark.parametrize("claim, evidence, missing", [
    ("Firefighters from neighbouring Lirovia crossed into Vantland.", "A Lirovian team crossed into Vantland.", []),
    ("The Kenyan delegation arrived in Oslo.", "The delegation from Kenya arrived in Oslo.", []),
    ("A deal with Japan was signed in Oslo.", "The Japanese deal was signed in Oslo.", []),
    ("Troops from Niger crossed the border.", "Nigerian troops crossed the border.", ["Niger"]),  # another country
])
def test_judge_statement_place_and_its_adjective_are_one_name(claim, evidence, missing):
    from verify.judge.statement import covered, tokens

    assert covered(tokens(claim), tokens(evidence)) == missing


@pytest.mark.parametrize("span, claim, core", [
    ("The opposition Civic Alliance, led on the council by Maren Hollis, voted against, saying the 240 job cuts would fall "
     "hardest on the lowest-paid.", "The opposition Civic Alliance voted against the plan.", "The opposition Civic Alliance, voted against"),
    ("Prices rose 4%, the agency said, after a cold winter.", "Prices rose 4% after a cold winter.", "Prices rose 4%, after a cold winter."),
    ("The mayor, Lena Voss, opened the bridge.", "Lena Voss opened the bridge.", "The mayor, Lena Voss, opened the bridge."),  # the aside is the claim's
])
def test_judge_evidence_core_drops_only_asides_the_claim_does_not_share(span, claim, core):
    from verify.judge.evidence import core_of

    assert core_of(span, claim) == core


@pytest.mark.parametrize(("claim", "evidence", "stance"), [
    # a change and a level measure different things: neither contradicts the other
    ("The company's revenue rose to 388 million kroner last year.", "Its wage bill rose by 40 million kroner last year.",
     Stance.RELATED),
    ("The reform cuts the network to 53 routes.", "This reform cuts 11 routes and calls it progress.", Stance.RELATED),
    ("The reform cuts 11 routes.", "The council cut the number of routes to 53 on Wednesday.", Stance.RELATED),
    ("Admissions rose 9 percent last week.", "Admissions rose to 9 per 100,000 people last week.", Stance.RELATED),
    # two changes, or two levels, still do
    ("The reform cuts 15 routes.", "This reform cuts 11 routes and calls it progress.", Stance.CONFLICTS),
    ("Operations were up 15 percent on a year earlier.", "Hospitals carried out 18,700 operations, 6 percent more than a year earlier.",
     Stance.CONFLICTS),
    ("The company's revenue rose to 398 million kroner last year.", "Revenue rose to 388 million kroner last year.",
     Stance.CONFLICTS),
    ("The wage bill rose by 40 million kroner last year.", "The wage bill rose 40 million kroner last year.", Stance.SUPPORTS),
    ("Revenue climbed to 520 million kroner last year.", "Revenue rose to 388 million kroner last year.", Stance.CONFLICTS),
    # a run of years is no change, though its verb is one
    ("Passenger numbers have gone up five years in a row.", "It was the third year in a row that passenger numbers rose.",
     Stance.CONFLICTS),
    # the start of a change with its own year is that year's figure; the end of an approved one is a level
    ("Trade had stood at $5.5 billion in 2020.", "Trade reached $18.4 billion last year, up from $9.1 billion in 2020.",
     Stance.CONFLICTS),
    ("The reform cuts the network to 40 routes.", "The council approved a reform on Wednesday, cutting the number of routes "
     "from 64 to 53.", Stance.CONFLICTS),
])
def test_judge_quantity_a_change_is_never_held_against_a_level(claim, evidence, stance):
    finding = judge_quantity(quantity_claim(claim), evidence, 0.8, dt.date(2026, 4, 10), dt.date(2026, 4, 3))
    assert finding.stance is stance, finding.note


@pytest.mark.parametrize(("claim", "evidence", "stance"), [
    # a sum says nothing of what it is for: a sentence sharing only the company's name is about another sum
    ("Last year Brennlink's revenue rose to 388 million kroner.",
     "Brennlink ordered two ferries from the Kaldvik shipyard for 410 million kroner last year.", Stance.RELATED),
    ("Last year Brennlink's revenue rose to 388 million kroner.", "Brennlink's revenue was 410 million kroner last year.",
     Stance.CONFLICTS),
])
def test_judge_quantity_a_sum_is_contradicted_only_by_a_sentence_about_it(claim, evidence, stance):
    finding = judge_quantity(quantity_claim(claim), evidence, 0.8, dt.date(2026, 4, 10), dt.date(2026, 4, 3))
    assert finding.stance is stance, finding.note


@pytest.mark.parametrize(("claim", "evidence", "stance"), [
    # a head count bounded by a span of time counts only those it bounds: the whole list is no contradiction
    ("9,850 people had waited more than 12 months.", "Some 212,000 people are waiting for planned surgery in the region.",
     Stance.RELATED),
    ("9,850 people had waited more than 12 months.", "Of them, 11,200 people had been waiting more than a year.",
     Stance.CONFLICTS),
    ("9,850 people had waited more than 12 months.", "Of them, 9,850 people had been waiting more than a year.", Stance.SUPPORTS),
    ("Some 9,900 people had waited more than a year.", "Some 212,000 people are waiting for planned surgery.", Stance.RELATED),
    ("Some 200,000 people are waiting for planned surgery.", "The number of people waiting for planned surgery fell to "
     "150,000 last week.", Stance.CONFLICTS),
])
def test_judge_quantity_a_count_under_a_condition_is_held_to_counts_under_it(claim, evidence, stance):
    finding = judge_quantity(quantity_claim(claim), evidence, 0.8, dt.date(2026, 4, 10), dt.date(2026, 4, 8))
    assert finding.stance is stance, finding.note


JOURNEY = "Freight operators say a journey to the port that now takes {} hours will be done in under nine hours."
CUT = "Freight operators say the bridge could cut the journey to the port from two days to under nine hours."


@pytest.mark.parametrize(("claim", "evidence", "stance"), [
    # durations in two units contradict when both speak of one span
    ("The customs dispute had dragged on for two years.", "The two countries settled a seven-month dispute over customs "
     "checks on Sunday.", Stance.CONFLICTS),
    ("The customs dispute had dragged on for seven months.", "The two countries settled a seven-month dispute over customs "
     "checks on Sunday.", Stance.SUPPORTS),
    ("The energy agreement runs for three decades.", "The agreement runs for 20 years.", Stance.CONFLICTS),
    ("The energy agreement runs for two decades.", "The agreement runs for 20 years.", Stance.SUPPORTS),
    # and not otherwise: another span of the same story
    ("The customs dispute lasted seven months.", "The energy agreement runs for 20 years.", Stance.RELATED),
    (JOURNEY.format(48), CUT, Stance.SUPPORTS),
    (JOURNEY.format(72), CUT, Stance.CONFLICTS),
])
def test_judge_quantity_durations_in_two_units_contradict_as_one_span(claim, evidence, stance):
    finding = judge_quantity(quantity_claim(claim), evidence, 0.8, dt.date(2026, 4, 10), dt.date(2026, 4, 8))
    assert finding.stance is stance, finding.note


WAITING = ("The number of people waiting for planned surgery fell to 212,400 at the end of September, the ministry said. "
           "Of those, 9,850 had been waiting for more than a year, down from 11,200 in June.")


@pytest.mark.parametrize(("claim", "stance"), [
    # "Of those" counts a part of what the sentence before counted: it backs a claim about that part
    ("The ministry said 9,850 people had waited more than 12 months.", Stance.SUPPORTS),
    # and the start of a change with its own time is that time's figure
    ("In June, 11,200 people had been waiting more than 12 months for surgery.", Stance.SUPPORTS),
    # but never contradicts one: the part is read from the sentence before, not stated
    ("The ministry said 15,000 people had waited more than 12 months.", Stance.RELATED),
])
def test_judge_quantity_of_those_is_a_part_of_what_the_sentence_before_counted(claim, stance):
    finding = judge_quantity(quantity_claim(claim), WAITING, 0.8, dt.date(2026, 10, 8), dt.date(2026, 10, 5))
    assert finding.stance is stance, finding.note


LEAKS = "MAYOR: The leaks will be fixed as well. We have set aside 35 million crowns for it this year."


@pytest.mark.parametrize(("claim", "stance"), [
    # "for it": what the sum is for is said in the sentence before
    ("The council has earmarked 35 mln crowns for leak repairs this year.", Stance.SUPPORTS),
    ("The council has set aside 80 million crowns this year to fix leaking pipes.", Stance.CONFLICTS),
    ("The council has earmarked 80 million crowns for the new stadium this year.", Stance.RELATED),
])
def test_judge_quantity_a_sum_for_it_is_for_what_the_sentence_before_names(claim, stance):
    finding = judge_quantity(quantity_claim(claim), LEAKS, 0.6, dt.date(2026, 8, 22), dt.date(2026, 8, 5), 0.5)
    assert finding.stance is stance, finding.note


GOALS = "Striker Jonas Berg scored both goals, taking his tally for the season to 27, a club record."


@pytest.mark.parametrize(("claim", "stance"), [
    # "both goals" are two goals: they back "scored twice" and "two goals against Kelby Town"
    ("Berg scored twice as Norhaven beat Kelby Town on Saturday.", Stance.SUPPORTS),
    ("Berg scored two goals against Kelby Town.", Stance.SUPPORTS),
    # they contradict a count of that day's goals; "both" seldom says how many there are in all, so an undated count
    # (another match's, a season's) is left alone
    ("Berg scored three times as Norhaven beat Kelby Town on Saturday.", Stance.CONFLICTS),
    ("Berg scored three goals against Kelby Town.", Stance.RELATED),
])
def test_judge_quantity_both_is_two_of_what_it_names(claim, stance):
    finding = judge_quantity(quantity_claim(claim), GOALS, 0.7, dt.date(2026, 5, 18), dt.date(2026, 5, 16), 0.5)
    assert finding.stance is stance, finding.note


@pytest.mark.parametrize(("claim", "stance"), [
    # the whole is the sum of the steps; a step alone is no whole, and holds only a claim that is a step too
    ("The company's offer is worth 8 per cent over two years.", Stance.SUPPORTS),
    ("The company's offer adds a further 3 per cent in 2028.", Stance.SUPPORTS),
    # the sum names what it counts ("rise") where the claim does not: never support, never a conflict on a guess
    ("The company's offer is worth 11 per cent over two years.", Stance.RELATED),
    ("The company's offer is worth 3 per cent over two years.", Stance.RELATED),
])
def test_judge_quantity_steps_on_a_figure_are_summed(claim, stance):
    evidence = "The company's offer is a 5 per cent rise from January 2027 and a further 3 per cent from January 2028."
    finding = judge_quantity(quantity_claim(claim), evidence, 0.8, dt.date(2026, 11, 20), dt.date(2026, 11, 16))
    assert finding.stance is stance, finding.note


def test_judge_quantity_a_length_as_an_attribute_is_that_things_length():
    """"a 30-year concession" is the concession's length, no conflict with an offer "over two years"."""
    claim = quantity_claim("The dockers rejected Corvane's offer, which is worth 8 per cent over two years.")
    claim = claim.model_copy(update={"quantity": find_quantities(claim.sentence)[1].quantity})
    evidence = "The Ports Authority owns the quays and leases them to Corvane under a 30-year concession."
    finding = judge_quantity(claim, evidence, 0.7, dt.date(2026, 12, 4), dt.date(2026, 11, 16))
    assert finding.stance is Stance.RELATED, finding.note


def test_judge_quantity_distance_in_other_units_and_a_ship_by_another_name():
    claim = quantity_claim("The harbour master said some ships were waiting as far as 7.5 miles offshore on Tuesday.")
    finding = judge_quantity(claim, "The furthest of the waiting ships is lying some 12 kilometres off the bar, the harbour master said.",
                             0.7, dt.date(2026, 12, 4), dt.date(2026, 12, 1))
    assert finding.stance is Stance.SUPPORTS, finding.note
    claim = quantity_claim("The harbour master said 46 ships were waiting at anchor on Tuesday.")
    finding = judge_quantity(claim, "The harbour master said 38 vessels were waiting at anchor on Tuesday.", 0.8,
                             dt.date(2026, 12, 4), dt.date(2026, 12, 1))
    assert finding.stance is Stance.CONFLICTS, finding.note


@pytest.mark.parametrize(("passage", "stance"), [
    # the evidence credits the words to someone it never gives the article's role: no support, and no conflict
    ("The chamber estimates the cost at €11m a day. Its president, Abel Quist, urged both sides to settle. “Every day "
     "this drags on, the whole estuary pays the bill,” Quist said.", Stance.RELATED),
    # the role is theirs: the words back the quote
    ("Oriel Fanshaw, the regional transport minister, urged both sides to settle. “Every day this drags on, the whole "
     "estuary pays the bill,” Fanshaw said.", Stance.SUPPORTS),
])
def test_judge_quote_of_a_described_speaker_needs_evidence_giving_them_that_role(passage, stance):
    claim = quote_claim("Every day this drags on, the whole estuary pays the bill", "the regional transport minister")
    assert judge_quote(claim, passage).stance is stance


@pytest.mark.parametrize(("claim", "evidence", "published", "stance"), [
    ("No one was killed in the derailment.", "The driver was slightly hurt. There were no deaths.", dt.date(2026, 12, 1), Stance.SUPPORTS),
    ("No one was killed in the derailment.", "“No one has lost their life,” the mayor said.", dt.date(2026, 12, 2), Stance.SUPPORTS),
    ("Nobody was hurt at the march.", "Police said there were no casualties at the Kerrow march.", None, Stance.SUPPORTS),
    # another kind of zero, another time, a zero only repeated, or no zero at all
    ("No one was killed in the derailment.", "No one was hurt, and no grain was spilled.", dt.date(2026, 12, 1), Stance.RELATED),
    ("No one was killed in the derailment.", "There were no deaths.", dt.date(2021, 3, 9), Stance.RELATED),
    ("No one was killed in the derailment.", "A viral post claims that no one was killed.", dt.date(2026, 12, 1), Stance.RELATED),
    ("No one was killed in the derailment.", "There was no word on how many people died.", dt.date(2026, 12, 1), Stance.RELATED),
])
def test_judge_a_count_of_zero_in_other_words(claim, evidence, published, stance):
    assert statement_against(claim, evidence, published).stance is stance


def test_judge_a_count_of_zero_about_other_actors_is_no_support():
    found = statement_against("No one was killed in the Kerrowmere derailment.", "A bus left the road near Tarrow on Monday. "
                              "There were no deaths.", dt.date(2026, 12, 1), entities=("Kerrowmere",))
    assert found.stance is not Stance.SUPPORTS


def test_judge_quantity_steps_sum_only_with_their_base():
    """"87 per cent voted against a 5 per cent rise and a further 3 per cent": the 87 is no part of the sum."""
    evidence = ("On Friday, 87 per cent of the members who voted rejected the offer of a 5 per cent rise from January "
                "2027 and a further 3 per cent from January 2028.")
    vote = judge_quantity(quantity_claim("On Friday, 91 per cent of the members who voted rejected the offer."), evidence,
                          0.8, dt.date(2026, 11, 20), dt.date(2026, 11, 16))
    assert vote.stance is Stance.CONFLICTS and vote.evidence_quantity.value == 87
    offer = judge_quantity(quantity_claim("The members rejected an offer worth 8 per cent in all."), evidence,
                           0.8, dt.date(2026, 11, 20), dt.date(2026, 11, 16))
    assert offer.stance is not Stance.CONFLICTS


@pytest.mark.parametrize(("claim", "stance"), [
    # what one side asks for says nothing against what was offered; a demand is held to a demand
    ("The union members rejected an offer worth 8 per cent.", Stance.RELATED),
    ("The union is asking for 12 per cent.", Stance.CONFLICTS),
    ("The union wants 9 per cent.", Stance.SUPPORTS),
])
def test_judge_quantity_a_demand_is_held_only_to_a_demand(claim, stance):
    evidence = "The union is asking for 9 per cent in a single year, arguing that its members' pay has fallen behind prices."
    finding = judge_quantity(quantity_claim(claim), evidence, 0.8, dt.date(2026, 12, 4), dt.date(2026, 11, 28))
    assert finding.stance is stance, finding.note


def test_judge_a_figure_the_evidence_denies_backs_nothing():
    claim = quantity_claim("Some 1,140 planned operations and outpatient appointments have had to be put off.")
    evidence = ("The nurses' association said on Saturday that at least 1,600 planned operations and outpatient appointments "
                "had been postponed since the cyber attack, not the 1,140 the trust reported on Friday.")
    finding = judge_quantity(claim, evidence, 0.8, dt.date(2026, 11, 29), dt.date(2026, 11, 28))
    assert finding.stance is Stance.CONFLICTS and "1,600" in finding.note


def test_judge_quote_single_marks_around_the_evidence_words_are_no_change():
    claim = quote_claim("Nurses are writing drug charts by hand at three in the morning", "Moira Tallent")
    evidence = ("The association said its figure came from ward lists. 'Nurses are writing drug charts by hand at three in "
                "the morning. That is where mistakes happen,' said Moira Tallent, the association's regional secretary.")
    assert judge_quote(claim, evidence).stance is Stance.SUPPORTS


def test_judge_quote_of_a_spokeswoman_is_backed_by_whoever_speaks_for_the_organisation():
    claim = quote_claim("Anyone who gets a call asking for bank details in the trust's name should hang up",
                        "the hospital's spokeswoman")
    passage = ("Jessamy Pruett, the trust's head of communications, said: \"Anyone who gets a call asking for bank details "
               "in the trust's name should hang up.\"")
    assert judge_quote(claim, passage).stance is Stance.SUPPORTS
