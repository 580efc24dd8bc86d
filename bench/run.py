"""Benchmarks for `verify` on this machine; prints one Markdown table.

    python bench/run.py [--quick]
    python bench/run.py --retrieval-only --sizes 1000,3000,10000,30000,100000 --figure docs/img/latency.png

1. index throughput vs raw model.encode on the same passages (target >= 0.85)
2. re-index of an unchanged corpus vs the first build (target <= 5 %)
3. retrieval latency p50/p95 at 10k and 100k passages (synthetic corpus: random unit vectors,
   generated text; retrieval cost does not depend on what the vectors mean)
4. `verify check` of an ~800-word article at 100k passages: warm (in process) and cold (CLI)
5. peak memory (max RSS) of this process and of the cold CLI run
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from verify.config import Settings  # noqa: E402
from verify.embed import text_key  # noqa: E402
from verify.index_store import FORMAT_VERSION, write_generation  # noqa: E402
from verify.indexing import build_index  # noqa: E402
from verify.lexical import Bm25Index  # noqa: E402
from verify.models import Document, IndexManifest, Passage  # noqa: E402
from verify.pipeline import Checker, make_embedder  # noqa: E402
from verify.read import read_article, sha256_text  # noqa: E402
from verify.split import make_passages  # noqa: E402
from verify.store import FaissStore  # noqa: E402
from verify.config import VectorKind  # noqa: E402

SAMPLE = ROOT / "corpora" / "sample"
SUBJECTS = ["The council", "Officials", "The ministry", "President Alina Marek", "Chancellor Tomas Oduya", "The port authority", "Farmers", "The central bank", "Engineers", "Analysts"]
VERBS = ["approved", "rejected", "announced", "postponed", "reviewed", "signed", "funded", "criticised", "expanded", "proposed"]
OBJECTS = ["a rail link", "new customs rules", "a hydropower deal", "the budget", "a bridge tender", "grain exports", "a ferry route", "university exchanges", "a wage agreement", "the harbour plan"]


def sentence(rng: random.Random) -> str:
    n = rng.randint(2, 900)
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} worth {n} million on {rng.choice(['Monday', 'Tuesday', 'Friday'])}, {rng.choice(['officials said', 'according to the agency', 'the statement said'])}."


def synthetic_corpus(folder: Path, documents: int, rng: random.Random) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(documents):
        body = "\n\n".join(" ".join(sentence(rng) for _ in range(3)) for _ in range(2))
        (folder / f"doc-{i:05d}.md").write_text(f"---\ntitle: Item {i}\nsource: Bench Wire\npublished: 2026-01-{1 + i % 28:02d}\n---\n{body}\n", encoding="utf-8")


def bench_indexing(tmp: Path, embedder, settings: Settings, documents: int) -> list[tuple[str, str, str]]:
    corpus = tmp / "corpus"
    synthetic_corpus(corpus, documents, random.Random(1))
    from verify.indexing import searchable_texts
    from verify.read import read_corpus

    documents = read_corpus(corpus, settings.max_document_bytes)
    passages = [p for d in documents for p in make_passages(d.id, d.text, settings.passage_sentences, settings.passage_max_chars)]
    texts = searchable_texts(passages, documents, settings.passage_titles)  # exactly what the index embeds
    embedder.encode(["warm up the model"])
    raw = first = float("inf")
    for _ in range(2):  # best of two, alternating, so neither side gets the warmer machine
        started = time.perf_counter()
        embedder._encode_raw(texts, progress=False)
        raw = min(raw, time.perf_counter() - started)
        shutil.rmtree(tmp / "ix", ignore_errors=True)
        started = time.perf_counter()
        build = build_index(corpus, tmp / "ix", settings, embedder)
        first = min(first, time.perf_counter() - started)
    started = time.perf_counter()
    again = build_index(corpus, tmp / "ix", settings, embedder)
    reindex = time.perf_counter() - started
    assert not again.changed
    n = build.manifest.passages
    return [
        ("index throughput", f"{n / first:.1f} passages/s ({n} passages, {first:.1f} s)", "—"),
        ("raw model.encode, same passages", f"{n / raw:.1f} passages/s ({raw:.1f} s)", "—"),
        ("index / raw throughput", f"{raw / first:.2f}", "≥ 0.85"),
        ("re-index unchanged corpus", f"{reindex:.2f} s = {100 * reindex / first:.1f} % of first build", "≤ 5 %"),
    ]


def synthetic_index(path: Path, passages: int, dimension: int, model_id: str, rng: random.Random) -> None:
    per_doc = 10
    docs, rows = [], []
    for d in range(passages // per_doc):
        sentences = [sentence(rng) for _ in range(per_doc)]
        text = " ".join(sentences)
        doc = Document(id=f"syn-{d}", title=f"Synthetic {d}", source="Bench Wire", published=dt.date(2025, 1, 1) + dt.timedelta(days=d % 365), text=text, sha256=sha256_text(text))
        docs.append(doc)
        cursor = 0
        for s in sentences:
            rows.append(Passage(document_id=doc.id, start=cursor, end=cursor + len(s), text=s))
            cursor += len(s) + 1
    vectors = np.random.default_rng(7).standard_normal((len(rows), dimension)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    manifest = IndexManifest(
        format_version=FORMAT_VERSION, model=model_id, dimension=dimension, vector_kind="exact", documents=len(docs),
        passages=len(rows), passage_sentences=1, passage_max_chars=900, corpus_fingerprint="synthetic",
        built_at=dt.datetime.now(dt.timezone.utc), generation=1,
    )
    write_generation(path, manifest, docs, rows, [text_key(p.text) for p in rows], FaissStore.build(vectors, VectorKind.EXACT), Bm25Index.build([p.text for p in rows]))


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.array(values) * 1000, q))


def bench_retrieval(
    tmp: Path, embedder, settings: Settings, sizes: list[int], points: list[tuple[int, float, float]] | None = None
) -> tuple[list[tuple[str, str, str]], Path]:
    """Latency rows per corpus size; (size, p50 ms, p95 ms) appended to `points` for the figure."""
    rows, rng = [], random.Random(3)
    largest = None
    embedder.encode_queries(["warm-up: the model loads before anything is timed"])
    for size in sizes:
        path = tmp / f"syn-{size}"
        started = time.perf_counter()
        synthetic_index(path, size, embedder.dimension, embedder.model_id, rng)
        build_s = time.perf_counter() - started
        checker = Checker(path, settings, embedder)
        latencies = []
        for i in range(60):
            # new words at every size: a query repeated from the size before would come from the
            # embedder's cache, and the row would not include embedding as it says
            query = sentence(random.Random(1000 + i)) + f" case {i} of {size}"
            started = time.perf_counter()
            checker.retriever.search([query])
            latencies.append(time.perf_counter() - started)
        p50, p95 = percentile(latencies, 50), percentile(latencies, 95)
        rows.append((f"retrieval latency, {size // 1000}k passages", f"p50 {p50:.0f} ms, p95 {p95:.0f} ms (one query, embedding included; index written in {build_s:.0f} s)", "—"))
        if points is not None:
            points.append((size, p50, p95))
        largest = path
    return rows, largest


def article_800_words(tmp: Path) -> Path:
    """An ~800-word news story written for the benchmark (bench/data), claims at a normal density."""
    return ROOT / "bench" / "data" / "article-800.md"


def judge_time(checker: Checker, article, embedder) -> float:
    """Seconds the judges take for this article, the other stages run first (caches as in a real check)."""
    from verify.extract import extract_claims
    from verify.judge import judge_claims

    embedder._cache.clear()
    forget_pairs(checker)
    claims = extract_claims(article)
    retrieved = checker.retriever.search([c.query for c in claims])
    started = time.perf_counter()
    judge_claims(claims, retrieved, article.published, embedder, checker.entailment, checker.settings.entailment_threshold)
    return time.perf_counter() - started


def forget_pairs(checker: Checker) -> None:
    """No help from the entailment cache either: every run asks the model again."""
    cache = getattr(checker.entailment, "_cache", None)
    if cache is not None:
        cache.clear()


def bench_entailment(checker: Checker, article) -> list[tuple[str, str, str]]:
    """The entailment model's throughput, and how many pairs one check asks it about."""
    from verify.extract import extract_claims
    from verify.judge import judge_claims
    from verify.judge.evidence import best_span
    from verify.judge.meaning import questions

    if checker.entailment is None:
        return []
    claims = extract_claims(article)
    retrieved = checker.retriever.search([c.query for c in claims])
    pairs = [(best_span(c.query, p).text, c.query) for c, found in zip(claims, retrieved) for p in found[:2]] * 4
    forget_pairs(checker)
    started = time.perf_counter()
    checker.entailment.scores(pairs)
    rate = len(pairs) / (time.perf_counter() - started)
    calls: list[int] = []
    original = checker.entailment.scores
    checker.entailment.scores = lambda asked: calls.append(len(asked)) or original(asked)  # count, then answer
    judge_claims(claims, retrieved, article.published, checker.embedder, checker.entailment)
    checker.entailment.scores = original
    return [("entailment model throughput", f"{rate:.0f} pairs/s ({len(pairs)} claim / evidence pairs, batch 32)", "≥ 100 pairs/s"),
            ("pairs the model reads per 800-word check", f"{sum(calls)} (what the typed judges leave open, first two passages)", "—")]


