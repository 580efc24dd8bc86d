"""Statements: similarity plus coverage of the claim's names, numbers, dates and polarity.

Supported only when the evidence is close and covers every meaning-bearing part of the claim;
conflicting only when the evidence plainly speaks of the same thing (most of the claim's words,
in order) but with another number, name, date or polarity; otherwise unverified.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from functools import lru_cache
from dataclasses import dataclass

from verify.dates import MONTHS, WEEKDAYS, DateRef, find_dates
from verify.judge.timing import is_reference_point
from verify.extract.numbers import ORDINAL_WORDS, TENS, UNITS
from verify.extract.units import without_units
from verify.lexical import tokenize as stem_tokens
from verify.models import Stance

SUPPORT_COSINE = 0.80  # paraphrases of the sample corpus sit above, topical neighbours below
SAME_THING_COSINE = 0.70
SAME_THING_ALIGNED = 0.50  # share of the claim's content words found in order in the evidence
SAME_WORDS = 0.80
DATE_CONFLICT_ALIGNED = 0.70  # a sentence holding several dates must say much the same before one of them conflicts
YEAR_SLOT = re.compile(r"(?:1\d|20)\d\d vs (?:1\d|20)\d\d")  # this much of the claim, in order, is the same thing whatever the cosine
FIGURE = re.compile(
    r"(?:[$€£]\s?)?(?<![\d,.])(?!(?:19|20)\d\d\b)\d[\d,.]*(?:st|nd|rd|th)?(?:\s?(?:%|per ?cent|billion|million|bn|thousand))?"
    r"|\b(?:" + "|".join(sorted(set(UNITS) | set(TENS) | set(ORDINAL_WORDS), key=len, reverse=True)) + r")\b",
    re.I,
)
TOKEN = re.compile(r"[\w’'.,-]*\w")
NEGATIONS = {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "n't", "cannot", "didn't",
             "doesn't", "don't", "won't", "wasn't", "weren't", "isn't", "aren't", "hasn't", "haven't", "hadn't", "refused", "denied"}
SMALL = {"the", "a", "an", "of", "to", "in", "on", "at", "for", "and", "or", "by", "with", "as", "from", "that", "this",
         "is", "was", "were", "are", "be", "been", "has", "have", "had", "it", "its", "their", "his", "her", "said", "says"}


@dataclass(frozen=True)
class StatementFinding:
    stance: Stance
    note: str


def tokens(text: str) -> list[str]:
    return list(_tokens(text))


@lru_cache(maxsize=32768)
def _tokens(text: str) -> tuple[str, ...]:
    # "Kestrel Bay's" and a dateline's "KESTREL BAY" name the same place: the possessive is no other word
    return tuple(re.sub(r"'s$", "", t.replace("’", "'").rstrip(".,")) or t for t in TOKEN.findall(text))


NUMBER_WORDS = set(UNITS) | set(TENS) | set(ORDINAL_WORDS) | {"dozen", "hundred", "thousand", "million", "billion"}


def is_number(token: str) -> bool:
    return bool(re.fullmatch(r"\$?\d[\d,.]*(?:%|st|nd|rd|th)?", token)) or token.lower() in NUMBER_WORDS


def is_name(token: str, position: int) -> bool:
    return position > 0 and token[:1].isupper() and token.lower() not in SMALL


def negated_words(words: list[str], reach: int = 2, back: int = 0) -> set[str]:
    """Content words under a negation ("not peaceful", "will not make", "rather than binding"); with `back`,
    also the last words before it (the subject of "the taps will not run dry")."""
    lowered = [w.lower() for w in words]
    scoped: set[str] = set()
    for i, word in enumerate(lowered):
        contrast = word in ("rather", "instead") and i + 1 < len(lowered) and lowered[i + 1] in ("than", "of")
        if word in NEGATIONS or word.endswith("n't") or contrast:
            following = [w for w in lowered[i + 1 : i + 1 + 2 * reach] if w not in SMALL and w not in NEGATIONS and w not in ("than", "of")]
            preceding = [w for w in lowered[max(0, i - 2 * back) : i] if w not in SMALL and w not in NEGATIONS]
            scoped.update(following[:reach] + preceding[len(preceding) - back :] if back else following[:reach])
    return scoped


WIDE_REACH = 5  # "will not let the taps run dry" negates "run dry" too, five content words on


def polarity_clash(claim: list[str], evidence: list[str]) -> bool:
    """Is a predicate the two share negated in one and not the other? A "not" elsewhere in a long
    evidence sentence ("but not under other conditions") is no contradiction, and a word the other side
    negates a little further on ("the taps will not run dry" / "will not let the taps run dry") is negated there too."""
    mine, theirs = negated_words(claim), negated_words(evidence)
    mine_wide, theirs_wide = negated_words(claim, WIDE_REACH, back=2), negated_words(evidence, WIDE_REACH, back=2)
    claim_words, evidence_words = {w.lower() for w in claim}, {w.lower() for w in evidence}
    return bool((mine - theirs_wide) & evidence_words) or bool((theirs - mine_wide) & claim_words)


def changed_words(claim: list[str], evidence: list[str]) -> list[str]:
    """Content words of the claim the evidence replaces with others ("transport" -> "defence")."""
    matcher = difflib.SequenceMatcher(a=[w.lower() for w in claim], b=[w.lower() for w in evidence], autojunk=False)
    return [claim[i1] for op, i1, i2, j1, j2 in matcher.get_opcodes()
            if op == "replace" and i2 - i1 == 1 and j2 - j1 == 1 and claim[i1].lower() not in SMALL and not is_number(claim[i1])]


def aligned_share(claim: list[str], evidence: list[str], context: set[str] = frozenset(), topic: set[str] = frozenset()) -> float:
    """Share of the claim's content words found in order in the evidence sentence; names the
    passage or its title already gave ("the Selva bridge" of the headline) count as found."""
    content = [w.lower() for w in claim if w.lower() not in SMALL]
    other = [w.lower() for w in evidence if w.lower() not in SMALL]
    if not content:
        return 0.0
    matcher = difflib.SequenceMatcher(a=content, b=other, autojunk=False)
    in_order = sum(block.size for block in matcher.get_matching_blocks())
    matched = {content[i + k] for i, _, n in matcher.get_matching_blocks() for k in range(n)}
    given = [w for i, w in enumerate(claim) if w.lower() not in matched and w.lower() not in SMALL
             and (is_name(w, i) and w.lower() in context or w.lower() in topic)]
    return min(1.0, (in_order + len(given)) / len(content))


def is_date_slot(mine: list[str], theirs: list[str]) -> bool:
    """Both sides day, month or weekday words and numbers, at least one a date word ("August 3" / "Monday");
    "May" against "Johnson" is a name."""
    words = [w.lower() for w in mine + theirs]
    return any(w in DATE_WORDS and len(w) > 3 or w == "may" for w in words) and all(
        any(w.lower() in DATE_WORDS or is_number(w) for w in side) for side in (mine, theirs))


def replaced_slots(claim: list[str], evidence: list[str]) -> list[str]:
    """Where the evidence says the same words around a different number or name: "14 vs 12"."""
    matcher = difflib.SequenceMatcher(a=[w.lower() for w in claim], b=[w.lower() for w in evidence], autojunk=False)
    found = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "replace":
            continue
        mine, theirs = claim[i1:i2], evidence[j1:j2]
        if is_date_slot(mine, theirs):
            continue  # "August 3" and "Monday" may be one day: dates are compared resolved (`date_conflict`)
        if len(mine) <= 3 and len(theirs) <= 3 and any(map(is_number, mine)) and any(map(is_number, theirs)):
            found.append(f"{' '.join(mine)} vs {' '.join(theirs)}")
        elif len(mine) <= 3 and len(theirs) <= 3 and all(is_name(w, i1 + k) for k, w in enumerate(mine)) and all(w[:1].isupper() for w in theirs):
            found.append(f"{' '.join(mine)} vs {' '.join(theirs)}")
    return found


def words_before(text: str, ref: DateRef, n: int = 3) -> set[str]:
    return {w.lower() for w in tokens(text[max(0, ref.start - 60) : ref.start])[-n:] if w.lower() not in SMALL}


def date_conflict(claim_text: str, claim_dates: list[DateRef], evidence_text: str, evidence_dates: list[DateRef], loose: bool) -> str:
    """A claim date that no evidence date allows. Unless the sentences say much the same (`loose`
    is False) or the evidence gives a single date, the two dates must hang on the same words
    ("begin in June" / "begin in September")."""
    for mine in claim_dates:
        if is_reference_point(claim_text, mine):
            continue  # "her third visit since her re-election in 2022": a point of reference, not when it happened
        known = [d for d in evidence_dates if d.value is not None and mine.value is not None
                 and not is_reference_point(evidence_text, d)]  # "its first profit since 2019": no date of the fact
        if loose and len(known) > 1:
            known = [d for d in known if words_before(claim_text, mine) & words_before(evidence_text, d)]
        if known and not any(mine.compatible(d) for d in known):
            return f"{mine.surface} ({mine.value:%-d %b %Y}) vs {known[0].surface} ({known[0].value:%-d %b %Y})"
    return ""


DATE_WORDS = set(MONTHS) | set(WEEKDAYS)
ORDINAL = re.compile(r"\b(?:\d+(?:st|nd|rd|th)|" + "|".join(ORDINAL_WORDS) + r")\b", re.I)


def ordinals(text: str, dates: list[DateRef]) -> set[int]:
    """The ordinals a sentence counts with ("her fourth visit", "the 11th title"), not the days of its dates."""
    for ref in dates:
        text = text[: ref.start] + " " * (ref.end - ref.start) + text[ref.end :]
    return {ORDINAL_WORDS.get(m.group(0).lower()) or int(re.sub(r"\D", "", m.group(0))) for m in ORDINAL.finditer(text)}


def other_occurrence(claim_text: str, evidence_text: str) -> bool:
    """Do the two count different occurrences of a series ("for the seventh time" / "her fourth visit")? Then
    each has its own date, and different dates are no conflict."""
    mine, theirs = (ordinals(text, find_dates(text, None)) for text in (claim_text, evidence_text))
    return bool(mine) and bool(theirs) and not mine & theirs


def name_forms(name: str) -> set[str]:
    """A place and the word for its people or things: "Lirovia" / "Lirovian", "Kenya" / "Kenyan", "Japan" / "Japanese",
    "Israel" / "Israeli"; only the regular endings, so "Niger" is not "Nigerian"."""
    word = name.lower()
    if len(word) < 4:
        return {word}
    if word[-1] in "aeoy":
        return {word, word[:-1] + "an", word[:-1] + "ian", word + "n"}
    return {word, word + "ese", word + "i"}


def mentioned(name: str, have: set[str]) -> bool:
    """Named in the other text, as the name or its regular adjective, either way round."""
    return bool(name_forms(name) & have) or any(name.lower() in name_forms(other) for other in have if other[:2] == name[:2].lower())


def day_of_month(words: list[str], i: int) -> bool:
    """Is the number at `i` the day of a date ("August 3", "3 August")? Dates are compared resolved."""
    return any(0 <= j < len(words) and words[j].lower() in MONTHS for j in (i - 1, i + 1))


def covered(claim: list[str], evidence: list[str]) -> list[str]:
    """The claim's meaning-bearing words (numbers, names) the evidence lacks; dates are compared resolved.
    A multi-word name counts as mentioned when any part of it is ("Oduya" for "Tomas Oduya")."""
    have = {w.lower() for w in evidence}
    missing, run = [], []
    for i, w in enumerate(claim + [""]):
        if w and is_name(w, i) and w.lower() not in DATE_WORDS:
            run.append(w)
            continue
        if run and not any(mentioned(r, have) for r in run if len(r) > 2):
            missing.extend(run)
        run = []
        if w and is_number(w) and w.lower() not in have and not re.fullmatch(r"(?:19|20)\d\d", w) and not day_of_month(claim, i):
            missing.append(w)
    return missing


def dates_covered(claim_dates: list[DateRef], evidence_dates: list[DateRef], evidence_anchor: dt.date | None) -> bool:
    """Every date of the claim is matched by a date of the evidence, or by its publication date."""
    stamp = [DateRef(0, 0, "", "day", evidence_anchor)] if evidence_anchor else []
    return all(any(mine.compatible(d) for d in evidence_dates + stamp if d.value is not None) for mine in claim_dates if mine.value)


REFERRING = {"leader", "two", "both", "countri", "nation", "side", "offici", "govern", "parti", "one", "three"}


def unmatched_words(claim_text: str, evidence_text: str) -> list[str]:
    """Lower-case content words of the claim (stemmed) the evidence never uses: "book" against
    "film", "outside" against "born in". Names, dates and numbers are checked on their own; words
    that only refer to actors already named ("the two leaders") do not count."""
    have = set(stem_tokens(evidence_text))
    plain = " ".join(w for w in TOKEN.findall(claim_text) if not w[:1].isupper() and w.lower() not in DATE_WORDS)
    return [w for w in stem_tokens(plain) if w not in have and w not in SMALL and w not in REFERRING and not w[:1].isdigit()]


def quick_overlap(claim_text: str, evidence_text: str, context: str, title: str) -> float:
    """An upper bound of `aligned_share`: the claim's content words found anywhere, in any order."""
    content = {w.lower() for w in tokens(claim_text)} - SMALL
    if not content:
        return 0.0
    found = {w.lower() for w in tokens(evidence_text)} | {w.lower() for w in tokens(context)} | {w.lower() for w in tokens(title)}
    return len(content & found) / len(content)


