"""Compare a claimed quantity with the figures evidence gives for the same counted thing."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from verify.extract.quantities import Mention, find_quantities
from verify.extract.money import is_currency
from verify.extract.units import expressed_in, only_to_agree
from verify.dates import DateRef
from verify.judge.changes import DEMAND_BEFORE, DENIED_BEFORE, framed, is_change, is_modal_change, is_old_value, steps_summed
from verify.judge.claim_reading import (CURRENCY_NOUNS, FROM_BEFORE, GENERIC_COUNTED, PLANNED, REQUESTED, ClaimReading,
                                        context_of, read_claim)
from verify.judge.counting import (BARE_CONTEXT, RUNNING_TOTALS, SYNONYMS, about_text, attribute_elsewhere, folded,
                                  in_own_unit_first, kind_of_people, loosely_same, measure_of_named, noun_chunk,
                                  one_span, pairs, people_of_a_kind, plain_words, repeats, same_counted, shared_context,
                                  states_conditions, tally_of, unnamed_sum)
from verify.judge.parts import part_of
from verify.judge.periods import first_since, firsts_since_apart, periods_of_rank
from verify.judge.values import agrees, other_currency, overlaps, same_number  # noqa: F401  (overlaps: part of this module's API)
from verify.judge.timing import claim_times, current_at, evidence_times, fact_times, same_time
from verify.split import split_sentences
from verify.lexical import tokenize
from verify.models import Evidence, Qualifier, Quantity, QuantityClaim, Stance

STALE_AFTER = dt.timedelta(days=45)  # a running total older than this may have grown since
MIN_TOPICALITY = 0.35  # passage cosine below which a passage is about something else, unless it shares most words


@dataclass(frozen=True)
class QuantityFinding:
    stance: Stance
    evidence_quantity: Quantity | None
    note: str
    sentence: tuple[int, int] | None = None  # offsets into the evidence text of the sentence that gives the figure


def scopes_differ(a: Quantity, b: Quantity) -> bool:
    """"third visit since her re-election" does not speak to "seventh visit since taking office"; "$9 billion in
    2020" not to "$18.4 billion last year". But a level's "since …" is a comparison, not its period: "31 percent
    this month" and "31 percent on Monday, the lowest since records began" are one figure."""
    if first_since(a) and first_since(b):
        return False  # "first since 2010" and "first since 2019" date the one before: one count (`firsts_since_apart`)
    since = a.scope.startswith("since") != b.scope.startswith("since")
    if since and (TIME_SCOPE.match(a.scope) or TIME_SCOPE.match(b.scope)) and not (is_level(a) and is_level(b)):
        return True  # "more than 3 million passengers since the line opened" is a total; "1.42 million in 2025" a year's
    if not (counts_events(a) or counts_events(b)) and (a.scope.startswith("since") or b.scope.startswith("since")):
        return False
    # otherwise a time ("last year", "in 2025", "this month") is no scope: the dates are compared as dates
    mine, theirs = scope_words(a.scope), scope_words(b.scope)
    return bool(mine and theirs) and not (mine <= theirs or theirs <= mine)


PAST_FORMS = {"took": "take", "becam": "becom", "began": "begin", "won": "win", "came": "come", "was": "", "were": ""}


def scope_words(scope: str) -> set[str]:
    """A scope's words, its verbs in one form: "since she took office" is "since taking office"; a time in office
    said any way is one scope: "as president", "in office", "since taking office (in 2017)"."""
    if TENURE.match(scope):
        return {"tenure"}
    return {PAST_FORMS.get(w, w) for w in tokenize(untimed(scope))} - {""}


TENURE = re.compile(r"^(?:as (?:president|prime minister|premier|chancellor|mayor|governor|leader|\w+ minister)|in office|"
                    r"since (?:(?:her|his|their|the|she|he|they) )?(?:taking|took|assuming|assumed|becoming|became|coming to|came to) "
                    r"(?:office|power|president|the presidency)\b.*)$", re.I)


TIME_SCOPE = re.compile(r"^(?:(?:so far )?this (?:year|month|week)|last year|in (?:19|20)\d\d)$")


