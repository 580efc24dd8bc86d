"""README.md and docs/ stay true: runnable examples run, the synopsis matches --help, links resolve.

Markers (see docs/architecture.md, "Documentation that is tested"): a fenced block preceded by
`<!-- runnable -->` is run (sh: one command a line, exit 0 unless the line ends `# exits N`;
python: a script), in page order, in one scratch folder holding a copy of corpora/; a block
preceded by `<!-- output -->` must match the output of the runnable block before it (`…` is any
text); the block preceded by `<!-- synopsis -->` must list exactly each command's options.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from verify.cli import build_parser

from conftest import ROOT

README = ROOT / "README.md"
PAGES = [README] + sorted((ROOT / "docs").rglob("*.md"))
LINKED = PAGES + [ROOT / "CHANGELOG.md"]
MARKER = re.compile(r"^<!-- (runnable|output|synopsis) -->$")
FENCE = re.compile(r"^```(\w*)$")
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
EXITS = re.compile(r"#\s*exits (\d+)\s*$")
OPTION = re.compile(r"(?<![\w-])(--?[a-z][\w-]*)")
RERUN = re.compile(r"`(?:make eval` \(`)?python ((?:eval|bench)/\w+\.py)([^`]*)`")


@dataclass(frozen=True)
class Block:
    page: Path
    line: int  # 1-based line of the opening fence
    marker: str | None
    language: str
    body: str


def blocks(page: Path) -> list[Block]:
    """Every fenced block of a page, with the marker comment on the line before it, if any."""
    lines = page.read_text(encoding="utf-8").splitlines()
    found, i = [], 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        if not opening:
            i += 1
            continue
        marker = MARKER.match(lines[i - 1]) if i else None
        end = next(j for j in range(i + 1, len(lines)) if lines[j] == "```")
        found.append(Block(page, i + 1, marker.group(1) if marker else None, opening.group(1), "\n".join(lines[i + 1 : end])))
        i = end + 1
    return found


def prose(page: Path) -> str:
    """The page without its fenced blocks and inline code (links inside code are not links)."""
    text = re.sub(r"^```\w*\n.*?^```$", "", page.read_text(encoding="utf-8"), flags=re.M | re.S)
    return re.sub(r"`[^`\n]*`", "", text)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    return {slug(m.group(1)) for m in re.finditer(r"^#{1,6} (.+)$", prose(page), flags=re.M)}


# --- fast checks --------------------------------------------------------------------------


@pytest.mark.parametrize("page", LINKED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_docs_relative_links_and_images_resolve(page):
    broken = []
    for target in LINK.findall(prose(page)):
        if re.match(r"^[a-z]+:", target):
            continue  # http(s), mailto: not checked offline
        path_part, _, anchor = target.partition("#")
        linked = (page.parent / path_part).resolve() if path_part else page
        if not linked.exists():
            broken.append(f"{target}: no such file")
        elif anchor and linked.suffix == ".md" and anchor not in anchors(linked):
            broken.append(f"{target}: no heading for #{anchor}")
    assert not broken, f"{page.name}: {broken}"


def test_docs_markers_are_well_formed():
    problems = []
    for page in PAGES:
        lines = page.read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(lines):
            if MARKER.match(line) and (n + 1 >= len(lines) or not FENCE.match(lines[n + 1])):
                problems.append(f"{page.name}:{n + 1}: a marker must be followed by a fenced block")
        previous = None
        for block in blocks(page):
            if block.marker == "runnable" and block.language not in ("sh", "python"):
                problems.append(f"{page.name}:{block.line}: runnable blocks are sh or python")
            if block.marker == "output" and (previous is None or previous.marker != "runnable"):
                problems.append(f"{page.name}:{block.line}: an output block follows a runnable block")
            previous = block
    assert not problems, problems
    assert sum(b.marker == "runnable" for p in PAGES for b in blocks(p)) >= 10


def synopsis() -> dict[str, set[str]]:
    """Command -> the options its synopsis line names."""
    (block,) = [b for p in PAGES for b in blocks(p) if b.marker == "synopsis"]
    commands: dict[str, set[str]] = {}
    command = None
    for line in block.body.splitlines():
        if line.startswith("verify "):
            command = line.split()[1]
            commands[command] = set()
            line = line.split(None, 2)[2] if len(line.split()) > 2 else ""
        commands[command] |= set(OPTION.findall(line))
    return commands


def help_options() -> dict[str, list[list[str]]]:
    """Command -> the option strings of each of its options, as --help lists them."""
    subparsers = next(a for a in build_parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    return {name: [a.option_strings for a in parser._actions if a.option_strings and "--help" not in a.option_strings]
            for name, parser in subparsers.choices.items()}


def test_docs_synopsis_names_every_command_and_option_help_lists():
    documented, actual = synopsis(), help_options()
    assert set(documented) == set(actual)
    for command, options in actual.items():
        missing = [strings for strings in options if not set(strings) & documented[command]]
        unknown = documented[command] - {s for strings in options for s in strings}
        assert not missing and not unknown, f"verify {command}: undocumented {missing}, not in --help {sorted(unknown)}"


def test_docs_make_targets_exist():
    targets = set(re.findall(r"^([a-z]+):", (ROOT / "Makefile").read_text(), flags=re.M))
    named = {m for page in LINKED for m in re.findall(r"`make (\w+)", page.read_text(encoding="utf-8"))}
    assert named and named <= targets, named - targets


# --- slow checks: scripts and the documented commands themselves --------------------------


def environment(bin_dir: Path) -> dict[str, str]:
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(ROOT),
            "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "VERIFY_REVIEWER": "Docs Test"}


def rerun_commands() -> dict[str, set[str]]:
    """Script -> every flag the pages' rerun commands give it."""
    found: dict[str, set[str]] = {}
    for page in PAGES:
        for script, rest in RERUN.findall(page.read_text(encoding="utf-8")):
            found.setdefault(script, set()).update(re.findall(r"(?<![\w-])(--[a-z][\w-]*)", rest))
    return found


