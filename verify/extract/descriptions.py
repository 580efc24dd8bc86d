"""A description resolved to the entity carrying it: "the utility" to the organisation named or described so,
"the premier" to the person given that role, "the RCMP statement" to the RCMP, "the 58-year-old" to the one the
article gave that age; left as written (None) when two entities carry it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from verify.extract.introductions import (
    introduced_group, introduced_with, kin_of, named_after_lede, names_a_person, previous_subject,
)
from verify.extract.layout import paragraph_bounds
from verify.extract.namewords import ROLE_NOUNS
from verify.extract.organisations import DOCUMENT_NOUNS, FALLBACK_NOUNS, ORG_NOUNS
from verify.extract.salience import WINDOW

if TYPE_CHECKING:
    from verify.extract.salience import Salience

CARRIER_BONUS = 2.0  # "the company" leans to an organisation the article called a company
LESSER_RANKS = {"deputy", "vice", "assistant", "associate", "vice-president", "vice-chair"}  # a role below the one named
# trade unions often take another name ("Air Line Pilots Association", "Teachers' Federation"): what "the union" may
# mean when the article names no union
STAND_INS = {"union": {"association", "federation", "guild"}}
AGED = re.compile(r"(?i)^the\s+(?P<age>\d{1,3})-year-old\b")


def described(salience: "Salience", phrase: str, at: int) -> str | None:
    """ "the utility", "the premier", "the rookie defenceman", "the 26-year-old": the entity carrying it."""
    words = [w.lower().strip(".,’'") for w in phrase.split()]
    if words and words[0] in ("her", "his", "their"):  # "her daughter": the one the article shows is so
        return kin_of(salience, phrase)
    if not words or words[0] not in ("the", "this", "that"):
        return None
    if AGED.match(phrase):  # "the 58-year-old": the one the article gave that age, else the one it is about
        ranked = salience.ranked(at, person=True) or salience.ranked(at, person=True, window=3 * WINDOW)
        aged = [n for _, n in ranked if n in salience.aged().get(AGED.match(phrase).group("age"), ())]  # type: ignore[union-attr]
        subject = previous_subject(salience, at)  # else news of whom the sentence before was about
        return (aged or ([subject] if subject else []) or [n for _, n in ranked] or [None])[0]
    if not proper_modifiers_carried(salience, phrase):  # "the Liberal Democrat group" is not the council
        return None
    head = words[-1].rstrip("s") if words[-1] not in ("press", "news") else words[-1]
    author = re.fullmatch(r"(?i:the)\s+(?P<by>(?:[A-Z][\w&’'-]*\s+)+)(?:[a-z]+\s+)?(?:" + DOCUMENT_NOUNS + r")", phrase.strip())
    if author:  # "the RCMP statement", "the Finance Department report": whoever issued it
        return author.group("by").strip()
    modifiers = {w for w in words[1:-1] if not re.fullmatch(r"\d.*|year-old|new|former|current|[\w-]+-based", w)}
    org = head in ORG_NOUNS
    introduced = introduced_with(salience)  # "Her mother, Perla Vance,": Perla Vance carries "mother"
    carried = {e.name: e.carries | introduced.get(e.name, set()) for e in salience.entities.values()}
    carriers = {e.name for e in salience.entities.values() if e.person is not org and head in (e.kinds if org else carried[e.name])
                and modifiers <= carried[e.name] | {head}}  # "the utility": not "Utility and Review Board", a board
    if not carriers and not org:  # "the Australian captain": the one captain, whatever the article calls her side
        carriers = carriers_of_head(salience, phrase, head, modifiers, carried) or heads_of(salience, words, carried)
    if len(carriers) > 1:  # "the mayor" is not the deputy mayor, unless the description says so
        carriers = {n for n in carriers if not (salience.entities[n].carries & LESSER_RANKS) - modifiers} or carriers
    ranked = salience.ranked(at, person=not org)
    if org and head in FALLBACK_NOUNS:  # "the company": the one the last sentences are about, one called so first
        return described_by_kind(salience, carriers, modifiers, ranked, at, head)
    candidates = [(s, n) for s, n in ranked if n in carriers]
    if len(carriers) > 1:
        return None  # two banks in the article: "the bank" is left as written rather than guessed
    if not carriers and not org:
        return carried_by_none(salience, words, at, ranked)
    if not candidates and org and len(carriers) == 1:
        return carriers.pop()  # "the union", paragraphs after the article named its one union
    standing_in = {e.name for e in salience.entities.values() if not e.person and e.kinds & STAND_INS.get(head, set())}
    if not carriers and org and len(standing_in) == 1:  # "the union": the "Irish Cabin and Aircrew Association"
        return standing_in.pop()
    if not carriers and org and len(modifiers) < 2:  # "the agency" after "Emergency Health Services": an organisation of
        return next((n for _, n in ranked if salience.unknown_kind(n)), None)
    return candidates[0][1] if candidates else None


# parties and their factions: "the Labour group", "the Republican caucus" name a side, not the body it sits in
PARTY_WORDS = frozenset("labour conservative conservatives liberal liberals democrat democrats democratic republican "
                        "republicans green greens tory tories ndp snp reform independent independents".split())


LEDE_SENTENCES = 3  # a headline, perhaps a dateline, and the first sentence


def described_by_kind(salience: "Salience", carriers: set[str], modifiers: set[str], ranked: list[tuple[float, str]],
                      at: int, head: str) -> str | None:
    """ "the company", "the club", "the airline": the carrier the last sentences are about, else the one the story
    opened with, else the most salient organisation of no other kind (never "the RCMP" for "the company")."""
    ranked = ranked or salience.ranked(at, person=False, window=2 * WINDOW)  # else the one the article is about
    known = [n for n in carriers if not salience.entities[n].tentative]  # not a name that merely acted
    if not ranked and known:  # "The insurer", paragraphs on: the insurer named last, however long ago
        return max(known, key=lambda n: salience.last_before(n, at))
    fitting = [n for _, n in ranked if n in carriers]
    lede = lede_subject(salience, carriers)
    nearest = [n for _, n in ranked if n != lede][:1]  # another organisation this paragraph is about
    if lede and (lede in fitting or not fitting) and not any(in_paragraph(salience, n, at) for n in nearest):
        return lede  # "the club": the one the story opened with, not the one it beat a paragraph before
    if modifiers and (fitting or len(carriers) == 1):  # "the railway company": the one that is a railway, though
        return (fitting or list(carriers))[0]  # another was named since ("the renters' group" after the developer)
    alike = CLUBS if head in CLUBS else FALLBACK_NOUNS - CLUBS
    of_that_kind = [(s * (CARRIER_BONUS if n in carriers else 1.0), n) for s, n in ranked
                    if n in carriers or not (salience.entities[n].kinds & ORG_NOUNS) - alike]
    if not of_that_kind and known:  # "the company" after the police and a court were named: the company named last
        return max(known, key=lambda n: salience.last_before(n, at))
    return max(of_that_kind, key=lambda sn: sn[0])[1] if of_that_kind else None


CLUBS = frozenset({"club", "team"})


def lede_subject(salience: "Salience", carriers: set[str]) -> str | None:
    """The one carrier that is the subject of the story's first sentences ("Kingsbrook Athletic have sacked …"): news
    goes on calling the organisation it is about "the club" though it names others since."""
    from verify.extract.salience import SUBJECT_WEIGHT

    subjects = {m.entity for m in salience.mentions if m.entity in carriers and m.weight >= 1.0 + SUBJECT_WEIGHT
                and salience.sentence_of(m.at) < LEDE_SENTENCES}
    return subjects.pop() if len(subjects) == 1 else None


def in_paragraph(salience: "Salience", name: str, at: int) -> bool:
    """Is `name` mentioned in the paragraph holding `at`, before it?"""
    return salience.last_before(name, at) >= paragraph_bounds(salience.text, at)[0]


def carriers_of_head(salience: "Salience", phrase: str, head: str, modifiers: set[str],
                     carried: dict[str, set[str]]) -> set[str]:
    """The one person carrying the head noun and the description's lower-case modifiers, when its capitalised ones
    (a nationality or a place: "the Australian captain", "the Ohio senator") are said nowhere else."""
    proper = {w.lower().strip(".,’'") for w in phrase.split()[1:-1] if w[:1].isupper()}
    if not proper or proper & PARTY_WORDS:
        return set()
    found = {n for n, e in salience.entities.items() if e.person and head in carried[n] and modifiers - proper <= carried[n]}
    return found if len(found) == 1 else set()


# "the union leader", "the council boss": the person heading a body of that kind, whatever the office is called
HEAD_NOUNS = frozenset("leader boss chief head".split())
HEAD_OFFICES = frozenset("president chair chairman chairwoman chairperson leader head chief secretary".split())


def heads_of(salience: "Salience", words: list[str], carried: dict[str, set[str]]) -> set[str]:
    """The one person whose role heads a body of the kind the description names ("Carla Yazzie, president of the
    Bluffs Education Association" is "the union leader": an association stands in for a union)."""
    if len(words) != 3 or words[2] not in HEAD_NOUNS or words[1] not in ORG_NOUNS:
        return set()
    kinds = {words[1]} | STAND_INS.get(words[1], set())
    found = {n for n, e in salience.entities.items() if e.person and carried[n] & HEAD_OFFICES and carried[n] & kinds}
    return found if len(found) == 1 else set()


def proper_modifiers_carried(salience: "Salience", phrase: str) -> bool:
    """ "the Liberal Democrat group": an entity whose name or description holds the party word exists (the
    council the group sits on does not carry it); place words ("the Ohio company") describe, so are not asked."""
    party = {w.lower().strip(".,’'") for w in phrase.split()[1:-1] if w[:1].isupper()} & PARTY_WORDS
    return not party or any(party <= set(e.name.lower().split()) | e.carries for e in salience.entities.values())


def carried_by_none(salience: "Salience", words: list[str], at: int, ranked: list[tuple[float, str]]) -> str | None:
    """ "the chief executive", "the retired machinist", "the doctors": a person or group no one the article named
    carries the description of."""
    lede = named_after_lede(salience, words[-1]) if is_role_noun(words[-1]) else None
    if lede:  # "The chief executive of X told MPs …. Julian Ashcombe said": the one the lede described so
        return lede
    fuller = fuller_description(salience, words, at) if is_role_noun(words[-1]) else None
    if fuller:  # "the Nova Scotia judge said …. The judge ruled": the unnamed person described so
        return fuller
    if words[-1].endswith("s") and names_a_person(words[-1][:-1]):
        return introduced_group(salience, words[-1], at)  # "the doctors": "Senior doctors at Bay Hospital" before
    subject = previous_subject(salience, at) if names_a_person(words[-1]) else None
    if subject:  # "“…,” the retired machinist said": news of whom the sentence before the quote was about
        return subject
    if ranked and not salience.entities[ranked[0][1]].carries and is_role_noun(words[-1]):
        return ranked[0][1]  # "Trudeau spoke in Milton. The prime minister said …": a role the article never gave anyone
    return None


# what news calls a person it has just named by their fame: "the Billy on the Street star", "the talk-show host"
EPITHETS = frozenset("star host singer rapper musician comic personality celebrity".split())


def is_role_noun(word: str) -> bool:
    return word in ROLE_NOUNS or word in EPITHETS  # one person: "the minister", not "the players"


FULLER_REACH = 2000  # characters back in which "the judge" finds "the Nova Scotia judge"


def fuller_description(salience: "Salience", words: list[str], at: int) -> str | None:
    """ "the judge" after "the Nova Scotia judge said …" (no name following it): the description the article
    introduced the unnamed person with, holding more words than this one."""
    noun = re.escape(words[-1])
    fuller = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:(?!(?i:the|an?|his|her|its|their|by|of|to|for|with|from|and|or|in|on|at|"
                        r"that|who|which)\s)[\w’'-]+\s+){1,3}" + noun + r"\b(?![’'-])(?!,?\s+[A-Z])")
    found = [m for m in fuller.finditer(salience.text, max(0, at - FULLER_REACH), at) if not salience.inside_quote(m.start())
             and len(m.group(0).split()) > len(words)]
    return found[-1].group(0) if found else None
