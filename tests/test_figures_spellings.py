"""Figures restated in other words (issue 20): the shapes the restatement set found read wrong, each as a rule of
news writing rather than as the set's sentences."""

import datetime as dt

import pytest

from verify.dates import find_dates
from verify.extract.quantities import find_quantities
from verify.judge.quantity import judge_quantity, scope_words
from verify.models import Stance
from conftest import quantity_claim

MARCH_12, MARCH_14 = dt.date(2026, 3, 12), dt.date(2026, 3, 14)


def stance(claim, evidence, cosine=0.8, article=MARCH_14, published=MARCH_12):
    return judge_quantity(quantity_claim(claim), evidence, cosine, article, published, 0.3).stance


def found(sentence):
    return {m.quantity.surface: m.quantity for m in find_quantities(sentence)}


@pytest.mark.parametrize(("claim", "expected"), [
    ("The water deal runs for two decades.", Stance.SUPPORTS),
    ("The water agreement runs for three decades.", Stance.CONFLICTS),
])
def test_a_short_passage_saying_the_rest_in_other_figures_is_on_the_subject(claim, expected):
    """A passage far in meaning by its cosine (its figure is spelled otherwise) still speaks of the claim when one of
    its sentences says most of what the claim says besides the figure."""
    assert stance(claim, "The agreement runs for 20 years.", cosine=0.3) is expected


@pytest.mark.parametrize(("claim", "evidence", "expected"), [
    ("Some 4,000 people will work on the dam at the height of construction.",
     "Construction is due to begin in June, with some 4,000 workers employed at the peak of the works on the dam.",
     Stance.SUPPORTS),
    ("Some 9,000 people will work on the dam at the height of construction.",
     "Construction is due to begin in June, with some 4,000 workers employed at the peak of the works on the dam.",
     Stance.RELATED),  # a kind of people may be a part of the people counted: never a contradiction
    ("Some 1.42 million people travelled on Holmlink ferries in 2025.",
     "Holmlink carried 1.42 million passengers in 2025, up 9 percent from 2024.", Stance.SUPPORTS),
    ("Nearly 10,000 patients had been waiting for more than a year.",
     "The number of people waiting for surgery fell to 212,400. Of those, 9,850 had been waiting for more than a year.",
     Stance.SUPPORTS),
])
def test_a_count_of_people_and_of_a_kind_of_people_back_each_other(claim, evidence, expected):
    assert stance(claim, evidence, article=dt.date(2026, 4, 10), published=dt.date(2026, 4, 1)) is expected


@pytest.mark.parametrize(("claim", "expected"), [
    ("The summit marked Marek's seventh trip to Ostrel as president.", Stance.SUPPORTS),
    ("The summit marked Marek's ninth trip to Ostrel as president.", Stance.CONFLICTS),
])
def test_a_time_in_office_said_any_way_is_one_scope(claim, expected):
    evidence = "Marek arrived in Lindhaven on Thursday, her seventh visit to Ostrel since taking office in 2017."
    assert stance(claim, evidence) is expected
    assert scope_words("as president") == scope_words("since she took office") == scope_words("in office")
    assert scope_words("as president") != scope_words("since her re-election in 2022")


def test_full_days_are_days():
    assert found("Freight now needs two full days to reach the port.")["two"].unit == "d"


def test_a_row_is_a_dispute():
    claim = "The customs row, settled last November, had lasted more than half a year."
    evidence = "Varnia and Ostrel settled a seven-month dispute over customs checks on Sunday."
    assert stance(claim, evidence, published=dt.date(2025, 11, 2)) is Stance.SUPPORTS


@pytest.mark.parametrize(("sentence", "surface", "counted"), [
    ("The ban, the authority's third since 2010, also forbids filling pools.", "third", "ban"),
    ("The strike, the union's fifth this year, begins on Monday.", "fifth", "strike"),
    ("The championship is the club's eleventh.", "eleventh", "championship"),
    ("Her visit to Lindhaven this week is her fifth to Ostrel.", "fifth", ""),  # "this week" is when, not what
])
def test_an_ordinal_without_a_noun_ranks_what_it_is_said_of(sentence, surface, counted):
    assert found(sentence)[surface].counted == counted


def test_a_sentence_opening_with_it_is_about_the_one_before():
    evidence = ("Norhaven United won the Norland league title on Saturday, beating Kelby Town 2-1. It is the club's 11th "
                "league title and its first since 2009.")
    claim, dates = "Norhaven United won the league for the {} time on Saturday.", (dt.date(2026, 5, 18), dt.date(2026, 5, 16))
    assert stance(claim.format("15th"), evidence, 0.8, *dates) is Stance.CONFLICTS
    assert stance(claim.format("11th"), evidence, 0.8, *dates) is Stance.SUPPORTS


