"""A count of zero said in other words: "No one was killed" and "There were no deaths", "Nobody has died",
"no fatalities", "No one has lost their life" state one fact.

News gives the most checked figure of an accident or a protest, that nobody died or was hurt or arrested,
in a handful of fixed ways that share no word. The typed judge reads them as one count of zero of the same
kind; the entailment model reads "no" against "no one" as a contradiction as often as not.
"""

from __future__ import annotations

import re

KINDS = {
    "deaths": r"killed|died|dead|deaths?|fatalit(?:y|ies)|fatally|lost (?:their|his|her) li(?:fe|ves)|loss of life|perished",
    "injuries": r"hurt|injur(?:ed|y|ies)|wounded|harmed",
    "arrests": r"arrest(?:ed|s)?|detained",
}
CASUALTIES = r"casualt(?:y|ies)"  # the dead and the hurt: no casualties means neither
FILLER = r"(?:was|were|is|are|has|have|had|been|being|reported|seriously|serious|immediate|further|other|one|people|person)"
NOBODY = r"\b(?:no one|no-one|nobody|not one person|no)"


def zero_pattern(kind: str) -> re.Pattern[str]:
    return re.compile(NOBODY + r"(?:\s+" + FILLER + r"){0,3}\s+(?:" + kind + r")\b", re.I)


ZERO_OF = {name: zero_pattern(words) for name, words in KINDS.items()}
ZERO_CASUALTIES = zero_pattern(CASUALTIES)
MAX_CLAIM_WORDS = 12  # "No one was killed in the accident.": a longer sentence says more than its zero


def zero_kind(text: str) -> str | None:
    """The kind of count the text gives as zero ("deaths"), or None."""
    found = [name for name, pattern in ZERO_OF.items() if pattern.search(text)]
    return found[0] if len(found) == 1 else None


def claim_zero_kind(claim: str) -> str | None:
    """The kind of zero a claim states when that is all it states ("No one was killed in the accident.")."""
    return zero_kind(claim) if len(claim.split()) <= MAX_CLAIM_WORDS else None


def same_zero(claim: str, evidence: str) -> str | None:
    """The kind of zero a short claim and the evidence both state ("deaths"), or None."""
    kind = claim_zero_kind(claim)
    if kind is None:
        return None
    stated = ZERO_OF[kind].search(evidence) or (kind != "arrests" and ZERO_CASUALTIES.search(evidence))
    return kind if stated else None


# how the sources word each zero, as one search: the claim's own words share none of them
SEARCH_FOR = {
    "deaths": "There were no deaths or fatalities. Nobody died and no one was killed.",
    "injuries": "There were no injuries. Nobody was hurt and no one was injured.",
    "arrests": "There were no arrests. Nobody was arrested.",
}


def zero_search(claim: str) -> str | None:
    """A query for the other ways the sources may state the claim's count of zero, or None."""
    kind = claim_zero_kind(claim)
    return SEARCH_FOR[kind] if kind else None

