"""Money in the spellings newsrooms use: "$3.2 billion", "US$3.2bn", "€3.2bn", "3.2 billion euros", "EUR 3.2 billion",
"3.2 billion USD". The currency is part of the figure: dollars are not euros, and "$", "US$", "USD" and "dollars" are
one currency unless the text names another dollar ("C$", "Canadian dollars")."""

from __future__ import annotations

import re

# the currency a symbol or code names, as one unit: the bare "$" is the US dollar, as in most English news
SYMBOLS = {"$": "$", "us$": "$", "usd": "$", "€": "€", "eur": "€", "£": "£", "gbp": "£", "¥": "¥", "jpy": "¥",
           "c$": "CAD", "ca$": "CAD", "cad": "CAD", "a$": "AUD", "au$": "AUD", "aud": "AUD", "nz$": "NZD", "nzd": "NZD",
           "hk$": "HKD", "hkd": "HKD", "s$": "SGD", "sgd": "SGD", "r$": "BRL", "brl": "BRL", "chf": "CHF", "sfr": "CHF",
           "cny": "CNY", "rmb": "CNY", "inr": "INR", "rs": "INR", "sek": "SEK", "nok": "NOK", "dkk": "DKK"}
# before the number: "US$3.2bn", "€ 3.2 billion", "EUR 3.2 billion" (a code needs its space: "EUR3.2" is rare, "USD3" a code)
CURRENCY = r"(?:US|CA?|AU?|NZ|HK|S|R)?\$|[€£¥]|(?:USD|EUR|GBP|JPY|CAD|AUD|NZD|HKD|SGD|CHF|CNY|RMB|INR|SEK|NOK|DKK)(?=\s?\d)"
# after the number (and its scale): "3.2 billion euros", "3.2bn US dollars", "5 million Swiss francs", "3.2 billion USD"
WORDS_AFTER = re.compile(
    r"(?:\s*|-)(?P<money>(?:(?P<which>US|U\.S\.|American|Canadian|Australian|New Zealand|Hong Kong|Singapore)\s+)?dollars?\b"
    r"|euros?\b|(?:pounds?|pounds sterling|sterling)\b|yen\b|(?:Swiss\s+)?francs?\b|yuan\b|renminbi\b|rupees?\b"
    r"|(?:crowns?|kron(?:or|er|e|a)|kr)\b|zloty\b|(?:roubles?|rubles?)\b"
    r"|(?:USD|EUR|GBP|JPY|CAD|AUD|NZD|HKD|SGD|CHF|CNY|INR|SEK|NOK|DKK)\b|€|\$)",
)
OTHER_DOLLARS = {"canadian": "CAD", "australian": "AUD", "new zealand": "NZD", "hong kong": "HKD", "singapore": "SGD"}
WORD_CURRENCIES = {"dollar": "$", "euro": "€", "pound": "£", "sterling": "£", "yen": "¥", "franc": "CHF", "yuan": "CNY",
                   "renminbi": "CNY", "rupee": "INR", "€": "€", "$": "$", "zloty": "PLN", "rouble": "RUB", "ruble": "RUB"}
# Scandinavian crowns in their spellings ("kroner", "kronor", "crowns", "kr") are one currency: a text on one country's
# money writes it one way or another, and Danish and Norwegian crowns are both "kroner"
CROWNS = re.compile(r"^(?:crowns?|kron(?:or|er|e|a)|kr\.?)$", re.I)
NOT_MONEY_AFTER = re.compile(r"\s+(?:of|per)\s+(?:beef|flour|meat|fish|fruit|sugar|weight|force|pressure)\b", re.I)


def currency_of(symbol: str | None) -> str:
    """The currency of a symbol or code before a number ("US$" -> "$"), or ""."""
    return SYMBOLS.get((symbol or "").strip().lower(), (symbol or "").strip())


def currency_after(sentence: str, end: int) -> tuple[str, int] | None:
    """(currency, where its words end) for a currency named after the figure: "3.2 billion euros"."""
    match = WORDS_AFTER.match(sentence, end)
    if match is None or NOT_MONEY_AFTER.match(sentence, match.end()):
        return None  # "20 pounds of beef" weighs
    words = match.group("money").rstrip(".")
    which = (match.group("which") or "").lower().replace(".", "")
    if which in OTHER_DOLLARS:
        return OTHER_DOLLARS[which], match.end()
    code = SYMBOLS.get(words.lower()) if words.isupper() else None
    head = re.sub(r"s$", "", words.lower().split()[-1]) if not code else ""
    if words.lower().startswith("swiss"):
        head = "franc"
    if CROWNS.match(words):
        return "kr", match.end()
    currency = code or WORD_CURRENCIES.get(head) or WORD_CURRENCIES.get(words.lower().split()[0].rstrip("s"), "")
    return (currency, match.end()) if currency else None


def is_currency(unit: str) -> bool:
    """Is this unit a currency (money is a level: "the lowest since 2019" compares, it does not add up)?"""
    return unit in CURRENCIES


CURRENCIES = set(SYMBOLS.values()) | set(WORD_CURRENCIES.values()) | set(OTHER_DOLLARS.values()) | {"kr"}
