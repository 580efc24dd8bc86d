"""Direct and reported speech: the quoted words, who said them, and who is credited."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from verify.extract.antecedents import added_by
from verify.extract.cues import CUE, FINITE_CUE, NEW_CUE, OBJECT_CUE, PARTICIPLE, PARTICIPLE_CUES, SETTING
from verify.extract.layout import paragraph_bounds
from verify.extract.marks import (
    CLOSE, is_title, paragraphs, quote_marks, with_double_apostrophes_as_marks, with_single_quotes_as_marks,
    without_marks,
)
from verify.extract.people import REPORTING, People
from verify.extract.speakers import names_institution, resolve_speaker
from verify.extract.subjects import (
    HONORIFIC, NAME_CORE, PARTY_TAG, WHO, is_name, named, sentence_subject, subject_before,
)
from verify.split import split_sentences
from verify.extract.credits import credited_per_paragraph, credited_source
from verify.extract.inferred import name_after, nobody_said, newcomer_before, salient_speaker, sentence_bounds, subject_nearby

@dataclass(frozen=True)
class QuoteSpan:
    start: int  # offsets of the quoted words (inside the marks) in the article text
    end: int
    speaker: str | None
    credited: str | None
    direct: bool = True
    content_start: int = -1  # the attributed content, which may run past the marks ("that … “…”")
    content_end: int = -1
    continues: bool = False  # no cue of its own: it goes on with the previous quote's speaker
    inferred: bool = False  # no cue names the speaker: it is whom the sentence is about (a guess, said so)


def inherits(text: str, speaker_paragraph: int, para_start: int, open_at: int) -> bool:
    """Does an unattributed quote continue the last speaker's words?

    Yes in the same paragraph ("“…,” he said. “…”"), and when the quote opens the paragraph
    right after the speaker's (a quote running on across paragraphs).
    """
    if speaker_paragraph == para_start:
        return True
    if text[para_start:open_at].strip():
        return False
    previous = text[:para_start].rstrip()
    return paragraph_bounds(text, max(0, len(previous) - 1))[0] == speaker_paragraph


# "Li Haidong, professor at …, echoed these views. “…”", "Dianne Bystrom agreed. “…”": a cue earlier in the paragraph
BEFORE = re.compile(WHO + r",?(?:\s+[\w’'-]+){0,3}?\s+(?P<verb>" + REPORTING + "|" + FINITE_CUE + r"))\b[^“”]{0,200}$")
# "Trump’s remarks", "the claims", "his calls": a cue word after a possessive or determiner is a noun
# (whole words: "her mother said", "a neighbour wondered" are cues)
NOUN_BEFORE = "".join(f"(?<!{w} )" for w in ("’s", "'s", "s’")) + "".join(
    f"(?<!\\b{w} )" for w in ("the", "his", "her", "its", "their", "our", "these", "those", "being", "been", "was", "were")
)  # "was being yelled at “…”": passive, no cue
CUE_IN_PRE = re.compile(r"^.*\b" + NOUN_BEFORE + r"(?P<cue>" + CUE + r")\b(?P<rest>[^“”\"]*)$", re.I | re.S)  # the last cue before the quote
# "Ms. Moore", "Vann R. Newkirk II", "Rep. Gwen Moore (D-Wis.)": honorifics, initials and party tags keep their periods
SPEAKER_NAME = HONORIFIC + r"?(?:[A-Z]\.(?:[A-Z]\.)*\s|[^,.;“”\"]){1,80}?(?:\s" + PARTY_TAG + r")?"  # "U.K. managing director"
INVERTED_CUE = re.compile(r"^\s*(?:Said|Says|Added|Asked|Wrote|Continued|Explained|Noted)\s+(?P<who>[^,.;:“”\"]{2,60}?)\s*[:,]?\s*$")  # "Said Ellis: “…”"
# "“…,” the players say in the video, posted …": a speaker phrase never ends at its determiner
NOT_A_DETERMINER = r"(?<!\bthe)(?<!\ba)(?<!\ban)(?<!\bhis)(?<!\bher)(?<!\btheir)(?<!\bits)(?<!\bour)"
CUE_AFTER = re.compile(  # "said X" first: in "said X when asked" the cue is "said", not "asked"
    r"^[,.!?]?\s*(?:" + CUE + r"\s+(?P<who2>" + HONORIFIC + r"?[^,.;“”\"]{1,80})|(?P<who1>" + SPEAKER_NAME + r")" + NOT_A_DETERMINER +
    # "“…” without reporters asking him": after a quote, only a finite verb is its cue
    r"(?:,(?P<appos>[^;“”\"]{1,200}?),)?(?:\s[^,;“”\"]{1,100},)?\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+|have\s+)?" + FINITE_CUE + r")\b)",
    re.I,
)
# words that start a clause running on after a quote, never its speaker ("“no idea” if he would have told")
NOT_SPEAKER_START = frozenset(
    "and but or nor that which who whom whose where when while if because although though unless until as after before "
    "since once in on at by for to from with about of between under over into than like regarding even is was were are".split()
)


def cue_after(post: str) -> re.Match[str] | None:
    """The attribution after a quote ("“…,” she said"), but not a clause that runs on ("“no idea” if he would have told")."""
    after = CUE_AFTER.match(post)
    who = after.group("who1") if after else None
    if who is not None and (not who.split() or who.split()[0] in NOT_SPEAKER_START):
        return None  # no words ("” , he , told"), or a clause going on
    return after


# "… contests - Philip Bump: “…”", "… doesn’t surprise pollster Daron Shaw: “…”" (a full name when words precede it)
COLON_NAME = re.compile(r"(?:(?:^|[—–-]\s*|[.;]\s+)(?P<who>" + NAME_CORE + r")|\s(?P<full>[A-Z][\w’'-]+\s+[A-Z][\w’'-]+))\s*:\s*$")
SIGNATURE_AFTER = re.compile(r"^[,.]?\s*[―—–]\s*(?P<who>" + NAME_CORE + r")")  # "“…” ― Steve Quinlan"
# "said Dan Golvach when asked …", "says one of the players in the video": when and where, not who
TRAILING_CLAUSE = re.compile(r"\s(?:when|as|after|while|before|during|because|if|in an?|on|at an?)\s|\sin\s+(?:the|his|her|its|their)\s+"
                             r"(?:[a-z]+\s+)?(?:video|statement|interview|post|letter|email|release|tweet|speech|message|clip|"
                             r"documentary|podcast|broadcast|report)\b")
PARAGRAPH_CREDIT = re.compile(r"According to [^,“”\"]{2,60},")


@dataclass(frozen=True)
class Attribution:
    """How a quote sits in its sentence: the content span (which can run past the marks) and the speaker phrase."""

    content_start: int
    content_end: int
    speaker_phrase: str | None
    speaker_at: int
    cued: bool
    from_paragraph: bool = False  # the cue is in an earlier sentence of the paragraph
    resumes: bool = False  # "“…,” said X, a Y at Z, “…”": the second part of a quote split around its attribution


def attribution_of(text: str, open_at: int, close_at: int, bounds: tuple[list[int], list[int]]) -> Attribution:
    """Read the attribution around one quote from the words before and after it in its sentence."""
    s_start, _ = sentence_bounds(text, *bounds, open_at)
    _, s_end = sentence_bounds(text, *bounds, close_at)
    para_start = paragraph_bounds(text, open_at)[0]
    s_start, s_end = max(s_start, para_start), min(max(s_end, close_at + 1), paragraph_bounds(text, close_at)[1])
    pre = text[max(s_start, open_at - 400) : open_at]
    post = words_after(text, close_at, s_end, bounds)
    after = cue_after(post)
    cue_pre = CUE_IN_PRE.search(pre)
    inverted = INVERTED_CUE.match(pre)
    resumed = resumed_quote(pre)
    if resumed:
        return Attribution(open_at + 1, close_at, speaker_after(resumed), open_at, True, resumes=True)
    if inverted:
        return Attribution(open_at + 1, close_at, inverted.group("who"), open_at - len(pre) + inverted.start("who"), True)
    if cue_pre:
        return cued_before(text, (open_at, close_at), (s_start, s_end), cue_pre, running_on=not after)
    colon = COLON_NAME.search(pre) if not after else None
    if colon:  # "… Republican contests - Philip Bump: “…”"
        who = "who" if colon.group("who") else "full"
        return Attribution(open_at + 1, close_at, colon.group(who), open_at - len(pre) + colon.start(who), True)
    signature = SIGNATURE_AFTER.match(post) if not after else None
    if signature:  # "“Maybe, we can build a wall around him.” ― Steve Quinlan"
        return Attribution(open_at + 1, close_at, signature.group("who"), close_at + 1 + signature.start("who"), True)
    if after:
        who = speaker_after(after)
        at = close_at + 1 + (after.start("who1") if after.group("who1") else after.start("who2"))
        pre_words = pre.strip(" “\"")
        content_start = open_at + 1 if not pre_words or pre_words.endswith((":", ".")) else s_start
        return Attribution(content_start, close_at, who, at, True)
    ending = cue_ending(text, close_at, s_end)
    if ending:  # "The campaign is paying “dozens” of canvassers …, according to campaign manager Jeff Weaver."
        comma, who, at = ending
        return Attribution(s_start, comma, who, at, True)
    return attribution_earlier(text, open_at, close_at, para_start, opens_sentence=not pre.strip(" “\""))


def attribution_earlier(text: str, open_at: int, close_at: int, para_start: int, opens_sentence: bool) -> Attribution:
    """No cue in the quote's own sentence: one earlier in its paragraph, or a paragraph before ending "X said:"."""
    window = text[max(para_start, open_at - 300) : open_at]
    earlier = BEFORE.search(window) if opens_sentence else None
    if earlier:  # "Li Haidong, professor at …, echoed these views. “…”"
        at = open_at - len(window) + earlier.start("who")
        who = earlier.group("who")
        if who in ("The", "A", "An"):  # "The fish vendor said …": no name, the description up to its verb
            who = window[earlier.start("who") : earlier.start("verb")].strip(" ,")
        return Attribution(open_at + 1, close_at, who, at, True, from_paragraph=True)
    if not text[para_start:open_at].strip():
        introduced = introduction_before(text, para_start)
        if introduced:  # "Cruz called them on it:" closing the paragraph before the quote
            return Attribution(open_at + 1, close_at, introduced[0], introduced[1], True)
    return Attribution(open_at + 1, close_at, None, -1, False)


