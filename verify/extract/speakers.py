"""Speakers: a cue's subject phrase resolved to the name the article gives.

"Sen. Chuck Grassley (R-Iowa)" -> "Chuck Grassley", "the Chinese leader" -> "Xi Jinping", "they" -> the group
the paragraph opened with, "the defence attorney" -> the lawyer the article named.
"""

from __future__ import annotations

import re

from verify.extract.documents import DOCUMENT, document_issuer
from verify.extract.introductions import KIN, named_next
from verify.extract.layout import paragraph_bounds
from verify.extract.organisations import ORG_NOUN, ORG_NOUNS
from verify.extract.people import BODY, BODY_NOUNS, People, ROLE_NOUNS, TITLE_WORDS, is_title_word
from verify.extract.roles import holder_by_office
from verify.extract.subjects import (
    GROUP_SPEAKER, NAME_CORE, PARTICLE_NAME, RANKED, WHO, bare_name, is_name, named, without_openers,
)
from verify.extract.titles import abbreviates

# who can say something without being named: "the author wrote", "a young woman said", "the board said"
SPEAKER_NOUN = (r"(?:" + "|".join(ROLE_NOUNS) + r"|author|boy|girl|man|woman|friend|narrator|host|board|campaign|editorial|"
                r"column|columnist|newspaper|paper|report|document|email|memo|statement|letter|ad|video|crowd|audience|"
                r"voter|resident|candidate|businessman|businesswoman|mogul|tycoon|investor|designer|insider|nominee|"
                r"source|official|aide|adviser|advisor|lawmaker|congressman|"
                r"congresswoman|supporter|critic|protester|student|teacher|doctor|nurse|worker|owner|reporter|"
                r"writer|editor|anchor|voice|speaker|caller|witness|neighbor|neighbour|mother|father|son|daughter|"
                r"wife|husband|veteran|farmer|activist|donor|pollster|strategist|consultant|attorney|representative|"
                r"organizer|organiser|member|player|fan|user|customer|employee|staffer|observer|expert|historian)s?")
ROLE_WORDS = {w.lower() for w in TITLE_WORDS} | set(ROLE_NOUNS) | {"majority", "minority", "senate", "house", "state", "deputy"} | set(
    # Canadian offices, parties and ranks before a name: "NDP MLA David Eby", "Elder Mary Thomas", "Staff Sgt. Lee Ma"
    "mla mp mpp mna ndp liberal conservative green tory elder grand hereditary staff sgt cpl const cst supt insp det "
    "coun capt maj".split())


def without_role_words(phrase: str) -> str:
    """ "Senate Majority Leader Mitch McConnell" -> "Mitch McConnell": capitalised role words before a name."""
    words = phrase.split()
    if len(words) < 3 or not all(w[:1].isupper() for w in words):
        return phrase
    start = 0
    while start < len(words) - 2 and words[start].lower().rstrip(".") in ROLE_WORDS:
        start += 1
    return " ".join(words[start:]) if start else phrase


def role_holder(phrase: str, people: People) -> str | None:
    """ "the Texas senator": the one person whose role the article gave holds "Texas" ("the governor": "governor")."""
    words = phrase.split()[1:]
    if not words:
        return None
    whole = " ".join(words).lower()  # "the prime minister": the one whose role says so, word for word
    found = [p for p in people.people if re.search(r"\b" + re.escape(whole) + r"\b(?![’'])", p.role.lower())]  # not "sheriff's"
    if len(found) == 1:
        return found[0].name
    by_office = holder_by_office(phrase, people)  # "the defence attorney": the lawyer, not the district attorney
    if by_office:
        return by_office
    # the noun by its first letters too: "senator" is "Sen." in a role, "governor" "Gov.", "sergeant" "Sgt" (a role
    # word the noun begins with or abbreviates: "grower" is not "group")
    keys = [w.lower() for w in words if w[:1].isupper()]
    noun = words[-1].lower().rstrip("s")
    found = [p for p in people.people if p.role and all(k in p.role.lower() for k in keys)
             and any(len(w) >= 3 and abbreviates(w, noun) for w in re.findall(r"[a-z]+\b(?![’'])", p.role.lower()))]
    return found[0].name if len(found) == 1 else None


