"""Cue subjects: the phrase naming whoever says a quote, read from the words before the cue.

"Joe Maloy, a Republican from Concord, said" -> "Joe Maloy", "Here in Columbia, Sanders stepped up …, saying" ->
"Sanders", "Adelson met with Trump in December and" (before "declared") -> "Adelson", "its director, Leo Marsh," ->
"Leo Marsh". Resolving the phrase to the person or organisation the article introduced is `speakers`' work.
"""

from __future__ import annotations

import re

from verify.dates import MONTHS, WEEKDAYS
from verify.extract.cues import FINITE_CUE
from verify.extract.families import IN_RELATIVE_CLAUSE
from verify.extract.organisations import ORG_NAME, ORG_NOUNS
from verify.extract.people import NOT_NAMES, ROLE_NOUNS, clean_name

WHO = r"(?P<who>(?:[Aa]n?\s+|[Tt]he\s+)(?:[\w-]+\s+)?(?:spokesperson|spokesman|spokeswoman|official|source|aide|diplomat|adviser|advisor)(?:\s+(?:for|of|at|to)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}[\w-]+)?|(?:[Tt]he\s+[A-Z][a-z]+\s+(?:leader|president|premier|prime minister|minister|chancellor))|he|she|they|(?:(?:Dr|Prof|Mr|Mrs|Ms|Cllr|Fr)\.?\s+|(?:Staff\s+)?(?:Coun|Const|Cst|Cpl|Sen|Rep|Gov|Gen|Det|Insp|Supt|Sgt|Lt|Col|Capt|Maj|Rev|Hon)\.(?:-(?:Col|Gen)\.)?\s+)?[A-ZÀ-Þ][\w’'-]+(?:\s+(?:[A-Z]\.|[A-ZÀ-Þ][\w’'-]+)){0,4})"

# "Dr. Omar Fenn", and in British style without the period "Dr Helen Carew", "Mrs Tovey", "Cllr Ann Roe"
# and the abbreviated ranks and offices of Canadian and British news: "Coun. Ann Roe", "Const. Tom Hale",
# "Lt.-Col. Ian Ross", "Staff Sgt. Lee Ma", "Rev. Ola Dunn"
RANK = r"(?:Coun|Couns|Const|Cst|Cpl|Sgt|Supt|Insp|Det|Rev|Hon|Capt|Maj|Lt|Col|Gen|Adm|Brig|Cmdr|Pte|Atty|Sen|Rep|Gov|St)"
RANKED = r"(?:Staff\s+|S/)?" + RANK + r"\.(?:-" + RANK + r"\.)?\s+"
HONORIFIC = r"(?:(?:Dr|Prof|Mr|Mrs|Ms|Cllr|Fr)\.?\s+|" + RANKED + r")"
NAME_CORE = (r"(?:(?:Dr|Prof|Mr|Mrs|Ms|Cllr|Fr)\.?\s+|" + RANKED + r")?(?:[A-Z]\.){0,2}\s?[A-ZÀ-Þ][\w’'-]+"
             r"(?:\s+(?:[A-Z]\.|Ó|[A-ZÀ-Þ][\w’'-]+)){0,3}")
NAME_PHRASE = re.compile(r"\s*" + NAME_CORE + r"\s*")
PARTY_TAG = r"\([A-Z]-[\w. ]{1,12}\)"  # "(D-Wis.)", "(R-OH)"

GROUP_SPEAKER = re.compile(r"(?i)(?:both|the two|the)\s+(?:leaders|presidents|heads of state)")


def is_name(phrase: str) -> bool:
    """"Archer", "Dr. Omar Fenn", "Gov. John Kasich (R-OH)": a person's name, not "China Foreign Affairs University"."""
    phrase = bare_name(phrase)
    return bool(NAME_PHRASE.fullmatch(phrase)) and not any(word in NOT_NAMES for word in phrase.split())


def bare_name(phrase: str) -> str:
    """ "Gov. John Kasich (R-OH)" -> "John Kasich": the name without honorific and party tag."""
    return re.sub(r"\s*" + PARTY_TAG + "$", "", re.sub("^" + HONORIFIC, "", phrase.strip()))