WORD = re.compile(r"\w")
QUOTE_MARK = re.compile(r"[“”\"]")
COMMA = re.compile(r",\s")
ENDING_REACH = 500  # characters: a speaker, an appositive and the words after the cue
ATTRIBUTION_COMMAS = 6
PRONOUN_OR_DETERMINER = frozenset("he she they we i the a an his her their its one some many several two three".split())


def cue_ending(text: str, close_at: int, sentence_end: int) -> tuple[int, str, int] | None:
    """An attribution closing the quote's sentence after a comma: "…, Ban said.", "…, said Brad Bannon, a pollster"."""
    if QUOTE_MARK.search(text, close_at + 1, sentence_end):
        return None  # the sentence quotes again: an attribution at its end is that quote's
    # only the sentence's last words can hold it (and a 1 MB sentence must not be read comma by comma)
    reach = max(close_at + 1, sentence_end - ENDING_REACH)
    cues = [cue.start() for cue in NEW_CUE.finditer(text, reach, sentence_end)]
    if not cues:
        return None  # no reporting verb there: ", x y, x y, …" is not tried comma by comma
    # the attribution's own commas stand just before its cue: "…, Anne Richards, minister for ports, ferries, and harbours, said"
    for at in [comma.start() for comma in COMMA.finditer(text, reach, cues[-1])][-ATTRIBUTION_COMMAS:]:
        after = cue_after(text[at:sentence_end])
        who = after.group("who1") if after else None
        if who and who.strip()[:1].islower() and who.split()[0].lower() not in PRONOUN_OR_DETERMINER:
            continue  # ", primarily in the community, to pitch …": a clause going on, not a speaker
        if after and sentence_end - (at + after.end()) < 200:  # the cue ends the sentence
            who_at = at + (after.start("who1") if after.group("who1") else after.start("who2"))
            return at, speaker_after(after), who_at
    return None


