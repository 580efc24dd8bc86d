"""Reported speech in the shapes the fixed patterns of reported.py leave: any speaker phrase that says.

"Earlier in the day, the utility said customers …", "But he says the delays …", "Officials with the city
have said the road …", "A worker at the plant admits the line …", "…, the agency testified." The sentence's openers (a conjunction, a phrase of time or place ending
in a comma, a dateline) are set aside; the speaker phrase must look like one (a pronoun, a name, a noun
naming people, an organisation or a document) and what follows the verb like a clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verify.extract.people import BODY_NOUNS, ROLE_NOUNS
from verify.extract.organisations import DOCUMENT_NOUNS, ORG_NAME, ORG_NOUNS

# verbs that report a clause: the forms a newsroom uses, present and past
VERBS = (r"say|says|said|adds?|added|notes?|noted|explains?|explained|admits?|admitted|acknowledges?|acknowledged|"
         r"alleges?|alleged|argues?|argued|claims?|claimed|contends?|contended|insists?|insisted|maintains?|maintained|"
         r"predicts?|predicted|testifies|testified|testify|tweets?|tweeted|writes?|wrote|warns?|warned|stresse[sd]|"
         r"stress|suggests?|suggested|confirms?|confirmed|reports?|reported|states?|stated|announces?|announced|"
         r"estimates?|estimated|agrees?|agreed|concludes?|concluded|indicates?|indicated|recalls?|recalled|"
         r"concedes?|conceded|emphasi[sz]es|emphasi[sz]ed|reiterates?|reiterated|points? out|pointed out|"
         r"complains?|complained|"
         r"assures?|assured|cautions?|cautioned|tells?|told|tell")
AUXILIARY = r"(?:(?:also|has|have|had|will|would|could|later|then|previously|since|long|repeatedly|often|now|still|" \
            r"further|again|earlier|recently|first|even|just|already|clearly|publicly|privately|quickly|simply)\s+)*"
TOLD = r"(?:tells?|told|tell)\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:[A-Z][\w’'.&-]*\s+){0,4}?(?:[\w’'.&-]+)"
TOLD_RECIPIENT = re.compile(r"\s*(?:(?:the|a|an|his|her|their|its)\s+)?(?:[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,4}"
                            r"|reporters|journalists|me|us|him|her|them|media|court|police|investigators|the\s+\w+)(?=[\s,])")
SETTING = re.compile(r",?\s*(?:(?:on|last|this|late|early)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                     r"yesterday|today|tonight|(?:last|this)\s+(?:week|month|year)|earlier|later|afterward|in\s+(?:a|an|the|"
                     r"his|her|its|their)\s+[\w\s-]{0,30}?(?:statement|interview|release|email|e-mail|letter|post|tweet|report|"
                     r"conference|briefing|speech|hearing|filing|court|documents?|video|podcast)|on\s+(?:Twitter|Facebook|"
                     r"social media|Instagram)|in\s+court|at\s+(?:a|the)\s+[\w\s-]{0,30}?(?:conference|meeting|hearing|event|"
                     r"rally|briefing|news conference))(?:,|\b)")
FINITE = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|may|might|must|"
                    r"do|does|did|[a-z]+n[’']t|[a-z]+[’'](?:s|re|ll|d|ve)|[a-z]{3,}ed)\b", re.I)
PRESENT = re.compile(r"\b[a-z]{2,}[^s\W]s\b")  # "costs", "needs": a verb, or a plural noun ("sales")
# verbs reporting a clause without "that" as often as with it; the others take objects too ("reported strong sales")
BARE_CLAUSE_VERBS = re.compile(r"(?i)(?:say|says|said|tells?|told|admits?|admitted|argues?|argued|insists?|insisted|"
                               r"maintains?|maintained|testif\w+|alleges?|alleged|warns?|warned|explains?|explained|"
                               r"contends?|contended|claims?|claimed)$")
SAY = re.compile(r"(?i)(?:say|says|said|tells?|told)$")  # "said costs rise": even a verb in the present opens the clause
DETERMINERS = frozenset("a an the this that these those his her its their our my your some many any each every".split())
SUBJECT_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
# nouns that name who can say something without a name: people, bodies, documents
SPEAKING_NOUNS = (set(ROLE_NOUNS) | set(BODY_NOUNS.split("|")) | ORG_NOUNS | set(DOCUMENT_NOUNS.split("|")) | set(
    "people person persons member members officials official expert experts critic critics supporter supporters resident "
    "residents player players parent parents family families executive executives source sources data study studies "
    "suit lawsuit complaint claim documents records record tweet poll survey figures statistics analysis research "
    "researchers report reports spokesperson spokesman spokeswoman representative representatives staff crown "
    "province city town township municipality region district hospital school schools board police "
    "prosecution defence defense plaintiff plaintiffs defendant victim victims friend friends neighbour neighbours "
    "neighbor neighbors colleague colleagues group groups organizers organisers owners owner workers worker users "
    "customers employees employers students teachers doctors nurses paramedics firefighters officers investigators "
    "scientists economists analysts observers advocates lawyers attorneys leaders chiefs chief council councillors "
    "administration ministry government department agency utility company firm union".split()))
NOT_SUBJECT_WORDS = frozenset(
    "that which who whom whose when while if because although though as after before since until unless whether "
    "is are was were be been being will would can could should may might must do does did not no there this these "
    "those what how why where than to".split())
OPENER = re.compile(r"(?:(?:But|And|Yet|So|Still|However|Meanwhile|Instead|Now|Also|Indeed|Ultimately|Again|Further|"
                    r"Moreover|Separately|Similarly|Likewise|Finally|Previously|Nonetheless|Nevertheless|Otherwise)\b,?\s+)+")
INTRO_PHRASE = re.compile(r"(?:(?i:in|on|at|after|before|during|earlier|later|last|this|for|from|since|under|over|while|"
                          r"when|back|out|across|elsewhere|nearby|here|there|overnight|speaking|asked|responding|"
                          r"in response|as for|as of|by|following|despite|with|without|"
                          r"within|outside|inside|through|throughout|among|amid|until|upon|given|considering|like|unlike|"
                          r"[a-z]+ing)\b[^,;“”\"]{0,80},\s+)")  # "Given his stated views, …", "Speaking to reporters, …"
DATELINE = re.compile(r"(?:[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][\w.]*\.?)?\s*(?:\([^()]{1,40}\))?\s*[-–—]{1,2}\s+)")
LEADING = re.compile(r"(?P<who>[^,;:“”\"()]{1,90}?)(?:,(?P<appos>[^;“”\"]{2,120}?),)?\s+" + AUXILIARY
                     + r"(?P<verb>" + VERBS + r")\b(?P<rest>[^“”\"]*)$")
TRAILING = re.compile(r"^(?P<clause>[^“”\"]{12,}?),\s+(?P<who>[^,;:“”\"()]{1,80}?)"
                      r"(?:,[^;“”\"]{2,120}?,)?\s+" + AUXILIARY + r"(?:" + VERBS + r")\b[^“”\",;]{0,60}[.!?]?\s*$")
PARENTHETICAL = re.compile(r"^(?P<first>[^“”\"]{8,}?),\s+(?P<who>[^,;:“”\"()]{1,60}?)\s+" + AUXILIARY + r"(?P<verb>" + VERBS
                           + r")\b,\s+(?P<second>[^“”\"]{8,})$")
MIN_CLAUSE_WORDS = 3
MAX_SENTENCE = 1000  # characters: longer is a list or a run-on transcript line, not one reported clause
ANY_VERB = re.compile(r"\b(?:" + VERBS + r")\b")
NAME = r"[A-Z][\w’'-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'-]+)){1,3}"
ORGANISATION = re.compile(r"(?:[Tt]he\s+)?(?P<name>" + ORG_NAME + r")")
NAMES = re.compile(NAME + r"(?:(?:,\s+" + NAME + r")*,?\s+and\s+" + NAME + r")?")


@dataclass(frozen=True)
class Saying:
    """A reported clause (offsets into the sentence) and the phrase naming its speaker (offset into the sentence)."""

    clause_start: int
    clause_end: int
    who: str
    who_at: int


def body_start(sentence: str) -> int:
    """Where the sentence's own subject may start: after a dateline, conjunctions and introductory phrases."""
    at, moved = 0, True
    while moved:
        moved = False
        for pattern in (DATELINE, OPENER, INTRO_PHRASE):
            match = pattern.match(sentence, at)
            if match and match.end() > at:
                at, moved = match.end(), True
    return at


