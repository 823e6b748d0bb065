"""A stable hash of a question's content, so stored answers can tell when a question changed."""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields, is_dataclass
from typing import Any

from quiz.bank.model import AnyQuestion


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        data = {f.name: _plain(getattr(value, f.name)) for f in fields(value) if not f.metadata.get("internal")}
        return {"type": getattr(value, "TYPE", ""), **data} if isinstance(value, AnyQuestion) else data
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return value if isinstance(value, (str, int, float, bool, type(None))) else str(value)


def content_hash(question: AnyQuestion) -> str:
    """16 hex digits that change whenever anything a learner sees or is scored on changes."""
    canonical = json.dumps(_plain(question), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]