def words_after(text: str, close_at: int, sentence_end: int, bounds: tuple[list[int], list[int]]) -> str:
    """The rest of the quote's sentence, or, when the quote ends it, the next sentence of the paragraph:
    the splitter ends a sentence at "“How are you today?”", and "Miller, a retired worker, said." follows."""
    para_end = paragraph_bounds(text, close_at)[1]
    post = text[close_at + 1 : min(sentence_end, close_at + 301)]
    if not post.strip() and sentence_end < para_end:
        _, next_end = sentence_bounds(text, *bounds, sentence_end + 1)
        post = text[close_at + 1 : min(next_end, para_end)][:300]
        cue = cue_after(post)
        if cue and CLAUSE_AFTER_CUE.match(post, cue.end()):
            return ""  # "… “Libraries yes, tax no.” Police said the protest was peaceful.": that cue reports its own clause
    return post


CLAUSE_AFTER_CUE = re.compile(r"\s+(?:that\s+)?(?:the|a|an|he|she|it|they|we|i|his|her|their|its|this|there|no|nobody)\s", re.I)


# "says Campbell's partner, Jason Louth.": the name in apposition after a described speaker
NAME_AFTER_DESCRIPTION = re.compile(r",\s+(?P<name>" + NAME_CORE + r")\s*(?:[,.;!?]|$)")


