"""One module per rule, each of the same shape (see quiz.lint.rule.Rule); RULES lists them in docs order."""

from __future__ import annotations

from quiz.lint.rule import Rule
from quiz.lint.rules import (
    absolute_in_distractor,
    all_or_none_of_the_above,
    blank_in_stem,
    duplicate_prompt,
    explanation_restates_answer,
    grammatical_cue,
    hint_gives_answer,
    key_repeats_stem,
    longest_key,
    order_gives_itself_away,
    overlapping_choices,
    truefalse_share,
    unemphasised_negative,
    unordered_numbers,
    vague_terms,
)

RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in map(Rule.from_module, (
        longest_key,
        all_or_none_of_the_above,
        unemphasised_negative,
        absolute_in_distractor,
        grammatical_cue,
        key_repeats_stem,
        blank_in_stem,
        unordered_numbers,
        overlapping_choices,
        vague_terms,
        order_gives_itself_away,
        hint_gives_answer,
        truefalse_share,
        duplicate_prompt,
        explanation_restates_answer,
    ))
}
"""Every rule by its id."""
