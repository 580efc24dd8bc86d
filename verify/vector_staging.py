"""Vectors embedded by a local build that has not finished yet, kept so a killed build loses little.

    index/<name>/staged/<model key>/chunk-000003.npz    text hashes and their vectors, one chunk per step

A build embeds its new passages in chunks of STAGE_CHUNK and writes each chunk here as soon as it
is embedded (written beside, fsynced, then renamed: a chunk is whole or absent). The next build
(under the same writer lock) reads every chunk of its model and embeds only what no chunk and no
live generation holds. Once a generation is live its vectors are in it, and the staged chunks go.
The Milvus backend needs none of this: it writes staged rows to the collection itself
(verify/milvus_indexing.py).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import zipfile
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

STAGE_CHUNK = 4096  # passages embedded, then written, per step: a killed build loses at most this much work


class StagedVectors:
    """The staged chunks of one model in one index folder."""

    def __init__(self, index_dir: Path, model_id: str, dimension: int) -> None:
        self.root = index_dir / "staged"
        self.folder = self.root / hashlib.sha256(f"{model_id}|{dimension}".encode()).hexdigest()[:16]
        self.dimension = dimension

    def load(self) -> dict[str, np.ndarray]:
        """text hash -> vector for every whole chunk; an unreadable chunk is dropped (embedded again)."""
        found: dict[str, np.ndarray] = {}
        for chunk in sorted(self.folder.glob("chunk-*.npz")):
            try:
                with np.load(chunk) as stored:
                    keys, vectors = stored["keys"], stored["vectors"]
            except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
                log.warning("staged vectors %s unreadable, embedding them again: %s", chunk.name, exc)
                chunk.unlink(missing_ok=True)
                continue
            if vectors.ndim == 2 and vectors.shape == (len(keys), self.dimension):
                found.update(zip(keys.tolist(), vectors.astype(np.float32)))
        return found

    def write(self, keys: list[str], vectors: np.ndarray) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        numbers = [int(c.stem.removeprefix("chunk-")) for c in self.folder.glob("chunk-*.npz") if c.stem[6:].isdigit()]
        number = max(numbers, default=-1) + 1
        final = self.folder / f"chunk-{number:06d}.npz"
        partial = self.folder / f"chunk-{number:06d}.partial"
        with open(partial, "wb") as handle:
            np.savez(handle, keys=np.array(keys), vectors=np.asarray(vectors, dtype=np.float32))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, final)

    def clear(self) -> None:
        """Every staged chunk (of any model): the live generation holds what was worth keeping."""
        shutil.rmtree(self.root, ignore_errors=True)
