"""`verify serve --workers N`: several processes on one index see what any of them adds."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from verify.cli import main

from conftest import MILVUS_MISSING, ROOT, SAMPLE

TOKEN = "workers-token"
FERRY = {"id": "ferry-line-7", "source": "Harbour Wire", "published": "2026-03-12", "title": "Kessel ferry line 7",
         "text": "Ferry line 7 carried 6,180 passengers between Kessel and Brenmark in its first week."}
ARTICLE = "Ferry line 7 carried 6,180 passengers between Kessel and Brenmark in its first week, the harbour said."


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ask(port: int, method: str, path: str, **kwargs) -> httpx.Response:
    """One request on a connection of its own, so that any worker may take it."""
    headers = {"Authorization": f"Bearer {TOKEN}", "Connection": "close"}
    return httpx.request(method, f"http://127.0.0.1:{port}{path}", headers=headers, timeout=300, **kwargs)


def answers_until_both_workers(port: int, method: str, path: str, seconds: float = 300, **kwargs) -> dict[int, list[httpx.Response]]:
    """Requests, four at a time, until two worker processes have answered (or time is up)."""
    by_worker: dict[int, list[httpx.Response]] = {}
    deadline = time.monotonic() + seconds
    with ThreadPoolExecutor(4) as pool:
        while len(by_worker) < 2 and time.monotonic() < deadline:
            for response in pool.map(lambda _: ask(port, method, path, **kwargs), range(4)):
                by_worker.setdefault(int(response.headers["X-Verify-Worker"]), []).append(response)
    return by_worker


@pytest.fixture
def two_workers(request, tmp_path, sample_index, settings, embedder):
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLE / "reference", corpus)
    if request.param == "local":
        index = str(tmp_path / "ix")
        shutil.copytree(sample_index, index)
    else:
        from verify.indexing import build_index

        index = request.getfixturevalue("milvus_server")
        build_index(corpus, index, settings, embedder)
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "VERIFY_TOKEN": TOKEN}
    service = subprocess.Popen([sys.executable, "-m", "verify", "serve", "--workers", "2", "--index", index, "--corpus", str(corpus),
                                "--port", str(port), "-q"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and service.poll() is None:
            try:
                if ask(port, "GET", "/healthz").status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        assert service.poll() is None, service.stderr.read()[-2000:]
        yield port
    finally:
        service.terminate()
        service.wait(timeout=60)


@pytest.mark.slow
@pytest.mark.parametrize("two_workers", ["local", pytest.param("milvus-server", marks=pytest.mark.skipif(
    bool(MILVUS_MISSING), reason=MILVUS_MISSING or "-"))], indirect=True)
def test_serve_workers_every_worker_finds_a_document_one_of_them_added(two_workers):
    port = two_workers
    before = answers_until_both_workers(port, "GET", "/v1/index")
    assert len(before) == 2 and {r.status_code for rs in before.values() for r in rs} == {200}
    added = ask(port, "POST", "/v1/documents", json={"documents": [FERRY]})
    assert added.status_code == 200 and added.json()["added"] == 1
    checks = answers_until_both_workers(port, "POST", "/v1/check", json={"text": ARTICLE})
    assert len(checks) == 2
    for responses in checks.values():  # every check after the addition, whichever worker answered it
        for response in responses:
            assert response.status_code == 200
            evidence = {e["document_id"] for claim in response.json()["report"]["claims"] for e in claim["evidence"]}
            assert FERRY["id"] in evidence
    report_ids = [r.json()["id"] for rs in checks.values() for r in rs]
    for report_id in report_ids:  # a report made by one worker is found by the other
        assert ask(port, "GET", f"/v1/reports/{report_id}").status_code == 200


def test_serve_workers_on_a_milvus_lite_file_is_a_usage_error(tmp_path, capsys):
    assert main(["serve", "--workers", "2", "--index", f"milvus-lite:{tmp_path / 'news.db'}"]) == 2
    err = capsys.readouterr().err
    assert "opens in one process only" in err and "milvus://HOST:PORT/COLLECTION" in err
    assert not (tmp_path / "news.db").exists()  # refused before anything was opened


def test_serve_workers_must_be_at_least_one(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["serve", "--workers", "0"])
    assert exited.value.code == 2 and "at least 1" in capsys.readouterr().err
