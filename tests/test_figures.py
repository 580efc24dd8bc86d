"""Figures in any spelling: units, money, the counted thing, the time of the fact, one reading of a reported clause."""

import datetime as dt

import pytest

from verify.extract.quantities import find_quantities
from verify.judge.clause import judge_reported_clause
from verify.judge.quantity import judge_quantity
from verify.models import QuoteClaim, Stance
from conftest import quantity_claim

THURSDAY, FRIDAY, SATURDAY = dt.date(2026, 3, 12), dt.date(2026, 3, 13), dt.date(2026, 3, 14)


def stance(sentence, evidence, article=FRIDAY, published=THURSDAY):
    return judge_quantity(quantity_claim(sentence), evidence, 0.8, article, published, 0.8).stance


# --- units, through pint -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "value", "unit"), [
    ("Ostrel will supply 1,200 MW of hydropower.", 1200, "MW"),
    ("Ostrel will supply up to 1,200 megawatts of hydropower.", 1200, "MW"),
    ("A 1,200MW plant will open.", 1200, "MW"),
    ("The bridge will run 62km.", 62, "km"),
    ("The bridge will run 39 miles.", 39, "mi"),
    ("The lake covers about 60 sq km.", 60, "km ** 2"),
    ("It was 50°F in the town.", 50, "°F"),
    ("It was 10 degrees Celsius in the town.", 10, "°C"),
    ("The port handled 12 million tonnes of cargo.", 12e6, "t"),
    ("The trains ran at 70 miles an hour.", 70, "mi / h"),
])
def test_units_abbreviations_and_words_are_one_unit(sentence, value, unit):
    (mention,) = find_quantities(sentence)
    assert (mention.quantity.value, mention.quantity.unit) == (value, unit)


@pytest.mark.parametrize(("claim", "evidence", "expected"), [
    ("Ostrel will supply 1,200 MW of hydropower to Varnia.", "Ostrel will supply up to 1,200 megawatts of hydropower to Varnia.",
     Stance.SUPPORTS),
    ("Ostrel will supply 1.2 GW of hydropower to Varnia.", "Ostrel will supply 1,200 megawatts of hydropower to Varnia.",
     Stance.SUPPORTS),
    ("Ostrel will supply 2,000 MW of hydropower to Varnia.", "Ostrel will supply 1,200 megawatts of hydropower to Varnia.",
     Stance.CONFLICTS),
    ("The Selva bridge will run 39 miles.", "The Selva bridge will run 62 kilometres.", Stance.SUPPORTS),  # 38.5 miles
    ("The Selva bridge will run 50 miles.", "The Selva bridge will run 62 kilometres.", Stance.CONFLICTS),
    ("The reservoir at Kestrel Bay was 50°F on Monday.", "The reservoir at Kestrel Bay was 10 °C on Monday.", Stance.SUPPORTS),
    ("The port of Brenmark handled 12 million tons of cargo.", "The port of Brenmark handled 12 million tonnes of cargo.",
     Stance.SUPPORTS),
])
def test_units_conversions_within_rounding(claim, evidence, expected):
    assert stance(claim, evidence) is expected


# --- money ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "unit"), [
    ("The bridge will cost US$3.2bn.", "$"),
    ("The bridge will cost USD 3.2 billion.", "$"),
    ("The bridge will cost 3.2 billion USD.", "$"),
    ("The bridge will cost €3.2bn.", "€"),
    ("The bridge will cost EUR 3.2 billion.", "€"),
    ("The bridge will cost 3.2 billion euros.", "€"),
    ("The bridge will cost C$3.2 billion.", "CAD"),
    ("The bridge will cost 3.2 billion Canadian dollars.", "CAD"),
])
def test_money_spellings_are_one_currency_each(sentence, unit):
    (mention,) = find_quantities(sentence)
    assert (mention.quantity.value, mention.quantity.unit) == (3.2e9, unit)


@pytest.mark.parametrize(("claim", "expected"), [
    ("The Selva bridge will cost roughly 3.2 billion dollars.", Stance.SUPPORTS),
    ("The Selva bridge will cost about US$3.2bn.", Stance.SUPPORTS),
    ("The Selva bridge will cost about USD 3.2 billion.", Stance.SUPPORTS),
    ("The Selva bridge will cost about 3.2 billion Canadian dollars.", Stance.CONFLICTS),  # another dollar
])
def test_money_currency_is_part_of_the_comparison(claim, expected):
    evidence = "The Selva bridge is expected to cost about $3.2 billion, shared equally between the two governments."
    assert stance(claim, evidence) is expected


