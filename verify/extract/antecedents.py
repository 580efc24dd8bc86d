"""Whom a sentence opening with a description means, for the pronoun cueing the quote after it.

"The detective superintendent said the raids were the result of a long inquiry. “This is not about cannabis,” she
said.": news describes a speaker it named earlier, then goes on with a pronoun; "she" is the one the description
fits, however far back the name was.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from verify.extract.introductions import names_a_person

if TYPE_CHECKING:
    from verify.extract.people import People
    from verify.extract.salience import Salience

DESCRIBED_SPEAKER = re.compile(r"\s*[Tt]he\s+(?P<words>(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*)\s+(?:also\s+)?"
                               r"(?:said|says|told|added|insisted|argued|warned|explained|confirmed)\b")


UNNAMED_SPEAKER = re.compile(r"\s*(?P<who>(?:An?|One)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<noun>[a-z][\w-]*))(?:\s+who\s[^.“”\"]{0,160}?)?"
                             r"\s+(?:said|says|told|added)\b")


CUE_AFTER_CLOSE = re.compile(r"[”\"’]?[,.!?]?\s*")  # between a quote's closing mark and its cue's pronoun


def subject_before_quote(salience: "Salience", at: int) -> str | None:
    """For "he" cueing a quote that opens its sentence: the person the sentence before the quote is about, named or
    described (a quote of several sentences opens sentences before its cue's)."""
    text, si = salience.text, salience.sentence_of(at)
    if not re.match(r"\s*[“\"]", text[salience.sentence_starts[si] : at]):
        i = bisect.bisect_right(salience.quote_starts, at) - 1
        if i < 0 or not CUE_AFTER_CLOSE.fullmatch(text, salience.quoted[i][1] + 1, at):
            return None
        si = salience.sentence_of(salience.quoted[i][0])
        if text[salience.sentence_starts[si] : salience.quoted[i][0]].strip():
            return None  # the quote does not open its sentence
    if si == 0:
        return None
    start = salience.sentence_starts[si - 1]
    return salience.subject_of_sentence(start) or described_subject(salience, start)


def described_subject(salience: "Salience", sentence_start: int) -> str | None:
    """The one person whose roles carry every word of the description opening the sentence, if it opens with one."""
    match = DESCRIBED_SPEAKER.match(salience.text, sentence_start)
    if match is None:  # "One engineer who kept his job, …, said …. “…,” he said": the unnamed speaker, as written
        unnamed = UNNAMED_SPEAKER.match(salience.text, sentence_start)
        return unnamed.group("who") if unnamed and names_a_person(unnamed.group("noun")) else None
    words = set(match.group("words").lower().split())
    carriers = [e.name for e in salience.people_entities() if words <= e.carries]
    return carriers[0] if len(carriers) == 1 else None


ADDED = re.compile(r"\s+(?:also\s+)?add(?:ed|s)\b")  # "he added": more of what the last speaker said
PRONOUN_GENDER = {"he": "m", "she": "f"}


def added_by(people: "People", pronoun: str, at: int, last: str, between: tuple[int, int]) -> bool:
    """ "“…,” he added" is the last speaker's when no other person became a sentence's subject since (one named in
    passing, "The 51-year-old, who signed Ellery, said …", did not) and the last speaker's gender fits."""
    if not ADDED.match(people.text, at + len(pronoun)) or people.by_name(last) is None:
        return False
    gender = people.salience.gender_of(last)
    return gender in (None, PRONOUN_GENDER[pronoun]) and people.salience.new_subject(*between, last) is None


# a sentence opening with an organisation, described or named, and its verb: "The trust said it had tried …",
# "In a statement, the council said …", "The Western Prairie Health Region said Monday …"
BODY_SUBJECT = re.compile(r"(?:[Tt]he\s+)?(?P<who>(?:[a-z][\w’'-]*\s+){0,2}?(?P<noun>[a-z]+)|(?:[A-Z][\w&’'-]*\s+){0,5}[A-Z][\w&’'-]*)"
                          r"\s+(?:also\s+|later\s+)?(?:said|told|[a-z]+ed|[a-z]+s)\b")


def body_subject_before(salience: "Salience", at: int) -> str | None:
    """For "it" and "they" opening a sentence: the organisation the sentence before opened with ("The trust said it
    had tried …. They added …"): news goes on about its subject, not a place or body named in passing."""
    from verify.extract.organisations import ORG_NOUNS
    from verify.extract.saying import body_start

    si = salience.sentence_of(at)
    if si == 0 or not re.match(r"\s*(?:It|They)\s", salience.text[salience.sentence_starts[si] : at + 5]):
        return None  # no pronoun opens the sentence
    start = salience.sentence_starts[si - 1]
    start += body_start(salience.text[start : start + 200])
    match = BODY_SUBJECT.match(salience.text, start)
    if match is None:
        return None
    if match.group("noun"):
        if match.group("noun") not in ORG_NOUNS:
            return None
        # "The state's environment regulator said …. It said …": the body described, as written if no name carries it
        return salience.described("the " + match.group("who"), start) or "The " + match.group("who")
    else:
        found = salience.long_names.get(match.group("who"), match.group("who"))
    return found if found in salience.entities and not salience.entities[found].person else None
