"""A capitalised word before a full name that is the person's title or label, not their first name.

News puts a job or a label before a name, capitalised as a title: "Provost Lionel Abernethy-Shaw", "Policyholder
Ray Dunleavy", "Coach Bob Tran". The word is no name when the article uses it as a common noun elsewhere ("the
provost", "2.3 million policyholders") or names the person elsewhere without it ("Bob Tran said").
"""

from __future__ import annotations

import re

# a common noun ending its phrase after a determiner or a number, past adjectives only: "the provost said", "a former
# policyholder,", "2.3 million policyholders." (not "the new revenue": "New" is no noun; not "the price rose.": a verb)
ADJECTIVE = r"(?:former|current|new|other|same|fellow|local|longtime|[a-z]+(?:al|ed|ent|ant|ive|ous|ic|ful|ary|ior))"
NOUN_USE = re.compile(r"\b(?:(?i:the|a|an|his|her|its|their|our|every|each)|\d[\d.,]*(?:\s+(?:million|billion|thousand))?)\s+"
                      r"(?:" + ADJECTIVE + r"\s+(?:and\s+" + ADJECTIVE + r"\s+)?)?([a-z][a-z-]*)(?=\s*[,.;:!?)”\"’\n]|"
                      r"\s+(?:said|says|told|who|was|is|has|had|and|or|of|in|at|for|with|from|on)\b)")


CAPITALISED_RUN = re.compile(r"[A-ZÀ-Þ][\w’'-]*(?:[ \t]+[A-ZÀ-Þ][\w’'-]*){1,5}")


def label_evidence(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """What tells a label from a first name, read in one pass each: the lowercase words the text uses as nouns after a
    determiner (singular too), and the names it writes opening a run of capitalised words ("Ray Dunleavy said")."""
    nouns: set[str] = set()
    for match in NOUN_USE.finditer(text):
        word = match.group(1)
        nouns.update((word, word[:-1] if word.endswith("s") else word))
    openings: set[str] = set()
    for match in CAPITALISED_RUN.finditer(text):
        words = match.group(0).split()
        openings.update(" ".join(words[:k]) for k in range(2, len(words) + 1))
    return frozenset(nouns), frozenset(openings)


def without_leading_title(name: str, evidence: tuple[frozenset[str], frozenset[str]]) -> str:
    """ "Policyholder Ray Dunleavy" -> "Ray Dunleavy" when the article writes "policyholders" elsewhere, or names
    "Ray Dunleavy" elsewhere without the word; a name of two words keeps both ("Will Ambrose" is a name)."""
    words = name.split()
    nouns, openings = evidence
    if len(words) < 3 or re.fullmatch(r"[A-Z]\.", words[0]):
        return name  # an initial is no label: "K. Radhakrishnan Nair"
    rest = " ".join(words[1:])
    return rest if words[0].lower() in nouns or rest in openings else name


# ranks abbreviated by letters from all through the word, not only its first ones: "Sgt", "Supt", "Cllr"
CONTRACTED_TITLES = frozenset("sgt supt insp cst cpl capt cmdr brig atty cllr pte".split())


def abbreviates(short: str, word: str) -> bool:
    """ "Sen" of "senator", "Det" of "detective", "Sgt" of "sergeant": a title's abbreviation is its first letters, or
    a known contraction of it ("chef" is no "chief")."""
    if word.startswith(short):
        return True
    letters = iter(word[1:])
    return short in CONTRACTED_TITLES and short[:1] == word[:1] and all(letter in letters for letter in short[1:])


# places a name in apposition can be: "Kusina Perla, a 38-seat Filipino restaurant on Rainier Avenue", "…, a family firm"
ESTABLISHMENTS = frozenset("restaurant café cafe bar pub bakery shop store hotel motel brewery winery distillery salon "
                           "diner bistro eatery grocery pharmacy garage farm ranch market mall cinema theatre theater "
                           "company firm business chain startup start-up retailer charity nonprofit non-profit cooperative "
                           "co-operative maker manufacturer supplier insurer lender utility airline carrier brand".split())
ROLE_HEAD_END = re.compile(r"\s(?:of|at|in|on|for|with|from|to|by|about|into|near|along|that|who|which|whose|where)\s")


def is_establishment(role: str) -> bool:
    """A role whose head noun is a kind of business ("a 38-seat Filipino restaurant on …", "a family firm"), not a
    person's ("a member of the board": its head is "member"; "reported irregularities to the office": no noun phrase)."""
    head = ROLE_HEAD_END.split(role, 1)[0].split()
    return bool(head) and role[:1].islower() and head[-1].lower() in ESTABLISHMENTS


# an office named by its portfolio before a name: "Minister of State for Tourism Aoife Brennan", "Superintendent of
# Police Rajesh Thakur", "Secretary of State for Health Ann Roe"
OFFICE_OF = re.compile(r"\b(?:Minister|Secretary|Superintendent|Commissioner|Inspector|Director|Chief|Head|Chair|Leader|"
                       r"Deputy|Controller|Registrar|State|(?i:pradhan|sarpanch|mayor|leader|chair|head))\s+(?:of|for)\s+"
                       r"(?:the\s+)?(?:[A-Z][\w-]*,?\s+)*(?:(?:and|&)\s+)?$")  # "Gram pradhan of Kandai Harish Negi"


def without_portfolio(name: str) -> str:
    """ "Foreign Affairs Ann Roe" -> "Ann Roe", "Finance K. Radha Nair" -> "K. Radha Nair": a portfolio's words
    before a first and last name (an initial starts the name)."""
    words = name.split()
    while len(words) > 2 and not re.fullmatch(r"[A-Z]\.", words[0]):
        words.pop(0)
    return " ".join(words)
