"""Retrieval quality on SciFact: recall@1/3/10 of the gold abstract, dense vs lexical vs hybrid.

Rerunnable: `python eval/retrieval_scifact.py [--data ../shared/data/scifact]`. The corpus is
indexed with the real `verify index` code into eval/out/ (incremental, so reruns are quick).
Passage-level hits are rolled up to their abstract by best passage. The convex weight is
chosen on claims_train and then reported on claims_dev (never tuned on dev).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verify.config import FusionMode, Settings  # noqa: E402
from verify.index_store import open_index  # noqa: E402
from verify.indexing import build_index  # noqa: E402
from verify.pipeline import make_embedder  # noqa: E402
from verify.retrieve import Fusion, complete_scores  # noqa: E402

KS = (1, 3, 10)
DEPTH = 300  # passages per query and side before rolling up to abstracts


def write_corpus(data: Path, out: Path) -> Path:
    target = out / "scifact-corpus" / "corpus.jsonl"
    if target.exists():
        return target.parent
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(data / "corpus.jsonl", encoding="utf-8") as src, open(target, "w", encoding="utf-8") as dst:
        for line in src:
            doc = json.loads(line)
            text = doc["title"].strip() + "\n\n" + " ".join(s.strip() for s in doc["abstract"])
            dst.write(json.dumps({"id": str(doc["doc_id"]), "title": doc["title"], "text": text, "source": "scifact"}) + "\n")
    return target.parent


def load_claims(path: Path) -> list[tuple[str, set[str]]]:
    claims = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("evidence"):
            claims.append((record["claim"], {str(d) for d in record["evidence"]}))
    return claims


def doc_ranking(scores: dict[int, float], passage_docs: list[str]) -> list[str]:
    best: dict[str, float] = defaultdict(lambda: -1e9)
    for row, score in scores.items():
        doc = passage_docs[row]
        best[doc] = max(best[doc], score)
    return sorted(best, key=best.__getitem__, reverse=True)


def candidates(index, embedder, claims):
    """Dense and lexical passage scores per claim, computed once."""
    vectors = embedder.encode([c for c, _ in claims])
    scores, rows = index.store.search(vectors, DEPTH)
    out = []
    for i, (claim, _) in enumerate(claims):
        dense = {int(r): float(s) for r, s in zip(rows[i], scores[i]) if r >= 0}
        out.append(complete_scores(dense, index.lexical.scores(claim), DEPTH, index.store, vectors[i]))
    return out


def hits(rankings: list[list[str]], claims) -> dict[int, np.ndarray]:
    return {k: np.array([bool(set(r[:k]) & gold) for r, (_, gold) in zip(rankings, claims)]) for k in KS}


def recall(rankings: list[list[str]], claims) -> dict[int, float]:
    return {k: float(found.mean()) for k, found in hits(rankings, claims).items()}


def interval(found: np.ndarray, resamples: int = 2000) -> tuple[float, float]:
    """95 % bootstrap interval of a recall: how much of a difference the claim sample can tell apart."""
    rng = np.random.default_rng(0)
    means = rng.choice(found, size=(resamples, len(found))).mean(axis=1)
    return float(np.quantile(means, 0.025)), float(np.quantile(means, 0.975))


def evaluate(cands, claims, passage_docs, fuse) -> dict[int, float]:
    return recall([doc_ranking(fuse(d, lx), passage_docs) for d, lx in cands], claims)


def methods(settings: Settings, weight: float):
    return {
        "dense (MiniLM)": lambda d, lx: d,
        "lexical (BM25)": lambda d, lx: lx,
        f"hybrid rrf (k={settings.rrf_k})": Fusion(FusionMode.RRF, weight, settings.rrf_k),
        f"hybrid convex (w={weight:.2f})": Fusion(FusionMode.CONVEX, weight, settings.rrf_k),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "scifact")
    parser.add_argument("--out", type=Path, default=ROOT / "eval" / "out")
    parser.add_argument("--passage-sentences", type=int, default=Settings().passage_sentences)
    parser.add_argument("--no-titles", action="store_true", help="index passages without their document title")
    args = parser.parse_args()
    if not (args.data / "corpus.jsonl").is_file():
        print(f"SciFact not found at {args.data}; pass --data", file=sys.stderr)
        return 2
    settings = Settings(passage_sentences=args.passage_sentences, passage_titles=not args.no_titles, show_progress=True)
    embedder = make_embedder(settings)
    corpus = write_corpus(args.data, args.out)
    index_dir = args.out / f"index-scifact-p{settings.passage_sentences}{'' if settings.passage_titles else '-notitle'}"
    started = time.perf_counter()
    build = build_index(corpus, index_dir, settings, embedder)
    print(f"index: {build.manifest.documents} abstracts, {build.manifest.passages} passages "
          f"({settings.passage_sentences} sentences each{', after the title' if settings.passage_titles else ''}), "
          f"{time.perf_counter() - started:.0f} s "
          f"({'built' if build.changed else 'reused'})")
    index = open_index(index_dir)
    passage_docs = [p.document_id for p in index.passages]
    train, dev = load_claims(args.data / "claims_train.jsonl"), load_claims(args.data / "claims_dev.jsonl")
    train_cands, dev_cands = candidates(index, embedder, train), candidates(index, embedder, dev)
    weights = [round(w, 2) for w in np.arange(0.3, 0.96, 0.05)]
    tuned = max(weights, key=lambda w: sum(evaluate(train_cands, train, passage_docs, Fusion(FusionMode.CONVEX, w, 60)).values()))
    on_train = evaluate(train_cands, train, passage_docs, Fusion(FusionMode.CONVEX, tuned, settings.rrf_k))
    print(f"convex weight chosen on claims_train ({len(train)} claims): {tuned:.2f} (default in Settings: {settings.dense_weight}); "
          f"its train recall@1/3/10 {on_train[1]:.3f} / {on_train[3]:.3f} / {on_train[10]:.3f}")
    print(f"\nSciFact claims_dev with evidence: {len(dev)} claims, {build.manifest.documents} abstracts\n")
    print("| method | recall@1 | recall@3 | recall@10 |\n|---|---:|---:|---:|")
    for name, fuse in methods(settings, tuned).items():
        r = evaluate(dev_cands, dev, passage_docs, fuse)
        print(f"| {name} | {r[1]:.3f} | {r[3]:.3f} | {r[10]:.3f} |")
    convex = Fusion(FusionMode.CONVEX, tuned, settings.rrf_k)
    found = hits([doc_ranking(convex(d, lx), passage_docs) for d, lx in dev_cands], dev)
    spans = ", ".join(f"@{k} {lo:.3f}-{hi:.3f}" for k, (lo, hi) in ((k, interval(found[k])) for k in KS))
    print(f"\n95 % bootstrap intervals of the convex row over the {len(dev)} claims: {spans} "
          f"(one claim is {1 / len(dev):.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
