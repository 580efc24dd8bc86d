"""Pick the sentence of a retrieved passage that speaks to a claim, with document offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from verify.lexical import tokenize
from verify.models import RetrievedPassage
from verify.split import split_sentences


@dataclass(frozen=True)
class EvidenceSpan:
    text: str
    start: int  # offsets into the document text
    end: int
    overlap: float  # share of the claim's content words found in the span, 0..1


def best_span(query: str, passage: RetrievedPassage) -> EvidenceSpan:
    """The passage sentence (or neighbouring pair) sharing most content words with `query`."""
    wanted = set(tokenize(query))
    sentences = split_sentences(passage.text)
    if not sentences or not wanted:
        return EvidenceSpan(passage.text, passage.start, passage.end, 0.0)
    def coverage(start: int, end: int) -> float:
        return len(wanted & set(tokenize(passage.text[start:end]))) / len(wanted)

    best = max(((s.start, s.end) for s in sentences), key=lambda span: coverage(*span))
    for a, b in zip(sentences, sentences[1:]):
        # a pair only when it adds much: one sentence is a sharper citation and a fairer cosine
        if coverage(a.start, b.end) >= coverage(*best) + 0.25:
            best = (a.start, b.end)
    start, end = best
    overlap = len(wanted & set(tokenize(passage.text[start:end]))) / len(wanted)
    return EvidenceSpan(passage.text[start:end], passage.start + start, passage.start + end, overlap)


ASIDE = re.compile(r",\s+[^,;]{3,120}?(?=,)")  # ", led on the council by Maren Hollis," between two commas
TRAILING = re.compile(r",\s+(?:saying|adding|citing|noting|which|who|whose|where|while|after|before|according)\b[^;]*$")


def core_of(text: str, query: str) -> str:
    """The span without its asides and trailing clauses that share no word with the claim: a long sentence
    saying the claim among other things is as close to it as the clause that says it (a fairer cosine)."""
    wanted = set(tokenize(query))

    def unrelated(match: re.Match[str]) -> str:
        return "" if not wanted & set(tokenize(match.group(0))) else match.group(0)

    shorter = TRAILING.sub(unrelated, ASIDE.sub(unrelated, text))
    return shorter if shorter != text else text
