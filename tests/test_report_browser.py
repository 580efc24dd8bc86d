"""The HTML report in a real headless browser (Debian's chromium, driven by Playwright)."""

import shutil
from pathlib import Path

import pytest

from verify.cli import main

from conftest import ROOT, SAMPLE

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium); .ci/run installs it"),
]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


def open_report(browser, html: Path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    events = {"dialogs": 0, "requests": []}
    page.on("dialog", lambda d: (events.__setitem__("dialogs", events["dialogs"] + 1), d.dismiss()))
    page.on("request", lambda r: events["requests"].append(r.url))
    page.goto(html.as_uri())
    return page, events


def test_report_browser_click_claim_shows_evidence(tmp_path, sample_index, browser, capsys):
    base = tmp_path / "sample"
    main(["check", str(SAMPLE / "article.md"), "--index", str(sample_index), "--out", str(base), "-q"])
    page, events = open_report(browser, base.with_name("sample.html"))
    mark = page.locator("mark.conflicting").first
    claim_id = mark.get_attribute("data-id")
    panel = page.locator(f"section[data-id='{claim_id}']")
    assert not panel.locator("details.evidence blockquote").first.is_visible()
    mark.click()
    assert "current" in panel.get_attribute("class")
    assert panel.locator("details.evidence blockquote").first.is_visible()
    assert panel.locator("b.hit").count() > 0  # matched words marked in the evidence
    # the README's picture of the report is this page, as a reviewer sees it after clicking the claim
    shot = ROOT / "docs" / "img" / "report.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot), full_page=False)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a real rendered page, not a blank one
    page.keyboard.press("j")
    assert "current" not in panel.get_attribute("class")
    page.locator("input[data-f='supported']").uncheck()
    assert page.locator("section[data-verdict='supported']").first.is_hidden()
    assert all(url.startswith(("file:", "data:", "about:")) for url in events["requests"])
    page.close()


def test_report_browser_hostile_document_runs_nothing(tmp_path, browser, settings, embedder, capsys):
    from verify.indexing import build_index

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "evil.md").write_text(
        "---\ntitle: <script>window.__pwned=1</script>\nsource: <img src=x onerror=\"window.__pwned=2\">\n"
        "url: javascript:window.__pwned=3\npublished: 2026-03-12\n---\n"
        "About 300 farmers rallied in Brenmark on Thursday <script>window.__pwned=4</script> "
        "<img src=x onerror=\"window.__pwned=5\"> and police said the protest was peaceful.\n",
        encoding="utf-8",
    )
    build_index(corpus, tmp_path / "ix", settings, embedder)
    article = tmp_path / "article.md"
    article.write_text("About 300 farmers rallied in Brenmark on Thursday.\n\n<script>window.__pwned=6</script>\n", encoding="utf-8")
    main(["check", str(article), "--index", str(tmp_path / "ix"), "--out", str(tmp_path / "evil"), "-q"])
    page, events = open_report(browser, tmp_path / "evil.html")
    page.locator("mark").first.click()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert events["dialogs"] == 0
    assert "<script>window.__pwned" in page.locator("article").inner_text()  # shown as text
    assert page.locator("a[href^='javascript']").count() == 0
    page.close()
