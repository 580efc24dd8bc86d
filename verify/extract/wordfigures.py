"""Figures written in several words: "two hundred and twelve", "three thousand five hundred", "one and a half
million", "half a million", "a quarter of a million", "half a mile", "half a century", "two and a half hours", "three point nine per cent".
Each is one figure, its value the words' value, its unit or scale the one they name."""

from __future__ import annotations

import re

from verify.extract.counted import counted_after
from verify.extract.money import currency_after
from verify.extract.numbers import ORDINAL_WORDS, QUALIFIER_RE, SCALES, TENS, UNITS, interval, qualifier_of
from verify.extract.units import measure_of, unit_after
from verify.models import Qualifier, Quantity

_small = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
_word = r"(?:" + _small + r")(?:-(?:" + _small + r"))?"  # "twelve", "twenty-five"
_big = r"hundred|thousand|million|billion|trillion"
# a run of number words with at least one scale inside and more words after it: "two hundred and twelve",
# "twenty-five thousand, four hundred", "one thousand and one" ("two hundred" alone the plain reader takes)
RUN = re.compile(
    r"(?<![\w-])(?:(?P<qual>" + QUALIFIER_RE + r")\s+)?(?P<words>" + _word + r"\s+(?:" + _big + r")"
    r"(?:(?:,?\s+and\s+|,?\s+|-)(?:" + _word + r"|" + _big + r"))+)(?![\w-])",
    re.I,
)
_fraction = r"half|(?:a|one)[- ]quarter|(?:a|one)[- ]third|three[- ]quarters|two[- ]thirds"
FRACTION_VALUES = {"half": 0.5, "quarter": 0.25, "third": 1 / 3, "quarters": 0.75, "thirds": 2 / 3}
# "one and a half million", "two and a half years", "3 and a half hours"
AND_A_HALF = re.compile(r"(?<![\w-])(?:(?P<qual>" + QUALIFIER_RE + r")\s+)?(?P<whole>" + _word + r"|\d+)\s+and\s+a\s+half"
                        r"(?:\s+(?P<scale>" + _big + r")\b)?", re.I)
# "half a million", "a quarter of a million", "three-quarters of a billion"; "half a mile", "a quarter of an hour"
FRACTION_OF_ONE = re.compile(r"(?<![\w-])(?:(?P<qual>" + QUALIFIER_RE + r")\s+)?(?P<fraction>" + _fraction + r")"
                             r"\s+(?:of\s+)?an?\s+(?:(?P<scale>" + _big + r"|dozen)\b|(?=[a-z]))", re.I)
