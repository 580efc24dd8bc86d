"""The Milvus index: same answers as the local index, incremental, safe across a crash, selected by --index."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap

import pytest

from verify import Checker
from verify.errors import IndexMismatchError, IndexMissingError, UsageError
from verify.models import Filters

from conftest import MILVUS_MISSING, ROOT, long_quote_corpus

pytestmark = pytest.mark.skipif(bool(MILVUS_MISSING), reason=MILVUS_MISSING or "-")

QUERIES = [
    "How many farmers rallied in Brenmark?",
    "Selva bridge length in kilometres",
    "How many agreements did the leaders sign at the summit?",
    "“Our two nations have built something rare,” Alina Marek said.",
]


def hits_of(location, embedder, settings, filters=Filters(), k=10):
    from verify.backend import open_passage_index
    from verify.retrieve import Retriever

    return Retriever(open_passage_index(location), embedder, settings).search(QUERIES, k=k, filters=filters)


@pytest.mark.slow
@pytest.mark.parametrize("filters", [Filters(), Filters(sources=("varnian news agency",)), Filters(published_to=dt.date(2020, 1, 1)),
                                     Filters(published_from=dt.date(2026, 3, 12), published_to=dt.date(2026, 3, 13))])
def test_milvus_store_answers_as_the_local_index_does(sample_index, sample_milvus, embedder, settings, filters):
    local, milvus = hits_of(sample_index, embedder, settings, filters), hits_of(sample_milvus, embedder, settings, filters)
    assert any(local)
    for mine, theirs in zip(milvus, local):
        assert [(h.document_id, h.start, h.end) for h in mine] == [(h.document_id, h.start, h.end) for h in theirs]
        for a, b in zip(mine, theirs):
            assert (a.text, a.lead, a.title, a.source, a.published) == (b.text, b.lead, b.title, b.source, b.published)
            assert a.dense_score == pytest.approx(b.dense_score, abs=1e-5)
            assert a.lexical_score == pytest.approx(b.lexical_score, rel=1e-4)
            assert a.fused_score == pytest.approx(b.fused_score, abs=1e-5)


@pytest.mark.slow
def test_milvus_store_document_coverage_matches_the_local_index(sample_index, sample_milvus):
    from verify.backend import open_passage_index

    local, milvus = open_passage_index(sample_index), open_passage_index(sample_milvus)
    query = "How many agreements did the leaders sign at the summit in Sorrel?"
    places = {(p.document_id, p.start): row for row, p in enumerate(local.passages)}
    found = milvus.passage_texts(list(range(milvus.size)))  # a first build numbers passages from 0
    expected = local.coverage(query, [places[(p.document_id, p.start)] for p in found.values()])
    got = milvus.coverage(query, sorted(found))
    assert got and set(got.values()) != {0.0}
    for row, p in found.items():
        assert got[row] == pytest.approx(expected[places[(p.document_id, p.start)]])


@pytest.mark.slow
def test_milvus_store_is_incremental_and_only_embeds_what_changed(tmp_path, corpus_copy, settings, embedder, sample_milvus):
    from verify.indexing import build_index

    location = f"milvus-lite:{tmp_path / 'ix.db'}"
    first = build_index(corpus_copy, location, settings, embedder)
    assert first.changed and first.embedded_passages == first.manifest.passages > 0
    again = build_index(corpus_copy, location, settings, embedder)
    assert not again.changed and again.embedded_passages == 0 and again.unchanged == first.added
    (corpus_copy / "vna-2026-03-10-preview.md").unlink()
    talks = corpus_copy / "opa-2026-03-12-talks.md"
    talks.write_text(talks.read_text(encoding="utf-8") + "\n\nThe Kessel ferry carried 5,400 passengers in its first week.\n",
                     encoding="utf-8")
    changed = build_index(corpus_copy, location, settings, embedder)
    assert (changed.removed, changed.updated, changed.manifest.generation) == (1, 1, 2)
    assert 1 <= changed.embedded_passages <= 2  # the new last passage (and the one it joined), nothing else
    hits = hits_of(location, embedder, settings, k=20)
    assert not any(h.document_id == "vna-2026-03-10-preview.md" for per_query in hits for h in per_query)
    (ferry,) = Checker(location, settings, embedder).retriever.search(["Kessel ferry passengers"], k=1)[0]
    assert ferry.document_id == "opa-2026-03-12-talks.md" and "5,400" in ferry.text


@pytest.mark.slow
def test_milvus_store_another_model_or_no_index_is_a_clear_error(tmp_path, sample_milvus, embedder, settings, corpus_copy):
    from verify.backend import open_passage_index
    from verify.indexing import build_index
    from verify.retrieve import Retriever

    class OtherModel:
        model_id, dimension = "other/model", embedder.dimension

        def encode_queries(self, texts):
            return embedder.encode_queries(texts)

    with pytest.raises(IndexMismatchError, match="other/model") as error:
        Retriever(open_passage_index(sample_milvus), OtherModel(), settings)
    assert error.value.exit_code == 3
    with pytest.raises(IndexMismatchError, match="another collection"):
        build_index(corpus_copy, sample_milvus, settings, OtherModel())
    with pytest.raises(IndexMissingError, match="verify index"):
        open_passage_index(f"milvus-lite:{tmp_path / 'none.db'}")


@pytest.mark.parametrize(
    "value, uri, collection",
    [
        ("milvus://db.internal:19531/news", "http://db.internal:19531", "news"),
        ("milvus://db.internal/news", "http://db.internal:19530", "news"),
        ("milvus+https://milvus.example.org:443/wire_2026", "https://milvus.example.org:443", "wire_2026"),
    ],
)
def test_milvus_store_locations_name_server_and_collection(value, uri, collection):
    from verify.milvus_store import MilvusLocation

    location = MilvusLocation.parse(value)
    assert (location.uri, location.collection, location.lite, location.label) == (uri, collection, False, value)


@pytest.mark.parametrize("value, message", [
    ("milvus://admin:hunter2@db:19530/news", "credentials do not go on the command line"),
    ("milvus://db:19530/", "COLLECTION"),
    ("milvus://db:19530/bad-name", "COLLECTION"),
    ("milvus-lite:index/news", "ending in .db"),
])
def test_milvus_store_malformed_locations_are_usage_errors(value, message):
    from verify.backend import index_location

    with pytest.raises(UsageError, match=message):
        index_location(value)


def test_milvus_store_credentials_come_from_the_environment(monkeypatch):
    from verify.milvus_store import credentials

    for name in ("MILVUS_TOKEN", "MILVUS_USER", "MILVUS_PASSWORD", "MILVUS_DB_NAME"):
        monkeypatch.delenv(name, raising=False)
    assert credentials() == {}
    monkeypatch.setenv("MILVUS_USER", "desk")
    monkeypatch.setenv("MILVUS_PASSWORD", "pw")
    assert credentials() == {"user": "desk", "password": "pw"}


@pytest.mark.slow
def test_milvus_store_cli_index_check_and_errors(tmp_path, corpus_copy, capsys):
    from verify.cli import main

    location = f"milvus-lite:{tmp_path / 'cli.db'}"
    assert main(["index", str(corpus_copy), "--index", location, "-q"]) == 0
    assert "13 documents" in capsys.readouterr().out
    article = ROOT / "corpora" / "sample" / "article.md"
    assert main(["check", str(article), "--index", location, "--out", "-", "--format", "json", "-q"]) == 0
    assert '"supported"' in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(article), "--index", "milvus://u:p@host:19530/news"])
    assert exit_.value.code == 2 and "credentials" in capsys.readouterr().err
    assert main(["check", str(article), "--index", f"milvus-lite:{tmp_path / 'none.db'}", "-q"]) == 3


CRASHING_INDEX = textwrap.dedent("""
    import os, signal, sys
    import verify.milvus_indexing as milvus_indexing
    from verify.cli import main

    milvus_indexing.EMBED_BATCH = 4
    real_insert, inserts = milvus_indexing.Update.insert, []

    def insert_then_die(self, batch, vectors):
        real_insert(self, batch, vectors)
        inserts.append(len(batch))
        if len(inserts) == 3:  # killed mid-update: three batches staged, the rest not embedded
            os.kill(os.getpid(), signal.SIGKILL)

    milvus_indexing.Update.insert = insert_then_die
    sys.exit(main(["index", sys.argv[1], "--index", sys.argv[2], "-q"]))
