"""The only module that knows the order of stages: read → split → extract → retrieve → judge → report."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from verify.config import Settings
from verify.embed import Embedder, SentenceTransformerEmbedder
from verify.extract import extract_claims
from verify.backend import IndexLocation, PassageIndex, index_location, open_passage_index
from verify.indexing import build_index as _build_index
from verify.judge import judge_claims
from verify.judge.entail import CrossEncoderEntailment
from verify.models import Article, Claim, Filters, IndexBuild, IndexInfo, Judgment, Report
from verify.read import read_article
from verify.report import build_report
from verify.retrieve import Retriever

log = logging.getLogger(__name__)


def make_embedder(settings: Settings) -> Embedder:
    return SentenceTransformerEmbedder(settings.model, batch_size=settings.batch_size)


class Checker:
    """An index and a model loaded once, checking any number of articles."""

    def __init__(self, index_dir: IndexLocation, settings: Settings, embedder: Embedder | None = None) -> None:
        self.index_dir = index_location(index_dir)
        self.settings = settings
        self.embedder = embedder or make_embedder(settings)
        self.index: PassageIndex = open_passage_index(self.index_dir)
        self.retriever = Retriever(self.index, self.embedder, settings)
        self.entailment = CrossEncoderEntailment(settings.entailment_model) if settings.entailment_model else None

    def judge(self, article: Article, filters: Filters = Filters()) -> tuple[tuple[Claim, ...], tuple[Judgment, ...]]:
        """The article's claims and their judgments, before they are flattened into a report."""
        claims = extract_claims(article)
        retrieved = self.retriever.search([c.query for c in claims], filters=filters)
        judgments = judge_claims(claims, retrieved, article.published, self.embedder, self.entailment, self.settings.entailment_threshold)
        return claims, judgments

    def check(self, article: Article, filters: Filters = Filters()) -> Report:
        claims, judgments = self.judge(article, filters)
        manifest = self.index.manifest
        info = IndexInfo(
            path=str(self.index_dir), model=manifest.model, documents=manifest.documents,
            passages=manifest.passages, corpus_fingerprint=manifest.corpus_fingerprint,
        )
        return build_report(article, claims, judgments, info)


def check_article(
    article: str | Article,
    index_dir: IndexLocation,
    settings: Settings | None = None,
    published: dt.date | None = None,
    filters: Filters = Filters(),
    embedder: Embedder | None = None,
) -> Report:
    """Check an article (a path, URL, '-' or an Article) against the index; return the Report."""
    settings = settings or Settings()
    if not isinstance(article, Article):
        article = read_article(article, settings.max_article_bytes, settings.fetch_timeout_s, published)
    elif published:
        article = article.model_copy(update={"published": published})
    return Checker(index_dir, settings, embedder).check(article, filters)


def build_index(corpus: Path | str, index_dir: IndexLocation, settings: Settings | None = None, embedder: Embedder | None = None) -> IndexBuild:
    """Build or update the index `index_dir` names (a folder or a Milvus location) from the documents under `corpus`."""
    settings = settings or Settings()
    return _build_index(Path(corpus), index_location(index_dir), settings, embedder or make_embedder(settings))
