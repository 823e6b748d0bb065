"""`quiz scores --export FILE` and `--import FILE`: a learner's results between home and class.

The file's shape is quiz.study.results_file (documented in docs/classroom.md).
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from quiz import exit_codes
from quiz.errors import QuizError, UsageError
from quiz.store import MODES


def export_results(args: argparse.Namespace) -> int:
    from quiz.commands.scores import open_scores_db
    from quiz.study import results_file

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
    try:
        args.export.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot write {args.export}: {error.strerror}", "choose another FILE") from None
    answers = sum(len(item.answers) for item in rounds)
    print(f"wrote {len(rounds)} rounds and {answers} answers of {learner.name} to {args.export}")
    return exit_codes.OK


def import_results(args: argparse.Namespace) -> int:
    from quiz.locations import default_db_path
    from quiz.store import Store
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
    total = sum(len(item.answers) for item in results.rounds)
    print(f"added {added} of {total} answers of {learner.name} from {args.import_file}"
          + (f" ({total - added} were already here)" if total - added else ""))
    return exit_codes.OK
