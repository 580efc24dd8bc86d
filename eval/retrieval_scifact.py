"""Retrieval quality on SciFact: recall@1/3/10 of the gold abstract, dense vs lexical vs hybrid.

Rerunnable: `python eval/retrieval_scifact.py [--data ../shared/data/scifact] [--figure docs/img/recall.png]`. The corpus is
indexed with the real `verify index` code into eval/out/ (incremental, so reruns are quick).
Passage-level hits are rolled up to their abstract by best passage. The convex and topic weights are
chosen on claims_train and then reported on claims_dev (never tuned on dev); `--cross-validate`
also estimates the choice over train+dev pooled.
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
sys.path.insert(0, str(ROOT / "eval"))

from verify.config import FusionMode, Settings  # noqa: E402
from verify.index_store import open_index  # noqa: E402
from verify.indexing import build_index  # noqa: E402
from verify.pipeline import make_embedder  # noqa: E402
from verify.retrieve import Fusion, complete_scores, document_coverage  # noqa: E402

KS = (1, 3, 10)
DEPTH = 300  # passages per query and side before rolling up to abstracts
WEIGHTS = [round(w, 2) for w in np.arange(0.3, 0.96, 0.05)]  # dense weight of the convex fusion
TOPICS = [0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4]  # weight of the document-coverage bonus


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


def rationales(data: Path) -> list[tuple[str, str, str, str, str]]:
    """(source id, abstract title, gold rationale sentences, claim, SUPPORT|CONTRADICT) of every SciFact dev
    claim with evidence, one row per claim and abstract."""
    abstracts = {}
    for line in (data / "corpus.jsonl").read_text().splitlines():
        doc = json.loads(line)
        abstracts[doc["doc_id"]] = (doc["title"], doc["abstract"])
    rows = []
    for line in (data / "claims_dev.jsonl").read_text().splitlines():
        record = json.loads(line)
        for doc_id, sets in record["evidence"].items():
            title, abstract = abstracts[int(doc_id)]
            picked = sorted({i for s in sets for i in s["sentences"]})
            rows.append((f"scifact-{record['id']}-{doc_id}", title, " ".join(abstract[i] for i in picked), record["claim"],
                         sets[0]["label"]))
    return rows


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
    """Dense and lexical passage scores and document coverage per claim, computed once."""
    vectors = embedder.encode([c for c, _ in claims])
    scores, rows = index.store.search(vectors, DEPTH)
    out = []
    for i, (claim, _) in enumerate(claims):
        dense = {int(r): float(s) for r, s in zip(rows[i], scores[i]) if r >= 0}
        dense, lexical = complete_scores(dense, index.lexical.scores(claim), DEPTH, index.store, vectors[i])
        rows_found = sorted(dense.keys() | lexical.keys())
        out.append((dense, lexical, document_coverage(index.lexical.term_rows(claim), index.passage_documents, rows_found)))
    return out


def hits(rankings: list[list[str]], claims) -> dict[int, np.ndarray]:
    return {k: np.array([bool(set(r[:k]) & gold) for r, (_, gold) in zip(rankings, claims)]) for k in KS}


def recall_curve(rankings: list[list[str]], claims, top: int = 10) -> list[float]:
    """Recall@k for k = 1 … top (for the figure; the table's KS are points of it)."""
    return [float(np.mean([bool(set(r[:k]) & gold) for r, (_, gold) in zip(rankings, claims)])) for k in range(1, top + 1)]


def recall(rankings: list[list[str]], claims) -> dict[int, float]:
    return {k: float(found.mean()) for k, found in hits(rankings, claims).items()}


def interval(found: np.ndarray, resamples: int = 2000) -> tuple[float, float]:
    """95 % bootstrap interval of a recall: how much of a difference the claim sample can tell apart."""
    rng = np.random.default_rng(0)
    means = rng.choice(found, size=(resamples, len(found))).mean(axis=1)
    return float(np.quantile(means, 0.025)), float(np.quantile(means, 0.975))


def rankings(cands, passage_docs, fuse) -> list[list[str]]:
    """Abstracts best first, per claim, under one way of fusing its candidates' scores."""
    return [doc_ranking(fuse(d, lx, cov), passage_docs) for d, lx, cov in cands]


def evaluate(cands, claims, passage_docs, fuse) -> dict[int, float]:
    return recall(rankings(cands, passage_docs, fuse), claims)


def methods(settings: Settings, weight: float, topic: float):
    return {
        "dense (MiniLM)": lambda d, lx, cov: d,
        "lexical (BM25)": lambda d, lx, cov: lx,
        f"hybrid rrf (k={settings.rrf_k})": Fusion(FusionMode.RRF, weight, settings.rrf_k),
        f"hybrid convex (w={weight:.2f})": Fusion(FusionMode.CONVEX, weight, settings.rrf_k),
        f"hybrid convex + document coverage (w={weight:.2f}, topic={topic:.2f})": convex(weight, topic),
    }


def convex(weight: float, topic: float = 0.0) -> Fusion:
    return Fusion(FusionMode.CONVEX, weight, Settings().rrf_k, topic)


def choose(cands, claims, passage_docs, grid):
    """The (dense weight, topic weight) pair of `grid` with the best recall@1+@3+@10 on `cands`."""
    return max(grid, key=lambda wt: sum(evaluate(cands, claims, passage_docs, convex(*wt)).values()))


def cross_validate(cands, claims, passage_docs, weights, topics, folds: int = 5) -> dict[str, np.ndarray]:
    """Recall@1/3/10 over train+dev pooled, each fold's weights chosen on the other folds (three ways)."""
    memo: dict[tuple[float, float], np.ndarray] = {}

    def found(wt: tuple[float, float]) -> np.ndarray:
        if wt not in memo:
            memo[wt] = np.column_stack(list(hits(rankings(cands, passage_docs, convex(*wt)), claims).values()))
        return memo[wt]

    order = np.random.default_rng(0).permutation(len(claims))
    totals = {"no topic bonus": np.zeros(3), "one at a time (shipped)": np.zeros(3), "both together": np.zeros(3)}
    for held in np.array_split(order, folds):
        rest = np.setdiff1d(order, held)
        dense = max(weights, key=lambda w: found((w, 0.0))[rest].sum())
        topic = max(topics, key=lambda t: found((dense, t))[rest].sum())
        joint = max(((w, t) for w in weights for t in topics), key=lambda wt: found(wt)[rest].sum())
        for name, wt in zip(totals, ((dense, 0.0), (dense, topic), joint)):
            totals[name] += found(wt)[held].sum(axis=0)
    return {name: total / len(claims) for name, total in totals.items()}


def open_scifact_index(args, settings: Settings, embedder):
    corpus = write_corpus(args.data, args.out)
    index_dir = args.out / f"index-scifact-p{settings.passage_sentences}{'' if settings.passage_titles else '-notitle'}"
    started = time.perf_counter()
    build = build_index(corpus, index_dir, settings, embedder)
    print(f"index: {build.manifest.documents} abstracts, {build.manifest.passages} passages "
          f"({settings.passage_sentences} sentences each{', after the title' if settings.passage_titles else ''}), "
          f"{time.perf_counter() - started:.0f} s "
          f"({'built' if build.changed else 'reused'})")
    return open_index(index_dir)


def choose_on_train(train_cands, train, passage_docs, settings: Settings) -> tuple[float, float]:
    """One at a time, both on claims_train: the dense weight without the topic bonus, then the bonus's weight."""
    tuned, _ = choose(train_cands, train, passage_docs, [(w, 0.0) for w in WEIGHTS])
    _, topic = choose(train_cands, train, passage_docs, [(tuned, t) for t in TOPICS])
    r = evaluate(train_cands, train, passage_docs, convex(tuned, topic))
    print(f"chosen on claims_train ({len(train)} claims): convex weight {tuned:.2f}, then topic weight {topic:.2f} "
          f"(defaults in Settings: {settings.dense_weight}, {settings.topic_weight}); "
          f"train recall@1/3/10 {r[1]:.3f} / {r[3]:.3f} / {r[10]:.3f}")
    return tuned, topic


def report_dev(dev_cands, dev, passage_docs, settings: Settings, tuned: float, topic: float, abstracts: int) -> None:
    print(f"\nSciFact claims_dev with evidence: {len(dev)} claims, {abstracts} abstracts\n")
    print("| method | recall@1 | recall@3 | recall@10 |\n|---|---:|---:|---:|")
    for name, fuse in methods(settings, tuned, topic).items():
        r = evaluate(dev_cands, dev, passage_docs, fuse)
        print(f"| {name} | {r[1]:.3f} | {r[3]:.3f} | {r[10]:.3f} |")
    found = hits(rankings(dev_cands, passage_docs, convex(tuned, topic)), dev)
    spans = ", ".join(f"@{k} {lo:.3f}-{hi:.3f}" for k, (lo, hi) in ((k, interval(found[k])) for k in KS))
    print(f"\n95 % bootstrap intervals of the last row over the {len(dev)} claims: {spans} "
          f"(one claim is {1 / len(dev):.3f})")


def report_other_choices(cands, claims, passage_docs, pooled: bool) -> None:
    """Said because the two weights are close calls on train: choosing them together picks another pair."""
    (train_cands, dev_cands), (train, dev) = cands, claims
    joint = choose(train_cands, train, passage_docs, [(w, t) for w in WEIGHTS for t in TOPICS])
    r = evaluate(dev_cands, dev, passage_docs, convex(*joint))
    print(f"both weights chosen together on claims_train instead: {joint[0]:.2f}, {joint[1]:.2f}; "
          f"dev recall@1/3/10 {r[1]:.3f} / {r[3]:.3f} / {r[10]:.3f}")
    if pooled:
        print(f"\n5-fold cross-validation over train+dev ({len(train) + len(dev)} claims), weights chosen per fold:")
        for name, r in cross_validate(train_cands + dev_cands, train + dev, passage_docs, WEIGHTS, TOPICS).items():
            print(f"  {name}: recall@1/3/10 {r[0]:.3f} / {r[1]:.3f} / {r[2]:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "scifact")
    parser.add_argument("--out", type=Path, default=ROOT / "eval" / "out")
    parser.add_argument("--passage-sentences", type=int, default=Settings().passage_sentences)
    parser.add_argument("--cross-validate", action="store_true", help="also 5-fold cross-validate the weight choice over train+dev")
    parser.add_argument("--no-titles", action="store_true", help="index passages without their document title")
    parser.add_argument("--figure", type=Path, help="draw dev recall@k, k = 1 … 10, per method to this PNG")
    args = parser.parse_args()
    if not (args.data / "corpus.jsonl").is_file():
        print(f"SciFact not found at {args.data}; pass --data", file=sys.stderr)
        return 2
    settings = Settings(passage_sentences=args.passage_sentences, passage_titles=not args.no_titles, show_progress=True)
    embedder = make_embedder(settings)
    index = open_scifact_index(args, settings, embedder)
    passage_docs = [p.document_id for p in index.passages]
    train, dev = load_claims(args.data / "claims_train.jsonl"), load_claims(args.data / "claims_dev.jsonl")
    train_cands, dev_cands = candidates(index, embedder, train), candidates(index, embedder, dev)
    tuned, topic = choose_on_train(train_cands, train, passage_docs, settings)
    report_dev(dev_cands, dev, passage_docs, settings, tuned, topic, index.manifest.documents)
    report_other_choices((train_cands, dev_cands), (train, dev), passage_docs, args.cross_validate)
    if args.figure:
        from figures import recall_figure

        curves = {name: recall_curve(rankings(dev_cands, passage_docs, fuse), dev) for name, fuse in methods(settings, tuned, topic).items()}
        print(f"\nfigure: {recall_figure(curves, len(dev), args.figure)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
