"""A figure that is a change ("rose by 40 million kroner", "cuts 11 routes", "up 6 percent", "6 percent more than a
year earlier") against one that is a level ("rose to 388 million kroner", "leaves the city with 53 routes"). The two
measure different things, so a change may back a change and a level a level, and a change is never held against a
level: "revenue rose to 388 million" is no conflict with "the wage bill rose by 40 million"."""

from __future__ import annotations

import re

from verify.extract.numbers import QUALIFIER_RE
from verify.extract.quantities import Mention, find_quantities
from verify.extract.units import measure_of
from verify.models import QuantityClaim

_moves = (r"rose|rises?|risen|rising|fell|falls?|fallen|falling|grew|grows?|grown|growing|"
          r"(?:in|de)creas(?:ed?|es|ing)|dropp(?:ed|ing)|drops?|declin(?:ed?|es|ing)|climb(?:ed|s|ing)?|jump(?:ed|s|ing)?|"
          r"slipp(?:ed|ing)|slips?|shr[aiu]nk(?:s|ing)?|gained|soared|plunged|surged|tumbled|slumped|up|down")
# "cuts 11 routes", "added 300 jobs"; "raised 5 million" is a sum raised, "raised fares by 6 percent" a change
_cuts = r"cut|cuts|cutting|shed|sheds|shedding|added|adds|adding"
_cuts_by = r"reduc(?:ed?|es|ing)|lower(?:ed|s|ing)|rais(?:ed?|es|ing)|trimm(?:ed|ing)|trims?|boost(?:ed|s|ing)?"
_nouns = r"increase|rise|fall|drop|decline|reduction|cut|jump|surge|growth"
_qualifier = r"(?:(?:" + QUALIFIER_RE + r"|another|a further|an extra|an additional)\s+)?"
# "rose by", "rose", "cut its use by", "cuts" (followed by what it cuts: "cuts 11 routes"), "a rise of"
CHANGE_BEFORE = re.compile(
    r"\b(?:(?:" + _moves + r")(?:\s+by)?|(?:" + _cuts + r")(?:\s+(?:[\w’'-]+\s+){0,3}?by)?|(?:" + _cuts_by + r")\s+(?:[\w’'-]+\s+){0,3}?by"
    r"|(?:an?|the|its|their)\s+(?:[a-z]+\s+)?(?:" + _nouns + r")\s+of)\s+" + _qualifier + r"$",
    re.I,
)
# "6 percent more than a year earlier", "212 fewer than in August", "9 percent up on last year"
CHANGE_AFTER = re.compile(r"\s*(?:more|less|fewer|higher|lower|up|down)\s+(?:than|on|from)\b", re.I)


def claim_is_change(claim: QuantityClaim) -> bool:
    """Is the claim's figure a change ("up 6 percent", "cuts 11 routes") rather than a level?"""
    own = [m for m in find_quantities(claim.sentence) if m.quantity.surface == claim.quantity.surface]
    return bool(own) and is_change(claim.sentence, own[0])


def is_change(sentence: str, mention: Mention) -> bool:
    """Does the figure state a change rather than a level? A rank, a run or a span of time never is: "have gone up
    five years in a row" counts years of rises."""
    q = mention.quantity
    if q.ordinal or q.counted.endswith("in a row") or measure_of(q.unit) == "duration" or q.unit.startswith("1 /"):
        return False
    return bool(CHANGE_BEFORE.search(sentence[max(0, mention.start - 60) : mention.start]) or CHANGE_AFTER.match(sentence, mention.end))


# a change still to come: its start is the figure of today ("could cut the journey from two days to under nine
# hours", "agreed on Thursday to expand the programme to 2,500 students, up from 800")
TO_COME = re.compile(r"\b(?:will|shall|would|could|might|set to|due to|plans?|planned|aims?|aimed|expected|agreed|agrees|"
                     r"approv(?:ed|es)|propos(?:ed|es|al)|wants?|intends?|hopes?|promised|pledged|vowed|targets?)\b", re.I)
FROM_START = re.compile(r"\bfrom\s+$", re.I)
UP_FROM = re.compile(r"\b(?:up|down)\s+from\s+$", re.I)
TO_NEXT = re.compile(r"\s*to\s+", re.I)
OWN_TIME_AFTER = re.compile(r"\s*(?:(?i:in|on|at\s+the\s+end\s+of)\s+(?:\d|[A-Z])|(?i:last\s+(?:year|month|week))"
                            r"|(?i:an?\s+(?:year|month|week)\s+(?:earlier|before|ago)))")


