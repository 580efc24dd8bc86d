"""The order a reader meets claims in: sentence by sentence, the worst verdict of a sentence first.

A sentence's statement claim can be supported while one of its figures conflicts ("apart from its
figures"); listing the conflict first, and marking the sentence with it, keeps a reader from taking
the sentence as checked.
"""

from __future__ import annotations

from collections.abc import Sequence

from verify.models import ReportClaim, Verdict

SEVERITY = {Verdict.CONFLICTING: 0, Verdict.DISPUTED: 1, Verdict.UNVERIFIED: 2, Verdict.SUPPORTED: 3}


def worst(verdicts: Sequence[Verdict]) -> Verdict:
    return min(verdicts, key=SEVERITY.__getitem__)


def reading_order(claims: Sequence[ReportClaim]) -> list[ReportClaim]:
    """Claims grouped by their sentence (in reading order), the worst verdict first within each."""
    first_seen: dict[str, int] = {}
    for claim in sorted(claims, key=lambda c: (c.start, c.end)):
        first_seen.setdefault(claim.sentence, claim.start)
    return sorted(claims, key=lambda c: (first_seen[c.sentence], SEVERITY[c.verdict], c.start, c.end))


def covered_by(ordered: Sequence[ReportClaim], i: int) -> list[ReportClaim]:
    """The claims lying inside the span of `ordered[i]` (claims sorted by start, longest first), itself
    included: what a mark over that span stands for. Scans only forward from it, so marking an article is linear."""
    outer, inside = ordered[i], []
    for claim in ordered[i:]:
        if claim.start >= outer.end:
            break
        if claim.end <= outer.end:
            inside.append(claim)
    return inside
