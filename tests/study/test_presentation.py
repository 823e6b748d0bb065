"""Shuffled layouts are fixed by the seed, and an order or match question never starts solved."""

from __future__ import annotations

from quiz.bank.model import MatchQuestion, OrderQuestion
from quiz.study.presentation import present
from tests.support.banks import every_type


def test_choices_are_a_permutation_fixed_by_seed() -> None:
    choice = every_type()[0]
    layouts = {tuple(c.text for c in present(choice, seed).choices) for seed in range(20)}
    assert all(sorted(layout) == sorted(c.text for c in choice.choices) for layout in layouts)
    assert len(layouts) > 1
    assert present(choice, 7) == present(choice, 7)


def test_order_and_match_never_start_in_the_right_order() -> None:
    order = next(q for q in every_type() if isinstance(q, OrderQuestion))
    match = next(q for q in every_type() if isinstance(q, MatchQuestion))
    for seed in range(50):
        assert present(order, seed).items != order.items
        assert sorted(present(order, seed).items) == sorted(order.items)
        assert present(match, seed).rights != tuple(pair.right for pair in match.pairs)
