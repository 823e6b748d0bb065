"""How long `quiz` takes to its first usable screen, next to a bare Textual app; and the history screen
for a learner with 100,000 answers.

Run: python tests/benchmarks/bench_startup.py [--runs 7] [--history-runs 5] [--answers 100000]

Start-up: each case is a fresh interpreter (``python -c``), timed from spawning the process until the
child reports (on the system-wide monotonic clock) that its first screen is mounted and refreshed. Both
apps run headless and exit themselves at that point (Textual's ``auto_pilot``), so terminal set-up and
interpreter teardown count for neither. `quiz` goes
through its real command line (``quiz play --learner bench``: the parser of that one command, as
``quiz.cli.main`` builds it, then what ``quiz.commands.play.run`` does) with the bundled banks, to the library.
Target: the median of quiz at most 1.3x the median of the bare app. quiz's bytecode is compiled first, as
an install would leave it, so that neither app pays for compiling its sources. A third quiz case starts
at the scale of the schedule benchmark: 10,000 questions in 10 bank files (read through the bank cache,
warm from the first run) and a learner with 200,000 answers in 10,000 finished rounds and their cards.

History: a database filled with --answers answers (store benchmark's filler: rounds of 10 over 5 banks of
200 questions, all loaded), timed from pressing ``h`` on the library until the history screen's first
refresh has been painted (what the learner waits for); also until the app is idle again, as Pilot sees
it. Target: under 200 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

READY = """
import time

async def ready(pilot):
    await pilot.pause()
    print(time.monotonic())
    pilot.app.exit()
"""

BARE = READY + """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("One line of text.")

Bare().run(headless=True, auto_pilot=ready, size=(80, 24))
"""

QUIZ = READY + """
from quiz.cli import build_parser
from quiz.commands.play import build_app

from quiz.collector import pause_collection

parser, _ = build_parser("play")
args = parser.parse_args(["play", *{extra!r}, "--db", {db!r}])
pause_collection()  # as quiz.commands.play.run does; the app resumes collection at its first screen
app, store = build_app(args)
with store:
    app.run(headless=True, auto_pilot=ready, size=(80, 24))
