"""corpora/ -> index/: read, split into passages, embed what is new, write a generation.

A Milvus location (verify/backend.py) is built by verify/milvus_indexing.py instead.

Incremental: vectors are reused by (model, passage text hash), so unchanged documents are
never re-embedded; a corpus whose fingerprint matches the live index writes nothing. New
passages are embedded in chunks, each kept as soon as it is embedded (verify/vector_staging.py),
so a killed build resumes without embedding them again; a big build embeds in several processes
(verify/embed_pool.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from verify.backend import is_milvus
from verify.config import Settings
from verify.embed import Embedder, text_key
from verify.embed_pool import embedding_pool
from verify.errors import IndexStoreError, ModelError
from verify.index_store import FORMAT_VERSION, OpenIndex, open_index, write_generation, writer_lock
from verify.lexical import LEXICAL_SCHEME, Bm25Index
from verify.models import Document, IndexBuild, IndexManifest, Passage
from verify.read import read_corpus
from verify.split import SPLITTER_VERSION, make_passages
from verify.store import FaissStore
from verify.vector_staging import STAGE_CHUNK, StagedVectors

log = logging.getLogger(__name__)


def corpus_fingerprint(documents: list[Document], settings: Settings, model_id: str) -> str:
    """Changes whenever a document, its metadata, passage settings or splitting, the model or the lexical scheme change."""
    digest = hashlib.sha256()
    digest.update(
        f"{FORMAT_VERSION}|{model_id}|{settings.vector_kind.value}|{settings.passage_sentences}|{settings.passage_max_chars}"
        f"|{settings.passage_titles}|{LEXICAL_SCHEME}|splitter {SPLITTER_VERSION}".encode()
    )
    for doc in sorted(documents, key=lambda d: d.id):
        digest.update(f"\n{doc.id}|{doc.sha256}|{doc.title}|{doc.source}|{doc.url}|{doc.published}".encode())
    return digest.hexdigest()


def previous_index(root: Path) -> OpenIndex | None:
    """The live index to reuse vectors from, or None when there is none or it is unusable."""
    try:
        return open_index(root)
    except IndexStoreError as exc:
        if (root / "CURRENT").exists():
            log.warning("existing index not reusable, rebuilding from scratch: %s", exc.message)
        return None


def reusable_vectors(previous: OpenIndex | None, model_id: str) -> dict[str, np.ndarray]:
    if previous is None or previous.manifest.model != model_id:
        return {}
    vectors = previous.store.vectors()
    return {h: vectors[row] for row, h in enumerate(previous.passage_hashes())}


def searchable_texts(passages: list[Passage], documents: list[Document], with_title: bool) -> list[str]:
    """What is embedded and BM25-indexed per passage: the passage, after its document's title.

    A passage deep in a document often never names its subject; the headline does. Offsets
    and evidence still refer to the passage alone.
    """
    if not with_title:
        return [p.text for p in passages]
    titles = {d.id: d.title.strip() for d in documents}
    texts = []
    for p in passages:
        title = titles.get(p.document_id, "")
        texts.append(f"{title}\n{p.text}" if title and not p.text.startswith(title[:60]) else p.text)
    return texts


def embed_passages(
    texts: list[str], reuse: dict[str, np.ndarray], embedder: Embedder, settings: Settings, staging: StagedVectors | None = None
) -> tuple[np.ndarray, list[str], int]:
    """(vectors, text hashes, how many were embedded now) for the searchable texts, in order.

    What is not in `reuse` is embedded STAGE_CHUNK texts at a time, each chunk staged as soon as it is done.
    """
    hashes = [text_key(t) for t in texts]
    missing = list(dict.fromkeys(t for t, h in zip(texts, hashes) if h not in reuse))
    fresh: dict[str, np.ndarray] = {}
    with embedding_pool(embedder, settings.embed_processes, len(missing)) as encoder:
        for start in range(0, len(missing), STAGE_CHUNK):
            chunk = missing[start : start + STAGE_CHUNK]
            vectors = encoder.encode(chunk, progress=settings.show_progress)
            keys = [text_key(t) for t in chunk]
            if staging is not None:
                staging.write(keys, vectors)
            fresh.update(zip(keys, vectors))
    if not texts:
        return np.zeros((0, embedder.dimension), dtype=np.float32), hashes, 0
    matrix = np.stack([fresh[h] if h in fresh else reuse[h] for h in hashes]).astype(np.float32)
    return matrix, hashes, len(missing)


def stored_document_key(doc: Document) -> tuple[str, str, str, str, str | None]:
    """What the local index stores per document to tell an unchanged one (index_store.document_hashes)."""
    return (doc.sha256, doc.title, doc.source, doc.url, doc.published.isoformat() if doc.published else None)


def document_changes(documents: list[Document], old: Mapping[str, Any], key: Callable[[Document], Any] = stored_document_key) -> dict[str, int]:
    """Counts of added, updated, unchanged and removed documents against `old` (document id -> stored key)."""
    new_ids = {d.id for d in documents}
    counts = {"added": 0, "updated": 0, "unchanged": 0, "removed": len(set(old) - new_ids)}
    for doc in documents:
        before = old.get(doc.id)
        state = "added" if before is None else "unchanged" if before == key(doc) else "updated"
        counts[state] += 1
    return counts


def build_index(corpus: Path, index_dir: Path | str, settings: Settings, embedder: Embedder) -> IndexBuild:
    """Bring the index `index_dir` names up to date with `corpus`; see the module docstring."""
    if is_milvus(index_dir):
        from verify.milvus_indexing import build_milvus_index

        return build_milvus_index(corpus, str(index_dir), settings, embedder)
    index_dir = Path(index_dir)
    started = time.perf_counter()
    documents = read_corpus(corpus, settings.max_document_bytes)
    fingerprint = corpus_fingerprint(documents, settings, embedder.model_id)
    with writer_lock(index_dir):
        previous = previous_index(index_dir)
        changes = document_changes(documents, {k: tuple(v) for k, v in (previous.document_hashes() if previous else {}).items()})
        if previous is not None and previous.manifest.corpus_fingerprint == fingerprint:
            return IndexBuild(
                path=str(index_dir), manifest=previous.manifest, changed=False, embedded_passages=0,
                reused_passages=previous.manifest.passages, seconds=time.perf_counter() - started, **changes,
            )
        passages = [
            p for d in documents for p in make_passages(d.id, d.text, settings.passage_sentences, settings.passage_max_chars)
        ]
        staging = StagedVectors(index_dir, embedder.model_id, embedder.dimension)
        reuse = staging.load() | reusable_vectors(previous, embedder.model_id)  # what a killed build embedded, and the live vectors
        texts = searchable_texts(passages, documents, settings.passage_titles)
        vectors, hashes, embedded = embed_passages(texts, reuse, embedder, settings, staging)
        if vectors.shape[1] != embedder.dimension:
            raise ModelError(f"model {embedder.model_id} returned vectors of the wrong dimension")
        manifest = IndexManifest(
            format_version=FORMAT_VERSION, model=embedder.model_id, dimension=int(vectors.shape[1]),
            vector_kind=settings.vector_kind.value, documents=len(documents), passages=len(passages),
            passage_sentences=settings.passage_sentences, passage_max_chars=settings.passage_max_chars,
            corpus_fingerprint=fingerprint, built_at=dt.datetime.now(dt.timezone.utc),
            generation=(previous.manifest.generation + 1) if previous else 1,
        )
        store = FaissStore.build(vectors, settings.vector_kind)
        lexical = Bm25Index.build(texts)
        write_generation(index_dir, manifest, documents, passages, hashes, store, lexical)
        staging.clear()
    return IndexBuild(
        path=str(index_dir), manifest=manifest, changed=True, embedded_passages=embedded,
        reused_passages=len(passages) - embedded, seconds=time.perf_counter() - started, **changes,
    )
