"""`verify serve --workers N`: several worker processes answering on one port, one index behind them.

uvicorn's process manager does the work: the parent binds the socket and spawns N workers, each
loading the models and opening the index once; the kernel spreads connections over them, and a
worker that dies is replaced. Processes, not more threads, because a check is CPU-bound Python
(extraction, judging) that holds the GIL: one process uses about one core however many threads it has.

What the workers share goes through the index and the file system, never through memory:
- documents added by any worker: one writer at a time (a file lock in the corpus folder), and every
  worker moves to the newest generation before its next check (verify/serve.py);
- reports: kept as files in one folder the parent makes (`ReportFolder`), so GET /v1/reports/{id}
  finds a report whichever worker made it;
- settings: the parent hands them to its workers in one environment variable (CONFIG_ENV); the
  bearer token stays in VERIFY_TOKEN, which the workers inherit.

A Milvus Lite file (`milvus-lite:FILE.db`) can be opened by one process only, so several workers on
one are refused before any starts: a UsageError, exit 2, naming Lite's server mode
(`milvus_lite.server.Server(FILE, address=...)`, which many processes reach as `milvus://HOST:PORT/verify`). Refused rather
than run with one worker, because a service sized for N workers that quietly runs one answers N
times slower under load, and a warning line in a service log is easily missed.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI

from verify.backend import open_passage_index
from verify.config import Settings
from verify.errors import UsageError
from verify.models import Report
from verify.pipeline import make_embedder
from verify.retrieve import Retriever

if TYPE_CHECKING:
    from verify.serve import ServiceOptions

CONFIG_ENV = "VERIFY_SERVE_CONFIG"
HEALTHCHECK_S = 120  # a worker loading its models on a busy machine answers the parent's pings late


class ReportFolder:
    """Reports as JSON files in one folder, shared by the worker processes; the newest `kept` stay."""

    def __init__(self, folder: Path, kept: int) -> None:
        self.folder, self.kept = folder, kept
        self._written = 0
        self._lock = threading.Lock()

    def put(self, report_id: str, report: Report) -> None:
        partial = self.folder / f"{report_id}.partial"
        partial.write_text(report.model_dump_json(), encoding="utf-8")
        partial.rename(self.folder / f"{report_id}.json")  # readers never see half a report
        with self._lock:
            self._written += 1
            due = self._written % 100 == 0
        if due:
            self.prune()

    def get(self, report_id: str) -> Report | None:
        try:
            return Report.model_validate_json((self.folder / f"{report_id}.json").read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None

    def prune(self) -> None:
        files = sorted(self.folder.glob("*.json"), key=lambda f: f.stat().st_mtime if f.exists() else 0.0)
        for old in files[: max(0, len(files) - self.kept)]:
            old.unlink(missing_ok=True)


def check_workers(index: object, workers: int) -> None:
    """Refuse what several processes cannot share (see the module docstring)."""
    if workers < 1:
        raise UsageError("--workers: at least 1")
    if workers > 1 and str(index).startswith("milvus-lite:"):
        raise UsageError(
            f"--workers {workers}: a Milvus Lite file opens in one process only; serve it with --workers 1, or serve it "
            "through a Milvus server (Milvus Lite's server mode, standalone or distributed Milvus) and pass "
            "--index milvus://HOST:PORT/COLLECTION"
        )


def preflight(options: ServiceOptions, settings: Settings) -> None:
    """The errors one process would give at start (no index, another model), before any worker is spawned."""
    Retriever(open_passage_index(options.index_dir), make_embedder(settings), settings)  # checks the model, loads none


def serve_workers(options: ServiceOptions, settings: Settings, host: str, port: int, workers: int) -> None:
    import uvicorn

    check_workers(options.index_dir, workers)
    preflight(options, settings)
    reports = Path(tempfile.mkdtemp(prefix="verify-reports-"))
    config = {key: (str(value) if isinstance(value, Path) else value) for key, value in asdict(options).items() if key != "token"}
    config["reports_dir"] = str(reports)
    os.environ[CONFIG_ENV] = json.dumps({"options": config, "settings": settings.model_dump(mode="json")})
    try:
        uvicorn.run("verify.serve_workers:app_from_environment", factory=True, workers=workers, host=host, port=port,
                    log_level="info", timeout_keep_alive=5, timeout_worker_healthcheck=HEALTHCHECK_S)
    finally:
        shutil.rmtree(reports, ignore_errors=True)


def app_from_environment() -> FastAPI:
    """The app of one worker process, from what its parent put in CONFIG_ENV."""
    from verify.serve import ServiceOptions, create_app, warmed_up

    config = json.loads(os.environ[CONFIG_ENV])
    values = config["options"]
    values["corpus_dir"] = Path(values["corpus_dir"]) if values.get("corpus_dir") else None
    values["reports_dir"] = Path(values["reports_dir"]) if values.get("reports_dir") else None
    values["allowed_hosts"] = tuple(values["allowed_hosts"])
    options = ServiceOptions(**values, token=os.environ.get("VERIFY_TOKEN") or None)
    return warmed_up(create_app(options, Settings(**config["settings"])))
