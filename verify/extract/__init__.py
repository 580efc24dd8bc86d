"""Article -> claims: quantities, quotes (direct and reported) and check-worthy statements."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Generic, Protocol, TypeVar

from verify.extract.anaphora import counted_by_earlier_name
from verify.extract.checkworthy import is_statement
from verify.extract.holders import holders_of
from verify.extract.people import People
from verify.extract.quantities import find_quantities
from verify.extract.quotes import QuoteSpan, find_quotes
from verify.extract.reported import clause_around, find_indirect, reporters_part, said_after_quote
from verify.extract.spans import claim_bounds, counted_end
from verify.models import Article, Claim, QuantityClaim, QuoteClaim, Sentence, StatementClaim
from verify.split import split_sentences


class Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Span)

SENTENCE_END = re.compile(r"[.!?…]['\"”’)]*$|[”\"]$")
REFERENCE = re.compile(r"\b(?P<ref>[Hh]e|[Ss]he|[Hh]is|[Tt]he (?:[A-Z][a-z]+ )(?:leader|president|premier|prime minister|minister))\b")
PLAIN_WORDS = {"that", "this", "with", "from", "have", "were", "been", "their", "they", "which", "also", "than", "more", "about", "said"}
DATE_HINT = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
                       r"August|September|October|November|December|yesterday|last year|next year)\b")


def is_body_sentence(sentence: Sentence) -> bool:
    """Headings, captions without punctuation and "Read More:" furniture are not claims."""
    words = sentence.text.split()
    short_fact = len(words) == 3 and any(ch.isdigit() for ch in sentence.text)  # "She was 84."
    return (len(words) >= 4 or short_fact) and bool(SENTENCE_END.search(sentence.text.strip()))


def decontextualise(sentence: Sentence, people: People) -> str:
    """The sentence with pronouns and titles ("he", "his", "the Chinese leader") replaced by the people they mean."""
    def name_for(match: re.Match[str]) -> str:
        ref = match.group("ref")
        name = people.resolve(ref.lower() if ref.lower() in ("he", "she", "his") else ref, sentence.start + match.start())
        if not name or not people.by_name(name):
            return ref
        return f"{name}’s" if ref.lower() == "his" else name
    return REFERENCE.sub(name_for, sentence.text)


def dated(query: str, published: dt.date | None) -> str:
    """The claim as it can be read away from the article: resolved names and the article's date."""
    return f"{query} (as of {published:%-d %B %Y})" if published else query


class Spans(Generic[S]):
    """Spans in reading order that do not overlap one another (sentences, direct quotes), found by
    position in log time: an article may be a transcript of thousands of quotes."""

    def __init__(self, spans: list[S]) -> None:
        self.spans, self.ends = spans, [span.end for span in spans]

    def overlapping(self, start: int, end: int) -> list[S]:
        found, i = [], bisect.bisect_right(self.ends, start)
        while i < len(self.spans) and self.spans[i].start < end:
            found.append(self.spans[i])
            i += 1
        return found


def containing(sentences: Spans[Sentence], start: int, end: int) -> str:
    return " ".join(s.text for s in sentences.overlapping(start, end))


def quote_claim(span: QuoteSpan, text: str, sentences: Spans[Sentence]) -> QuoteClaim:
    words = text[span.start : span.end].strip().rstrip(",")
    query = f"{span.speaker}: {words}" if span.speaker else words
    return QuoteClaim(
        id="", text=text[span.start : span.end], start=span.start, end=span.end,
        sentence=containing(sentences, span.start, span.end), query=query, speaker=span.speaker,
        attributed_to=span.credited, quote=words, direct=span.direct, speaker_inferred=span.inferred,
    )


