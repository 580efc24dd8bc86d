"""Counts the evidence gives without their noun (issue 20): a part ("Of those, 3,100 …", "including 40 who …"), a
tally ("taking her tally to 19"), "both" of something, and the period of a rank ("its first since 1997"). Each may
contradict a claim when what it counts is plain; otherwise it may only back one."""

import datetime as dt

import pytest

from verify.extract.quantities import find_quantities
from verify.judge.quantity import judge_quantity
from verify.models import Stance
from conftest import quantity_claim

PUBLISHED, ARTICLE = dt.date(2026, 6, 5), dt.date(2026, 6, 8)


def stance(claim, evidence, which=0, article=ARTICLE, published=PUBLISHED):
    return judge_quantity(quantity_claim(claim, which), evidence, 0.7, article, published, 0.3).stance


REGISTER = ("The number of people waiting for a council home rose to 48,200 in May, the council said on Thursday.\n\n"
            "Of those, 3,100 had been waiting for more than five years, up from 2,700 in January.")
ADMISSIONS = "A total of 1,870 people were admitted to hospital after the heatwave, including 64 who needed intensive care."


@pytest.mark.parametrize(("claim", "evidence", "expected"), [
    ("Some 3,000 people had been waiting for more than five years.", REGISTER, Stance.SUPPORTS),
    ("Some 6,000 people had been waiting for more than five years.", REGISTER, Stance.CONFLICTS),
    ("Some 60 patients were taken into intensive care after the heatwave.", ADMISSIONS, Stance.SUPPORTS),
    ("Some 300 patients were taken into intensive care after the heatwave.", ADMISSIONS, Stance.CONFLICTS),
    # the part's predicate ("needed intensive care") is not the claim's: the whole, or another part, may be meant
    ("Some 300 patients were admitted to hospital after the heatwave.", ADMISSIONS, Stance.RELATED),
])
def test_a_part_whose_noun_is_left_out_counts_what_the_claim_counts_when_it_says_the_same(claim, evidence, expected):
    assert stance(claim, evidence) is expected


def test_the_earlier_value_of_a_part_is_the_same_part():
    claim = "The number waiting more than five years had stood at 5,000 in January, the council said."
    assert stance(claim, REGISTER, which=1) is Stance.CONFLICTS
    assert stance(claim.replace("5,000", "2,700"), REGISTER, which=1) is Stance.SUPPORTS


TALLY = "Forward Ana Ruiz scored both goals as Vallby beat Harstad on Sunday, taking her tally for the campaign to 19."


@pytest.mark.parametrize(("claim", "expected"), [
    ("Ruiz has scored 19 times this campaign.", Stance.SUPPORTS),
    ("Ruiz has scored 31 times this campaign.", Stance.CONFLICTS),
    ("Ruiz has 31 goals this campaign.", Stance.CONFLICTS),
    ("Ruiz scored twice as Vallby beat Harstad on Sunday.", Stance.SUPPORTS),
    ("Ruiz scored three times as Vallby beat Harstad on Sunday.", Stance.CONFLICTS),  # "both goals" is two
    ("Ruiz scored three goals in the cup final.", Stance.RELATED),  # neither a tally to date nor that day's goals
])
def test_a_tally_counts_its_sentences_noun_and_both_is_two(claim, expected):
    assert stance(claim, TALLY, article=dt.date(2026, 6, 9), published=dt.date(2026, 6, 7)) is expected


def test_a_tally_over_another_period_than_the_claims_only_backs():
    """"her tally for the campaign" is no count of her career's goals."""
    assert stance("Ruiz has scored 31 goals in her career.", TALLY, published=dt.date(2026, 6, 7)) is Stance.RELATED


MAJORITY = "The Labour Party won the election on Thursday. It was the party's first outright majority since 1997."
FARES = "The operator will raise fares by 4 percent in July, its second increase in a year."


@pytest.mark.parametrize(("claim", "evidence", "expected"), [
    ("The party won its first outright majority in 29 years.", MAJORITY, Stance.SUPPORTS),
    ("The party won its first outright majority in 28 years.", MAJORITY, Stance.SUPPORTS),  # as the months fall
    ("The party won its first outright majority in 12 years.", MAJORITY, Stance.CONFLICTS),
    ("The operator is raising fares for the second time in twelve months.", FARES, Stance.SUPPORTS),
    ("The operator is raising fares for the second time in 30 months.", FARES, Stance.CONFLICTS),
    # another rank's period says nothing of this one's
    ("The operator is raising fares for the third time in 30 months.", FARES, Stance.RELATED),
])
def test_the_period_of_a_rank_is_one_claim_with_it(claim, evidence, expected):
    """"first in 29 years" and "first since 1997" are one claim, given the date (2026)."""
    period = next(i for i, m in enumerate(find_quantities(claim)) if not m.quantity.ordinal)
    assert stance(claim, evidence, which=period) is expected


def test_the_period_of_a_rank_is_not_held_to_other_spans_of_time():
    evidence = "Vallby finished sixth, their best position in four years, after a run of 11 games unbeaten."
    claim = "The title was Vallby's first in 30 years."
    period = next(i for i, m in enumerate(find_quantities(claim)) if not m.quantity.ordinal)
    assert stance(claim, evidence, which=period) is Stance.RELATED


PROFIT = "The company made a net profit of 12 million euros, its first profit since 2018."


@pytest.mark.parametrize(("claim", "expected"), [
    ("It was the company's first profitable year since 2018.", Stance.SUPPORTS),
    ("It was the company's first profitable year since 2011.", Stance.CONFLICTS),  # the one before was in 2018
    ("It was the company's first loss since 2011.", Stance.RELATED),
])
def test_two_firsts_since_different_years_contradict_each_other(claim, expected):
    assert stance(claim, PROFIT) is expected


def test_later_ranks_since_different_years_are_different_counts():
    evidence = "Marek arrived on Thursday, her third visit since her re-election in 2022."
    assert stance("It was Marek's seventh visit since 2017.", evidence) is Stance.RELATED
