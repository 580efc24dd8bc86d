"""Lexical (BM25) search behind a small protocol; bm25s with Snowball stemming."""

from __future__ import annotations

import logging
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from verify.errors import IndexCorruptError

TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
POSSESSIVE = re.compile(r"'s$")
SPLIT = re.compile(r"[-']")
STOPWORDS = frozenset(
    """a an the and or but if of at by for with about against between into through during before
    after above below to from up down in out on off over under again further then once here there
    when where why how all any both each few more most other some such no nor not only own same so
    than too very s t can will just don should now is are was were be been being have has had
    having do does did doing i me my we our you your he him his she her it its they them their
    what which who whom this that these those am would could also said says""".split()
)


BM25_K1, BM25_B = 0.9, 0.4
# Part of the corpus fingerprint: changing the tokenizer or parameters rebuilds the lexical index (vectors are reused).
LEXICAL_SCHEME = f"bm25s|snowball-english|k1={BM25_K1}|b={BM25_B}"


@lru_cache(maxsize=1)
def _bm25s():  # type: ignore[no-untyped-def]
    import bm25s

    # bm25s sets its own logger to DEBUG when imported, which would print "Building index from tokens"
    # through the CLI's handler on every build; its warnings still come through.
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


def tokenize(text: str) -> list[str]:
    """Lower-cased, stop words dropped, stemmed; hyphenated parts kept whole and split."""
    return list(_tokenize(text))


@lru_cache(maxsize=65536)  # judges tokenize the same passages for every claim of a sentence
def _tokenize(text: str) -> tuple[str, ...]:
    words: list[str] = []
    for match in TOKEN.finditer(text.lower()):
        token = match.group(0)
        if "’" in token or "'" in token or "-" in token:
            token = POSSESSIVE.sub("", token.replace("’", "'"))
            parts = SPLIT.split(token)
            words.extend(w for w in ([token] if len(parts) > 1 else []) + parts if w and w not in STOPWORDS)
        elif token not in STOPWORDS:
            words.append(token)
    return tuple(_stemmer().stemWords(words)) if words else ()


def idf(rows: int, holding: int) -> float:
    """Lucene's BM25 idf: never negative, so a common term still counts a little."""
    return math.log(1.0 + (rows - holding + 0.5) / (holding + 0.5))


class LexicalIndex(Protocol):
    @property
    def size(self) -> int: ...

    def scores(self, query: str) -> np.ndarray:
        """One BM25 score per row."""
        ...

    def term_rows(self, query: str) -> list[tuple[float, np.ndarray]]:
        """(idf, rows holding it) for each distinct query term the index knows."""
        ...

    def save(self, path: Path) -> None: ...


class Bm25Index:
    def __init__(self, retriever: object, size: int) -> None:
        self._retriever = retriever
        self._size = size

    @classmethod
    def build(cls, texts: list[str]) -> "Bm25Index":
        bm25s = _bm25s()
        # Anserini's defaults, the best of eight BM25 settings on SciFact claims_train (hybrid recall@1/3/10
        # 0.806 / 0.919 / 0.974; bm25s's own k1=1.5, b=0.75 gave 0.802 / 0.911 / 0.972). eval/retrieval_scifact.py.
        retriever = bm25s.BM25(k1=BM25_K1, b=BM25_B)
        tokens = [tokenize(t) or ["\u2205"] for t in texts]  # bm25s needs a token per row
        if texts:
            retriever.index(tokens, show_progress=False)
        return cls(retriever, len(texts))

    @classmethod
    def load(cls, path: Path, size: int) -> "Bm25Index":
        bm25s = _bm25s()
        if size == 0:
            return cls(bm25s.BM25(), 0)
        try:
            retriever = bm25s.BM25.load(str(path), mmap=False, show_progress=False)
        except (OSError, ValueError, KeyError) as exc:
            raise IndexCorruptError(f"lexical index {path} is unreadable ({exc.__class__.__name__})") from exc
        rows = int(retriever.scores["num_docs"])
        if rows != size:
            raise IndexCorruptError(f"lexical index {path} has {rows} rows, the manifest says {size}")
        return cls(retriever, size)

    @property
    def size(self) -> int:
        return self._size

    def scores(self, query: str) -> np.ndarray:
        tokens = tokenize(query)
        if not tokens or self._size == 0:
            return np.zeros(self._size, dtype=np.float32)
        return np.asarray(self._retriever.get_scores(tokens), dtype=np.float32)

    def term_rows(self, query: str) -> list[tuple[float, np.ndarray]]:
        if self._size == 0:
            return []
        vocabulary, matrix = self._retriever.vocab_dict, self._retriever.scores  # CSC: one column per term
        found = []
        for term in dict.fromkeys(tokenize(query)):
            if term in vocabulary:
                column = vocabulary[term]
                rows = matrix["indices"][matrix["indptr"][column] : matrix["indptr"][column + 1]]
                found.append((idf(self._size, len(rows)), rows))
        return found

    def save(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        if self._size:
            self._retriever.save(str(path), show_progress=False)
