"""When a claim and a piece of evidence speak of the same time.

A claim's own dates ("last year", "in September 2020", "this month") say when its fact held; a date
after "since" ("since her re-election in 2022", "its fifth strike since 2020") is a point of
reference, not that time. Evidence speaks of the dates its sentence gives, or else of the day it
was published.
"""

from __future__ import annotations

import datetime as dt
import re

from verify.dates import COMPARED_BEFORE, DateRef, find_dates

# "since her re-election in 2022", "since 2017"; not "since 2020 on May 20" (a date of its own after the reference)
SINCE_BEFORE = re.compile(r"\bsince\s+(?:(?!(?:on|at|by|until|in\s+\d)\b)[\w’'-]+\s+){0,4}(?:in\s+|of\s+)?$", re.I)
SAME_WEEK = 7  # days: "on Monday" in a claim and a piece published that week


def is_reference_point(text: str, ref: DateRef) -> bool:
    """"since 2017", "since her re-election in 2022": where a count starts, not when the fact held ("will supply
    power from 2030" is when); "up 6 percent on September last year": what a change is measured against."""
    before = text[max(0, ref.start - 40) : ref.start]
    compared = ref.granularity in ("month", "year", "monthname") and bool(COMPARED_BEFORE.search(before))
    return compared or bool(SINCE_BEFORE.search(before))


def claim_times(text: str, anchor: dt.date | None) -> list[DateRef]:
    """The dates a claim's fact held at, resolved against the article's date."""
    return [ref for ref in find_dates(text, anchor) if ref.value is not None and not is_reference_point(text, ref)]


# "officials said on Friday", "she told reporters late on Friday", "according to a statement on Friday": the day
# something was said, not the day the fact held
SAYING_BEFORE = re.compile(
    r"\b(?:said|says|told\s+(?:[\w’'-]+\s+){0,4}?|announced|confirmed|added|stated|noted|reported|wrote|"
    r"according\s+to\s+[^,.;]{1,60}?|(?:in\s+)?a\s+statement(?:\s+(?:released|issued|published))?)\s+"
    r"(?:(?:on|late|early|in|last|this)\s+){0,2}$", re.I)


def fact_times(text: str, anchor: dt.date | None) -> list[DateRef]:
    """The dates a claim's fact held at, without the day it was said: in "The trip was Marek's seventh visit,
    officials said on Friday" the count is not dated Friday."""
    return [ref for ref in claim_times(text, anchor) if not SAYING_BEFORE.search(text[max(0, ref.start - 80) : ref.start])]


# "this season", "so far", "in all": a count over a period up to now, not of one day's occasion
OVER_A_PERIOD = re.compile(r"\b(?:(?:this|that|the)\s+(?:season|year|month|week|campaign)|so far|to date|in all|in total|"
                           r"all told|career|since)\b", re.I)


def of_one_day(text: str) -> bool:
    """Does a claim count what happened on one day ("Berg scored three times as Norhaven beat Kelby Town on Saturday"),
    not what adds up over a period ("Berg has scored 27 times this season")? Read without the article's date."""
    days = [ref for ref in find_dates(text, None) if ref.granularity in ("day", "weekday")
            and not is_reference_point(text, ref) and not SAYING_BEFORE.search(text[max(0, ref.start - 80) : ref.start])]
    return bool(days) and not OVER_A_PERIOD.search(text)


def evidence_times(sentence: str, published: dt.date | None, passage: str = "") -> list[DateRef]:
    """The dates an evidence sentence speaks of: its own, else its passage's and the day it was published ("It
    was the third year in a row" after "… 1.42 million passengers in 2025" in a release of April 2026)."""
    own = claim_times(sentence, published)
    stamp = [DateRef(0, 0, "", "day", published)] if published else []
    return own or (claim_times(passage, published) if passage else []) + stamp


def same_time(claim: list[DateRef], evidence: list[DateRef], by_year: bool = False, stay_days: int = 0) -> bool:
    """Could some claim date and some evidence date be the same time (a day within the week of a
    publication date, a month within its year)? `by_year` compares years only: a date in a sentence often
    belongs to its event ("approved on Tuesday a plant that will produce 150,000 cubic metres"), not to a figure
    that holds for longer, so only another year makes such a figure another time's. `stay_days` is how long the
    fact lasts: the count of a visit holds on each day of a visit ("her seventh visit" on its Thursday and its Friday)."""
    if by_year:  # but two days both texts name, weeks apart, are two times ("31% on August 3", "24% on August 20")
        return any(m.value.year == t.value.year and not weeks_apart(m, t) for m in claim for t in evidence if m.value and t.value)
    return any(_near(mine, theirs, stay_days) for mine in claim for theirs in evidence)


def weeks_apart(mine: DateRef, theirs: DateRef) -> bool:
    named = mine.surface and theirs.surface and mine.granularity == theirs.granularity == "day"
    return bool(named and mine.value and theirs.value and abs((mine.value - theirs.value).days) > SAME_WEEK)


def _near(mine: DateRef, theirs: DateRef, stay_days: int = 0) -> bool:
    if mine.granularity == "day" and theirs.granularity == "day" and mine.value and theirs.value:
        return abs((mine.value - theirs.value).days) <= max(stay_days, SAME_WEEK if not theirs.surface else 0)
    return mine.compatible(theirs)


RECENT = dt.timedelta(days=400)  # an undated present-tense figure is the article's; a level over a year older is not


def current_at(evidence: list[DateRef], anchor: dt.date) -> bool:
    """Does an evidence figure speak of the article's time, or later ("will grow to 900 by 2030"), rather than of
    over a year before?"""
    for ref in evidence:
        if ref.value is None:
            continue
        if ref.granularity == "year" and ref.value.year >= anchor.year - 1:
            return True
        if ref.granularity != "year" and ref.value >= anchor - RECENT:
            return True
    return False
