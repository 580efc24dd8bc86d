"""The index on Milvus (pymilvus MilvusClient): one passages collection, one small meta collection.

    COLLECTION        one row per passage: vector, BM25 sparse vector (a Milvus BM25 function over
                      `bm25_text`), passage text and offsets, document metadata, and the generations
                      it is live in (gen_from <= g < gen_until)
    COLLECTION_terms  per stemmed term, the passages holding it (idf for document coverage), in
                      generations like the passages
    COLLECTION_meta   one row per generation's manifest, written last by `verify index`

Milvus Lite has no aliases, so a generation is not a collection: an update stages its new rows
under the next generation number (invisible to searches), marks replaced rows as ending there,
and makes the generation live by inserting its manifest, one single-row write. A crash at any
point leaves the last manifest's generation whole; staged rows keep their vectors for the next
run to reuse. A reader checks the live generation before each check (`live_generation`, one small
query) and moves to a newer one (`reopen`); rows of a generation are deleted only once it has been
out of date for RETAIN_SECONDS (verify/milvus_indexing.py), so a check that started on it, in any
process, finishes on it however many updates land meanwhile.

BM25 is Milvus's own (k1 0.9, b 0.4), run over the tokens `verify.lexical.tokenize` gives
(stemmed, stop words dropped, joined by spaces and split again by Milvus's whitespace
tokenizer), so its scores match the local index's bm25s scores. Unlike the local index, Milvus
keeps BM25 statistics over every row the collection holds, including replaced rows still kept
for readers of older generations.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import logging
from collections.abc import Collection
from typing import Any

import numpy as np

from verify.backend import PassageText, verbatim_span
from verify.errors import IndexCorruptError, IndexMissingError, IndexStoreError
from verify.lexical import BM25_K1, idf, tokenize
from verify.milvus_client import (  # noqa: F401  (MilvusLocation and credentials are this backend's public names)
    IN_CHUNK, MAX_TERM_BYTES, MilvusLocation, credentials, connect, live_filter, live_generation, milvus_errors, pk_in,
    read_state, stored_rows,
)
from verify.models import Document, Filters, IndexManifest

log = logging.getLogger(__name__)

PASSAGE_FIELDS = ("pk", "document_id", "title", "source", "url", "published", "text", "start", "end", "lead")
MAX_LIMIT = 16_384  # the most hits one Milvus search returns
DOCUMENT_CACHE = 1_000_000  # passage -> document entries a reader keeps
PHRASE_CANDIDATES = 50  # documents of the best BM25 passages a phrase is looked for in (verify/backend.py)
DOCUMENT_FIELDS = ["pk", "start", "end", "text", "lead", "title", "source", "url", "published", "document_key"]


def filters_expression(filters: Filters) -> str:
    """Filters as a Milvus boolean expression over the passage metadata (empty when none is set)."""
    parts = []
    if filters.sources:
        parts.append("source_key in " + json.dumps(sorted({s.lower() for s in filters.sources})))
    if filters.published_from:
        parts.append(f"published_day >= {filters.published_from.toordinal()}")
    if filters.published_to:
        parts.append(f"published_day >= 0 and published_day <= {filters.published_to.toordinal()}")
    if filters.excluded_document_ids:
        parts.append("document_id not in " + json.dumps(sorted(set(filters.excluded_document_ids))))
    return " and ".join(parts)


def rebuilt_text(rows: tuple[dict[str, Any], ...]) -> str:
    """A document's text from its passages and their leads (the paragraph before each, up to LEAD_CHARS).

    A lead shorter than LEAD_CHARS starts a paragraph, so a newline stands before it; characters no
    passage or lead holds lie between paragraphs and are read as newlines.
    """
    chars = ["\n"] * max(int(r["end"]) for r in rows)
    for row in rows:
        start, lead = int(row["start"]), row["lead"]
        chars[start - len(lead) : start] = lead
        chars[start : int(row["end"])] = row["text"]
    return "".join(chars)


class MilvusIndex:
    """One generation of a Milvus index, searchable (the PassageIndex protocol, verify/backend.py)."""

    def __init__(self, location: MilvusLocation, client: Any, manifest: IndexManifest) -> None:
        self._where = location
        self._client = client
        self.manifest = manifest
        self._live = live_filter(manifest.generation)
        self._document_of: dict[int, str] = {}  # passage id -> document id, as searches found them (fixed per generation)
        # a generation never changes: a document rebuilt for evidence is kept (a check reads the same few)
        self.document = functools.lru_cache(maxsize=256)(self._document)
        self._document_rows = functools.lru_cache(maxsize=256)(self._rows_of_document)

    @property
    def location(self) -> str:
        return self._where.label

    @property
    def size(self) -> int:
        return self.manifest.passages

    def live_generation(self) -> int:
        with milvus_errors(self._where):
            return live_generation(self._client, self._where)

    def reopen(self) -> "MilvusIndex":
        return open_live(self._where, self._client)

    def _expression(self, filters: Filters, extra: str = "") -> str:
        return " and ".join(part for part in (self._live, filters_expression(filters), extra) if part)

    def _search(self, data: list[Any], field: str, limit: int, expression: str, metric: str) -> list[dict[int, float]]:
        with milvus_errors(self._where):
            hits = self._client.search(
                self._where.collection, data=data, anns_field=field, limit=limit, filter=expression,
                search_params={"metric_type": metric}, output_fields=["document_id"],
            )
        if len(self._document_of) > DOCUMENT_CACHE:
            self._document_of.clear()
        # coverage needs each candidate's document: it comes with the hit at no extra request
        self._document_of.update((int(h["id"]), h["entity"]["document_id"]) for per_query in hits for h in per_query)
        return [{int(h["id"]): float(h["distance"]) for h in per_query} for per_query in hits]

    def _query(self, expression: str, fields: list[str]) -> list[dict[str, Any]]:
        with milvus_errors(self._where):
            return self._client.query(self._where.collection, filter=expression, output_fields=fields)

    def dense_search(self, vectors: np.ndarray, depth: int, filters: Filters) -> list[dict[int, float]]:
        if self.size == 0 or not len(vectors):
            return [{} for _ in vectors]
        data = [v.astype(np.float32).tolist() for v in vectors]
        return self._search(data, "vector", max(1, depth), self._expression(filters), "IP")

    def lexical_search(self, query: str, depth: int, filters: Filters, also: Collection[int] = ()) -> dict[int, float]:
        tokens = tokenize(query)
        if not tokens or self.size == 0:
            return {}
        text = " ".join(tokens)
        found = self._search([text], "sparse", max(1, depth), self._expression(filters), "BM25")[0]
        rest = [r for r in also if r not in found]
        for start in range(0, len(rest), IN_CHUNK):
            chunk = rest[start : start + IN_CHUNK]
            found |= self._search([text], "sparse", len(chunk), self._expression(filters, pk_in(chunk)), "BM25")[0]
        # Milvus's BM25 keeps Lucene's constant (k1 + 1) factor, which bm25s drops: without it the scores
        # are the local index's, to float precision
        return {row: score / (BM25_K1 + 1.0) for row, score in found.items() if score > 0}

    def cosines(self, rows: list[int], vector: np.ndarray) -> dict[int, float]:
        if not rows:
            return {}
        found = self._rows(rows, ["vector"])
        return {r: float(np.asarray(found[r]["vector"], dtype=np.float32) @ vector) for r in rows if r in found}

    def _rows(self, rows: list[int], fields: list[str]) -> dict[int, dict[str, Any]]:
        found: dict[int, dict[str, Any]] = {}
        for start in range(0, len(rows), IN_CHUNK):
            for row in self._query(f"{self._live} and {pk_in(rows[start : start + IN_CHUNK])}", ["pk", *fields]):
                found[int(row["pk"])] = row
        return found

    def document_frequencies(self, terms: tuple[str, ...]) -> dict[str, int]:
        with milvus_errors(self._where):
            rows = self._client.query(self._where.terms, filter=f"{self._live} and term in {json.dumps(list(terms))}",
                                      output_fields=["term", "passages"])
        return {r["term"]: int(r["passages"]) for r in rows}

    def coverage(self, query: str, rows: list[int]) -> dict[int, float]:
        terms = tuple(t for t in dict.fromkeys(tokenize(query)) if len(t.encode()) <= MAX_TERM_BYTES)
        frequencies = self.document_frequencies(terms) if terms else {}
        weights = {t: idf(self.size, frequencies[t]) for t in terms if frequencies.get(t)}
        total = sum(weights.values())
        if not rows or total <= 0:
            return {}
        unknown = [r for r in rows if r not in self._document_of]
        documents = {r: self._document_of[r] for r in rows if r in self._document_of}
        documents |= {r: row["document_id"] for r, row in self._rows(unknown, ["document_id"]).items()}
        names = sorted(set(documents.values()))
        if not names:
            return {r: 0.0 for r in rows}
        # which candidate documents hold each term: a one-term BM25 search scores exactly the passages
        # holding it, grouped by document (all terms in one request); Milvus Lite cannot match text in a filter
        expression = f"{self._live} and document_id in {json.dumps(names)}"
        with milvus_errors(self._where):
            hits = self._client.search(self._where.collection, data=list(weights), anns_field="sparse", limit=min(len(names), MAX_LIMIT),
                                       group_by_field="document_id", filter=expression, search_params={"metric_type": "BM25"},
                                       output_fields=["document_id"])
        held: dict[str, float] = {}
        for term, per_term in zip(weights, hits):
            for document in {h["entity"]["document_id"] for h in per_term}:
                held[document] = held.get(document, 0.0) + weights[term]
        return {r: held.get(documents.get(r, ""), 0.0) / total for r in rows}

    def passage_texts(self, rows: list[int]) -> dict[int, PassageText]:
        found = self._rows(rows, list(PASSAGE_FIELDS[1:]))
        missing = [r for r in rows if r not in found]
        if missing:
            raise IndexStoreError(f"Milvus index {self.location}: passages {missing[:5]} vanished from generation {self.manifest.generation}")
        return {
            r: PassageText(
                document_id=row["document_id"], title=row["title"], source=row["source"], url=row["url"],
                published=dt.date.fromisoformat(row["published"]) if row["published"] else None,
                text=row["text"], start=int(row["start"]), end=int(row["end"]), lead=row["lead"],
            )
            for r, row in ((r, found[r]) for r in rows)
        }

    def _rows_of_document(self, document_id: str) -> tuple[dict[str, Any], ...]:
        rows = self._query(f"{self._live} and document_id in {json.dumps([document_id])}", DOCUMENT_FIELDS)
        return tuple(sorted(rows, key=lambda r: (int(r["start"]), int(r["pk"]))))

    def document_passages(self, document_id: str) -> list[tuple[int, int, int]]:
        return [(int(r["pk"]), int(r["start"]), int(r["end"])) for r in self._document_rows(document_id)]

    def _document(self, document_id: str) -> Document:
        """The document rebuilt from its passages (see rebuilt_text), exact when its stored key says so."""
        rows = self._document_rows(document_id)
        if not rows:
            raise IndexStoreError(f"Milvus index {self.location}: no passages of document {document_id!r} in generation {self.manifest.generation}")
        first = rows[0]
        text = rebuilt_text(rows)
        for candidate in (text, text + "\n"):  # a file's last newline is in no passage
            sha256 = hashlib.sha256(candidate.encode()).hexdigest()
            key = f"{sha256}|{first['title']}|{first['source']}|{first['url']}|{first['published']}"
            if hashlib.sha256(key.encode()).hexdigest() == first["document_key"]:
                text = candidate
                break
        else:  # not the original text: the hash says so, and matches no article
            sha256 = "rebuilt:" + hashlib.sha256(text.encode()).hexdigest()
        published = dt.date.fromisoformat(first["published"]) if first["published"] else None
        return Document(id=document_id, title=first["title"], source=first["source"], url=first["url"],
                        published=published, text=text, sha256=sha256)

    def documents_with_sha256(self, sha256: str) -> list[str]:
        return []  # no per-document hash is stored (verify/backend.py)

    def documents_with_phrase(self, words: Collection[str], limit: int) -> list[str]:
        """Documents holding the words in order, checked in those of the best BM25 passages for them."""
        tokens = tokenize(" ".join(words))
        if not tokens or self.size == 0 or limit <= 0:
            return []
        with milvus_errors(self._where):
            hits = self._client.search(self._where.collection, data=[" ".join(tokens)], anns_field="sparse",
                                       limit=PHRASE_CANDIDATES, group_by_field="document_id", filter=self._live,
                                       search_params={"metric_type": "BM25"}, output_fields=["document_id"])
        found = []
        for document_id in dict.fromkeys(h["entity"]["document_id"] for h in hits[0]):
            if verbatim_span(self.document(document_id).text, list(words)) is not None:
                found.append(document_id)
                if len(found) == limit:
                    break
        return found

    def allowed_documents(self, document_ids: Collection[str], filters: Filters) -> list[str]:
        if not filters.active or not document_ids:
            return list(document_ids)
        rows = self._query(self._expression(filters, f"document_id in {json.dumps(list(document_ids))}"), ["document_id"])
        allowed = {r["document_id"] for r in rows}
        return [d for d in document_ids if d in allowed]

    def document_keys(self) -> dict[str, str]:
        """document id -> the key of its text and metadata, for every document with passages."""
        with milvus_errors(self._where):
            rows = stored_rows(self._client, self._where.collection, self._live, ["document_id", "document_key"])
            return {row["document_id"]: row["document_key"] for row in rows}


def open_milvus_index(value: str) -> MilvusIndex:
    """The live generation of the Milvus index `value` names, or a clear error saying why not."""
    location = MilvusLocation.parse(value)
    return open_live(location, connect(location))


def open_live(location: MilvusLocation, client: Any) -> MilvusIndex:
    """The live generation, checked, searched through `client` (a new generation reuses its reader's client)."""
    with milvus_errors(location):
        state = read_state(client, location)
        if state is None:
            raise IndexMissingError(f"no index at {location.label}: build one with `verify index CORPUS --index {location.label}`")
        for name in (location.collection, location.terms):
            client.load_collection(name)
        stored = client.query(location.collection, filter=live_filter(state[0].generation), output_fields=["count(*)"])[0]["count(*)"]
    if stored != state[0].passages:
        raise IndexCorruptError(f"index {location.label} is inconsistent (manifest {state[0].passages} passages, "
                                f"collection {stored}); rebuild it")
    return MilvusIndex(location, client, state[0])


