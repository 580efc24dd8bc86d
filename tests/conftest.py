"""Shared fixtures: network blocked, the real packaged model, a sample index built once."""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "sample"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests may talk to loopback only; anything else is a bug in the test or the code."""
    real_connect = socket.socket.connect

    def guarded(sock: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else str(address)
        if isinstance(host, str) and not (host.startswith("127.") or host in ("::1", "localhost") or host.startswith("/")):
            raise OSError(f"network blocked in tests: {host}")
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(scope="session")
def settings():
    from verify.config import Settings

    return Settings()


@pytest.fixture(scope="session")
def embedder(settings):
    from verify.pipeline import make_embedder

    return make_embedder(settings)


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory: pytest.TempPathFactory, settings, embedder) -> Path:
    """The bundled sample corpus indexed once with the real model (read-only for tests)."""
    from verify.indexing import build_index

    path = tmp_path_factory.mktemp("index") / "sample"
    build_index(SAMPLE / "reference", path, settings, embedder)
    return path


try:
    import pymilvus  # noqa: F401

    MILVUS_MISSING = ""
except ImportError:
    MILVUS_MISSING = "pymilvus is not installed (pip install 'verify[milvus]')"

# The backends every retrieval and judge test runs on: the local index, and Milvus (Lite, embedded,
# through the same MilvusClient API a Milvus server is reached with).
BACKENDS = ["local", pytest.param("milvus-lite", marks=pytest.mark.skipif(bool(MILVUS_MISSING), reason=MILVUS_MISSING or "-"))]


@pytest.fixture(scope="session")
def sample_milvus(tmp_path_factory: pytest.TempPathFactory, settings, embedder) -> str:
    """The bundled sample corpus indexed once into a Milvus Lite file (read-only for tests)."""
    from verify.indexing import build_index

    location = f"milvus-lite:{tmp_path_factory.mktemp('milvus') / 'sample.db'}"
    build_index(SAMPLE / "reference", location, settings, embedder)
    return location


@pytest.fixture(scope="session", params=BACKENDS)
def any_index(request: pytest.FixtureRequest):
    """The sample index on each backend: a folder path, or a milvus-lite: location."""
    return request.getfixturevalue("sample_index" if request.param == "local" else "sample_milvus")


@pytest.fixture
def milvus_server(tmp_path):
    """Milvus Lite in server mode on a loopback port: several processes reach it as they would a Milvus server."""
    import time
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # milvus-lite 2.5 imports pkg_resources
        from milvus_lite.server import Server

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = Server(str(tmp_path / "server.db"), address=f"127.0.0.1:{port}")
    assert server.init() and server.start()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.2)
    yield f"milvus://127.0.0.1:{port}/verify"
    server.stop()


def long_quote_corpus(corpus: Path) -> Path:
    """A long quote cut across two passages of a document the ranking would not put first, among
    eight documents that say the same thing in other words."""
    corpus.mkdir()
    filler = " ".join(f"The harbour board met on day {i} and discussed the dredging budget again." for i in range(12))
    (corpus / "speech.txt").write_text(
        f"{filler}\n\nMayor Lena Ostrova spoke at the quay. “We will rebuild the north pier before winter. Every "
        "family that lost a boat will be paid in full by the city, and no fisher will wait longer than a month.” "
        "She left without taking questions.\n", encoding="utf-8")
    for i in range(8):
        (corpus / f"other-{i}.txt").write_text(f"The city will rebuild the north pier, officials said in note {i}. "
                                               "Fishers who lost a boat will be paid, the city said.\n", encoding="utf-8")
    return corpus


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the sample reference corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(SAMPLE / "reference", target)
    return target


def speakers_of(text: str) -> dict[str, str | None]:
    """The first three words of each quote claim -> its speaker."""
    from verify.extract import extract_claims
    from verify.models import Article, QuoteClaim

    claims = extract_claims(Article(text=text, sha256="t"))
    return {" ".join(c.quote.split()[:3]): c.speaker for c in claims if isinstance(c, QuoteClaim)}


def quantity_claim(sentence: str, which: int = 0, entities: tuple[str, ...] = ()):
    """The `which`-th figure of a sentence as a quantity claim, read in that sentence."""
    from verify.extract.quantities import find_quantities
    from verify.models import QuantityClaim

    mention = find_quantities(sentence)[which]
    return QuantityClaim(id="c1", text=sentence[mention.start : mention.end], start=mention.start, end=mention.end,
                         sentence=sentence, query=sentence, quantity=mention.quantity, entities=entities)
