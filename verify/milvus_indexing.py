"""corpora/ -> a Milvus index: stage the next generation beside the live one, then switch.

Incremental as the local index is: a passage whose document, offsets and text are unchanged keeps
its row; a changed one gets a new row in the next generation, embedded only if no stored row
(live, or staged by a crashed run) has a vector for the same text; rows of removed or changed
documents end at the next generation, and are deleted once no reader can be on a generation that
sees them (Update.prune). Embedding is written in batches as it goes, so a crash loses at most
one batch: the next run finds the staged rows and does not embed them again. A big update embeds
in several processes (verify/embed_pool.py). See verify/milvus_store.py for the layout and why generations are not collections.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from verify.config import Settings
from verify.embed import Embedder, text_key
from verify.embed_pool import embedding_pool
from verify.errors import CorpusError, IndexMismatchError, ModelError
from verify.index_store import FORMAT_VERSION, paragraph_lead
from verify.indexing import corpus_fingerprint, document_changes, searchable_texts
from verify.lexical import tokenize
from verify.milvus_client import (
    LIVE_FOREVER, MAX_TERM_BYTES, MAX_VARCHAR, MilvusLocation, bm25_index_params, connect, milvus_errors,
    live_filter, made_live, pk_in, read_state, stored_rows, write_manifest,
)
from verify.models import Document, IndexBuild, IndexManifest, Passage
from verify.read import read_corpus
from verify.split import make_passages

log = logging.getLogger(__name__)

EMBED_BATCH = 512  # passages embedded and written per step; a crash loses at most this much work
WRITE_BATCH = 1000
RETAIN_SECONDS = 600.0  # how long rows of a replaced generation stay for readers still on it (longer than any check)
VARCHAR_FIELDS = {"document_id": 2048, "document_key": 64, "text_key": 64, "title": 8192, "source": 1024, "source_key": 1024,
                  "url": 8192, "published": 32, "text": MAX_VARCHAR, "lead": 4096, "bm25_text": MAX_VARCHAR}
ROW_FIELDS = ["pk", "document_id", "document_key", "text_key", "start", "end", "gen_from", "gen_until"]


def document_key(doc: Document) -> str:
    """Changes when the document's text or any metadata stored with its passages changes."""
    published = doc.published.isoformat() if doc.published else ""
    return hashlib.sha256(f"{doc.sha256}|{doc.title}|{doc.source}|{doc.url}|{published}".encode()).hexdigest()


def create_passages(client: Any, location: MilvusLocation, dimension: int, vector_kind: str) -> None:
    from pymilvus import DataType, Function, FunctionType, MilvusClient

    schema = MilvusClient.create_schema(auto_id=False)
    schema.add_field("pk", DataType.INT64, is_primary=True)
    schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dimension)
    schema.add_field("bm25_text", DataType.VARCHAR, max_length=MAX_VARCHAR, enable_analyzer=True,
                     analyzer_params={"tokenizer": "whitespace"})
    schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
    schema.add_function(Function(name="bm25", function_type=FunctionType.BM25, input_field_names=["bm25_text"],
                                 output_field_names=["sparse"]))
    for name, length in VARCHAR_FIELDS.items():
        if name == "bm25_text":
            continue
        schema.add_field(name, DataType.VARCHAR, max_length=length)
    for name in ("start", "end", "published_day", "gen_from", "gen_until"):
        schema.add_field(name, DataType.INT64)
    client.create_collection(location.collection, schema=schema, index_params=bm25_index_params(client, vector_kind),
                             consistency_level="Strong")


def create_small(client: Any, name: str, fields: dict[str, tuple[Any, int]]) -> None:
    """A collection keyed by a string, with scalar fields only (and the vector Milvus wants in every collection)."""
    from pymilvus import DataType, MilvusClient

    schema = MilvusClient.create_schema(auto_id=False)
    schema.add_field("key", DataType.VARCHAR, is_primary=True, max_length=512)
    for field, (kind, length) in fields.items():
        schema.add_field(field, kind, **({"max_length": length} if kind == DataType.VARCHAR else {}))
    schema.add_field("unused", DataType.FLOAT_VECTOR, dim=2)
    index = client.prepare_index_params()
    index.add_index("unused", index_type="FLAT", metric_type="L2")
    client.create_collection(name, schema=schema, index_params=index, consistency_level="Strong")


def create_meta(client: Any, location: MilvusLocation) -> None:
    from pymilvus import DataType

    create_small(client, location.meta, {"kind": (DataType.VARCHAR, 16), "generation": (DataType.INT64, 0),
                                         "body": (DataType.VARCHAR, MAX_VARCHAR)})


