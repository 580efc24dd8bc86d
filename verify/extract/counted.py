"""What a figure counts: the noun phrase after it ("11th visit to Russia", "bilateral cooperation agreements"),
or the one its verb implies ("have met over 40 times" counts meetings)."""

from __future__ import annotations

import re

from verify.dates import MONTHS as MONTH_NAMES, WEEKDAYS
from verify.extract.numbers import TENS, UNITS

NOUN_STOP = {
    "was", "were", "is", "are", "be", "been", "has", "have", "had", "will", "would", "and", "or", "but",
    "that", "which", "who", "in", "on", "at", "for", "with", "from", "by", "as", "since", "than", "this",
    "it", "its", "their", "the", "a", "an", "he", "she", "they", "said", "says", "across", "during", "after",
    "before", "into", "while", "when", "where", "including", "of", "to", "last", "next", "each", "every", "per",
    # "22 years ago", "half a point less", "three debates Monday": a time or a comparison ends the noun phrase
    "whom", "whose", "according", "ago", "less", "more", "fewer", "better", "worse", "higher", "lower", "earlier", "later",
    # "8 per cent over two years", "40 km within the city": a preposition after a figure starts no noun phrase
    "over", "under", "within", "through", "throughout", "between", "among", "around", "about", "against", "above",
    "below", "beyond", "until", "via", "despite", "towards", "toward", "amid",
    # "7.5 miles offshore", "12 kilometres off the bar", "40 km away": where, not what is counted
    "off", "offshore", "away", "inland", "apart", "upstream", "downstream",
} | set(WEEKDAYS) | {m for m in MONTH_NAMES if len(m) > 3} - {"march", "sept"}  # "two march routes", "May" stay nouns
LINK_PREPOSITIONS = {"of", "to", "in"}
OBJECT_AFTER = re.compile(r"\s+(?:the|a|an|his|her|its|their|our|this|that|these|those)\b", re.I)
PARTITIVE = {"the", "its", "their", "his", "her", "our", "these", "those"}
POSSESSIVE = re.compile(r"[’']s?$")
VERB_STOP = {"died", "fell", "rose", "stood", "went", "came", "met", "made", "took", "gave", "say", "said", "rallied", "grew", "can", "could", "may", "might", "must",
             "sent", "held", "won", "lost", "left", "paid", "kept", "told", "found", "built", "brought", "bought", "sold",
             "spent", "shown", "taken", "given", "seen", "known", "written", "ran", "began", "became", "got", "contain",
             "contains", "include", "includes", "remain", "remains", "show", "shows", "showed"}
WORD = re.compile(r"[A-Za-z][\w’'-]*")


# "about a third of what the region needs" is a third of the region's needs: the verb of a "what" clause names the
# whole the share is of
OF_WHAT = re.compile(r"\s+of\s+what\s+(?:[\w’'-]+\s+){1,3}?(?:will\s+|would\s+|now\s+)?(?P<verb>[a-z]+)(?=\s*(?:[,.;:]|$))", re.I)


def counted_after(sentence: str, end: int) -> str:
    """What a number counts, read after it: "bilateral cooperation agreements", "visit to Russia"; "needs" for "a third
    of what the region needs"."""
    whole = OF_WHAT.match(sentence, end)
    return whole.group("verb") if whole is not None else noun_phrase_after(sentence, end)


def noun_phrase_after(sentence: str, end: int) -> str:
    """The noun phrase right after a number: "bilateral cooperation agreements", "visit to Russia"."""
    words: list[tuple[str, int]] = []
    skipped_of = skipped_more = False
    cursor = end
    for match in WORD.finditer(sentence, end):
        gap = sentence[cursor : match.start()]
        # "11-year-old" joins, "1.8 percent - better than …" does not
        if (not words and gap.strip() and gap != "-") or any(ch in gap for ch in ",;:.!?()“”\"") or (
                words and any(ch.isdigit() for ch in gap)):
            break
        word = match.group(0)
        lower = word.lower()
        if words and (lower in UNITS or lower in TENS):
            break  # "the second time in three years": another count begins
        cursor = match.end()
        if lower == "of" and not words and not skipped_of:
            skipped_of = True  # "40 percent of voters", "dozens of protesters"
            continue
        if skipped_of and not words and lower in ("them", "us"):
            break  # "212 of them": what they are was said before
        if skipped_of and not words and (lower in PARTITIVE or POSSESSIVE.search(word)):
            continue  # "14 of the city's libraries", "a fifth of its staff" count libraries and staff
        if lower in ("more", "fewer") and not words:
            skipped_more = True  # "one more increase", "two more years"; "hundreds more showed up" counts nothing
            continue
        if lower in LINK_PREPOSITIONS and words and len(words) < 5:
            words.append((lower, match.end()))
            continue
        if lower in NOUN_STOP or len(words) >= 6:
            break
        if ends_noun_phrase(word, sentence, match.end(), bool(words) or skipped_more):
            break  # "7 people died", "300 farmers rallied": the verb ends the noun phrase
        words.append((word, match.end()))
        if words[-2:-1] and words[-2][0] in LINK_PREPOSITIONS and not word[0].isupper():
            break  # keep at most a short proper-noun object after the preposition
    while words and words[-1][0] in LINK_PREPOSITIONS:
        words.pop()
    return " ".join(w for w, _ in words)


