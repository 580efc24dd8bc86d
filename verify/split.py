"""Split text into sentences and passages that keep their character offsets.

A rule-based splitter (no model): boundaries after . ! ? (and closing quotes or brackets)
followed by space and a capital, digit or opening quote; never after a known abbreviation or
an initial; always at blank lines; at single newlines unless the line looks hard-wrapped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from verify.models import Passage, Sentence

# part of every index's fingerprint: a change to where sentences end re-cuts the passages (vectors of
# unchanged passages are reused); 2: "1980s." and "Trump’s." end sentences; 4: ranks ("Coun.", "Const.", "Cpl.")
SPLITTER_VERSION = 4

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt gen col lt sgt capt cmdr adm gov sen rep rev hon pres
    co corp inc ltd llc bros dept univ assn est approx vs etc al fig no nos vol pp ed eds
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    u.s u.k u.n e.g i.e a.m p.m d.c ph.d u.s.a
    coun couns const cst cpl supt insp det maj pte brig atty""".split()
)

BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9À-ÖØ-Þ])")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
WORD_BEFORE = re.compile(r"(?<![\w’'])([A-Za-z][A-Za-z.]*)\.$")  # a whole word: the "s" of "1980s." is no initial
WRAP_WIDTH = 60  # a line at least this long without end punctuation is taken as hard-wrapped


def is_abbreviation(text: str, dot_end: int) -> bool:
    """Is the '.' ending at `dot_end` part of an abbreviation or an initial?"""
    match = WORD_BEFORE.search(text[max(0, dot_end - 12) : dot_end])
    if not match:
        return False
    word = match.group(1).lower()
    if len(word) == 1:  # an initial: "Pavel V. Troshchinskiy"; but "wrote on X." names the platform
        return not (word == "x" and re.search(r"\b(?:on|via)\s+X\.$", text[max(0, dot_end - 8) : dot_end]))
    return word in ABBREVIATIONS or word.rstrip(".") in ABBREVIATIONS


def line_spans(block: str, offset: int) -> Iterator[tuple[int, int]]:
    """Split a paragraph block at single newlines that end a line rather than wrap it."""
    start = 0
    lines = block.split("\n")
    position = 0
    for i, line in enumerate(lines[:-1]):
        position += len(line) + 1
        stripped = line.rstrip()
        wrapped = len(stripped) >= WRAP_WIDTH and not stripped.endswith((".", "!", "?", ":", "”", '"'))
        if not wrapped and lines[i + 1].strip():
            yield offset + start, offset + position - 1
            start = position
    yield offset + start, offset + len(block)


def sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    segment = text[start:end]
    cursor = 0
    for match in BOUNDARY.finditer(segment):
        stop = match.end()
        if segment[match.start()] == "." and match.end() - match.start() == 1 and is_abbreviation(segment, match.start() + 1):
            continue
        yield start + cursor, start + stop
        cursor = stop
    yield start + cursor, end


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text`, with offsets into it and the paragraph each belongs to."""
    return list(_split_cached(text)) if len(text) < 20_000 else _split(text)


@lru_cache(maxsize=8192)  # judges split the same evidence passages for many claims
def _split_cached(text: str) -> tuple[Sentence, ...]:
    return tuple(_split(text))


def _split(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    block_start = 0
    paragraph = 0
    breaks = [(m.start(), m.end()) for m in PARAGRAPH_BREAK.finditer(text)] + [(len(text), len(text))]
    for brk_start, brk_end in breaks:
        block = text[block_start:brk_start]
        for line_start, line_end in line_spans(block, block_start):
            for s_start, s_end in sentence_spans(text, line_start, line_end):
                a, b = trimmed(text, s_start, s_end)
                if b > a:
                    sentences.append(Sentence(start=a, end=b, text=text[a:b], paragraph=paragraph))
        paragraph += 1
        block_start = brk_end
    return sentences


def make_passages(document_id: str, text: str, per_passage: int, max_chars: int) -> list[Passage]:
    """Consecutive windows of up to `per_passage` sentences and `max_chars` characters."""
    passages: list[Passage] = []
    window: list[Sentence] = []

    def flush() -> None:
        if window:
            a, b = window[0].start, window[-1].end
            passages.append(Passage(document_id=document_id, start=a, end=b, text=text[a:b]))
            window.clear()

    for sentence in split_sentences(text):
        if sentence.end - sentence.start > max_chars:  # one huge "sentence": cut it plainly
            flush()
            for a in range(sentence.start, sentence.end, max_chars):
                b = min(a + max_chars, sentence.end)
                passages.append(Passage(document_id=document_id, start=a, end=b, text=text[a:b]))
            continue
        if window and (len(window) >= per_passage or sentence.end - window[0].start > max_chars):
            flush()
        window.append(sentence)
    flush()
    return passages