# a change to come said with a modal: a claim about what is now is held to its start ("a journey that now takes
# 48 hours" to "could cut the journey from two days to under nine hours"); an approved or agreed one may have started
MODAL_CHANGE = re.compile(r"\b(?:will|shall|would|could|might|set to|due to)\b", re.I)


def is_change_to_come(sentence: str) -> bool:
    return bool(TO_COME.search(sentence))


def is_modal_change(sentence: str) -> bool:
    return bool(MODAL_CHANGE.search(sentence))


def is_old_value(sentence: str, start: int, end: int, starts: list[int]) -> bool:
    """Is the figure at `start`-`end` the start of a change done: the 4.5 of "fell from 4.5 percent to 3.9 percent",
    the 800 of "grew to 2,500 students, up from 800"? (`starts`: where the sentence's figures begin.) Not in a change
    to come, whose start is the present figure."""
    if is_change_to_come(sentence) or OWN_TIME_AFTER.match(sentence, end):
        return False  # "down from 11,200 in June": the figure of its own time, which the dates compare
    before = sentence[max(0, start - 20) : start]
    if UP_FROM.search(before):
        return True
    to_next = TO_NEXT.match(sentence, end)
    return bool(FROM_START.search(before) and to_next and to_next.end() in starts)


# "a further 3 per cent", "another 200 jobs": a step on top of a figure before it, not a whole
STEP_BEFORE = re.compile(r"\b(?:a further|another|an additional|an extra)\s+(?:" + QUALIFIER_RE + r"\s+)?$", re.I)
# "The union is asking for 9 per cent", "had sought 10 per cent", "demands a 12 per cent rise", "the target of 75%":
# what one side wants, not what is: it says nothing against what was offered, agreed, paid or reached
DEMAND_BEFORE = re.compile(
    r"\b(?:ask(?:s|ed|ing)? for|s(?:ought|eeks?|eeking)|demand(?:s|ed|ing)?|call(?:s|ed|ing)? for|want(?:s|ed)?|"
    r"press(?:es|ed|ing)? for|push(?:es|ed|ing)? for|hold(?:s|ing)? out for|held out for|"
    r"(?:target|goal|aim)\s+(?:of|is(?:\s+for)?|was(?:\s+for)?))\s+(?:an?\s+|the\s+)?"
    r"(?:(?:" + QUALIFIER_RE + r")\s+)?$", re.I)
# "at least 1,600, not the 1,140 the trust reported", "rather than 12": a figure the sentence denies backs nothing
DENIED_BEFORE = re.compile(r"(?:\bnot|\brather than|\binstead of)\s+(?:the\s+|an?\s+)?$", re.I)
WORDS_BEFORE = 40  # characters before a figure that may say it is a step or a demand


def framed(pattern: re.Pattern[str], sentence: str, at: int) -> bool:
    """Do the words right before offset `at` (a figure's start) match `pattern` ("a further", "is asking for")?"""
    return at > 0 and bool(pattern.search(sentence[max(0, at - WORDS_BEFORE) : at]))


def claim_framed(pattern: re.Pattern[str], claim: QuantityClaim) -> bool:
    return framed(pattern, claim.sentence, claim.sentence.find(claim.quantity.surface))


def steps_summed(sentence: str, mentions: list[Mention], step_claim: bool) -> list[Mention]:
    """"a 5 per cent rise from January 2027 and a further 3 per cent from January 2028": each figure is a step and
    neither the whole, which is their sum (8 per cent); a claim that is itself a step ("another 3 per cent") is held
    to the steps as written."""
    steps = [m for m in mentions if framed(STEP_BEFORE, sentence, m.start)]
    if step_claim or not steps:
        return mentions
    last, unit = steps[-1], steps[-1].quantity.unit
    # the base is the figure right before the first step ("87 per cent voted against a 5 per cent rise and a
    # further 3 per cent": the 87 is another figure)
    before = [m for m in mentions if m.end <= steps[0].start and m.quantity.unit == unit and not m.quantity.ordinal]
    parts = before[-1:] + [m for m in steps if m.quantity.unit == unit]
    rest = [m for m in mentions if m not in parts and m not in steps]
    if len(parts) < 2:
        return rest  # a step whose base is in another sentence says nothing of the whole
    total = sum(m.quantity.value for m in parts)
    summed = parts[0].quantity.model_copy(update={"value": total, "low": total, "high": total,
                                                  "surface": " + ".join(m.quantity.surface for m in parts)})
    return rest + [Mention(parts[0].start, last.end, summed)]
