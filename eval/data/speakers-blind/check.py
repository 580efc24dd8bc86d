"""Check articles.jsonl: every span points at its text, every speaker is introduced, and print counts.

Run: python eval/data/speakers-blind/check.py [ARTICLES.jsonl]  (exit status 1 on any error; the second blind set:
     python eval/data/speakers-blind/check.py eval/data/speakers-blind-2/articles.jsonl)
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

PRONOUNS = {"he", "she", "they", "it", "we", "i"}
FIELDS = ("quote", "speaker", "reference", "verb", "quote_span_rawtext", "speaker_span_rawtext")


def naming_kind(speaker, reference):
    """How the text names the speaker at the quote: none, pronoun, name or description."""
    if not speaker:
        return "none"
    if speaker.lower() in PRONOUNS:
        return "pronoun"
    reference_words = set(re.findall(r"[A-Z][\w'.-]+", reference))
    speaker_words = re.findall(r"[A-Z][\w'.-]+", speaker)
    if any(word in reference_words for word in speaker_words if word != "The"):
        return "name"
    return "description"


def check_quote(article, quote):
    """Return a list of error messages for one quote."""
    errors, text = [], article["rawtext"]
    missing = [f for f in FIELDS if f not in quote]
    if missing:
        return [f"missing fields {missing}"]
    start, end = quote["quote_span_rawtext"]
    if text[start:end] != quote["quote"] or not quote["quote"].strip():
        errors.append(f"quote span {start}:{end} is {text[start:end]!r}")
    span = quote["speaker_span_rawtext"]
    if quote["speaker"] and (span is None or text[span[0]:span[1]] != quote["speaker"]):
        errors.append(f"speaker span {span} does not hold {quote['speaker']!r}")
    if not quote["speaker"] and span is not None:
        errors.append("empty speaker with a span")
    if quote["reference"] not in text:
        errors.append(f"reference {quote['reference']!r} never appears in the text")
    if span is not None and span[0] < end and start < span[1]:
        errors.append(f"speaker span {span} lies inside the quote {start}:{end}")
    return errors


def check_article(article):
    """Return a list of error messages for the article as a whole."""
    errors = [f"person {p!r} never appears in the text" for p in article["people"] if p not in article["rawtext"]]
    spans = sorted(tuple(q["quote_span_rawtext"]) for q in article["quotes"])
    errors += [f"quotes {a} and {b} overlap" for a, b in zip(spans, spans[1:]) if b[0] < a[1]]
    return errors


def main(path):
    articles = [json.loads(line) for line in open(path, encoding="utf-8")]
    kinds, errors, ids = Counter(), 0, Counter(a["id"] for a in articles)
    for article in articles:
        words = len(article["rawtext"].split())
        if not 400 <= words <= 800:
            print(f"{article['id']}: {words} words (want 400-800)")
        if ids[article["id"]] > 1:
            print(f"{article['id']}: duplicate id")
            errors += 1
        for message in check_article(article):
            print(f"{article['id']}: {message}")
            errors += 1
        for quote in article["quotes"]:
            for message in check_quote(article, quote):
                print(f"{article['id']}: {message}")
                errors += 1
            kinds[naming_kind(quote["speaker"], quote["reference"])] += 1
        kinds_here = Counter(naming_kind(q["speaker"], q["reference"]) for q in article["quotes"])
        print(f"{article['id']}: {words} words, {len(article['quotes'])} quotes, {dict(kinds_here)}")
    total = sum(kinds.values())
    print(f"{len(articles)} articles, {total} quotes: " + ", ".join(f"{k} {kinds[k]}" for k in
                                                                       ("name", "pronoun", "description", "none")))
    direct = sum(q["quote"][:1] in "\"“‘" for a in articles for q in a["quotes"])  # ‘: British copy's opening mark
    print(f"direct {direct}, indirect {total - direct}")
    print("errors:", errors)
    return 1 if errors else 0


if __name__ == "__main__":
    default = Path(__file__).resolve().parent / "articles.jsonl"
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else default))
