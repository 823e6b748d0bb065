"""`quiz scores`: every learner's rounds and best score per bank, as text or as JSON for tools.

The JSON shape is documented in docs/scoring-and-storage.md and only grows: new keys may appear,
existing ones keep their meaning. ``open_scores_db`` is shared with ``quiz learners``.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz import exit_codes
from quiz.errors import UsageError

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
        from quiz.commands.results import export_results, import_results

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
    lines = [f"{learner.name} ({counted(len(rounds), 'round')})"]
    if not rounds:
        return lines[0] + "\n  no rounds yet"
    width = max(len("Bank"), *(len(item.bank_id) for item in rounds))
    lines.append(f"  {'Date':<16}  {'Bank':<{width}}  {'Mode':<8}  Score")
    for item in rounds:
        status = "" if item.status == "finished" else f"  {item.status}, {item.answered} answered"
        score = f"{number(item.score)}/{item.planned}"
        lines.append(f"  {local_time(item.started_at):<16}  {item.bank_id:<{width}}  {item.mode:<8}  {score}{status}")
    best = [bank for bank in progress.values() if bank.best_score is not None]
    if best:
        lines.append("  Best per bank")
        for bank in best:
            lines.append(
                f"  {bank.bank_id:<{width}}  best {_fraction(bank.best_score, bank.best_max)}"
                f", last {_fraction(bank.last_score, bank.last_max)}, {counted(bank.questions_seen, 'question')} seen"
            )
    return "\n".join(lines)


def counted(amount: int, thing: str) -> str:
    """``1 round``, ``3 rounds``."""
    return f"{amount} {thing}" + ("" if amount == 1 else "s")


def _fraction(score: float | None, maximum: int | None) -> str:
    if score is None or not maximum:
        return "-"
    return f"{number(score)}/{maximum} ({score / maximum:.0%})"


def number(score: float) -> str:
    """A score as people write it: 7, 7.5, 6.83."""
    return f"{score:.2f}".rstrip("0").rstrip(".")


def local_time(stamp: str) -> str:
    """A stored UTC timestamp in the reader's time zone, to the minute."""
    return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")


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
    return json.dumps(document, ensure_ascii=False, indent=2)


def _unknown(name: str) -> UsageError:
    return UsageError(f"there is no learner called {name!r}", "`quiz learners` lists them")
