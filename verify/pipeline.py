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
from verify.judge.entail import EntailmentBackend, make_entailment
from verify.judge.zero import zero_search
from verify.models import (
    Article, Claim, ExcludedDocument, Filters, IndexBuild, IndexInfo, Judgment, QuoteClaim, Report, RetrievedPassage,
    StatementClaim,
)
from verify.read import read_article
from verify.report import build_report
from verify.retrieve import Retriever

log = logging.getLogger(__name__)


def make_embedder(settings: Settings) -> Embedder:
    return SentenceTransformerEmbedder(settings.model, batch_size=settings.batch_size)


def with_verbatim(retriever: Retriever, claim: Claim, found: list[RetrievedPassage], filters: Filters) -> list[RetrievedPassage]:
    """A direct quote standing word for word in the corpus has that place first among its evidence, however
    the ranking went; ranked passages inside the same window are not repeated."""
    if not isinstance(claim, QuoteClaim) or not claim.direct:
        return found
    exact = retriever.verbatim(claim.quote, filters)
    inside = lambda p: any(p.document_id == e.document_id and e.start <= p.start and p.end <= e.end for e in exact)  # noqa: E731
    return exact + [p for p in found if not inside(p)]


def with_zero_counts(retriever: Retriever, claim: Claim, found: list[RetrievedPassage], filters: Filters) -> list[RetrievedPassage]:
    """"No one was killed": the passages that word the same count of zero otherwise ("There were no deaths") join
    the evidence, after what the claim's own words found."""
    query = zero_search(claim.query) if isinstance(claim, StatementClaim) else None
    if query is None:
        return found
    seen = {(p.document_id, p.start) for p in found}
    return found + [p for p in retriever.search([query], filters=filters)[0] if (p.document_id, p.start) not in seen]


class Checker:
    """An index and a model loaded once, checking any number of articles."""

    def __init__(self, index_dir: IndexLocation, settings: Settings, embedder: Embedder | None = None,
                 index: PassageIndex | None = None, entailment: EntailmentBackend | None = None) -> None:
        self.index_dir = index_location(index_dir)
        self.settings = settings
        self.embedder = embedder or make_embedder(settings)
        self.index: PassageIndex = index or open_passage_index(self.index_dir)
        self.retriever = Retriever(self.index, self.embedder, settings)
        self.entailment = entailment if entailment is not None else make_entailment(settings.entailment_model)

    def latest(self) -> "Checker":
        """This checker, or one on the generation live now when another writer (process) made a newer one live;
        the models are shared, not loaded again."""
        if self.index.live_generation() == self.index.manifest.generation:
            return self
        return Checker(self.index_dir, self.settings, self.embedder, self.index.reopen(), self.entailment)

    def judge(
        self, article: Article, filters: Filters = Filters(), copies: tuple[ExcludedDocument, ...] | None = None
    ) -> tuple[tuple[Claim, ...], tuple[Judgment, ...]]:
        """The article's claims and their judgments, before they are flattened into a report.

        Documents that are the article itself (`copies`, found here when not given) are no evidence.
        """
        copies = self.retriever.copies_of(article) if copies is None else copies
        if copies:
            excluded = filters.excluded_document_ids + tuple(c.document_id for c in copies)
            filters = filters.model_copy(update={"excluded_document_ids": excluded})
        claims = extract_claims(article)
        retrieved = [with_zero_counts(self.retriever, claim, with_verbatim(self.retriever, claim, found, filters), filters)
                     for claim, found in zip(claims, self.retriever.search([c.query for c in claims], filters=filters))]
        judgments = judge_claims(claims, retrieved, article.published, self.embedder, self.entailment, self.settings.entailment_threshold)
        return claims, judgments

    def check(self, article: Article, filters: Filters = Filters()) -> Report:
        copies = self.retriever.copies_of(article)
        claims, judgments = self.judge(article, filters, copies)
        manifest = self.index.manifest
        info = IndexInfo(
            path=str(self.index_dir), model=manifest.model, documents=manifest.documents,
            passages=manifest.passages, corpus_fingerprint=manifest.corpus_fingerprint,
        )
        return build_report(article, claims, judgments, info, copies)


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
