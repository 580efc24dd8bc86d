"""The pre-commit hook and the CI example, run as documented on a scratch git repository."""

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SAMPLE

pytestmark = pytest.mark.slow
BIN = str(Path(sys.executable).parent)


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def scratch(tmp_path, sample_index):
    repo = tmp_path / "newsroom"
    (repo / "articles").mkdir(parents=True)
    shutil.copytree(sample_index, repo / "index" / "default")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "desk@example.invalid")
    git(repo, "config", "user.name", "Desk")
    (repo / "articles" / "old.md").write_text("---\ntitle: Old\n---\nAbout 300 farmers rallied in Brenmark on Thursday.\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    return repo


def env() -> dict[str, str]:
    return {**os.environ, "PATH": BIN + os.pathsep + os.environ["PATH"], "HF_HUB_OFFLINE": "1"}


def run_hook(repo: Path, files: list[str]) -> subprocess.CompletedProcess:
    """Run the hook as pre-commit does: entry, then args, then the staged files its pattern matches."""
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    matched = [f for f in files if re.search(hook["files"], f)]
    command = shlex.split(hook["entry"]) + ["--index", "index/default"] + matched
    return subprocess.run(command, cwd=repo, env=env(), capture_output=True, text=True)


def test_integration_pre_commit_hook_blocks_conflicting_article(scratch):
    shutil.copy(SAMPLE / "article.md", scratch / "articles" / "summit.md")
    (scratch / "articles" / "notes.png").write_bytes(b"\x89PNG")
    git(scratch, "add", ".")
    staged = git(scratch, "diff", "--cached", "--name-only").split()
    result = run_hook(scratch, staged)
    assert result.returncode == 1, result.stderr
    assert (scratch / "reports" / "pre-commit" / "summit.md").read_text().startswith("## verify:")


def test_integration_pre_commit_hook_passes_clean_article(scratch):
    (scratch / "articles" / "farmers.md").write_text("---\ntitle: Farmers\n---\nAbout 300 farmers rallied in Brenmark on Thursday.\n")
    git(scratch, "add", ".")
    result = run_hook(scratch, git(scratch, "diff", "--cached", "--name-only").split())
    assert result.returncode == 0, result.stderr


def test_integration_ci_script_posts_markdown_for_changed_articles(scratch):
    git(scratch, "checkout", "-qb", "draft")
    shutil.copy(SAMPLE / "article.md", scratch / "articles" / "summit.md")
    (scratch / "articles" / "farmers.md").write_text("---\ntitle: Farmers\n---\nAbout 300 farmers rallied in Brenmark on Thursday.\n")
    git(scratch, "add", ".")
    git(scratch, "commit", "-qm", "drafts")
    script = ROOT / "docs" / "ci" / "verify-changed.sh"
    result = subprocess.run(["bash", str(script), "main", "index/default", "articles/*.md"], cwd=scratch, env=env(), capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    comment = result.stdout
    assert comment.count("## verify:") == 2  # both changed articles, not the unchanged one
    assert "Needs attention" in comment and "75 kilometres" in comment
    workflow = yaml.safe_load((ROOT / "docs" / "ci" / "github-actions.yml").read_text())
    steps = " ".join(str(s.get("run", "")) for s in workflow["jobs"]["verify"]["steps"])
    assert "docs/ci/verify-changed.sh" in steps


def test_integration_check_several_files_in_one_process(tmp_path, sample_index, capsys):
    from verify.cli import main

    other = tmp_path / "farmers.md"
    other.write_text("About 300 farmers rallied in Brenmark on Thursday.\n")
    code = main(["check", str(SAMPLE / "article.md"), str(tmp_path / "*.md"), "--index", str(sample_index), "--out", str(tmp_path / "out") + "/", "-q"])
    out = capsys.readouterr().out
    assert code == 0 and "total (2 articles)" in out
    assert (tmp_path / "out" / "article.json").exists() and (tmp_path / "out" / "farmers.json").exists()


# Blind sets whose first-run misses are still open work (meaning said in other words: reported speech,
# translations, a debunked claim); eval/verdicts_blind.py measures them, this test joins them once they hold.
OPEN_BLIND_SETS = {"7-derailment", "8-budget", "9-trial", "10-port-strike", "11-hospital-breach"}


def test_blind_sets_verdicts_end_to_end(settings, embedder):
    """eval/data/blind: corpora and drafts written before verify ran on them (datelines, transcripts, HTML,
    JSON Lines, older background pieces, a headline with a colon); every expected verdict, no false conflict."""
    sys.path.insert(0, str(ROOT / "eval"))
    import verdicts_blind

    wrong = []
    for folder in verdicts_blind.sets():
        if folder.name in OPEN_BLIND_SETS:
            continue
        rows = verdicts_blind.compare(verdicts_blind.checked(folder, settings, embedder), verdicts_blind.expected(folder))
        wrong += [(folder.name, item["at"], given) for item, given, _ in rows if given not in verdicts_blind.wanted(item)]
    # known misses, no false verdict: "9,850 had been waiting" shares one word with its evidence sentence; "The ships
    # are due to enter service in 2027" names the ferries only in the sentence before; "two seasons ago" is no date
    assert set(wrong) <= {("3-waiting-list", "9,850", "unverified"), ("4-ferries", "due to enter service in 2028", "unverified"),
                          ("5-football", "fifth two seasons", "unverified")}


def test_open_blind_sets_make_no_false_support_or_conflict(settings, embedder):
    """The sets whose facts are mostly said in other words are far from all as expected, but the costly errors stay
    out: nothing is supported that should not be, nothing conflicting that should not be (one known condensed quote)."""
    sys.path.insert(0, str(ROOT / "eval"))
    import verdicts_blind

    costly = []
    for folder in verdicts_blind.sets():
        if folder.name not in OPEN_BLIND_SETS:
            continue
        rows = verdicts_blind.compare(verdicts_blind.checked(folder, settings, embedder), verdicts_blind.expected(folder))
        costly += [(folder.name, item["at"], given) for item, given, _ in rows
                   if given in ("supported", "conflicting") and given not in verdicts_blind.wanted(item)]
    # "Your remorse came very late" condenses "you have shown some remorse, but it came very late": held altered
    assert set(costly) <= {("9-trial", "Your remorse came very late", "conflicting")}

