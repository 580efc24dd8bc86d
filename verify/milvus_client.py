"""Reaching a Milvus index: where it lives (`--index`), the client, errors, and the live generation's manifest.

The collections and how generations work are described in verify/milvus_store.py; searching is
there too, building in verify/milvus_indexing.py.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import re
import warnings
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from verify.errors import IndexMismatchError, IndexStoreError, UsageError
from verify.index_store import FORMAT_VERSION
from verify.lexical import BM25_B, BM25_K1
from verify.models import IndexManifest

LIVE_FOREVER = 2**62  # gen_until of a row no generation has replaced yet
DEFAULT_COLLECTION = "verify"
DEFAULT_PORT = 19530
COLLECTION_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,200}$")
MAX_VARCHAR = 65_535  # bytes, Milvus's limit for one VARCHAR value
MAX_TERM_BYTES = 256  # longer tokens (a URL, say) count for BM25 but not for document coverage
IN_CHUNK = 1000  # ids per `pk in [...]` expression
CREDENTIALS_ENV = "MILVUS_TOKEN, or MILVUS_USER and MILVUS_PASSWORD"


@dataclass(frozen=True)
class MilvusLocation:
    """Where a Milvus index lives: a Milvus Lite file or a server, and the collection."""

    label: str  # as the user wrote it (holds no credentials)
    uri: str
    collection: str
    lite: bool

    @property
    def meta(self) -> str:
        return f"{self.collection}_meta"

    @property
    def terms(self) -> str:
        return f"{self.collection}_terms"

    @classmethod
    def parse(cls, value: str) -> "MilvusLocation":
        if value.startswith("milvus-lite:"):
            path = value.removeprefix("milvus-lite:")
            if not path.endswith(".db"):
                raise UsageError(f"--index {value}: a Milvus Lite index is a file ending in .db (milvus-lite:index/news.db)")
            return cls(value, str(Path(path).expanduser().resolve()), DEFAULT_COLLECTION, lite=True)
        parts = urlsplit(value)
        if parts.username or parts.password:
            raise UsageError(f"--index: credentials do not go on the command line; set {CREDENTIALS_ENV}")
        scheme = {"milvus": "http", "milvus+https": "https"}.get(parts.scheme)
        collection = parts.path.strip("/")
        if scheme is None or not parts.hostname or not COLLECTION_NAME.match(collection):
            raise UsageError(f"--index {value}: expected milvus://HOST:PORT/COLLECTION (a collection name of letters, digits and _)")
        try:
            port = parts.port or DEFAULT_PORT
        except ValueError as exc:
            raise UsageError(f"--index {value}: the port is not a number") from exc
        return cls(value, f"{scheme}://{parts.hostname}:{port}", collection, lite=False)


def credentials() -> dict[str, str]:
    """Server credentials from the environment only."""
    found = {"token": os.environ.get("MILVUS_TOKEN", ""), "user": os.environ.get("MILVUS_USER", ""),
             "password": os.environ.get("MILVUS_PASSWORD", ""), "db_name": os.environ.get("MILVUS_DB_NAME", "")}
    return {key: value for key, value in found.items() if value}


def import_pymilvus() -> Any:
    """pymilvus, or a clear usage error when the milvus extra is not installed."""
    try:
        with warnings.catch_warnings():  # milvus-lite 2.5 imports pkg_resources, which warns on import
            warnings.simplefilter("ignore", UserWarning)
            import pymilvus
    except ImportError as exc:
        raise UsageError("a Milvus index needs the milvus extra: pip install 'verify[milvus]'") from exc
    return pymilvus


@contextlib.contextmanager
def milvus_errors(location: MilvusLocation) -> Iterator[None]:
    """Milvus and gRPC failures become IndexStoreError (exit 3, HTTP 503 in `verify serve`)."""
    MilvusException = import_pymilvus().MilvusException

    try:
        yield
    except MilvusException as exc:
        raise IndexStoreError(f"Milvus index {location.label}: {exc.message} (code {exc.code})") from exc
    except Exception as exc:  # grpc.RpcError and connection failures carry no common base class
        if exc.__class__.__module__.startswith(("grpc", "pymilvus")):
            raise IndexStoreError(f"Milvus index {location.label}: {exc.__class__.__name__}: {exc}") from exc
        raise


def connect(location: MilvusLocation) -> Any:
    """A MilvusClient for the location; an uninstalled pymilvus is a clear usage error."""
    MilvusClient = import_pymilvus().MilvusClient
    # pymilvus logs every failed call at ERROR (they are raised as IndexStoreError here) and warns on
    # every Milvus Lite query iterator that it uses client time
    logging.getLogger("pymilvus").setLevel(logging.CRITICAL)
    if location.lite:
        Path(location.uri).parent.mkdir(parents=True, exist_ok=True)
    with milvus_errors(location), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the first Milvus Lite client imports milvus_lite (pkg_resources)
        return MilvusClient(uri=location.uri, **({} if location.lite else credentials()))


def live_filter(generation: int) -> str:
    return f"gen_from <= {generation} and gen_until > {generation}"


def pk_in(rows: Collection[int]) -> str:
    return "pk in [" + ",".join(str(int(r)) for r in rows) + "]"


def read_state(client: Any, location: MilvusLocation) -> tuple[IndexManifest, int] | None:
    """(manifest, next free passage id) of the live generation, or None when nothing was ever made live."""
    if not all(client.has_collection(name) for name in (location.meta, location.collection, location.terms)):
        return None
    rows = client.query(location.meta, filter='kind == "manifest"', output_fields=["generation", "body"])
    if not rows:
        return None
    body = json.loads(max(rows, key=lambda r: r["generation"])["body"])
    if body.get("format_version") != FORMAT_VERSION:
        raise IndexMismatchError(
            f"index {location.label} has format version {body.get('format_version')!r}; this verify reads "
            f"version {FORMAT_VERSION}: rebuild it with `verify index`"
        )
    return IndexManifest.model_validate(body["manifest"]), int(body["next_pk"])


def live_generation(client: Any, location: MilvusLocation) -> int:
    """The number of the generation live now (0 when none is): one small query, asked before each check."""
    rows = client.query(location.meta, filter='kind == "manifest"', output_fields=["generation"])
    return max((int(r["generation"]) for r in rows), default=0)


def made_live(client: Any, location: MilvusLocation) -> dict[int, dt.datetime]:
    """When each generation whose manifest is kept was made live."""
    rows = client.query(location.meta, filter='kind == "manifest"', output_fields=["generation", "body"])
    return {int(r["generation"]): dt.datetime.fromisoformat(json.loads(r["body"])["manifest"]["built_at"]) for r in rows}


def write_manifest(client: Any, location: MilvusLocation, manifest: IndexManifest, next_pk: int) -> None:
    """Make a generation live: one single-row insert."""
    body = json.dumps({"format_version": FORMAT_VERSION, "manifest": manifest.model_dump(mode="json"), "next_pk": next_pk})
    row = {"key": f"manifest-{manifest.generation:012d}", "kind": "manifest", "generation": manifest.generation,
           "body": body, "unused": [0.0, 0.0]}
    client.insert(location.meta, [row])


def stored_rows(client: Any, collection: str, expression: str, fields: list[str]) -> Iterator[dict[str, Any]]:
    """Every row matching, however many (a plain query stops at 16,384)."""
    iterator = client.query_iterator(collection, batch_size=IN_CHUNK, filter=expression, output_fields=fields)
    try:
        while batch := iterator.next():
            yield from batch
    finally:
        iterator.close()


def bm25_index_params(client: Any, vector_kind: str) -> Any:
    params = client.prepare_index_params()
    if vector_kind == "approximate":
        params.add_index("vector", index_type="IVF_FLAT", metric_type="IP", params={"nlist": 1024})
    else:
        params.add_index("vector", index_type="FLAT", metric_type="IP")
    params.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25",
                     params={"bm25_k1": BM25_K1, "bm25_b": BM25_B})
    return params
