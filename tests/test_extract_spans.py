"""Every claim's span lies inside its article and holds the claim's text, on every text we have.

The texts: the bundled sample, the annotated extraction sets, the blind end-to-end sets (articles and
reference documents), and where ../shared/data is present PolNeAR train and dev and ggt-dev; plus
sentences built by hypothesis from clauses, saying cues, adverbials of the saying and quote marks.
Texts are read the way `verify` reads them (NFC, "\\n" line endings: verify.read.normalise).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.extract import extract_claims
from verify.models import Article, QuoteClaim, StatementClaim
from verify.read import article_from_text, normalise

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"


def check_spans(article: Article) -> None:
    text = article.text
    for claim in extract_claims(article):
        assert 0 <= claim.start < claim.end <= len(text), (claim.kind, claim.start, claim.end)
        assert text[claim.start : claim.end] == claim.text, (claim.kind, claim.start, claim.text[:60])


def own_texts() -> list[Path]:
    folders = [ROOT / "corpora" / "sample", ROOT / "eval" / "data" / "extraction", ROOT / "eval" / "data" / "blind"]
    return sorted(p for folder in folders for p in folder.rglob("*") if p.suffix in {".md", ".txt", ".html"}
                  and p.name != "README.md")


@pytest.mark.parametrize("path", own_texts(), ids=lambda p: str(p.relative_to(ROOT)))
def test_extract_spans_inside_own_texts(path: Path) -> None:
    check_spans(article_from_text(path.read_text(encoding="utf-8")))


def shared_texts() -> list[str]:
    texts = []
    polnear = SHARED / "polnear"
    for split in ("train", "dev"):
        texts += [p.read_text(encoding="utf-8") for p in sorted((polnear / split / "text").glob("*.txt"))]
    ggt = SHARED / "ggt-dev" / "articles.jsonl"
    if ggt.is_file():
        texts += [json.loads(line)["rawtext"] for line in ggt.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


@pytest.mark.data
def test_extract_spans_inside_public_news() -> None:
    texts = shared_texts()
    if not texts:
        pytest.skip(f"public data not found at {SHARED}")
    for text in texts:
        check_spans(Article(text=normalise(text), sha256="-"))


CLAUSES = st.sampled_from([
    "The pace of hiring in March was slightly below forecasts",
    "Nine hospitals were still without power on Tuesday",
    "The council approved 14 new bus routes",
    "Prices rose 3.1% in the year to October",
    "The ferry company carried 1.2 million passengers last year",
])
REPORTED = st.sampled_from([
    "the figures do little to change the central bank's thinking about a rate rise in June",
    "full recovery could take three weeks",
    "the plan would cost about $3.2 billion",
    "it had no plans to raise fares before 2027",
])
JOINS = st.sampled_from([", but", ", and", ", while", " and", ","])
SPEAKERS = st.sampled_from(["some analysts", "officials", "Mayor Ilse Brandt", "the ministry", "a spokesman", "she", "they"])
CUES = st.sampled_from(["said", "told reporters", "told the Vendrin Wire", "warned", "added", "insisted", "said in a statement"])
SETTINGS = st.sampled_from(["", " Friday morning", " on Sunday", " in a statement", " in Brussels", " on Tuesday night",
                            " at a news conference", " on social media"])
THATS = st.sampled_from([" that ", " "])
ENDS = st.sampled_from([".", "", "?", "…"])
MARKS = st.sampled_from([("", ""), ("“", "”"), ('"', '"')])


@settings(max_examples=300, deadline=None)
@given(CLAUSES, JOINS, SPEAKERS, CUES, SETTINGS, THATS, REPORTED, ENDS, MARKS, st.booleans())
def test_extract_spans_inside_generated_sentences(clause, join, speaker, cue, setting, that, reported, end, marks, prefix):
    words = f"{marks[0]}{reported}{marks[1]}" if marks[0] else reported
    sentence = f"{clause}{join} {speaker} {cue}{setting}{that}{words}{end}"
    text = ("TREVSTAD, Nov 5 (Vendrin Wire) - " if prefix else "") + sentence
    check_spans(Article(text=f"{text}\n\nThe mayor said the budget would be published on Monday.", sha256="-"))


@pytest.mark.parametrize(("sentence", "reported"), [
    ("The pace of hiring in March was slightly below forecasts, but some analysts said Friday morning that the figures "
     "do little to change the central bank's thinking about a rate rise in June.",
     "the figures do little to change the central bank's thinking about a rate rise in June."),
    ("Fares will rise in May, and the operator told reporters on Sunday that it had no choice given the cost of fuel.",
     "it had no choice given the cost of fuel."),
    ("The bridge opened on Monday, and the ministry said in a statement on Tuesday that it had cost about $3.2 billion.",
     "it had cost about $3.2 billion."),
    ("Mayor Ilse Brandt said in Brussels that the city would apply for the funds before the end of the year.",
     "the city would apply for the funds before the end of the year."),
])
def test_extract_reported_clause_starts_after_the_saying(sentence: str, reported: str) -> None:
    claims = extract_claims(Article(text=sentence, sha256="-"))
    said = [c for c in claims if isinstance(c, QuoteClaim) and not c.direct]
    assert [c.quote for c in said] == [reported.rstrip(".")] or [c.text for c in said] == [reported]


def test_extract_statement_beside_reported_speech_keeps_its_own_span() -> None:
    sentence = ("The pace of hiring in March was slightly below forecasts, but some analysts said Friday morning that "
                "the figures do little to change the central bank's thinking about a rate rise in June.")
    statements = [c for c in extract_claims(Article(text=sentence, sha256="-")) if isinstance(c, StatementClaim)]
    assert [c.text for c in statements] == ["The pace of hiring in March was slightly below forecasts"]


@pytest.mark.parametrize(("start", "end", "text"), [(5, 5, ""), (9, 4, "x"), (-1, 3, "abcd"), (0, 3, "abcd")])
def test_models_claim_refuses_a_broken_span(start: int, end: int, text: str) -> None:
    with pytest.raises(ValueError):
        StatementClaim(id="c1", text=text, start=start, end=end, sentence=text, query=text)


def test_models_report_refuses_a_claim_outside_its_article() -> None:
    from verify.models import Report, ReportClaim

    article = Article(text="Prices rose 3.1% in October.", sha256="-")
    fields = dict(tool_version="0", generated_at="2026-01-01T00:00:00", article=article, summary={},
                  index=dict(path="-", model="-", documents=0, passages=0, corpus_fingerprint="-"))

    def claim(start: int, end: int) -> dict:
        return dict(id="c1", kind="quantity", text="3.1%", start=start, end=end, sentence=article.text, speaker=None,
                    attributed_to=None, quantity=None, quote=None, verdict="unverified", confidence=0.5, explanation="-")

    assert Report(claims=(ReportClaim(**claim(12, 16), evidence=()),), **fields).claims[0].text == "3.1%"
    for start, end in ((11, 15), (30, 34)):  # misaligned; past the end of the article
        with pytest.raises(ValueError):
            Report(claims=(claim(start, end) | {"evidence": ()},), **fields)


def quantity_texts(text: str) -> list[str]:
    return [c.text for c in extract_claims(Article(text=text, sha256="-")) if c.kind.value == "quantity"]


@pytest.mark.parametrize(("sentence", "span"), [
    ("The prime minister arrived in Kerrow on Monday, his fourth visit since the election.", "his fourth visit since the election"),
    ("Garrick's second term began in 2019.", "Garrick's second term"),
    ("The striker scored for the ninth time this season on Sunday.", "for the ninth time"),
    ("Dock workers struck for a fourth time since March, the union said.", "for a fourth time since March"),
    ("Unemployment has risen for the sixth month in a row.", "sixth month in a row"),
    ("The mill closed 40 years ago.", "40 years ago"),
    ("Trams will run every five minutes at peak times.", "every five minutes"),
    ("The tanks hold 80,000 m3 of gas.", "80,000 m3 of gas"),
    ("Drivers used 9 percent less fuel last winter.", "9 percent less"),
])
def test_extract_spans_quantity_claim_covers_its_figure_phrase(sentence: str, span: str) -> None:
    """The owner of a rank, a frequency word, a unit written with a digit, a change and the period a figure is
    counted over are part of what the claim says."""
    assert span in quantity_texts(sentence)
