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
from verify.models import FAILING_AT, Filters, Report, Verdict

FORMATS = ("json", "md", "html", "all")
EPILOG = "exit codes: 0 ok; 1 claims at or above --fail-on; 2 usage or input error; 3 corpus or index error"


def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from exc


def positive_int(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of at least 1: {value!r}")
    return int(value)


def index_argument(value: str) -> object:
    from verify.backend import index_location

    try:
        return index_location(value)
    except UsageError as exc:
        raise argparse.ArgumentTypeError(exc.message) from exc


def add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--index", type=index_argument, default=default_index_dir(),
                        help="index folder (default: index/default), milvus-lite:FILE.db, or milvus://HOST:PORT/COLLECTION "
                        "(milvus+https:// for TLS; credentials from MILVUS_TOKEN or MILVUS_USER/MILVUS_PASSWORD)")
    parser.add_argument("--model", help="embedding model: a sentence-transformers id or local path "
                        "(default: $VERIFY_MODEL or the packaged all-MiniLM-L6-v2)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress output on stderr")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="verify", description="Cross-check an article's claims against a reference corpus.", epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"verify {__import__('verify').__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_index_command(commands)
    add_check_command(commands)
    add_review_commands(commands, EPILOG)
    add_serve_command(commands)
    return parser


def add_index_command(commands: argparse._SubParsersAction) -> None:
    from verify.embed_pool import POOL_MIN_TEXTS

    index = commands.add_parser("index", help="build or update an index from a corpus folder", epilog=EPILOG,
                                description="Index CORPUS (.txt, .md, .html, .jsonl files). Incremental: unchanged documents are not re-embedded; the previous index stays usable until the new one is complete.")
    index.add_argument("corpus", type=Path, metavar="CORPUS", help="folder (or one file) of reference documents")
    add_common(index)
    index.add_argument("--approximate", action="store_true", help="HNSW approximate vector search (for very large corpora)")
    index.add_argument("--passage-sentences", type=int, help="sentences per passage (default 3)")
    index.add_argument("--embed-processes", type=positive_int, help="processes embedding passages when a build has at least "
                       f"{POOL_MIN_TEXTS:,} to embed, each loading the model (default: one per core)")


