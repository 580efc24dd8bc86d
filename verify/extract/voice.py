"""Whose words a text gives: a transcript's turns, and a written statement's text after "Statement by Dana Okoro:".

A statement issued by a person is their own words though no quote mark surrounds them, so a quote
taken from it is held to them, and a quote of them credited to someone else is misattributed.
"""

from __future__ import annotations

import re

from verify.extract.marks import MARKS, paragraphs

NAME_WORDS = r"[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|of|de|van|von|al|bin))*"
AUTHORED = re.compile(r"^(?:Written\s+|Full\s+)?[Ss]tatement\s+(?:by|from)\s+(?P<who>" + NAME_WORDS + r")")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
INTRO_CHARS = 300  # an opening line that introduces the text, not a paragraph of it
# a transcript's speaker label: "FIRE CHIEF ANTON MIRELLE:", with the role after a comma or in brackets as
# press offices write it ("PETRA SOLHEIM, CHIEF EXECUTIVE, VANTLAND RAIL FREIGHT:", "SEN. JOHN DOE (R-TX):")
# ("UPDATE:", "EDITOR'S NOTE:" and other page furniture in capitals are nobody's words)
FURNITURE = (r"(?!(?:UPDATED?|EDITOR[’']S NOTE|NOTE|CORRECTION|CLARIFICATION|BREAKING(?: NEWS)?|WATCH|LISTEN|READ MORE|"
             r"RELATED|PHOTO|VIDEO|SOURCES?|WARNING|DISCLAIMER|ADVERTISEMENT|UPDATE \d+)\s*:)")
TRANSCRIPT_LABEL = re.compile(
    r"^" + FURNITURE + r"(?P<label>[A-Z][A-Z .’'-]{2,60}(?:,[A-Z .’'&-]{2,60}){0,3}(?: ?\([A-Z][^()\n]{0,40}\))?):\s", re.M
)


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
    if TRANSCRIPT_LABEL.search(text):  # a transcript has many voices, not one
        return []
    bounds = paragraphs(text)
    who, first = author_of(title), 0
    if who is None and bounds and bounds[0][1] - bounds[0][0] <= INTRO_CHARS:
        who, first = author_of(text[bounds[0][0] : bounds[0][1]]), 1
    if who is None:
        return []
    # a paragraph opening with a quote mark quotes someone; the quote reader credits it
    return [(a, b, who) for a, b in bounds[first:] if text[a:b].lstrip()[:1] not in MARKS]


def transcript_turns(text: str) -> list[tuple[int, int, str]]:
    """(start, end, speaker) of every labelled turn of a transcript: "MAYOR LENA VOSS: Good evening. …" is hers up
    to the next label, over as many paragraphs as she speaks, however their lines are wrapped (a passage cut from
    its label still has a speaker). The last turn ends with its paragraph: what follows may be the page's own."""
    labels = list(TRANSCRIPT_LABEL.finditer(text))
    turns = []
    for i, match in enumerate(labels):
        if i + 1 < len(labels):
            end = labels[i + 1].start()
        else:
            blank = PARAGRAPH_BREAK.search(text, match.end())
            end = blank.start() if blank else len(text)
        while end > match.end() and text[end - 1].isspace():
            end -= 1
        turns.append((match.end(), end, match.group("label").title()))
    return turns