@pytest.mark.slow
@pytest.mark.parametrize("script", sorted(rerun_commands()))
def test_docs_rerun_commands_use_flags_the_scripts_have(script):
    assert (ROOT / script).is_file()
    done = subprocess.run([sys.executable, script, "--help"], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env=environment(Path(sys.executable).parent))
    assert done.returncode == 0, done.stderr
    unknown = [flag for flag in rerun_commands()[script] if flag not in done.stdout]
    assert not unknown, f"{script} --help has no {unknown}"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A scratch folder with a copy of corpora/ and `verify` on the path (this checkout's code)."""
    root = tmp_path_factory.mktemp("docs")
    shutil.copytree(ROOT / "corpora", root / "corpora")
    bin_dir = root / ".bin"
    bin_dir.mkdir()
    shim = bin_dir / "verify"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m verify "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    return root, environment(bin_dir)


def matches(expected: str, output: str) -> list[str]:
    """Lines of `expected` (… is any text) that no line of `output` matches."""
    got = [line.rstrip() for line in output.splitlines()]
    missing = []
    for line in (line.rstrip() for line in expected.splitlines()):
        if not line:
            continue
        pattern = ".*".join(re.escape(part) for part in line.split("…"))
        if not any(re.fullmatch(pattern, candidate) for candidate in got):
            missing.append(line)
    return missing


def run_block(block: Block, root: Path, env: dict[str, str]) -> str:
    if block.language == "python":
        done = subprocess.run([sys.executable, "-c", block.body], cwd=root, env=env, capture_output=True, text=True, timeout=900)
        assert done.returncode == 0, f"{block.page.name}:{block.line}: python block failed\n{done.stderr[-3000:]}"
        return done.stdout
    output = ""
    for command in block.body.splitlines():
        if not command.strip() or command.lstrip().startswith("#"):
            continue
        wanted = EXITS.search(command)
        done = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=root, env=env, capture_output=True, text=True, timeout=900)
        expected = int(wanted.group(1)) if wanted else 0
        assert done.returncode == expected, f"{block.page.name}:{block.line}: `{command}` exited {done.returncode}\n{done.stderr[-3000:]}"
        output += done.stdout
    return output


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_docs_runnable_examples_run_as_documented(page, workspace):
    """Pages run in order (README first), each after the ones before it, as a reader would."""
    root, env = workspace
    last_output = ""
    for block in blocks(page):
        if block.marker == "runnable":
            last_output = run_block(block, root, env)
        elif block.marker == "output":
            missing = matches(block.body, last_output)
            assert not missing, f"{page.name}:{block.line}: output lines not printed: {missing}\n--- printed:\n{last_output}"
