"""Bank files -> model objects, with every problem found on the way.

The readers are derived from the dataclasses in ``model.py`` (their type hints and field metadata),
so the model stays the single source of truth for what a bank may contain.
"""

from __future__ import annotations

import math
import re
import types
import typing
from collections.abc import Callable, Iterable, Sequence
from dataclasses import MISSING, dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any

from quiz.bank import model
from quiz.bank.files import MAX_BYTES, find_bank_files, read_at_most, size_text
from quiz.bank.model import FORMAT_VERSION, QUESTION_TYPES, AnyQuestion, Bank, Pos, SourceRef
from quiz.bank.problems import DEFAULT_MAX_PROBLEMS, MAX_COUNTED, Problem, did_you_mean, has_errors, more_problems
from quiz.bank.text import plural, slug
from quiz.bank.validate import check_across, check_bank
from quiz.bank.yaml_tree import Checking, YMapping, YNode, YReadItems, YScalar, YSequence, build_tree, describe

_INT = re.compile(r"[-+]?[0-9]+")
_MAX_DIGITS = 100
"""Digits a whole number in a bank may have: far more than any answer needs, far below int()'s limit."""
_TAG = "tag:yaml.org,2002:"
_FLOAT = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_TRUE, _FALSE = frozenset(("true", "True", "TRUE")), frozenset(("false", "False", "FALSE"))


class _Invalid:
    """Marks a value that could not be read; its problem is already reported."""


INVALID: Any = _Invalid()

Reader = Callable[[YNode, "Context", str], Any]


@dataclass
class Context:
    """Where reading happens, and where its problems go: the first ``limit`` kept, the others counted."""

    path: str
    problems: list[Problem]
    limit: int = DEFAULT_MAX_PROBLEMS
    hidden: int = 0
    hidden_errors: int = 0
    parsed_only_after: Pos | None = None
    """The position after which only YAML syntax was checked, once ``MAX_COUNTED`` problems were counted."""

    @property
    def full(self) -> bool:
        """Whether the next problem would only be counted: its message need not be written."""
        return len(self.problems) >= self.limit

    def count_error(self) -> None:
        """Count an error without writing it, once the context is full."""
        self.hidden += 1
        self.hidden_errors += 1

    @property
    def failed(self) -> bool:
        """Whether any error was found, kept or only counted."""
        return bool(self.hidden_errors) or has_errors(self.problems)

    def error(self, where: YNode | Pos, code: str, message: str, hint: str = "") -> None:
        if len(self.problems) >= self.limit and code != "yaml-syntax":  # a file has one, and it says most
            self.count_error()
            return
        line, col = (where.line, where.col) if not isinstance(where, tuple) else where
        self.problems.append(Problem(self.path, line, col, code, _clipped(message), _clipped(hint)))

    def extend(self, problems: list[Problem]) -> None:
        """Add problems found elsewhere (the validator's), keeping within the limit."""
        room = max(0, self.limit - len(self.problems))
        self.problems.extend(problems[:room])
        self.hidden += len(problems[room:])
        self.hidden_errors += sum(problem.is_error for problem in problems[room:])

    def reported(self) -> list[Problem]:
        """The problems kept, then one saying how many more there were, if any."""
        if not self.hidden:
            return self.problems
        return [*self.problems, more_problems(self.path, self.hidden, self.limit, self.hidden_errors > 0,
                                              self.parsed_only_after)]


MAX_MESSAGE = 400
"""The longest message or hint kept: one quoting a 10 MB value must not print 10 MB."""


def _clipped(text: str) -> str:
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 3] + "..."


# --- readers for scalars -------------------------------------------------------------------------


def _expect_scalar(node: YNode, ctx: Context, name: str, wanted: str) -> YScalar | None:
    if isinstance(node, YScalar):
        return node
    ctx.error(node, "wrong-type", f"{name} should be {wanted}, not {describe(node)}",
              f"write {name} as {wanted}")
    return None


def _tag_refused(scalar: YScalar, ctx: Context, name: str, wanted: str, allowed: tuple[str, ...]) -> bool:
    """An explicit standard tag is respected: one that says the value is something else is an error."""
    if scalar.tag is None or scalar.tag in allowed:
        return False
    tag = "!!" + scalar.tag.removeprefix(_TAG)
    ctx.error(scalar, "wrong-type", f"{name} should be {wanted}, but it is tagged {tag}",
              f"remove the tag {tag}: a bank needs no tags")
    return True


def _read_text(node: YNode, ctx: Context, name: str) -> Any:
    scalar = _expect_scalar(node, ctx, name, "text")
    if scalar is None or _tag_refused(scalar, ctx, name, "text", (_TAG + "str",)):
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


class _OutOfRange(ValueError):
    """A number written correctly that quiz cannot hold: too many digits, or beyond a float."""


def _parse_int(value: str) -> Any:
    if not _INT.fullmatch(value):
        return INVALID
    if len(value.lstrip("+-")) > _MAX_DIGITS:
        raise _OutOfRange(f"has {len(value.lstrip('+-'))} digits; at most {_MAX_DIGITS} are allowed")
    return int(value)


