"""`quiz new` and `quiz import` point editors at a schema file beside the bank, which travels with it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from quiz.bank.schema import schema_text
from quiz.cli import main

AIKEN = "Which planet is red?\nA. Mars\nB. Venus\nANSWER: A\n"


def _schema(folder: Path) -> dict[str, object]:
    return json.loads((folder / "quiz-bank-1.schema.json").read_text(encoding="utf-8"))


def test_new_writes_the_schema_beside_the_bank_and_refers_to_it_relatively(tmp_path: Path) -> None:
    bank = tmp_path / "course" / "week1.yaml"
    assert main(["new", str(bank)]) == 0
    assert bank.read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=quiz-bank-1.schema.json"
    written = _schema(bank.parent)
    assert {key: value for key, value in written.items() if key != "$comment"} == json.loads(schema_text())
    assert "site-packages" not in bank.read_text(encoding="utf-8") and str(Path(__file__).parents[2]) not in \
        bank.read_text(encoding="utf-8")


def test_import_writes_it_too(tmp_path: Path) -> None:
    source = tmp_path / "planets.txt"
    source.write_text(AIKEN, encoding="utf-8")
    out = tmp_path / "banks" / "planets.yaml"
    assert main(["import", str(source), "--from", "aiken", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=quiz-bank-1.schema.json\n")
    assert (out.parent / "quiz-bank-1.schema.json").is_file()


def test_an_older_schema_is_replaced_and_a_newer_one_kept(tmp_path: Path) -> None:
    schema = tmp_path / "quiz-bank-1.schema.json"
    schema.write_text('{"$comment": "written by quiz 0.0.1", "old": true}\n', encoding="utf-8")
    assert main(["new", str(tmp_path / "a.yaml")]) == 0
    assert "old" not in _schema(tmp_path)
    newer = '{"$comment": "written by quiz 99.0", "newer": true}\n'
    schema.write_text(newer, encoding="utf-8")
    assert main(["new", str(tmp_path / "b.yaml")]) == 0
    assert schema.read_text(encoding="utf-8") == newer


def test_a_schema_file_that_is_not_ours_is_left_as_it_is(tmp_path: Path) -> None:
    own = tmp_path / "own"
    own.mkdir()
    (own / "quiz-bank-1.schema.json").write_text("my own notes\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text('{"$comment": "written by quiz 0.0.1"}\n', encoding="utf-8")
    linked, dangling, piped = tmp_path / "linked", tmp_path / "dangling", tmp_path / "piped"
    for folder in (linked, dangling, piped):
        folder.mkdir()
    (linked / "quiz-bank-1.schema.json").symlink_to(elsewhere)
    (dangling / "quiz-bank-1.schema.json").symlink_to(tmp_path / "nowhere.json")
    os.mkfifo(piped / "quiz-bank-1.schema.json")
    for folder in (own, linked, dangling, piped):
        assert main(["new", str(folder / "a.yaml")]) == 0
    assert (own / "quiz-bank-1.schema.json").read_text(encoding="utf-8") == "my own notes\n"
    assert elsewhere.read_text(encoding="utf-8") == '{"$comment": "written by quiz 0.0.1"}\n'
    assert not (tmp_path / "nowhere.json").exists()
    assert (dangling / "quiz-bank-1.schema.json").is_symlink()


def test_new_never_writes_into_a_pipe_or_through_a_link_without_force(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    assert main(["new", str(pipe), "--force"]) == 2
    assert "not a regular file" in capsys.readouterr().err
    (tmp_path / "link.yaml").symlink_to(tmp_path / "target.yaml")
    assert main(["new", str(tmp_path / "link.yaml")]) == 2
    assert not (tmp_path / "target.yaml").exists()
