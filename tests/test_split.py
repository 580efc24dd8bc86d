import pytest
from hypothesis import given, settings, strategies as st

from verify.split import make_passages, split_sentences


def test_split_sentences_offsets_are_true():
    text = "Dr. Ilse Varga spoke first. Pavel V. Troshchinskiy, of the U.S. office, agreed!\n\nA new paragraph? Yes."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Dr. Ilse Varga spoke first.",
        "Pavel V. Troshchinskiy, of the U.S. office, agreed!",
        "A new paragraph?",
        "Yes.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert sentences[2].paragraph > sentences[1].paragraph


def test_split_keeps_quote_with_its_sentence():
    text = "“We signed 14 agreements,” Oduya said. “The bridge is next.”"
    assert [s.text for s in split_sentences(text)] == ["“We signed 14 agreements,” Oduya said.", "“The bridge is next.”"]


@pytest.mark.parametrize("first", ["He made his name in the 1980s.", "The choice was Trump’s.", "It was Plan B."])
def test_split_a_letter_ending_a_word_is_no_initial(first):
    # "1980s." and "Trump’s." end sentences; a lone capital ("Plan B.") is read as an initial, as in "Pavel V. Troshchinskiy"
    sentences = split_sentences(first + " “No prosecutor would do that.”")
    assert len(sentences) == (1 if first.endswith("B.") else 2)


def test_split_hard_wrapped_lines_join():
    text = "The council approved fourteen new housing projects on Monday after a\nlong debate about costs. Then it adjourned."
    assert split_sentences(text)[0].text.endswith("about costs.")


def test_passages_group_sentences_and_remember_offsets():
    text = " ".join(f"Sentence number {i} is here." for i in range(7))
    passages = make_passages("d", text, per_passage=3, max_chars=900)
    assert len(passages) == 3
    assert all(text[p.start : p.end] == p.text for p in passages)


def test_passages_cut_a_giant_sentence():
    text = "word " * 5000
    passages = make_passages("d", text, per_passage=3, max_chars=500)
    assert all(len(p.text) <= 500 for p in passages) and len(passages) >= 40


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=2000))
def test_split_never_loses_offsets_on_any_text(text):
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text and s.text.strip() == s.text
