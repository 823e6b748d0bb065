"""Results files: one learner's rounds and answers, handed in from home (``quiz scores --export``).

A JSON object, documented in docs/classroom.md::

    {"format": "quiz-results", "version": 1, "exported_at": "...", "learner": "Ana",
     "rounds": [{"id": 3, "mode": "practice", "bank_id": "attack-2023", "class_name": null,
                 "started_at": "...", "finished_at": "...", "abandoned_at": null,
                 "answers": [{"uid": "...", "bank_id": "...", "question_id": "...", "content_hash": "...",
                              "attempt": 1, "response": "Leposavić", "score": 1.0, "seconds": 4.2,
                              "answered_at": "...", "overridden_at": null}]}]}

Reading checks every field: a damaged or foreign file is a QuizError naming the file and the place.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quiz.bank.files import read_at_most, size_text
from quiz.errors import QuizError
from quiz.store.records import ExportedAnswer as ResultAnswer
from quiz.store.records import ExportedRound as ResultRound
from quiz.study.class_report import Activity, ClassData, FirstAnswer

FORMAT = "quiz-results"
VERSION = 1
MAX_BYTES = 32 * 1024 * 1024
"""The largest results file read: about 80,000 answers, years of daily study, far below what hurts a laptop."""
COUNTED_MODES = ("practice", "exam")


@dataclass(frozen=True)
class Results:
    learner: str
    exported_at: str
    rounds: tuple[ResultRound, ...]


def dump(results: Results) -> str:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": results.exported_at,
        "learner": results.learner,
        "rounds": [
            {
                "id": item.id, "mode": item.mode, "bank_id": item.bank_id, "class_name": item.class_name,
                "started_at": item.started_at, "finished_at": item.finished_at, "abandoned_at": item.abandoned_at,
                "answers": [
                    {
                        "uid": answer.uid, "bank_id": answer.bank_id, "question_id": answer.question_id,
                        "content_hash": answer.content_hash, "attempt": answer.attempt, "response": answer.response,
                        "score": answer.score, "seconds": answer.seconds, "answered_at": answer.answered_at,
                        "overridden_at": answer.overridden_at,
                    }
                    for answer in item.answers
                ],
            }
            for item in results.rounds
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def read(path: Path) -> Results:
    """The results in the file; QuizError (naming the file) for anything that is not a results file of ours."""
    try:
        data = read_at_most(path, MAX_BYTES)
    except FileNotFoundError:
        raise QuizError(f"{path}: no such file", "check the path") from None
    except OSError as error:
        raise QuizError(f"{path}: cannot be read ({error.strerror or error})",
                        "is it a results file from quiz scores --export?") from None
    if len(data) > MAX_BYTES:
        raise QuizError(f"{path}: over the {size_text(MAX_BYTES)} a results file may hold",
                        "is it a results file from quiz scores --export?")
    try:
        document = json.loads(data.decode("utf-8"), parse_constant=_not_a_number)
    except _NotANumber as word:
        raise QuizError(f"{path}: {word} is not a number a results file holds",
                        "the file is damaged; export it again with quiz scores --export") from None
    except UnicodeDecodeError as error:
        raise QuizError(f"{path}: cannot be read (byte {error.start} is not UTF-8)",
                        "is it a results file from quiz scores --export?") from None
    except json.JSONDecodeError as error:
        raise QuizError(f"{path}:{error.lineno}:{error.colno}: not valid JSON ({error.msg})",
                        "the file is damaged; export it again with quiz scores --export") from None
    except RecursionError:
        raise QuizError(f"{path}: brackets nested deeper than any results file", "export it again with quiz "
                        "scores --export") from None
    return _parse(document, path)


class _Bad(Exception):
    pass


class _NotANumber(Exception):
    """NaN or Infinity, which Python's JSON reader takes and JSON itself has not."""


def _not_a_number(word: str) -> Any:
    raise _NotANumber(word)


def _parse(document: Any, path: Path) -> Results:
    try:
        top = _object(document, "the file")
        if top.get("format") != FORMAT:
            raise _Bad("this is not a quiz results file (no \"format\": \"quiz-results\")")
        version = top.get("version")
        if version != VERSION:
            raise _Bad(f"results format version {version!r}; this quiz reads version {VERSION}")
        rounds = tuple(_round(item, f"rounds[{index}]") for index, item in enumerate(_list(top, "rounds", "the file")))
        return Results(_text(top, "learner", "the file"), _text(top, "exported_at", "the file"), rounds)
    except _Bad as bad:
        raise QuizError(f"{path}: {bad}", "export it again with quiz scores --export") from None


