"""Keys for a screen of tabs: ←→ switch tabs (the tab bar keeps focus), ↑↓ PgUp PgDn and Enter act on
the open tab's table or text at once, without a Tab press first (friction 6)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import ScrollableContainer
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, TabbedContent


class TabScrollScreen(Screen[None]):
    """A screen whose body is one TabbedContent; the keys reach the open tab wherever focus is."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "pane('down')", "Down", show=False),
        Binding("up", "pane('up')", "Up", show=False),
        Binding("pagedown", "pane('page_down')", "Page down", show=False),
        Binding("pageup", "pane('page_up')", "Page up", show=False),
        Binding("enter", "pane('select')", "Open", show=False),
    ]

    def _open_pane_target(self) -> Widget | None:
        """The open tab's table, else its scrollable text."""
        tabs = self.query_one(TabbedContent)
        pane = tabs.active_pane
        if pane is None:
            return None
        for widget in pane.query("*"):
            if isinstance(widget, (DataTable, ScrollableContainer)):
                return widget
        return None

    def action_pane(self, what: str) -> None:
        target = self._open_pane_target()
        if isinstance(target, DataTable):
            actions = {"down": target.action_cursor_down, "up": target.action_cursor_up,
                       "page_down": target.action_page_down, "page_up": target.action_page_up,
                       "select": target.action_select_cursor}
            actions[what]()
        elif isinstance(target, ScrollableContainer):
            scrolls = {"down": target.scroll_down, "up": target.scroll_up,
                       "page_down": target.scroll_page_down, "page_up": target.scroll_page_up}
            if what in scrolls:
                scrolls[what](animate=False)
