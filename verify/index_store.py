"""The on-disk index: generations written atomically, opened with validation.

    index/<name>/CURRENT          names the live generation ("gen-000007")
    index/<name>/gen-000007/      manifest.json, meta.sqlite, vectors.faiss, bm25/
    index/<name>/.lock            held by the one writer

A build writes a new generation beside the live one and then swaps CURRENT with an atomic
rename, so a crash at any point leaves the previous index usable; readers that opened the
old generation keep working on it (its files stay open even once pruned), and move to the
new one when they look at CURRENT again (`OpenIndex.live_generation`, `reopen`).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol
from functools import lru_cache
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pydantic import ValidationError

from verify.backend import PassageText
from verify.errors import IndexCorruptError, IndexMismatchError, IndexMissingError, IndexStoreError
from verify.lexical import Bm25Index, LexicalIndex
from verify.passage_scores import document_coverage, top_lexical
from verify.models import Document, Filters, IndexManifest, Passage
from verify.read import parse_date
from verify.store import FaissStore, VectorStore

# 2: a phrase index of whole documents (documents_fts) beside BM25, for quotes found word for word
FORMAT_VERSION = 2
KEEP_GENERATIONS = 2

SCHEMA = """
CREATE TABLE documents (
    id TEXT PRIMARY KEY, title TEXT, source TEXT, url TEXT, published TEXT,
    sha256 TEXT NOT NULL, text TEXT NOT NULL);
CREATE TABLE passages (
    row INTEGER PRIMARY KEY, document_id TEXT NOT NULL, start INTEGER NOT NULL,
    end INTEGER NOT NULL, text_sha256 TEXT NOT NULL);
CREATE INDEX passages_document ON passages(document_id);
CREATE VIRTUAL TABLE documents_fts USING fts5(document_id UNINDEXED, text, tokenize = "unicode61 remove_diacritics 2");
"""
PHRASE_WORD = re.compile(r"\w+")


class PhraseIndex(Protocol):
    """Whole documents searched for a run of words (case, punctuation and spacing aside): a quote found
    wherever passages were cut. Any index backend answers this beside its vectors and lexical index."""

    def documents_with_phrase(self, words: Sequence[str], limit: int) -> list[str]: ...


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_tree(path: Path) -> None:
    for file in path.rglob("*"):
        if file.is_file():
            with open(file, "rb+") as handle:
                os.fsync(handle.fileno())
    fsync_dir(path)


@contextlib.contextmanager
def writer_lock(root: Path) -> Iterator[None]:
    """One writer per index; a second `verify index` waits for the first."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def live_generation(root: Path) -> Path | None:
    current = root / "CURRENT"
    if not current.is_file():
        return None
    name = current.read_text(encoding="utf-8").strip()
    if not name.startswith("gen-") or "/" in name:
        raise IndexCorruptError(f"index {root}: CURRENT names {name!r}, not a generation")
    return root / name


def read_manifest(generation: Path) -> IndexManifest:
    path = generation / "manifest.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise IndexCorruptError(f"index {generation.parent}: manifest.json is missing") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise IndexCorruptError(f"index {generation.parent}: manifest.json is not valid JSON") from exc
    if isinstance(data, dict) and data.get("format_version") != FORMAT_VERSION:
        raise IndexMismatchError(
            f"index {generation.parent} has format version {data.get('format_version')!r}; this verify "
            f"reads version {FORMAT_VERSION}: rebuild it with `verify index`"
        )
    try:
        return IndexManifest.model_validate(data)
    except ValidationError as exc:
        raise IndexCorruptError(f"index {generation.parent}: manifest.json is malformed") from exc


def write_generation(
    root: Path,
    manifest: IndexManifest,
    documents: list[Document],
    passages: list[Passage],
    passage_hashes: list[str],
    store: FaissStore,
    lexical: Bm25Index,
) -> Path:
    """Write a complete generation, then make it live with one atomic rename."""
    final = root / f"gen-{manifest.generation:06d}"
    partial = root / f"{final.name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    write_metadata(partial / "meta.sqlite", documents, passages, passage_hashes)
    store.save(partial / "vectors.faiss")
    lexical.save(partial / "bm25")
    (partial / "manifest.json").write_text(manifest.model_dump_json(indent=2), encoding="utf-8")
    fsync_tree(partial)
    shutil.rmtree(final, ignore_errors=True)
    os.rename(partial, final)
    pointer = root / "CURRENT.tmp"
    pointer.write_text(final.name + "\n", encoding="utf-8")
    with open(pointer, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(pointer, root / "CURRENT")
    fsync_dir(root)
    prune_generations(root, keep=final)
    return final


def prune_generations(root: Path, keep: Path) -> None:
    """Drop leftovers of crashed builds and all but the newest generations."""
    for partial in root.glob("gen-*.partial"):
        shutil.rmtree(partial, ignore_errors=True)
    generations = sorted(p for p in root.glob("gen-*") if p.is_dir() and not p.name.endswith(".partial"))
    for old in generations[:-KEEP_GENERATIONS]:
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)


