"""Bringing a scores database up to this version once the banks are loaded: content hashes, then schedules.

Both steps run once, where the app and `quiz due` open the store with a library:

1. Stored content hashes of an older definition (quiz.bank.fingerprint) are recomputed: a stored hash
   that equals the old hash of a loaded question becomes its new hash. Questions not loaded then keep
   their old hash (and so count as changed if they come back).
2. When the schedule has never been built with this rating map (meta ``schedule_built``), the file is
   first copied with SQLite's backup API, then every card is rebuilt by replaying the answers in order.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from quiz.bank.fingerprint import CONTENT_HASH_VERSION, content_hash, legacy_content_hash
from quiz.clock import Clock
from quiz.store import Store
from quiz.store.replay import SCHEDULE_BUILT
from quiz.study.library import Library

HASH_VERSION_KEY = "content_hash_version"
SCHEDULE_VERSION = "1"
"""The rating map and scheduler settings of quiz.study.schedule; change both together, and every
database replays its answers once more."""

Say = Callable[[str], None]


def upgrade_store(store: Store, library: Library, clock: Clock, say: Say) -> None:
    """Run whatever this database still needs; ``say`` gets the progress messages to show."""
    upgrade_hashes(store, library)
    rebuild_schedule(store, clock, say)


def upgrade_hashes(store: Store, library: Library) -> int:
    """Recompute hashes stored by the older definition; returns how many (question, hash) were rewritten."""
    stored_version = store.meta(HASH_VERSION_KEY) or "1"
    if stored_version == str(CONTENT_HASH_VERSION):
        return 0
    renames: dict[tuple[str, str, str], str] = {}
    if stored_version == "1":
        for bank_id, question_id, digest in store.stored_hashes():
            located = library.locate(question_id)
            if located is None or located.bank.id != bank_id:
                continue
            if digest == legacy_content_hash(located.question):
                renames[(bank_id, question_id, digest)] = content_hash(located.question)
    store.rewrite_hashes(renames)
    store.set_meta(HASH_VERSION_KEY, str(CONTENT_HASH_VERSION))
    return len(renames)


def backup_path(store: Store, clock: Clock) -> Path:
    """``scores.sqlite3.before-schedule-YYYYmmdd-HHMMSS`` beside the database, never an existing file."""
    stamp = clock().astimezone().strftime("%Y%m%d-%H%M%S")
    candidate = store.path.with_name(f"{store.path.name}.before-schedule-{stamp}")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = store.path.with_name(f"{store.path.name}.before-schedule-{stamp}-{counter}")
    return candidate


def rebuild_schedule(store: Store, clock: Clock, say: Say) -> int:
    """Replay every answer into the cards unless already done for this rating map; returns answers replayed."""
    if store.meta(SCHEDULE_BUILT) == SCHEDULE_VERSION:
        return 0
    from quiz.study.schedule import CARDS  # fsrs only when there is work to do

    total = store.answer_count()
    if total:
        copy = backup_path(store, clock)
        store.backup(copy)
        say(f"Building the review schedule from {total:,} stored answers; the database was first copied to {copy}.")
    shown = [0]

    def progress(done: int, of: int) -> None:
        percent = 100 * done // max(1, of)
        if percent >= shown[0] + 25 and done < of:
            shown[0] = percent
            say(f"  {percent}% ({done:,} of {of:,} answers)")

    replayed = store.rebuild_schedule(CARDS, SCHEDULE_VERSION, progress)
    if total:
        say(f"The review schedule is ready: {replayed:,} answers replayed.")
    return replayed
