"""One self-contained HTML file: the article with claims marked by verdict, evidence beside it.

No external assets and no network. Every piece of article or corpus text is escaped; links
are emitted only for http(s) URLs.
"""

from __future__ import annotations

import re
from html import escape

from verify.models import Evidence, Report, ReportClaim, WordChange
from verify.report.order import covered_by, reading_order, worst

WORD = re.compile(r"[\w’'-]+")
COMMON = frozenset("the and for with that this from have has had was were are its their they them his her said says will".split())

STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{padding:12px 20px;background:#fff;border-bottom:1px solid #ddd;position:sticky;top:0;z-index:2}
.bar{display:flex;gap:12px;flex-wrap:wrap;align-items:center}.pill{padding:2px 10px;border-radius:12px;font-weight:600}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:20px;padding:20px}
article{background:#fff;padding:20px 28px;border:1px solid #ddd;border-radius:6px;white-space:pre-wrap}
mark{cursor:pointer;border-radius:3px;padding:0 1px}mark:focus,mark.current{outline:2px solid #1d4ed8}
.supported{background:#d1fae5}.conflicting{background:#fecaca}.disputed{background:#fde68a}.unverified{background:#e5e7eb}
aside{position:sticky;top:84px;max-height:calc(100vh - 104px);overflow:auto}
aside section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 14px;margin-bottom:10px}
aside section.hidden,mark.hidden{display:none}aside section.current{border-color:#1d4ed8;box-shadow:0 0 0 2px #bfdbfe}
blockquote{margin:6px 0;padding:4px 10px;border-left:3px solid #bbb;background:#f5f5f5}
.meta{color:#555;font-size:13px}label{margin-right:8px}b.hit{background:#fff3a3;font-weight:600}
del{background:#fecaca}ins{background:#bbf7d0;text-decoration:none}.diff{font-size:13px;margin:4px 0}
.flag{color:#b45309;font-weight:600}.note{margin:6px 0 0;color:#92400e;font-size:13px}.review{color:#1d4ed8;font-size:13px}
li.ev{margin-bottom:8px}section.current details.evidence{display:block}
@media print{header{position:static}aside{position:static;max-height:none;overflow:visible}aside section.hidden,mark.hidden{display:block}main{display:block}details.evidence>*{display:block}}
"""

SCRIPT = """
const claims=[...document.querySelectorAll('aside section')];let at=-1;
function show(i){claims.forEach(c=>c.classList.remove('current'));document.querySelectorAll('mark').forEach(m=>m.classList.remove('current'));
 if(i<0||i>=claims.length)return;at=i;const c=claims[i];c.classList.add('current');c.querySelector('details').open=true;c.scrollIntoView({block:'nearest'});
 const m=document.getElementById('m-'+c.dataset.id);if(m){m.classList.add('current');m.scrollIntoView({block:'nearest'});}}
document.querySelectorAll('mark').forEach(m=>m.addEventListener('click',()=>show(claims.findIndex(c=>c.dataset.id===m.dataset.id))));
document.addEventListener('keydown',e=>{if(e.key==='j'||e.key==='ArrowDown'&&e.altKey){show(Math.min(at+1,claims.length-1));}
 if(e.key==='k'||e.key==='ArrowUp'&&e.altKey){show(Math.max(at-1,0));}});
function filter(){const on=new Set([...document.querySelectorAll('input[data-f]:checked')].map(i=>i.dataset.f));
 claims.forEach(c=>c.classList.toggle('hidden',!(on.has(c.dataset.verdict)&&on.has(c.dataset.kind))));}
document.querySelectorAll('input[data-f]').forEach(i=>i.addEventListener('change',filter));
"""


def safe_link(url: str, label: str) -> str:
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer">{escape(label)}</a>'
    return escape(label)


def marked_article(report: Report) -> str:
    """The article text with non-overlapping claim spans wrapped in <mark>."""
    text = report.article.text
    parts, cursor = [], 0
    ordered = sorted(report.claims, key=lambda c: (c.start, -c.end))
    for i, claim in enumerate(ordered):
        if claim.start < cursor:
            continue  # nested or overlapping: listed in the panel, and its verdict colours the mark around it
        inside = covered_by(ordered, i)
        shown = worst([c.verdict for c in inside])
        title = "; ".join(f"{c.id}: {c.verdict.value}" for c in reading_order(inside))
        parts.append(escape(text[cursor : claim.start]))
        parts.append(
            f'<mark id="m-{claim.id}" data-id="{claim.id}" tabindex="0" class="{shown.value}" '
            f'title="{escape(title, quote=True)}">{escape(text[claim.start : claim.end])}</mark>'
        )
        cursor = claim.end
    parts.append(escape(text[cursor:]))
    return "".join(parts)


def matched_words(claim_text: str, passage: str) -> str:
    """The evidence passage, escaped, with the words it shares with the claim marked."""
    wanted = {w.lower() for w in WORD.findall(claim_text) if len(w) > 2 and w.lower() not in COMMON}
    parts, cursor = [], 0
    for match in WORD.finditer(passage):
        if match.group(0).lower() in wanted:
            parts.append(escape(passage[cursor : match.start()]) + f"<b class=hit>{escape(match.group(0))}</b>")
            cursor = match.end()
    return "".join(parts) + escape(passage[cursor:])


def diff_html(diff: tuple[WordChange, ...]) -> str:
    """The article's quote against the evidence: <del> what the article has, <ins> what the source has."""
    if not any(change.op != "equal" for change in diff):
        return ""
    out = []
    for change in diff:
        if change.op == "equal":
            out.append(escape(change.article))
            continue
        if change.article:
            out.append(f"<del>{escape(change.article)}</del>")
        if change.evidence:
            out.append(f"<ins>{escape(change.evidence)}</ins>")
    return f"<div class=diff>word diff: {' '.join(out)}</div>"


def evidence_item(claim: ReportClaim, ev: Evidence) -> str:
    date = f" · {ev.published:%-d %b %Y}" if ev.published else ""
    source = safe_link(ev.url, ev.source or ev.title or ev.document_id)
    note = f"<div class=meta>{escape(ev.note)}</div>" if ev.note else ""
    return (
        f'<li class="ev {ev.stance.value}"><b>{ev.stance.value}</b> · {source}{date} <span class=meta>'
        f"({escape(ev.document_id)} chars {ev.start}–{ev.end}, score {ev.score:.2f})</span>"
        f"<blockquote>{matched_words(claim.quote or claim.text, ev.passage)}</blockquote>{diff_html(ev.word_diff)}{note}</li>"
    )


def review_html(claim: ReportClaim) -> str:
    parts = []
    if claim.needs_review:
        parts.append("<div class=flag>changed since it was reviewed: look again</div>")
    if claim.review:
        r = claim.review
        change = f"{r.before.value} → {r.after.value}" if r.before != r.after else f"accepted {r.after.value}"
        carried = f" (carried over from {escape(r.carried_from)})" if r.carried_from else ""
        parts.append(f"<div class=review>reviewed by {escape(r.reviewer)} on {r.at:%-d %b %Y %H:%M}: {change}{carried}"
                     f"{' — ' + escape(r.note) if r.note else ''}</div>")
    return "".join(parts)


def claim_panel(claim: ReportClaim) -> str:
    role = f", {escape(claim.speaker_role)}" if claim.speaker_role else ""
    role += " (inferred: no attribution in the text names them)" if claim.speaker_inferred else ""
    who = f"<div class=meta>speaker: {escape(claim.speaker)}{role}</div>" if claim.speaker else ""
    credit = f"<div class=meta>credited: {escape(claim.attributed_to)}</div>" if claim.attributed_to else ""
    items = [evidence_item(claim, ev) for ev in claim.evidence]
    evidence = f"<ul>{''.join(items)}</ul>" if items else "<p class=meta>No evidence found.</p>"
    return (
        f'<section id="p-{claim.id}" data-id="{claim.id}" data-verdict="{claim.verdict.value}" data-kind="{claim.kind.value}">'
        f'<div><span class="pill {claim.verdict.value}">{claim.verdict.value}</span> <b>{claim.id}</b> · '
        f"{claim.kind.value} · confidence {claim.confidence:.2f}</div><blockquote>{escape(claim.text)}</blockquote>"
        f"{who}{credit}{review_html(claim)}<p>{escape(claim.explanation)}</p>"
        f'<details class=evidence><summary>evidence ({len(items)})</summary>{evidence}</details></section>'
    )


def render_html(report: Report) -> str:
    s = report.summary
    pills = "".join(
        f'<label><input type=checkbox data-f="{v}" checked><span class="pill {v}">{v} {n}</span></label>'
        for v, n in (("supported", s.supported), ("conflicting", s.conflicting), ("disputed", s.disputed), ("unverified", s.unverified))
    )
    kinds = "".join(f'<label><input type=checkbox data-f="{k}" checked>{k}</label>' for k in ("quantity", "quote", "statement"))
    title = escape(report.article.title or "article")
    notes = "".join(f"<p class=note>Note: {escape(note)}</p>" for note in report.notes)
    return (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>verify: {title}</title>"
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; script-src \'unsafe-inline\'">'
        f"<style>{STYLE}</style></head><body><header><h1 style='font-size:18px;margin:0 0 6px'>{title}</h1>"
        f"<div class=bar>{pills}<span>|</span>{kinds}<span class=meta>j / k: next / previous claim</span></div>{notes}</header>"
        f"<main><article>{marked_article(report)}</article><aside>{''.join(claim_panel(c) for c in reading_order(report.claims))}</aside></main>"
        f"<script>{SCRIPT}</script></body></html>\n"
    )
