"""Write a bank as YAML a teacher can read and edit: comments, plain scalars where safe, block text.

Used for imported banks. A scalar is written plain only when it reads back as the same text, both
in PyYAML's YAML 1.1 and in the YAML 1.2 core schema of editors and quiz's loader (``no``, ``1:2``
and ``1e5`` stay text): text YAML's grammar takes as one plain scalar is asked of PyYAML's resolver,
anything else is parsed back. What cannot be plain is double-quoted, with every character YAML would
fold or refuse written as an escape.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, is_dataclass
from typing import Any, assert_never

import yaml

from quiz.bank.model import (
    AnyQuestion,
    Bank,
    Blank,
    Choice,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    ShortQuestion,
    SourceRef,
    TrueFalseQuestion,
)
from quiz.bank.text import PLACEHOLDER, PLACEHOLDER_MARK, number_text


def plain(value: Any) -> Any:
    """Dataclasses to dicts (without internal fields and empty defaults), tuples to lists."""
    if isinstance(value, SourceRef):
        return str(value)
    if is_dataclass(value) and not isinstance(value, type):
        data = {}
        for item in fields(value):
            if item.metadata.get("internal"):
                continue
            field_value = getattr(value, item.name)
            if field_value in ("", (), None, {}):
                continue
            data[item.name] = plain(field_value)
        return data
    if isinstance(value, (tuple, list)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    return value


_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@` ")
"""First characters that make YAML read something other than a plain scalar (or need a closer look)."""
_CORE_NOT_TEXT = re.compile(
    r"null|Null|NULL|~|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
"""Plain scalars the YAML 1.2 core schema reads as null, a boolean or a number (quiz's loader refuses
them as text); PyYAML, on YAML 1.1, reads ``1e5`` as text and so cannot tell."""
_CORE_FIRST = frozenset("0123456789+-.nNtTfF~")
"""How those scalars start: other text is not matched against them."""
_STR = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
_IMPLICIT = _RESOLVER.yaml_implicit_resolvers
"""PyYAML's implicit types by the first character of a plain scalar; text starting otherwise stays text."""
_ESCAPED = {code: f"\\u{code:04x}" for code in (*range(0x7F, 0xA0), 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF)}
"""Characters json.dumps leaves raw that a YAML double-quoted scalar folds (U+0085, U+2028, U+2029)
or refuses (DEL, C1 controls, U+FEFF, U+FFFE, U+FFFF): written as escapes, they read back as themselves."""


def _resolved(text: str) -> str:
    """The type PyYAML gives ``text`` as a plain scalar (its stubs leave ``resolve`` untyped)."""
    return str(_RESOLVER.resolve(yaml.ScalarNode, text, (True, False)))  # type: ignore[no-untyped-call]


def _reads_back(snippet: str, value: object) -> bool:
    try:
        return bool(yaml.load(snippet, Loader=_LOADER) == {"k": value})
    except yaml.YAMLError:
        return False


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _plain_text(text: str) -> bool:
    """Whether ``text`` may be written as a plain scalar after ``key: ``.

    Text of printable characters (str.isprintable: no control, line break, tab or odd space) that starts
    with no indicator and holds no ``: `` or `` #`` nor ends in ``:`` or a space is one plain scalar in
    YAML's grammar; the resolvers then say whether it is text. Anything else is parsed back, but a
    tab never stays plain: libyaml reads it there, PyYAML's pure-Python scanner refuses it.
    """
    if text[:1] in _CORE_FIRST and _CORE_NOT_TEXT.fullmatch(text):
        return False
    if ": " in text or " #" in text or text.endswith((":", " ")):
        return False
    if text and text[0] not in _INDICATORS and text.isprintable():
        return text[0] not in _IMPLICIT or _resolved(text) == _STR
    return "\n" not in text and "\t" not in text and text == text.strip() and _reads_back(f"k: {text}", text)


