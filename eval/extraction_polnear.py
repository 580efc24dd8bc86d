"""Quote extraction on PolNeAR: content-span F1 and speaker accuracy, rerunnable.

    python eval/extraction_polnear.py [--split dev|train] [--data ../shared/data/polnear]

Gold: attributions marked direct_quote (content spans may be split around the cue). Each
(article, annotator) is scored separately. A predicted unit is a run of direct quotes with one
speaker in one paragraph or in paragraphs that continue each other ("“…,” he said. “…”"); it
matches a gold content span when their character sets overlap with Jaccard >= 0.5 (and, for the
exact score, when the spans agree up to quote marks and surrounding punctuation). Speaker
accuracy counts matched quotes whose gold source is a name (not a pronoun or "the official").
All attributions (direct and reported) are scored too, for information: every gold attribution
against every quote claim the extractor makes, direct or reported.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verify.extract import extract_claims  # noqa: E402
from verify.extract.people import People  # noqa: E402
from verify.extract.quotes import find_quotes  # noqa: E402
from verify.models import Article, ClaimKind  # noqa: E402

TRIM = " \t\n“”\"'‘’,.;:—-"
NOT_A_NAME = re.compile(r"^(?:he|she|they|it|we|i|you|his|her|their|its|the |a |an |one |some |many |officials?|sources?|critics?|aides?|analysts?|experts?)", re.I)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def chars(spans: list[tuple[int, int]]) -> set[int]:
    return {i for a, b in spans for i in range(a, b)}


def in_double_apostrophes(text: str, start: int) -> bool:
    """Quoted words in ''typewriter'' marks. PolNeAR's direct_quote flag marks content holding “ ” or " and
    not these (its NYT copy quotes ''like this'', flagged as not direct), so the direct-quote score leaves them
    out on both sides; the all-attributions score counts them."""
    return text[start - 1 : start] == "'"


Unit = tuple[list[tuple[int, int]], str | None]


def predicted_units(text: str) -> tuple[list[Unit], list[Unit]]:
    """Direct quotes grouped into attribution units (split quotes joined): those in “ ” or " marks, those in '' marks."""
    people = People(text)
    units: list[tuple[list[tuple[int, int]], str | None, bool]] = []
    for q in (q for q in find_quotes(text, people) if q.direct):
        span = trimmed(text, q.content_start, q.content_end) if q.content_start >= 0 else trimmed(text, q.start, q.end)
        if units and q.continues:
            units[-1][0].append(span)  # "“…,” he said. “…”": one attribution in two parts
            continue
        units.append(([span], q.speaker, in_double_apostrophes(text, q.start)))
    return ([(spans, speaker) for spans, speaker, typewriter in units if not typewriter],
            [(spans, speaker) for spans, speaker, typewriter in units if typewriter])


def reported_units(text: str) -> list[tuple[list[tuple[int, int]], str | None]]:
    """Reported speech the extractor finds (quote claims not in quote marks), as attribution units."""
    claims = extract_claims(Article(text=text, sha256="polnear"))
    # a partial quote's reported clause ("Xi said relations represent the “call of the times”") is the same
    # PolNeAR attribution as the direct quote unit, whose content span already covers the clause
    return [([trimmed(text, c.start, c.end)], c.speaker) for c in claims
            if c.kind is ClaimKind.QUOTE and not c.direct and not re.search(r"[“”\"]", c.text)]


def named_source(source: str) -> bool:
    return not NOT_A_NAME.match(source.strip()) and any(w[:1].isupper() for w in source.split())


def all_attributions(text: str, rows: list[dict], direct: list[Unit], totals: dict) -> None:
    """Every gold attribution, direct or reported, against every quote claim, direct or reported."""
    gold = gold_units(rows, text)
    predicted = direct + reported_units(text)
    matched, _ = score(gold, predicted, text)
    totals["all_gold"] += len(gold)
    totals["all_pred"] += len(predicted)
    totals["all_match"] += len(matched)
    for gi, pi, _ in matched:
        if named_source(gold[gi][1]):
            totals["all_named"] += 1
            totals["all_speaker_ok"] += speaker_matches(gold[gi][1], predicted[pi][1])


def gold_units(rows: list[dict], text: str) -> list[tuple[list[tuple[int, int]], str]]:
    return [([trimmed(text, a, b) for a, b in r["content_spans"]], r["source"] or "") for r in rows if r["content_spans"]]


def speaker_matches(gold: str, predicted: str | None) -> bool:
    if not predicted:
        return False
    g = {w.lower().strip("’'s") for w in re.findall(r"[\w’'-]+", gold) if w[0].isupper() and len(w) > 1}
    p = {w.lower().strip("’'s") for w in re.findall(r"[\w’'-]+", predicted)}
    return bool(g & p)


def score(gold, predicted, text):
    """(matched overlap, matched exact, speaker pairs) with one-to-one greedy matching by Jaccard."""
    pairs = []
    for gi, (gspans, _) in enumerate(gold):
        g = chars(gspans)
        for pi, (pspans, _) in enumerate(predicted):
            p = chars(pspans)
            if g and p:
                jaccard = len(g & p) / len(g | p)
                if jaccard >= 0.5:
                    pairs.append((jaccard, gi, pi))
    used_g, used_p, matched = set(), set(), []
    for jaccard, gi, pi in sorted(pairs, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi), used_p.add(pi)
            matched.append((gi, pi, jaccard))
    exact = sum(1 for gi, pi, _ in matched if chars(gold[gi][0]) == chars(predicted[pi][0]))
    return matched, exact