def bench_check(tmp: Path, index: Path, embedder, settings: Settings, size_label: str) -> list[tuple[str, str, str]]:
    article_path = article_800_words(tmp)
    article = read_article(str(article_path), 10**6, 1.0)
    checker = Checker(index, settings, embedder)
    checker.check(read_article(str(SAMPLE / "article.md"), 10**6, 1.0))  # warm-up on another text
    timings, judging = [], []
    for _ in range(3):
        embedder._cache.clear()  # no help from the query cache: every run embeds its claims
        forget_pairs(checker)
        started = time.perf_counter()
        report = checker.check(article)
        timings.append(time.perf_counter() - started)
        judging.append(judge_time(checker, article, embedder))
    started = time.perf_counter()
    child = subprocess.run(
        [sys.executable, "-m", "verify", "check", str(article_path), "--index", str(index), "--out", str(tmp / "cold"), "-q"],
        capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )
    cold = time.perf_counter() - started
    if child.returncode not in (0, 1):
        raise SystemExit(f"cold check failed: {child.stderr.strip()}")
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return [
        (f"check 800-word article, warm, {size_label}, entailment {settings.entailment_model}",
         f"{np.median(timings):.2f} s median of 3 ({len(report.claims)} claims)", "≤ 1.0 s"),
        ("judging's share of that check", f"{np.median(judging):.2f} s = {100 * np.median(judging) / (np.median(timings) - np.median(judging)):.0f} % on top of the rest", "≤ 20 %"),
        (f"check 800-word article, cold CLI, {size_label}", f"{cold:.1f} s (process start, imports, model and index load)", "—"),
        ("peak memory, cold CLI run", f"{child_rss:.0f} MiB", "—"),
    ] + bench_entailment(checker, article)


