"""A file of many broken items costs a bounded memory and report: the first problems kept, the rest counted."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.bank.load import load_paths
from quiz.bank.problems import DEFAULT_MAX_PROBLEMS, MAX_COUNTED
from tests.bank.conftest import CHOICE, HEADER
from tests.benchmarks.peak_memory import PEAK_KIB

Validate = Callable[..., tuple[int, str]]


def flow_of_scalars(count: int) -> str:
    return HEADER.replace("questions:\n", "questions: [") + "a," * count + "a]\n"


def test_only_the_first_problems_are_kept_and_the_rest_counted(write_bank: Callable[..., Path]) -> None:
    result = load_paths([write_bank(flow_of_scalars(999))])
    assert len(result.problems) == DEFAULT_MAX_PROBLEMS + 1
    *kept, more = result.problems
    assert {problem.code for problem in kept} == {"wrong-type"}
    assert (more.code, more.hidden) == ("more-problems", 1000 - DEFAULT_MAX_PROBLEMS)
    assert more.message.startswith("and 800 more problems in this file")


def test_max_problems_sets_the_cap_and_the_summary_counts_the_rest(
    write_bank: Callable[..., Path], validate: Validate
) -> None:
    code, out = validate("--max-problems", "3", write_bank(flow_of_scalars(9)))
    assert code == 1
    lines = out.splitlines()
    assert len([line for line in lines if "error[wrong-type]" in line]) == 3
    assert "error[more-problems]: and 7 more problems in this file" in out
    assert lines[-1] == "1 file checked: 3 errors, 0 warnings, and 7 more not shown"
    _, as_json = validate("--format", "json", "--max-problems", "3", write_bank(flow_of_scalars(9)))
    assert json.loads(as_json)["not_shown"] == 7


def test_warnings_over_the_cap_leave_a_bank_usable(write_bank: Callable[..., Path]) -> None:
    untagged = "".join(CHOICE.replace("demo.q1", f"demo.q{n}").replace("    tags: [attack]\n", "")
                       for n in range(5))
    path = write_bank(HEADER + untagged)
    result = load_paths([path], max_problems=2)
    assert result.ok and len(result.banks) == 1
    assert [problem.code for problem in result.problems] == ["no-tags", "no-tags", "more-problems"]
    assert result.problems[-1].severity == "warning"


@pytest.mark.parametrize("option", ["--max-size", "--max-problems"])
@pytest.mark.parametrize("value", ["0", "-1", "many"])
def test_limits_must_be_positive_whole_numbers(
    write_bank: Callable[..., Path], validate: Validate, option: str, value: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        validate(option, value, write_bank(HEADER + CHOICE))
    assert exit_.value.code == 2


@pytest.mark.parametrize("value", ["0", "-1"])
def test_lint_limits_the_size_the_same_way(write_bank: Callable[..., Path], value: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from quiz.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["lint", "--max-size", value, str(write_bank(HEADER + CHOICE))])
    assert exit_.value.code == 2 and "is not positive" in capsys.readouterr().err


def test_a_megabyte_of_broken_items_stays_small(tmp_path: Path) -> None:
    path = tmp_path / "flow.yaml"
    path.write_text(flow_of_scalars(500_000), encoding="utf-8")
    script = ("import sys; from quiz.cli import main; code = main(['validate', sys.argv[1]]); "
              f"print({PEAK_KIB}, file=sys.stderr); raise SystemExit(code)")
    run = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=False)
    assert run.returncode == 1
    assert len(run.stdout) < 100_000
    peak_mib = int(run.stderr.split()[-1]) / 1024
    assert peak_mib < 120, f"peak {peak_mib:.0f} MiB"


def test_a_message_quoting_a_huge_value_stays_short(write_bank: Callable[..., Path], validate: Validate) -> None:
    code, out = validate(write_bank(HEADER.replace("title: Demo bank", "title: " + "9" * 100_000) + CHOICE))
    assert code == 1 and "wrong-type" in out
    assert len(out) < 2000


def test_past_ten_thousand_counted_problems_the_rest_is_only_parsed_and_the_count_says_at_least(
    write_bank: Callable[..., Path], validate: Validate
) -> None:
    path = write_bank(flow_of_scalars(MAX_COUNTED * 3))
    result = load_paths([path])
    *kept, more = result.problems
    assert len(kept) == DEFAULT_MAX_PROBLEMS and not result.ok
    assert more.hidden == MAX_COUNTED and not more.all_counted
    assert more.message.startswith(f"and at least {MAX_COUNTED} more problems in this file")
    assert "only the YAML syntax was checked" in more.message
    code, out = validate(path)
    assert code == 1 and out.splitlines()[-1].endswith(f"and at least {MAX_COUNTED} more not shown")
    _, as_json = validate("--format", "json", path)
    assert json.loads(as_json)["all_counted"] is False


def test_a_file_under_the_count_is_counted_exactly(write_bank: Callable[..., Path], validate: Validate) -> None:
    _, as_json = validate("--format", "json", write_bank(flow_of_scalars(MAX_COUNTED // 2)))
    document = json.loads(as_json)
    assert (document["not_shown"], document["all_counted"]) == (MAX_COUNTED // 2 + 1 - DEFAULT_MAX_PROBLEMS, True)


def test_a_syntax_error_after_counting_stopped_is_still_reported_and_shown(
    write_bank: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("quiz.bank.load.MAX_COUNTED", 5)
    broken = HEADER.replace("questions:\n", "questions: [") + "a, " * 300 + "\n  a, [b}\n"
    result = load_paths([write_bank(broken)], max_problems=3)
    codes = [problem.code for problem in result.problems]
    assert codes.count("yaml-syntax") == 1 and codes.count("wrong-type") == 2 and codes[-1] == "more-problems"


def test_a_flood_of_duplicate_keys_stops_being_checked_too(
    write_bank: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("quiz.bank.load.MAX_COUNTED", 10)
    result = load_paths([write_bank("{" + "a: 1, " * 500 + "a: 1}\n")], max_problems=5)
    *kept, more = result.problems
    assert [problem.code for problem in kept] == ["duplicate-key"] * 5
    assert (more.hidden, more.all_counted) == (10, False)