def says_it_closely(
    claim_text: str, claim: list[str], evidence: list[str], readable: str, cosine: float, aligned: float, support_cosine: float,
) -> bool:
    """Close in meaning or in words, with no content word swapped and (almost) every word of the claim said."""
    # one content word swapped for another in an otherwise identical sentence ("transport" ->
    # "defence", "expand" -> "close") is the mark of a changed fact, however high the cosine
    swapped = changed_words(claim, evidence) if aligned >= SAME_WORDS else []
    unsaid = unmatched_words(claim_text, readable)
    # reported speech paraphrases: a quarter of its words may be the reporter's own
    allowed = len(stem_tokens(claim_text)) // 4 if support_cosine < SUPPORT_COSINE else 0
    return (cosine >= support_cosine or aligned >= SAME_WORDS) and not swapped and len(unsaid) <= allowed


def figures_masked(text: str) -> str:
    """The text with its figures as "#", but not the days of its dates: "on August 3" stays a day to compare."""
    days = [(ref.start, ref.end) for ref in find_dates(text, None)]
    return FIGURE.sub(lambda m: m.group(0) if any(a <= m.start() < b for a, b in days) else "#", text)


def judge_statement(
    claim_text: str, evidence_text: str, cosine: float, claim_anchor: dt.date | None = None,
    evidence_anchor: dt.date | None = None, context: str = "", support_cosine: float = SUPPORT_COSINE, title: str = "",
    figures_claimed: bool = False,
) -> StatementFinding:
    """`context` (the passage and its title) counts for coverage of names; slots are read in the sentence."""
    if cosine < support_cosine and quick_overlap(claim_text, evidence_text, context, title) < SAME_THING_ALIGNED:
        return StatementFinding(Stance.RELATED, "")  # too few shared words for any verdict: skip the alignment
    as_written = (claim_text, evidence_text)  # ordinals are read in the words as written, before figures are masked
    if figures_claimed:  # the figures are judged as quantity claims; here they must not count twice
        claim_text, evidence_text = without_units(figures_masked(claim_text)), without_units(figures_masked(evidence_text))
    claim, evidence = tokens(claim_text), tokens(evidence_text)
    # names the passage or headline gave help to find support; a conflict must be read in the sentence itself
    aligned = aligned_share(claim, evidence, {w.lower() for w in tokens(context)}, {w.lower() for w in tokens(title)})
    in_sentence = aligned_share(claim, evidence)
    same_thing = (cosine >= SAME_THING_COSINE and in_sentence >= SAME_THING_ALIGNED) or in_sentence >= SAME_WORDS
    if not same_thing and cosine < support_cosine and aligned < SAME_WORDS:
        return StatementFinding(Stance.RELATED, "")
    claim_dates, evidence_dates = find_dates(claim_text, claim_anchor), find_dates(evidence_text, evidence_anchor)
    if same_thing:
        if polarity_clash(claim, evidence):
            return StatementFinding(Stance.CONFLICTS, "says the opposite (one of the two is negated)")
        slots = [s for s in replaced_slots(claim, evidence)
                 if not (figures_claimed and YEAR_SLOT.fullmatch(s) and in_sentence < DATE_CONFLICT_ALIGNED)]
        if slots:
            return StatementFinding(Stance.CONFLICTS, "gives " + "; ".join(slots))
    dates = date_conflict(claim_text, claim_dates, evidence_text, evidence_dates, loose=in_sentence < DATE_CONFLICT_ALIGNED)
    if dates and (same_thing or aligned >= SAME_WORDS) and not other_occurrence(*as_written):
        return StatementFinding(Stance.CONFLICTS, f"gives another date: {dates}")
    missing = covered(claim, evidence + tokens(context))
    dated = dates_covered(claim_dates, evidence_dates, evidence_anchor)
    close = says_it_closely(claim_text, claim, evidence, f"{evidence_text}\n{context}\n{title}", cosine, aligned, support_cosine)
    if not missing and not dates and dated and not polarity_clash(claim, evidence) and close:
        # a sentence whose figures are claims of their own is vouched for here only in the rest of its words
        rest = ", apart from its figures (checked as claims of their own)" if figures_claimed else ""
        return StatementFinding(Stance.SUPPORTS, f"says the same{rest} (similarity {cosine:.2f})")
    note = f"does not mention {', '.join(missing[:3])}" if missing and same_thing else ""
    return StatementFinding(Stance.RELATED, note)