def bench_judging_relevant(tmp: Path, embedder, settings: Settings) -> list[tuple[str, str, str]]:
    """Judging where the evidence is relevant (the sample article against the sample corpus)."""
    index = tmp / "render-ix"  # built by bench_render from corpora/sample/reference
    checker = Checker(index, settings, embedder)
    article = read_article(str(SAMPLE / "article.md"), 10**6, 1.0)
    totals, judging = [], []
    for _ in range(3):
        embedder._cache.clear()
        forget_pairs(checker)
        started = time.perf_counter()
        checker.check(article)
        totals.append(time.perf_counter() - started)
        judging.append(judge_time(checker, article, embedder))
    share = np.median(judging) / (np.median(totals) - np.median(judging))
    return [("judging's share, sample article on the sample corpus", f"{np.median(judging):.2f} s of {np.median(totals):.2f} s = {100 * share:.0f} % on top of the rest", "≤ 20 %")]


def bench_extract() -> list[tuple[str, str, str]]:
    """Claim extraction alone, in process, on ~1,000 words of written news copy."""
    from verify.extract import extract_claims
    from verify.models import Article

    text = read_article(str(ROOT / "bench" / "data" / "article-800.md"), 10**6, 1.0).text + "\n\n"
    text += read_article(str(SAMPLE / "article.md"), 10**6, 1.0).text
    article = Article(text=text, sha256=sha256_text(text))
    from verify.extract import quantities
    from verify import split

    timings = []
    for _ in range(5):
        quantities._find_cached.cache_clear()  # no help from the caches the judges use
        split._split_cached.cache_clear()
        started = time.perf_counter()
        claims = extract_claims(article)
        timings.append(time.perf_counter() - started)
    rows = [(f"extract claims, {len(text.split())}-word article", f"{min(timings) * 1000:.0f} ms best of 5 ({len(claims)} claims)", "< 100 ms")]
    return rows + bench_extract_transcripts()


