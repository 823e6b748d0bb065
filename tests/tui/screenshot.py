"""Regenerate docs/screenshot.svg: the question screen at 80x24 on a bundled bank, fixed seed.

Run: python tests/tui/screenshot.py   (not collected by pytest)
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


async def main() -> None:
    from quiz.bank.load import load_paths
    from quiz.locations import bundled_banks_dir
    from quiz.store import Store
    from quiz.tui.app import make_app
    from tests.support.driving import skip_to

    banks = load_paths([bundled_banks_dir()]).banks
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "scores.sqlite3") as store:
        app = make_app(banks, store, seed=3, learner="Ana", bank_id="attack-2023", mode="practice", clock=lambda: 0.0)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await skip_to(pilot, app, "choice")
            await pilot.press("down")
            await pilot.pause()
            app.save_screenshot("screenshot.svg", str(ROOT / "docs"))
    print(ROOT / "docs" / "screenshot.svg")


if __name__ == "__main__":
    asyncio.run(main())
