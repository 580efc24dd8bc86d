"""Extraction against hand-annotated news texts: quantities, direct and reported quotes, speakers.

    python eval/extraction_annotated.py [--shared ../shared] [--misses]

Gold: eval/data/extraction/gold.yaml (conventions there and in its README): a development set of
12 news-style texts written for this evaluation plus ../shared/examples/xi-putin-moscow-2025.txt
when present, and a held-out set of 3 texts written after the extractor was tuned. Prints, per set,
precision / recall / F1 per claim kind (statements on the six texts annotated for them), value, qualifier, ordinal
and counted-noun accuracy of matched quantities, direct-quote span F1 (exact and overlap >= 0.5),
and speaker and credited-agency accuracy of found quotes. --misses lists every miss.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verify.extract import extract_claims  # noqa: E402
from verify.models import Claim, ClaimKind  # noqa: E402
from verify.read import read_article  # noqa: E402

DATA = ROOT / "eval" / "data" / "extraction"


@dataclass
class Tally:
    """Counts for one claim kind; `notes` keeps what went wrong, for --misses."""

    gold: int = 0
    predicted: int = 0
    found: int = 0
    right: dict[str, list[bool]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def score(self, measure: str, ok: bool, note: str) -> None:
        self.right.setdefault(measure, []).append(ok)
        if not ok:
            self.notes.append(f"{measure}: {note}")

    def prf(self) -> tuple[float, float, float]:
        p, r = self.found / max(1, self.predicted), self.found / max(1, self.gold)
        return p, r, 2 * p * r / max(1e-9, p + r)


def in_order(text: str, gold: list[dict], key: str):  # type: ignore[no-untyped-def]
    """Each annotation with its span in the text; annotations are listed in reading order."""
    cursor = 0
    for item in gold:
        span = locate(text, item[key], cursor)
        cursor = span[0] + 1
        yield item, span


def locate(text: str, needle: str, after: int) -> tuple[int, int]:
    at = text.find(needle, after)
    if at < 0:
        raise SystemExit(f"annotation not found in the text: {needle!r}")
    return at, at + len(needle)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def same_noun(gold: str, predicted: str) -> bool:
    stem = gold.lower().rstrip("s")
    return any(word.lower().rstrip("s") == stem for word in re.findall(r"[\w-]+", predicted))


def score_quantities(text: str, gold: list[dict], claims: list[Claim], tally: Tally, name: str) -> None:
    predicted = [c for c in claims if c.kind is ClaimKind.QUANTITY]
    tally.gold += len(gold)
    tally.predicted += len(predicted)
    used: set[int] = set()
    for item, span in in_order(text, gold, "at"):
        best = max((i for i in range(len(predicted)) if i not in used), default=None,
                   key=lambda i: overlap(span, (predicted[i].start, predicted[i].end)))
        if best is None or not overlap(span, (predicted[best].start, predicted[best].end)):
            tally.notes.append(f"missed quantity: {name}: {item['at']!r}")
            continue
        used.add(best)
        tally.found += 1
        q = predicted[best].quantity
        where = f"{name}: {item['at']!r} -> {predicted[best].text!r}"
        tally.score("value", abs(q.value - item["value"]) <= 0.005 * max(1.0, abs(item["value"])), f"{where} value {q.value:g}")
        tally.score("qualifier", q.qualifier.value == item["q"], f"{where} qualifier {q.qualifier.value} (gold {item['q']})")
        tally.score("ordinal", q.ordinal == bool(item.get("ord")), f"{where} ordinal {q.ordinal}")
        if item.get("counted"):
            tally.score("counted", same_noun(item["counted"], q.counted), f"{where} counted {q.counted!r} (gold {item['counted']})")
    tally.notes += [f"extra quantity: {name}: {predicted[i].text!r}" for i in range(len(predicted)) if i not in used]


def speaker_ok(gold: str | list[str], predicted: str | None) -> bool:
    options = [gold] if isinstance(gold, str) else gold
    return (predicted or "").strip().lower() in {o.lower() for o in options}


def agency_ok(gold: str | None, predicted: str | None) -> bool:
    if not gold or not predicted:
        return not gold and not predicted
    return gold.lower() in predicted.lower() or predicted.lower() in gold.lower()


def clean(span: str) -> str:
    return span.strip().strip(",.;:!?—–-").strip()


def score_quotes(text: str, gold: list[dict], claims: list[Claim], tally: Tally, spans: dict[str, int], name: str,
                 indirect: bool) -> None:
    predicted = [c for c in claims if c.kind is ClaimKind.QUOTE and c.direct is not indirect]
    tally.gold += len(gold)
    tally.predicted += len(predicted)
    used: set[int] = set()
    for item, span in in_order(text, gold, "words"):
        covering = [i for i in range(len(predicted)) if overlap(span, (predicted[i].start, predicted[i].end)) >= 0.5 * (span[1] - span[0])]
        if indirect:  # a reported clause is found when a reported-speech claim holds the annotated phrase
            covering = [i for i in range(len(predicted)) if predicted[i].start <= span[0] and span[1] <= predicted[i].end + 2]
        if not covering:
            tally.notes.append(f"missed {'indirect' if indirect else 'direct'} quote: {name}: {item['words'][:60]!r}")
            continue
        best = covering[0]
        used.add(best)
        tally.found += 1
        claim = predicted[best]
        where = f"{name}: {item['words'][:50]!r}"
        tally.score("speaker", speaker_ok(item["speaker"], claim.speaker), f"{where} speaker {claim.speaker!r} (gold {item['speaker']})")
        tally.score("agency", agency_ok(item.get("agency"), claim.attributed_to),
                    f"{where} agency {claim.attributed_to!r} (gold {item.get('agency')})")
        if not indirect:
            pred = (claim.start, claim.end)
            union = max(span[1], pred[1]) - min(span[0], pred[0])
            spans["overlap"] += overlap(span, pred) / union >= 0.5
            spans["exact"] += clean(text[span[0]:span[1]]) == clean(claim.quote)
    tally.notes += [f"extra {'indirect' if indirect else 'direct'} quote: {name}: {predicted[i].quote[:60]!r}"
                    for i in range(len(predicted)) if i not in used]


def score_statements(text: str, gold: list[str], claims: list[Claim], tally: Tally, name: str) -> None:
    """Sentences annotated as check-worthy statements against the statement claims made (annotated texts only)."""
    predicted = [c for c in claims if c.kind is ClaimKind.STATEMENT]
    tally.gold += len(gold)
    tally.predicted += len(predicted)
    found: set[int] = set()
    for opening in gold:
        at = locate(text, opening, 0)[0]
        hits = [i for i, c in enumerate(predicted) if c.start <= at < c.end]
        if hits:
            found.add(hits[0])
        else:
            tally.notes.append(f"missed statement: {name}: {opening!r}")
    tally.found += len(found)
    tally.notes += [f"extra statement: {name}: {predicted[i].text[:70]!r}" for i in range(len(predicted)) if i not in found]


def documents(shared: Path) -> list[tuple[str, Path, dict]]:
    out = []
    for entry in yaml.safe_load((DATA / "gold.yaml").read_text(encoding="utf-8")):
        path = shared / entry["file"].split(":", 1)[1] if entry["file"].startswith("shared:") else DATA / entry["file"]
        if path.is_file():
            out.append((path.name, path, entry))
        else:
            print(f"(skipped {entry['file']}: not found)")
    return out


def print_results(tallies: dict[str, Tally], spans: dict[str, int], docs: int) -> None:
    print(f"\n{docs} annotated texts\n\n| claim kind | gold | predicted | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|")
    for kind, tally in tallies.items():
        p, r, f = tally.prf()
        note = " (the texts with statements annotated)" if kind == "statement" else ""
        print(f"| {kind}{note} | {tally.gold} | {tally.predicted} | {p:.3f} | {r:.3f} | {f:.3f} |")
    print("\n| measure (over found claims) | right | of | accuracy |\n|---|---:|---:|---:|")
    for kind, tally in tallies.items():
        for measure, results in tally.right.items():
            print(f"| {kind}: {measure} | {sum(results)} | {len(results)} | {sum(results) / max(1, len(results)):.3f} |")
    direct = tallies["direct quote"]
    for how in ("exact", "overlap"):
        p, r = spans[how] / max(1, direct.predicted), spans[how] / max(1, direct.gold)
        print(f"\ndirect-quote span F1 ({'exact span' if how == 'exact' else 'overlap >= 0.5'}): {2 * p * r / max(1e-9, p + r):.3f}", end="")
    print()


def score_set(docs: list[tuple[str, Path, dict]]) -> tuple[dict[str, Tally], dict[str, int]]:
    tallies = {"quantity": Tally(), "direct quote": Tally(), "reported quote": Tally(), "statement": Tally()}
    spans = {"exact": 0, "overlap": 0}
    for name, path, entry in docs:
        article = read_article(str(path), 10_000_000, 10.0, entry.get("published"))
        claims = list(extract_claims(article))
        quotes = entry.get("quotes", [])
        score_quantities(article.text, entry.get("quantities", []), claims, tallies["quantity"], name)
        score_quotes(article.text, [q for q in quotes if not q.get("indirect")], claims, tallies["direct quote"], spans, name, False)
        score_quotes(article.text, [q for q in quotes if q.get("indirect")], claims, tallies["reported quote"], spans, name, True)
        if "statements" in entry:
            score_statements(article.text, entry["statements"], claims, tallies["statement"], name)
    return tallies, spans


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--misses", action="store_true", help="list every miss and every extra claim")
    args = parser.parse_args()
    docs = documents(args.shared)
    for name_of_set in dict.fromkeys(entry.get("set", "development") for _, _, entry in docs):
        chosen = [doc for doc in docs if doc[2].get("set", "development") == name_of_set]
        print(f"\n## {name_of_set} set")
        tallies, spans = score_set(chosen)
        print_results(tallies, spans, len(chosen))
        if args.misses:
            for kind, tally in tallies.items():
                print(f"\n{kind}:")
                print("\n".join(f"  {note}" for note in tally.notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
