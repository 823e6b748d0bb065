"""Weeks of study on a fake clock: what is due, what is new today, and what a Due round asks."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.bank.answers import correct_response
from quiz.bank.model import ShortQuestion, TrueFalseQuestion
from quiz.errors import QuizError
from quiz.store import Learner, Store
from quiz.study.knowledge import Level
from quiz.study.library import Library
from quiz.study.modes import ALL_BANKS, Mode
from quiz.study.round import Round
from quiz.study.session import Session
from quiz.study.settings import RoundSettings
from tests.support.banks import make_bank
from tests.support.clocks import FakeClock

START = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)


def _statements(count: int, bank_id: str = "demo") -> tuple[TrueFalseQuestion, ...]:
    return tuple(
        TrueFalseQuestion(
            id=f"{bank_id}.s{index:02d}",
            prompt=f"Statement {index} is true.",
            explanation="Because.",
            source=make_bank().questions[0].source,
            answer=True,
        )
        for index in range(count)
    )


@pytest.fixture(autouse=True)
def local_time_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """UTC-5 all year, so local midnight is 05:00 UTC."""
    monkeypatch.setenv("TZ", "EST5")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    with Store.open(tmp_path / "scores.sqlite3", clock=clock) as opened:
        yield opened


@pytest.fixture
def library() -> Library:
    return Library.of(
        [make_bank("demo", "Demo bank", _statements(30)), make_bank("other", "Other", _statements(5, "other"))]
    )


@pytest.fixture
def session(store: Store, library: Library, clock: FakeClock) -> Session:
    return Session(store, library, clock)


@pytest.fixture
def learner(session: Session) -> Learner:
    return session.add_learner("Ana")


def answer_ids(session: Session, learner: Learner, ids: list[str], right: bool = True) -> None:
    settings = RoundSettings(Mode.PRACTICE, seed=1, bank_id=ALL_BANKS, question_ids=tuple(ids))
    round_ = session.start_round(learner, settings)
    while (located := round_.current) is not None:
        question = located.question
        assert isinstance(question, TrueFalseQuestion)
        round_.answer(question.answer if right else not question.answer)
    round_.finish()


def due_round(session: Session, learner: Learner, **options: object) -> Round:
    return session.start_round(learner, RoundSettings(Mode.DUE, seed=3, bank_id=ALL_BANKS, **options))  # type: ignore[arg-type]


def test_a_new_learner_has_nothing_due_and_twenty_new(session: Session, learner: Learner) -> None:
    today = session.today(learner)
    assert (today.due, today.new, today.next_due) == (0, 20, None)
    assert today.describe() == "0 due · 20 new"
    assert (today.banks["demo"].new, today.banks["other"].new, today.banks["demo"].unseen) == (20, 5, 30)


def test_a_right_answer_comes_back_after_growing_intervals(
    session: Session, learner: Learner, clock: FakeClock
) -> None:
    answer_ids(session, learner, ["demo.s00"])
    seen: list[timedelta] = []
    last = clock()
    for _ in range(40):
        clock.advance(3600)
        today = session.today(learner)
        if today.due:
            assert today.banks["demo"].due == 1
            round_ = due_round(session, learner)
            assert round_.planned[0].question.id == "demo.s00"
            round_.answer(True)
            round_.finish()
            seen.append(clock() - last)
            last = clock()
        if len(seen) == 4:
            break
        if today.next_due is not None and today.next_due > clock():
            clock.current = today.next_due - timedelta(minutes=30)
    assert len(seen) == 4
    assert seen == sorted(seen) and seen[-1] > timedelta(days=5)
    assert session.knowledge(learner).questions["demo.s00"].level in (Level.KNOWN, Level.MASTERED)


def test_a_missed_question_comes_back_the_same_day(session: Session, learner: Learner, clock: FakeClock) -> None:
    answer_ids(session, learner, ["demo.s00"], right=False)
    due = session.today(learner).next_due
    assert due is not None and due - clock() <= timedelta(minutes=10)
    clock.advance(15 * 60)
    assert session.today(learner).due == 1
    assert [item.question.id for item in due_round(session, learner).planned][:1] == ["demo.s00"]


def test_a_suspended_question_never_comes_back_until_unsuspended(
    session: Session, learner: Learner, library: Library, clock: FakeClock
) -> None:
    answer_ids(session, learner, ["demo.s00"], right=False)
    located = library.locate("demo.s00")
    assert located is not None
    session.suspend(learner, located)
    for _ in range(21):
        clock.advance(days=1)
        today = session.today(learner)
        assert today.due == 0 and today.next_due is None
        assert "demo.s00" not in [item.question.id for item in due_round(session, learner).planned]
    assert session.knowledge(learner).banks["demo"].suspended == 1
    session.unsuspend(learner, located)
    assert session.today(learner).due == 1


def test_the_daily_new_limit_resets_at_local_midnight(
    session: Session, learner: Learner, store: Store, clock: FakeClock
) -> None:
    store.set_new_per_day(learner.id, 3)
    clock.current = datetime(2026, 3, 2, 4, 30, tzinfo=UTC)  # 23:30 local, the day before
    answer_ids(session, learner, ["demo.s00", "demo.s01", "demo.s02"])
    assert session.today(learner).new == 0
    with pytest.raises(QuizError, match="new questions are used up"):
        due_round(session, learner)
    clock.current = datetime(2026, 3, 2, 4, 59, tzinfo=UTC)  # 23:59 local: still the same day
    assert session.today(learner).new == 0
    clock.current = datetime(2026, 3, 2, 5, 1, tzinfo=UTC)  # 00:01 local: a new day
    today = session.today(learner)
    assert today.new == 3
    round_ = due_round(session, learner)
    old = {"demo.s00", "demo.s01", "demo.s02"}
    new_ids = [item.question.id for item in round_.planned if item.question.id not in old]
    assert new_ids == ["demo.s03", "demo.s04", "demo.s05"]


def test_a_due_round_puts_the_least_remembered_first_and_mixes_in_new_ones(
    session: Session, learner: Learner, clock: FakeClock
) -> None:
    answer_ids(session, learner, ["demo.s00", "demo.s01"])
    answer_ids(session, learner, ["demo.s00", "demo.s01"])  # both in review now
    clock.advance(days=1)
    answer_ids(session, learner, ["demo.s02"])
    answer_ids(session, learner, ["demo.s02"])
    clock.advance(days=30)
    round_ = due_round(session, learner, count=6)
    ids = [item.question.id for item in round_.planned]
    assert ids[:1] == ["demo.s00"]  # reviewed longest ago: lowest retrievability
    assert sorted(ids) == ["demo.s00", "demo.s01", "demo.s02", "demo.s03", "demo.s04", "demo.s05"]
    assert ids.index("demo.s02") > ids.index("demo.s01")
    assert ids[-1] != "demo.s05" or ids.index("demo.s03") < 3  # new ones are spread, not all at the end


def test_nothing_due_says_when_and_study_ahead_works(
    session: Session, learner: Learner, store: Store, clock: FakeClock
) -> None:
    store.set_new_per_day(learner.id, 0)
    answer_ids(session, learner, ["demo.s00", "demo.s01"])
    answer_ids(session, learner, ["demo.s00", "demo.s01"])
    with pytest.raises(QuizError, match=r"Nothing is due now\. The next review is due 2026-03-0"):
        due_round(session, learner)
    ahead = due_round(session, learner, ahead=True)
    assert sorted(item.question.id for item in ahead.planned) == ["demo.s00", "demo.s01"]


def test_a_changed_question_starts_again_as_new_and_is_said_to_have_changed(
    store: Store, clock: FakeClock, library: Library
) -> None:
    session = Session(store, library, clock)
    learner = session.add_learner("Ana")
    answer_ids(session, learner, ["demo.s00", "demo.s01"])
    answer_ids(session, learner, ["demo.s00", "demo.s01"])
    changed_bank = make_bank("demo", "Demo bank", tuple(
        question if question.id != "demo.s01" else
        ShortQuestion(id=question.id, prompt=question.prompt, explanation="Reworded.", source=question.source,
                      answers=("yes",))
        for question in _statements(30)
    ))
    edited_explanation = tuple(
        question if question.id != "demo.s00" else TrueFalseQuestion(
            id=question.id, prompt=question.prompt, explanation="A better explanation.", source=question.source,
            answer=True, hint="A new hint.", tags=("new-tag",))
        for question in changed_bank.questions
    )
    later = Session(store, Library.of([make_bank("demo", "Demo bank", edited_explanation)]), clock)
    knowledge = later.knowledge(learner)
    assert [item.question.id for item in knowledge.changed] == ["demo.s01"]
    assert knowledge.questions["demo.s01"].level is Level.NEW
    assert knowledge.questions["demo.s00"].level is Level.LEARNING
    clock.advance(days=10)
    today = later.today(learner)
    assert (today.banks["demo"].due, today.banks["demo"].unseen, today.changed) == (1, 29, 1)
    round_ = later.start_round(learner, RoundSettings(Mode.PRACTICE, seed=1, question_ids=("demo.s01",)))
    round_.answer(correct_response(round_.planned[0].question))
    card = store.card(learner.id, "demo", "demo.s01")
    assert card is not None and card.memory.reviews == 1


def test_resetting_a_bank_makes_it_new_and_keeps_the_answers(
    session: Session, learner: Learner, store: Store, clock: FakeClock
) -> None:
    answer_ids(session, learner, ["demo.s00", "other.s00"], right=False)
    before = store.rounds(learner.id)
    clock.advance(3600)
    assert session.today(learner).due == 2
    session.reset_bank(learner, "demo")
    today = session.today(learner)
    assert (today.banks["demo"].due, today.banks["demo"].unseen, today.banks["other"].due) == (0, 30, 1)
    assert store.rounds(learner.id) == before
    assert len(store.round_answers(before[0].id)) == 2
