"""`quiz scores`: learners' rounds and best score per bank, as text or JSON; --export/--import move a results file.

The JSON shape is documented in docs/scoring-and-storage.md and only grows: new keys may appear,
existing ones keep their meaning. ``open_scores_db`` is shared with ``quiz learners``.
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz import exit_codes
from quiz.bank.controls import json_safe, shown
from quiz.bank.text import plural
from quiz.errors import QuizError, UsageError
from quiz.study.wording import short_time

if TYPE_CHECKING:
    from quiz.store import BankProgress, Learner, RoundSummary, Store

JSON_FORMAT = 1
"""Version of the ``--json`` shape; raised only if an existing key changes meaning."""

History = tuple["Learner", list["RoundSummary"], dict[str, "BankProgress"]]
"""One learner with their rounds (newest first) and progress per bank."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "scores",
        help="print learners' rounds and best scores",
        description="Print every round (date, bank, mode, score out of the questions planned) and the best "
        "finished round per bank, for one learner or all of them.",
    )
    parser.add_argument("--learner", metavar="NAME", help="only this learner (any case)")
    parser.add_argument("--json", action="store_true", help="print JSON (see docs/scoring-and-storage.md)")
    moving = parser.add_mutually_exclusive_group()
    moving.add_argument("--export", type=Path, metavar="FILE",
                        help="write one learner's rounds and answers to a results file (see docs/classroom.md)")
    moving.add_argument("--import", dest="import_file", type=Path, metavar="FILE",
                        help="merge a results file into the database (answers already there are skipped)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing --export file")
    add_db_option(parser)
    parser.set_defaults(func=run)


def add_db_option(parser: argparse.ArgumentParser, default: Any = None) -> None:
    """--db, on a command or (with default=argparse.SUPPRESS) on its sub-commands as well."""
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        default=default,
        help="the scores database (default: $QUIZ_DB, else quiz's folder in your data directory)",
    )


def open_scores_db(option: Path | None) -> Store | None:
    """The store named by --db, $QUIZ_DB or the default; None when no database exists there yet.

    These commands never create a database, and never move a file that is not one: a mistyped --db
    is refused with a message.
    """
    from quiz.locations import default_db_path
    from quiz.store import Store

    path = option or default_db_path()
    if not path.exists():
        return None
    return Store.open(path, repair=False)


def run(args: argparse.Namespace) -> int:
    if args.export or args.import_file:
        return export_results(args) if args.export else import_results(args)
    store = open_scores_db(args.db)
    if store is None:
        if args.learner:
            raise _unknown(args.learner)
        print(_as_json(None, []) if args.json else "No scores yet: no learner has played a round.")
        return exit_codes.OK
    with store:
        learners = store.learners()
        if args.learner:
            chosen = store.learner(args.learner)
            if chosen is None:
                raise _unknown(args.learner)
            learners = [chosen]
        histories = [(learner, store.rounds(learner.id), store.bank_progress(learner.id)) for learner in learners]
    print(_as_json(store, histories) if args.json else _as_text(histories))
    return exit_codes.OK


def _as_text(histories: list[History]) -> str:
    if not histories:
        return "No learners yet: start quiz and choose a name."
    return "\n\n".join(_learner_text(*history) for history in histories)


def _learner_text(learner: Learner, rounds: list[RoundSummary], progress: dict[str, BankProgress]) -> str:
    lines = [f"{shown(learner.name, one_line=True)} ({plural(len(rounds), 'round')})"]
    if not rounds:
        return lines[0] + "\n  no rounds yet"
    width = max(len("Bank"), *(len(shown(item.bank_id, one_line=True)) for item in rounds))
    lines.append(f"  {'Date':<16}  {'Bank':<{width}}  {'Mode':<8}  Score")
    for item in rounds:
        status = "" if item.status == "finished" else f"  {item.status}, {item.answered} answered"
        score = f"{number(item.score)}/{item.planned}"
        lines.append(f"  {short_time(item.started_at):<16}  {shown(item.bank_id, one_line=True):<{width}}  "
                     f"{shown(item.mode, one_line=True):<8}  {score}{shown(status, one_line=True)}")
    best = [bank for bank in progress.values() if bank.best_score is not None]
    if best:
        lines.append("  Best per bank")
        for bank in best:
            lines.append(
                f"  {shown(bank.bank_id, one_line=True):<{width}}  best {_fraction(bank.best_score, bank.best_max)}"
                f", last {_fraction(bank.last_score, bank.last_max)}, {plural(bank.questions_seen, 'question')} seen"
            )
    return "\n".join(lines)