def sentence_claims(sentence: Sentence, quotes: Spans[QuoteSpan], people: People, text: str) -> list[Claim]:
    """Quantity, reported-speech or statement claims of one body sentence."""
    masked = [(q.start - sentence.start, q.end - sentence.start) for q in quotes.overlapping(sentence.start, sentence.end)]
    query = decontextualise(sentence, people)
    claims: list[Claim] = []
    cores: dict[int, str] = {}  # a figure and what it counts, by claim start: what a statement beside it need not say
    for found in find_quantities(sentence.text, masked + quoted_spans(sentence.text)):
        earlier = text[max(0, sentence.start - EARLIER_NAMES) : sentence.start]
        mention, fuller = counted_by_earlier_name(sentence.text, found, earlier)  # "the list": the waiting list named before
        start, end = (sentence.start + at for at in claim_bounds(sentence.text, mention))
        cores[start] = sentence.text[mention.start : counted_end(sentence.text, mention)]
        holders = holders_of(sentence.text, sentence.start, mention.start, people)
        claims.append(QuantityClaim(
            id="", text=text[start:end], start=start, end=end, sentence=sentence.text,
            query=query if fuller == sentence.text else decontextualise(sentence.model_copy(update={"text": fuller}), people),
            quantity=mention.quantity.model_copy(update={"holders": holders}),
        ))
    if masked:  # a quote's sentence: what the quote reader found, and "… “…” and said …" after the last quote
        said = said_after_quote(text, quotes.overlapping(sentence.start, sentence.end)[-1], sentence.end)
        return claims + ([quote_claim(said, text, Spans([sentence]))] if said else [])
    indirect = find_indirect(sentence.text, sentence.start, people)
    if indirect is not None:
        claims.append(quote_claim(indirect, text, Spans([sentence])))
        own = reporters_part(sentence.text)  # "Nine hospitals were still on paper, and officials said …": both are claims
        if not own:
            return claims
        sentence = Sentence(start=sentence.start, end=sentence.start + own, text=sentence.text[:own], paragraph=sentence.paragraph)
        query = decontextualise(sentence, people)
    figures = [c for c in claims if isinstance(c, QuantityClaim) and c.end <= sentence.end]
    said_more = not figures or says_more(query, [cores.get(c.start, c.text) for c in figures])
    if (said_more or opens_with_person(sentence.text, people)) and is_statement(query, opens_with_person(query, people)):
        claims.append(StatementClaim(id="", text=sentence.text, start=sentence.start, end=sentence.end, sentence=sentence.text,
                                     query=query, figures_claimed=bool(figures)))
    return claims


EARLIER_NAMES = 5000  # characters before a sentence in which a fuller name of its "the list" is looked for


QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"|''.*?''")


def quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """Words in quote marks, attributed or not: their figures belong to the quote, not the reporter."""
    return [(m.start(), m.end()) for m in QUOTED.finditer(sentence)]


def says_more(text: str, figures: list[str]) -> bool:
    """Does a sentence with figures (each a figure and what it counts) also name a date, place or actor they leave
    unchecked?"""
    rest = text
    for figure in figures:
        rest = rest.replace(figure, " ")
    names = set(re.findall(r"(?<=[^\s])\s+([A-Z][a-z]+)", rest))  # capitalised, not opening the sentence
    words = [w for w in re.findall(r"[A-Za-z]{4,}", rest) if w.lower() not in PLAIN_WORDS]
    return bool(names) or bool(DATE_HINT.search(rest)) or len(words) >= 6


def opens_with_person(text: str, people: People) -> bool:
    """"Holt published 16 novels …": a sentence about a person the article names says more than its figures."""
    opening = re.match(r"[A-Z][\w’'-]+", text)
    return bool(opening and people.by_surname(opening.group(0)))


def extract_claims(article: Article) -> tuple[Claim, ...]:
    """Every claim of the article, in reading order, with ids c1, c2, …"""
    text = article.text
    people = People(text)
    sentences = split_sentences(text)
    quotes = find_quotes(text, people)
    clauses = [c for c in (clause_around(q, text) for q in quotes) if c is not None]
    in_order, quoted = Spans(sentences), Spans(quotes)
    claims: list[Claim] = [quote_claim(q, text, in_order) for q in quotes + clauses]
    for sentence in sentences:
        if is_body_sentence(sentence):
            claims.extend(sentence_claims(sentence, quoted, people, text))
    claims.sort(key=lambda c: (c.start, c.end))
    main = main_actors(sentences, article.title or "")
    known = mid_sentence_names(sentences) | frozenset(names_in(article.title or ""))  # "Norhaven end 17-year wait"
    return tuple(
        c.model_copy(update={"id": f"c{i}", "entities": claim_entities(c, main, known), "speaker_role": role_of(c.speaker, people),
                             "decontextualised": dated(c.query, article.published)})
        for i, c in enumerate(claims, start=1)
    )