@pytest.mark.parametrize(("claim", "share", "expected"), [
    ("The plant will supply about one-third of what the region needs.", "about one-third", Stance.SUPPORTS),
    ("The plant will supply about two-thirds of what the region needs.", "about two-thirds", Stance.CONFLICTS),
])
def test_a_share_of_what_something_needs_is_a_share_of_its_needs(claim, share, expected):
    evidence = "The council approved a plant that will produce 150,000 cubic metres of water a day, about a third of the region's needs."
    assert found(claim)[share].counted == "needs"
    assert stance(claim, evidence) is expected


@pytest.mark.parametrize(("claim", "expected"), [
    ("Planned operations were up six percent on September last year.", Stance.SUPPORTS),
    ("Planned operations were up 15 per cent on September last year.", Stance.CONFLICTS),
])
def test_the_time_a_change_is_measured_against_is_not_its_time(claim, expected):
    evidence = "The region's hospitals carried out 18,700 planned operations in September, 6 percent more than a year earlier."
    assert all(not q.scope for q in found(claim).values())
    assert stance(claim, evidence, article=dt.date(2026, 10, 8), published=dt.date(2026, 10, 5)) is expected


@pytest.mark.parametrize(("claim", "expected"), [
    ("The two sides agreed to open the 62-kilometre bridge by the end of 2027.", Stance.SUPPORTS),
    ("The two sides agreed to open the 85-kilometre bridge by the end of 2027.", Stance.RELATED),
])
def test_a_length_of_what_the_evidence_names_in_another_noun_backs_the_claim(claim, expected):
    evidence = "They agreed to open the Selva rail bridge, a 62-kilometre crossing linking the two ports, by the end of 2027."
    assert stance(claim, evidence) is expected


@pytest.mark.parametrize(("text", "year"), [
    ("A peak workforce of 4,000 is expected once construction begins in June.", 2026),
    ("The reform will cost €86 million over four years and take effect in January.", 2027),
    ("The council met and voted in January.", 2026),
])
def test_dates_of_expectations_and_of_verbs_sharing_a_will_are_to_come(text, year):
    assert [ref.value.year for ref in find_dates(text, dt.date(2026, 5, 7))] == [year]


def test_a_sentence_giving_the_claims_figure_says_in_each_clause_which_count_is_which():
    claim = "The ministry hired 1,340 nurses in 2025, Health Minister Ida Berg told Vest Public Radio on Tuesday."
    evidence = "The union said that 1,510 nurses left the region's hospitals last year, more than the 1,340 the ministry hired."
    assert stance(claim, evidence, article=dt.date(2026, 10, 8), published=dt.date(2026, 10, 7)) is not Stance.CONFLICTS


@pytest.mark.parametrize(("sentence", "surface"), [
    ("The dozen busiest lines will have a bus every 10 minutes.", "The dozen"),
    ("The twelve busiest lines will have a bus every 10 minutes.", "twelve"),
])
def test_a_group_picked_by_a_ranking_is_a_count(sentence, surface):
    quantity = found(sentence)[surface]
    assert quantity.value == 12 and quantity.counted == "busiest lines"


@pytest.mark.parametrize(("claim", "expected"), [
    ("The mayor promised that nobody would have to walk more than a mile to a stop.", Stance.CONFLICTS),
    ("The mayor promised that nobody would have to walk more than a quarter of a mile to a stop.", Stance.SUPPORTS),
])
def test_one_of_a_measure_bounded_is_a_figure(claim, expected):
    assert stance(claim, "No one will have to walk more than 400 metres to a stop, the mayor said.") is expected


def test_one_span_of_time_bounded_is_left_to_the_conditions_of_a_count():
    assert not find_quantities("They had waited more than a year.")


@pytest.mark.parametrize(("claim", "expected"), [
    ("Just over 71% of over-65s have been vaccinated.", Stance.SUPPORTS),
    ("Just over 81% of over-65s have been vaccinated.", Stance.CONFLICTS),
])
def test_a_share_among_a_group_is_a_share_of_it(claim, expected):
    evidence = "Vaccine uptake among over-65s was 71.3%, below the target of 75%."
    assert found(evidence)["71.3%"].counted == "over-65s"
    assert stance(claim, evidence) is expected


def test_a_bound_on_a_kind_of_people_is_not_backed_by_a_wider_count_within_it():
    claim = "More than 15,000 patients had been waiting for more than a year."
    evidence = "Minister, 212,000 people are waiting for planned surgery in this region."
    assert stance(claim, evidence, article=dt.date(2026, 10, 8), published=dt.date(2026, 10, 6)) is not Stance.SUPPORTS


def test_how_often_something_was_what_a_noun_says_counts_that():
    assert found("Norhaven have now been champions eleven times.")["eleven"].counted == "champions"
    evidence = "Norhaven United won the league title on Saturday. It is the club's 11th league title and its first since 2009."
    assert stance("Norhaven have now been champions eleven times.", evidence, 0.7, dt.date(2026, 5, 18), dt.date(2026, 5, 16)) \
        is Stance.SUPPORTS