def _parse_number(value: str) -> Any:
    if _INT.fullmatch(value):
        return _parse_int(value)
    if not _FLOAT.fullmatch(value):
        return INVALID
    number = float(value)
    if not math.isfinite(number):
        raise _OutOfRange("is beyond the largest number quiz can hold")
    return number


def _parse_bool(value: str) -> Any:
    return True if value in _TRUE else False if value in _FALSE else INVALID


def _plain_reader(wanted: str, parse: Callable[[str], Any], hint: str, tags: tuple[str, ...]) -> Reader:
    """A reader for an unquoted scalar that YAML gives a type: a number or a boolean."""
    allowed = tuple(_TAG + tag for tag in tags)

    def read(node: YNode, ctx: Context, name: str) -> Any:
        scalar = _expect_scalar(node, ctx, name, wanted)
        if scalar is None or _tag_refused(scalar, ctx, name, wanted, allowed):
            return INVALID
        try:
            reader = _parse_int if scalar.tag == _TAG + "int" else parse  # !!int 5.5 is no whole number
            value = reader(scalar.value) if scalar.plain or scalar.tag else INVALID
        except _OutOfRange as error:
            ctx.error(node, "out-of-range", f"{name} {error}", "write a smaller number")
            return INVALID
        if value is INVALID:
            ctx.error(node, "wrong-type", f"{name} should be {wanted}, not {describe(scalar)}", hint)
        return value

    return read


_read_int = _plain_reader("a whole number", _parse_int, "write digits only, without quotes", ("int",))
_read_number = _plain_reader("a number", _parse_number, "write the number without quotes, e.g. 1999 or 2.5",
                             ("int", "float"))
_read_bool = _plain_reader("true or false", _parse_bool, "write true or false, without quotes", ("bool",))


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
    minimum, maximum, one_of = meta.get("minimum"), meta.get("maximum"), meta.get("one_of")
    if min_length is None and pattern is None and minimum is None and maximum is None and one_of is None:
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
        if compiled is not None and not compiled.fullmatch(value):
            ctx.error(node, "bad-id", f"{name} {value!r} may only use lowercase letters, digits, '.', '_' "
                      "and '-', starting with a letter or digit", f"rename it, e.g. {_slug(value)!r}")
            return INVALID
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            bounds = f"from {minimum} to {maximum}" if maximum is not None else f"at least {minimum}"
            ctx.error(node, "out-of-range", f"{name} is {value}, but must be {bounds}",
                      f"use a value {bounds}")
            return INVALID
        if one_of is not None and value not in one_of:
            ctx.error(node, "unknown-value", f"{name} {value!r} is not one of: {', '.join(one_of)}",
                      did_you_mean(value, one_of) or f"use one of: {', '.join(one_of)}")
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
        if isinstance(node, YReadItems):
            return _read_items(node, ctx, name)
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

    def _read_items(node: YReadItems, ctx: Context, name: str) -> Any:
        """A list whose items the tree builder already read: only its length is left to check."""
        if min_items is not None and node.count < min_items:
            ctx.error(node, "too-few-items", f"{name} has {node.count} item(s); it needs at least {min_items}",
                      f"add {min_items - node.count} more")
            return INVALID
        if node.invalid and not keep_valid:
            return INVALID
        return tuple(node.values)

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
            if not key_pattern.fullmatch(key):
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
        item_meta = {"pattern": meta.get("pattern"), "one_of": meta.get("one_of")}
        return _sequence_reader(_reader_for(args[0], item_meta), meta)
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
        if ctx.full:  # millions of broken items: count them without writing a message for each
            ctx.count_error()
            return INVALID
        ctx.error(node, "wrong-type", f"{name} should be a question (a mapping), not {describe(node)}",
                  "start each question with '- id: ...' and give its fields below it")
        return INVALID
    entry = node.items.get("type")
    if entry is None:
        if ctx.full:
            ctx.count_error()
            return INVALID
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


def read_bank_text(
    text: str, path: str, max_problems: int = DEFAULT_MAX_PROBLEMS
) -> tuple[Bank | None, list[Problem]]:
    """Read one bank from its text; the bank is None when there was an error."""
    bank, ctx = _read_bank(text, Context(path, [], max_problems))
    return bank, ctx.reported()


