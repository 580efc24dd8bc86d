"""Embedding throughput of `verify index` with one process and with several; prints one Markdown table.

    python bench/embed.py [--passages 8000] [--processes 1,2]

Generated news-like passages (bench/run.py's sentences, three to a passage) are embedded by the
packaged model through the code `verify index` runs (indexing.embed_passages: chunks staged as they
are done, a process pool when at least embed_pool.POOL_MIN_TEXTS passages need embedding). The
pools' start-up (a model load per process) is inside the time: it is what a build pays.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from verify.config import Settings  # noqa: E402
from verify.indexing import embed_passages  # noqa: E402
from verify.pipeline import make_embedder  # noqa: E402
from verify.vector_staging import StagedVectors  # noqa: E402

from run import sentence  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=8000)
    parser.add_argument("--processes", default="1,2")
    args = parser.parse_args()
    rng = random.Random(3)
    texts = [" ".join(sentence(rng) for _ in range(3)) for _ in range(args.passages)]
    embedder = make_embedder(Settings())
    embedder.encode(texts[:8])  # the parent's model loaded once, outside the timings
    rows = []
    for processes in (int(p) for p in args.processes.split(",")):
        settings = Settings(embed_processes=processes)
        with tempfile.TemporaryDirectory(prefix="verify-embed-") as tmp:
            started = time.perf_counter()
            vectors, _, embedded = embed_passages(texts, {}, embedder, settings, StagedVectors(Path(tmp), embedder.model_id, embedder.dimension))
            seconds = time.perf_counter() - started
        rows.append(f"| {processes} | {embedded:,} | {seconds:.0f} s | {embedded / seconds:,.0f} |")
        print(f"{processes} process(es) done", file=sys.stderr, flush=True)
    print(f"machine: {os.cpu_count()} cores {os.uname().machine}, load average at the end {os.getloadavg()[0]:.1f}\n")
    print("| processes | passages embedded | time (pool start-up included) | passages/s |\n|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