def named(phrase: str | None, appositive: str | None) -> str | None:
    """"its director, Leo Marsh," and "One of them, Ruta Kask,": the name in the appositive is the speaker (after a
    role it gives first: "emergency physician Dr Ann Roe"); so is an organisation's ("…, the Public Service Alliance,")."""
    appositive = re.sub(r"^\s*(?:(?!(?:the|an?)\s)[a-z][\w-]*\s+){1,3}(?=[A-Z])", "", appositive) if appositive else appositive
    if phrase and appositive and is_name(appositive) and not is_name(phrase):
        return bare_name(appositive)
    organisation = ORGANISATION_APPOSITIVE.fullmatch(appositive.strip()) if phrase and appositive else None
    if organisation and phrase and phrase.split()[-1] in ORG_NOUNS:
        return organisation.group("name")
    return phrase


ORGANISATION_APPOSITIVE = re.compile(r"(?:[Tt]he\s+)?(?P<name>" + ORG_NAME + r")")


INTRODUCTORY = re.compile(  # "On Thursday, after remaining neutral throughout the primary, Warren …"
    r"(?:\s*(?i:in|on|at|here|there|after|before|during|earlier|later|speaking|while|when|last|this|for|with|from|since)\b"
    r"[^,;“”\"]{0,80},\s*"
    r"|\s*[A-Z][a-z]+(?:ed|ing|ly)\s+(?:by|to|with|in|at|from|for|about|on|[a-z]+ing)\s[^,;“”\"]{0,80},\s*"  # "Reached by X, "
    r"|\s*(?:[A-Z][\w.]*[ ,]*){1,4}(?:\([A-Z][\w ]{1,12}\))?\s*[–—-]{1,2}\s)+"  # datelines: "Washington (AFP) – ", "LA CROSSE, Wisc. — "
)


# a sentence opening with a description and its verb: "The foreign ministry's office also published a notice"
OPENING_DESCRIPTION = re.compile(r"\s*(?P<who>[Tt]he\s+(?:[\w’'-]+\s+){0,4}?[a-z][\w-]*)\s+(?:also\s+|later\s+|then\s+)?"
                                 r"(?:[a-z]+ed|issued|said|put|sent|wrote|made|gave|took|held)\b")


def sentence_subject(text: str, sentence_start: int, cue_at: int) -> tuple[str, int] | None:
    """The first name in the sentence before a participle cue: "Huma Abedin, vice chairwoman …, emailed …, telling"."""
    intro = INTRODUCTORY.match(text, sentence_start, cue_at)  # "Here in Columbia, Sanders stepped up …, saying"
    sentence_start = intro.end() if intro else sentence_start
    described = OPENING_DESCRIPTION.match(text, sentence_start, cue_at)
    if described:  # "The diocese issued a second statement on Tuesday, saying": the body, not "Tuesday"
        return described.group("who"), described.start("who")
    for match in NAME_PHRASE.finditer(text, sentence_start, cue_at):
        name = without_openers(match.group(0).strip())  # "And then Trump went on the attack, saying"
        opening = not without_openers(text[sentence_start : match.start()].strip(" ,"))  # "Here in Columbia, Sanders"
        if name.lower().rstrip(".") in MONTHS:
            continue  # "WASHINGTON, Dec. 8 (UPI) —"
        if name and not is_name(name):  # "Foreign Affairs Minister Chrystia Freeland": the name after the title
            run = CAPITALISED_RUN.match(text, match.start() + len(match.group(0)) - len(match.group(0).lstrip()))
            name = clean_name(run.group(0)) if run else None
            if name:
                return name, run.end() - len(name)  # type: ignore[union-attr]
            continue
        if name and is_name(name) and (" " in name or opening or match.group(0).strip() != name):
            return name, match.end() - len(name)
    return None


