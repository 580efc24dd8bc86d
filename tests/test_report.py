import datetime as dt

from verify.models import (
    Article, ClaimKind, Evidence, IndexInfo, Report, ReportClaim, Stance, Summary, Verdict,
)
from verify.read import sha256_text
from verify.report import ReportFormat, render


def hostile_report() -> Report:
    text = 'The mayor said <script>alert("x")</script> 14 times.'
    evidence = Evidence(
        claim_id="c1", document_id="doc<1>", title="<img src=x onerror=alert(1)>", source="Wire",
        url="javascript:alert(1)", published=dt.date(2026, 3, 1), passage="<script>steal()</script> 15 times",
        start=0, end=10, stance=Stance.CONFLICTS, score=0.7, note="gives 15 times",
    )
    claim = ReportClaim(
        id="c1", kind=ClaimKind.QUANTITY, text=text[40:48], start=40, end=48, sentence=text, speaker=None,
        attributed_to=None, quantity=None, quote=None, verdict=Verdict.CONFLICTING, confidence=0.8,
        explanation="The article says <b>14</b>", evidence=(evidence,),
    )
    return Report(
        tool_version="t", generated_at=dt.datetime(2026, 3, 13, tzinfo=dt.timezone.utc),
        index=IndexInfo(path="ix", model="m", documents=1, passages=1, corpus_fingerprint="f"),
        article=Article(title="<b>T</b>", text=text, sha256=sha256_text(text)), claims=(claim,),
        summary=Summary(conflicting=1),
    )


def test_report_html_escapes_all_text_and_drops_unsafe_links():
    html = render(hostile_report(), ReportFormat.HTML)
    assert "<script>alert" not in html and "<script>steal" not in html
    assert "&lt;script&gt;" in html and "javascript:" not in html and "<img" not in html
    assert html.count("<script>") == 1  # only the report's own navigation script
    assert "Content-Security-Policy" in html and "http" not in html.split("<script>")[0].replace("http-equiv", "")


def test_report_markdown_puts_summary_and_conflicts_first():
    md = render(hostile_report(), ReportFormat.MD)
    lines = md.splitlines()
    assert lines[2].startswith("| supported") and "### Needs attention" in md
    assert md.index("Needs attention") < md.index("All claims")


def test_report_json_round_trips():
    report = hostile_report()
    assert Report.model_validate_json(render(report, ReportFormat.JSON)) == report


def test_report_shows_the_speakers_role_escaped_in_markdown_and_html():
    report = hostile_report()
    claim = report.claims[0].model_copy(update={"kind": ClaimKind.QUOTE, "speaker": "Ola Brandt",
                                                "speaker_role": "Transport <minister>"})
    report = report.model_copy(update={"claims": (claim,)})
    assert "— Ola Brandt (Transport <minister>)" in render(report, ReportFormat.MD)
    assert "speaker: Ola Brandt, Transport &lt;minister&gt;</div>" in render(report, ReportFormat.HTML)


def test_report_says_when_the_speaker_is_inferred():
    report = hostile_report()
    claim = report.claims[0].model_copy(update={"kind": ClaimKind.QUOTE, "speaker": "Ola Brandt", "speaker_inferred": True})
    report = report.model_copy(update={"claims": (claim,)})
    assert "— Ola Brandt (speaker inferred)" in render(report, ReportFormat.MD)
    assert "Ola Brandt (inferred: no attribution in the text names them)</div>" in render(report, ReportFormat.HTML)
    from verify.report.claimreview import claim_author

    assert claim_author(claim, report)["@type"] == "Organization"  # a published review never names a guess


def test_report_worst_verdict_of_a_sentence_comes_first_in_every_format():
    from verify.models import IndexInfo, ReportClaim, Verdict
    from verify.report import ReportFormat, build_report, render
    from verify.models import Article, Judgment, QuantityClaim, Quantity, StatementClaim

    text = "The bridge will cost $3.2 billion and open in 2027, the ministry confirmed on Monday."
    article = Article(text=text, sha256="-")
    statement = StatementClaim(id="c1", text=text, start=0, end=len(text), sentence=text, query=text, figures_claimed=True)
    figure = QuantityClaim(id="c2", text="$3.2 billion", start=21, end=33, sentence=text, query=text,
                           quantity=Quantity(value=3.2e9, low=None, high=None, qualifier="exact", unit="$"))
    judgments = [Judgment(claim_id="c1", verdict=Verdict.SUPPORTED, confidence=0.9, strength=0.9, explanation="-"),
                 Judgment(claim_id="c2", verdict=Verdict.CONFLICTING, confidence=0.9, strength=0.9, explanation="-")]
    info = IndexInfo(path="-", model="-", documents=1, passages=1, corpus_fingerprint="-")
    report = build_report(article, [statement, figure], judgments, info)
    assert [c.id for c in report.claims] == ["c2", "c1"]
    html = render(report, ReportFormat.HTML)
    assert 'class="conflicting" title="c2: conflicting; c1: supported"' in html  # the sentence's mark shows the conflict
    assert html.index('id="p-c2"') < html.index('id="p-c1"')
    markdown = render(report, ReportFormat.MD)
    assert markdown.index("| c2 |") < markdown.index("| c1 |")
