"""One module per subcommand.

Each module defines ``NAME``, ``register(subparsers)`` (which sets ``func`` on its parser) and imports
heavy code only inside the function that runs the command.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def command_modules() -> list[ModuleType]:
    """Every command module in this package, in alphabetical order."""
    names = sorted(info.name for info in pkgutil.iter_modules(__path__) if not info.name.startswith("_"))
    return [importlib.import_module(f"{__name__}.{name}") for name in names]