def is_speaker_phrase(phrase: str) -> bool:
    """A pronoun, a name, or a noun phrase whose head names people, a body or a document ("the 26-year-old right wing" too)."""
    words = phrase.split()
    if not words or len(words) > 10:
        return False
    if len(words) == 1 and words[0].lower() in SUBJECT_PRONOUNS:
        return True
    lowered = [w.lower().strip(".,’'") for w in words]
    if any(w in NOT_SUBJECT_WORDS for w in lowered[1:]) or lowered[0] in NOT_SUBJECT_WORDS - {"this", "these", "those"}:
        return False
    affiliation = re.split(r"\s(?:with|of|for|at|from|in)\s", phrase, maxsplit=1)[0].split()  # "Tim Guest with the …"
    head = re.sub(r"[’']s$", "", affiliation[-1]).strip(".,")
    if head.lower() in DETERMINERS:
        return False  # "A" of "A tweet said", "The" of "The reports said": the verb was a noun
    if head[:1].isupper():
        return phrase[:1].isupper() or lowered[0] in ("the", "a", "an")
    if re.match(r"(?i)(?:the|a|an)\s+\d{1,3}-year-old\b", phrase):
        return True  # "the 26-year-old right wing": an aged description is a person
    return head.lower() in SPEAKING_NOUNS or head.lower().rstrip("s") in SPEAKING_NOUNS