def is_level(q: Quantity) -> bool:
    """A rate or a sum ("31 percent", "21 million kroner"): a "since" near it is a comparison ("the lowest since
    records began", "its first profit since 2019"), not the period it adds up over."""
    return q.unit in ("percent", "p") or is_currency(q.unit) or (tokenize(q.counted)[:1] or [""])[0] in CURRENCY_NOUNS


def untimed(scope: str) -> str:
    return "" if TIME_SCOPE.match(scope) else scope


def figure_times(q: Quantity, sentence: str, anchor: dt.date | None, claimed: bool = False, passage: str = "") -> list[DateRef]:
    """When a figure held: its own time ("$9.1 billion in 2020", "12% last year"), else its sentence's dates (a
    claim's) or its sentence's dates or publication day (evidence's): "reached $18.4 billion last year, up from
    $9.1 billion in 2020" gives each figure its year."""
    if TIME_SCOPE.match(q.scope):
        return claim_times(q.scope, anchor)
    return fact_times(sentence, anchor) if claimed else evidence_times(sentence, anchor, passage)


# "the 7 signed include"; not ", including", nor a passive ("900 million once interest is included")
PARTIAL_AFTER = re.compile(r"[^.;:,]{0,40}?\b(?:include|includes|(?<!is )(?<!are )(?<!was )(?<!were )(?<!be )(?<!been )included)\b",
                           re.I)
PARTIAL_BEFORE = re.compile(r"\bamong(?:\s+(?:the|them|its|their))?\s+$", re.I)
FUTURE_BEFORE = re.compile(r"\b(?:will|shall|is set to|are set to|is due to|are due to)\s+(?:[a-z]+\s+){0,2}(?:to\s+|by\s+)?$", re.I)
MIN_SHARED_CONTEXT = 0.25
MIN_WORD_OVERLAP = 0.6
GENERIC_MIN_COSINE = 0.45  # share of the claim sentence's other content words the evidence sentence must have


def is_running_total(q: Quantity) -> bool:
    """Counts that grow over time: visits, meetings, agreements to date, anything "since …"."""
    return counts_events(q) or q.scope.startswith("since")


STAYS = {"visit", "trip", "tour", "journey", "stay", "mission", "deploy", "tenur", "term"}
STAY_DAYS = 7  # a visit counted on its first day is the same visit on its last: a trip of a few days, a week at most


def counts_stays(q: Quantity) -> bool:
    """Counts of stays ("her seventh visit"): the number holds on every day of one."""
    return bool(set(noun_chunk(q.counted)[-1:]) & STAYS)


def counts_events(q: Quantity) -> bool:
    head = tokenize(q.counted)[:1]
    return q.ordinal or bool(head and head[0] in RUNNING_TOTALS)



def shares_a_word(mine: set[str], sentence: str) -> bool:
    """Does the evidence sentence say anything of what the claim's says besides the count ("signed")?"""
    return not mine or bool(mine & folded(sentence))




def figures_in(claim: QuantityClaim, evidence_text: str, cosine: float, published: dt.date | None = None
               ) -> list[tuple[Quantity, tuple[int, int]]]:
    """Figures of the evidence, sentence by sentence, that count the same thing, with their sentence. `published`:
    when the evidence was (a period "since 2009" ends then)."""
    reading = read_claim(claim)
    found = []
    sentences = split_sentences(evidence_text)
    for previous, sentence in zip([None, *sentences], sentences):
        if PLANNED.search(sentence.text) and not reading.future:
            continue  # "were expected to sign 15 agreements" is a plan; the claim states a result
        if bool(REQUESTED.search(sentence.text)) != reading.requested:
            continue  # "asked households to cut use by 20 percent" is a request; "use fell 14 percent" a result
        before = previous.text if previous else ""
        # the sentence's span holds the one before when that says what its figures are about ("… for it this year")
        start = previous.start if previous and about_text(before, sentence.text) != sentence.text else sentence.start
        found += [(q, (start, sentence.end)) for q in figures_of_sentence(claim, reading, (before, sentence.text), cosine, published)]
    return found