# evidence that only repeats a claim ("a viral post claims that …", "she denied that …") does not state it
REPEATED_CLAIM = re.compile(
    r"(?i)\b(?:claim(?:s|ed|ing)?|alleg(?:e|es|ed|ing|ation|ations)|rumou?r(?:s|ed)?|viral|purport(?:s|ed|edly)?|"
    r"den(?:y|ies|ied)|false(?:ly)?|hoax|debunk(?:s|ed)?|misleading|baseless|unfounded|fact-check(?:s|ed|ers?)?|"
    r"no evidence|not true|untrue|misinformation|disinformation|asked whether|whether)\b"
)


def only_repeats(claim_text: str, evidence_text: str) -> str:
    """The word by which the evidence reports the claim as someone's claim, a denial or a question, when the
    claim itself does not ("" when the evidence states it)."""
    found = REPEATED_CLAIM.search(evidence_text)
    if found is None or REPEATED_CLAIM.search(claim_text):
        return ""
    return found.group(0)


def accounted_for(
    claim_text: str, evidence_text: str, context: str = "", claim_anchor: dt.date | None = None,
    evidence_anchor: dt.date | None = None, figures_claimed: bool = False,
) -> bool:
    """Does the evidence account for every name, number, date and negation of the claim? What an
    entailment model may confirm in other words must still name the same actors, figures and time."""
    if figures_claimed:
        claim_text, evidence_text = figures_masked(claim_text), figures_masked(evidence_text)
    claim, evidence = tokens(claim_text), tokens(evidence_text)
    if covered(claim, evidence + tokens(context)):
        return False
    claim_dates, evidence_dates = find_dates(claim_text, claim_anchor), find_dates(evidence_text, evidence_anchor)
    if date_conflict(claim_text, claim_dates, evidence_text, evidence_dates, loose=True):
        return False
    negated = [bool(negated_words(words)) for words in (claim, evidence)]
    return dates_covered(claim_dates, evidence_dates, evidence_anchor) and negated[0] == negated[1]
