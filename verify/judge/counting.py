"""Do two figures count the same thing: the counted noun (synonyms folded, unit words read as what they measure,
the currency of a sum), an event's rank against a count of such events, durations in one unit."""

from __future__ import annotations

import re

from verify.extract.money import currency_after, is_currency
from verify.extract.units import measure_of, only_to_agree, parse_unit, same_measure, unit_words_as_measure
from verify.extract.numbers import QUALIFIER_RE, interval, qualifier_of
from verify.extract.quantities import find_quantities
from verify.judge.values import FIGURE_DIGITS, agrees, other_currency, same_number
from verify.lexical import tokenize
from verify.models import Qualifier, Quantity, QuantityClaim

RUNNING_TOTALS = {"time", "visit", "trip", "meet", "meeting", "summit", "agreement", "deal", "tour", "titl", "win", "goal",
                  "appear", "term", "case", "death", "infect", "arrest"}


SYNONYMS = {"trip": "visit", "tour": "visit", "journey": "visit", "talk": "meet", "meeting": "meet", "summit": "meet",
            "deal": "agreement", "accord": "agreement", "pact": "agreement", "treati": "agreement", "document": "agreement",
            "km": "kilometr", "kilomet": "kilometr", "mile": "mile", "person": "peopl", "individu": "peopl",
            "fan": "spectat", "crowd": "spectat", "spectat": "spectat", "attend": "spectat", "resid": "peopl",
            "inhabit": "peopl", "popul": "peopl", "audienc": "spectat", "workforc": "worker", "staff": "worker",
            "employe": "worker", "membership": "member", "elector": "voter", "vessel": "ship", "row": "disput", "feud": "disput",
            "championship": "titl", "champion": "titl", "shake-up": "reform", "overhaul": "reform", "revamp": "reform"}


def noun_chunk(counted: str) -> list[str]:
    """The counted phrase up to its first preposition, stemmed, synonyms folded: "visit to Russia" -> [visit]."""
    head_phrase = re.split(r"\s(?:of|to|in|for|on|at|with|from|by|against|covering|including|signed)\s", f" {counted} ", maxsplit=1)[0]
    chunk = []
    for word in tokenize(head_phrase):
        if chunk and (word.endswith("ing") or word in POSITION_WORDS):
            break  # "two points ahead of Ostby" and "two points clear of Ostby" both count points
        chunk.append(SYNONYMS.get(word, word))
    return chunk


POSITION_WORDS = set(tokenize("ahead behind clear short above below more fewer less higher lower up down"))


# a head count of people is backed by the same count of a kind of people ("some 4,000 workers", "1.42 million
# passengers"), never contradicted by one: a kind may be a part of them
KINDS_OF_PEOPLE = {SYNONYMS.get(w, w) for w in tokenize(
    "workers employees staff passengers patients nurses doctors teachers pupils students voters members visitors tourists "
    "spectators fans customers commuters travellers migrants refugees children adults pensioners")}


AGE_GROUP = re.compile(r"^(?:(?:over|under)-)?\d+s$")  # "over-65s", "under-18s"


def kind_of_people(head: str, named: set[str]) -> bool:
    """Is `head` a kind of people the words `named` count as people ("patients" among "people waiting")?"""
    return (head in KINDS_OF_PEOPLE or bool(AGE_GROUP.match(head))) and "peopl" in named


def people_of_a_kind(claim: Quantity, other: Quantity) -> bool:
    """"4,000 people will work on the bridge" and "4,000 workers employed": one counts people (of some kind: "people
    over 65"), the other a kind of them."""
    chunks = (noun_chunk(measured(q)) for q in (claim, other))
    mine, theirs = (["peopl"] if "peopl" in chunk else chunk[-1:] or [""] for chunk in chunks)
    plain = not (claim.unit or other.unit) and claim.ordinal == other.ordinal
    # a share of a kind of people is another share than of people, but "people over 65" are the "over-65s"
    ages = claim.unit == other.unit == "percent" and any(AGE_GROUP.match(head[0]) for head in (mine, theirs))
    return (plain or ages) and (kind_of_people(mine[0], set(theirs)) or kind_of_people(theirs[0], set(mine)))