def _fraction(score: float | None, maximum: int | None) -> str:
    if score is None or not maximum:
        return "-"
    return f"{number(score)}/{maximum} ({score / maximum:.0%})"


def number(score: float) -> str:
    """A score as people write it: 7, 7.5, 6.83."""
    return f"{score:.2f}".rstrip("0").rstrip(".")




def _as_json(store: Store | None, histories: list[History]) -> str:
    document = {
        "format": JSON_FORMAT,
        "database": None if store is None else str(store.path),
        "learners": [
            {
                "name": learner.name,
                "created_at": learner.created_at,
                "last_seen_at": learner.last_seen_at,
                "rounds": [
                    {
                        "id": item.id,
                        "bank_id": item.bank_id,
                        "mode": item.mode,
                        "status": item.status,
                        "started_at": item.started_at,
                        "finished_at": item.finished_at,
                        "planned": item.planned,
                        "answered": item.answered,
                        "score": item.score,
                        "seconds": item.seconds,
                    }
                    for item in rounds
                ],
                "banks": [
                    {
                        "bank_id": bank.bank_id,
                        "best_score": bank.best_score,
                        "best_max": bank.best_max,
                        "last_score": bank.last_score,
                        "last_max": bank.last_max,
                        "questions_seen": bank.questions_seen,
                    }
                    for bank in progress.values()
                ],
            }
            for learner, rounds, progress in histories
        ],
    }
    return json_safe(json.dumps(document, ensure_ascii=False, indent=2))


def _unknown(name: str) -> UsageError:
    return UsageError(f"there is no learner called {name!r}", "`quiz learners` lists them")


# results files: moving one learner's results between home and class (docs/classroom.md)


def export_results(args: argparse.Namespace) -> int:
    from quiz.locations import default_db_path
    from quiz.output_file import output_target, write_atomically
    from quiz.study import results_file

    target = output_target(args.export, force=args.force, inputs=[args.db or default_db_path()])
    store = open_scores_db(args.db)
    if store is None:
        raise UsageError("there is no scores database here yet", "pass --db PATH")
    with store:
        learners = store.learners()
        if args.learner:
            learner = store.learner(args.learner)
            if learner is None:
                raise UsageError(f"there is no learner called {args.learner!r}", "`quiz learners` lists them")
        elif len(learners) == 1:
            learner = learners[0]
        else:
            raise UsageError("whose results? this database has several learners", "add --learner NAME")
        rounds = store.exported_rounds(learner.id)
    stamp = datetime.now(UTC).isoformat(timespec="milliseconds")
    text = results_file.dump(results_file.Results(learner.name, stamp, tuple(rounds)))
    write_atomically(target, text.encode("utf-8"))
    answers = sum(len(item.answers) for item in rounds)
    print(shown(f"wrote {len(rounds)} rounds and {answers} answers of {learner.name} to {args.export}", one_line=True))
    return exit_codes.OK


def import_results(args: argparse.Namespace) -> int:
    from quiz.locations import default_db_path
    from quiz.store import MODES, Store
    from quiz.study import results_file

    results = results_file.read(args.import_file)
    unknown = sorted({item.mode for item in results.rounds} - set(MODES))
    if unknown:
        raise QuizError(f"{args.import_file}: rounds in modes this quiz does not know: {', '.join(unknown)}",
                        "upgrade quiz to import this file")
    if args.learner and args.learner.casefold() != results.learner.casefold():
        raise UsageError(f"{args.import_file} holds the results of {results.learner!r}, not {args.learner!r}",
                         "leave out --learner, or choose the right file")
    with Store.open(args.db or default_db_path(), repair=False) as store:
        learner = store.learner(results.learner) or store.add_learner(results.learner)
        added = store.import_rounds(learner.id, results.rounds)
        if added:
            from quiz.study.schedule import CARDS
            from quiz.study.upgrade import SCHEDULE_VERSION

            store.rebuild_schedule(CARDS, SCHEDULE_VERSION)  # the review schedule now counts these answers too
    total = sum(len(item.answers) for item in results.rounds)
    already = f" ({total - added} were already here)" if total - added else ""
    print(shown(f"added {added} of {total} answers of {learner.name} from {args.import_file}{already}", one_line=True))
    return exit_codes.OK
