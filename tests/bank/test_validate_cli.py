"""What `quiz validate` prints in each output format, and the exit codes CI relies on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.bank.text import PLACEHOLDER, PLACEHOLDER_MARK
from quiz.cli import main
from tests.bank.conftest import CHOICE, HEADER

BROKEN = HEADER + CHOICE.replace("answer: Leposavić", "answer: Pristina")


def test_valid_bank_exits_zero_and_says_so(write_bank, validate) -> None:
    code, output = validate(write_bank(HEADER + CHOICE))
    assert (code, output.strip()) == (0, "1 file checked: all valid")


def test_text_format_gives_position_code_message_then_hint(write_bank, validate) -> None:
    path = write_bank(BROKEN)
    code, output = validate(path)
    assert code == 1
    first, hint, summary = output.strip().splitlines()
    assert first == f"{path}:15:13: error[answer-not-in-choices]: answer 'Pristina' is not one of the choices"
    assert hint == "    hint: copy the text of one of the choices exactly"
    assert summary == "1 file checked: 1 error, 0 warnings"


def test_github_format_writes_annotations(write_bank, validate) -> None:
    path = write_bank(BROKEN)
    code, output = validate("--format", "github", path)
    assert code == 1
    annotation = output.splitlines()[0]
    assert annotation.startswith(f"::error file={path},line=15,col=13,title=quiz answer-not-in-choices::")
    assert "%0Acopy the text" in annotation


def test_json_format_is_one_document(write_bank, validate) -> None:
    code, output = validate("--format", "json", write_bank(BROKEN))
    document = json.loads(output)
    assert code == 1
    assert (document["files"], document["errors"], document["warnings"]) == (1, 1, 0)
    assert document["problems"][0]["code"] == "answer-not-in-choices"


def test_warnings_pass_unless_strict(write_bank, validate) -> None:
    path = write_bank(HEADER + CHOICE.replace("    tags: [attack]\n", ""))
    code, output = validate(path)
    assert code == 0
    assert "warning[no-tags]" in output
    assert validate("--strict", path)[0] == 1


def test_folders_are_searched_recursively(tmp_path: Path, validate) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "a.yml").write_text(HEADER + CHOICE, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a bank", encoding="utf-8")
    assert validate(tmp_path) == (0, "1 file checked: all valid\n")


def test_missing_path_is_bad_usage(tmp_path: Path, validate) -> None:
    code, output = validate(tmp_path / "nope.yaml")
    assert code == 2
    assert "no such file or folder" in output


def test_folder_without_banks_is_bad_usage(tmp_path: Path, validate) -> None:
    assert validate(tmp_path)[0] == 2


def test_unreadable_file_is_bad_usage(write_bank, validate) -> None:
    path = write_bank(HEADER + CHOICE)
    path.chmod(0)
    try:
        if _can_read(path):
            pytest.skip("running as root: file permissions do not apply")
        code, output = validate(path)
        assert code == 2
        assert "error[unreadable]" in output
    finally:
        path.chmod(0o644)


def _can_read(path: Path) -> bool:
    try:
        path.read_bytes()
    except PermissionError:
        return False
    return True


def test_unknown_option_is_bad_usage(write_bank, capsys) -> None:
    try:
        main(["validate", "--formt", "json", str(write_bank(HEADER + CHOICE))])
    except SystemExit as stop:
        assert stop.code == 2
    assert "unrecognized arguments" in capsys.readouterr().err


def test_no_traceback_on_a_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.yaml"
    path.write_bytes(bytes(range(256)) * 4)
    result = subprocess.run([sys.executable, "-m", "quiz", "validate", str(path)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "error[not-utf8]" in result.stdout


def test_validate_does_not_import_textual(tmp_path: Path) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text(HEADER + CHOICE, encoding="utf-8")
    probe = ("import sys; from quiz.cli import main; code = main(['validate', sys.argv[1]]); "
             "print('textual' in sys.modules, code)")
    result = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "False 0"


def test_headless_core_does_not_import_textual() -> None:
    probe = ("import sys, quiz.bank.load, quiz.bank.schema, quiz.bank.answers, quiz.store, quiz.study, "
             "quiz.formats; print('textual' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_import_placeholders_are_warnings_that_strict_mode_fails(write_bank, validate) -> None:
    text = HEADER.replace("title: A report", f'title: "{PLACEHOLDER_MARK}: title of report"') + CHOICE.replace(
        "explanation: The report says so.", f'explanation: "{PLACEHOLDER}"')
    path = write_bank(text)
    code, output = validate(path)
    assert code == 0
    assert f"{path}:16:18: warning[placeholder]: question 'demo.q1': explanation is still a placeholder" in output
    assert f"{path}:6:3: warning[placeholder]: source 'report': title is still a placeholder" in output
    assert validate("--strict", path)[0] == 1


def test_a_bank_imported_without_feedback_fails_strict_validation(tmp_path: Path, validate) -> None:
    """What `quiz import` leaves for the teacher is exactly what `quiz validate --strict` refuses."""
    gift = tmp_path / "quiz.gift"
    gift.write_text("::Capital:: What is the capital of Kosovo? {=Pristina ~Belgrade}\n", encoding="utf-8")
    imported = tmp_path / "imported.yaml"
    assert main(["import", str(gift), "--from", "gift", "-o", str(imported)]) == 0
    assert validate(imported)[0] == 0
    code, output = validate("--strict", imported)
    assert code == 1
    assert "warning[placeholder]" in output