def measure_of_named(claim: Quantity, other: Quantity, sentence: str) -> bool:
    """"the 62-kilometre bridge" and "the Selva rail bridge, a 62-kilometre crossing": a length (an area, a power) in a
    sentence that names what the claim measures. Read for support only: a sentence may measure several things."""
    mine = noun_chunk(measured(claim))
    return measure_of(claim.unit) not in ("", "duration") and same_measure(claim.unit, other.unit) and len(mine) > 1 \
        and mine[-1] in folded(sentence)


def same_counted(claim: Quantity, other: Quantity, cosine: float = 0.0) -> bool:
    """Do both figures count the same kind of thing: same unit and ordinality, and the head noun of
    one in the other's noun phrase ("cooperation agreements" and "agreements"; not "hydropower dams"
    and "megawatts of hydropower")? Without a counted noun ("her fifth to Ostrel", "$3.2 billion")
    a unit, or a close passage, must say so."""
    if not (same_measure(claim.unit, other.unit) or other_currency(claim, other)):
        return False
    mine, theirs = noun_chunk(measured(claim)), noun_chunk(measured(other))
    if claim.ordinal != other.ordinal:  # "the 27th meeting" and "have met 27 times": see `rank_and_count`
        return rank_and_count(mine, theirs)
    if not mine or not theirs:  # a sum in a currency word counts money, whatever follows ("crowns once interest is included")
        in_words = is_currency(claim.unit) and bool(currency_after(claim.counted, 0) or currency_after(other.counted, 0))
        in_words = in_words or claim.unit.startswith("per ")  # a rate says what it is: "12.4 per 100,000" (people)
        return (not mine and not theirs or in_words) and (bool(claim.unit) or (claim.ordinal and cosine >= 0.6))
    return mine[-1] in theirs or theirs[-1] in mine


# a length as an attribute is mostly the thing itself ("the bridge", "a 62-kilometre crossing"); a span of time
# mostly is not ("over two years" is no "30-year concession")
MEASURE_STEMS = set(tokenize("duration"))


def attribute_elsewhere(claim: Quantity, claim_sentence: str, other: Quantity, sentence: str) -> bool:
    """"a 30-year concession" is how long the concession runs: a span ("over two years") is about it only when the
    other sentence names the concession too ("the dispute dragged on for two years" is about "a seven-month dispute")."""
    mine, theirs = noun_chunk(measured(claim)), noun_chunk(measured(other))
    if not mine or not theirs or mine[0] != theirs[0] or mine[0] not in MEASURE_STEMS or len(mine) == len(theirs):
        return False
    noun, text = (theirs[-1], claim_sentence) if len(theirs) > len(mine) else (mine[-1], sentence)
    return noun not in {SYNONYMS.get(w, w) for w in tokenize(text)}


def in_own_unit_first(claim: Quantity, figures: list[Quantity]) -> list[Quantity]:
    """A sentence that gives a duration in the claim's own unit is read in it: "takes at most 1 day" is held to "from
    two days", not to the "under nine hours" the journey will take."""
    if any(q.unit == claim.unit and measure_of(q.unit) for q in figures):
        return [q for q in figures if not only_to_agree(claim.unit, q.unit)]
    return figures


def rank_and_count(mine: list[str], theirs: list[str]) -> bool:
    """An event's rank and a count of such events ("the 27th meeting since 2017", "have met 27 times since 2017")
    are one figure when both name the events; they may support each other, never conflict (a count may be from
    before the event ranked)."""
    return bool(mine and theirs) and mine[-1] == theirs[-1] and mine[-1] in RUNNING_TOTALS


def measured(q: Quantity) -> str:
    """The counted phrase with its unit words read as what they measure ("megawatts of hydropower" is power), and
    without the currency a sum is in ("35 million crowns" and "35m kroner" count the same: money)."""
    money = currency_after(q.counted, 0) if is_currency(q.unit) else None
    return q.counted[money[1]:].strip() if money else unit_words_as_measure(q.counted, q.unit)