def create_terms(client: Any, location: MilvusLocation) -> None:
    from pymilvus import DataType

    create_small(client, location.terms, {"term": (DataType.VARCHAR, MAX_TERM_BYTES), "passages": (DataType.INT64, 0),
                                          "gen_from": (DataType.INT64, 0), "gen_until": (DataType.INT64, 0)})


def collection_dimension(client: Any, name: str) -> int | None:
    for field in client.describe_collection(name)["fields"]:
        if field["name"] == "vector":
            return int(field["params"]["dim"])
    return None


def ensure_collections(client: Any, location: MilvusLocation, state: Any, embedder: Embedder, settings: Settings) -> None:
    """Create the collections on first use; a collection of another model or dimension is a mismatch."""
    if state is not None:
        manifest = state[0]
        if manifest.model != embedder.model_id or manifest.dimension != embedder.dimension:
            raise IndexMismatchError(
                f"index {location.label} was built with model {manifest.model!r} ({manifest.dimension}-d), not "
                f"{embedder.model_id!r}: index into another collection, or drop this one first"
            )
        return
    if client.has_collection(location.collection) and collection_dimension(client, location.collection) != embedder.dimension:
        client.drop_collection(location.collection)  # never made live: nothing to keep
    if not client.has_collection(location.collection):
        create_passages(client, location, embedder.dimension, settings.vector_kind.value)
    if not client.has_collection(location.meta):
        create_meta(client, location)
    if not client.has_collection(location.terms):
        create_terms(client, location)
    for name in (location.collection, location.meta, location.terms):
        client.load_collection(name)


@dataclass(frozen=True)
class PlannedPassage:
    passage: Passage
    document: Document
    searchable: str
    text_key: str
    document_key: str

    @property
    def signature(self) -> tuple[str, int, int, str, str]:
        return (self.passage.document_id, self.passage.start, self.passage.end, self.text_key, self.document_key)


def plan_passages(documents: list[Document], settings: Settings) -> list[PlannedPassage]:
    passages = [p for d in documents for p in make_passages(d.id, d.text, settings.passage_sentences, settings.passage_max_chars)]
    by_id = {d.id: d for d in documents}
    keys = {d.id: document_key(d) for d in documents}
    texts = searchable_texts(passages, documents, settings.passage_titles)
    return [PlannedPassage(p, by_id[p.document_id], t, text_key(t), keys[p.document_id]) for p, t in zip(passages, texts)]


def coverage_terms(bm25_text: str) -> set[str]:
    """The distinct terms of a passage that count for document coverage (milvus_store.MilvusIndex.coverage)."""
    return {t for t in bm25_text.split() if len(t.encode()) <= MAX_TERM_BYTES}


def row_for(planned: PlannedPassage, vector: np.ndarray, pk: int, generation: int) -> dict[str, Any]:
    doc, p = planned.document, planned.passage
    tokens = tokenize(planned.searchable)
    row = {
        "pk": pk, "vector": vector.astype(np.float32).tolist(), "bm25_text": " ".join(tokens),
 "document_id": doc.id, "document_key": planned.document_key, "text_key": planned.text_key,
        "title": doc.title, "source": doc.source, "source_key": (doc.source or "").lower(), "url": doc.url,
        "published": doc.published.isoformat() if doc.published else "", "text": p.text, "lead": paragraph_lead(doc.text, p.start),
        "start": p.start, "end": p.end, "published_day": doc.published.toordinal() if doc.published else -1,
        "gen_from": generation, "gen_until": LIVE_FOREVER,
    }
    for name, limit in VARCHAR_FIELDS.items():
        if len(row[name].encode()) > limit:
            raise CorpusError(f"document {doc.id}: its {name} is longer than a Milvus index holds ({limit} bytes)")
    return row


