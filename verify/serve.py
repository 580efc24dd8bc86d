"""`verify serve`: the checker as an HTTP service (FastAPI on uvicorn).

The model and the index are loaded once per process and shared by its threads. Adding documents
rebuilds the index incrementally under a lock held across processes (a file lock in the corpus
folder), and the new generation goes live for every reader at once. Before each check a process
looks at which generation is live (a file read for a local index, one small query on Milvus) and
moves to it if another worker made it; a check in flight keeps the index it started with, so every
check sees one consistent index. Several worker processes: verify/serve_workers.py.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import secrets
import threading
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from fastapi import FastAPI, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, ConfigDict, Field, model_validator

from verify import __version__
from verify.config import FailOn, Settings
from verify.embed import Embedder
from verify.errors import FetchError, IndexStoreError, InputError, VerifyError
from verify.fetch import UrlRefused
from verify.index_store import writer_lock
from verify.indexing import build_index
from verify.models import FAILING_AT, Filters, Report
from verify.pipeline import Checker, make_embedder
from verify.read import article_from_text, read_url_article
from verify.report import ReportFormat, render
from verify.serve_workers import ReportFolder, serve_workers



@dataclass(frozen=True)
class ServiceOptions:
    index_dir: Path | str  # a folder or a Milvus location (verify/backend.py)
    corpus_dir: Path | None = None  # where POST /v1/documents stores what it adds
    token: str | None = None  # bearer token; None leaves the API open (bind to loopback then)
    allow_private_urls: bool = False
    allowed_hosts: tuple[str, ...] = ()  # private hosts trusted anyway (an internal CMS)
    max_body_bytes: int = 6_000_000
    request_timeout_s: float = 60.0
    reports_kept: int = 1000
    reports_dir: Path | None = None  # reports as files shared by worker processes; None keeps them in memory


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, description="the article text (plain, Markdown with front matter, or HTML)")
    url: str | None = Field(default=None, description="an http(s) URL to fetch the article from")
    title: str = ""
    source: str = ""
    published: dt.date | None = None
    fail_on: FailOn = FailOn.NONE
    sources: list[str] = []
    published_from: dt.date | None = None
    published_to: dt.date | None = None

    @model_validator(mode="after")
    def one_article(self) -> "CheckRequest":
        if (self.text is None) == (self.url is None):
            raise ValueError("give exactly one of 'text' or 'url'")
        return self


class NewDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=300, pattern=r"^[\w.:/-]+$")
    text: str = Field(min_length=1)
    title: str = ""
    source: str = ""
    url: str = ""
    published: dt.date | None = None


class DocumentsRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[NewDocument] = Field(min_length=1, max_length=1000)


class CheckResponse(BaseModel):
    id: str
    failed: bool  # a claim at or above fail_on
    report: Report


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": " ".join(message.split())}}


@dataclass
class ServiceState:
    options: ServiceOptions
    settings: Settings
    embedder: Embedder
    checker: Checker
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    reports: OrderedDict = field(default_factory=OrderedDict)
    reports_lock: threading.Lock = field(default_factory=threading.Lock)
    refresh_lock: threading.Lock = field(default_factory=threading.Lock)
    updated_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))
    report_folder: ReportFolder | None = None

    def __post_init__(self) -> None:
        if self.options.reports_dir is not None:
            self.report_folder = ReportFolder(self.options.reports_dir, self.options.reports_kept)

    def current_checker(self) -> Checker:
        """The checker on the generation live now; one thread opens a newer one, the others wait for it."""
        checker = self.checker
        if checker.index.live_generation() == checker.index.manifest.generation:
            return checker
        with self.refresh_lock:
            if self.checker is checker:
                self.checker = checker.latest()
                self.updated_at = dt.datetime.now(dt.timezone.utc)
            return self.checker

    def remember(self, report: Report) -> str:
        report_id = uuid.uuid4().hex
        if self.report_folder is not None:
            self.report_folder.put(report_id, report)
            return report_id
        with self.reports_lock:
            self.reports[report_id] = report
            while len(self.reports) > self.options.reports_kept:
                self.reports.popitem(last=False)
        return report_id

    def check(self, request: CheckRequest) -> tuple[str, Report]:
        checker = self.current_checker()  # one consistent index for the whole check, whatever is added meanwhile
        if request.url is not None:
            article = read_url_article(request.url, self.settings.max_article_bytes, self.settings.fetch_timeout_s,
                                       request.published, self.options.allow_private_urls, self.options.allowed_hosts)
        else:
            if len(request.text.encode("utf-8")) > self.settings.max_article_bytes:
                raise ApiError(413, "too_large", f"article over the {self.settings.max_article_bytes / 1e6:.0f} MB limit")
            article = article_from_text(request.text, request.published, request.title, request.source)
        filters = Filters(sources=tuple(request.sources), published_from=request.published_from, published_to=request.published_to)
        report = checker.check(article, filters)
        return self.remember(report), report

    def report(self, report_id: str) -> Report | None:
        if self.report_folder is not None:
            return self.report_folder.get(report_id)
        with self.reports_lock:
            return self.reports.get(report_id)

    def add_documents(self, request: DocumentsRequest) -> dict[str, Any]:
        corpus = self.options.corpus_dir
        if corpus is None:
            raise ApiError(409, "no_corpus", "this service was started without --corpus: it cannot add documents")
        with self.write_lock, writer_lock(corpus / "_api"):  # one writer, whichever worker process took the request
            target = corpus / "_api" / f"{time.strftime('%Y%m%dT%H%M%S')}-{secrets.token_hex(4)}.jsonl"
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".partial")
            lines = [json.dumps(d.model_dump(mode="json"), ensure_ascii=False) for d in request.documents]
            partial.write_text("\n".join(lines) + "\n", encoding="utf-8")
            partial.rename(target)
            try:
                build = build_index(corpus, self.options.index_dir, self.settings, self.embedder)
            except VerifyError:
                target.unlink(missing_ok=True)  # leave the corpus as the index knows it
                raise
            with self.refresh_lock:
                self.checker = self.checker.latest()
                self.updated_at = dt.datetime.now(dt.timezone.utc)
        return {"added": build.added, "updated": build.updated, "documents": build.manifest.documents,
                "passages": build.manifest.passages, "embedded_passages": build.embedded_passages}


ERROR_STATUS = [(UrlRefused, 400, "url_refused"), (FetchError, 502, "fetch_failed"), (InputError, 400, "invalid_article"),
                (IndexStoreError, 503, "index_unavailable"), (VerifyError, 500, "verify_error")]


def api_error_from(exc: VerifyError) -> ApiError:
    for kind, status, code in ERROR_STATUS:
        if isinstance(exc, kind):
            return ApiError(status, code, exc.one_line())
    return ApiError(500, "verify_error", exc.one_line())


def create_app(options: ServiceOptions, settings: Settings | None = None, embedder: Embedder | None = None) -> FastAPI:
    settings = settings or Settings()
    embedder = embedder or make_embedder(settings)
    state = ServiceState(options, settings, embedder, Checker(options.index_dir, settings, embedder))
    app = FastAPI(title="verify", version=__version__, description="Cross-check an article's claims against a reference corpus.")
    app.state.verify = state
    add_guard(app, options)
    add_error_handlers(app)
    add_routes(app, state)
    return app


def add_guard(app: FastAPI, options: ServiceOptions) -> None:
    """Refuse bodies without or over their declared length, and /v1/ calls without the token, before any work."""

    @app.middleware("http")
    async def guard(request: Request, call_next):  # type: ignore[no-untyped-def]
        declared = request.headers.get("content-length")
        if request.method in ("POST", "PUT", "PATCH") and declared is None:
            return JSONResponse(error_body("length_required", "send a Content-Length header"), status_code=411)
        if declared and (not declared.isdigit() or int(declared) > options.max_body_bytes):
            return JSONResponse(error_body("too_large", f"request body over {options.max_body_bytes} bytes"), status_code=413)
        if request.url.path.startswith("/v1/") and options.token:
            given = request.headers.get("authorization", "")
            if not secrets.compare_digest(given.encode(), f"Bearer {options.token}".encode()):
                return JSONResponse(error_body("unauthorized", "missing or wrong bearer token"), status_code=401,
                                    headers={"WWW-Authenticate": "Bearer"})
        response = await call_next(request)
        # which worker process answered (`--workers N`): what an operator needs to find a stale or failing one
        response.headers["X-Verify-Worker"] = str(os.getpid())
        return response


def add_error_handlers(app: FastAPI) -> None:
    """Every error, ours or the framework's, as the same one-line JSON body."""

    @app.exception_handler(ApiError)
    async def on_api_error(request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, exc.message), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        return JSONResponse(error_body("invalid_request", f"{where}: {first['msg']}" if where else first["msg"]), status_code=422)

    @app.exception_handler(HTTPException)
    async def on_http(request: Request, exc: HTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return JSONResponse(error_body(code, str(exc.detail)), status_code=exc.status_code)


async def within_limit(options: ServiceOptions, function, *args):  # type: ignore[no-untyped-def]
    """Run blocking work off the event loop; answer 504 when it overruns (the thread finishes on its own)."""
    try:
        return await asyncio.wait_for(run_in_threadpool(function, *args), timeout=options.request_timeout_s)
    except asyncio.TimeoutError as exc:
        raise ApiError(504, "timeout", f"request took longer than {options.request_timeout_s:g} s") from exc
    except VerifyError as exc:
        raise api_error_from(exc) from exc


def rendered(report: Report, format: str, headers: dict[str, str] | None = None) -> Response:
    if format == "html":
        return HTMLResponse(render(report, ReportFormat.HTML), headers=headers)
    return PlainTextResponse(render(report, ReportFormat.MD), media_type="text/markdown", headers=headers)


def add_routes(app: FastAPI, state: ServiceState) -> None:
    options = state.options

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/v1/index")
    async def index_info() -> dict[str, Any]:
        m = (await within_limit(options, state.current_checker)).index.manifest
        return {"model": m.model, "documents": m.documents, "passages": m.passages, "generation": m.generation,
                "built_at": m.built_at.isoformat(), "updated_at": state.updated_at.isoformat(),
                "corpus_fingerprint": m.corpus_fingerprint}

    @app.post("/v1/check", response_model=CheckResponse, responses={200: {"content": {"text/html": {}, "text/markdown": {}}}})
    async def check(body: CheckRequest, format: Literal["json", "md", "html"] = "json") -> Response:
        report_id, report = await within_limit(options, state.check, body)
        failed = any(c.verdict in FAILING_AT[body.fail_on.value] for c in report.claims)
        headers = {"X-Verify-Report-Id": report_id, "X-Verify-Failed": str(failed).lower()}
        if format != "json":
            return rendered(report, format, headers)
        payload = CheckResponse(id=report_id, failed=failed, report=report)
        return Response(payload.model_dump_json(), media_type="application/json", headers=headers)

    @app.get("/v1/reports/{report_id}", response_model=Report)
    async def get_report(report_id: str, format: Literal["json", "md", "html"] = "json") -> Response:
        report = state.report(report_id)
        if report is None:
            raise ApiError(404, "not_found", f"no report {report_id!r} (the newest {options.reports_kept} reports are kept, until the service stops)")
        if format == "json":
            return Response(report.model_dump_json(), media_type="application/json")
        return rendered(report, format)

    @app.post("/v1/documents")
    async def add_documents(body: DocumentsRequest) -> dict[str, Any]:
        return await within_limit(options, state.add_documents, body)


WARM_UP_ARTICLE = "The council approved 3 new rail links on Monday, officials said."


def warmed_up(app: FastAPI) -> FastAPI:
    """The app once its models are loaded (they load on first use): a process takes requests only when it can
    answer them, instead of making its first callers wait for the loads (one per worker, and per restarted worker)."""
    app.state.verify.checker.check(article_from_text(WARM_UP_ARTICLE, None, "warm-up", ""))
    return app


def serve(options: ServiceOptions, settings: Settings, host: str, port: int, workers: int = 1) -> None:
    """Serve in this process, or in `workers` processes (verify/serve_workers.py)."""
    import uvicorn

    if workers != 1:
        serve_workers(options, settings, host, port, workers)
        return
    uvicorn.run(warmed_up(create_app(options, settings)), host=host, port=port, log_level="info", timeout_keep_alive=5)