def figures_of_sentence(claim: QuantityClaim, reading: ClaimReading, sentences: tuple[str, str], cosine: float,
                        published: dt.date | None = None) -> list[Quantity]:
    """The figures of one evidence sentence (with the sentence before it) that count what the claim counts, in the
    claim's unit.

    "years", "times", a bare sum of money say little of what is counted, so for them the
    sentence must share some of the claim's other words, or more of them when the passage as a
    whole is not close in meaning.
    """
    before, sentence = sentences
    mentions = steps_summed(sentence, comparable(sentence, reading.future, reading.earlier or (reading.present and is_modal_change(sentence))),
                            reading.step)
    mentions = [m for m in mentions if framed(DEMAND_BEFORE, sentence, m.start) == reading.demand  # wants against wants
                and not framed(DENIED_BEFORE, sentence, m.start)]
    read = [(counted_from_sentence(m, (claim, reading), sentences, mentions), is_change(sentence, m)) for m in mentions]
    figures = in_own_unit_first(claim.quantity, [q for q, _ in read])
    # "scored both goals" is two of one occasion's: it may contradict a count of one day's, only back a tally
    figures += [q for q in pairs(sentence, claim.quantity) if reading.one_day or agrees(claim.quantity, q)]
    if reading.rank_period:  # "first in 17 years" is held to the periods of that rank ("its first since 2009"), no other
        figures = periods_of_rank(sentence, reading.rank_period, published)
    # a change ("rose by 40 million") and a level ("rose to 388 million") may agree by chance, never conflict
    other_kind = {id(q) for q, change in read if change != reading.change}
    mine, about_words = set(reading.context), about_text(before, sentence)
    shared = shared_context(mine, about_words)
    if reading.generic:
        same_scope = any(claim.quantity.scope and q.scope == claim.quantity.scope for q in figures)
        if shared < MIN_SHARED_CONTEXT or (shared < 0.4 and cosine < GENERIC_MIN_COSINE and not same_scope):
            # little shared context: only the same specific figure may back the claim, with a word of what it is
            # about besides names ("trade" for "$18.4bn"; not "Varnia" for "$3.2 billion" on defence)
            about = mine & folded(about_words) & folded(" ".join(w for w in claim.query.split() if w[:1].islower()))
            figures = [q for q in figures if about and repeats(claim.quantity, q)]
    # a figure with no noun ("fell to about 212,000 at the end of September") is held to one with none either
    # when the sentences share most of their other words
    return [expressed_in(q, claim.quantity.unit) for q in figures
            if (same_counted(claim.quantity, q, cosine)
                or (loosely_same(claim.quantity, q) and shared >= BARE_CONTEXT and len(mine) >= BARE_WORDS)
                or (backs_only(claim, q, sentence) and agrees(claim.quantity, expressed_in(q, claim.quantity.unit))))
            and (id(q) not in other_kind or agrees(claim.quantity, expressed_in(q, claim.quantity.unit)))
            and not attribute_elsewhere(claim.quantity, claim.sentence, q, sentence)
            and (not unnamed_sum(claim.quantity, q, f"{before} {sentence}") or agrees(claim.quantity, expressed_in(q, claim.quantity.unit)))]


def backs_only(claim: QuantityClaim, q: Quantity, sentence: str) -> bool:
    """Figures that count what the claim counts in other words that may be wider or narrower: they may back the claim,
    never contradict it (`conflict_of` holds them to the same counted noun). A bound ("more than 15,000 patients")
    is not backed by a figure of a wider group that merely lies within it, nor a count under conditions ("waiting more
    than a year") by one that does not state them."""
    bound = claim.quantity.qualifier not in (Qualifier.EXACT, Qualifier.ABOUT) and not same_number(claim.quantity, q)
    return not bound and states_conditions(claim.sentence, claim.quantity, sentence) \
        and (people_of_a_kind(claim.quantity, q) or measure_of_named(claim.quantity, q, sentence))


BARE_WORDS = 2  # "9,850 had been waiting": one shared word says too little to hold a bare figure to another