def resolve_speaker(phrase: str | None, at: int, people: People) -> str | None:
    """The speaker a cue's subject phrase names, as the article introduced them."""
    speaker = read_speaker(phrase, at, people)
    speaker = of_the_gender_said(phrase, at, speaker, people)
    # "EDC" where the article wrote "Export Development Canada (EDC)", "Suncor" after "Suncor Energy": the long name
    if not speaker or not speaker[:1].isupper() or people.by_name(speaker):
        return speaker  # a person the article named needs no long form (and no salience built for it)
    return people.salience.full_name(speaker)


UNNAMED_WHO = re.compile(r"^(?P<head>(?:[Aa]n?|[Oo]ne|[Tt]he)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+who\s.*$", re.S)
SAID_OF_SELF = re.compile(r"\s+(?:also\s+)?(?:said|says|told\s+\w+|added)\s+(?:that\s+)?(?P<pronoun>she|he)\b")


def of_the_gender_said(phrase: str | None, at: int, speaker: str | None, people: People) -> str | None:
    """ "Lavoie said she and her husband …" of Owen and Kristen Lavoie: the one of the gender the clause goes on with
    (news reports a speaker's own doings with "said she"), when the family name is shared."""
    person = people.by_name(speaker) if speaker and phrase else None
    said = SAID_OF_SELF.match(people.text, at + len(phrase)) if person and phrase else None
    if said is None or person is None:
        return speaker
    gender = "f" if said.group("pronoun") == "she" else "m"
    if people.salience.gender_of(person.name) in (None, gender):
        return speaker
    kin = [p.name for p in people.people if p.surname == person.surname and people.salience.gender_of(p.name) == gender]
    return kin[0] if len(kin) == 1 else speaker


CAPITALISED_TITLE = re.compile(r"^(\s*[Tt]he\s+)([A-Z][a-z]+)\s*$")


def read_speaker(phrase: str | None, at: int, people: People) -> str | None:
    if not phrase:
        return None
    if phrase.strip().lower() == "it":  # "“…,” it said in a statement": the organisation the text is about there
        return people.salience.pronoun("it", at)
    cleaned = cleaned_phrase(phrase)
    if not cleaned:
        return None
    special = read_special(cleaned, at, people)
    return special if special is not None else read_named(cleaned, phrase, at, people)


def cleaned_phrase(phrase: str) -> str:
    """The speaker phrase without openers, a cut-off party tag, a relative clause, an owner's name before a name
    and role words; "Sen. Chuck Grassley (R-Iowa)" -> "Chuck Grassley" ("Mrs Poole" keeps the title that says which
    Poole)."""
    # "the Minister said", British and Irish style: a title after "the" with no name is a description, as "the minister"
    titled = CAPITALISED_TITLE.match(phrase)
    phrase = titled.group(1) + titled.group(2).lower() if titled and is_title_word(titled.group(2)) else phrase
    phrase = without_openers(re.sub(r"^(?:According to|according to|When|While)\s+", "", phrase).strip()).rstrip(" ,;")
    phrase = re.sub(r"\s*\([A-Z]-[\w. ]{0,12}$", "", phrase)  # "Jim Clyburn (D-S" where the cue reader stopped at "S."
    phrase = UNNAMED_WHO.sub(r"\g<head>", phrase)  # "One engineer who kept his job": the description, not its clause
    if not phrase:
        return ""
    phrase = re.sub(r"^(?:[A-Z][\w.-]*\s+)*[A-Z][\w.-]*[’']s\s+(?=[A-Z])", "", phrase)  # "Iowa State University's Dianne Bystrom"
    phrase = without_role_words(phrase)
    if is_name(phrase) and bare_name(phrase) != phrase and len(bare_name(phrase).split()) > 1:
        phrase = bare_name(phrase)
    return phrase


