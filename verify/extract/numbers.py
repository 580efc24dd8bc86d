"""Numbers as newsrooms write them: digits, words, ordinals, scales, qualifiers, ranges."""

from __future__ import annotations

import math
import re

from verify.extract.money import CURRENCY
from verify.models import Qualifier

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
    "b": 1e9, "trillion": 1e12, "tn": 1e12, "k": 1e3,
}
VAGUE = {  # "hundreds of" and friends: the interval the phrase commits to
    "dozens": (24.0, 99.0), "scores": (40.0, 99.0), "hundreds": (200.0, 999.0),
    "thousands": (2000.0, 9999.0), "millions": (2e6, 9.99e8), "billions": (2e9, 9.99e11),
}

_word_numbers = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
_ordinals = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
_scales = r"hundred|thousand|million|billion|trillion|mln|mn|bn|tn|k|m|b"

QUALIFIERS: list[tuple[str, Qualifier]] = [
    (r"more than|over|exceeding|in excess of|upwards of|above", Qualifier.MORE_THAN),
    (r"at least|no fewer than|no less than|a minimum of|not less than", Qualifier.AT_LEAST),
    (r"fewer than|less than|under|below", Qualifier.LESS_THAN),
    (r"up to|at most|no more than|a maximum of|not more than", Qualifier.AT_MOST),
    (r"nearly|almost|just under|close to|just shy of", Qualifier.ABOUT),
    (r"about|around|some|roughly|approximately|an estimated|estimated|circa", Qualifier.ABOUT),
]
QUALIFIER_RE = "|".join(f"(?:{pattern})" for pattern, _ in QUALIFIERS)
BELOW_ONLY = re.compile(r"nearly|almost|just under|close to|just shy of", re.I)

# "the twelve busiest lines", "the dozen largest banks": a group picked by a ranking, whose size is checkable
SUPERLATIVE = (r"(?:busiest|largest|biggest|smallest|highest|lowest|longest|shortest|greatest|best|worst|richest|poorest|"
               r"oldest|newest|fastest|slowest|deadliest|strongest|weakest|most\s+[a-z]+|least\s+[a-z]+)\b")
NUMBER = (
    r"(?:(?P<cur>" + CURRENCY + r")\s?)?"
    r"(?:(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<suffix>st|nd|rd|th)?(?P<pence>p(?!\w|\.\w))?"
    r"|(?P<one>an?)(?=\s(?:hundred|thousand|million|billion|trillion)\b)"  # "more than a million copies"
    r"|(?P<dozen>(?:a|one|two|three|four|five|half a|the(?=\s+dozen\s+" + SUPERLATIVE + r"))\s+dozen)"
    r"|(?P<ordword>(?:(?:" + "|".join(TENS) + r")-)?(?:" + _ordinals + r"))"
    r"|(?P<words>(?:" + _word_numbers + r")(?:[-\s](?:" + _word_numbers + r"))?))"
    r"(?:(?:\s|-(?=million|billion))?(?P<scale>" + _scales + r")\b\.?)?"
    r"(?P<pct>\s?%|\s(?:per\s?cent|percent|pc\b))?"
)
UNIT_GLUED = r"(?<=\d)(?=(?:[kMGT]?W|[kMGT]Wh|km|kg|mm|cm|mph|kph|ha|°[CF])\b)"  # "1,200MW", "62km", "30mph"
QUANTITY_RE = re.compile(
    r"(?<![\w.,/:])(?<![A-Za-z]-)(?:(?P<qual>" + QUALIFIER_RE + r")\s+)?"
    r"(?P<between>between\s+)?" + NUMBER
    # the high end of a range: "20-30", "20 to 30", "between $2.4 billion and $2.6 billion" ("and" only after "between")
    + r"(?:(?:\s*[-–—]\s*|\s+to\s+|(?(between)\s+and\s+|(?!)))(?:(?:" + CURRENCY + r")\s?)?"
    r"(?P<hi>\d[\d,]*(?:\.\d+)?|" + _word_numbers + r")(?:\s?(?P<hiscale>" + _scales + r")\b\.?)?"
    r"(?P<hipct>\s?%|\s(?:per\s?cent|percent))?)?(?:(?![\w])|" + UNIT_GLUED + ")",
    re.I,
)
SINGLE_RE = re.compile(  # one figure, for a "range" that is two figures ("40 percent to 4.5 billion crowns")
    r"(?<![\w.,/:])(?<![A-Za-z]-)(?:(?P<qual>" + QUALIFIER_RE + r")\s+)?" + NUMBER + r"(?![\w])", re.I,
)
VAGUE_RE = re.compile(
    r"\b(?P<vague>dozens|scores|hundreds|thousands|millions|billions)\s+"
    r"(?:of\s+(?P<inner>thousands|millions|billions)\s+of\b|of\b|more\b)"
    r"|\b(?P<few>several|a few)\s+(?P<unit>dozen|hundred|thousand|million|billion)\b", re.I,
)
FEW = {"several": (3.0, 9.0), "a few": (2.0, 5.0)}  # "several hundred buildings": 300 to 900
FEW_UNITS = {"dozen": 12.0, "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}
INNER_SCALE = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}  # "hundreds of millions of euros"
DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "eighth": 8, "tenth": 10}
_parts = "|".join(DENOMINATORS)
_numerators = "two|three|four|five|seven|nine"
FRACTION_RE = re.compile(
    r"(?<![\w-])(?:(?P<qual>" + QUALIFIER_RE + r")\s+)?(?P<fraction>half an?\b|half(?=\s+of\b)|(?<=by )half\b"
    r"|(?<=most )half\b|(?<=nearly )half\b|(?<=than )half\b|(?<=about )half\b"  # "fell by almost half", "nearly half"
    # "a fifth of the staff", "a quarter point", "two-thirds", "three-fifths of voters"
    r"|(?:an?|one)[- ](?P<part>" + _parts + r")(?=\s+(?:of|point|percentage|less|more|fewer|lower|higher)\b)"
    r"|(?<=by )(?:an?|one)[- ](?P<bypart>" + _parts + r")\b"  # "cut its use by a fifth", "fell by one-third"
    r"|(?P<numerator>" + _numerators + r")[- ](?P<parts>(?:" + _parts.replace("half|", "") + r")s)\b"
    # "one in five households", "two in every three": a share written as two numbers
    r"|(?P<share>one|two|three|four|\d+) in (?:every )?(?P<of>two|three|four|five|six|seven|eight|nine|ten|\d+)\b)",
    re.I,
)