"""


def time_process(code: str, environment: dict[str, str] | None = None) -> float:
    """Seconds from spawning the interpreter to the moment its first screen was ready.

    The child prints ``time.monotonic()`` (a system-wide clock) once the screen is mounted and
    refreshed, so interpreter teardown after that is not counted for either app.
    """
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, capture_output=True, text=True,
                          env=environment)
    return float(done.stdout.split()[-1]) - start


def large_library(folder: Path) -> tuple[str, str]:
    """10,000 questions as bank files and a database of 200,000 answers with their schedule, as
    bench_schedule.py makes them: (the banks' folder, the database)."""
    from quiz.store import Store
    from quiz.study.schedule import CARDS
    from tests.benchmarks.bench_schedule import build_library, fill, write_banks

    library, db = build_library(10_000), folder / "large.sqlite3"
    banks = write_banks(folder / "large-banks", library)
    fill(db, library, 200_000)
    with Store.open(db) as store:
        store.rebuild_schedule(CARDS, "1")
    return str(banks), str(db)


def startup(runs: int, folder: Path) -> None:
    # Bytecode for quiz, as `pip install` leaves it: Textual's is already compiled in site-packages, and
    # with PYTHONDONTWRITEBYTECODE set (as on CI machines) quiz would otherwise be compiled on every start.
    compileall.compile_dir(ROOT / "quiz", quiet=1)
    db = str(folder / "startup.sqlite3")
    banks, large = large_library(folder)
    cases = {
        "bare Textual app": BARE,
        "quiz (learner picker)": QUIZ.format(db=db, extra=[]),
        "quiz --learner (library)": QUIZ.format(db=db, extra=["--learner", "bench"]),
        "  10,000 q, 200,000 answers": QUIZ.format(db=large, extra=["--learner", "Bench", banks]),
    }
    # the bank cache keeps one set of banks: each case its own, as one learner's machine would
    environments = {name: {**os.environ, "QUIZ_CACHE_DIR": str(folder / f"cache-{n}")}
                    for n, name in enumerate(cases)}
    timings: dict[str, list[float]] = {name: [] for name in cases}
    for name, code in cases.items():  # creates the databases, the bank caches, and warms the file cache
        time_process(code, environments[name])
    for _ in range(runs):  # interleaved, so drift in machine load hits every case alike
        for name, code in cases.items():
            timings[name].append(time_process(code, environments[name]))
    bare = statistics.median(timings["bare Textual app"])
    print(f"start-up to the first usable screen, {runs} runs each (median; min-max; ratio to bare):")
    for name, samples in timings.items():
        median = statistics.median(samples)
        ratio = median / bare
        met = "met" if ratio <= 1.3 else "NOT met"
        verdict = "" if samples is timings["bare Textual app"] else f"  target <= 1.30x: {met}"
        print(f"  {name:26s} {median * 1000:7.1f} ms  ({min(samples) * 1000:.0f}-{max(samples) * 1000:.0f})"
              f"  {ratio:5.2f}x{verdict}")


def history_banks():  # type: ignore[no-untyped-def]
    from quiz.bank.model import Bank, Choice, ChoiceQuestion, Source, SourceRef
    from tests.benchmarks.bench_store import BANKS, QUESTIONS_PER_BANK

    source = {"report": Source(title="A report", publisher="A publisher", date="2023")}
    return [
        Bank(
            format=1,
            id=f"bank-{b}",
            title=f"Generated bank {b}",
            description="Synthetic questions.",
            sources=source,
            questions=tuple(
                ChoiceQuestion(
                    id=f"bank-{b}.q{n}",
                    prompt=f"Question {n} of bank {b}?",
                    explanation="Because.",
                    source=(SourceRef(source="report"),),
                    tags=(f"tag-{n % 7}",),
                    choices=(Choice(text="A"), Choice(text="B")),
                    answer="A",
                )
                for n in range(QUESTIONS_PER_BANK)
            ),
        )
        for b in range(BANKS)
    ]


async def open_history(db: Path, runs: int) -> tuple[list[float], list[float], list[float]]:
    from quiz.store import Store
    from quiz.tui.app import make_app
    from quiz.tui.screens.history import HistoryScreen
    from quiz.tui.screens.library import LibraryScreen

    painted: list[float] = []

    def stamp_first_paint(screen: HistoryScreen) -> None:
        screen.call_after_refresh(lambda: painted.append(time.perf_counter()))

    HistoryScreen.on_mount = stamp_first_paint  # type: ignore[attr-defined]  # the benchmark's probe only
    banks = history_banks()
    timings, idle, first_paint = [], [], []
    with Store.open(db) as store:
        for _ in range(runs):
            app = make_app(banks, store, seed=1, learner="Bench")
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                assert isinstance(app.screen, LibraryScreen)
                start = time.perf_counter()
                await pilot.press("z")  # bound to nothing: what pressing a key and pausing costs
                await pilot.pause()
                idle.append(time.perf_counter() - start)
                painted.clear()
                start = time.perf_counter()
                await pilot.press("h")
                while not isinstance(app.screen, HistoryScreen):
                    await pilot.pause()
                await pilot.pause()
                timings.append(time.perf_counter() - start)
                first_paint.append(painted[0] - start)
    return first_paint, timings, idle


def history(answers: int, runs: int, folder: Path) -> None:
    from quiz.store import Store
    from quiz.study.history import build_history
    from quiz.study.library import Library
    from tests.benchmarks.bench_store import fill

    db = folder / "history.sqlite3"
    learner_id = fill(db, answers)
    with Store.open(db) as store:
        library = Library.of(history_banks())
        model = []
        for _ in range(runs):
            start = time.perf_counter()
            build_history(store, learner_id, library)
            model.append(time.perf_counter() - start)
    first_paint, screen, idle = asyncio.run(open_history(db, runs))
    print(f"history for a learner with {answers:,} answers, {runs} runs (median; max):")
    print(f"  view-model (queries + hashing)  {statistics.median(model) * 1000:7.1f} ms  ({max(model) * 1000:.0f})")
    median = statistics.median(first_paint)
    print(f"  'h' to history screen painted   {median * 1000:7.1f} ms  ({max(first_paint) * 1000:.0f})"
          f"   (target < 200 ms: {'met' if median < 0.2 else 'NOT met'})")
    print(f"  'h' until the app is idle again {statistics.median(screen) * 1000:7.1f} ms  ({max(screen) * 1000:.0f})"
          f"   (Pilot's idle wait included; a key bound to nothing costs {statistics.median(idle) * 1000:.1f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="start-up runs of each case")
    parser.add_argument("--history-runs", type=int, default=5, help="times the history screen is opened")
    parser.add_argument("--answers", type=int, default=100_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        startup(options.runs, Path(folder))
        history(options.answers, options.history_runs, Path(folder))


if __name__ == "__main__":
    main()
