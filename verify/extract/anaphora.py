"""A definite noun the article named more fully before means that fuller name: "The surgery waiting list stood at
212,400 … The list had peaked at a record 251,000" — the list is the waiting list, and its figure counts what the
waiting list's does."""

from __future__ import annotations

import re

from verify.extract.quantities import Mention, find_quantities

DEFINITE_NOUN = re.compile(r"\b[Tt]he\s+(?P<noun>[a-z]{3,})\b")
# words before a noun that say which one or how it is, not what kind it is: "the same list", "a new list"
NOT_MODIFIERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your",
                 "same", "new", "whole", "entire", "other", "first", "last", "next", "full", "long", "short", "of", "on",
                 "in", "to", "for", "and", "or", "by", "at", "with", "from", "is", "was", "were", "are", "be", "been"}


def counted_by_earlier_name(sentence: str, mention: Mention, earlier: str) -> tuple[Mention, str]:
    """A bare figure tied to "the N" ("the list hit a record 320,000") read as if the sentence gave the fuller name
    the article used last before it ("the waiting list"): what it counts then, if the fuller name says, and the
    sentence as so read (what the figure is searched for and judged by); else the figure and sentence as they are."""
    q = mention.quantity
    if q.counted or q.unit or q.ordinal:
        return mention, sentence
    for found in reversed(list(DEFINITE_NOUN.finditer(sentence, 0, mention.start))):
        modifier = fuller_name(found.group("noun"), earlier)
        if not modifier:
            continue
        at, shift = found.start("noun"), len(modifier) + 1
        fuller = f"{sentence[:at]}{modifier} {sentence[at:]}"
        reread = [m for m in find_quantities(fuller) if m.start == mention.start + shift]
        if reread and reread[0].quantity.counted:
            return Mention(mention.start, mention.end, q.model_copy(update={"counted": reread[0].quantity.counted})), fuller
    return mention, sentence


def fuller_name(noun: str, earlier: str) -> str:
    """The word the article last put before `noun` to say what kind it is ("waiting" of "the waiting list"), if any."""
    kinds = [m.group(1) for m in re.finditer(r"\b([a-z][\w-]*)\s+" + re.escape(noun) + r"\b", earlier)
             if m.group(1).lower() not in NOT_MODIFIERS]
    return kinds[-1] if kinds else ""
