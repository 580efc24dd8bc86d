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

Whole documents serve two features beside the ranking: an article's own copy left out of the
evidence (`retrieve.Retriever.copies_of`, `Filters.excluded_document_ids`) and quotes found word
for word wherever passages were cut (`Retriever.verbatim`, evidence-side speakers). The local index
keeps every document's text, its hash and an FTS5 phrase index. A Milvus index keeps passages only,
so there these degrade, explicitly and without failing:

- `document` rebuilds a document from its passages and their stored leads (milvus_store.rebuilt_text):
  whitespace no passage or lead holds, between paragraphs, is read as newlines. The stored document
  key tells whether the rebuilt text is the original; when it is not (whitespace read wrong), its
  sha256 says "rebuilt:" and matches no article, and words and offsets are still the original's.
- `documents_with_sha256` finds nothing on Milvus (no per-document hash is stored): copies of an
  article are found by its BM25 probes alone, which rank a copy first for its own words.
- `documents_with_phrase` on Milvus checks the words, verify-side, in the documents of the best
  BM25 passages for them (PHRASE_CANDIDATES documents), not in every document: a quote made only of
  very common words can be missed there, and is then left to the ranking as any short quote is.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from verify.models import Document, Filters, IndexManifest

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

    def live_generation(self) -> int:
        """The generation live at this location now: another process may have made a newer one live."""
        ...

    def reopen(self) -> "PassageIndex":
        """The generation live now, opened (over this one's connection where there is one)."""
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

    def document(self, document_id: str) -> Document:
        """The whole document (rebuilt from its passages on Milvus: see the module docstring)."""
        ...

    def document_passages(self, document_id: str) -> list[tuple[int, int, int]]:
        """(row, start, end) of each passage of the document, in reading order."""
        ...

    def documents_with_sha256(self, sha256: str) -> list[str]:
        """Ids of the documents whose text has this hash (none on Milvus: see the module docstring)."""
        ...

    def documents_with_phrase(self, words: Sequence[str], limit: int) -> list[str]:
        """Ids of at most `limit` documents holding these words in this order, case, punctuation and spacing aside."""
        ...

    def allowed_documents(self, document_ids: Sequence[str], filters: Filters) -> list[str]:
        """Those of the documents the filters allow, in the order given."""
        ...


WORD = re.compile(r"\w+")


def verbatim_span(text: str, words: Sequence[str]) -> tuple[int, int] | None:
    """Where the words stand in the text in this order, whatever marks, case and spacing lie between."""
    match = re.search(r"(?<!\w)" + r"\W+".join(re.escape(w) for w in words) + r"(?!\w)", text, re.I)
    return match.span() if match else None


IndexLocation = str | Path  # a folder, or a string starting with one of MILVUS_SCHEMES


def is_milvus(location: IndexLocation) -> bool:
    return str(location).startswith(MILVUS_SCHEMES)


def index_location(value: IndexLocation) -> IndexLocation:
    """What `--index` (or the Python API) names, checked: a Milvus location string, else a folder path."""
    if not is_milvus(value):
        return Path(value)
    from verify.milvus_client import MilvusLocation

    MilvusLocation.parse(str(value))  # raises UsageError when malformed or carrying credentials
    return str(value)


def open_passage_index(location: IndexLocation) -> PassageIndex:
    """The live generation of the index `location` names (see the module docstring)."""
    if is_milvus(location):
        from verify.milvus_store import open_milvus_index

        return open_milvus_index(str(location))
    from verify.index_store import open_index

    return open_index(Path(location))