# --- the counted thing, read from the clause ------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "counted"), [
    ("It was the seventh time Marek had visited Ostrel since she took office.", "visits"),
    ("Marek visited Ostrel for the seventh time since taking office.", "visits"),
    ("It was the fifth time that the two leaders have met.", "meetings"),
    ("Sales were three times higher than a year ago.", ""),  # "times" alone counts nothing
    ("Norhaven United won the league for the 11th time on Saturday.", "league"),  # the verb's object, a thing
])
def test_counted_thing_is_read_from_the_whole_clause(sentence, counted):
    (mention,) = find_quantities(sentence)
    assert mention.quantity.counted == counted


def test_counted_times_is_held_to_the_visits_it_counts():
    claim = "It was the seventh time Marek had visited Ostrel since she took office."
    evidence = "Marek arrived in Lindhaven on Thursday, her seventh visit to Ostrel since taking office in 2017."
    assert stance(claim, evidence) is Stance.SUPPORTS
    assert stance(claim, "Marek's visit to Lindhaven is her fifth time as president.", published=dt.date(2023, 9, 20)) \
        is not Stance.CONFLICTS


# --- the time of the fact, not of the saying -------------------------------------------------------------------


def test_time_of_the_saying_does_not_date_the_figure():
    claim = "The trip was Marek's seventh visit to Ostrel since taking office, officials said on Friday."
    evidence = "Marek arrived in Lindhaven on Thursday, her seventh visit to Ostrel since taking office in 2017."
    assert stance(claim, evidence, article=SATURDAY) is Stance.SUPPORTS


def test_time_running_total_of_a_trip_holds_on_each_of_its_days():
    claim = "On Friday, on the second day of her seventh visit to Ostrel since taking office, Marek toured the port."
    evidence = "Marek arrived in Lindhaven on Thursday, her seventh visit to Ostrel since taking office in 2017."
    assert stance(claim, evidence, article=SATURDAY) is Stance.SUPPORTS


# --- one claim, one reading ------------------------------------------------------------------------------------


def reported(clause, sentence):
    at = sentence.find(clause)
    return QuoteClaim(id="c1", text=clause, start=at, end=at + len(clause), sentence=sentence, query=f"officials: {clause}",
                      quote=clause, speaker="officials", direct=False)


def clause_stance(claim, evidence, cosine=0.75):
    passage = (evidence, evidence, "", "")
    return judge_reported_clause(claim, evidence, cosine, (SATURDAY, dt.date(2026, 3, 10)), passage, 0.8, 0.72).stance


def test_one_reading_another_scope_in_a_reported_clause_is_no_conflict():
    sentence = "The trip was Marek's seventh visit to Ostrel since taking office, officials said on Friday."
    claim = reported("The trip was Marek's seventh visit to Ostrel since taking office", sentence)
    evidence = "It will be Marek's third visit to Ostrel since her re-election in 2022."
    assert clause_stance(claim, evidence) is not Stance.CONFLICTS


def test_one_reading_a_wrong_figure_in_a_reported_clause_conflicts_and_a_right_one_supports():
    evidence = "The Selva rail bridge will run 62 kilometres and is expected to cost about $3.2 billion."
    wrong = "The Selva rail bridge will run 62 kilometres and is expected to cost about $5 billion"
    right = "The Selva rail bridge will run 62 kilometres and is expected to cost roughly 3.2 billion dollars"
    assert clause_stance(reported(wrong, f"{wrong}, officials said."), evidence, 0.95) is Stance.CONFLICTS
    assert clause_stance(reported(right, f"{right}, officials said."), evidence, 0.95) is Stance.SUPPORTS


@pytest.mark.parametrize(("claim", "expected"), [
    ("The Selva bridge will cost about €3.2 billion.", Stance.CONFLICTS),  # the same number in another currency
    ("The Selva bridge will cost about €2.9 billion.", Stance.RELATED),  # may be a conversion: says nothing
])
def test_money_the_same_number_in_another_currency_conflicts(claim, expected):
    evidence = "The Selva bridge is expected to cost about $3.2 billion, shared equally between the two governments."
    assert stance(claim, evidence) is expected


