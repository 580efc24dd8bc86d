"""Find quoted words in evidence, say how faithfully they were quoted and by whom."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from verify.extract.people import People
from verify.extract.quotes import find_quotes
from verify.extract.voice import TRANSCRIPT_LABEL
from verify.lexical import STOPWORDS
from verify.models import QuoteClaim, QuotedWords, Stance, WordChange

WORD = re.compile(r"[\w’'-]+")
LOCATE = 60.0  # partial-ratio (0..100) that puts the quote somewhere in the passage
FOUND = 0.75  # share of the quote's words found in order from which the quote counts as found
NEGATIONS = {"not", "no", "never", "don't", "doesn't", "didn't", "won't", "cannot", "can't", "isn't", "aren't", "nor"}


@dataclass(frozen=True)
class QuoteFinding:
    stance: Stance
    match: float  # 0..1
    note: str
    diff: tuple[WordChange, ...] = ()


def words_of(text: str) -> list[str]:
    """Lower-cased words; an apostrophe at a word's edge is a single quote mark ("'Nurses are …'"), not the word's."""
    found = (w.lower().replace("’", "'").strip("'") for w in WORD.findall(text))
    return [w for w in found if w.strip("-")]


def aligned_words(quote: list[str], passage: str) -> tuple[list[str], float]:
    """The passage words aligned with the quote (first to last matched word) and the share of
    quote words found in order; word-level, so dropped or added words show up in the diff."""
    words = words_of(passage)
    if not words or not quote:
        return [], 0.0
    alignment = fuzz.partial_ratio_alignment(" ".join(quote), " ".join(words))
    if alignment is None or alignment.score < LOCATE:
        return [], 0.0
    # widen the located window by the quote's length on both sides, then align word by word
    before = len(" ".join(words)[: alignment.dest_start].split())
    lo, hi = max(0, before - len(quote)), min(len(words), before + 2 * len(quote))
    window = words[lo:hi]
    matcher = difflib.SequenceMatcher(a=quote, b=window, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return [], 0.0
    found = sum(b.size for b in blocks)
    # quote words before the first or after the last match were replaced or dropped: take in as many evidence
    # words there, so "cut its use by a quarter" against "… by a fifth" reads "fifth" -> "quarter", not "added quarter"
    head, tail = blocks[0].a, len(quote) - (blocks[-1].a + blocks[-1].size)
    start, end = max(0, blocks[0].b - head), min(len(window), blocks[-1].b + blocks[-1].size + tail)
    return window[start:end], found / len(quote)


def word_diff(quote: list[str], evidence: list[str]) -> tuple[WordChange, ...]:
    matcher = difflib.SequenceMatcher(a=quote, b=evidence, autojunk=False)
    return tuple(
        WordChange(op=op, article=" ".join(quote[i1:i2]), evidence=" ".join(evidence[j1:j2]))
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
    )


def word_changes(diff: tuple[WordChange, ...]) -> list[tuple[str, str]]:
    """(article words, evidence words) for each place the two differ."""
    return [(c.article, c.evidence) for c in diff if c.op != "equal"]


# small words that carry the claim all the same: "sealed all of the leak" is not "sealed most of the leak"
QUANTIFIERS = {"all", "most", "some", "any", "none", "every", "each", "few", "many", "more", "less", "fewer", "only",
               "both", "either", "neither", "much", "very", "too", "always", "again", "once", "twice", "before", "after"}


def is_minor(changes: list[tuple[str, str]]) -> bool:
    """Only small words changed (a dropped "the"), nothing with meaning: numbers, negations, quantifiers, content words."""
    changed = [w for pair in changes for w in " ".join(pair).split()]
    return len(changed) <= 2 and all(w in STOPWORDS and w not in NEGATIONS and w not in QUANTIFIERS for w in changed)


def diff_note(changes: list[tuple[str, str]]) -> str:
    parts = [f"“{a}” → “{b}”" if a and b else (f"added “{a}”" if a else f"dropped “{b}”") for a, b in changes[:4]]
    return "; ".join(parts)


MATCHED_QUOTE = 85  # partial-ratio (0..100) from which the document's quote holds the claimed words


def holding_quote(claimed: str, quotes: tuple[QuotedWords, ...]) -> QuotedWords | None:
    """The evidence document's quote that holds the claimed words, if any."""
    holding = [q for q in quotes if fuzz.partial_ratio(claimed.lower(), q.words.lower()) >= MATCHED_QUOTE]
    return max(holding, key=lambda q: fuzz.partial_ratio(claimed.lower(), q.words.lower()), default=None)


