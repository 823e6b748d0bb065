"""What the class knows: Moodle's quiz statistics over a database and results files. Headless.

The statistics count each learner's first answer to each version of a question (its content hash)
in finished practice and exam rounds. Per question: attempts, facility (the mean score, 0-1),
discrimination (the Pearson correlation, over those answers, between the score on the question and
the learner's mean score on the rest of that round; None with fewer than two answers, a round of one
question, or no spread), the share of learners picking each choice and the median time. Answers in
other rounds (review, quick, unfinished) and overridden answers are counted apart, never mixed in.
"""

from __future__ import annotations

import contextlib
import json
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz.bank.model import AnyQuestion, Bank, ChoiceQuestion, MultiQuestion, TrueFalseQuestion

if TYPE_CHECKING:
    from quiz.store import Store
    from quiz.study.knowledge import Knowledge, LevelCounts

EASY_ABOVE = 0.9
HARD_BELOW = 0.2
MIN_ATTEMPTS = 5
"""Facility and discrimination flags wait for this many attempts: two learners say nothing of a question."""
DISTRACTOR_ATTEMPTS = 20
"""A wrong choice nobody picked is flagged only after this many attempts."""
FLAGS = ("too-easy", "too-hard", "negative-discrimination", "unused-distractor")
KNOWLEDGE_NOTE = (
    "Scores per bank and tag are the mean of first answers. Knowledge levels (new, learning, known, "
    "mastered) come from each learner's review schedule in the database; learners known only from "
    "results files have none here."
)

Key = tuple[str, str, str, str]
"""(learner name, bank id, question id, content hash): one learner and one version of a question."""


@dataclass(frozen=True)
class FirstAnswer:
    """A learner's first answer to one version of a question, in a finished practice or exam round."""

    learner: str
    bank_id: str
    question_id: str
    content_hash: str
    round_key: str
    score: float
    seconds: float
    response: Any
    answered_at: str
    overridden: bool
    uid: str


@dataclass
class Activity:
    rounds: int = 0
    answers: int = 0
    last_active: str | None = None


@dataclass
class ClassData:
    """The report's raw material from one source; sources merge with ``merge``."""

    first: dict[Key, FirstAnswer] = field(default_factory=dict)
    rounds: dict[str, tuple[float, int]] = field(default_factory=dict)
    """Round key -> (sum of first-attempt scores, number of them)."""
    apart: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    """(bank, question) -> [answers in other rounds, overridden answers]."""
    learners: dict[str, Activity] = field(default_factory=dict)

    def merge(self, other: ClassData) -> None:
        """Add another source (duplicate answers already removed); the earlier first answer wins."""
        for key, answer in other.first.items():
            mine = self.first.get(key)
            if mine is None or (answer.answered_at, answer.uid) < (mine.answered_at, mine.uid):
                self.first[key] = answer
        self.rounds.update(other.rounds)
        for where, (others, overrides) in other.apart.items():
            counts = self.apart.setdefault(where, [0, 0])
            counts[0] += others
            counts[1] += overrides
        for name, activity in other.learners.items():
            mine_activity = self.learners.setdefault(name, Activity())
            mine_activity.rounds += activity.rounds
            mine_activity.answers += activity.answers
            stamps = [stamp for stamp in (mine_activity.last_active, activity.last_active) if stamp]
            mine_activity.last_active = max(stamps) if stamps else None


def read_database(
    store: Store, class_name: str | None = None, bank_id: str | None = None, since: str | None = None
) -> ClassData:
    """The class data in a scores database: the store picks the first answers, so 1.6 million rows stay in SQLite."""
    rows = store.class_rows(class_name, bank_id, since)
    data = ClassData()
    for name, bank, question, digest, round_id, score, seconds, response, at, overridden, uid in rows.first_answers:
        data.first[(name, bank, question, digest)] = FirstAnswer(
            name, bank, question, digest, f"db:{round_id}", score, seconds, json.loads(response), at,
            overridden is not None, uid,
        )
    data.rounds = {f"db:{round_id}": (total, count) for round_id, total, count in rows.round_totals}
    data.apart = {(bank, question): [others, overrides] for bank, question, others, overrides in rows.apart}
    data.learners = {name: Activity(rounds, answers, last) for name, rounds, answers, last in rows.learners}
    return data


@dataclass(frozen=True)
class Flag:
    name: str
    reason: str


@dataclass(frozen=True)
class ChoiceShare:
    text: str
    share: float
    right: bool


