"""`quiz due`: what a learner has due now, for a shell prompt or a cron job.

``--json`` prints one object; its keys only grow (docs/learning.md): ``learner``, ``due`` (reviews due
now), ``new`` (new questions still allowed today), ``next_due`` (ISO 8601 UTC, or null) and ``banks``,
one object per loaded bank with ``bank_id``, ``title``, ``due``, ``new``, ``known`` and ``questions``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from quiz import exit_codes
from quiz.bank.controls import json_safe, shown
from quiz.commands.scores import add_db_option, open_scores_db
from quiz.errors import QuizError, UsageError
from quiz.study.wording import short_time

if TYPE_CHECKING:
    from quiz.store import Learner, Store
    from quiz.study.library import Library
    from quiz.study.today import Today


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "due",
        help="print how many reviews are due and new questions allowed today",
        description="Print a learner's reviews due now and the new questions still allowed today, in all and "
        "per bank, on the bundled banks or the banks under PATH.",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="bank files or folders (default: the bundled banks)")
    parser.add_argument("--learner", metavar="NAME", help="the learner (needed when there are several)")
    parser.add_argument("--json", action="store_true", help="print one JSON object (see docs/learning.md)")
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quiz.clock import system_clock
    from quiz.commands.play import load_banks, prepare_store
    from quiz.study.session import Session

    library = load_banks(list(args.paths)).library()
    store = open_scores_db(args.db)
    if store is None:
        raise _no_learner(args.learner, [])
    with store:
        learner = _choose(store, args.learner)
        prepare_store(store, library)
        today = Session(store, library, system_clock).today(learner)
    print(_as_json(learner, library, today) if args.json else _as_text(learner, library, today))
    return exit_codes.OK


def _choose(store: Store, name: str | None) -> Learner:
    if name:
        found = store.learner(name)
        if found is None:
            raise _no_learner(name, store.learners())
        return found
    learners = store.learners()
    if len(learners) == 1:
        return learners[0]
    raise _no_learner(None, learners)


def _no_learner(name: str | None, learners: list[Learner]) -> QuizError:
    names = ", ".join(learner.name for learner in learners)
    if name:
        return QuizError(f"there is no learner called {name!r}", "`quiz learners` lists them" + (
            f": {names}" if names else ""))
    if not learners:
        return UsageError("no learner has studied yet", "start quiz and choose a name")
    return UsageError(f"say which learner with --learner NAME; there are {len(learners)}: {names}")


def _as_text(learner: Learner, library: Library, today: Today) -> str:
    lines = [f"{shown(learner.name, one_line=True)}: {today.describe()}"]
    if today.due == 0 and today.next_due is not None:
        lines[0] += f"; next review {short_time(today.next_due.isoformat())}"
    width = max(len(bank.title) for bank in library.summaries)
    for bank in library.summaries:
        counts = today.banks[bank.id]
        lines.append(f"  {bank.title:<{width}}  {counts.due:>4} due  {counts.new:>4} new  "
                     f"{counts.known:>4} of {counts.total} known")
    return "\n".join(lines)


def _as_json(learner: Learner, library: Library, today: Today) -> str:
    document = {
        "learner": learner.name,
        "due": today.due,
        "new": today.new,
        "next_due": None if today.next_due is None else today.next_due.isoformat(timespec="seconds"),
        "banks": [
            {
                "bank_id": bank.id,
                "title": bank.title,
                "due": today.banks[bank.id].due,
                "new": today.banks[bank.id].new,
                "known": today.banks[bank.id].known,
                "questions": today.banks[bank.id].total,
            }
            for bank in library.summaries
        ],
    }
    return json_safe(json.dumps(document, ensure_ascii=False, indent=2))
