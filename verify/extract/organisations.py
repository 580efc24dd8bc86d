"""Organisations as an article names them: names that speak or own, names holding an institution word or
introduced with a kind ("lamp maker Orrin & Vale", "BC Hydro, the provincial utility"), the kinds each
carries, and the short names that stand for long ones ("Suncor" for "Suncor Energy", "EDC")."""

from __future__ import annotations

import re

from verify.extract.kinds import COMPANY_TRADES

SPEECH = (r"said|says|say|told|tells|added|adds|wrote|writes|explained|explains|noted|notes|argued|argues|admits|admitted|"
          r"insisted|insists|warned|warns|stated|states|asked|asks|replied|recalled|recalls|believes|thinks|agreed|agrees|"
          r"announced|confirmed|acknowledged|claimed|claims|suggested|suggests|testified")
# a capitalised name that speaks or owns: "Facebook said", "said Suncor", "Export Development Canada (EDC)", "Apple's"
ORG_NAME = r"(?:[A-Z][\w&’'-]*(?:\s+(?:&|of|and|for|de)\s+|\s+)){0,5}[A-Z][\w&’'-]*[\w](?:\s+\d{1,5}(?![\w.,]\d))?"  # "… Local 912"
ORG_SPEAKS = re.compile(r"(?<![\w.])(?P<name>" + ORG_NAME + r")(?:\s+\((?P<short>[A-Z]{2,6})\))?(?=\s+(?:" + SPEECH + r")\b|[’']s\s)")
# a company's full name ends in its legal form: "Hollister-Crane Appliance Co.", "Brill & Sons Ltd"
LEGAL_ENDINGS = frozenset("Co Inc Ltd Corp LLC PLC".split())
ORG_BY_ENDING = re.compile(r"(?<![\w.])(?P<name>(?:[A-Z][\w&’'-]*\s+(?:&\s+)?){1,5}(?:" + "|".join(LEGAL_ENDINGS)
                           + r")\b\.?)(?![\w])")
# a first and last name doing something: "Down the street, Mike McFadden also rejoiced"
NAME_ACTS = re.compile(r"(?<![\w.])(?P<name>[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][\w’'-]+)(?=\s+(?:also\s+|then\s+|later\s+)?[a-z]+(?:ed|s)\b)")
ORG_WORDS = ("company|corp|corporation|inc|ltd|group|bank|hydro|energy|airlines?|association|department|ministry|agency|"
             "council|board|union|police|service|services|office|commission|authority|university|college|party|court|"
             "league|club|federation|institute|foundation|society|network|railway|health|rcmp|government|team|"
             "organization|organisation|committee|institution|constabulary|airways|trust|fund|coalition|alliance|district|"
             "tribunal|bureau|clinic|diocese|archdiocese|church|school|hospital|library|museum|gallery|festival|theatre|zoo|hospice|region|publishing|publishers|books")
ORG_BY_WORD = re.compile(r"(?<![\w.])(?:[Tt]he\s+)?(?P<name>(?:[A-Z][\w&’'-]*\s+(?:of\s+|for\s+|and\s+)?){0,6}(?:" +
                         ORG_WORDS.title() + r"|Local\s+\d{1,5}|RCMP|OPP)(?:\s+of\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})?)\b")
# a company or utility named by what it sells, never alone: "Northvale Power", "Cobalt Ridge Mining"
ORG_BY_HEAD = re.compile(r"(?<![\w.])(?P<name>(?:[A-Z][\w&’'-]*\s+){1,4}(?:Power|Electric|Utilities|Pipelines?|Properties|"
                         r"Mining|Resources|Motors|Foods|Telecom|Athletic|Rovers|Wanderers|Albion|FC|AFC|" + "|".join(COMPANY_TRADES) + r"))\b")
