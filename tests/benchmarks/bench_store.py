"""What recording an answer and opening the history cost with 100,000 answers stored, next to bare SQLite.

Run: python tests/benchmarks/bench_store.py [--answers 100000] [--calls 500]

One learner gets --answers answers (rounds of 10 questions over 5 banks of 200 questions), inserted in
one transaction. Then, in the same run:
- record_answer, each call its own committed and fsynced transaction, against a bare
  ``INSERT`` + commit into a one-table WAL database with the same synchronous setting;
- the queries the history screen makes (rounds, bank_progress, answer_stats, open_mistakes) against a
  bare ``SELECT count(*)`` of the answers table.
Targets: record_answer p99 < 5 ms; the four history queries < 200 ms together.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.store import AnswerRecord, Store

BANKS = 5
QUESTIONS_PER_BANK = 200
ROUND_SIZE = 10


def fill(path: Path, answers: int) -> int:
    """Create the database and bulk-insert the answers for one learner; returns the learner's id."""
    with Store.open(path) as store:
        learner_id = store.add_learner("Bench").id
    start = datetime(2024, 1, 1, tzinfo=UTC)
    connection = sqlite3.connect(path)
    with connection:
        rounds = []
        rows = []
        for round_index in range(answers // ROUND_SIZE):
            bank = f"bank-{round_index % BANKS}"
            first = (round_index * 7) % QUESTIONS_PER_BANK
            ids = [f"{bank}.q{(first + offset) % QUESTIONS_PER_BANK}" for offset in range(ROUND_SIZE)]
            when = (start + timedelta(minutes=round_index * 30)).isoformat(timespec="milliseconds")
            rounds.append(
                (round_index + 1, learner_id, bank, "practice", json.dumps(ids), ROUND_SIZE, "{}", when, when)
            )
            for offset, question_id in enumerate(ids):
                score = 1.0 if (round_index + offset) % 3 else 0.0
                rows.append(
                    (round_index + 1, learner_id, bank, question_id, "0123456789abcdef", '"x"', score, 4.0, when)
                )
        connection.executemany(
            "INSERT INTO rounds (id, learner_id, bank_id, mode, question_ids, planned, settings, started_at,"
            " finished_at, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 60.0)",
            rounds,
        )
        connection.executemany(
            "INSERT INTO answers (round_id, learner_id, bank_id, question_id, content_hash, response, score,"
            " seconds, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    connection.close()
    return learner_id


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def record_latencies(store: Store, learner_id: int, calls: int) -> list[float]:
    latencies = []
    round_id = 0
    for index in range(calls):
        if index % ROUND_SIZE == 0:
            ids = [f"bank-0.q{offset}" for offset in range(ROUND_SIZE)]
            round_id = store.start_round(learner_id, "bank-0", "practice", ids, {})
        answer = AnswerRecord(f"bank-0.q{index % ROUND_SIZE}", "bank-0", "0123456789abcdef", ["a", "b"], 0.5, 3.0)
        started = time.perf_counter()
        store.record_answer(round_id, answer)
        latencies.append(time.perf_counter() - started)
    return latencies


def bare_insert_latencies(folder: Path, calls: int) -> list[float]:
    connection = sqlite3.connect(folder / "bare.sqlite3", isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, value TEXT)")
    latencies = []
    for index in range(calls):
        started = time.perf_counter()
        connection.execute("BEGIN")
        connection.execute("INSERT INTO t (value) VALUES (?)", (str(index),))
        connection.execute("COMMIT")
        latencies.append(time.perf_counter() - started)
    connection.close()
    return latencies


def bare_pass(connection: sqlite3.Connection, learner_id: int) -> None:
    """One indexed pass over the learner's answers: the floor for any aggregate over them."""
    connection.execute("SELECT count(*), sum(score) FROM answers WHERE learner_id = ?", (learner_id,)).fetchone()


def best_of(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--calls", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5, help="repeats of each query; the best is kept")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = folder / "scores.sqlite3"
        started = time.perf_counter()
        learner_id = fill(path, args.answers)
        filled = time.perf_counter() - started
        size = path.stat().st_size / 1e6
        print(f"filled {args.answers:,} answers for one learner in {filled:.2f} s ({size:.1f} MB)")

        opened = best_of(args.runs, lambda: Store.open(path).close())
        print(f"Store.open of that database: {opened * 1000:.1f} ms")

        with Store.open(path) as store:
            started = time.perf_counter()
            store.rounds(learner_id), store.bank_progress(learner_id)
            store.answer_stats(learner_id), store.open_mistakes(learner_id)
            first_history = time.perf_counter() - started
            ours = record_latencies(store, learner_id, args.calls)
            bare = bare_insert_latencies(folder, args.calls)
            ms = 1000
            print(f"\nrecord_answer, {args.calls} calls (each committed, synchronous=FULL):")
            print(
                f"  store.record_answer: p50 {percentile(ours, 0.5) * ms:6.3f} ms   p99 "
                f"{percentile(ours, 0.99) * ms:6.3f} ms   max {max(ours) * ms:6.3f} ms   (target p99 < 5 ms)"
            )
            print(
                f"  bare INSERT+COMMIT:  p50 {percentile(bare, 0.5) * ms:6.3f} ms   p99 "
                f"{percentile(bare, 0.99) * ms:6.3f} ms   max {max(bare) * ms:6.3f} ms"
            )
            print(
                f"  ratio p50 {percentile(ours, 0.5) / percentile(bare, 0.5):.2f}x, "
                f"p99 {percentile(ours, 0.99) / percentile(bare, 0.99):.2f}x"
            )

            queries: dict[str, Callable[[], object]] = {
                "rounds": lambda: store.rounds(learner_id),
                "bank_progress": lambda: store.bank_progress(learner_id),
                "answer_stats": lambda: store.answer_stats(learner_id),
                "open_mistakes": lambda: store.open_mistakes(learner_id),
            }
            print(f"\nhistory queries for that learner (best of {args.runs}):")
            total = 0.0
            for label, query in queries.items():
                spent = best_of(args.runs, query)
                total += spent
                print(f"  {label:<14} {spent * ms:7.1f} ms   ({len(query())} rows)")  # type: ignore[arg-type]
            print(
                f"  total          {total * ms:7.1f} ms   (target < 200 ms; "
                f"{first_history * ms:.1f} ms the first time after opening)"
            )
            connection = sqlite3.connect(path)
            bare = best_of(args.runs, lambda: bare_pass(connection, learner_id))
            connection.close()
            print(
                f"  bare SELECT count(*), sum(score) over the learner's answers: {bare * ms:.1f} ms; "
                f"ratio {total / bare:.1f}x"
            )


if __name__ == "__main__":
    main()
