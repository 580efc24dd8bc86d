"""Quote marks in running text: which pairs open and close, and which quoted words are titles."""

from __future__ import annotations

import re

from verify.extract.layout import paragraph_spans

OPEN, CLOSE = "“", "”"
MARKS = frozenset({OPEN, CLOSE, '"'})


def with_double_apostrophes_as_marks(text: str) -> str:
    """The text with ''typewriter'' double quotes (two apostrophes, as some wire and archive copy has them)
    written as one straight double-quote mark, keeping every offset: the mark sits next to the words."""
    if "''" not in text:
        return text
    chars = list(text)
    for match in re.finditer(r"(?<!')''(?!')", text):
        at = match.start()
        before = text[at - 1] if at else " "
        after = text[at + 2] if at + 2 < len(text) else " "
        if (before.isspace() or before in "([{—–-") and not after.isspace():
            chars[at : at + 2] = [" ", '"']  # opening: ''He's … -> ' "He's …'
        elif not before.isspace() and (after.isspace() or after in ".,;:!?)]—–-"):
            chars[at : at + 2] = ['"', " "]  # closing: …guy,'' the -> '…guy," the'
    return "".join(chars)


SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘'](?=[A-Za-z0-9À-ÿ…])", re.M)
SINGLE_CLOSE = re.compile(r"(?<=[^\s])[’'](?=$|[\s.,;:!?)\]—–-])", re.M)
STRONG_CLOSE_AROUND = ",.!?;:…"


def with_single_quotes_as_marks(text: str) -> str:
    """The text with British-style ‘single’ quote marks written as double ones, keeping every offset, when it has
    no double marks at all (beside double marks, single ones quote inside a quote or in a US-style headline).

    An apostrophe can look like a closing mark ("the workers’ union"): a closer is the first after the opener
    that punctuation touches ("…the bill,’ Quist said") or that is not a plural possessive before a lower-case word."""
    if ("'" not in text and "‘" not in text) or any(ch in MARKS for ch in text):
        return text
    chars = list(text)
    for start, end in paragraphs(text):
        at = start
        while (opener := SINGLE_OPEN.search(text, at, end)) is not None:
            closer = single_closer(text, opener.end(), end)
            if closer is None:
                break
            chars[opener.start()], chars[closer] = OPEN, CLOSE
            at = closer + 1
    return "".join(chars)


def single_closer(text: str, after: int, end: int) -> int | None:
    for match in SINGLE_CLOSE.finditer(text, after, end):
        at = match.start()
        touches_punctuation = text[at - 1] in STRONG_CLOSE_AROUND or text[at + 1 : at + 2] in tuple(STRONG_CLOSE_AROUND)
        if touches_punctuation or not (text[at - 1] == "s" and re.match(r"\s+[a-z]", text[at + 1 : at + 4])):
            return at
    return None


def quote_marks(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of curly and straight double-quote pairs, per paragraph.

    An opening mark left open at a paragraph's end pairs with that end: the quote runs on into the
    next paragraph, whose own opening mark starts the next part (the open-quote paragraph convention).
    """
    pairs: list[tuple[int, int]] = []
    bounds = paragraphs(text)
    for k, (para_start, para_end) in enumerate(bounds):
        pending: int | None = None  # an opening curly mark
        straight_open: int | None = None
        for i in range(para_start, para_end):
            ch = text[i]
            if ch == OPEN:
                pending = i  # a second opener with the first unclosed: the first was a stray
            elif ch == CLOSE or (ch == '"' and pending is not None):  # scraped copy mixes “…" and "…”
                opened = pending if pending is not None else straight_open
                if opened is not None:
                    pairs.append((opened, i))
                pending = straight_open = None
            elif ch == '"':
                if straight_open is None:
                    straight_open = i
                else:
                    pairs.append((straight_open, i))
                    straight_open = None
        if pending is not None:
            pairs.append((pending, para_end))  # the quote runs to the end of this paragraph
        elif straight_open is not None and runs_on(text, straight_open, para_start, bounds[k + 1 : k + 2]):
            pairs.append((straight_open, para_end))
    return [(a, b) for a, b in pairs if b > a + 1]


def runs_on(text: str, open_at: int, para_start: int, following: list[tuple[int, int]]) -> bool:
    """A straight mark left open is the open-quote paragraph convention when it opens its paragraph or the
    next paragraph opens with a mark; anywhere else it is more likely a stray (5'11", a typo)."""
    opens_paragraph = not text[para_start:open_at].strip()
    return opens_paragraph or bool(following and text[following[0][0] : following[0][1]].lstrip()[:1] in MARKS)


def paragraphs(text: str) -> list[tuple[int, int]]:
    return list(paragraph_spans(text))


TITLE_WORD = re.compile(r"(?:[A-Z0-9][\w’'.:!?-]*|a|an|the|of|and|or|in|on|at|to|for|with|from|by|vs\.?)$")
TITLE_BEFORE = re.compile(r"(?:\b(?:on|in|with|to|for|of|from|at|by|book|novel|novella|memoir|play|poem|opera|musical|"
                          r"documentary|podcast|exhibition|show|film|movie|song|album|series|program|programme|column|"
                          r"headline|titled|entitled)|[’']s),?\s*$", re.I)


def is_title(text: str, open_at: int, close_at: int) -> bool:
    """ "on CNN’s “State of the Union”", "in an interview with “Fox News Sunday”": a show or book, not speech."""
    words = text[open_at + 1 : close_at].strip(" ,.").split()
    if not words or len(words) > 10 or not words[0][:1].isupper():
        return False
    return all(TITLE_WORD.match(w) for w in words) and bool(TITLE_BEFORE.search(text, max(0, open_at - 20), open_at))


def without_marks(text: str, pairs: set[tuple[int, int]]) -> str:
    """The text with these quote marks blanked out (same length, so offsets hold)."""
    if not pairs:
        return text
    chars = list(text)
    for at in (at for pair in pairs for at in pair):
        if text[at : at + 1] in MARKS:  # a quote left open pairs with its paragraph's end: that "\n" (or the text's end) stays
            chars[at] = " "
    return "".join(chars)
