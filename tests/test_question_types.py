"""Every question type, through every place a type must be handled.

Parametrised over ``QUESTION_TYPES``, so a new type in the model fails here once per place still
missing, named in the test id (``test_scoring[ClozeQuestion]``, ``test_export[ClozeQuestion-gift]``).
docs/adding-a-question-type.md lists the same places in the order to fill them in.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from quiz.bank.answers import check, correct_response
from quiz.bank.load import read_bank_text
from quiz.bank.model import QUESTION_TYPES, AnyQuestion, Bank
from quiz.bank.schema import bank_schema
from quiz.bank.validate import check_bank
from quiz.bank.write import write_bank
from quiz.formats.exports.targets import TARGETS
from quiz.formats.imports.import_file import import_file
from quiz.store import Store
from quiz.study.describe import describe_response
from quiz.study.presentation import present
from quiz.tui.app import make_app
from quiz.tui.screens.feedback import FeedbackScreen
from tests.support.banks import EXAMPLES, make_bank
from tests.support.clocks import FakeClock, TickingClock
from tests.support.driving import answer_right, current_question, screen_text

TYPES = list(QUESTION_TYPES.values())
IDS = [cls.__name__ for cls in TYPES]
ROUND_TRIP_IMPORTS = {"gift": ".gift", "csv": ".csv", "moodle-xml": ".xml", "qti": ".zip"}
"""The importers that read quiz's own export back, with the export's file suffix."""


def example(cls: type[AnyQuestion]) -> AnyQuestion:
    assert cls in EXAMPLES, f"no example {cls.__name__} in tests/support/banks.py EXAMPLES: add one first"
    return EXAMPLES[cls].question


def one_question_bank(cls: type[AnyQuestion]) -> Bank:
    return make_bank("demo", "Demo bank", (example(cls),))


@pytest.mark.parametrize("cls", TYPES, ids=IDS)
def test_an_example_exists(cls: type[AnyQuestion]) -> None:
    assert type(example(cls)) is cls


@pytest.mark.parametrize("cls", TYPES, ids=IDS)
def test_written_yaml_loads_back_valid_and_matches_the_schema(cls: type[AnyQuestion]) -> None:
    bank = one_question_bank(cls)
    assert [p for p in check_bank(bank) if p.is_error] == []
    text = write_bank(bank, "test", "none", {}).text
    loaded, problems = read_bank_text(text, "demo.yaml")
    assert [p for p in problems if p.is_error] == [], problems
    assert loaded is not None and loaded.questions == bank.questions
    jsonschema.validate(yaml.safe_load(text), bank_schema())


@pytest.mark.parametrize("cls", TYPES, ids=IDS)
def test_scoring_right_wrong_and_partly(cls: type[AnyQuestion]) -> None:
    chosen = EXAMPLES[cls]
    assert check(chosen.question, correct_response(chosen.question)).score == 1.0
    assert check(chosen.question, chosen.wrong).score == 0.0
    if chosen.partly is None:
        pytest.skip(f"{cls.__name__} is all or nothing by design")
    assert 0.0 < check(chosen.question, chosen.partly).score < 1.0


@pytest.mark.parametrize("cls", TYPES, ids=IDS)
def test_content_hash_covers_what_is_scored(cls: type[AnyQuestion]) -> None:
    from quiz.bank.fingerprint import asked_and_scored

    assert set(asked_and_scored(example(cls))) > {"type", "prompt"}


@pytest.mark.parametrize("cls", TYPES, ids=IDS)
def test_presented_and_described(cls: type[AnyQuestion]) -> None:
    question = example(cls)
    assert present(question, seed=1).question == question
    assert describe_response(question, correct_response(question)).strip()
    assert describe_response(question, None).strip()


@pytest.mark.parametrize("cls", TYPES, ids=IDS)
async def test_answered_right_in_the_app_at_80x24(cls: type[AnyQuestion], tmp_path: Path) -> None:
    with Store.open(tmp_path / "scores.sqlite3", clock=TickingClock()) as store:
        app = make_app([one_question_bank(cls)], store, seed=7, learner="Ana", bank_id="demo", mode="practice",
                       clock=FakeClock())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert type(current_question(app)) is cls
            await answer_right(pilot, app)
            assert isinstance(app.screen, FeedbackScreen)
            assert "✓ Right" in screen_text(app)
        [summary] = store.rounds(store.learners()[0].id)
        assert summary.answered == 1 and summary.score == 1.0


@pytest.mark.parametrize("target", sorted(TARGETS))
@pytest.mark.parametrize("cls", TYPES, ids=IDS)
def test_export(cls: type[AnyQuestion], target: str) -> None:
    """Written, or left out with a loss that names it (and fails ``quiz export --check``)."""
    exported = TARGETS[target].exporter()([one_question_bank(cls)])
    left_out = [x for x in exported.losses if x.where == example(cls).id and x.field == "type" and x.fails_check
                and "left out" in x.detail]
    assert exported.questions == (0 if left_out else 1)
    assert exported.data


@pytest.mark.parametrize("kind", sorted(ROUND_TRIP_IMPORTS))
@pytest.mark.parametrize("cls", TYPES, ids=IDS)
def test_our_export_imports_back_as_the_same_question(cls: type[AnyQuestion], kind: str, tmp_path: Path) -> None:
    question = example(cls)
    exported = TARGETS[kind].exporter()([one_question_bank(cls)])
    if exported.questions == 0:
        pytest.skip(f"{kind} cannot hold this example: {exported.losses[0].detail}")
    path = tmp_path / f"demo{ROUND_TRIP_IMPORTS[kind]}"
    path.write_bytes(exported.data)
    [back] = import_file(path, kind, output=tmp_path / "back.yaml").bank.questions
    assert type(back) is cls
    assert (back.prompt, json.dumps(correct_response(back))) == (
        question.prompt, json.dumps(correct_response(question)))
    assert check(back, correct_response(question)).score == 1.0
