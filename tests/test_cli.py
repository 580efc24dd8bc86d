import io
import json
import shutil

import pytest

from verify.cli import build_parser, main

from conftest import SAMPLE

pytestmark = pytest.mark.slow


def test_cli_every_command_has_help(capsys):
    parser = build_parser()
    assert parser.description
    for command in ("index", "check", "review", "report", "schema", "serve"):
        with pytest.raises(SystemExit) as exit_info:
            main([command, "--help"])
        assert exit_info.value.code == 0
        out = capsys.readouterr().out
        assert "exit codes" in out and len(out) > 200


def test_cli_index_then_check_writes_reports(tmp_path, capsys, corpus_copy):
    assert main(["index", str(corpus_copy), "--index", str(tmp_path / "ix"), "-q"]) == 0
    assert "13 documents" in capsys.readouterr().out
    out_base = tmp_path / "reports" / "sample"
    code = main(["check", str(SAMPLE / "article.md"), "--index", str(tmp_path / "ix"), "--out", str(out_base), "-q"])
    assert code == 0
    printed = capsys.readouterr().out
    assert "supported" in printed and "conflicting" in printed
    for suffix in ("json", "md", "html"):
        assert (tmp_path / "reports" / f"sample.{suffix}").stat().st_size > 500
    data = json.loads((tmp_path / "reports" / "sample.json").read_text())
    assert data["schema_version"] == "1" and set(data["summary"]) == {"supported", "conflicting", "disputed", "unverified"}


def test_cli_json_to_stdout_is_only_json_and_fail_on_sets_exit(sample_index, capsys):
    code = main(["check", str(SAMPLE / "article.md"), "--index", str(sample_index), "--format", "json", "--out", "-", "--fail-on", "conflicting"])
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["summary"]["conflicting"] > 0 and code == 1


