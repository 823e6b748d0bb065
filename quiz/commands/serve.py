"""`quiz serve`: the learner's app in a browser, one session per tab, for a class on one database.

Only the learner's app is served (in class mode: name and PIN); `quiz report` is never reachable from
here. Binding to anything but loopback needs the join token, printed in the join URL.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path

from quiz import exit_codes
from quiz.errors import UsageError

DEFAULT_CLASS = "class"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the app in the browser for a class",
        description="Serve the learner's app to browsers: each tab is one session on the same scores database. "
        "Learners sign in with their name and a 4-digit PIN. Bound to 127.0.0.1 by default; any other "
        "address needs the access token printed in the join URL (see docs/classroom.md).",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="bank files or folders (default: the bundled banks)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=_port, default=8000, help="port (default 8000)")
    parser.add_argument("--db", type=Path, metavar="PATH", help="the scores database")
    parser.add_argument("--class", dest="class_name", default=DEFAULT_CLASS, metavar="NAME",
                        help="label every round with this class (default: class)")
    parser.add_argument("--max-sessions", type=_at_least_one, default=60, metavar="N",
                        help="browser tabs open at once (default 60)")
    parser.add_argument("--token", metavar="T",
                        help="the access token (default: $QUIZ_TOKEN, else a random one; always needed off loopback)")
    parser.add_argument("--idle-minutes", type=float, default=30.0, metavar="M",
                        help="end a session after this long without a key press (default 30)")
    parser.set_defaults(func=run)


def _port(text: str) -> int:
    value = _whole(text)
    if not 0 < value < 65536:
        raise argparse.ArgumentTypeError("a port is from 1 to 65535")
    return value


def _at_least_one(text: str) -> int:
    value = _whole(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None


def session_command(paths: list[Path], db: Path, class_name: str) -> str:
    """The shell command textual-serve runs for each tab (it takes a string; every part is quoted).

    ``exec`` lets the app replace the shell, so each tab costs one process, not two.
    """
    return "exec " + shlex.join([sys.executable, "-m", "quiz.serve.session", "--db", str(db), "--class", class_name,
                       *(str(path) for path in paths)])


def run(args: argparse.Namespace) -> int:
    from quiz.commands.play import load_banks
    from quiz.locations import bundled_banks_dir, default_db_path
    from quiz.serve.access import Access, join_url
    from quiz.serve.server import ClassServer, ClassSettings
    from quiz.store import Store

    if args.idle_minutes <= 0:
        raise UsageError("--idle-minutes must be more than 0", "for example --idle-minutes 30")
    class_name = " ".join(args.class_name.split())
    if not class_name:
        raise UsageError("--class needs a name", "for example --class 9b")
    token = args.token or os.environ.pop("QUIZ_TOKEN", None) or None
    paths = [path.resolve() for path in (args.paths or [bundled_banks_dir()])]
    load_banks(paths)  # refuse a class with no usable bank now, not in every tab
    db = (args.db or default_db_path()).expanduser().resolve()
    with Store.open(db) as store:  # create and migrate once, before tabs open it together
        if store.notice:
            print(f"quiz: {store.notice}", file=sys.stderr)
    access = Access.for_bind(args.host, args.port, token)
    url = join_url(args.host, args.port, access.token)

    def announce() -> None:
        print(f"quiz serve: class {class_name!r}, scores in {db}", flush=True)
        print(f"quiz serve: learners open {url}", flush=True)
        print("quiz serve: press Ctrl+C to stop the class (every answer is already saved)", flush=True)

    settings = ClassSettings(class_name, args.max_sessions, args.idle_minutes * 60)
    server = ClassServer(session_command(paths, db, class_name), args.host, args.port, access, settings, announce)
    try:
        server.serve()
    except OSError as error:
        raise UsageError(f"cannot listen on {args.host}:{args.port}: {error.strerror or error}",
                         "choose another --port, or stop the program using it") from None
    print("quiz serve: class stopped", flush=True)
    return exit_codes.OK
