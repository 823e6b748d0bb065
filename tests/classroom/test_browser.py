"""The served class in a real browser: Debian's chromium, headless, driven by Playwright."""

from __future__ import annotations

import sqlite3
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.served import CAPTURE_SCREEN, launch_chromium, need_chromium, plain, serve


@pytest.fixture
def browser() -> Iterator[Any]:
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


def wait_for(page: Any, text: str, timeout: float = 20) -> str:
    """The screen text once ``text`` has been drawn; fails naming what was drawn instead."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = plain(page.evaluate("window.__screen"))
        if text in screen:
            return screen
        page.wait_for_timeout(100)
    raise AssertionError(f"{text!r} never appeared; the screen showed:\n{screen[-2000:]}")


def open_class(browser: Any, url: str) -> Any:
    page = browser.new_page(viewport={"width": 1000, "height": 640})
    page.add_init_script(CAPTURE_SCREEN)
    page.goto(url)
    wait_for(page, "Who is studying?")
    return page


def sign_in(page: Any, name: str, pin: str) -> None:
    page.focus(".xterm-helper-textarea")  # where xterm.js takes the keys from
    page.keyboard.type(name)
    page.keyboard.press("Enter")
    wait_for(page, "PIN")
    page.keyboard.type(pin)
    page.keyboard.press("Enter")


def answers_in(db: Path) -> list[tuple[str, str, float, str | None]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT l.name, a.question_id, a.score, r.class_name FROM answers a"
            " JOIN rounds r ON r.id = a.round_id JOIN learners l ON l.id = a.learner_id"
        ).fetchall()


def test_learner_joins_answers_and_the_answer_is_stored(browser: Any, bank_file: Path, db: Path) -> None:
    with serve(str(bank_file), "--db", str(db), "--class", "9b", "--token", "letmein") as served:
        requests: list[str] = []
        page = browser.new_page(viewport={"width": 1000, "height": 640})
        page.on("request", lambda request: requests.append(request.url))
        page.add_init_script(CAPTURE_SCREEN)
        page.goto(served.url)
        wait_for(page, "Who is studying?")
        sign_in(page, "Ana", "4096")
        wait_for(page, "A good bank")
        page.keyboard.press("k")  # a quick round: the bank's one question
        wait_for(page, "Is this bank fine?")
        page.keyboard.press("t")  # True
        page.keyboard.press("Enter")
        screen = wait_for(page, "Right")
        assert "It loads." in screen  # the explanation is part of the feedback
        deadline = time.monotonic() + 10
        while not answers_in(db) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert answers_in(db) == [("Ana", "good.tf", 1.0, "9b")]
        assert all(url.startswith(served.base) for url in requests), requests
        assert served.stop() == 0


def test_a_double_tap_on_enter_shows_the_feedback_and_a_later_enter_goes_on(browser: Any, bank_file: Path,
                                                                             db: Path) -> None:
    with serve(str(bank_file), "--db", str(db)) as served:
        page = open_class(browser, served.url)
        sign_in(page, "Ana", "4096")
        wait_for(page, "A good bank")
        page.keyboard.press("k")
        wait_for(page, "Is this bank fine?")
        page.keyboard.press("t")
        page.keyboard.press("Enter")
        page.wait_for_timeout(120)  # a quick double tap
        page.keyboard.press("Enter")
        wait_for(page, "Right")
        page.wait_for_timeout(1000)
        assert "Round finished" not in plain(page.evaluate("window.__screen"))  # the feedback is still up
        page.keyboard.press("Enter")
        wait_for(page, "Round finished")
        assert served.stop() == 0


def test_a_pin_is_needed_to_continue_as_that_name(browser: Any, bank_file: Path, db: Path) -> None:
    with serve(str(bank_file), "--db", str(db)) as served:
        first = open_class(browser, served.url)
        sign_in(first, "Ana", "4096")
        wait_for(first, "A good bank")
        second = open_class(browser, served.url)
        sign_in(second, "ana", "1111")
        screen = wait_for(second, "not the PIN")
        assert "A good bank" not in screen
        with sqlite3.connect(db) as connection:
            stored = connection.execute("SELECT name, pin_hash FROM learners").fetchall()
        assert len(stored) == 1 and stored[0][0] == "Ana"
        assert stored[0][1].startswith("scrypt$") and "4096" not in stored[0][1]


def test_without_the_token_the_page_the_socket_and_the_script_are_refused(bank_file: Path, db: Path) -> None:
    with serve(str(bank_file), "--db", str(db), "--token", "letmein") as served:
        assert served.url == f"http://127.0.0.1:{served.port}/?token=letmein"
        for path in ("", "?token=wrong", "ws", "static/js/textual.js"):
            assert status(served.base + path) == 403, path
        assert status(served.url) == 200  # the join URL sets the cookie and redirects to the page
        assert not any("Traceback" in line for line in served.lines)


def status(url: str, headers: dict[str, str] | None = None) -> int:
    request = urllib.request.Request(url, headers=headers or {})
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
    try:
        with opener.open(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_loopback_without_token_still_refuses_other_sites_and_names(bank_file: Path, db: Path) -> None:
    with serve(str(bank_file), "--db", str(db)) as served:
        assert served.url == f"http://127.0.0.1:{served.port}/"
        assert status(served.base) == 200
        assert status(served.base, {"Host": f"evil.example:{served.port}"}) == 403
        assert status(served.base + "ws", {"Origin": "http://evil.example"}) == 403




def test_the_html_report_reads_offline_with_flagged_questions_first(browser: Any, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from quiz.cli import main
    from tests.classroom.test_class_report import BANK

    bank, db, page_file = tmp_path / "cls.yaml", tmp_path / "class.sqlite3", tmp_path / "report.html"
    bank.write_text(BANK, encoding="utf-8")
    seed_small_class(bank, db)
    assert main(["report", str(bank), "--db", str(db), "--format", "html", "-o", str(page_file)]) == 0
    requests: list[str] = []
    page = browser.new_page()
    page.on("request", lambda request: requests.append(request.url))
    page.goto(page_file.as_uri())
    assert page.locator("h1").inner_text() == "What the class knows"
    rows = page.locator("table").first.locator("tr")
    assert "cls.easy" in rows.nth(1).inner_text() and "too-easy" in rows.nth(1).inner_text()
    assert page.locator("svg circle").count() == 2  # easy has no discrimination to plot
    assert requests == [page_file.as_uri()]


def seed_small_class(bank: Path, db: Path) -> None:
    from quiz.store import Store
    from tests.classroom.test_class_report import BANK_FILE, EASY_SECONDS, SCORES, SPLIT_PICKS, play
    from tests.support.clocks import TickingClock

    BANK_FILE[:] = [bank]
    with Store.open(db, clock=TickingClock()) as store:
        for name, (easy, reversed_, split) in SCORES.items():
            play(store, name, [("cls.easy", "A", easy, EASY_SECONDS[name]),
                               ("cls.reversed", bool(reversed_), reversed_, 5.0),
                               ("cls.split", SPLIT_PICKS[name], split, 5.0)])
