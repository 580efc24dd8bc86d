"""`verify review`, `verify report` and `verify schema`: working with saved reports."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from verify.errors import EXIT_OK, UsageError
from verify.models import Report, ReviewDecision, Verdict
from verify.report import ReportFormat, render, report_base, write_report
from verify.review import append_decisions, decide, load_report, log_path, read_log, with_reviews

CHOICES = {"a": None, "s": Verdict.SUPPORTED, "c": Verdict.CONFLICTING, "d": Verdict.DISPUTED, "u": Verdict.UNVERIFIED}


def add_commands(commands: argparse._SubParsersAction, epilog: str) -> None:
    review = commands.add_parser("review", help="accept or override verdicts of a saved report", epilog=epilog,
                                 description="Record reviewer decisions in REPORT's append-only log (NAME.review.jsonl) "
                                 "and re-render the report's other formats. Interactive unless --set is given.")
    review.add_argument("report", type=Path, metavar="REPORT", help="a JSON report written by verify check")
    review.add_argument("--set", action="append", default=[], metavar="cN=VERDICT",
                        help="decide claim cN: supported, conflicting, disputed, unverified, or accept (repeatable)")
    review.add_argument("--note", default="", help="why (applies to every --set of this call)")
    review.add_argument("--reviewer", default=os.environ.get("VERIFY_REVIEWER", ""), help="your name (default: $VERIFY_REVIEWER)")

    report = commands.add_parser("report", help="re-render a saved report (with its review decisions)", epilog=epilog,
                                 description="Render REPORT (a JSON report) in other formats, with the decisions of its review log.")
    report.add_argument("report", type=Path, metavar="REPORT")
    report.add_argument("--format", choices=[f.value for f in ReportFormat] + ["all"], default="all", help="default: all")
    report.add_argument("--out", help="output path, its extension optional (default: beside REPORT), or - for stdout")

    commands.add_parser("schema", help="print the JSON Schema of the report", epilog=epilog,
                        description="Print the JSON Schema (draft 2020-12) every JSON report validates against.")


def rerender(path: Path, report: Report) -> list[Path]:
    """Rewrite every format already written beside the JSON report, with reviews attached."""
    base = report_base(path)
    formats = [f for f in ReportFormat if base.with_name(f"{base.name}.{f.suffix}").exists()]
    return write_report(report, base, formats or [ReportFormat.JSON])


def parse_set(value: str) -> tuple[str, Verdict | None]:
    claim_id, _, verdict = value.partition("=")
    verdict = verdict.strip().lower()
    if not claim_id or not verdict:
        raise UsageError(f"--set {value!r}: expected cN=VERDICT")
    if verdict == "accept":
        return claim_id.strip(), None
    try:
        return claim_id.strip(), Verdict(verdict)
    except ValueError as exc:
        raise UsageError(f"--set {value!r}: verdict must be supported, conflicting, disputed, unverified or accept") from exc


def ask(prompt: str) -> str:
    print(prompt, end="", flush=True)
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line.strip()


def interactive(report: Report, reviewer: str) -> list[ReviewDecision]:
    """Walk the claims in the terminal; each decision is appended as soon as it is made."""
    decisions = []
    print(f"{len(report.claims)} claims. Keys: a accept, s/c/d/u set verdict, n next, q quit.")
    for claim in report.claims:
        print(f"\n{claim.id} [{claim.kind.value}] {claim.verdict.value} ({claim.confidence:.2f}): {' '.join(claim.text.split())[:200]}")
        print(f"  {claim.explanation[:300]}")
        for ev in claim.evidence[:2]:
            print(f"  - {ev.stance.value}: {ev.source or ev.document_id}: {' '.join(ev.passage.split())[:160]}")
        try:
            key = ask("decision [a/s/c/d/u/n/q]: ").lower()[:1]
            if key == "q":
                break
            if key not in CHOICES:
                continue
            decisions.append(decide(report, claim.id, CHOICES[key], reviewer, ask("note: ")))
        except EOFError:
            break
    return decisions


def run_review(args: argparse.Namespace) -> int:
    report = load_report(args.report)
    reviewer = args.reviewer
    if args.set:
        decisions = [decide(report, cid, verdict, reviewer, args.note) for cid, verdict in map(parse_set, args.set)]
        append_decisions(log_path(args.report), decisions)
    else:
        if not sys.stdin.isatty() and not reviewer:
            raise UsageError("no --set given and no terminal to ask in: pass --set cN=VERDICT --reviewer NAME")
        reviewer = reviewer or ask("reviewer name: ")
        decisions = []
        for decision in interactive(report, reviewer):
            append_decisions(log_path(args.report), [decision])
            decisions.append(decision)
    reviewed = with_reviews(report, read_log(log_path(args.report)))
    written = rerender(args.report, reviewed)
    print(f"{len(decisions)} decision(s) recorded in {log_path(args.report)}; re-rendered {', '.join(str(p) for p in written)}")
    return EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    report = with_reviews(load_report(args.report), read_log(log_path(args.report)))
    formats = list(ReportFormat) if args.format == "all" else [ReportFormat(args.format)]
    if args.out == "-":
        if len(formats) != 1:
            raise UsageError("--out - writes one format to stdout: choose --format")
        sys.stdout.write(render(report, formats[0]))
        return EXIT_OK
    base = report_base(Path(args.out) if args.out else args.report)
    print("wrote " + ", ".join(str(p) for p in write_report(report, base, formats)))
    return EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    schema = Report.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    print(json.dumps(schema, indent=2))
    return EXIT_OK
