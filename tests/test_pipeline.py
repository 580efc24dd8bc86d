"""The sample article end to end: the verdicts a reviewer would expect."""

import datetime as dt
import shutil

import pytest

from verify.models import Article, ClaimKind, Verdict
from verify.read import sha256_text
from verify.pipeline import check_article

from conftest import SAMPLE, long_quote_corpus

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
        ("Marek's seventh visit", Verdict.SUPPORTED),  # 2019 "fourth visit" is older, 2022 "third since re-election" is scoped
        ("met more than 25 times", Verdict.SUPPORTED),  # 27 times; 2023's 19 is an older total
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


@pytest.mark.parametrize("copy_name", ["article.md", "archive/2026-03-13-bridge-deal.md"])
def test_pipeline_article_in_its_own_corpus_is_no_evidence(tmp_path, corpus_copy, settings, embedder, copy_name):
    """A newsroom re-checking a published story against an archive that holds it: the copy is left out."""
    from verify.pipeline import build_index

    copy = corpus_copy / copy_name
    copy.parent.mkdir(parents=True, exist_ok=True)
    text = (SAMPLE / "article.md").read_text(encoding="utf-8")
    if copy_name != "article.md":  # the archived version: lightly edited, with a correction line
        text = text.replace("warmest in years", "warmest in many years") + "\nThis story was updated on 14 March.\n"
    copy.write_text(text, encoding="utf-8")
    build_index(corpus_copy, tmp_path / "ix", settings, embedder)
    report = check_article(str(SAMPLE / "article.md"), tmp_path / "ix", settings, embedder=embedder)
    copy_id = copy.relative_to(corpus_copy).as_posix()
    assert all(ev.document_id != copy_id for c in report.claims for ev in c.evidence)
    assert [d.document_id for d in report.excluded_documents] == [copy_id]
    assert len(report.notes) == 1 and copy_id in report.notes[0] and "not evidence for itself" in report.notes[0]
    assert claim(report, "75 kilometres").verdict is Verdict.CONFLICTING  # the real evidence still speaks
    assert claim(report, "Marek's seventh visit").verdict is Verdict.SUPPORTED


def test_pipeline_report_renderings_carry_the_exclusion_note(tmp_path, corpus_copy, settings, embedder):
    from verify.pipeline import build_index
    from verify.report import ReportFormat, render

    shutil.copy(SAMPLE / "article.md", corpus_copy / "draft.md")
    build_index(corpus_copy, tmp_path / "ix", settings, embedder)
    report = check_article(str(SAMPLE / "article.md"), tmp_path / "ix", settings, embedder=embedder)
    for fmt in (ReportFormat.JSON, ReportFormat.MD, ReportFormat.HTML):
        assert "Left out of the evidence: corpus document draft.md" in render(report, fmt)


def test_pipeline_sample_report_has_no_exclusions(report):
    assert report.excluded_documents == () and report.notes == ()


def test_pipeline_verbatim_quote_across_passages_is_evidence(tmp_path, embedder, settings):
    """A long quote cut across two passages, in a document the ranking would not put first, is found word for word."""
    from verify.indexing import build_index
    from verify.pipeline import Checker
    from verify.retrieve import Retriever

    corpus = long_quote_corpus(tmp_path / "corpus")
    index = tmp_path / "index"
    build_index(corpus, index, settings, embedder)
    checker = Checker(index, settings, embedder)
    quote = ("We will rebuild the north pier before winter. Every family that lost a boat will be paid in full "
             "by the city, and no fisher will wait longer than a month.")
    (found,) = Retriever.verbatim(checker.retriever, quote)
    assert found.document_id.startswith("speech") and quote[-30:] in found.text and quote[:30] in found.text
    draft = Article(text=f"“{quote},” Mayor Lena Ostrova said on Thursday.", sha256="draft")
    claims, judgments = checker.judge(draft)
    (judgment,) = [j for c, j in zip(claims, judgments) if c.kind is ClaimKind.QUOTE and c.direct]
    assert judgment.verdict is Verdict.SUPPORTED


