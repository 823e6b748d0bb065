"""`quiz schema`: print the JSON Schema of the bank format, for editors and other tools."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the bank format's JSON Schema",
        description="Print the JSON Schema (draft 2020-12) of the bank format. The same file ships in "
        "the package, so a bank can start with '# yaml-language-server: $schema=<path>'.",
    )
    parser.add_argument("--path", action="store_true", help="print where the shipped schema file is instead")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.path:
        from quiz.locations import schema_path

        print(schema_path())
        return 0
    from quiz.bank.schema import schema_text

    sys.stdout.write(schema_text())
    return 0
