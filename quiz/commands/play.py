"""`quiz play` (and plain `quiz`): start the learner's app on the bundled banks or the banks given."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.arguments import positive
from quiz.collector import collection_paused
from quiz.errors import QuizError, UsageError

if TYPE_CHECKING:
    from quiz.store import Store
    from quiz.study.bank_cache import Loaded
    from quiz.study.library import Library
    from quiz.tui.app import QuizApp

MODES = ("practice", "exam", "review", "quick", "due")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "play",
        help="study in the terminal app (the default command)",
        description="Study question banks in the terminal. Scores are kept per learner in a SQLite "
        "database: --db, else $QUIZ_DB, else the user data folder.",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="bank files or folders (default: the bundled banks)")
    parser.add_argument("--learner", metavar="NAME", help="study as this learner (added if new)")
    parser.add_argument("--bank", metavar="ID", help="go straight to this bank")
    parser.add_argument("--mode", choices=MODES, help="start a round in this mode at once")
    parser.add_argument("--count", type=positive, metavar="N",
                        help="questions in that round (default 10; a review asks every open mistake)")
    parser.add_argument("--db", type=Path, metavar="PATH", help="the scores database")
    parser.add_argument("--seed", type=int, help="fix question order and shuffles (for demos and tests)")
    parser.add_argument("--theme", choices=("dark", "light"), default="dark", help="colour theme")
    parser.set_defaults(func=run)


def load_banks(paths: list[Path]) -> Loaded:
    """Load the banks; report each problem as file:line:col and skip broken banks instead of failing.

    Unchanged banks, with their questions' content hashes, come from a cache (quiz.study.bank_cache),
    which keeps start-up fast.
    """
    from quiz.locations import bundled_banks_dir
    from quiz.study.bank_cache import default_cache_dir, load_cached

    chosen = paths or [bundled_banks_dir()]
    try:
        result = load_cached(chosen, default_cache_dir())
    except FileNotFoundError as missing:
        raise UsageError(f"no such file or folder: {missing.args[0]}", "check the path") from None
    for problem in result.problems:
        if problem.is_error:
            print(f"{problem.path}:{problem.line}:{problem.col}: {problem.message} (bank skipped)", file=sys.stderr)
    if not result.summaries:
        where = ", ".join(str(path) for path in chosen)
        raise QuizError(f"no bank could be loaded from {where}", "run `quiz validate PATH` to see why")
    return result


def open_store(db: Path | None) -> Store:
    from quiz.locations import default_db_path
    from quiz.store import Store

    return Store.open(db or default_db_path())


def prepare_store(store: Store, library: Library) -> None:
    """Once per database: hashes of an older definition, and the schedule rebuilt from old answers."""
    from quiz.clock import system_clock
    from quiz.study.upgrade import upgrade_store

    upgrade_store(store, library, system_clock, lambda text: print(f"quiz: {text}", file=sys.stderr))


def build_app(args: argparse.Namespace) -> tuple[QuizApp, Store]:
    """The app as the command line asked for it, with its open store (the caller closes it)."""
    from quiz.tui.app import make_app

    loaded = load_banks(list(args.paths))
    ids = [bank.id for bank in loaded.summaries]
    if args.bank and args.bank not in ids:
        raise UsageError(f"no bank with the id {args.bank!r}", "loaded banks: " + ", ".join(ids))
    store = open_store(args.db)
    library = loaded.library()  # the banks themselves are read when first needed, after the first screen
    prepare_store(store, library)
    app = make_app(
        library,
        store,
        seed=args.seed,
        learner=args.learner,
        bank_id=args.bank,
        mode=args.mode,
        count=args.count,
        theme=args.theme,
    )
    return app, store


def run(args: argparse.Namespace) -> int:
    with collection_paused():  # the app resumes collection once its first screen is shown (quiz.collector)
        app, store = build_app(args)
        with store:
            if store.notice:
                print(f"quiz: {store.notice}", file=sys.stderr)
            app.run()
    if app.stopped_by is not None:
        raise app.stopped_by
    return app.return_code or 0
