"""Reported speech without quote marks: "Xi said China-Russia relations …", "…, the coast guard said."."""

from __future__ import annotations

import re

from verify.extract.cues import WHEN
from verify.extract.marks import CLOSE, OPEN, is_title, quote_marks, without_marks
from verify.extract.people import BODY, ROLE_NOUN_PHRASE, ROLE_NOUNS, People, clean_name
from verify.extract.credits import credited_source
from verify.extract.quotes import QuoteSpan
from verify.extract.organisations import ORG_NOUNS
from verify.extract.saying import NAMES, saying_of
from verify.extract.documents import DOCUMENT, document_issuer
from verify.extract.introductions import CONVERSES
from verify.extract.speakers import OFFICE_LETTERS, introduced_next, of_the_gender_said, resolve_speaker, role_holder
from verify.extract.subjects import OPENERS, WHO, is_name, without_openers
from verify.extract.subjects import named as appositive_speaker

# "Race director Ulla Kask", "provincial governor Ilya Renn", "interior minister Sara Quint"
ROLE = r"(?:[A-Z][\w’'-]*\s+){0,3}?(?:[a-z][\w’'-]*\s+){0,2}?(?:(?i:" + "|".join(ROLE_NOUNS) + r"))\s+"  # "People's Party leader"
# "His coach, Piet Vanger, said", "The chief engineer of the national rail agency, Dr. Omar Fenn, told"
ROLE_PHRASE = ROLE_NOUN_PHRASE + r"(?:\s+(?:of|at|for|in|on)\s+[^,“”\"]{1,60})?(?=,)"
THE_ROLE = r"[Tt]he\s+(?:[\w-]+\s+){0,2}?(?i:" + "|".join(ROLE_NOUNS) + r")(?=\s)"  # "The senator said …", "the team's coach"
AGED = r"[Tt]he\s+\d{1,3}-year-old"  # "The 34-year-old, who has won the race three times, said"
SOMEONE = r"(?:[Aa]n?|[Oo]ne)\s+(?:[a-z][\w’'-]*\s+){0,2}[a-z][\w’'-]*(?=,)"  # "A neighbour, retired teacher Oona Pirk, told"
# "His mother, Kristen Lavoie, said": a relative introduced by name (the appositive names the speaker)
RELATIVE_OF = r"(?:[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w’'-]+[’']s)\s+(?:[a-z]+\s+)?(?:" + "|".join(CONVERSES) + r")"
RELATIVE_NAMED = RELATIVE_OF + r"(?=,\s+[A-Z])"
SPEAKER = r"(?P<who>" + AGED + r"|" + RELATIVE_NAMED + r"|" + SOMEONE + r"|" + BODY + r"|" + ROLE_PHRASE + r"|" + THE_ROLE + r"|(?:" + ROLE + r")?" + WHO.replace("(?P<who>", "(?:") + r")"
# whom someone told: "the Global Times that …" runs to "that"; "the court she had lost …" ends before the clause's subject
RECIPIENT = (r"(?:[^,]+?(?=\s+that\s)|(?:(?:the|a|an)\s+)?(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*|[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*)?)"
             r"(?=\s+(?:he|she|they|it|we|I|the|a|an|his|her|their|its|this|there|[A-Z]|\d)\b)|[^,]+?)")
SAYS = (r"(?:also\s+)?(?P<verb>said|says|stressed|noted|added|warned|argued|explained|insisted|claimed|stated|estimated|"
        r"promised|pledged|confirmed|acknowledged|admitted|conceded|announced|wrote|told\s+" + RECIPIENT + ")")
# when, where and how the words were said belong to the saying, not to what was said: "said Friday
# morning that", "said in a statement on Sunday that", "said in Brussels that"
SAYING_PLACE = (r"(?:in|at|during)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w’'-]+\s+){0,3}?(?:statement|interview|"
                r"(?:news|press)\s+conference|briefing|speech|hearing|post|letter|e-?mail|memo|filing|report|"
                r"meeting|rally|podcast|broadcast|video)(?:\s+(?:on|to|with)\s+[A-Z][\w’'-]*)?"
                r"(?:\s+read\s+(?:out\s+)?(?:to|in|at)\s+(?:the\s+)?[a-z]+)?"  # "in a statement read to the court"
                r"|(?:on|in)\s+(?:Twitter|X|Facebook|social\s+media|television|radio|TV)"
                r"|in\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?=\s+(?:that|on|in)\s|,)")