def is_clause(words: str, present: bool = False) -> bool:
    """What follows the verb reads as a clause: a subject pronoun first, or a finite verb within it (a verb in
    the present only after "say" or "told": "said costs rise", but "conceded 31 goals" is an object)."""
    tokens = words.split()
    if len(tokens) < MIN_CLAUSE_WORDS or re.match(r"(?i)(?:to|for|against|of|on|with|about|by|in|at)\b", words):
        return False
    rest = " ".join(tokens[1:])
    return tokens[0].lower() in SUBJECT_PRONOUNS or bool(FINITE.search(rest)) or (present and bool(PRESENT.search(rest)))


def clause_after(rest: str, verb: str) -> int | None:
    """Where the reported clause starts in the words after the verb ("told reporters on Monday that …"), if any."""
    at = 0
    if verb.lower().startswith(("tell", "told")):
        recipient = TOLD_RECIPIENT.match(rest)
        if not recipient:
            return None
        at = recipient.end()
    while (setting := SETTING.match(rest, at)) is not None and setting.end() > at:
        at = setting.end()
    that = re.match(r",?\s*that\s+|,?\s+|:\s*", rest[at:])
    at += that.end() if that else 0
    if not BARE_CLAUSE_VERBS.match(verb) and not (that and "that" in that.group(0)):
        return None  # "reported a 42% rise", "reiterated its opposition": only "that" makes what follows a clause
    return at if is_clause(rest[at:], present=bool(SAY.match(verb))) else None


def leading(sentence: str) -> Saying | None:
    """ "[openers] Speaker [, appositive,] verb [setting] [that] clause"."""
    start = body_start(sentence)
    match = LEADING.match(sentence, start)
    if not match or not is_speaker_phrase(match.group("who").strip()):
        return None
    clause = clause_after(match.group("rest"), match.group("verb"))
    if clause is None:
        return None
    appositive = (match.group("appos") or "").strip()
    if NAMES.fullmatch(appositive):  # "His lawyers, Ann Roe and Tim Poe, have said": the names are the speakers
        return Saying(match.start("rest") + clause, len(sentence.rstrip()), appositive, match.start("appos") + 1)
    organisation = ORGANISATION.fullmatch(appositive)
    if organisation and match.group("who").split()[-1].lower() in ORG_NOUNS:  # "The largest union, the Nurses Alliance,"
        who_at = match.start("appos") + len(match.group("appos")) - len(match.group("appos").lstrip()) + organisation.start("name")
        return Saying(match.start("rest") + clause, len(sentence.rstrip()), organisation.group("name"), who_at)
    return Saying(match.start("rest") + clause, len(sentence.rstrip()), match.group("who").strip(), match.start("who"))


def trailing(sentence: str) -> Saying | None:
    """ "Clause, speaker verb." (the clause first, the speaker closing the sentence). "…, according to X" stays a
    credit: the source of a figure or a finding, not a speaker."""
    match = TRAILING.match(sentence)
    if not match or not is_speaker_phrase(match.group("who").strip()):
        return None
    start = body_start(match.group("clause"))
    clause = match.group("clause")[start:]
    return Saying(start, match.end("clause"), match.group("who").strip(), match.start("who")) if is_clause(clause) else None


def parenthetical(sentence: str) -> Saying | None:
    """ "The delays, she said, are getting worse.": the speaker in the middle of what was said."""
    match = PARENTHETICAL.match(sentence)
    if not match or not is_speaker_phrase(match.group("who")):
        return None
    start = body_start(match.group("first"))
    whole = match.group("first")[start:] + " " + match.group("second")
    return Saying(start, len(sentence.rstrip()), match.group("who"), match.start("who")) if is_clause(whole) else None


def saying_of(sentence: str, leading_only: bool = False) -> Saying | None:
    """The reported clause of a sentence without quote marks, in any of the shapes above (with `leading_only`,
    those whose speaker comes first)."""
    if len(sentence) > MAX_SENTENCE or not ANY_VERB.search(sentence):
        return None  # most sentences report nobody: one search, not three patterns tried comma by comma
    return parenthetical(sentence) or leading(sentence) or (None if leading_only else trailing(sentence))
