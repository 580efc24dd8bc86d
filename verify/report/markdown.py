"""A Markdown report that reads well as a CMS note or pull-request comment."""

from __future__ import annotations

from verify.models import Report, ReportClaim, Verdict
from verify.report.order import reading_order

ICONS = {Verdict.SUPPORTED: "✅", Verdict.CONFLICTING: "❌", Verdict.DISPUTED: "⚠️", Verdict.UNVERIFIED: "❔"}


def cell(text: str, limit: int = 120) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def claim_section(claim: ReportClaim) -> list[str]:
    role = f" ({claim.speaker_role})" if claim.speaker_role else ""
    role += " (speaker inferred)" if claim.speaker_inferred else ""
    who = f" — {claim.speaker}{role}" if claim.speaker else ""
    lines = [
        f"### {ICONS[claim.verdict]} {claim.id} · {claim.kind.value} · {claim.verdict.value} ({claim.confidence:.2f})",
        "",
        f"> {cell(claim.text, 400)}{who}",
        "",
        claim.explanation,
        "",
    ]
    if claim.needs_review:
        lines += ["**Changed since it was reviewed — look again.**", ""]
    if claim.review:
        r = claim.review
        change = f"{r.before.value} → **{r.after.value}**" if r.before != r.after else f"accepted **{r.after.value}**"
        lines += [f"Reviewed by {cell(r.reviewer, 60)} ({r.at:%Y-%m-%d %H:%M} UTC): {change}" + (f" — {cell(r.note, 200)}" if r.note else ""), ""]
    for ev in claim.evidence[:3]:
        date = f", {ev.published:%-d %b %Y}" if ev.published else ""
        source = ev.source or ev.title or ev.document_id
        lines.append(f"- **{ev.stance.value}** — {cell(source, 80)}{date} (`{ev.document_id}` {ev.start}–{ev.end}): “{cell(ev.passage, 300)}”")
    return lines + [""]


def final(claim: ReportClaim) -> Verdict:
    return claim.review.after if claim.review else claim.verdict


def review_cell(claim: ReportClaim) -> str:
    if claim.needs_review:
        return "changed: look again"
    if not claim.review:
        return ""
    r = claim.review
    return cell(f"{r.after.value} ({r.reviewer})" if r.after != r.before else f"accepted ({r.reviewer})", 50)


def render_markdown(report: Report) -> str:
    s = report.summary
    title = report.article.title or "article"
    lines = [
        f"## verify: {cell(title, 100)}",
        "",
        "| supported | conflicting | disputed | unverified |",
        "|---:|---:|---:|---:|",
        f"| {s.supported} | {s.conflicting} | {s.disputed} | {s.unverified} |",
        "",
    ]
    for note in report.notes:
        lines += [f"> **Note:** {cell(note, 400)}", ""]
    ordered = reading_order(report.claims)
    flagged = [c for c in ordered if final(c) in (Verdict.CONFLICTING, Verdict.DISPUTED) or c.needs_review]
    if flagged:
        lines += ["### Needs attention", ""]
        for claim in flagged:
            lines += claim_section(claim)
    lines += ["### All claims", "", "| id | kind | verdict | claim | speaker | review |", "|---|---|---|---|---|---|"]
    for c in ordered:
        lines.append(
            f"| {c.id} | {c.kind.value} | {ICONS[c.verdict]} {c.verdict.value} | {cell(c.text, 90)} | {cell(c.speaker or '', 40)} | {review_cell(c)} |"
        )
    lines += ["", f"<sub>verify {report.tool_version} · index `{report.index.path}` ({report.index.documents} documents, model {report.index.model}) · {report.generated_at:%Y-%m-%d %H:%M} UTC</sub>", ""]
    return "\n".join(lines)
