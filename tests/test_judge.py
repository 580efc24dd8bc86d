import datetime as dt

import pytest

from verify.extract.quantities import find_quantities
from verify.judge.quantity import judge_quantity, overlaps
from verify.judge.quote import judge_quote
from verify.models import QuantityClaim, QuoteClaim, Stance


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


@pytest.mark.parametrize(
    ("evidence", "claim", "stance"),
    [
        (CHANGE, "The exchange programme had more than 800 students a year before the summit.", Stance.CONFLICTS),
        (CHANGE, "The exchange programme will take 2,500 students a year.", Stance.SUPPORTS),
        (TARGET, "The plant has more than 850 workers.", Stance.RELATED),  # a target is not a current figure
        (TARGET, "The plant will grow to 900 workers.", Stance.SUPPORTS),
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
    # "the minister said" and "Tomas Oduya told reporters" may be the same person: only names can disagree
    words = "Trade between our countries has doubled in five years, and the bridge will double it again"
    assert judge_quote(quote_claim(words, "the minister"), EVIDENCE).stance is Stance.SUPPORTS
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


def test_judge_quantity_currency_in_words_needs_the_same_context():
    claim = quantity_claim("The new terminal will cost 640 million crowns.")
    other_sum = "We have set aside 35 million crowns for road repairs this year."
    assert judge_quantity(claim, other_sum, 0.5, dt.date(2026, 8, 22), dt.date(2026, 8, 5)).stance is Stance.RELATED
    # "once interest is included" is a passive, not a partial list: the figure counts
    higher = "The new terminal will cost at least 900 million crowns once interest is included, critics said."
    assert judge_quantity(claim, higher, 0.7, dt.date(2026, 8, 22), dt.date(2026, 8, 13)).stance is Stance.CONFLICTS


def test_judge_quantity_ordinal_counts_what_its_sentence_named():
    claim = quantity_claim("It is the third hosepipe ban since 2010.")
    evidence = "The authority imposed a hosepipe ban on Monday, its third since 2010."
    assert judge_quantity(claim, evidence, 0.7, dt.date(2026, 8, 22), dt.date(2026, 8, 3)).stance is Stance.SUPPORTS


def test_judge_quantity_level_at_another_time_is_not_a_conflict():
    claim = quantity_claim("Reservoirs fell to 31 percent of capacity this month, the lowest since records began.")
    old = "Reservoirs fell to 38 percent of capacity after a dry spring."
    finding = judge_quantity(claim, old, 0.8, dt.date(2026, 8, 22), dt.date(2022, 7, 10))
    assert finding.stance is Stance.RELATED and "another time" in finding.note
    # a level has no scope: "since records began" is no other count than "this month"
    same = "Reservoirs were at 31 percent of capacity on Monday, the lowest since records began in 1962."
    assert judge_quantity(claim, same, 0.8, dt.date(2026, 8, 22), dt.date(2026, 8, 3)).stance is Stance.SUPPORTS


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


def test_judge_quantity_from_another_year_is_another_time_but_the_same_year_is_not():
    claim = quantity_claim("Ferry use in Osland rose 12% last year to 4.1 million crossings.")
    old = "Ferry crews in Osland struck on Monday for a pay rise of 6 percent."
    finding = judge_quantity(claim, old, 0.6, dt.date(2026, 5, 11), dt.date(2020, 9, 14))
    assert finding.stance is Stance.RELATED and "another time" in finding.note
    # a date in the claim's sentence that belongs to its event does not move a lasting figure to another week
    plant = quantity_claim("On Tuesday the council approved a plant that will produce 150,000 cubic metres a day.")
    evidence = "The council approved a plant on Tuesday that will produce 150,000 cubic metres a day."
    assert judge_quantity(plant, evidence, 0.9, dt.date(2026, 8, 22), dt.date(2026, 8, 12)).stance is Stance.SUPPORTS


def test_judge_quantity_future_claim_is_held_to_a_plan_and_since_is_no_date_of_its_own():
    claim = quantity_claim("The crews' union will hold its fifth strike since 2020 on May 20.")
    plan = "The crews' union said it would hold a one-day strike on May 20, its fifth strike since 2020."
    assert judge_quantity(claim, plan, 0.8, dt.date(2026, 5, 11), dt.date(2026, 5, 9)).stance is Stance.SUPPORTS
    older = "Ferry crews began their third strike of the year on Monday."
    assert judge_quantity(claim, older, 0.6, dt.date(2026, 5, 11), dt.date(2020, 9, 14)).stance is Stance.RELATED


def test_judge_quantity_bare_figures_are_compared_only_in_the_same_words():
    claim = quantity_claim("The number of people waiting for surgery in Osland fell to about 41,000 in May.")
    same = "The number of people waiting for surgery in Osland fell to 41,200 in May, the ministry said."
    assert judge_quantity(claim, same, 0.8, dt.date(2026, 6, 9), dt.date(2026, 6, 2)).stance is Stance.SUPPORTS
    short = quantity_claim("Of those waiting, 2,850 had waited for over a year.")
    other = "The number of people waiting reached a record 51,000 in February."
    assert judge_quantity(short, other, 0.6, dt.date(2026, 6, 9), dt.date(2026, 6, 2)).stance is Stance.RELATED


def test_judge_quantity_conflict_needs_the_same_event_and_time():
    left = quantity_claim("The union says 1,510 nurses left last year.")
    hired = "We hired 1,340 nurses last year, more than in any year since 2015."
    assert judge_quantity(left, hired, 0.6, dt.date(2026, 10, 9), dt.date(2026, 10, 6)).stance is Stance.RELATED
    # an undated level is the article's time: a level from two years before does not contradict it
    level = quantity_claim("The surgery waiting list in Osland stands at 41,000 people.")
    old = "The surgery waiting list in Osland stands at a record 51,000 people."
    finding = judge_quantity(level, old, 0.8, dt.date(2026, 10, 9), dt.date(2024, 3, 12))
    assert finding.stance is Stance.RELATED and "another time" in finding.note
    assert judge_quantity(level, old, 0.8, dt.date(2026, 10, 9), dt.date(2026, 9, 30)).stance is Stance.CONFLICTS


def test_judge_quantity_cumulative_total_is_not_one_years_figure_and_the_title_dates_a_figure():
    total = quantity_claim("The line has carried more than 3 million passengers since it opened in 2016.")
    year = "The line carried 1.42 million passengers in 2025, up 9 percent."
    assert judge_quantity(total, year, 0.8, dt.date(2026, 4, 11), dt.date(2026, 4, 1)).stance is Stance.RELATED
    profit = quantity_claim("The operator made a net profit of 21 million kroner in 2025, its first since 2019.")
    evidence = "The company made a net profit of 21 million kroner, its first profit since 2019."
    finding = judge_quantity(profit, evidence, 0.8, dt.date(2026, 4, 11), dt.date(2026, 4, 1), 0.8,
                             "Brennlink annual results 2025\n" + evidence)
    assert finding.stance is Stance.SUPPORTS, finding.note


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


def test_judge_quantity_bare_figure_takes_the_noun_its_sentence_names_to_support_only():
    fans = quantity_claim("Osby won 2-1 in front of 41,250 fans on Saturday.")
    crowd = "A crowd of 41,250 watched the match on Saturday."
    assert judge_quantity(fans, crowd, 0.7, dt.date(2026, 5, 18), dt.date(2026, 5, 16)).stance is Stance.SUPPORTS
    other = "A crowd of 39,000 watched the match on Saturday."
    assert judge_quantity(fans, other, 0.7, dt.date(2026, 5, 18), dt.date(2026, 5, 16)).stance is Stance.RELATED
    # "12 agreements signed, fewer than the 15 announced": the 15 counts no signed agreements
    signed = quantity_claim("The leaders signed 15 agreements.")
    both = "The summit ended with 12 agreements signed, fewer than the 15 officials had announced."
    assert judge_quantity(signed, both, 0.8, dt.date(2026, 3, 13), dt.date(2026, 3, 13)).stance is Stance.CONFLICTS


def test_judge_quantity_position_words_and_undated_levels():
    ahead = quantity_claim("Osby finished two points ahead of Kelby.")
    clear = "Osby won the title to finish two points clear of Kelby."
    assert judge_quantity(ahead, clear, 0.8, dt.date(2026, 5, 18), dt.date(2026, 5, 16)).stance is Stance.SUPPORTS
    level = quantity_claim("Average attendance at the stadium is about 28,000.")
    old = "Average attendance at the stadium rose to 28,400."
    finding = judge_quantity(level, old, 0.8, dt.date(2026, 5, 18), dt.date(2024, 5, 20))
    assert finding.stance is Stance.RELATED and "another time" in finding.note
