"""Whose words a written statement is: the text after "Statement by Dana Okoro, chief executive:" is hers.

A statement issued by a person is their own words though no quote mark surrounds them, so a quote
taken from it is held to them, and a quote of them credited to someone else is misattributed.
"""

from __future__ import annotations

import re

from verify.extract.marks import MARKS, paragraphs

NAME_WORDS = r"[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|of|de|van|von|al|bin))*"
AUTHORED = re.compile(r"^(?:Written\s+|Full\s+)?[Ss]tatement\s+(?:by|from)\s+(?P<who>" + NAME_WORDS + r")")
INTRO_CHARS = 300  # an opening line that introduces the text, not a paragraph of it
LABEL = re.compile(r"^[A-Z][A-Z .’'-]{2,60}[:(,]", re.M)  # a transcript has many voices, not one


def author_of(line: str) -> str | None:
    """ "Statement by Health Minister Rana Holt on winter pressures" -> "Health Minister Rana Holt"."""
    found = AUTHORED.match(line.strip())
    if found is None:
        return None
    who = re.sub(r"\s+(?:of|de|van|von|al|bin)$", "", found.group("who").strip())
    return who if len(who.split()) >= 2 or who.isupper() else None


def statement_voice(title: str, text: str) -> list[tuple[int, int, str]]:
    """(start, end, author) of every paragraph a written statement gives in its author's own voice:
    all of it when the title says whose statement it is, all after an opening line that does."""
    if LABEL.search(text):
        return []
    bounds = paragraphs(text)
    who, first = author_of(title), 0
    if who is None and bounds and bounds[0][1] - bounds[0][0] <= INTRO_CHARS:
        who, first = author_of(text[bounds[0][0] : bounds[0][1]]), 1
    if who is None:
        return []
    # a paragraph opening with a quote mark quotes someone; the quote reader credits it
    return [(a, b, who) for a, b in bounds[first:] if text[a:b].lstrip()[:1] not in MARKS]
