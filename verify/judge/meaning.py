"""What the entailment model is asked, and what its answers change.

The typed judges read figures, dates, names and verbatim words; the model reads meaning. It is
asked only where a typed judge left a passage open (a statement or reported speech said in other
words, a quote given in other words) or said "supports" (which it may veto), for the first
MODEL_PASSAGES passages of each claim, in one batch for the whole article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from verify.extract.marks import MARKS
from verify.judge.evidence import EvidenceSpan
from verify.judge.findings import Finding, Opening
from verify.judge.quote import holding_quote
from verify.models import Claim, QuoteClaim, RetrievedPassage, Stance
from verify.split import split_sentences

MODEL_PASSAGES = 2  # passages per claim the model reads: the best two hold nearly all the supports
MIN_OVERLAP = 0.25  # a span sharing fewer of the claim's words is about something else: not worth asking
MIN_COSINE = 0.45
SAME_EVENT_COSINE = 0.6  # a contradiction counts only for evidence about the same thing
# a false conflict is the costly error, and the model's contradictions are its weaker side (model card):
# it may turn an open question into a conflict only when all but certain; a veto of a support needs less
CONFLICT_THRESHOLD = 0.97
PREMISE_CHARS = 700


@dataclass(frozen=True)
class Question:
    claim: int
    passage: int
    premise: str
    hypothesis: str


def premise_for(passage: RetrievedPassage, span: EvidenceSpan, claim: Claim) -> str:
    """The evidence span and the sentence after it: "A viral post claims … This is false." is one thought. For a
    claim of what someone said, words a transcript or a statement gives in a speaker's voice are framed as that
    speaker's ("WRENFIELD: … we now believe the attackers copied data …" is Wrenfield's, and reads so)."""
    offset = span.end - passage.start
    following = next((s.text for s in split_sentences(passage.text[offset:]) if s.text.strip()), "")
    speaker = voice_of(passage, span.text) if isinstance(claim, QuoteClaim) else None
    said = f"{speaker} said: “{span.text.strip()}”" if speaker else span.text
    return f"{said} {following}".strip()[:PREMISE_CHARS]


def voice_of(passage: RetrievedPassage, words: str) -> str | None:
    """Whose voice these unmarked words are in, when the document gives them as someone's (a turn, a statement)."""
    if any(mark in words for mark in MARKS):
        return None  # quoted in the passage itself, with its own attribution
    held = holding_quote(words, passage.quotes)
    return held.speaker if held is not None and not held.inferred else None


def hypothesis_for(claim: Claim) -> str:
    """The claim as the model was trained to read it: a quote with its speaker, reported speech as such."""
    if isinstance(claim, QuoteClaim) and claim.speaker:
        words = claim.quote.strip().rstrip(",.")
        return f"“{words},” {claim.speaker} said." if claim.direct else f"{claim.speaker} said that {words}."
    return claim.quote if isinstance(claim, QuoteClaim) else claim.query


def questions(
    claims: Sequence[Claim], passages: Sequence[Sequence[RetrievedPassage]], spans: Sequence[Sequence[EvidenceSpan]],
    findings: Sequence[Sequence[Finding]], cosines: Sequence[Sequence[float]],
) -> list[Question]:
    asked = []
    for i, claim in enumerate(claims):
        for j, found in enumerate(findings[i][:MODEL_PASSAGES]):
            near = spans[i][j].overlap >= MIN_OVERLAP and cosines[i][j] >= MIN_COSINE
            if found.opening is not Opening.CLOSED and near:
                asked.append(Question(i, j, premise_for(passages[i][j], spans[i][j], claim), hypothesis_for(claim)))
    return asked


def settle(found: Finding, probs: dict[str, float], cosine: float, threshold: float) -> Finding:
    """The typed finding, as the model's answer leaves it."""
    entailed, contradicted = probs.get("entailment", 0.0), probs.get("contradiction", 0.0)
    if found.opening is Opening.CLOSED:
        return found
    if found.stance is Stance.SUPPORTS:
        if contradicted >= threshold:
            return replace(found, stance=Stance.RELATED, note=f"the entailment model reads a contradiction ({contradicted:.2f})")
        return found
    if found.stance is not Stance.RELATED:
        return found
    if entailed >= threshold and found.opening.may_support:
        note = found.support_note or "says this in other words"
        return replace(found, stance=Stance.SUPPORTS, note=f"{note} (entailment model, {entailed:.2f})", by_model=True)
    if contradicted >= max(threshold, CONFLICT_THRESHOLD) and cosine >= SAME_EVENT_COSINE and found.opening.may_contradict:
        return replace(found, stance=Stance.CONFLICTS, note=f"says otherwise, in other words (entailment model reads a contradiction, {contradicted:.2f})",
                       by_model=True)
    return found


def apply_answers(
    findings: list[list[Finding]], asked: list[Question], answers: Sequence[dict[str, float]],
    cosines: Sequence[Sequence[float]], threshold: float,
) -> list[list[Finding]]:
    settled = [list(row) for row in findings]
    for question, probs in zip(asked, answers):
        i, j = question.claim, question.passage
        settled[i][j] = settle(settled[i][j], probs, cosines[i][j], threshold)
    return settled
