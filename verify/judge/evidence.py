"""Pick the sentence of a retrieved passage that speaks to a claim, with document offsets."""

from __future__ import annotations

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
    candidates = [(s.start, s.end) for s in sentences]
    candidates += [(a.start, b.end) for a, b in zip(sentences, sentences[1:])]
    best, best_score = candidates[0], -1.0
    for start, end in candidates:
        found = set(tokenize(passage.text[start:end]))
        score = len(wanted & found) / len(wanted) - 0.002 * (end - start) / 100
        if score > best_score:
            best, best_score = (start, end), score
    start, end = best
    overlap = len(wanted & set(tokenize(passage.text[start:end]))) / len(wanted)
    return EvidenceSpan(passage.text[start:end], passage.start + start, passage.start + end, overlap)