@pytest.mark.parametrize(("sentence", "value", "unit"), [
    ("The operator took in 388m kroner.", 388e6, "kr"),
    ("Repairs cost 35 mln crowns.", 35e6, "kr"),
    ("A 21-million-kroner loss was reported.", 21e6, "kr"),
    ("The waiting list reached 251k.", 251e3, ""),
])
def test_money_scales_and_crowns(sentence, value, unit):
    (mention,) = find_quantities(sentence)
    assert (mention.quantity.value, mention.quantity.unit) == (value, unit)


@pytest.mark.parametrize(("claim", "expected"), [
    ("Thursday's talks were the leaders' 27th meeting since 2017.", Stance.SUPPORTS),
    ("Thursday's talks were the leaders' 28th meeting since 2017.", Stance.RELATED),  # the count may predate the meeting
])
def test_counted_an_events_rank_is_a_count_of_such_events(claim, expected):
    evidence = "The leaders have met 27 times since 2017, including at regional summits."
    assert stance(claim, evidence) is expected


@pytest.mark.parametrize(("claim", "evidence", "expected"), [
    ("The energy deal runs for two decades.", "The agreement runs for 20 years.", Stance.SUPPORTS),
    ("A journey to Brenmark now takes 48 hours.", "The journey to Brenmark now takes two days.", Stance.SUPPORTS),
    ("The customs dispute lasted seven months.", "The customs agreement runs for 20 years.", Stance.RELATED),
])
def test_units_durations_agree_once_converted_and_never_contradict(claim, evidence, expected):
    assert stance(claim, evidence) is expected


def test_units_two_way_is_no_count():
    assert [m.quantity.value for m in find_quantities("Two-way trade stood at $14.2 billion in 2022.")] == [14.2e9]


@pytest.mark.parametrize(("sentence", "unit"), [
    ("Riders took 48.6 million bus trips.", ""),  # "bus" is no plural of "bu" (bushels)
    ("Osby have won 3 league titles.", ""),  # a league is a length to pint, a competition to news
    ("The plant will produce 150,000 m3 of water a day.", "m ** 3"),
])
def test_units_words_of_prose_are_not_units(sentence, unit):
    (mention,) = find_quantities(sentence)
    assert mention.quantity.unit == unit


def test_approximation_a_round_figure_stands_for_what_rounds_to_it():
    evidence = "At the end of September 212,000 people were waiting for planned surgery in Carradine."  # for 212,400
    claim = "At the end of September just over 212,000 people were waiting for planned surgery in Carradine."
    assert stance(claim, evidence) is Stance.SUPPORTS
    assert stance(claim.replace("212,000", "215,000"), evidence) is Stance.CONFLICTS


def test_approximation_a_figure_held_loosely_backs_a_claim_but_never_contradicts_it():
    evidence = ("The number of people waiting for planned surgery in Carradine fell to 212,400 at the end of September, the "
                "Health Ministry said on Monday. Of those, 9,850 had been waiting for more than a year, down from 11,200 in June.")
    claim = "The ministry said 9,850 people had waited more than 12 months."
    assert stance(claim, evidence, dt.date(2026, 10, 8), dt.date(2026, 10, 5)) is not Stance.CONFLICTS


def test_a_month_before_a_large_figure_does_not_make_it_a_day():
    assert [m.quantity.value for m in find_quantities("In September 212,000 people were waiting.")] == [212000]


@pytest.mark.parametrize(("claim", "evidence", "article", "published", "expected"), [
    # a request's figure is a target, not a result
    ("The authority asked every household to cut its water use by 20 percent.",
     "Household water consumption in the Kestrel Bay region fell 14 percent in the first week of the ban.",
     dt.date(2026, 8, 22), dt.date(2026, 8, 14), Stance.RELATED),
    # a level on two days the texts name, weeks apart, is two levels
    ("Reservoirs in the Kestrel Bay region were at 31% of capacity on August 3.",
     "Reservoirs in the Kestrel Bay region fell to 24 percent of capacity on August 20.",
     dt.date(2026, 8, 22), dt.date(2026, 8, 20), Stance.RELATED),
    ("Reservoirs in the Kestrel Bay region were at 31% of capacity on August 3.",
     "Reservoirs in the Kestrel Bay region fell to 24 percent of capacity on August 4.",
     dt.date(2026, 8, 22), dt.date(2026, 8, 4), Stance.CONFLICTS),
])
def test_time_targets_and_levels_of_other_days(claim, evidence, article, published, expected):
    assert stance(claim, evidence, article, published) is expected


