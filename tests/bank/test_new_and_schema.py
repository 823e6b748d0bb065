"""`quiz new` writes a bank that validates; the JSON Schema agrees with the validator."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from quiz.bank.model import QUESTION_TYPES
from quiz.bank.schema import schema_text
from quiz.cli import main
from quiz.locations import bundled_banks_dir, schema_path
from tests.bank.conftest import CHOICE, HEADER


class _Yaml12Loader(yaml.SafeLoader):
    """Reads dates as text, as editors using the YAML 1.2 core schema do."""


_Yaml12Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def schema_errors(path: Path) -> list[str]:
    validator = jsonschema.Draft202012Validator(json.loads(schema_path().read_text(encoding="utf-8")))
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12Loader)
    return [error.message for error in validator.iter_errors(document)]


def test_shipped_schema_is_the_generated_one() -> None:
    assert schema_path().read_text(encoding="utf-8") == schema_text()


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json.loads(schema_text()))


def test_quiz_schema_prints_it(capsys) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_new_writes_a_starter_bank_that_validates_strictly(tmp_path: Path, capsys) -> None:
    path = tmp_path / "history-101.yaml"
    assert main(["new", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=quiz-bank-1.schema.json\n")
    assert "id: history-101" in text
    assert main(["validate", "--strict", str(path)]) == 0
    assert schema_errors(path) == []
    types = {q["type"] for q in yaml.safe_load(text)["questions"]}
    assert types == set(QUESTION_TYPES)


def test_new_refuses_to_overwrite(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text("keep me", encoding="utf-8")
    assert main(["new", str(path)]) == 2
    assert path.read_text(encoding="utf-8") == "keep me"


def test_new_into_an_unwritable_place_says_what_to_do(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    assert main(["new", str(blocker / "bank.yaml")]) == 2
    err = capsys.readouterr().err
    assert f"cannot write {blocker / 'bank.yaml'}" in err and "hint:" in err


@pytest.mark.parametrize("path", sorted(bundled_banks_dir().glob("*.yaml")), ids=lambda p: p.name)
def test_schema_and_validator_agree_on_shipped_banks(path: Path) -> None:
    assert schema_errors(path) == []
    assert main(["validate", "--strict", str(path)]) == 0


@pytest.mark.parametrize(
    ("change", "replacement"),
    [
        ("    explanation:", "    explaination:"),
        ("type: choice", "type: choise"),
        ("choices: [Leposavić, Zvečan, Zubin Potok]", "choices: [Leposavić]"),
        ("source: report#p6", "source: report#6"),
        ("    tags: [attack]", "    tags: [attack]\n    difficulty: 7"),
        ("prompt: Which town?", "prompt: 12"),
    ],
)
def test_schema_rejects_what_the_validator_rejects(tmp_path: Path, change: str, replacement: str) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text(HEADER + CHOICE.replace(change, replacement), encoding="utf-8")
    assert schema_errors(path) != []
    assert main(["validate", str(path)]) == 1
