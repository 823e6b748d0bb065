"""The clock rounds are timed with, as a type: tests pass a fake one so times are stable."""

from __future__ import annotations

from collections.abc import Callable

Clock = Callable[[], float]
"""Seconds from any fixed point, e.g. time.monotonic."""
