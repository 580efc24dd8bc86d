"""What a quantity claim's sentence says of its figure besides the number: what it is about, whether it is a plan,
a request, a change, a step, a demand or an earlier value; read once, for every sentence of the evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from verify.dates import MONTHS, WEEKDAYS
from verify.extract.numbers import ORDINAL_WORDS, QUALIFIER_RE, TENS, UNITS
from verify.extract.quantities import find_quantities
from verify.judge.changes import DEMAND_BEFORE, STEP_BEFORE, claim_framed, claim_is_change
from verify.judge.counting import SYNONYMS, measured
from verify.judge.periods import rank_of_period
from verify.judge.timing import OVER_A_PERIOD, of_one_day
from verify.lexical import tokenize
from verify.models import QuantityClaim

# a currency named in words says no more of what is counted than "$" does ("35 million crowns" for leaks
# is not the plant's "640 million crowns")
CURRENCY_NOUNS = set(tokenize("kr crowns krona kronor krone kroner yuan renminbi rupees pesos francs roubles rubles lira "
                              "shekels dirhams riyals rand naira ringgit baht zloty forint reais dinars"))
GENERIC_COUNTED = {"", "time", "year", "month", "week", "day", "hour", "peopl", "percent", "per"} | CURRENCY_NOUNS
SCALE_WORDS = {"hundr", "thousand", "million", "billion", "trillion", "bn", "mn", "mln", "tn", "percent", "cent", "dollar", "euro", "pound",
               "year", "last", "month", "week", "day"}
ATTRIBUTION = re.compile(r",?\s*(?:according to|as reported by|citing)\s[^,.;]+|,\s*[^,.;]{1,60}\s(?:said|says|reported|told \w+)\b", re.I)
# "Chief executive Mette Lund told Holm Radio on Thursday that …", "The ministry said on Monday that …": who said it
SAYING_FRAME = re.compile(r"^[^.;:“”\"]{0,100}?\b(?:said|says|told|tells|announced|added|stated|reported|confirmed|warned)\b"
                          r"[^.;:“”\"]{0,60}?\bthat\s", re.I)
PLANNED = re.compile(r"\b(?:expected to|plans? to|planned to|aims? to|hopes? to|likely to|intends? to|would)\b", re.I)

# "asked every household to cut", "urged residents to save": a request, whose figure is a target, not a result
REQUESTED = re.compile(r"\b(?:ask(?:ed|s|ing)|urg(?:ed|es|ing)|call(?:ed|s|ing) on|order(?:ed|s|ing)|request(?:ed|s|ing))\s+(?:[\w’'-]+\s+){0,4}to\s+"
                       r"(?!(?:the|a|an|about|around|some|more|less|\d)\b)[a-z]+\b")
FIGURE_FUTURE = re.compile(r"\b(?:will|shall|would|could|might|(?:is|are) (?:set|due) to)\b[^,;]*$", re.I)  # in the figure's own clause
FUTURE_CLAIM = re.compile(r"\b(?:will|shall|set to|due to)\b", re.I)
FROM_BEFORE = re.compile(r"\b(?:up|down|rising|falling|increased|decreased)?\s*from\s+$", re.I)  # "to 2,500, up from 800"
EARLIER_STATE = re.compile(r"\b(?:before|previously|formerly|earlier|used to|until)\b", re.I)

def context_of(claim: QuantityClaim) -> set[str]:
    """What the claim's sentence is about besides the count."""
    counted = set(tokenize(claim.quantity.counted)) | SCALE_WORDS | CALENDAR_WORDS | CURRENCY_NOUNS
    if not claim.quantity.ordinal:  # a count in words ("the fourth month in a row", "twelve") is the figure, not context;
        counted |= set(tokenize(claim.quantity.surface)) & NUMBER_WORDS  # a rank's word is what ranks are held to
    said = ATTRIBUTION.sub("", SAYING_FRAME.sub("", claim.query))  # "according to the Ostrel Press Agency" is not what is counted
    said = QUALIFIER_WORDS.sub(" ", said)  # "roughly", "some": how exact the figure is, not what it is about
    return {SYNONYMS.get(w, w) for w in tokenize(said) if not w[:1].isdigit()} - counted


QUALIFIER_WORDS = re.compile(r"\b(?:" + QUALIFIER_RE + r")\b", re.I)
# "fourth", "twelve", "dozen", "half": the figure itself, written in words, is no context ("the fourth month in a row"
# and "four months in a row" share all they are about)
NUMBER_WORDS = set(tokenize(" ".join([*UNITS, *TENS, *ORDINAL_WORDS, "dozen", "half", "quarter", "quarters", "third",
                                      "thirds", "twice", "thrice", "hundred", "thousand"])))
CALENDAR_WORDS = set(tokenize(" ".join(WEEKDAYS) + " " + " ".join(m for m in MONTHS if len(m) > 3) + " yesterday today"))


@dataclass(frozen=True)
class ClaimReading:
    """What the claim's sentence says of its figure, read once for every sentence of the evidence."""

    generic: bool  # "people", "years", a bare sum: little of what is counted
    future: bool  # "will hold its fifth strike": may be held to a plan
    earlier: bool  # "had 800 students before the summit": held to the start of a change
    present: bool  # "a journey that now takes 48 hours": held to the start of a change to come
    requested: bool  # "asked every household to cut its use by 20 percent": a target
    change: bool  # "up 6 percent": a change, not a level
    step: bool  # "a further 3 per cent": a step, held to steps as written
    demand: bool  # "the union wants 9 per cent": held only to what is asked for
    one_day: bool  # "scored three times on Saturday": a count of one occasion, not a tally to date
    to_date: bool  # "has scored 35 times this season": a tally over a period up to now
    rank_period: int  # the rank the figure is the period of: 1 for "17 years" in "its first in 17 years", else 0
    context: frozenset[str]  # what the sentence is about besides the count


def read_claim(claim: QuantityClaim) -> ClaimReading:
    # "people" says little of what is counted, but "per 100,000 people" is a rate, and says enough
    # ("35 million crowns" is a bare sum; "a 21-million-kroner net profit" says what the sum is)
    generic = (tokenize(measured(claim.quantity))[:1] or [""])[0] in GENERIC_COUNTED and not claim.quantity.unit.startswith("per ")
    return ClaimReading(
        generic=generic,
        future=bool(PLANNED.search(claim.sentence) or FUTURE_CLAIM.search(claim.sentence)),
        earlier=about_what_was(claim),
        present=not FIGURE_FUTURE.search(claim.sentence[: max(0, claim.sentence.find(claim.quantity.surface))]),
        requested=bool(REQUESTED.search(claim.sentence)),
        change=claim_is_change(claim),
        step=claim_framed(STEP_BEFORE, claim),
        demand=claim_framed(DEMAND_BEFORE, claim),
        one_day=of_one_day(claim.query),
        to_date=bool(OVER_A_PERIOD.search(claim.query)),
        rank_period=rank_of_period(claim),
        context=frozenset(context_of(claim)),
    )

def about_what_was(claim: QuantityClaim) -> bool:
    """Is the claim's own figure an earlier value: "had 800 students before the summit", "up from 11.2"? (Not "rose
    to nearly 15, up from 11.2 a week earlier": there "earlier" is the other figure's.)"""
    at = claim.sentence.find(claim.text)
    if at > 0 and FROM_BEFORE.search(claim.sentence[max(0, at - 20) : at]):
        return True
    return bool(EARLIER_STATE.search(claim.sentence)) and len(find_quantities(claim.sentence)) == 1