SAYING_SETTING = r"\s+(?:(?:" + WHEN + r"|" + SAYING_PLACE + r"),?\s+)*"
LEADING = re.compile(
    r"^(?:According to [^,]+,\s+)?" + SPEAKER + r"(?:,(?P<appos>(?:[^,“”\"]|,(?=\d{3}))+?)(?:,\s*\d{1,3})?(?:,\s+(?:who|whose)\s[^,“”\"]{1,120})?,)?\s+" + SAYS
    + SAYING_SETTING + r"(?:that\s+)?(?P<clause>[^“”\"]{12,})$"
)
# "Putin echoed these sentiments, highlighting that the sacrifices … should never be forgotten"
PARTICIPIAL = re.compile(
    r"^" + SPEAKER + r"\s+[^,“”\"]{3,100},\s+(?:highlighting|saying|adding|noting|stressing|arguing|insisting|warning|"
    r"explaining|claiming|stating)\s+(?:that\s+)?(?P<clause>[^“”\"]{12,})$"
)
# "Nine hospitals were still on paper, and officials said full recovery could take three weeks"
COORDINATED = re.compile(
    r"^(?P<own>[^“”\"]{12,}?),\s+(?:and|but|while|yet)\s+" + SPEAKER + r"\s+" + SAYS + SAYING_SETTING
    + r"(?:that\s+)?(?P<clause>[^“”\"]{12,})$"
)
TRAILING = re.compile(r"^(?P<clause>[^“”\"]{12,}?),\s+" + SPEAKER.replace("(?P<who>", "(?P<who>it(?=\\s)|", 1)
                      + r"\s+(?:said|says|reported|added|estimated|told|wrote|noted|warned|stressed|explained)\b[^“”\"]{0,80}$")
# "Her death was confirmed by her publisher, Greyfield Press, which said she had been ill": the antecedent says
RELATIVE = re.compile(r"(?P<who>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*),\s+(?:which|who)\s+(?:also\s+)?" + SAYS
                      + SAYING_SETTING + r"(?:that\s+)?(?P<clause>[^“”\"]{12,})$")
# "Halvard cut its forecast on Thursday, blaming weak demand, and said it would shed jobs": the sentence's subject says
# (its name whole before a relative clause: "The Miners' Union, which represents …, called for … and claimed …")
SUBJECT_SAYS = re.compile(r"^(?P<own>" + SPEAKER + r",?\s[^“”\"]{12,}?),?\s+and\s+(?:also\s+)?" + SAYS + SAYING_SETTING
                          + r"(?:that\s+)?(?P<clause>[^“”\"]{12,})$")
DATELINE = re.compile(r"^(?:[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][\w.]*\.?(?:\s+\d{1,2})?)?\s*(?:\([^()]{1,40}\))?"
                      r"|\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)\s*[-–—]{1,2}\s+")  # "LONDON — ", a live blog's "10:50 p.m. — "
SUBJECT_NAME = re.compile(r"((?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*)(?=,|\s+(?:will|has|have|had|is|was|said|[a-z]+ed)\b)")
NOT_SPEAKERS = {"they", "it", "this", "that", "there", "in", "according"}


def titles_unmarked(sentence: str) -> str:
    """The sentence with the marks around titles blanked (same length): a title is no quote."""
    if OPEN not in sentence and '"' not in sentence:
        return sentence  # most sentences: no marks to look at
    pairs = quote_marks(sentence)
    titles = {pair for pair in pairs if is_title(sentence, *pair)}
    return without_marks(sentence, titles) if titles and len(titles) == len(pairs) else sentence


