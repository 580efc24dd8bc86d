"""End-to-end verdicts on a corpus and article written blind: eval/data/blind (see its README).

    python eval/verdicts_blind.py

Indexes eval/data/blind/reference with the real model, checks eval/data/blind/article.md, and
prints each expected verdict beside the one given, then how many agree and how many claims were
called conflicting that the expectations say are not (false conflicts: the costly error).
"""

from __future__ import annotations

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


def checked(settings: Settings | None = None, embedder: Embedder | None = None) -> Report:
    settings = settings or Settings()
    embedder = embedder or make_embedder(settings)
    article = read_article(str(DATA / "article.md"), 10_000_000, 10.0)
    with tempfile.TemporaryDirectory() as tmp:
        build_index(DATA / "reference", Path(tmp) / "ix", settings, embedder)
        return Checker(Path(tmp) / "ix", settings, embedder).check(article)


def compare(report: Report, expected: list[dict]) -> list[tuple[dict, str, str]]:
    """(expectation, verdict given, claim id) for each expectation, in the article's order."""
    rows = []
    for item in expected:
        claim = next((c for c in report.claims if c.kind.value == item["kind"] and item["at"] in c.text), None)
        rows.append((item, claim.verdict.value if claim else "(no such claim)", claim.id if claim else "-"))
    return rows


def expected() -> list[dict]:
    return yaml.safe_load((DATA / "expected.yaml").read_text(encoding="utf-8"))


def wanted(item: dict) -> list[str]:
    return item["verdict"] if isinstance(item["verdict"], list) else [item["verdict"]]


def main() -> int:
    rows = compare(checked(), expected())
    print("| claim | kind | expected | given |\n|---|---|---|---|")
    agree = false_conflicts = 0
    for item, given, claim_id in rows:
        agree += given in wanted(item)
        false_conflicts += given == "conflicting" and "conflicting" not in wanted(item)
        mark = "" if given in wanted(item) else " ✗"
        print(f"| {claim_id} {item['at']} | {item['kind']} | {' or '.join(wanted(item))} | {given}{mark} |")
    print(f"\n{agree} of {len(rows)} as expected; false conflicts: {false_conflicts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
