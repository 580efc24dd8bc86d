"""Figures restated in other outlets' words: eval/data/restatements/ (see its README).

    python eval/verdicts_restatements.py

Each draft `<corpus>-<name>.md` is checked against the reference corpus its name starts with; each
corpus is indexed once, with the real model. Its `<corpus>-<name>.yaml` says which claim (`at`) should
get which verdict, and how the figure is written (`shape`). Prints, per shape, the share of consistent
restatements found supported and the share of changed figures (or changed currencies) found
conflicting, then every miss; then every claim of a consistent draft (one that restates without
changing) called conflicting or disputed, whether or not its key names it: a spelling should flip
no verdict.
"""

from __future__ import annotations

import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verify.config import Settings  # noqa: E402
from verify.models import Report  # noqa: E402
from verify.pipeline import Checker, build_index, make_embedder  # noqa: E402
from verify.read import read_article  # noqa: E402

DATA = ROOT / "eval" / "data" / "restatements"
BLIND = ROOT / "eval" / "data" / "blind"
CORPORA = {
    "sample": ROOT / "corpora" / "sample" / "reference",
    "drought": BLIND / "1-drought" / "reference",
    "buses": BLIND / "2-buses" / "reference",
    "waiting": BLIND / "3-waiting-list" / "reference",
    "ferries": BLIND / "4-ferries" / "reference",
    "football": BLIND / "5-football" / "reference",
    "flu": BLIND / "6-flu" / "reference",
}
# Shapes that say how a figure was altered, as opposed to how it is written.
ALTERATIONS = ("changed", "currency")
VERDICTS = ("supported", "conflicting", "disputed", "unverified")
INSIDE_AT = "(inside at)"  # marks a verdict given by a claim inside `at` (see `given`)
WRITTEN = ("unit", "money", "words", "counted-verb", "reported", "ordering", "approx")


def drafts(corpus: str) -> list[Path]:
    return sorted(p for p in DATA.glob(f"{corpus}-*.md") if p.with_suffix(".yaml").is_file())


def expected(draft: Path) -> list[dict]:
    return yaml.safe_load(draft.with_suffix(".yaml").read_text(encoding="utf-8"))


def given(report: Report, item: dict) -> str:
    """The verdict of the claim `at` picks; when no claim of that kind holds it, say which kind does.

    A claim of the kind whose text lies inside `at`, in the sentence `at` is in, is picked when none holds `at`:
    a figure's claim spans the figure and its noun ("seven months", "53 routes"), `at` often the words around it
    ("for seven months", "with 53 routes"). Such rows are marked (`inside_at`) and counted apart."""
    same_kind = [c for c in report.claims if c.kind.value == item["kind"] and item["at"] in c.text]
    if same_kind:
        return same_kind[0].verdict.value
    inside = [c for c in report.claims if c.kind.value == item["kind"] and c.text.strip() in item["at"] and item["at"] in c.sentence]
    if inside:
        return f"{inside[0].verdict.value} {INSIDE_AT}"
    other = next((c for c in report.claims if item["at"] in c.text), None)
    return f"(no {item['kind']} claim; {other.kind.value}: {other.verdict.value})" if other else "(no claim)"


def group(item: dict) -> str:
    return next((a for a in ALTERATIONS if a in item["shape"]), "consistent")


def flagged(report: Report, draft: Path) -> list[str]:
    """Claims of a consistent draft called conflicting or disputed: it restates the corpus, so none should be."""
    if draft.stem.endswith("-changed"):
        return []
    return [f"{draft.name}: {c.kind.value} \"{c.text[:70]}\" {c.verdict.value}"
            for c in report.claims if c.verdict.value in ("conflicting", "disputed")]


def checked_corpus(corpus: str, settings: Settings, embedder, flags: list[str]) -> list[dict]:
    """One row per expectation of every draft of this corpus: the item, its draft and the verdict given.
    Claims of consistent drafts called conflicting or disputed are added to `flags`."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        build_index(CORPORA[corpus], Path(tmp) / "ix", settings, embedder)
        checker = Checker(Path(tmp) / "ix", settings, embedder)
        for draft in drafts(corpus):
            report = checker.check(read_article(str(draft), 10_000_000, 10.0))
            flags.extend(flagged(report, draft))
            for item in expected(draft):
                verdict = given(report, item)
                rows.append({**item, "draft": draft.name, "given": verdict.removesuffix(f" {INSIDE_AT}"),
                             "inside_at": verdict.endswith(INSIDE_AT)})
    return rows


def rate(rows: list[dict]) -> str:
    hits = sum(r["given"] == r["verdict"] for r in rows)
    return f"{hits}/{len(rows)} = {hits / len(rows):.2f}" if rows else "-"


def print_table(rows: list[dict]) -> None:
    by_shape: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        for shape in [s for s in row["shape"] if s in WRITTEN] or ["plain"]:
            by_shape[shape][group(row)].append(row)
        by_shape["all"][group(row)].append(row)
        # as first run: only a claim holding `at` counts
        by_shape["all, strict"][group(row)].append({**row, "given": "(no claim)"} if row["inside_at"] else row)
    print("| shape | consistent: supported | changed figure: conflicting | changed currency: conflicting |")
    print("|---|---|---|---|")
    for shape in [*WRITTEN, "plain", "all", "all, strict"]:
        if shape in by_shape:
            cells = [rate(by_shape[shape][g]) for g in ("consistent", "changed", "currency")]
            print(f"| {shape} | {' | '.join(cells)} |")


def print_misses(rows: list[dict]) -> None:
    misses = [r for r in rows if r["given"] != r["verdict"]]
    print(f"\n## Misses ({len(misses)})\n")
    for r in misses:
        inside = " (by a claim inside `at`)" if r["inside_at"] else ""
        print(f"- {r['draft']}: \"{r['at']}\" [{', '.join(r['shape'])}] expected {r['verdict']}, given {r['given']}{inside}")
    wrong = defaultdict(int)
    for r in misses:
        wrong[f"{group(r)} → {r['given'] if r['given'] in VERDICTS else 'no claim of the kind'}"] += 1
    print("\nMisses by what was given: " + "; ".join(f"{k}: {v}" for k, v in sorted(wrong.items())))



def main() -> int:
    settings = Settings()
    embedder = make_embedder(settings)
    flags: list[str] = []
    rows = [row for corpus in CORPORA for row in checked_corpus(corpus, settings, embedder, flags)]
    facts = {r["fact"] for r in rows}
    print(f"# Restatements: {len(facts)} facts, {len(rows)} sentences in {len({r['draft'] for r in rows})} drafts\n")
    print_table(rows)
    print_misses(rows)
    inside = [r for r in rows if r["inside_at"]]
    print(f"\nVerdicts given by a claim inside `at` (none holds it): {len(inside)}, of them as expected: "
          f"{sum(r['given'] == r['verdict'] for r in inside)} (consistent {sum(group(r) == 'consistent' for r in inside)})")
    false_conflicts = sum(group(r) == "consistent" and r["given"] == "conflicting" for r in rows)
    print(f"\nConsistent restatements called conflicting (false conflicts): {false_conflicts}")
    print(f"\nAny claim of a consistent draft called conflicting or disputed: {len(flags)}")
    for line in flags:
        print(f"- {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
