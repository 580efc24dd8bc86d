"""The period a rank is counted over: "the title was Norhaven's first in 17 years", "its first since 2009" (the same
period, given the date), "its second fare increase in a year". Such a period is part of the rank's claim: it is held
to the periods the evidence gives for the same rank, never to other spans of time the evidence mentions."""

from __future__ import annotations

import datetime as dt
import re

from verify.extract.numbers import ORDINAL_WORDS
from verify.extract.quantities import find_quantities
from verify.extract.units import measure_of, parse_unit
from verify.models import Qualifier, Quantity, QuantityClaim

RANK = r"\b(?P<rank>" + "|".join(ORDINAL_WORDS) + r"|\d+(?:st|nd|rd|th))\b(?:\s+[\w’'-]+){0,3}?"
# "first in 17 years", "for the second time in twelve months", "its first title for three decades"
RANK_OVER = re.compile(RANK + r"\s+(?:in|for|over)\s+(?:the\s+(?:past|last)\s+)?$", re.I)
# "its first since 2009"
RANK_SINCE = re.compile(RANK + r"\s+since\s+(?P<year>(?:1[89]|20)\d\d)\b", re.I)
# "its second fare increase in a year": one unit, which the figure reader leaves alone
RANK_IN_ONE = re.compile(RANK + r"\s+(?:in|for|over)\s+(?:the\s+(?:past|last)\s+)?(?:a|an|one)\s+(?P<unit>year|month|week|decade)\b",
                         re.I)


def rank_value(written: str) -> int:
    word = written.lower()
    return ORDINAL_WORDS.get(word) or int(re.sub(r"\D", "", word) or 0)


def rank_over(text_before: str) -> int:
    """The rank a span of time right after `text_before` is the period of ("… first in"), or 0."""
    found = RANK_OVER.search(text_before[-80:])
    return rank_value(found.group("rank")) if found else 0


def rank_of_period(claim: QuantityClaim) -> int:
    """The rank the claim's figure is the period of ("17 years" in "the title was Norhaven's first in 17 years"), or 0
    when it is no such period."""
    at = claim.sentence.find(claim.text)
    if measure_of(claim.quantity.unit) != "duration" or at < 0:
        return 0
    return rank_over(claim.sentence[:at])


def periods_of_rank(sentence: str, rank: int, published: dt.date | None) -> list[Quantity]:
    """The periods an evidence sentence counts the rank over: "its first since 2009" is, in 2026, its first in 17 years
    (or 16, as the seasons fall); "its second fare increase in a year" and "its first in 17 years" say theirs."""
    periods = [m.quantity for m in find_quantities(sentence)
               if measure_of(m.quantity.unit) == "duration" and rank_over(sentence[: m.start]) == rank]
    for found in RANK_IN_ONE.finditer(sentence):
        if rank_value(found.group("rank")) == rank:
            periods.append(Quantity(value=1.0, low=1.0, high=1.0, qualifier=Qualifier.EXACT, counted=found.group("unit"),
                                    unit=parse_unit(found.group("unit")) or "", surface="a"))
    for found in RANK_SINCE.finditer(sentence):
        years = published.year - int(found.group("year")) if published else 0
        if rank_value(found.group("rank")) == rank and years > 0:
            periods.append(Quantity(value=float(years), low=float(max(1, years - 1)), high=float(years), qualifier=Qualifier.EXACT,
                                    counted="years", unit="a", surface=str(years)))
    return periods


SINCE_YEAR = re.compile(r"^since\s+(?:[\w’'-]+\s+){0,3}?(?:in\s+)?(?P<year>(?:1[89]|20)\d\d)$", re.I)


def first_since(q: Quantity) -> int:
    """The year a first is counted since ("its first profit since 2019"), or 0: the one before it was then."""
    found = SINCE_YEAR.match(q.scope) if q.ordinal and q.value == 1 else None
    return int(found.group("year")) if found else 0


def firsts_since_apart(claim: Quantity, other: Quantity) -> bool:
    """Two firsts since different years: "its first profitable year since 2010" says there was none from 2010 until
    now, "its first profit since 2019" that there was one in 2019. The same count, contradicting each other."""
    mine, theirs = first_since(claim), first_since(other)
    return bool(mine and theirs) and mine != theirs
