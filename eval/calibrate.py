"""Fit the confidence calibration on the perturbation benchmark and measure it on held-out facts.

    python eval/calibrate.py [--folds 5] [--write] [--figure docs/img/calibration.png]

Runs every case of eval/verdicts_perturbation.py, keeps the deciding claim's verdict, kind and raw
strength, and whether the verdict was right. Cross-validated by fact (every restatement and
mutation of one fact falls in the same fold), it fits isotonic step tables on the other folds and
scores the held-out fold: expected calibration error of the raw strength and of the calibrated
confidence, with reliability tables (--figure draws them). --write fits on all cases and writes
verify/judge/calibration.json, the table `verify check` uses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from verdicts_perturbation import decide_all, load_facts, reliability  # noqa: E402
from verify.judge.calibration import TABLE_FILE, calibrate, expected_calibration_error, fit_tables  # noqa: E402

Row = tuple[str, str, float, bool, str]  # verdict, claim kind, strength, right, fact


def held_out(rows: list[Row], folds: int) -> list[tuple[float, bool]]:
    """Calibrated confidence of each case from tables fitted without its fact."""
    fold_of = {row: zlib.crc32(row[4].encode()) % folds for row in rows}
    pairs = []
    for k in range(folds):
        tables = fit_tables([row[:4] for row in rows if fold_of[row] != k])
        pairs += [(calibrate(row[0], row[1], row[2], tables), row[3]) for row in rows if fold_of[row] == k]
    return pairs


def write_tables(rows: list[Row], ece: float) -> Path:
    path = ROOT / "verify" / "judge" / TABLE_FILE
    document = {
        "fitted_on": "eval/verdicts_perturbation.py cases (corpora/sample)",
        "fitted": dt.date.today().isoformat(),
        "cases": len(rows),
        "held_out_ece": round(ece, 4),
        "tables": fit_tables([row[:4] for row in rows]),
    }
    tables = ",\n".join(f"  {json.dumps(key)}: {json.dumps(steps)}" for key, steps in document.pop("tables").items())
    text = json.dumps(document, indent=1)[:-2] + ',\n "tables": {\n' + tables + "\n }\n}"  # a line per table: easy to diff
    path.write_text(text + "\n", encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="write verify/judge/calibration.json fitted on all cases")
    parser.add_argument("--figure", type=Path, help="draw the reliability diagram (raw and held-out calibrated) to this PNG")
    args = parser.parse_args()
    scored = decide_all(load_facts())
    rows = [(d.verdict.value, d.claim_kind, d.strength, case.expected is d.verdict, case.group or case.text) for case, d in scored]
    raw = [(s, right) for _, _, s, right, _ in rows]
    calibrated = held_out(rows, args.folds)
    facts = len({row[4] for row in rows})
    print(f"{len(rows)} cases from {facts} facts, {args.folds}-fold cross-validation by fact; "
          f"accuracy {sum(r for _, r in raw) / len(raw):.3f}")
    reliability(raw, "Raw strength as confidence")
    reliability(calibrated, "Calibrated confidence, held-out folds")
    ece = expected_calibration_error(calibrated)
    if args.figure:
        from figures import reliability_figure

        curves = {"raw strength": (raw, expected_calibration_error(raw)), "calibrated, held out": (calibrated, ece)}
        print(f"\nfigure: {reliability_figure(curves, args.figure)}")
    if args.write:
        print(f"\nwrote {write_tables(rows, ece).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
