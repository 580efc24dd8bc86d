"""Compare a claimed quantity with the figures evidence gives for the same counted thing."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from verify.extract.quantities import find_quantities
from verify.lexical import tokenize
from verify.models import Qualifier, Quantity, QuantityClaim, Stance

STALE_AFTER = dt.timedelta(days=45)  # a running total older than this may have grown since
MIN_TOPICALITY = 0.35  # cosine below which a passage is about something else


@dataclass(frozen=True)
class QuantityFinding:
    stance: Stance
    evidence_quantity: Quantity | None
    note: str


def same_counted(claim: Quantity, other: Quantity) -> bool:
    """Do both figures count the same kind of thing (shared head word, same unit and ordinality)?"""
    if claim.ordinal != other.ordinal or claim.unit != other.unit:
        return False
    mine, theirs = tokenize(claim.counted), tokenize(other.counted)
    if not mine or not theirs:
        return not mine and not theirs and bool(claim.unit)
    return mine[0] == theirs[0] or mine[-1] == theirs[-1] or bool(set(mine[:2]) & set(theirs[:2]))


def bounds(q: Quantity) -> tuple[float, bool, float, bool]:
    """(low, low inclusive, high, high inclusive); open ends are infinite."""
    low = -math.inf if q.low is None else q.low
    high = math.inf if q.high is None else q.high
    return low, q.qualifier is not Qualifier.MORE_THAN, high, q.qualifier is not Qualifier.LESS_THAN


def overlaps(a: Quantity, b: Quantity) -> bool:
    """Can both statements be true at once? ("over 40" and "42": yes; "more than 20" and "15": no)."""
    a_low, a_low_in, a_high, a_high_in = bounds(a)
    b_low, b_low_in, b_high, b_high_in = bounds(b)
    # Rounding: "$245 bn" and "244.8 billion dollars" state the same figure.
    tolerance = 0.005 * max(abs(a.value), abs(b.value)) if not (a.ordinal or b.ordinal) else 0.0
    low, low_in = max((a_low, a_low_in), (b_low, b_low_in), key=lambda x: (x[0], not x[1]))
    high, high_in = min((a_high, a_high_in), (b_high, b_high_in), key=lambda x: (x[0], x[1]))
    if low < high:
        return True
    return low - high <= tolerance and low_in and high_in


def scopes_differ(a: Quantity, b: Quantity) -> bool:
    """"third visit since her re-election" does not speak to "seventh visit since taking office"."""
    mine, theirs = set(tokenize(a.scope)), set(tokenize(b.scope))
    return bool(mine and theirs) and not (mine <= theirs or theirs <= mine)


def judge_quantity(
    claim: QuantityClaim, evidence_text: str, cosine: float, article_date: dt.date | None, evidence_date: dt.date | None
) -> QuantityFinding:
    if cosine < MIN_TOPICALITY:
        return QuantityFinding(Stance.RELATED, None, "")
    figures = [m.quantity for m in find_quantities(evidence_text) if same_counted(claim.quantity, m.quantity)]
    if not figures:
        return QuantityFinding(Stance.RELATED, None, "")
    scoped = [q for q in figures if not scopes_differ(claim.quantity, q)]
    if not scoped:
        other = figures[0]
        note = f"gives {other.surface} {other.counted} {other.scope}, a differently scoped count".replace("  ", " ")
        return QuantityFinding(Stance.RELATED, other, note)
    figures = scoped
    agreeing = [q for q in figures if overlaps(claim.quantity, q)]
    if agreeing:
        return QuantityFinding(Stance.SUPPORTS, agreeing[0], f"gives {agreeing[0].surface} {agreeing[0].counted}".strip())
    other = figures[0]
    stale = article_date and evidence_date and article_date - evidence_date > STALE_AFTER
    if stale and (other.high or other.value) < (claim.quantity.low or claim.quantity.value):
        note = f"gives {other.surface} {other.counted} as of {evidence_date:%d %b %Y}, an older running total"
        return QuantityFinding(Stance.RELATED, other, note)
    return QuantityFinding(Stance.CONFLICTS, other, f"gives {other.surface} {other.counted}".strip())