def counted_from_sentence(mention: Mention, read: tuple[QuantityClaim, ClaimReading], sentences: tuple[str, str],
                          others: list[Mention]) -> Quantity:
    """An evidence figure with no noun after it, given the claim's noun when its sentence names that: "a hosepipe ban
    …, its third since 2010", "A crowd of 41,250 watched"; or when it counts a part of what is named before it (see
    `part_of`): "The number of people waiting … Of those, 9,850 had been waiting more than a year". `sentences` are
    the sentence before and the figure's."""
    (claim, reading), (before, sentence) = read, sentences
    q, wanted = mention.quantity, claim.quantity
    head = noun_chunk(wanted.counted)[-1:] if wanted.counted else []
    part = part_of(mention, sentence, before, others) if not q.counted else None
    # a sum names what it is for elsewhere in its sentence ("The reform will cost €86 million" is the €86 million reform)
    if q.counted or (q.unit and not is_currency(q.unit)) or not head or q.ordinal != wanted.ordinal \
            or (head[0] in GENERIC_COUNTED and not part):
        return q
    if part:  # a part may back a claim about that part; contradict one only when the claim says what the part did
        named = {SYNONYMS.get(w, w) for w in tokenize(part.whole)}
        return q.model_copy(update={"counted": wanted.counted}) if (head[0] in named or kind_of_people(head[0], named)) \
            and (agrees(wanted, q) or part.said_by(claim.sentence)) else q
    # a tally counts what its sentence counts, to date: "scored two goals, taking his tally for the season to 27"
    tally = not q.ordinal and reading.to_date and tally_of(sentence, mention.start, claim.sentence)
    # an ordinal counts what its sentence named before it; a bare figure what its sentence names at all ("A crowd
    # of 41,250 watched"), unless another figure counts that ("12 agreements signed, fewer than the 15 announced":
    # the 15 is no count of signed agreements)
    if not tally and any(head[0] in noun_chunk(m.quantity.counted) for m in others if m is not mention):
        return q
    if not q.ordinal and not agrees(wanted, q) and not tally:
        return q  # a guessed noun may back a figure, never contradict one
    words = tokenize(sentence[: mention.start] if q.ordinal else sentence)
    return q.model_copy(update={"counted": wanted.counted}) if head[0] in {SYNONYMS.get(w, w) for w in words} else q


def comparable(sentence: str, future_claim: bool, earlier_claim: bool) -> list[Mention]:
    """The figures of an evidence sentence a claim may be held to: no partial lists; no targets ("will grow to
    2,500") for a claim about what is; and for a claim about what was ("before the summit"), the earlier
    value of a change ("up from 800") when the sentence gives one, and for any other the new value of a change done
    ("fell from 4.5 to 3.9 percent": the 4.5 is no longer the figure)."""
    mentions = [m for m in find_quantities(sentence) if not partial_list(sentence, m.start, m.end)
                and (future_claim or not FUTURE_BEFORE.search(sentence[max(0, m.start - 40) : m.start]))]
    earlier = [m for m in mentions if FROM_BEFORE.search(sentence[max(0, m.start - 20) : m.start])]
    if earlier_claim and earlier:
        return earlier
    starts = [m.start for m in mentions]
    # "fell from 4.5 to 3.9 percent"; but "up from $9.1 billion in 2020" is the figure of its own year
    return [m for m in mentions if TIME_SCOPE.match(m.quantity.scope) or not is_old_value(sentence, m.start, m.end, starts)]


def partial_list(sentence: str, start: int, end: int) -> bool:
    """"the 7 documents signed include a trade pact", "among the 7 signed": examples, not a count."""
    return bool(PARTIAL_AFTER.match(sentence, end) or PARTIAL_BEFORE.search(sentence[max(0, start - 20) : start]))


def as_of(published: dt.date | None) -> str:
    return f"as of {published:%-d %b %Y}" if published else "at another time"


def about_same_actors(entities: tuple[str, ...], evidence: str) -> bool:
    """Does the evidence (passage, its lead and title) name any actor the claim is about?"""
    lowered = evidence.lower()
    return any(re.search(r"\b" + re.escape(name.lower()) + r"(?:\b|['’]s\b|n\b)", lowered) for name in entities if len(name) > 1)


Figures = list[tuple[Quantity, tuple[int, int]]]


