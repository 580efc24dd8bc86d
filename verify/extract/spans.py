"""Where a quantity claim begins and ends in its sentence: the whole figure phrase a reader checks, not just
its digits. "her seventh visit to Ostrel", "for the third time since 2010", "every ten minutes", "150,000 m3 of
water", "the fourth month in a row", "14 per cent less": the rank's owner, the frequency, the unit, what is
counted and the period it is counted over are all part of what the claim says."""

from __future__ import annotations

import re

from verify.extract.counted import VERB_AFTER_TIMES, VERB_BEFORE, VERB_NOUNS, group_before
from verify.extract.quantities import Mention

TIMES_AFTER = re.compile(r"\s+(?:times?|occasions?)\b")
TWICE = re.compile(r"(?:.*\s)?(?:twice|thrice)$", re.I)
NEAR_NOUN = 60  # characters between a figure and the end of what it counts
FIGURE = re.compile(r"(?<![A-Za-z])\d")  # a figure of its own; not the 3 of "m3" nor the 2 of "km2"
# whose rank it is, or which one: "her seventh", "Marek's seventh trip", "a seventh visit", "for the third time"
RANK_OWNER = re.compile(r"(?:\b(?:for|on)\s+(?=(?:the|a|an)\s+$))?(?:\b(?:the|a|an|her|his|its|their|our|my|your)"
                        r"|\b[A-Z][\w’'-]*[’']s?)\s+$")
EVERY = re.compile(r"\bevery\s+$", re.I)  # "every ten minutes" is a frequency, not a duration
_ENDS_SINCE = r"(?:that|when|as|and|but|after|before|which|who|while|because|with|to)"
# the period a figure is counted over, or the change it is: "in a row", "since her re-election in 2022", "ago"
TAIL = re.compile(
    r"\s+(?:in\s+a\s+row|running|straight|ago"
    r"|in\s+(?:a|one|the\s+(?:past|last)(?:\s+[\w-]+)?)\s+(?:years?|months?|weeks?|decades?|seasons?)\b"
    r"|since\s+[\w’'-]+(?:\s+(?!" + _ENDS_SINCE + r"\b)[\w’'-]+){0,4})(?![\w-])",
    re.I,
)
COMPARED = re.compile(r"\s+(?:less|more|fewer|lower|higher)\b", re.I)  # "14 per cent less": a change, not a level


def counted_end(sentence: str, mention: Mention) -> int:
    """The claim runs to the end of what is counted: "11th visit to Russia", "over 40 times"."""
    counted = mention.quantity.counted.split()
    group = group_before(sentence, mention.start)
    if group and counted == [group.group("noun").lower()]:
        return mention.end  # "a crowd of 41,250": what it counts came before it
    found = sentence.find(counted[-1], mention.end) if counted else -1
    # the noun must follow the figure closely ("11th visit to Russia"); "scored twice … to 27 goals" counts goals
    # by its verb, and the claim is "twice"
    if found >= 0 and found - mention.end <= NEAR_NOUN and not FIGURE.search(sentence, mention.end, found):
        return found + len(counted[-1])
    by_verb = VERB_AFTER_TIMES.match(sentence, mention.end) if counted else None
    if by_verb and read_from(by_verb, counted):  # "the fifth time drivers have walked out": the verb says what is counted
        return by_verb.end()
    times = TIMES_AFTER.match(sentence, mention.end)
    return times.end() if times else mention.end


def read_from(verb: re.Match[str], counted: list[str]) -> bool:
    """Is what a count of times counts read from this verb ("walked out": strikes) or its object ("its fares")?"""
    noun = " ".join(counted)
    return VERB_NOUNS.get(verb.group("verb").lower()) == noun or noun in verb.group(0)


def claim_bounds(sentence: str, mention: Mention) -> tuple[int, int]:
    """(start, end) of a quantity claim in its sentence: the figure, its owner or frequency word before it, what it
    counts and the period after it."""
    start, end = mention.start, counted_end(sentence, mention)
    before = sentence[max(0, start - 40) : start]
    owner = RANK_OWNER.search(before) if mention.quantity.ordinal else EVERY.search(before)
    verb = VERB_BEFORE.search(before) if TIMES_AFTER.match(sentence, mention.end) or TWICE.match(mention.quantity.surface) else None
    if owner is not None:
        start -= len(before) - owner.start()
    elif verb is not None and read_from(verb, mention.quantity.counted.split()):
        start -= len(before) - verb.start()  # "scored twice", "met 27 times": the verb says what is counted
    elif (group := group_before(sentence, start)) and group.group("noun").lower() == mention.quantity.counted:
        start = group.start("noun")  # "workforce of 4,000": the group it is the size of
    if mention.quantity.unit == "percent" and (compared := COMPARED.match(sentence, end)):
        end = compared.end()
    if (tail := TAIL.match(sentence, end)) is not None:
        end = tail.end()
    return start, end
