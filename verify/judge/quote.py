"""Find quoted words in evidence, say how faithfully they were quoted and by whom."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from verify.extract.people import People
from verify.extract.quotes import find_quotes
from verify.lexical import STOPWORDS
from verify.models import QuoteClaim, Stance, WordChange

WORD = re.compile(r"[\w’'-]+")
FOUND = 85.0  # partial-ratio (0..100) of normalised words from which the quote counts as found
TRANSCRIPT_LABEL = re.compile(r"^(?P<label>[A-Z][A-Z .’'-]{2,60}):\s", re.M)
NEGATIONS = {"not", "no", "never", "don't", "doesn't", "didn't", "won't", "cannot", "can't", "isn't", "aren't", "nor"}


@dataclass(frozen=True)
class QuoteFinding:
    stance: Stance
    match: float  # 0..1
    note: str
    diff: tuple[WordChange, ...] = ()


def words_of(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def aligned_words(quote: list[str], passage: str) -> tuple[list[str], int, float]:
    """The passage words best aligned with the quote, their character start, and the score."""
    haystack = " ".join(words_of(passage))
    alignment = fuzz.partial_ratio_alignment(" ".join(quote), haystack)
    if alignment is None:
        return [], 0, 0.0
    start = haystack.rfind(" ", 0, alignment.dest_start) + 1
    end = haystack.find(" ", alignment.dest_end)
    window = haystack[start : end if end >= 0 else len(haystack)]
    return window.split(), start, alignment.score


def word_diff(quote: list[str], evidence: list[str]) -> tuple[WordChange, ...]:
    matcher = difflib.SequenceMatcher(a=quote, b=evidence, autojunk=False)
    return tuple(
        WordChange(op=op, article=" ".join(quote[i1:i2]), evidence=" ".join(evidence[j1:j2]))
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
    )


def word_changes(diff: tuple[WordChange, ...]) -> list[tuple[str, str]]:
    """(article words, evidence words) for each place the two differ."""
    return [(c.article, c.evidence) for c in diff if c.op != "equal"]


def is_minor(changes: list[tuple[str, str]]) -> bool:
    """Only small words changed (a dropped "the"), nothing with meaning: numbers, negations, content words."""
    changed = [w for pair in changes for w in " ".join(pair).split()]
    return len(changed) <= 2 and all(w in STOPWORDS and w not in NEGATIONS for w in changed)


def diff_note(changes: list[tuple[str, str]]) -> str:
    parts = [f"“{a}” → “{b}”" if a and b else (f"added “{a}”" if a else f"dropped “{b}”") for a, b in changes[:4]]
    return "; ".join(parts)


def evidence_speaker(passage: str, claimed: str) -> str | None:
    """Who the evidence credits with words near a match: a transcript label or an attribution."""
    lines = [line for line in passage.split("\n") if line.strip()]
    best = max(lines, key=lambda line: fuzz.partial_ratio(claimed.lower(), line.lower()), default="")
    label = TRANSCRIPT_LABEL.match(best)
    if label:
        return label.group("label").title()
    people = People(passage)
    for span in find_quotes(passage, people):
        if span.speaker and fuzz.partial_ratio(claimed.lower(), passage[span.start : span.end].lower()) >= FOUND:
            return span.speaker
    return None


def speaker_in(speaker: str | None, text: str) -> bool:
    """Is the speaker named in the text (by any part of the name longer than two letters)?"""
    if not speaker:
        return True
    return any(re.search(r"\b" + re.escape(p) + r"\b", text, re.I) for p in speaker.split() if len(p) > 2)


def same_person(claimed: str, other: str) -> bool:
    mine = {w.lower() for w in claimed.split() if len(w) > 2}
    return bool(mine & {w.lower() for w in other.split()})


def judge_quote(claim: QuoteClaim, passage_text: str) -> QuoteFinding:
    quote = words_of(claim.quote)
    if len(quote) < 4 or not passage_text:
        return QuoteFinding(Stance.RELATED, 0.0, "")
    evidence, _, score = aligned_words(quote, passage_text)
    if score < FOUND:
        return QuoteFinding(Stance.RELATED, score / 100, "")
    if claim.speaker:
        credited = evidence_speaker(passage_text, claim.quote)
        named = re.search(r"\b" + re.escape(claim.speaker.split()[-1]) + r"\b", passage_text, re.I)
        if credited and not same_person(claim.speaker, credited) and not (named and credited.isupper()):
            return QuoteFinding(Stance.CONFLICTS, score / 100, f"credits these words to {credited}, not {claim.speaker}")
        if not named and not credited:
            return QuoteFinding(Stance.RELATED, score / 100, f"has these words but does not say who spoke them")
    diff = word_diff(quote, evidence)
    changes = word_changes(diff)
    if not changes:
        return QuoteFinding(Stance.SUPPORTS, score / 100, "has the quote verbatim", diff)
    if is_minor(changes):
        return QuoteFinding(Stance.SUPPORTS, score / 100, f"has the quote with minor differences ({diff_note(changes)})", diff)
    if not claim.direct:
        return QuoteFinding(Stance.RELATED, score / 100, f"has similar words ({diff_note(changes)})", diff)
    return QuoteFinding(Stance.CONFLICTS, score / 100, f"has altered words: {diff_note(changes)}", diff)
