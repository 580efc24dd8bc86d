"""Embedding a big corpus on every core: passages spread over several processes, each with the model.

One process already runs the model on several threads, but a good share of the work (tokenising,
Python between the layers) holds the GIL; processes with one thread each per core keep every core
busy. A pool costs a model load per process (seconds), so `verify index` starts one only when at
least POOL_MIN_TEXTS passages need embedding in this run (an incremental update of a few
documents stays in process), and only for the sentence-transformers embedder, which a child can
load again from its name; any other Embedder is used as given.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

import numpy as np

from verify.embed import Embedder, SentenceTransformerEmbedder

log = logging.getLogger(__name__)

POOL_MIN_TEXTS = 5_000  # below this, loading the model in more processes costs more than it saves

_worker_embedder: SentenceTransformerEmbedder | None = None


def _load(model: str, batch_size: int, threads: int) -> None:
    """In each child: one model, `threads` torch threads (processes x threads = the cores given)."""
    global _worker_embedder
    import torch

    torch.set_num_threads(threads)
    _worker_embedder = SentenceTransformerEmbedder(model, batch_size=batch_size)


def _encode(texts: list[str]) -> tuple[int, np.ndarray]:
    return os.getpid(), _worker_embedder.encode(texts)


class ProcessPoolEmbedder:
    """The Embedder protocol over a pool of processes: `encode` splits its texts between them, in order."""

    def __init__(self, embedder: SentenceTransformerEmbedder, processes: int) -> None:
        self._embedder = embedder
        self.model_id = embedder.model_id
        self.processes = processes
        self.worker_pids: set[int] = set()  # which processes embedded something (tests, logs)
        threads = max(1, (os.cpu_count() or 1) // processes)
        self._pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"), initializer=_load,
                                         initargs=(embedder.model_id, embedder.batch_size, threads))

    @property
    def dimension(self) -> int:
        return self._embedder.dimension

    def encode(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        size = -(-len(texts) // self.processes)
        slices = [texts[i : i + size] for i in range(0, len(texts), size)]
        parts = []
        for pid, vectors in self._pool.map(_encode, slices):
            self.worker_pids.add(pid)
            parts.append(vectors)
        return np.concatenate(parts)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embedder.encode_queries(texts)

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


@contextlib.contextmanager
def embedding_pool(embedder: Embedder, processes: int, texts: int) -> Iterator[Embedder]:
    """`embedder`, or a pool of `processes` running its model while `texts` passages are embedded (see the module docstring)."""
    if processes <= 1 or texts < POOL_MIN_TEXTS or not isinstance(embedder, SentenceTransformerEmbedder):
        yield embedder
        return
    log.info("embedding %d passages in %d processes", texts, processes)
    pool = ProcessPoolEmbedder(embedder, processes)
    try:
        yield pool
    finally:
        pool.close()