def ends_noun_phrase(word: str, sentence: str, end: int, after_a_noun: bool) -> bool:
    """A verb: "7 people died"; "11 registered voters" counts voters; "41,250 watched the match" counts nothing."""
    lower = word.lower()
    participle = lower.endswith("ed") and (after_a_noun or bool(OBJECT_AFTER.match(sentence, end)))
    return (lower in VERB_STOP or participle) and not word[0].isupper()


# "have met over 40 times": the count is of meetings, which is what evidence will call them
VERB_NOUNS = {"met": "meetings", "meet": "meetings", "visited": "visits", "visit": "visits", "spoke": "conversations",
              "spoken": "conversations", "talked": "talks", "called": "calls", "phoned": "calls", "travelled": "trips",
              "traveled": "trips", "won": "wins", "lost": "defeats", "voted": "votes", "struck": "strikes",
              "attacked": "attacks", "launched": "launches", "fired": "launches", "played": "games", "scored": "goals",
              "visiting": "visits", "meeting": "meetings", "travelling": "trips", "traveling": "trips", "toured": "visits",
              # "drivers have walked out for the fifth time": a walkout is a strike
              "walked out": "strikes", "walk out": "strikes", "walking out": "strikes", "walks out": "strikes",
              "went on strike": "strikes", "go on strike": "strikes", "gone on strike": "strikes"}
_VERBS = "|".join(sorted(VERB_NOUNS, key=len, reverse=True))  # the longest first: "walked out" before "walked"
VERB_BEFORE = re.compile(r"\b(?P<verb>" + _VERBS + r")\s+(?:[a-z]+\s+){0,2}$")


TIMES = re.compile(r"^(?:times?|occasions?)\b", re.I)
AUXILIARY = r"(?:(?:has|had|have|was|were|is|are|will|would)\s+(?:been\s+|now\s+|already\s+)?)?"
ACTION = r"(?P<verb>" + _VERBS + r"|visits|meets|travels|[a-z]{3,}ed)"
# "the seventh time Marek had visited", "the fifth time that the two have met": the verb after says what is counted
# "the fourth time in a year that Sundlink has raised its fares": the period first, and the verb's object
VERB_AFTER_TIMES = re.compile(r"\s+(?:times?|occasions?)(?:\s+in\s+(?:a|an|one|the\s+(?:past|last)|[a-z]+|\d+)\s+[a-z]+)?"
                              r"\s+(?:that\s+|when\s+)?(?:[A-Za-z][\w’'-]*\s+){0,4}?" + AUXILIARY + ACTION
                              + r"\b(?P<object>\s+(?:the|its|his|her|their)\s+[a-z][\w-]*(?=[\s,.;:]|$))?")
# "Marek visited Ostrel for the seventh time", "he was arrested for a third time"
VERB_BEFORE_TIMES = re.compile(r"\b" + ACTION + r"(?P<object>(?:\s+[\w’'-]+){0,5}?)\s+(?:(?:for\s+)?(?:the|a|an)\s+)?$")
# "won the league for the 11th time": a thing, not a name, as the verb's object is what is counted
THING_OBJECT = re.compile(r"^\s+(?:the|its|his|her|their)\s+(?P<thing>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)$")
# "have been champions eleven times", "were runners-up four times": how often something was what the noun says
BEEN_BEFORE_TIMES = re.compile(r"\b(?:been|were|was|became|become)\s+(?:(?:the|league|world|national|european)\s+)?"
                               r"(?P<noun>[a-z][\w-]*s)\s+$")
