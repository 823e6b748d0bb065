"""One browser tab's program: the learner's app in class mode on the server's database.

Run by the server as ``python -m quiz.serve.session --db PATH --class NAME BANK...``; its stdout is
textual-serve's protocol, so nothing else may print there.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    from quiz.store import Store
    from quiz.study.bank_cache import default_cache_dir, load_cached
    from quiz.tui.app import make_app

    parser = argparse.ArgumentParser(prog="quiz.serve.session")
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--class", dest="class_name", required=True)
    args = parser.parse_args(argv)
    loaded = load_cached(args.paths, default_cache_dir())
    with Store.open(args.db) as store:
        app = make_app(loaded.library(), store, class_name=args.class_name)
        app.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
