"""Is a reference document the article itself? The same text, or a near-duplicate by word shingles.

A newsroom re-checking a published story against an archive that holds it, or a draft saved into
the corpus folder, would otherwise cite the article as its own best evidence ("says the same,
similarity 1.00"). Such a document is left out of the evidence, and the report says so.

Near-duplicate means: the 5-word shingles of the two texts overlap with a Jaccard index of at
least 0.8 (the same story, lightly edited), or at least 0.8 of the shingles of the article's own
prose are in the document (the story inside a longer page or a collection). Only that direction
counts: a short wire item the article quotes whole is still evidence. Quoted words are left out of
the article's prose, so a brief that is mostly one long quote is not a copy of the statement it
quotes; and an article with under about 45 words of its own prose (a one-sentence claim) is never
called a near-copy, only a same-text one.
"""

from __future__ import annotations

import re

from verify.models import Document, ExcludedDocument, SelfCopyReason

SHINGLE_WORDS = 5
NEAR_DUPLICATE = 0.8
# Fewer prose shingles than this (about 45 words) is a sentence or two, not an article: a one-line
# claim that a corpus item states word for word is what evidence looks like, not a copy.
MIN_SHINGLES = 40

WORD = re.compile(r"\w+", re.UNICODE)
QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"|''[^'\n]*''")


def shingles(text: str) -> frozenset[tuple[str, ...]]:
    """Every run of SHINGLE_WORDS consecutive words, lower-cased (punctuation and spacing ignored)."""
    words = [w.lower() for w in WORD.findall(text)]
    return frozenset(tuple(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1))


def prose_shingles(text: str) -> frozenset[tuple[str, ...]]:
    """Shingles of the text outside quotation marks (no shingle spans a quote)."""
    return frozenset().union(*(shingles(part) for part in QUOTED.split(text)))


def copy_of(article_text: str, article_sha256: str, document: Document) -> ExcludedDocument | None:
    """The document as a copy of the article, or None when it is other text."""
    if document.sha256 == article_sha256:
        return excluded(document, SelfCopyReason.SAME_TEXT, 1.0)
    prose = prose_shingles(article_text)
    if len(prose) < MIN_SHINGLES:
        return None
    ours, theirs = shingles(article_text), shingles(document.text)
    jaccard = len(ours & theirs) / len(ours | theirs)
    contained = len(prose & theirs) / len(prose)
    if jaccard >= NEAR_DUPLICATE:
        return excluded(document, SelfCopyReason.NEAR_DUPLICATE, jaccard)
    if contained >= NEAR_DUPLICATE:
        return excluded(document, SelfCopyReason.CONTAINS_ARTICLE, contained)
    return None


def excluded(document: Document, reason: SelfCopyReason, overlap: float) -> ExcludedDocument:
    return ExcludedDocument(
        document_id=document.id, title=document.title, source=document.source, reason=reason,
        overlap_score=round(min(1.0, max(0.0, overlap)), 3),
    )


def probe_texts(article_text: str, probes: int = 8, words: int = 60) -> list[str]:
    """A few stretches of the article, spread over its length, to look its copies up with."""
    tokens = article_text.split()
    if len(tokens) <= words:
        return [" ".join(tokens)] if tokens else []
    step = max(1, (len(tokens) - words) // max(1, probes - 1))
    starts = range(0, len(tokens) - words + 1, step)
    return [" ".join(tokens[s : s + words]) for s in list(starts)[:probes]]
