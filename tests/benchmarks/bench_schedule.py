"""What the schedule costs with 10,000 questions loaded and 200,000 answers stored for one learner.

Run: python tests/benchmarks/bench_schedule.py [--questions 10000] [--answers 200000] [--calls 500]

The questions are true/false statements in 10 banks; the answers (every question answered in turn,
a mix of right, partly right and wrong, a few minutes apart over about a year, in finished rounds of
20) are bulk-inserted into a schema-2 database that has never built its schedule, as an upgraded
database would be. Then:
- the upgrade replay (Store.rebuild_schedule, batched transactions) against bare fsrs ``review_card``
  calls for the same answers in memory, with the ratio;
- the library's due counts (Session.today) a day after the last answer: the first call at start-up, with
  the banks written as YAML files and loaded through the bank cache as `quiz` loads them (the cache keeps
  the content hashes and the store's table of the loaded questions as a SQLite image), and after an
  answer was recorded (as on coming back from a round); and what a start after a bank file changed adds
  to them, the bank cache hashing every question and making that image;
- starting a Due round (picking it and recording the round);
- recording an answer with its schedule update, each call its own committed, fsynced transaction, within one
  round (the store copies the log into the database file when a round ends: finishing the round is timed
  too); and a bare INSERT + COMMIT on the same disk, its baseline.
Goals: due counts <= 30 ms, a Due round <= 50 ms, recording p99 < 5 ms, the replay < 5 s.
These figures are printed, not checked.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from fsrs import Card, Scheduler  # noqa: E402

from quiz.bank.model import Bank, Source, SourceRef, TrueFalseQuestion  # noqa: E402
from quiz.bank.write import write_bank  # noqa: E402
from quiz.store import AnswerRecord, Review, Store, image_of  # noqa: E402
from quiz.study.bank_cache import load_cached  # noqa: E402
from quiz.study.library import Library  # noqa: E402
from quiz.study.modes import ALL_BANKS, Mode  # noqa: E402
from quiz.study.schedule import CARDS, rating  # noqa: E402
from quiz.study.session import Session  # noqa: E402
from quiz.study.settings import RoundSettings  # noqa: E402
from tests.benchmarks.bench_store import bare_insert_latencies  # noqa: E402

BANKS = 10
ROUND_SIZE = 20
START = datetime(2025, 1, 1, tzinfo=UTC)
SCORES = (1.0, 1.0, 0.0, 1.0, 0.5, 1.0, 1.0)


def build_library(questions: int) -> Library:
    per_bank = questions // BANKS
    source = {"report": Source(title="Report", publisher="Someone", date="2023")}
    banks = [
        Bank(
            format=1,
            id=f"bank-{b}",
            title=f"Bank {b}",
            description="Generated.",
            sources=source,
            questions=tuple(
                TrueFalseQuestion(
                    id=f"bank-{b}.q{n}",
                    prompt=f"Statement {n} of bank {b} is true.",
                    explanation="Because.",
                    source=(SourceRef(source="report"),),
                    answer=True,
                )
                for n in range(per_bank)
            ),
        )
        for b in range(BANKS)
    ]
    return Library.of(banks)


def fill(path: Path, library: Library, answers: int) -> tuple[int, list[tuple[str, str, str, float, str]]]:
    """The learner and their answers (bank, question, hash, score, time), inserted as an old database has them."""
    with Store.open(path) as store:
        learner_id = store.add_learner("Bench").id
    located = library.all_questions()
    rows = []
    step = timedelta(days=360) / answers
    for index in range(answers):
        item = located[index % len(located)]
        when = (START + step * index).isoformat(timespec="milliseconds")
        digest = library.content_hash(item.question)
        score = SCORES[(index // len(located) + index) % len(SCORES)]
        rows.append((item.bank.id, item.question.id, digest, score, when))
    rounds = [rows[start:start + ROUND_SIZE] for start in range(0, len(rows), ROUND_SIZE)]
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            "INSERT INTO rounds (id, learner_id, bank_id, mode, question_ids, planned, settings, started_at,"
            " finished_at, seconds) VALUES (?, ?, '*', 'practice', ?, ?, '{}', ?, ?, 60.0)",
            [(number, learner_id, json.dumps([row[1] for row in answered]), len(answered), answered[0][4],
              answered[-1][4]) for number, answered in enumerate(rounds, 1)],
        )
        connection.executemany(
            "INSERT INTO answers (round_id, learner_id, bank_id, question_id, content_hash, response, score,"
            " seconds, answered_at) VALUES (?, ?, ?, ?, ?, '\"x\"', ?, 3.0, ?)",
            [(number, learner_id, bank, question, digest, score, when)
             for number, answered in enumerate(rounds, 1) for bank, question, digest, score, when in answered],
        )
        connection.execute("DELETE FROM meta WHERE key = 'schedule_built'")
    connection.close()
    return learner_id, rows


def bare_fsrs(rows: list[tuple[str, str, str, float, str]]) -> float:
    """fsrs review_card for the same answers, cards kept in a dict: the floor for any replay."""
    scheduler = Scheduler(enable_fuzzing=False)
    started = time.perf_counter()
    cards: dict[str, Card] = {}
    for _bank, question, digest, score, when in rows:
        card = cards.get(question) or Card(card_id=0, due=datetime.fromisoformat(when))
        grade = rating(Review(digest, score, None, False, when))
        cards[question], _ = scheduler.review_card(card, grade, datetime.fromisoformat(when))
    return time.perf_counter() - started


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--answers", type=int, default=200_000)
    parser.add_argument("--calls", type=int, default=500)
    args = parser.parse_args()
    library = build_library(args.questions)
    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / "scores.sqlite3"
        learner_id, rows = fill(path, library, args.answers)
        print(f"{args.questions:,} questions loaded, {args.answers:,} answers stored for one learner")

        now = datetime.fromisoformat(rows[-1][4]) + timedelta(days=1)
        with Store.open(path, clock=lambda: now) as store:
            started = time.perf_counter()
            replayed = store.rebuild_schedule(CARDS, "1")
            replay = time.perf_counter() - started
            bare = bare_fsrs(rows)
            print(f"upgrade replay of {replayed:,} answers: {replay:.2f} s (goal < 5 s); bare fsrs review_card "
                  f"for the same answers: {bare:.2f} s; ratio {replay / bare:.2f}x")

            learner = store.learners()[0]
            cached = cached_library(Path(name), library)
            session = Session(store, cached, lambda: now)  # as quiz starts
            started = time.perf_counter()
            today = session.today(learner)  # loads the store's table of loaded questions from the cache
            first = time.perf_counter() - started
            scratch = store.start_round(learner_id, "bank-0", "practice", [], {})
            answered = []
            for item in library.all_questions()[-5:]:  # back from a round
                store.record_answer(scratch, AnswerRecord(item.question.id, item.bank.id,
                                                          library.content_hash(item.question), True, 1.0, 3.0), CARDS)
                answered.append(_timed(lambda: session.today(learner)))
            hashing = _timed(lambda: image_of(Library.of(library.banks).hashed_questions()))
            print(f"due counts ({today.describe()}): at start-up {first * 1000:.1f} ms (the store's table of the "
                  f"loaded questions from the bank cache); after an answer {min(answered) * 1000:.1f} ms "
                  f"(goal <= 30 ms); a start after a bank file changed adds {hashing * 1000:.1f} ms (the bank "
                  "cache hashes every question and makes the table)")

            settings = RoundSettings(mode=Mode.DUE, seed=1, bank_id=ALL_BANKS)
            picking = min(_timed(lambda: session.start_round(learner, settings)) for _ in range(5))
            print(f"starting a Due round of 20 (pick + record the round): {picking * 1000:.1f} ms (goal <= 50 ms)")

            round_id = store.start_round(learner_id, "bank-0", "practice", [], {})
            latencies = []
            for index in range(args.calls):
                item = library.all_questions()[index]
                answer = AnswerRecord(item.question.id, item.bank.id, library.content_hash(item.question), True,
                                      SCORES[index % len(SCORES)], 3.0, hint_shown=False)
                latencies.append(_timed(lambda answer=answer: store.record_answer(round_id, answer, CARDS)))
            print(f"record_answer with its schedule update, {args.calls} calls: median "
                  f"{percentile(latencies, 0.5) * 1000:.2f} ms, p99 {percentile(latencies, 0.99) * 1000:.2f} ms "
                  "(goal p99 < 5 ms)")
            finishing = _timed(lambda: store.finish_round(round_id, 60.0))
            print(f"finishing that round, which copies its {args.calls} answers from the write-ahead log into the "
                  f"database file: {finishing * 1000:.1f} ms")
        bare = bare_insert_latencies(path.parent, args.calls)  # the disk's own cost of a durable commit
        print(f"bare INSERT + COMMIT on the same disk (synchronous = FULL), {args.calls} calls: median "
              f"{percentile(bare, 0.5) * 1000:.2f} ms, p99 {percentile(bare, 0.99) * 1000:.2f} ms")


def write_banks(folder: Path, library: Library) -> Path:
    """The library's banks as YAML files in ``folder``, one per bank."""
    folder.mkdir()
    for bank in library.banks:
        (folder / f"{bank.id}.yaml").write_text(write_bank(bank, "Generated.", "", {}).text, encoding="utf-8")
    return folder


def cached_library(folder: Path, library: Library) -> Library:
    """The library as `quiz` loads it at a start after the last: its banks written as YAML files, read
    once through the bank cache (as after a bank file changed), then from the cache."""
    banks, cache = write_banks(folder / "banks", library), folder / "cache"
    load_cached([banks], cache)
    return load_cached([banks], cache).library()


def _timed(action: object) -> float:
    started = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
