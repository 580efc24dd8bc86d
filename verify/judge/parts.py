"""Counts of a part whose noun is left out: "Of those, 9,850 had been waiting for more than a year", "2,436 people
were admitted …, including 212 who needed intensive care". What they count is named before them (the whole) and by
their own predicate (what the part did or is)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from verify.extract.quantities import Mention
from verify.judge.claim_reading import FROM_BEFORE
from verify.judge.counting import folded

# "Of those, 9,850 …", "Among them, 300 …": the whole is named by the sentence before
PART_OPENING = re.compile(r"^\W*(?:of|among)\s+(?:those|them|these)\b[\s,]*", re.I)
# "…, including 212 who needed intensive care", "…, of whom 40 died": the whole is named before, in the sentence
PART_BEFORE = re.compile(r"\b(?:including|of whom|of which)\s+$", re.I)
CLAUSE_END = re.compile(r"[,;:.](?!\d)|\s[–—-]\s")
MIN_PREDICATE_WORDS = 2  # "died" alone says too little to tell one part of a whole from another
MIN_PREDICATE_SHARE = 0.6  # "who needed intensive care" is said by "were taken into intensive care"


@dataclass(frozen=True)
class Part:
    whole: str  # the words that name what the part is a part of
    predicate: str  # what the part did or is ("had been waiting for more than a year"); "" when not the part's own figure

    def said_by(self, claim_sentence: str) -> bool:
        """Does the claim's sentence say what the part did? Then a count in it with the same noun is the part's count,
        and may contradict it: "More than 15,000 patients had been waiting for more than a year" against "Of those,
        9,850 had been waiting for more than a year"."""
        words = folded(self.predicate)
        shared = words & folded(claim_sentence)
        return len(shared) >= MIN_PREDICATE_WORDS and len(shared) >= MIN_PREDICATE_SHARE * len(words)


def part_of(mention: Mention, sentence: str, before: str, mentions: list[Mention]) -> Part | None:
    """The part a noun-less figure counts, if the sentence frames it as one; its predicate is its own clause's, and an
    earlier value of the part has the part's predicate ("…, down from 11,200 in June")."""
    opening = PART_OPENING.match(sentence)
    if opening and before:
        part = next((m for m in mentions if m.start >= opening.end()), None)
        own = part is mention or (part is not None and mention.start > part.end
                                  and bool(FROM_BEFORE.search(sentence[max(0, mention.start - 20) : mention.start])))
        return Part(before, clause_after(sentence, part.end) if own and part else "")
    if PART_BEFORE.search(sentence[max(0, mention.start - 20) : mention.start]):
        return Part(sentence[: mention.start], clause_after(sentence, mention.end))
    return None


def clause_after(sentence: str, end: int) -> str:
    return CLAUSE_END.split(sentence[end:], maxsplit=1)[0]
