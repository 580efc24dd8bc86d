"""The sample article end to end: the verdicts a reviewer would expect."""

import pytest

from verify.models import Article, Verdict
from verify.read import sha256_text
from verify.pipeline import check_article

from conftest import SAMPLE

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(any_index, embedder, settings):
    return check_article(str(SAMPLE / "article.md"), any_index, settings, embedder=embedder)


def claim(report, startswith):
    matches = [c for c in report.claims if c.text.startswith(startswith)]
    assert matches, f"no claim starting {startswith!r}: {[c.text[:30] for c in report.claims]}"
    return matches[0]


@pytest.mark.parametrize(
    "text, verdict",
    [
        ("seventh visit", Verdict.SUPPORTED),  # 2019 "fourth visit" is older, 2022 "third since re-election" is scoped
        ("more than 25 times", Verdict.SUPPORTED),  # 27 times; 2023's 19 is an older total
        ("More than a dozen", Verdict.DISPUTED),  # 14 (VNA, transcript) vs 12 (Tessaly Daily)
        ("Our two nations", Verdict.SUPPORTED),  # verbatim in VNA and the transcript
        ("75 kilometres", Verdict.CONFLICTING),  # 62 km
        ("$21 billion", Verdict.CONFLICTING),  # $18.4 billion
        ("Trade between our countries has tripled", Verdict.CONFLICTING),  # "doubled"
        ("The bridge changes the map", Verdict.CONFLICTING),  # said by Ilse Varga, not Jonas Pell
        ("up to 1,200 megawatts", Verdict.SUPPORTED),
        ("some 4,000 workers", Verdict.SUPPORTED),  # a sentence with no actor named is about the article's main actors
        ("40 officials", Verdict.UNVERIFIED),
        ("the warmest in years", Verdict.UNVERIFIED),
    ],
)
def test_pipeline_sample_verdicts(report, text, verdict):
    assert claim(report, text).verdict is verdict


def test_pipeline_evidence_offsets_point_into_documents(report, sample_index):
    from verify.index_store import open_index

    index = open_index(sample_index)
    for c in report.claims:
        assert report.article.text[c.start : c.end] == c.text
        for ev in c.evidence:
            assert index.document(ev.document_id).text[ev.start : ev.end] == ev.passage


def test_pipeline_explanation_names_source_and_figures(report):
    text = claim(report, "75 kilometres").explanation
    assert "75 kilometres" in text and "62 kilometres" in text and "Lindhaven Herald (13 Mar 2026)" in text


def test_pipeline_figures_about_other_actors_are_not_evidence(any_index, embedder, settings):
    text = ("President Ana Lind of Norvia met King Osric of Delmark in Sorrel on Thursday. "
            "More than 20 bilateral cooperation agreements were signed across sectors including trade and energy.")
    report = check_article(Article(text=text, sha256=sha256_text(text)), any_index, settings, embedder=embedder)
    (agreements,) = [c for c in report.claims if c.kind.value == "quantity"]
    assert agreements.verdict is Verdict.UNVERIFIED  # the sample corpus's 14 agreements are Varnia and Ostrel's


def test_pipeline_credited_agency_is_checked(any_index, embedder, settings):
    words = "Our two nations have built something rare: a partnership that does not bend with every change of weather"
    for agency, flagged in (("the Varnian News Agency", False), ("the Nordic Wire", True)):
        text = f"“{words},” Alina Marek said, according to {agency}."
        report = check_article(Article(text=text, sha256=sha256_text(text)), any_index, settings, embedder=embedder)
        (quote,) = [c for c in report.claims if c.kind.value == "quote"]
        assert quote.verdict is Verdict.SUPPORTED
        assert ("none of the supporting evidence comes from it" in quote.explanation) is flagged
