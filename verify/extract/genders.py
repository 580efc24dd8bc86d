"""Genders as an article shows them: the "he" or "she" whose one possible antecedent is near, a courtesy title
("Mrs Poole") or a relation ("His mother, Kristen Lavoie,") before a name. A pronoun opening a sentence also
adds a mention of whom it means, so the next "she" finds her.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from typing import TYPE_CHECKING

from verify.extract.families import RELATION_BEFORE
from verify.extract.namewords import FEMALE_RELATIONS
from verify.extract.salience import TITLED, Mention

if TYPE_CHECKING:
    from verify.extract.salience import Salience

GENDERED = re.compile(r"\b(?:(?P<m>[Hh]e|[Hh]im|[Hh]is|[Hh]imself)|(?P<f>[Ss]he|[Hh]er|[Hh]ers|[Hh]erself))\b")
QUOTE_CUE = re.compile(r"[”\"],?\s*$|,\s*$")  # the "he" of "“…,” he said"
CHAIN_WEIGHT = 0.6


def read_genders(salience: "Salience") -> None:
    """A person's gender as the article shows it: "he"/"she" whose antecedent they are, titles before the name."""
    votes: dict[str, dict[str, int]] = defaultdict(lambda: {"m": 0, "f": 0})
    subject: tuple[int, str, str | None] = (-9, "", None)  # (sentence, gender, entity) of a pronoun opening a sentence
    chained: list[Mention] = []
    for match in GENDERED.finditer(salience.text):
        if salience.inside_quote(match.start()):
            continue
        gender = "m" if match.group("m") else "f"
        voter, subject, chain = pronoun_vote(salience, match.start(), gender, subject)
        if voter:
            votes[voter][gender] += 1
        chained += chain
    salience.mentions = sorted(salience.mentions + chained, key=lambda m: m.at)
    salience.positions = [m.at for m in salience.mentions]
    for mention in salience.mentions:
        title = TITLED.search(salience.text, max(0, mention.at - 12), mention.at)
        if title and mention.at not in salience.shared_at:  # "Mrs Poole" of two Pooles shows no one's gender yet
            votes[mention.entity]["m" if title.group("m") else "f"] += 3
        relation = RELATION_BEFORE.search(salience.text, max(0, mention.at - 30), mention.at)
        if relation and salience.entities[mention.entity].person:  # "His mother, Kristen Lavoie,"
            votes[mention.entity]["f" if relation.group(1) in FEMALE_RELATIONS else "m"] += 3
    for name, vote in votes.items():
        entity = salience.entities[name]
        if vote["m"] == vote["f"]:
            continue
        if not entity.person and max(vote.values()) >= 2 * min(vote.values()) + 2 and salience.personal(name):
            entity.person = True  # "Chief Na'moks said …. He …": a single name that speaks, and is "he"
        if entity.person:
            entity.gender = "m" if vote["m"] > vote["f"] else "f"


def pronoun_vote(salience: "Salience", at: int, gender: str, subject: tuple[int, str, str | None]
                 ) -> tuple[str | None, tuple[int, str, str | None], list[Mention]]:
    """Whom one gendered pronoun shows the gender of (if anyone), the sentence's pronoun subject after it,
    and the mention it adds when it opens a sentence. Only a pronoun with one possible antecedent near it
    votes: "Wojtaszek said he jumped bail" shows nothing of Wojtaszek."""
    si, named = salience.sentence_of(at), named_near(salience, at)
    if QUOTE_CUE.search(salience.text, max(0, at - 4), at):  # the "he" of "“…,” he said": what is to be resolved
        if len(named) == 1:
            return named.pop(), subject, []
        carried = not named and subject[1] == gender and subject[0] >= si - 1
        return (subject[2] if carried else None), subject, []  # "He believes …. “…,” he said."
    # "She opened her shop and her husband, Tom Berger, joined her": the sentence's pronoun subject holds,
    # and runs on into the next sentence when that names nobody
    antecedent = gender_antecedent(salience, at, named_only=True)
    if subject[1] == gender and (subject[0] == si or (subject[0] == si - 1 and antecedent is None)):
        antecedent = subject[2]
    antecedent = antecedent or gender_antecedent(salience, at, named_only=False)
    chain: list[Mention] = []
    if len(salience.text[salience.sentence_starts[si] : at].split()) <= 3:
        subject = (si, gender, antecedent)
        chain = [Mention(at, antecedent, CHAIN_WEIGHT)] if antecedent else []
    votes = antecedent and (len(named) == 1 or (not named and antecedent == subject[2]))
    return (antecedent if votes else None), subject, chain


def named_near(salience: "Salience", at: int) -> set[str]:
    """Everyone named in a pronoun's sentence before it and in the sentence before."""
    lo = bisect.bisect_left(salience.positions, salience.sentence_starts[max(0, salience.sentence_of(at) - 1)])
    return {m.entity for m in salience.mentions[lo : bisect.bisect_left(salience.positions, at)]
            if salience.entities[m.entity].person or salience.personal(m.entity)}  # "the EU" is never "he"


def gender_antecedent(salience: "Salience", at: int, named_only: bool) -> str | None:
    """The one a gendered pronoun most likely refers to: its sentence's subject before it, else (unless
    `named_only`) the nearest named one in that sentence or the one before."""
    si = salience.sentence_of(at)
    lo = bisect.bisect_left(salience.positions, salience.sentence_starts[max(0, si - 1)])
    hi = bisect.bisect_left(salience.positions, at)
    people = salience.mentions[lo:hi]
    own = [m for m in people if m.at >= salience.sentence_starts[si]]
    if own:  # "One witness, retired nurse Edda Linn, told the court she …": whom its sentence names first
        return next((m for m in own if m.weight > 1.0), own[0]).entity
    subjects = [m for m in people if m.weight > 1.0]
    if subjects and named_only:
        return subjects[-1].entity
    return people[-1].entity if people and not named_only else None
