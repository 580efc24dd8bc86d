"""An optional entailment (NLI) backend: a sentence-transformers CrossEncoder given by path or id.

No NLI weights ship with verify (none can be installed offline here), so the rules decide by
default. When a model is configured, it refines statement verdicts: it may lift an undecided
statement to supported or conflicting when it is very sure, and it vetoes a rule's "supported"
that it reads as a contradiction. Labels are read from the model's config (id2label).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np

from verify.errors import ModelError

log = logging.getLogger(__name__)
LABELS = ("entailment", "contradiction", "neutral")


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