# a decimal said as transcripts write it: "three point nine per cent", "six point two million dollars"
DIGIT_WORDS = {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
POINT = re.compile(r"(?<![\w-])(?:(?P<qual>" + QUALIFIER_RE + r")\s+)?(?P<whole>" + _word + r"|\d+)\s+point"
                   r"(?P<decimals>(?:\s+(?:" + "|".join(DIGIT_WORDS) + r"))+)(?:\s+(?P<scale>" + _big + r")\b)?(?![\w-])", re.I)
# "more than a mile", "nearly a kilometre": one of a measure, bounded; a bare "a mile" is mostly no claim ("a mile away")
ONE_BOUNDED = re.compile(r"(?<![\w-])(?P<qual>" + QUALIFIER_RE + r")\s+(?:a|an|one)(?=\s+[a-z])", re.I)
PERCENT_AFTER = re.compile(r"\s*(?:%|per\s*cent\b|percent\b)", re.I)
LONG_SPANS = {"century": 100.0, "centuries": 100.0}  # "half a century": pint's century is no unit here (21st century)

Found = tuple[int, int, Quantity]


def run_value(words: str) -> float | None:
    """The value of number words with scales: "two hundred and twelve" 212, "twenty-five thousand" 25,000."""
    total = current = 0.0
    for token in re.split(r"[\s,-]+", words.lower()):
        if token == "and":
            continue
        if token in UNITS or token in TENS:
            current += UNITS.get(token, TENS.get(token, 0))
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in SCALES:
            total, current = total + (current or 1) * SCALES[token], 0.0
        else:
            return None
    return total + current


def fraction_value(written: str) -> float:
    return FRACTION_VALUES[re.split(r"[- ]", written.lower())[-1]]


def figure(sentence: str, span: tuple[int, int], value: float, phrase: str | None, unit: tuple[str, int] | None = None,
           rounded: bool = False) -> Found:
    """A word figure and what follows it: its currency ("half a billion dollars"), what it counts. A measure's
    counted phrase starts with its unit's words, as the plain reader's does ("half a mile" counts "mile")."""
    start, end = span
    percent = PERCENT_AFTER.match(sentence, end) if unit is None else None
    if percent:  # "four and a half per cent": a share, as "4.5 per cent" is
        end, unit = percent.end(), ("percent", percent.end())
    money = currency_after(sentence, end) if unit is None else None
    qualifier = qualifier_of(phrase)
    # a fraction in words is a round figure: "half a mile" stands for 800 metres as "about half a mile" does
    low, high = interval(value, Qualifier.ABOUT if rounded and qualifier is Qualifier.EXACT else qualifier, phrase, in_words=rounded)
    counted = counted_after(sentence, money[1] if money else unit[1] if unit else end)
    quantity = Quantity(value=value, low=low, high=high, qualifier=qualifier, unit=money[0] if money else unit[0] if unit else "",
                        counted=counted, surface=sentence[start:end].strip())
    return start, money[1] if money else end, quantity


def of_one(sentence: str, match: re.Match[str]) -> Found | None:
    """"half a million" (a number), "half a mile", "a quarter of an hour", "half a century" (a measure)."""
    share = fraction_value(match.group("fraction"))
    if match.group("scale"):
        scale = 12.0 if match.group("scale").lower() == "dozen" else SCALES[match.group("scale").lower()]
        return figure(sentence, (match.start(), match.end()), share * scale, match.group("qual"), rounded=True)
    word = re.match(r"[a-z]+", sentence[match.end() :])
    if word is None:
        return None
    if word.group(0) in LONG_SPANS:  # "half a century" is 50 years; what follows says what of
        end = match.end() + word.end()
        years = Quantity(**{**figure(sentence, (match.start(), end), share * LONG_SPANS[word.group(0)], match.group("qual"),
                                     ("a", end), rounded=True)[2].model_dump(), "counted": "years"})
        return match.start(), end, years
    measure = unit_after(sentence, match.end())
    if measure is None:
        return None
    return figure(sentence, (match.start(), measure[1]), share, match.group("qual"), (measure[0], match.end()), rounded=True)


def one_bounded(sentence: str, match: re.Match[str]) -> Found | None:
    """"more than a mile" is more than one mile; spans of time are left to the readers of conditions ("waiting more
    than a year" bounds who is counted)."""
    measure = unit_after(sentence, match.end())
    word = sentence[match.end() :].split(maxsplit=1)[0].lower()
    if measure is None or measure_of(measure[0]) in ("", "duration") or word in ORDINAL_WORDS:
        return None  # "about a fifth of the staff" is a share, not a fifth of a gallon
    return figure(sentence, (match.start(), measure[1]), 1.0, match.group("qual"), (measure[0], match.end()))


def whole_part(match: re.Match[str]) -> float | None:
    whole = match.group("whole")
    return float(whole) if whole.isdigit() else run_value(whole)


def scaled(sentence: str, match: re.Match[str], value: float) -> Found:
    """A spoken figure with its scale ("… million") or else the unit after it ("… hours", "… per cent")."""
    value *= SCALES.get((match.group("scale") or "").lower(), 1.0)
    measure = None if match.group("scale") else unit_after(sentence, match.end())
    end = measure[1] if measure else match.end()
    return figure(sentence, (match.start(), end), value, match.group("qual"), (measure[0], match.end()) if measure else None)


def and_a_half(sentence: str, match: re.Match[str]) -> Found | None:
    whole = whole_part(match)
    return None if whole is None else scaled(sentence, match, whole + 0.5)


def decimal(sentence: str, match: re.Match[str]) -> Found | None:
    whole = whole_part(match)
    if whole is None:
        return None
    digits = "".join(str(DIGIT_WORDS[w.lower()]) for w in match.group("decimals").split())
    return scaled(sentence, match, float(f"{whole:.0f}.{digits}"))


def word_figures(sentence: str) -> list[Found]:
    """Figures in several words, in reading order, none overlapping another."""
    found: list[Found] = []
    candidates = [and_a_half(sentence, m) for m in AND_A_HALF.finditer(sentence)]
    candidates += [decimal(sentence, m) for m in POINT.finditer(sentence)]
    candidates += [of_one(sentence, m) for m in FRACTION_OF_ONE.finditer(sentence)]
    candidates += [one_bounded(sentence, m) for m in ONE_BOUNDED.finditer(sentence)]
    for match in RUN.finditer(sentence):
        value = run_value(match.group("words").rstrip(", "))
        if value is not None:
            candidates.append(figure(sentence, (match.start(), match.end()), value, match.group("qual")))
    for start, end, quantity in sorted((c for c in candidates if c is not None), key=lambda c: (c[0], -c[1])):
        if not any(a < end and start < b for a, b, _ in found):
            found.append((start, end, quantity))
    return found