def find_indirect(sentence: str, offset: int, people: People) -> QuoteSpan | None:
    """The reported clause of a sentence and who reported it, when the sentence has no quote marks."""
    sentence = titles_unmarked(sentence)  # "Her final novel, “Low Water,” will be published in March, Greyfield said."
    if OPEN in sentence or CLOSE in sentence or '"' in sentence or "''" in sentence:  # quote marks: the quote reader's sentence
        return None
    lead = dateline_end(sentence)  # "TREVSTAD, Nov 5 (Vendrin Wire) - Halvard Motors … said": the sentence starts after it
    sentence, offset = sentence[lead:], offset + lead
    match = (LEADING.match(sentence) or COORDINATED.match(sentence) or PARTICIPIAL.match(sentence) or TRAILING.match(sentence)
             or SUBJECT_SAYS.match(sentence) or RELATIVE.search(sentence))
    found = fixed_shape(sentence, offset, match, people) if match and not not_a_clause(match) else None
    if found is None or match.re is TRAILING:  # "Earlier in the day, Trudeau said …" is no clause said at its end
        found = any_shape(sentence, offset, people, leading_only=found is not None) or found
    return found


# (after her description too: "Helene Charbonneau, a retired nurse from Orleans, who said")
PERSON_OF = re.compile(r"(?P<person>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)+)(?:,\s+\d{1,3})?(?:,\s+(?:an?|the)\s+[^,;“”\"]{1,60}?)?"
                       r"\s+(?:of|from|in)\s+$")


def person_of_place(sentence: str, match: re.Match[str], people: People) -> str | None:
    """ "Marcy Ellerbe of Toledo, who said": the person the article named says, not her town."""
    if match.re is not RELATIVE or not re.match(r",\s+who\s", sentence[match.end("who") :]):
        return None
    before = PERSON_OF.search(sentence, 0, match.start("who"))
    person = before.group("person") if before else ""
    return person if person and (people.by_name(person) or (is_name(person) and clean_name(person) == person)) else None


def fixed_shape(sentence: str, offset: int, match: re.Match[str], people: People) -> QuoteSpan | None:
    """The clause and speaker of one of the fixed sentence shapes above."""
    who = person_of_place(sentence, match, people) or match.group("who").strip()
    if who.lower() == "they":
        who = people.group_before(offset) or who  # "Prosecutors had asked for eight years. They said …"
    subject = SUBJECT_NAME.match(sentence) if who.lower() == "it" and match.re is TRAILING else None
    if subject:  # "Lumen Systems … will cut 480 jobs, it said": the clause's subject
        who = subject.group(1)
    if who.split()[0].lower() in NOT_SPEAKERS or who.lower() in OPENERS:  # "But he shook his head and said no"
        return None
    appositive = (match.groupdict().get("appos") or "").strip()
    if " and " in appositive and NAMES.fullmatch(appositive):  # "His lawyers, Ann Roe and Tim Poe, said": both speak
        return QuoteSpan(offset + match.start("clause"), offset + match.end("clause"), appositive, credited_source(sentence),
                         direct=False)
    organisation = appositive_speaker(who, appositive) if appositive else None
    if organisation and organisation != who and not is_name(appositive):  # "The largest union, the Nurses Alliance, said"
        return QuoteSpan(offset + match.start("clause"), offset + match.end("clause"), organisation,
                         credited_source(sentence), direct=False)
    if appositive and not is_name(appositive):  # "One witness, retired nurse Margaret Doyle, told": the name ends it
        named = people.latest_in(offset + match.start("appos"), offset + match.end("appos")) or ""
        appositive = named if named and appositive.endswith(named.split()[-1]) else ""
    speaker = speaker_of(appositive if is_name(appositive) else who, offset + match.start("who"), people)
    if re.fullmatch(RELATIVE_OF, who) and len(appositive.split()) == 1:
        speaker = appositive  # "Spindler's father, Joseph, says": no other Joseph the article names
    if speaker is None:
        return None
    return QuoteSpan(offset + match.start("clause"), offset + match.end("clause"), speaker, credited_source(sentence), direct=False)


def any_shape(sentence: str, offset: int, people: People, leading_only: bool = False) -> QuoteSpan | None:
    """The shapes the fixed patterns leave ("But he says …", "Officials with the city have said …", "…, according to
    the utility."), the speaker resolved as a cue's subject is."""
    saying = saying_of(sentence, leading_only)
    if saying is None:
        return None
    speaker = speaker_of_phrase(saying.who, offset + saying.who_at, people)
    if speaker is None:
        return None
    return QuoteSpan(offset + saying.clause_start, offset + saying.clause_end, speaker, credited_source(sentence), direct=False)


