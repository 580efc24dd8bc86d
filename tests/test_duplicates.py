"""Is a corpus document the article itself? Same text, near-duplicate, or the article inside it."""

import pytest

from verify.duplicates import MIN_SHINGLES, copy_of, probe_texts, shingles
from verify.models import Document, SelfCopyReason
from verify.read import read_article, sha256_text

from conftest import SAMPLE

ARTICLE = read_article(str(SAMPLE / "article.md"), 5_000_000, 15.0).text


def document(text: str, doc_id: str = "doc") -> Document:
    return Document(id=doc_id, title="A title", text=text, sha256=sha256_text(text))


def test_duplicates_same_text_is_a_copy():
    copy = copy_of(ARTICLE, sha256_text(ARTICLE), document(ARTICLE))
    assert copy is not None and copy.reason is SelfCopyReason.SAME_TEXT and copy.overlap_score == 1.0


def test_duplicates_lightly_edited_story_is_a_near_duplicate():
    edited = ARTICLE.replace("\n\n", "\n").replace("“", '"').replace("”", '"') + "\nCorrection: an earlier version misspelt a name.\n"
    copy = copy_of(ARTICLE, sha256_text(ARTICLE), document(edited))
    assert copy is not None and copy.reason is SelfCopyReason.NEAR_DUPLICATE and copy.overlap_score >= 0.8


def test_duplicates_story_inside_a_longer_page_is_a_copy():
    other = " ".join(f"Unrelated paragraph {i} about the harbour authority and its budget for the year." for i in range(200))
    copy = copy_of(ARTICLE, sha256_text(ARTICLE), document(other + "\n\n" + ARTICLE))
    assert copy is not None and copy.reason is SelfCopyReason.CONTAINS_ARTICLE


@pytest.mark.parametrize(
    "text",
    [
        "A different story about a ferry company that lost money for the third year in a row, its chief executive said on Monday.",
        # a wire item the article quotes whole is evidence, not a copy (containment counts one way only)
        ARTICLE.split("\n\n")[2],
    ],
)
def test_duplicates_other_text_is_no_copy(text):
    assert copy_of(ARTICLE, sha256_text(ARTICLE), document(text)) is None


def test_duplicates_a_one_sentence_article_is_never_a_near_copy():
    sentence = "About 300 farmers rallied in Brenmark on Thursday, and police said the protest was peaceful."
    assert len(shingles(sentence)) < MIN_SHINGLES
    longer = document(sentence + " The rally ended at noon.")
    assert copy_of(sentence, sha256_text(sentence), longer) is None


def test_duplicates_probes_cover_the_article():
    probes = probe_texts(ARTICLE)
    assert 1 < len(probes) <= 8
    assert probes[0].split()[:5] == ARTICLE.split()[:5]
    assert all(len(p.split()) == 60 for p in probes)


def test_duplicates_a_brief_that_is_mostly_one_long_quote_is_no_copy():
    quote = ("We have agreed to build the bridge together, to open it by the end of 2027, to share its cost equally "
             "between our two governments, and to run freight and passenger trains across it from the first day it opens, "
             "whatever the weather and whatever the politics of the moment may bring to either of our capitals")
    statement = document(f"Statement of the Chancellery, 12 March. The Chancellor said: “{quote}.” Questions were not taken.")
    brief = f"LINDHAVEN — “{quote},” Chancellor Tomas Oduya said on Thursday."
    assert copy_of(brief, sha256_text(brief), statement) is None
