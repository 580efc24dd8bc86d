"""End-to-end verdicts on corpora and articles written blind: eval/data/blind/*/ (see its README).

    python eval/verdicts_blind.py [SET ...] [--no-entailment]

For each set, indexes its reference/ folder with the real model, checks its article.md, and prints
each expected verdict (expected.yaml) beside the one given; then how many agree and how many claims
were called conflicting that the expectations say are not (false conflicts: the costly error).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verify.config import Settings  # noqa: E402
from verify.embed import Embedder  # noqa: E402
from verify.models import Report  # noqa: E402
from verify.pipeline import Checker, build_index, make_embedder  # noqa: E402
from verify.read import read_article  # noqa: E402

DATA = ROOT / "eval" / "data" / "blind"


def sets() -> list[Path]:
    return sorted(p for p in DATA.iterdir() if (p / "expected.yaml").is_file())


def checked(folder: Path, settings: Settings | None = None, embedder: Embedder | None = None) -> Report:
    settings = settings or Settings()
    embedder = embedder or make_embedder(settings)
    article = read_article(str(folder / "article.md"), 10_000_000, 10.0)
    with tempfile.TemporaryDirectory() as tmp:
        build_index(folder / "reference", Path(tmp) / "ix", settings, embedder)
        return Checker(Path(tmp) / "ix", settings, embedder).check(article)


def expected(folder: Path) -> list[dict]:
    return yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))


def wanted(item: dict) -> list[str]:
    return item["verdict"] if isinstance(item["verdict"], list) else [item["verdict"]]


def compare(report: Report, items: list[dict]) -> list[tuple[dict, str, str]]:
    """(expectation, verdict given, claim id) for each expectation."""
    rows = []
    for item in items:
        # the draft may be wrapped at a fixed width: a line break in a claim is a space
        at = " ".join(item["at"].split())
        claim = next((c for c in report.claims if c.kind.value == item["kind"] and at in " ".join(c.text.split())), None)
        rows.append((item, claim.verdict.value if claim else "(no such claim)", claim.id if claim else "-"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="sets to run (folder names; default: all)")
    parser.add_argument("--no-entailment", action="store_true", help="judge by the typed checks alone")
    args = parser.parse_args(argv)
    settings = Settings(entailment_model="none") if args.no_entailment else Settings()
    print(f"entailment model: {settings.entailment_model}")
    embedder = make_embedder(settings)
    agree = false_conflicts = false_supports = total = 0
    for folder in [f for f in sets() if not args.names or f.name in args.names]:
        rows = compare(checked(folder, settings, embedder), expected(folder))
        print(f"\n## {folder.name}\n\n| claim | kind | expected | given |\n|---|---|---|---|")
        for item, given, claim_id in rows:
            agree += given in wanted(item)
            false_conflicts += given == "conflicting" and "conflicting" not in wanted(item)
            false_supports += given == "supported" and "supported" not in wanted(item)
            mark = "" if given in wanted(item) else " ✗"
            print(f"| {claim_id} {item['at']} | {item['kind']} | {' or '.join(wanted(item))} | {given}{mark} |")
        total += len(rows)
    print(f"\n{agree} of {total} as expected; false conflicts: {false_conflicts}; false supports: {false_supports}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