@dataclass(frozen=True)
class QuestionReport:
    bank_id: str
    question_id: str
    content_hash: str
    attempts: int
    facility: float | None
    discrimination: float | None
    median_seconds: float | None
    choices: tuple[ChoiceShare, ...]
    flags: tuple[Flag, ...]
    location: str | None
    """``path:line`` of the question in its bank; None when it is not in the loaded banks."""
    current: bool
    """The loaded bank holds this version (same content hash)."""
    prompt: str
    tags: tuple[str, ...]
    other_answers: int
    overrides: int


@dataclass(frozen=True)
class Standing:
    """A learner's first answers in one bank or tag: how many and their mean score."""

    name: str
    answers: int
    mean: float


@dataclass(frozen=True)
class LearnerReport:
    name: str
    rounds: int
    answers: int
    last_active: str | None
    banks: tuple[Standing, ...]
    tags: tuple[Standing, ...]
    levels_by_bank: tuple[tuple[str, LevelCounts], ...] = ()
    """Knowledge levels from the learner's schedule; empty when the database has no cards for them."""
    levels_by_tag: tuple[tuple[str, LevelCounts], ...] = ()


@dataclass(frozen=True)
class ClassReport:
    questions: tuple[QuestionReport, ...]
    """Flagged questions first, then in bank order."""
    learners: tuple[LearnerReport, ...]
    tags: tuple[Standing, ...]
    knowledge_note: str = KNOWLEDGE_NOTE


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """The correlation coefficient; None with fewer than two pairs or when either side does not vary."""
    n = len(xs)
    if n < 2:
        return None
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    syy = sum((y - mean_y) ** 2 for y in ys)
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    return float(sxy / (sxx * syy) ** 0.5)


def read_knowledge(store: Store, names: Iterable[str], banks: Sequence[Bank]) -> dict[str, Knowledge]:
    """Each named learner's knowledge levels over the loaded banks, from their cards in the database."""
    from quiz.study.knowledge import build_knowledge
    from quiz.study.library import Library

    library = Library.of(banks)
    knowledge = {}
    for name in names:
        learner = store.learner(name)
        if learner is not None:
            cards = store.cards(learner.id)
            if cards:
                knowledge[name] = build_knowledge(library, cards)
    return knowledge


def build_report(
    data: ClassData, banks: Iterable[Bank], base: Path | None = None, knowledge: dict[str, Knowledge] | None = None
) -> ClassReport:
    """The statistics; ``banks`` give choices, tags and file:line (paths shown relative to ``base``);
    ``knowledge`` the learners' levels (read_knowledge)."""
    loaded = {(bank.id, question.id): (bank, question) for bank in banks for question in bank.questions}
    order = {key: index for index, key in enumerate(loaded)}
    by_version: dict[tuple[str, str, str], list[FirstAnswer]] = defaultdict(list)
    for answer in data.first.values():
        if not answer.overridden:
            by_version[(answer.bank_id, answer.question_id, answer.content_hash)].append(answer)
    from quiz.bank.fingerprint import content_hash

    questions = []
    for (bank_id, question_id, digest), answers in by_version.items():
        found = loaded.get((bank_id, question_id))
        apart = data.apart.get((bank_id, question_id), [0, 0])
        questions.append(_question(answers, data.rounds, found, digest, content_hash, apart, base))
    questions.sort(key=lambda item: (not item.flags, order.get((item.bank_id, item.question_id), len(order)),
                                     item.bank_id, item.question_id, item.content_hash))
    tags_of = {key: question.tags for key, (_, question) in loaded.items()}
    return ClassReport(tuple(questions), _learners(data, tags_of, knowledge or {}), _tags(data, tags_of))


def _question(
    answers: list[FirstAnswer],
    rounds: dict[str, tuple[float, int]],
    found: tuple[Bank, AnyQuestion] | None,
    digest: str,
    hasher: Any,
    apart: list[int],
    base: Path | None,
) -> QuestionReport:
    first = answers[0]
    attempts = len(answers)
    facility = sum(answer.score for answer in answers) / attempts
    scores, rests = [], []
    for answer in answers:
        total, count = rounds.get(answer.round_key, (0.0, 0))
        if count >= 2:
            scores.append(answer.score)
            rests.append((total - answer.score) / (count - 1))
    discrimination = pearson(scores, rests)
    choices: tuple[ChoiceShare, ...] = ()
    location, prompt, current = None, "", False
    tags: tuple[str, ...] = ()
    if found is not None:
        bank, question = found
        choices = _choice_shares(question, answers)
        location = _location(bank, question, base)
        prompt, tags, current = question.prompt, question.tags, hasher(question) == digest
    flags = _flags(attempts, facility, discrimination, choices)
    return QuestionReport(
        first.bank_id, first.question_id, digest, attempts, facility, discrimination,
        statistics.median(answer.seconds for answer in answers), choices, flags, location, current, prompt,
        tuple(tags), apart[0], apart[1],
    )