def evidence_speaker(text: str, claimed: str, quotes: tuple[QuotedWords, ...] = ()) -> str | None:
    """Who the evidence credits with the words: the speaker its document's reading gives the quote holding
    them (read over the whole document), the transcript label of their paragraph, or an attribution."""
    best = holding_quote(claimed, quotes)
    if best is not None:
        return None if best.inferred else best.speaker
    paragraphs = [p for p in text.split("\n") if p.strip()]
    best = max(paragraphs, key=lambda p: fuzz.partial_ratio(claimed.lower(), p.lower()), default="")
    label = TRANSCRIPT_LABEL.match(best)
    if label:
        return label.group("label").title()
    if TRANSCRIPT_LABEL.search(text) and not re.search(r"[“\"]", best):
        return None  # a transcript paragraph cut from its label: the lead did not reach it
    people = People(text)
    for span in find_quotes(text, people):
        if span.speaker and not span.inferred and fuzz.partial_ratio(claimed.lower(), text[span.start : span.end].lower()) >= 85:
            return span.speaker
    return None


def speaker_in(speaker: str | None, text: str) -> bool:
    """Is the speaker named in the text (by any part of the name longer than two letters)?"""
    if not speaker:
        return True
    return any(re.search(r"\b" + re.escape(p) + r"\b", text, re.I) for p in speaker.split() if len(p) > 2)


UNNAMED = re.compile(r"(?i)(?:the|an?|he|she|they|it|i|we|you)\b")


def is_named(speaker: str | None) -> bool:
    """ "Ana Ruiz", "VRail", not "the senator" or "she": only a name can be the wrong speaker, or the right one."""
    return bool(speaker) and not UNNAMED.match(speaker)


def same_person(claimed: str, other: str) -> bool:
    mine = {w.lower() for w in claimed.split() if len(w) > 2}
    return bool(mine & {w.lower() for w in other.split()})


DESCRIBED = re.compile(r"(?i)(?:the|an?)\s+(?:[\w’'-]+\s+){0,4}(?P<head>[a-z][\w-]+)$")


def credited_to_someone_else(claim: QuoteClaim, text: str, quotes: tuple[QuotedWords, ...]) -> str | None:
    """A speaker the article gives only by role ("the regional transport minister") cannot be misattributed, but
    evidence crediting the words to a person it never gives that role ("Its president, Abel Quist") does not back
    the quote either: that person, or None when the role is theirs or the evidence names nobody."""
    described = DESCRIBED.match(claim.speaker or "")
    credited = evidence_speaker(text, claim.quote, quotes) if described else None
    if not described or not is_named(credited):
        return None
    head = described.group("head").lower().rstrip("s")
    heads = (head, *SAME_ROLE.get(head, ()))
    if any(h in credited.lower() for h in heads):  # "Gideon Pryce, Harbour Master", "Dock and Harbour Workers' Union"
        return None
    names = [p for p in credited.split() if len(p) > 2 and p[:1].isupper()]
    around = [s for s in re.split(r"(?<=[.!?])\s+", text) if any(n in s for n in names)]
    return None if any(re.search(r"\b" + re.escape(h), s, re.I) for h in heads for s in around) else credited


# news calls whoever speaks for an organisation its spokesman, whatever their title: "Jessamy Pruett, the trust's head
# of communications" is "the hospital's spokeswoman"
_SPEAKS_FOR = ("spokes", "communications", "press officer", "press secretary", "media relations", "media officer")
SAME_ROLE = {"spokeswoman": _SPEAKS_FOR, "spokesman": _SPEAKS_FOR, "spokesperson": _SPEAKS_FOR}


SHORT = 4  # words: a shorter quote ("hard to justify") is compared only with what the evidence quotes its speaker as saying


def judge_short_quote(claim: QuoteClaim, quote: list[str], text: str) -> QuoteFinding:
    """A quote of two or three words could be found anywhere, so it is held only to the evidence's own quotes of a
    speaker of the same name: the same words support it, one word changed ("hard to explain" / "hard to
    justify") is an altered quote."""
    if len(quote) < 2 or not is_named(claim.speaker) or not claim.direct:
        return QuoteFinding(Stance.RELATED, 0.0, "")
    for span in find_quotes(text, People(text)):
        theirs = words_of(text[span.start : span.end])
        if not span.speaker or not same_person(claim.speaker, span.speaker) or abs(len(theirs) - len(quote)) > 1:
            continue
        diff = word_diff(quote, theirs)
        changes = word_changes(diff)
        if not changes or is_minor(changes):
            return QuoteFinding(Stance.SUPPORTS, 1.0, "has the quote verbatim" if not changes else
                                f"has the quote with minor differences ({diff_note(changes)})", diff)
        if sum(len(a.split()) for a, _ in changes) == 1:
            return QuoteFinding(Stance.CONFLICTS, 1 - 1 / len(quote), f"has altered words: {diff_note(changes)}", diff)
    return QuoteFinding(Stance.RELATED, 0.0, "")