def write_metadata(path: Path, documents: list[Document], passages: list[Passage], hashes: list[str]) -> None:
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.executescript(SCHEMA)
        db.executemany(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?)",
            [
                (d.id, d.title, d.source, d.url, d.published.isoformat() if d.published else None, d.sha256, d.text)
                for d in documents
            ],
        )
        db.executemany("INSERT INTO documents_fts (document_id, text) VALUES (?,?)", [(d.id, d.text) for d in documents])
        db.executemany(
            "INSERT INTO passages VALUES (?,?,?,?,?)",
            [(row, p.document_id, p.start, p.end, h) for row, (p, h) in enumerate(zip(passages, hashes))],
        )
        db.commit()


LEAD_CHARS = 300


def paragraph_lead(text: str, start: int) -> str:
    """The text between the start of the paragraph holding `start` and `start` (capped)."""
    paragraph = text.rfind("\n", 0, start) + 1
    return text[max(paragraph, start - LEAD_CHARS) : start]


@dataclass(frozen=True)
class PassageRow:
    document_id: str
    start: int
    end: int


class OpenIndex:
    """A live generation, validated and loaded; safe to share between threads."""

    def __init__(self, root: Path, generation: Path, manifest: IndexManifest) -> None:
        self.root = root
        self.generation = generation
        self.manifest = manifest
        self.store: VectorStore = FaissStore.load(generation / "vectors.faiss")
        self.lexical: LexicalIndex = Bm25Index.load(generation / "bm25", manifest.passages)
        try:
            self._db = sqlite3.connect(f"file:{generation / 'meta.sqlite'}?mode=ro", uri=True, check_same_thread=False)
            rows = self._db.execute("SELECT document_id, start, end FROM passages ORDER BY row").fetchall()
            self.document_rows = self._db.execute("SELECT id, source, published FROM documents").fetchall()
        except sqlite3.Error as exc:
            raise IndexCorruptError(f"index {root}: metadata is unreadable ({exc})") from exc
        self._lock = threading.Lock()
        # a generation never changes, so documents read for evidence can be kept (a check reads
        # the same few documents for many claims)
        self.document = lru_cache(maxsize=256)(self._document)
        self._filtered_rows = lru_cache(maxsize=32)(self._rows_for_filters)  # one check filters every claim alike
        self._documents_for_filters = lru_cache(maxsize=32)(self._allowed_by)
        self._rows_by_document: dict[str, list[tuple[int, int, int]]] | None = None
        self.passages = [PassageRow(*row) for row in rows]
        ordinals: dict[str, int] = {}
        # a small integer per passage naming its document, for per-document sums over many rows at once
        self.passage_documents = np.array([ordinals.setdefault(p.document_id, len(ordinals)) for p in self.passages], dtype=np.int64)
        self.check_consistent()

    def check_consistent(self) -> None:
        counts = {
            "manifest": self.manifest.passages,
            "vectors": self.store.size,
            "metadata": len(self.passages),
            "lexical": self.lexical.size,
        }
        if len(set(counts.values())) != 1:
            detail = ", ".join(f"{k} {v}" for k, v in counts.items())
            raise IndexCorruptError(f"index {self.root} is inconsistent (passages: {detail}); rebuild it")
        if self.store.size and self.store.dimension != self.manifest.dimension:
            raise IndexCorruptError(f"index {self.root}: vectors have dimension {self.store.dimension}, manifest {self.manifest.dimension}")

    def _document(self, document_id: str) -> Document:
        with self._lock:
            row = self._db.execute(
                "SELECT id, title, source, url, published, sha256, text FROM documents WHERE id = ?", (document_id,)
            ).fetchone()
        if row is None:
            raise IndexCorruptError(f"index {self.root}: passage points at missing document {document_id!r}")
        keys = ("id", "title", "source", "url", "published", "sha256", "text")
        return Document.model_validate(dict(zip(keys, row)))

    def documents_with_phrase(self, words: Sequence[str], limit: int) -> list[str]:
        """Ids of documents holding these words in this order, next to each other (FTS5 phrase query)."""
        tokens = [w for word in words for w in PHRASE_WORD.findall(word)]
        if not tokens:
            return []
        phrase = '"' + " ".join(tokens) + '"'  # \w tokens only: nothing in them is FTS5 syntax
        try:
            with self._lock:
                rows = self._db.execute("SELECT document_id FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?",
                                        (phrase, limit)).fetchall()
        except sqlite3.Error as exc:
            raise IndexCorruptError(f"index {self.root}: phrase index is unreadable ({exc})") from exc
        return [r[0] for r in rows]

    def passage_hashes(self) -> list[str]:
        with self._lock:
            return [r[0] for r in self._db.execute("SELECT text_sha256 FROM passages ORDER BY row")]

    def document_hashes(self) -> dict[str, tuple[str, str, str, str, str | None]]:
        with self._lock:
            rows = self._db.execute("SELECT id, sha256, title, source, url, published FROM documents").fetchall()
        return {r[0]: tuple(r[1:]) for r in rows}

    def documents_with_sha256(self, sha256: str) -> list[str]:
        """Ids of the documents whose text has this hash."""
        with self._lock:
            return [r[0] for r in self._db.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,))]

    def allowed_rows(self, allowed_documents: set[str]) -> np.ndarray:
        return np.array([i for i, p in enumerate(self.passages) if p.document_id in allowed_documents], dtype=np.int64)

    # --- the PassageIndex protocol (verify/backend.py) ---

    @property
    def location(self) -> str:
        return str(self.root)

    @property
    def size(self) -> int:
        return self.store.size

    def live_generation(self) -> int:
        """The generation CURRENT names now (this one's when CURRENT cannot be read: keep answering)."""
        try:
            name = (self.root / "CURRENT").read_text(encoding="utf-8").strip()
            return int(name.removeprefix("gen-"))
        except (OSError, ValueError):
            return self.manifest.generation

    def reopen(self) -> "OpenIndex":
        return open_index(self.root)

    def filtered_rows(self, filters: Filters) -> np.ndarray | None:
        """The rows the filters allow, or None when no filter is set."""
        if not filters.active:
            return None
        return self._filtered_rows(filters)

    def _rows_for_filters(self, filters: Filters) -> np.ndarray:
        return self.allowed_rows(self._documents_for_filters(filters))

    def _allowed_by(self, filters: Filters) -> frozenset[str]:
        sources = {s.lower() for s in filters.sources}
        excluded = set(filters.excluded_document_ids)
        keep = set()
        for doc_id, source, published in self.document_rows:
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
        return frozenset(keep)

    def allowed_documents(self, document_ids: Sequence[str], filters: Filters) -> list[str]:
        if not filters.active:
            return list(document_ids)
        allowed = self._documents_for_filters(filters)
        return [d for d in document_ids if d in allowed]

    def document_passages(self, document_id: str) -> list[tuple[int, int, int]]:
        if self._rows_by_document is None:
            by_document: dict[str, list[tuple[int, int, int]]] = {}
            for row, passage in enumerate(self.passages):
                by_document.setdefault(passage.document_id, []).append((row, passage.start, passage.end))
            self._rows_by_document = by_document
        return self._rows_by_document.get(document_id, [])

    def dense_search(self, vectors: np.ndarray, depth: int, filters: Filters) -> list[dict[int, float]]:
        allowed = self.filtered_rows(filters)
        if self.store.size == 0 or (allowed is not None and len(allowed) == 0):
            return [{} for _ in vectors]
        scores, rows = self.store.search(vectors, depth, allowed)
        return [{int(r): float(s) for r, s in zip(rows[i], scores[i]) if r >= 0} for i in range(len(vectors))]

    def lexical_search(self, query: str, depth: int, filters: Filters, also: Iterable[int] = ()) -> dict[int, float]:
        lexical_all = self.lexical.scores(query)
        allowed = self.filtered_rows(filters)
        if allowed is not None:
            mask = np.zeros(len(lexical_all), dtype=bool)
            mask[allowed] = True
            lexical_all = np.where(mask, lexical_all, 0.0)
        return top_lexical(lexical_all, depth, also)

    def cosines(self, rows: list[int], vector: np.ndarray) -> dict[int, float]:
        if not rows:
            return {}
        return {r: float(c) for r, c in zip(rows, self.store.vectors_at(rows) @ vector)}

    def coverage(self, query: str, rows: list[int]) -> dict[int, float]:
        return document_coverage(self.lexical.term_rows(query), self.passage_documents, sorted(rows))

    def passage_texts(self, rows: list[int]) -> dict[int, PassageText]:
        found = {}
        for row in rows:
            meta = self.passages[row]
            d = self.document(meta.document_id)
            found[row] = PassageText(
                document_id=d.id, title=d.title, source=d.source, url=d.url, published=d.published,
                text=d.text[meta.start : meta.end], start=meta.start, end=meta.end, lead=paragraph_lead(d.text, meta.start),
            )
        return found


def open_index(root: Path) -> OpenIndex:
    """Open the live generation of the index at `root`, or say clearly why not."""
    if not root.exists():
        raise IndexMissingError(f"no index at {root}: build one with `verify index CORPUS --index {root}`")
    generation = live_generation(root)
    if generation is None:
        raise IndexMissingError(f"no index at {root} (no CURRENT file): build one with `verify index`")
    if not generation.is_dir():
        raise IndexCorruptError(f"index {root}: CURRENT names {generation.name}, which is missing")
    manifest = read_manifest(generation)
    try:
        return OpenIndex(root, generation, manifest)
    except IndexStoreError:
        raise
    except (OSError, ValueError) as exc:
        raise IndexCorruptError(f"index {root} is unreadable ({exc.__class__.__name__}: {exc})") from exc
