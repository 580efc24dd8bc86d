"""Who a quote is credited to: "according to TASS", "told the Global Times", "seen by the Financial Ledger"."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Protocol, TypeVar

from verify.extract.layout import paragraph_bounds

CREDIT = re.compile(
    r"\b(?i:according to|told|in an interview with|speaking to|reported by|seen by|obtained by)\s+(?:the\s+)?"
    r"(?:(?P<generic>(?:state|public|national)\s+(?:television|TV|radio|media|broadcaster))\b|"  # "told state television"
    r"(?:(?:state|official|national|news|wire|press|agency|broadcaster|newspaper|daily)\s+)*"  # "the state news agency SNA"
    r"(?P<credit>(?:[A-Z][\w’'-]*|of|the)(?:\s+(?:[A-Z][\w’'-]*|News|Agency|of))*))"
)


def credited_source(window: str) -> str | None:
    match = CREDIT.search(window)
    return credit_name(match) if match else None


def credit_name(match: re.Match[str]) -> str | None:
    if match.group("generic"):
        return match.group("generic")
    words = match.group("credit").split()
    while words and words[-1] in {"of", "the"}:
        words.pop()
    if not words or (len(words) == 1 and words[0] in {"He", "She", "They"}):
        return None
    return " ".join(words)


class Credited(Protocol):
    start: int
    end: int
    speaker: str | None
    credited: str | None


S = TypeVar("S", bound=Credited)


def credit_owner(text: str, paragraph: tuple[int, int], quotes: list[S]) -> str | None:
    """Whose words a paragraph's credit covers: the speaker of the quote nearest to it."""
    match = CREDIT.search(text, *paragraph)
    if match is None or not quotes:
        return None
    nearest = min(quotes, key=lambda q: max(q.start - match.start(), match.start() - q.end, 0))
    return nearest.speaker


def credits_per_speaker(text: str, paragraph: tuple[int, int], quotes: list[S]) -> list[S]:
    """A paragraph's credit stays with its own speaker's quotes: "“…,” she told an interviewer. “…,” the chief
    executive wrote in a memo seen by the Valley Ledger" credits only the chief executive's words."""
    owner = credit_owner(text, paragraph, quotes)
    if owner is None:
        return quotes
    return [q if q.speaker in (owner, None) else replace(q, credited=None) for q in quotes]


def credited_per_paragraph(text: str, spans: list[S]) -> list[S]:
    """Each paragraph's credit kept for its own speaker's quotes (quotes come in text order, so one pass)."""
    out: list[S] = []
    first = 0
    while first < len(spans):
        bounds = paragraph_bounds(text, spans[first].start)
        last = first
        while last < len(spans) and spans[last].start < bounds[1]:
            last += 1
        group = spans[first:last]
        out += credits_per_speaker(text, bounds, group) if group[0].credited else group
        first = last
    return out
