"""Speaker resolution on real news writing: general rules of how news names and refers to a speaker (issue 16)."""

from __future__ import annotations

from verify.extract import extract_claims
from verify.extract.people import People
from verify.models import Article, QuoteClaim


def speakers_of(text: str) -> dict[str, str | None]:
    """The first three words of each quote claim -> its speaker."""
    claims = extract_claims(Article(text=text, sha256="t"))
    return {" ".join(c.quote.split()[:3]): c.speaker for c in claims if isinstance(c, QuoteClaim)}


def test_occupation_opening_a_sentence_is_no_part_of_the_name() -> None:
    text = ("Author Nadia Okafor's new book tells the history of the city's ferry workers.\n\n"
            "“Most of them never had a day off,” says Okafor, a professor at the college.\n\n"
            "Historian Piet Lindqvist agrees. “They built the harbour,” he said.")
    names = [p.name for p in People(text).people]
    assert "Nadia Okafor" in names and "Piet Lindqvist" in names
    speakers = speakers_of(text)
    assert speakers["Most of them"] == "Nadia Okafor"
    assert speakers["They built the"] == "Piet Lindqvist"


def test_a_business_sharing_a_persons_family_name_is_not_the_speaker() -> None:
    text = ("The kennel was designed by Studio Marwick, in Halden. ( Studio Marwick )\n\n"
            "Jo Ellen Marwick, principal architect at the firm, explains the idea.\n\n"
            "“The floor is lined with recycled rubber, which is easy to clean,” says Marwick.")
    assert "Studio Marwick" not in [p.name for p in People(text).people]
    assert speakers_of(text)["The floor is"] == "Jo Ellen Marwick"
