"""Garbage collection paused while `quiz` starts, resumed once the first screen is on the terminal.

Start-up makes objects that live as long as the app (modules, the banks, the first screen's widgets);
the collector would walk them again and again, delaying the first screen by a fifth. Once it is shown
they are frozen (``gc.freeze``: never examined again) and collection resumes for everything made after.
"""

from __future__ import annotations

import gc


def pause_collection() -> None:
    """Stop the cyclic collector until ``resume_collection``."""
    gc.disable()


def resume_collection() -> None:
    """Freeze what start-up made and collect again; nothing to do when collection was not paused."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
