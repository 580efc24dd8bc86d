"""Load benchmark of `verify serve` on loopback: concurrent checks while documents are added.

    python bench/load.py [--clients 16] [--seconds 60] [--backend local|milvus-lite]

Starts the real service (a subprocess, uvicorn) on a copy of the sample index and corpus,
runs N client threads that check the sample article in a loop, and a writer thread that adds
a document every few seconds. Prints throughput, latency p50/p95, failures, and whether the
index is consistent afterwards with every added document in it. Traffic stays on 127.0.0.1
and every loop is bounded by --seconds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "corpora" / "sample"
TOKEN = "bench-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_service(work: Path, port: int, index: str) -> subprocess.Popen:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "VERIFY_TOKEN": TOKEN}
    subprocess.run([sys.executable, "-m", "verify", "index", str(work / "corpus"), "--index", index, "-q"], check=True, env=env)
    process = subprocess.Popen(
        [sys.executable, "-m", "verify", "serve", "--index", index, "--corpus", str(work / "corpus"), "--port", str(port), "-q"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit("service did not start: " + process.stderr.read().decode()[-2000:])


def client_loop(url: str, article: str, stop: float, latencies: list, failures: list) -> None:
    with httpx.Client(headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120) as client:
        while time.time() < stop:
            started = time.perf_counter()
            try:
                response = client.post(url + "/v1/check", json={"text": article})
                ok = response.status_code == 200 and response.json()["report"]["summary"]["supported"] > 0
            except httpx.HTTPError as exc:
                ok, response = False, exc
            (latencies if ok else failures).append(time.perf_counter() - started if ok else str(response)[:200])


def writer_loop(url: str, stop: float, added: list, failures: list, every_s: float) -> None:
    with httpx.Client(headers={"Authorization": f"Bearer {TOKEN}"}, timeout=300) as client:
        n = 0
        while time.time() < stop:
            n += 1
            doc = {"id": f"load-{n}", "source": "Load Wire", "published": "2026-03-12",
                   "text": f"Ferry line {n} carried {1000 + n} passengers between Kessel and Brenmark in its first week."}
            response = client.post(url + "/v1/documents", json={"documents": [doc]})
            (added if response.status_code == 200 else failures).append(doc["id"] if response.status_code == 200 else response.text[:200])
            time.sleep(every_s)


def open_after(location: str):
    """The index once the service stopped, checked consistent, and the documents it holds."""
    from verify.backend import is_milvus, open_passage_index

    index = open_passage_index(location)  # both backends check their parts agree on the passage count
    if is_milvus(location):
        return index, set(index.document_keys())
    index.check_consistent()
    return index, {row[0] for row in index.document_rows}


def main() -> int:
    parser = argparse.ArgumentParser(description="verify serve load benchmark (loopback only)")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--add-every", type=float, default=5.0, help="seconds between document additions")
    parser.add_argument("--backend", choices=["local", "milvus-lite"], default="local", help="the index the service reads")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="verify-load-"))
    index_location = str(work / "ix") if args.backend == "local" else f"milvus-lite:{work / 'ix.db'}"
    shutil.copytree(SAMPLE / "reference", work / "corpus")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    service = start_service(work, port, index_location)
    article = (SAMPLE / "article.md").read_text(encoding="utf-8")
    latencies: list[float] = []
    failures: list[str] = []
    added: list[str] = []
    try:
        stop = time.time() + args.seconds
        threads = [threading.Thread(target=client_loop, args=(url, article, stop, latencies, failures)) for _ in range(args.clients)]
        threads.append(threading.Thread(target=writer_loop, args=(url, stop, added, failures, args.add_every)))
        started = time.time()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.time() - started
    finally:
        service.terminate()
        service.wait(timeout=30)
    index, present = open_after(index_location)
    missing = [d for d in added if d not in present]
    shutil.rmtree(work, ignore_errors=True)
    ms = np.array(latencies) * 1000 if latencies else np.array([0.0])
    print(f"\nverify serve load — {args.backend} index, {args.clients} clients, {args.seconds:.0f} s, a document added every {args.add_every:g} s, {os.cpu_count()} cores\n")
    print("| measure | result |\n|---|---|")
    print(f"| checks completed | {len(latencies)} ({len(latencies) / elapsed:.2f} per second) |")
    print(f"| latency p50 / p95 | {np.percentile(ms, 50):.0f} ms / {np.percentile(ms, 95):.0f} ms |")
    print(f"| failed requests | {len(failures)} |")
    print(f"| documents added during the run | {len(added)} |")
    print(f"| index afterwards | consistent ({index.manifest.documents} documents, {index.manifest.passages} passages), {len(missing)} added documents missing |")
    for failure in failures[:5]:
        print(f"failure: {failure}")
    return 0 if not failures and not missing else 1


if __name__ == "__main__":
    raise SystemExit(main())
