"""Embedding on several processes, and a killed local build resumed without embedding again what it had embedded."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from verify.cli import main

from conftest import ROOT

pytestmark = pytest.mark.slow

QUERY = "How long is the Selva bridge in kilometres?"


def hits(location, embedder, settings):
    from verify.backend import open_passage_index
    from verify.retrieve import Retriever

    return Retriever(open_passage_index(location), embedder, settings).search([QUERY], k=5)[0]


def test_embed_pool_gives_the_vectors_one_process_gives(tmp_path, corpus_copy, any_index, embedder, settings, monkeypatch):
    import verify.embed_pool as embed_pool

    monkeypatch.setattr(embed_pool, "POOL_MIN_TEXTS", 1)  # the sample corpus is small: pool it anyway
    workers: set[int] = set()
    real_close = embed_pool.ProcessPoolEmbedder.close
    monkeypatch.setattr(embed_pool.ProcessPoolEmbedder, "close", lambda self: (workers.update(self.worker_pids), real_close(self)))
    location = f"milvus-lite:{tmp_path / 'ix.db'}" if str(any_index).startswith("milvus") else str(tmp_path / "ix")
    assert main(["index", str(corpus_copy), "--index", location, "--embed-processes", "2", "-q"]) == 0
    assert workers and os.getpid() not in workers
    pooled, alone = hits(location, embedder, settings), hits(any_index, embedder, settings)
    assert [(h.document_id, h.start) for h in pooled] == [(h.document_id, h.start) for h in alone]
    assert [h.dense_score for h in pooled] == pytest.approx([h.dense_score for h in alone], abs=1e-5)


def test_embed_pool_option_must_be_at_least_one(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["index", "corpus", "--embed-processes", "0"])
    assert exited.value.code == 2 and "at least 1" in capsys.readouterr().err


CRASHING_LOCAL_INDEX = textwrap.dedent("""
    import os, signal, sys
    import verify.indexing as indexing
    import verify.vector_staging as vector_staging
    from verify.cli import main

    indexing.STAGE_CHUNK = 4
    real_write, writes = vector_staging.StagedVectors.write, []

    def write_then_die(self, keys, vectors):
        real_write(self, keys, vectors)
        writes.append(len(keys))
        if len(writes) == 3:  # killed mid-build: three chunks embedded and staged, the rest not
            os.kill(os.getpid(), signal.SIGKILL)

    vector_staging.StagedVectors.write = write_then_die
    sys.exit(main(["index", sys.argv[1], "--index", sys.argv[2], "-q"]))
""")


class CountingEmbedder:
    """The real embedder, counting the passages it is asked to embed."""

    def __init__(self, embedder) -> None:
        self._embedder, self.model_id, self.embedded = embedder, embedder.model_id, 0

    @property
    def dimension(self) -> int:
        return self._embedder.dimension

    def encode(self, texts, progress=False):
        self.embedded += len(texts)
        return self._embedder.encode(texts, progress)

    def encode_queries(self, texts):
        return self._embedder.encode_queries(texts)


def test_embed_pool_killed_local_build_resumes_without_embedding_again(tmp_path, corpus_copy, settings, embedder):
    from verify.index_store import open_index
    from verify.indexing import build_index

    location = tmp_path / "ix"
    build_index(corpus_copy, location, settings, embedder)
    for i in range(8):  # new documents: 8 x 2 passages to embed
        sentences = " ".join(f"Dock {i} of the Kessel port handled {1000 + 37 * i + j} containers in week {j}." for j in range(6))
        (corpus_copy / f"port-{i}.txt").write_text(f"Kessel port dock {i}\n\n{sentences}\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    crashed = subprocess.run([sys.executable, "-c", CRASHING_LOCAL_INDEX, str(corpus_copy), str(location)], env=env, timeout=600)
    assert crashed.returncode == -9  # SIGKILL
    before = open_index(location).manifest
    assert (before.generation, before.documents) == (1, 13)  # the live generation is still the one before
    assert hits(location, embedder, settings)
    counting = CountingEmbedder(embedder)
    resumed = build_index(corpus_copy, location, settings, counting)
    new_passages = resumed.manifest.passages - before.passages
    staged = 3 * 4
    assert new_passages > staged and resumed.embedded_passages == counting.embedded == new_passages - staged
    assert resumed.manifest.generation == 2 and not (location / "staged").exists()
    assert len(open_index(location).passages) == resumed.manifest.passages
