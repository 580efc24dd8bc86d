"""Quotes and speakers on real Canadian news (GenderGapTracker gold, ggt-dev), rerunnable.

    python eval/extraction_ggt.py [--part dev|held-out|all] [--data ../shared/data/ggt-dev] [--errors]

Split, fixed before any development: an article is in the development part when the first 8 hex
digits of sha256(article id), read as a number, modulo 100 are below 55 (30 articles, 436 quotes),
and in the held-out part otherwise (25 articles, 318 quotes). Develop on `dev`; run `held-out` to
measure, never to read its errors.

Matching follows the GenderGapTracker's own evaluation: a predicted quote matches a gold quote when
it covers at least a share (0.3 or 0.8) of the gold quote's word tokens; gold quotes are taken in
order, each matched to the best remaining prediction. Direct-quote F1 scores gold quotes written in
quote marks against the extractor's direct quote claims, less the partial quotes inside a reported
clause it also claims ("said the app was “working closely” with …": the gold annotates the clause). Speaker accuracy counts every gold quote,
direct or reported, that some quote claim covers at 0.3 (the best covering one), and is right when
the claim's speaker names the gold reference: the same words ("the Kenya Red Cross", "Kenya Red
Cross"), or part of the reference name holding its last word and a capital ("Kenyatta" for Uhuru
Kenyatta; "the department" is not "the Immigration department"). Quotes are grouped by how the
gold speaker phrase at the quote names the speaker: none (a quote continuing the previous one),
pronoun ("he", "it", "they"), name (the phrase ends in a capitalised word: "Kenyatta", "EDC",
"the Kenya Red Cross") or description ("the department", "the rookie defenceman", "his office").
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verify.extract import extract_claims  # noqa: E402
from verify.models import Article, ClaimKind, QuoteClaim  # noqa: E402

DEV_SHARE = 55  # percent of the hash range in the development part
THRESHOLDS = (0.3, 0.8)
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its"}
DETERMINERS = {"the", "a", "an"}
WORD = re.compile(r"[\w’'-]+")
MARKS = "\"“”‘’'"


def part_of(article_id: str) -> str:
    return "dev" if int(hashlib.sha256(article_id.encode()).hexdigest()[:8], 16) % 100 < DEV_SHARE else "held-out"


def load(data: Path, part: str) -> list[dict]:
    articles = [json.loads(line) for line in (data / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return [a for a in articles if part == "all" or part_of(a["id"]) == part]


def naming(phrase: str) -> str:
    """How the gold speaker phrase at the quote names the speaker."""
    words = WORD.findall(phrase)
    if not words:
        return "none"
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    last = re.sub(r"[’']s?$", "", words[-1])
    return "name" if last[:1].isupper() else "description"


def tokens(phrase: str) -> list[str]:
    words = [re.sub(r"[’']s$", "", w).strip("’'-").lower() for w in WORD.findall(phrase)]
    return [w for w in words if w and w not in DETERMINERS]


def speaker_right(reference: str, predicted: str | None) -> bool:
    if not predicted:
        return False
    ref, pred = tokens(reference), tokens(predicted)
    if not ref or not pred:
        return False
    if ref == pred:
        return True
    capitalised = any(w[:1].isupper() for w in WORD.findall(predicted) if w.lower() not in DETERMINERS)
    return capitalised and set(pred) <= set(ref) and ref[-1] in pred


def word_positions(text: str, start: int, end: int) -> set[int]:
    """Start offsets of the word tokens in a span: what token overlap counts."""
    return {m.start() for m in WORD.finditer(text, start, end)}


def coverage(gold: set[int], text: str, claim: QuoteClaim) -> float:
    """The share of the gold quote's words inside the predicted span."""
    if not gold:
        return 0.0
    return sum(1 for at in gold if claim.start <= at < claim.end) / len(gold)


def in_reported_clause(claim: QuoteClaim, claims: list[QuoteClaim]) -> bool:
    """A partial quote inside a reported clause ("said the app was “working closely” with …"): the gold
    annotates the clause, as reported speech, and the clause claim answers it."""
    return any(not c.direct and c.start <= claim.start and claim.end <= c.end for c in claims)


def is_direct(quote: dict) -> bool:
    return quote["quote"].strip()[:1] in MARKS


@dataclass
class Tally:
    counts: Counter
    errors: list[str]


def match_direct(text: str, gold: list[dict], claims: list[QuoteClaim], threshold: float) -> tuple[int, list[int], set[int]]:
    """GGT-style greedy matching: (matched, unmatched gold indices, matched claim indices)."""
    remaining, matched, missed = set(range(len(claims))), 0, []
    for gi, quote in enumerate(gold):
        words = word_positions(text, *quote["quote_span_rawtext"])
        scores = [(coverage(words, text, claims[i]), -i) for i in remaining]
        best = max(scores, default=(0.0, 0))
        if best[0] >= threshold and best[0] > 0:
            remaining.discard(-best[1])
            matched += 1
        else:
            missed.append(gi)
    return matched, missed, set(range(len(claims))) - remaining