def test_units_a_rate_with_its_noun_before_per_is_the_same_rate():
    evidence = "The rate of hospital admissions for flu reached 14.8 per 100,000 people."
    assert stance("The rate hit 14.8 admissions per 100,000 residents.", evidence) is Stance.SUPPORTS
    assert stance("The rate hit 4.5 admissions per 100,000 residents.", evidence) is Stance.CONFLICTS


def test_one_reading_a_clause_whose_figures_the_passage_states_in_its_words_is_supported():
    sentence = "Chief executive Mette Lund said the wage bill had risen by 40 million kroner."
    claim = reported("the wage bill had risen by 40 million kroner.", sentence)
    evidence = "But our wage bill rose by 40 million kroner last year, and we will not cut the number of crossings."
    assert clause_stance(claim, evidence, 0.9) is Stance.SUPPORTS


def test_time_a_figure_and_its_year_are_no_share_and_a_scope_ends_with_its_clause():
    found = [(m.quantity.value, m.quantity.scope) for m in
             find_quantities("The network had 64 routes at the end of 2025, down from 71 in 2019.")]
    assert found == [(64, ""), (71, "in 2019")]


@pytest.mark.parametrize(("claim", "expected"), [
    ("Bilateral trade hit $18.4bn in 2025.", Stance.SUPPORTS),  # the same specific figure, and "trade"
    ("Varnia will spend $18.4bn on defence in 2025.", Stance.RELATED),  # the same figure, but only a name in common
])
def test_money_the_same_specific_sum_needs_a_word_of_what_it_is_about(claim, expected):
    evidence = ("Trade between Varnia and Ostrel reached $18.4 billion last year, according to the Ostrel Statistics "
                "Office, up from $9.1 billion in 2020.")
    assert judge_quantity(quantity_claim(claim), evidence, 0.3, FRIDAY, THURSDAY, 0.8).stance is expected


def test_time_an_undated_level_newer_evidence_backs_is_not_disputed_by_an_older_one():
    from verify.judge import judgment_of, stance_for
    from verify.models import RetrievedPassage

    def passage(text, published):
        return RetrievedPassage(passage_id=0, document_id=str(published), title="Flu", source="Agency", url="", published=published,
                                text=text, start=0, end=len(text), dense_score=0.8, lexical_score=1.0, fused_score=0.8)

    claim = quantity_claim("Hospital admissions for flu in Marland reached 14.8 per 100,000 people.", entities=("Marland",))
    passages = [passage("Flu admissions in Marland reached 14.8 per 100,000 people.", dt.date(2026, 2, 3)),
                passage("Flu admissions in Marland peaked at 9.6 per 100,000 people.", dt.date(2025, 1, 20))]
    from verify.judge.evidence import best_span
    spans = [best_span(claim.query, p) for p in passages]
    findings = [stance_for(claim, p, s, 0.8, dt.date(2026, 2, 5)) for p, s in zip(passages, spans)]
    judged = judgment_of(claim, passages, spans, [0.8, 0.8], findings, dt.date(2026, 2, 5))
    assert judged.verdict.value == "supported"


@pytest.mark.parametrize(("claim", "which", "expected"), [
    ("Freight operators say a journey to Brenmark that now takes 48 hours will be done in under nine hours.", 0, Stance.SUPPORTS),
    ("Freight operators say a journey to Brenmark that now takes 48 hours will be done in under nine hours.", 1, Stance.SUPPORTS),
    ("Today the rail journey from Varnia's northern provinces to the port of Brenmark takes at most 1 days.", 0, Stance.CONFLICTS),
])
def test_time_a_figure_of_now_is_held_to_where_a_change_to_come_starts(claim, which, expected):
    evidence = ("Freight operators say the bridge will cut the rail journey from Varnia's northern provinces to the port of "
                "Brenmark from two days to under nine hours.")
    assert judge_quantity(quantity_claim(claim, which), evidence, 0.8, FRIDAY, FRIDAY, 0.8).stance is expected