NOT_ACTIONS = {"need", "used", "based", "expected", "planned", "scheduled", "reported", "confirmed", "said", "noted",
               "added", "announced", "stated"}


def counted_in_clause(sentence: str, start: int, counted: str) -> str:
    """What a count of times counts, read from its clause: "the seventh time Marek had visited", "visited for the
    seventh time" and "visited 11 times" count visits; "times" alone counts nothing ("three times as many")."""
    if not TIMES.match(counted):
        return counted
    by_verb = counted_by_verb(sentence[:start], "times")
    if by_verb != "times":
        return by_verb
    after = VERB_AFTER_TIMES.match(sentence, sentence.find(counted.split()[0], start) - 1)
    before = VERB_BEFORE_TIMES.search(sentence[max(0, start - 80) : start].split(",")[-1])
    being = BEEN_BEFORE_TIMES.search(sentence[max(0, start - 60) : start])
    if being and not after:  # "have been champions eleven times": eleven times champions, eleven titles
        return being.group("noun")
    for found in (after, before):
        if found and found.group("verb").lower() not in NOT_ACTIONS:
            thing = THING_OBJECT.match(found.groupdict().get("object") or "")
            if thing:
                return thing.group("thing")
            verb = found.group("verb").lower()
            return VERB_NOUNS.get(verb, VERB_NOUNS.get(verb.rstrip("s"), verb))
    return ""


def counted_by_verb(before: str, counted: str) -> str:
    """"met over 40 times" counts meetings; "visited Russia 11 times" counts visits."""
    if counted.lower() not in ("times", "occasions"):
        return counted
    verb = VERB_BEFORE.search(before[-40:])
    if verb is None:  # "visited Russia 11 times": an object between verb and number
        verb = re.search(r"\b(?P<verb>" + _VERBS + r")\s+(?:[A-Z][\w’'-]*\s+){1,3}$", before[-50:])
    return VERB_NOUNS[verb.group("verb")] if verb else counted


# "a twelve-member team", "a 40-strong crew", "a five-person panel": the figure is the size of a group, written as
# an adjective before it; it counts the group's members, never some of them ("two members of the crew")
GROUP_SIZE = re.compile(r"-(?:member|person|people|man|men|woman|women|strong)\s+(?=[a-z])", re.I)


def group_size_counted(sentence: str, end: int) -> str | None:
    """What a group-size adjective counts: the members it names ("a twelve-member team of chemical-hazard
    specialists" counts specialists), else the group ("a 40-strong crew" counts the crew, not crew members)."""
    compound = GROUP_SIZE.match(sentence, end)
    if compound is None:
        return None
    group = counted_after(sentence, compound.end())
    members = re.match(r"^\S+(?:\s+\S+)?\s+of\s+", sentence[compound.end() :])
    if members and " of " in f" {group} ":
        return counted_after(sentence, compound.end() + members.end()) or group
    return group


# "a crowd of 41,250", "a peak workforce of 4,000", "the club's record attendance of 41,250": a group named before
# the figure says what it counts when nothing after it does. Only groups whose size is a head count: "a list of
# 212,000" counts people on it, "a fleet of 12" vessels, and neither names them.
GROUP_NOUNS = ("crowd", "attendance", "audience", "workforce", "staff", "population", "membership", "electorate",
               "congregation", "army", "garrison", "contingent", "delegation", "crew")
GROUP_BEFORE = re.compile(r"\b(?:an?|the|its|their|his|her|our|this|that)\s+(?:[\w’'-]+\s+){0,2}?(?P<noun>"
                          + "|".join(GROUP_NOUNS) + r")\s+of\s+$", re.I)


def group_before(sentence: str, start: int) -> re.Match[str] | None:
    """The group a figure is the size of, named before it ("a crowd of 41,250"), matched in `sentence[:start]`."""
    return GROUP_BEFORE.search(sentence, max(0, start - 60), start)


# "The number of people waiting for planned surgery fell to 212,400", "cutting the number of routes from 64 to 53":
# a bare figure its clause ties to "the number of X" by a verb's "to", "from", "at" or "by" counts X
NUMBER_OF = re.compile(r"\bthe\s+(?:total\s+)?number\s+(?:of\s+)?|"  # "the number waiting": of those waiting
                       r"\bthe\s+(?:[a-z][\w-]*\s+)?(?P<list>waiting\s+list)\s+", re.I)
