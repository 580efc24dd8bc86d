"""Claims + retrieved passages -> one judgment per claim, with stances and cited evidence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np

from verify.embed import Embedder
from verify.judge.calibration import calibrate
from verify.judge.clause import clause_figures, judge_reported_clause
from verify.judge.entail import EntailmentBackend
from verify.judge.evidence import EvidenceSpan, best_span, core_of
from verify.judge.findings import Finding, Opening
from verify.judge.meaning import apply_answers, questions
from verify.judge.quantity import about_same_actors, judge_quantity, superseded
from verify.judge.quote import holding_quote, in_direct_speech, is_translation, judge_quote, speaker_in
from verify.judge.statement import accounted_for, judge_statement, only_repeats
from verify.judge.zero import same_zero
from verify.split import split_sentences
from verify.models import (
    Claim, Evidence, Judgment, QuantityClaim, QuoteClaim, RetrievedPassage, Stance, StatementClaim, Verdict,
)

SPAN_SIMILARITY_PASSAGES = 1  # evidence spans embedded per claim: the cost of sentence-level cosine
MIN_SPAN_OVERLAP = 0.3
REPORTED_QUOTE_COSINE = 0.6  # reported speech or a translation this close may give a quote's substance (the model decides)
REWORDED_COSINE = 0.85  # a quote not found in the words but this close in meaning was reworded
INDIRECT_SUPPORT_COSINE = 0.72  # reported speech paraphrases by nature; the speaker must still be named


def describe_source(passage: RetrievedPassage) -> str:
    name = passage.source or passage.title or passage.document_id
    return f"{name} ({passage.published:%-d %b %Y})" if passage.published else name


def stance_for(claim: Claim, passage: RetrievedPassage, span: EvidenceSpan, cosine: float, published: dt.date | None) -> Finding:
    context = f"{passage.title}\n{passage.lead}{passage.text}"
    if isinstance(claim, QuantityClaim):  # the source names an actor too ("Kestrel Bay Green group (press release)")
        counted = judge_quantity(claim, passage.text, cosine, published, passage.published, span.overlap,
                                 f"{passage.source or ''}\n{context}")
        return Finding(counted.stance, counted.note, sentence=counted.sentence)
    if isinstance(claim, QuoteClaim) and claim.direct:
        return direct_quote_finding(claim, passage, span, cosine)
    if isinstance(claim, QuoteClaim):  # reported speech: the gist must hold, and the speaker must be named
        stated = judge_reported_clause(claim, span.text, cosine, (published, passage.published),
                                       (passage.text, context, passage.title, passage.source or ""), span.overlap,
                                       INDIRECT_SUPPORT_COSINE)
        if not speaker_in(claim.speaker, passage.lead + passage.text):
            note = f"says this but not that {claim.speaker} said it" if stated.stance is Stance.SUPPORTS else stated.note
            return Finding(Stance.RELATED if stated.stance is Stance.SUPPORTS else stated.stance, note,
                           opening=Opening.CONTRADICT)
        open_ = accounted_for(claim.quote, span.text, context, published, passage.published)
        # a clause's figures are read by the quantity judge's rules: meaning may confirm the rest, never contradict it
        return Finding(stated.stance, stated.note, opening=opening_of(stated.stance, open_, bool(clause_figures(claim))),
                       support_note=f"reports {claim.speaker or 'the speaker'} saying this in other words")
    return statement_finding(claim, passage, span, cosine, published, context)


def opening_of(stance: Stance, accounted: bool, figures_claimed: bool = False) -> Opening:
    """A typed conflict stands; a typed support may be vetoed; an open question may be settled as supported
    only when the evidence accounts for the claim's names, numbers, dates and negations; a sentence whose
    figures are claims of their own is never contradicted on meaning (its figures are judged on their own)."""
    if stance is Stance.CONFLICTS:
        return Opening.CLOSED
    if figures_claimed:
        return Opening.SUPPORT if accounted or stance is Stance.SUPPORTS else Opening.CLOSED
    return Opening.OPEN if accounted and stance is Stance.RELATED else Opening.CONTRADICT


ZERO_SAME_EVENT_DAYS = 31  # a count of zero dated further from the article is another event's ("No one was hurt" in 2021)


def zero_finding(claim: Claim, passage: RetrievedPassage, published: dt.date | None, context: str) -> Finding | None:
    """"No one was killed" backed by "There were no deaths" in a passage about the same actors and time."""
    kind = same_zero(claim.query, passage.text)
    near = published is None or passage.published is None or abs((published - passage.published).days) <= ZERO_SAME_EVENT_DAYS
    about_others = bool(claim.entities) and not about_same_actors(claim.entities, context)
    if kind is None or not near or about_others or only_repeats(claim.query, passage.text):
        return None
    at = next((m for m in split_sentences(passage.text) if same_zero(claim.query, m.text)), None)
    return Finding(Stance.SUPPORTS, f"gives the same count of zero ({kind}) in other words",
                   sentence=(at.start, at.end) if at else None)


def statement_finding(claim: Claim, passage: RetrievedPassage, span: EvidenceSpan, cosine: float,
                      published: dt.date | None, context: str) -> Finding:
    if (zero := zero_finding(claim, passage, published, context)) is not None:
        return zero
    figures = getattr(claim, "figures_claimed", False)
    stated = judge_statement(claim.query, span.text, cosine, published, passage.published, context=context, title=passage.title,
                             figures_claimed=figures)
    repeated = only_repeats(claim.query, span.text)
    if repeated and stated.stance is not Stance.CONFLICTS:  # "a viral post claims that …" repeats, it does not state
        return Finding(Stance.RELATED, f"only reports this as a claim (“{repeated}”), does not state it",
                       opening=Opening.CONTRADICT)
    accounted = accounted_for(claim.query, span.text, context, published, passage.published, figures)
    return Finding(stated.stance, stated.note, opening=opening_of(stated.stance, accounted, figures))


def direct_quote_finding(claim: QuoteClaim, passage: RetrievedPassage, span: EvidenceSpan, cosine: float) -> Finding:
    """Verbatim, altered and misattributed are read in the words; a quote given only in other words is left
    to the entailment model: reported speech or another translation gives its substance ("reworded")."""
    lead = f"{passage.title}\n{passage.lead}"  # "Statement by Minister X" names her
    quoted = judge_quote(claim, passage.text, lead, passage.quotes)
    if quoted.stance is not Stance.RELATED or quoted.note or not speaker_in(claim.speaker, passage.lead + passage.text):
        return Finding(quoted.stance, quoted.note, quoted.diff)
    # in quote marks, on a transcript line, or inside what the document gives as someone's words (a statement)
    direct = in_direct_speech(span.text, passage.lead + passage.text) or holding_quote(span.text, passage.quotes) is not None
    translated = is_translation(f"{passage.title}\n{passage.lead}{passage.text}")
    if direct and not translated:  # the speaker's own words are on record: they are the measure of the quote
        if cosine >= REWORDED_COSINE:  # and the article's quote is a paraphrase of them
            return Finding(Stance.CONFLICTS, f"quotes {claim.speaker or 'the speaker'} in other words (similarity {cosine:.2f}), "
                                             "not as the article does: reworded")
        return Finding(Stance.RELATED)
    if cosine < REPORTED_QUOTE_COSINE:
        return Finding(Stance.RELATED)
    how = "gives this quote in another translation" if translated else "reports these words in other words"
    return Finding(Stance.RELATED, "", opening=Opening.OPEN, support_note=f"{how}: reworded")


def needs_sentence_cosine(claim: Claim) -> bool:
    """Statements and quotes are read for meaning too (a direct quote may be the speaker's meaning in
    the reporter's words); figures are judged on their numbers."""
    return isinstance(claim, (StatementClaim, QuoteClaim))


def span_cosines(
    claims: Sequence[Claim], spans: list[list[EvidenceSpan]], passages: Sequence[Sequence[RetrievedPassage]], embedder: Embedder
) -> list[list[float]]:
    """Sentence-level cosine for the first passages of the claims judged on meaning, in one batch.

    A passage's cosine understates a one-sentence match, so the best span of the first
    SPAN_SIMILARITY_PASSAGES passages is embedded (without asides that share no word with the claim: see
    core_of); everything else keeps its passage cosine
    (embedding is most of the judging time: see bench/run.py).
    """
    cosines = [[p.dense_score for p in found] for found in passages]
    # a sentence sharing under MIN_SPAN_OVERLAP of the claim's words cannot support or contradict it
    # (statements need most words in order, paraphrases share many): do not pay to embed it
    wanted = [i for i, claim in enumerate(claims) if needs_sentence_cosine(claim) and spans[i] and spans[i][0].overlap >= MIN_SPAN_OVERLAP]
    texts = [claims[i].query for i in wanted] + [core_of(s.text, claims[i].query) for i in wanted for s in spans[i][:SPAN_SIMILARITY_PASSAGES]]
    if not wanted:
        return cosines
    vectors = embedder.encode_queries(texts)
    cursor = len(wanted)
    for k, i in enumerate(wanted):
        for j, _ in enumerate(spans[i][:SPAN_SIMILARITY_PASSAGES]):
            cosines[i][j] = max(cosines[i][j], float(np.clip(vectors[cursor] @ vectors[k], -1.0, 1.0)))
            cursor += 1
    return cosines


def judgment_of(
    claim: Claim, passages: Sequence[RetrievedPassage], spans: list[EvidenceSpan], cosines: list[float], findings: list[Finding],
    published: dt.date | None,
) -> Judgment:
    evidence = []
    for passage, span, cosine, found in zip(passages, spans, cosines, findings):
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
    """Typed findings for every passage of every claim, then the entailment model on what they leave open (one batch)."""
    spans = [[best_span(c.query, p) for p in found] for c, found in zip(claims, retrieved)]
    cosines = span_cosines(claims, spans, retrieved, embedder)
    findings = [[stance_for(c, p, s, k, published) for p, s, k in zip(found, sp, co)]
                for c, found, sp, co in zip(claims, retrieved, spans, cosines)]
    if entailment is not None:
        asked = questions(claims, retrieved, spans, findings, cosines)
        answers = entailment.scores([(q.premise, q.hypothesis) for q in asked])
        findings = apply_answers(findings, asked, answers, cosines, threshold)
    findings = [typed_conflicts_stand(own_words_first(c, f)) for c, f in zip(claims, findings)]
    return tuple(judgment_of(c, r, s, k, f, published) for c, r, s, k, f in zip(claims, retrieved, spans, cosines, findings))


def typed_conflicts_stand(findings: list[Finding]) -> list[Finding]:
    """The typed judges have the last word on figures, dates, names and words: a support the model read
    in other words does not make a typed conflict "disputed"."""
    if not any(f.stance is Stance.CONFLICTS and not f.by_model for f in findings):
        return findings
    return [Finding(Stance.RELATED, f"{f.note}; but another source contradicts it on the record", f.diff)
            if f.stance is Stance.SUPPORTS and f.by_model else f for f in findings]


def own_words_first(claim: Claim, findings: list[Finding]) -> list[Finding]:
    """A quote's wording is checked against the speaker's own words where they are on record: when those
    differ (altered), a report of the same point in other words ("reworded") does not make it disputed."""
    if not (isinstance(claim, QuoteClaim) and claim.direct):
        return findings
    altered = any(f.stance is Stance.CONFLICTS and ("altered" in f.note or "reworded" in f.note) for f in findings)
    if not altered:
        return findings
    return [Finding(Stance.RELATED, f"{f.note}; but the speaker's own words, on record, differ", f.diff)
            if f.stance is Stance.SUPPORTS and "reworded" in f.note else f for f in findings]
