"""Settings for every stage, validated once and passed in (never read from globals)."""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from verify.errors import UsageError

DEFAULT_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_ENV = "VERIFY_MODEL"


class FusionMode(str, Enum):
    """How dense and lexical rankings become one."""

    RRF = "rrf"  # reciprocal rank fusion: rank-only, robust, ignores score gaps
    CONVEX = "convex"  # weighted sum of per-query min-max normalised scores


class VectorKind(str, Enum):
    EXACT = "exact"  # faiss IndexFlatIP: exact inner product
    APPROXIMATE = "approximate"  # faiss HNSW: for corpora in the millions


class FailOn(str, Enum):
    NONE = "none"
    CONFLICTING = "conflicting"
    DISPUTED = "disputed"
    UNVERIFIED = "unverified"


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    model: str = Field(default_factory=lambda: os.environ.get(MODEL_ENV) or DEFAULT_MODEL)
    batch_size: int = Field(default=64, ge=1, le=4096)
    # processes embedding a big build's passages (verify/embed_pool.py): one per core unless told
    embed_processes: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1, le=256)
    # Passages are windows of whole sentences. Three sentences measured best on
    # SciFact recall against index time (eval/retrieval_scifact.py, docs/accuracy.md).
    passage_sentences: int = Field(default=3, ge=1, le=20)
    passage_max_chars: int = Field(default=900, ge=100, le=20_000)
    passage_titles: bool = True  # embed and BM25-index each passage after its document's title
    vector_kind: VectorKind = VectorKind.EXACT
    fusion: FusionMode = FusionMode.CONVEX
    dense_weight: float = Field(default=0.8, ge=0.0, le=1.0)  # tuned on SciFact claims_train (eval/retrieval_scifact.py)
    rrf_k: int = Field(default=60, ge=1)
    # Bonus for passages whose whole document holds the query's terms (retrieve.document_coverage);
    # chosen on SciFact claims_train with dense_weight fixed (eval/retrieval_scifact.py). 0 turns it off.
    topic_weight: float = Field(default=0.2, ge=0.0, le=1.0)
    candidates: int = Field(default=100, ge=1, le=10_000)
    top_k: int = Field(default=5, ge=1, le=100)
    max_article_bytes: int = Field(default=5_000_000, ge=1)
    max_document_bytes: int = Field(default=20_000_000, ge=1)
    fetch_timeout_s: float = Field(default=15.0, gt=0)
    show_progress: bool = False
    # The entailment model: "verify-nli" (shipped, see verify/judge/entailment_model/MODEL_CARD.md),
    # a cross-encoder path or id, or "none" to judge by the typed checks alone.
    entailment_model: str = Field(default_factory=lambda: os.environ.get("VERIFY_ENTAILMENT_MODEL") or "verify-nli")
    entailment_threshold: float = Field(default=0.9, gt=0.5, le=1.0)


def make_settings(**values: object) -> Settings:
    """Build settings from keyword values, dropping unset (None) ones."""
    given = {key: value for key, value in values.items() if value is not None}
    try:
        return Settings(**given)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise UsageError(f"invalid setting {field}: {first['msg']}") from exc


def default_index_dir() -> Path:
    return Path("index") / "default"
