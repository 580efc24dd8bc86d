"""The `verify` command: a thin shell over `verify.pipeline` that maps errors to exit codes.

Exit codes: 0 ran, nothing at or above --fail-on; 1 claims at or above --fail-on;
2 usage or input error (bad option, unreadable article, unknown model);
3 corpus or index error (missing, corrupt, built with another model or format).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from verify.config import FailOn, FusionMode, VectorKind, default_index_dir, make_settings
from verify.errors import EXIT_FOUND, EXIT_OK, UsageError, VerifyError
from verify.cli_review import add_commands as add_review_commands, run_report, run_review, run_schema
from verify.models import Filters, Report, Verdict

FAIL_LEVELS = {
    FailOn.NONE: set(),
    FailOn.CONFLICTING: {Verdict.CONFLICTING},
    FailOn.DISPUTED: {Verdict.CONFLICTING, Verdict.DISPUTED},
    FailOn.UNVERIFIED: {Verdict.CONFLICTING, Verdict.DISPUTED, Verdict.UNVERIFIED},
}
FORMATS = ("json", "md", "html", "all")
EPILOG = "exit codes: 0 ok; 1 claims at or above --fail-on; 2 usage or input error; 3 corpus or index error"


def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from exc


def add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--index", type=Path, default=default_index_dir(), help="index directory (default: index/default)")
    parser.add_argument("--model", help="embedding model: a sentence-transformers id or local path "
                        "(default: $VERIFY_MODEL or the packaged all-MiniLM-L6-v2)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress output on stderr")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="verify", description="Cross-check an article's claims against a reference corpus.", epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"verify {__import__('verify').__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    index = commands.add_parser("index", help="build or update an index from a corpus folder", epilog=EPILOG,
                                description="Index CORPUS (.txt, .md, .html, .jsonl files). Incremental: unchanged documents are not re-embedded; the previous index stays usable until the new one is complete.")
    index.add_argument("corpus", type=Path, metavar="CORPUS", help="folder (or one file) of reference documents")
    add_common(index)
    index.add_argument("--approximate", action="store_true", help="HNSW approximate vector search (for very large corpora)")
    index.add_argument("--passage-sentences", type=int, help="sentences per passage (default 3)")

    check = commands.add_parser("check", help="check an article against an index", epilog=EPILOG,
                                description="Extract the claims of ARTICLE, find evidence in the index and judge each claim.")
    check.add_argument("article", metavar="ARTICLE", help="a file (.txt .md .html), an http(s) URL, or - for stdin")
    add_common(check)
    check.add_argument("--published", type=iso_date, help="the article's publication date, YYYY-MM-DD (overrides metadata)")
    check.add_argument("--format", choices=FORMATS, default="all", help="report format (default: all)")
    check.add_argument("--out", help="report path without extension (default: reports/<article name>), or - for stdout")
    check.add_argument("--fail-on", choices=[f.value for f in FailOn], default="none", help="exit 1 when a claim has this verdict or a worse one (default: none)")
    check.add_argument("--source", action="append", default=[], help="only use evidence from this source (repeatable)")
    check.add_argument("--from", dest="published_from", type=iso_date, help="only evidence published on or after this date")
    check.add_argument("--to", dest="published_to", type=iso_date, help="only evidence published on or before this date")
    check.add_argument("--top-k", type=int, help="evidence passages per claim (default 5)")
    check.add_argument("--fusion", choices=[m.value for m in FusionMode], help="dense+lexical fusion (default convex)")
    check.add_argument("--review-from", type=Path, help="carry review decisions over from this earlier JSON report "
                       "(default: the report being replaced at --out, if it was reviewed)")
    add_review_commands(commands, EPILOG)
    return parser


def note(args: argparse.Namespace, message: str) -> None:
    if not args.quiet:
        print(message, file=sys.stderr, flush=True)


def run_index(args: argparse.Namespace) -> int:
    from verify.pipeline import build_index

    settings = make_settings(
        model=args.model, passage_sentences=args.passage_sentences, show_progress=not args.quiet,
        vector_kind=VectorKind.APPROXIMATE if args.approximate else None,
    )
    note(args, f"indexing {args.corpus} into {args.index} …")
    result = build_index(args.corpus, args.index, settings)
    m = result.manifest
    state = "updated" if result.changed else "already up to date"
    print(
        f"index {result.path} {state}: {m.documents} documents, {m.passages} passages "
        f"(added {result.added}, changed {result.updated}, removed {result.removed}, unchanged {result.unchanged}; "
        f"embedded {result.embedded_passages}, reused {result.reused_passages}) in {result.seconds:.1f} s"
    )
    return EXIT_OK


def summary_table(report: Report, seconds: float) -> str:
    s = report.summary
    rows = [("supported", s.supported), ("conflicting", s.conflicting), ("disputed", s.disputed), ("unverified", s.unverified)]
    lines = [f"{report.article.title[:70] or 'article'} — {len(report.claims)} claims in {seconds:.1f} s", ""]
    lines += [f"  {name:<12} {count:>4}" for name, count in rows]
    flagged = [c for c in report.claims if c.verdict in (Verdict.CONFLICTING, Verdict.DISPUTED)]
    if flagged:
        lines += ["", "  needs attention:"] + [f"  {c.id:>4} {c.verdict.value:<11} {' '.join(c.text.split())[:70]}" for c in flagged]
    return "\n".join(lines)


def run_check(args: argparse.Namespace) -> int:
    from verify.pipeline import check_article
    from verify.report import ReportFormat, render, write_report

    settings = make_settings(model=args.model, top_k=args.top_k, fusion=args.fusion)
    formats = [ReportFormat(f) for f in ("json", "md", "html")] if args.format == "all" else [ReportFormat(args.format)]
    if args.out == "-" and len(formats) != 1:
        raise UsageError("--out - writes one format to stdout: choose --format json, md or html")
    filters = Filters(sources=tuple(args.source), published_from=args.published_from, published_to=args.published_to)
    started = time.perf_counter()
    note(args, f"checking {args.article} against {args.index} …")
    report = check_article(args.article, args.index, settings, published=args.published, filters=filters)
    seconds = time.perf_counter() - started
    if args.out == "-":
        sys.stdout.write(render(report, formats[0]))
        note(args, summary_table(report, seconds))
    else:
        base = Path(args.out) if args.out else Path("reports") / report_name(args.article)
        report = carry_reviews(report, base, args.review_from)
        written = write_report(report, base, formats)
        print(summary_table(report, seconds))
        print("\nreports: " + ", ".join(str(p) for p in written))
    failing = FAIL_LEVELS[FailOn(args.fail_on)]
    return EXIT_FOUND if any(c.verdict in failing for c in report.claims) else EXIT_OK


def carry_reviews(report: Report, base: Path, review_from: Path | None) -> Report:
    """Carry decisions on unchanged claims over from the reviewed report this one replaces."""
    from verify.review import append_decisions, carry_over, load_report, log_path, read_log, with_reviews

    old_path = review_from or base.with_name(base.name + ".json")
    old_log = log_path(old_path)
    if not old_log.exists():
        return report
    old_decisions = read_log(old_log)
    carried, flagged = carry_over(load_report(old_path), old_decisions, report, old_path.name)
    new_log = log_path(base.with_name(base.name + ".json"))
    append_decisions(new_log, carried)
    return with_reviews(report, read_log(new_log), flagged)


def report_name(article: str) -> str:
    if article == "-":
        return "stdin"
    stem = Path(article.rstrip("/")).stem if not article.startswith(("http://", "https://")) else article.rstrip("/").rsplit("/", 1)[-1]
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in stem)[:80] or "article"


COMMANDS = {"index": run_index, "check": run_check, "review": run_review, "report": run_report, "schema": run_schema}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="verify: %(message)s")
    logging.getLogger("bm25s").setLevel(logging.ERROR)
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        return COMMANDS[args.command](args)
    except VerifyError as exc:
        print(f"verify: error: {exc.one_line()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("verify: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `verify schema | head`: the reader left, nothing is wrong
        sys.stdout = open(os.devnull, "w")
        return EXIT_OK
