"""Perturbation benchmark for the judges: consistent restatements, mutations, absent facts.

    python eval/verdicts_perturbation.py [--show-errors N]

Facts come from eval/data/sample_facts.yaml (facts of corpora/sample/reference). For each, the
script writes consistent restatements (same figure, compatible qualifiers, another spelling,
the quote verbatim or in indirect speech) that must be supported, and mutations (number +-1 and
x10, qualifier flipped, ordinal changed, date shifted, quote word substituted / inserted /
deleted / negated, speaker swapped, name or polarity changed) that must conflict; facts the
corpus does not hold must stay unverified. Every case is checked as a one-sentence article
against the sample index, built with the real model. Prints per-label precision / recall / F1,
macro-F1 and the false-conflict rate on consistent claims.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verify.config import Settings  # noqa: E402
from verify.indexing import build_index  # noqa: E402
from verify.judge.calibration import calibrate, expected_calibration_error  # noqa: E402
from verify.models import Article, Verdict  # noqa: E402
from verify.pipeline import Checker, make_embedder  # noqa: E402
from verify.read import sha256_text  # noqa: E402

ORDINALS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth"]
LABELS = [Verdict.SUPPORTED, Verdict.CONFLICTING, Verdict.DISPUTED, Verdict.UNVERIFIED]


@dataclass(frozen=True)
class Case:
    text: str
    expected: Verdict
    kind: str  # what the case tests
    focus: str  # words of the claim under test (to pick it among the article's claims)
    group: str = ""  # the fact it was derived from: calibration is cross-validated by fact


@dataclass(frozen=True)
class Decision:
    """The verdict the case's claims add up to, and the claim that decided it."""

    verdict: Verdict
    claim_kind: str
    strength: float
    confidence: float


def money(value: float, unit: str, scale: str, tenths: bool = False) -> str:
    number = plain(value, tenths)
    return f"{unit}{number} {scale}".strip() if scale else f"{unit}{number}"


def plain(value: float, tenths: bool = False) -> str:
    """"18.4", "62"; with `tenths`, "9.0": a figure changed in its last digit keeps that digit, or "$9 billion"
    would be "$9.1 billion" rounded (which is consistent), not a changed figure."""
    if tenths:
        return f"{value:,.1f}"
    return f"{value:,.1f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"


def step(value: float) -> float:
    """One unit of the last significant digit: 18.4 -> 0.1, 62 -> 1, 300 -> 100 (a round figure)."""
    if value != int(value):
        return 0.1
    return 10 ** (len(str(int(value))) - len(str(int(value)).rstrip("0"))) if value >= 100 else 1.0


@dataclass(frozen=True)
class Variant:
    """A restated figure and the values it admits: (low, low inclusive, high, high inclusive)."""

    text: str
    low: float
    low_in: bool
    high: float
    high_in: bool

    def admits(self, value: float) -> bool:
        tolerance = 0.005 * abs(value)
        above = value > self.low - tolerance if self.low_in else value > self.low + tolerance
        below = value < self.high + tolerance if self.high_in else value < self.high - tolerance
        return above and below


def variants(v: float, fmt, qualified: bool, unit: str) -> tuple[list[Variant], list[Variant]]:
    """Restatements that admit the true value, and mutations that do not."""
    inf = math.inf
    d = step(v)
    fewer = "less" if unit else "fewer"
    tenths = v != int(v)
    keep = [Variant(fmt(v), v, True, v, True)]
    if tenths:  # "$18 billion" for $18.4 billion: rounded, so consistent
        keep.append(Variant(fmt(round(v)), round(v) - 0.5, True, round(v) + 0.5, False))
    change = [Variant(fmt(round(v + d, 1), tenths), v + d, True, v + d, True),
              Variant(fmt(round(v - d, 1), tenths), v - d, True, v - d, True), Variant(fmt(v * 10), v * 10, True, v * 10, True)]
    if not qualified:
        low, high = math.floor(v * 0.9), math.ceil(v * 1.25)
        keep += [Variant(f"more than {fmt(low)}", low, False, inf, False), Variant(f"at least {fmt(v)}", v, True, inf, False),
                 Variant(f"about {fmt(round(v))}", round(v) * 0.9, True, round(v) * 1.1, True),
                 Variant(f"roughly {fmt(v)}", v * 0.9, True, v * 1.1, True),
                 Variant(f"{fewer} than {fmt(high)}", -inf, False, high, False)]
        if v >= 20:
            near = math.ceil(v * 1.04)
            keep.append(Variant(f"nearly {fmt(near)}", near * 0.9, True, near, True))
        change += [Variant(f"more than {fmt(v)}", v, False, inf, False), Variant(f"{fewer} than {fmt(v)}", -inf, False, v, False),
                   Variant(f"at most {fmt(round(v - d, 1))}", -inf, False, v - d, True)]
    return keep, change