def judge_quote(claim: QuoteClaim, passage_text: str, lead: str = "", quotes: tuple[QuotedWords, ...] = ()) -> QuoteFinding:
    quote = words_of(claim.quote)
    if not passage_text:
        return QuoteFinding(Stance.RELATED, 0.0, "")
    if len(quote) < SHORT:
        return judge_short_quote(claim, quote, lead + passage_text)
    evidence, found = aligned_words(quote, passage_text)
    if found < FOUND:
        return QuoteFinding(Stance.RELATED, found, "")
    if is_named(claim.speaker) and not claim.speaker_inferred:  # a guessed or unnamed speaker is never called misattributed
        credited = evidence_speaker(lead + passage_text, claim.quote, quotes)
        if is_named(credited) and not same_person(claim.speaker, credited):
            return QuoteFinding(Stance.CONFLICTS, found, f"credits these words to {credited}, not {claim.speaker}")
        if not credited and not speaker_in(claim.speaker, lead + passage_text):
            guessed = holding_quote(claim.quote, quotes)
            if guessed is not None and is_named(guessed.speaker) and not same_person(claim.speaker, guessed.speaker):
                # no cue there, but the document is about someone else where it quotes these words, and never
                # names the claimed speaker around them
                return QuoteFinding(Stance.CONFLICTS, found, f"has these words where it is about {guessed.speaker} "
                                    f"(no cue names the speaker), not {claim.speaker}")
            return QuoteFinding(Stance.RELATED, found, "has these words but does not say who spoke them")
    elif (other := credited_to_someone_else(claim, lead + passage_text, quotes)) is not None:
        return QuoteFinding(Stance.RELATED, found, f"credits these words to {other}, where the article's “{claim.speaker}” "
                            "is not named")
    diff = word_diff(quote, evidence)
    changes = word_changes(diff)
    if not changes:
        return QuoteFinding(Stance.SUPPORTS, found, "has the quote verbatim", diff)
    if is_minor(changes):
        return QuoteFinding(Stance.SUPPORTS, found, f"has the quote with minor differences ({diff_note(changes)})", diff)
    if not claim.direct:
        return QuoteFinding(Stance.RELATED, found, f"has similar words ({diff_note(changes)})", diff)
    if (not speaks_directly(passage_text, lead, quote) or is_translation(lead + passage_text)) and not changes_substance(changes):
        # reported speech ("Putin said relations do not depend on …") gives the substance, not the wording
        how = "gives these words in another translation" if is_translation(lead + passage_text) else "reports these words in other words"
        return QuoteFinding(Stance.SUPPORTS, found, f"{how}: reworded ({diff_note(changes)})", diff)
    return QuoteFinding(Stance.CONFLICTS, found, f"has altered words: {diff_note(changes)}", diff)


QUOTED_SEGMENT = re.compile(r"“[^“”]*”|\"[^\"\n]*\"|‘[^‘’]*’")
TRANSLATED = re.compile(r"(?i)\btranslated (?:from|by)\b|\b(?:unofficial |machine )?translation (?:from|by)\b")


REPORTING_CUE = re.compile(r"(?i)\b(?:said|says|say|told|tells|according to|stated|added|insisted|argued|warned|claimed|"
                           r"explained|noted|reported|announced|promised|pledged)\b")


def speaks_directly(passage_text: str, lead: str, quote: list[str]) -> bool:
    """Does the evidence give the words as the speaker's own: inside quote marks, a transcript's line, or a text
    in their own voice (a written statement)? Only a sentence that reports them ("she said relations …") does not."""
    if TRANSCRIPT_LABEL.search(lead + passage_text):
        return True
    quoted = " ".join(m.group(0) for m in QUOTED_SEGMENT.finditer(passage_text))
    if quoted and aligned_words(quote, quoted)[1] >= FOUND:
        return True
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", passage_text) if s.strip()] or [passage_text]
    holding = max(sentences, key=lambda s: fuzz.partial_ratio(" ".join(quote), s.lower()))
    return not REPORTING_CUE.search(QUOTED_SEGMENT.sub(" ", holding))


def changes_substance(changes: list[tuple[str, str]]) -> bool:
    """A number or a negation changed ("don't" for "do not" is none): a clause that does this says something else."""
    def negations(words: str) -> int:
        return sum(1 for w in words.split() if w in NEGATIONS or w.endswith("n't"))

    def numbers(words: str) -> set[str]:
        return {w for w in words.split() if any(ch.isdigit() for ch in w)}

    return any(negations(a) != negations(b) or numbers(a) != numbers(b) for a, b in changes)


def in_direct_speech(span: str, text: str) -> bool:
    """Is the evidence sentence the speaker's own words: in quote marks, or a line of a transcript?"""
    return bool(QUOTED_SEGMENT.search(span)) or bool(TRANSCRIPT_LABEL.search(text))


def is_translation(text: str) -> bool:
    """The evidence says it is a translation: its quotes are one rendering among others."""
    return bool(TRANSLATED.search(text))