def read_special(phrase: str, at: int, people: People) -> str | None:
    """Speakers named by a word of their own kind: "they", "Police", "The MSP", "al-Shabaab", a document, "both
    leaders"; None for any other phrase."""
    if phrase.lower() == "they":  # "“…,” they said." after "Prosecutors had asked for eight years." or "Reid and Diaz …"
        # else the organisation the last sentences are about ("The Hawks announced … “…,” they said")
        return people.group_before(at) or people.salience.pronoun("they", at) or phrase
    if phrase.lower() == "police":  # "Police said": the force the article named, else as written
        return people.salience.described("the police", at) or phrase
    if OFFICE_LETTERS.fullmatch(phrase):  # "The MSP said", "the Donegal TD": the one person introduced with the letters
        return lettered_holder(phrase, people) or phrase
    if PARTICLE_NAME.fullmatch(phrase):  # "al-Shabaab said": the particle is part of the name
        return phrase
    if DOCUMENT.fullmatch(phrase):  # "The statement also said", "the white paper said": whoever issued it
        return document_issuer(phrase, at, people) or phrase
    if GROUP_SPEAKER.fullmatch(phrase):  # "both leaders": the two people the article introduced with a role
        leaders = [p.name for p in people.people if p.role][:2]
        return " and ".join(leaders) if len(leaders) == 2 else phrase
    return None


def read_named(phrase: str, written: str, at: int, people: People) -> str | None:
    """A name, with whatever follows it ("of Thanjavur", "of the group Forest Watch"), an organisation's whole name, a
    nationality, a pronoun or a description."""
    phrase = re.sub(r"^(?:[A-Z][\w-]*\s+){1,2}(?=" + RANKED + ")", "", phrase)  # "Republican Rep. Greg Sobczak of …"
    leading = re.match(r"(?P<name>" + NAME_CORE + r")\s+(?:of|at|from|for|with)\s", phrase) or ROLE_NAME_AT.match(phrase)
    if leading and is_name(leading.group("name")) and person_leads(leading, people):  # not "Friends of X"
        phrase = bare_name(without_role_words(leading.group("name")))
    from_place = NAME_FROM_PLACE.search(phrase)
    named_from = without_role_words(from_place.group("name")) if from_place else ""
    if named_from and (people.by_name(named_from) or is_name(named_from)):  # "V. Senthamarai of Thanjavur"
        return people.by_name(named_from).name if people.by_name(named_from) else named_from
    if NAME_OF.fullmatch(phrase) and not is_title_word(phrase.split()[0]) and not any(p.name in phrase for p in people.people):
        return phrase  # "Friends of Tonbridge Library", "Bank of Canada": an organisation's whole name
    if NATIONALITY.fullmatch(phrase):  # "the Dane", "the veteran Liberal": the person the text is about there
        ranked = people.salience.ranked(at, person=True)
        return ranked[0][1] if ranked else phrase
    match = re.search(WHO + r"\s*$", phrase)
    if match and match.group("who"):
        # unresolved ("she" with no antecedent in the text) stays as written: still the speaker
        who_at = at + max(0, written.rfind(match.group("who")))  # "Schumer, he": where "he" stands
        resolved = people.resolve(match.group("who"), who_at) or match.group("who")
        unnamed = resolved == match.group("who") and resolved.lower().startswith("the ")  # "the official"
        return (introduced_as(resolved, at, people) if unnamed else None) or resolved
    return read_description(phrase, at, people)


NAME_OF = re.compile(r"(?:[A-Z][\w’'&-]*\s+){1,4}(?:of|for)\s+(?:the\s+)?[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*){0,3}")