def test_pipeline_written_statements_are_their_authors_own_words(tmp_path, embedder, settings):
    """A lawyer's written statement (no quote marks) and a prosecutor's quoted in open-paragraph straight marks:
    the lawyer's words given to his client are misattributed, and the prosecutor's words turned round are not
    "reworded" support but held to what she said."""
    from verify.indexing import build_index
    from verify.pipeline import Checker

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "defence.md").write_text(
        "---\ntitle: Statement on behalf of Aldo Brenn\npublished: 2026-05-04\n---\n"
        "Statement by Benedikt Varga, counsel for Aldo Brenn, outside Tarrow District Court on 4 May 2026:\n\n"
        "My client accepts that he took money he should never have taken. He has apologised to his colleagues.\n\n"
        "The court has punished a man who has already lost everything: his career, his marriage and his good name.\n",
        encoding="utf-8")
    (corpus / "prosecution.md").write_text(
        "---\ntitle: Statement on the sentencing of Aldo Brenn\npublished: 2026-05-04\n---\n"
        "Senior prosecutor Ines Solberg said after the sentencing hearing at Tarrow District Court:\n\n"
        '"Public contracts are not for sale. This sentence sends a clear message to anyone who handles public money, '
        'even if it is shorter than we asked for.\n\n"We will decide within two weeks whether to appeal."\n',
        encoding="utf-8")
    build_index(corpus, tmp_path / "ix", settings, embedder)
    checker = Checker(tmp_path / "ix", settings, embedder)
    draft = Article(text=(
        "Aldo Brenn was jailed on Monday. “The court has punished a man who has already lost everything,” Brenn told "
        "reporters as he was taken away.\n\nProsecutor Ines Solberg welcomed the outcome. “This sentence is what we asked "
        "for, and it sends a clear message to anyone who handles public money,” she said."), sha256="draft",
        published=dt.date(2026, 5, 5))
    claims, judgments = checker.judge(draft)
    verdicts = {c.quote[:20]: j for c, j in zip(claims, judgments) if c.kind is ClaimKind.QUOTE and c.direct}
    misattributed = verdicts["The court has punish"]
    assert misattributed.verdict is Verdict.CONFLICTING and "Benedikt Varga" in misattributed.explanation
    assert verdicts["This sentence is wha"].verdict is not Verdict.SUPPORTED


def test_pipeline_transcript_turn_far_from_its_label_still_names_the_speaker(tmp_path, embedder, settings):
    """A long turn is cut into several passages; the one holding the quote is far from the label, yet the words
    are the labelled speaker's, so the same words given to the mayor are misattributed."""
    from verify.indexing import build_index
    from verify.pipeline import Checker

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    turn = " ".join(f"Line {n} of the budget moves {n} million dollars from the reserve to the roads fund." for n in range(1, 9))
    (corpus / "council.txt").write_text(
        "MAYOR LENA VOSS: The meeting is open.\n\n"
        f"TOMAS REED, DIRECTOR OF FINANCE: If I may, Mayor. {turn} We have no more rabbits to pull out of the hat.\n\n"
        "MAYOR LENA VOSS: Thank you. We move to the vote.\n", encoding="utf-8")
    build_index(corpus, tmp_path / "ix", settings, embedder)
    checker = Checker(tmp_path / "ix", settings, embedder)
    draft = Article(text="“We have no more rabbits to pull out of the hat,” Mayor Lena Voss told the council.", sha256="d")
    claims, judgments = checker.judge(draft)
    (judgment,) = [j for c, j in zip(claims, judgments) if c.kind is ClaimKind.QUOTE and c.direct]
    assert judgment.verdict is Verdict.CONFLICTING and "Tomas Reed" in judgment.explanation


def test_pipeline_a_count_of_zero_searches_its_other_wordings():
    """"No one was killed" shares no word with "There were no deaths": that wording is searched for as well, after
    what the claim's own words found; other claims search nothing more."""
    from verify.models import Filters, RetrievedPassage, StatementClaim
    from verify.pipeline import with_zero_counts

    def passage(doc, text):
        return RetrievedPassage(passage_id=0, document_id=doc, title="", source="", url="", published=None, text=text,
                                start=0, end=len(text), dense_score=0.5, lexical_score=0.0, fused_score=0.5)

    class Searched:
        def __init__(self):
            self.queries = []

        def search(self, queries, filters=Filters()):
            self.queries += queries
            return [[passage("own", "No one was hurt in 2021."), passage("wire", "There were no deaths.")]]

    def claim(text):
        return StatementClaim(id="c1", text=text, start=0, end=len(text), sentence=text, query=text)

    retriever, found = Searched(), [passage("own", "No one was hurt in 2021.")]
    merged = with_zero_counts(retriever, claim("No one was killed in the accident."), found, Filters())
    assert [p.document_id for p in merged] == ["own", "wire"] and "no deaths" in retriever.queries[0]
    assert with_zero_counts(retriever, claim("The bridge was closed on Monday."), found, Filters()) == found
    assert len(retriever.queries) == 1
