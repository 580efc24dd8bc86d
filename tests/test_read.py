import datetime as dt
import json

import pytest

from verify.errors import CorpusError, InputError
from verify.read import decode_bytes, read_article, read_corpus

from conftest import SAMPLE


def test_read_corpus_reads_every_format():
    docs = {d.id: d for d in read_corpus(SAMPLE / "reference", 10**7)}
    assert len(docs) == 13
    md = docs["vna-2026-03-12-summit.md"]
    assert md.source == "Varnian News Agency" and md.published == dt.date(2026, 3, 12)
    assert md.text.startswith("LINDHAVEN, March 12 (VNA)")
    html = docs["lindhaven-herald-2026-03-13-bridge.html"]
    assert "$18.4 billion" in html.text and "cookies" not in html.text and "Subscribe" not in html.text
    assert docs["wire-2026-03-11-energy"].source == "Nordic Wire"
    assert docs["wire-2026-03-11-energy"].published == dt.date(2026, 3, 11)


def test_read_text_is_nfc_and_keeps_quotes(tmp_path):
    (tmp_path / "a.txt").write_text("Cafe\u0301 “quoted”  twice.\r\nNext line.", encoding="utf-8")
    (doc,) = read_corpus(tmp_path, 10**6)
    assert doc.text == "Café “quoted”  twice.\nNext line."


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Caf\xe9 au lait".encode("latin-1"), "not UTF-8"),
        (bytes(range(1, 9)) * 200, "binary"),
        (" \n".encode("utf-16"), "empty"),
        (b"\xff\xfeH\x00i\x00\x00\xd8", "not UTF-16"),  # a lone surrogate
    ],
)
def test_read_bad_bytes_is_one_clear_error(data, message):
    with pytest.raises(InputError, match=message):
        decode_bytes(data, "x")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_read_wide_unicode_with_a_byte_order_mark_is_text(codec):
    """Windows tools save "Unicode" text as UTF-16 with a byte-order mark: it is text, not a binary file."""
    data = ("\ufeff" if codec.endswith("-be") else "") + "Café “quoted”.\r\nNext line."
    assert decode_bytes(data.encode(codec), "x") == "Café “quoted”.\nNext line."


def test_read_article_too_large_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(InputError, match="over the 5 MB limit"):
        read_article(str(path), 5_000_000, 1.0)


def test_read_broken_html_without_text_is_an_input_error(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text("<html><body><div><p></div></span><script>var a=1</script>", encoding="utf-8")
    with pytest.raises(InputError, match="no readable main text"):
        read_article(str(path), 10**6, 1.0)


def test_read_broken_but_readable_html_gives_its_text(tmp_path):
    path = tmp_path / "broken.html"
    body = "The council approved 14 new housing projects on Monday after a long debate. " * 3
    path.write_text(f"<html><head><title>T</title><body><article><p>{body}<p>Unclosed <b>tags", encoding="utf-8")
    article = read_article(str(path), 10**6, 1.0)
    assert "14 new housing projects" in article.text


def test_read_corpus_bad_jsonl_line_names_file_and_line(tmp_path):
    (tmp_path / "w.jsonl").write_text(json.dumps({"id": "a", "text": "Fine."}) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"w.jsonl:2: not valid JSON"):
        read_corpus(tmp_path, 10**6)


def test_read_corpus_duplicate_ids_refused(tmp_path):
    line = json.dumps({"id": "same", "text": "Some text here."})
    (tmp_path / "w.jsonl").write_text(line + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="appears twice"):
        read_corpus(tmp_path, 10**6)


def test_read_corpus_missing_or_empty_folder(tmp_path):
    with pytest.raises(CorpusError, match="does not exist"):
        read_corpus(tmp_path / "nope", 10**6)
    with pytest.raises(CorpusError, match="holds no"):
        read_corpus(tmp_path, 10**6)


def test_read_article_front_matter_and_published_override():
    article = read_article(str(SAMPLE / "article.md"), 10**6, 1.0)
    assert article.published == dt.date(2026, 3, 13) and article.source == "The Sample Gazette"
    override = read_article(str(SAMPLE / "article.md"), 10**6, 1.0, published=dt.date(2026, 1, 1))
    assert override.published == dt.date(2026, 1, 1)


def test_read_front_matter_that_is_not_yaml_is_still_read_line_by_line(tmp_path):
    """A headline with a colon ("Dunmore's buses: more riders") is no YAML; its date and title must not be lost,
    nor the block left in the text."""
    path = tmp_path / "draft.md"
    path.write_text("---\ntitle: Osland's ferries: fewer crossings, higher fares\npublished: 2026-05-11\n---\n"
                    "Ferry crossings fell by a fifth last year.\n", encoding="utf-8")
    article = read_article(str(path), 10**6, 1.0)
    assert (article.title, article.published) == ("Osland's ferries: fewer crossings, higher fares", dt.date(2026, 5, 11))
    assert article.text.startswith("Ferry crossings")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "doc.md").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (document,) = read_corpus(tmp_path / "corpus", 10**6)
    assert document.published == dt.date(2026, 5, 11) and "title:" not in document.text


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("# Ships pile up off Vellanby\n\n*Kesterland Herald – draft for Friday 4 December 2026*\n\nThe strike went on.", dt.date(2026, 12, 4)),
        ("VELLANBY, 16 November 2026 (Estuary Press Agency) – Dockworkers walked out on Monday after a ballot.", dt.date(2026, 11, 16)),
        ("Port strike\n\nPublished 2026-12-04 08:15\n\nDockworkers walked out.", dt.date(2026, 12, 4)),
        # a sentence of the story is no byline: its date is what it tells of, not when it was written
        ("Plant closure\n\nThe plant closed on 4 March 1998.\n\nIt never reopened.", None),
        ("Plant closure\n\nOn 12 March 1998, the council voted to close the plant after a long campaign by residents.", None),
    ],
)
def test_read_article_date_from_its_byline_or_dateline(tmp_path, text, published):
    path = tmp_path / "draft.md"
    path.write_text(text, encoding="utf-8")
    assert read_article(str(path), 10**6, 5.0).published == published


def test_read_letterhead_title_takes_the_line_after_it(tmp_path):
    (tmp_path / "briefing.txt").write_text("KESTERLAND PORTS AUTHORITY\nJoint media briefing on the Vellanby terminal\n\n"
                                           "GIDEON PRYCE, HARBOUR MASTER: Thank you.\n", encoding="utf-8")
    (tmp_path / "wire.txt").write_text("Dockers walk out at Vellanby\n\nDockworkers walked out on Monday.\n", encoding="utf-8")
    titles = {d.id: d.title for d in read_corpus(tmp_path, 10**6)}
    assert titles == {"briefing.txt": "KESTERLAND PORTS AUTHORITY – Joint media briefing on the Vellanby terminal",
                      "wire.txt": "Dockers walk out at Vellanby"}