# a person the article names, then where they are from: "stroke Maren Lindqvist-Doyle of Victoria"
NAME_FROM_PLACE = re.compile(r"(?P<name>(?:[A-Z]\.\s?)+[A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+)*"
                             r"|[A-ZÀ-Þ][\w’'-]+(?:\s+(?:[A-Z]\.|[A-ZÀ-Þ][\w’'-]+))+)\s+(?:of|from)\s+"
                             r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?$")


def person_leads(leading: re.Match[str], people: People) -> bool:
    """ "Tom Reyes of the group Forest Watch", "Colton with a surprised look": a person's name leads, not the first
    word of an organisation's ("Friends of Tonbridge Library", "Campaign for Better Transport")."""
    name = bare_name(leading.group("name"))
    joined_by = leading.group(0)[leading.end("name") - leading.start():].split()[0]
    if is_title_word(name.split()[-1]):  # "Mandi Superintendent of Police Rajesh Thakur": an office, then the name
        return False
    return joined_by not in ("of", "for") or len(name.split()) > 1 or people.by_name(name) is not None


# "Atmospheric physics professor Kent Moore at the University of Toronto": the name after its role, before its employer
ROLE_NAME_AT = re.compile(r"(?:[\w-]+\s+){0,4}?(?i:" + "|".join(ROLE_NOUNS) + r")\s+(?P<name>" + NAME_CORE
                          + r")\s+(?:of|at|from|for|with)\s")


def read_description(phrase: str, at: int, people: People) -> str | None:
    """ "the governor" is the person the article gave that role, "the utility" the organisation described so,
    "A Moncton coach says" in a lede the person named next; "the author", "a source": as written."""
    if KIN.fullmatch(phrase) and people.salience.described(phrase, at):  # "her daughter": the one the article shows
        return people.salience.described(phrase, at)
    if POSSESSED_SPEAKER.fullmatch(phrase):  # "his office", "her lawyers": as written, whoever "his" is
        return phrase
    if re.fullmatch(r"[Tt]he\s+" + BODY + r"|(?:[Tt]he|[Aa]n?|[Oo]ne)\s+(?:[\w’'.-]+\s+){0,5}" + SPEAKER_NOUN
                    + r"|[Tt]he\s+(?:[\w’'.-]+\s+){0,3}" + ORG_NOUN, phrase):  # "the provincial utility"
        if phrase.split()[0].lower() != "the":  # "a student … shouted. The student, Ama Boateng,": her
            return introduced_next(phrase, at, people) or named_next(people.salience, phrase, at) or phrase
        if phrase.split()[-1].lower() in ORG_NOUNS:  # "the company": an organisation, no person's role
            return people.salience.described(phrase, at) or phrase
        return role_holder(phrase, people) or people.salience.described(phrase, at) or introduced_as(phrase, at, people) or phrase
    if INDEFINITE_SPEAKER.fullmatch(phrase):  # "one veteran of the government infrastructure projects": as written
        return introduced_next(phrase, at, people) or named_next(people.salience, phrase, at) or phrase
    if re.fullmatch(r"(?:[a-z][\w-]*\s+){0,2}" + SPEAKER_NOUN, phrase) and phrase.endswith("s"):
        return phrase  # "he heard students shout": a group, as written
    if DEFINITE_DESCRIPTION.fullmatch(phrase):  # "the rookie defenceman", "the premier": whoever the article gave that role
        described = role_holder(phrase, people) or people.salience.described(phrase, at)
        if described:
            return described
    if PARTITIVE.fullmatch(phrase):  # "one of the volunteers": one of a group, as written
        return phrase
    if TITLED_DESCRIPTION.fullmatch(phrase):  # "The Billy on the Street star": the one the article gave that role,
        described = people.salience.described(phrase, at)  # else the person it is about there
        if described:
            return described
    return phrase if phrase[:1].isupper() and not CLAUSE_NOT_SPEAKER.match(phrase) else None


OFFICE_LETTERS = re.compile(r"[Tt]he\s+(?:[A-Z][a-z]+\s+)?(?:MP|MSP|MLA|MPP|MNA|MEP|MLC|TD|CEO|CFO)")  # "the Donegal TD"


def lettered_holder(description: str, people: People) -> str | None:
    """ "Shetland’s MSP, Kenneth Abernethy," or "Donegal TD Niall Gildea": the one person whose name follows the
    letters (and the description's place or party, "the Donegal TD", when it gives one)."""
    words = description.split()
    before = re.compile(r"\b" + (re.escape(words[1]) + r"[’']?s?\s+" if len(words) == 3 else "") + words[-1] + r",?\s+$")
    found = {p.name for p in people.people for m in p.mentions if before.search(people.text, max(0, m - 40), m)}
    return found.pop() if len(found) == 1 else None


# a body speaking for someone the text names: "his office", "her ministry", "their lawyers" (a person, "her husband",
# is left to the names the article gives)
POSSESSED_SPEAKER = re.compile(r"(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:[a-z][\w-]*\s+){0,2}(?:" + BODY_NOUNS + r")")
PARTITIVE = re.compile(r"(?:[Oo]ne|[Ss]ome|[Tt]wo|[Tt]hree|[Ss]everal|[Mm]any|[Mm]ost|[Ee]ach)\s+of\s+(?:the|his|her|their|its|our)\s+"
                       r"(?:[\w’'-]+\s+){0,3}[a-z][\w-]*s")
# a description holding a capitalised title: "The Billy on the Street star", "the Grey's Anatomy actor"
TITLED_DESCRIPTION = re.compile(r"[Tt]he\s+(?:[\w’'.-]+\s+){0,5}[A-Z][\w’'.-]*\s+(?:[\w’'.-]+\s+){0,3}[a-z][\w-]+")


INTRODUCTION_REACH = 2000  # characters back in which "the official" finds "a justice official"


def introduced_as(phrase: str, at: int, people: People) -> str | None:
    """ "the official" after "a justice official said …": the unnamed person as the article introduced them."""
    noun = phrase.split()[-1]
    if not re.fullmatch(r"[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}[a-z]+", phrase) or noun.endswith("s"):
        return None
    introduction = re.compile(r"\b[Aa]n?\s+(?:[a-z][\w-]*\s+){0,3}" + re.escape(noun) + r"\b(?:\s+(?:for|of|at|with)\s+(?:the\s+)?"
                              r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?")
    found = list(introduction.finditer(people.text, max(0, at - INTRODUCTION_REACH), at))
    return found[-1].group(0) if found else None


INDEFINITE_SPEAKER = re.compile(r"(?:[Aa]n?|[Oo]ne)\s+(?:[\w’'.-]+\s+){0,3}" + SPEAKER_NOUN + r"\s+(?:of|for|at|with|from|in)\s+[^,;:]{1,80}")
LEDE_PERSON = re.compile(r"[Aa]n?\s+(?:[\w’'.-]+\s+){0,5}(?:man|woman|boy|girl|teen|teenager|mother|father|mom|dad|"
                         r"coach|resident|worker|student|doctor|nurse|driver|owner|senior|grandmother|grandfather|widow|"
                         r"veteran|player|farmer|teacher|lawyer|entrepreneur|athlete|artist|survivor|patient|parent)")
LEDE_REACH = 1200  # characters after the description in which the story names its subject
LEDE_END = 1500  # characters: where a story's opening (a photo caption, a headline and the lede) ends


def introduced_next(phrase: str, at: int, people: People) -> str | None:
    """ "A B.C. woman says she was turned away …" opening a story: news describes first the person it names a
    sentence or two later ("…, said Priya Nair, 31."), someone its paragraph has not named (a photo caption
    before it may have)."""
    if at > LEDE_END or not LEDE_PERSON.fullmatch(phrase):
        return None
    paragraph = paragraph_bounds(people.text, max(0, at - 1))[0]
    following = [(next(m for m in p.mentions if m > at), p.name) for p in people.people
                 if any(at < m < at + LEDE_REACH for m in p.mentions) and not any(paragraph <= m < at for m in p.mentions)]
    return min(following)[1] if following else None


# a person by nationality, home or party: "the Dane", "the young Albertan", "the Liberal", "the New Democrat"
NATIONALITY = re.compile(r"[Tt]he\s+(?:[a-z\d][\w-]*\s+){0,2}(?:[A-Z][a-z]+\s+(?=Liberal|Conservative|Democrat|Republican))?"  # "the Kentucky Republican"
                         r"(?:[A-Z][a-z]+(?:ian|ean|an|ese|ite|ish)|Dane|Swede|Finn|Brit|"
                         r"Scot|Czech|Pole|Swiss|Greek|Thai|Turk|Israeli|Iraqi|Pakistani|Quebecer|Montrealer|Islander|"
                         r"Newfoundlander|[A-Z][a-z]+man|Liberal|Conservative|Tory|Democrat|New Democrat|Republican)")
DEFINITE_DESCRIPTION = re.compile(r"[Tt]he\s+(?:[a-z\d][\w’'-]*\s+){0,3}[a-z\d][\w-]+")  # "the 58-year-old"


# a capitalised phrase that is a clause, not a speaker: "If he wins the presidency", "In other words", "Rubio was"
CLAUSE_NOT_SPEAKER = re.compile(
    r"(?i:if|in|on|at(?! least)|between|among|amid|when|while|after|before|although|though|because|as|since|until|"
    r"unless|whether|there|this|these|those|here|so|then|now|also|but|and|or|yet|for|with|without|by|from|to|of|"
    r"during|despite|that’s|that's|it’s|it's)\b|[A-Z][a-z]+ing\b|.*\b(?:is|was|were|are|will|would)\b"
)


def names_institution(phrase: str, people: People) -> bool:
    """ "professor at the China Foreign Affairs University": ends in a proper name that is not a person's
    (not "Another child", which is a speaker of its own)."""
    return people.by_name(phrase) is None and not is_name(phrase) and phrase.split()[-1][:1].isupper()
