"""Typed answers are matched forgivingly; partial credit follows the documented rules."""

from __future__ import annotations

import pytest

from quiz.bank.answers import check, correct_response, fold, known_answers, normalise
from quiz.bank.model import (
    Choice,
    ChoiceQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    Pair,
    ShortQuestion,
    SourceRef,
    TrueFalseQuestion,
)

COMMON = {"prompt": "p", "explanation": "e", "source": (SourceRef(source="s"),)}


@pytest.mark.parametrize(
    ("typed", "accepted"),
    [
        ("leposavic", "Leposavić"),
        ("  LEPOSAVIĆ ", "Leposavić"),
        ("Zvecan", "Zvečan"),
        ("zubin-potok", "Zubin Potok"),
        ("Đakovica", "djakovica".replace("dj", "d")),
        ("U.N.M.I.K.", "UNMIK"),
        ("Banjske", "Banjskë"),
    ],
)
def test_short_answers_ignore_case_diacritics_punctuation_spacing(typed: str, accepted: str) -> None:
    question = ShortQuestion(id="q", answers=(accepted,), **COMMON)
    assert check(question, typed).score == 1.0


def test_short_answer_that_differs_is_wrong() -> None:
    question = ShortQuestion(id="q", answers=("Leposavić", "Leposaviq"), **COMMON)
    assert check(question, "Leposa").score == 0.0  # two letters short: more than one typo
    assert check(question, "").score == 0.0
    assert check(question, "leposaviq").correct


def test_normalise_ignores_sentence_punctuation_only() -> None:
    assert normalise("  Resolution   1244! ") == "resolution1244"
    assert fold("  Resolution   1244! ") == "resolution 1244"
    assert normalise("COVID-19") == normalise("covid 19") and normalise("L'Aquila.") == normalise("laquila")


@pytest.mark.parametrize(("typed", "accepted"), [
        ("1", "-1"), ("C", "C++"), ("C", "C#"), ("35", "3.5"), ("12", "1-2"), ("12", "1/2"), ("1030", "10:30"),
    ],
)
def test_signs_and_symbols_that_change_the_meaning_count(typed: str, accepted: str) -> None:
    question = ShortQuestion(id="q", answers=(accepted,), **COMMON)
    assert check(question, typed).score == 0.0
    assert check(question, f" {accepted.upper()} ").score == 1.0


def test_a_choice_with_credit_scores_its_credit() -> None:
    choices = (Choice(text="wrong"), Choice(text="half", credit=0.5), Choice(text="full"))
    question = ChoiceQuestion(id="q", choices=choices, answer="full", **COMMON)
    assert [check(question, c.text).score for c in choices] == [0.0, 0.5, 1.0]
    assert not check(question, "half").correct


def test_a_range_written_in_decimal_includes_both_ends() -> None:
    question = NumberQuestion(id="q", answer=3.1415, tolerance=0.0005, **COMMON)
    assert [check(question, v).score for v in ("3.141", "3.142", 3.141, 3.142, "3.1409", "3.1421")] == [
        1.0, 1.0, 1.0, 1.0, 0.0, 0.0]
    assert check(question, "nan").score == 0.0 and check(question, float("inf")).score == 0.0


def test_choice_and_truefalse_score_all_or_nothing() -> None:
    choice = ChoiceQuestion(id="q", choices=(Choice(text="A"), Choice(text="B")), answer="B", **COMMON)
    assert (check(choice, "B").score, check(choice, "A").score) == (1.0, 0.0)
    statement = TrueFalseQuestion(id="t", answer=False, **COMMON)
    assert (check(statement, False).score, check(statement, True).score) == (1.0, 0.0)


def test_multi_partial_credit_subtracts_wrong_picks() -> None:
    question = MultiQuestion(id="q", choices=tuple(Choice(text=t) for t in "ABCD"), answers=("A", "B"), **COMMON)
    assert check(question, ("A", "B")).score == 1.0
    assert check(question, ("A",)).score == 0.5
    assert check(question, ("A", "C")).score == 0.0
    assert check(question, ("C", "D")).score == 0.0


