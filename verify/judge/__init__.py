"""Claims + retrieved passages -> one judgment per claim, with stances and cited evidence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from verify.embed import Embedder
from verify.judge.calibration import calibrate
from verify.judge.clause import judge_reported_clause
from verify.judge.entail import EntailmentBackend
from verify.judge.evidence import EvidenceSpan, best_span
from verify.judge.quantity import judge_quantity, superseded
from verify.judge.quote import judge_quote, speaker_in
from verify.judge.statement import judge_statement
from verify.models import (
    Claim, Evidence, Judgment, QuantityClaim, QuoteClaim, RetrievedPassage, Stance, StatementClaim, Verdict, WordChange,
)

SPAN_SIMILARITY_PASSAGES = 1  # evidence spans embedded per claim: the cost of sentence-level cosine
MIN_SPAN_OVERLAP = 0.3
CONTRADICTION_MIN_COSINE = 0.6  # the model's "contradiction" counts only for evidence about the same thing
REWORDED_COSINE = 0.85  # a quote not found in the words but this close in meaning was reworded
INDIRECT_SUPPORT_COSINE = 0.72  # reported speech paraphrases by nature; the speaker must still be named


def describe_source(passage: RetrievedPassage) -> str:
    name = passage.source or passage.title or passage.document_id
    return f"{name} ({passage.published:%-d %b %Y})" if passage.published else name


@dataclass(frozen=True)
class Finding:
    """What one passage says of one claim, whichever judge read it."""

    stance: Stance
    note: str = ""
    diff: tuple[WordChange, ...] = ()
    sentence: tuple[int, int] | None = None  # offsets into the passage of the deciding sentence, if not the span


def stance_for(claim: Claim, passage: RetrievedPassage, span: EvidenceSpan, cosine: float, published: dt.date | None) -> Finding:
    context = f"{passage.title}\n{passage.lead}{passage.text}"
    if isinstance(claim, QuantityClaim):  # the source names an actor too ("Kestrel Bay Green group (press release)")
        counted = judge_quantity(claim, passage.text, cosine, published, passage.published, span.overlap,
                                 f"{passage.source or ''}\n{context}")
        return Finding(counted.stance, counted.note, sentence=counted.sentence)
    if isinstance(claim, QuoteClaim) and claim.direct:
        quoted = judge_quote(claim, passage.text, f"{passage.title}\n{passage.lead}")  # "Statement by Minister X" names her
        if quoted.stance is Stance.RELATED and not quoted.note and cosine >= REWORDED_COSINE \
                and speaker_in(claim.speaker, passage.lead + passage.text):
            # the speaker's point, not the speaker's words: a direct quote that is a paraphrase
            return Finding(Stance.CONFLICTS, f"has this in other words (similarity {cosine:.2f}), not as quoted: reworded")
        return Finding(quoted.stance, quoted.note, quoted.diff)
    if isinstance(claim, QuoteClaim):  # reported speech: the gist must hold, and the speaker must be named
        stated = judge_reported_clause(claim, span.text, cosine, (published, passage.published),
                                       (passage.text, context, passage.title, passage.source or ""), span.overlap,
                                       INDIRECT_SUPPORT_COSINE)
        if stated.stance is Stance.SUPPORTS and not speaker_in(claim.speaker, passage.text):
            return Finding(Stance.RELATED, f"says this but not that {claim.speaker} said it")
        return Finding(stated.stance, stated.note)
    stated = judge_statement(claim.query, span.text, cosine, published, passage.published, context=context, title=passage.title,
                             figures_claimed=claim.figures_claimed)
    return Finding(stated.stance, stated.note)


def needs_sentence_cosine(claim: Claim) -> bool:
    """Statements and quotes are read for meaning too (a direct quote may be the speaker's meaning in
    the reporter's words); figures are judged on their numbers."""
    return isinstance(claim, (StatementClaim, QuoteClaim))


def span_cosines(
    claims: Sequence[Claim], spans: list[list[EvidenceSpan]], passages: Sequence[Sequence[RetrievedPassage]], embedder: Embedder
) -> list[list[float]]:
    """Sentence-level cosine for the first passages of the claims judged on meaning, in one batch.

    A passage's cosine understates a one-sentence match, so the best span of the first
    SPAN_SIMILARITY_PASSAGES passages is embedded; everything else keeps its passage cosine
    (embedding is most of the judging time: see bench/run.py).
    """
    cosines = [[p.dense_score for p in found] for found in passages]
    # a sentence sharing under MIN_SPAN_OVERLAP of the claim's words cannot support or contradict it
    # (statements need most words in order, paraphrases share many): do not pay to embed it
    wanted = [i for i, claim in enumerate(claims) if needs_sentence_cosine(claim) and spans[i] and spans[i][0].overlap >= MIN_SPAN_OVERLAP]
    texts = [claims[i].query for i in wanted] + [s.text for i in wanted for s in spans[i][:SPAN_SIMILARITY_PASSAGES]]
    if not wanted:
        return cosines
    vectors = embedder.encode_queries(texts)
    cursor = len(wanted)
    for k, i in enumerate(wanted):
        for j, _ in enumerate(spans[i][:SPAN_SIMILARITY_PASSAGES]):
            cosines[i][j] = max(cosines[i][j], float(np.clip(vectors[cursor] @ vectors[k], -1.0, 1.0)))
            cursor += 1
    return cosines


def judge_claim(
    claim: Claim, passages: Sequence[RetrievedPassage], spans: list[EvidenceSpan], cosines: list[float],
    published: dt.date | None, nli: dict[str, float] | None = None, threshold: float = 0.9,
) -> Judgment:
    evidence = []
    for j, (passage, span, cosine) in enumerate(zip(passages, spans, cosines)):
        found = stance_for(claim, passage, span, cosine, published)
        if j == 0:
            found = refine(found, nli, cosine, threshold)
        if found.sentence is not None:  # cite the sentence that gives the figure
            a, b = found.sentence
            span = EvidenceSpan(passage.text[a:b], passage.start + a, passage.start + b, span.overlap)
        evidence.append(Evidence(
            claim_id=claim.id, document_id=passage.document_id, title=passage.title, source=passage.source,
            url=passage.url, published=passage.published, passage=span.text, start=span.start, end=span.end,
            stance=found.stance, score=max(0.0, min(1.0, cosine)), note=found.note, word_diff=found.diff,
        ))
    if isinstance(claim, QuantityClaim):  # a level newer evidence backs is not disputed by an older one
        evidence = superseded(claim, evidence, published)
    return aggregate(claim, evidence, passages)


def aggregate(claim: Claim, evidence: list[Evidence], passages: Sequence[RetrievedPassage]) -> Judgment:
    """One verdict from all stances: both ways is disputed; neither is unverified."""
    supports = [e for e in evidence if e.stance is Stance.SUPPORTS]
    conflicts = [e for e in evidence if e.stance is Stance.CONFLICTS]
    by_doc = {p.document_id: p for p in passages}
    said = f"The article says “{claim.text.strip().rstrip(',;:')}”"
    if supports and conflicts:
        verdict, strength = Verdict.DISPUTED, 0.5
        explanation = f"{said}; {cite(supports[0], by_doc)} but {cite(conflicts[0], by_doc)}."
    elif supports:
        verdict, strength = Verdict.SUPPORTED, strength_of(supports)
        explanation = f"{said}; {cite(supports[0], by_doc)}."
    elif conflicts:
        verdict, strength = Verdict.CONFLICTING, strength_of(conflicts)
        explanation = f"{said}; {cite(conflicts[0], by_doc)}."
    else:
        verdict = Verdict.UNVERIFIED
        strength = 1.0 - max((e.score for e in evidence), default=0.0) * 0.5
        notes = [e for e in evidence if e.note]
        reason = cite(notes[0], by_doc) if notes else "no reference passage states it"
        explanation = f"{said}; {reason}."
    credit = credit_note(claim, supports)
    if credit:
        explanation, strength = f"{explanation} {credit}", strength * 0.85
    ordered = sorted(evidence, key=lambda e: (e.stance is Stance.RELATED, -e.score))
    confidence = calibrate(verdict.value, claim.kind.value, strength)
    return Judgment(claim_id=claim.id, verdict=verdict, confidence=round(confidence, 3), strength=round(strength, 4),
                    explanation=explanation, evidence=tuple(ordered))


def credit_note(claim: Claim, supports: list[Evidence]) -> str:
    """When the article credits an agency ("according to TASS"), does the supporting evidence come from it?"""
    agency = claim.attributed_to if isinstance(claim, QuoteClaim) else None
    if not agency or not supports:
        return ""
    words = [w.lower() for w in agency.split() if len(w) > 2 and w.lower() not in ("news", "agency", "the")] or [agency.lower()]
    for evidence in supports:
        origin = f"{evidence.source} {evidence.title} {evidence.url}".lower()
        if any(word in origin for word in words):
            return ""
    return f"The article credits {agency}, but none of the supporting evidence comes from it."


def cite(evidence: Evidence, by_doc: dict[str, RetrievedPassage]) -> str:
    return f"{describe_source(by_doc[evidence.document_id])} {evidence.note or 'is related'}"


def strength_of(evidence: list[Evidence]) -> float:
    """More agreeing documents and closer matches speak more strongly (calibration turns this into confidence)."""
    best = max(e.score for e in evidence)
    documents = len({e.document_id for e in evidence})
    return min(0.99, 0.55 + 0.3 * best + 0.05 * (documents - 1))


def judge_claims(
    claims: Sequence[Claim], retrieved: Sequence[Sequence[RetrievedPassage]], published: dt.date | None, embedder: Embedder,
    entailment: EntailmentBackend | None = None, threshold: float = 0.9,
) -> tuple[Judgment, ...]:
    spans = [[best_span(c.query, p) for p in found] for c, found in zip(claims, retrieved)]
    cosines = span_cosines(claims, spans, retrieved, embedder)
    nli = entailment_scores(claims, spans, entailment)
    return tuple(
        judge_claim(c, r, s, k, published, nli.get(i), threshold)
        for i, (c, r, s, k) in enumerate(zip(claims, retrieved, spans, cosines))
    )


def entailment_scores(
    claims: Sequence[Claim], spans: list[list[EvidenceSpan]], backend: EntailmentBackend | None
) -> dict[int, dict[str, float]]:
    """NLI probabilities for the best span of each meaning-judged claim, in one batch (if configured)."""
    if backend is None:
        return {}
    wanted = [i for i, claim in enumerate(claims) if needs_sentence_cosine(claim) and spans[i]
              and not getattr(claim, "figures_claimed", False)]
    pairs = [(spans[i][0].text, claims[i].quote if isinstance(claims[i], QuoteClaim) else claims[i].query) for i in wanted]
    return dict(zip(wanted, backend.scores(pairs)))


def refine(found: Finding, nli: dict[str, float] | None, cosine: float, threshold: float) -> Finding:
    """Let a configured entailment model settle what the rules left open, or veto a support."""
    if nli is None:
        return found
    entailed, contradicted = nli.get("entailment", 0.0), nli.get("contradiction", 0.0)
    if found.stance is Stance.SUPPORTS and contradicted >= threshold:
        return Finding(Stance.RELATED, f"the entailment model reads a contradiction ({contradicted:.2f})")
    if found.stance is Stance.RELATED and not found.note.startswith("does not mention"):
        if entailed >= threshold:
            return Finding(Stance.SUPPORTS, f"entailed, says the entailment model ({entailed:.2f})")
        if contradicted >= threshold and cosine >= CONTRADICTION_MIN_COSINE:
            return Finding(Stance.CONFLICTS, f"contradicted, says the entailment model ({contradicted:.2f})")
    return found