def test_cli_stdin_article(sample_index, capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("About 300 farmers rallied in Brenmark on Thursday.".encode())))
    code = main(["check", "-", "--index", str(sample_index), "--format", "json", "--out", "-", "-q"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["claims"][0]["verdict"] == "supported"


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["check", "{empty}"], 2, "empty"),
        (["check", "{binary}"], 2, "binary"),
        (["check", "{latin1}"], 2, "not UTF-8"),
        (["check", "{article}", "--index", "{missing}"], 3, "no index at"),
        (["check", "http://127.0.0.1:9/article"], 2, "cannot fetch"),
        (["check", "{article}", "--format", "all", "--out", "-"], 2, "one format"),
        (["check", "{article}", "--model", "other-org/other-model"], 3, "was built with model"),
        (["check", "{big}"], 2, "over the 5 MB limit"),
        (["check", "{broken_html}"], 2, "no readable main text"),
        (["check", "{article}", "--index", "{corrupt}"], 3, "unreadable"),
        (["index", "{missing}"], 3, "does not exist"),
        (["index", "{corpus}", "--model", "no-such-org/no-such-model-xyz"], 2, "cannot load embedding model"),
    ],
)
def test_cli_errors_are_one_line_with_documented_exit_code(tmp_path, capsys, sample_index, args, code, message):
    files = {
        "empty": tmp_path / "empty.txt", "binary": tmp_path / "bin.txt", "latin1": tmp_path / "latin1.txt",
        "missing": tmp_path / "missing", "article": SAMPLE / "article.md", "corpus": SAMPLE / "reference",
    }
    files.update(big=tmp_path / "big.txt", broken_html=tmp_path / "broken.html", corrupt=tmp_path / "corrupt")
    with open(files["big"], "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    files["broken_html"].write_text("<html><body><div><p></div></span><script>x()</script>", encoding="utf-8")
    shutil.copytree(sample_index, files["corrupt"])
    live = files["corrupt"] / (files["corrupt"] / "CURRENT").read_text().strip()
    (live / "vectors.faiss").write_bytes(b"\x00garbage")
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    files["latin1"].write_bytes("Le caf\xe9 est ferm\xe9 depuis lundi.".encode("latin-1"))
    argv = [a.format(**files) for a in args]
    if argv[0] == "check" and "--index" not in argv:
        argv += ["--index", str(sample_index)]
    if argv[0] == "index":
        argv += ["--index", str(tmp_path / "ix")]
    assert main(argv + ["-q"]) == code
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("verify: error:") and message in err[0]


def test_cli_mismatched_model_leaves_index_intact(tmp_path, sample_index, capsys):
    copy = tmp_path / "ix"
    shutil.copytree(sample_index, copy)
    before = sorted(p.name for p in copy.rglob("*"))
    code = main(["check", str(SAMPLE / "article.md"), "--index", str(copy), "--model", str(tmp_path), "-q"])
    assert code == 2 and "no sentence-transformers model" in capsys.readouterr().err
    assert sorted(p.name for p in copy.rglob("*")) == before


def test_cli_failed_index_run_leaves_existing_index_intact(tmp_path, sample_index, corpus_copy, capsys):
    copy = tmp_path / "ix"
    shutil.copytree(sample_index, copy)
    snapshot = {p.relative_to(copy): p.read_bytes() for p in copy.rglob("*") if p.is_file() and p.name != ".lock"}
    (corpus_copy / "new.md").write_text("A new document about the ferry.\n", encoding="utf-8")
    assert main(["index", str(corpus_copy), "--index", str(copy), "--model", "no-such-org/no-such-model-xyz", "-q"]) == 2
    (corpus_copy / "bad.txt").write_bytes(b"\xff\xfe\x00binary")
    assert main(["index", str(corpus_copy), "--index", str(copy), "-q"]) == 3
    after = {p.relative_to(copy): p.read_bytes() for p in copy.rglob("*") if p.is_file() and p.name != ".lock"}
    assert after == snapshot


def test_cli_index_prints_no_library_debug_lines(tmp_path, corpus_copy):
    import os
    import subprocess
    import sys

    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-m", "verify", "index", str(corpus_copy), "--index", str(tmp_path / "ix")],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Building index" not in done.stderr  # bm25s logs at DEBUG by default
    assert "13 documents" in done.stdout


def test_cli_out_naming_a_report_file_is_that_file(sample_index, tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"About 300 farmers rallied in Brenmark.")))
    assert main(["check", "-", "--index", str(sample_index), "--format", "json", "--out", str(tmp_path / "r.json"), "-q"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]  # not r.json.json
    assert main(["report", str(tmp_path / "r.json"), "--format", "md", "--out", str(tmp_path / "copy.md")]) == 0
    assert (tmp_path / "copy.md").read_text().startswith("#")
    assert not (tmp_path / "copy.md.md").exists()


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["check", "{missing_article}"], 2, "no such file"),
        (["check", "{empty}"], 2, "empty"),
        (["check", "{article}", "{missing_article}"], 2, "no such file"),  # the second of two: still nothing announced
        (["check", "{article}", "--index", "{missing}"], 3, "no index at"),
        (["check", "{article}", "--format", "all", "--out", "-"], 2, "one format"),
        (["check", "{article}", "--top-k", "0"], 2, "top_k"),
        (["index", "{missing}"], 3, "does not exist"),
    ],
)
def test_cli_input_error_is_the_only_line(tmp_path, capsys, sample_index, args, code, message):
    """Without -q: article, index and options are checked before any progress line is printed."""
    files = {"missing_article": tmp_path / "missing.txt", "empty": tmp_path / "empty.txt", "missing": tmp_path / "nothing",
             "article": SAMPLE / "article.md"}
    files["empty"].write_bytes(b"")
    argv = [a.format(**files) for a in args]
    if argv[0] == "check" and "--index" not in argv:
        argv += ["--index", str(sample_index)]
    if argv[0] == "index":
        argv += ["--index", str(tmp_path / "ix")]
    assert main(argv) == code
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [captured.err.strip()] and captured.err.startswith("verify: error:")
    assert message in captured.err
