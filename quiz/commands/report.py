"""`quiz report`: what a class knows, from the scores database and any results files handed in.

The teacher's command: it is never reachable from `quiz serve`. Statistics: quiz.study.class_report;
the HTML page: quiz.study.class_report_html.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz import exit_codes
from quiz.arguments import output_path
from quiz.commands.scores import add_db_option
from quiz.errors import UsageError

if TYPE_CHECKING:
    from quiz.study.class_report import ClassReport, QuestionReport
    from quiz.study.knowledge import LevelCounts

FORMATS = ("text", "csv", "json", "html")
JSON_FORMAT = 1


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "report",
        help="the teacher's report: what a class knows, question by question",
        description="Statistics per question (attempts, facility, discrimination, choices picked, median time, "
        "flags with file:line), per learner and per tag, over each learner's first answer to each version of a "
        "question in finished practice and exam rounds. See docs/classroom.md.",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="the banks the questions come from (default: the bundled banks)")
    add_db_option(parser)
    parser.add_argument("--from", dest="results", nargs="+", type=Path, default=[], metavar="FILE",
                        help="results files from quiz scores --export (duplicate answers are counted once)")
    parser.add_argument("--class", dest="class_name", metavar="NAME", help="only rounds played in this class")
    parser.add_argument("--bank", metavar="ID", help="only this bank")
    parser.add_argument("--since", type=_date, metavar="DATE", help="only answers from this day on (YYYY-MM-DD)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default text)")
    parser.add_argument("-o", "--output", type=output_path, metavar="FILE",
                        help="write here instead of standard output (-: standard output)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing -o file")
    parser.set_defaults(func=run)


def _date(text: str) -> str:
    try:
        day = datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date as YYYY-MM-DD: {text!r}") from None
    return day.strftime("%Y-%m-%d")


def run(args: argparse.Namespace) -> int:
    from quiz.commands.play import load_banks
    from quiz.commands.scores import open_scores_db
    from quiz.study import results_file
    from quiz.study.class_report import ClassData, build_report, read_database, read_knowledge

    target = None
    if args.output:
        from quiz.locations import default_db_path
        from quiz.output_file import output_target

        inputs = [args.db or default_db_path(), *args.results, *args.paths]
        target = output_target(args.output, force=args.force, inputs=inputs)
    results = [results_file.read(path) for path in args.results]
    banks = list(load_banks(list(args.paths)).banks)
    store = open_scores_db(args.db) if args.db or not results else None
    data = ClassData()
    seen: set[str] = set()
    knowledge = {}
    if store is not None:
        with store:
            data = read_database(store, args.class_name, args.bank, args.since)
            seen = store.known_uids([answer.uid for item in results for r in item.rounds for answer in r.answers])
            knowledge = read_knowledge(store, data.learners, banks)
    elif not results:
        raise UsageError("no scores database here yet, and no --from files", "pass --db PATH or --from FILE")
    data.merge(results_file.class_data(results, seen, args.class_name, args.bank, args.since))
    report = build_report(data, banks, Path.cwd(), knowledge)
    text = render(report, args.format)
    if target is not None:
        from quiz.output_file import write_atomically

        write_atomically(target, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return exit_codes.OK


def render(report: ClassReport, kind: str) -> str:
    if kind == "json":
        return json.dumps(as_json(report), ensure_ascii=False, indent=1) + "\n"
    if kind == "csv":
        return as_csv(report)
    if kind == "html":
        from quiz.study.class_report_html import as_html

        return as_html(report)
    return as_text(report)


def as_json(report: ClassReport) -> dict[str, Any]:
    return {
        "format": JSON_FORMAT,
        "questions": [
            {
                "id": item.question_id, "bank": item.bank_id, "content_hash": item.content_hash,
                "current": item.current, "location": item.location, "attempts": item.attempts,
                "facility": _rounded(item.facility), "discrimination": _rounded(item.discrimination),
                "median_seconds": item.median_seconds,
                "choices": [{"text": c.text, "share": _rounded(c.share), "right": c.right} for c in item.choices],
                "flags": [flag.name for flag in item.flags],
                "reasons": [flag.reason for flag in item.flags],
                "tags": list(item.tags), "other_answers": item.other_answers, "overrides": item.overrides,
            }
            for item in report.questions
        ],
        "learners": [
            {
                "name": learner.name, "rounds": learner.rounds, "answers": learner.answers,
                "last_active": learner.last_active,
                "banks": [{"bank": s.name, "answers": s.answers, "mean": _rounded(s.mean)} for s in learner.banks],
                "tags": [{"tag": s.name, "answers": s.answers, "mean": _rounded(s.mean)} for s in learner.tags],
                "knowledge": {
                    "banks": [{"bank": name, **_levels(counts)} for name, counts in learner.levels_by_bank],
                    "tags": [{"tag": name, **_levels(counts)} for name, counts in learner.levels_by_tag],
                },
            }
            for learner in report.learners
        ],
        "tags": [{"tag": s.name, "attempts": s.answers, "facility": _rounded(s.mean)} for s in report.tags],
        "knowledge_note": report.knowledge_note,
    }


def _levels(counts: LevelCounts) -> dict[str, int]:
    return {"new": counts.new, "learning": counts.learning, "known": counts.known, "mastered": counts.mastered,
            "suspended": counts.suspended}


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


CSV_COLUMNS = ("bank", "id", "content_hash", "location", "attempts", "facility", "discrimination",
               "median_seconds", "flags", "other_answers", "overrides")


def as_csv(report: ClassReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for item in report.questions:
        writer.writerow([_cell(item.bank_id), _cell(item.question_id), item.content_hash, _cell(item.location or ""),
                         item.attempts, _blank(item.facility), _blank(item.discrimination),
                         _blank(item.median_seconds), " ".join(flag.name for flag in item.flags),
                         item.other_answers, item.overrides])
    return out.getvalue()


def _cell(text: str) -> str:
    """Text for a spreadsheet cell: a leading = + - @ would be run as a formula, so it is quoted off."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _blank(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}".rstrip("0").rstrip(".")