def scalar(value: object, indent: int = 0) -> str:
    """A YAML scalar for ``value``: plain if it reads back unchanged, a ``|`` block for multi-line
    text, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return number_text(value)
    text = str(value)
    if "\n" in text.rstrip("\n") and text == text.lstrip(" "):
        pad = " " * (indent + 2)
        chomp = "" if text.endswith("\n") and not text.endswith("\n\n") else "-"
        body = "\n".join(pad + line if line else "" for line in text.rstrip("\n").split("\n"))
        block = f"|{chomp}\n{body}"
        if _reads_back(f"k: |{chomp}\n" + "\n".join(
                "  " + line if line else "" for line in text.rstrip("\n").split("\n")), text):
            return block
    if _plain_text(text):
        return text
    return json.dumps(text, ensure_ascii=False).translate(_ESCAPED)


def flow_scalar(value: str) -> str:
    """:func:`scalar` for an item of a ``[...]`` list, where a plain ``,`` ``[`` ``]`` ``{`` or ``}`` would
    end the item or the list."""
    return json.dumps(value, ensure_ascii=False).translate(_ESCAPED) if _FLOW.search(value) else scalar(value)


_FLOW = re.compile(r"[,\[\]{}]")


@dataclass(frozen=True)
class Written:
    """The YAML text and the line where each question starts, to map problems back to questions."""

    text: str
    question_lines: dict[int, str]


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, indent: int, key: str, value: object) -> None:
        self.lines.append(f"{' ' * indent}{key}: {scalar(value, indent)}")

    def comment(self, indent: int, text: str) -> None:
        self.lines.extend(f"{' ' * indent}# {line}".rstrip() for line in text.split("\n"))

    def mapping(self, indent: int, data: dict[str, object]) -> None:
        for key, value in data.items():
            if isinstance(value, dict):
                self.lines.append(f"{' ' * indent}{key}:")
                self.mapping(indent + 2, value)
            elif isinstance(value, list):
                self.lines.append(f"{' ' * indent}{key}:")
                self.sequence(indent + 2, value)
            else:
                self.add(indent, key, value)

    def sequence(self, indent: int, items: list[object]) -> None:
        for item in items:
            if isinstance(item, dict):
                start = len(self.lines)
                self.mapping(indent + 2, item)
                self.lines[start] = f"{' ' * indent}- {self.lines[start].lstrip()}"
            else:
                self.lines.append(f"{' ' * indent}- {scalar(item, indent + 2)}")


def _choice(choice: Choice) -> object:
    if not choice.feedback and not choice.credit:
        return choice.text
    written: dict[str, object] = {"text": choice.text}
    written.update({"feedback": choice.feedback} if choice.feedback else {})
    return {**written, "credit": choice.credit} if choice.credit else written


def _blank(blank: Blank) -> object:
    if len(blank.answers) == 1 and not blank.choices:
        return blank.answers[0]
    return {"answers": list(blank.answers), **({"choices": list(blank.choices)} if blank.choices else {})}


def _specific(question: AnyQuestion) -> dict[str, object]:
    match question:
        case ChoiceQuestion():
            return {"choices": [_choice(c) for c in question.choices], "answer": question.answer}
        case MultiQuestion():
            return {"choices": [_choice(c) for c in question.choices], "answers": list(question.answers)}
        case TrueFalseQuestion():
            return {"answer": question.answer}
        case ShortQuestion():
            return {"answers": list(question.answers), **({} if question.typos else {"typos": False})}
        case OrderQuestion():
            return {"items": list(question.items)}
        case MatchQuestion():
            return {"pairs": [{"left": p.left, "right": p.right} for p in question.pairs]}
        case NumberQuestion():
            extra: dict[str, object] = {"answer": question.answer, "tolerance": question.tolerance}
            return {**extra, "unit": question.unit} if question.unit else extra
        case ClozeQuestion():
            return {"passage": question.passage, "blanks": [_blank(blank) for blank in question.blanks]}
        case _:
            assert_never(question)


def _question(writer: _Writer, question: AnyQuestion, origin: str) -> None:
    writer.comment(2, origin)
    start = len(writer.lines)
    writer.mapping(4, {"id": question.id, "type": question.TYPE, "prompt": question.prompt,
                       **_specific(question)})
    writer.lines[start] = "  - " + writer.lines[start].lstrip()
    if question.explanation == PLACEHOLDER:
        writer.comment(4, f"{PLACEHOLDER_MARK}: replace this placeholder with two or three sentences of explanation.")
    writer.add(4, "explanation", question.explanation)
    refs = [flow_scalar(str(ref)) for ref in question.source]
    writer.lines.append(f"    source: {refs[0] if len(refs) == 1 else '[' + ', '.join(refs) + ']'}")
    if question.tags:
        writer.lines.append(f"    tags: [{', '.join(flow_scalar(tag) for tag in question.tags)}]")
    if question.difficulty is not None:
        writer.add(4, "difficulty", question.difficulty)
    if question.hint:
        writer.add(4, "hint", question.hint)
    if question.lint is not None:
        writer.mapping(4, {"lint": plain(question.lint)})


def write_bank(bank: Bank, header: str, schema: str, origins: Mapping[str, str]) -> Written:
    """The bank as commented YAML; ``origins`` says, per question id, where it came from."""
    writer = _Writer()
    if schema:  # the editor's schema line only when there is a schema file to name
        writer.lines.append(f"# yaml-language-server: $schema={schema}")
    writer.comment(0, header)
    writer.mapping(0, {"format": bank.format, "id": bank.id, "title": bank.title,
                       "description": bank.description, "language": bank.language})
    writer.mapping(0, {"sources": plain(bank.sources)})
    notes = plain(bank.notes)
    if notes:
        writer.mapping(0, {"notes": notes})
    writer.lines.append("questions:")
    starts: dict[int, str] = {}
    for question in bank.questions:
        writer.lines.append("")
        starts[len(writer.lines) + 1] = question.id
        _question(writer, question, origins.get(question.id, ""))
    return Written("\n".join(writer.lines) + "\n", starts)
