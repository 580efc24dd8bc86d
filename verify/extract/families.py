"""People sharing a family name: which of them a bare "Harrow" or a titled "Mrs Poole" means.

News introduces relatives in full ("the deckhand's mother, Joyce Harrow", "his widow, Jade Poole") and then uses the
family name alone or with a courtesy title. The bare name means the one just named in full speaking, else the one the
article introduced first (the one it is about); a courtesy title picks the one of that gender.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from verify.extract.namewords import FEMALE_RELATIONS
from verify.extract.salience import AFTER_NAME, TITLED, Mention

if TYPE_CHECKING:
    from verify.extract.people import People
    from verify.extract.salience import Entity, Salience

RELATION_BEFORE = re.compile(r"\b(husband|wife|son|daughter|mother|father|brother|sister|widow|widower|fiancée?|"
                             r"grandmother|grandfather|aunt|uncle|niece|nephew|boyfriend|girlfriend),\s+$")


def family_name_mentions(salience: "Salience", people: "People", taken: set[int]) -> list[tuple[int, str]]:
    """Every bare or titled mention of a family name two people share ("Greenspan" of Dorie and Michael Greenspan):
    the one just named in full speaking, else the one the article introduced first (the other comes in as a relative)."""
    first: dict[str, str] = {}
    shared: set[str] = set()
    for person in people.people:
        if person.surname in first:
            shared.add(person.surname)
        first.setdefault(person.surname, person.name)
    ages = given_ages(salience.text, people, shared)
    found = [(m.start(), of_age(salience.text, m.end(), ages.get(name, {})) or last_speaking(salience, people, name, m.start())
              or first[name]) for name in sorted(shared)
             for m in re.finditer(r"\b" + re.escape(name) + r"\b", salience.text) if m.start() not in taken
             and (TITLED.search(salience.text, max(0, m.start() - 12), m.start())  # "Mrs Poole", not "Jade Poole"
                  or not re.search(r"[A-Z][\w’'-]*\s+$", salience.text[max(0, m.start() - 30) : m.start()]))]
    salience.shared_at = {at for at, _ in found}
    return found


# a relative named inside the clause of someone else's appositive: "Wes Roe, a welder whose wife, Ann Roe, drives
# a bus, said": the wife does not say it
IN_RELATIVE_CLAUSE = re.compile(r"\bwhose\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+,\s*$")
AGE_AFTER_NAME = re.compile(r",\s+\d{1,3}(?=,)")  # "Ann Roe, 22, who ran the volunteers, said"


AGE_AFTER = re.compile(r",\s+(\d{1,3}),")  # "Perla Arcega, 74,"


def given_ages(text: str, people: "People", shared: set[str]) -> dict[str, dict[str, tuple[str | None, int]]]:
    """For each shared family name, each of its people: the age the article gives after their full name, if any, and
    where it first names them."""
    ages: dict[str, dict[str, tuple[str | None, int]]] = {}
    for person in people.people:
        if person.surname in shared:
            aged = [AGE_AFTER.match(text, m + len(person.name)) for m in person.mentions if text.startswith(person.name, m)]
            ages.setdefault(person.surname, {})[person.name] = (next((a.group(1) for a in aged if a), None), person.first_seen)
    return ages


def of_age(text: str, end: int, ages: dict[str, tuple[str | None, int]]) -> str | None:
    """ "Arcega, 41, runs the restaurant" of Luz and Perla Arcega, 74: the one of that age, else the one introduced so
    far of no other age."""
    given = AGE_AFTER.match(text, end)
    if given is None:
        return None
    known = {name: age for name, (age, first) in ages.items() if first < end}
    fitting = [n for n, age in known.items() if age == given.group(1)] or [n for n, age in known.items() if age is None]
    return fitting[0] if len(fitting) == 1 else None


def last_speaking(salience: "Salience", people: "People", surname: str, at: int) -> str | None:
    """Of two people of one family name, the one named in full speaking in the last sentences: "the deckhand's
    mother, Joyce Harrow, said …. “…,” Harrow said" is the mother, not the son the article named first."""
    since = salience.sentence_starts[max(0, salience.sentence_of(at) - 2)]
    speaking = [(m, p.name) for p in people.people if p.surname == surname for m in p.mentions
                if since <= m < at and salience.text.startswith(p.name, m) and speaks_after(salience.text, m + len(p.name))
                and not IN_RELATIVE_CLAUSE.search(salience.text, max(0, m - 40), m)]
    return max(speaking)[1] if speaking else None


def speaks_after(text: str, end: int) -> bool:
    """A speech verb follows the name, past its age and one appositive."""
    aged = AGE_AFTER_NAME.match(text, end)
    return bool(AFTER_NAME.match(text, aged.end() if aged else end))


def place_titled_family_names(salience: "Salience") -> None:
    """ "Mrs Poole" of Declan and Jade Poole is the woman: a courtesy title says which of a family is meant."""
    for i, mention in enumerate(salience.mentions):
        title = TITLED.search(salience.text, max(0, mention.at - 12), mention.at)
        if not title or mention.at not in salience.shared_at:
            continue
        gender = "m" if title.group("m") else "f"
        family = [(e.name, shown_gender(salience, e)) for e in salience.people_entities()
                  if e.name.split()[-1] == mention.entity.split()[-1]]
        fitting = [n for n, g in family if g == gender] or [n for n, g in family if g is None]
        if len(fitting) == 1:
            salience.mentions[i] = Mention(mention.at, fitting[0], mention.weight)
            salience.entities[fitting[0]].gender = salience.entities[fitting[0]].gender or gender


def shown_gender(salience: "Salience", entity: "Entity") -> str | None:
    """A person's gender as pronouns showed it, else as the relation introducing them does ("his widow, Jade Poole")."""
    first = salience.text.find(entity.name)
    relation = RELATION_BEFORE.search(salience.text, max(0, first - 30), first) if entity.gender is None else None
    return ("f" if relation.group(1) in FEMALE_RELATIONS else "m") if relation else entity.gender