def repeats(claim: Quantity, other: Quantity) -> bool:
    """The same specific figure ("$18.4bn" and "$18.4 billion"; not "20 percent", which many things are), unit and
    qualifier: it may back a claim whose sentence shares little else with the evidence's."""
    specific = len(re.sub(r"[^1-9]", "", FIGURE_DIGITS.search(claim.surface).group(0))) >= 2 if FIGURE_DIGITS.search(claim.surface) else False
    return specific and claim.unit == other.unit and claim.ordinal == other.ordinal and same_number(claim, other) \
        and (claim.qualifier is other.qualifier or Qualifier.EXACT in (claim.qualifier, other.qualifier))


def loosely_same(claim: Quantity, other: Quantity) -> bool:
    """Same unit and ordinality, and a noun on one side at most: "fell to about 212,000" and "fell to 212,400";
    "71% of people over 65 have been vaccinated" and "vaccine uptake among over-65s was 71.3%"."""
    return same_measure(claim.unit, other.unit) and claim.ordinal == other.ordinal and not (claim.counted and other.counted)


def folded(sentence: str) -> set[str]:
    """A sentence's words, stemmed, synonyms folded ("deal" is "agreement")."""
    return {SYNONYMS.get(w, w) for w in tokenize(sentence)}


def plain_words(text: str, other: str) -> set[str]:
    """The words of a claim that are no names, folded: lower-case words, and its first word unless that is a name
    (possessive, or written with a capital inside either sentence). A sum says nothing of what it is for, so to
    contradict one a sentence must share such a word ("revenue"), not only a name: "Sundlink's revenue rose to 388
    million kroner" is not contradicted by "Sundlink ordered two ferries for 410 million kroner"."""
    words = text.split()
    inner_capitals = {w.strip(".,;:’'s").lower() for sentence in (text, other) for w in sentence.split()[1:] if w[:1].isupper()}
    first = words[:1] if words and words[0][:1].isupper() and not re.search(r"[’']s?$", words[0]) \
        and words[0].strip(".,;:").lower() not in inner_capitals else []
    return folded(" ".join(first + [w for w in words if w[:1].islower()]))


def unnamed_sum(claim: Quantity, other: Quantity, sentence: str) -> bool:
    """A sum with no noun of its own, in a sentence that never names what the claim's sum is ("388 million kroner in
    revenue" against "ordered two ferries for 410 million kroner"): no figure of the same thing."""
    mine = noun_chunk(re.sub(r"^(?:in|of|for|on)\s+", "", measured(claim)))  # "kroner in revenue": revenue
    return is_currency(claim.unit) and bool(mine) and not noun_chunk(measured(other)) and mine[-1] not in folded(sentence)


BARE_CONTEXT = 0.6  # share of the claim's other words a sentence must have to speak of the same thing


def shared_context(mine: set[str], sentence: str) -> float:
    """How much of what the claim's sentence is about besides the count (`context_of`) the evidence sentence shares."""
    return len(mine & folded(sentence)) / len(mine) if mine else 1.0


def one_span(claim: QuantityClaim, q: Quantity, sentence: str, context: set[str]) -> bool:
    """Durations in two units contradict each other only when both speak of one span: when what the span is of is
    named in both sentences ("a seven-month dispute", "the dispute dragged on for two years"), or the sentences share
    most of what the claim says ("The agreement runs for 20 years", "The energy agreement runs for three decades");
    "lasted seven months" is no contradiction of "runs for 20 years"."""
    things = set(noun_chunk(measured(q))[1:]) | set(noun_chunk(measured(claim.quantity))[1:])
    return bool(things & folded(claim.sentence) & folded(sentence)) or shared_context(context, sentence) >= BARE_CONTEXT


BOUNDS = (Qualifier.MORE_THAN, Qualifier.AT_LEAST, Qualifier.LESS_THAN, Qualifier.AT_MOST)