def annotator_agreement(by_doc: dict[tuple[str, str], list[dict]], text_dir: Path) -> str:
    """The same measures, one annotator's direct quotes scored against another's on articles annotated twice."""
    by_article: dict[str, dict[str, list[dict]]] = defaultdict(dict)
    for (article, annotator), rows in by_doc.items():
        by_article[article][annotator] = rows
    totals = defaultdict(int)
    shared = {a: anns for a, anns in by_article.items() if len(anns) > 1 and (text_dir / f"{a}.txt").is_file()}
    for article, annotators in shared.items():
        text = (text_dir / f"{article}.txt").read_text(encoding="utf-8")
        units = {name: gold_units([r for r in rows if r["direct_quote"]], text) for name, rows in annotators.items()}
        for first in units:
            for second in units:
                if first == second:
                    continue
                matched, _ = score(units[first], units[second], text)
                totals["gold"] += len(units[first])
                totals["match"] += len(matched)
                for gi, pi, _ in matched:
                    if named_source(units[first][gi][1]):
                        totals["named"] += 1
                        totals["ok"] += speaker_matches(units[first][gi][1], units[second][pi][1] or None)
    if not totals["gold"]:
        return "no article of this split is annotated twice"
    # scoring both directions makes precision equal recall, so this is also F1
    return (f"annotator against annotator on the {len(shared)} articles annotated twice: direct-quote F1 "
            f"{totals['match'] / totals['gold']:.3f}, speaker match {totals['ok'] / max(1, totals['named']):.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--show-errors", type=int, default=0, help="print this many misses and false alarms")
    args = parser.parse_args()
    if not (args.data / "attributions.train-dev.jsonl").is_file():
        print(f"PolNeAR not found at {args.data}; pass --data", file=sys.stderr)
        return 2
    by_doc: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for line in (args.data / "attributions.train-dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["split"] == args.split:
            by_doc[(row["article"], row["annotator"])].append(row)
    totals = defaultdict(int)
    errors: list[str] = []
    failed_docs = 0
    for (article, _annotator), rows in sorted(by_doc.items()):
        path = args.data / args.split / "text" / f"{article}.txt"
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        try:
            predicted, typewriter = predicted_units(text)
        except Exception:  # an extractor crash counts against us, never hides a document
            failed_docs += 1
            predicted, typewriter = [], []
        if predicted or not failed_docs:
            all_attributions(text, rows, predicted + typewriter, totals)
        gold = gold_units([r for r in rows if r["direct_quote"]], text)
        matched, exact = score(gold, predicted, text)
        totals["gold"] += len(gold)
        totals["pred"] += len(predicted)
        totals["match"] += len(matched)
        totals["exact"] += exact
        totals["docs"] += 1
        for gi, pi, _ in matched:
            source = gold[gi][1]
            if not named_source(source):
                continue
            totals["named"] += 1
            totals["speaker_ok"] += speaker_matches(source, predicted[pi][1])
            if not speaker_matches(source, predicted[pi][1]) and len(errors) < args.show_errors:
                errors.append(f"SPEAKER {article}: gold {source!r} predicted {predicted[pi][1]!r}: {text[gold[gi][0][0][0]:gold[gi][0][0][1]][:80]!r}")
        matched_g, matched_p = {g for g, _, _ in matched}, {p for _, p, _ in matched}
        for gi, (spans, source) in enumerate(gold):
            if gi not in matched_g and len(errors) < args.show_errors:
                errors.append(f"MISS {article}: {source!r}: {text[spans[0][0]:spans[-1][1]][:100]!r}")
        for pi, (spans, speaker) in enumerate(predicted):
            if pi not in matched_p and len(errors) < args.show_errors:
                errors.append(f"FALSE {article}: {speaker!r}: {text[spans[0][0]:spans[-1][1]][:100]!r}")
    p = totals["match"] / max(1, totals["pred"])
    r = totals["match"] / max(1, totals["gold"])
    f1 = 2 * p * r / max(1e-9, p + r)
    pe = totals["exact"] / max(1, totals["pred"])
    re_ = totals["exact"] / max(1, totals["gold"])
    f1e = 2 * pe * re_ / max(1e-9, pe + re_)
    print(f"PolNeAR {args.split}: {totals['docs']} annotated documents, {totals['gold']} gold direct quotes, {totals['pred']} predicted, {failed_docs} documents failed\n")
    print("| measure | value |\n|---|---:|")
    print(f"| direct-quote precision (overlap ≥ 0.5) | {p:.3f} |")
    print(f"| direct-quote recall (overlap ≥ 0.5) | {r:.3f} |")
    print(f"| direct-quote F1 (overlap ≥ 0.5) | {f1:.3f} |")
    print(f"| direct-quote F1 (exact span) | {f1e:.3f} |")
    print(f"| speaker match, gold source a name ({totals['named']} quotes) | {totals['speaker_ok'] / max(1, totals['named']):.3f} |")
    ap, ar = totals["all_match"] / max(1, totals["all_pred"]), totals["all_match"] / max(1, totals["all_gold"])
    print(f"| all attributions, direct and reported ({totals['all_gold']} gold): precision / recall / F1 | "
          f"{ap:.3f} / {ar:.3f} / {2 * ap * ar / max(1e-9, ap + ar):.3f} |")
    print(f"| all attributions: speaker match, gold source a name ({totals['all_named']}) | "
          f"{totals['all_speaker_ok'] / max(1, totals['all_named']):.3f} |")
    print(f"\nFor scale, {annotator_agreement(by_doc, args.data / args.split / 'text')}")
    for line in errors:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
