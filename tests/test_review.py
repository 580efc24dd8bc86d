"""Review trail, re-rendering, JSON Schema and ClaimReview on the sample report."""

import json

import jsonschema
import pytest

from verify.cli import main
from verify.models import Report, Verdict
from verify.report.claimreview import RATINGS
from verify.review import log_path, read_log

from conftest import SAMPLE

pytestmark = pytest.mark.slow


@pytest.fixture
def checked(tmp_path, sample_index, capsys):
    base = tmp_path / "reports" / "sample"
    assert main(["check", str(SAMPLE / "article.md"), "--index", str(sample_index), "--out", str(base), "-q"]) == 0
    capsys.readouterr()
    return base


def load(path):
    return Report.model_validate_json(path.read_text())


def test_review_set_records_decisions_and_every_format_shows_them(checked, capsys):
    report = checked.with_name("sample.json")
    code = main(["review", str(report), "--set", "c1=accept", "--set", "c2=conflicting", "--note", "checked the wire", "--reviewer", "Ana Editor"])
    assert code == 0
    decisions = read_log(log_path(report))
    assert [(d.claim_id, d.reviewer, d.note) for d in decisions] == [("c1", "Ana Editor", "checked the wire")] * 1 + [("c2", "Ana Editor", "checked the wire")]
    assert decisions[0].before == decisions[0].after
    reviewed = load(report)
    assert reviewed.claims[1].review.after is Verdict.CONFLICTING
    assert "Reviewed by Ana Editor" in checked.with_name("sample.md").read_text()
    assert "reviewed by Ana Editor" in checked.with_name("sample.html").read_text()


def test_review_bad_claim_or_verdict_is_a_usage_error(checked, capsys):
    report = str(checked.with_name("sample.json"))
    assert main(["review", report, "--set", "c999=supported", "--reviewer", "A"]) == 2
    assert main(["review", report, "--set", "c1=maybe", "--reviewer", "A"]) == 2
    assert main(["review", report, "--set", "c1=supported"]) == 2  # no reviewer
    assert not log_path(checked.with_name("sample.json")).exists()


def test_review_log_survives_a_torn_write(checked, capsys):
    report = checked.with_name("sample.json")
    main(["review", str(report), "--set", "c1=supported", "--reviewer", "A"])
    with open(log_path(report), "ab") as handle:
        handle.write(b'{"claim_id": "c2", "claim_key": "abc", "revie')  # the crash
    assert len(read_log(log_path(report))) == 1
    assert main(["review", str(report), "--set", "c3=accept", "--reviewer", "B"]) == 0
    assert [d.claim_id for d in read_log(log_path(report))] == ["c1", "c3"]


def test_review_interactive_session(checked, capsys, monkeypatch):
    import io

    answers = io.StringIO("a\nlooks right\nc\nwrong figure\nq\n")
    monkeypatch.setattr("sys.stdin", answers)
    report = checked.with_name("sample.json")
    assert main(["review", str(report), "--reviewer", "Desk"]) == 0
    decisions = read_log(log_path(report))
    assert [(d.claim_id, d.after.value, d.note) for d in decisions][1] == ("c2", "conflicting", "wrong figure")


def test_review_carries_over_to_edited_draft(tmp_path, checked, sample_index, capsys):
    report = checked.with_name("sample.json")
    original = load(report)
    first = original.claims[0]
    target = next(c for c in original.claims if c.text.startswith("75 kilometres"))
    main(["review", str(report), "--set", f"{first.id}=accept", "--set", f"{target.id}=accept", "--reviewer", "Ana"])
    edited = tmp_path / "article.md"
    edited.write_text((SAMPLE / "article.md").read_text().replace("75 kilometres", "64 kilometres"), encoding="utf-8")
    assert main(["check", str(edited), "--index", str(sample_index), "--out", str(checked), "-q"]) == 0
    again = load(report)
    carried = next(c for c in again.claims if c.text == first.text)
    assert carried.review is not None and carried.review.reviewer == "Ana" and carried.review.carried_from == "sample.json"
    changed = next(c for c in again.claims if c.text.startswith("64 kilometres"))
    assert changed.needs_review and changed.review is None
    assert "look again" in checked.with_name("sample.md").read_text()


def test_report_rerenders_and_schema_validates(checked, capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    report_json = json.loads(checked.with_name("sample.json").read_text())
    jsonschema.validate(report_json, schema)
    assert main(["report", str(checked.with_name("sample.json")), "--format", "md", "--out", "-"]) == 0
    assert capsys.readouterr().out.startswith("## verify:")


def test_report_claimreview_has_required_properties(checked, capsys):
    assert main(["report", str(checked.with_name("sample.json")), "--format", "claimreview", "--out", "-"]) == 0
    reviews = json.loads(capsys.readouterr().out)
    report = load(checked.with_name("sample.json"))
    judged = [c for c in report.claims if c.verdict is not Verdict.UNVERIFIED]
    assert len(reviews) == len(judged) > 0
    for review, claim in zip(reviews, judged):
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["claimReviewed"] and review["datePublished"] and review["author"]["name"]
        item = review["itemReviewed"]
        assert item["@type"] == "Claim" and item["author"]["name"] and item["datePublished"] == "2026-03-13"
        rating = review["reviewRating"]
        assert (rating["ratingValue"], rating["alternateName"]) == RATINGS[claim.verdict]
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
