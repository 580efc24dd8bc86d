"""Runs: "for four months in a row", "the fourth consecutive monthly fall", "the third year in a row", "nine months
running", "six straight weeks". Each gives the length of one run, in counts and in ranks alike, so "the sixth
consecutive week" and "six weeks in a row" are one figure, and neither is a duration ("rose for six weeks")."""

from __future__ import annotations

import re

from verify.extract.units import measure_of
from verify.models import Quantity

_periods = r"(?:day|week|month|year|season|quarter|game|match|term|election)"
_run = r"(?:consecutive|straight|successive|running)"
# after the figure: "months in a row", "consecutive months", "consecutive monthly fall", "month running", "straight weeks"
RUN_AFTER = re.compile(
    r"\s+(?:" + _run + r"\s+(?P<period>" + _periods + r")(?:s|ly|es)?\b(?:\s+(?:fall|rise|drop|increase|decline|win|defeat|loss|gain)s?\b)?"
    r"|(?P<unit>" + _periods + r")s?\s+(?:in\s+a\s+row|running|straight)\b)",
    re.I,
)


def as_streak(sentence: str, end: int, q: Quantity) -> tuple[Quantity, int] | None:
    """The figure as the length of a run, with where its words end, when it is one."""
    run = RUN_AFTER.match(sentence, end)
    if run is None or (q.unit and measure_of(q.unit) != "duration"):
        return None
    counted = f"{(run.group('period') or run.group('unit')).lower()}s in a row"  # one noun for both ranks and counts: see the module docstring
    return q.model_copy(update={"ordinal": False, "counted": counted, "unit": ""}), run.end()