def finding(stance: Stance, figure: tuple[Quantity, tuple[int, int]], tail: str = "") -> QuantityFinding:
    other, at = figure
    return QuantityFinding(stance, other, " ".join(f"gives {other.surface} {other.counted} {tail}".split()), at)


LEVEL_VERBS = set(tokenize("reached stood stands totalled amounted"))  # "reached $14.2bn", "stood at": a level, said any way
# "the number waiting … had stood at 20,000", "his tally": words that say a figure is a count, not what it counts
COUNT_WORDS = LEVEL_VERBS | set(tokenize("number total tally"))


def says_the_rest(claim: QuantityClaim, evidence_text: str) -> bool:
    """Does a sentence of the evidence say most of what the claim says besides its figure? The figure's own words are
    not counted: "The energy deal runs for two decades" and "The agreement runs for 20 years" share little else than
    what they are about, and a changed figure ("three decades") must not make the sentence look off the subject."""
    words = context_of(claim) - LEVEL_VERBS
    context = words - {part for w in words if "-" in w for part in w.split("-")}  # "two-way" once, not also "two", "way"

    def share(sentence: str) -> float:  # a compound is said by any of its parts ("two-way trade", "the two countries")
        said = folded(sentence)
        return sum(w in said or ("-" in w and any(part in said for part in w.split("-"))) for w in context) / len(context)

    return len(context) >= BARE_WORDS and any(share(s.text) >= MIN_WORD_OVERLAP for s in split_sentences(evidence_text))


def judge_quantity(
    claim: QuantityClaim, evidence_text: str, cosine: float, article_date: dt.date | None, evidence_date: dt.date | None,
    word_overlap: float = 0.0, context: str = "",
) -> QuantityFinding:
    """Compare the claim with every figure of the passage that counts the same thing.

    `word_overlap` is the share of the claim's words in the best sentence of the passage: a
    long passage can have a low cosine and still state the figure in one sentence."""
    if cosine < MIN_TOPICALITY and word_overlap < MIN_WORD_OVERLAP and not says_the_rest(claim, evidence_text):
        return QuantityFinding(Stance.RELATED, None, "")
    if claim.entities and not about_same_actors(claim.entities, f"{context}\n{evidence_text}"):
        return QuantityFinding(Stance.RELATED, None, "")
    figures = figures_in(claim, evidence_text, cosine, evidence_date or article_date)
    if not figures:
        return QuantityFinding(Stance.RELATED, None, "")
    scoped = [(q, at) for q, at in figures if not scopes_differ(claim.quantity, q)]
    if not scoped:
        return finding(Stance.RELATED, figures[0], f"{figures[0][0].scope}, a differently scoped count")
    times = figure_times(claim.quantity, claim.query, article_date, claimed=True)
    timely = in_claims_time(claim, scoped, (evidence_text, context), times, (article_date, evidence_date))
    if isinstance(timely, QuantityFinding):
        return timely
    agreeing = [(q, at) for q, at in timely if agrees(claim.quantity, q) and not firsts_since_apart(claim.quantity, q)]
    if agreeing:
        return finding(Stance.SUPPORTS, agreeing[0])
    return conflict_of(claim, timely, evidence_text)


def in_claims_time(claim: QuantityClaim, scoped: Figures, texts: tuple[str, str], times: list[DateRef],
                   dates: tuple[dt.date | None, dt.date | None]) -> Figures | QuantityFinding:
    """The figures of the claim's time: "her fourth visit, in June 2019" is not held to a 2026 total, nor "12% last
    year" to a 2020 figure; an undated running total is not held to one over 45 days older than the article.
    `texts` is the passage and its context (title, lead): "Sundlink annual results 2025" dates its figures."""
    (evidence_text, context), (article_date, evidence_date) = texts, dates
    running = is_running_total(claim.quantity)
    if times:
        by_year = not running  # a level or amount holds for a while; a running total moves
        then = [(q, at) for q, at in scoped
                if same_time(times, figure_times(q, evidence_text[at[0] : at[1]], evidence_date, passage=context), by_year,
                             stay_days=STAY_DAYS if counts_stays(claim.quantity) else 0)]
        return then or finding(Stance.RELATED, scoped[0], f"{as_of(evidence_date)}, another time")
    if evidence_date and article_date and article_date - evidence_date > STALE_AFTER and running:
        return finding(Stance.RELATED, scoped[0], f"{as_of(evidence_date)}, an older running total")
    if not running and article_date:  # an undated level is the article's: a 2024 average neither backs nor contradicts it
        now = [(q, at) for q, at in scoped
               if current_at(figure_times(q, evidence_text[at[0] : at[1]], evidence_date, passage=context), article_date)]
        return now or finding(Stance.RELATED, scoped[0], f"{as_of(evidence_date)}, another time")
    return scoped