# --- a group's size written as an adjective ------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "counted"), [
    ("A nine-member panel of judges will hear the appeal.", "judges"),
    ("A 40-strong crew worked through the night.", "crew"),
    ("The 15-member board voted on Monday.", "board"),
    ("Rescuers brought in a six-person team of divers.", "divers"),
])
def test_figures_group_size_adjective_counts_the_group(sentence, counted):
    assert find_quantities(sentence)[0].quantity.counted == counted


@pytest.mark.parametrize(("claim", "evidence", "expected"), [
    ("Three members of the ship's crew were injured.", "A 15-member team of divers joined the search on Monday.",
     Stance.RELATED),
    ("Three members of the board resigned on Monday.", "The 11-member board met on Monday.", Stance.RELATED),
    ("A dozen divers joined the search on Monday.", "A 12-member team of divers joined the search on Monday.",
     Stance.SUPPORTS),
])
def test_figures_group_size_is_no_count_of_some_members(claim, evidence, expected):
    assert stance(claim, evidence) is expected


# --- numbers in several words, shares, fractions of a unit ---------------------------------------------------


@pytest.mark.parametrize(("sentence", "value", "unit"), [
    ("Three hundred and forty passengers were on board.", 340, ""),
    ("Twenty-five thousand, six hundred runners took part.", 25600, ""),
    ("One and a half million people voted.", 1.5e6, ""),
    ("The scheme cost two and a half billion euros.", 2.5e9, "€"),
    ("Half a million homes lost power.", 5e5, ""),
    ("The petition passed a quarter of a million signatures.", 2.5e5, ""),
    ("The school is half a mile from the river.", 0.5, "mi"),
    ("The debate lasted two and a half hours.", 2.5, "h"),
    ("The treaty held for half a century.", 50, "a"),
    ("Nearly two-thirds of members backed the motion.", 66.67, "percent"),
    ("The council cut its budget by a fifth.", 20, "percent"),
])
def test_figures_several_words_are_one_figure(sentence, value, unit):
    q = find_quantities(sentence)[0].quantity
    assert (q.value, q.unit) == (pytest.approx(value), unit)
    assert len(find_quantities(sentence)) == 1


@pytest.mark.parametrize(("claim", "evidence", "expected"), [
    ("Turnout was just under a third of the electorate on Thursday.", "Turnout was 31 percent of the electorate on Thursday.",
     Stance.SUPPORTS),
    ("Turnout was two-thirds of the electorate on Thursday.", "Turnout was 31 percent of the electorate on Thursday.",
     Stance.CONFLICTS),
    ("Three-quarters of the staff work part-time, the survey found.", "74% of the staff work part-time, the survey found.",
     Stance.SUPPORTS),
    ("The crossing is half a mile long, the council said.", "The crossing is 800 metres long, the council said.", Stance.SUPPORTS),
    ("The crossing is half a mile long, the council said.", "The crossing is 2 kilometres long, the council said.", Stance.CONFLICTS),
])
def test_figures_shares_and_fractions_of_units_are_compared(claim, evidence, expected):
    assert stance(claim, evidence) is expected


@pytest.mark.parametrize(("claim", "evidence", "expected"), [
    ("No pupil walks more than half a mile to school, the council said.",
     "No pupil walks more than 800 metres to school, the council said.", Stance.SUPPORTS),
    ("Sales at every shop fell 9% last month.", "We are asking every shop to cut its sales by 30 percent.",
     Stance.RELATED),
])
def test_figures_round_bounds_and_requests(claim, evidence, expected):
    assert stance(claim, evidence) is expected


# --- frequencies ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "surface", "unit"), [
    ("Trams will run every five minutes at peak times.", "every five minutes", "1 / min"),
    ("The committee meets four times a year.", "four times a year", "1 / a"),
    ("Bins are emptied twice a week.", "twice a week", "1 / week"),
])
def test_figures_frequency_is_a_figure_per_unit_of_time(sentence, surface, unit):
    from verify.extract import extract_claims
    from verify.models import Article

    claims = [c for c in extract_claims(Article(text=sentence, sha256="-")) if c.kind.value == "quantity"]
    assert [(c.text, c.quantity.unit) for c in claims] == [(surface, unit)]


@pytest.mark.parametrize(("claim", "evidence", "expected"), [
    ("Trams on the main line will run six times an hour.", "Trams on the main line will run every ten minutes.", Stance.SUPPORTS),
    ("Trams on the main line will run four times an hour.", "Trams on the main line will run every ten minutes.", Stance.CONFLICTS),
    ("Trams on the main line will run every 20 minutes.", "Trams on the main line will run three times an hour.", Stance.SUPPORTS),
])
def test_figures_frequencies_in_other_words_are_compared(claim, evidence, expected):
    assert stance(claim, evidence) is expected


