"""key-repeats-stem: a prompt word that only the key repeats."""

from __future__ import annotations

from tests.lint.conftest import choice, flaws


def test_word_shared_only_by_prompt_and_key_is_flagged_at_the_key() -> None:
    [problem] = flaws("key-repeats-stem", choice(
        "Which mission did the European Union send?", ["EULEX", "the European Union's mission", "OSCE"],
        "the European Union's mission"))
    assert problem.line == 16
    assert "'european', 'mission', 'union'" in problem.message


def test_plural_and_accents_are_ignored_when_matching() -> None:
    [problem] = flaws("key-repeats-stem", choice("Where were the troops sent?", ["A troop in Zvečan", "Pristina"],
                                                 "A troop in Zvečan"))
    assert "'troop'" in problem.message


def test_word_also_in_a_distractor_passes() -> None:
    assert flaws("key-repeats-stem", choice(
        "Which mission did the European Union send?",
        ["the European Union's rule of law mission", "the European Union's police mission"],
        "the European Union's rule of law mission")) == []


def test_short_and_function_words_do_not_count() -> None:
    question = choice("Who was in the north?", ["KFOR was in it", "UNMIK"], "KFOR was in it")
    assert flaws("key-repeats-stem", question) == []


def test_month_names_are_not_cues() -> None:
    question = choice("What happened in late September 2023?", ["Troops arrived in September", "Talks resumed"],
                      "Troops arrived in September")
    assert flaws("key-repeats-stem", question) == []


def test_a_word_in_more_than_a_tenth_of_the_prompts_is_the_topic_not_a_cue() -> None:
    cue = choice("Who policed Kosovo?", ["Kosovo police", "KFOR", "EULEX"], "Kosovo police")
    others = "".join(choice(f"Question {n} about Kosovo?", ["Yes", "No"], "Yes", qid=f"k{n}") for n in range(20))
    fillers = "".join(choice(f"Question {n} about Serbia?", ["Yes", "No"], "Yes", qid=f"s{n}") for n in range(20))
    assert [p.question for p in flaws("key-repeats-stem", cue + fillers)] == ["q1"]
    assert flaws("key-repeats-stem", cue + others) == []
