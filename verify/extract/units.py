"""Units of measure after a figure ("1,200 MW", "75 kilometres", "12 °C", "60 sq km", "70 miles an hour"),
read and converted by pint: the same measure written in other units is the same figure."""

from __future__ import annotations

import re
from functools import lru_cache

import pint

from verify.extract.money import CURRENCIES, currency_after
from verify.extract.numbers import QUALIFIER_RE
from verify.models import Quantity

# what news measures, by a unit of each (not a plain angle: "30 degrees" may be anything)
MEASURES = {"length": "m", "area": "m**2", "volume": "m**3", "mass": "kg", "power": "W", "energy": "J",
            "temperature": "K", "speed": "m/s", "duration": "s", "frequency": "1/s"}
# words pint takes for a unit that prose uses as words ("2 in 10", "a point", "are", "feet first")
NOT_UNITS = {"in", "a", "at", "are", "point", "points", "pt", "line", "lines", "hand", "hands", "stone", "stones",
             "grain", "grains", "drop", "drops", "cup", "cups", "mil", "s", "h", "g", "t", "l", "b", "c", "f", "k",
             "x", "d", "p", "pi", "rad", "ton-force", "bag", "bags", "square", "cubic", "degree", "degrees",
             "pound", "pounds", "quad", "quads", "pint", "pints", "barn", "barns", "turn", "turns", "century",
             "league", "leagues", "shot", "shots", "rod", "rods", "pole", "poles", "perch", "chain", "chains", "link",
             "links", "span", "spans", "shake", "shakes", "slug", "slugs", "quarter", "quarters", "cable", "cables",
             "peck", "pecks", "gill", "gills", "cord", "cords", "tex", "nit", "nits", "jigger", "pica", "tonne-force"}
WORD = r"[A-Za-z][A-Za-z]*"
UNIT_AFTER = re.compile(
    r"(?:\s*|-)(?:(?:full|whole|entire)\s+)?(?P<unit>"  # "two full days" are two days
    r"°\s?[CF]\b|degrees?\s+(?:Celsius|Fahrenheit|centigrade|C|F)\b"  # temperatures
    r"|(?:square|sq\.?|cubic|cu\.?)\s+" + WORD +  # "square kilometres", "sq km", "cubic metres"
    r"|(?:metric|short|long)\s+tons?\b"
    r"|" + WORD + r"(?:²|³|2\b|3\b)"  # "km²", "m3"
    r"|" + WORD + r"(?:/" + WORD + r"|\s+(?:per|an|a)\s+(?:hour|second|minute|h|hr|s)\b)?"  # "km/h", "miles an hour"
    r")",
)
SPELLINGS = [  # how prose writes what pint's grammar writes otherwise
    (re.compile(r"^degrees?\s+(?:Celsius|centigrade|C)$|^°\s?C$", re.I), "degC"),
    (re.compile(r"^degrees?\s+(?:Fahrenheit|F)$|^°\s?F$", re.I), "degF"),
    (re.compile(r"^(?:metric\s+)?tons?$", re.I), "tonne"),  # news tons are tonnes more often than short tons
    (re.compile(r"^short\s+tons?$", re.I), "short_ton"),
    (re.compile(r"^decades?$", re.I), "decade_of_years"),
    (re.compile(r"^long\s+tons?$", re.I), "long_ton"),
    (re.compile(r"^(?:square|sq\.?)\s+(\w+)$", re.I), r"\1**2"),
    (re.compile(r"^(?:cubic|cu\.?)\s+(\w+)$", re.I), r"\1**3"),
    (re.compile(r"^(\w+)\s+(?:per|an|a)\s+(\w+)$", re.I), r"\1/\2"),
    (re.compile(r"^(\w+)[²2]$"), r"\1**2"),
    (re.compile(r"^(\w+)[³3]$"), r"\1**3"),
]


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """Built once, when a text first has a word that may be a unit (building it takes about a second)."""
    units = pint.UnitRegistry()
    units.define("decade_of_years = 10 * year")  # pint's "decade" is a ratio (a factor of ten), news's ten years
    return units


@lru_cache(maxsize=4096)
def parse_unit(written: str) -> str | None:
    """The unit a word or phrase names, in pint's short form ("megawatts" -> "MW", "sq km" -> "km ** 2"),
    or None when it names no measure news compares."""
    if written.lower() in NOT_UNITS or not written.strip():
        return None
    spelled = written
    for pattern, replacement in SPELLINGS:
        if pattern.match(spelled):
            spelled = pattern.sub(replacement, spelled)
            break
    try:
        units = registry().parse_units(spelled)
    except (pint.errors.PintError, ValueError, TypeError, AttributeError, KeyError, SyntaxError):
        return None
    symbol = f"{units:~}"
    if written.lower() != symbol.lower() and written.lower().rstrip("s") == symbol.lower() and len(symbol) <= 3:
        return None  # "bus" is no plural of "bu" (bushels), nor "mins" of anything: a symbol takes no plural
    return symbol if measure_named(units) else None


