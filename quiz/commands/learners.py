"""`quiz learners`: list, rename and remove the learners in the scores database, and reset a class PIN.

Removing asks first on a terminal; without one (a script, a pipe) it needs --yes, so nothing is
ever deleted by a prompt that nobody saw.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from quiz import exit_codes
from quiz.bank.controls import shown
from quiz.bank.text import plural
from quiz.commands.scores import add_db_option, open_scores_db
from quiz.errors import UsageError
from quiz.study.wording import short_time

if TYPE_CHECKING:
    from quiz.store import Learner, Store


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "learners",
        help="list, rename or remove learners, or reset a class PIN",
        description="List the learners in the scores database, rename one, remove one with all their rounds, "
        "or let one who forgot their class PIN choose a new one.",
    )
    add_db_option(parser)
    parser.set_defaults(func=run_list)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")

    listing = actions.add_parser("list", help="list learners, most recently used first (the default)")
    add_db_option(listing, argparse.SUPPRESS)
    listing.set_defaults(func=run_list)

    rename = actions.add_parser("rename", help="rename a learner, keeping their history")
    rename.add_argument("old", metavar="OLD", help="the current name (any case)")
    rename.add_argument("new", metavar="NEW", help="the new name")
    add_db_option(rename, argparse.SUPPRESS)
    rename.set_defaults(func=run_rename)

    remove = actions.add_parser("remove", help="remove a learner with all their rounds and answers")
    remove.add_argument("name", metavar="NAME", help="the learner's name (any case)")
    remove.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_db_option(remove, argparse.SUPPRESS)
    remove.set_defaults(func=run_remove)

    reset = actions.add_parser("reset-pin", help="let a learner who forgot their class PIN choose a new one")
    reset.add_argument("name", metavar="NAME", help="the learner's name (any case)")
    add_db_option(reset, argparse.SUPPRESS)
    reset.set_defaults(func=run_reset_pin)


def run_list(args: argparse.Namespace) -> int:
    store = open_scores_db(args.db)
    if store is None:
        print("No learners yet: start quiz and choose a name.")
        return exit_codes.OK
    with store:
        rows = [(learner, store.rounds(learner.id)) for learner in store.learners()]
    if not rows:
        print("No learners yet: start quiz and choose a name.")
        return exit_codes.OK
    width = max(len("Name"), *(len(shown(learner.name, one_line=True)) for learner, _ in rows))
    print(f"{'Name':<{width}}  {'Rounds':>6}  Last used")
    for learner, rounds in rows:
        used = (
            short_time(learner.last_seen_at)
            if learner.last_seen_at
            else f"never (added {short_time(learner.created_at)})"
        )
        print(f"{shown(learner.name, one_line=True):<{width}}  {len(rounds):>6}  {used}")
    return exit_codes.OK


def run_rename(args: argparse.Namespace) -> int:
    with _require_store(args) as store:
        old = _require_learner(store, args.old)
        renamed = store.rename_learner(old.name, args.new)
    print(f"Renamed {shown(old.name, one_line=True)} to {shown(renamed.name, one_line=True)}.")
    return exit_codes.OK


def run_remove(args: argparse.Namespace) -> int:
    with _require_store(args) as store:
        learner = _require_learner(store, args.name)
        rounds = store.rounds(learner.id)
        answers = sum(item.answered for item in rounds)
        what = f"{shown(learner.name, one_line=True)} ({plural(len(rounds), 'round')}, {plural(answers, 'answer')})"
        if not args.yes and not _confirmed(f"Remove {what}? This cannot be undone. [y/N] ", learner.name):
            print("Nothing removed.")
            return exit_codes.OK
        store.remove_learner(learner.name)
    print(f"Removed {what}.")
    return exit_codes.OK


def run_reset_pin(args: argparse.Namespace) -> int:
    """Forget the PIN's hash: the next sign-in to a class (`quiz serve`) sets a new one; nothing else changes."""
    with _require_store(args) as store:
        learner = _require_learner(store, args.name)
        had_pin = store.pin_hash(learner.id) is not None
        store.set_pin_hash(learner.id, None)
    name = shown(learner.name, one_line=True)
    if had_pin:
        print(f"{name}'s PIN is reset: they choose a new one the next time they sign in to a class.")
    else:
        print(f"{name} has no class PIN yet: they choose one the first time they sign in to a class.")
    return exit_codes.OK


def _confirmed(question: str, name: str) -> bool:
    """Ask on the terminal; refuse to guess when there is no one to ask."""
    if sys.stdin is None or not sys.stdin.isatty():
        raise UsageError(
            f"removing {name} needs confirmation, and there is no terminal to ask on",
            f"pass --yes to remove {name} without asking",
        )
    print(question, end="", file=sys.stderr, flush=True)
    return sys.stdin.readline().strip().casefold() in {"y", "yes"}


def _require_store(args: argparse.Namespace) -> Store:
    store = open_scores_db(args.db)
    if store is None:
        raise UsageError("there are no learners yet (no scores database)", "start quiz and choose a name")
    return store


def _require_learner(store: Store, name: str) -> Learner:
    learner = store.learner(name)
    if learner is None:
        raise UsageError(f"there is no learner called {name!r}", "`quiz learners` lists them")
    return learner
