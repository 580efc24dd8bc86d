"""Figures the evaluation and benchmark scripts draw for docs/ (matplotlib, PNG, no display needed).

Each function takes the numbers its script has just printed and draws them; nothing here computes
a figure of its own. matplotlib is a dev dependency (pip install -e '.[dev]').
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path


def pyplot():  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg")  # files only: no display on servers and in CI
    import matplotlib.pyplot as plt

    plt.rcParams.update({"figure.dpi": 110, "font.size": 10, "axes.spines.top": False, "axes.spines.right": False})
    return plt


def save(fig, path: Path) -> Path:  # type: ignore[no-untyped-def]
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    # no timestamp in the file, so an unchanged figure is an unchanged file
    fig.savefig(path, format="png", metadata={"Software": None})
    pyplot().close(fig)
    return path


def bins_of(pairs: Sequence[tuple[float, bool]], bins: int = 10) -> list[tuple[float, float, int]]:
    """(mean confidence, share right, verdicts) per equal-width confidence bin that holds any."""
    found = []
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        inside = [(c, ok) for c, ok in pairs if low <= c < high or (b == bins - 1 and c == 1.0)]
        if inside:
            found.append((sum(c for c, _ in inside) / len(inside), sum(ok for _, ok in inside) / len(inside), len(inside)))
    return found


def reliability_figure(curves: Mapping[str, tuple[Sequence[tuple[float, bool]], float]], path: Path) -> Path:
    """A reliability diagram: share of verdicts right against stated confidence, one line per curve.

    `curves` maps a label to (confidence, right) pairs and their expected calibration error.
    """
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(5.2, 4.4))
    ax.plot([0, 1], [0, 1], color="#999", linestyle="--", linewidth=1, label="perfectly calibrated")
    for (label, (pairs, ece)), marker in zip(curves.items(), "os^"):
        points = bins_of(pairs)
        ax.plot([p[0] for p in points], [p[1] for p in points], marker=marker, label=f"{label} (ECE {ece:.3f})")
        for x, y, n in points:
            ax.annotate(str(n), (x, y), textcoords="offset points", xytext=(4, -11), fontsize=7, color="#555")
    ax.set(xlim=(0, 1.02), ylim=(0, 1.02), xlabel="stated confidence (mean of bin)", ylabel="share of verdicts right")
    ax.set_title("Confidence against being right (numbers: verdicts per bin)", fontsize=10)
    ax.legend(loc="lower right", fontsize=8, frameon=False)  # below the diagonal: where no bin of a useful table falls
    return save(fig, path)


def recall_figure(curves: Mapping[str, Sequence[float]], claims: int, path: Path) -> Path:
    """Recall@k for k = 1 … len(curve), one line per retrieval method."""
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    for label, recalls in curves.items():
        ks = list(range(1, len(recalls) + 1))
        ax.plot(ks, recalls, marker="o", markersize=3, label=label, linewidth=2.2 if "coverage" in label else 1.2)
    ax.set(xlabel="k (abstracts returned)", ylabel="recall@k", xticks=list(range(1, 11)))
    ax.set_title(f"SciFact dev: gold abstract in the top k ({claims} claims)", fontsize=10)
    ax.grid(axis="y", color="#eee")
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    return save(fig, path)


def latency_figure(rows: Sequence[tuple[int, float, float]], path: Path) -> Path:
    """Retrieval latency (p50 and p95, ms) against corpus size in passages, log scale."""
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(5.6, 3.8))
    sizes = [r[0] for r in rows]
    ax.plot(sizes, [r[1] for r in rows], marker="o", label="p50")
    ax.plot(sizes, [r[2] for r in rows], marker="s", label="p95")
    ax.set_xscale("log")
    ax.set(xlabel="passages in the index (log scale)", ylabel="ms per query, embedding included", ylim=(0, None))
    ax.set_title("Retrieval latency against corpus size (exact search)", fontsize=10)
    ax.grid(axis="y", color="#eee")
    ax.legend(frameon=False)
    return save(fig, path)