def build_milvus_index(corpus: Path, value: str, settings: Settings, embedder: Embedder) -> IndexBuild:
    """Bring the Milvus index `value` names up to date with `corpus`; see the module docstring."""
    started = time.perf_counter()
    location = MilvusLocation.parse(value)
    documents = read_corpus(corpus, settings.max_document_bytes)
    fingerprint = corpus_fingerprint(documents, settings, embedder.model_id)
    client = connect(location)
    with milvus_errors(location):
        state = read_state(client, location)
        ensure_collections(client, location, state, embedder, settings)
        live = state[0].generation if state else 0
        old_keys = {r["document_id"]: r["document_key"] for r in stored_rows(client, location.collection, f"gen_from <= {live} and gen_until > {live}", ["document_id", "document_key"])}
        changes = document_changes(documents, old_keys, document_key)
        if state is not None and state[0].corpus_fingerprint == fingerprint:
            return IndexBuild(path=value, manifest=state[0], changed=False, embedded_passages=0, reused_passages=state[0].passages,
                              seconds=time.perf_counter() - started, **changes)
        update = Update(client, location, live, state[1] if state else 0, embedder, settings)
        planned = plan_passages(documents, settings)
        embedded = update.stage(planned)
        update.count_terms()
        manifest = IndexManifest(
            format_version=FORMAT_VERSION, model=embedder.model_id, dimension=embedder.dimension,
            vector_kind=settings.vector_kind.value, documents=len(documents), passages=len(planned),
            passage_sentences=settings.passage_sentences, passage_max_chars=settings.passage_max_chars,
            corpus_fingerprint=fingerprint, built_at=dt.datetime.now(dt.timezone.utc), generation=update.generation,
        )
        write_manifest(client, location, manifest, update.next_pk)
        update.prune()
    return IndexBuild(path=value, manifest=manifest, changed=True, embedded_passages=embedded,
                      reused_passages=len(planned) - embedded, seconds=time.perf_counter() - started, **changes)


