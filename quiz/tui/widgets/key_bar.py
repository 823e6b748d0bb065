"""The bottom line of every screen: the keys that work here, e.g. ``^q Quit  f1 Help``.

Textual's Footer builds a widget per key and recomposes once the bindings are known, which cost about
50 ms of start-up; this is one line of Content, re-rendered when the screen's bindings change (focus
moves, a screen resumes). Keys that do not fit the width are left out whole, never cut in half; the
help screen lists them all. Clicking a key presses it.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

KEY_STYLE = "bold $footer-key-foreground"
GAP = "  "


class ShownKey(NamedTuple):
    key: str
    display: str
    description: str
    enabled: bool

    @property
    def width(self) -> int:
        return cell_len(f"{self.display} {self.description}")


class KeyBar(Widget):
    """Shown bindings of the focused widget, the screen and the app, in that order; one per action."""

    ALLOW_SELECT = False

    def __init__(self) -> None:
        super().__init__(id="key-bar")
        self._keys: tuple[ShownKey, ...] = ()
        self._spans: list[tuple[int, int, str]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.show_keys()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.show_keys()

    def show_keys(self) -> None:
        """Read the screen's active bindings; repaint only when what is shown changes."""
        keys: list[ShownKey] = []
        actions: set[str] = set()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in actions:
                actions.add(binding.action)
                keys.append(ShownKey(binding.key, self.app.get_key_display(binding), binding.description, enabled))
        if tuple(keys) != self._keys:
            self._keys = tuple(keys)
            self.refresh()

    def render(self) -> Content:
        parts: list[tuple[str, str] | str] = []
        spans: list[tuple[int, int, str]] = []
        offset = 0
        for shown in self._keys:
            start = offset + (cell_len(GAP) if parts else 0)
            if start + shown.width > self.size.width:
                break
            if parts:
                parts.append(GAP)
            parts.append((f"{shown.display} ", KEY_STYLE if shown.enabled else "dim"))
            parts.append((shown.description, "" if shown.enabled else "dim"))
            spans.append((start, start + shown.width, shown.key))
            offset = start + shown.width
        self._spans = spans
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        x = event.x - self.styles.padding.left
        for start, end, key in self._spans:
            if start <= x < end:
                self.app.simulate_key(key)
                return