def quantity_cases(fact: dict) -> list[Case]:
    """Expected verdicts follow from the values the corpus gives: the true one and any others."""
    template, v = fact["template"], float(fact["value"])
    unit, scale = fact.get("unit", ""), fact.get("scale", "")
    fmt = (lambda x, tenths=False: money(x, unit, scale, tenths)) if unit or scale else plain
    qualified = any(w in template.lower().split("{}")[0].split()[-1:] for w in ("about", "to", "some"))
    keep, change = variants(v, fmt, qualified, unit)
    if scale and unit == "$":
        keep.append(Variant(f"{plain(v)} {scale} dollars", v, True, v, True))
    values = [v] + [float(o) for o in fact.get("others", [])]
    if fact.get("absent"):  # a figure the corpus never gives: every restatement stays unverified
        return [Case(template.format(x.text), Verdict.UNVERIFIED, "absent figure", x.text) for x in keep + change]
    cases = []
    for variant in {x.text: x for x in keep + change}.values():
        admitted = [variant.admits(x) for x in values]
        expected = Verdict.SUPPORTED if all(admitted) else Verdict.DISPUTED if any(admitted) else Verdict.CONFLICTING
        kind = "quantity consistent" if variant.admits(v) else "quantity mutated"
        cases.append(Case(template.format(variant.text), expected, kind, variant.text))
    return cases


def ordinal_cases(fact: dict) -> list[Case]:
    t, v = fact["template"], int(fact["value"])
    cases = [Case(t.format(ORDINALS[v]), Verdict.SUPPORTED, "ordinal consistent", ORDINALS[v]),
             Case(t.format(f"{v}th" if v > 3 else ORDINALS[v]), Verdict.SUPPORTED, "ordinal consistent", str(v))]
    cases += [Case(t.format(ORDINALS[v + d]), Verdict.CONFLICTING, "ordinal changed", ORDINALS[v + d]) for d in (-1, 1)]
    return cases + [Case(t.format(f"{v * 10}th"), Verdict.CONFLICTING, "ordinal x10", f"{v * 10}th")]


def date_cases(fact: dict) -> list[Case]:
    t = fact["template"]
    return [Case(t.format(fact["value"]), Verdict.SUPPORTED, "date consistent", str(fact["value"])),
            Case(t.format(fact["other"]), Verdict.CONFLICTING, "date shifted", str(fact["other"]))]


def quote_cases(fact: dict) -> list[Case]:
    words, speaker, other = fact["words"], fact["speaker"], fact["other"]
    say = lambda w, s: f"“{w},” {s} said."  # noqa: E731
    first = words.split()[0]
    cases = [
        Case(say(words, speaker), Verdict.SUPPORTED, "quote verbatim", first),
        Case(f"{speaker} said: “{words}.”", Verdict.SUPPORTED, "quote verbatim", first),
        Case(fact["indirect"], Verdict.SUPPORTED, "quote indirect", ""),
    ]
    mutations = {
        "quote word substituted": words.replace(fact["substitute"][0], fact["substitute"][1], 1),
        "quote word inserted": words.replace(fact["insert"][0], fact["insert"][1], 1),
        "quote words deleted": " ".join(words.replace(fact["delete"], "", 1).split()),
        "quote negated": words.replace(fact["negate"][0], fact["negate"][1], 1),
    }
    cases += [Case(say(text, speaker), Verdict.CONFLICTING, kind, first) for kind, text in mutations.items()]
    return cases + [Case(say(words, other), Verdict.CONFLICTING, "quote speaker swapped", first)]


def all_cases(facts: dict) -> list[Case]:
    cases: list[Case] = []
    makers = {"quantities": quantity_cases, "ordinals": ordinal_cases, "dates": date_cases, "quotes": quote_cases}
    for section, make in makers.items():
        for i, fact in enumerate(facts[section]):
            cases += [replace(c, group=f"{section}-{i}") for c in make(fact)]
    cases += [Case(s, Verdict.SUPPORTED, "statement consistent", "", s) for s in facts["statements"]["consistent"]]
    cases += [Case(s, Verdict.CONFLICTING, f"statement {how} changed", "", s) for s, how in facts["statements"]["mutated"]]
    cases += [Case(s, Verdict.CONFLICTING, "quote reworded", "", s) for s in facts.get("reworded", [])]
    return cases + [Case(s, Verdict.UNVERIFIED, "absent", "", s) for s in facts["absent"]]


