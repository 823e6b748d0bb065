"""What a learner chose for a round; stored with the round so it can be resumed exactly."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from quiz.study.modes import ALL_BANKS, Mode


@dataclass(frozen=True)
class RoundSettings:
    """Mode, bank, size, filters and the seed that fixes the question order and every shuffle."""

    mode: Mode
    seed: int
    bank_id: str = ALL_BANKS
    count: int | None = None
    tag: str | None = None
    difficulty: int | None = None
    time_limit: int | None = None
    """Exam only: seconds allowed for the whole round."""
    question_ids: tuple[str, ...] = ()
    """Ask exactly these questions (retrying a round's mistakes) instead of picking."""
    ahead: bool = False
    """Due rounds only: nothing is due, so take the reviews coming soonest (lowest retrievability)."""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["mode"] = self.mode.value
        data["question_ids"] = list(self.question_ids)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RoundSettings:
        known = {key: data[key] for key in cls.__dataclass_fields__ if key in data}
        known["mode"] = Mode(known.get("mode", Mode.PRACTICE))
        known["question_ids"] = tuple(known.get("question_ids", ()))
        known.setdefault("seed", 0)
        return cls(**known)
