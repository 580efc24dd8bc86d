"""Direct and reported speech: the quoted words, who said them, and who is credited."""

from __future__ import annotations

import re
from dataclasses import dataclass

from verify.extract.people import REPORTING, People

OPEN, CLOSE = "“", "”"
WHO = r"(?P<who>(?:[Aa]n?\s+|[Tt]he\s+)(?:[\w-]+\s+)?(?:spokesperson|spokesman|spokeswoman|official|source|aide|diplomat|adviser|advisor)(?:\s+(?:for|of|at|to)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}[\w-]+)?|(?:the\s+[A-Z][a-z]+\s+(?:leader|president|premier|prime minister|minister|chancellor))|he|she|they|(?:(?:Dr\.|Prof\.|Mr\.|Mrs\.|Ms\.)\s+)?[A-Z][\w’'-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'-]+)){0,3})"
VERB = r"(?P<verb>" + REPORTING + r")"
AFTER_WHO_VERB = re.compile(r"^[,.!?]?\s*" + WHO + r"\s+(?:also\s+)?" + VERB + r"\b")
AFTER_VERB_WHO = re.compile(r"^[,.!?]?\s*" + VERB + r"\s+" + WHO)
BEFORE = re.compile(WHO + r",?(?:\s+[\w’'-]+){0,3}?\s+" + VERB + r"\b[^“”]{0,200}$")
CREDIT = re.compile(
    r"\b(?i:according to|told|in an interview with|speaking to|reported by)\s+(?:the\s+)?"
    r"(?P<credit>(?:[A-Z][\w’'-]*|of|the)(?:\s+(?:[A-Z][\w’'-]*|News|Agency|of))*)"
)
INDIRECT = re.compile(
    r"^(?:According to [^,]+,\s+)?" + WHO + r"\s+(?:also\s+)?(?P<verb>said|says|stressed|noted|added|warned|argued|explained|insisted|claimed|stated|told [^,]+?)\s+(?:that\s+)?(?P<clause>[^“”]{12,})$"
)
CREDIT_WORDS = {"of", "the", "News", "Agency"}


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # offsets of the quoted words (inside the marks) in the article text
    end: int
    speaker: str | None
    credited: str | None
    direct: bool = True


def paragraph_bounds(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def quote_marks(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of curly and straight double-quote pairs, per paragraph.

    An opening mark left open at a paragraph's end continues when the next paragraph opens
    with a quote mark (the open-quote paragraph convention); otherwise it is a stray and dropped.
    """
    pairs: list[tuple[int, int]] = []
    pending: int | None = None
    for para_start, para_end in paragraphs(text):
        straight_open: int | None = None
        if pending is not None and not text.startswith((OPEN, '"'), para_start):
            pending = None
        for i in range(para_start, para_end):
            ch = text[i]
            if ch == OPEN:
                if pending is not None and i != para_start:
                    pending = None  # a second opener with the first unclosed: drop the stray
                pending = i if pending is None else pending
            elif ch == CLOSE and pending is not None:
                pairs.append((pending, i))
                pending = None
            elif ch == '"':
                if straight_open is None:
                    straight_open = i
                else:
                    pairs.append((straight_open, i))
                    straight_open = None
        if pending is not None:
            pairs.append((pending, para_end))  # the quote runs to the end of this paragraph
    return [(a, b) for a, b in pairs if b > a + 1]


def paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in re.finditer(r"\n", text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return [(a, b) for a, b in bounds if b > a]


def credited_source(window: str) -> str | None:
    match = CREDIT.search(window)
    if not match:
        return None
    words = match.group("credit").split()
    while words and words[-1] in {"of", "the"}:
        words.pop()
    if not words or (len(words) == 1 and words[0] in {"He", "She", "They"}):
        return None
    return " ".join(words)


def speaker_near(text: str, open_at: int, close_at: int, people: People) -> tuple[str | None, int]:
    """Speaker named around a quote, and the offset of the words that name them."""
    para_start, para_end = paragraph_bounds(text, open_at)
    after = text[close_at + 1 : min(para_end, close_at + 120)]
    for pattern in (AFTER_WHO_VERB, AFTER_VERB_WHO):
        match = pattern.match(after)
        if match:
            return people.resolve(match.group("who"), close_at + 1 + match.start("who")), close_at
    before = text[para_start:open_at]
    match = BEFORE.search(before)
    if match:
        who = people.resolve(match.group("who"), para_start + match.start("who"))
        if who is not None and people.by_name(who) is None:
            # "Li Haidong, professor at the China Foreign Affairs University, echoed": the
            # regex saw the institution; a person named earlier in the paragraph is the speaker.
            who = people.latest_in(para_start, open_at) or who
        return who, para_start + match.start()
    return None, -1


def inherits(text: str, speaker_paragraph: int, para_start: int, open_at: int) -> bool:
    """Does an unattributed quote continue the last speaker's words?

    Yes in the same paragraph ("“…,” he said. “…”"), and when the quote opens the paragraph
    right after the speaker's (a quote running on across paragraphs).
    """
    if speaker_paragraph == para_start:
        return True
    if text[para_start:open_at].strip():
        return False
    previous = text[:para_start].rstrip()
    return paragraph_bounds(text, max(0, len(previous) - 1))[0] == speaker_paragraph


def find_quotes(text: str, people: People) -> list[QuoteSpan]:
    """Every direct quote of the text, with its resolved speaker and credited source."""
    spans: list[QuoteSpan] = []
    last_speaker: tuple[int, str] | None = None  # (paragraph start, speaker) for split quotes
    for open_at, close_at in quote_marks(text):
        content_start, content_end = open_at + 1, close_at
        if len(text[content_start:content_end].split()) < 2:
            continue  # a scare-quoted word is not a quote claim
        speaker, _ = speaker_near(text, open_at, close_at, people)
        para_start, para_end = paragraph_bounds(text, open_at)
        if speaker is None and last_speaker and inherits(text, last_speaker[0], para_start, open_at):
            speaker = last_speaker[1]
        credited = credited_source(text[para_start:para_end])
        if speaker:
            last_speaker = (para_start, speaker)
        spans.append(QuoteSpan(content_start, content_end, speaker, credited))
    return spans


def find_indirect(sentence: str, offset: int, people: People) -> QuoteSpan | None:
    """Reported speech without quote marks: "Xi said China-Russia relations …"."""
    if OPEN in sentence or CLOSE in sentence or '"' in sentence:
        return None
    match = INDIRECT.match(sentence)
    if not match:
        return None
    who = match.group("who")
    if who.lower() in ("they",) or who.split()[0] in ("The", "This", "It", "In", "According"):
        return None
    speaker = people.resolve(who, offset + match.start("who"))
    if speaker is None:
        return None
    return QuoteSpan(offset + match.start("clause"), offset + match.end("clause"), speaker, credited_source(sentence), direct=False)