def test_order_scores_pairs_in_the_right_relative_order() -> None:
    question = OrderQuestion(id="q", items=("1", "2", "3", "4"), **COMMON)
    assert check(question, ("1", "2", "3", "4")).score == 1.0
    assert check(question, ("2", "1", "3", "4")).score == pytest.approx(5 / 6, abs=1e-6)
    assert check(question, ("4", "3", "2", "1")).score == 0.0
    assert check(question, ("1", "2", "3")).score == 0.0


def test_match_scores_the_share_of_right_pairs() -> None:
    pairs = (Pair(left="Kurti", right="PM"), Pair(left="Osmani", right="President"), Pair(left="Vučić", right="Serbia"))
    question = MatchQuestion(id="q", pairs=pairs, **COMMON)
    assert check(question, {"Kurti": "PM", "Osmani": "President", "Vučić": "Serbia"}).score == 1.0
    assert check(question, {"Kurti": "President", "Osmani": "PM", "Vučić": "Serbia"}).score == pytest.approx(1 / 3,
                                                                                                          abs=1e-6)


def test_number_within_tolerance() -> None:
    question = NumberQuestion(id="q", answer=78, tolerance=1, **COMMON)
    assert [check(question, value).score for value in (77, 78, 79, 80)] == [1.0, 1.0, 1.0, 0.0]
    assert check(question, "78").score == 1.0
    assert check(question, "seventy").score == 0.0


def test_correct_response_scores_one_for_every_type() -> None:
    questions = [
        ChoiceQuestion(id="a", choices=(Choice(text="A"), Choice(text="B")), answer="A", **COMMON),
        MultiQuestion(id="b", choices=(Choice(text="A"), Choice(text="B")), answers=("B",), **COMMON),
        TrueFalseQuestion(id="c", answer=True, **COMMON),
        ShortQuestion(id="d", answers=("x",), **COMMON),
        OrderQuestion(id="e", items=("1", "2", "3"), **COMMON),
        MatchQuestion(id="f", pairs=tuple(Pair(left=str(i), right=str(-i)) for i in range(3)), **COMMON),
        NumberQuestion(id="g", answer=1999, **COMMON),
    ]
    assert [check(q, correct_response(q)).score for q in questions] == [1.0] * 7


def test_one_typo_in_a_long_word_is_accepted_and_says_the_spelling() -> None:
    question = ShortQuestion(id="q", answers=("Albanians",), **COMMON)
    for typed in ("Albanains", "Albanian", "Albanianss", "Alnanians"):
        verdict = check(question, typed)
        assert verdict.correct and verdict.spelled == "Albanians", typed
    assert check(question, "Albanians").spelled is None  # right as typed: nothing to say
    assert not check(question, "Albanaisn").correct  # two typos
    two_words = ShortQuestion(id="q", answers=("Zubin Potok",), **COMMON)
    assert check(two_words, "zubin potk").spelled == "Zubin Potok"


def test_no_typo_is_forgiven_in_short_words_digits_known_answers_or_when_the_bank_says_no() -> None:
    assert not check(ShortQuestion(id="q", answers=("KFOR",), **COMMON), "KFPR").correct
    assert not check(ShortQuestion(id="q", answers=("1244",), **COMMON), "1243").correct
    assert not check(ShortQuestion(id="q", answers=("UN 1244",), **COMMON), "UN 1245").correct
    serbian = ShortQuestion(id="q", answers=("Serbian",), **COMMON)
    assert check(serbian, "Serbia").correct  # no bank knowledge: a typo
    country = ChoiceQuestion(id="c", choices=(Choice(text="Serbia"), Choice(text="Kosovo")), answer="Serbia", **COMMON)
    known = known_answers([serbian, country])
    assert not check(serbian, "Serbia", known - {"serbian"}).correct  # a known answer in its own right
    assert check(ShortQuestion(id="q", answers=("1/2",), **COMMON), "1 / 2").correct
    assert check(ShortQuestion(id="q", answers=("10:30",), **COMMON), "10 : 30").correct
    signed = ShortQuestion(id="q", answers=("-10 degrees",), **COMMON)
    assert not check(signed, "10 degress").correct  # the typo is forgiven only when the sign is right
    assert check(signed, "-10 degress").spelled == "-10 degrees"
    strict = ShortQuestion(id="q", answers=("Albanians",), typos=False, **COMMON)
    assert not check(strict, "Albanains").correct
