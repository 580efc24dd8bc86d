"""Where a text's paragraphs are: one a line, or, in hard-wrapped copy, the lines between blank lines.

Much newsroom copy is wrapped at a fixed width (plain-text wires, Markdown drafts, e-mailed statements):
there a line break inside a paragraph is not a paragraph's end, and a quote may run across it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

WRAP_WIDTH_MAX = 130  # lines this short, most of them, are a wrapping width; longer ones are whole paragraphs
SHORT_LINE = 0.5  # a line under half the width ends where its writer ended it (a heading, an address, a sign-off)
BLANK_LINE = re.compile(r"\n[ \t]*\n")
# a line that opens something of its own: a heading, a list item, a table row, a quoted block, a label
# ("MAYOR LENA VOSS:", "date: 2026-11-29") or front matter's rule
OWN_LINE = re.compile(r"[ \t]*(?:#|>|\||[*•+-]\s|\d{1,3}[.)]\s|---|[A-Z][\w’' .,()&-]{0,60}:\s|[a-z_]+:\s)")


def wrap_width(lines: list[str]) -> int | None:
    """The width the text is wrapped at, or None when it is not wrapped (a paragraph a line)."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 4:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    return width if width <= WRAP_WIDTH_MAX else None


@lru_cache(maxsize=64)
def paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every non-empty paragraph, in order."""
    lines = text.split("\n")
    width = wrap_width(lines) if BLANK_LINE.search(text) else None
    spans: list[tuple[int, int]] = []
    start = at = 0
    for k, line in enumerate(lines):
        end = at + len(line)
        following = lines[k + 1] if k + 1 < len(lines) else ""
        wrapped = (width is not None and len(line.rstrip()) >= SHORT_LINE * width and following.strip()
                   and not OWN_LINE.match(following))
        if not wrapped:
            if end > start:
                spans.append((start, end))
            start = end + 1
        at = end + 1
    return tuple(spans)


@lru_cache(maxsize=64)
def paragraph_starts(text: str) -> tuple[int, ...]:
    return tuple(start for start, _ in paragraph_spans(text))


def paragraph_bounds(text: str, at: int) -> tuple[int, int]:
    """The paragraph holding offset `at` (a line break between paragraphs counts as the first one's end)."""
    spans = paragraph_spans(text)
    k = bisect_right(paragraph_starts(text), at) - 1
    if k >= 0 and spans[k][0] <= at <= spans[k][1]:
        return spans[k]
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    return line_start, len(text) if line_end < 0 else line_end


HEADING = re.compile(r"[^\n.!?:”\"]{1,120}")


def mask_headings(text: str) -> str:
    """Blank out heading-like paragraphs (no sentence punctuation) so "New Era Xi" is never a name. A line of
    hard-wrapped copy is no heading: its paragraph has the punctuation."""
    chars = list(text)
    for start, end in paragraph_spans(text):
        if HEADING.fullmatch(text, start, end):
            chars[start:end] = " " * (end - start)
    return "".join(chars)