@pytest.mark.parametrize(("claim", "expected"), [
    ("Two-way trade reached $14.2bn in 2022.", Stance.SUPPORTS),
    ("Two-way trade reached $20bn in 2022.", Stance.CONFLICTS),
])
def test_a_level_reached_or_stood_at_is_one_level(claim, expected):
    evidence = "Trade between the two countries stood at $14.2 billion in 2022."
    assert stance(claim, evidence, 0.27, published=dt.date(2023, 9, 20)) is expected


def test_the_number_doing_something_counts_those_who_do_it():
    evidence = ("The number of people waiting for surgery fell to 212,400 at the end of September. Of those, 9,850 had been "
                "waiting for more than a year, down from 11,200 in June.")
    claim = "The number waiting more than a year had stood at 11,200 in June, the ministry said on Monday."
    assert found(claim)["11,200"].counted == "waiting"
    assert stance(claim, evidence, article=dt.date(2026, 10, 8), published=dt.date(2026, 10, 5)) is Stance.SUPPORTS


@pytest.mark.parametrize(("claim", "expected"), [
    ("The government wants 90 per cent of over-65s to be vaccinated.", Stance.CONFLICTS),  # a want is held to the target
    ("The government wants 75 per cent of over-65s to be vaccinated.", Stance.SUPPORTS),
    ("Just over 71% of over-65s have been vaccinated.", Stance.SUPPORTS),
])
def test_a_target_is_held_only_to_targets_and_wants(claim, expected):
    evidence = "Vaccine uptake among over-65s was 71.3%, below the target of 75%."
    assert stance(claim, evidence) is expected


@pytest.mark.parametrize(("claim", "expected"), [
    ("The shake-up will cost 86 million dollars, the council said.", Stance.CONFLICTS),  # the currency changed
    ("The overhaul will cost €86 million, the council said.", Stance.SUPPORTS),
])
def test_a_shake_up_or_overhaul_is_a_reform(claim, expected):
    evidence = "The reform will cost €86 million over four years and take effect in January."
    assert stance(claim, evidence, 0.33, dt.date(2026, 5, 10), dt.date(2026, 5, 7)) is expected


@pytest.mark.parametrize(("claim", "evidence", "expected"), [
    ("Vikline took in 412 million kroner in revenue last year.",
     "Vikline has ordered three new ferries from the Holt yard for 530 million kroner, its chief executive said.",
     Stance.RELATED),  # the price of an order is no figure of revenue
    ("Vikline took in 412 million kroner in revenue last year.",
     "Vikline's revenue rose to 530 million kroner in 2025.", Stance.CONFLICTS),
])
def test_a_sum_named_by_what_it_is_is_held_only_to_sums_of_that(claim, evidence, expected):
    """"412 million kroner in revenue" names what the sum is; a bare sum in a sentence that never speaks of revenue is
    another sum, however close the rest of its words."""
    assert stance(claim, evidence, article=dt.date(2026, 4, 10), published=dt.date(2025, 6, 10)) is expected


def statement(claim, evidence, article, published):
    from verify.judge.statement import judge_statement
    return judge_statement(claim, evidence, 0.85, article, published, figures_claimed=True)


def test_a_day_of_the_month_and_its_weekday_are_one_date():
    """"on August 3" and, in a story of Monday August 3, "on Monday" are the same day; "August 4" is another."""
    evidence = "Reservoirs in the region were at 28 percent of capacity on Monday, the lowest level since records began."
    said, published = dt.date(2026, 8, 20), dt.date(2026, 8, 3)
    same = statement("The region's reservoirs were at 28 per cent of capacity on August 3, the lowest since records began.",
                     evidence, said, published)
    other = statement("The region's reservoirs were at 28 per cent of capacity on August 4, the lowest since records began.",
                      evidence, said, published)
    assert same.stance is Stance.SUPPORTS
    assert other.stance is Stance.CONFLICTS and "another date" in other.note


def test_another_occurrence_of_a_series_has_its_own_date():
    """A sentence about the seventh visit is not contradicted by the date of the fourth: each visit has its own day."""
    claim = "Prime Minister Ida Vang visited Kessel for the seventh time since taking office when she arrived on Thursday."
    fourth = "Prime Minister Ida Vang arrived in Kessel on Sunday for her fourth visit since taking office."
    seventh = "Prime Minister Ida Vang arrived in Kessel on Sunday for her seventh visit since taking office."
    assert statement(claim, fourth, MARCH_14, dt.date(2019, 6, 2)).stance is not Stance.CONFLICTS
    assert statement(claim, seventh, MARCH_14, MARCH_12).stance is Stance.CONFLICTS
