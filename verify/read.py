"""Read reference documents and articles into normalised text with metadata.

Formats: .txt, .md (YAML front matter), .html/.htm (main text via trafilatura), .jsonl
(one document a line). Text is NFC-normalised with line endings made "\\n"; nothing else is
touched, so offsets into the stored text stay true.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from verify.dates import find_dates
from verify.errors import CorpusError, InputError
from verify.models import Article, Document

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
CORPUS_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# "Unicode" text as Windows tools save it: UTF-16 or UTF-32 with a byte-order mark (longest mark first)
WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
             (codecs.BOM_UTF16_BE, "utf-16"))


def decode_bytes(data: bytes, name: str) -> str:
    """Bytes to normalised text: UTF-8, or UTF-16/32 with a byte-order mark; anything else is refused."""
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    head = data[:8192]
    wide = next((codec for bom, codec in WIDE_BOMS if data.startswith(bom)), None)
    if b"\x00" in head and wide is None:
        raise InputError(f"{name}: looks like a binary file (NUL bytes), not text")
    try:
        text = data.decode(wide) if wide else data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not {(wide or 'utf-8').upper()} text (bad byte at offset {exc.start}); convert it to UTF-8"
        ) from exc
    if not text.strip():
        raise InputError(f"{name}: file is empty")
    controls = sum(1 for ch in text[:8192] if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 20):
        raise InputError(f"{name}: looks like a binary file (control characters), not text")
    return normalise(text)


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def parse_date(value: Any) -> dt.date | None:
    """A date from front matter or JSON: a date, a datetime or an ISO string; else None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


FRONT_MATTER_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*):[ \t]*(?P<value>.*?)[ \t]*$")


