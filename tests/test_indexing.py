import json
import shutil

import pytest

from verify.config import Settings
from verify.errors import CorpusError, IndexCorruptError, IndexMismatchError, IndexMissingError, ModelError
from verify.backend import open_passage_index
from verify.index_store import open_index
from verify.indexing import build_index
from verify.pipeline import Checker, make_embedder
from verify.retrieve import Retriever
from verify.models import Filters
import verify.index_store as index_store

from conftest import BACKENDS

pytestmark = pytest.mark.slow


def test_indexing_builds_manifest_and_consistent_parts(sample_index):
    index = open_index(sample_index)
    m = index.manifest
    assert m.model == "sentence-transformers/all-MiniLM-L6-v2" and m.dimension == 384
    assert m.documents == 13 and m.passages == index.store.size == index.lexical.size == len(index.passages)


def test_indexing_is_incremental(tmp_path, corpus_copy, settings, embedder):
    first = build_index(corpus_copy, tmp_path / "ix", settings, embedder)
    assert first.changed and first.added == 13 and first.reused_passages == 0
    again = build_index(corpus_copy, tmp_path / "ix", settings, embedder)
    assert not again.changed and again.embedded_passages == 0 and again.unchanged == 13
    (corpus_copy / "opa-2026-03-14-analysis.md").unlink()
    page = corpus_copy / "background-2019-06-marek-visit.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA new closing sentence about the rail talks.\n", encoding="utf-8")
    changed = build_index(corpus_copy, tmp_path / "ix", settings, embedder)
    assert (changed.removed, changed.updated, changed.unchanged) == (1, 1, 11)
    assert 1 <= changed.embedded_passages <= 2  # only the changed document's last passage
    assert open_index(tmp_path / "ix").manifest.documents == 12


def test_indexing_new_lexical_scheme_rebuilds_bm25_and_reuses_vectors(tmp_path, corpus_copy, settings, embedder, monkeypatch):
    import verify.indexing as indexing

    first = build_index(corpus_copy, tmp_path / "ix", settings, embedder)
    monkeypatch.setattr(indexing, "LEXICAL_SCHEME", indexing.LEXICAL_SCHEME + "|other")
    again = build_index(corpus_copy, tmp_path / "ix", settings, embedder)
    assert again.changed and again.embedded_passages == 0 and again.reused_passages == first.manifest.passages


def test_indexing_new_splitter_version_recuts_passages_and_reuses_vectors(tmp_path, corpus_copy, settings, embedder, monkeypatch):
    import verify.indexing as indexing

    first = build_index(corpus_copy, tmp_path / "ix", settings, embedder)
    monkeypatch.setattr(indexing, "SPLITTER_VERSION", indexing.SPLITTER_VERSION + 1)
    again = build_index(corpus_copy, tmp_path / "ix", settings, embedder)
    assert again.changed and again.embedded_passages == 0 and again.reused_passages == first.manifest.passages


def test_indexing_crash_mid_build_keeps_previous_index(tmp_path, corpus_copy, settings, embedder, monkeypatch):
    build_index(corpus_copy, tmp_path / "ix", settings, embedder)
    before = open_index(tmp_path / "ix").manifest
    (corpus_copy / "extra.md").write_text("---\ntitle: Extra\n---\nA wholly new document about ferries.\n", encoding="utf-8")

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(index_store.Bm25Index, "save", crash)
    with pytest.raises(OSError):
        build_index(corpus_copy, tmp_path / "ix", settings, embedder)
    after = open_index(tmp_path / "ix")
    assert after.manifest == before and after.store.size == before.passages
    monkeypatch.undo()
    assert build_index(corpus_copy, tmp_path / "ix", settings, embedder).manifest.documents == 14


