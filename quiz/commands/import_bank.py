"""``quiz import FILE --from gift|aiken|csv``: turn a teacher's existing questions into a bank."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quiz.bank.controls import shown
from quiz.errors import UsageError

NAME = "import"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        NAME,
        help="import GIFT, Aiken or CSV questions into a new bank",
        description="Read questions from a GIFT, Aiken or CSV file and write a commented bank that passes "
                    "`quiz validate`. What did not map is reported on stderr; nothing is written on error.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the file to import")
    parser.add_argument("--from", dest="kind", required=True, choices=("gift", "aiken", "csv"),
                        help="the file's format")
    parser.add_argument("-o", "--output", type=Path, metavar="BANK.yaml",
                        help="where to write the bank (default: standard output)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing -o file")
    parser.add_argument("--id", dest="bank_id", default="", metavar="ID",
                        help="the new bank's id (default: from the file name)")
    parser.set_defaults(func=run)


def _write_schema_beside(output: Path) -> None:
    """The schema file the bank's ``$schema`` line names (quiz.bank.schema_file), once the bank is written."""
    from quiz import __version__
    from quiz.bank.schema_file import schema_beside

    try:
        schema_beside(output, __version__)
    except OSError as error:
        raise UsageError(f"cannot write the schema beside {output}: {error.strerror}",
                         "give -o a file path in a folder you can write to") from None


def run(args: argparse.Namespace) -> int:
    from quiz.bank.schema_file import SCHEMA_FILE
    from quiz.formats.imports.import_file import import_file
    from quiz.output_file import output_target, write_atomically

    if not args.file.is_file():
        raise UsageError(f"{args.file} is not a file", "give the path of the file to import")
    target = None if args.output is None else output_target(args.output, force=args.force, inputs=[args.file])
    result = import_file(args.file, args.kind, bank_id=args.bank_id, output=args.output,
                         schema=SCHEMA_FILE)
    if args.output is None:
        sys.stdout.write(result.text)
    elif target is not None:
        write_atomically(target, result.text.encode("utf-8"))
        _write_schema_beside(target)
    where = args.output or "standard output"
    print(shown(f"quiz import: {len(result.bank.questions)} questions from {args.file} -> {where}"), file=sys.stderr)
    for note in sorted(result.notes, key=lambda n: n.line):
        print(f"  line {note.line}: {shown(note.message, one_line=True)}", file=sys.stderr)
    if result.placeholders:
        print(f"  TO DO: write the explanation of {len(result.placeholders)} question(s) "
              f"({', '.join(result.placeholders[:5])}{', ...' if len(result.placeholders) > 5 else ''}); "
              "their text says TO DO", file=sys.stderr)
    return 0
