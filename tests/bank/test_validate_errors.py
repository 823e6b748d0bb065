"""Every kind of error the validator reports, each at the position of the offending node."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.bank.conftest import CHOICE, HEADER

Problems = Callable[[Path], list[dict[str, object]]]


def where(problems: list[dict[str, object]], code: str) -> list[tuple[object, object]]:
    return [(p["line"], p["column"]) for p in problems if p["code"] == code]


def test_valid_bank_has_no_problems(write_bank: Callable[..., Path], problems_of: Problems) -> None:
    assert problems_of(write_bank(HEADER + CHOICE)) == []


def test_yaml_syntax_error_points_at_the_colon_inside_unquoted_text(write_bank, problems_of: Problems) -> None:
    text = HEADER + CHOICE.replace("prompt: Which town?", "prompt: Kurti said: it is ongoing")
    (problem,) = problems_of(write_bank(text))
    assert problem["code"] == "yaml-syntax"
    assert (problem["line"], problem["column"]) == (13, 23)
    assert "quotes" in problem["hint"]


def test_duplicate_key_reports_second_occurrence(write_bank, problems_of: Problems) -> None:
    text = HEADER + CHOICE.replace("    explanation:", "    answer: Zvečan\n    explanation:")
    problems = problems_of(write_bank(text))
    assert where(problems, "duplicate-key") == [(16, 5)]
    assert "first at line 15" in problems[0]["message"]


def test_unknown_field_suggests_the_close_name(write_bank, problems_of: Problems) -> None:
    text = HEADER + CHOICE.replace("    explanation:", "    explaination:")
    problems = problems_of(write_bank(text))
    assert where(problems, "unknown-field") == [(16, 5)]
    assert "did you mean 'explanation'?" in next(p["hint"] for p in problems if p["code"] == "unknown-field")
    assert where(problems, "missing-field") == [(11, 5)]


def test_wrong_types_are_reported_at_the_value(write_bank, problems_of: Problems) -> None:
    text = HEADER + CHOICE.replace("    tags: [attack]", '    tags: [attack]\n    difficulty: "2"')
    text = text.replace("choices: [Leposavić, Zvečan, Zubin Potok]", "choices: Leposavić")
    problems = problems_of(write_bank(text))
    assert where(problems, "wrong-type") == [(14, 14), (19, 17)]


def test_number_where_text_is_expected_asks_for_quotes(write_bank, problems_of: Problems) -> None:
    text = HEADER + CHOICE.replace("[Leposavić, Zvečan, Zubin Potok]", "[1998, 1999, 2000]")
    text = text.replace("answer: Leposavić", 'answer: "1999"')
    (problem, *_) = problems_of(write_bank(text))
    assert (problem["code"], problem["line"], problem["column"]) == ("wrong-type", 14, 15)
    assert "quotes" in problem["hint"]


def test_answer_not_among_choices_suggests_the_close_one(write_bank, problems_of: Problems) -> None:
    text = HEADER + CHOICE.replace("answer: Leposavić", "answer: Leposavic")
    (problem,) = problems_of(write_bank(text))
    assert (problem["code"], problem["line"], problem["column"]) == ("answer-not-in-choices", 15, 13)
    assert problem["hint"] == "did you mean 'Leposavić'?"


def test_duplicate_choice_points_at_the_repeat(write_bank, problems_of: Problems) -> None:
    text = HEADER + CHOICE.replace("[Leposavić, Zvečan, Zubin Potok]", '[Leposavić, Zvečan, " LEPOSAVIĆ"]')
    problems = problems_of(write_bank(text))
    assert where(problems, "duplicate-choice") == [(14, 34)]


def test_choices_that_differ_in_a_symbol_or_a_sign_are_different(write_bank, problems_of: Problems) -> None:
    text = HEADER + CHOICE.replace("[Leposavić, Zvečan, Zubin Potok]", '[Leposavić, Leposavic, "C#"]')
    assert problems_of(write_bank(text)) == []
    text = HEADER + CHOICE.replace("[Leposavić, Zvečan, Zubin Potok]", '[C++, C, "C#"]')
    assert problems_of(write_bank(text.replace("answer: Leposavić", "answer: C"))) == []


def test_tags_take_any_script_in_lower_case_but_ids_stay_ascii(write_bank, problems_of: Problems) -> None:
    assert problems_of(write_bank(HEADER + CHOICE.replace("tags: [attack]", "tags: [глоссарий, gjeografi]"))) == []
    assert problems_of(write_bank(HEADER + CHOICE.replace("tags: [attack]", "tags: [हिन्दी, বাংলা]"))) == []
    problems = problems_of(write_bank(HEADER + CHOICE.replace("tags: [attack]", "tags: [ГЛОССАРИЙ]")))
    assert [p["code"] for p in problems] == ["bad-tag"]
    assert "'глоссарий'" in problems[0]["hint"]
    problems = problems_of(write_bank(HEADER + CHOICE.replace("id: ", "id: глоссарий.", 1)))
    assert "bad-id" in [p["code"] for p in problems]


def test_credit_counts_only_in_a_choice_question(write_bank, problems_of: Problems) -> None:
    credit = "[Leposavić, {text: Zvečan, credit: 0.5}, Zubin Potok]"
    assert problems_of(write_bank(HEADER + CHOICE.replace("[Leposavić, Zvečan, Zubin Potok]", credit))) == []
    too_much = credit.replace("0.5", "1.5")
    problems = problems_of(write_bank(HEADER + CHOICE.replace("[Leposavić, Zvečan, Zubin Potok]", too_much)))
    assert [p["code"] for p in problems] == ["out-of-range"]


def test_source_reference_must_resolve(write_bank, problems_of: Problems) -> None:
    text = HEADER + CHOICE.replace("source: report#p6", "source: [report#p6, reprot#p2]")
    problems = problems_of(write_bank(text))
    assert where(problems, "unknown-source") == [(17, 25)]
    assert "did you mean 'report'?" in problems[0]["hint"]


def test_malformed_source_reference(write_bank, problems_of: Problems) -> None:
    text = HEADER + CHOICE.replace("source: report#p6", "source: report#6")
    assert where(problems_of(write_bank(text)), "bad-source-ref") == [(17, 13)]


def test_empty_prompt(write_bank, problems_of: Problems) -> None:
    text = HEADER + CHOICE.replace("prompt: Which town?", 'prompt: "  "')
    assert where(problems_of(write_bank(text)), "empty-text") == [(13, 13)]


def test_missing_prompt_value_counts_as_empty(write_bank, problems_of: Problems) -> None:
    text = HEADER + CHOICE.replace("prompt: Which town?", "prompt:")
    assert where(problems_of(write_bank(text)), "empty-text") == [(13, 12)]


def test_difficulty_out_of_range(write_bank, problems_of: Problems) -> None:
    text = HEADER + CHOICE.replace("    tags: [attack]", "    tags: [attack]\n    difficulty: 4")
    problems = problems_of(write_bank(text))
    assert where(problems, "out-of-range") == [(19, 17)]
    assert "from 1 to 3" in problems[0]["message"]


def test_order_needs_three_items(write_bank, problems_of: Problems) -> None:
    question = """\
  - id: demo.order
    type: order
    prompt: Put them in order.
    items: [first, second]
    explanation: Because.
    source: report
    tags: [t]