def _read_bank(text: str, ctx: Context) -> tuple[Bank | None, Context]:
    """Read a bank, its questions one by one as the parser reaches them; their problems count only when
    the file is well-formed YAML (a syntax error alone says more than the questions read before it)."""
    questions = Context(ctx.path, [], ctx.limit)
    stream = ("questions", lambda node, index: _read_question(node, questions, f"questions[{index}]"), INVALID)
    checking = Checking(lambda: ctx.hidden_errors + questions.hidden_errors >= MAX_COUNTED)
    root = build_tree(text, lambda line, col, code, message, hint: ctx.error((line, col), code, message, hint),
                      stream, checking)
    if checking.parsed_only_after is not None:  # enough problems counted: the rest was only parsed
        _merge(ctx, questions)
        ctx.parsed_only_after = checking.parsed_only_after
        return None, ctx
    if root is None or ctx.failed:
        if root is None and not ctx.problems:
            ctx.error((1, 1), "empty-file", "the file has no content", "start from `quiz new FILE`")
        return None, ctx
    if not isinstance(root, YMapping):
        if isinstance(root, YSequence):
            _not_a_bank(root, ctx, _list_looks_like(root))
        else:
            ctx.error(root, "not-a-mapping", f"a bank is a mapping of fields, but this file holds {describe(root)}",
                      "start the file with 'format: 1', 'id:', 'title:' ... and put questions under 'questions:'")
        return None, ctx
    if "format" not in root.items and "questions" not in root.items:
        _not_a_bank(root, ctx, _mapping_looks_like(root))
        return None, ctx
    if not _format_supported(root, ctx):
        return None, ctx
    _merge(ctx, questions)
    bank = _read_fields(Bank, root, ctx, "bank", _BANK_FIELDS, True)
    if bank is INVALID:
        return None, ctx
    return _with_path(bank, ctx.path), ctx


def _merge(ctx: Context, questions: Context) -> None:
    """The questions' problems, kept and counted, into the file's."""
    ctx.extend(questions.problems)
    ctx.hidden += questions.hidden
    ctx.hidden_errors += questions.hidden_errors


_QUESTION_KEYS = frozenset(("question", "prompt", "answer", "answers", "choices", "options", "type", "correct"))


def _not_a_bank(root: YNode, ctx: Context, looks_like: str) -> None:
    """One message for another tool's YAML, instead of one per field it lacks."""
    ctx.error(root, "not-a-bank", f"this file is not a quiz bank yet: it holds {looks_like}",
              "run `quiz new bank.yaml` to see the shape, then put the file's questions under 'questions:', "
              "each with 'id', 'type', 'prompt', 'explanation', 'source' and its answer")


def _mapping_looks_like(root: YMapping) -> str:
    keys = list(root.items)
    if _QUESTION_KEYS & set(keys):
        return "a single question (" + ", ".join(keys[:5]) + ")"
    return "a mapping with the keys " + ", ".join(repr(key) for key in keys[:5]) + ("..." if len(keys) > 5 else "")


def _list_looks_like(root: YSequence) -> str:
    count = len(root.items) if not isinstance(root, YReadItems) else root.count
    questions = sum(1 for item in root.items if isinstance(item, YMapping) and _QUESTION_KEYS & set(item.items))
    if questions and questions * 2 >= len(root.items):
        return f"a list of {count} questions"
    return f"a list of {plural(count, 'item')}"


def _format_supported(root: YMapping, ctx: Context) -> bool:
    entry = root.items.get("format")
    if entry is None:
        return True  # reported as a missing field with the others
    node = entry[1]
    if isinstance(node, YScalar) and node.plain and _INT.fullmatch(node.value) and len(node.value) <= _MAX_DIGITS:
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


def read_bank_file(
    path: Path, max_bytes: int = MAX_BYTES, max_problems: int = DEFAULT_MAX_PROBLEMS
) -> tuple[Bank | None, list[Problem]]:
    """Read one bank file, refusing oversized, non-UTF-8 and empty files before parsing them.

    Raises OSError when the file cannot be read at all (the caller decides what that means).
    """
    bank, ctx = _read_file(path, max_bytes, Context(str(path), [], max_problems))
    return bank, ctx.reported()


def _read_file(path: Path, max_bytes: int, ctx: Context) -> tuple[Bank | None, Context]:
    data = read_at_most(path, max_bytes)
    if len(data) > max_bytes:
        ctx.error((1, 1), "file-too-large", f"the file is over {size_text(max_bytes)}",
                  "split the bank into several files")
        return None, ctx
    text = _decode(data, ctx)
    if text is None:
        return None, ctx
    return _read_bank(text, ctx)


def load_bank_file(
    path: Path, max_bytes: int = MAX_BYTES, max_problems: int = DEFAULT_MAX_PROBLEMS
) -> tuple[Bank | None, list[Problem]]:
    """Read and check one bank; the bank is None when it has errors (warnings keep it)."""
    ctx = Context(str(path), [], max_problems)
    try:
        bank, ctx = _read_file(path, max_bytes, ctx)
    except OSError as error:
        return None, [Problem(str(path), 1, 1, "unreadable", f"cannot read the file: {error.strerror}",
                              "check the path and its permissions")]
    if bank is not None:
        ctx.extend(check_bank(bank, complete=not ctx.failed))
        if ctx.failed:
            bank = None
    return bank, ctx.reported()


@dataclass(frozen=True)
class LoadResult:
    """The usable banks from a set of paths, and every problem found in them."""

    banks: list[Bank]
    problems: list[Problem]
    files: int

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


def load_paths(
    paths: Sequence[Path], max_bytes: int = MAX_BYTES, max_problems: int = DEFAULT_MAX_PROBLEMS
) -> LoadResult:
    """Load every bank under the paths; ids must be unique across all of them.

    Raises FileNotFoundError for a path that does not exist.
    """
    files = find_bank_files(paths)
    banks: list[Bank] = []
    problems: list[Problem] = []
    for path in files:
        bank, found = load_bank_file(path, max_bytes, max_problems)
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