def as_text(report: ClassReport) -> str:

    if not report.questions and not report.learners:
        return "No answers to report yet: no finished practice or exam round matches.\n"
    lines = [f"Questions ({len(report.questions)}; flagged first)"]
    lines.append(f"  {'Question':<28} {'Tries':>5} {'Facil.':>6} {'Discr.':>6} {'Median':>7}  Flags")
    for item in report.questions:
        lines.append(f"  {safe_text(item.question_id)[:28]:<28} {item.attempts:>5} {_fixed(item.facility):>6} "
                     f"{_fixed(item.discrimination):>6} {_seconds(item.median_seconds):>7}  "
                     + " ".join(flag.name for flag in item.flags))
        lines.extend(_flag_lines(item))
    if report.tags:
        lines.append("")
        lines.append("Tags (facility over first answers)")
        lines.extend(f"  {safe_text(tag.name):<28} {tag.answers:>5} {_fixed(tag.mean):>6}" for tag in report.tags)
    lines.append("")
    lines.append(f"Learners ({len(report.learners)})")
    for learner in report.learners:
        last = learner.last_active[:16].replace("T", " ") if learner.last_active else "-"
        banks = ", ".join(f"{safe_text(s.name)} {s.mean:.0%} of {s.answers}" for s in learner.banks) or "-"
        lines.append(f"  {safe_text(learner.name)}: {learner.rounds} rounds, {learner.answers} answers, "
                     f"last active {last}; {banks}")
        for bank_id, counts in learner.levels_by_bank:
            lines.append(f"    {safe_text(bank_id)}: {known_words(counts)}")
    lines.append("")
    lines.append(report.knowledge_note)
    return "\n".join(lines) + "\n"


def _flag_lines(item: QuestionReport) -> list[str]:

    if not item.flags:
        return []
    where = item.location or f"{item.bank_id} (not in the loaded banks)"
    if item.location and not item.current:
        where += " (the bank has changed this question since)"
    return [f"    {safe_text(where)}"] + [f"    {flag.name}: {safe_text(flag.reason)}" for flag in item.flags]


def known_words(counts: LevelCounts) -> str:
    """``4 mastered, 3 known, 2 learning, 11 new of 20`` (and the suspended, if any)."""
    parts = [f"{counts.mastered} mastered", f"{counts.known} known", f"{counts.learning} learning", f"{counts.new} new"]
    suspended = f", {counts.suspended} suspended" if counts.suspended else ""
    return ", ".join(parts) + suspended + f" of {counts.total}"


def _fixed(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}s"


def safe_text(text: str) -> str:
    """Text from a database or results file on one line, its control characters shown as escapes."""
    from quiz.bank.controls import shown

    return shown(text, one_line=True)
