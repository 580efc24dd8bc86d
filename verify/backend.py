"""What retrieval asks of an index, whichever engine holds it; and which engine `--index` names.

    index/default                      a folder: the local index (FAISS + bm25s + SQLite)
    milvus-lite:index/news.db          an embedded Milvus Lite file
    milvus://HOST:PORT/COLLECTION      a Milvus server (standalone or distributed)
    milvus+https://HOST:PORT/COLLECTION  the same over TLS

Server credentials come from the environment only (MILVUS_TOKEN, or MILVUS_USER and
MILVUS_PASSWORD; MILVUS_DB_NAME picks a database), never from the command line, so they do
not end up in shell histories, process lists or reports.

`retrieve.Retriever` talks to a `PassageIndex` and fuses the two rankings itself, so the
scores the judges read mean the same on every engine: `dense_search` gives the cosine of unit vectors,
`lexical_search` BM25 (k1 0.9, b 0.4, Lucene idf) over the same stemmed tokens.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from verify.models import Filters, IndexManifest

MILVUS_SCHEMES = ("milvus-lite:", "milvus://", "milvus+https://")


@dataclass(frozen=True)
class PassageText:
    """A passage as evidence: its text, where it sits in its document, and the document's metadata."""

    document_id: str
    title: str
    source: str
    url: str
    published: dt.date | None
    text: str
    start: int
    end: int
    lead: str


class PassageIndex(Protocol):
    """One generation of an index, searchable; rows are passage ids, stable within the generation."""

    @property
    def location(self) -> str: ...

    @property
    def manifest(self) -> IndexManifest: ...

    @property
    def size(self) -> int:
        """Passages in this generation."""
        ...

    def dense_search(self, vectors: np.ndarray, depth: int, filters: Filters) -> list[dict[int, float]]:
        """Per query vector: the `depth` nearest passages the filters allow, row -> cosine."""
        ...

    def lexical_search(self, query: str, depth: int, filters: Filters, also: Collection[int] = ()) -> dict[int, float]:
        """The `depth` best BM25 passages the filters allow, plus the score of each row in `also`; zero scores left out."""
        ...

    def cosines(self, rows: list[int], vector: np.ndarray) -> dict[int, float]:
        """Cosine of the query vector with each of these passages."""
        ...

    def coverage(self, query: str, rows: list[int]) -> dict[int, float]:
        """Per row: the share of the query terms' idf mass its whole document holds (retrieve.document_coverage)."""
        ...

    def passage_texts(self, rows: list[int]) -> dict[int, PassageText]: ...


IndexLocation = str | Path  # a folder, or a string starting with one of MILVUS_SCHEMES


def is_milvus(location: IndexLocation) -> bool:
    return str(location).startswith(MILVUS_SCHEMES)


def index_location(value: IndexLocation) -> IndexLocation:
    """What `--index` (or the Python API) names, checked: a Milvus location string, else a folder path."""
    if not is_milvus(value):
        return Path(value)
    from verify.milvus_store import MilvusLocation

    MilvusLocation.parse(str(value))  # raises UsageError when malformed or carrying credentials
    return str(value)


def open_passage_index(location: IndexLocation) -> PassageIndex:
    """The live generation of the index `location` names (see the module docstring)."""
    if is_milvus(location):
        from verify.milvus_store import open_milvus_index

        return open_milvus_index(str(location))
    from verify.index_store import open_index

    return open_index(Path(location))
