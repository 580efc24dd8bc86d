"""A document as the speaker ("The statement said", "the white paper said", "The parole board decision … said"): the
words are whoever issued it, as its phrase or the sentences before name them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from verify.extract.organisations import DOCUMENT_NOUNS, ORG_NAME, ORG_NOUN, ORG_NOUNS

if TYPE_CHECKING:
    from verify.extract.people import People

# a document as the speaker: "The statement", "a report by the railway company", "a document titled … on X's website"
DOCUMENTS = r"(?:" + DOCUMENT_NOUNS + r"|white paper|news release|press release)"
DOCUMENT = re.compile(r"(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat)\s+(?:[a-z][\w-]*\s+){0,2}" + DOCUMENTS + r"(?:\s+(?:titled|entitled|by|from|of|on|in|released|issued|published|posted|[a-z]+ing)\b.{0,200})?", re.S)
# "The parole board decision allowing his release": the body before the document's noun issued it
ISSUER_BEFORE = re.compile(r"[Tt]he\s+(?P<by>(?:[a-z][\w-]*\s+){0,2}(?P<noun>[a-z][\w-]*))\s+(?:" + DOCUMENTS + r")\b")
ISSUER = r"(?:the\s+(?:[\w-]+\s+){0,2}?" + ORG_NOUN + r"\b|(?:the\s+)?" + ORG_NAME + r")"  # "the Calgary-based railway"
ISSUED_BY = re.compile(r"[^.!?\n]{0,200}?(?:\b(?:by|from)\s+(?P<by>" + ISSUER + r")|\b(?:on|in)\s+(?P<site>" + ORG_NAME
                       + r")[’']s\s+(?:website|site|blog))")
# "A report by the railway company details …", "The Beverage Association said in a statement that …"
DOCUMENT_INTRODUCED = re.compile(r"\b" + DOCUMENTS + r"\s+(?:by|from)\s+(?P<by>" + ISSUER + r")|(?P<who>" + ISSUER.replace("the", "[Tt]he", 1)
                                 + r")\s+(?:said|says|wrote|released|issued|published)\s+(?:in\s+)?(?:a|an|its|the)\s+"
                                 r"(?:[a-z][\w-]*\s+){0,2}" + DOCUMENTS + r"\b")
DOCUMENT_REACH = 2500  # characters back in which the article introduced the document (a few paragraphs)


def issuer_named(phrase: str, at: int, people: "People") -> str | None:
    """ "the parole board decision", "the company statement": the organisation the article described so."""
    issuer = ISSUER_BEFORE.match(phrase)
    if not issuer or issuer.group("noun") not in ORG_NOUNS:
        return None
    return people.salience.described("the " + issuer.group("by"), at)


def document_issuer(phrase: str, at: int, people: "People") -> str | None:
    """Who issued the document that speaks at `at`: the one its phrase names ("a report by Transport Canada", "the
    parole board decision", "a document … on CP's website"), else the one the last sentences said put it out ("The
    Beverage Association said in a statement …. The statement also said"), else the organisation they are about."""
    named = issuer_named(phrase, at, people)
    if named:
        return named
    issued = ISSUED_BY.match(people.text, at)
    found = list(DOCUMENT_INTRODUCED.finditer(people.text, max(0, at - DOCUMENT_REACH), at))
    by = (issued.group("by") or issued.group("site")) if issued else None
    introduced_at = at if by else (found[-1].start() if found else at)
    by = by or (found[-1].group("by") or found[-1].group("who") if found else None)
    if by and re.match(r"the\s+[A-Z]", by):  # "by the Prime Minister's Office": the name
        by = by[4:]
    elif by and by.split()[0].lower() == "the":  # "by the railway company": the organisation described so, there
        by = people.salience.described(by, introduced_at)
    if by:
        return people.salience.full_name(by)
    ranked = people.salience.ranked(at, person=False)
    return ranked[0][1] if ranked else None
