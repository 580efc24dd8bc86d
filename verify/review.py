"""The review trail: reviewers' decisions in an append-only log beside a report.

    reports/sample.json            the report as `verify check` wrote it (never edited)
    reports/sample.review.jsonl    one ReviewDecision a line, appended, fsynced

Each decision is one `write` of one line on a file opened with O_APPEND, so a crash can at
worst leave a torn last line, which readers skip. The latest decision per claim wins.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import ValidationError

from verify.errors import InputError, UsageError
from verify.models import Report, ReportClaim, ReviewDecision, Verdict

log = logging.getLogger(__name__)


def log_path(report_path: Path) -> Path:
    return report_path.with_name(report_path.name.removesuffix(".json") + ".review.jsonl")


def claim_key(claim: ReportClaim) -> str:
    key = f"{claim.kind.value}|{' '.join(claim.text.split())}|{claim.speaker or ''}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def load_report(path: Path) -> Report:
    try:
        return Report.model_validate_json(path.read_bytes())
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such report") from exc
    except (ValidationError, ValueError) as exc:
        raise InputError(f"{path}: not a verify JSON report (schema_version 1)") from exc


def read_log(path: Path) -> list[ReviewDecision]:
    """All decisions in the log, skipping torn lines left by a crash."""
    if not path.exists():
        return []
    decisions = []
    lines = path.read_bytes().split(b"\n")
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            decisions.append(ReviewDecision.model_validate_json(line))
        except ValidationError:
            # Only a crash mid-append tears a line; the next append closed it. Skip, keep the rest.
            log.warning("%s:%d: skipping an incomplete line (interrupted write)", path, number)
    return decisions


def append_decisions(path: Path, decisions: Iterable[ReviewDecision]) -> None:
    """Append whole lines atomically: one write per decision on an O_APPEND descriptor."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        if os.fstat(fd).st_size and not path.read_bytes().endswith(b"\n"):
            os.write(fd, b"\n")  # close a torn line so the next record starts clean
        for decision in decisions:
            os.write(fd, decision.model_dump_json().encode("utf-8") + b"\n")
        os.fsync(fd)
    finally:
        os.close(fd)


def latest(decisions: Sequence[ReviewDecision]) -> dict[str, ReviewDecision]:
    by_claim: dict[str, ReviewDecision] = {}
    for decision in decisions:
        by_claim[decision.claim_id] = decision
    return by_claim


def with_reviews(report: Report, decisions: Sequence[ReviewDecision], flagged: set[str] = frozenset()) -> Report:
    """The report with each claim's latest decision (if it still matches the claim) attached."""
    current = latest(decisions)
    claims = []
    for claim in report.claims:
        decision = current.get(claim.id)
        if decision is not None and decision.claim_key != claim_key(claim):
            decision = None
        claims.append(claim.model_copy(update={"review": decision, "needs_review": claim.id in flagged}))
    return report.model_copy(update={"claims": tuple(claims)})


def decide(report: Report, claim_id: str, verdict: Verdict | None, reviewer: str, note: str) -> ReviewDecision:
    """A decision on one claim: `verdict` None accepts the tool's verdict."""
    claim = next((c for c in report.claims if c.id == claim_id), None)
    if claim is None:
        raise UsageError(f"no claim {claim_id!r} in this report (claims c1–c{len(report.claims)})")
    if not reviewer.strip():
        raise UsageError("a decision needs a reviewer name: --reviewer NAME or $VERIFY_REVIEWER")
    return ReviewDecision(
        claim_id=claim.id, claim_key=claim_key(claim), reviewer=reviewer.strip(),
        at=dt.datetime.now(dt.timezone.utc).replace(microsecond=0), before=claim.verdict,
        after=verdict or claim.verdict, note=note,
    )


def carry_over(old: Report, old_decisions: Sequence[ReviewDecision], new: Report, old_name: str) -> tuple[list[ReviewDecision], set[str]]:
    """Decisions for unchanged claims of a re-checked draft, and the ids of changed claims to look at again.

    A claim is unchanged when its kind, words and speaker are the same. A reviewed claim whose
    words changed is matched by position (it overlaps the new claim) and flagged, not carried.
    """
    reviewed = {c.id: c for c in old.claims}
    decided = {d.claim_id: d for d in latest(old_decisions).values() if d.claim_id in reviewed and d.claim_key == claim_key(reviewed[d.claim_id])}
    by_key = {d.claim_key: d for d in decided.values()}
    carried, flagged = [], set()
    for claim in new.claims:
        decision = by_key.get(claim_key(claim))
        if decision is not None:
            if decision.before == claim.verdict:  # the tool still says what the reviewer saw
                carried.append(decision.model_copy(update={"claim_id": claim.id, "carried_from": old_name}))
            else:
                flagged.add(claim.id)
            continue
        if any(moved_or_edited(reviewed[d.claim_id], claim, old, new) for d in decided.values()):
            flagged.add(claim.id)
    return carried, flagged


def moved_or_edited(before: ReportClaim, after: ReportClaim, old: Report, new: Report) -> bool:
    """Is `after` an edited version of `before`: same kind, and its sentence overlaps the old one's?"""
    if before.kind != after.kind:
        return False
    old_sentence, new_sentence = set(before.sentence.lower().split()), set(after.sentence.lower().split())
    shared = len(old_sentence & new_sentence) / max(1, len(old_sentence | new_sentence))
    return shared >= 0.5