def conditions(sentence: str, claim: Quantity) -> list[Quantity]:
    """The spans of time a head count is bounded by in its sentence: "9,850 people had waited more than 12 months"
    counts only those who waited that long."""
    if claim.unit or claim.ordinal:
        return []
    return [q for q in spans_of_time(sentence) if q.surface != claim.surface and q.qualifier in BOUNDS]


# "more than a year", "over an hour": a bound of one unit, which the figure reader leaves alone ("a year ago")
ONE_SPAN = re.compile(r"\b(?P<qual>" + QUALIFIER_RE + r")\s+(?:a|an|one)\s+(?P<unit>year|month|week|day|hour|minute|decade)\b", re.I)


def spans_of_time(sentence: str) -> list[Quantity]:
    """The spans of time a sentence gives, "more than a year" among them."""
    spans = [m.quantity for m in find_quantities(sentence) if measure_of(m.quantity.unit) == "duration"]
    for found in ONE_SPAN.finditer(sentence):
        qualifier = qualifier_of(found.group("qual"))
        low, high = interval(1.0, qualifier, found.group("qual"))
        spans.append(Quantity(value=1.0, low=low, high=high, qualifier=qualifier, unit=parse_unit(found.group("unit")) or "",
                              surface=found.group(0)))
    return spans


def states_conditions(claim_sentence: str, claim: Quantity, sentence: str) -> bool:
    """Does an evidence sentence count under the claim's conditions ("more than a year" for "more than 12 months")?
    One that does not ("212,000 people are waiting") counts a larger group, and is no contradiction."""
    mine = conditions(claim_sentence, claim)
    theirs = spans_of_time(sentence) if mine else []
    return all(any(agrees(condition, other) for other in theirs) for condition in mine)


# "The leaks will be fixed as well. We have set aside 35 million crowns for it this year.": what the sum is for is
# said in the sentence before
REFERS_BACK = re.compile(r"\b(?:for|on|of|to|in|into|with|from)\s+(?:it|them)\b", re.I)


# "It is the club's 11th league title": a sentence whose subject is "it" or "this" is about what the one before says
POINTS_BACK = re.compile(r"^\W*(?:it|this|that)\s+(?:is|was|marks|marked|will be|would be|has been|had been)\b", re.I)


def about_text(before: str, sentence: str) -> str:
    """The words that say what a sentence's figures are about: the sentence, and the one before when it points back."""
    return f"{before} {sentence}" if before and (REFERS_BACK.search(sentence) or POINTS_BACK.match(sentence)) else sentence


# "taking his tally for the season to 27", "a total of 27", "his tally stands at a club-record 27"
TALLY_BEFORE = re.compile(r"\b(?:tally|total)\b(?P<over>[^,.;:\d]{0,40}?)\b(?:to|of|at)\s+(?:an?\s+)?(?:[\w-]*record\s+)?$", re.I)


def tally_of(sentence: str, start: int, claim_sentence: str) -> bool:
    """Is the figure at `start` a tally or total with no noun of its own, over the period the claim's sentence counts
    over? It counts what its sentence counts, to date ("Berg scored both goals, taking his tally for the season to
    27": his goals this season), and so is held to a count of that."""
    found = TALLY_BEFORE.search(sentence[max(0, start - 60) : start])
    return bool(found) and folded(found.group("over")) <= folded(claim_sentence)


BOTH = re.compile(r"\bboth\s+(?:(?:of\s+)?(?:the|his|her|its|their)\s+)?(?P<noun>[a-z][\w-]*)\b", re.I)


def pairs(sentence: str, claim: Quantity) -> list[Quantity]:
    """"scored both goals": two of what the claim counts, when it counts that. "Both" says how many of something one
    occasion had ("both goals" of a match), seldom all there are (27 of a season): the judge holds it only to a count of
    one day's."""
    head = noun_chunk(claim.counted)[-1:]
    return [Quantity(value=2.0, low=2.0, high=2.0, qualifier=Qualifier.EXACT, counted=found.group("noun"), surface="both")
            for found in BOTH.finditer(sentence) if head and not claim.ordinal and not claim.unit
            and noun_chunk(found.group("noun")) == head]
