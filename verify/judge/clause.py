"""A reported clause with figures in it ("The trip was Marek's seventh visit …, officials said"): one claim, one
reading. Its figures are read by the quantity judge's rules (what is counted, scope, time, rounding, units), the
rest of its words as a statement, and the clause's stance never goes against its figures': a count of another
scope is no conflict, a wrong figure is no support."""

from __future__ import annotations

import datetime as dt

from verify.extract import quoted_spans
from verify.extract.quantities import find_quantities
from verify.judge.quantity import QuantityFinding, judge_quantity
from verify.judge.statement import StatementFinding, judge_statement
from verify.models import QuantityClaim, QuoteClaim, Stance


def clause_figures(claim: QuoteClaim) -> list[QuantityClaim]:
    """The figures of a reported clause as quantity claims, read in the clause's sentence."""
    at = max(0, claim.sentence.find(claim.quote))
    figures = []
    for mention in find_quantities(claim.sentence, quoted_spans(claim.sentence)):
        if at + len(claim.quote) < mention.start or mention.end <= at:
            continue  # a figure of the reporter's own part of the sentence is a claim of its own
        start = claim.start + max(0, mention.start - at)  # the figure's own span, as far as the clause places it
        figures.append(QuantityClaim(
            id=claim.id, text=claim.sentence[mention.start : mention.end], start=start, end=start + mention.end - mention.start,
            sentence=claim.sentence, query=claim.sentence, entities=claim.entities, quantity=mention.quantity,
        ))
    return figures


def judge_reported_clause(
    claim: QuoteClaim, evidence_text: str, cosine: float, dates: tuple[dt.date | None, dt.date | None],
    passage: tuple[str, str, str, str], word_overlap: float, support_cosine: float,
) -> StatementFinding:
    """The stance of one passage on a reported clause. `passage` is (its text, its context: title, lead and text,
    its title, its source); `evidence_text` the passage's best span, read as a statement."""
    published, evidence_date = dates
    text, context, title, source = passage
    figures = clause_figures(claim)
    if not figures:
        return judge_statement(claim.quote, evidence_text, cosine, published, evidence_date, context=context,
                               support_cosine=support_cosine, title=title)
    stated = judge_statement(claim.quote, evidence_text, cosine, published, evidence_date, context=context,
                             support_cosine=support_cosine, title=title, figures_claimed=True)
    counted = [judge_quantity(f, text, cosine, published, evidence_date, word_overlap, f"{source}\n{context}") for f in figures]
    found = one_reading(stated, counted)
    if found.stance is Stance.RELATED and all(f.stance is Stance.SUPPORTS or f.evidence_quantity is None for f in counted):
        # the passage says the clause in its own words, figures and all ("our wage bill rose by 40 million kroner"),
        # and the quantity judge holds its figures to nothing else
        whole = judge_statement(claim.quote, evidence_text, cosine, published, evidence_date, context=context,
                                support_cosine=support_cosine, title=title)
        return whole if whole.stance is Stance.SUPPORTS else found
    return found


def one_reading(stated: StatementFinding, counted: list[QuantityFinding]) -> StatementFinding:
    """The clause's words and its figures in one stance: a figure that conflicts makes the clause conflict; the
    clause is supported only where each of its figures is."""
    wrong = [f for f in counted if f.stance is Stance.CONFLICTS]
    if wrong:
        return StatementFinding(Stance.CONFLICTS, wrong[0].note)
    if stated.stance is Stance.CONFLICTS:
        return stated
    if stated.stance is Stance.SUPPORTS and all(f.stance is Stance.SUPPORTS for f in counted):
        return StatementFinding(Stance.SUPPORTS, stated.note.replace(", apart from its figures (checked as claims of their own)", ""))
    unsaid = next((f.note for f in counted if f.stance is not Stance.SUPPORTS and f.note), "")
    if stated.stance is Stance.SUPPORTS:
        return StatementFinding(Stance.RELATED, f"says the rest, but not its figure{': ' + unsaid if unsaid else ''}")
    return StatementFinding(Stance.RELATED, stated.note)
