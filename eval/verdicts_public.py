"""Verdicts on public data: FEVER-Symmetric dev and SciFact dev, accuracy per label.

    python eval/verdicts_public.py [--data ../shared/data] [--only fever|scifact|scifact-rationales] [--no-entailment]

FEVER-Symmetric: every evidence sentence (detokenised) is a document of one corpus; each claim
is checked as a one-sentence article against its paired sentence (a source filter), which the
symmetric set pairs with near-duplicate claims of the opposite label. Gold SUPPORTS should come out supported,
REFUTES conflicting. SciFact: the 5,183 abstracts indexed as in eval/retrieval_scifact.py;
dev claims with SUPPORT evidence should be supported, CONTRADICT conflicting, and claims
without evidence unverified. SciFact rationales: each dev claim with evidence against only its
gold rationale sentences (one small document per claim and abstract, a source filter), which
takes retrieval out of the question. The bar that matters most is supported precision: the share of
"supported" verdicts that are right.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verify.config import Settings  # noqa: E402
from verify.indexing import build_index  # noqa: E402
from verify.judge.calibration import expected_calibration_error  # noqa: E402
from verify.models import Article, Filters, Verdict  # noqa: E402
from verify.pipeline import Checker, make_embedder  # noqa: E402
from verify.read import sha256_text  # noqa: E402


def detokenize(text: str) -> str:
    """FEVER's "word , word ." spacing back to prose; -LRB- and friends to brackets."""
    text = text.replace("-LRB-", "(").replace("-RRB-", ")").replace("-LSB-", "[").replace("-RSB-", "]")
    text = re.sub(r"\s+([,.;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[])\s+", r"\1", text)
    return re.sub(r"\s+('s|n't|'re|'ve|'ll|'d)\b", r"\1", text).replace("`` ", "\"").replace(" ''", "\"")


def verdict_of(checker: Checker, text: str, filters: Filters = Filters()) -> tuple[Verdict, float]:
    """The sentence's verdict and its confidence: conflicting if any of its claims conflicts; supported
    only when the sentence as a whole is (its statement claim, or every claim when it has no statement claim)."""
    claims = checker.check(Article(text=text, sha256=sha256_text(text)), filters).claims
    for verdict in (Verdict.CONFLICTING, Verdict.DISPUTED):
        if any(c.verdict is verdict for c in claims):
            return verdict, max(c.confidence for c in claims if c.verdict is verdict)
    whole = [c for c in claims if c.kind.value == "statement"] or claims
    if whole and all(c.verdict is Verdict.SUPPORTED for c in whole):
        return Verdict.SUPPORTED, min(c.confidence for c in whole)
    return Verdict.UNVERIFIED, max((c.confidence for c in claims if c.verdict is Verdict.UNVERIFIED), default=1.0)


def table(name: str, scored: list[tuple[Verdict, tuple[Verdict, float]]]) -> None:
    results = [(gold, verdict) for gold, (verdict, _) in scored]
    print(f"\n{name}: {len(results)} claims\n\n| gold | claims | " + " | ".join(v.value for v in Verdict) + " | accuracy |")
    print("|---|---:|" + "---:|" * len(Verdict) + "---:|")
    for gold in dict.fromkeys(g for g, _ in results):
        got = Counter(p for g, p in results if g is gold)
        n = sum(got.values())
        print(f"| {gold.value} | {n} | " + " | ".join(str(got[v]) for v in Verdict) + f" | {got[gold] / n:.3f} |")
    print()
    for label in (Verdict.SUPPORTED, Verdict.CONFLICTING):
        said = [g for g, p in results if p is label]
        right, gold = said.count(label), sum(1 for g, _ in results if g is label)
        print(f"{label.value}: recall {right}/{gold} = {right / max(1, gold):.3f}, precision {right}/{len(said)} = {right / max(1, len(said)):.3f}")
    # confidence was fitted on the sample corpus's perturbations: this is how it holds up elsewhere
    decided = [(confidence, gold is verdict) for gold, (verdict, confidence) in scored if verdict is not Verdict.UNVERIFIED]
    print(f"calibration of decided verdicts ({len(decided)}): expected calibration error {expected_calibration_error(decided):.3f}, "
          f"mean confidence {sum(c for c, _ in decided) / max(1, len(decided)):.3f}, "
          f"accuracy {sum(ok for _, ok in decided) / max(1, len(decided)):.3f}")