def speaker_of_phrase(who: str, at: int, people: People) -> str | None:
    """ "he", "it", "they" only when the article shows whom they mean; a name or description as resolve_speaker reads it."""
    word = who.lower()
    if word in ("we", "i"):
        return None  # the reporter or a speaker inside a quote: not a reported speaker
    if word in ("he", "she"):
        return people.resolve(word, at)
    if word == "it":
        return people.salience.pronoun("it", at)
    if word == "they":
        return people.group_before(at) or people.salience.pronoun("they", at)
    if DOCUMENT.fullmatch(who):  # "The white paper said …": whoever issued it
        return document_issuer(who, at, people) or who
    # "the utility", "the 26-year-old right wing", "the Hartford-based insurer": whom it describes
    if re.match(r"(?i:the|this|that)\s+[a-z\d]", who) or re.fullmatch(r"(?i:the)\s+[A-Z][\w-]*-based\s+[a-z\s]+", who):
        if re.fullmatch(BODY, who) or who.split()[-1].lower() in ORG_NOUNS:
            return people.salience.described(who, at) or who  # an organisation's description: no person's role
        return role_holder(who, people) or people.salience.described(who, at) or who
    if " and " in who and NAMES.fullmatch(who):
        return who  # "Ann Roe and Tim Poe": both speak
    if word == "police":  # the force the article named ("RCMP say …, police said")
        return resolve_speaker(who, at, people) or who
    if not who[:1].isupper() or re.match(r"(?:A|An|Some|Many|Several|Other|Two|Three|All|Most|One)\s", who):
        return introduced_next(who, at, people) or who  # "a collision expert", "Some experts": as written
    return resolve_speaker(who, at, people) or who


# "… called the plan “a wish list” and said his party would offer another": the quote's speaker goes on speaking
SAID_AFTER_QUOTE = re.compile(r"^[”\"’']?[,.]?\s+and\s+" + SAYS + SAYING_SETTING + r"(?:that\s+)?(?P<clause>[^“”\"]{12,})$")


def said_after_quote(text: str, quote: QuoteSpan, sentence_end: int) -> QuoteSpan | None:
    """The reported clause after a quote's closing mark, in the quote's sentence, said by the quote's speaker."""
    if quote.speaker is None or not quote.direct:
        return None
    tail_start = quote.end
    match = SAID_AFTER_QUOTE.match(text[tail_start:sentence_end])
    if match is None or not_a_clause(match):
        return None
    return QuoteSpan(tail_start + match.start("clause"), tail_start + match.end("clause"), quote.speaker, quote.credited,
                     direct=False, inferred=quote.inferred)


def reporters_part(sentence: str) -> int:
    """Where the reporter's own statement ends in "Nine hospitals were on paper, and officials said …" or
    "Halvard cut its forecast, blaming demand, and said it would …" (0 when the sentence is all reported)."""
    lead = dateline_end(sentence)
    body = sentence[lead:]
    relative = RELATIVE.search(body)
    if relative:  # "Her death was confirmed by her publisher, Greyfield Press, which said …"
        return lead + relative.end("who")
    match = COORDINATED.match(body) or SUBJECT_SAYS.match(body)
    return lead + match.end("own") if match else 0


def dateline_end(sentence: str) -> int:
    """Where a sentence starts after its dateline or live-blog timestamp (0 without one)."""
    dateline = DATELINE.match(sentence)
    return dateline.end() if dateline else 0


# "warned against nihilism", "called for talks": the verb takes an object, not a clause
PREPOSITION_OBJECT = re.compile(r"(?i)(?:against|for|to|of|on|with)\b")
FINITE = re.compile(r"(?i)\b(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|did|does)\b")
SHORT_OBJECT_WORDS = 4  # a few words with no finite verb after "noted", "stressed": a noun phrase
QUANTITY_OBJECT = re.compile(r"(?i)(?:about|nearly|almost|some|more than|over|\d)")  # "The company added about 2,300 customers"


def not_a_clause(match: re.Match[str]) -> bool:
    """What follows the verb is its object, not what someone said."""
    clause = match.group("clause")
    verb = (match.groupdict().get("verb") or "").lower()
    if match.re is TRAILING:
        return False  # "Turnout reached 68.4%, the commission said": what comes before the speaker is what was said
    if PREPOSITION_OBJECT.match(clause):
        return True
    if len(clause.split()) <= SHORT_OBJECT_WORDS and not FINITE.search(clause) and "that" not in match.group(0).split():
        return True  # "also noted the strategic implications."
    # "added about 1,100 workers were on site" reports; "added about 2,300 customers in the quarter" counts
    return verb == "added" and bool(QUANTITY_OBJECT.match(clause)) and not FINITE.search(clause)


