"""Organisations introduced by name alone, referred back to by the kind their name implies."""

from __future__ import annotations

import pytest

from verify.extract import extract_claims
from verify.extract.kinds import is_institution, name_kinds
from verify.extract.people import People
from verify.models import Article, QuoteClaim


def speakers(text: str) -> list[str | None]:
    claims = extract_claims(Article(text=text, sha256="t"))
    return [c.speaker for c in claims if isinstance(c, QuoteClaim)]


@pytest.mark.parametrize("name, kind", [
    ("Northvale Power", "utility"),
    ("Bakery and Confectionery Workers Local 407", "union"),
    ("Fenwick Constabulary", "police"),
    ("Ashgrove University", "university"),
    ("Ministry of Inland Fisheries", "ministry"),
    ("Coastal Transit Authority", "authority"),
    ("Corvane Terminals", "company"),
    ("Rask Motors", "company"),
])
def test_kinds_the_head_word_of_a_name_implies_its_kind(name: str, kind: str) -> None:
    assert kind in name_kinds(name)


def test_kinds_only_the_head_word_counts() -> None:
    # a board whose name holds "Utility" is a board, not the utility; "Power" alone may be a family name
    assert "utility" not in name_kinds("Utility and Review Board")
    assert name_kinds("Power") == set()


@pytest.mark.parametrize("name, institution", [
    ("Fenwick Constabulary", True), ("Ashgrove University", True), ("Bakery Workers Local 407", True),
    ("Ella Power", False), ("Tom Bank", False),
])
def test_kinds_a_name_ending_in_an_institution_word_is_no_person(name: str, institution: bool) -> None:
    assert is_institution(name) is institution


@pytest.mark.parametrize("text, speaker", [
    ("Northvale Power said crews worked through the night. “Most customers will be reconnected by Thursday,” "
     "the utility said in a statement.", "Northvale Power"),
    ("The Bakery and Confectionery Workers Local 407 said its members were sent home. “Our members should not pay "
     "for a storm,” the union said.", "Bakery and Confectionery Workers Local 407"),
    ("Fenwick Constabulary said two people were hurt in a crash on Route 4. “Drivers should stay off the roads,” "
     "police said.", "Fenwick Constabulary"),
    ("Ashgrove University said classes would resume on Friday. “Student safety comes first,” the university said.",
     "Ashgrove University"),
    ("The Ministry of Inland Fisheries said funds would be released this week. “We are ready to help,” the ministry "
     "said.", "Ministry of Inland Fisheries"),
    # an organisation of no known kind is what "the agency" refers back to; "Health Minister" is no organisation
    ("Health Minister Rob Kells spoke on Monday. Coastal Emergency Services, which runs the ambulances, said response "
     "times improved. “We know there is more to do,” the agency said.", "Coastal Emergency Services"),
])
def test_kinds_a_description_finds_the_organisation_named_by_its_kind(text: str, speaker: str) -> None:
    assert speakers(text)[-1] == speaker


def test_kinds_a_subject_after_a_comma_is_no_appositive_kind() -> None:
    # "…'s Utility and Review Board, the utility said": the utility is the company named before, not the board
    text = ("Northvale Power wants to raise its rates by 14 per cent.\n\nIn an application filed with the province's "
            "Utility and Review Board, the utility said the increase was needed to pay for storm repairs.")
    assert speakers(text)[-1] == "Northvale Power"


def test_kinds_an_organisation_in_apposition_names_the_speaker() -> None:
    text = ("The region's largest nurses' union, the Coastal Nurses Alliance, said it would watch the budget closely. "
            "The union noted that two hospitals were budgeting for fewer staff.")
    assert speakers(text) == ["Coastal Nurses Alliance", "Coastal Nurses Alliance"]


def test_kinds_a_company_named_by_what_it_sells_is_found_where_it_does_not_speak() -> None:
    # "Cobalt Ridge Mining wants …" and "a spokesperson for …": no speech verb, still the company
    text = ("Cobalt Ridge Mining wants to reopen the pit near Ardell.\n\n“We have listened to the town,” Ivo Lind, a "
            "spokesperson for Cobalt Ridge Mining, said.\n\nThe company said work could start in May.")
    assert speakers(text)[-1] == "Cobalt Ridge Mining"


def test_kinds_a_multi_word_name_acting_is_not_cut_to_its_last_words() -> None:
    text = ("The Ardell Growers Association has asked for a meeting.\n\n“Our members are not against monitoring,” "
            "the association said.")
    people = People(text)
    assert "Growers Association" not in people.salience.entities
    assert speakers(text)[-1] == "Ardell Growers Association"
