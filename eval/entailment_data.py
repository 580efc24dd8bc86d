"""Training pairs for the shipped entailment model, built from ../shared/data/nli (never copied here).

(premise, hypothesis, label) with label 0 = supports, 1 = refutes, 2 = neither.

- FEVER 1.0 train: SUPPORTS / REFUTES claims against their gold evidence sentences; "neither" for
  NOT ENOUGH INFO claims and as hard negatives, from the most similar evidence sentence (BM25) of
  another claim. Claims whose id falls in the held-out slice are kept out of training entirely.
- MultiNLI dev and SNLI dev: general inference pairs.
- News frames written here: a claim repeated by a viral post, alleged, denied or asked about is not
  supported; stated as false, it is refuted; reported speech and a direct quote of the same words
  support each other; the same words credited to someone else are not support.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

SUPPORTS, REFUTES, NEITHER = 0, 1, 2
LABEL_NAMES = ("supports", "refutes", "neither")
FEVER_LABELS = {"SUPPORTS": SUPPORTS, "REFUTES": REFUTES, "NOT ENOUGH INFO": NEITHER}
NLI_LABELS = {"entailment": SUPPORTS, "contradiction": REFUTES, "neutral": NEITHER}
HELD_OUT_MODULUS = 40  # claims with sha256(id) % 40 == 0 (2.5 %) are the held-out FEVER slice

PTB = [("-LRB-", "("), ("-RRB-", ")"), ("-LSB-", "["), ("-RSB-", "]"), ("-LCB-", "{"), ("-RCB-", "}"),
       ("``", '"'), ("''", '"'), ("--", "–")]


@dataclass(frozen=True)
class Pair:
    premise: str
    hypothesis: str
    label: int
    origin: str


def detokenise(text: str) -> str:
    """FEVER's PTB tokens back to prose: brackets, quotes, no space before punctuation."""
    for token, char in PTB:
        text = text.replace(token, char)
    text = re.sub(r"\s+([.,;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$])\s+", r"\1", text)
    text = re.sub(r"\s+('s|n't|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    text = re.sub(r'"\s+(.*?)\s+"', r'"\1"', text)
    return re.sub(r"\s{2,}", " ", text).strip()


def held_out(claim_id: object) -> bool:
    return int(hashlib.sha256(str(claim_id).encode()).hexdigest(), 16) % HELD_OUT_MODULUS == 0


def read_fever(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    for row in rows:
        row["claim"] = detokenise(row["claim"])
        row["evidence"] = [detokenise(s) for s in row.get("evidence") or []]
    return rows


def read_nli_csv(path: Path, origin: str) -> list[Pair]:
    pairs = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            label = NLI_LABELS.get(str(row.get("label", "")).strip().lower())
            premise, hypothesis = (row.get("premise") or "").strip(), (row.get("hypothesis") or "").strip()
            if label is not None and premise and hypothesis:
                pairs.append(Pair(premise, hypothesis, label, origin))
    return pairs


def fever_pairs(rows: list[dict], rng: random.Random, per_label: int) -> list[Pair]:
    """Gold pairs plus BM25 neighbours as "neither" (the sentence most like the claim that is not its evidence)."""
    import bm25s

    sentences = sorted({s for row in rows for s in row["evidence"]})
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(sentences, stopwords="en", show_progress=False), show_progress=False)
    by_label: dict[int, list[Pair]] = {SUPPORTS: [], REFUTES: [], NEITHER: []}
    nei = [row for row in rows if row["label"] == "NOT ENOUGH INFO"]
    gold = [row for row in rows if row["label"] != "NOT ENOUGH INFO" and row["evidence"]]
    rng.shuffle(nei)
    rng.shuffle(gold)
    for row in gold:
        label = FEVER_LABELS[row["label"]]
        if len(by_label[label]) < per_label:
            by_label[label].append(Pair(" ".join(row["evidence"][:3]), row["claim"], label, "fever"))
    askers = nei[:per_label] + gold[: per_label // 3]  # gold claims against a sentence that is not theirs
    queries = bm25s.tokenize([row["claim"] for row in askers], stopwords="en", show_progress=False)
    found, _ = retriever.retrieve(queries, k=4, show_progress=False, n_threads=1)
    for row, hits in zip(askers, found):
        own = set(row["evidence"])
        others = [sentences[int(h)] for h in hits if sentences[int(h)] not in own]
        if others and len(by_label[NEITHER]) < per_label:
            by_label[NEITHER].append(Pair(others[0], row["claim"], NEITHER, "fever-neighbour"))
    return [pair for label in by_label.values() for pair in label]


FIRST = ["Marta", "Jonas", "Ilse", "Tomas", "Amara", "Keiko", "Rafael", "Nadia", "Oskar", "Lena", "Yusuf", "Priya"]
LAST = ["Veld", "Okafor", "Lindqvist", "Moreau", "Castell", "Brandt", "Haddad", "Sato", "Ferrin", "Kovac"]
REPEATS = [  # the claim is repeated, not asserted: neither
    "A viral post claims that {c}", "Social media users have been sharing posts saying that {c}",
    "Critics alleged that {c}", "Rumours spread online that {c}", "Some commentators have suggested that {c}",
    "{p} denied that {c}", "{p} rejected claims that {c}", "Is it true that {c}?", "Reporters asked whether {c}",
    "A fact-check examined the claim that {c}", "{p} has yet to confirm reports that {c}",
]
DEBUNKS = [  # the claim is repeated to be called false: refutes
    "It is not true that {c}", "A viral post falsely claimed that {c}", "There is no truth to claims that {c}",
    "Fact-checkers found that the claim that {c} is false", "Contrary to posts online, it is false that {c}",
]
REPORTS = ["{p} said that {c}", "{p} told reporters that {c}", "According to {p}, {c}", "{c}, {p} said"]


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:1].isupper() and not text[1:2].isupper() else text


def news_pairs(rows: list[dict], rng: random.Random, count: int) -> list[Pair]:
    """Frames newsroom text uses around a claim, applied to FEVER's SUPPORTS claims (true sentences)."""
    supported = [row for row in rows if row["label"] == "SUPPORTS"]
    pairs: list[Pair] = []
    for row in rng.sample(supported, min(count, len(supported))):
        claim = row["claim"].rstrip(".")
        person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        other = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        said = lower_first(claim)
        kind = rng.randrange(5)
        if kind == 0:
            pairs.append(Pair(rng.choice(REPEATS).format(c=said, p=person) + ".", claim + ".", NEITHER, "news-repeat"))
        elif kind == 1:
            pairs.append(Pair(rng.choice(DEBUNKS).format(c=said) + ".", claim + ".", REFUTES, "news-debunk"))
        elif kind == 2:  # reported speech supports the same words quoted
            pairs.append(Pair(rng.choice(REPORTS).format(c=said, p=person) + ".", f"“{claim},” {person} said.",
                              SUPPORTS, "news-reported"))
        elif kind == 3:  # a quote supports the same words reported
            pairs.append(Pair(f"“{claim},” {person} said.", f"{person} said that {said}.", SUPPORTS, "news-quoted"))
        else:  # the same words credited to another person
            pairs.append(Pair(f"{person} said that {said}.", f"{other} said that {said}.", NEITHER, "news-other-speaker"))
    return pairs


def training_pairs(data: Path, seed: int, fever_per_label: int, news: int) -> tuple[list[Pair], list[Pair]]:
    """(training pairs, held-out FEVER pairs), shuffled with the seed."""
    rng = random.Random(seed)
    rows = read_fever(data / "fever-train.jsonl.gz")
    train_rows = [row for row in rows if not held_out(row["id"])]
    test_rows = [row for row in rows if held_out(row["id"])]
    pairs = fever_pairs(train_rows, rng, fever_per_label)
    pairs += read_nli_csv(data / "mnli-dev.csv", "mnli") + read_nli_csv(data / "snli-dev.csv", "snli")
    pairs += news_pairs(train_rows, rng, news)
    rng.shuffle(pairs)
    test = fever_pairs(test_rows, random.Random(seed + 1), 600)
    return pairs, test


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
