"""Hybrid retrieval: dense and lexical (BM25) rankings of a `PassageIndex` fused into one top-k, and quotes
found word for word in whole documents (the phrase index) whatever the ranking and wherever passages were cut."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from verify.config import FusionMode, Settings
from verify.duplicates import copy_of, probe_texts
from verify.embed import Embedder
from verify.errors import IndexMismatchError
from verify.backend import WORD, PassageIndex, PassageText, verbatim_span
# document_coverage and paragraph_lead are re-exported (tests and eval import them from here)
from verify.index_store import paragraph_lead  # noqa: F401
from verify.passage_scores import document_coverage, top_lexical  # noqa: F401
from verify.extract.people import People
from verify.extract.quotes import find_quotes
from verify.extract.voice import statement_voice, transcript_turns
from verify.models import Article, ExcludedDocument, Filters, QuotedWords, RetrievedPassage
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
    lexical = top_lexical(lexical_all, depth, dense)
    missing = [r for r in lexical if r not in dense]
    if missing:
        cosines = store.vectors_at(missing) @ query_vector
        dense = dense | {r: float(c) for r, c in zip(missing, cosines)}
    return dense, lexical


VERBATIM_MIN_WORDS = 4  # shorter quoted words ("a wish list") are everywhere: the ranking decides for them
VERBATIM_DOCUMENTS = 5
HALF_MIN_WORDS = 6  # a half shorter than this is too common a phrase to point at the quote's source


class Retriever:
    """Hybrid search over any `PassageIndex`; the fusion happens here, so scores mean the same on every engine."""

    def __init__(self, index: PassageIndex, embedder: Embedder, settings: Settings) -> None:
        if index.manifest.model != embedder.model_id:
            raise IndexMismatchError(
                f"index {index.location} was built with model {index.manifest.model!r}, not {embedder.model_id!r}: "
                "rebuild it or pass the same --model"
            )
        self.index = index
        self.embedder = embedder
        self.settings = settings
        self.fusion = Fusion(settings.fusion, settings.dense_weight, settings.rrf_k, settings.topic_weight)
        # a generation never changes: a document's quotes are read once (a check reads the same few documents)
        self.document_quotes = lru_cache(maxsize=256)(self._document_quotes)

    def copies_of(self, article: Article, probes_per_text: int = 3) -> tuple[ExcludedDocument, ...]:
        """Documents of the index that are the article itself (see verify.duplicates).

        Candidates are the documents with the article's text hash and those holding the best BM25
        passages for a few stretches of the article: a copy ranks first for its own words.
        """
        if self.index.size == 0:
            return ()
        candidates = dict.fromkeys(self.index.documents_with_sha256(article.sha256))
        for probe in probe_texts(article.text):
            best = self.index.lexical_search(probe, probes_per_text, Filters())
            texts = self.index.passage_texts(list(best))
            candidates.update(dict.fromkeys(texts[r].document_id for r in best))
        found = (copy_of(article.text, article.sha256, self.index.document(doc_id)) for doc_id in candidates)
        return tuple(copy for copy in found if copy is not None)

    def search(self, queries: Sequence[str], k: int | None = None, filters: Filters = Filters()) -> list[list[RetrievedPassage]]:
        """Top-k passages per query, best first. Repeated queries (the claims of one sentence) are searched once."""
        unique = list(dict.fromkeys(queries))
        found = dict(zip(unique, self._search(unique, k or self.settings.top_k, filters)))
        return [found[q] for q in queries]

    def _search(self, queries: Sequence[str], k: int, filters: Filters) -> list[list[RetrievedPassage]]:
        if not queries or self.index.size == 0:
            return [[] for _ in queries]
        vectors = self.embedder.encode_queries(list(queries))
        if vectors.shape[1] != self.index.manifest.dimension:
            raise IndexMismatchError(f"index {self.index.location} holds {self.index.manifest.dimension}-d vectors, the model gives {vectors.shape[1]}-d")
        depth = min(self.settings.candidates, self.index.size)
        results = []
        for query, vector, dense in zip(queries, vectors, self.index.dense_search(vectors, depth, filters)):
            # both scores for every candidate either side found: a passage one side missed used to count 0
            # there, which buried passages found by only one side (SciFact hybrid recall@10 0.968 -> 0.972)
            lexical = self.index.lexical_search(query, depth, filters, also=dense.keys())
            dense = dense | self.index.cosines([r for r in lexical if r not in dense], vector)
            fused = self.fusion(dense, lexical, self.coverage(query, dense.keys() | lexical.keys()))
            best = sorted(fused, key=lambda r: (-fused[r], r))[:k]
            texts = self.index.passage_texts(best)
            results.append([self.passage(r, texts[r], dense, lexical, fused) for r in best])
        return results

    def verbatim(self, quote: str, filters: Filters = Filters()) -> list[RetrievedPassage]:
        """Evidence windows holding the quote word for word: the passages it falls across, joined. A long quote
        not found whole is looked up by halves, so a quote with a word changed still meets its original."""
        words = WORD.findall(quote)
        if len(words) < VERBATIM_MIN_WORDS:
            return []
        runs = [words]
        if len(words) >= 2 * HALF_MIN_WORDS and not self.index.documents_with_phrase(words, 1):
            runs = [words[: len(words) // 2], words[len(words) // 2 :]]
        found: dict[tuple[str, int], RetrievedPassage] = {}
        for run in runs:
            for document_id in self.index.documents_with_phrase(run, VERBATIM_DOCUMENTS):
                if self.index.allowed_documents([document_id], filters):
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
        rows = [(r, a, b) for r, a, b in self.index.document_passages(document_id) if b > lo and a < hi]
        if not rows:
            return None
        start = min(span[0], rows[0][1])
        end = max(span[1], rows[-1][2])
        return RetrievedPassage(
            passage_id=rows[0][0], document_id=document.id, title=document.title, source=document.source,
            url=document.url, published=document.published, text=document.text[start:end], start=start, end=end,
            # the words themselves were found: best possible agreement on both rankings
            dense_score=1.0, lexical_score=1.0, fused_score=1.0, lead=paragraph_lead(document.text, start),
            quotes=self.quotes_in(document.id, document.text, start, end),
        )

    def _document_quotes(self, document_id: str) -> tuple[tuple[int, int, str, bool], ...]:
        """(start, end, speaker, inferred) of every direct quote of a document and of the words it gives in someone's
        own voice (a transcript's turns, a written statement), the speakers resolved over all of it."""
        document = self.index.document(document_id)
        text = document.text
        quoted = [(q.start, q.end, q.speaker, q.inferred) for q in find_quotes(text, People(text)) if q.speaker and q.direct]
        voiced = statement_voice(document.title, text) + transcript_turns(text)  # words in someone's voice, unmarked
        return tuple(quoted + [(a, b, who, False) for a, b, who in voiced])

    def quotes_in(self, document_id: str, text: str, start: int, end: int) -> tuple[QuotedWords, ...]:
        return tuple(QuotedWords(words=text[a:b], speaker=speaker, inferred=inferred)
                     for a, b, speaker, inferred in self.document_quotes(document_id) if a < end and b > start)

    def coverage(self, query: str, rows: set[int]) -> dict[int, float] | None:
        if not self.fusion.topic_weight:
            return None
        return self.index.coverage(query, sorted(rows))

    def passage(self, row: int, found: PassageText, dense: dict[int, float], lexical: dict[int, float], fused: dict[int, float]) -> RetrievedPassage:
        return RetrievedPassage(
            passage_id=row, document_id=found.document_id, title=found.title, source=found.source,
            url=found.url, published=found.published, text=found.text, start=found.start, end=found.end,
            dense_score=max(-1.0, min(1.0, dense[row])), lexical_score=lexical.get(row, 0.0),
            fused_score=max(0.0, min(1.0, fused[row])), lead=found.lead,
            quotes=self.quotes_in(found.document_id, self.index.document(found.document_id).text, found.start, found.end),
        )
