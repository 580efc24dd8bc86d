"""How often: "every ten minutes", "six times an hour", "twice a week", "three times a year". A frequency is a
figure per unit of time, so "every ten minutes" and "six times an hour" are one figure (pint converts it)."""

from __future__ import annotations

import re

from verify.extract.units import measure_of, parse_unit, unit_after
from verify.models import Qualifier, Quantity

EVERY_BEFORE = re.compile(r"\bevery\s+(?:(?:other|single)\s+)?$", re.I)
TIMES_PER = re.compile(r"\s+(?P<times>times?\s+)?(?:a|an|per|each|every)\s+(?P<unit>[a-z]+)\b(?!\s+(?:earlier|ago|before|later|on)\b)",
                       re.I)
ONCE_WORDS = re.compile(r"(?:twice|thrice)$", re.I)  # "twice a week" needs no "times"; "11.2 a week earlier" is no frequency
SIMPLE = (Qualifier.EXACT, Qualifier.ABOUT)  # "every more than ten minutes" is no frequency news writes


def per(unit: str) -> str:
    return f"1 / {unit}"


def every(sentence: str, start: int, q: Quantity) -> Quantity | None:
    """"every ten minutes": once per ten minutes, 0.1 a minute."""
    if not EVERY_BEFORE.search(sentence[max(0, start - 20) : start]) or measure_of(q.unit) != "duration" or not q.value:
        return None
    if q.qualifier not in SIMPLE or not q.low or not q.high:
        return None
    return q.model_copy(update={"value": 1 / q.value, "low": 1 / q.high, "high": 1 / q.low, "unit": per(q.unit), "counted": ""})


def times_per(sentence: str, end: int, q: Quantity) -> tuple[Quantity, int] | None:
    """"six times an hour", "twice a week" (`end` after "twice"): a count per unit of time, and where it ends."""
    found = TIMES_PER.match(sentence, end)
    if found is None or q.unit or q.ordinal or q.qualifier not in SIMPLE or not (found.group("times") or ONCE_WORDS.search(q.surface)):
        return None
    unit = parse_unit(found.group("unit").lower())
    if unit is None or measure_of(unit) != "duration":
        return None
    return q.model_copy(update={"unit": per(unit), "counted": ""}), found.end()


def as_frequency(sentence: str, start: int, end: int, q: Quantity) -> tuple[Quantity, int] | None:
    """The figure as a frequency, with where its words end, when it is one."""
    frequency = every(sentence, start, q)
    if frequency is None:
        return times_per(sentence, end, q)
    unit_words = unit_after(sentence, end)
    return frequency, unit_words[1] if unit_words else end
