"""The HTTP service, driven through httpx against the real app (real model, real index)."""

import http.server
import shutil
import threading

import pytest

from verify.serve import ServiceOptions, create_app

from conftest import BACKENDS, SAMPLE

pytestmark = pytest.mark.slow
TOKEN = "s3cret-token"


@pytest.fixture(scope="module", params=BACKENDS)
def service(request, tmp_path_factory, sample_index, settings, embedder):
    from starlette.testclient import TestClient

    from verify.indexing import build_index

    root = tmp_path_factory.mktemp("svc")
    corpus, index = root / "corpus", root / "ix"
    shutil.copytree(SAMPLE / "reference", corpus)
    if request.param == "local":
        shutil.copytree(sample_index, index)
    else:
        index = f"milvus-lite:{root / 'ix.db'}"
        build_index(corpus, index, settings, embedder)
    options = ServiceOptions(index_dir=index, corpus_dir=corpus, token=TOKEN, max_body_bytes=200_000, allowed_hosts=("localhost",))
    app = create_app(options, settings, embedder)
    with TestClient(app, headers={"Authorization": f"Bearer {TOKEN}"}) as client:
        yield client


ARTICLE = (SAMPLE / "article.md").read_text(encoding="utf-8")


def test_serve_check_returns_report_and_keeps_it(service):
    response = service.post("/v1/check", json={"text": ARTICLE, "fail_on": "conflicting"})
    assert response.status_code == 200
    body = response.json()
    assert body["failed"] is True and body["report"]["summary"]["conflicting"] >= 1
    again = service.get(f"/v1/reports/{body['id']}")
    assert again.status_code == 200 and again.json()["article"]["sha256"] == body["report"]["article"]["sha256"]
    html = service.post("/v1/check?format=html", json={"text": ARTICLE})
    assert html.headers["content-type"].startswith("text/html") and "<mark" in html.text
    md = service.get(f"/v1/reports/{body['id']}?format=md")
    assert md.text.startswith("## verify:")


def test_serve_health_index_and_openapi(service):
    assert service.get("/healthz", headers={"Authorization": ""}).json() == {"status": "ok"}
    info = service.get("/v1/index").json()
    assert info["model"].endswith("all-MiniLM-L6-v2") and info["documents"] >= 13
    schema = service.get("/openapi.json").json()
    assert {"/v1/check", "/v1/reports/{report_id}", "/v1/documents", "/v1/index", "/healthz"} <= set(schema["paths"])
    assert "CheckRequest" in schema["components"]["schemas"]


def test_serve_add_documents_then_check_uses_them(service):
    text = "The Kessel ferry carried 5,400 passengers in its first week of service, the port authority said."
    response = service.post("/v1/documents", json={"documents": [{"id": "ferry-1", "text": text, "source": "Port Authority", "published": "2026-03-12"}]})
    assert response.status_code == 200 and response.json()["added"] == 1
    check = service.post("/v1/check", json={"text": "The Kessel ferry carried 5,400 passengers in its first week of service."})
    (count,) = [c for c in check.json()["report"]["claims"] if c["kind"] == "quantity"]
    assert count["verdict"] == "supported" and count["evidence"][0]["document_id"] == "ferry-1"


@pytest.mark.parametrize(
    "kwargs, status, code",
    [
        ({"headers": {"Authorization": ""}, "json": {"text": "x"}}, 401, "unauthorized"),
        ({"headers": {"Authorization": "Bearer wrong"}, "json": {"text": "x"}}, 401, "unauthorized"),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 422, "invalid_request"),
        ({"json": {"text": "a", "url": "http://example.com"}}, 422, "invalid_request"),
        ({"json": {"text": "word " * 60_000}}, 413, "too_large"),
        ({"json": {"url": "http://127.0.0.1:9/x"}}, 400, "url_refused"),
        ({"json": {"url": "http://10.1.2.3/x"}}, 400, "url_refused"),
        ({"json": {"url": "http://169.254.169.254/latest/meta-data"}}, 400, "url_refused"),
        ({"json": {"url": "http://[::1]/x"}}, 400, "url_refused"),
        ({"json": {"url": "file:///etc/passwd"}}, 400, "url_refused"),
        ({"json": {"text": ""}}, 400, "invalid_article"),
    ],
)
def test_serve_hostile_requests_are_refused_cleanly(service, kwargs, status, code):
    response = service.post("/v1/check", **kwargs)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code


def test_serve_unknown_report_is_404(service):
    response = service.get("/v1/reports/nope")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


class Redirector(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        Redirector.hits.append(self.path)
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.1:{self.server.server_port}/secret")
            self.end_headers()
        else:
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"About 300 farmers rallied in Brenmark on Thursday.")

    def log_message(self, *args):
        pass


def test_serve_redirect_to_loopback_is_refused_before_connecting(service):
    server = http.server.HTTPServer(("127.0.0.1", 0), Redirector)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        Redirector.hits.clear()
        allowed = service.post("/v1/check", json={"url": f"http://localhost:{server.server_port}/article"})
        assert allowed.status_code == 200  # an explicitly allowed host works
        response = service.post("/v1/check", json={"url": f"http://localhost:{server.server_port}/redirect"})
        assert response.status_code == 400 and response.json()["error"]["code"] == "url_refused"
        assert "/secret" not in Redirector.hits
    finally:
        server.shutdown()