def role_of(speaker: str | None, people: People) -> str | None:
    """The speaker's role as the article gives it; none for two speakers ("Xi Jinping and Vladimir Putin")."""
    person = people.by_name(speaker) if speaker and " and " not in speaker else None
    return (person.role or None) if person else None


NAME = re.compile(r"\b[A-Z][a-zà-ÿ]+(?:[-’'][A-Za-z]+)?\b")
NOT_ACTORS = {"The", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "In", "On", "At", "For", "But",
              "And", "According", "After", "Before", "While", "When", "Read", "More", "Monday", "Tuesday", "Wednesday",
              "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
              "August", "September", "October", "November", "December", "President", "Chancellor", "Minister", "Dr",
              "Mr", "Mrs", "Ms", "Prime", "Analysts", "Officials", "Police", "Two", "Three", "One", "Councillor",
              "Councilor", "Deputy", "Mayor", "Senator", "Governor", "Judge", "Detective", "Inspector", "Professor",
              "Sen", "Rep", "Gov", "Secretary", "General"}


def names_in(text: str, known: frozenset[str] | None = None) -> list[str]:
    """Capitalised words that may name an actor; with `known` (the names the article capitalises mid-sentence), a
    sentence's first word counts only if it is one of them ("Admissions rose …", "Only 71% …" name nobody)."""
    found = []
    for match in NAME.finditer(text):
        opening = not text[: match.start()].strip()
        if match.group(0) not in NOT_ACTORS and not (opening and known is not None and without_possessive(match) not in known):
            found.append(without_possessive(match))
    return found


def without_possessive(match: re.Match[str]) -> str:
    return match.group(0).split("’")[0].split("'")[0]


def mid_sentence_names(sentences: list[Sentence]) -> frozenset[str]:
    return frozenset(without_possessive(m) for s in sentences for m in NAME.finditer(s.text) if s.text[: m.start()].strip())


TITLE_WEIGHT = 2  # a name in the headline is what the article is about ("Dunmore's buses: …")


def main_actors(sentences: list[Sentence], title: str = "", keep: int = 6) -> tuple[str, ...]:
    """The names the article's headline and body mention most: what a sentence without names is about. A word that
    opens a sentence or the headline is capitalised for that alone ("Hospitals performed …", "Surgery waiting list:
    …"): it names an actor only where the article also capitalises it mid-sentence, or writes it possessive
    ("Osland's ferries: more riders")."""
    known = mid_sentence_names(sentences) | frozenset(names_in(title[title.find(" ") + 1 :] if " " in title else ""))
    headline = names_in(title, known | possessive_opening(title))
    counts: dict[str, int] = {name: TITLE_WEIGHT for name in headline}
    for sentence in sentences:
        if is_body_sentence(sentence):
            for name in set(names_in(sentence.text, known | frozenset(headline))):
                counts[name] = counts.get(name, 0) + 1
    return tuple(sorted(counts, key=lambda n: (-counts[n], n))[:keep])


def possessive_opening(text: str) -> frozenset[str]:
    """The opening word when it is possessive ("Osland's ferries"): a name, whatever its place."""
    found = NAME.match(text.lstrip())
    return frozenset([without_possessive(found)]) if found and found.group(0) != without_possessive(found) else frozenset()


def claim_entities(claim: Claim, main: tuple[str, ...], known: frozenset[str]) -> tuple[str, ...]:
    """Whom a claim is about. What someone said is about the actors it names, not about who said it: the figures of
    "The bridge will cost $3.2 billion, officials said" are about the bridge's builders, not the officials."""
    if isinstance(claim, QuoteClaim):
        saying = set((claim.speaker or "").split())
        return tuple(dict.fromkeys(n for n in names_in(claim.quote, known) if not set(n.split()) & saying)) or main
    found = list(dict.fromkeys(names_in(claim.query, known) + (claim.speaker or "").split()))
    return tuple(found) or main