def fraction_value(match: re.Match[str]) -> float:
    """The share a FRACTION_RE match names: "a fifth" 0.2, "two-thirds" 0.667, "half of" 0.5."""
    if match.group("share"):
        share, whole = parse_number(match.group("share")), parse_number(match.group("of"))
        return share / whole if share is not None and whole else 0.0
    if match.group("parts"):
        return UNITS[match.group("numerator").lower()] / DENOMINATORS[match.group("parts").lower()[:-1]]
    return 1 / DENOMINATORS[(match.group("part") or match.group("bypart") or "half").lower()]


def word_value(words: str) -> float | None:
    total = 0.0
    for part in re.split(r"[-\s]+", words.lower()):
        if part in UNITS:
            total += UNITS[part]
        elif part in TENS:
            total += TENS[part]
        else:
            return None
    return total


def ordinal_word_value(word: str) -> float:
    parts = word.lower().split("-")
    return float(sum(TENS.get(p, 0) for p in parts[:-1]) + ORDINAL_WORDS[parts[-1]])


def parse_number(text: str) -> float | None:
    """The value of a bare number string ("1,200", "forty-two"), or None."""
    cleaned = text.replace(",", "").strip()
    try:
        return float(cleaned)
    except ValueError:
        return word_value(cleaned)


def qualifier_of(phrase: str | None) -> Qualifier:
    if not phrase:
        return Qualifier.EXACT
    for pattern, qualifier in QUALIFIERS:
        if re.fullmatch(pattern, phrase.strip(), re.I):
            return qualifier
    return Qualifier.EXACT


ABOUT_SHARE_MIN, ABOUT_SHARE_MAX = 0.03, 0.10
MANY_DIGITS = 5  # more significant digits than anyone writes after "about": a fraction ("about a third")


def interval(value: float, qualifier: Qualifier, qualifier_phrase: str | None, high: float | None = None,
             in_words: bool = False) -> tuple[float | None, float | None]:
    """The values a qualified figure admits; None is unbounded. A share or fraction in words ("a third", "half a
    mile") is as round as figures get: it reaches the widest "about" does."""
    if qualifier is Qualifier.RANGE:
        return value, high
    if qualifier is Qualifier.MORE_THAN or qualifier is Qualifier.AT_LEAST:
        return value, None
    if qualifier is Qualifier.LESS_THAN or qualifier is Qualifier.AT_MOST:
        return None, value
    if qualifier is Qualifier.ABOUT:
        if qualifier_phrase and BELOW_ONLY.fullmatch(qualifier_phrase.strip()):
            return value * 0.9, value
        spread = abs(value) * ABOUT_SHARE_MAX if in_words else about_spread(value)
        return value - spread, value + spread
    return value, value


def about_spread(value: float) -> float:
    """How far "about N" reaches: as far as N's last significant digit, within 3 to 10 per cent of it. A writer
    who says "about 212,000" has a figure near 212,000 (221,000 is another), "about 200,000" admits 215,000."""
    if value == 0:
        return 0.0
    digits = f"{abs(value):.12g}".split("e")[0].replace(".", "").strip("0")
    if len(digits) >= MANY_DIGITS:
        return abs(value) * ABOUT_SHARE_MAX
    last_digit = 10 ** (math.floor(math.log10(abs(value))) - (len(digits) - 1))
    return abs(value) * min(ABOUT_SHARE_MAX, max(ABOUT_SHARE_MIN, last_digit / abs(value)))
