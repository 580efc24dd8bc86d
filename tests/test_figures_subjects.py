"""Figures whose counted thing is said elsewhere than after them (issue 20): by the subject they are a level of ("the
number of people waiting reached a record 251,000", "the waiting list stood at 212,400", "the list" an article named
more fully before), by the figure a target is set against ("uptake was 71.3%, below the target of 75%"); and the
actors a sentence without names is about, which sentence-opening capitals are not."""

import datetime as dt

import pytest

from verify.extract import extract_claims
from verify.extract.quantities import find_quantities
from verify.judge.quantity import judge_quantity
from verify.models import Article, ClaimKind, Stance

RECORD = ("The number of people waiting for planned surgery in Carradine reached a record 251,000 in February, "
          "the Health Ministry said on Tuesday.")
TARGET = "Vaccine uptake among over-65s was 71.3%, below the target of 75%."


def counted(sentence):
    return {m.quantity.surface: m.quantity.counted for m in find_quantities(sentence)}


def article(text, title="", published=dt.date(2026, 10, 8)):
    return Article(text=text, sha256="x", title=title, published=published)


def figure_claim(text, surface, title="", published=dt.date(2026, 10, 8)):
    found = article(text, title, published)
    (claim,) = [c for c in extract_claims(found) if c.kind is ClaimKind.QUANTITY and c.quantity.surface == surface]
    return claim, found.published


def test_a_record_level_of_the_number_of_something_counts_it():
    assert counted(RECORD) == {"251,000": "people waiting"}
    assert counted("The number of routes rose to a new high of 64 last year.") == {"64": "routes"}


def test_a_waiting_list_counts_people_waiting_and_the_list_after_it_is_that_list():
    assert counted("The surgery waiting list stood at 212,400 at the end of September.") == {"212,400": "people waiting"}
    text = "The waiting list has fallen for nine months running.\n\nIn February 2024 the list hit a record 320,000."
    claim, _ = figure_claim(text, "320,000")
    assert claim.quantity.counted == "people waiting" and "the waiting list hit a record 320,000" in claim.query
    # no fuller name before it: the list says nothing of what it holds
    claim, _ = figure_claim("In February 2024 the list hit a record 320,000.", "320,000")
    assert claim.quantity.counted == ""


def test_sentence_opening_capitals_are_no_actors_of_a_sentence_without_names():
    text = ("Hospitals performed nearly 19,000 planned operations in September.\n\n"
            "Almost 9,900 patients had been waiting more than a year.\n\n"
            "Surgeons hired 1,300 nurses, the Carradine ministry said.\n\n"
            "The surgery waiting list stood at 212,400.\n\nThe list had peaked at a record 251k in February 2024.")
    claim, _ = figure_claim(text, "251k", title="Surgery waiting list: the figures behind the promise")
    assert claim.entities == ("Carradine",)
    # a possessive opening is a name wherever it stands ("Osland's ferries")
    claim, _ = figure_claim("The city has ordered 90 electric ferries.", "90", title="Osland's ferries: more riders")
    assert "Osland" in claim.entities


@pytest.mark.parametrize(("figure", "expected"), [("251k", Stance.SUPPORTS), ("320,000", Stance.CONFLICTS)])
def test_the_list_an_article_named_before_is_held_to_the_record_of_people_waiting(figure, expected):
    text = ("Hospitals performed nearly 19,000 planned operations in September.\n\n"
            "The waiting list has fallen for four months running.\n\n"
            f"In February 2024 the list hit a record {figure}, the ministry said at the time.")
    claim, published = figure_claim(text, figure)
    assert judge_quantity(claim, RECORD, 0.6, published, dt.date(2024, 3, 12)).stance is expected


def test_a_target_without_a_noun_counts_what_its_sentence_measures():
    assert counted(TARGET) == {"71.3%": "over-65s", "75%": "over-65s"}
    assert counted("Against a goal of 2,000, the city built 1,500 homes last year.") == {"2,000": "homes", "1,500": "homes"}
    # people bounded by age are the age group: the target there is of over-65s too
    assert counted("Only 71% of people over 65 have been vaccinated, against a target of 80%.") == {
        "71%": "over-65s", "over 65": "", "80%": "over-65s"}


@pytest.mark.parametrize(("sentence", "surface", "expected"), [
    ("The government wants 75 per cent of over-65s to be vaccinated.", "75 per cent", Stance.SUPPORTS),
    ("The target is for 90% of over-65s to be vaccinated.", "90%", Stance.CONFLICTS),
    ("The target is for 75% of over-65s to be vaccinated.", "75%", Stance.SUPPORTS),
    ("Only 71% of people over 65 have been vaccinated, against a target of 80%.", "80%", Stance.CONFLICTS),
])
def test_a_target_is_held_to_the_target_its_evidence_sets_for_the_same_group(sentence, surface, expected):
    claim, published = figure_claim(sentence, surface, published=dt.date(2026, 2, 5))
    assert judge_quantity(claim, TARGET, 0.6, published, dt.date(2026, 2, 3)).stance is expected