def bench_extract_transcripts() -> list[tuple[str, str, str]]:
    """Extraction time grows with the text, not with its square: a transcript of quotes, at two sizes."""
    from verify.extract import extract_claims
    from verify.models import Article

    result = []
    for lines in (7000, 28000):
        text = "“We will build the harbour,” she said.\n" * lines
        started = time.perf_counter()
        extract_claims(Article(text=text, sha256=sha256_text(text)))
        result.append(f"{len(text) / 10**6:.2f} MB {time.perf_counter() - started:.1f} s")
    return [("extract claims, transcript of one-line quotes (¼ and full size)", " / ".join(result), "—")]


def bench_render(tmp: Path) -> list[tuple[str, str, str]]:
    """All report formats for a 100-claim report (claims cloned from the sample's report)."""
    from verify.report import ReportFormat, render
    from verify.review import load_report

    sample = tmp / "render-sample"
    subprocess.run([sys.executable, "-m", "verify", "index", str(SAMPLE / "reference"), "--index", str(tmp / "render-ix"), "-q"], check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "verify", "check", str(SAMPLE / "article.md"), "--index", str(tmp / "render-ix"), "--out", str(sample), "-q"], capture_output=True)
    report = load_report(sample.with_name("render-sample.json"))
    claims = [c.model_copy(update={"id": f"c{i + 1}"}) for i, c in enumerate((report.claims * 100)[:100])]
    big = report.model_copy(update={"claims": tuple(claims)})
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        for fmt in ReportFormat:
            render(big, fmt)
        timings.append(time.perf_counter() - started)
    return [("render json+md+html+claimreview, 100 claims", f"{min(timings) * 1000:.0f} ms (best of 5)", "< 500 ms")]


def main() -> int:
    parser = argparse.ArgumentParser(description="verify benchmarks")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    parser.add_argument("--sizes", help="retrieval corpus sizes in passages, comma-separated (default 10000,100000)")
    parser.add_argument("--retrieval-only", action="store_true", help="only the retrieval latency rows")
    parser.add_argument("--figure", type=Path, help="also draw retrieval latency against corpus size to this PNG")
    args = parser.parse_args()
    settings = Settings()
    embedder = make_embedder(settings)
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else [2000, 10_000] if args.quick else [10_000, 100_000]
    points: list[tuple[int, float, float]] = []
    tmp = Path(tempfile.mkdtemp(prefix="verify-bench-"))
    try:
        rows = [] if args.retrieval_only else bench_indexing(tmp, embedder, settings, 40 if args.quick else 300)
        retrieval, largest = bench_retrieval(tmp, embedder, settings, sizes, points)
        rows += retrieval
        if not args.retrieval_only:
            rows += bench_check(tmp, largest, embedder, settings, largest.name.replace("syn-", "") + " passages")
            rows += bench_render(tmp)
            rows += bench_judging_relevant(tmp, embedder, settings)
            rows += bench_extract()
        rows.append(("peak memory, this process", f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB", "—"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"\nverify bench — {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {dt.date.today()}\n")
    print("| measure | result | target |\n|---|---|---|")
    for name, value, target in rows:
        print(f"| {name} | {value} | {target} |")
    if args.figure:
        sys.path.insert(0, str(ROOT / "eval"))
        from figures import latency_figure

        print(f"\nfigure: {latency_figure(points, args.figure)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
