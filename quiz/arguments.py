"""Option value types the commands share; kept out of quiz/commands, which holds one module per subcommand."""

from __future__ import annotations

import argparse
from pathlib import Path


def positive(text: str) -> int:
    """An option's value that must be a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not positive: give a number of at least 1")
    return value


def output_path(text: str) -> Path | None:
    """An ``-o`` value: a path, or None for ``-``, which means standard output as for most tools."""
    return None if text == "-" else Path(text)
