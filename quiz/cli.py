"""The quiz command line: parse arguments, dispatch, turn user errors into messages.

Nothing heavy is imported here: each command module imports what it needs when it runs, so
``quiz validate`` never loads Textual.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Sequence

from quiz import __version__, exit_codes
from quiz.bank.controls import shown
from quiz.commands import COMMANDS, command_module
from quiz.error_output import print_error
from quiz.errors import QuizError


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit with the documented code."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(exit_codes.USAGE, f"{self.prog}: error: {message}\n")


def build_parser(only: str | None = None) -> tuple[argparse.ArgumentParser, set[str]]:
    """The parser with every subcommand (or ``only`` that one) registered by its module; the command names."""
    parser = _Parser(
        prog="quiz",
        description="Study question banks in the terminal; validate, import and export them.",
    )
    parser.add_argument("--version", action="version", version=f"quiz {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in [only] if only else COMMANDS:
        command_module(name).register(subparsers)
    return parser, set(COMMANDS)


def _with_default_command(commands: set[str], argv: list[str]) -> list[str]:
    """``quiz`` alone, or ``quiz --learner ana``, means ``quiz play ...``."""
    if argv and (argv[0] in commands or argv[0] in {"-h", "--help", "--version"}):
        return argv
    return ["play", *argv]


_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}
"""Write errors of a full or failing disk: the user's to fix, not a bug of quiz."""


def _discard_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``quiz`` console script; returns the exit code."""
    arguments = _with_default_command(set(COMMANDS), list(sys.argv[1:] if argv is None else argv))
    parser, _ = build_parser(arguments[0] if arguments[0] in COMMANDS else None)
    args = parser.parse_args(arguments)
    try:
        code = int(args.func(args))
        sys.stdout.flush()
        return code
    except QuizError as error:
        print_error(error)
        return error.exit_code
    except KeyboardInterrupt:
        print("quiz: interrupted", file=sys.stderr)
        return exit_codes.INTERRUPTED
    except BrokenPipeError:
        sys.stderr.close()
        return exit_codes.OK
    except Exception as error:
        if isinstance(error, OSError) and error.errno in _FULL:
            _discard_stdout()  # what could not be written must not be flushed again, noisily, at exit
            print_error(QuizError(f"cannot write the output: {error.strerror}", "free some space, or write elsewhere"))
            return exit_codes.INVALID
        if os.environ.get("QUIZ_DEBUG"):
            raise
        print(f"quiz: internal error: {type(error).__name__}: {shown(str(error), one_line=True)}", file=sys.stderr)
        print("  hint: this is a bug in quiz; run again with QUIZ_DEBUG=1 for details, and report it",
              file=sys.stderr)
        return exit_codes.SOFTWARE
