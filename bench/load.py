"""Load benchmark of `verify serve` on loopback: concurrent checks while documents are added.

    python bench/load.py [--clients 16] [--seconds 60] [--backend local|milvus-lite|milvus-server] [--workers N]

Starts the real service (a subprocess, uvicorn, `--workers` processes) on a copy of the sample
index and corpus, runs N client threads that check the sample article in a loop, and a writer
thread that adds a document every few seconds. Prints throughput, latency p50/p95, failures,
which worker processes answered, and whether the index is consistent afterwards with every added
document in it and found by a search for its own text. `milvus-server` is Milvus Lite in server
mode, started here on a loopback port and reached as milvus://127.0.0.1:PORT/verify, as a Milvus
server would be (a milvus-lite: file opens in one process only: one worker). Traffic stays on
127.0.0.1 and every loop is bounded by --seconds.
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
from collections import Counter
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


def start_milvus_server(work: Path):
    """Milvus Lite in server mode on a free loopback port: (server, milvus:// location)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # milvus-lite 2.5 imports pkg_resources
        from milvus_lite.server import Server

    port = free_port()
    server = Server(str(work / "server.db"), address=f"127.0.0.1:{port}")
    if not (server.init() and server.start()):
        raise SystemExit("Milvus Lite server did not start")
    deadline = time.time() + 60
    while time.time() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return server, f"milvus://127.0.0.1:{port}/verify"
        time.sleep(0.2)
    server.stop()
    raise SystemExit("Milvus Lite server did not listen")


def start_service(work: Path, port: int, index: str, workers: int) -> subprocess.Popen:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "VERIFY_TOKEN": TOKEN}
    subprocess.run([sys.executable, "-m", "verify", "index", str(work / "corpus"), "--index", index, "-q"], check=True, env=env)
    process = subprocess.Popen(
        [sys.executable, "-m", "verify", "serve", "--index", index, "--corpus", str(work / "corpus"), "--port", str(port),
         "--workers", str(workers), "-q"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline, answered = time.time() + 300, set()
    while time.time() < deadline and process.poll() is None:
        try:  # a connection of its own each time, so that every worker is asked until all of them answered
            response = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1, headers={"Connection": "close"})
            answered.add(response.headers.get("X-Verify-Worker"))
            if len(answered) >= workers:
                return process
        except httpx.HTTPError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit("service did not start: " + process.stderr.read().decode()[-2000:])


def client_loop(url: str, article: str, stop: float, latencies: list, failures: list, workers: Counter) -> None:
    with httpx.Client(headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120) as client:
        while time.time() < stop:
            started = time.perf_counter()
            try:
                response = client.post(url + "/v1/check", json={"text": article})
                ok = response.status_code == 200 and response.json()["report"]["summary"]["supported"] > 0
                workers[response.headers.get("X-Verify-Worker", "?")] += 1
            except httpx.HTTPError as exc:
                ok, response = False, exc
            (latencies if ok else failures).append(time.perf_counter() - started if ok else str(response)[:200])


def added_text(n: int) -> str:
    return f"Ferry line {n} carried {1000 + n} passengers between Kessel and Brenmark in its first week."


def writer_loop(url: str, stop: float, added: list, failures: list, every_s: float) -> None:
    with httpx.Client(headers={"Authorization": f"Bearer {TOKEN}"}, timeout=300) as client:
        n = 0
        while time.time() < stop:
            n += 1
            doc = {"id": f"load-{n}", "source": "Load Wire", "published": "2026-03-12", "text": added_text(n)}
            response = client.post(url + "/v1/documents", json={"documents": [doc]})
            (added if response.status_code == 200 else failures).append(doc["id"] if response.status_code == 200 else response.text[:200])
            time.sleep(every_s)


def unsearchable(location: str, added: list[str]) -> list[str]:
    """Added documents a search for their own text does not find among the top 5 (the model loaded here)."""
    from verify.config import Settings
    from verify.pipeline import Checker

    if not added:
        return []
    retriever = Checker(location, Settings(entailment_model="none")).retriever
    numbers = [int(d.removeprefix("load-")) for d in added]
    found = retriever.search([added_text(n) for n in numbers], k=5)
    return [d for d, hits in zip(added, found) if d not in {h.document_id for h in hits}]


def open_after(location: str):
    """The index once the service stopped, checked consistent, and the documents it holds."""
    from verify.backend import is_milvus, open_passage_index

    index = open_passage_index(location)  # both backends check their parts agree on the passage count
    if is_milvus(location):
        return index, set(index.document_keys())  # document_keys pages through every live row
    index.check_consistent()
    return index, {row[0] for row in index.document_rows}


def run_clients(url: str, args: argparse.Namespace) -> dict:
    """The clients and the writer for --seconds; what they saw."""
    article = (SAMPLE / "article.md").read_text(encoding="utf-8")
    seen = {"latencies": [], "failures": [], "added": [], "workers": Counter()}
    stop = time.time() + args.seconds
    threads = [threading.Thread(target=client_loop, args=(url, article, stop, seen["latencies"], seen["failures"], seen["workers"]))
               for _ in range(args.clients)]
    threads.append(threading.Thread(target=writer_loop, args=(url, stop, seen["added"], seen["failures"], args.add_every)))
    started = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seen["elapsed"] = time.time() - started
    return seen


def print_table(args: argparse.Namespace, seen: dict, index, missing: list[str], not_found: list[str]) -> None:
    latencies, failures = seen["latencies"], seen["failures"]
    ms = np.array(latencies) * 1000 if latencies else np.array([0.0])
    print(f"\nverify serve load — {args.backend} index, {args.workers} worker process(es), {args.clients} clients, {args.seconds:.0f} s, "
          f"a document added every {args.add_every:g} s, {os.cpu_count()} cores\n")
    print("| measure | result |\n|---|---|")
    print(f"| checks completed | {len(latencies)} ({len(latencies) / seen['elapsed']:.2f} per second) |")
    print(f"| latency p50 / p95 | {np.percentile(ms, 50):.0f} ms / {np.percentile(ms, 95):.0f} ms |")
    print(f"| failed requests | {len(failures)} |")
    print(f"| checks per worker process | {', '.join(str(n) for n in sorted(seen['workers'].values(), reverse=True))} |")
    print(f"| documents added during the run | {len(seen['added'])} |")
    print(f"| index afterwards | consistent ({index.manifest.documents} documents, {index.manifest.passages} passages), "
          f"{len(missing)} added documents missing, {len(not_found)} not found by a search for their text |")
    for failure in failures[:5]:
        print(f"failure: {failure}")


def main() -> int:
    parser = argparse.ArgumentParser(description="verify serve load benchmark (loopback only)")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--add-every", type=float, default=5.0, help="seconds between document additions")
    parser.add_argument("--backend", choices=["local", "milvus-lite", "milvus-server"], default="local", help="the index the service reads")
    parser.add_argument("--workers", type=int, default=1, help="verify serve --workers")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="verify-load-"))
    server = None
    if args.backend == "milvus-server":
        server, index_location = start_milvus_server(work)
    else:
        index_location = str(work / "ix") if args.backend == "local" else f"milvus-lite:{work / 'ix.db'}"
    shutil.copytree(SAMPLE / "reference", work / "corpus")
    port = free_port()
    try:
        service = start_service(work, port, index_location, args.workers)
        try:
            seen = run_clients(f"http://127.0.0.1:{port}", args)
        finally:
            service.terminate()
            service.wait(timeout=60)
        index, present = open_after(index_location)
        missing = [d for d in seen["added"] if d not in present]
        not_found = unsearchable(index_location, seen["added"])
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)
    print_table(args, seen, index, missing, not_found)
    return 0 if not seen["failures"] and not missing and not not_found else 1


if __name__ == "__main__":
    raise SystemExit(main())
