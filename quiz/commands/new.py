"""`quiz new FILE`: write a commented starter bank that validates as written."""

from __future__ import annotations

import argparse
from pathlib import Path

from quiz.bank.controls import shown
from quiz.bank.text import slug
from quiz.errors import UsageError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "new",
        help="write a commented starter bank",
        description="Write a starter bank with one question of every type and comments on each field. "
        "Its first line points editors at the JSON Schema.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the bank file to create (*.yaml)")
    parser.add_argument("--id", dest="bank_id", help="the bank id (default: from the file name)")
    parser.add_argument("--schema", help="the schema location for editors (default: a copy written beside the bank, "
                        "quiz-bank-1.schema.json)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quiz import __version__
    from quiz.bank.schema_file import schema_beside
    from quiz.bank.starter import starter_bank
    from quiz.output_file import output_target, write_atomically

    path: Path = args.file
    if path.suffix not in (".yaml", ".yml"):
        raise UsageError(f"{path} does not end in .yaml or .yml", "name the file like my-bank.yaml")
    target = output_target(path, force=args.force)
    bank_id = args.bank_id or slug(path.stem, limit=80, keep="._") or "my-bank"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror}",
                         "choose a file path in a folder you can write to") from None
    schema = args.schema or schema_beside(path, __version__)
    write_atomically(target, starter_bank(bank_id, path.name, schema).encode("utf-8"))
    print(shown(f"wrote {path}; check it with: quiz validate {path}", one_line=True))
    return 0
