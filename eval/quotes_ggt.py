"""Quote verification on real news: drafts quoting ggt-dev articles, checked against those articles.

    python eval/quotes_ggt.py [--data ../shared/data/ggt-dev] [--per-article 2] [--part dev|held-out|all]

The 55 ggt-dev articles are indexed as the reference corpus (in a temporary folder, removed
afterwards). For each article, up to --per-article gold direct quotes of six words or more whose
speaker is a named person or organisation are quoted in one-sentence drafts, four ways:
verbatim (right: supported), credited to another named speaker of the same article (right:
conflicting), one word changed (the longest word replaced; right: conflicting) and invented
words (right: anything but supported). Prints each variant's accuracy and how many verbatim
quotes were left unverified. --part takes the drafts from the articles of one part of
eval/extraction_ggt.py's split (the corpus is always all 55).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from verify.config import Settings  # noqa: E402
from verify.models import Article, ClaimKind, QuoteClaim, Verdict  # noqa: E402
from verify.pipeline import Checker, build_index  # noqa: E402
from extraction_ggt import part_of  # noqa: E402

MIN_WORDS = 6
INVENTED = "We have never once discussed closing the northern ferry terminal with anyone at all"
RIGHT = {
    "verbatim": {Verdict.SUPPORTED},
    "other speaker": {Verdict.CONFLICTING},
    "one word changed": {Verdict.CONFLICTING},
    "invented": {Verdict.UNVERIFIED, Verdict.CONFLICTING, Verdict.DISPUTED},
}


def named(reference: str) -> bool:
    words = reference.split()
    return bool(words) and words[0].lower() not in ("the", "a", "an", "he", "she", "they", "it") and words[-1][:1].isupper()


def quoted_words(quote: str) -> str:
    return quote.strip().strip("\"“”").strip().rstrip(",.;:")


def one_word_changed(words: str) -> str:
    """The quote with its longest word replaced (a word of meaning, never a small one)."""
    longest = max(re.findall(r"[A-Za-z]{4,}", words), key=len)
    replacement = "unprecedented" if longest.lower() != "unprecedented" else "ordinary"
    return re.sub(r"\b" + longest + r"\b", replacement, words, count=1)


def quotable(quote: dict) -> bool:
    """A gold direct quote, whole (no marks inside), of six words or more, by a named speaker."""
    words = quoted_words(quote["quote"])
    return (quote["quote"].strip()[:1] in "\"“" and not re.search(r"[\"“”]", words) and named(quote["reference"])
            and len(words.split()) >= MIN_WORDS and bool(re.search(r"[A-Za-z]{4,}", words)))


def drafts(article: dict, per_article: int) -> list[tuple[str, str]]:
    """(variant, draft text) pairs for one article."""
    speakers = sorted({q["reference"] for q in article["quotes"] if named(q["reference"])})
    chosen = [q for q in article["quotes"] if quotable(q)][:per_article]
    out = []
    for quote in chosen:
        words, speaker = quoted_words(quote["quote"]), quote["reference"]
        others = [s for s in speakers if s != speaker and not set(s.split()) & set(speaker.split())]
        out.append(("verbatim", f"“{words},” {speaker} said."))
        if others:
            out.append(("other speaker", f"“{words},” {others[0]} said."))
        out.append(("one word changed", f"“{one_word_changed(words)},” {speaker} said."))
        out.append(("invented", f"“{INVENTED},” {speaker} said."))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ggt-dev")
    parser.add_argument("--per-article", type=int, default=2)
    parser.add_argument("--part", default="all", choices=["dev", "held-out", "all"])
    parser.add_argument("--errors", action="store_true", help="print every draft judged wrongly")
    parser.add_argument("--index", type=Path, help="build the index here (or reuse one built there) instead of a temporary folder")
    args = parser.parse_args()
    if not (args.data / "articles.jsonl").is_file():
        print(f"ggt-dev not found at {args.data}; pass --data", file=sys.stderr)
        return 2
    articles = [json.loads(line) for line in (args.data / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    settings = Settings()
    counts: Counter = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for article in articles:
            (corpus / f"{article['id']}.txt").write_text(article["rawtext"], encoding="utf-8")
        index = args.index or Path(tmp) / "index"
        if not (index / "CURRENT").is_file():
            build_index(corpus, index, settings)
        checker = Checker(index, settings)
        for article in (a for a in articles if args.part == "all" or part_of(a["id"]) == args.part):
            for variant, text in drafts(article, args.per_article):
                claims, judgments = checker.judge(Article(text=text, sha256=f"draft-{variant}"))
                verdicts = [j.verdict for c, j in zip(claims, judgments) if isinstance(c, QuoteClaim) and c.kind is ClaimKind.QUOTE and c.direct]
                verdict = verdicts[0] if verdicts else None
                counts[(variant, "n")] += 1
                counts[(variant, "right")] += verdict in RIGHT[variant]
                counts[(variant, "unverified")] += verdict is Verdict.UNVERIFIED
                if args.errors and verdict not in RIGHT[variant]:
                    print(f"{variant}: {verdict}: {text[:120]!r}")
    print("| variant | drafts | right | accuracy |\n|---|---:|---:|---:|")
    for variant in RIGHT:
        n = counts[(variant, "n")]
        print(f"| {variant} | {n} | {counts[(variant, 'right')]} | {counts[(variant, 'right')] / max(1, n):.3f} |")
    print(f"\nverbatim quotes left unverified: {counts[('verbatim', 'unverified')]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
