"""How news introduces the people its descriptions later name: a description before the name ("Her mother, Perla
Vance, 74,", "The chair of the committee, Ann Roe,"), the person the sentence before was about ("Roe, now retired,
says …. “…,” the 68-year-old says"), a family's converse relations ("her mother" introduced, so "her daughter" is
the one she is the mother of) and a group named by its plural ("Senior nurses at Bay Hospital say …. the nurses")."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from verify.extract.namewords import FEMALE_RELATIONS, REPORTING, ROLE_NOUNS

if TYPE_CHECKING:
    from verify.extract.salience import Salience

# a description right before a name, set off by a comma: "Her mother, ", "Tom’s older brother, ", "The chair of the
# environment committee, ", "A lawyer for the plaintiffs, " (its words are what the person carries)
NOT_MODIFIER = r"(?!(?:is|was|are|were|has|had|who|which|that|and|or|but|in|on|at|the|a|an|of|to|by|with)\s)"
BEFORE_NAME = re.compile(r"(?<![\w’'])(?P<desc>(?:[Tt]he|[Aa]n?|[Hh]er|[Hh]is|[Tt]heir|[A-Z][\w-]*[’']s?)\s+(?:" + NOT_MODIFIER
                         + r"[a-z][\w’'-]*\s+){0,3}[a-z][\w-]+)(?:\s+(?:of|for|at|with)\s+[^,;:“”\"]{1,60})?,\s+$")
NAME_REACH = 120  # characters before a name in which its description stands
_introduced: WeakKeyDictionary = WeakKeyDictionary()


def introduced_with(salience: "Salience") -> dict[str, set[str]]:
    """Each person's words from the descriptions set before their name (read once per article, over the first few
    mentions of each person)."""
    from verify.extract.salience import role_words  # salience reads descriptions, which read this module

    if salience not in _introduced:
        found: dict[str, set[str]] = {}
        seen: dict[str, int] = {}
        for mention in salience.mentions:
            entity = salience.entities[mention.entity]
            if not entity.person or seen.get(entity.name, 0) >= 3 or not salience.text[mention.at : mention.at + 1].isupper():
                continue
            seen[entity.name] = seen.get(entity.name, 0) + 1
            before = BEFORE_NAME.search(salience.text, max(0, mention.at - NAME_REACH), mention.at)
            if before:
                found.setdefault(entity.name, set()).update(role_words(before.group("desc")) - {"the", "a", "an", "her", "his", "their"})
        _introduced[salience] = found
    return _introduced[salience]


# what a description names a person by: a role, a kinship, a sex or age, or an agent noun ("machinist", "striker")
PERSON_NOUNS = frozenset("man woman boy girl teen teenager mother father mom dad son daughter wife husband sister brother "
                         "grandmother grandfather widow widower veteran resident neighbour neighbor sheriff lawmaker mp "
                         "senator congressman congresswoman councilman councilwoman retiree pensioner".split())
NOT_AGENTS = frozenset("paper newspaper letter poster order number water power tower center centre corner quarter "
                       "chapter counter error sector factor motor monitor mirror minor".split())


def names_a_person(noun: str) -> bool:
    """ "the older woman", "the retired machinist", "the two-term sheriff": a noun only a person is called."""
    return (noun in ROLE_NOUNS or noun in PERSON_NOUNS
            or (bool(re.fullmatch(r"[a-z]{3,}(?:ist|ian|er|or)", noun)) and noun not in NOT_AGENTS))


OPENING_DESCRIPTION = re.compile(r"\s*(?:[Tt]he|[Hh]er|[Hh]is|[Tt]heir)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<head>[a-z][\w-]+)(?=[,\s])")


def previous_subject(salience: "Salience", at: int) -> str | None:
    """ "Castellanos, now retired, says …. “…,” the 68-year-old says": a description no one carries, cueing a quote,
    adds news of the person the sentence before the quote was about; a sentence opening with a description ("Her
    mother, listening, …") is about the one carrying it."""
    i = bisect.bisect_right(salience.quote_starts, at) - 1  # "“A. B,” the 68-year-old says": before the quote's
    if i < 0 or not re.fullmatch(r"[”\"’]?[,.!?]?\s*", salience.text[salience.quoted[i][1] + 1 : at]):  # first sentence
        return None  # "Chandran suggested …. The veteran master denied it": a reply, not news of Chandran
    si = salience.sentence_of(salience.quoted[i][0])
    if si == 0 or salience.text[salience.sentence_starts[si - 1] : salience.quoted[i][0]].rstrip().endswith("?"):
        return None  # "Would she ring Ms Roe herself? “…,” the Limerick woman said": not Ms Roe
    start = salience.sentence_starts[si - 1]
    lo, hi = bisect.bisect_left(salience.positions, start), bisect.bisect_left(salience.positions, salience.quoted[i][0])
    # its subject or speaker, or a person it introduces ("Tom’s dad, Dave Hill,"), not one it merely names ("Would she
    # ring Ms Roe?") nor "her" of "Her father, …"
    people = [m for m in salience.mentions[lo:hi] if salience.entities[m.entity].person
              and (m.weight > 1.0 or BEFORE_NAME.search(salience.text, max(0, m.at - NAME_REACH), m.at))
              and not re.match(r"(?:[Hh]er|[Hh]is|[Tt]heir)\s", salience.text[m.at : m.at + 6])]
    if people:
        return max(people, key=lambda m: (m.weight, m.at)).entity
    opening = OPENING_DESCRIPTION.match(salience.text, start)
    if not opening:
        return None
    head = opening.group("head")
    carriers = {n for n, words in introduced_with(salience).items() if head in words}
    return carriers.pop() if len(carriers) == 1 else None


# a kinship and its converses: the one introduced as "her mother" has the other as a daughter or a son
CONVERSES = {"mother": ("daughter", "son"), "father": ("daughter", "son"), "mom": ("daughter", "son"),
             "dad": ("daughter", "son"), "daughter": ("mother", "father", "mom", "dad"), "son": ("mother", "father", "mom", "dad"),
             "wife": ("husband",), "husband": ("wife",), "sister": ("sister", "brother"), "brother": ("sister", "brother")}
MALE_RELATIONS = frozenset("husband father dad son brother grandfather uncle nephew fiancé widower boyfriend".split())
KIN = re.compile(r"(?:[Hh]er|[Hh]is|[Tt]heir)\s+(?:[a-z]+\s+)?(?P<kin>" + "|".join(CONVERSES) + r")")


def kin_of(salience: "Salience", phrase: str) -> str | None:
    """ "her daughter": the one person the article introduced so, else the one of the right sex in the family of the
    person introduced by the converse relation ("Her mother, Perla Vance," makes the other Vance woman the daughter)."""
    found = KIN.fullmatch(phrase.strip())
    if not found:
        return None
    kin, introduced = found.group("kin"), introduced_with(salience)
    direct = {n for n, words in introduced.items() if kin in words}
    if direct:
        return direct.pop() if len(direct) == 1 else None
    sex = "f" if kin in FEMALE_RELATIONS else "m"
    family = set()
    for name, words in introduced.items():
        if words & set(CONVERSES[kin]):
            family |= {e.name for e in salience.people_entities() if e.name != name and e.name.split()[-1] == name.split()[-1]
                       and e.gender in (sex, None) and not introduced.get(e.name, set()) & (
                           MALE_RELATIONS if sex == "f" else FEMALE_RELATIONS)}
    return family.pop() if len(family) == 1 else None


GROUP_REACH = 2500  # characters back in which "the doctors" finds "Senior doctors at Lakeland Hospital"


def introduced_group(salience: "Salience", plural: str, at: int) -> str | None:
    """ "the doctors" after "Senior doctors at Bay Hospital say …": the group as the sentence that made it a source
    introduced it, with the institution it belongs to ("Researchers at X followed …" made no one a source: "the
    researchers" then stays as written)."""
    group = re.compile(r"(?:(?<=[.!?”\"]\s)|(?<=\n)|^)(?P<group>(?!(?:The|A|An|These|Those|Some|Many|Other)\s)(?:[A-Z][\w-]*\s+"
                       r"(?:[a-z][\w-]*\s+){0,2})?(?i:" + re.escape(plural) + r")(?:\s+(?:at|of|from|for|with)\s+(?:the\s+)?"
                       r"[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*)?)(?:\s+in\s+[A-Z][\w’'-]*)?\s+(?:say|" + REPORTING + r")\b")
    found = [m for m in group.finditer(salience.text, max(0, at - GROUP_REACH), at) if not salience.inside_quote(m.start())]
    return found[-1].group("group") if found else None


LEDE_REACH = 1500  # characters: a headline and the lede


def named_after_lede(salience: "Salience", head: str) -> str | None:
    """ "LONDON — The chief executive of Brackenmoor Water told MPs …. Julian Ashcombe, who …, said": a lede that
    opens on an unnamed person's role names them next; "the chief executive" later is that person."""
    lede = re.compile(r"(?:^|\n)(?:[A-Z][A-Z.,' ]+\s[—–-]+\s+)?[Tt]he\s+(?:[a-z][\w-]*\s+){0,3}" + re.escape(head) + r"\b(?!,?\s+[A-Z])")
    opening = lede.search(salience.text, 0, LEDE_REACH)
    if not opening:
        return None
    end = salience.sentence_starts[min(salience.sentence_of(opening.end()) + 1, len(salience.sentence_starts) - 1)]
    first: dict[str, int] = {}
    for mention in salience.mentions[: bisect.bisect_left(salience.positions, end + LEDE_REACH)]:
        first.setdefault(mention.entity, mention.at)
    after = sorted((at, n) for n, at in first.items() if at >= end and salience.entities[n].person)
    return after[0][1] if after and end > opening.end() else None


NAMED_NEXT_REACH = 80  # characters after "The student, " in which the name stands


def named_next(salience: "Salience", phrase: str, at: int) -> str | None:
    """ "“…?” a student in the gallery shouted. The student, nursing student Ama Boateng, later said …": someone
    first described, then named in the next sentence as "The <noun>, <name>"."""
    head = re.match(r"(?:[Aa]n?|[Oo]ne)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<head>[a-z][\w-]+)", phrase.strip())
    si = salience.sentence_of(at) + 1
    if not head or si >= len(salience.sentence_starts):
        return None
    start = salience.sentence_starts[si]
    again = re.compile(r"\s*[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}" + re.escape(head.group("head")) + r",\s")
    found = again.match(salience.text, start)
    if not found:
        return None
    i = bisect.bisect_left(salience.positions, found.end())
    mention = salience.mentions[i] if i < len(salience.mentions) else None
    return mention.entity if mention and mention.at < found.end() + NAMED_NEXT_REACH and salience.entities[mention.entity].person else None
