"""Who the article introduces, so "he", "Cui" and "the Chinese leader" resolve to a full name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from verify.extract.kinds import INSTITUTION_ENDINGS, is_company_name, is_institution
from verify.extract.layout import mask_headings, paragraph_bounds
from verify.extract.namewords import (
    AGENT_NOUN, BODY_NOUNS, BUSINESS_OPENINGS, COMPANY_ENDINGS, COURTESY, COURTESY_GENDER, FEMALE_RELATIONS, NOT_NAMES,
    OCCUPATION_WORD, PLACE_NAMES, POST_NOMINALS, REPORTING, ROLE_NOUNS, TITLE_WORDS, TITLES, is_title_word,
)
from verify.extract.organisations import names_a_company
from verify.extract.salience import Salience
from verify.extract.titles import OFFICE_OF, is_establishment, label_evidence, without_leading_title, without_portfolio

# "O'Malley", "McConnell", "DeSantis"; letters of Latin Extended-A inside a name too: "Kovač", "Pōtae", "Wałęsa"
LOWER = r"a-zà-ÿ\u0100-\u017f"
NAME_WORD = (r"(?:Ó(?= [A-ZÀ-Þ])|[A-ZÀ-Þ](?:[’'][A-Z])?[" + LOWER + r"'’-]+(?:[A-Z][" + LOWER + r"'’-]+)?(?:-[A-ZÀ-Þ]["
             + LOWER + r"]+)?)")  # "Séamus Ó Gallchóir": the Irish "Ó" is a name's word
INITIAL = r"[A-Z]\."
PERSON = re.compile(
    r"(?P<role>(?:(?:[A-Z][a-z]+) ){0,2}" + TITLES + r" )?"
    r"(?P<name>" + NAME_WORD + r"(?: (?:" + INITIAL + r"|" + NAME_WORD + r")){1,4})"
)
# after a title the name may open with initials and run on: "Minister K. Radhakrishnan Nair" (Indian English names)
AFTER_TITLE = re.compile(r"(?P<role>)(?P<name>(?:" + INITIAL + r" ){0,3}" + NAME_WORD + r"(?: (?:" + INITIAL + r"|"
                         + NAME_WORD + r")){0,4})")
BODY = r"(?:[Tt]he\s+)?(?:[\w’'-]+\s+){0,3}?(?:" + BODY_NOUNS + r")(?:s(?=\s|$|[,.]))?"  # "Fishing groups"
# a sentence that opens with a group: "Prosecutors had asked for eight years.", "The two unions rejected it."
GROUP_OPENING = re.compile(r"(?:^|[.!?]\s+)(?P<group>" + BODY + r")\s", re.I)
PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
POSSESSIVE = re.compile(r"[’']s?$")
DESCRIPTOR = re.compile(r"\bthe\s+(?P<adj>[A-Z][a-z]+)\s+(?P<noun>leader|president|premier|prime minister|minister|chancellor|head of state)\b", re.I)


@dataclass
class Person:
    name: str
    role: str = ""
    first_seen: int = 0
    mentions: list[int] = field(default_factory=list)
    gender: str | None = None  # as a relation noun shows it ("her husband, Doug,")

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    @property
    def short_names(self) -> set[str]:
        """Family name either end: "Putin" of Vladimir Putin, "Xi" of Xi Jinping."""
        words = self.name.split()
        return {words[0], words[-1]}


def up_to_possessive(name: str) -> str:
    """ "Jeanine Durning’s This Shape" -> "Jeanine Durning": a name ends at its possessive (a possessive first,
    "Ostrel's Chancellor Tomas Oduya", is the name's country or employer, which clean_name drops)."""
    words = name.split()
    for i, word in enumerate(words):
        if i > 0 and POSSESSIVE.search(word) and len(word) > 2:
            return " ".join(words[:i] + [POSSESSIVE.sub("", word)])
    return name


INSTITUTION_WORDS = INSTITUTION_ENDINGS | {"Institute", "University", "Center", "Centre", "Ministry", "Department", "Academy"}


def clean_name(name: str) -> str | None:
    words = name.split()
    while len(words) > 2 and words[-1].rstrip(",.") in POST_NOMINALS:
        words.pop()
    titled = [i for i, w in enumerate(words[:-1]) if is_title_word(w)]
    if titled:  # "Senate Minority Leader Tom Vance" -> "Tom Vance"
        words = words[titled[-1] + 1 :]
    while words and (words[0] in TITLE_WORDS or words[0].rstrip(".") in COURTESY or words[0].lower() in ROLE_NOUNS
                     or words[0].endswith(("'s", "’s")) or words[0].lower().endswith("-year-old")  # "Eighteen-year-old Samu Aro"
                     or (len(words) > 2 and OCCUPATION_WORD.fullmatch(words[0]))):
        words.pop(0)  # "Ostrel's Chancellor Tomas Oduya" -> "Tomas Oduya"
    while words and words[0] in NOT_NAMES:
        words.pop(0)
    while words and words[-1] in NOT_NAMES:
        if words.pop() in INSTITUTION_WORDS:
            return None  # "Bariatric Medical Institute": an institution's name, not a person's with a word after it
    if (len(words) < 2 or any(w in NOT_NAMES for w in words) or words[-1].rstrip(".") in COMPANY_ENDINGS
            or words[0] in BUSINESS_OPENINGS):
        return None  # "Harbinco Corp", "Goldline Group", "Studio Marwick": a company, however it acts
    if is_institution(" ".join(words)):
        return None  # "Delmont Constabulary said": police, not a person
    return " ".join(words)


ACTING = r"flew|travelled|traveled|arrived|left|won|lost|resigned|died|hosted|welcomed|met|visited|signed"  # a person's doings
VERBED = r"(?:has |have |had |will |would |also |then |later )?(?:" + REPORTING + "|" + ACTING + r")\b"
PERSON_CONTEXT = re.compile(r"^(?:’s|'s)?(?:,\s+(?:a|an|the|who|whose|senior|professor|chief|head|former)\b|"
                            r",\s+(?:Minister|President|Director|Secretary|Chair|Chairman|Chairwoman|Dean|Professor)\s+(?:of|for)\b|"
                            r",\s+(?:[^,.;“”\"]|\b(?:St|Dr|Mt|Jr|Sr|Inc|Co)\.){1,80},\s+" + VERBED + r"|\s+" + VERBED +
                            r"|\s+(?:of|from)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?,?\s+" + VERBED + ")")  # "… of Kidlington said"  # "St. Michael’s"
ROLE_BEFORE = re.compile(r"(?:\b(?i:" + "|".join(ROLE_NOUNS) + r")|\b(?:MP|MPP|MLA|MNA|MEP|MSP|MLC|MHA|TD|CEO|CFO|COO)|(?<![\w’'-])" + AGENT_NOUN
                         + r"),?\s+$")  # "Liberal MP Marco Mendicino"


# "said Covington Catholic has …": the name is the reported clause's subject, not the one who said it
CLAUSE_VERB = re.compile(r"\s+(?:has|have|had|is|was|were|are|will|would|can|could|should|did|does|[a-z]+ed)\b")


def acts_as_person(text: str, person: Person, acting: frozenset[str] | None = None) -> bool:
    """Does some mention act like a person's: a role before it ("Transport minister Ola Brandt"), an
    appositive or a reporting verb after it ("Femi Archer, told", "Ilg said"), or "said X"?"""
    for at in person.mentions:
        after = text[at + len(person.name) : at + len(person.name) + 120]
        before = text[max(0, at - 30) : at]
        said_name = re.search(r"\b(?:" + REPORTING + r"),?\s+$", before) and not CLAUSE_VERB.match(after)
        # "A woman who lives next door, Ann Roe, said": a name set off after its description, then speaking
        named_after = re.search(r"\b[a-z][\w-]*,\s+$", before) and re.match(r",\s+(?:" + REPORTING + r")\b", after)
        if PERSON_CONTEXT.match(after) or ROLE_BEFORE.search(before) or said_name or named_after:
            return True
    return person.surname in (acting if acting is not None else acting_words(text))


AGED_BEFORE = re.compile(r"\b\d{1,3}-year-old\s+$")
AGED_AFTER = re.compile(r",\s+\d{1,3},")


OPENING_WORD = re.compile(r"(?:^|[.!?][”\"’]?\s+|\n\s*)([A-Z][\w’'-]+)\s+(?!(?:have|are|were)\b)[a-z]")  # "Rovers have": a team


def sentence_openers(text: str) -> frozenset[str]:
    """Capitalised words opening a sentence before a lowercase word, read in one pass: a family name among them
    ("David Lametti … Lametti was one of four MPs") is a person's, as news writes people after naming them (a
    firm or place goes by its first word or whole name: not "Sachs", "Kong")."""
    return frozenset(match.group(1) for match in OPENING_WORD.finditer(text))


# "in Canada", "across Ontario": a word the article writes as a place ends no person's name ("Statistics Canada")
PLACE_WORD = re.compile(r"\b(?:in|across|throughout)\s+(?:[A-Z][a-z]+\s+)?([A-Z][a-z]+)\b(?![’'\w])")


def places_in(text: str) -> frozenset[str]:
    return PLACE_NAMES | {match.group(1) for match in PLACE_WORD.finditer(text)}


def is_aged(text: str, person: Person) -> bool:
    """ "13-year-old Jayme Closs", "Ann Roe, 52,": an age is a person's."""
    return any(AGED_BEFORE.search(text, max(0, at - 20), at) or AGED_AFTER.match(text, at + len(person.name))
               for at in person.mentions[:5])


def is_first_word_acting(text: str, person: Person, subjects: frozenset[str]) -> bool:
    """ "Facebook said" but never "Research said": the first word of "Facebook Research" acts alone, so it is an
    organisation's name with something after it, not a person's (news calls a person by the family name; a
    family name written first, "Cui Heng, a researcher, …", comes with a role)."""
    first = person.name.split()[0]
    return first in subjects and person.surname not in subjects and not appositive_role(text, person)


def acting_subjects(text: str) -> frozenset[str]:
    """Every word that acts as a subject before a verb ("Ilg said", "Archer, 52, told")."""
    return frozenset(match.group(1) for match in WORD_ACTS.finditer(text))


def is_the_name(text: str, person: Person) -> bool:
    """ "the Carolina Hurricanes", "the Kelowna Rockets": a name the article writes after "the" is a team or body."""
    the = sum(1 for at in person.mentions if re.search(r"\b[Tt]he\s+$", text[max(0, at - 4) : at]))
    return 2 * the >= len(person.mentions)


WORD_ACTS = re.compile(r"(?<![\w’'-])([\w’'-]+)(?:,\s+\d{1,3},)?\s+" + VERBED)  # "Ilg said", "Archer, 52, told"
SAID_WORD = re.compile(r"\b(?:" + REPORTING + r")\s+([\w’'-]+)")  # "said Ilg"


def acting_words(text: str) -> frozenset[str]:
    """Every word that acts in the text, read in one pass (not one pass a name: a long text names hundreds):
    a word before a reporting or acting verb, or after "said", with the parts a word boundary splits off
    ("Jones-Smith said" acts for "Smith", "said Ilg's" for "Ilg")."""
    words: set[str] = set()
    for match in WORD_ACTS.finditer(text):
        token = match.group(1)
        words.add(token)
        words.update(token[i:] for i in range(1, len(token)) if token[i - 1] in "-’'")
    for match in SAID_WORD.finditer(text):
        token = match.group(1)
        words.add(token)
        words.update(token[:i] for i in range(1, len(token)) if token[i] in "-’'")
    return frozenset(words)


APPOSITIVE_ROLE = re.compile(r",\s+(?:(?:a|an|the)\s+)?(?P<role>(?:(?:[A-Z][\w-]*\s+)*[A-Z][\w-]*['’]s\s+)?[a-z][^,.;:“”\"()]{2,110}?"
                             r"(?:\s\([A-Z]+\))?)\s*(?:,|\.|$|\s(?:who|which|said|told)\b)")
ROLE_NOUN_PHRASE = r"(?:[A-Z][\w'’-]*\s+)?(?:[a-z][\w'’-]*\s+){0,3}(?:" + "|".join(ROLE_NOUNS) + r")"  # "coast guard spokesman"
# "Ardmoyle’s director of rugby, Tadhg Mulcahy": the role runs on through its lower-case portfolio
ROLE_BEFORE_NAME = re.compile(r"(?P<role>" + ROLE_NOUN_PHRASE + r"(?:\s+(?:of|for)\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?)?),?\s+$")


def appositive_role(text: str, person: Person) -> str:
    """The role the article gives: "Dr. Maksim Vilisov, a researcher at the Russian Academy of Sciences, told",
    "coast guard spokesman Yusuf Bari", "Sorel's interior minister, Hamid Tal,"."""
    for at in person.mentions:
        role = appositive_role_at(text, at, person)
        if role:
            return role
    return ""


# "Carla Besson, defended the fee": a verb and its object after the name, not a role ("retired nurse" is one)
VERB_PHRASE = r"[a-z]+ed(?:\s+(?:the|a|an|his|her|its|their|our|this|that|to)\b|\s*[.,;]|$)"
MENTION_END = re.compile(r"[\w’'.-]+(?:\s+[A-Z][\w’'-]*)*")


def appositive_role_at(text: str, at: int, person: Person) -> str:
    """The role one mention carries, after it or before it (the mention may be the surname alone)."""
    end = at + len(person.name) if text.startswith(person.name, at) else MENTION_END.match(text, at).end()  # type: ignore[union-attr]
    found = APPOSITIVE_ROLE.match(text, end)
    # "Studio Schicketanz, in Carmel,": where, not what, the name is
    if found and not re.match(r"(?:who|which|that|and|but|in|at|on|near|from|" + REPORTING + r")\b|" + VERB_PHRASE, found.group("role")):
        return found.group("role").strip()
    before = ROLE_BEFORE_NAME.search(text[max(0, at - 60) : at])
    if before:  # "81-year-old retired nurse Margaret Doyle": the age is not the role
        return re.sub(r"^\S*year-old\s+", "", before.group("role").strip())
    return ""


def person_matches(text: str) -> Iterator[tuple[re.Match[str], str]]:
    """PERSON matches with the title words they start with; where a long title leaves too few words for the
    name ("United Steelworkers Political Director Tim" + "Waters"), the name is read again after the title."""
    position = 0
    while (match := PERSON.search(text, position)) is not None:
        words = list(re.finditer(r"\S+", match.group("name")))
        titled = [i for i, w in enumerate(words[:-1]) if is_title_word(w.group(0))]
        again = AFTER_TITLE.match(text, match.start("name") + words[titled[-1] + 1].start()) if titled else None
        if again is not None and (len(words) - titled[-1] - 1 < 2 or again.end() > match.end()):
            yield again, text[match.start() : match.start("name") + words[titled[-1]].end()].strip()
            position = again.end()
            continue
        yield match, ""
        position = match.end()


RELATIVE_FIRST_NAME = re.compile(
    r"\b(?P<owner>[Hh]is|[Hh]er|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?[’']s)\s+(?:(?:older|younger|late|eldest|youngest|"
    r"\d{1,3}-year-old)\s+)?(?P<relation>husband|wife|son|daughter|mother|father|brother|sister|grandmother|grandfather|"
    r"uncle|aunt|nephew|niece|fiancé|fiancée|widow|widower|boyfriend|girlfriend),\s+(?P<first>[A-Z][a-z]+),")
INSTITUTION_OF = re.compile(r"\b(?:Ministry|Department|University|Bank|College|Institute|Council|Board|Office|Commission|"
                            r"Federation|Association|Society|Academy|Museum|School|Government|Province|City|Town|District|"
                            r"County|Region|Municipality|Faculty|Centre|Center)\s+(?:of|for)\s+(?:the\s+)?$")

class People:
    """People named in a text, in order of first mention, with each later mention's offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.people: list[Person] = []
        self._salience: Salience | None = None
        evidence: tuple[frozenset[str], frozenset[str]] | None = None
        for match, title in person_matches(mask_headings(text)):
            name = clean_name(up_to_possessive(match.group("name")))
            if not name or INSTITUTION_OF.search(text, max(0, match.start() - 40), match.start()):
                continue  # "Ministry of Inland Fisheries": the rest of an institution's name
            if len(name.split()) > 2 and OFFICE_OF.search(text, max(0, match.start() - 60), match.start()):
                name = without_portfolio(name)  # "Superintendent of Police Rajesh Thakur": the portfolio is no name
            labelled = name
            if len(name.split()) > 2:  # "Policyholder Ray Dunleavy": a label before a full name
                evidence = label_evidence(text) if evidence is None else evidence
                name = without_leading_title(name, evidence)
            person = self.by_name(name)
            skipped = max(0, match.group("name").find(name))  # "Detective Inspector Tom Greer": the name starts at "Tom"
            prefix = match.group("name")[:skipped].split()
            titled = bool(prefix) and (is_title_word(prefix[-1]) or name != labelled)  # "Senate Minority Leader"
            role = title or (match.group("role") or "").strip() or " ".join(
                w for w in prefix if titled or w in TITLE_WORDS or w.endswith(("’s", "'s")))
            if person is None:
                person = Person(name=name, role=role, first_seen=match.start("name") + skipped)
                self.people.append(person)
            elif not person.role and role:
                person.role = role
            person.mentions.append(match.start("name") + skipped)
        acting = acting_words(text) if self.people else frozenset()
        openers = sentence_openers(mask_headings(text)) if self.people else frozenset()  # not a headline's "Rovers sack …"
        places = places_in(text) if self.people else frozenset()
        self.people = [p for p in self.people if (p.role or acts_as_person(text, p, acting) or is_aged(text, p)
                                                  or p.surname in openers) and not is_the_name(text, p)
                       and (p.role or not is_company_name(p.name))  # "Northvale Power said", unless "Ms. Ella Power"
                       and (p.role or p.surname not in places)  # "Statistics Canada" after "in Canada"
                       and (p.role or not names_a_company(text, p.name))]  # "Tŷ Seren" of "Tŷ Seren Press"
        subjects = acting_subjects(text) if self.people else frozenset()
        self.people = [p for p in self.people if p.role or not is_first_word_acting(text, p, subjects)]
        for person in self.people:
            if person.role.rstrip(".") in ("", "Dr", "Prof", "Mr", "Mrs", "Ms"):
                person.role = appositive_role(text, person) or person.role
        self.people = [p for p in self.people if not is_establishment(p.role)]  # "Kusina Perla, a Filipino restaurant"
        self._add_relatives(text)
        self._add_surname_mentions(text)

    def _add_relatives(self, text: str) -> None:
        """ "Her husband, Doug,", "Blake's son, Ian,": a relative the article names by first name only takes the
        family name of the person they belong to ("Doug Blake"), and the gender the relation shows."""
        for match in RELATIVE_FIRST_NAME.finditer(text):
            owner = match.group("owner")
            if owner.lower() in PRONOUNS:
                owner = self.latest_before(match.start(), PRONOUNS[owner.lower()]) or ""
            holder = self.by_name(owner) or self.by_surname(owner.split()[-1] if owner else "")
            first = match.group("first")
            if holder is None or first in NOT_NAMES or self.by_name(f"{first} {holder.surname}"):
                continue
            gender = "f" if match.group("relation").lower() in FEMALE_RELATIONS else "m"
            relative = Person(f"{first} {holder.surname}", first_seen=match.start("first"), gender=gender,
                              role=match.group("relation").lower())
            relative.mentions = [m.start() for m in re.finditer(r"\b" + re.escape(first) + r"\b", text)]
            self.people.append(relative)
            self._salience = None  # read again with the relative in it, if "her" was read with it

    def _add_surname_mentions(self, text: str) -> None:
        for person in self.people:
            for short in person.short_names:
                if self.by_surname(short) is not person:
                    continue
                seen = set(person.mentions)  # a set: a long text mentions a person thousands of times
                person.mentions.extend(m.start() for m in re.finditer(r"\b" + re.escape(short) + r"\b", text) if m.start() not in seen)
            person.mentions.sort()

    @property
    def salience(self) -> Salience:
        """Who the text is about where (built on first use: most texts read for names never need it)."""
        if self._salience is None:
            self._salience = Salience(self.text, self)
        return self._salience

    def by_name(self, name: str) -> Person | None:
        for person in self.people:
            if person.name == name or person.name.endswith(" " + name) or name.endswith(" " + person.name):
                return person
        return None

    def resolve(self, mention: str, at: int) -> str | None:
        """The full name `mention` (a name, surname, pronoun or "the X leader") means at offset `at`."""
        mention = mention.strip()
        lower = mention.lower()
        if lower in PRONOUNS:
            return self.salience.pronoun(lower, at) or self.latest_before(at, PRONOUNS[lower])
        descriptor = DESCRIPTOR.fullmatch(mention)
        if descriptor:
            return self.by_descriptor(descriptor.group("adj"))
        if re.match(r"(?i)(?:an?|the)\s", mention):
            return mention  # an unnamed source ("a spokesperson for the ministry") stays as written
        name = re.sub(r"^(?:" + TITLES + r")\s+", "", mention)
        if len(name.split()) > 2 and name.split()[-1].rstrip(",.") in POST_NOMINALS:
            name = name.rsplit(None, 1)[0]  # "Ruth Abernathy KC"
        gender = COURTESY_GENDER.get(mention.split()[0].rstrip("."))
        titled = self.by_surname(name, gender) if gender and len(name.split()) == 1 else None  # "Mrs Poole" of two Pooles
        shared = len([p for p in self.people if name in p.short_names]) > 1  # "Harrow" of Ben and Joyce Harrow
        reach = len(mention) + 6  # "Poole" of "Mrs Poole said" (`at` on the name or on its cue)
        named_at = self.text.rfind(name.split()[-1], max(0, at - reach), at + reach) if name else -1
        titled = titled or (self.by_name(self.salience.entity_at(named_at) or "") if shared else None)
        person = titled or self.by_name(name) or self.by_surname(name.split()[-1] if name else "", gender)
        return person.name if person else (name if name and name[0].isupper() else None)

    def by_surname(self, surname: str, gender: str | None = None) -> Person | None:
        """The one person of that family name; "Mrs Poole" is the woman of two Pooles."""
        matches = [p for p in self.people if surname in p.short_names]
        if len(matches) > 1 and gender:
            matches = [p for p in matches if (p.gender or self.salience.gender_of(p.name)) == gender]
        return matches[0] if len(matches) == 1 else None

    def by_descriptor(self, adjective: str) -> str | None:
        for person in self.people:
            if adjective.lower() in person.role.lower():
                return person.name
        return None

    def named_between(self, start: int, end: int) -> list[str]:
        """Everyone mentioned between two offsets, in order of mention."""
        found = sorted((m, p.name) for p in self.people for m in p.mentions if start <= m < end)
        return list(dict.fromkeys(name for _, name in found))

    def latest_in(self, start: int, end: int) -> str | None:
        """The person mentioned last between two offsets, if any."""
        found = [(m, p.name) for p in self.people for m in p.mentions if start <= m < end]
        return max(found)[1] if found else None

    def group_before(self, at: int) -> str | None:
        """Whom "they" at `at` means: the group the last sentence opening with one in the paragraph opens with."""
        paragraph = paragraph_bounds(self.text, max(0, at - 1))[0]
        found = list(GROUP_OPENING.finditer(self.text[max(paragraph, at - 300) : at]))
        group = found[-1].group("group") if found else None
        return group if group and group.split()[0][:1].isupper() and group.rstrip().endswith("s") else None

    def latest_before(self, at: int, gender: str | None = None) -> str | None:
        """The person mentioned last before `at`, of that gender when the article shows one (no "he" for Karen Blake)."""
        best, best_at = None, -1
        for person in self.people:
            if gender and self.salience.gender_of(person.name) not in (None, gender):
                continue
            before = [m for m in person.mentions if m < at]
            if before and before[-1] > best_at:
                best, best_at = person.name, before[-1]
        return best