# --- runs ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "Exports have grown for five quarters in a row.",
    "Exports grew for the fifth consecutive quarter.",
    "It was the fifth quarter in a row that exports grew.",
    "Exports have grown for five straight quarters.",
])
def test_figures_run_in_counts_and_ranks_is_one_figure(sentence):
    q = find_quantities(sentence)[-1].quantity
    assert (q.value, q.ordinal, q.counted) == (5, False, "quarters in a row")


@pytest.mark.parametrize(("claim", "evidence", "expected"), [
    ("Car sales in Ostrel have fallen for three months in a row.",
     "Car sales in Ostrel fell in May, the third consecutive monthly fall.", Stance.SUPPORTS),
    ("Car sales in Ostrel have fallen for seven months running.",
     "Car sales in Ostrel fell in May, the third consecutive monthly fall.", Stance.CONFLICTS),
    ("Car sales in Ostrel have fallen for seven months.",
     "Car sales in Ostrel fell in May, the third consecutive monthly fall.", Stance.RELATED),
])
def test_figures_runs_are_compared_as_runs(claim, evidence, expected):
    assert stance(claim, evidence) is expected


def test_figures_number_words_are_no_context_of_a_claim():
    """The claim's figure in words ("the fourth") is not what its sentence is about: a passage that writes the figure
    otherwise ("four") shares all the claim says besides it."""
    claim = "Applications have now dropped for the fourth month in a row."
    evidence = "But applications have now fallen for four months in a row, the minister said."
    assert judge_quantity(quantity_claim(claim), evidence, 0.39, FRIDAY, THURSDAY, 0.4).stance is Stance.SUPPORTS


# --- money in a sentence that says little else ----------------------------------------------------------------


@pytest.mark.parametrize(("claim", "evidence", "expected"), [
    ("The council has earmarked 12 mln crowns for road repairs this year.",
     "We have set aside 12 million crowns for the roads this year, because the repairs cannot wait.", Stance.SUPPORTS),
    ("Finance director Ola Berg told Radio Vest on Monday that the fuel bill had risen by 30 million kroner last year.",
     "Our fuel bill rose by 30 million kroner last year, and prices will follow.", Stance.SUPPORTS),
    ("Finance director Ola Berg told Radio Vest on Monday that the fuel bill had risen by 70 million kroner last year.",
     "Our fuel bill rose by 30 million kroner last year, and prices will follow.", Stance.CONFLICTS),
    ("The €40 million upgrade will be finished in June.", "The upgrade will cost €40 million and be finished in June.",
     Stance.SUPPORTS),
    ("Norfield posted a 9-million-kroner net profit for the year.", "Norfield made a net profit of 9 million kroner, its first since 2020.",
     Stance.SUPPORTS),
])
def test_figures_sums_with_little_else_said(claim, evidence, expected):
    assert judge_quantity(quantity_claim(claim), evidence, 0.4, FRIDAY, THURSDAY, 0.4).stance is expected


@pytest.mark.parametrize("sentence", ["Cases rose to 40 per 100,000 people, up from 31 a week earlier.",
                                      "Prices were 4 percent higher than a year ago."])
def test_figures_a_time_back_is_no_frequency(sentence):
    assert not any(m.quantity.unit.startswith("1 / ") for m in find_quantities(sentence))


@pytest.mark.parametrize("sentence, surface, value, unit", [
    ("The rise falls from four and a half per cent to three point nine per cent.", "three point nine per cent", 3.9, "percent"),
    ("It takes a further six point two million dollars from the reserve.", "six point two million", 6_200_000.0, "$"),
    ("Inflation ran at two point oh five percent in May.", "two point oh five percent", 2.05, "percent"),
    ("Sales rose by two hundred and twelve per cent.", "two hundred and twelve per cent", 212.0, "percent"),
])
def test_figures_decimals_and_percentages_in_words(sentence, surface, value, unit):
    """Transcripts spell out decimals ("three point nine") and percentages; read as "6.2 million" was, not as "two million"."""
    found = {m.quantity.surface: m.quantity for m in find_quantities(sentence)}
    assert found[surface].value == pytest.approx(value) and found[surface].unit == unit