""")


@pytest.mark.slow
def test_milvus_store_killed_update_keeps_searches_and_resumes_without_reembedding(tmp_path, corpus_copy, settings, embedder):
    from verify.backend import open_passage_index
    from verify.indexing import build_index

    location = f"milvus-lite:{tmp_path / 'crash.db'}"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    # Milvus Lite lets one process open a file: index in other processes, as `verify index` would
    subprocess.run([sys.executable, "-m", "verify", "index", str(corpus_copy), "--index", location, "-q"], env=env, timeout=600, check=True)
    for i in range(8):  # new documents: 8 x 2 passages to embed
        sentences = " ".join(f"Dock {i} of the Kessel port handled {1000 + 37 * i + j} containers in week {j}." for j in range(6))
        (corpus_copy / f"port-{i}.txt").write_text(f"Kessel port dock {i}\n\n{sentences}\n", encoding="utf-8")
    crashed = subprocess.run([sys.executable, "-c", CRASHING_INDEX, str(corpus_copy), location], env=env, timeout=600)
    assert crashed.returncode == -9  # SIGKILL
    index = open_passage_index(location)
    before = index.manifest
    assert (before.generation, before.documents) == (1, 13)  # the live generation is the one before the update
    (hits,) = hits_of(location, embedder, settings, k=3)[:1]
    assert hits and not any(h.document_id.startswith("port-") for h in hits)
    resumed = build_index(corpus_copy, location, settings, embedder)
    staged = 3 * 4
    new_passages = resumed.manifest.passages - before.passages
    assert new_passages > staged and resumed.embedded_passages == new_passages - staged
    assert open_passage_index(location).manifest.generation == before.generation + 1
    (port,) = Checker(location, settings, embedder).retriever.search(["Kessel port dock 5 containers"], k=1)[0]
    assert port.document_id.startswith("port-5")


@pytest.mark.slow
def test_milvus_store_server_answers_several_processes_while_an_update_is_written(milvus_server, corpus_copy, tmp_path, settings, embedder):
    from verify.backend import open_passage_index
    from verify.indexing import build_index

    build_index(corpus_copy, milvus_server, settings, embedder)
    article = ROOT / "corpora" / "sample" / "article.md"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    readers = [  # two `verify check` processes, each checking the article twice on one open index
        subprocess.Popen([sys.executable, "-m", "verify", "check", str(article), str(article), "--index", milvus_server,
                          "--out", f"{tmp_path / f'reports{i}'}/", "-q"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for i in range(2)
    ]
    (corpus_copy / "ferry.txt").write_text("Kessel ferry\n\nThe Kessel ferry carried 5,400 passengers in its first week.\n", encoding="utf-8")
    update = build_index(corpus_copy, milvus_server, settings, embedder)
    outcomes = [reader.communicate(timeout=600) for reader in readers]
    assert [reader.returncode for reader in readers] == [0, 0], outcomes
    assert all("total (2 articles)" in out for out, _ in outcomes)
    assert update.added == 1 and open_passage_index(milvus_server).manifest.generation == 2
    (ferry,) = Checker(milvus_server, settings, embedder).retriever.search(["Kessel ferry passengers"], k=1)[0]
    assert ferry.document_id == "ferry.txt"


# --- whole documents on Milvus: the article left out of its own evidence, quotes found word for word ---

def test_milvus_store_rebuilds_documents_as_the_local_index_holds_them(sample_index, sample_milvus):
    from verify.backend import open_passage_index

    local, milvus = open_passage_index(sample_index), open_passage_index(sample_milvus)
    ids = {doc_id for doc_id, _, _ in local.document_rows}
    assert ids
    for doc_id in ids:
        mine, theirs = milvus.document(doc_id), local.document(doc_id)
        # rebuilt from passages and leads, checked against the stored key: the original text and hash
        assert (mine.text, mine.sha256) == (theirs.text, theirs.sha256)
        assert (mine.title, mine.source, mine.url, mine.published) == (theirs.title, theirs.source, theirs.url, theirs.published)
        assert [(a, b) for _, a, b in milvus.document_passages(doc_id)] == [(a, b) for _, a, b in local.document_passages(doc_id)]


@pytest.mark.slow
def test_milvus_store_leaves_the_article_itself_out(tmp_path, corpus_copy, settings, embedder):
    import shutil

    from verify.indexing import build_index
    from verify.pipeline import check_article

    from conftest import SAMPLE

    shutil.copy(SAMPLE / "article.md", corpus_copy / "draft.md")
    location = f"milvus-lite:{tmp_path / 'copy.db'}"
    build_index(corpus_copy, location, settings, embedder)
    report = check_article(str(SAMPLE / "article.md"), location, settings, embedder=embedder)
    assert [d.document_id for d in report.excluded_documents] == ["draft.md"]
    assert all(ev.document_id != "draft.md" for c in report.claims for ev in c.evidence)
    assert hits_of(location, embedder, settings, Filters(excluded_document_ids=("draft.md",)), k=50)[0]
    assert all(h.document_id != "draft.md" for hits in hits_of(location, embedder, settings, Filters(excluded_document_ids=("draft.md",)), k=50)
               for h in hits)


@pytest.mark.slow
def test_milvus_store_finds_a_quote_word_for_word_across_passages(tmp_path, embedder, settings):
    from verify.indexing import build_index
    from verify.models import Article, ClaimKind, Verdict
    from verify.pipeline import Checker

    corpus = long_quote_corpus(tmp_path / "corpus")
    location = f"milvus-lite:{tmp_path / 'quotes.db'}"
    build_index(corpus, location, settings, embedder)
    checker = Checker(location, settings, embedder)
    quote = ("We will rebuild the north pier before winter. Every family that lost a boat will be paid in full "
             "by the city, and no fisher will wait longer than a month.")
    (found,) = checker.retriever.verbatim(quote)
    assert found.document_id.startswith("speech") and quote[-30:] in found.text and quote[:30] in found.text
    assert [q.speaker for q in found.quotes] == ["Lena Ostrova"]
    assert checker.retriever.verbatim(quote, Filters(excluded_document_ids=(found.document_id,))) == []
    draft = Article(text=f"“{quote},” Mayor Lena Ostrova said on Thursday.", sha256="draft")
    claims, judgments = checker.judge(draft)
    (judgment,) = [j for c, j in zip(claims, judgments) if c.kind is ClaimKind.QUOTE and c.direct]
    assert judgment.verdict is Verdict.SUPPORTED


def test_milvus_store_keeps_generations_readers_may_still_be_on():
    from verify.milvus_indexing import RETAIN_SECONDS, oldest_kept

    now = dt.datetime(2026, 3, 12, 12, 0, tzinfo=dt.timezone.utc)
    ago = lambda seconds: now - dt.timedelta(seconds=seconds)  # noqa: E731
    # generation 2 was replaced by 3 long ago; 3 by 4 a minute ago: a check may still be reading 3
    made = {2: ago(3 * RETAIN_SECONDS), 3: ago(2 * RETAIN_SECONDS), 4: ago(60), 5: ago(0)}
    assert oldest_kept(made, now) == 3
    assert oldest_kept({7: ago(0)}, now) == 7
    assert oldest_kept({6: ago(2 * RETAIN_SECONDS), 7: ago(RETAIN_SECONDS + 1)}, now) == 7
