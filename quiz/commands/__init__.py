"""One module per subcommand.

Each module defines ``register(subparsers)`` (which sets ``func`` on its parser) and imports heavy
code only inside the function that runs the command. The CLI imports just the module of the command
being run, so `quiz` starts the app without loading the other commands.
"""

from __future__ import annotations

import importlib
from types import ModuleType

COMMANDS = {
    "play": "play",
    "validate": "validate",
    "lint": "lint",
    "new": "new",
    "schema": "schema",
    "export": "export",
    "import": "import_bank",
    "scores": "scores",
    "due": "due",
    "learners": "learners",
    "serve": "serve",
    "report": "report",
}
"""Command name -> the module in this package that defines it, in the order `quiz --help` lists them."""


def command_module(name: str) -> ModuleType:
    """The module that defines the named command."""
    return importlib.import_module(f"{__name__}.{COMMANDS[name]}")
