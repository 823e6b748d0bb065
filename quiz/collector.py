"""Python's cyclic garbage collector paused while quiz builds what lives until it is done.

Starting the app makes objects that live as long as it does (modules, the banks, the first screen's
widgets); an import makes hundreds of thousands (XML elements, questions, the YAML text) that live
until it ends. They form no reference cycles worth finding, yet the collector walks them again and
again as they pile up (a fifth of the app's start-up, 40% of parsing a 20 MB QTI export). So it is
paused, and when it resumes what was made is frozen out of its sight (``gc.freeze``: never examined
again, still freed by reference counting).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


def pause_collection() -> None:
    """Stop the cyclic collector until ``resume_collection``."""
    gc.disable()


def resume_collection() -> None:
    """Freeze what was made while paused and collect again; nothing to do when collection was not paused."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


@contextmanager
def collection_paused() -> Iterator[None]:
    """Collection paused for the block, resumed (and what it made frozen) however the block ends."""
    pause_collection()
    try:
        yield
    finally:
        resume_collection()
