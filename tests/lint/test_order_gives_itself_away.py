"""order-gives-itself-away: order items that carry their dates."""

from __future__ import annotations

from tests.lint.conftest import flaws


def order(*items: str) -> str:
    listed = "".join(f'    - "{item}"\n' for item in items)
    return (f"- id: o1\n  type: order\n  prompt: Put these in order.\n  items:\n{listed}"
            "  explanation: The treaty came first, then the vote and the deal.\n  source: report\n")


def test_items_each_dated_in_order_are_flagged() -> None:
    [problem] = flaws("order-gives-itself-away", order("Talks (March 1999)", "Agreement (9 June 1999)",
                                                       "Declaration (February 2008)"))
    assert "3 of the 3 items carry their date" in problem.message and problem.line == 15


def test_all_but_one_dated_of_four_is_flagged() -> None:
    assert flaws("order-gives-itself-away", order("Talks (1999)", "Agreement", "Declaration (2008)",
                                                  "Deal (2013)")) != []


def test_undated_items_pass() -> None:
    assert flaws("order-gives-itself-away", order("Talks", "Agreement", "Declaration")) == []


def test_dates_that_do_not_follow_the_order_pass() -> None:
    assert flaws("order-gives-itself-away", order("Small (2008)", "Bigger (1999)", "Biggest (2013)")) == []


def test_resolution_numbers_are_not_years() -> None:
    assert flaws("order-gives-itself-away", order("Resolution 1160", "Resolution 1199", "Resolution 1244")) == []