def score_article(article: dict, tally: Tally, show_errors: bool) -> None:
    text = article["rawtext"]
    claims = [c for c in extract_claims(Article(text=text, sha256=article["id"])) if c.kind is ClaimKind.QUOTE]
    gold_direct = [q for q in article["quotes"] if is_direct(q)]
    predicted_direct = [c for c in claims if c.direct and not in_reported_clause(c, claims)]
    for threshold in THRESHOLDS:
        matched, missed, used = match_direct(text, gold_direct, predicted_direct, threshold)
        tally.counts[f"match@{threshold}"] += matched
        if show_errors and threshold == THRESHOLDS[0]:
            tally.errors += [f"MISS {article['id'][:8]} {text[slice(*gold_direct[i]['quote_span_rawtext'])][:90]!r}" for i in missed]
            tally.errors += [f"FALSE {article['id'][:8]} {c.speaker!r}: {c.quote[:90]!r}"
                             for i, c in enumerate(predicted_direct) if i not in used]
    tally.counts["gold_direct"] += len(gold_direct)
    tally.counts["pred_direct"] += len(predicted_direct)
    tally.counts["match_all"] += match_direct(text, article["quotes"], claims, THRESHOLDS[0])[0]
    tally.counts["gold_all"] += len(article["quotes"])
    tally.counts["pred_all"] += len(claims)
    for quote in article["quotes"]:
        score_speaker(text, quote, claims, tally, article["id"], show_errors)


def score_speaker(text: str, quote: dict, claims: list[QuoteClaim], tally: Tally, article_id: str, show_errors: bool) -> None:
    kind = naming(quote["speaker"])
    tally.counts[f"gold:{kind}"] += 1
    words = word_positions(text, *quote["quote_span_rawtext"])
    direct = is_direct(quote)
    scored = [(coverage(words, text, c), c.direct == direct, -i) for i, c in enumerate(claims)]
    best = max(scored, default=(0.0, False, 0))
    if best[0] < THRESHOLDS[0]:
        return
    claim = claims[-best[2]]
    tally.counts[f"found:{kind}"] += 1
    right = speaker_right(quote["reference"], claim.speaker)
    tally.counts[f"right:{kind}"] += right
    if show_errors and not right:
        tally.errors.append(f"SPEAKER {article_id[:8]} [{kind}] at {quote['quote_span_rawtext'][0]}: gold {quote['speaker']!r} -> "
                            f"{quote['reference']!r}, predicted {claim.speaker!r}: {text[slice(*quote['quote_span_rawtext'])][:70]!r}")


def f1(matched: int, gold: int, predicted: int) -> tuple[float, float, float]:
    p, r = matched / max(1, predicted), matched / max(1, gold)
    return p, r, 2 * p * r / max(1e-9, p + r)


def report(counts: Counter, part: str, articles: int) -> None:
    print(f"ggt-dev, {part} part: {articles} articles, {sum(counts[f'gold:{k}'] for k in KINDS)} gold quotes, "
          f"{counts['gold_direct']} direct; {counts['pred_direct']} direct quotes predicted\n")
    print("| measure | value |\n|---|---:|")
    for threshold in THRESHOLDS:
        p, r, f = f1(counts[f"match@{threshold}"], counts["gold_direct"], counts["pred_direct"])
        print(f"| direct-quote precision / recall / F1 (token overlap ≥ {threshold}) | {p:.3f} / {r:.3f} / {f:.3f} |")
    p, r, f = f1(counts["match_all"], counts["gold_all"], counts["pred_all"])
    print(f"| all quotes, direct and reported: precision / recall / F1 (≥ {THRESHOLDS[0]}) | {p:.3f} / {r:.3f} / {f:.3f} |")
    found = sum(counts[f"found:{k}"] for k in KINDS)
    right = sum(counts[f"right:{k}"] for k in KINDS)
    print(f"| speaker accuracy, all found quotes ({found} of {sum(counts[f'gold:{k}'] for k in KINDS)}) | {right / max(1, found):.3f} |")
    for kind in KINDS:
        n = counts[f"found:{kind}"]
        print(f"| speaker accuracy, named by {kind} ({n} found of {counts[f'gold:{kind}']}) | {counts[f'right:{kind}'] / max(1, n):.3f} |")


KINDS = ("name", "pronoun", "description", "none")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ggt-dev")
    parser.add_argument("--part", default="dev", choices=["dev", "held-out", "all"])
    parser.add_argument("--errors", action="store_true", help="print every speaker error, missed and false direct quote")
    args = parser.parse_args()
    if not (args.data / "articles.jsonl").is_file():
        print(f"ggt-dev not found at {args.data}; pass --data", file=sys.stderr)
        return 2
    articles = load(args.data, args.part)
    tally = Tally(Counter(), [])
    for article in articles:
        score_article(article, tally, args.errors)
    report(tally.counts, args.part, len(articles))
    if args.errors:
        print("\n" + "\n".join(tally.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
