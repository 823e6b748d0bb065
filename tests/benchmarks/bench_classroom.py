"""How long `quiz report` takes over a big class: 500 learners x 160 questions x 20 answers each.

Run: python tests/benchmarks/bench_classroom.py [--learners 500] [--questions 160] [--answers 20]

Each learner plays --answers finished practice rounds of every question (so 1.6 million answers by
default), inserted directly in one transaction. Then the report is built (statistics only, then with
each output format) and the times printed. Target: under 3 s for the statistics and the text report.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.store import Store


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=500)
    parser.add_argument("--questions", type=int, default=160)
    parser.add_argument("--answers", type=int, default=20)
    args = parser.parse_args()
    from quiz.study.class_report import build_report, read_database

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "class.sqlite3"
        began = time.perf_counter()
        build_class(path, args.learners, args.questions, args.answers)
        total = args.learners * args.questions * args.answers
        print(f"built {total:,} answers in {time.perf_counter() - began:.1f} s")
        began = time.perf_counter()
        with Store.open(path, repair=False) as store:
            data = read_database(store)
        read = time.perf_counter() - began
        report = build_report(data, [])
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
