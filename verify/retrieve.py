"""Hybrid retrieval: dense (FAISS) and lexical (BM25) rankings fused into one top-k, and quotes found
word for word in whole documents (the phrase index) whatever the ranking and wherever passages were cut."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from verify.config import FusionMode, Settings
from verify.duplicates import copy_of, probe_texts
from verify.embed import Embedder
from verify.errors import IndexMismatchError
from verify.index_store import OpenIndex
from verify.extract.people import People
from verify.extract.quotes import find_quotes
from verify.models import Article, ExcludedDocument, Filters, QuotedWords, RetrievedPassage
from verify.read import parse_date
from verify.store import VectorStore


class Fusion:
    """One configured way of merging dense and lexical scores; checked on construction."""

    def __init__(self, mode: FusionMode, dense_weight: float, rrf_k: int, topic_weight: float = 0.0) -> None:
        self.mode = FusionMode(mode)
        self.dense_weight = dense_weight
        self.rrf_k = rrf_k
        self.topic_weight = topic_weight

    def __call__(
        self, dense: dict[int, float], lexical: dict[int, float], coverage: dict[int, float] | None = None
    ) -> dict[int, float]:
        """Fused score in [0, 1] per candidate row; `coverage` (see document_coverage) adds a topic bonus."""
        fused = self._rrf(dense, lexical) if self.mode is FusionMode.RRF else self._convex(dense, lexical)
        if not coverage or not self.topic_weight:
            return fused
        bonus = self.topic_weight
        return {row: (score + bonus * coverage.get(row, 0.0)) / (1.0 + bonus) for row, score in fused.items()}

    def _rrf(self, dense: dict[int, float], lexical: dict[int, float]) -> dict[int, float]:
        fused: dict[int, float] = {}
        for ranking in (dense, lexical):
            for rank, row in enumerate(sorted(ranking, key=ranking.__getitem__, reverse=True)):
                fused[row] = fused.get(row, 0.0) + 1.0 / (self.rrf_k + rank + 1)
        best = 2.0 / (self.rrf_k + 1)
        return {row: score / best for row, score in fused.items()}

    def _convex(self, dense: dict[int, float], lexical: dict[int, float]) -> dict[int, float]:
        # Cosine is already on a fixed scale, so only BM25 (unbounded) is scaled by its best hit.
        top_lexical = max(lexical.values(), default=0.0)
        fused = {}
        for row in set(dense) | set(lexical):
            d = max(0.0, dense.get(row, 0.0))
            lx = lexical.get(row, 0.0) / top_lexical if top_lexical > 0 else 0.0
            fused[row] = self.dense_weight * d + (1.0 - self.dense_weight) * lx
        return fused


def complete_scores(
    dense: dict[int, float], lexical_all: np.ndarray, depth: int, store: VectorStore, query_vector: np.ndarray
) -> tuple[dict[int, float], dict[int, float]]:
    """Both scores for every candidate either side found (dense top-`depth` ∪ lexical top-`depth`).

    Counting a passage one side missed as 0 on that side would bury good passages found by only one
    of them; its real score is cheap to get (one dot product, one array lookup). On SciFact
    claims_train, real scores give hybrid recall@10 0.972 against 0.968 with zeros (eval/retrieval_scifact.py).
    """
    if depth < len(lexical_all):
        top = np.argpartition(-lexical_all, depth)[:depth]
    else:
        top = np.arange(len(lexical_all))
    lexical = {int(r): float(lexical_all[r]) for r in top if lexical_all[r] > 0}
    lexical.update({r: float(lexical_all[r]) for r in dense if r not in lexical and lexical_all[r] > 0})
    missing = [r for r in lexical if r not in dense]
    if missing:
        cosines = store.vectors_at(missing) @ query_vector
        dense = dense | {r: float(c) for r, c in zip(missing, cosines)}
    return dense, lexical


def document_coverage(
    term_rows: list[tuple[float, np.ndarray]], passage_documents: np.ndarray, rows: list[int]
) -> dict[int, float]:
    """Per candidate row: the share of the query's idf mass its whole document holds, anywhere in it.

    A passage is judged alone, but a claim usually restates what a document is about as a whole: of two
    equally close passages, the one whose document holds all the claim's terms is more often the right
    one. As a bonus on the fused score this lifts SciFact claims_train recall@1/3/10 from 0.806 / 0.919 /
    0.974 to 0.810 / 0.927 / 0.980 (eval/retrieval_scifact.py).
    """
    total = sum(weight for weight, _ in term_rows)
    if not rows or total <= 0:
        return {}
    candidates = passage_documents[rows]
    holds = np.zeros(int(passage_documents.max()) + 1, dtype=bool)  # per document: does it hold the term?
    held = np.zeros(len(rows))
    for weight, holding in term_rows:
        holds[:] = False
        holds[passage_documents[holding]] = True
        held += weight * holds[candidates]
    return {row: float(h / total) for row, h in zip(rows, held)}


LEAD_CHARS = 300


def paragraph_lead(text: str, start: int) -> str:
    """The text between the start of the paragraph holding `start` and `start` (capped)."""
    paragraph = text.rfind("\n", 0, start) + 1
    return text[max(paragraph, start - LEAD_CHARS) : start]


VERBATIM_MIN_WORDS = 4  # shorter quoted words ("a wish list") are everywhere: the ranking decides for them
VERBATIM_DOCUMENTS = 5
HALF_MIN_WORDS = 6  # a half shorter than this is too common a phrase to point at the quote's source
WORD = re.compile(r"\w+")


def verbatim_span(text: str, words: list[str]) -> tuple[int, int] | None:
    """Where the words stand in the text in this order, whatever marks, case and spacing lie between."""
    match = re.search(r"(?<!\w)" + r"\W+".join(re.escape(w) for w in words) + r"(?!\w)", text, re.I)
    return match.span() if match else None


class Retriever:
    def __init__(self, index: OpenIndex, embedder: Embedder, settings: Settings) -> None:
        if index.manifest.model != embedder.model_id:
            raise IndexMismatchError(
                f"index {index.root} was built with model {index.manifest.model!r}, not {embedder.model_id!r}: "
                "rebuild it or pass the same --model"
            )
        self.index = index
        self.embedder = embedder
        self.settings = settings
        self.fusion = Fusion(settings.fusion, settings.dense_weight, settings.rrf_k, settings.topic_weight)
        self._rows_by_document: dict[str, list[int]] | None = None
        # a generation never changes: a document's quotes are read once (a check reads the same few documents)
        self.document_quotes = lru_cache(maxsize=256)(self._document_quotes)

    def allowed_rows(self, filters: Filters) -> np.ndarray | None:
        if not filters.active:
            return None
        sources = {s.lower() for s in filters.sources}
        excluded = set(filters.excluded_document_ids)
        keep = set()
        for doc_id, source, published in self.index.document_rows:
            date = parse_date(published)
            if doc_id in excluded:
                continue
            if sources and (source or "").lower() not in sources:
                continue
            if filters.published_from and (date is None or date < filters.published_from):
                continue
            if filters.published_to and (date is None or date > filters.published_to):
                continue
            keep.add(doc_id)
        return self.index.allowed_rows(keep)

    def copies_of(self, article: Article, probes_per_text: int = 3) -> tuple[ExcludedDocument, ...]:
        """Documents of the index that are the article itself (see verify.duplicates).

        Candidates are the documents with the article's text hash and those holding the best BM25
        passages for a few stretches of the article: a copy ranks first for its own words.
        """
        if self.index.lexical.size == 0:
            return ()
        candidates = dict.fromkeys(self.index.documents_with_sha256(article.sha256))
        for probe in probe_texts(article.text):
            scores = self.index.lexical.scores(probe)
            best = np.argpartition(-scores, probes_per_text)[:probes_per_text] if len(scores) > probes_per_text else np.arange(len(scores))
            candidates.update(dict.fromkeys(self.index.passages[int(r)].document_id for r in best if scores[r] > 0))
        found = (copy_of(article.text, article.sha256, self.index.document(doc_id)) for doc_id in candidates)
        return tuple(copy for copy in found if copy is not None)

    def search(self, queries: Sequence[str], k: int | None = None, filters: Filters = Filters()) -> list[list[RetrievedPassage]]:
        """Top-k passages per query, best first. Repeated queries (the claims of one sentence) are searched once."""
        unique = list(dict.fromkeys(queries))
        found = dict(zip(unique, self._search(unique, k or self.settings.top_k, filters)))
        return [found[q] for q in queries]

    def _search(self, queries: Sequence[str], k: int, filters: Filters) -> list[list[RetrievedPassage]]:
        if not queries or self.index.store.size == 0:
            return [[] for _ in queries]
        allowed = self.allowed_rows(filters)
        if allowed is not None and len(allowed) == 0:
            return [[] for _ in queries]
        vectors = self.embedder.encode_queries(list(queries))
        if vectors.shape[1] != self.index.store.dimension:
            raise IndexMismatchError(f"index {self.index.root} holds {self.index.store.dimension}-d vectors, the model gives {vectors.shape[1]}-d")
        depth = min(self.settings.candidates, self.index.store.size)
        scores, rows = self.index.store.search(vectors, depth, allowed)
        mask = None
        if allowed is not None:
            mask = np.zeros(self.index.lexical.size, dtype=bool)
            mask[allowed] = True
        results = []
        for i, query in enumerate(queries):
            dense = {int(r): float(s) for r, s in zip(rows[i], scores[i]) if r >= 0}
            lexical_all = self.index.lexical.scores(query)
            if mask is not None:
                lexical_all = np.where(mask, lexical_all, 0.0)
            dense, lexical = complete_scores(dense, lexical_all, depth, self.index.store, vectors[i])
            fused = self.fusion(dense, lexical, self.coverage(query, dense.keys() | lexical.keys()))
            best = sorted(fused, key=lambda r: (-fused[r], r))[:k]
            results.append([self.passage(r, dense, lexical, fused) for r in best])
        return results

    def verbatim(self, quote: str, filters: Filters = Filters()) -> list[RetrievedPassage]:
        """Evidence windows holding the quote word for word: the passages it falls across, joined. A long quote
        not found whole is looked up by halves, so a quote with a word changed still meets its original."""
        words = WORD.findall(quote)
        if len(words) < VERBATIM_MIN_WORDS:
            return []
        allowed = self.allowed_rows(filters)
        allowed_documents = None if allowed is None else {self.index.passages[r].document_id for r in allowed}
        runs = [words]
        if len(words) >= 2 * HALF_MIN_WORDS and not self.index.documents_with_phrase(words, 1):
            runs = [words[: len(words) // 2], words[len(words) // 2 :]]
        found: dict[tuple[str, int], RetrievedPassage] = {}
        for run in runs:
            for document_id in self.index.documents_with_phrase(run, VERBATIM_DOCUMENTS):
                if allowed_documents is None or document_id in allowed_documents:
                    window = self.window(document_id, run, reach=len(quote) if run is not words else 0)
                    if window is not None:
                        found.setdefault((document_id, window.start), window)
        return list(found.values())

    def window(self, document_id: str, words: list[str], reach: int) -> RetrievedPassage | None:
        """The passages the words touch (and `reach` characters either side), joined into one evidence window."""
        document = self.index.document(document_id)
        span = verbatim_span(document.text, words)
        if span is None:
            return None
        lo, hi = max(0, span[0] - reach), min(len(document.text), span[1] + reach)
        rows = [r for r in self.rows_of(document_id) if self.index.passages[r].end > lo and self.index.passages[r].start < hi]
        if not rows:
            return None
        start = min(span[0], self.index.passages[rows[0]].start)
        end = max(span[1], self.index.passages[rows[-1]].end)
        return RetrievedPassage(
            passage_id=rows[0], document_id=document.id, title=document.title, source=document.source,
            url=document.url, published=document.published, text=document.text[start:end], start=start, end=end,
            # the words themselves were found: best possible agreement on both rankings
            dense_score=1.0, lexical_score=1.0, fused_score=1.0, lead=paragraph_lead(document.text, start),
            quotes=self.quotes_in(document.id, document.text, start, end),
        )

    def _document_quotes(self, document_id: str) -> tuple[tuple[int, int, str, bool], ...]:
        """(start, end, speaker, inferred) of every direct quote of a document, the speakers resolved over all of it."""
        text = self.index.document(document_id).text
        return tuple((q.start, q.end, q.speaker, q.inferred) for q in find_quotes(text, People(text)) if q.speaker and q.direct)

    def quotes_in(self, document_id: str, text: str, start: int, end: int) -> tuple[QuotedWords, ...]:
        return tuple(QuotedWords(words=text[a:b], speaker=speaker, inferred=inferred)
                     for a, b, speaker, inferred in self.document_quotes(document_id) if a < end and b > start)

    def rows_of(self, document_id: str) -> list[int]:
        if self._rows_by_document is None:
            by_document: dict[str, list[int]] = {}
            for row, passage in enumerate(self.index.passages):
                by_document.setdefault(passage.document_id, []).append(row)
            self._rows_by_document = by_document
        return self._rows_by_document.get(document_id, [])

    def coverage(self, query: str, rows: set[int]) -> dict[int, float] | None:
        if not self.fusion.topic_weight:
            return None
        terms = self.index.lexical.term_rows(query)
        return document_coverage(terms, self.index.passage_documents, sorted(rows))

    def passage(self, row: int, dense: dict[int, float], lexical: dict[int, float], fused: dict[int, float]) -> RetrievedPassage:
        meta = self.index.passages[row]
        document = self.index.document(meta.document_id)
        cosine = dense[row]
        return RetrievedPassage(
            passage_id=row, document_id=document.id, title=document.title, source=document.source,
            url=document.url, published=document.published, text=document.text[meta.start : meta.end],
            start=meta.start, end=meta.end, dense_score=max(-1.0, min(1.0, cosine)),
            lexical_score=lexical.get(row, 0.0), fused_score=max(0.0, min(1.0, fused[row])),
            lead=paragraph_lead(document.text, meta.start),
            quotes=self.quotes_in(document.id, document.text, meta.start, meta.end),
        )
