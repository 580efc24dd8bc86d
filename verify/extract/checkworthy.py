"""Which sentences are statements worth checking: facts a desk could confirm, not opinion, forecast or question.

A sentence qualifies by a concrete detail (a name or a number), a count of zero ("No one was hurt."), or by
reporting an event: something was done, decided, said no to or happened ("The regional government has
declined to step in.", "The company has sent strikers letters."). Newsroom prose states many of its facts
without a name in them, and a check that skips those leaves most of a story unread.
"""

from __future__ import annotations

import re

NOT_CHECKABLE = re.compile(
    r"\b(?:expected to|is likely to|are likely to|(?-i:may)|might|could|should|hopes? to|expects?|predicts?|"
    r"(?:is|are) set to|(?:plans|planned|planning|intends?) to|would|"  # "a plan to cut waits" is no forecast
    r"seems?|appears? to|in my view|i think|we believe|analysts? (?:say|believe))\b",
    re.I,
)
CHECKABLE_DETAIL = re.compile(r"\d|(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+")
# a count of zero is a figure a desk checks first: "No one was hurt.", "There were no arrests."
ZERO_COUNT = re.compile(
    r"^(?:No one|No-one|Nobody|None of|Neither|No \w+(?: \w+)? (?:was|were|has|have|had|is|are)\b)"
    r"|\bthere (?:was|were|had been|has been|have been) no\b",
    re.I,
)
# past forms that do not end in -ed: the verbs news uses for what happened
IRREGULAR_PAST = (
    "began became bought broke brought built burnt came caught chose cut dealt drew drove fell fled flew fought found "
    "froze gave got grew held hit kept knew laid led left lost made met paid put ran rang rose sank saw sent set shook "
    "shot shut sold sought spent split spread stole stood struck swept swore took threw told tore went withdrew won "
    "wrote"
).split()
EVENT_VERB = re.compile(
    r"\b(?:[a-z]{2,}ed|" + "|".join(IRREGULAR_PAST) + r"|(?:has|have|had) been|(?:was|were) (?:not )?[a-z]+(?:ed|en|wn))\b"
)
# the sentence gives a view or a feeling, not an event: "Tempers have frayed", "many fear", "it is a shame"
STANCE_WORDS = re.compile(
    r"\b(?:fear(?:s|ed)?|hope(?:s|d)?|believe(?:s|d)?|feel(?:s)?|felt|worr(?:y|ies|ied)|wonder(?:s|ed)?|"
    r"seemingly|apparently|arguably|perhaps|probably|unfortunately|sadly|clearly|obviously|tempers?)\b",
    re.I,
)
MIN_WORDS = 6


def reports_event(text: str) -> bool:
    """"Corvane has ruled out bringing in outside labour.": a finite verb of something done, no view or feeling."""
    return bool(EVENT_VERB.search(text)) and not STANCE_WORDS.search(text)


# a relative clause or a clause after "so that" says what a noun is, not what happened: "ended only when the
# service drew up a deal that both sides could accept" reports an event, whatever "could" says of the deal
RELATIVE_CLAUSE = re.compile(r"\b(?:that|which|who|whom|whose)\b.*$", re.S)


def main_clause(text: str) -> str:
    """The text before a relative clause, when that part reports an event; else all of it."""
    main = RELATIVE_CLAUSE.sub("", text)
    return main if reports_event(main) else text


def is_statement(text: str, opens_with_person: bool) -> bool:
    """Check-worthy: a concrete detail or a reported event, not opinion, forecast or question."""
    if text.rstrip().endswith("?") or NOT_CHECKABLE.search(main_clause(text)):
        return False
    if ZERO_COUNT.search(text):
        return len(text.split()) >= 3
    if len(text.split()) < MIN_WORDS:
        return False
    # "Hale, who did not give evidence, had denied all charges."
    return bool(CHECKABLE_DETAIL.search(text)) or opens_with_person or reports_event(text)
