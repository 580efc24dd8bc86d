"""Find quoted words in evidence and say how faithfully they were quoted."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from verify.models import QuoteClaim, Stance

WORD = re.compile(r"[\w’'-]+")
VERBATIM = 97.0  # partial-ratio of normalised text at or above which the words are the same
CLOSE = 85.0  # below verbatim: minor differences; below this the quote is not found


@dataclass(frozen=True)
class QuoteFinding:
    stance: Stance
    match: float  # 0..1
    note: str


def normalise_words(text: str) -> str:
    return " ".join(w.lower().replace("’", "'") for w in WORD.findall(text))


def speaker_named(speaker: str | None, text: str) -> bool | None:
    """Is the claimed speaker named in the evidence? None when nobody is claimed."""
    if not speaker:
        return None
    parts = [p for p in speaker.split() if len(p) > 1 and not p.endswith(".")]
    return any(re.search(r"\b" + re.escape(p) + r"\b", text) for p in parts)


def judge_quote(claim: QuoteClaim, evidence_text: str, passage_text: str) -> QuoteFinding:
    words, haystack = normalise_words(claim.quote), normalise_words(passage_text)
    if len(words) < 8 or not haystack:
        return QuoteFinding(Stance.RELATED, 0.0, "")
    score = fuzz.partial_ratio(words, haystack)
    if score < CLOSE:
        return QuoteFinding(Stance.RELATED, score / 100, "")
    named = speaker_named(claim.speaker, passage_text)
    if named is False:
        return QuoteFinding(Stance.RELATED, score / 100, f"has these words but does not name {claim.speaker}")
    kind = "verbatim" if score >= VERBATIM else "with minor differences"
    return QuoteFinding(Stance.SUPPORTS if claim.direct or score >= CLOSE else Stance.RELATED, score / 100, f"has the quote {kind}")
