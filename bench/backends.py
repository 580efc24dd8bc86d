"""The two index backends side by side on this machine; prints one Markdown table.

    python bench/backends.py [--passages 100000] [--queries 100] [--backends local,milvus-lite] [--out FILE]
    python bench/backends.py --passages 1000000 --out bench/results/backends-1m.md

A synthetic corpus (generated news-like sentences, 20 passages per document) is indexed through
the real `verify index` code path on each backend, with a stand-in embedder giving each text a
fixed random unit vector: index throughput here is the index's own cost (reading, splitting,
tokenising, writing), without the model, whose cost is the same on both backends (bench/run.py
measures it). Query latency is one query at a time: dense (top 100 by cosine), BM25 (top 100),
and hybrid (the full retrieval a claim gets: both rankings, the other side's scores, document
coverage, fusion, passage texts; query embedding excluded). Each backend runs in a process of
its own, so memory is per backend: the peak resident size (VmHWM) of that process over the whole
run (corpus read, build, re-index, queries), and for Milvus also the peak of the Milvus Lite server
process (pymilvus runs Milvus Lite as a child process and talks gRPC to it); "open" is the resident
size once the index is open and queried.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from verify.backend import open_passage_index  # noqa: E402
from verify.config import Settings  # noqa: E402
from verify.indexing import build_index  # noqa: E402
from verify.models import Filters  # noqa: E402
from verify.retrieve import Retriever  # noqa: E402

from run import OBJECTS, SUBJECTS, VERBS, sentence  # noqa: E402

DIMENSION = 384
PLACES = ["Sorrel", "Lindhaven", "Brenmark", "Kessel", "Ostrel", "Varnia", "Delmark", "Norvia", "Tessaly", "Selva"]


class HashEmbedder:
    """A fixed random unit vector per text: what the index stores costs the same whatever it means."""

    model_id = "bench/hash-vectors"
    dimension = DIMENSION

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        rows = []
        for text in texts:
            seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")
            rows.append(np.random.default_rng(seed).standard_normal(DIMENSION, dtype=np.float32))
        matrix = np.stack(rows) if rows else np.zeros((0, DIMENSION), dtype=np.float32)
        return matrix / np.linalg.norm(matrix, axis=1, keepdims=True).clip(1e-9)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self.encode(texts)


def write_corpus(folder: Path, passages: int, rng: random.Random) -> None:
    """JSON Lines files of 2,000 documents each (about 8 MB: under the per-file limit of a corpus)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = None
    for d in range(passages // 20):  # 30 x 2 sentences, 3 to a passage: 20 passages per document
        if d % 2000 == 0:
            if out:
                out.close()
            out = open(folder / f"items-{d // 2000:04d}.jsonl", "w", encoding="utf-8")
        place = rng.choice(PLACES)
        text = " ".join(f"{sentence(rng)} In {place}, item {d}-{s} was noted." for s in range(30))
        out.write(json.dumps({"id": f"syn-{d}", "title": f"{place} report {d}", "source": f"Wire {d % 7}",
                              "published": f"2025-{1 + d % 12:02d}-{1 + d % 28:02d}", "text": text}) + "\n")
    if out:
        out.close()


def rss_mib(pid: int, field: str = "VmRSS") -> float:
    """Resident size (VmRSS) or its peak so far (VmHWM) of a process, in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found += [int(c) for c in text]
    return found + [g for c in found for g in children(c)]


def percentiles(seconds: list[float]) -> str:
    ms = np.array(seconds) * 1000
    return f"{np.percentile(ms, 50):.1f} / {np.percentile(ms, 95):.1f}"


def bench_backend(name: str, location: str, corpus: Path, settings: Settings, queries: list[str]) -> dict[str, str]:
    embedder = HashEmbedder()
    started = time.perf_counter()
    build = build_index(corpus, location, settings, embedder)
    seconds = time.perf_counter() - started
    print(f"{name}: built in {seconds:.0f} s", file=sys.stderr, flush=True)
    started = time.perf_counter()
    again = build_index(corpus, location, settings, embedder)
    unchanged = time.perf_counter() - started
    assert not again.changed
    index = open_passage_index(location)
    retriever = Retriever(index, embedder, settings)
    vectors = embedder.encode_queries(queries)
    timings: dict[str, list[float]] = {"dense": [], "bm25": [], "hybrid": []}
    retriever.search(queries[:3])  # warm caches and connections
    for query, vector in zip(queries, vectors):
        started = time.perf_counter()
        index.dense_search(vector[None, :], settings.candidates, Filters())
        timings["dense"].append(time.perf_counter() - started)
        started = time.perf_counter()
        index.lexical_search(query, settings.candidates, Filters())
        timings["bm25"].append(time.perf_counter() - started)
        started = time.perf_counter()
        retriever._search([query], settings.top_k, Filters())
        timings["hybrid"].append(time.perf_counter() - started)
    filtered = []
    for query in queries[:30]:
        started = time.perf_counter()
        retriever._search([query], settings.top_k, Filters(sources=("Wire 3",), published_from=dt.date(2025, 6, 1)))
        filtered.append(time.perf_counter() - started)
    servers = children(os.getpid())  # the Milvus Lite server, for Milvus
    memory = f"{rss_mib(os.getpid(), 'VmHWM'):,.0f} MiB peak, {rss_mib(os.getpid()):,.0f} open"
    if servers:
        memory += (f" + server {sum(rss_mib(c, 'VmHWM') for c in servers):,.0f} MiB peak, "
                   f"{sum(rss_mib(c) for c in servers):,.0f} open")
    n = build.manifest.passages
    return {
        "backend": name, "passages": f"{n:,}", "index (no model)": f"{n / seconds:,.0f} passages/s ({seconds:.0f} s)",
        "re-index unchanged": f"{unchanged:.1f} s", "dense p50/p95 ms": percentiles(timings["dense"]),
        "BM25 p50/p95 ms": percentiles(timings["bm25"]), "hybrid p50/p95 ms": percentiles(timings["hybrid"]),
        "hybrid + filters p50/p95 ms": percentiles(filtered), "memory": memory,
    }


def run_child(name: str, tmp: Path, queries: int) -> dict[str, str]:
    """One backend in a process of its own, so that its peak memory is its own."""
    location = str(tmp / "local") if name == "local" else f"milvus-lite:{tmp / 'milvus.db'}"
    command = [sys.executable, __file__, "--child", name, "--location", location, "--corpus", str(tmp / "corpus"),
               "--queries", str(queries)]
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def query_texts(count: int) -> list[str]:
    rng = random.Random(5)
    return [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} in {rng.choice(PLACES)}" for _ in range(count)]


def table(rows: list[dict[str, str]], queries: int) -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    lines = [f"machine: {os.cpu_count()} cores {os.uname().machine}, {memory:.0f} GiB, load average at the end "
             f"{os.getloadavg()[0]:.1f}; {queries} queries one at a time; top 100 candidates per side; exact vectors", ""]
    lines.append("| " + " | ".join(rows[0]) + " |")
    lines.append("|" + "---|" * len(rows[0]))
    lines += ["| " + " | ".join(row.values()) + " |" for row in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--backends", default="local,milvus-lite")
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    parser.add_argument("--child", help=argparse.SUPPRESS)  # one backend, run by the parent
    parser.add_argument("--location", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        row = bench_backend(args.child, args.location, args.corpus, Settings(), query_texts(args.queries))
        print(json.dumps(row))
        return
    rows = []
    with tempfile.TemporaryDirectory(prefix="verify-backends-") as tmp:
        write_corpus(Path(tmp) / "corpus", args.passages, random.Random(1))
        for name in args.backends.split(","):
            rows.append(run_child(name, Path(tmp), args.queries))
            print(f"{name} done", file=sys.stderr, flush=True)
    text = table(rows, args.queries)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
