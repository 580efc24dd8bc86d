"""Find the quantities a sentence states, with qualifier, interval and what is counted."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import takewhile

from verify.extract.numbers import (
    FEW, FEW_UNITS, FRACTION_RE, INNER_SCALE, QUANTITY_RE, SCALES, SINGLE_RE, SUPERLATIVE, VAGUE, VAGUE_RE, QUALIFIER_RE, interval,
    ordinal_word_value, fraction_value, parse_number, qualifier_of, word_value,
)
from verify.dates import COMPARED_BEFORE
from verify.extract.frequency import as_frequency
from verify.extract.streaks import as_streak
from verify.extract.counted import (LINK_PREPOSITIONS, WORD, apposed_noun, as_age_group, counted_after, counted_by_number_of,
                                    counted_in_clause, group_before, group_size_counted, is_target, share_among)
from verify.extract.money import currency_after, currency_of
from verify.extract.units import unit_after
from verify.extract.wordfigures import word_figures
from verify.models import Quantity, Qualifier

MONTHS = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
DATE_NEAR = re.compile(r"\b(?:" + MONTHS + r")\.?\s*$", re.I)  # "May 8": the number is a day
TIME_AFTER = re.compile(r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt|utc|h\b)|^:\d\d", re.I)
MILITARY_TIME = re.compile(r"^\s*hours\b", re.I)  # "1600 hours" is a time; "36 hours" is a duration
SCOPE = re.compile(
    r"\b(?P<scope>since (?:her |his |their |the )?[\w’'-]+(?: [\w’'-]+){0,3}|this (?:year|month|week)|"
    r"so far this (?:year|month)|in (?:19|20)\d\d|last year|as president|in office)\b",
    re.I,
)
DEFINITE = re.compile(r"\b(?:the|both|these|those)\s+$", re.I)
RANKED_AFTER = re.compile(r"\s+" + SUPERLATIVE, re.I)  # "the twelve busiest lines" is a count; "the two leaders" names a group


def scope_after(sentence: str, end: int) -> str:
    """The period a count covers, if the sentence says it within a few words."""
    clause_end = re.search(r"[,;(]", sentence[end : end + 60])  # "64 routes at the end of 2025, down from 71 in 2019"
    match = SCOPE.search(sentence, end, end + clause_end.start() if clause_end else min(len(sentence), end + 60))
    if match is None or COMPARED_BEFORE.search(sentence[max(0, match.start() - 30) : match.start()]):
        return ""  # "up six percent on September last year": last year is what the rise is measured against
    return match.group("scope").lower()


@dataclass(frozen=True)
class Mention:
    start: int  # offsets into the sentence
    end: int
    quantity: Quantity


def is_year(value: float, raw: str, suffix: str | None) -> bool:
    return suffix is None and raw.isdigit() and len(raw) == 4 and 1500 <= value <= 2200


def number_value(match: re.Match[str]) -> tuple[float, bool] | None:
    """(value, is ordinal) of a QUANTITY_RE match before scales."""
    if match.group("digits"):
        return float(match.group("digits").replace(",", "")), bool(match.group("suffix"))
    if match.group("words"):
        value = word_value(match.group("words"))
        return (value, False) if value is not None else None
    if match.group("one"):
        return 1.0, False  # "a million": the scale follows
    if match.group("ordword"):
        return ordinal_word_value(match.group("ordword")), True
    if match.group("dozen"):
        head = match.group("dozen").lower().split()[0]
        return (6.0 if head == "half" else (word_value(head) or 1.0) * 12), False
    return None


def skip_as_date_or_time(sentence: str, match: re.Match[str], value: float) -> bool:
    raw = match.group("digits") or ""
    if is_year(value, raw, match.group("suffix")) and not match.group("cur"):
        return True
    before, after = sentence[max(0, match.start() - 12) : match.start()], sentence[match.end() : match.end() + 8]
    if raw and DATE_NEAR.search(before) and value <= 31 and "," not in raw:  # "May 8"; not "in September 212,000"
        return True
    if raw and re.match(r"^\s*(?:" + MONTHS + r")\b", after, re.I) and not match.group("suffix"):
        return True  # "8 May"
    return bool(raw and (TIME_AFTER.match(after) or (len(raw) == 4 and MILITARY_TIME.match(after))))


def make_quantity(sentence: str, match: re.Match[str]) -> Quantity | None:
    parsed = number_value(match)
    if parsed is None:
        return None
    value, ordinal = parsed
    if skip_as_date_or_time(sentence, match, value):
        return None
    scale = (match.group("scale") or group(match, "hiscale") or "").lower().rstrip(".")
    if scale in ("m", "b", "k") and not scale_meant(sentence, match, scale):
        scale = ""  # a bare "5 m" is metres more often than millions
    value *= SCALES.get(scale, 1.0)
    phrase = match.group("qual")
    qualifier = qualifier_of(phrase)
    high_raw = group(match, "hi")
    high = None
    if high_raw and not ordinal:
        high = parse_number(high_raw)
        if high is not None:
            high *= SCALES.get((group(match, "hiscale") or scale).lower().rstrip("."), 1.0)
            qualifier = Qualifier.RANGE if high > value else qualifier
    if phrase and phrase.lower() == "over" and match.group("words") and PERIOD_AFTER.match(sentence, match.end()):
        qualifier = Qualifier.EXACT  # "over two years" is a period, not "more than two years"
    if ordinal and qualifier is not Qualifier.EXACT and not phrase:
        qualifier = Qualifier.EXACT
    low_bound, high_bound = interval(value, qualifier, phrase, high if qualifier is Qualifier.RANGE else None)
    unit, counted = unit_and_counted(sentence, match, ordinal)
    return Quantity(
        value=value, low=low_bound, high=high_bound, qualifier=qualifier, ordinal=ordinal,
        counted=counted, scope=scope_after(sentence, match.end()), unit=unit, surface=match.group(0).strip(),
    )


def scale_meant(sentence: str, match: re.Match[str], scale: str) -> bool:
    """Is a one-letter scale a multiple: "$5m", "388m kroner", "251k", "31.2m trips"; not "a 5 m wall"."""
    if match.group("cur") or currency_after(sentence, match.end()):
        return True
    glued = match.group("digits") is not None and match.end("digits") == match.start("scale")
    return glued and (scale == "k" or "." in match.group("digits"))


def unit_and_counted(sentence: str, match: re.Match[str], ordinal: bool) -> tuple[str, str]:
    """The figure's unit (percent, a currency, a measure) and what it counts: "3.2 billion euros" is money in
    euros, "1,200 MW of hydropower" power (its counted phrase keeps the unit's words, as written)."""
    end = match.end()
    if match.group("pct") or group(match, "hipct"):
        unit = "percent"
    elif match.group("cur") or match.group("pence"):
        unit = currency_of(match.group("cur")) if match.group("cur") else "p"
    elif (money := currency_after(sentence, end)) is not None:
        unit = money[0]  # the currency's words stay in the counted phrase, as written ("38 million crowns")
    else:
        measure = None if ordinal else unit_after(sentence, end)
        unit = measure[0] if measure else ""
    counted = group_size_counted(sentence, end)
    if counted is None:
        counted = counted_in_clause(sentence, match.start(), counted_after(sentence, end))
    if not counted and ordinal:  # "The ban, the authority's third since 2010", "The championship is Norhaven's eleventh"
        counted = apposed_noun(sentence, match.start())
    if not counted and unit == "percent":  # "uptake among over-65s was 71.3%"
        counted = share_among(sentence, match.start())
    counted = as_age_group(sentence, end, counted)  # "71% of people over 65" are over-65s
    if not counted and not unit and not ordinal:  # "a workforce of 4,000", "the number of routes fell to 53"
        named = group_before(sentence, match.start())
        counted = named.group("noun").lower() if named else counted_by_number_of(sentence, match.start())
    return currency_word(unit, counted)


PERIOD_AFTER = re.compile(r"\s+(?:years?|months?|weeks?|days?|decades?|hours?|seasons?|terms?)\b", re.I)


def group(match: re.Match[str], name: str) -> str | None:
    """A named group, or None where the pattern has no such group (SINGLE_RE has no range end)."""
    return match.groupdict().get(name)


def range_ok(match: re.Match[str]) -> bool:
    """"20 to 30 percent" is a range; "40 percent to 4.5 billion" and "3-1" are not."""
    low, high = parse_number(match.group("digits") or match.group("words") or ""), parse_number(match.group("hi"))
    if low is None or high is None or (match.group("pct") and not match.group("hipct")):
        return False
    low *= SCALES.get((match.group("scale") or match.group("hiscale") or "").lower().rstrip("."), 1.0)
    high *= SCALES.get((match.group("hiscale") or match.group("scale") or "").lower().rstrip("."), 1.0)
    return high > low


def is_score(match: re.Match[str]) -> bool:
    """"beating holders Lindhaven City 3-1": a result, not a range (ranges climb)."""
    connector = match.group(0)[match.end("digits") - match.start() if match.group("digits") else 0 :]
    return bool(match.group("digits")) and connector.lstrip()[:1] in "-–—" and not range_ok(match)


CURRENCY_WORDS = {"dollars": "$", "dollar": "$", "usd": "$", "euros": "€", "euro": "€", "pounds": "£", "yen": "¥",
                  "percent": "percent", "per": "percent"}


def currency_word(unit: str, counted: str) -> tuple[str, str]:
    """"244.8 billion dollars" is the same unit as "$245 bn": move the currency word into the unit."""
    words = counted.split()
    if unit in ("", CURRENCY_WORDS.get(words[0].lower() if words else "")) and words and words[0].lower() in CURRENCY_WORDS:
        rest = words[2:] if words[0].lower() == "per" and len(words) > 1 and words[1].lower() == "cent" else words[1:]
        return CURRENCY_WORDS[words[0].lower()], " ".join(rest)
    return unit, counted


UNIT_WORD = re.compile(r"\s+(?:" + "|".join(w for w in CURRENCY_WORDS if w != "per") + r"|per\s*cent)\b", re.I)


def unit_word_end(sentence: str, match: re.Match[str]) -> int:
    """Where the figure ends, with a currency or percent word after it: the claim is "18.4 billion dollars"."""
    if match.group("cur") or match.group("pct"):
        return match.end()
    money = currency_after(sentence, match.end())
    after = UNIT_WORD.match(sentence, match.end())
    return money[1] if money else after.end() if after else match.end()


def vague_mentions(sentence: str) -> list[Mention]:
    mentions = []
    for match in VAGUE_RE.finditer(sentence):
        if match.group("few"):
            unit = FEW_UNITS[match.group("unit").lower()]
            low, high = (bound * unit for bound in FEW[match.group("few").lower()])
        else:
            low, high = VAGUE[match.group("vague").lower()]
            inner = INNER_SCALE.get((match.group("inner") or "").lower(), 1.0)
            low, high = low * inner, high * inner
        quantity = Quantity(
            value=low, low=low, high=high, qualifier=Qualifier.RANGE, counted=counted_after(sentence, match.end()),
            surface=match.group(0),
        )
        mentions.append(Mention(match.start(), match.end(), quantity))
    return mentions


def fraction_mentions(sentence: str) -> list[Mention]:
    """"half a percentage point", "more than a quarter of sales", "nearly a third of it", "two-thirds"."""
    mentions = []
    for match in FRACTION_RE.finditer(sentence):
        value = round(fraction_value(match), 4)  # "two-thirds" is 0.6667 in the report, and so are its bounds
        if match.group("of") and re.fullmatch(r"(?:1[5-9]|20|21)\d\d", match.group("of")):
            continue  # "down from 71 in 2019": a figure and its year, no share
        if not 0 < value <= 1:
            continue  # "one in 0", "five in four": not a share
        qualifier = qualifier_of(match.group("qual"))
        points = bool(POINTS_AFTER.match(sentence, match.end()))  # "half a percentage point" is no share
        unit, value = ("", value) if points else ("percent", round(value * 100, 2))
        # a share in words is a round figure: "a third" stands for 31 or 35 percent as "about a third" does
        low, high = interval(value, Qualifier.ABOUT if qualifier is Qualifier.EXACT and not points else qualifier,
                             match.group("qual"), in_words=True)
        quantity = Quantity(value=value, low=low, high=high, qualifier=qualifier, unit=unit,
                            counted=counted_after(sentence, match.end()), surface=match.group(0))
        mentions.append(Mention(match.start(), match.end(), quantity))
    return mentions


POINTS_AFTER = re.compile(r"\s+(?:a\s+)?(?:percentage\s+)?points?\b", re.I)


TWICE_RE = re.compile(r"(?<![\w-])(?:(?P<qual>" + QUALIFIER_RE + r")\s+)?(?P<word>twice|thrice)\b", re.I)


def twice_mentions(sentence: str) -> list[Mention]:
    """"twice interrupted", "visited twice", "more than twice as many": a count (or multiple) in one word."""
    mentions = []
    for match in TWICE_RE.finditer(sentence):
        value = 2.0 if match.group("word").lower() == "twice" else 3.0
        qualifier = qualifier_of(match.group("qual"))
        low, high = interval(value, qualifier, match.group("qual"))
        counted = counted_in_clause(sentence, match.start(), "times")
        quantity = Quantity(value=value, low=low, high=high, qualifier=qualifier, counted=counted, surface=match.group(0))
        frequency = as_frequency(sentence, match.start(), match.end(), quantity)  # "twice a week"
        mentions.append(Mention(match.start(), frequency[1] if frequency else match.end(), frequency[0] if frequency else quantity))
    return mentions


LABEL_BEFORE = re.compile(
    r"\b(?:type|phase|level|article|chapter|section|stage|grade|class|category|tier|no|number|version|model|route|"
    r"highway|flight|room|gate|platform|week|day|page|figure|table|appendix|part|act|season|episode|game|round|"
    r"covid|formula|world war|resolution|amendment|ward|district|precinct|lane|terminal|pier|berth)\.?\s*$",
    re.I,
)


UNIT_NOUN = re.compile(r"^\s+(?:week|day|year|month|hour|minute|second|decade|century|percent|per cent|point|term|season)\b", re.I)
PRONOUN_ORDINAL = re.compile(r"^\s*(?:[,.;:]|(?:was|were|is|are|had|has|died|said|came|went|did|does|will|would)\b)", re.I)


def is_idiom(sentence: str, match: re.Match[str]) -> bool:
    """Numbers that name rather than count: "one of the", "for the first time", "Type 1", "Phase 3"."""
    if match.group("digits") and LABEL_BEFORE.search(sentence[max(0, match.start() - 14) : match.start()]):
        return True
    word = match.group(0).strip().lower()
    after = sentence[match.end() : match.end() + 20]
    number = (match.group("words") or "").lower()
    if re.search(r"\bone in\s+$", sentence[max(0, match.start() - 8) : match.start()], re.I) or (
            number == "one" and re.match(r"^\s+in\s+(?:\d|[a-z]+\b)", after)):
        return True  # "one in five" is a share, written as two numbers
    if match.group("words") and re.match(r"^-(?:way|sided|fold)\b", after):
        return True  # "two-way trade", "a three-sided deal": no count
    if word == "some" or (word == "one" and not match.group("qual") and not UNIT_NOUN.match(after)):
        return True  # "one of the", "one said"; but "one week" counts
    parsed = number_value(match)
    if parsed is not None and parsed[1]:  # an ordinal
        return ordinal_names(sentence, match, word, after)
    return False


def ordinal_names(sentence: str, match: re.Match[str], word: str, after: str) -> bool:
    """Ordinals that name rather than count: "21st century", "Second World War", "the third died", "first payments"."""
    if re.match(r"^[\s-]+(?:century|centuries|millennium|party|parties|person|world)\b", after, re.I):
        return True  # "21st century", "third party", "first person": no count
    if re.match(r"^-(?!\w+est\b)[a-z]", after):
        return True  # "first-team coach", "second-hand", "first-class": a compound word; "fourth-largest" is a rank
    if match.group(0).strip()[:1].isupper() and re.match(r"^ [A-Z][a-z]", after):
        return True  # "Second World War", "Fifth Avenue", "Third Reich": part of a name
    if re.search(r"\b(?:a|the)\s+$", sentence[: match.start()], re.I) and PRONOUN_ORDINAL.match(after):
        return True  # "a third was treated", "the third died": the ordinal stands for a person
    noun = list(takewhile(lambda w: w not in LINK_PREPOSITIONS, counted_after(sentence, match.end()).split()))
    head = noun[-1] if noun else ""  # "defeat" of "defeat in 19 games"
    if word == "first" and (re.match(r"^\s+\d", after) or (head.endswith("s") and not head.endswith("ss"))):
        return True  # "the first 12 months", "the first payments": which ones, not how many
    if re.match(r"^-?\s*quarter\b(?!\s+in a row)|^\s+of\s+(?:" + MONTHS + r")\b", after, re.I):
        return True  # "third-quarter revenue", "in the second quarter" name a period; "the fifth of November" a date
    if word == "first" and (re.match(r"^\s+time\b", after) or (
            re.match(r"^\s+[a-z]+ed\b", after) and not re.search(r"\b(?:the|a|an)\s+$", sentence[: match.start()], re.I))):
        return True  # "for the first time", "was first elected in 2018" (but "the second time in three years" counts)
    if word in ("first", "second"):
        return not after.strip() or bool(re.match(r"^[\s-]+(?:half|place|quarter|round|hand|largest|biggest|"
                                                   r"highest|lowest|best|worst|thought|nature|of|day|week|month|year|"
                                                   r"season|stage|phase|step|lady|minister|secretary)\b", after, re.I))
    return False


def find_quantities(sentence: str, masked: list[tuple[int, int]] = ()) -> list[Mention]:
    """Quantities in `sentence`, skipping years, dates, times and masked spans (quotes)."""
    if not masked and len(sentence) < 5000:
        return list(_find_cached(sentence))
    return _find(sentence, masked)


@lru_cache(maxsize=16384)  # evidence sentences are read again for every claim that retrieves them
def _find_cached(sentence: str) -> tuple[Mention, ...]:
    return tuple(_find(sentence, ()))


def _find(sentence: str, masked) -> list[Mention]:  # type: ignore[no-untyped-def]
    words = [Mention(*found) for found in word_figures(sentence)]  # "two hundred and twelve", "half a million"
    fractions = words + [m for m in fraction_mentions(sentence) + twice_mentions(sentence)
                         if not any(w.start <= m.start < w.end for w in words)]
    blocked = list(masked) + [(m.start, m.end) for m in fractions]
    mentions = [m for m in fractions if not any(a <= m.start < b for a, b in masked)]
    position = 0
    while (match := QUANTITY_RE.search(sentence, position)) is not None:
        position = match.end()
        change = bool(re.search(r"\bfrom\s+$", sentence[max(0, match.start() - 6) : match.start()]))
        percent_after = change and bool(match.group("hipct")) and not match.group("pct")
        if match.group("hi") and (change or not range_ok(match)):  # "from 120 to 150" is a change, not a range
            if not change and is_score(match):
                continue
            match = SINGLE_RE.match(sentence, match.start()) or match
            position = match.end()
        if any(a <= match.start() < b for a, b in blocked) or is_idiom(sentence, match):
            continue  # quoted words, or "one of the", "for the first time", "second-largest": not checkable counts
        if match.group("words") and not match.group("qual") and DEFINITE.search(sentence[: match.start()]) \
                and not RANKED_AFTER.match(sentence, match.end()):
            continue  # "the two leaders", "both three", "the six months to June" name a group or a period
        quantity = make_quantity(sentence, match)
        if quantity is not None and percent_after:  # "from 20 to 30 percent": both are percentages
            quantity = quantity.model_copy(update={"unit": "percent"})
        rate = RATE_AFTER.match(sentence, match.end()) or NOUN_RATE_AFTER.match(sentence, match.end())
        if quantity is not None and rate:  # "14.8 per 100,000 people": one figure, a rate; the 100,000 is no claim
            quantity = quantity.model_copy(update={"unit": f"per {per_base(rate.group('per'))}",
                                                   "counted": counted_after(sentence, rate.end())})
            position = rate.end()
        end = rate.end() if rate else unit_word_end(sentence, match)
        if quantity is not None and not rate and (other := as_frequency(sentence, match.start(), match.end(), quantity)
                                                  or as_streak(sentence, match.end(), quantity)):
            quantity, end = other[0], max(end, other[1])  # "every ten minutes", "six times an hour", "four months in a row"
        if quantity is not None:
            mentions.append(Mention(match.start(), end, quantity))
    mentions += [m for m in vague_mentions(sentence) if not any(a <= m.start < b for a, b in masked)]
    return inherit_counted(sentence, sorted(mentions, key=lambda m: m.start))


RATE_AFTER = re.compile(r"\s+per\s+(?P<per>\d{1,3}(?:,\d{3})+|\d+k?|hundred|thousand|million)\b", re.I)
def per_base(written: str) -> str:
    """The base of a rate, one way: "100,000", "100k" and "100000" are "100000"; "thousand" is "1000"."""
    lower = written.lower().replace(",", "")
    if lower in SCALES:
        return f"{SCALES[lower]:.0f}"
    return f"{float(lower[:-1]) * 1000:.0f}" if lower.endswith("k") else lower


# "14.8 admissions per 100,000 people": the same rate with its noun before "per"
NOUN_RATE_AFTER = re.compile(r"\s+(?:[a-z][\w-]*\s+){1,2}?per\s+(?P<per>\d{1,3}(?:,\d{3})+|\d+k?|hundred|thousand|million)\b")
CHANGE_FROM = re.compile(r"(?:up|down|rising|falling|rose|fell|increased|decreased|compared)?\s*(?:from|with)\s*$", re.I)


def inherit_counted(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """"to 2,500 students a year, up from 800": the 800 counts students too; and the 53 of "from 64 routes to 53"; and
    the 75% of "uptake among over-65s was 71.3%, below the target of 75%" (see `is_target`)."""
    out: list[Mention] = []
    for i, mention in enumerate(mentions):
        q = mention.quantity
        to_after = i > 0 and sentence[mentions[i - 1].end : mention.start].strip().lower() == "to"
        if not q.counted and i > 0 and (to_after or CHANGE_FROM.search(sentence[max(0, mention.start - 20) : mention.start])):
            previous = out[i - 1].quantity
            rate = previous.unit.startswith("per ") and not q.unit  # "14.8 per 100,000, up from 11.2": a rate too
            if (previous.unit == q.unit or rate) and previous.ordinal == q.ordinal:
                update = {"counted": previous.counted, "unit": previous.unit}
                mention = Mention(mention.start, mention.end, q.model_copy(update=update))
        elif not q.counted and is_target(sentence, mention.start):
            measured = [m.quantity for m in out[::-1] + mentions[i + 1 :]
                        if m.quantity.counted and m.quantity.unit == q.unit and m.quantity.ordinal == q.ordinal]
            if measured:
                mention = Mention(mention.start, mention.end, q.model_copy(update={"counted": measured[0].counted}))
        out.append(mention)
    return out