# "a spokesperson for Northvale Power", "director of the Ostrel Institute": whom a person speaks for (two words or more)
ORG_AFFILIATION = re.compile(r"\b(?:spokes(?:person|man|woman)|director|president|chair(?:man|woman)?|CEO|head|manager|"
                             r"official|lawyer|representative)s?\s+(?:for|at|of|with)\s+(?:the\s+)?"
                             r"(?P<name>[A-Z][\w&’'-]*(?:\s+(?:&|of|and|for)\s+|\s+)" + ORG_NAME + r")")
NOT_ORGS = {"The", "This", "That", "He", "She", "It", "They", "We", "I", "But", "And", "In", "On", "At", "If", "When",
            "A", "An", "As", "So", "Some", "Many", "All", "One", "Two", "OK", "TV", "CEO", "AM", "PM", "US", "U.S", "UK",
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
# "Board chair Ed Whitley": the common noun capitalised to open a sentence, no organisation's whole name
GENERIC_BODIES = {"Board", "Council", "Committee", "Commission", "Department", "Office", "Agency", "Authority", "Library",
                  "Museum", "Gallery", "Festival", "Hospital", "School", "Theatre", "Zoo", "Hospice", "Trust", "Region",
                  "Team", "Club", "Union", "Association", "University", "College", "Institute", "Foundation", "Company",
                  "Corporation", "Government", "Ministry", "Group", "Party", "Court", "Police", "Airline", "Bank"}
PARTY_MEMBERS = {"Democrat", "Republican"}  # one member: "the Democratic Party", "the Republicans" are the party
ALONE_NOT_ORGS = NOT_ORGS | {"Canada", "Ottawa", "Washington", "Britain", "China", "Europe", "America"}  # places that "said"
# nouns naming an organisation ("the company said") and the names that carry them without saying so
ORG_NOUNS = {"company", "firm", "business", "utility", "department", "ministry", "agency", "bank", "airline", "carrier",
             "retailer", "automaker", "insurer", "lender", "railway", "railroad", "startup", "start-up", "maker", "manufacturer",
             "producer", "operator", "chain", "group", "organization", "organisation", "association", "union", "board",
             "council", "commission", "authority", "service", "office", "team", "club", "league", "network", "party",
             "corporation", "giant", "platform", "police", "force", "regulator", "watchdog", "university",
             "government", "court", "institute", "foundation", "charity", "province", "city", "diocese", "church", "school", "district",
             "hospital", "library", "museum", "gallery", "festival", "trust"}
FALLBACK_NOUNS = {"company", "firm", "business", "retailer", "automaker", "insurer", "lender", "startup", "start-up", "maker",
                  "manufacturer", "producer", "operator", "chain", "giant", "platform", "corporation", "carrier", "airline", "group",
                  "club"}
DOCUMENT_NOUNS = r"statement|report|release|news release|letter|memo|filing|study|survey|document|paper|ruling|decision"
SPELLED_OUT = re.compile(r"(?<![\w.])(?P<name>" + ORG_NAME + r")\s+\((?P<short>[A-Z]{2,6})\)")


EMPLOYER = re.compile(r"(?P<person>(?:[A-Z][\w’'.-]*\s+){2,5}?)of\s+(?:the\s+)?(?P<employer>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)$")


def bare_organisation(phrase: str) -> str:
    """The name without the sentence's openers and a person's titles: "But Hereditary Chief Na'moks" -> "Na'moks"."""
    from verify.extract.people import BODY_NOUNS, NOT_NAMES, is_title_word  # people imports this module

    words = re.sub(r"[’']s$", "", phrase).split()  # "Suncor’s"
    employer = EMPLOYER.match(" ".join(words))  # "Detective Superintendent Ann Roe of Fenwick Constabulary": her employer
    if employer and is_title_word(words[0]) and not is_title_word(employer.group("person").split()[-1]):
        words = employer.group("employer").split()
    # "Hereditary Chief Na'moks" is a person after a title; "… General Employees Union" a name holding a title word
    institution = bool(words) and bool(re.fullmatch(ORG_WORDS, words[-1].lower()))
    titled = [] if institution else [i for i, w in enumerate(words[:-1]) if is_title_word(w)]
    words = words[titled[-1] + 1 :] if titled else words
    if len(words) > 2 and re.search(r"[’']s$", words[0]):  # "Montreal’s Plateau Jazz Festival": its place, no name
        words = words[1:]
    while words and (words[0] in NOT_ORGS or (words[0] in NOT_NAMES and words[0] not in NAME_OPENING)
                     or re.fullmatch(r"[\w-]+-based", words[0])):
        words.pop(0)
    if words and words[-1] in PARTY_MEMBERS:
        return ""  # "the New Haven Democrat said": a member of a party, a person
    if len(words) == 1 and (words[0] in ALONE_NOT_ORGS | GENERIC_BODIES or re.fullmatch(BODY_NOUNS, words[0].lower())):
        return ""  # "Canada", "Monday", "Prosecutors say": alone, never an organisation of its own
    return "" if any(w in ("He", "She", "It", "They", "We", "I", "The", "This", "That") for w in words) else " ".join(words)


# words that open an organisation's name though never a person's ("United Food and Allied Workers", "Ministry of
# Rural Affairs", "National Energy Board"): kept at the front of a name, where sentence openers are dropped
NAME_OPENING = frozenset("United National International Global World State Department Ministry Academy Institute "
                         "University Centre Center Agency Organization Parliament Assembly Council Union Security Great "
                         "Western Foreign Port City Republic".split())


# words a company's full name ends with, which the article drops after introducing it: "Suncor Energy" -> "Suncor"
# (not a legal suffix alone: "TransCanada Corp" is as well called "TransCanada")
COMPANY_SUFFIX = (frozenset("Energy Group Company Holdings International Technologies Mining Resources Systems Airlines "
                           "Airways Motors Pharmaceuticals Partners Capital Financial Communications Media Networks "
                           "Industries Enterprises Brands Foods Entertainment Property Properties Analytics Software Labs "
                           "Solutions Robotics Biosciences Therapeutics Games Studios Ventures Logistics Travel "
                           "Club Rugby Football Cricket Hockey Athletic FC AFC Press Publishing Publishers Books".split())
                  | COMPANY_TRADES)


def long_forms(names: dict[str, set[str]]) -> dict[str, str]:
    """Each short name the article uses for a longer one it introduced: the longer one ("Suncor" -> "Suncor Energy"),
    when what the short one leaves off is a company's suffix (so "Facebook" is not "Facebook Research"), or the
    words before an institution's name ("Diocese of Covington" -> "Roman Catholic Diocese of Covington")."""
    longer: dict[str, str] = {}
    for name in names:
        words = name.split()
        for i in range(1, len(words)):
            # "Hollister-Crane" of "Hollister-Crane Appliance Co.": a trade and legal form dropped together
            dropped = words[i:]
            legal = len(dropped) >= 2 and dropped[-1].rstrip(".") in LEGAL_ENDINGS
            if legal or all(w in COMPANY_SUFFIX for w in dropped):
                short = " ".join(words[:i])
                if short in names and len(name) > len(longer.get(short, "")):
                    longer[short] = name
            tail = " ".join(words[i:])  # "Diocese of Covington" of "Roman Catholic Diocese of Covington"
            if tail in names and len(words) - i >= 2 and any(re.fullmatch(ORG_WORDS, w.lower()) for w in words[i:]):
                if len(name) > len(longer.get(tail, "")):
                    longer[tail] = name
    return longer


def is_personal(name: str) -> bool:
    """Could this organisation-looking name be a person's ("Na'moks", "Demi"), not "BC Hydro" or "EDC"?"""
    words = name.split()
    return (len(words) <= 2 and not name.isupper() and words[0] not in NOT_FIRST_NAMES
            and not any(re.fullmatch(ORG_WORDS, w.lower()) for w in words))


# capitalised words opening a name that is a party, place or body, never a person's: "New Democrats", "North Shore"
NOT_FIRST_NAMES = set("New Old North South East West Northern Southern Eastern Western Great United Royal National Liberal "
                      "Conservative Green Labour Democratic Republican Federal Provincial Canadian American British "
                      "European Prime Supreme High Upper Lower Central First".split())


ORG_NOUN = r"(?:" + "|".join(sorted(ORG_NOUNS)) + r")"
# "crest maker Procter & Gamble", "the utility BC Hydro": a kind of organisation before a capitalised name
ORG_KIND_BEFORE = re.compile(r"\b" + ORG_NOUN + r"(?:\s+|,\s+the\s+)(?P<name>" + ORG_NAME + r")(?![\w’'])")  # "union, the …"
# "Nordlight, the Lindhaven-based software group": the kind in apposition (not "a member of the board")
ORG_KIND_AFTER = re.compile(r"(?<![\w.])(?P<name>" + ORG_NAME + r"),\s+(?:a|an|the)\s+(?:(?!(?:of|for|at|with|in|to|who|which)\b)"
                            r"[\w-]+\s+){0,4}?" + ORG_NOUN + r"\b(?![’'])")
# "Unison, which represents library staff, said": a name "which" refers back to is no person's
ORG_WHICH = re.compile(r"(?<![\w.])(?P<name>" + ORG_NAME + r"),\s+which\s+(?!is\b|was\b)")
KIND = r"(?P<kind>(?:[a-z][\w-]*\s+){0,3}(?:" + "|".join(sorted(ORG_NOUNS)) + r"))"
# (not "…, the utility said": the subject of the next clause)
KIND_AFTER = re.compile(r"(?:[’']s)?,\s+(?:(?:a|an|the)\s+)?" + KIND + r"\b(?!\s+(?:(?:also|has|had|will|would|is|was)\s+)?(?:"
                        + SPEECH + r")\b)")
# "the utility BC Hydro", and in apposition "The province's largest union, the Public Service Alliance,"
KIND_BEFORE = re.compile(r"(?:\b(?:the|a|an)\s+|[’']s\s+|(?<![a-z]\s)\b)" + KIND + r"(?:\s+|,\s+(?:the\s+)?)$")


def kind_words(text: str, start: int, end: int) -> set[str]:
    """What an organisation is said to be at one mention: "BC Hydro, the provincial utility," or "the utility BC Hydro"."""
    words: set[str] = set()
    for match in (KIND_AFTER.match(text, end), KIND_BEFORE.search(text, max(0, start - 50), start)):
        if match:
            words |= {w.lower() for w in match.group("kind").split()}
    return words


WORD_BEFORE = re.compile(r"([A-Z][\w’'-]*)\s+$")


def inside_longer_name(text: str, at: int) -> bool:
    """Does a capitalised word other than a sentence opener ("But", "Then") stand right before `at`?"""
    from verify.extract.people import NOT_NAMES  # people imports this module

    before = WORD_BEFORE.search(text, max(0, at - 40), at)
    return bool(before) and before.group(1) not in NOT_NAMES  # type: ignore[union-attr]


TITLE_AFTER = re.compile(r"\s+(?:Minister|Critic|Secretary|Commissioner|Officer|Spokesperson)\b")


def in_place(text: str, start: int) -> bool:
    """ "scientists in Wales said": a name right after "in" is where the speakers are, not who speaks."""
    return bool(re.search(r"\bin\s+$", text[max(0, start - 4) : start]))


def portfolio(text: str, end: int) -> bool:
    """ "Health" of "Health Minister Rob Kells": a portfolio, not an organisation."""
    return bool(TITLE_AFTER.match(text, end))


def names_a_company(text: str, name: str) -> bool:
    """ "Tŷ Seren" where the article also writes "Tŷ Seren Press": the short name of a company, not a person."""
    return re.search(re.escape(name) + r"\s+(?:" + "|".join(COMPANY_SUFFIX) + r")\b", text) is not None