def _round(value: Any, where: str) -> ResultRound:
    item = _object(value, where)
    answers = tuple(_answer(entry, f"{where}.answers[{index}]")
                    for index, entry in enumerate(_list(item, "answers", where)))
    round_id = item.get("id")
    if not isinstance(round_id, int) or isinstance(round_id, bool):
        raise _Bad(f"{where}.id must be a whole number")
    return ResultRound(round_id, _text(item, "mode", where), _text(item, "bank_id", where),
                       _optional_text(item, "class_name", where), _text(item, "started_at", where),
                       _optional_text(item, "finished_at", where), _optional_text(item, "abandoned_at", where), answers)


def _answer(value: Any, where: str) -> ResultAnswer:
    item = _object(value, where)
    score, seconds, attempt = item.get("score"), item.get("seconds"), item.get("attempt", 1)
    if not isinstance(score, (int, float)) or not _number(score) or not 0 <= score <= 1:
        raise _Bad(f"{where}.score must be a number from 0 to 1")
    if not isinstance(seconds, (int, float)) or not _number(seconds) or seconds < 0:
        raise _Bad(f"{where}.seconds must be a number of seconds")
    if not isinstance(attempt, int) or isinstance(attempt, bool) or attempt < 1:
        raise _Bad(f"{where}.attempt must be a whole number from 1")
    if "response" not in item:
        raise _Bad(f"{where} has no response")
    return ResultAnswer(_text(item, "uid", where), _text(item, "bank_id", where), _text(item, "question_id", where),
                        _text(item, "content_hash", where), attempt, item["response"], float(score), float(seconds),
                        _text(item, "answered_at", where), _optional_text(item, "overridden_at", where))


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _object(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise _Bad(f"{where} must be a JSON object")
    return value


def _list(item: Mapping[str, Any], key: str, where: str) -> list[Any]:
    value = item.get(key)
    if not isinstance(value, list):
        raise _Bad(f"{where} needs a list {key!r}")
    return value


def _text(item: Mapping[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value:
        raise _Bad(f"{where} needs a text {key!r}")
    return value


def _optional_text(item: Mapping[str, Any], key: str, where: str) -> str | None:
    value = item.get(key)
    if value is not None and not isinstance(value, str):
        raise _Bad(f"{where}.{key} must be text or null")
    return value


def class_data(
    files: Iterable[Results],
    seen_uids: set[str],
    class_name: str | None = None,
    bank_id: str | None = None,
    since: str | None = None,
) -> ClassData:
    """The report's raw material from results files; answers whose uid is in ``seen_uids`` are skipped (and added)."""
    data = ClassData()
    for results in files:
        learner = " ".join(results.learner.split())
        activity = data.learners.setdefault(learner, Activity())
        for item in results.rounds:
            if class_name is not None and item.class_name != class_name:
                continue
            answers = [answer for answer in item.answers if answer.uid not in seen_uids
                       and (bank_id is None or answer.bank_id == bank_id)
                       and (since is None or answer.answered_at >= since)]
            if not answers:
                continue
            seen_uids.update(answer.uid for answer in answers)
            key = f"file:{learner}:{item.started_at}:{item.id}"
            activity.rounds += 1
            activity.answers += len(answers)
            latest = max(answer.answered_at for answer in answers)
            activity.last_active = max(filter(None, (activity.last_active, latest)))
            counted = item.mode in COUNTED_MODES and item.finished_at is not None
            for answer in answers:
                apart = data.apart.setdefault((answer.bank_id, answer.question_id), [0, 0])
                apart[0] += not counted
                apart[1] += answer.overridden_at is not None
            if not counted:
                continue
            firsts = [answer for answer in answers if answer.attempt == 1]
            data.rounds[key] = (sum(answer.score for answer in firsts), len(firsts))
            for answer in answers:
                first = FirstAnswer(learner, answer.bank_id, answer.question_id, answer.content_hash, key, answer.score,
                                    answer.seconds, answer.response, answer.answered_at,
                                    answer.overridden_at is not None, answer.uid)
                version = (learner, answer.bank_id, answer.question_id, answer.content_hash)
                mine = data.first.get(version)
                if mine is None or (first.answered_at, first.uid) < (mine.answered_at, mine.uid):
                    data.first[version] = first
        if not activity.rounds:
            del data.learners[learner]
    return data
