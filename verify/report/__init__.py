"""Claims and judgments -> the Report model, and its renderings (JSON, Markdown, HTML)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from enum import Enum
from pathlib import Path

from verify import __version__
from verify.models import (
    Article, Claim, ExcludedDocument, IndexInfo, Judgment, QuantityClaim, QuoteClaim, Report, ReportClaim, SelfCopyReason, Summary,
    Verdict,
)
from verify.report.claimreview import render_claimreview
from verify.report.html import render_html
from verify.report.markdown import render_markdown
from verify.report.order import reading_order


class ReportFormat(str, Enum):
    JSON = "json"
    MD = "md"
    HTML = "html"
    CLAIMREVIEW = "claimreview"

    @property
    def suffix(self) -> str:
        return "claimreview.json" if self is ReportFormat.CLAIMREVIEW else self.value


def report_base(path: Path) -> Path:
    """The name reports are written beside: `--out r.json --format json` writes r.json, not r.json.json."""
    for fmt in sorted(ReportFormat, key=lambda f: -len(f.suffix)):  # "claimreview.json" before "json"
        if path.name.endswith("." + fmt.suffix) and len(path.name) > len(fmt.suffix) + 1:
            return path.with_name(path.name[: -len(fmt.suffix) - 1])
    return path


def exclusion_note(copy: ExcludedDocument) -> str:
    """One sentence a reader understands: which document was left out, and why."""
    name = f"{copy.document_id}" + (f" ({copy.title})" if copy.title and copy.title != copy.document_id else "")
    why = {
        SelfCopyReason.SAME_TEXT: "its text is the article's",
        SelfCopyReason.NEAR_DUPLICATE: f"it is a near-duplicate of the article ({copy.overlap_score:.0%} of 5-word runs shared)",
        SelfCopyReason.CONTAINS_ARTICLE: f"it contains the article ({copy.overlap_score:.0%} of the article's 5-word runs)",
    }[copy.reason]
    return f"Left out of the evidence: corpus document {name}, because {why}; an article is not evidence for itself."


def build_report(
    article: Article, claims: Sequence[Claim], judgments: Sequence[Judgment], index: IndexInfo,
    excluded: Sequence[ExcludedDocument] = (),
) -> Report:
    by_claim = {j.claim_id: j for j in judgments}
    rows = []
    for claim in claims:
        judgment = by_claim[claim.id]
        rows.append(ReportClaim(
            id=claim.id, kind=claim.kind, text=claim.text, start=claim.start, end=claim.end, sentence=claim.sentence,
            decontextualised=claim.decontextualised, speaker=claim.speaker, speaker_role=claim.speaker_role,
            speaker_inferred=isinstance(claim, QuoteClaim) and claim.speaker_inferred, attributed_to=claim.attributed_to,
            quantity=claim.quantity if isinstance(claim, QuantityClaim) else None,
            quote=claim.quote if isinstance(claim, QuoteClaim) else None,
            verdict=judgment.verdict, confidence=judgment.confidence, explanation=judgment.explanation,
            evidence=judgment.evidence,
        ))
    counts = {v.value: sum(1 for r in rows if r.verdict is v) for v in Verdict}
    return Report(
        tool_version=__version__, generated_at=dt.datetime.now(dt.timezone.utc).replace(microsecond=0),
        index=index, article=article, claims=tuple(reading_order(rows)), summary=Summary(**counts),
        excluded_documents=tuple(excluded), notes=tuple(exclusion_note(c) for c in excluded),
    )


def render(report: Report, fmt: ReportFormat) -> str:
    if fmt is ReportFormat.JSON:
        return report.model_dump_json(indent=2) + "\n"
    if fmt is ReportFormat.MD:
        return render_markdown(report)
    if fmt is ReportFormat.CLAIMREVIEW:
        return render_claimreview(report)
    return render_html(report)


def write_report(report: Report, base: Path, formats: Sequence[ReportFormat]) -> list[Path]:
    """Write `base`.json/.md/.html atomically (a reader never sees half a report)."""
    base.parent.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = base.with_name(f"{base.name}.{fmt.suffix}")
        partial = path.with_name(path.name + ".partial")
        partial.write_text(render(report, fmt), encoding="utf-8")
        os.replace(partial, path)
        written.append(path)
    return written