def conflict_of(claim: QuantityClaim, scoped: Figures, evidence_text: str) -> QuantityFinding:
    """A conflict must be about the same thing, not just the same noun: "1,510 nurses left" is not "hired 1,340
    nurses"."""
    # what the claim is about besides its figure; its counted noun when it says nothing else ("The number waiting more
    # than a year had stood at 20,000": its conditions are held by `states_conditions`)
    context = context_of(claim) - COUNT_WORDS or {SYNONYMS.get(w, w) for w in tokenize(claim.quantity.counted)}
    sum_of = is_level(claim.quantity) and claim.quantity.unit != "percent"  # see `plain_words`

    def mine(sentence: str) -> set[str]:
        return context & plain_words(claim.query, sentence) or context if sum_of else context

    # durations in other units, counts held to ranks and figures held to the claim only loosely (no noun on one
    # side: "about 28,000" and "a crowd of 41,250") may back a claim, never contradict it
    about_it = [(q, at) for q, at in scoped
                if shares_a_word(mine(evidence_text[at[0] : at[1]]), own_words(claim.quantity, q, evidence_text[at[0] : at[1]]))
                and (not only_to_agree(claim.quantity.unit, q.unit) or one_span(claim, q, evidence_text[at[0] : at[1]], context))
                and q.ordinal == claim.quantity.ordinal
                and same_counted(claim.quantity, q, cosine=1.0)
                and states_conditions(claim.sentence, claim.quantity, evidence_text[at[0] : at[1]])]
    if not about_it:
        return finding(Stance.RELATED, scoped[0], "of something else")
    # a sum in another currency conflicts only as the same number ("€3.2 billion" for "$3.2 billion")
    converted = [(q, at) for q, at in about_it if other_currency(claim.quantity, q) and not same_number(claim.quantity, q)]
    wrong = [figure for figure in about_it if figure not in converted]
    if not wrong:
        return finding(Stance.RELATED, converted[0], "in another currency")
    other = wrong[0][0]
    return finding(Stance.CONFLICTS, wrong[0], "in another currency" if other_currency(claim.quantity, other)
                   else other.scope if firsts_since_apart(claim.quantity, other) else "")


def own_words(claim: Quantity, q: Quantity, sentence: str) -> str:
    """The words that say what an evidence figure is about: its sentence; but only its own clause when the sentence
    gives the claim's figure too ("1,510 nurses left the region's hospitals, more than the 1,340 the ministry hired":
    there each clause says which count is which)."""
    others = [m for m in find_quantities(sentence) if m.quantity.surface != q.surface]
    if not any(same_number(claim, m.quantity) and agrees(claim, m.quantity) for m in others):
        return sentence
    return next((clause for clause in re.split(r"[,;](?!\d)", sentence) if q.surface in clause), sentence)


def superseded(claim: QuantityClaim, evidence: list[Evidence], article_date: dt.date | None) -> list[Evidence]:
    """An undated level ("admissions reached 14.8 per 100,000") is the article's: where newer evidence backs it, a
    conflicting figure published over STALE_AFTER before that evidence is an older level, not a dispute."""
    backed = [e.published for e in evidence if e.stance is Stance.SUPPORTS and e.published]
    if not backed or is_running_total(claim.quantity) or figure_times(claim.quantity, claim.query, article_date, claimed=True):
        return evidence
    newest = max(backed)
    return [e.model_copy(update={"stance": Stance.RELATED, "note": f"{e.note}, an older level than {newest:%-d %b %Y}'s"})
            if e.stance is Stance.CONFLICTS and e.published and newest - e.published > STALE_AFTER else e for e in evidence]
