"""SciFact retrieval on both index backends: the shipped retrieval, recall@1/@10 of the gold abstract.

    python eval/retrieval_backends.py [--data ../shared/data/scifact] [--split dev|train|both]

The local index is the one eval/retrieval_scifact.py builds in eval/out/ (built here if missing,
~12 min of embedding on 2 cores). The Milvus Lite index is built from the same corpus with the
same settings, taking each passage's vector from the local index (same model, same text), so the
two differ only in the engine. Each claim goes through `retrieve.Retriever` with the shipped
settings (top 10 passages); passages roll up to abstracts by best passage.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verify.backend import open_passage_index  # noqa: E402
from verify.config import Settings  # noqa: E402
from verify.embed import text_key  # noqa: E402
from verify.index_store import open_index  # noqa: E402
from verify.indexing import build_index  # noqa: E402
from verify.pipeline import make_embedder  # noqa: E402
from verify.retrieve import Retriever  # noqa: E402

from retrieval_scifact import load_claims, write_corpus  # noqa: E402


class StoredVectors:
    """The local index's vectors by text, the model for anything it does not hold."""

    def __init__(self, local_dir: Path, embedder) -> None:
        index = open_index(local_dir)
        self.vectors = dict(zip(index.passage_hashes(), index.store.vectors()))
        self.embedder, self.model_id, self.dimension, self.embedded = embedder, embedder.model_id, embedder.dimension, 0

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        missing = [t for t in texts if text_key(t) not in self.vectors]
        if missing:
            self.embedded += len(missing)
            self.vectors |= dict(zip(map(text_key, missing), self.embedder.encode(missing)))
        return np.stack([self.vectors[text_key(t)] for t in texts])

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self.embedder.encode_queries(texts)


def recalls(retriever: Retriever, claims) -> tuple[dict[int, float], list[str], float]:
    started = time.perf_counter()
    tops, found = [], {1: [], 10: []}
    for claim, gold in claims:
        (hits,) = retriever.search([claim], k=10)
        abstracts = list(dict.fromkeys(h.document_id for h in hits))
        tops.append(abstracts[0] if abstracts else "")
        for k in found:
            found[k].append(bool(set(abstracts[:k]) & gold))
    return {k: float(np.mean(v)) for k, v in found.items()}, tops, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "scifact")
    parser.add_argument("--out", type=Path, default=ROOT / "eval" / "out")
    parser.add_argument("--split", choices=["dev", "train", "both"], default="both")
    args = parser.parse_args()
    if not args.data.exists():
        raise SystemExit(f"no SciFact data at {args.data}")
    settings, embedder = Settings(), make_embedder(Settings())
    corpus = write_corpus(args.data, args.out)
    local_dir = args.out / f"index-scifact-p{settings.passage_sentences}"
    build_index(corpus, local_dir, settings, embedder)
    milvus = f"milvus-lite:{args.out / 'index-scifact-milvus.db'}"
    stored = StoredVectors(local_dir, embedder)
    started = time.perf_counter()
    build = build_index(corpus, milvus, settings, stored)
    print(f"Milvus Lite index: {build.manifest.passages} passages in {time.perf_counter() - started:.0f} s "
          f"({build.embedded_passages} vectors written, {stored.embedded} not found in the local index and embedded)")
    splits = ["dev", "train"] if args.split == "both" else [args.split]
    claims = [c for s in splits for c in load_claims(args.data / f"claims_{s}.jsonl")]
    print(f"{len(claims)} claims with evidence (claims_{' + claims_'.join(splits)}), shipped settings, top 10 passages\n")
    print("| backend | recall@1 | recall@10 | seconds |\n|---|---|---|---|")
    tops = {}
    for name, location in (("local (FAISS + bm25s)", local_dir), ("Milvus Lite", milvus)):
        found, tops[name], seconds = recalls(Retriever(open_passage_index(location), embedder, settings), claims)
        print(f"| {name} | {found[1]:.3f} | {found[10]:.3f} | {seconds:.0f} |")
    local, other = tops.values()
    print(f"\nclaims whose best abstract differs between the backends: {sum(a != b for a, b in zip(local, other))} of {len(claims)}")


if __name__ == "__main__":
    main()
