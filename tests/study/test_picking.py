"""Which questions a round asks, and in what order."""

from __future__ import annotations

import pytest

from quiz.errors import QuizError
from quiz.study.library import Library
from quiz.study.modes import ALL_BANKS, Mode
from quiz.study.picking import pick_questions
from quiz.study.settings import RoundSettings


def ids(located: list) -> list[str]:
    return [item.question.id for item in located]


def test_practice_picks_count_questions_from_the_chosen_bank_only(library: Library) -> None:
    picked = pick_questions(library, RoundSettings(mode=Mode.PRACTICE, seed=3, bank_id="demo", count=4))
    assert len(picked) == 4
    assert all(item.bank.id == "demo" for item in picked)


def test_same_seed_same_order_and_other_seed_other_order(library: Library) -> None:
    settings = RoundSettings(mode=Mode.PRACTICE, seed=3, bank_id="demo")
    first = ids(pick_questions(library, settings))
    assert first == ids(pick_questions(library, settings))
    others = {tuple(ids(pick_questions(library, RoundSettings(mode=Mode.PRACTICE, seed=s, bank_id="demo"))))
              for s in range(4, 10)}
    assert len(others | {tuple(first)}) > 1


def test_tag_and_difficulty_filters_combine(library: Library) -> None:
    tagged = pick_questions(library, RoundSettings(mode=Mode.EXAM, seed=1, bank_id="demo", tag="geography"))
    assert sorted(ids(tagged)) == ["demo.choice", "demo.short", "demo.tf"]
    easy = pick_questions(
        library, RoundSettings(mode=Mode.EXAM, seed=1, bank_id="demo", tag="geography", difficulty=1)
    )
    assert sorted(ids(easy)) == ["demo.choice", "demo.tf"]


def test_quick_round_takes_ten_from_every_bank(library: Library) -> None:
    picked = pick_questions(library, RoundSettings(mode=Mode.QUICK, seed=5, bank_id=ALL_BANKS))
    assert len(picked) == 10
    assert {item.bank.id for item in picked} == {"demo", "other"}


def test_review_asks_only_open_mistakes_of_the_bank(library: Library) -> None:
    mistakes = [("demo", "demo.multi"), ("other", "other.order"), ("demo", "demo.gone")]
    picked = pick_questions(library, RoundSettings(mode=Mode.REVIEW, seed=1, bank_id="demo"), mistakes)
    assert ids(picked) == ["demo.multi"]


def test_review_without_mistakes_says_so(library: Library) -> None:
    with pytest.raises(QuizError, match="No mistakes to review"):
        pick_questions(library, RoundSettings(mode=Mode.REVIEW, seed=1, bank_id="demo"), [])


def test_filter_matching_nothing_is_a_quiz_error(library: Library) -> None:
    with pytest.raises(QuizError, match="No question matches"):
        pick_questions(library, RoundSettings(mode=Mode.PRACTICE, seed=1, bank_id="demo", tag="nothing"))


def test_explicit_question_ids_keep_their_order_and_skip_unknown(library: Library) -> None:
    settings = RoundSettings(mode=Mode.REVIEW, seed=1, question_ids=("other.tf", "gone", "demo.choice"))
    assert ids(pick_questions(library, settings)) == ["other.tf", "demo.choice"]


def test_settings_survive_a_round_trip_through_json() -> None:
    settings = RoundSettings(mode=Mode.EXAM, seed=9, bank_id="demo", count=3, tag="x", difficulty=2,
                             time_limit=60, question_ids=("a", "b"))
    assert RoundSettings.from_json(settings.to_json()) == settings


def test_practice_takes_unseen_questions_before_seen_ones(library: Library) -> None:
    seen = {"demo.choice": (1.0, 1.0), "demo.multi": (0.0, 1.0), "demo.tf": (0.5, 1.0), "demo.short": (1.0, 1.0)}
    for seed in range(1, 8):
        settings = RoundSettings(mode=Mode.PRACTICE, seed=seed, bank_id="demo", count=3)
        assert sorted(ids(pick_questions(library, settings, strength=seen))) == ["demo.match", "demo.number",
                                                                                  "demo.order"]


def test_once_every_question_is_seen_the_weakest_come_first(library: Library) -> None:
    strength = {"demo.choice": (1.0, 1.0), "demo.multi": (0.0, 1.0), "demo.tf": (0.5, 1.0), "demo.short": (1.0, 1.0),
                "demo.order": (1.0, 0.2), "demo.match": (1.0, 5.0), "demo.number": (1.0, 3.0)}
    settings = RoundSettings(mode=Mode.QUICK, seed=2, bank_id="demo", count=3)
    assert sorted(ids(pick_questions(library, settings, strength=strength))) == ["demo.multi", "demo.order",
                                                                                 "demo.tf"]
    unseen_then_weakest = {key: value for key, value in strength.items() if key != "demo.number"}
    learn = RoundSettings(mode=Mode.LEARN, seed=2, bank_id="demo", count=2)
    assert sorted(ids(pick_questions(library, learn, strength=unseen_then_weakest))) == ["demo.multi",
                                                                                         "demo.number"]


def test_an_exam_samples_the_bank_whatever_was_seen(library: Library) -> None:
    seen = {"demo.choice": (1.0, 1.0), "demo.multi": (1.0, 1.0), "demo.tf": (1.0, 1.0), "demo.short": (1.0, 1.0)}
    picks = {
        tuple(sorted(ids(pick_questions(library, RoundSettings(mode=Mode.EXAM, seed=s, bank_id="demo", count=3),
                                        strength=seen))))
        for s in range(1, 12)
    }
    assert any(set(pick) & set(seen) for pick in picks)
