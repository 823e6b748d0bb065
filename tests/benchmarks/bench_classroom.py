"""How long `quiz report` takes over a big class: 500 learners x 160 questions x 20 answers each.

Run: python tests/benchmarks/bench_classroom.py [--learners 500] [--questions 160] [--answers 20]
     python tests/benchmarks/bench_classroom.py --sessions 30 [--presses 5]   (needs /usr/bin/chromium)

Report: each learner plays --answers finished practice rounds of every question (so 1.6 million answers by
default), inserted directly in one transaction. Then the report is built (statistics only, then with
each output format) and the times printed. Target: under 3 s for the statistics and the text report.

Serve: `quiz serve` on a free loopback port with --sessions tabs open at once in one headless
chromium, each signed in and in a quick round of true/false questions. Then, tab after tab, --presses
times each: the time from pressing Enter on an answer to the verdict reaching the page (measured in
the page, polled every animation frame), p50 and p95, then Enter on every tab once the feedback takes
a key (FeedbackScreen.SETTLE) for the next question; and the memory of each session's process
(proportional set size, so shared pages are split fairly), mean and max.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def build_class(path: Path, learners: int, questions: int, answers: int, seed: int = 1) -> None:
    """A database of finished practice rounds, every question in every round."""
    Store.open(path).close()
    rng = random.Random(seed)
    start = datetime(2026, 1, 5, 8, tzinfo=UTC)
    ids = [f"big.q{number:03d}" for number in range(questions)]
    ease = [rng.random() for _ in ids]
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            "INSERT INTO learners (id, name, name_key, created_at) VALUES (?, ?, ?, ?)",
            [(n + 1, f"Learner {n}", f"learner {n}", start.isoformat()) for n in range(learners)],
        )
        round_id = 0
        rows = []
        for learner in range(1, learners + 1):
            skill = rng.random()
            for nth in range(answers):
                round_id += 1
                at = (start + timedelta(days=nth, minutes=learner)).isoformat(timespec="milliseconds")
                connection.execute(
                    "INSERT INTO rounds (id, learner_id, bank_id, mode, question_ids, planned, settings, started_at,"
                    " finished_at, class_name) VALUES (?, ?, 'big', 'practice', '[]', ?, '{}', ?, ?, '9b')",
                    (round_id, learner, questions, at, at),
                )
                for index, question in enumerate(ids):
                    right = rng.random() < (skill + ease[index]) / 2
                    rows.append((f"{round_id:08x}{index:08x}", round_id, learner, question, 1.0 if right else 0.0,
                                 '"A"' if right else '"B"', at))
                if len(rows) > 200_000:
                    _insert(connection, rows)
        _insert(connection, rows)
    connection.close()


def _insert(connection: sqlite3.Connection, rows: list[tuple[object, ...]]) -> None:
    connection.executemany(
        "INSERT INTO answers (uid, round_id, learner_id, bank_id, question_id, content_hash, response, score,"
        " seconds, answered_at) VALUES (?, ?, ?, 'big', ?, 'h1', ?, ?, 12.5, ?)",
        [(uid, round_id, learner, question, response, score, at)
         for uid, round_id, learner, question, score, response, at in rows],
    )
    rows.clear()


def bench_serve(sessions: int, presses: int) -> None:
    from playwright.sync_api import sync_playwright

    from quiz.tui.screens.feedback import FeedbackScreen
    from tests.support.served import CAPTURE_SCREEN, launch_chromium, plain, serve

    with tempfile.TemporaryDirectory() as folder:
        bank = Path(folder) / "tf.yaml"
        bank.write_text(_true_false_bank(40), encoding="utf-8")
        db = Path(folder) / "class.sqlite3"
        began = time.perf_counter()
        with serve(str(bank), "--db", str(db), "--max-sessions", str(sessions)) as served, \
                sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            pages = []
            for _ in range(sessions):
                page = browser.new_context(viewport={"width": 1000, "height": 640}).new_page()
                page.add_init_script(CAPTURE_SCREEN)
                page.goto(served.url)
                pages.append(page)
            for number, page in enumerate(pages):
                _wait(page, plain, "Who is studying?")
                page.focus(".xterm-helper-textarea")
                page.keyboard.type(f"Bench {number}")
                page.keyboard.press("Enter")
                _wait(page, plain, "PIN")
                page.keyboard.type("1234")
                page.keyboard.press("Enter")
                _wait(page, plain, "True/false bank")
                page.keyboard.press("k")
                _wait(page, plain, "Statement")
            print(f"{sessions} sessions open and in a round after {time.perf_counter() - began:.1f} s")
            timings = []
            for _ in range(presses):
                for page in pages:
                    page.keyboard.press("t")
                    page.wait_for_timeout(50)
                    page.evaluate("window.__from = window.__screen.length; window.__t0 = performance.now()")
                    page.keyboard.press("Enter")
                    page.wait_for_function("window.__screen.slice(window.__from).includes('Right')"
                                           " || window.__screen.slice(window.__from).includes('Wrong')",
                                           polling="raf", timeout=30_000)
                    timings.append(page.evaluate("performance.now() - window.__t0"))
                pages[0].wait_for_timeout(FeedbackScreen.SETTLE * 1000)  # the feedback takes a key after that
                for page in pages:  # next question
                    page.evaluate("window.__from = window.__screen.length")
                    page.keyboard.press("Enter")
                    page.wait_for_function("window.__screen.slice(window.__from).includes('t for true')",
                                           polling="raf", timeout=30_000)
            memory = [_pss_kib(pid) for pid in _session_pids(served.process.pid)]
            browser.close()
        timings.sort()
        p50, p95 = timings[len(timings) // 2], timings[min(len(timings) - 1, int(len(timings) * 0.95))]
        print(f"key press to feedback on screen over {len(timings)} presses: p50 {p50:.0f} ms, p95 {p95:.0f} ms")
        if memory:
            print(f"memory per session process (PSS): mean {sum(memory) / len(memory) / 1024:.0f} MiB, "
                  f"max {max(memory) / 1024:.0f} MiB over {len(memory)} sessions")


def _true_false_bank(count: int) -> str:
    questions = "".join(
        f"  - id: tf.s{number}\n    type: truefalse\n    prompt: Statement {number} is true.\n"
        f"    answer: true\n    explanation: It was made so.\n    source: report\n"
        for number in range(count)
    )
    return ("format: 1\nid: tf\ntitle: True/false bank\ndescription: Many statements.\nsources:\n"
            "  report: {title: Report, publisher: Someone, date: \"2023\"}\nquestions:\n" + questions)


def _wait(page: object, plain: object, text: str) -> None:
    for _ in range(600):
        if text in plain(page.evaluate("window.__screen")):  # type: ignore[attr-defined, operator]
            return
        page.wait_for_timeout(100)  # type: ignore[attr-defined]
    raise SystemExit(f"{text!r} never appeared")


def _session_pids(group: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                command = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if int(stat[2]) == group and b"quiz.serve.session" in command:
                pids.append(int(entry.name))
    return pids


def _pss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=500)
    parser.add_argument("--questions", type=int, default=160)
    parser.add_argument("--answers", type=int, default=20)
    parser.add_argument("--sessions", type=int, help="measure quiz serve with this many browser tabs instead")
    parser.add_argument("--presses", type=int, default=5, help="answers per tab in the serve benchmark")
    args = parser.parse_args()
    if args.sessions:
        bench_serve(args.sessions, args.presses)
        return
    from quiz.study.class_report import build_report, read_database, read_knowledge

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "class.sqlite3"
        began = time.perf_counter()
        build_class(path, args.learners, args.questions, args.answers)
        total = args.learners * args.questions * args.answers
        print(f"built {total:,} answers in {time.perf_counter() - began:.1f} s")
        began = time.perf_counter()
        with Store.open(path, repair=False) as store:
            data = read_database(store)
            knowledge = read_knowledge(store, data.learners, [])
        read = time.perf_counter() - began
        report = build_report(data, [], knowledge=knowledge)
        stats = time.perf_counter() - began
        print(f"read the database: {read:.2f} s; statistics: {stats:.2f} s (target < 3 s) "
              f"for {len(report.questions)} questions, {len(report.learners)} learners")
        from quiz.commands.report import render

        for kind in ("text", "csv", "json", "html"):
            began = time.perf_counter()
            render(report, kind)
            print(f"  {kind}: {time.perf_counter() - began:.2f} s more")


if __name__ == "__main__":
    main()
