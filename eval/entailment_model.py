"""The entailment model on its own: FEVER-Symmetric dev, SciFact dev rationales and the held-out FEVER slice.

    python eval/entailment_model.py [--data ../shared/data] [--model verify-nli|PATH] [--held-out]

FEVER-Symmetric dev (708 claim / sentence pairs, never trained on): each claim against its paired
sentence. A pair is called "supports" when P(entailment) reaches the threshold, "refutes" when
P(contradiction) does, else "neither"; per-label recall and precision are printed for several
thresholds (the judges use 0.9 by default). SciFact dev (biomedical, out of the training domain):
each claim with evidence against its gold rationale sentences. --held-out also scores the FEVER 1.0 train claims the
training script kept out (sha256(id) % 40 == 0), which takes a few minutes to rebuild.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from entailment_data import detokenise  # noqa: E402

from verify.judge.entail import SHIPPED, make_entailment  # noqa: E402

THRESHOLDS = (0.5, 0.7, 0.8, 0.9)


def called(probs: dict[str, float], threshold: float) -> str:
    if probs["entailment"] >= threshold and probs["entailment"] >= probs["contradiction"]:
        return "supports"
    if probs["contradiction"] >= threshold:
        return "refutes"
    return "neither"


def table(name: str, gold: list[str], probs: list[dict[str, float]]) -> None:
    print(f"\n{name}: {len(gold)} pairs\n")
    print("| threshold | supports recall | supports precision | refutes recall | refutes precision | neither called |")
    print("|---:|---:|---:|---:|---:|---:|")
    for threshold in THRESHOLDS:
        said = [called(p, threshold) for p in probs]
        cells = []
        for label in ("supports", "refutes"):
            hits = sum(1 for g, s in zip(gold, said) if g == s == label)
            cells += [f"{hits}/{gold.count(label)} = {hits / max(1, gold.count(label)):.3f}",
                      f"{hits}/{said.count(label)} = {hits / max(1, said.count(label)):.3f}"]
        print(f"| {threshold} | " + " | ".join(cells) + f" | {said.count('neither')} |")


def fever_symmetric(data: Path, backend) -> None:
    rows = [json.loads(line) for line in (data / "fever-symmetric" / "fever_symmetric_dev.jsonl").read_text().splitlines()]
    pairs = [(detokenise(r["evidence"]), detokenise(r["claim"])) for r in rows]
    started = time.perf_counter()
    probs = backend.scores(pairs)
    seconds = time.perf_counter() - started
    gold = ["supports" if r["gold_label"] == "SUPPORTS" else "refutes" for r in rows]
    table("FEVER-Symmetric dev (claim against its paired sentence)", gold, probs)
    print(f"\n{len(pairs)} pairs in {seconds:.1f} s: {len(pairs) / seconds:.0f} pairs/s (including the model's load)")


def scifact_rationales(data: Path, backend) -> None:
    """SciFact dev claims against their gold rationale sentences: out of the training domain (biomedical)."""
    from retrieval_scifact import rationales

    rows = rationales(data / "scifact")
    probs = backend.scores([(text, claim) for _, _, text, claim, _ in rows])
    gold = ["supports" if label == "SUPPORT" else "refutes" for *_, label in rows]
    table("SciFact dev (claim against its gold rationale sentences)", gold, probs)


def held_out(data: Path, backend) -> None:
    from entailment_data import LABEL_NAMES, training_pairs

    manifest = json.loads((ROOT / "verify" / "judge" / "entailment_model" / "manifest.json").read_text())
    _, test = training_pairs(data / "nli", manifest["seed"], 10, 10)
    probs = backend.scores([(p.premise, p.hypothesis) for p in test])
    gold = [LABEL_NAMES[p.label] for p in test]
    best = [max(("supports", "refutes", "neither"), key=lambda k: p[{"supports": "entailment", "refutes": "contradiction",
                                                                        "neither": "neutral"}[k]]) for p in probs]
    accuracy = sum(g == b for g, b in zip(gold, best)) / len(gold)
    print(f"\nheld-out FEVER slice: {len(gold)} pairs, three-way accuracy (argmax) {accuracy:.3f}")
    table("held-out FEVER slice (supports / refutes / neither)", gold, probs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--model", default=SHIPPED, help="verify-nli (shipped), an artifact folder, or a cross-encoder")
    parser.add_argument("--held-out", action="store_true", help="also score the held-out FEVER slice (rebuilds it: minutes)")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"public data not found at {args.data}; pass --data", file=sys.stderr)
        return 2
    backend = make_entailment(args.model)
    fever_symmetric(args.data, backend)
    scifact_rationales(args.data, backend)
    if args.held_out:
        held_out(args.data, backend)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
