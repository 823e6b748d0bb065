"""Moodle XML and QTI: the files parse and have the structure Moodle and Canvas read."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

from quiz.bank.model import Bank
from quiz.formats.exports.moodle_xml import export_moodle_xml
from quiz.formats.exports.qti import CP_NS, QTI_NS, export_qti
from tests.formats.conftest import HOSTILE


def test_moodle_xml_has_a_category_and_one_question_per_bank_question(bank: Bank) -> None:
    root = ET.fromstring(export_moodle_xml([bank]).data)
    assert root.tag == "quiz"
    category, *questions = root.findall("question")
    assert category.get("type") == "category"
    assert category.findtext("category/text") == "$course$/top/Demo bank"
    assert [q.findtext("idnumber") for q in questions] == [q.id for q in bank.questions]
    types = [q.get("type") for q in questions]
    assert types == ["multichoice", "multichoice", "multichoice", "truefalse", "shortanswer", "matching",
                     "matching", "numerical", "numerical", "multichoice"]


def test_moodle_xml_answers_feedback_tags_and_units(bank: Bank) -> None:
    root = ET.fromstring(export_moodle_xml([bank]).data)
    by_id = {q.findtext("idnumber"): q for q in root.findall("question")[1:]}
    choice = by_id["demo.choice"]
    assert choice.findtext("single") == "true"
    assert [(a.get("fraction"), a.findtext("text")) for a in choice.findall("answer")] == [
        ("100", "Leposavić"), ("0", "Zvečan"), ("0", "Gračanica")]
    assert choice.findall("answer")[1].findtext("feedback/text") == "Close, but no."
    assert choice.findtext("hint/text") == "Think north."
    assert [t.text for t in choice.findall("tags/tag/text")] == ["topic", "difficulty-2"]
    assert "Because of demo.choice." in choice.findtext("generalfeedback/text")
    assert "A report (A paper, 2023-09-24), paragraph 2" in choice.findtext("generalfeedback/text")
    multi = by_id["demo.thirds"]
    assert multi.findtext("single") == "false"
    assert [a.get("fraction") for a in multi.findall("answer")] == ["33.33333"] * 3 + ["-33.33333"] * 2
    number = by_id["demo.number"]
    assert number.findtext("answer/tolerance") == "1"
    assert number.findtext("units/unit/unit_name") == "year"
    tf = by_id["demo.tf"]
    assert [(a.findtext("text"), a.get("fraction")) for a in tf.findall("answer")] == [("true", "0"),
                                                                                     ("false", "100")]


def test_moodle_xml_escapes_hostile_text_as_html(bank: Bank) -> None:
    root = ET.fromstring(export_moodle_xml([bank]).data)
    hostile = root.findall("question")[-1]
    assert hostile.findtext("questiontext/text") == HOSTILE.replace("&", "&amp;").replace("<", "&lt;").replace(
        ">", "&gt;")


def _zip(bank: Bank) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(export_qti([bank]).data))


def test_qti_manifest_references_files_that_exist_and_parse(bank: Bank) -> None:
    archive = _zip(bank)
    names = set(archive.namelist())
    manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    hrefs = [f.get("href") for f in manifest.iter(f"{{{CP_NS}}}file")]
    assert len(hrefs) == 2
    for href in hrefs:
        assert href in names
        ET.fromstring(archive.read(href))
    assert any(h.endswith("/assessment_meta.xml") for h in hrefs)


def test_qti_items_carry_canvas_question_types_and_scoring(bank: Bank) -> None:
    archive = _zip(bank)
    name = next(n for n in archive.namelist() if n.endswith(".xml") and "/" in n and "meta" not in n)
    root = ET.fromstring(archive.read(name))
    ns = {"q": QTI_NS}
    items = root.findall(".//q:item", ns)
    assert [i.get("title") for i in items] == [q.id for q in bank.questions]
    kinds = [i.find(".//q:qtimetadatafield[q:fieldlabel='question_type']/q:fieldentry", ns).text for i in items]
    assert kinds[:5] == ["multiple_choice_question", "multiple_answers_question", "multiple_answers_question",
                         "true_false_question", "short_answer_question"]
    assert kinds[5:9] == ["matching_question", "matching_question", "numerical_question", "numerical_question"]
    short = items[4]
    assert [v.text for v in short.findall(".//q:varequal", ns)] == ["Leposavić", "Leposaviq"]
    general = items[0].find("q:itemfeedback[@ident='general_fb']//q:mattext", ns).text
    assert "Because of demo.choice." in general


def test_qti_export_lists_hint_tags_difficulty_and_unit_as_lost(bank: Bank) -> None:
    lost = {(x.where, x.field) for x in export_qti([bank]).losses if x.fails_check}
    assert {("demo.choice", "hint"), ("demo.choice", "tags"), ("demo.choice", "difficulty"),
            ("demo.number", "unit"), ("demo.order", "type")} <= lost