def speaker_after(after: re.Match[str]) -> str:
    """The speaker phrase of an attribution after a quote: "said Dan Golvach when asked", "its director, Leo Marsh, said",
    "says Campbell's partner, Jason Louth"."""
    if after.group("who2") and not is_name(after.group("who2")):
        appositive = NAME_AFTER_DESCRIPTION.match(after.string, after.end("who2"))
        if appositive and is_name(appositive.group("name")):
            return appositive.group("name")
    return named(after.group("who1"), after.group("appos")) or TRAILING_CLAUSE.split(after.group("who2") or "")[0]


def resumed_quote(pre: str) -> re.Match[str] | None:
    """The attribution between two parts of one quote in one sentence: "“…,” said X, director of Y, “…”"."""
    close = max(pre.rfind(CLOSE), pre.rfind('"'))
    between = pre[close + 1 :] if close >= 0 else ""
    if not re.search(r"\w.*,\s*$", between) or len(between) > 200:
        return None
    after = cue_after(between.rstrip()[:-1])
    # "“…,” she said, adding, “…”": a second cue opens an attribution of its own
    return after if after and not NEW_CUE.search(between, after.end()) else None


HEARD_SAYING = re.compile(r"\s+(?:that\s+)?(?:he|she|they|I|we)\s+(?:heard|saw|watched)\s+(?P<who>[^,;“”\"]{1,60}?)\s+(?:shout|chant|"
                          r"yell|scream|cry|say|tell|call)(?:ing)?\b[^“”\"]{0,30}$")


def cued_before(text: str, quote: tuple[int, int], sentence: tuple[int, int], cue: re.Match[str], running_on: bool) -> Attribution:
    """A cue before the quote ("X said that …“…”"): the speaker before the cue, the content from the clause's start."""
    (open_at, close_at), (s_start, s_end) = quote, sentence
    who_end = open_at - len(cue.string) + cue.start("cue")
    phrase = subject_before(text, s_start, who_end)
    if cue.group("cue").lower() == "according to" and not phrase:  # "According to HuffPo: “…”" (not "X said, according to …")
        phrase, who_end = cue.group("rest").strip(" ,:") or phrase, who_end + len("according to ")
    if PARTICIPLE.match(cue.group("cue")):
        phrase, who_end = sentence_subject(text, s_start, who_end) or (phrase, who_end)
    heard = HEARD_SAYING.match(cue.group("rest"))
    if heard:  # "Phillips said he heard students shout, “…”": the students shouted it
        phrase, who_end = heard.group("who"), open_at - len(cue.group("rest")) + heard.start("who")
    # punctuation inside the closing mark ends the clause more often than not, even a comma (American style
    # puts it inside either way; letting what follows decide measured worse): PolNeAR train F1 0.837 -> 0.839
    closed = re.search(r"[,.;:!?]\s*$", text[open_at + 1 : close_at])
    runs_on = running_on and bool(WORD.search(text, close_at + 1, s_end)) and not closed  # "says “…” despite his loss"
    content_end = sentence_content_end(text, close_at, s_end) if runs_on else close_at
    whole = text[open_at + 1 : open_at + 2].isupper()  # "told the Gazette simply, “We lost.”": a sentence quoted whole
    return Attribution(clause_start(cue.group("rest"), open_at, cue.group("cue"), whole), content_end, phrase, who_end, True)


# to whom, before what was said: "told CNN, his policy …"
RECIPIENT = re.compile(r"\s*(?:(?:the\s+)?(?:[A-Z][\w’'.-]*\s*)+|reporters|journalists|supporters|him|her|them)\s*,\s+"
                       # "told the club's website he was “…”": whom, then the clause's subject
                       r"|\s*(?:the|a|an|his|her|its|their)\s+(?:[\w-]+[’']s\s+)?[a-z][\w-]*\s+(?=(?:he|she|they|it|we|I)\s)")


