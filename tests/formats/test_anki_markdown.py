"""Anki packages open in Anki's own library with stable GUIDs; the worksheet shows text as written."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from quiz.bank.model import Bank, ChoiceQuestion
from quiz.formats.exports.anki import FIELDS, export_anki, note_guid
from quiz.formats.exports.markdown import export_markdown, md
from tests.formats.conftest import HOSTILE


def _notes_by_sqlite(data: bytes, tmp_path: Path) -> list[tuple[str, list[str], str]]:
    database = tmp_path / "collection.anki2"
    database.write_bytes(zipfile.ZipFile(io.BytesIO(data)).read("collection.anki2"))
    with sqlite3.connect(database) as connection:
        rows = connection.execute("select guid, flds, tags from notes").fetchall()
    return [(guid, fields.split("\x1f"), tags) for guid, fields, tags in rows]


def test_apkg_has_one_note_per_question_with_every_field(bank: Bank, tmp_path: Path) -> None:
    notes = _notes_by_sqlite(export_anki([bank]).data, tmp_path)
    assert len(notes) == len(bank.questions)
    by_id = {fields[0]: (guid, fields, tags) for guid, fields, tags in notes}
    guid, fields, tags = by_id["demo.choice"]
    assert len(fields) == len(FIELDS)
    assert guid == note_guid("demo", "demo.choice")
    assert "Because of demo.choice." in fields[3] and "A report" in fields[4] and fields[5] == "Think north."
    assert tags.split() == ["topic", "difficulty-2"]


def test_reexport_after_an_edit_keeps_guids_and_model_ids(bank: Bank, tmp_path: Path) -> None:
    edited = replace(bank, questions=(replace(bank.questions[0], prompt="Reworded?"), *bank.questions[1:]))
    first = {f[0]: g for g, f, _ in _notes_by_sqlite(export_anki([bank]).data, tmp_path)}
    second = {f[0]: g for g, f, _ in _notes_by_sqlite(export_anki([edited]).data, tmp_path)}
    assert first == second
    models = [json.loads(_col(export_anki([b]).data, tmp_path)) for b in (bank, edited)]
    assert models[0].keys() == models[1].keys()


def _col(data: bytes, tmp_path: Path) -> str:
    database = tmp_path / "models.anki2"
    database.write_bytes(zipfile.ZipFile(io.BytesIO(data)).read("collection.anki2"))
    with sqlite3.connect(database) as connection:
        return connection.execute("select models from col").fetchone()[0]


def test_real_anki_imports_the_package_with_our_guids(bank: Bank, tmp_path: Path) -> None:
    collection_module = pytest.importorskip("anki.collection")
    package = tmp_path / "demo.apkg"
    package.write_bytes(export_anki([bank]).data)
    col = collection_module.Collection(str(tmp_path / "check.anki2"))
    try:
        request = collection_module.ImportAnkiPackageRequest(
            package_path=str(package), options=collection_module.ImportAnkiPackageOptions())
        col.import_anki_package(request)
        notes = [col.get_note(nid) for nid in col.find_notes("")]
        assert {n.guid for n in notes} == {note_guid("demo", q.id) for q in bank.questions}
        assert all(list(n.keys()) == list(FIELDS) for n in notes)
        assert "Demo bank" in [d.name for d in col.decks.all_names_and_ids()]
    finally:
        col.close()


def test_worksheet_has_questions_then_answer_key_with_explanations(bank: Bank) -> None:
    text = export_markdown([bank]).data.decode()
    questions, key = text.split("## Answer key", 1)
    assert "Because of demo.choice." not in questions
    letter = next(line for line in questions.splitlines() if line.endswith(". Leposavić"))[len("- [ ] "):][0]
    assert f"**1.** {letter}. Leposavić" in key and "Because of demo.choice." in key
    assert "- Hint: Think north." in key
    assert "**4.** False" in key and "first → second → third" in key


def test_worksheet_escapes_markdown_so_text_shows_as_written(bank: Bank) -> None:
    text = export_markdown([bank]).data.decode()
    assert "\\[citation needed\\]" in text
    assert HOSTILE not in text
    assert "\\<b\\>\\&amp;\\</b\\>" in text


def test_worksheet_text_renders_as_written_even_when_it_looks_like_an_entity(bank: Bank) -> None:
    import html
    import re

    from markdown_it import MarkdownIt

    def shown(markdown: str) -> str:
        rendered = MarkdownIt("commonmark").enable("table").render(markdown)
        return html.unescape(re.sub(r"<[^>]+>", "", rendered))

    assert HOSTILE in shown(export_markdown([bank]).data.decode())
    for text in ("<b>&amp;</b>", "AT&T &copy; &#169; &#x41; &x", "a \\& b & c"):
        assert shown(md(text)).strip() == text


def _many_choice_questions(bank: Bank, count: int) -> Bank:
    """The bank's choice question repeated, its answer written first each time, as authors often do."""
    choice = next(q for q in bank.questions if isinstance(q, ChoiceQuestion))
    first = replace(choice, choices=tuple(sorted(choice.choices, key=lambda c: c.text != choice.answer)))
    return replace(bank, questions=tuple(replace(first, id=f"demo.c{n}") for n in range(count)))


def test_worksheet_and_cards_do_not_put_the_answer_where_the_file_does(bank: Bank, tmp_path: Path) -> None:
    many = _many_choice_questions(bank, 12)
    answer = many.questions[0].answer  # type: ignore[union-attr]
    questions, key = export_markdown([many]).data.decode().split("## Answer key", 1)
    printed = [line[len("- [ ] "):][0] for line in questions.splitlines() if line.endswith(f". {answer}")]
    keyed = [line.split()[1][0] for line in key.splitlines() if line.endswith(f". {answer}")]
    assert printed == keyed and len(printed) == 12
    assert len(set(printed)) > 1
    fronts = [fields[1] for _, fields, _ in _notes_by_sqlite(export_anki([many]).data, tmp_path)]
    assert len({front.index(answer) for front in fronts}) > 1