def _choice_shares(question: AnyQuestion, answers: list[FirstAnswer]) -> tuple[ChoiceShare, ...]:
    """The share of these learners who picked each option (a multi question's shares add up past 1)."""
    match question:
        case ChoiceQuestion():
            options = [(choice.text, choice.text == question.answer) for choice in question.choices]
        case MultiQuestion():
            options = [(choice.text, choice.text in question.answers) for choice in question.choices]
        case TrueFalseQuestion():
            options = [("true", question.answer), ("false", not question.answer)]
        case _:
            return ()
    picks: dict[str, int] = defaultdict(int)
    for answer in answers:
        response = answer.response
        if isinstance(response, bool):
            picks["true" if response else "false"] += 1
        elif isinstance(response, str):
            picks[response] += 1
        elif isinstance(response, (list, tuple)):
            for text in set(response):
                if isinstance(text, str):
                    picks[text] += 1
    return tuple(ChoiceShare(text, picks[text] / len(answers), right) for text, right in options)


def _flags(
    attempts: int, facility: float, discrimination: float | None, choices: tuple[ChoiceShare, ...]
) -> tuple[Flag, ...]:
    flags = []
    if attempts >= MIN_ATTEMPTS:
        if facility > EASY_ABOVE:
            flags.append(Flag("too-easy", f"facility {facility:.2f} is above {EASY_ABOVE}: almost everyone gets it"))
        if facility < HARD_BELOW:
            flags.append(Flag("too-hard", f"facility {facility:.2f} is below {HARD_BELOW}: check the key and wording"))
        if discrimination is not None and discrimination < 0:
            flags.append(Flag("negative-discrimination",
                              f"discrimination {discrimination:.2f}: stronger learners miss it more; check the key"))
    unused = [choice.text for choice in choices if not choice.right and choice.share == 0]
    if attempts >= DISTRACTOR_ATTEMPTS and unused:
        names = ", ".join(repr(text) for text in unused)
        flags.append(Flag("unused-distractor", f"nobody of {attempts} picked {names}"))
    return tuple(flags)


def _location(bank: Bank, question: AnyQuestion, base: Path | None) -> str | None:
    if not bank.path:
        return None
    path = Path(bank.path)
    if base is not None:
        with contextlib.suppress(ValueError):
            path = path.resolve().relative_to(base.resolve())
    line = question.spans.get("id", (0, 0))[0]
    return f"{path}:{line}" if line else str(path)


def _learners(
    data: ClassData, tags_of: dict[tuple[str, str], tuple[str, ...]], knowledge: dict[str, Knowledge]
) -> tuple[LearnerReport, ...]:
    per_bank: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    per_tag: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for answer in data.first.values():
        if answer.overridden:
            continue
        per_bank[answer.learner][answer.bank_id].append(answer.score)
        for tag in tags_of.get((answer.bank_id, answer.question_id), ()):
            per_tag[answer.learner][tag].append(answer.score)
    reports = []
    for name, activity in sorted(data.learners.items(), key=lambda item: item[0].casefold()):
        levels = knowledge.get(name)
        reports.append(LearnerReport(
            name, activity.rounds, activity.answers, activity.last_active,
            _standings(per_bank.get(name, {})), _standings(per_tag.get(name, {})),
            _studied(levels.banks) if levels else (), _studied(levels.tags) if levels else (),
        ))
    return tuple(reports)


def _studied(counts: dict[str, LevelCounts]) -> tuple[tuple[str, LevelCounts], ...]:
    """The banks or tags the learner has begun: a bank never opened is all new and says nothing."""
    return tuple((name, level) for name, level in counts.items() if level.total > level.new)


def _tags(data: ClassData, tags_of: dict[tuple[str, str], tuple[str, ...]]) -> tuple[Standing, ...]:
    scores: dict[str, list[float]] = defaultdict(list)
    for answer in data.first.values():
        if not answer.overridden:
            for tag in tags_of.get((answer.bank_id, answer.question_id), ()):
                scores[tag].append(answer.score)
    return _standings(scores)


def _standings(groups: dict[str, list[float]]) -> tuple[Standing, ...]:
    return tuple(Standing(name, len(values), sum(values) / len(values)) for name, values in sorted(groups.items()))