class Update:
    """The rows of the next generation, staged beside the live one (which stays untouched until the switch)."""

    def __init__(self, client: Any, location: MilvusLocation, live: int, next_pk: int, embedder: Embedder, settings: Settings) -> None:
        self.client, self.location, self.live, self.embedder, self.settings = client, location, live, embedder, settings
        self.generation = live + 1
        self.next_pk = next_pk

    def stage(self, planned: list[PlannedPassage]) -> int:
        """Stage every planned passage not already stored as it is; returns how many passages were embedded."""
        current = list(stored_rows(self.client, self.location.collection, f"gen_until > {self.live}", ROW_FIELDS))
        # rows a crashed run staged carry ids the last manifest does not count
        self.next_pk = max([self.next_pk, *(int(r["pk"]) + 1 for r in current)])
        by_signature = {(r["document_id"], r["start"], r["end"], r["text_key"], r["document_key"]): r for r in current}
        keep, todo = set(), []
        for p in planned:
            row = by_signature.get(p.signature)
            if row is not None and int(row["pk"]) not in keep and int(row["gen_from"]) <= self.generation:
                keep.add(int(row["pk"]))
            else:
                todo.append(p)
        self.revive([r for r in current if int(r["pk"]) in keep and int(r["gen_until"]) != LIVE_FOREVER])
        embedded = self.write(todo, {r["text_key"]: int(r["pk"]) for r in current})
        self.retire([r for r in current if int(r["pk"]) not in keep])  # after write: their vectors may be reused
        return embedded

    def write(self, todo: list[PlannedPassage], stored: dict[str, int]) -> int:
        reusable = [p for p in todo if p.text_key in stored]
        for start in range(0, len(reusable), WRITE_BATCH):
            batch = reusable[start : start + WRITE_BATCH]
            vectors = self.vectors_of(sorted({stored[p.text_key] for p in batch}))
            self.insert(batch, [vectors[stored[p.text_key]] for p in batch])
        fresh = [p for p in todo if p.text_key not in stored]
        embedded: dict[str, np.ndarray] = {}
        with embedding_pool(self.embedder, self.settings.embed_processes, len(fresh)) as encoder:
            step = EMBED_BATCH * getattr(encoder, "processes", 1)  # each process gets a batch per step
            for start in range(0, len(fresh), step):
                batch = fresh[start : start + step]
                missing = list(dict.fromkeys(p.searchable for p in batch if p.text_key not in embedded))
                if missing:
                    vectors = encoder.encode(missing, progress=self.settings.show_progress)
                    if vectors.shape[1] != self.embedder.dimension:
                        raise ModelError(f"model {self.embedder.model_id} returned vectors of the wrong dimension")
                    embedded |= {text_key(t): v for t, v in zip(missing, vectors)}
                self.insert(batch, [embedded[p.text_key] for p in batch])
        return len(embedded)

    def insert(self, batch: list[PlannedPassage], vectors: list[np.ndarray]) -> None:
        rows = [row_for(p, v, self.next_pk + i, self.generation) for i, (p, v) in enumerate(zip(batch, vectors))]
        self.next_pk += len(rows)
        if rows:
            self.client.insert(self.location.collection, rows)
            self.client.flush(self.location.collection)  # staged work survives a crash of this process

    def vectors_of(self, pks: list[int]) -> dict[int, np.ndarray]:
        rows = self.client.query(self.location.collection, filter=pk_in(pks), output_fields=["pk", "vector"])
        return {int(r["pk"]): np.asarray(r["vector"], dtype=np.float32) for r in rows}

    def retire(self, rows: list[dict[str, Any]]) -> None:
        """Rows live now end at the next generation; rows only staged (never live) go at once."""
        staged = [int(r["pk"]) for r in rows if int(r["gen_from"]) > self.live]
        if staged:
            self.client.delete(self.location.collection, filter=pk_in(staged))
        ending = [int(r["pk"]) for r in rows if int(r["gen_from"]) <= self.live and int(r["gen_until"]) != self.generation]
        self.set_until(self.location.collection, "pk", ending, self.generation)

    def revive(self, rows: list[dict[str, Any]]) -> None:
        """Rows a crashed run had marked as ending, which the corpus still has."""
        self.set_until(self.location.collection, "pk", [int(r["pk"]) for r in rows], LIVE_FOREVER)

    def set_until(self, collection: str, key: str, keys: list[Any], until: int) -> None:
        # Milvus updates a row by rewriting it whole (upsert); the BM25 sparse vector is recomputed from bm25_text
        names = [f["name"] for f in self.client.describe_collection(collection)["fields"] if f["name"] != "sparse"]
        for start in range(0, len(keys), WRITE_BATCH):
            chunk = json.dumps(keys[start : start + WRITE_BATCH])
            rows = self.client.query(collection, filter=f"{key} in {chunk}", output_fields=names)
            if rows:
                self.client.upsert(collection, [{**{n: r[n] for n in names}, "gen_until": until} for r in rows])
        if keys:
            self.client.flush(collection)

    def count_terms(self) -> None:
        """Stage the passage count of every term the update touched (what was staged or retired holds it)."""
        terms = self.location.terms
        self.client.delete(terms, filter=f"gen_from > {self.live}")  # a crashed run's counts: counted again below
        ending = [r["key"] for r in stored_rows(self.client, terms, f"gen_until == {self.generation}", ["key"])]
        self.set_until(terms, "key", ending, LIVE_FOREVER)
        change: Counter[str] = Counter()
        for r in stored_rows(self.client, self.location.collection, f"gen_from == {self.generation}", ["bm25_text"]):
            change.update(coverage_terms(r["bm25_text"]))
        for r in stored_rows(self.client, self.location.collection, f"gen_from <= {self.live} and gen_until == {self.generation}", ["bm25_text"]):
            change.subtract(coverage_terms(r["bm25_text"]))
        touched = [t for t, n in change.items() if n]
        old: dict[str, dict[str, Any]] = {}
        for start in range(0, len(touched), WRITE_BATCH):
            chunk = json.dumps(touched[start : start + WRITE_BATCH])
            for r in self.client.query(terms, filter=f"{live_filter(self.live)} and term in {chunk}", output_fields=["key", "term", "passages"]):
                old[r["term"]] = r
        rows = [{"key": f"{self.generation}:{t}", "term": t, "passages": (old[t]["passages"] if t in old else 0) + change[t],
                 "gen_from": self.generation, "gen_until": LIVE_FOREVER, "unused": [0.0, 0.0]} for t in touched]
        for start in range(0, len(rows), WRITE_BATCH):
            self.client.insert(terms, [r for r in rows[start : start + WRITE_BATCH] if r["passages"] > 0])
        self.set_until(terms, "key", [old[t]["key"] for t in touched if t in old], self.generation)

    def prune(self) -> None:
        """Delete what no generation a reader may still be on can see (see oldest_kept)."""
        oldest = oldest_kept(made_live(self.client, self.location), dt.datetime.now(dt.timezone.utc))
        self.client.delete(self.location.collection, filter=f"gen_until <= {oldest}")
        self.client.delete(self.location.terms, filter=f"gen_until <= {oldest}")
        self.client.delete(self.location.meta, filter=f"generation < {oldest}")


def oldest_kept(made: dict[int, dt.datetime], now: dt.datetime) -> int:
    """The oldest generation a reader may still be on: the newest, and each one replaced less than RETAIN_SECONDS ago.

    Readers in other processes (`verify serve --workers`, `verify check`) move to the new generation at
    their next check; one in the middle of a check keeps reading its own generation's rows until it ends.
    """
    cutoff = now - dt.timedelta(seconds=RETAIN_SECONDS)
    return min(g for g in made if g + 1 not in made or made[g + 1] > cutoff)