# "reached a record 251,000", "rose to a new high of 4,000": a record says how high the level is, not what it counts
TIED = re.compile(r"\b(?:to|from|at|by|reached|hit|topped|totalled|totaled|was|is|were|are)\s+"
                  r"(?:an?\s+(?:new\s+|fresh\s+|all-time\s+)?(?:record|high|low|peak)\s+(?:(?:high|low)\s+)?(?:of\s+)?)?$", re.I)
CLAUSE_BREAK = re.compile(r"[,;:()“”\"]|\d")


def counted_by_number_of(sentence: str, start: int) -> str:
    """What "the number of X" before a bare figure in its clause counts: X. A waiting list is the number of people
    waiting, said in one noun: "the surgery waiting list stood at 212,400" counts people waiting."""
    window = sentence[max(0, start - 120) : start]
    found = list(NUMBER_OF.finditer(window))
    if not found or not TIED.search(window) or CLAUSE_BREAK.search(window, found[-1].end()):
        return ""
    return "people waiting" if found[-1].group("list") else counted_after(window, found[-1].end())


# "The ban, the authority's third since 2010, …", "The championship is Norhaven's eleventh.": an ordinal with no noun
# after it ranks the noun it stands in apposition to, or the subject it is said of
RANKER = r"(?:(?:its|their|his|her|the)\s+|(?:the\s+)?[A-Za-z][\w-]*[’']s?\s+)"
APPOSED = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<noun>[a-z][\w-]*)"
                     r"(?:\s*,\s*|\s+(?:is|was|will be|has been|had been|became|becomes)\s+)" + RANKER + r"$", re.I)


def apposed_noun(sentence: str, start: int) -> str:
    """The noun an ordinal at `start` with nothing counted after it is said of: "ban" for "The ban, its third"."""
    found = APPOSED.search(sentence[max(0, start - 80) : start])
    noun = found.group("noun").lower() if found else ""
    return found.group("noun") if noun and noun not in NOUN_STOP and not PERIODS.match(noun) else ""


PERIODS = re.compile(r"^(?:year|month|week|day|time|season|morning|afternoon|evening|night|weekend|decade|century)s?$")  # "this week is her fifth"


# "Vaccine uptake among over-65s was 71.3%", "turnout among young voters reached 40 percent": a share of the group
# named after "among", as "71% of over-65s" is
AMONG_BEFORE = re.compile(r"\bamong\s+(?P<group>(?:[\w’'-]+\s+){0,2}?[\w’'-]+)\s+(?:was|is|were|are|reached|hit|stood\s+at|"
                          r"rose\s+to|fell\s+to|climbed\s+to|dropped\s+to)\s+(?:(?:about|around|nearly|almost|just)\s+)?$", re.I)


def share_among(sentence: str, start: int) -> str:
    """The group a share at `start` is of, named after "among" in its clause: "over-65s"."""
    found = AMONG_BEFORE.search(sentence[max(0, start - 80) : start])
    return found.group("group") if found and not re.search(r"[,;:()]", found.group("group")) else ""


# "Vaccine uptake among over-65s was 71.3%, below the target of 75%": a target with no noun of its own is set for
# what its sentence measures, so it counts what the figure it is set against counts (a target share of over-65s)
TARGET_OF = re.compile(r"\b(?:target|goal|aim|objective)\s+(?:of|is|was|for)(?:\s+for)?\s+(?:an?\s+|the\s+)?"
                       r"(?:(?:about|around|some|at\s+least|at\s+most|nearly|almost|just\s+over|just\s+under)\s+)?$", re.I)


def is_target(sentence: str, start: int) -> bool:
    """Is the figure at `start` a target, goal or aim ("the target of 75%", "the goal is 2,000")?"""
    return bool(TARGET_OF.search(sentence[max(0, start - 40) : start]))


# "71% of people over 65", "adults aged over 75": people bounded by age are an age group, written as "over-65s" is
AGED = re.compile(r"\s+(?:aged\s+)?(?P<side>over|under)\s+(?P<age>\d{1,3})\b(?![.,]?\d|\s*(?:%|per\b|percent))", re.I)
PEOPLE_WORDS = ("people", "persons", "adults", "those")


def as_age_group(sentence: str, end: int, counted: str) -> str:
    """"people over 65" after a figure ending at `end` is the age group "over-65s"; any other counted phrase stays."""
    if counted.lower() not in PEOPLE_WORDS:
        return counted
    at = sentence.find(counted, end)
    aged = AGED.match(sentence, at + len(counted)) if 0 <= at - end <= 12 else None
    return f"{aged.group('side').lower()}-{aged.group('age')}s" if aged else counted
