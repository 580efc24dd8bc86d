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
    assert check(any_index, embedder, "none").verdict is Verdict.UNVERIFIED


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


# --- the shipped model -------------------------------------------------------------------------

def shipped_copy(tmp_path):
    import shutil

    from verify.judge.nli_model import shipped_model_path

    folder = tmp_path / "nli"
    shutil.copytree(shipped_model_path(), folder)
    return folder


def test_entail_shipped_model_loads_offline_and_reads_meaning():
    from verify.judge.entail import SHIPPED, make_entailment

    backend = make_entailment(SHIPPED)
    same, negated, other = backend.scores([
        ("The Selva bridge opened to traffic on Monday.", "The Selva bridge opened on Monday."),
        ("The Selva bridge opened to traffic on Monday.", "The Selva bridge did not open on Monday."),
        ("The Selva bridge opened to traffic on Monday.", "The port of Brenmark handled 12 million tonnes of cargo."),
    ])
    for probs in (same, negated, other):
        assert abs(sum(probs.values()) - 1.0) < 1e-4
    assert max(same, key=same.get) == "entailment"
    assert negated["contradiction"] > negated["entailment"]
    assert other["entailment"] < 0.5


@pytest.mark.parametrize("damage", ["weights", "missing", "manifest"])
def test_entail_broken_artifact_is_exit_3(tmp_path, sample_index, capsys, damage):
    from verify.cli import main

    folder = shipped_copy(tmp_path)
    if damage == "weights":
        data = bytearray((folder / "delta.safetensors").read_bytes())
        data[len(data) // 2] ^= 0xFF
        (folder / "delta.safetensors").write_bytes(bytes(data))
    elif damage == "missing":
        (folder / "delta.safetensors").unlink()
    else:
        (folder / "manifest.json").write_text("{not json")
    article = tmp_path / "a.md"
    article.write_text("The Selva bridge will cost about $3.2 billion, officials said.\n")
    code = main(["check", str(article), "--index", str(sample_index), "--entailment-model", str(folder), "--out", "-",
                 "--format", "json", "-q"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 3 and len(err) == 1 and "entailment model" in err[0]


def test_entail_no_entailment_judges_by_the_typed_checks(sample_index, embedder):
    checker = Checker(sample_index, Settings(entailment_model="none"), embedder)
    assert checker.entailment is None


def test_entail_words_in_a_speakers_voice_are_framed_as_theirs_for_a_claim_of_speech():
    """A transcript turn has no quote marks: the model is shown whose words they are when the claim is about what
    someone said, and shown the bare words for a claim of fact."""
    from verify.judge.evidence import EvidenceSpan
    from verify.judge.meaning import premise_for
    from verify.models import QuotedWords, QuoteClaim, RetrievedPassage, StatementClaim

    words = "We now believe the attackers copied data from one of our file servers."
    passage = RetrievedPassage(passage_id=0, document_id="t", title="Transcript", source="", url="", published=None,
                               text=words, start=0, end=len(words), dense_score=0.5, lexical_score=1.0, fused_score=0.5,
                               quotes=(QuotedWords(words="Thank you. " + words, speaker="Wrenfield"),))
    span = EvidenceSpan(text=words, start=0, end=len(words), overlap=0.8)
    said = "the attackers had copied data from a file server"
    speech = QuoteClaim(id="c1", text=said, start=0, end=len(said), sentence=said, query=said, quote=said,
                        speaker="Tobias Wrenfield", direct=False)
    fact = StatementClaim(id="c2", text=said, start=0, end=len(said), sentence=said, query=said)
    assert premise_for(passage, span, speech) == f"Wrenfield said: “{words}”"
    assert premise_for(passage, span, fact) == words