def fever(data: Path, settings: Settings, embedder) -> None:
    rows = [json.loads(line) for line in (data / "fever-symmetric" / "fever_symmetric_dev.jsonl").read_text().splitlines()]
    evidence = list(dict.fromkeys(detokenize(r["evidence"]) for r in rows))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        # each sentence its own source, so a claim is judged against its paired sentence only
        corpus.write_text("\n".join(json.dumps({"id": f"fever-{i}", "source": f"fever-{i}", "text": t}) for i, t in enumerate(evidence)) + "\n")
        source_of = {t: f"fever-{i}" for i, t in enumerate(evidence)}
        build_index(corpus, Path(tmp) / "ix", settings, embedder)
        checker = Checker(Path(tmp) / "ix", settings, embedder)
        gold = {"SUPPORTS": Verdict.SUPPORTED, "REFUTES": Verdict.CONFLICTING}
        results = [
            (gold[r["gold_label"]], verdict_of(checker, detokenize(r["claim"]), Filters(sources=(source_of[detokenize(r["evidence"])],))))
            for r in rows
        ]
    table("FEVER-Symmetric dev", results)


def scifact(data: Path, settings: Settings, embedder) -> None:
    from retrieval_scifact import write_corpus  # same corpus and index as the retrieval evaluation

    out = ROOT / "eval" / "out"
    corpus = write_corpus(data / "scifact", out)
    index = out / f"index-scifact-p{settings.passage_sentences}"
    build_index(corpus, index, settings.model_copy(update={"show_progress": True}), embedder)
    checker = Checker(index, settings, embedder)
    results = []
    for line in (data / "scifact" / "claims_dev.jsonl").read_text().splitlines():
        record = json.loads(line)
        labels = [e["label"] for sets in record["evidence"].values() for e in sets]
        gold = Verdict.UNVERIFIED if not labels else Verdict.SUPPORTED if labels[0] == "SUPPORT" else Verdict.CONFLICTING
        results.append((gold, verdict_of(checker, record["claim"])))
    table("SciFact dev", results)


def scifact_rationales(data: Path, settings: Settings, embedder) -> None:
    """Each SciFact dev claim with evidence against its gold rationale sentences only (the retrieval
    question taken away, as for FEVER-Symmetric): does the judge read what the rationale says?"""
    from retrieval_scifact import rationales

    rows = rationales(data / "scifact")
    gold = {"SUPPORT": Verdict.SUPPORTED, "CONTRADICT": Verdict.CONFLICTING}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("\n".join(json.dumps({"id": source, "source": source, "title": title, "text": text})
                                    for source, title, text, _, _ in rows) + "\n")
        build_index(corpus, Path(tmp) / "ix", settings, embedder)
        checker = Checker(Path(tmp) / "ix", settings, embedder)
        results = [(gold[label], verdict_of(checker, claim, Filters(sources=(source,)))) for source, _, _, claim, label in rows]
    table("SciFact dev, each claim against its gold rationales", results)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--only", choices=["fever", "scifact", "scifact-rationales"])
    parser.add_argument("--no-entailment", action="store_true", help="judge by the typed checks alone")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"public data not found at {args.data}; pass --data", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "eval"))
    settings = Settings(entailment_model="none") if args.no_entailment else Settings()
    print(f"entailment model: {settings.entailment_model}")
    embedder = make_embedder(settings)
    if args.only in (None, "fever"):
        fever(args.data, settings, embedder)
    if args.only in (None, "scifact-rationales"):
        scifact_rationales(args.data, settings, embedder)
    if args.only in (None, "scifact"):
        scifact(args.data, settings, embedder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