# an aside between the speaker and the cue: "X, during a visit to …, said", "X, who is a pastor at …, said", "X, 22, said"
# ("X, a 1989 graduate and a commissioner in Kenton County, where …, said", "X, Minister of Innovation, Science and …, said")
ASIDE = re.compile(r"(?:during|in|at|on|from|with|for|via|of|an?)\s"
                   r"|(?:who|which)\s+(?:is|was|has|had|serves|served|leads|led|heads|headed|runs|ran)\s|\d+$"
                   r"|(?:Minister|President|Director|Chair|Chairman|Chairwoman|Secretary|Chief|Head|Dean|Professor)\s+(?:of|for)\s")


# a speaker phrase that holds a saying verb: the sayer, then the reported clause's subject
REPORTED_SUBJECT = re.compile(r"^(?P<sayer>.*\S)\s+(?:said|says|told\s+\w+|added|argued|insisted|claimed|wrote|noted|"
                              r"explained|stressed)\s+(?:that\s+)?(?P<subject>\S.*)$", re.S)


CAPITALISED_RUN = re.compile(r"[A-ZÀ-Þ][\w’'-]+(?:\s+(?:[A-Z]\.|[A-ZÀ-Þ][\w’'-]+)){0,6}")
PARTICLE_NAME = re.compile(r"(?:al|el|ad|ash|as|ar)-[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*")  # "al-Shabaab", "al-Qaeda"
SUBORDINATOR = re.compile(r"(?i)(?:even\s+)?(?:though|although|if|because|when|while|since|unless|after|before|as)\s")


def reported_subject(window: str) -> str:
    """"Holt said the union had called it “reckless”": the union called it. A longer phrase after the saying verb
    ("Holt says Reed’s flurry of late-night posts was “unhinged”") is no speaker: the words are the sayer's."""
    found = REPORTED_SUBJECT.match(window)
    if found is None:
        return window
    subject = found.group("subject")
    if SUBORDINATOR.match(subject):  # "Freeland said even though Canada believes …": she is the speaker
        return found.group("sayer")
    return subject if len(subject.split()) <= 4 and not re.search(r"[’']s\b", subject) else found.group("sayer")


ADVERBS_BEFORE_CUE = re.compile(r"(?:\s+(?:also|later|then|has|had|have|once|previously|recently|reportedly|still|often|"
                                r"always|never|again|even|just|now|sometimes|[a-z]+ly))+$")


def subject_before(text: str, sentence_start: int, cue_at: int) -> str | None:
    """The speaker phrase ending at a cue: "Pat Caddell", "Joe Maloy, a Republican from Concord,"."""
    start = max(sentence_start, cue_at - 160)
    window = ADVERBS_BEFORE_CUE.sub("", text[start:cue_at].rstrip())  # "Roe, a retired nurse, later (told)"
    appositive = re.search(r",([^,]{1,120}),$", window)
    window = ADVERBS_BEFORE_CUE.sub("", re.sub(r",[^,]{1,120},$", "", window).rstrip())  # drop an appositive
    window = re.sub(r"(?:\s+[a-z]+){1,4}\s+to$", "", window)  # "She went on to (say)", "Trump was quick to (add)"
    window = coordinated_subject(window)
    match = re.search(r"(?:^|[,;:—–]\s*|\b(?i:and|but|as|while|when|because)\s+)([^,;:—–]{1,80})$", window)
    subject = (match.group(1) if match else window).strip()
    phrase = reported_subject(after_subordinator(subject))
    aside = ASIDE.match(phrase) and after_subordinator(subject) == subject  # "when a friend" is a clause's subject
    relative = IN_RELATIVE_CLAUSE.search(window, 0, match.start(1)) if match else None  # "… whose wife, Ann Roe, …"
    if match and match.start() > 0 and (aside or relative) and text.startswith(window, start):
        before = subject_before(text, sentence_start, start + (relative or match).start())  # the words before the aside
        if before and is_name(before):
            return before
    if re.match(r"[“\"]\w", phrase):  # the words of a quote, not a speaker
        return None
    phrase = phrase.lstrip("”\" ")  # "on CBS’s “Face the Nation,” House Speaker Paul D. Ryan said"
    phrase = re.sub(r"^(?i:while|when|because|although|though|but|and|as)\s+", "", phrase)  # "While both leaders"
    return named(phrase, appositive.group(1) if appositive else None) or None


