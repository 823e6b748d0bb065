"""Nothing from a bank or a file name reaches the terminal as control: refused in banks, escaped in output."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.bank.controls import json_safe, removed, shown
from tests.bank.conftest import CHOICE, HEADER

Problems = Callable[[Path], list[dict[str, object]]]


@pytest.mark.parametrize(
    ("written", "column", "named"),
    [
        ('"Which\\e]52;c;UFdORUQ=\\a town?"', 19, "U+001B (escape)"),
        ('"Which \\x9b2J town?"', 20, "U+009B"),
        ('"Which \\u202e town?"', 20, "U+202E (right-to-left override)"),
        ('"Which \\U00002066 town?"', 20, "U+2066"),
        ('"Which \\r town?"', 20, "U+000D (carriage return)"),
        ('"Which \\N town?"', 20, "U+0085"),
        ('"Which \\0 town?"', 20, "U+0000 (NUL)"),
        ("Which \u202e town?", 19, "U+202E"),
        ("Which \u2069 town?", 19, "U+2069"),
    ],
)
def test_control_and_override_characters_are_refused_raw_or_escaped(
    write_bank: Callable[..., Path], problems_of: Problems, written: str, column: int, named: str
) -> None:
    (problem,) = problems_of(write_bank(HEADER + CHOICE.replace("Which town?", written)))
    assert (problem["code"], problem["line"], problem["column"]) == ("bad-character", 13, column)
    assert named in str(problem["message"])


def test_newline_tab_and_an_escaped_backslash_are_text(write_bank: Callable[..., Path], problems_of: Problems) -> None:
    text = HEADER + CHOICE.replace("Which town?", '"Which\\ttown,\\nand \\\\e or \\\\x1b written out?"')
    assert problems_of(write_bank(text)) == []


def test_crlf_and_lone_cr_line_ends_are_ordinary_line_ends(tmp_path: Path, problems_of: Problems) -> None:
    path = tmp_path / "old-mac.yaml"
    path.write_bytes((HEADER + CHOICE).replace("\n", "\r").encode())
    assert problems_of(path) == []


def test_shown_escapes_what_would_act_on_a_terminal() -> None:
    assert shown("a\x1b]0;T\x07b\u202ec") == "a\\u001b]0;T\\u0007b\\u202ec"
    assert shown("two\nlines\tand tab") == "two\nlines\tand tab"
    assert shown("two\nlines\tand tab", one_line=True) == "two\\nlines\\tand tab"
    assert removed("a\x1b[2Jb\u2066c") == "a[2Jbc"
    assert json.loads(json_safe(json.dumps({"k": "\x1b\x9b\u202e"}, ensure_ascii=False))) == {"k": "\x1b\x9b\u202e"}
    assert "\x9b" not in json_safe(json.dumps("\x9b", ensure_ascii=False))


@pytest.fixture
def hostile_names(tmp_path: Path) -> Path:
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / "evil\nfake.yaml:1:1: error[x]: injected\n.yaml").write_text("format: 1\nid: [oops\n")
    (folder / "esc\x1b]52;c;SGVsbG8=\x07\x1b[2J.yaml").write_text("format: 1\nid: [oops\n")
    return folder


@pytest.mark.parametrize("output", ["text", "github", "json"])
def test_file_names_cannot_forge_lines_or_carry_escapes(
    hostile_names: Path, validate: Callable[..., tuple[int, str]], output: str
) -> None:
    code, out = validate("--format", output, hostile_names)
    assert code == 1
    assert "\x1b" not in out and "\x07" not in out
    assert not any(line.startswith("fake.yaml") for line in out.splitlines())
    if output == "json":
        paths = sorted(problem["path"] for problem in json.loads(out)["problems"])
        assert paths[0].endswith("esc\x1b]52;c;SGVsbG8=\x07\x1b[2J.yaml")
        assert paths[1].endswith("evil\nfake.yaml:1:1: error[x]: injected\n.yaml")
    else:
        assert len([line for line in out.splitlines() if "yaml-syntax" in line]) == 2


def test_an_error_message_naming_a_hostile_path_is_escaped(
    tmp_path: Path, validate: Callable[..., tuple[int, str]]
) -> None:
    code, out = validate(tmp_path / "gone\x1b]0;T\x07.yaml")
    assert code == 2
    assert "\x1b" not in out and "\\u001b]0;T\\u0007" in out
