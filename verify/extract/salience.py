"""Who a text is about at each point, so "he", "it", "the utility" and "the rookie defenceman" name someone.

Entities are the people `People` finds (full names, with the roles the article gives them, a family
name two of them share going to the one introduced first) and organisations: a capitalised name
that speaks or owns ("Facebook said", "BC Hydro's"), one spelled out with its short name
("Export Development Canada (EDC)") or carrying an institution word ("the Immigration Department").
A name that speaks ("Chief Na'moks said") or acts ("Mike McFadden rejoiced") becomes a person when
the article's pronouns show a gender for it. Every mention outside quote marks counts, weighted by
recency (halved each sentence back) and by being a sentence's subject or a cue's speaker, summed per
entity (Lappin and Leass's salience, simplified). A pronoun goes to the most salient entity of its
kind and gender, the gender read from the article's own "he"/"she" where only one person could be
meant, and from titles ("Ms.", "Mr."). A description goes to the one entity carrying it ("the
utility": an organisation named or described so; "the premier": the person given that role; "the
RCMP statement": the RCMP) and stays as written when two do. Each lookup reads a few sentences back
from a sorted list, so the whole stays linear in the text.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from verify.extract.kinds import head_word, name_kinds
from verify.extract.marks import quote_marks, with_double_apostrophes_as_marks, with_single_quotes_as_marks
from verify.extract.organisations import (
    NAME_ACTS, ORG_AFFILIATION, ORG_BY_ENDING, ORG_BY_HEAD, ORG_BY_WORD, ORG_KIND_AFTER, ORG_KIND_BEFORE, ORG_NOUNS,
    ORG_SPEAKS, ORG_WHICH, SPEECH, SPELLED_OUT, bare_organisation, in_place, inside_longer_name, is_personal, kind_words, long_forms,
    portfolio,
)
from verify.split import split_sentences

if TYPE_CHECKING:
    from verify.extract.people import People

WINDOW = 5  # sentences read back for an antecedent
SUBJECT_WEIGHT = 0.8  # on top of 1.0 for a mention in the pronoun's own sentence
SPEAKER_WEIGHT = 0.5
UNKNOWN_GENDER = 0.6  # a person whose gender the article never shows is a weaker antecedent
ASKER_REACH = 80  # characters between a question's quote and the answer's: only a cue ("Lindqvist asked.")
MODIFIER_WEIGHT = 0.5  # a name in "Parker's plea" or "the Trudeau government", not a participant  # a sentence opening with "she" keeps whom "she" meant in view, a little
AFTER_NAME = re.compile(r"(?:[’']s?)?(?:,[^,;“”\"]{1,120},|,)?\s+(?:(?:also|then|later|has|had|have|once|would)\s+)?(?:" + SPEECH + r")\b")
BEFORE_NAME = re.compile(r"\b(?:" + SPEECH + r")\s+(?:[A-Z][\w.’'-]*\s+){0,4}$")
TITLED = re.compile(r"\b(?:(?P<m>Mr\.?|Sir|Lord|King|Prince|Father|Brother)|(?P<f>Mrs\.?|Ms\.?|Miss|Dame|Lady|Queen|Princess|Sister))\s+$")
NAME_RUN = re.compile(r"[\w’'.-]+(?:\s+(?:&\s+)?[A-Z][\w’'.-]*)*")
RELATIVE_LEAD = re.compile(r",\s+(?:who|which|whose)\b")
# "in Nova Scotia", "traded him to Carolina": a place or a team, never "he"
PLACE = re.compile(r"\b(?:in|across|throughout|around|from)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b(?![’'])"
                   r"|\b(?:to|for|against|at|over|beat|defeated)\s+([A-Z][a-z]+)\b(?![’'\w]|\s+[A-Z])")
PARENTHETICAL_CUE = re.compile(r",[”\"]?\s*(?:(?:he|she|they|it)\s+)?$")  # "Schumer, he| said", "…, |he said", "X fought “…,” he writes"
NAME_GOES_ON = re.compile(r"[ \t]+[A-Z][a-z]")
# "Joan Cormier, 58," and "58-year-old Joan Cormier": an age the article gives a name
AGE_GIVEN = re.compile(r"(?P<after>[A-Z][\w’'-]+),\s+(?P<age>\d{1,3}),|(?P<age2>\d{1,3})-year-old\s+(?:[a-z]+\s+){0,3}"
                       r"(?:[A-Z][\w’'.-]*\s+){0,3}(?P<before>[A-Z][\w’'-]+)")


@dataclass(frozen=True)
class Mention:
    at: int
    entity: str
    weight: float  # 1 + subject or speaker weight


@dataclass
class Entity:
    name: str
    person: bool
    carries: set[str]  # words of its role or kind: "premier", "defenceman", "utility", "department"
    kinds: set[str] = field(default_factory=set)  # an organisation's kinds: head word, what its name implies, what the text calls it
    gender: str | None = None
    tentative: bool = False  # a name that acts ("Mike McFadden rejoiced"): a person once a pronoun shows it, else nobody


class Salience:
    """Entities and their mentions in reading order, for resolving what a cue's subject refers to."""

    def __init__(self, text: str, people: "People") -> None:
        from verify.extract.families import family_name_mentions, place_titled_family_names  # they read this module
        from verify.extract.genders import read_genders  # it reads this module's mentions

        self.text = text
        self.quoted = sorted(quote_marks(with_single_quotes_as_marks(with_double_apostrophes_as_marks(text))))
        self.quote_starts = [a for a, _ in self.quoted]
        sentences = split_sentences(text)
        self.sentence_starts = [s.start for s in sentences] or [0]
        self.entities: dict[str, Entity] = {}
        self.long_names: dict[str, str] = {}
        self.shared_at: set[int] = set()  # where a family name two people share stands alone
        found: list[tuple[int, str]] = []
        for person in people.people:
            self.entities[person.name] = Entity(person.name, True, role_words(person.role), gender=person.gender)
            found += [(at, person.name) for at in person.mentions]
        found += family_name_mentions(self, people, {at for at, _ in found})
        found += self._organisations(text, {at for at, _ in found})
        self.mentions = []
        self.quoted_mentions = sorted((at, name) for at, name in found if self.inside_quote(at))  # "Karen knows …"
        for at, name in sorted(found):
            if self.mentions and self.mentions[-1].entity == name and at < self.mentions[-1].at + len(name):
                continue  # "Whitfield" inside "Dana Whitfield": one mention
            if not self.inside_quote(at):
                self.mentions.append(Mention(at, name, self._weight(at)))
        self.positions = [m.at for m in self.mentions]
        # "Export Development Canada (EDC)": the short name stands for the long one
        self.spelled_out = {m.group("short"): bare_organisation(m.group("name")) for m in SPELLED_OUT.finditer(text)
                            if bare_organisation(m.group("name"))}
        self.places: set[str] | None = None
        self._ages: dict[str, set[str]] | None = None
        self._read_roles(people)
        read_genders(self)
        place_titled_family_names(self)  # "Mrs Poole": the Poole of that gender, once genders are read

    def inside_quote(self, at: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, at) - 1
        return i >= 0 and self.quoted[i][0] < at < self.quoted[i][1]

    def sentence_of(self, at: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, at) - 1)

    def _weight(self, at: int) -> float:
        from verify.extract.saying import body_start  # saying reads people, which imports this module

        sentence_start = self.sentence_starts[self.sentence_of(at)]
        lead = re.sub(r"[“\"][^”\"]*[”\"]", " ", self.text[sentence_start:at])
        run = NAME_RUN.match(self.text, at)
        after = self.text[run.end() if run else at : (run.end() if run else at) + 160]
        speaker = bool(AFTER_NAME.match(after)) or bool(BEFORE_NAME.search(self.text[max(0, at - 60) : at]))
        # "Given his stated views, Shanaaz Gokool, president of …, is hopeful": the subject after an opening phrase
        # (not a name in a relative clause: "The 51-year-old, who signed Ellery, said" is not about Ellery)
        subject = (len(lead.split()) <= 4 and not RELATIVE_LEAD.search(lead)) or not lead[body_start(lead) :].strip()
        # "Parker's plea", "the Trudeau government": a name merely modifying another noun counts for less
        owner = bool(run and re.search(r"[’']s?$", run.group(0)))
        modifier = not subject and (owner or bool(re.search(r"\b[Tt]he\s+$", lead)))
        return (MODIFIER_WEIGHT if modifier else 1.0) + SUBJECT_WEIGHT * subject + SPEAKER_WEIGHT * speaker

    def _organisations(self, text: str, taken: set[int]) -> list[tuple[int, str]]:
        """Organisations: names that speak or own, and names holding an institution word; every mention of each."""
        names: dict[str, set[str]] = {}
        acting: set[str] = set()
        for pattern in (ORG_SPEAKS, ORG_WHICH, ORG_BY_ENDING, ORG_BY_WORD, ORG_BY_HEAD, ORG_AFFILIATION, SPELLED_OUT, ORG_KIND_BEFORE,
                        ORG_KIND_AFTER, NAME_ACTS):
            for match in pattern.finditer(text):
                name = bare_organisation(match.group("name"))
                if not name or any(p.name.endswith(name.split()[-1]) for p in self.people_entities()):
                    continue
                if (pattern is NAME_ACTS and inside_longer_name(text, match.start())) or portfolio(text, match.end("name")):
                    continue  # "Growers Association has" of "Ardell Growers Association has asked", "Health Minister"
                if pattern is ORG_SPEAKS and in_place(text, match.start("name")):
                    continue  # "scientists in Wales said"
                if pattern is ORG_BY_WORD and NAME_GOES_ON.match(text, match.end("name")):
                    continue  # "Railway" of "the Railway Safety Act": a longer name, and no organisation's
                if pattern is NAME_ACTS and name not in names:
                    acting.add(name)
                elif pattern is not NAME_ACTS:
                    acting.discard(name)
                names.setdefault(name, set()).update(w.lower() for w in name.split())
                short = match.groupdict().get("short")
                if short:
                    names.setdefault(short, set()).update(w.lower() for w in name.split())
        if not names:
            return []
        self.long_names = long_forms(names)
        # one pass over the text for every name, longest first ("BC Hydro" before "Hydro")
        any_name = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w])")
        found = [(m.start(), m.group(0)) for m in any_name.finditer(text) if m.start() not in taken]
        for name, words in names.items():
            if name not in self.long_names:  # "Marram Coast Power" is a utility though never called one
                kinds = name_kinds(name) | {head_word(name)}
                self.entities.setdefault(name, Entity(name, False, words | kinds, kinds=kinds, tentative=name in acting))
        found = [(at, self.long_names.get(name, name)) for at, name in found]
        for at, name in found:
            said_to_be = kind_words(text, at, at + len(name))
            self.entities[name].carries |= said_to_be
            self.entities[name].kinds |= said_to_be & ORG_NOUNS
        return found

    def aged(self) -> dict[str, set[str]]:
        """Each age the article gives, and the people it gives it (read once, on first use)."""
        if self._ages is None:
            self._ages = defaultdict(set)
            for match in AGE_GIVEN.finditer(self.text):
                word = match.group("after") or match.group("before")
                age = match.group("age") or match.group("age2")
                self._ages[age] |= {e.name for e in self.people_entities() if e.name.split()[-1] == word}
        return self._ages

    def full_name(self, name: str) -> str:
        """ "Suncor" -> "Suncor Energy", "EDC" -> "Export Development Canada": the name the article introduced."""
        short = re.sub(r"^[Tt]he\s+(?=[A-Z]{2,}$)", "", name)  # "The ASUI said": the union spelled out before
        name = self.spelled_out.get(short, name)
        return self.long_names.get(name, name)

    def people_entities(self) -> list[Entity]:
        return [e for e in self.entities.values() if e.person]

    def _read_roles(self, people: "People") -> None:
        """Every role a person's mentions carry: "rookie defenceman Quinn Hughes", "Hughes, the rookie defenceman,"."""
        from verify.extract.people import appositive_role_at  # people imports this module

        for person in people.people:
            for at in person.mentions[:20]:
                self.entities[person.name].carries |= role_words(appositive_role_at(self.text, at, person))

    def unknown_kind(self, name: str) -> bool:
        """An organisation whose name says nothing of its kind, and no place ("Velna's hospital") or group
        ("Analysts said"): a name of two words or more, or letters ("EHS")."""
        if self.places is None:
            self.places = {m.group(1) or m.group(2) for m in PLACE.finditer(self.text)}
        return (not self.entities[name].kinds & ORG_NOUNS and (len(name.split()) > 1 or name.isupper())
                and name not in self.places)

    def personal(self, name: str) -> bool:
        """Could this name be a person's: not "BC Hydro", and not a place or team the article goes "in" or "to"."""
        if self.places is None:
            self.places = {m.group(1) or m.group(2) for m in PLACE.finditer(self.text)}
        return is_personal(name) and name not in self.places

    def ranked(self, at: int, person: bool | None, gender: str | None = None, window: int = WINDOW) -> list[tuple[float, str]]:
        """Entities mentioned in the few sentences before `at`, most salient first."""
        si = self.sentence_of(at)
        lo = bisect.bisect_left(self.positions, self.sentence_starts[max(0, si - window)])
        hi = bisect.bisect_left(self.positions, at)
        scores: dict[str, float] = defaultdict(float)
        for mention in self.mentions[lo:hi]:
            entity = self.entities[mention.entity]
            if (person is not None and entity.person is not person) or (entity.tentative and not entity.person):
                continue
            if gender and entity.gender and entity.gender != gender:
                continue
            distance = si - self.sentence_of(mention.at)
            scores[mention.entity] += mention.weight * 0.5**distance * (UNKNOWN_GENDER if gender and not entity.gender else 1.0)
        return sorted(((s, n) for n, s in scores.items()), key=lambda sn: (-sn[0], -self.last_before(sn[1], at)))

    def subject_of_sentence(self, at: int) -> str | None:
        """The person who is the subject of the sentence holding `at`, if the sentence has one."""
        si = self.sentence_of(at)
        start = self.sentence_starts[si]
        end = self.sentence_starts[si + 1] if si + 1 < len(self.sentence_starts) else len(self.text)
        lo, hi = bisect.bisect_left(self.positions, start), bisect.bisect_left(self.positions, end)
        return next((m.entity for m in self.mentions[lo:hi] if m.weight >= 1.0 + SUBJECT_WEIGHT
                     and self.entities[m.entity].person), None)

    def new_subject(self, start: int, end: int, speaker: str) -> str | None:
        """The last person other than `speaker` who is a sentence's subject between two offsets ("“…,” says House.
        Durning did not need much coaxing. “…”": Durning), if any."""
        lo, hi = bisect.bisect_left(self.positions, start), bisect.bisect_left(self.positions, end)
        found = [m.entity for m in self.mentions[lo:hi] if m.weight >= 1.0 + SUBJECT_WEIGHT
                 and self.entities[m.entity].person and m.entity != speaker and m.entity not in speaker]
        return found[-1] if found else None

    def entity_at(self, at: int) -> str | None:
        """Whom the mention starting at `at` means, if one does."""
        i = bisect.bisect_left(self.positions, at)
        return self.mentions[i].entity if i < len(self.positions) and self.positions[i] == at else None

    def gender_of(self, name: str) -> str | None:
        entity = self.entities.get(name)
        return entity.gender if entity else None

    def last_before(self, name: str, at: int) -> int:
        hi = bisect.bisect_left(self.positions, at)
        return next((m.at for m in reversed(self.mentions[max(0, hi - 200) : hi]) if m.entity == name), -1)

    def pronoun(self, word: str, at: int) -> str | None:
        """ "he", "she" (a person of that gender), "it" (an organisation), "they" (two people named together,
        else an organisation): the most salient before `at`."""
        word = word.lower()
        if word in ("they", "them", "their"):
            return self.group(at) or self.pronoun("it", at)
        if word in ("it", "its"):
            from verify.extract.antecedents import body_subject_before  # it reads this module's entities

            ranked = self.ranked(at, person=False)
            described = body_subject_before(self, at)
            if described:
                return described
        else:
            gender = "m" if word in ("he", "him", "his") else "f"
            ranked = self.ranked(at, person=True, gender=gender)
            previous = self.subject_before_quote(at)
            governed = self.named_in_reported_clause(at) | self.named_in_quote_cued(at)
            shown = previous is not None and self.gender_of(previous) in (None, gender)  # "The chief inspector said"
            if previous not in governed and (shown or any(n == previous for _, n in ranked)):  # "X went on CBC. “…,” he said": X
                return previous
            if governed:  # someone else, if need be from further back
                others = [(s, n) for s, n in ranked if n not in governed] or [
                    (s, n) for s, n in self.ranked(at, person=True, gender=gender, window=2 * WINDOW) if n not in governed]
                ranked = others or ranked
        return ranked[0][1] if ranked else None

    def subject_before_quote(self, at: int) -> str | None:
        """For "he" cueing a quote that opens its sentence: the person the sentence before is about, if any."""
        from verify.extract.antecedents import subject_before_quote  # it reads this module's entities

        return subject_before_quote(self, at)

    def named_in_reported_clause(self, at: int) -> set[str]:
        """Whom the clause before a parenthetical cue names: in "Macharia hid under desks, he said" and "Schumer, he
        said, “knows …”" the pronoun saying it is someone else (a name in what "he" reports is never "he")."""
        start = self.sentence_starts[self.sentence_of(at)]
        if not PARENTHETICAL_CUE.search(self.text[start:at]):
            return set()
        lo, hi = bisect.bisect_left(self.positions, start), bisect.bisect_left(self.positions, at)
        return {m.entity for m in self.mentions[lo:hi]}

    def named_in_quote_cued(self, at: int) -> set[str]:
        """Whom the quote a pronoun cues names: in "“Karen knows well … What more does she want?” she said" the
        speaker talks about Karen, so "she" is someone else."""
        i = bisect.bisect_right(self.quote_starts, at) - 1
        if i < 0 or not re.fullmatch(r"[”\"’]?[,.!?]?\s*", self.text[self.quoted[i][1] + 1 : at]):
            return set()
        start, end = self.quoted[i]
        lo, hi = bisect.bisect_left(self.quoted_mentions, (start, "")), bisect.bisect_left(self.quoted_mentions, (end, ""))
        named = {name for _, name in self.quoted_mentions[lo:hi]}
        if i > 0 and self.text[self.quoted[i - 1][1] - 1] == "?" and start - self.quoted[i - 1][1] < ASKER_REACH:
            # "“Why not?” Lindqvist asked. “Because …,” he replied": who answers a question is not who asked it
            lo, hi = bisect.bisect_left(self.positions, self.quoted[i - 1][1]), bisect.bisect_left(self.positions, start)
            named |= {m.entity for m in self.mentions[lo:hi]}
        return named

    def group(self, at: int) -> str | None:
        """ "they": the last two people named together before `at` ("Tom Reid and Ana Diaz"), within a few sentences."""
        lo = bisect.bisect_left(self.positions, self.sentence_starts[max(0, self.sentence_of(at) - WINDOW)])
        people = [m for m in self.mentions[lo : bisect.bisect_left(self.positions, at)] if self.entities[m.entity].person]
        for first, second in reversed(list(zip(people, people[1:]))):
            run = NAME_RUN.match(self.text, first.at)
            if first.entity != second.entity and run and re.fullmatch(r",?\s+and\s+(?:[a-z][\w-]*\s+){0,2}", self.text[run.end() : second.at]):
                return f"{first.entity} and {second.entity}"
        return None

    def described(self, phrase: str, at: int) -> str | None:
        """ "the utility", "the premier", "the rookie defenceman", "the 26-year-old": the entity carrying it."""
        from verify.extract.descriptions import described  # descriptions reads this module's entities

        return described(self, phrase, at)


def role_words(role: str) -> set[str]:
    return {w.lower().strip(".,’'") for w in re.findall(r"[\w.’'-]+", role or "")} | (
        {w.lower().rstrip("s") for w in re.findall(r"[\w-]+\b(?![’'])", role or "")})  # "a sheriff's deputy": no sheriff