def test_indexing_corrupt_index_is_a_clear_error(tmp_path, sample_index):
    broken = tmp_path / "broken"
    shutil.copytree(sample_index, broken)
    live = broken / (broken / "CURRENT").read_text().strip()
    (live / "vectors.faiss").write_bytes(b"garbage")
    with pytest.raises(IndexCorruptError, match="unreadable"):
        open_index(broken)
    (live / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(IndexCorruptError, match="manifest.json"):
        open_index(broken)


def test_indexing_other_format_or_model_is_a_mismatch(tmp_path, sample_index, embedder):
    other = tmp_path / "other"
    shutil.copytree(sample_index, other)
    manifest_path = other / (other / "CURRENT").read_text().strip() / "manifest.json"
    data = json.loads(manifest_path.read_text())
    data["model"] = "some/other-model"
    manifest_path.write_text(json.dumps(data))
    with pytest.raises(IndexMismatchError, match="other-model"):
        Retriever(open_index(other), embedder, Settings())
    data["format_version"] = 99
    manifest_path.write_text(json.dumps(data))
    with pytest.raises(IndexMismatchError, match="format version 99"):
        open_index(other)


def test_indexing_missing_index_and_empty_corpus(tmp_path, settings, embedder):
    with pytest.raises(IndexMissingError, match="verify index"):
        open_index(tmp_path / "nothing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError):
        build_index(tmp_path / "empty", tmp_path / "ix", settings, embedder)


def test_indexing_unknown_model_is_a_model_error(tmp_path, corpus_copy):
    settings = Settings(model="no-such-org/no-such-model-xyz")
    with pytest.raises(ModelError, match="no-such-model-xyz"):
        build_index(corpus_copy, tmp_path / "ix", settings, make_embedder(settings))
    assert not (tmp_path / "ix" / "CURRENT").exists()


@pytest.mark.parametrize("backend", BACKENDS)
def test_indexing_approximate_store_finds_the_same_best_passage(tmp_path, corpus_copy, embedder, backend):
    settings = Settings(vector_kind="approximate")  # FAISS HNSW; Milvus IVF_FLAT (Milvus Lite refuses HNSW)
    location = tmp_path / "hnsw" if backend == "local" else f"milvus-lite:{tmp_path / 'ivf.db'}"
    build_index(corpus_copy, location, settings, embedder)
    retriever = Retriever(open_passage_index(location), embedder, settings)
    (hits,) = retriever.search(["How long is the Selva rail bridge?"], k=3)
    assert any("62 kilometres" in h.text or "62-kilometre" in h.text for h in hits)


def test_retrieve_hybrid_finds_and_filters(any_index, sample_index, embedder, settings):
    retriever = Retriever(open_passage_index(any_index), embedder, settings)
    (hits,) = retriever.search(["How many farmers rallied in Brenmark?"], k=3)
    assert hits[0].document_id == "wire-2026-03-12-protest"
    assert all(0 <= h.fused_score <= 1 for h in hits)
    assert hits[0].text == open_index(sample_index).document(hits[0].document_id).text[hits[0].start : hits[0].end]
    (only_vna,) = retriever.search(["How many agreements were signed?"], k=5, filters=Filters(sources=("Varnian News Agency",)))
    assert only_vna and all(h.source == "Varnian News Agency" for h in only_vna)
    import datetime as dt

    (old,) = retriever.search(["How many times have the leaders met?"], k=5, filters=Filters(published_to=dt.date(2020, 1, 1)))
    assert old and all(h.published.year == 2019 for h in old)


@pytest.mark.parametrize("fusion", ["rrf", "convex"])
def test_retrieve_fusion_modes_both_work(any_index, embedder, fusion):
    settings = Settings(fusion=fusion)
    (hits,) = Retriever(open_passage_index(any_index), embedder, settings).search(["Selva bridge length in kilometres"], k=3)
    assert hits and hits[0].fused_score == max(h.fused_score for h in hits)


def test_checker_reuses_model_and_index(any_index, embedder, settings):
    checker = Checker(any_index, settings, embedder)
    from verify.read import read_article
    from conftest import SAMPLE

    report = checker.check(read_article(str(SAMPLE / "article.md"), 10**6, 1.0))
    assert report.summary.supported >= 5


def test_retrieve_candidates_found_by_one_side_get_both_real_scores():
    import numpy as np

    from verify.config import VectorKind
    from verify.retrieve import complete_scores
    from verify.store import FaissStore

    vectors = np.eye(4, dtype=np.float32)
    store = FaissStore.build(vectors, VectorKind.EXACT)
    query = np.array([0.6, 0.8, 0.0, 0.0], dtype=np.float32)
    lexical_all = np.array([0.0, 2.0, 5.0, 0.0], dtype=np.float32)
    # dense found rows 0 and 1; BM25's top-1 is row 2, which dense missed
    dense, lexical = complete_scores({0: 0.6, 1: 0.8}, lexical_all, 1, store, query)
    assert dense == pytest.approx({0: 0.6, 1: 0.8, 2: 0.0})
    assert lexical == {2: 5.0, 1: 2.0}  # row 1's BM25 score is looked up, row 0 has none


def test_lexical_term_rows_name_the_passages_holding_each_query_term():
    from verify.lexical import Bm25Index

    lexical = Bm25Index.build(["The Selva bridge opens", "Bridge tolls rise", "Harvest festival in Brenmark"])
    terms = lexical.term_rows("Selva bridge tolls, and a word no passage has")
    assert [sorted(rows.tolist()) for _, rows in terms] == [[0], [0, 1], [1]]  # selva, bridge, toll
    idf = [weight for weight, _ in terms]
    assert idf[1] < idf[0] == idf[2] and all(w > 0 for w in idf)


def test_retrieve_document_coverage_counts_query_terms_anywhere_in_the_passage_document():
    import numpy as np

    from verify.retrieve import document_coverage

    passage_documents = np.array([0, 0, 1])  # rows 0 and 1 are one document, row 2 another
    terms = [(2.0, np.array([0])), (1.0, np.array([1, 2])), (1.0, np.array([2]))]
    coverage = document_coverage(terms, passage_documents, [0, 1, 2])
    assert coverage == pytest.approx({0: 0.75, 1: 0.75, 2: 0.5})
    assert document_coverage([], passage_documents, [0]) == {}


def test_retrieve_fusion_topic_bonus_breaks_a_tie_toward_the_covering_document_and_stays_in_range():
    from verify.config import FusionMode
    from verify.retrieve import Fusion

    dense, lexical, coverage = {0: 0.7, 1: 0.7}, {0: 3.0, 1: 3.0}, {0: 0.2, 1: 1.0}
    fused = Fusion(FusionMode.CONVEX, 0.8, 60, topic_weight=0.2)(dense, lexical, coverage)
    assert fused[1] > fused[0] and all(0 <= s <= 1 for s in fused.values())
    plain = Fusion(FusionMode.CONVEX, 0.8, 60, topic_weight=0.0)(dense, lexical, coverage)
    assert plain[0] == plain[1] == pytest.approx(0.8 * 0.7 + 0.2)


def test_retrieve_fused_scores_carry_the_document_coverage_bonus(any_index, embedder, settings):
    index = open_passage_index(any_index)
    query = "How many agreements did the leaders sign at the summit?"
    plain = Retriever(index, embedder, settings.model_copy(update={"topic_weight": 0.0})).search([query], k=100)[0]
    plain_fused = {hit.passage_id: hit.fused_score for hit in plain}
    weight = settings.topic_weight
    assert weight > 0
    for hit in Retriever(index, embedder, settings).search([query], k=5)[0]:
        coverage = index.coverage(query, [hit.passage_id])
        expected = (plain_fused[hit.passage_id] + weight * coverage[hit.passage_id]) / (1 + weight)
        assert hit.fused_score == pytest.approx(expected)