"""
    assert where(problems_of(write_bank(HEADER + question)), "too-few-items") == [(14, 12)]


def test_unknown_question_type_suggests(write_bank, problems_of: Problems) -> None:
    text = HEADER + CHOICE.replace("type: choice", "type: choise")
    problems = problems_of(write_bank(text))
    assert where(problems, "unknown-type") == [(12, 11)]
    assert problems[0]["hint"] == "did you mean 'choice'?"


def test_duplicate_question_id_within_a_bank(write_bank, problems_of: Problems) -> None:
    problems = problems_of(write_bank(HEADER + CHOICE + CHOICE))
    assert where(problems, "duplicate-id") == [(19, 9)]


def test_duplicate_question_id_across_files(write_bank, validate) -> None:
    first = write_bank(HEADER + CHOICE, "a.yaml")
    write_bank(HEADER.replace("id: demo", "id: other") + CHOICE, "b.yaml")
    code, output = validate(first.parent)
    assert code == 1
    assert f"{first.parent / 'b.yaml'}:11:9: error[duplicate-id]: question id 'demo.q1' is already used in " in output
    assert "a.yaml:11" in output


def test_all_problems_are_reported_in_one_run(write_bank, problems_of: Problems) -> None:
    broken = CHOICE.replace("answer: Leposavić", "answer: Pristina").replace("demo.q1", "demo.q2")
    text = HEADER + CHOICE.replace("    tags: [attack]", "    tags: [attack]\n    difficulty: 9") + broken
    codes = {p["code"] for p in problems_of(write_bank(text))}
    assert {"out-of-range", "answer-not-in-choices"} <= codes


def test_python_tag_is_refused_and_never_run(write_bank, problems_of: Problems, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = HEADER + CHOICE.replace(
        "prompt: Which town?", f'prompt: !!python/object/apply:os.system ["touch {marker}"]'
    )
    problems = problems_of(write_bank(text))
    assert where(problems, "unsafe-tag") == [(13, 13)]
    assert not marker.exists()


def test_alias_bomb_is_refused_fast(write_bank, problems_of: Problems) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}" + f",*{chr(97 + i)}" * 8 + "]" for i in range(8)]
    started = time.perf_counter()
    problems = problems_of(write_bank("\n".join(lines)))
    assert time.perf_counter() - started < 2
    assert where(problems, "anchor")[0] == (1, 4)


def test_file_over_the_size_limit_is_refused(write_bank, validate) -> None:
    path = write_bank(HEADER + CHOICE)
    code, output = validate("--max-size", "100", path)
    assert code == 1
    assert f"{path}:1:1: error[file-too-large]" in output


def test_non_utf8_bytes_are_positioned(tmp_path: Path, problems_of: Problems) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes((HEADER + CHOICE).replace("Zvečan", "Zve\u010dan").encode().replace(b"Zubin", b"Zub\xe9n"))
    (problem,) = problems_of(path)
    assert (problem["code"], problem["line"], problem["column"]) == ("not-utf8", 14, 37)


@pytest.mark.parametrize("content", ["", "   \n\n", "# only a comment\n"])
def test_empty_file(write_bank, problems_of: Problems, content: str) -> None:
    (problem,) = problems_of(write_bank(content))
    assert problem["code"] == "empty-file"


def test_top_level_list_is_refused(write_bank, problems_of: Problems) -> None:
    (problem,) = problems_of(write_bank("- id: q1\n- id: q2\n"))
    assert (problem["code"], problem["line"], problem["column"]) == ("not-a-bank", 1, 1)


def test_byte_order_mark_and_crlf_are_fine(tmp_path: Path, problems_of: Problems) -> None:
    path = tmp_path / "windows.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + CHOICE).replace("\n", "\r\n").encode())
    assert problems_of(path) == []


def test_second_document_is_refused(write_bank, problems_of: Problems) -> None:
    problems = problems_of(write_bank(HEADER + CHOICE + "---\nformat: 1\n"))
    assert where(problems, "multiple-documents") == [(19, 1)]


def test_newer_format_asks_to_upgrade(write_bank, problems_of: Problems) -> None:
    (problem,) = problems_of(write_bank(HEADER.replace("format: 1", "format: 2") + CHOICE))
    assert (problem["code"], problem["line"], problem["column"]) == ("unsupported-format", 1, 9)
    assert "upgrade" in problem["hint"]


def test_control_character_is_positioned(write_bank, problems_of: Problems) -> None:
    text = HEADER + CHOICE.replace("Which town?", "Which\x07 town?")
    (problem,) = problems_of(write_bank(text))
    assert (problem["code"], problem["line"], problem["column"]) == ("bad-character", 13, 18)


def test_absurd_nesting_is_a_syntax_error_not_a_crash(write_bank, problems_of: Problems) -> None:
    (problem,) = problems_of(write_bank("a: " + "[" * 50_000 + "]" * 50_000 + "\n"))
    assert problem["code"] == "yaml-syntax"
    assert problem["line"] == 1


def test_pure_python_parser_gives_the_same_positions(write_bank, problems_of: Problems, monkeypatch) -> None:
    import yaml

    from quiz.bank import yaml_tree

    text = HEADER + CHOICE.replace("Which town?", "Which\x07 town?")
    with_c = problems_of(write_bank(text))
    monkeypatch.setattr(yaml_tree, "_Parser", yaml.SafeLoader)
    assert problems_of(write_bank(text)) == with_c
    duplicate = HEADER + CHOICE.replace("    explanation:", "    answer: Zvečan\n    explanation:")
    assert where(problems_of(write_bank(duplicate)), "duplicate-key") == [(16, 5)]
    assert problems_of(write_bank(HEADER + CHOICE)) == []
