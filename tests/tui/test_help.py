"""Help is built from the real bindings and opens at the calling screen's keys; the key tables of
docs/app.md and the README name only keys that are bound where they say (friction 8, code review 3)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quiz.tui.screens.help import SECTIONS, HelpScreen, declared, key_name
from tests.support.driving import screen_text, skip_to
from tests.tui.conftest import AppFactory

SIZE = (80, 24)
ROOT = Path(__file__).resolve().parents[2]
_KEY = re.compile(r"`([^`]+)`|\*\*([^*]+)\*\*|(?:Ctrl|Shift)\+(?:[↑↓←→]+|\w+)|\bF\d+\b|\bEnter\b|\bEscape\b"
                  r"|\bSpace\b|\bBackspace\b|\bTab\b|\bPgUp\b|\bPgDn\b|[↑↓←→]+")
_ALIASES = {"?": "?", "K": "K", "J": "J"}


async def test_help_opens_at_the_keys_of_the_screen_it_was_called_from(app_for: AppFactory) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, "choice")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Keys here (question) · Escape closes this help" in text
        assert "1-8" in text and "Pick that option" in text and "h, F3" in text


async def test_round_setup_help_and_key_bar_show_ctrl_s(app_for: AppFactory) -> None:
    app = app_for(learner="Ana", bank_id="demo")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert "^s Start" in screen_text(app).splitlines()[-1]
        assert "Quick" not in screen_text(app).splitlines()[-1]  # the library's keys are not offered here
        await pilot.press("f1")
        await pilot.pause()
        assert "Keys here (round setup)" in screen_text(app) and "Ctrl+S" in screen_text(app)


def _tokens(cell: str) -> list[str]:
    """The key names written in a docs cell, as help writes them (``↑↓`` is ↑ and ↓, ``1–8`` is 1 and 8)."""
    found: list[str] = []
    for match in _KEY.finditer(cell):
        text = (match.group(1) or match.group(2) or match.group(0)).strip()
        for piece in re.split(r"\s*/\s*|\s*,\s*|–|-(?=\d)", text):
            part = piece.strip()
            if not part or part.startswith("[") or part in ("2.5", "2,5"):
                continue
            prefix, _, arrows = part.rpartition("+") if "+" in part else ("", "", part)
            if arrows and set(arrows) <= set("↑↓←→"):
                found += [f"{prefix}+{arrow}" if prefix else arrow for arrow in arrows]
            else:
                found.append(part)
    return found


def _bound(section: str) -> set[str]:
    classes = dict(SECTIONS)
    everywhere = [*classes["everywhere"]]
    names: set[str] = set()
    for cls in (*everywhere, *classes[section]):
        for binding in declared(cls):
            names |= {key_name(key) for key in binding.key.split(",")}
    return names


def _table_rows(path: Path, header: str) -> list[tuple[str, str]]:
    """(where, keys cell) of the markdown table that starts with ``header``; empty ``where`` repeats."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index(header)
    rows, where = [], ""
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        where = cells[0] or where
        rows.append((where, cells[1]))
    return rows


README_WHERE = {
    "progress (`p`)": "progress", "choice / multi": "question", "truefalse": "question",
    "short / number": "question", "order": "question", "match": "question", "cloze": "question",
}


@pytest.mark.parametrize(
    ("path", "header"), [("docs/app.md", "| where | key | does |"), ("README.md", "| where | keys |")]
)
def test_the_docs_key_tables_name_only_keys_bound_there(path: str, header: str) -> None:
    sections = dict(SECTIONS)
    for where, cell in _table_rows(ROOT / path, header):
        section = README_WHERE.get(where, where)
        assert section in sections, f"{path}: no screen called {where!r}"
        unbound = [token for token in _tokens(cell) if token not in _bound(section)]
        assert not unbound, f"{path}, {where}: {unbound} are not bound there"


def test_every_shown_key_is_in_the_apps_key_table() -> None:
    rows = _table_rows(ROOT / "docs/app.md", "| where | key | does |")
    for section, classes in SECTIONS:
        documented = {token for where, cell in rows if where == section for token in _tokens(cell)}
        for cls in classes:
            if not cls.__module__.startswith("quiz."):
                continue
            for binding in declared(cls):
                if binding.show and binding.description:
                    keys = {key_name(key) for key in binding.key.split(",")}
                    assert keys & documented, f"docs/app.md, {section}: {binding.description} ({keys}) missing"


async def test_key_bars_offer_only_what_can_be_done_now(app_for: AppFactory) -> None:
    from tests.support.driving import answer_right

    app = app_for(learner="Ana", bank_id="demo", mode="exam", count=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer_right(pilot, app)
        keys = screen_text(app).splitlines()[-1]
        assert "a Review all" in keys and "Review missed" not in keys and "Retry" not in keys
        await pilot.press("escape")
        await pilot.pause()
        keys = screen_text(app).splitlines()[-1]
        assert "k Quick" in keys and "Resume" not in keys