def plain_front_matter(block: str) -> dict[str, Any]:
    """Front matter read as one "key: value" a line (the value runs to the line's end), when YAML rejects it;
    empty when some line is not of that form."""
    meta: dict[str, Any] = {}
    for line in block.splitlines():
        if not line.strip():
            continue
        match = FRONT_MATTER_LINE.match(line)
        if match is None:
            return {}
        meta[match.group("key")] = match.group("value").strip("'\"")
    return meta


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter between leading '---' lines, and the body after it."""
    if not text.startswith("---\n"):
        return {}, text
    close = text.find("\n---", 4)
    if close < 0:
        return {}, text
    try:
        meta = yaml.safe_load(text[4:close]) or {}
    except yaml.YAMLError:  # "title: Dunmore's buses: more riders, fewer routes" is not YAML, but it is plain enough
        meta = plain_front_matter(text[4:close])
    if not isinstance(meta, dict) or not meta:
        return {}, text
    body_start = text.find("\n", close + 4)
    body = text[body_start + 1 :] if body_start >= 0 else ""
    return meta, body


def html_to_text(html: str, name: str) -> tuple[dict[str, Any], str]:
    """Main text and metadata of an HTML page (boilerplate dropped)."""
    import trafilatura  # heavy import, only when HTML shows up

    text = trafilatura.extract(html, output_format="txt", include_comments=False, favor_recall=True)
    if not text or not text.strip():
        raise InputError(f"{name}: no readable main text found in the HTML")
    meta = trafilatura.extract_metadata(html)
    found = {}
    if meta is not None:
        found = {"title": meta.title, "source": meta.sitename, "url": meta.url, "published": meta.date}
    return {k: v for k, v in found.items() if v}, normalise(text)


ISO_DATE = re.compile(r"\b(20\d\d|19\d\d)-(\d\d)-(\d\d)\b")
DATELINE_START = re.compile(r"^[A-Z][A-Z .'’-]+,\s*")  # "VELLANBY, 16 November 2026 (Estuary Press Agency) –"
OPENING_LINES = 4
BYLINE_CHARS = 160


def opening_date(text: str) -> dt.date | None:
    """The date a text gives at its top when no metadata does: a byline or date line ("*Kesterland Herald – Friday
    4 December 2026*", "Published 2026-12-04") or a dateline opening the first paragraph. A full date only (day,
    month and year); a sentence of the story is no byline, so a line ending as one is passed over."""
    lines = [line.strip(" *_#>\t") for line in text.splitlines() if line.strip()][:OPENING_LINES]
    for line in lines:
        byline = len(line) <= BYLINE_CHARS and not line.endswith((".", "!", "?", ":"))
        dateline = DATELINE_START.match(line)
        window = line if byline else line[: dateline.end() + 40] if dateline else ""
        if iso := ISO_DATE.search(window):
            return parse_date(iso.group(0))
        for ref in find_dates(window, None):
            if ref.granularity == "day" and ref.value and re.search(r"\d{4}", ref.surface):
                return ref.value
    return None


def first_line_title(body: str) -> str:
    """The first line, or a letterhead in capitals with the line after it ("KESTERLAND PORTS AUTHORITY" and "Joint
    media briefing on the Vellanby container terminal"): a letterhead alone says whose paper it is, not what about."""
    lines = [line.strip().lstrip("#").strip() for line in body.splitlines()]
    lines = [line for line in lines if line][:2]
    if not lines or len(lines[0]) > 200:
        return ""
    letterhead = lines[0].isupper() and len(lines[0].split()) <= 6
    subject = len(lines) > 1 and len(lines[1]) <= 120 and not lines[1].endswith(".") and not lines[1].isupper()
    return f"{lines[0]} – {lines[1]}" if letterhead and subject else lines[0]


def text_and_meta(raw: str, suffix: str, name: str) -> tuple[dict[str, Any], str]:
    if suffix in HTML_SUFFIXES:
        return html_to_text(raw, name)
    meta, body = split_front_matter(raw)
    if not body.strip():
        raise InputError(f"{name}: no text after the front matter")
    return meta, body


def make_document(doc_id: str, meta: dict[str, Any], text: str) -> Document:
    return Document(
        id=doc_id,
        title=str(meta.get("title") or first_line_title(text)),
        source=str(meta.get("source") or ""),
        url=str(meta.get("url") or ""),
        published=parse_date(meta.get("published") or meta.get("date")) or opening_date(text),
        text=text,
        sha256=sha256_text(text),
    )


def read_bytes_capped(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(f"{path}: {size / 1e6:.1f} MB is over the {limit / 1e6:.0f} MB limit")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc


# --- corpus ---------------------------------------------------------------------------


def corpus_files(corpus: Path) -> list[Path]:
    if not corpus.exists():
        raise CorpusError(f"corpus {corpus} does not exist")
    if corpus.is_file():
        return [corpus]
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() in CORPUS_SUFFIXES)
    if not files:
        raise CorpusError(f"corpus {corpus} holds no .txt, .md, .html or .jsonl files")
    return files


def jsonl_documents(raw: str, rel: str) -> Iterator[Document]:
    for lineno, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(f"{rel}:{lineno}: not valid JSON ({exc.msg})") from exc
        if not isinstance(record, dict) or not str(record.get("text") or "").strip():
            raise CorpusError(f"{rel}:{lineno}: a document needs a non-empty 'text'")
        doc_id = str(record.get("id") or f"{rel}:{lineno}")
        yield make_document(doc_id, record, normalise(str(record["text"])))


def read_corpus(corpus: Path, max_bytes: int) -> list[Document]:
    """Every document under `corpus`, in a stable order; ids are unique."""
    documents: list[Document] = []
    root = corpus if corpus.is_dir() else corpus.parent
    for path in corpus_files(corpus):
        rel = path.relative_to(root).as_posix()
        try:
            raw = decode_bytes(read_bytes_capped(path, max_bytes), rel)
            if path.suffix.lower() in JSONL_SUFFIXES:
                documents.extend(jsonl_documents(raw, rel))
            else:
                meta, text = text_and_meta(raw, path.suffix.lower(), rel)
                documents.append(make_document(str(meta.get("id") or rel), meta, text))
        except InputError as exc:
            raise CorpusError(f"corpus file {exc.message}") from exc
    seen: set[str] = set()
    for doc in documents:
        if doc.id in seen:
            raise CorpusError(f"corpus {corpus}: document id {doc.id!r} appears twice")
        seen.add(doc.id)
    return documents


# --- article --------------------------------------------------------------------------


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<body" in head or "<!doctype html" in head or "<article" in head


def article_from_text(text: str, published: dt.date | None = None, title: str = "", source: str = "", url: str = "") -> Article:
    """An article given as text (an API request body): front matter and HTML are honoured."""
    article = make_article(decode_bytes(text.encode("utf-8"), "text"), "", "text", published)
    updates = {k: v for k, v in (("title", title), ("source", source), ("url", url)) if v}
    return article.model_copy(update=updates) if updates else article


def make_article(raw: str, suffix: str, name: str, published: dt.date | None) -> Article:
    if suffix not in HTML_SUFFIXES and suffix not in TEXT_SUFFIXES and looks_like_html(raw):
        suffix = ".html"
    meta, text = text_and_meta(raw, suffix, name)
    return Article(
        title=str(meta.get("title") or first_line_title(text)),
        source=str(meta.get("source") or ""),
        url=str(meta.get("url") or ""),
        published=published or parse_date(meta.get("published") or meta.get("date")) or opening_date(text),
        text=text,
        sha256=sha256_text(text),
    )


def read_url_article(
    url: str, max_bytes: int, timeout_s: float, published: dt.date | None, allow_private: bool, allowed_hosts: tuple[str, ...]
) -> Article:
    """An article fetched over http(s) only; any other scheme is refused, never read locally."""
    from verify.fetch import check_url, fetch_url

    check_url(url, allow_private, allowed_hosts)
    data, content_type, final_url = fetch_url(url, max_bytes, timeout_s, allow_private, allowed_hosts)
    suffix = ".html" if "html" in content_type else ".txt"
    article = make_article(decode_bytes(data, url), suffix, url, published)
    return article if article.url else article.model_copy(update={"url": final_url})


def read_article(
    spec: str, max_bytes: int, timeout_s: float, published: dt.date | None = None, allow_private_urls: bool = True,
    allowed_hosts: tuple[str, ...] = (),
) -> Article:
    """An article from a file path, an http(s) URL, or '-' for standard input."""
    if spec == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(f"stdin: over the {max_bytes / 1e6:.0f} MB article limit")
        return make_article(decode_bytes(data, "stdin"), "", "stdin", published)
    if spec.lower().startswith(("http://", "https://")):
        return read_url_article(spec, max_bytes, timeout_s, published, allow_private_urls, allowed_hosts)
    path = Path(spec)
    if not path.is_file():
        raise InputError(f"{spec}: no such file")
    raw = decode_bytes(read_bytes_capped(path, max_bytes), spec)
    return make_article(raw, path.suffix.lower(), spec, published)
