"""Whose count a figure is: "Xi’s 11th visit" is Xi Jinping's; "Xi and Putin have met over 40 times" is both's."""

from __future__ import annotations

import re

from verify.extract.people import People

POSSESSOR = re.compile(r"(?:\b(?P<pronoun>[Hh]is|[Hh]er|[Tt]heir)|\b(?P<name>[A-Z][\w-]*)[’']s?)\s+(?:[a-z-]+\s+)?$")
CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:and|but|while|which|who|as)\b|\b(?:that|after|before|when|because)\s")
NEAR_CHARS = 60
REPORTED = re.compile(r"\b(?:said|says|told|added|noted|stressed|warned|estimated|reported)\b")
SUBJECT_PRONOUN = re.compile(r"\b(?:he|she|they)\b", re.I)


def holders_of(sentence: str, sentence_start: int, at: int, people: People) -> tuple[str, ...]:
    """Full names of the people a figure at `at` (offset into the sentence) belongs to, if the sentence says.

    A possessive right before the figure ("Xi’s", "his") names one holder; otherwise the people named,
    or the pronoun used, in the figure's clause before it (its subject and verb, as newsroom prose orders them).
    """
    before = sentence[:at]
    possessor = POSSESSOR.search(before)
    if possessor:
        pronoun = (possessor.group("pronoun") or "").lower()
        if pronoun == "their":
            return ()
        who = people.resolve(pronoun or possessor.group("name"), sentence_start + possessor.start())
        return (who,) if who and people.by_name(who) else ()
    # the subject and its verb sit close before the figure: "Xi and Putin have met over 40 times"
    clause_start = max([m.end() for m in CLAUSE_BREAK.finditer(before)] + [len(before) - NEAR_CHARS, 0])
    if REPORTED.search(before, clause_start):
        return ()  # "Marek said 300 farmers gathered": the speaker does not hold the count
    named = people.named_between(sentence_start + clause_start, sentence_start + at)
    if named:
        return tuple(named)
    pronoun = SUBJECT_PRONOUN.search(before, clause_start)
    if pronoun and pronoun.group(0).lower() != "they":
        resolved = people.resolve(pronoun.group(0).lower(), sentence_start + pronoun.start())
        return (resolved,) if resolved else ()
    return ()
