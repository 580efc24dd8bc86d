"""Vector stores: a small protocol, and FAISS behind it (exact or HNSW).

Row i of a store is passage i of the index; a distributed engine can replace this module
by implementing `VectorStore`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import numpy as np

from verify.config import VectorKind
from verify.errors import IndexCorruptError

HNSW_NEIGHBOURS = 32
HNSW_SEARCH_DEPTH = 128


class VectorStore(Protocol):
    @property
    def size(self) -> int: ...

    @property
    def dimension(self) -> int: ...

    def search(self, queries: np.ndarray, k: int, allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(scores, rows) of the k nearest rows per query; rows are -1 where fewer exist."""
        ...

    def vectors(self) -> np.ndarray: ...

    def vectors_at(self, rows: list[int]) -> np.ndarray: ...

    def save(self, path: Path) -> None: ...


class FaissStore:
    """Inner-product search over unit vectors (cosine similarity)."""

    def __init__(self, index: object) -> None:
        self._index = index

    @classmethod
    def build(cls, vectors: np.ndarray, kind: VectorKind) -> "FaissStore":
        import faiss

        dimension = vectors.shape[1]
        if kind is VectorKind.APPROXIMATE:
            index = faiss.IndexHNSWFlat(dimension, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efSearch = HNSW_SEARCH_DEPTH
        else:
            index = faiss.IndexFlatIP(dimension)
        if len(vectors):
            index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        return cls(index)

    @classmethod
    def load(cls, path: Path) -> "FaissStore":
        import faiss

        try:
            return cls(faiss.read_index(str(path)))
        except (RuntimeError, OSError) as exc:
            raise IndexCorruptError(f"vector store {path} is unreadable ({exc.__class__.__name__})") from exc

    @property
    def size(self) -> int:
        return int(self._index.ntotal)

    @property
    def dimension(self) -> int:
        return int(self._index.d)

    def search(self, queries: np.ndarray, k: int, allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        import faiss

        k = max(1, min(k, self.size))
        queries = np.ascontiguousarray(queries, dtype=np.float32)
        if self.size == 0:
            empty = np.full((len(queries), 1), -1, dtype=np.int64)
            return np.zeros((len(queries), 1), dtype=np.float32), empty
        if allowed is None:
            return self._index.search(queries, k)
        selector = faiss.IDSelectorBatch(np.ascontiguousarray(allowed, dtype=np.int64))
        params = faiss.SearchParametersHNSW(sel=selector) if hasattr(self._index, "hnsw") else faiss.SearchParameters(sel=selector)
        return self._index.search(queries, k, params=params)

    def vectors_at(self, rows: list[int]) -> np.ndarray:
        return np.stack([self._index.reconstruct(int(r)) for r in rows])

    def vectors(self) -> np.ndarray:
        if self.size == 0:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return self._index.reconstruct_n(0, self.size)

    def save(self, path: Path) -> None:
        import faiss

        faiss.write_index(self._index, str(path))
