"""Dates as news copy writes them, resolved against a publication date.

"May 8, 2025", "8 May", "on Thursday", "in June", "next year", "this September", "in 2019",
"yesterday". Each becomes a DateRef at day, month or year granularity; "on Thursday" in a
story dated Friday 13 March 2026 is Thursday 12 March 2026 (the past week, unless the verb is
future: "will travel on Thursday" is the coming one).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_month = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_weekday = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
DATE = re.compile(
    r"\b(?:"
    + _month + r"\s+(?P<day1>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year1>1\d\d\d|20\d\d))?"
    + r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month2>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?(?:,?\s+(?P<year2>1\d\d\d|20\d\d))?"
    + r"|(?P<rel>this|next|last)\s+(?P<relunit>year|month|week|" + "|".join(m for m in MONTHS if len(m) > 3) + r"|" + "|".join(WEEKDAYS) + r")"
    + r"|" + _weekday
    + r"|(?:(?:in|since|by|during|until|from|on|of)\s+)?(?-i:(?P<month3>" + "|".join(m.capitalize() for m in MONTHS if len(m) > 3) + r"))(?!\s+\d{1,2}\b)"
    + r"(?:\s+(?P<year3>1\d\d\d|20\d\d))?"
    + r"|(?P<year4>1[5-9]\d\d|20\d\d)"
    + r"|(?P<near>yesterday|today|tomorrow)"
    + r")\b",
    re.I,
)
# "up 6 percent on September last year", "higher than last year", "compared with 2024": the time a change is measured
# against, not the time of the figure (a bare month or year after "on"; "on Monday" and "on 8 May" are days)
COMPARED_BEFORE = re.compile(r"\b(?:on|than|compared\s+(?:with|to)|against)\s+(?:the\s+same\s+(?:month|week|period|quarter)\s+)?"
                             r"(?:(?:" + "|".join(m for m in MONTHS if len(m) > 3) + r")\s+)?$", re.I)
# "is expected once construction begins in June": an expectation is of what is to come
FUTURE = re.compile(r"\b(?:will|shall|is to|are to|due to|plans? to|expected to|(?:is|are) expected|going to)\b", re.I)
# a verb in the past: "approved", "said", "met" (a weekday by a past verb is last week's)
PAST = re.compile(r"\b(?:[a-z]{3,}ed|said|met|was|were|had|did|told|made|took|gave|went|came|began|won|lost|fell|rose|"
                  r"left|held|sent|spent|built|sold|bought|brought|found|paid|ran|saw|spoke|wrote|chose|struck|hit|cut|"
                  r"set|put|shut|led|fled|flew|drew|grew|threw|broke|kept|beat)\b")


def future_at(text: str, start: int, end: int) -> bool:
    """Is the verb a date belongs to future? The nearest verb before it in its clause ("will travel on
    Thursday", "approved a plant on Tuesday that will …"), else the first after it ("On Tuesday the council
    approved …")."""
    clauses = CLAUSE_BREAK.split(text[max(0, start - 200) : start])
    before = clauses[-1]
    if len(clauses) > 1 and SHARED_VERB.match(before) and not PAST.search(before):
        before = f"{clauses[-2]} {before}"  # "will cost €86 million and take effect in January": "will" is both verbs'
    verbs = sorted([(m.end(), True) for m in FUTURE.finditer(before)] + [(m.end(), False) for m in PAST.finditer(before)])
    if verbs:
        return verbs[-1][1]
    after = CLAUSE_BREAK.split(text[end : end + 200])[0]
    verbs = sorted([(m.start(), True) for m in FUTURE.finditer(after)] + [(m.start(), False) for m in PAST.finditer(after)])
    return bool(verbs) and verbs[0][1]


SHARED_VERB = re.compile(r"^\s+[a-z]+\b(?<!ed)")  # after "and", a bare verb: its auxiliary is the one before "and"
CLAUSE_BREAK = re.compile(r"[.;!?,\n]|\b(?:that|which|who|when|while|after|before|but|and)\b")


@dataclass(frozen=True)
class DateRef:
    start: int
    end: int
    surface: str
    granularity: str  # "day", "month", "year", "monthname" (a month, year unknown) or "weekday" (no anchor)
    value: dt.date | None  # first day of the month or year for coarser granularities
    relative: bool = False  # resolved against the publication date ("on Thursday", "yesterday")

    def compatible(self, other: "DateRef") -> bool:
        """Could both name the same time? (A day is compatible with its month and year.)"""
        if self.value is None or other.value is None:
            return True
        if "monthname" in (self.granularity, other.granularity):
            return "year" in (self.granularity, other.granularity) or self.value.month == other.value.month
        coarse = "year" if "year" in (self.granularity, other.granularity) else "month" if "month" in (self.granularity, other.granularity) else "day"
        if coarse == "year":
            return self.value.year == other.value.year
        if coarse == "month":
            return (self.value.year, self.value.month) == (other.value.year, other.value.month)
        return self.value == other.value


def weekday_near(anchor: dt.date, weekday: int, future: bool) -> dt.date:
    delta = (weekday - anchor.weekday()) % 7
    if future:
        return anchor + dt.timedelta(days=delta or 7)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def month_in(anchor: dt.date | None, month: int, year: str | None, future: bool) -> dt.date | None:
    if year:
        return dt.date(int(year), month, 1)
    if anchor is None:
        return None
    guess = dt.date(anchor.year, month, 1)
    if future and month < anchor.month:
        return dt.date(anchor.year + 1, month, 1)
    if not future and month > anchor.month:
        return dt.date(anchor.year - 1, month, 1)
    return guess


def find_dates(text: str, anchor: dt.date | None) -> list[DateRef]:
    """Every date reference in `text`, resolved against `anchor` (a publication date) where relative."""
    found = []
    for m in DATE.finditer(text):
        ref = resolve(m, anchor, future_at(text, m.start(), m.end()))
        if ref is not None:
            found.append(DateRef(m.start(), m.end(), m.group(0), ref[0], ref[1], bool(m.group("weekday") or m.group("near"))))
    stated = [r for r in found if not r.relative and r.granularity in ("month", "year") and r.value]
    # "on a Sunday in June 2019": the weekday belongs to the stated month, not to the week of publication
    # (but in "on Monday, the lowest since records began in 1962" Monday is this week's)
    return [r for r in found if not (r.relative and any(abs(s.start - r.end) <= NEAR or abs(r.start - s.end) <= NEAR
                                                        for s in stated))]


NEAR = 10  # characters between a weekday and the month or year it belongs to ("a Sunday in June 2019")


def resolve(m: re.Match[str], anchor: dt.date | None, future: bool) -> tuple[str, dt.date | None] | None:
    g = {k: (v.lower() if isinstance(v, str) else v) for k, v in m.groupdict().items()}
    try:
        if g["month"] or g["month2"]:
            month = MONTHS[g["month"] or g["month2"]]
            day = int(g["day1"] or g["day2"])
            year = int(g["year1"] or g["year2"] or (anchor.year if anchor else 0))
            return ("day", dt.date(year, month, day)) if year else ("day", None)
    except ValueError:
        return None
    if g["rel"]:
        return relative(g["rel"], g["relunit"], anchor)
    if g["weekday"]:
        return ("day", weekday_near(anchor, WEEKDAYS[g["weekday"]], future)) if anchor else ("weekday", None)
    if g["month3"]:
        if anchor is None and not g["year3"]:
            return "monthname", dt.date(1, MONTHS[g["month3"]], 1)  # "in October", no year to place it in
        return "month", month_in(anchor, MONTHS[g["month3"]], g["year3"], future)
    if g["year4"]:
        return "year", dt.date(int(g["year4"]), 1, 1)
    if g["near"] and anchor:
        return "day", anchor + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[g["near"]])
    return None


def relative(rel: str, unit: str, anchor: dt.date | None) -> tuple[str, dt.date | None] | None:
    if anchor is None:
        return ("year" if unit == "year" else "month", None)
    shift = {"this": 0, "next": 1, "last": -1}[rel]
    if unit == "year":
        return "year", dt.date(anchor.year + shift, 1, 1)
    if unit == "month":
        month = anchor.month + shift
        return "month", dt.date(anchor.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    if unit == "week":
        return "year", dt.date(anchor.year, 1, 1)  # weeks are too loose to compare closely
    if unit in WEEKDAYS:
        day = weekday_near(anchor, WEEKDAYS[unit], future=rel == "next")
        return "day", day + dt.timedelta(days=7 * (1 if rel == "next" and day <= anchor else 0))
    month = MONTHS[unit]
    return "month", dt.date(anchor.year + shift, month, 1)
