"""What SQLite says of the learner's cards against the loaded questions (counts per bank, due cards, new
questions, reviews coming) is what reading the cards one by one against those questions gives: the
definitions the library's Today line and a Due round used before they moved into SQL."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import uuid4

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.store import BankCounts, DueCard, QuestionsImage, Store, image_of
from tests.support.clocks import TickingClock

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
QUESTIONS = [(bank, f"{bank}.q{n}") for bank in ("a", "b") for n in range(4)]

_CARD = st.fixed_dictionaries(
    {
        "bank": st.sampled_from(["a", "b", "gone"]),
        "question": st.integers(0, 5),
        "same_hash": st.booleans(),
        "reviews": st.sampled_from([0, 1, 3]),
        "suspended": st.booleans(),
        "state": st.sampled_from([1, 2, 3]),
        "stability": st.one_of(st.none(), st.sampled_from([0.5, 6.9, 7.0, 30.0])),
        "due_in_hours": st.integers(-48, 48),
    }
)


def _expected(
    cards: dict[tuple[str, str], dict[str, object]], loaded: dict[tuple[str, str], str]
) -> dict[str, BankCounts]:
    now = NOW.isoformat(timespec="milliseconds")
    found: dict[str, list[int]] = {}
    next_due: dict[str, str] = {}
    for (bank, question), digest in loaded.items():
        counts = found.setdefault(bank, [0, 0, 0, 0, 0])  # suspended, current, due, stable, changed
        card = cards.get((bank, question))
        if card is None:
            continue
        if card["suspended"]:
            counts[0] += 1
        elif card["reviews"] and card["hash"] == digest:
            counts[1] += 1
            counts[2] += card["due"] <= now
            counts[3] += card["state"] == 2 and (card["stability"] or 0) >= 7
            next_due[bank] = min(next_due.get(bank, card["due"]), card["due"])
        elif card["reviews"]:
            counts[4] += 1
    return {bank: BankCounts(bank, *counts, next_due.get(bank)) for bank, counts in found.items()}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drawn=st.lists(_CARD, max_size=14), from_image=st.booleans())
def test_counts_in_sql_equal_the_cards_read_one_by_one(
    tmp_path: Path, drawn: list[dict[str, object]], from_image: bool
) -> None:
    db_path = tmp_path / f"{uuid4().hex}.sqlite3"
    loaded = {(bank, question): f"hash-{question}" for bank, question in QUESTIONS}
    cards: dict[tuple[str, str], dict[str, object]] = {}
    for card in drawn:
        key = (str(card["bank"]), f"{card['bank']}.q{card['question']}")
        due = (NOW + timedelta(hours=int(card["due_in_hours"]))).isoformat(timespec="milliseconds")  # type: ignore[call-overload]
        cards[key] = {**card, "hash": f"hash-{key[1]}" if card["same_hash"] else "older", "due": due}
    with Store.open(db_path, clock=TickingClock()) as store:
        learner_id = store.add_learner("Ana").id
        other_id = store.add_learner("Ben").id
        with sqlite3.connect(db_path) as writer:
            for (bank, question), card in cards.items():
                for learner in (learner_id, other_id):  # Ben's cards must not count for Ana
                    writer.execute(
                        "INSERT INTO cards (learner_id, bank_id, question_id, content_hash, state, stability, due,"
                        " reviews, suspended) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            learner,
                            bank,
                            question,
                            card["hash"],
                            card["state"],
                            card["stability"],
                            card["due"],
                            card["reviews"] if learner == learner_id else 5,
                            int(bool(card["suspended"])),
                        ),
                    )

        rows = [(b, q, h) for (b, q), h in loaded.items()]
        if from_image:  # as the bank cache keeps them: the rows themselves are never asked for
            store.load_questions("these banks", _never, image_of(rows))
        else:
            store.load_questions("these banks", lambda: rows)

        assert store.bank_counts(learner_id, NOW, review_state=2, stable=7.0) == _expected(cards, loaded)
        for bank in (None, "a"):
            assert sorted(store.due_cards(learner_id, NOW, bank)) == _cards(cards, loaded, bank, due=True)
            assert sorted(store.due_cards(learner_id, NOW, bank, ahead=True)) == _cards(cards, loaded, bank)
            coming = store.coming(learner_id, NOW, bank)
            assert sorted(coming) == _cards(cards, loaded, bank, due=False)
            assert [card.due for card in coming] == sorted(card.due for card in coming)  # soonest first
            assert store.unseen(learner_id, bank) == _unseen(cards, loaded, bank)
            assert store.unseen(learner_id, bank, 2) == _unseen(cards, loaded, bank)[:2]


def _never() -> list[tuple[str, str, str]]:
    raise AssertionError("the image should have been loaded, not the rows")


def _current(card: dict[str, object] | None, digest: str) -> bool:
    return card is not None and not card["suspended"] and bool(card["reviews"]) and card["hash"] == digest


def _cards(
    cards: dict[tuple[str, str], dict[str, object]],
    loaded: dict[tuple[str, str], str],
    bank: str | None,
    due: bool | None = None,
) -> list[DueCard]:
    now = NOW.isoformat(timespec="milliseconds")
    found = []
    for key, digest in loaded.items():
        card = cards.get(key)
        if card is None or not _current(card, digest) or bank not in (None, key[0]):
            continue
        if due is None or (str(card["due"]) <= now) == due:
            found.append(DueCard(key[0], key[1], card["stability"], None, str(card["due"])))  # type: ignore[arg-type]
    return sorted(found)


def _unseen(
    cards: dict[tuple[str, str], dict[str, object]], loaded: dict[tuple[str, str], str], bank: str | None
) -> list[tuple[str, str]]:
    return [
        key
        for key, digest in loaded.items()
        if bank in (None, key[0])
        and not _current(cards.get(key), digest)
        and not (cards.get(key) or {}).get("suspended")
    ]


def test_the_loaded_questions_are_read_once_per_library(store: Store) -> None:
    learner_id = store.add_learner("Ana").id
    asked = []

    def questions(bank: str) -> list[tuple[str, str, str]]:
        asked.append(bank)
        return [(bank, f"{bank}.q1", "h")]

    for library in ("first", "first", "second", "first"):
        store.load_questions(library, lambda library=library: questions(library))
        counts = store.bank_counts(learner_id, NOW, review_state=2, stable=7.0)
        assert counts == {library: BankCounts(library, 0, 0, 0, 0, 0, None)}  # no card: every question unseen

    assert asked == ["first", "second", "first"]


def _damaged(image: QuestionsImage) -> list[QuestionsImage]:
    return [
        QuestionsImage(b"not a database", image.rows),
        QuestionsImage(image.data[: len(image.data) // 2], image.rows),  # cut short
        QuestionsImage(image.data, image.rows + 1),  # not the rows it says it holds
        QuestionsImage(image.data.replace(b"content_hash", b"content_hasp"), image.rows),  # another layout
    ]


def test_an_image_that_does_not_read_back_gives_way_to_the_rows(store: Store) -> None:
    learner_id = store.add_learner("Ana").id
    rows = [("a", "a.q1", "h1"), ("a", "a.q2", "h2"), ("b", "b.q1", "h3")]
    image = image_of(rows)
    assert image is not None
    expected = {
        "a": BankCounts("a", 0, 0, 0, 0, 0, None),
        "b": BankCounts("b", 0, 0, 0, 0, 0, None),
    }
    asked: list[int] = []

    def questions() -> list[tuple[str, str, str]]:
        asked.append(len(asked))
        return rows

    for number, damaged in enumerate(_damaged(image)):
        store.load_questions(f"library {number}", questions, damaged)
        assert store.bank_counts(learner_id, NOW, review_state=2, stable=7.0) == expected
        assert asked == list(range(number + 1)), f"damaged image {number} was taken for the questions"
        assert store.unseen(learner_id, None) == [("a", "a.q1"), ("a", "a.q2"), ("b", "b.q1")]

    store.load_questions("from the image again", _never, image)  # and a good one still loads after them
    assert store.unseen(learner_id, None) == [("a", "a.q1"), ("a", "a.q2"), ("b", "b.q1")]