MIN_CLAUSE_WORDS = 3  # the reporter's own words before the quoted part: "Xi said relations represent the “…”"
NOUN_SUBJECT = re.compile(r"(?i)\s*(?:that\s+)?(?:the|his|her|their|its|this)\s+[a-z][\w-]*\s*")  # "said the photo “…” at the school"
SAID_BEFORE = re.compile(r"\b(?:said|says|saying|told|tells|added|adds|argued|argues|insisted|insists|wrote|writes)\s+$")  # not "called"
SUBJECT_AUXILIARY = re.compile(r"\s*(?:that\s+)?[A-Z][\w’'-]*\s+(?:should|would|will|could|can|must|may|might|has|had|is|was)\s*")
SUBJECT_FIRST = re.compile(r"(?i)\s*(?:that\s+)?(?:he|she|they|we|i)(?:[’'](?:s|re|d|ll|ve|m))?\b")  # not "it": "called it"


def clause_around(span: QuoteSpan, text: str) -> QuoteSpan | None:
    """The reported clause a partial quote sits in, as reported speech of its own.

    "Xi said China-Russia relations represent the “call of the times.”": the quote claim checks the
    quoted words; the clause is what the article says Xi said, and is checked as a paraphrase.
    """
    if not span.direct or span.speaker is None or span.continues or not 0 <= span.content_start < span.start - 1:
        return None
    before = text[span.content_start : span.start - 1]
    # "called for “…”" is a cue, not a clause; "said he was “deeply concerned” about …" is one (its clause runs on
    # past the quote: "told the paper he was “ready to help.”" is the quote, introduced)
    runs_on = span.content_end > span.end + 1
    said = SAID_BEFORE.search(text, max(0, span.content_start - 30), span.content_start)
    noun_subject = said and (NOUN_SUBJECT.fullmatch(before) or (runs_on and len(before.split()) >= 2))
    # "saying Trudeau should “respect the rule of law”": a subject and its auxiliary make a clause
    auxiliary = said and SUBJECT_AUXILIARY.fullmatch(before)
    if len(before.split()) < MIN_CLAUSE_WORDS and not ((SUBJECT_FIRST.match(before) or noun_subject) and runs_on) and not auxiliary:
        return None
    if before.rstrip().endswith((",", ":")):  # "says things such as, “…”": the quote is introduced whole, not reported
        return None
    closing_mark = span.content_end == span.end and text[span.end : span.end + 1] in (CLOSE, '"', "'")
    end = span.content_end + 1 if closing_mark else span.content_end  # keep the closing mark (none where the text ends open)
    return QuoteSpan(span.content_start, end, span.speaker, span.credited, direct=False, inferred=span.inferred)


def speaker_of(who: str, at: int, people: People) -> str | None:
    """A person's full name when the article gives it; an institution as written ("the coast guard")."""
    who = without_openers(who) or who  # "But the group warned that …": the group
    if DOCUMENT.fullmatch(who):  # "The statement said …": whoever issued it
        return document_issuer(who, at, people) or who
    if who.lower() == "police" or OFFICE_LETTERS.fullmatch(who):  # "Police said", "The MSP said": as a cue's subject
        return resolve_speaker(who, at, people) or who
    if re.fullmatch(BODY, who) and not is_name(who):
        return people.salience.described(who, at) or who  # "the utility": the organisation described so
    if re.fullmatch(AGED, who):  # the person the article has just named
        return people.salience.described(who, at) or people.latest_before(at)
    if re.fullmatch(THE_ROLE + r"\s", who + " "):  # "the governor": the one person the article gave that role, else as written
        return role_holder(who, people) or people.salience.described(who, at) or who
    name = re.sub(r"^" + ROLE, "", who) if re.match(ROLE, who) else who
    resolved = of_the_gender_said(name, at + who.find(name), people.resolve(name, at), people)  # "Lavoie said she"
    if not resolved or not resolved[:1].isupper() or people.by_name(resolved):
        return resolved
    return people.salience.full_name(resolved)  # "Suncor" -> "Suncor Energy"