SUBORDINATE = re.compile(r".*\b(?:when|while|because|after|before|until|since|once|whereas)\s+(?=\S)", re.S)


def after_subordinator(phrase: str) -> str:
    """ "I was at a barbecue when a friend" (before "wondered"): the cue's subject is the subordinate clause's."""
    clause = SUBORDINATE.match(phrase)
    return phrase[clause.end() :] if clause else phrase


DETERMINERS = frozenset("Her His Their Its Our My The A An This That".split())
ROLE_WORD = re.compile(r"[\w’'.]+-[\w’'.-]+|(?:" + "|".join(ROLE_NOUNS) + r")s?|of|for|at")


FIRST_VERB = re.compile(r"(?:" + FINITE_CUE + r")|[a-z]+ed|is|was|were|are|has|had|have|will|would)")


def coordinated_subject(window: str) -> str:
    """ "… Adelson met with Trump in December and" (before "declared"): the subject of both verbs, "… Adelson"."""
    parts = re.split(r"[,;:]\s", window)
    head, words = window[: len(window) - len(parts[-1])].rstrip(" ,;:"), parts[-1].split()
    if len(words) < 3 or words[-1] not in ("and", "but"):
        return window
    if words[0][0].islower() and not ROLE_WORD.fullmatch(words[0]):  # "Sheldon Adelson, a donor, met … and"
        named = [part for part in parts[:-1] if part.split() and part.split()[-1][0].isupper()]
        return named[-1] if named else window
    if words[0] in ("The", "A", "An"):  # "The Billy on the Street star said he was gay and": the noun phrase, whole
        verb = next((i for i, w in enumerate(words[1:-1], 1) if FIRST_VERB.fullmatch(w)), None)
        return f"{head}, {' '.join(words[:verb])}" if verb and head else " ".join(words[:verb]) if verb else window
    for i, word in enumerate(words[:-2]):
        following = words[i + 1]  # "Democratic front-runner Hillary Clinton": a role word goes on with the name
        named = (word[0].isupper() and word not in DETERMINERS) or re.fullmatch(PARTY_TAG, word)  # "Grassley (R-Iowa)"
        joined = following in ("and", "&") and words[i + 2][:1].isupper()  # "Minister for Further and Higher Education …"
        if named and following[0].islower() and not ROLE_WORD.fullmatch(following) and not joined:
            return f"{head}, {' '.join(words[: i + 1])}" if head else " ".join(words[: i + 1])  # "Her grandson Tom Berg"
    return window


# sentence openers that a subject-before-the-cue reading picks up: "And then he", "Here is what the senator",
# "Last Monday the mayor", "Shortly": dropped from the front of a speaker phrase
OPENERS = frozenset(
    "and but or so yet here there is what it it’s it's not to like later last shortly speaking during after before "
    "then now today yesterday tonight hours days minutes weeks months years earlier meanwhile besides perhaps first "
    "second finally nonetheless nevertheless however instead indeed moreover furthermore ultimately eventually "
    "initially still though".split()
) | set(WEEKDAYS) | {m for m in MONTHS if len(m) > 3 and m != "sept"}  # "May" stays: it is also a name


# where the words were said, before the speaker: "In a statement last week the company said"
SETTING_OPENER = re.compile(
    r"^(?:In|At|On|During|Later|Earlier)\s+(?:a|an|the|his|her|its|their)\s+(?:[a-z]+\s+)?(?:statement|interview|briefing|"
    r"speech|letter|post|email|tweet|meeting|hearing|conference)(?:\s+(?:last|this|on|earlier|later)\s+\w+)?\s*,?\s+(?=\S)")


def without_openers(phrase: str) -> str:
    """The speaker phrase without leading openers and dates; empty for a dateline ("WASHINGTON")."""
    if phrase.isupper() and len(phrase) > 4:
        return ""
    phrase = SETTING_OPENER.sub("", phrase)
    words = phrase.split()
    while words and re.sub(r"[’']s$", "", words[0].lower().rstrip(",")) in OPENERS:
        words.pop(0)
    return " ".join(words)