def case_verdict(checker: Checker, case: Case, published: dt.date) -> Decision:
    article = Article(text=case.text, sha256=sha256_text(case.text), published=published)
    claims, judgments = checker.judge(article)
    pairs = list(zip(claims, judgments))
    if case.focus:
        focused = [(c, j) for c, j in pairs if case.focus.lower() in (c.text + " " + (getattr(c, "quote", "") or "")).lower()]
        pairs = focused or pairs
    for verdict in (Verdict.CONFLICTING, Verdict.DISPUTED, Verdict.SUPPORTED, Verdict.UNVERIFIED):
        decided = [(c, j) for c, j in pairs if j.verdict is verdict]
        if decided:
            claim, judgment = max(decided, key=lambda pair: pair[1].strength)
            return Decision(verdict, claim.kind.value, judgment.strength, judgment.confidence)
    return Decision(Verdict.UNVERIFIED, "statement", 1.0, calibrate("unverified", "statement", 1.0))


def decide_all(facts: dict) -> list[tuple[Case, Decision]]:
    """Every case checked as a one-sentence article against a fresh index of the sample corpus."""
    settings = Settings()
    embedder = make_embedder(settings)
    with tempfile.TemporaryDirectory() as tmp:
        build_index(ROOT / "corpora" / "sample" / "reference", Path(tmp) / "ix", settings, embedder)
        checker = Checker(Path(tmp) / "ix", settings, embedder)
        return [(case, case_verdict(checker, case, facts["published"])) for case in all_cases(facts)]


def load_facts() -> dict:
    return yaml.safe_load((ROOT / "eval" / "data" / "sample_facts.yaml").read_text(encoding="utf-8"))


def report(results: list[tuple[Case, Verdict]]) -> None:
    print(f"\n{len(results)} cases\n\n| label | cases | precision | recall | F1 |\n|---|---:|---:|---:|---:|")
    f1s = []
    for label in LABELS:
        gold = sum(1 for c, _ in results if c.expected is label)
        if not gold:
            continue
        predicted = sum(1 for _, v in results if v is label)
        hit = sum(1 for c, v in results if c.expected is label and v is label)
        p, r = hit / max(1, predicted), hit / gold
        f1 = 2 * p * r / max(1e-9, p + r)
        f1s.append(f1)
        print(f"| {label.value} | {gold} | {p:.3f} | {r:.3f} | {f1:.3f} |")
    consistent = [(c, v) for c, v in results if c.expected in (Verdict.SUPPORTED, Verdict.DISPUTED)]
    false_conflicts = sum(1 for _, v in consistent if v is Verdict.CONFLICTING)
    print(f"\nmacro-F1: {sum(f1s) / len(f1s):.3f}")
    print(f"false conflicts on consistent claims: {false_conflicts}/{len(consistent)} = {false_conflicts / max(1, len(consistent)):.1%}")
    by_kind: Counter = Counter()
    right: Counter = Counter()
    for c, v in results:
        by_kind[c.kind] += 1
        right[c.kind] += c.expected is v
    print("\n| case kind | right | of |\n|---|---:|---:|")
    for kind in sorted(by_kind):
        print(f"| {kind} | {right[kind]} | {by_kind[kind]} |")


def reliability(pairs: list[tuple[float, bool]], title: str) -> None:
    """How well a confidence tracks being right: accuracy per confidence band, and ECE."""
    print(f"\n{title}\n\n| confidence | verdicts | right |\n|---|---:|---:|")
    for low, high in [(0.0, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]:
        inside = [(c, ok) for c, ok in pairs if low <= c < high]
        if inside:
            accuracy = sum(ok for _, ok in inside) / len(inside)
            mean = sum(c for c, _ in inside) / len(inside)
            print(f"| {low:.1f}–{min(high, 1.0):.1f} | {len(inside)} | {accuracy:.3f} (mean confidence {mean:.2f}) |")
    print(f"\nexpected calibration error (10 bins): {expected_calibration_error(pairs):.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", type=int, default=0)
    args = parser.parse_args()
    scored = decide_all(load_facts())
    results = [(case, decision.verdict) for case, decision in scored]
    report(results)
    reliability([(d.confidence, case.expected is d.verdict) for case, d in scored],
                "Reported confidence (in-sample: the shipped table was fitted on these cases; eval/calibrate.py prints held-out figures)")
    wrong = [(c, v) for c, v in results if c.expected is not v]
    for case, verdict in wrong[: args.show_errors]:
        print(f"WRONG {case.kind}: expected {case.expected.value}, got {verdict.value}: {case.text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
