"""Bank files -> model objects, with every problem found on the way.

The readers are derived from the dataclasses in ``model.py`` (their type hints and field metadata),
so the model stays the single source of truth for what a bank may contain.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable, Iterable, Sequence
from dataclasses import MISSING, dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any

from quiz.bank import model
from quiz.bank.files import find_bank_files
from quiz.bank.model import FORMAT_VERSION, QUESTION_TYPES, AnyQuestion, Bank, Pos, SourceRef
from quiz.bank.problems import Problem, did_you_mean, has_errors
from quiz.bank.text import slug
from quiz.bank.validate import check_across, check_bank
from quiz.bank.yaml_tree import YMapping, YNode, YScalar, YSequence, build_tree, describe

MAX_BYTES = 16 * 1024 * 1024
"""The largest bank file read: far above any hand-written bank, far below what hurts a laptop."""

_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_TRUE, _FALSE = frozenset(("true", "True", "TRUE")), frozenset(("false", "False", "FALSE"))


class _Invalid:
    """Marks a value that could not be read; its problem is already reported."""


INVALID: Any = _Invalid()

Reader = Callable[[YNode, "Context", str], Any]


@dataclass
class Context:
    """Where reading happens, and where its problems go."""

    path: str
    problems: list[Problem]

    def error(self, where: YNode | Pos, code: str, message: str, hint: str = "") -> None:
        line, col = (where.line, where.col) if not isinstance(where, tuple) else where
        self.problems.append(Problem(self.path, line, col, code, message, hint))


# --- readers for scalars -------------------------------------------------------------------------


def _expect_scalar(node: YNode, ctx: Context, name: str, wanted: str) -> YScalar | None:
    if isinstance(node, YScalar):
        return node
    ctx.error(node, "wrong-type", f"{name} should be {wanted}, not {describe(node)}",
              f"write {name} as {wanted}")
    return None


def _read_text(node: YNode, ctx: Context, name: str) -> Any:
    scalar = _expect_scalar(node, ctx, name, "text")
    if scalar is None:
        return INVALID
    if scalar.is_null:
        return ""
    if scalar.plain and scalar.tag is None and _reads_as_non_text(scalar.value):
        ctx.error(node, "wrong-type", f"{name} should be text, but {scalar.value!r} reads as a "
                  f"{'number' if scalar.value[0] not in 'tTfF' else 'true/false value'} in YAML",
                  f"put it in quotes: \"{scalar.value}\"")
        return INVALID
    return scalar.value


def _reads_as_non_text(value: str) -> bool:
    """Whether YAML (the 1.2 core schema editors use) reads this plain scalar as a number or boolean."""
    if value[0] not in "0123456789+-.tTfF":
        return False
    return bool(_INT.fullmatch(value) or _FLOAT.fullmatch(value)) or value in _TRUE or value in _FALSE


def _parse_int(value: str) -> Any:
    return int(value) if _INT.fullmatch(value) else INVALID


def _parse_number(value: str) -> Any:
    if _INT.fullmatch(value):
        return int(value)
    return float(value) if _FLOAT.fullmatch(value) else INVALID


def _parse_bool(value: str) -> Any:
    return True if value in _TRUE else False if value in _FALSE else INVALID


def _plain_reader(wanted: str, parse: Callable[[str], Any], hint: str) -> Reader:
    """A reader for an unquoted scalar that YAML gives a type: a number or a boolean."""

    def read(node: YNode, ctx: Context, name: str) -> Any:
        scalar = _expect_scalar(node, ctx, name, wanted)
        if scalar is None:
            return INVALID
        value = parse(scalar.value) if scalar.plain else INVALID
        if value is INVALID:
            ctx.error(node, "wrong-type", f"{name} should be {wanted}, not {describe(scalar)}", hint)
        return value

    return read


_read_int = _plain_reader("a whole number", _parse_int, "write digits only, without quotes")
_read_number = _plain_reader("a number", _parse_number, "write the number without quotes, e.g. 1999 or 2.5")
_read_bool = _plain_reader("true or false", _parse_bool, "write true or false, without quotes")


def _read_source_ref(node: YNode, ctx: Context, name: str) -> Any:
    text = _read_text(node, ctx, name)
    if text is INVALID:
        return INVALID
    ref = SourceRef.parse(text)
    if ref is None:
        ctx.error(node, "bad-source-ref", f"{name} {text!r} is not a source reference",
                  "write a source id from `sources`, optionally with a paragraph: report#p6")
        return INVALID
    return ref


_SCALAR_READERS: dict[Any, Reader] = {
    str: _read_text,
    int: _read_int,
    float: _read_number,
    bool: _read_bool,
    SourceRef: _read_source_ref,
}


# --- constraints from field metadata -------------------------------------------------------------


def _constrained(reader: Reader, meta: typing.Mapping[str, Any]) -> Reader:
    """Wrap a reader with the checks its field declares (length, range, pattern)."""
    min_length, pattern = meta.get("min_length"), meta.get("pattern")
    minimum, maximum = meta.get("minimum"), meta.get("maximum")
    if min_length is None and pattern is None and minimum is None and maximum is None:
        return reader
    compiled = re.compile(pattern) if pattern else None

    def read(node: YNode, ctx: Context, name: str) -> Any:
        value = reader(node, ctx, name)
        if value is INVALID:
            return value
        if min_length is not None and len(value.strip()) < min_length:
            if not value.strip():
                ctx.error(node, "empty-text", f"{name} is empty", f"write the {name}")
            else:
                ctx.error(node, "too-short", f"{name} is shorter than {min_length} characters",
                          f"write a complete {name}")
            return INVALID
        if compiled is not None and not compiled.match(value):
            ctx.error(node, "bad-id", f"{name} {value!r} may only use lowercase letters, digits, '.', '_' "
                      "and '-', starting with a letter or digit", f"rename it, e.g. {_slug(value)!r}")
            return INVALID
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            bounds = f"from {minimum} to {maximum}" if maximum is not None else f"at least {minimum}"
            ctx.error(node, "out-of-range", f"{name} is {value}, but must be {bounds}",
                      f"use a value {bounds}")
            return INVALID
        return value

    return read


def _slug(text: str) -> str:
    return slug(text, limit=80, keep="._") or "id"


# --- readers for containers and records ----------------------------------------------------------


def _sequence_reader(item: Reader, meta: typing.Mapping[str, Any]) -> Reader:
    min_items, max_items = meta.get("min_items"), meta.get("max_items")
    one_or_many = meta.get("one_or_many", False)
    keep_valid = meta.get("keep_valid", False)

    def read(node: YNode, ctx: Context, name: str) -> Any:
        if isinstance(node, YScalar) and one_or_many and not node.is_null:
            nodes: list[YNode] = [node]
        elif isinstance(node, YSequence):
            nodes = node.items
        else:
            wanted = "a list" if not one_or_many else "one value or a list"
            ctx.error(node, "wrong-type", f"{name} should be {wanted}, not {describe(node)}",
                      f"write {name} as a list, one '- item' per line")
            return INVALID
        values = tuple(item(child, ctx, f"{name}[{index}]") for index, child in enumerate(nodes))
        count = len(values)
        if min_items is not None and count < min_items:
            ctx.error(node, "too-few-items", f"{name} has {count} item(s); it needs at least {min_items}",
                      f"add {min_items - count} more")
            return INVALID
        if max_items is not None and count > max_items:
            ctx.error(node, "too-many-items", f"{name} has {count} items; at most {max_items} are allowed",
                      "remove some, or split the question")
            return INVALID
        if INVALID in values:
            return tuple(value for value in values if value is not INVALID) if keep_valid else INVALID
        return values

    return read


def _mapping_reader(value: Reader, meta: typing.Mapping[str, Any]) -> Reader:
    min_items = meta.get("min_items")
    key_pattern = re.compile(model.ID_PATTERN)

    def read(node: YNode, ctx: Context, name: str) -> Any:
        if not isinstance(node, YMapping):
            ctx.error(node, "wrong-type", f"{name} should be a mapping, not {describe(node)}",
                      f"write {name} as 'key: value' lines")
            return INVALID
        result: dict[str, Any] = {}
        for key, (key_node, child) in node.items.items():
            if not key_pattern.match(key):
                ctx.error(key_node, "bad-id", f"{name} key {key!r} is not a valid id",
                          f"use lowercase letters, digits, '.', '_' and '-', e.g. {_slug(key)!r}")
                result[key] = INVALID
                continue
            result[key] = value(child, ctx, f"{name}.{key}")
        if INVALID in result.values():
            return INVALID
        if min_items is not None and len(result) < min_items:
            ctx.error(node, "too-few-items", f"{name} is empty", f"add at least {min_items} entry")
            return INVALID
        return result

    return read


@dataclass(frozen=True)
class _FieldReader:
    name: str
    read: Reader
    required: bool


def _record_reader(cls: type) -> Reader:
    """A reader for a dataclass from a mapping, reporting unknown, missing and invalid fields."""
    field_readers = _field_readers(cls)
    by_name = {fr.name: fr for fr in field_readers}
    keeps_spans = "spans" in {f.name for f in fields(cls)}
    shorthand = getattr(cls, "SHORTHAND", None)
    known = ", ".join(by_name)

    list_shorthand = shorthand is not None and typing.get_origin(typing.get_type_hints(cls)[shorthand]) is tuple

    def read(node: YNode, ctx: Context, name: str) -> Any:
        if shorthand is not None and (isinstance(node, YScalar) or (list_shorthand and isinstance(node, YSequence))):
            value = by_name[shorthand].read(node, ctx, name)
            return INVALID if value is INVALID else cls(**{shorthand: value})
        if not isinstance(node, YMapping):
            ctx.error(node, "wrong-type", f"{name} should be a mapping, not {describe(node)}",
                      f"write {name} as 'key: value' lines ({known})")
            return INVALID
        return _read_fields(cls, node, ctx, name, by_name, keeps_spans)

    return read


def _read_fields(
    cls: type,
    node: YMapping,
    ctx: Context,
    name: str,
    by_name: dict[str, _FieldReader],
    keeps_spans: bool,
    skip: frozenset[str] = frozenset(),
) -> Any:
    values: dict[str, Any] = {}
    spans: dict[str, Pos] = {"": (node.line, node.col)}
    valid = True
    for key, (key_node, child) in node.items.items():
        if key in skip:
            continue
        reader = by_name.get(key)
        if reader is None:
            ctx.error(key_node, "unknown-field", f"unknown field {key!r} in {name.rstrip(':')}",
                      _suggest(key, by_name))
            valid = False
            continue
        value = reader.read(child, ctx, _child_name(name, key))
        if value is INVALID:
            valid = False
            continue
        values[key] = value
        if keeps_spans:
            spans[key] = (child.line, child.col)
            if isinstance(child, YSequence):
                for index, item in enumerate(child.items):
                    spans[f"{key}[{index}]"] = (item.line, item.col)
            elif isinstance(child, YScalar):
                spans[f"{key}[0]"] = (child.line, child.col)
            elif isinstance(child, YMapping):
                for item_key, (item_key_node, _) in child.items.items():
                    spans[f"{key}.{item_key}"] = (item_key_node.line, item_key_node.col)
    for reader in by_name.values():
        if reader.required and reader.name not in node.items:
            ctx.error(node, "missing-field", f"{name.rstrip(':')} has no {reader.name!r}", f"add '{reader.name}:'")
            valid = False
    if not valid:
        return INVALID
    if keeps_spans:
        values["spans"] = spans
    return cls(**values)


def _child_name(name: str, key: str) -> str:
    """'title' at the top, "question 'q1': prompt" in a question, 'sources.report.title' below."""
    if name == "bank":
        return key
    return f"{name} {key}" if name.endswith(":") else f"{name}.{key}"


def _suggest(key: str, known: Iterable[str]) -> str:
    return did_you_mean(key, known) or "allowed here: " + ", ".join(known)


def _field_readers(cls: type) -> list[_FieldReader]:
    hints = typing.get_type_hints(cls)
    readers = []
    for f in fields(cls):
        if f.metadata.get("internal"):
            continue
        required = f.default is MISSING and f.default_factory is MISSING
        readers.append(_FieldReader(f.name, _reader_for(hints[f.name], f.metadata), required))
    return readers


def _reader_for(hint: Any, meta: typing.Mapping[str, Any]) -> Reader:
    if hint == AnyQuestion:
        return _read_question
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [arg for arg in args if arg is not type(None)]
        return _reader_for(inner, meta)
    if origin is tuple:
        return _sequence_reader(_reader_for(args[0], {"pattern": meta.get("pattern")}), meta)
    if origin is dict:
        return _mapping_reader(_reader_for(args[1], {}), meta)
    if hint in _SCALAR_READERS:
        return _constrained(_SCALAR_READERS[hint], meta)
    if is_dataclass(hint):
        return _record_reader(hint)  # type: ignore[arg-type]
    raise TypeError(f"the model uses a type the loader cannot read: {hint!r}")


# --- questions: dispatch on `type` ---------------------------------------------------------------

_QUESTION_FIELDS = {
    name: ({fr.name: fr for fr in _field_readers(cls)}, cls) for name, cls in QUESTION_TYPES.items()
}
_TYPE_SKIP = frozenset(("type",))


def _read_question(node: YNode, ctx: Context, name: str) -> Any:
    if not isinstance(node, YMapping):
        ctx.error(node, "wrong-type", f"{name} should be a question (a mapping), not {describe(node)}",
                  "start each question with '- id: ...' and give its fields below it")
        return INVALID
    entry = node.items.get("type")
    if entry is None:
        ctx.error(node, "missing-field", f"{_question_name(node, name)} has no 'type'",
                  "add 'type:' with one of: " + ", ".join(QUESTION_TYPES))
        return INVALID
    type_node = entry[1]
    kind = type_node.value if isinstance(type_node, YScalar) else ""
    if kind not in _QUESTION_FIELDS:
        ctx.error(type_node, "unknown-type", f"unknown question type {describe(type_node)}",
                  _suggest(kind, QUESTION_TYPES))
        return INVALID
    by_name, cls = _QUESTION_FIELDS[kind]
    return _read_fields(cls, node, ctx, _question_name(node, name), by_name, True, _TYPE_SKIP)


def _question_name(node: YMapping, fallback: str) -> str:
    entry = node.items.get("id")
    if entry is not None and isinstance(entry[1], YScalar) and entry[1].value:
        return f"question {entry[1].value!r}:"
    return fallback


# --- whole files ---------------------------------------------------------------------------------

_BANK_FIELDS = {fr.name: fr for fr in _field_readers(Bank)}


def _decode(data: bytes, ctx: Context) -> str | None:
    if not data.strip():
        ctx.error((1, 1), "empty-file", "the file is empty", "start from `quiz new FILE`")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
        ctx.error((line, col), "not-utf8", f"byte 0x{data[error.start]:02x} is not valid UTF-8",
                  "save the file as UTF-8 in your editor")
        return None
    return text.removeprefix("\ufeff")


def read_bank_text(text: str, path: str) -> tuple[Bank | None, list[Problem]]:
    """Read one bank from its text; the bank is None when there was an error."""
    ctx = Context(path, [])
    root = build_tree(text, lambda line, col, code, message, hint: ctx.error((line, col), code, message, hint))
    if root is None or has_errors(ctx.problems):
        if root is None and not ctx.problems:
            ctx.error((1, 1), "empty-file", "the file has no content", "start from `quiz new FILE`")
        return None, ctx.problems
    if not isinstance(root, YMapping):
        ctx.error(root, "not-a-mapping", f"a bank is a mapping of fields, but this file holds {describe(root)}",
                  "start the file with 'format: 1', 'id:', 'title:' ... and put questions under 'questions:'")
        return None, ctx.problems
    if not _format_supported(root, ctx):
        return None, ctx.problems
    bank = _read_fields(Bank, root, ctx, "bank", _BANK_FIELDS, True)
    if bank is INVALID:
        return None, ctx.problems
    return _with_path(bank, path), ctx.problems


def _format_supported(root: YMapping, ctx: Context) -> bool:
    entry = root.items.get("format")
    if entry is None:
        return True  # reported as a missing field with the others
    node = entry[1]
    if isinstance(node, YScalar) and node.plain and _INT.fullmatch(node.value):
        version = int(node.value)
        if version > FORMAT_VERSION:
            ctx.error(node, "unsupported-format", f"this bank is written in format {version}, but this quiz "
                      f"reads formats up to {FORMAT_VERSION}", "upgrade quiz: pip install --upgrade quiz")
            return False
        if version < 1:
            ctx.error(node, "unsupported-format", f"format {version} does not exist", "write 'format: 1'")
            return False
    return True


def _with_path(bank: Bank, path: str) -> Bank:
    object.__setattr__(bank, "path", path)
    return bank


def read_bank_file(path: Path, max_bytes: int = MAX_BYTES) -> tuple[Bank | None, list[Problem]]:
    """Read one bank file, refusing oversized, non-UTF-8 and empty files before parsing them.

    Raises OSError when the file cannot be read at all (the caller decides what that means).
    """
    shown = str(path)
    ctx = Context(shown, [])
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        ctx.error((1, 1), "file-too-large", f"the file is over {max_bytes // (1024 * 1024)} MiB",
                  "split the bank into several files")
        return None, ctx.problems
    text = _decode(data, ctx)
    if text is None:
        return None, ctx.problems
    return read_bank_text(text, shown)


def load_bank_file(path: Path, max_bytes: int = MAX_BYTES) -> tuple[Bank | None, list[Problem]]:
    """Read and check one bank; the bank is None when it has errors (warnings keep it)."""
    try:
        bank, problems = read_bank_file(path, max_bytes)
    except OSError as error:
        return None, [Problem(str(path), 1, 1, "unreadable", f"cannot read the file: {error.strerror}",
                              "check the path and its permissions")]
    if bank is not None:
        problems.extend(check_bank(bank, complete=not has_errors(problems)))
        if has_errors(problems):
            bank = None
    return bank, problems


@dataclass(frozen=True)
class LoadResult:
    """The usable banks from a set of paths, and every problem found in them."""

    banks: list[Bank]
    problems: list[Problem]
    files: int

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


def load_paths(paths: Sequence[Path], max_bytes: int = MAX_BYTES) -> LoadResult:
    """Load every bank under the paths; ids must be unique across all of them.

    Raises FileNotFoundError for a path that does not exist.
    """
    files = find_bank_files(paths)
    banks: list[Bank] = []
    problems: list[Problem] = []
    for path in files:
        bank, found = load_bank_file(path, max_bytes)
        problems.extend(found)
        if bank is not None:
            banks.append(bank)
    across = check_across(banks)
    if across:
        problems.extend(across)
        clashing = {problem.path for problem in across}
        banks = [bank for bank in banks if bank.path not in clashing]
    problems.sort(key=Problem.sort_key)
    return LoadResult(banks, problems, len(files))
