"""Every answer schedules its question with fsrs: the stored card is what fsrs's own Scheduler gives."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Card, Rating, Scheduler, State
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.store import AnswerRecord, Review, Store
from quiz.study.schedule import CARDS, rating, retrievabilities
from tests.support.clocks import FakeClock

START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("score", "hint", "overridden", "expected"),
    [
        (0.0, False, False, Rating.Again),
        (0.0, True, False, Rating.Again),
        (0.5, False, False, Rating.Hard),
        (0.5, True, False, Rating.Hard),
        (1.0, False, False, Rating.Good),
        (1.0, None, False, Rating.Good),
        (1.0, True, False, Rating.Hard),
        (0.0, False, True, Rating.Good),
        (0.0, True, True, Rating.Good),
    ],
)
def test_rating_map(score: float, hint: bool | None, overridden: bool, expected: Rating) -> None:
    assert rating(Review("h", score, hint, overridden, START.isoformat())) is expected


def _expected_rating(score: float, hint: bool) -> Rating:
    """The map as docs/learning.md states it, written out again so the test does not trust the code."""
    if score == 0.0:
        return Rating.Again
    if score < 1.0 or hint:
        return Rating.Hard
    return Rating.Good


def _record(store: Store, learner_id: int, score: float, hint: bool, question: str = "demo.q") -> None:
    round_id = store.start_round(learner_id, "demo", "practice", [question], {})
    store.record_answer(round_id, AnswerRecord(question, "demo", "hash", "x", score, 2.0, hint_shown=hint), CARDS)


answers = st.lists(
    st.tuples(
        st.sampled_from([0.0, 0.5, 1.0]),
        st.booleans(),
        st.integers(min_value=1, max_value=60 * 24 * 90),  # minutes until the next answer
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=answers, retention=st.sampled_from([0.7, 0.85, 0.9, 0.97]))
def test_stored_card_equals_fsrs_scheduler_for_the_same_reviews(
    tmp_path_factory: pytest.TempPathFactory, history: list[tuple[float, bool, int]], retention: float
) -> None:
    clock = FakeClock(START)
    path = tmp_path_factory.mktemp("property") / "scores.sqlite3"
    scheduler = Scheduler(desired_retention=retention, enable_fuzzing=False)
    expected = Card(card_id=1, due=START)
    with Store.open(path, clock=clock) as store:
        learner = store.add_learner("Ana")
        store.set_retention(learner.id, retention)
        for score, hint, gap in history:
            _record(store, learner.id, score, hint)
            expected, _ = scheduler.review_card(expected, _expected_rating(score, hint), clock())
            clock.advance(gap * 60)
        stored = store.card(learner.id, "demo", "demo.q")
        assert stored is not None
        memory = stored.memory
        assert (memory.state, memory.step, memory.stability, memory.difficulty) == (
            int(expected.state),
            expected.step,
            expected.stability,
            expected.difficulty,
        )
        assert datetime.fromisoformat(memory.due) == expected.due
        assert memory.last_review is not None and expected.last_review is not None
        assert datetime.fromisoformat(memory.last_review) == expected.last_review
        assert memory.reviews == len(history)
        store.rebuild_schedule(CARDS, "test")
        assert store.card(learner.id, "demo", "demo.q") == stored


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    with Store.open(tmp_path / "scores.sqlite3", clock=clock) as opened:
        yield opened


def test_an_answer_and_its_card_are_written_together(store: Store, clock: FakeClock) -> None:
    learner = store.add_learner("Ana")
    round_id = store.start_round(learner.id, "demo", "practice", ["demo.q"], {})
    with pytest.raises(ValueError, match="between 0 and 1"):
        store.record_answer(round_id, AnswerRecord("demo.q", "demo", "hash", "x", 2.0, 1.0), CARDS)
    assert store.card(learner.id, "demo", "demo.q") is None
    store.record_answer(round_id, AnswerRecord("demo.q", "demo", "hash", "x", 1.0, 1.0, hint_shown=True), CARDS)
    stored = store.card(learner.id, "demo", "demo.q")
    assert stored is not None and stored.memory.reviews == 1
    assert stored.memory.introduced_at == clock().isoformat(timespec="milliseconds")


def test_answering_again_in_the_same_round_gives_the_card_of_the_kept_answer(store: Store, clock: FakeClock) -> None:
    learner = store.add_learner("Ana")
    round_id = store.start_round(learner.id, "demo", "practice", ["demo.q"], {})
    store.record_answer(round_id, AnswerRecord("demo.q", "demo", "hash", "x", 0.0, 1.0), CARDS)
    clock.advance(30)
    store.record_answer(round_id, AnswerRecord("demo.q", "demo", "hash", "x", 1.0, 1.0), CARDS)
    kept = store.card(learner.id, "demo", "demo.q")
    assert kept is not None
    store.rebuild_schedule(CARDS, "test")
    assert store.card(learner.id, "demo", "demo.q") == kept
    assert kept.memory.reviews == len(store.round_answers(round_id))


def test_an_override_counts_as_right_live_and_in_the_replay(store: Store, clock: FakeClock) -> None:
    learner = store.add_learner("Ana")
    round_id = store.start_round(learner.id, "demo", "practice", ["demo.q"], {})
    store.record_answer(round_id, AnswerRecord("demo.q", "demo", "hash", "Albanains", 0.0, 1.0), CARDS)
    wrong = store.card(learner.id, "demo", "demo.q")
    clock.advance(5)
    store.override_answer(round_id, "demo.q", CARDS)
    right = store.card(learner.id, "demo", "demo.q")
    assert wrong is not None and right is not None
    assert right.memory.due > wrong.memory.due
    expected, _ = Scheduler(enable_fuzzing=False).review_card(Card(card_id=1, due=START), Rating.Good, START)
    assert datetime.fromisoformat(right.memory.due) == expected.due
    store.rebuild_schedule(CARDS, "test")
    assert store.card(learner.id, "demo", "demo.q") == right


def test_changed_content_starts_the_card_again_as_new(store: Store, clock: FakeClock) -> None:
    learner = store.add_learner("Ana")
    for _ in range(3):
        round_id = store.start_round(learner.id, "demo", "practice", ["demo.q"], {})
        store.record_answer(round_id, AnswerRecord("demo.q", "demo", "old", "x", 1.0, 1.0), CARDS)
        clock.advance(days=3)
    round_id = store.start_round(learner.id, "demo", "practice", ["demo.q"], {})
    store.record_answer(round_id, AnswerRecord("demo.q", "demo", "new", "x", 1.0, 1.0), CARDS)
    stored = store.card(learner.id, "demo", "demo.q")
    assert stored is not None
    assert (stored.memory.content_hash, stored.memory.reviews) == ("new", 1)
    first, _ = Scheduler(enable_fuzzing=False).review_card(Card(card_id=1, due=clock()), Rating.Good, clock())
    assert stored.memory.stability == first.stability
    store.rebuild_schedule(CARDS, "test")
    assert store.card(learner.id, "demo", "demo.q") == stored


def test_the_replay_waits_for_no_one_and_loses_no_answer_given_meanwhile(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "scores.sqlite3"
    with Store.open(path, clock=clock) as store, Store.open(path, clock=clock) as other:
        learner = store.add_learner("Ana")
        round_id = store.start_round(learner.id, "demo", "practice", [], {})
        for index in range(30):
            store.record_answer(round_id, AnswerRecord(f"demo.q{index}", "demo", "h", "x", 1.0, 1.0))
        late_round = other.start_round(learner.id, "demo", "practice", ["demo.q0"], {})
        batches: list[int] = []

        def between_batches(done: int, total: int) -> None:
            batches.append(done)
            if len(batches) == 1:  # another copy of quiz answers while the replay is half-way
                clock.advance(days=1)
                other.record_answer(late_round, AnswerRecord("demo.q0", "demo", "h", "x", 0.0, 1.0), CARDS)
                other.record_answer(late_round, AnswerRecord("demo.q29", "demo", "h", "x", 0.0, 1.0), CARDS)

        from quiz.store import replay

        with store._guard():
            replayed = replay.rebuild_all(store._connection, CARDS, "1", between_batches, batch=7)
        assert len(batches) > 3
        assert replayed == 31  # demo.q0 was rebuilt before its late answer, which updated it live
        for question in ("demo.q0", "demo.q29"):
            card = store.card(learner.id, "demo", question)
            assert card is not None and card.memory.reviews == 2 and card.memory.lapses == 0
            assert card.memory.last_review == clock().isoformat(timespec="milliseconds")
        assert store.meta("schedule_built") == "1"
        assert len(store.cards(learner.id)) == 30


def test_a_suspension_and_a_bank_reset_survive_the_replay(store: Store, clock: FakeClock) -> None:
    learner = store.add_learner("Ana")
    for question in ("demo.a", "demo.b"):
        _record(store, learner.id, 1.0, False, question)
    store.study_event(learner.id, "suspend", "demo", "demo.a")
    store.study_event(learner.id, "suspend", "demo", "demo.never-answered", "h")
    clock.advance(60)
    store.study_event(learner.id, "reset", "demo")
    clock.advance(60)
    _record(store, learner.id, 0.0, False, "demo.b")
    live = sorted(store.cards(learner.id), key=lambda card: card.question_id)
    assert [(c.question_id, c.suspended, c.memory.reviews) for c in live] == [
        ("demo.a", True, 0),
        ("demo.b", False, 1),
        ("demo.never-answered", True, 0),
    ]
    store.rebuild_schedule(CARDS, "test")
    again = sorted(store.cards(learner.id), key=lambda card: card.question_id)
    assert [(c.question_id, c.suspended, c.memory) for c in again[:2]] == [
        (c.question_id, c.suspended, c.memory) for c in live[:2]
    ]
    assert again[2].suspended


def test_retention_outside_the_allowed_range_is_refused(store: Store) -> None:
    from quiz.errors import QuizError

    learner = store.add_learner("Ana")
    assert store.study_settings(learner.id).desired_retention == pytest.approx(0.9)
    for bad in (0.69, 0.98):
        with pytest.raises(QuizError, match=r"between 0\.70 and 0\.97"):
            store.set_retention(learner.id, bad)
    store.set_retention(learner.id, 0.8)
    assert store.study_settings(learner.id).desired_retention == pytest.approx(0.8)


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.floats(min_value=0.01, max_value=36500)),
            st.one_of(st.none(), st.integers(min_value=0, max_value=3000 * 86400)),
        ),
        max_size=20,
    )
)
def test_retrievabilities_are_what_fsrs_says_of_each_card_alone(pairs: list[tuple[float | None, int | None]]) -> None:
    now = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    stamped = [
        (stability, None if ago is None else (now - timedelta(seconds=ago)).isoformat()) for stability, ago in pairs
    ]
    expected = [
        0.0
        if stability is None or last is None
        else Scheduler().get_card_retrievability(
            Card(card_id=0, state=State.Review, stability=stability, last_review=datetime.fromisoformat(last)), now
        )
        for stability, last in stamped
    ]

    assert retrievabilities(stamped, now) == expected
