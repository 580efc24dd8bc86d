"""The optional entailment backend's plumbing, with a tiny cross-encoder the test builds.

The model's weights are set so it always answers one label: what is tested is that the label
names are read from its config, its answer reaches the verdict, and a bad model is refused.
"""

import datetime as dt

import pytest

from verify.config import Settings
from verify.errors import ModelError
from verify.models import Article, Verdict
from verify.pipeline import Checker
from verify.read import sha256_text

pytestmark = pytest.mark.slow
ID2LABEL = {0: "CONTRADICTION", 1: "ENTAILMENT", 2: "NEUTRAL"}


def tiny_cross_encoder(path, answer: int, id2label=ID2LABEL):
    import torch
    from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification

    from verify.embed import packaged_model_path

    tokenizer = AutoTokenizer.from_pretrained(str(packaged_model_path()))
    config = BertConfig(vocab_size=tokenizer.vocab_size, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=32, num_labels=len(id2label), id2label=id2label,
                        label2id={v: k for k, v in id2label.items()})
    model = BertForSequenceClassification(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.fill_(-10.0)
        model.classifier.bias[answer] = 10.0
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return str(path)


# a paraphrase the rules leave unverified (words the evidence never uses)
CLAIM = "Police described the Brenmark protest as calm."


def check(any_index, embedder, model):
    settings = Settings(entailment_model=model)
    report = Checker(any_index, settings, embedder).check(
        Article(text=CLAIM, sha256=sha256_text(CLAIM), published=dt.date(2026, 3, 13)))
    (claim,) = [c for c in report.claims if c.kind.value == "statement"]
    return claim


def test_entail_without_a_model_the_rules_decide(any_index, embedder):
    assert check(any_index, embedder, None).verdict is Verdict.UNVERIFIED


def test_entail_entailment_lifts_to_supported(tmp_path, any_index, embedder):
    claim = check(any_index, embedder, tiny_cross_encoder(tmp_path / "nli", answer=1))
    assert claim.verdict is Verdict.SUPPORTED
    assert "entailment model" in claim.evidence[0].note


def test_entail_contradiction_turns_to_conflicting(tmp_path, any_index, embedder):
    claim = check(any_index, embedder, tiny_cross_encoder(tmp_path / "nli", answer=0))
    assert claim.verdict is Verdict.CONFLICTING


def test_entail_model_without_nli_labels_is_refused(tmp_path, any_index, embedder):
    path = tiny_cross_encoder(tmp_path / "nli", answer=0, id2label={0: "POSITIVE", 1: "NEGATIVE", 2: "OTHER"})
    with pytest.raises(ModelError, match="not entailment"):
        check(any_index, embedder, path)
