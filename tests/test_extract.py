
import pytest
from hypothesis import given, settings, strategies as st

from verify.extract import extract_claims
from verify.extract.quantities import find_quantities
from verify.models import Article, ClaimKind, Qualifier
from verify.read import read_article, sha256_text

from conftest import SAMPLE, SHARED


def article(text: str) -> Article:
    return Article(text=text, sha256=sha256_text(text))


@pytest.mark.parametrize(
    "sentence, value, qualifier, ordinal, counted",
    [
        ("This trip marks Xi’s 11th visit to Russia since becoming president.", 11, Qualifier.EXACT, True, "visit to Russia"),
        ("More than 20 bilateral cooperation agreements were signed.", 20, Qualifier.MORE_THAN, False, "bilateral cooperation agreements"),
        ("The two have met over 40 times.", 40, Qualifier.MORE_THAN, False, "meetings"),
        ("It was her eleventh trip abroad.", 11, Qualifier.EXACT, True, "trip abroad"),
        ("Forty-two ships were seized.", 42, Qualifier.EXACT, False, "ships"),
        ("At least 7 people died.", 7, Qualifier.AT_LEAST, False, "people"),
        ("Nearly 40 percent of voters stayed home.", 40, Qualifier.ABOUT, False, "voters"),
        ("Fewer than 10 ships docked.", 10, Qualifier.LESS_THAN, False, "ships"),
        ("Up to 1,200 megawatts will flow.", 1200, Qualifier.AT_MOST, False, "megawatts"),
        ("Between 20 and 30 people were hurt.", 20, Qualifier.RANGE, False, "people"),
        ("Two dozen police stood by.", 24, Qualifier.EXACT, False, "police"),
    ],
)
def test_extract_quantities_value_qualifier_counted(sentence, value, qualifier, ordinal, counted):
    (mention,) = find_quantities(sentence)
    q = mention.quantity
    assert (q.value, q.qualifier, q.ordinal) == (value, qualifier, ordinal)
    assert q.counted == counted


def test_extract_scales_and_units():
    (q,) = [m.quantity for m in find_quantities("Trade reached $245 bn last year.")]
    assert q.value == 245e9 and q.unit == "$"
    (q,) = [m.quantity for m in find_quantities("They counted 244.8 billion dollars.")]
    assert q.value == pytest.approx(244.8e9)


@pytest.mark.parametrize("sentence", ["It happened on May 8, 2025.", "In 2019 little changed.", "The meeting began at 10 a.m.", "The two leaders met."])
def test_extract_dates_years_times_and_groups_are_not_quantities(sentence):
    assert find_quantities(sentence) == []


def test_extract_sample_article_claims():
    claims = extract_claims(read_article(str(SAMPLE / "article.md"), 10**6, 1.0))
    kinds = {c.kind for c in claims}
    assert kinds == {ClaimKind.QUANTITY, ClaimKind.QUOTE, ClaimKind.STATEMENT}
    quotes = {c.quote[:20]: c for c in claims if c.kind is ClaimKind.QUOTE}
    assert quotes["Our two nations have"].speaker == "Alina Marek"
    assert quotes["Our two nations have"].attributed_to == "Varnian News Agency"
    assert quotes["Trade between our co"].speaker == "Tomas Oduya"
    assert quotes["The bridge changes t"].speaker == "Jonas Pell"
    for claim in claims:
        assert claim.id.startswith("c")
        assert claim.end > claim.start


def test_extract_numbers_inside_quotes_belong_to_the_quote():
    claims = extract_claims(article("“We signed 14 agreements today,” Oduya said."))
    assert [c.kind for c in claims] == [ClaimKind.QUOTE]


@pytest.mark.skipif(not (SHARED / "examples").is_dir(), reason="../shared/examples not present")
def test_extract_example_article_speakers_and_agencies():
    text = (SHARED / "examples" / "xi-putin-moscow-2025.txt").read_text(encoding="utf-8")
    claims = extract_claims(article(text))
    by_start = {c.quote[:25]: c for c in claims if c.kind is ClaimKind.QUOTE}
    assert by_start["We develop our ties for t"].speaker == "Vladimir Putin"
    assert by_start["We develop our ties for t"].attributed_to == "TASS"
    assert by_start["This is a very symbolic v"].speaker == "Maksim Vilisov"  # "he said"
    assert by_start["Only resolute struggle in"].speaker == "Cui Heng"  # "Cui said"
    counts = {(c.quantity.value, c.quantity.qualifier) for c in claims if c.kind is ClaimKind.QUANTITY}
    assert {(11, Qualifier.EXACT), (20, Qualifier.MORE_THAN), (40, Qualifier.MORE_THAN), (80, Qualifier.EXACT)} <= counts


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(list("ab “”\"'.,1 2\n\x00") + ["said", " He ", " Xi ", "more than ", "11th", "“", "—"]), max_size=800).map("".join))
def test_extract_never_crashes_on_hostile_text(text):
    for claim in extract_claims(article(text)):
        assert 0 <= claim.start <= claim.end <= len(text)


@pytest.mark.parametrize(
    "name, text",
    [
        ("10,000 quote marks", "“" * 5000 + "”" * 5000),
        ("unbalanced quotes", "He said “this is fine. " * 2000),
        ("1 MB paragraph", ("the council said more than 20 agreements were signed " * 20000)),
        ("mixed scripts and controls", "Путин сказал “мир” 世界 \x07\x1b 20 people said: “ok”. " * 500),
    ],
)
def test_extract_survives_hostile_input(name, text):
    for claim in extract_claims(article(text)):
        assert 0 <= claim.start <= claim.end <= len(text)


@pytest.mark.parametrize(
    ("text", "surface", "counted", "holders"),
    [
        ("Xi Jinping arrived in Moscow on Thursday. This trip marks Xi’s 11th visit to Russia since becoming president.",
         "11th visit to Russia", "visit to Russia", ("Xi Jinping",)),
        ("Chinese President Xi Jinping met Russian President Vladimir Putin. According to Xinhua, Xi and Putin have met "
         "over 40 times across various summits.", "over 40 times", "meetings", ("Xi Jinping", "Vladimir Putin")),
        ("Alina Marek flew to Lindhaven on Thursday. It was her seventh visit to Ostrel.", "seventh visit to Ostrel",
         "visit to Ostrel", ("Alina Marek",)),
        ("Alina Marek said on Thursday that 300 farmers had gathered at the port.", "300 farmers", "farmers", ()),
        ("More than 20 bilateral cooperation agreements were signed.", "More than 20 bilateral cooperation agreements",
         "bilateral cooperation agreements", ()),
    ],
)
def test_extract_quantity_holders_and_counted(text, surface, counted, holders):
    found = [c for c in extract_claims(Article(text=text, sha256="x")) if c.kind is ClaimKind.QUANTITY]
    assert [(c.text, c.quantity.counted, c.quantity.holders) for c in found] == [(surface, counted, holders)]


@pytest.mark.parametrize("text", [
    "The sacrifices of both peoples in the Second World War should never be forgotten by anyone.",
    "It is one of the most consequential relationships of the 21st century, officials said.",
    "Their partnership is not directed “against any third party,” both leaders insisted.",
])
def test_extract_names_and_quoted_figures_are_not_quantity_claims(text):
    assert not [c for c in extract_claims(Article(text=text, sha256="x")) if c.kind is ClaimKind.QUANTITY]