def unit_after(sentence: str, end: int) -> tuple[str, int] | None:
    """(unit, where its words end) right after a figure ending at `end`: "1,200 MW", "62-kilometre"."""
    match = UNIT_AFTER.match(sentence, end)
    if match is None:
        return None
    words = match.group("unit")
    for candidate in dict.fromkeys([words, words.split()[0]]):  # "miles an hour", else "miles"
        unit = parse_unit(candidate)
        if unit is not None:
            return unit, match.start("unit") + len(candidate)
    return None


PINT_UNIT = re.compile(r"^(?:1 / )?[A-Za-z°µ][\w °µ*/]*$")  # what `parse_unit` gives; not "$", "€" nor "per 100000"


@lru_cache(maxsize=1024)
def measure_of(unit: str) -> str:
    """What a unit measures ("km" -> "length"), or "" for money, percent and other units."""
    if not PINT_UNIT.match(unit) or unit in ("percent", "p") or unit.startswith("per ") or unit in CURRENCIES:
        return ""
    try:
        units = registry().parse_units(unit)
    except (pint.errors.PintError, ValueError, TypeError, AttributeError, KeyError, SyntaxError):
        return ""
    return measure_named(units)


@lru_cache(maxsize=1)
def dimensions() -> dict[str, object]:
    return {registry().parse_units(unit).dimensionality: name for name, unit in MEASURES.items()}


def measure_named(units: pint.Unit) -> str:
    """"length" for kilometres, "power" for megawatts; "" for what news does not measure here (hours, degrees)."""
    return str(dimensions().get(units.dimensionality, ""))


def convert(value: float | None, unit: str, to: str) -> float | None:
    """A value in `unit` written in `to` (offsets too: 50 °F is 10 °C)."""
    if value is None or unit == to:
        return value
    return float(registry().Quantity(value, unit).to(to).magnitude)


def unit_words_as_measure(counted: str, unit: str) -> str:
    """The counted phrase with its leading unit words named by what they measure: "MW of hydropower" and
    "megawatts of hydropower" are both "power of hydropower"; "miles" and "kilometres" both "length"."""
    measure = measure_of(unit)
    if not measure or not counted:
        return counted
    found = unit_after(counted, 0)
    return f"{measure}{counted[found[1]:]}" if found else counted


def same_measure(unit: str, other: str) -> bool:
    """The same unit, or units of one measure ("mi" and "km", "°F" and "°C")."""
    return unit == other or (bool(measure_of(unit)) and measure_of(unit) == measure_of(other))


def only_to_agree(unit: str, other: str) -> bool:
    """Durations in two units ("two decades", "20 years"; "48 hours", "two days") may agree once converted, but one is
    no contradiction of the other: "lasted seven months" and "runs for 20 years" count different spans."""
    return unit != other and measure_of(unit) == "duration" == measure_of(other)


def expressed_in(q: Quantity, unit: str, durations: bool = False) -> Quantity:
    """A figure in another unit of its measure, its bounds converted too: "47 miles" as 75.6 km. Durations are
    converted only when asked (`durations`): see `only_to_agree`."""
    if q.unit == unit or not measure_of(q.unit) or (only_to_agree(q.unit, unit) and not durations):
        return q
    converted = {"value": convert(q.value, q.unit, unit), "low": convert(q.low, q.unit, unit),
                 "high": convert(q.high, q.unit, unit), "unit": unit}
    return q.model_copy(update=converted)


MASK = "#"
QUALIFIED_MASK = re.compile(r"\b(?:" + QUALIFIER_RE + r")\s+" + MASK, re.I)


def without_units(masked: str) -> str:
    """A text whose figures are masked ("#"), with the unit or currency words after each mask and the qualifier
    before it taken out too: "# MW of hydropower" and "up to # megawatts of hydropower" then read alike."""
    masked = QUALIFIED_MASK.sub(MASK, masked)
    out, cursor = [], 0
    for at in [i for i, ch in enumerate(masked) if ch == MASK]:
        if at < cursor:
            continue
        found = unit_after(masked, at + 1) or currency_after(masked, at + 1)
        out.append(masked[cursor : at + 1])
        cursor = found[1] if found else at + 1
    return "".join(out) + masked[cursor:]
