"""Who said a quote when no cue names its speaker: a name right after it, the subject of its sentence or the
sentence before, someone new between it and the last quote, or whom the article is about there."""

from __future__ import annotations

import bisect
import re

from verify.extract.layout import paragraph_bounds
from verify.extract.people import REPORTING, People
from verify.extract.speakers import resolve_speaker
from verify.extract.subjects import NAME_CORE, NAME_PHRASE, is_name, sentence_subject


def sentence_bounds(text: str, starts: list[int], ends: list[int], at: int) -> tuple[int, int]:
    i = max(0, bisect.bisect_right(starts, at) - 1)
    return starts[i], max(ends[i], at)


# "“…” That's how Lena Moss, a mother of three, describes it.", "“…” So says Ian Roe.": the next sentence names who
MIN_UNATTRIBUTED_WORDS = 6  # shorter quoted words with no cue nearby are scare quotes or titles
QUOTE_MARK = re.compile(r"[“”\"]")
NAMED_NEXT = re.compile(r"\s*(?:That[’']s|That\s+is|That\s+was|This\s+is|So\s+says|Such\s+is)\s+(?:how|what|the\s+\w+\s+(?:of|from)\s+)?"
                        r"\s*(?P<who>" + NAME_CORE + r")")


def name_after(text: str, open_at: int, close_at: int, people: People) -> str | None:
    """ "“…,” Trump from his desk": a name right after a quote that ends in a comma, with no cue, is likely its speaker;
    after one that ends its sentence, a name the next sentence gives it ("That's how Lena Moss puts it")."""
    if re.search(r"[.!?]$", text[open_at + 1 : close_at].rstrip()):
        next_sentence = NAMED_NEXT.match(text, close_at + 1)
        who = next_sentence.group("who") if next_sentence else ""
        return resolve_speaker(who, next_sentence.start("who"), people) if next_sentence and is_name(who) else None
    if not text[open_at + 1 : close_at].rstrip().endswith(","):
        return None
    match = NAME_PHRASE.match(text, close_at + 1)
    name = match.group(0).strip() if match else ""
    return resolve_speaker(name, match.start(), people) if match and is_name(name) else None


def subject_nearby(text: str, open_at: int, para_start: int, bounds: tuple[list[int], list[int]], people: People) -> str | None:
    """No cue names the speaker: the person the quote's sentence is about ("Cruz exhorted Republicans to “…”"),
    or, for a quote opening its sentence, the person the sentence before it in the paragraph is about
    ("Sanders identified young voters' exhaustion with bigotry as a reason. “The younger people are …”")."""
    s_start, _ = sentence_bounds(text, *bounds, open_at)
    s_start = max(s_start, para_start)
    if text[s_start:open_at].strip(" “\"\n"):
        subject = sentence_subject(text, s_start, open_at)  # "Hollande denounced Trump’s remarks as “…”"
        resolved = resolve_speaker(subject[0], subject[1], people) if subject else None
        named = [resolved] if resolved else people.named_between(s_start, open_at)
    elif s_start > para_start:
        named = people.named_between(max(para_start, sentence_bounds(text, *bounds, s_start - 1)[0]), s_start)
    else:
        named = []
    return named[0] if named else None


def newcomer_before(text: str, between: tuple[int, int], speaker: str, bounds: tuple[list[int], list[int]],
                    people: People) -> str | None:
    """Someone the article names, other than the last speaker, who is a sentence's subject between the last quote
    and this one, when this one opens its sentence ("“…,” says House. Durning needed no coaxing. “…”": Durning)."""
    last_end, open_at = between
    s_start = max(sentence_bounds(text, *bounds, open_at)[0], paragraph_bounds(text, open_at)[0])
    if text[s_start:open_at].strip(" “\"\n"):
        return None
    after_attribution = sentence_bounds(text, *bounds, last_end)[1]  # "“…,” said X." names the last speaker, no newcomer
    newcomer = people.salience.new_subject(after_attribution, s_start, speaker)
    return newcomer if newcomer and people.by_name(newcomer) else None


def salient_speaker(text: str, open_at: int, para_start: int, people: People) -> str | None:
    """A quote opening its paragraph with no cue anywhere near ("Chapman admits there were fatalities." then
    "“I can’t specifically say …”"): whom the sentences before are about."""
    if text[para_start:open_at].strip():
        return None
    # the subject of the sentence just before beats a name merely mentioned more often ("Given his views,
    # Shanaaz Gokool … is hopeful Lametti might be receptive to Parker's plea." then "“Our hope is …”")
    subject = people.salience.subject_of_sentence(max(0, para_start - 1)) if para_start else None
    if subject:
        return subject
    ranked = people.salience.ranked(open_at, person=True) or people.salience.ranked(open_at, person=False)
    return ranked[0][1] if ranked else None


def nobody_said(text: str, quote: tuple[int, int], para_start: int, title_words: set[str]) -> bool:
    """Quoted words with no cue that are a title quoted elsewhere, or too short to be speech unless the paragraph
    before reports someone's."""
    words = text[quote[0] + 1 : quote[1]]
    short = len(words.split()) < MIN_UNATTRIBUTED_WORDS and not after_report(text, para_start, quote[0])
    return short or words.strip(" ,.") in title_words


REPORT_ENDING = re.compile(r"\b(?:" + REPORTING + r"|says|adds|added)\b[^.!?“”\"]*[.!?]?\s*$")


def after_report(text: str, para_start: int, open_at: int) -> bool:
    """A quote opening the paragraph after one that ends reporting speech ("Cassidy said he had no update." then
    "“We'll know more tomorrow.”"): the reporter's words go on, however short."""
    quoted = text[open_at + 1 : open_at + 400].split("”")[0].split('"')[0].strip()
    if text[para_start:open_at].strip() or para_start == 0 or not re.fullmatch(r"[A-Z].*[a-z].*[.!?]", quoted, re.S):
        return False  # a sentence spoken ("We'll know more tomorrow."), not a title or a slogan in capitals
    previous = text[max(0, para_start - 300) : para_start].rstrip()
    last_sentence = re.split(r"(?<=[.!?])\s+", previous)[-1]
    return bool(REPORT_ENDING.search(last_sentence)) and not QUOTE_MARK.search(last_sentence)