def add_check_command(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser("check", help="check an article against an index", epilog=EPILOG,
                                description="Extract the claims of ARTICLE, find evidence in the index and judge each claim.")
    check.add_argument("articles", nargs="+", metavar="ARTICLE",
                       help="a file (.txt .md .html), a glob (quoted), an http(s) URL, or - for stdin; several are checked in one process")
    add_common(check)
    check.add_argument("--published", type=iso_date, help="the article's publication date, YYYY-MM-DD (overrides metadata)")
    check.add_argument("--format", choices=FORMATS, default="all", help="report format (default: all)")
    check.add_argument("--out", help="report path, its extension optional (default: reports/<article name>); a folder (ending in /) "
                       "for several articles; or - for stdout")
    check.add_argument("--fail-on", choices=[f.value for f in FailOn], default="none", help="exit 1 when a claim has this verdict or a worse one (default: none)")
    check.add_argument("--source", action="append", default=[], help="only use evidence from this source (repeatable)")
    check.add_argument("--from", dest="published_from", type=iso_date, help="only evidence published on or after this date")
    check.add_argument("--to", dest="published_to", type=iso_date, help="only evidence published on or before this date")
    check.add_argument("--top-k", type=int, help="evidence passages per claim (default 5)")
    check.add_argument("--fusion", choices=[m.value for m in FusionMode], help="dense+lexical fusion (default convex)")
    meaning = check.add_mutually_exclusive_group()
    meaning.add_argument("--entailment-model", help="entailment model judging what the typed checks leave open: a cross-encoder "
                         "path or id (default: $VERIFY_ENTAILMENT_MODEL, else the shipped verify-nli)")
    meaning.add_argument("--no-entailment", dest="entailment_model", action="store_const", const="none",
                         help="judge by the typed checks alone (no entailment model)")
    check.add_argument("--review-from", type=Path, help="carry review decisions over from this earlier JSON report "
                       "(default: the report being replaced at --out, if it was reviewed)")


def add_serve_command(commands: argparse._SubParsersAction) -> None:
    serve = commands.add_parser("serve", help="run the HTTP service", epilog=EPILOG,
                                description="Serve POST /v1/check, GET /v1/reports/{id}, POST /v1/documents, GET /v1/index, "
                                "GET /healthz (OpenAPI at /openapi.json). Set VERIFY_TOKEN to require a bearer token.")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    add_common(serve)
    serve.add_argument("--corpus", type=Path, help="corpus folder the index was built from; needed to add documents")
    serve.add_argument("--allow-private-urls", action="store_true", help="let /v1/check fetch loopback, private and link-local addresses")
    serve.add_argument("--allow-host", action="append", default=[], help="a private host /v1/check may fetch from anyway (repeatable)")
    serve.add_argument("--timeout", type=float, default=60.0, help="per-request time limit in seconds (default 60)")
    serve.add_argument("--workers", type=positive_int, default=1,
                       help="worker processes answering on the port, each with its own models (default 1); more than 1 needs "
                       "a local index folder or a Milvus server (a milvus-lite: file opens in one process only: exit 2)")


def note(args: argparse.Namespace, message: str) -> None:
    if not args.quiet:
        print(message, file=sys.stderr, flush=True)


def run_index(args: argparse.Namespace) -> int:
    from verify.pipeline import build_index
    from verify.read import corpus_files

    settings = make_settings(
        model=args.model, passage_sentences=args.passage_sentences, show_progress=not args.quiet, embed_processes=args.embed_processes,
        vector_kind=VectorKind.APPROXIMATE if args.approximate else None,
    )
    corpus_files(args.corpus)  # a missing or empty corpus is an error before any work is announced
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
    if report.notes:
        lines += [""] + [f"  note: {n}" for n in report.notes]
    flagged = [c for c in report.claims if c.verdict in (Verdict.CONFLICTING, Verdict.DISPUTED)]
    if flagged:
        lines += ["", "  needs attention:"] + [f"  {c.id:>4} {c.verdict.value:<11} {' '.join(c.text.split())[:70]}" for c in flagged]
    return "\n".join(lines)


def expand_articles(specs: list[str]) -> list[str]:
    """Files, quoted globs, URLs and '-' as given; a glob matching nothing is an error."""
    import glob

    found: list[str] = []
    for spec in specs:
        if spec == "-" or spec.lower().startswith(("http://", "https://")) or not glob.has_magic(spec):
            found.append(spec)
            continue
        matches = sorted(glob.glob(spec, recursive=True))
        if not matches:
            raise UsageError(f"{spec}: no files match")
        found.extend(matches)
    return found


def run_check(args: argparse.Namespace) -> int:
    from verify.pipeline import Checker
    from verify.read import read_article
    from verify.report import ReportFormat, render, write_report

    settings = make_settings(model=args.model, top_k=args.top_k, fusion=args.fusion, entailment_model=args.entailment_model)
    formats = [ReportFormat(f) for f in ("json", "md", "html")] if args.format == "all" else [ReportFormat(args.format)]
    articles = expand_articles(args.articles)
    if args.out == "-" and (len(formats) != 1 or len(articles) != 1):
        raise UsageError("--out - writes one format of one article to stdout: choose --format json, md or html")
    filters = Filters(sources=tuple(args.source), published_from=args.published_from, published_to=args.published_to)
    # every article read and the index opened before any work is announced: an input error is the only line
    texts = [read_article(spec, settings.max_article_bytes, settings.fetch_timeout_s, args.published) for spec in articles]
    checker = Checker(args.index, settings)  # the index opens now, the model on first use; both once for every article
    note(args, f"checking {len(articles)} article(s) against {args.index} …")
    reports = []
    for spec, article in zip(articles, texts):
        started = time.perf_counter()
        report = checker.check(article, filters)
        seconds = time.perf_counter() - started
        if args.out == "-":
            sys.stdout.write(render(report, formats[0]))
            note(args, summary_table(report, seconds))
        else:
            base = out_base(args.out, spec, len(articles))
            report = carry_reviews(report, base, args.review_from if len(articles) == 1 else None)
            written = write_report(report, base, formats)
            print(summary_table(report, seconds) + "\n\nreports: " + ", ".join(str(p) for p in written) + "\n")
        reports.append(report)
    if len(reports) > 1:
        print(combined_summary(articles, reports))
    failing = FAILING_AT[args.fail_on]
    return EXIT_FOUND if any(c.verdict in failing for r in reports for c in r.claims) else EXIT_OK


def out_base(out: str | None, spec: str, count: int) -> Path:
    """Where one article's reports go: --out as given for one article; a folder for several,
    or when --out ends with '/' or names an existing folder."""
    from verify.report import report_base

    if out and count == 1 and not out.endswith("/") and not Path(out).is_dir():
        return report_base(Path(out))
    return Path(out or "reports") / report_name(spec)


def combined_summary(articles: list[str], reports: list[Report]) -> str:
    lines = [f"{'article':<50} {'sup':>4} {'conf':>4} {'disp':>4} {'unv':>4}"]
    for spec, report in zip(articles, reports):
        s = report.summary
        lines.append(f"{spec[-50:]:<50} {s.supported:>4} {s.conflicting:>4} {s.disputed:>4} {s.unverified:>4}")
    totals = [sum(getattr(r.summary, k) for r in reports) for k in ("supported", "conflicting", "disputed", "unverified")]
    lines.append(f"{'total (' + str(len(reports)) + ' articles)':<50} " + " ".join(f"{t:>4}" for t in totals))
    return "\n".join(lines)


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


def run_serve(args: argparse.Namespace) -> int:
    from verify.serve import ServiceOptions, serve
    from verify.serve_workers import check_workers

    check_workers(args.index, args.workers)  # before the model or the index is loaded
    settings = make_settings(model=args.model)
    options = ServiceOptions(
        index_dir=args.index, corpus_dir=args.corpus, token=os.environ.get("VERIFY_TOKEN") or None,
        allow_private_urls=args.allow_private_urls, allowed_hosts=tuple(h.lower() for h in args.allow_host),
        request_timeout_s=args.timeout,
    )
    note(args, f"serving {args.index} on http://{args.host}:{args.port} with {args.workers} worker process(es) "
               f"(auth: {'bearer token' if options.token else 'none'})")
    serve(options, settings, args.host, args.port, args.workers)
    return EXIT_OK


COMMANDS = {"index": run_index, "check": run_check, "review": run_review, "report": run_report, "schema": run_schema, "serve": run_serve}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="verify: %(message)s")
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
