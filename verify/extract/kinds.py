"""The kind of organisation a name says it is, so "the utility" finds "Northvale Power" and "the union" finds
"United Bakery and Confectionery Workers Local 407" though the article never calls them so.

News introduces most organisations by name alone and refers back by kind: "Northvale Power … the utility",
"Fenwick Constabulary … police", "Ministry of Inland Fisheries … the ministry". The name's head word carries the
kind (the last word before any "of": "Utility and Review Board" is a board); a head word that is also a family
name ("Power", "Bank") only counts in a longer name.
"""

from __future__ import annotations

import re

# a word of the name -> the kinds a later description may use for the organisation
NAME_KINDS: dict[str, frozenset[str]] = {
    word: frozenset(kinds.split()) for words, kinds in (
        ("power hydro electric electricity utility utilities", "utility company corporation"),
        ("energy gas pipeline pipelines oil petroleum", "company firm corporation"),
        ("corp corporation inc ltd limited llc plc co company holdings group industries enterprises", "company firm"),
        ("motors mining shipping logistics foods systems technologies pharmaceuticals telecom communications foodstores "
         "stores supermarkets laboratories therapeutics brands "
         "construction freight terminals biosciences biotech analytics software labs solutions robotics studios ventures "
         "networks", "company firm operator"),
        ("partners capital advisors advisers consulting research", "firm company"),
        ("airlines airways air", "airline carrier company"),
        ("railway railways rail", "railway company"),
        ("bank", "bank lender"),
        ("insurance assurance mutual insurers", "insurer company firm"),
        ("union local workers teamsters steelworkers federation", "union"),
        ("constabulary police", "police force service"),
        ("rcmp", "police force"),
        ("university", "university school"),
        ("college", "college school"),
        ("ministry", "ministry government department"),
        ("department", "department ministry government"),
        ("agency services region", "agency"),
        ("authority", "authority agency"),
        ("commission", "commission agency"),
        ("board", "board"),
        ("council", "council"),
        ("court", "court"),
        ("hospital hospice", "hospital"),
        ("library libraries", "library"),
        ("museum gallery", "museum gallery"),
        ("festival", "festival"),
        ("theatre theater orchestra", "company"),
        ("association", "association group"),
        ("party", "party"),
        ("club athletic rovers wanderers albion fc afc hotspur thistle", "club team"),
        ("press publishing publishers books", "publisher company firm"),
        ("team squad", "team"),
        ("foundation", "foundation charity"),
        ("institute", "institute"),
        ("network", "network broadcaster"),
        ("office", "office"),
        ("society", "society group"),
        ("coalition alliance", "coalition group"),
        ("trust", "trust"),
        ("fund", "fund"),
        ("district", "district"),
        ("diocese archdiocese", "diocese church"),
        ("church", "church"),
        ("school academy", "school"),
    ) for word in words.split()
}
# name words never a person's family name: a name ending in one is an organisation, however it acts
INSTITUTION_ENDINGS = frozenset(
    "Constabulary Police University College Ministry Department Hydro Union Council Commission Authority Agency "
    "Airlines Airways Association Corporation Foundation Institute Hospital Railway Board Federation Services Utility "
    "Utilities Committee Tribunal Bureau Coalition Alliance Clinic Band Society Network Library Libraries Museum Gallery "
    "Zoo Cathedral Orchestra Hospice Festival Academy Centre Center Theatre Theater School Schools Trust Region Health Thistle Press Publishing Publishers Books".split())
# a company's trade in the plural, never a family name: "Brenmoor Pharmaceuticals", "Pennywell Foodstores"
COMPANY_TRADES = frozenset("Pharmaceuticals Foodstores Stores Supermarkets Laboratories Technologies Industries Enterprises "
                           "Holdings Logistics Therapeutics Brands Motors Biosciences Analytics Software Labs Solutions Robotics "
                           "Studios Ventures Systems Networks Partners".split())
# "Local 912": a union branch, named by number
UNION_LOCAL = re.compile(r"\bLocal\s+\d{1,5}$")


def name_kinds(name: str) -> set[str]:
    """The kinds the words of an organisation's name imply: "Northvale Power" -> utility, company, corporation
    ("Power" alone, a family name too, says nothing)."""
    if UNION_LOCAL.search(name):
        return {"union"}
    if len(name.split()) < 2 and name.lower() != "rcmp":
        return set()
    # the head word says the kind: "Utility and Review Board" is a board, "Ministry of Rural Affairs" a ministry
    return set(NAME_KINDS.get(head_word(name), ()))


def head_word(name: str) -> str:
    """ "Ministry of Inland Fisheries" -> "ministry", "Dunmore Regional District" -> "district"."""
    words = re.split(r"\s+of\s+", name)[0].split()
    return words[-1].lower().strip(".,’'") if words else ""


def is_institution(name: str) -> bool:
    """ "Delmont Constabulary", "Harwick University", "Workers Local 912": never a person's name."""
    words = name.split()
    return len(words) >= 2 and (words[-1] in INSTITUTION_ENDINGS | COMPANY_TRADES or bool(UNION_LOCAL.search(name)))


# what a company sells, as the last word of its name: "Northvale Power", "Cobalt Ridge Mining" (a family name
# too, so only a name no role or title makes a person's)
COMPANY_HEADS = frozenset("Power Electric Energy Hydro Utilities Pipelines Pipeline Properties Mining Resources Motors Foods "
                          "Telecom Airlines Bank Ferries Buses Insurance".split())


def is_company_name(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and words[-1] in COMPANY_HEADS
