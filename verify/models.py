"""The records stages pass forward. All frozen: a later stage points back by id, never edits.

Offsets (`start`, `end`) always index one named text: a `Sentence` or `Claim` into its
article's text, a `Passage` or `Evidence` into its document's text.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1"


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --- read -----------------------------------------------------------------------------


class Document(Frozen):
    """One reference document of the corpus, its text normalised (NFC)."""

    id: str
    title: str = ""
    source: str = ""
    url: str = ""
    published: dt.date | None = None
    text: str
    sha256: str


class Article(Frozen):
    """The text under check."""

    title: str = ""
    source: str = ""
    url: str = ""
    published: dt.date | None = None
    text: str
    sha256: str


# --- split ----------------------------------------------------------------------------


class Sentence(Frozen):
    start: int
    end: int
    text: str
    paragraph: int = 0


class Passage(Frozen):
    """A window of whole sentences of one document."""

    document_id: str
    start: int
    end: int
    text: str


# --- extract --------------------------------------------------------------------------


class ClaimKind(str, Enum):
    QUANTITY = "quantity"
    QUOTE = "quote"
    STATEMENT = "statement"


class Qualifier(str, Enum):
    EXACT = "exact"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"
    ABOUT = "about"
    RANGE = "range"


class Quantity(Frozen):
    """A number as the text states it, with the interval its qualifier allows."""

    value: float
    low: float | None
    high: float | None
    qualifier: Qualifier
    ordinal: bool = False
    counted: str = ""
    scope: str = ""  # "since taking office", "this year": a count under another scope is another claim
    unit: str = ""
    surface: str = ""
    holders: tuple[str, ...] = ()  # whose count it is: "Xi’s 11th visit" -> ("Xi Jinping",)


class ClaimBase(Frozen):
    id: str
    text: str  # the claim's span of the article text
    start: int
    end: int
    sentence: str  # the whole sentence around it, for reading and retrieval
    query: str  # the sentence with pronouns and titles resolved to names: what retrieval searches for
    decontextualised: str = ""  # the query with the article's date: the claim as read away from the article
    speaker: str | None = None
    speaker_role: str | None = None  # as the article gives it: "Chinese President", "researcher at the Russian Academy of Sciences"
    attributed_to: str | None = None
    # who or what the claim is about: names in its sentence, else the article's main actors;
    # evidence about other actors (another summit's 14 agreements) is not evidence for it
    entities: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _span_is_its_text(self) -> ClaimBase:
        # a claim's span is what reports mark, reviewers click and review trails carry over: an empty,
        # inverted or misaligned span is a bug, caught where the claim is made
        if self.start < 0 or self.end <= self.start:
            raise ValueError(f"claim span [{self.start}, {self.end}) is empty or inverted")
        if self.end - self.start != len(self.text):
            raise ValueError(f"claim span [{self.start}, {self.end}) does not hold its text ({len(self.text)} characters)")
        return self


class QuantityClaim(ClaimBase):
    kind: Literal[ClaimKind.QUANTITY] = ClaimKind.QUANTITY
    quantity: Quantity


class QuoteClaim(ClaimBase):
    kind: Literal[ClaimKind.QUOTE] = ClaimKind.QUOTE
    quote: str  # the quoted words, without the marks
    direct: bool = True
    speaker_inferred: bool = False  # no cue names the speaker; read from the sentence (its subject, a name after the quote)


class StatementClaim(ClaimBase):
    kind: Literal[ClaimKind.STATEMENT] = ClaimKind.STATEMENT
    figures_claimed: bool = False  # its figures are quantity claims of their own: judge the rest


Claim = Annotated[Union[QuantityClaim, QuoteClaim, StatementClaim], Field(discriminator="kind")]


# --- retrieve -------------------------------------------------------------------------


class QuotedWords(Frozen):
    """Words a reference document quotes, and whom it credits them to, read over the whole document
    (so "he said" after a quote resolves to whom the document is about, not to a name in the passage)."""

    words: str
    speaker: str
    inferred: bool = False  # no cue names the speaker: whom the document was about there


class RetrievedPassage(Frozen):
    """A passage found for a query, with the document it comes from."""

    passage_id: int
    document_id: str
    title: str
    source: str
    url: str
    published: dt.date | None
    text: str
    start: int
    end: int
    dense_score: float = Field(ge=-1.0, le=1.0)
    lexical_score: float = Field(ge=0.0)
    fused_score: float = Field(ge=0.0, le=1.0)
    lead: str = ""  # document text from the start of the passage's paragraph to the passage (a speaker label, say)
    quotes: tuple[QuotedWords, ...] = ()  # the document's direct quotes that overlap the passage, with their speakers


class Filters(Frozen):
    sources: tuple[str, ...] = ()
    published_from: dt.date | None = None
    published_to: dt.date | None = None
    excluded_document_ids: tuple[str, ...] = ()  # ids never used as evidence (copies of the article itself)

    @property
    def active(self) -> bool:
        return bool(self.sources or self.published_from or self.published_to or self.excluded_document_ids)


class SelfCopyReason(str, Enum):
    SAME_TEXT = "same_text"  # the document's text is the article's, character for character
    NEAR_DUPLICATE = "near_duplicate"  # 5-word shingles overlap (Jaccard) at least 0.8
    CONTAINS_ARTICLE = "contains_article"  # at least 0.8 of the article's 5-word shingles are in the document


class ExcludedDocument(Frozen):
    """A corpus document left out of the evidence because it is the article itself."""

    document_id: str
    title: str = ""
    source: str = ""
    reason: SelfCopyReason
    overlap_score: float = Field(ge=0.0, le=1.0)  # 1.0 for the same text; else the Jaccard or containment found


# --- judge ----------------------------------------------------------------------------


class Verdict(str, Enum):
    SUPPORTED = "supported"
    CONFLICTING = "conflicting"
    DISPUTED = "disputed"
    UNVERIFIED = "unverified"


# `--fail-on` levels: the verdicts that fail a check at each level, worst first.
FAILING_AT: dict[str, frozenset[Verdict]] = {
    "none": frozenset(),
    "conflicting": frozenset({Verdict.CONFLICTING}),
    "disputed": frozenset({Verdict.CONFLICTING, Verdict.DISPUTED}),
    "unverified": frozenset({Verdict.CONFLICTING, Verdict.DISPUTED, Verdict.UNVERIFIED}),
}


class Stance(str, Enum):
    SUPPORTS = "supports"
    CONFLICTS = "conflicts"
    RELATED = "related"


class WordChange(Frozen):
    """One step of a word diff between the article's quote and the evidence."""

    op: Literal["equal", "replace", "insert", "delete"]
    article: str = ""
    evidence: str = ""


