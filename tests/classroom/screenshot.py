"""Make the screenshots in docs/classroom.md: a served class in chromium, and the HTML report.

Run: python tests/classroom/screenshot.py   (needs /usr/bin/chromium; writes docs/classroom-*.png)

The class is made up: 24 learners of different strength answer two practice rounds of the bundled
attack-2023 bank each (choice questions only), with a fixed seed.
"""

from __future__ import annotations

import random
import sys
import tempfile
import zlib
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from quiz.bank.fingerprint import content_hash  # noqa: E402
from quiz.bank.model import ChoiceQuestion  # noqa: E402
from quiz.cli import main  # noqa: E402
from quiz.locations import bundled_banks_dir  # noqa: E402
from quiz.store import AnswerRecord, Store  # noqa: E402
from quiz.study.bank_cache import default_cache_dir, load_cached  # noqa: E402
from tests.support.clocks import TickingClock  # noqa: E402
from tests.support.served import CAPTURE_SCREEN, launch_chromium, plain, serve  # noqa: E402

DOCS = ROOT / "docs"


def made_up_class(db: Path) -> None:
    rng = random.Random(11)
    bank = next(bank for bank in load_cached([bundled_banks_dir()], default_cache_dir()).banks
                if bank.id == "attack-2023")
    questions = [question for question in bank.questions if isinstance(question, ChoiceQuestion)][:30]
    with Store.open(db, clock=TickingClock()) as store:
        for number in range(24):
            learner = store.add_learner(f"Learner {number + 1}")
            skill = rng.uniform(0.2, 0.95)
            for _ in range(2):
                chosen = rng.sample(questions, 10)
                round_id = store.start_round(learner.id, bank.id, "practice", [q.id for q in chosen], {})
                for question in chosen:
                    right = rng.random() < skill * (0.6 + 0.4 * (zlib.crc32(question.id.encode()) % 5) / 4)
                    wrong = [choice.text for choice in question.choices if choice.text != question.answer]
                    response = question.answer if right else rng.choice(wrong[:2])
                    store.record_answer(round_id, AnswerRecord(question.id, bank.id, content_hash(question), response,
                                                               1.0 if right else 0.0, rng.uniform(4, 40)))
                store.finish_round(round_id, 120.0)


def main_script() -> None:
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        db = Path(folder) / "class.sqlite3"
        made_up_class(db)
        page_file = Path(folder) / "report.html"
        main(["report", "--db", str(db), "--format", "html", "-o", str(page_file)])
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.goto(page_file.as_uri())
        page.screenshot(path=str(DOCS / "classroom-report.png"))
        with serve("--db", str(db), "--class", "9b", "--token", "demo") as served:
            page = browser.new_page(viewport={"width": 900, "height": 560})
            page.add_init_script(CAPTURE_SCREEN)
            page.goto(served.url)
            _wait(page, "Who is studying?")
            page.focus(".xterm-helper-textarea")
            page.keyboard.type("Ana")
            page.keyboard.press("Enter")
            _wait(page, "PIN")
            page.wait_for_timeout(500)
            page.screenshot(path=str(DOCS / "classroom-serve.png"))
        browser.close()
    print("wrote docs/classroom-report.png and docs/classroom-serve.png")


def _wait(page: object, text: str) -> None:
    for _ in range(200):
        if text in plain(page.evaluate("window.__screen")):  # type: ignore[attr-defined]
            return
        page.wait_for_timeout(100)  # type: ignore[attr-defined]
    raise SystemExit(f"{text!r} never appeared")


if __name__ == "__main__":
    main_script()
