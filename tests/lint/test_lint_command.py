"""`quiz lint` as a user runs it: formats, exit codes, allowances with reasons, stale allowances."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from quiz.bank.fingerprint import content_hash, legacy_content_hash
from quiz.bank.model import LintAllowance
from quiz.cli import main
from quiz.lint.run import lint_banks
from tests.lint.conftest import HEADER, bank, choice
from tests.support.banks import every_type, make_bank

LONG = "An international civil and security presence under UN authority"
FLAWED = choice("What did it set up?", ["A NATO base", "A province", LONG], LONG)
CLEAN = choice("Who led the LDK?", ["Ibrahim Rugova", "Hashim Thaçi", "Albin Kurti"], "Ibrahim Rugova")


def allowing(question: str, codes: str, because: str = "The key must attribute every label.") -> str:
    return question + f"  lint:\n    allow: {codes}\n    because: \"{because}\"\n"


@pytest.fixture
def write(tmp_path: Path):
    def write(questions: str, name: str = "bank.yaml", bank_id: str = "demo") -> Path:
        path = tmp_path / name
        indented = "".join(f"  {line}\n" for line in questions.splitlines())
        path.write_text(HEADER.format(bank_id=bank_id) + indented, encoding="utf-8")
        return path
    return write


@pytest.fixture
def lint(capsys: pytest.CaptureFixture[str]):
    def run(*args: str | Path) -> tuple[int, str]:
        code = main(["lint", *map(str, args)])
        captured = capsys.readouterr()
        return code, captured.out + captured.err
    return run


def test_a_flaw_is_a_warning_with_position_and_hint_that_only_strict_fails(write, lint) -> None:
    path = write(FLAWED)
    code, output = lint(path)
    first, hint, summary = output.strip().splitlines()
    assert code == 0
    assert first.startswith(f"{path}:17:9: warning[longest-key]: question 'q1': the right answer is 63")
    assert hint.startswith("    hint: make the wrong choices as long")
    assert summary == "1 file checked: 0 errors, 1 warning"
    assert lint("--strict", path)[0] == 1


def test_a_clean_bank_passes_strict(write, lint) -> None:
    assert lint("--strict", write(CLEAN)) == (0, "1 file checked: all valid\n")


def test_json_lists_problems_with_code_and_question(write, lint) -> None:
    code, output = lint("--format", "json", write(FLAWED))
    document = json.loads(output)
    assert (code, document["warnings"], document["errors"]) == (0, 1, 0)
    assert {key: document["problems"][0][key] for key in ("code", "question", "line")} == {
        "code": "longest-key", "question": "q1", "line": 17}


def test_github_format_annotates_the_line(write, lint) -> None:
    path = write(FLAWED)
    assert lint("--format", "github", path)[1].startswith(
        f"::warning file={path},line=17,col=9,title=quiz longest-key::")


def test_an_allowed_flaw_with_a_reason_passes_strict(write, lint) -> None:
    assert lint("--strict", write(allowing(FLAWED, "[longest-key]")))[0] == 0
    assert lint("--strict", write(allowing(FLAWED, "longest-key")))[0] == 0


def test_allowing_one_code_does_not_allow_another(write, lint) -> None:
    question = allowing(choice("Which is not in the north?", ["A NATO base", "A province", LONG], LONG),
                        "longest-key")
    code, output = lint("--strict", write(question))
    assert code == 1
    assert "warning[unemphasised-negative]" in output and "longest-key" not in output


def test_an_allowance_that_matches_no_flaw_is_reported_as_stale(write, lint) -> None:
    path = write(allowing(CLEAN, "[longest-key, vague-terms]"))
    code, output = lint(path)
    assert code == 0
    lines = [line for line in output.splitlines() if "stale-allow" in line]
    assert [line.split("allows ")[1].split(",")[0] for line in lines] == ["'longest-key'", "'vague-terms'"]
    assert lines[0].startswith(f"{path}:22:7: warning[stale-allow]: question 'q1':")
    assert lint("--strict", path)[0] == 1


def test_an_unknown_code_is_a_validate_error_with_a_suggestion(write, lint, capsys) -> None:
    path = write(allowing(FLAWED, "[longest-keys]"))
    assert main(["validate", str(path)]) == 1
    output = capsys.readouterr().out
    assert "error[unknown-value]: question 'q1': lint.allow[0] 'longest-keys' is not one of:" in output
    assert "hint: did you mean 'longest-key'?" in output
    code, lint_output = lint("--strict", path)
    assert code == 1 and "error[unknown-value]" in lint_output


def test_an_empty_reason_is_a_validate_error(write, capsys) -> None:
    path = write(allowing(FLAWED, "[longest-key]", because=" "))
    assert main(["validate", str(path)]) == 1
    assert "error[empty-text]: question 'q1': lint.because is empty" in capsys.readouterr().out


def test_a_bank_wide_flaw_cannot_be_allowed_in_a_question(write, capsys) -> None:
    path = write(allowing(CLEAN, "[truefalse-share]"))
    assert main(["validate", str(path)]) == 1
    assert "'truefalse-share' is not one of" in capsys.readouterr().out


def test_duplicates_are_found_across_the_files_given(write, lint) -> None:
    first = write(CLEAN, "a.yaml", "bank-a")
    second = write(CLEAN.replace("id: q1", "id: q2"), "b.yaml", "bank-b")
    code, output = lint("--strict", first, second)
    assert code == 1
    assert f"{second}:13:13: warning[duplicate-prompt]: question 'q2': the prompt repeats" in output


def test_an_oversized_file_is_an_error_as_in_validate(write, lint) -> None:
    code, output = lint("--max-size", "100", write(CLEAN))
    assert code == 1 and "error[file-too-large]" in output


def test_missing_path_is_bad_usage(tmp_path: Path, lint) -> None:
    code, output = lint(tmp_path / "nope.yaml")
    assert code == 2 and "no such file or folder" in output


def test_allowing_a_flaw_keeps_the_learners_progress() -> None:
    plain = bank(FLAWED).questions[0]
    allowed = bank(allowing(FLAWED, "[longest-key]")).questions[0]
    assert allowed.lint is not None and content_hash(allowed) == content_hash(plain)
    assert legacy_content_hash(allowed) == legacy_content_hash(plain), "hashes stored by quiz 0.1 still match"


def test_lint_does_not_import_textual(write) -> None:
    probe = ("import sys; from quiz.cli import main; code = main(['lint', sys.argv[1]]); "
             "print('textual' in sys.modules, sorted(m for m in sys.modules if m.startswith('quiz.commands.')))")
    result = subprocess.run([sys.executable, "-c", probe, str(write(CLEAN))], capture_output=True, text=True,
                            check=True)
    assert result.stdout.splitlines()[-1] == "False ['quiz.commands.lint']"


def test_every_question_type_is_linted_and_an_allowance_on_any_type_is_honoured() -> None:
    questions = every_type()
    plain = lint_banks([make_bank(questions=questions)])
    assert {p.question for p in plain} <= {q.id for q in questions}
    restates = {p.question for p in plain if p.code == "explanation-restates-answer"}
    assert restates, "the shared examples should include an explanation that only restates"
    allowed = tuple(replace(q, lint=LintAllowance(allow=("explanation-restates-answer",), because="test"))
                    if q.id in restates else q for q in questions)
    assert [p for p in lint_banks([make_bank(questions=allowed)]) if p.code == "explanation-restates-answer"] == []