# "said in a statement that …", "said again that …": what may stand between a cue and its clause's "that"
PLACE_BEFORE_THAT = re.compile(r"\s*(?:$|(?:in|on|at|during|after|before|to|from|via|through|with|over|while|when|earlier|"
                               r"later|last|this|again|also|repeatedly|recently|previously|then)\b)", re.I)


def clause_start(rest: str, open_at: int, cue: str = "", whole: bool = False) -> int:
    """Where the attributed content starts, given the words `rest` between the cue and the quote mark."""
    lead = (RECIPIENT.match(rest) if cue.lower().startswith(("told", "tell")) else None) or SETTING.match(rest)
    if lead:
        return clause_start(rest[lead.end() :], open_at, whole=whole)
    handed_over = rest.rstrip().endswith(":") or (whole and rest.rstrip().endswith(","))  # "whispered to him: “…”"
    if handed_over or re.fullmatch(r"[\s,:—–-]*(?:that\s*)?", rest):
        return open_at + 1
    that = re.search(r"\bthat\s", rest)  # "told holdouts for the senator that they were “…”": the clause starts at "that"
    if that and not OBJECT_CUE.match(cue) and not PLACE_BEFORE_THAT.match(rest[: that.start()]):
        that = None  # "said he has seen schools that reminded him of “…”": a relative "that", inside the clause
    if that:
        return open_at - len(rest) + that.start()
    return open_at - len(rest) + (len(rest) - len(rest.lstrip(" ,:")))


def introduction_before(text: str, para_start: int) -> tuple[str, int] | None:
    """The speaker of a paragraph that ends with "X cue:" right before a quote paragraph."""
    previous = text[:para_start].rstrip()
    if not previous.endswith(":"):
        return None
    start = paragraph_bounds(text, len(previous) - 1)[0]
    line = previous[start:]
    cue = CUE_IN_PRE.search(line[:-1] + " ") if len(line) < 400 else None
    if cue is None:
        return None
    phrase = subject_before(text, start, start + cue.start("cue"))
    return (phrase, start + cue.start("cue")) if phrase else None


# where a partial quote's clause stops: at appended matter (" — a modest boost …", ", a swipe at …", ", which …");
# a bare comma is not enough, lists and asides run on inside clauses (PolNeAR train F1 0.831 -> 0.836)
APPENDED_MATTER = re.compile(
    r"\s[—–]|\s--\s|\(|,\s(?:which|who|whose|where|a|an|another|the|and|but|while|as|after|before|in|on|at|"
    + PARTICIPLE_CUES + r")\s"
    r"|\s(?:and|but)\s+(?:then\s+|also\s+)?(?:[a-z]+ed|said|says|called|calls|cast|made|took|gave|held)\s"  # "… and said it was"
    r"|\s(?:and|but)\s+(?:then\s+|also\s+)?" + CUE + r"\s"  # "… but argues that"
)


def sentence_content_end(text: str, close_at: int, sentence_end: int) -> int:
    """The end of the clause a partial quote runs on into: "he was “encouraged” by the plan — …"."""
    end = sentence_end
    stop = APPENDED_MATTER.search(text, close_at + 1, sentence_end)
    if stop:
        end = stop.start()
    while end > close_at and text[end - 1] in " .!?\n":
        end -= 1
    return end


def cued_speaker(found: Attribution, para_start: int, people: People) -> str | None:
    speaker = resolve_speaker(found.speaker_phrase, found.speaker_at, people)
    if speaker and found.speaker_at >= para_start and names_institution(speaker, people):
        # "Li Haidong, professor at the China Foreign Affairs University, echoed": a person named
        # just before the institution in the paragraph is the speaker
        speaker = people.latest_in(para_start, found.speaker_at + 1) or speaker
    return speaker


def sentence_edges(text: str) -> tuple[list[int], list[int]]:
    sentences = split_sentences(text)
    return [s.start for s in sentences] or [0], [s.end for s in sentences] or [len(text)]


