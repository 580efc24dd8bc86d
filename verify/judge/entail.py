"""Entailment (NLI) backends: the model verify ships, or any sentence-transformers CrossEncoder.

The shipped model (verify/judge/entailment_model/, see its MODEL_CARD.md) is the default. A user's
own cross-encoder is given by path or id (labels read from its config's id2label); "none" turns
entailment off. The judges ask the backend only about what the typed checks leave open, and it may
veto a "supported" it reads as a contradiction. Probabilities are cached by pair, so a claim asked
about again (a revised draft, the HTTP service) costs nothing.
"""

from __future__ import annotations

import hashlib
import logging
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from verify.errors import ModelError

log = logging.getLogger(__name__)
LABELS = ("entailment", "contradiction", "neutral")
SHIPPED = "verify-nli"  # the model that ships inside verify
OFF = {"none", "off", ""}


class EntailmentBackend(Protocol):
    model_id: str

    def scores(self, pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
        """Probabilities of entailment, contradiction and neutral for (premise, hypothesis) pairs."""
        ...


def label_order(id2label: dict[Any, str]) -> list[str]:
    """Our label name for each output of the model, from its config."""
    names = []
    for index in sorted(id2label, key=int):
        name = str(id2label[index]).lower()
        match = next((label for label in LABELS if name.startswith(label[:6])), None)
        if match is None:
            raise ModelError(f"entailment model labels {list(id2label.values())} are not entailment/contradiction/neutral")
        names.append(match)
    if sorted(names) != sorted(LABELS):
        raise ModelError(f"entailment model must have the three NLI labels, has {names}")
    return names


class CrossEncoderEntailment:
    def __init__(self, model: str) -> None:
        self.model_id = model
        self._model: Any = None
        self._labels: list[str] = []

    def _loaded(self) -> Any:
        if self._model is None:
            from sentence_transformers import CrossEncoder

            try:
                model = CrossEncoder(self.model_id, device="cpu")
            except Exception as exc:  # any load failure is one clear error
                raise ModelError(f"cannot load entailment model {self.model_id!r} ({type(exc).__name__})") from exc
            self._labels = label_order(model.model.config.id2label)
            self._model = model
        return self._model

    def scores(self, pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
        if not pairs:
            return []
        logits = np.asarray(self._loaded().predict(list(pairs), apply_softmax=False, convert_to_numpy=True), dtype=np.float64)
        logits = logits.reshape(len(pairs), -1)
        exp = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs = exp / exp.sum(axis=1, keepdims=True)
        return [dict(zip(self._labels, map(float, row))) for row in probs]


def pair_key(premise: str, hypothesis: str) -> str:
    return hashlib.sha256(f"{premise}\x00{hypothesis}".encode("utf-8")).hexdigest()


class ShippedEntailment:
    """all-MiniLM-L6-v2 as a cross-encoder with its top layers retrained here (verify.judge.nli_model)."""

    model_id = SHIPPED

    def __init__(self, folder: Path | None = None, batch_size: int = 32, cache_size: int = 8192) -> None:
        from verify.judge.nli_model import shipped_model_path

        self.folder = folder or shipped_model_path()
        self.batch_size = batch_size
        self._loaded_parts: tuple[Any, Any, dict[str, Any]] | None = None
        self._cache: OrderedDict[str, dict[str, float]] = OrderedDict()
        self._cache_size = cache_size

    def check(self) -> None:
        """Fail now, with ModelArtifactError, if the artifact is missing or corrupt (cheap: nothing is loaded)."""
        from verify.judge.nli_model import verified_manifest

        verified_manifest(self.folder)

    def _loaded(self) -> tuple[Any, Any, dict[str, Any]]:
        if self._loaded_parts is None:
            from verify.embed import packaged_model_path
            from verify.judge.nli_model import load_shipped

            self._loaded_parts = load_shipped(self.folder, packaged_model_path())
            log.info("loaded entailment model %s", self.folder)
        return self._loaded_parts

    def scores(self, pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
        keys = [pair_key(p, h) for p, h in pairs]
        missing = list(dict.fromkeys((k, pair) for k, pair in zip(keys, pairs) if k not in self._cache))
        if missing:
            for (key, _), probs in zip(missing, self._predict([pair for _, pair in missing])):
                self._cache[key] = probs
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return [self._cache[k] for k in keys]

    def _predict(self, pairs: list[tuple[str, str]]) -> list[dict[str, float]]:
        import torch

        model, tokenizer, manifest = self._loaded()
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))  # less padding
        found: dict[int, dict[str, float]] = {}
        with torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                chunk = order[start : start + self.batch_size]
                batch = tokenizer([pairs[i][0] for i in chunk], [pairs[i][1] for i in chunk], truncation="longest_first",
                                  max_length=int(manifest.get("max_length", 128)), padding=True, return_tensors="pt")
                probs = torch.softmax(model(**batch), dim=-1).tolist()
                found.update({i: dict(zip(LABELS, map(float, row))) for i, row in zip(chunk, probs)})
        return [found[i] for i in range(len(pairs))]


def make_entailment(name: str | None) -> EntailmentBackend | None:
    """The backend a setting names: the shipped model, a user's cross-encoder, or none."""
    if name is None or name.strip().lower() in OFF:
        return None
    if name == SHIPPED or (Path(name).expanduser() / "manifest.json").is_file():  # ours, or a retrained copy of it
        backend = ShippedEntailment(None if name == SHIPPED else Path(name).expanduser())
        backend.check()
        return backend
    return CrossEncoderEntailment(name)