class Evidence(Frozen):
    claim_id: str
    document_id: str
    title: str
    source: str
    url: str
    published: dt.date | None
    passage: str  # the evidence sentence(s) quoted
    start: int  # offsets of `passage` into the document text
    end: int
    stance: Stance
    score: float = Field(ge=0.0, le=1.0)
    note: str = ""
    word_diff: tuple[WordChange, ...] = ()  # quotes only: article words against evidence words


class Judgment(Frozen):
    claim_id: str
    verdict: Verdict
    confidence: float = Field(ge=0.0, le=1.0)  # calibrated: the share of such verdicts that were right when measured
    strength: float = Field(ge=0.0, le=1.0)  # the judges' raw rating of their evidence, before calibration
    explanation: str
    evidence: tuple[Evidence, ...] = ()


# --- report ---------------------------------------------------------------------------


class ReviewDecision(Frozen):
    """A reviewer's word on one claim, as kept in the append-only review log."""

    claim_id: str
    claim_key: str  # hash of kind, text and speaker: finds the same claim in a revised draft
    reviewer: str
    at: dt.datetime
    before: Verdict  # the verdict the reviewer saw
    after: Verdict  # the verdict the reviewer settled on (== before when accepted)
    note: str = ""
    carried_from: str | None = None  # the earlier report this decision was carried over from


class ReportClaim(Frozen):
    """A claim and its judgment, flattened for the report contract."""

    id: str
    kind: ClaimKind
    text: str
    start: int
    end: int
    sentence: str
    decontextualised: str = ""  # the claim with names resolved and the article's date: readable on its own
    speaker: str | None
    speaker_role: str | None = None
    speaker_inferred: bool = False  # no cue in the article names the speaker: read from the sentence (its subject, a name after the quote)
    attributed_to: str | None
    quantity: Quantity | None
    quote: str | None
    verdict: Verdict
    confidence: float = Field(ge=0.0, le=1.0)
    explanation: str
    evidence: tuple[Evidence, ...]
    review: ReviewDecision | None = None
    needs_review: bool = False  # the claim changed since a reviewer decided on its earlier wording

    _span_is_its_text = model_validator(mode="after")(ClaimBase._span_is_its_text)


class Summary(Frozen):
    supported: int = 0
    conflicting: int = 0
    disputed: int = 0
    unverified: int = 0


class IndexInfo(Frozen):
    path: str
    model: str
    documents: int
    passages: int
    corpus_fingerprint: str


class Report(Frozen):
    schema_version: Literal["1"] = SCHEMA_VERSION
    tool_version: str
    generated_at: dt.datetime
    index: IndexInfo
    article: Article
    claims: tuple[ReportClaim, ...]
    summary: Summary
    excluded_documents: tuple[ExcludedDocument, ...] = ()  # copies of the article found in the corpus
    notes: tuple[str, ...] = ()  # what a reader should know about the check as a whole, in words

    @model_validator(mode="after")
    def _claims_lie_in_the_article(self) -> Report:
        for claim in self.claims:
            if claim.end > len(self.article.text) or self.article.text[claim.start : claim.end] != claim.text:
                raise ValueError(f"claim {claim.id} span [{claim.start}, {claim.end}) is not its text in the article")
        return self


class IndexManifest(Frozen):
    format_version: int
    model: str
    dimension: int
    vector_kind: str
    documents: int
    passages: int
    passage_sentences: int
    passage_max_chars: int
    corpus_fingerprint: str
    built_at: dt.datetime
    generation: int


class IndexBuild(Frozen):
    """What `verify index` did."""

    path: str
    manifest: IndexManifest
    changed: bool
    added: int
    updated: int
    removed: int
    unchanged: int
    embedded_passages: int
    reused_passages: int
    seconds: float