def carried_over(text: str, found: Attribution, last: tuple[tuple[int, str, bool], int], open_at: int,
                 bounds: tuple[list[int], list[int]], people: People) -> tuple[str, bool, bool]:
    """(speaker, continues, inferred) of a quote going on with the last speaker's words, unless someone new became a
    sentence's subject in between ("“…,” says House. Durning did not need much coaxing. “…”": Durning's words)."""
    (_, speaker, inferred), last_end = last
    newcomer = newcomer_before(text, (last_end, open_at), speaker, bounds, people) if not found.cued else None
    if newcomer:
        return newcomer, False, True
    return speaker, not found.cued or found.from_paragraph, inferred


def find_quotes(text: str, people: People) -> list[QuoteSpan]:
    """Every attributed direct quote of the text, with its content span, resolved speaker and credit."""
    # same offsets, so the spans fit the caller's text
    text = with_single_quotes_as_marks(with_double_apostrophes_as_marks(text))
    bounds = sentence_edges(text)
    spans: list[QuoteSpan] = []
    last_speaker: tuple[int, str, bool] | None = None  # (paragraph start, speaker, inferred) for split and running quotes
    last_end = 0
    # read once a paragraph, not once a quote: a transcript may be one paragraph of a thousand quotes
    credits = {start: credited_source(text[start:end]) for start, end in paragraphs(text)}
    marks = quote_marks(text)
    titles = {(o, c) for o, c in marks if is_title(text, o, c)}
    title_words = {text[o + 1 : c].strip(" ,.") for o, c in titles}  # "“The Kid Who Would Be King” reclaims …": a title again
    reading = without_marks(text, titles)  # "Johnson tells MSNBC’s “Morning Joe” that “…”": the cue reaches past a title
    for open_at, close_at in marks:
        words = len(text[open_at + 1 : close_at].split())
        if words == 0 or (open_at, close_at) in titles or text[open_at - 1 : open_at] == "=":
            continue  # nothing quoted, a title, or a markup attribute value (<tweet author="@x">)
        found = attribution_of(reading, open_at, close_at, bounds)
        if words < 2 and not (found.cued and (found.content_start < open_at or found.speaker_at > close_at)):
            continue  # a scare-quoted word, unless reported speech quotes it or a cue follows ("“Okay,” I said")
        para_start = paragraph_bounds(text, open_at)[0]
        speaker = cued_speaker(found, para_start, people)
        if last_speaker and pronoun_after_description(found, last_speaker, (last_end, open_at), para_start, people):
            speaker = last_speaker[1]  # "“…,” the regional transport minister said. “…,” she added."
        continues = inferred = False
        if speaker is None and not found.cued:  # "“…,” Bennett smiled": nearer than the last speaker
            speaker = name_after(text, open_at, close_at, people)
            inferred = speaker is not None
        if (speaker is None or found.from_paragraph) and last_speaker and inherits(text, last_speaker[0], para_start, open_at):
            speaker, continues, inferred = carried_over(text, found, (last_speaker, last_end), open_at, bounds, people)
        elif found.resumes and last_speaker and last_speaker[0] == para_start:
            continues = True
        if speaker is None and not found.cued and credits[para_start] and PARAGRAPH_CREDIT.match(text, para_start):
            speaker = credits[para_start]  # "According to Xinhua, … a “just and multipolar international order.”"
        elif speaker is None and not found.cued and nobody_said(text, (open_at, close_at), para_start, title_words):
            continue  # "Great Satan", a title, a slogan: quoted words nobody is said to have said
        if speaker is None:
            speaker = subject_nearby(text, open_at, para_start, bounds, people) or salient_speaker(text, open_at, para_start, people)
            inferred = speaker is not None
        if speaker:
            last_speaker, last_end = (para_start, speaker, inferred), close_at
        spans.append(QuoteSpan(open_at + 1, close_at, speaker, credits[para_start], content_start=found.content_start,
                               content_end=found.content_end, continues=continues, inferred=inferred))
    return credited_per_paragraph(text, spans)


def pronoun_after_description(found: Attribution, last: tuple[int, str, bool], between: tuple[int, int], para_start: int,
                              people: People) -> bool:
    """"he"/"she" cueing a quote in the paragraph of a quote whose speaker the article names only by description (no
    person to count as a mention), with no one named in between: the same speaker goes on; so does one "he added"."""
    pronoun = (found.speaker_phrase or "").strip().lower()
    if pronoun not in ("he", "she"):
        return False
    described = last[1][:1].islower() and people.by_name(last[1]) is None
    if described and last[0] == para_start and not people.named_between(*between):
        return True
    return added_by(people, pronoun, found.speaker_at, last[1], between)
