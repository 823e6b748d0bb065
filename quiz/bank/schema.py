"""The JSON Schema (draft 2020-12) of the bank format, derived from the model.

Editors use it (through a ``# yaml-language-server: $schema=...`` first line) to complete field
names and flag mistakes as a teacher types. Rules that need code (answers among the choices,
sources that resolve, ids unique across files) are the validator's alone.
"""

from __future__ import annotations

import json
import types
import typing
from dataclasses import MISSING, fields, is_dataclass
from typing import Any

from quiz.bank.model import (
    FORMAT_VERSION,
    QUESTION_TYPES,
    SOURCE_REF_PATTERN,
    AnyQuestion,
    Bank,
    SourceRef,
)

SCHEMA_ID = "https://quiz.invalid/schemas/bank-v1.schema.json"

_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    SourceRef: {"type": "string", "pattern": SOURCE_REF_PATTERN},
}


def _constraints(meta: typing.Mapping[str, Any]) -> dict[str, Any]:
    names = {"min_length": "minLength", "minimum": "minimum", "maximum": "maximum", "pattern": "pattern",
             "one_of": "enum"}
    return {names[key]: list(meta[key]) if key == "one_of" else meta[key]
            for key in names if meta.get(key) is not None}


def _schema_for(hint: Any, meta: typing.Mapping[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    if hint == AnyQuestion:
        return {"anyOf": [{"$ref": f"#/$defs/{cls.__name__}"} for cls in QUESTION_TYPES.values()]}
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [arg for arg in args if arg is not type(None)]
        return _schema_for(inner, meta, defs)
    if origin is tuple:
        item = _schema_for(args[0], {"pattern": meta.get("pattern"), "one_of": meta.get("one_of")}, defs)
        array: dict[str, Any] = {"type": "array", "items": item}
        if meta.get("min_items") is not None:
            array["minItems"] = meta["min_items"]
        if meta.get("max_items") is not None:
            array["maxItems"] = meta["max_items"]
        return {"anyOf": [item, array]} if meta.get("one_or_many") else array
    if origin is dict:
        mapping: dict[str, Any] = {
            "type": "object",
            "propertyNames": {"pattern": r"^[a-z0-9][a-z0-9._-]*$"},
            "additionalProperties": _schema_for(args[1], {}, defs),
        }
        if meta.get("min_items") is not None:
            mapping["minProperties"] = meta["min_items"]
        return mapping
    if hint in _SCALARS:
        return {**_SCALARS[hint], **_constraints(meta)}
    if isinstance(hint, type) and is_dataclass(hint):
        _define(hint, defs)
        ref = {"$ref": f"#/$defs/{hint.__name__}"}
        shorthand = getattr(hint, "SHORTHAND", None)
        if shorthand is not None:
            short = next(f for f in fields(hint) if f.name == shorthand)
            short_hint = typing.get_type_hints(hint)[shorthand]
            short_schema = _schema_for(short_hint, short.metadata, defs)
            return {"anyOf": [*short_schema.get("anyOf", [short_schema]), ref]}
        return ref
    raise TypeError(f"no JSON Schema for {hint!r}")


def _record(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    question_type = getattr(cls, "TYPE", "")
    if question_type:
        properties["type"] = {"const": question_type, "description": "The question type."}
        required.append("type")
    for f in fields(cls):
        if f.metadata.get("internal"):
            continue
        prop = _schema_for(hints[f.name], f.metadata, defs)
        properties[f.name] = {**prop, "description": f.metadata.get("doc", "")}
        if f.default is MISSING and f.default_factory is MISSING:
            required.append(f.name)
    record: dict[str, Any] = {
        "type": "object",
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        record["required"] = required
    return record


def _define(cls: type, defs: dict[str, Any]) -> None:
    if cls.__name__ not in defs:
        defs[cls.__name__] = {}  # placeholder against recursion
        defs[cls.__name__] = _record(cls, defs)


def bank_schema() -> dict[str, Any]:
    """The schema of one bank file."""
    defs: dict[str, Any] = {}
    for cls in QUESTION_TYPES.values():
        _define(cls, defs)
    root = _record(Bank, defs)
    root["properties"]["format"] = {"const": FORMAT_VERSION, "description": root["properties"]["format"]["description"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "quiz question bank",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def schema_text() -> str:
    """The schema as the JSON shipped in the package and printed by ``quiz schema``."""
    return json.dumps(bank_schema(), indent=2, ensure_ascii=False) + "\n"
