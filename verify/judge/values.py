"""Do two figures agree: intervals, rounding, and the currency a sum is in."""

from __future__ import annotations

import math
import re

from verify.extract.money import is_currency
from verify.extract.units import expressed_in, only_to_agree
from verify.models import Qualifier, Quantity


def bounds(q: Quantity) -> tuple[float, bool, float, bool]:
    """(low, low inclusive, high, high inclusive); open ends are infinite."""
    low = -math.inf if q.low is None else q.low
    high = math.inf if q.high is None else q.high
    return low, q.qualifier is not Qualifier.MORE_THAN, high, q.qualifier is not Qualifier.LESS_THAN


def overlaps(a: Quantity, b: Quantity) -> bool:
    """Can both statements be true at once? ("over 40" and "42": yes; "more than 20" and "15": no)."""
    a_low, a_low_in, a_high, a_high_in = bounds(a)
    b_low, b_low_in, b_high, b_high_in = bounds(b)
    # Rounding: "$245 bn" and "244.8 billion dollars" state the same figure, and so do "12%" and "12.4%"
    # (the less precise figure stands for anything that rounds to it; "12%" and "12.5%" do not)
    tolerance = 0.005 * max(abs(a.value), abs(b.value)) if not (a.ordinal or b.ordinal) else 0.0
    exact = a.qualifier is Qualifier.EXACT and b.qualifier is Qualifier.EXACT  # "more than 20" still excludes 20
    # a round figure in thousands ("212,000") stands for what rounds to it, whatever the other's qualifier ("over
    # 212,000" and a radio's "212,000" for 212,400)
    rounding = max(rounding_slack(a), rounding_slack(b)) if exact else max(round_slack(x) for x in (a, b) if x.qualifier is Qualifier.EXACT) \
        if Qualifier.EXACT in (a.qualifier, b.qualifier) else 0.0
    low, low_in = max((a_low, a_low_in), (b_low, b_low_in), key=lambda x: (x[0], not x[1]))
    high, high_in = min((a_high, a_high_in), (b_high, b_high_in), key=lambda x: (x[0], x[1]))
    if low < high or low - high < rounding:
        return True
    return low - high <= tolerance and low_in and high_in


FRACTION_WORD = re.compile(r"\b(?:half|quarters?|thirds?|fifths?)\b", re.I)
FIGURE_DIGITS = re.compile(r"\d[\d,]*(?:\.(?P<decimals>\d+))?")


def rounding_slack(q: Quantity) -> float:
    """Half a unit of the last digit a figure is written with: 0.5 for "12%", 0.05 million for "48.6 million"."""
    if q.ordinal:
        return 0.0
    digits = FIGURE_DIGITS.search(q.surface)
    if digits is None:  # "a quarter of a mile" stands for 400 metres, "half a million" for 498,000
        return 0.05 * abs(q.value) if FRACTION_WORD.search(q.surface) else 0.0
    written = float(digits.group(0).replace(",", ""))
    scale = q.value / written if written else 1.0
    return max(0.5 * 10 ** -len(digits.group("decimals") or "") * scale, round_slack(q))


def round_slack(q: Quantity) -> float:
    """Half the unit a whole figure of three or more significant digits is rounded to when it ends in three or more
    zeros: 500 for "212,000" (212,400 rounds to it); none for "4,000" or "20", which may be exact counts."""
    digits = FIGURE_DIGITS.search(q.surface)
    if q.ordinal or digits is None or digits.group("decimals"):
        return 0.0
    whole = digits.group(0).replace(",", "")
    zeros = len(whole) - len(whole.rstrip("0"))
    written = float(whole)
    scale = q.value / written if written else 1.0
    return 0.5 * 10 ** zeros * scale if zeros >= 3 and len(whole) - zeros >= 3 else 0.0


def same_value_claim(a: Quantity, b: Quantity) -> bool:
    """"up to 1,300" against "up to 1,200": the same kind of bound, so the bound itself must agree."""
    tolerance = 0.005 * max(abs(a.value), abs(b.value))
    return abs(a.value - b.value) <= tolerance


def agrees(claim: Quantity, other: Quantity) -> bool:
    if other_currency(claim, other):
        return False
    if only_to_agree(claim.unit, other.unit):  # "two decades" and "20 years"
        return agrees(claim, expressed_in(other, claim.unit, durations=True))
    if claim.qualifier is Qualifier.ABOUT and other.qualifier is Qualifier.ABOUT:
        # "about $3 billion" and "about $3.2 billion": one rounds the other; "about 40" and "about 50" do not agree
        slack = max(rounding_slack(claim), rounding_slack(other))
        return same_value_claim(claim, other) or abs(claim.value - other.value) < slack
    if claim.qualifier is other.qualifier and claim.qualifier is not Qualifier.EXACT:
        return same_number(claim, other)  # "more than a quarter of a mile" and "more than 400 metres": one bound
    return overlaps(claim, other)


def other_currency(a: Quantity, b: Quantity) -> bool:
    """Sums in two currencies: never the same figure; the same number in both is a changed currency ("€3.2 billion"
    for "$3.2 billion"), other numbers may be a conversion, and say nothing."""
    return is_currency(a.unit) and is_currency(b.unit) and a.unit != b.unit


def same_number(a: Quantity, b: Quantity) -> bool:
    return same_value_claim(a, b) or abs(a.value - b.value) < max(rounding_slack(a), rounding_slack(b))
