"""Evidence strength -> confidence: the share of such verdicts that were right when last measured.

The judges rate how strongly their evidence speaks (`strength`, a heuristic in 0..1). Confidence is
that strength mapped through a monotone step table per verdict and claim kind, fitted by isotonic
regression on the perturbation benchmark (eval/calibrate.py writes calibration.json and prints the
held-out calibration error). A verdict with no table of its own falls back to its verdict's table,
then to the raw strength.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import files

TABLE_FILE = "calibration.json"
MIN_CASES = 15  # a table fitted on fewer cases says more about the cases than about the judge


@lru_cache(maxsize=1)
def load_tables() -> dict[str, list[tuple[float, float]]]:
    resource = files("verify.judge") / TABLE_FILE
    if not resource.is_file():
        return {}
    data = json.loads(resource.read_text(encoding="utf-8"))
    return {key: [(float(upto), float(p)) for upto, p in steps] for key, steps in data["tables"].items()}


def calibrate(verdict: str, kind: str, strength: float, tables: dict[str, list[tuple[float, float]]] | None = None) -> float:
    """The confidence to report for a verdict of this kind reached with this strength."""
    tables = load_tables() if tables is None else tables
    steps = tables.get(f"{verdict}/{kind}") or tables.get(verdict)
    if not steps:
        return strength
    for upto, probability in steps:
        if strength <= upto:
            return probability
    return steps[-1][1]


def fit_steps(pairs: Sequence[tuple[float, bool]]) -> list[tuple[float, float]]:
    """Isotonic (pool-adjacent-violators) fit of rightness on strength; each step is (upper strength, p).

    Each block's rate is smoothed toward even odds by one case each way (Laplace), so a step
    fitted on a handful of right answers never claims certainty.
    """
    tied: dict[float, list[float]] = {}  # strength -> [right, cases]: ties form one block before pooling
    for strength, right in pairs:
        counts = tied.setdefault(strength, [0.0, 0.0])
        counts[0] += right
        counts[1] += 1
    blocks: list[list[float]] = []  # [upper strength, right, cases]
    for strength in sorted(tied):
        blocks.append([strength, *tied[strength]])
        while len(blocks) > 1 and rate(blocks[-2]) >= rate(blocks[-1]):
            upper, right, cases = blocks.pop()
            blocks[-1] = [upper, blocks[-1][1] + right, blocks[-1][2] + cases]
    return [(round(block[0], 4), round(rate(block), 3)) for block in blocks]


def rate(block: list[float]) -> float:
    """The block's smoothed rate: pooling on it keeps the reported steps monotone."""
    return (block[1] + 1) / (block[2] + 2)


def fit_tables(cases: Sequence[tuple[str, str, float, bool]]) -> dict[str, list[tuple[float, float]]]:
    """Tables per verdict and per verdict/kind from (verdict, kind, strength, right) cases."""
    groups: dict[str, list[tuple[float, bool]]] = {}
    for verdict, kind, strength, right in cases:
        groups.setdefault(verdict, []).append((strength, right))
        groups.setdefault(f"{verdict}/{kind}", []).append((strength, right))
    return {key: fit_steps(pairs) for key, pairs in sorted(groups.items()) if len(pairs) >= MIN_CASES}


def expected_calibration_error(pairs: Sequence[tuple[float, bool]], bins: int = 10) -> float:
    """Mean |accuracy - confidence| over equal-width confidence bins, weighted by cases."""
    if not pairs:
        return 0.0
    total = 0.0
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        inside = [(c, ok) for c, ok in pairs if low <= c < high or (b == bins - 1 and c == 1.0)]
        if inside:
            accuracy = sum(ok for _, ok in inside) / len(inside)
            mean = sum(c for c, _ in inside) / len(inside)
            total += len(inside) * abs(accuracy - mean)
    return total / len(pairs)
