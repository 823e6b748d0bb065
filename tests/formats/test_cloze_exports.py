"""A cloze in every target: Anki's own Cloze note type, Moodle's embedded answers, Canvas's blanks."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from quiz.bank.model import Bank, Blank, ClozeQuestion, SourceRef
from quiz.formats.exports.anki import export_anki, note_guid
from quiz.formats.exports.gift import export_gift
from quiz.formats.exports.markdown import export_markdown
from quiz.formats.exports.moodle_xml import export_moodle_xml
from quiz.formats.exports.qti import QTI_NS, export_qti
from tests.formats.conftest import make_bank

REF = (SourceRef(source="report", paragraph=2),)


def cloze(*blanks: Blank, passage: str = "Near {1}, in {2}.", qid: str = "demo.cloze") -> ClozeQuestion:
    return ClozeQuestion(id=qid, prompt="Fill in the blanks.", explanation="Because.", source=REF, tags=("t",),
                         passage=passage, blanks=blanks)


TYPED_AND_DROPDOWN = cloze(Blank(answers=("Banjska", "Banjskë")),
                           Blank(answers=("Zvečan",), choices=("Leposavić", "Zvečan", "Gračanica")))


def bank_of(*questions: ClozeQuestion) -> Bank:
    return make_bank(*questions)


def test_anki_uses_a_cloze_note_type_and_anki_makes_one_card_per_blank(tmp_path: Path) -> None:
    collection_module = pytest.importorskip("anki.collection")
    package = tmp_path / "cloze.apkg"
    package.write_bytes(export_anki([bank_of(TYPED_AND_DROPDOWN)]).data)
    col = collection_module.Collection(str(tmp_path / "check.anki2"))
    try:
        request = collection_module.ImportAnkiPackageRequest(
            package_path=str(package), options=collection_module.ImportAnkiPackageOptions())
        col.import_anki_package(request)
        [note_id] = col.find_notes("")
        note = col.get_note(note_id)
        assert note.guid == note_guid("demo", "demo.cloze")
        assert note.note_type()["type"] == 1  # MODEL_CLOZE
        assert "{{c1::Banjska}}" in note["Question"]
        assert "{{c2::Zvečan::Leposavić / Zvečan / Gračanica}}" in note["Question"]
        assert len(col.find_cards("")) == 2
    finally:
        col.close()


def test_moodle_xml_writes_a_multianswer_with_embedded_blanks() -> None:
    root = ET.fromstring(export_moodle_xml([bank_of(TYPED_AND_DROPDOWN)]).data)
    [question] = root.findall("question")[1:]
    assert question.get("type") == "multianswer"
    text = question.findtext("questiontext/text") or ""
    assert "Near {1:SHORTANSWER:=Banjska~=Banjskë}, in {1:MULTICHOICE:Leposavić~=Zvečan~Gračanica}." in text


def test_moodle_embedded_answers_escape_their_special_characters() -> None:
    tricky = cloze(Blank(answers=("a}b#c~d/e", 'say "x" \\ y')), passage="{1}")
    text = ET.fromstring(export_moodle_xml([bank_of(tricky)]).data).findall("question")[1].findtext(
        "questiontext/text") or ""
    assert '{1:SHORTANSWER:=a\\}b\\#c\\~d\\/e~=say \\"x\\" \\\\ y}' in text


def test_qti_writes_canvas_fill_in_multiple_blanks() -> None:
    with zipfile.ZipFile(io.BytesIO(export_qti([bank_of(TYPED_AND_DROPDOWN)]).data)) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".xml") and "meta" not in n and "manifest" not in n)
        root = ET.fromstring(archive.read(name))
    ns = {"q": QTI_NS}
    item = root.find(".//q:item", ns)
    assert item is not None
    fields = {f.findtext("q:fieldlabel", namespaces=ns): f.findtext("q:fieldentry", namespaces=ns)
              for f in item.iterfind(".//q:qtimetadatafield", ns)}
    assert fields["question_type"] == "fill_in_multiple_blanks_question"
    assert "Near [blank1], in [blank2]." in (item.findtext(".//q:presentation/q:material/q:mattext", namespaces=ns)
                                            or "")
    idents = [lid.get("ident") for lid in item.iterfind(".//q:response_lid", ns)]
    assert idents == ["response_blank1", "response_blank2"]


def test_qti_all_dropdowns_become_canvas_multiple_dropdowns() -> None:
    question = cloze(Blank(answers=("A",), choices=("A", "B")), Blank(answers=("D",), choices=("C", "D")))
    exported = export_qti([bank_of(question)])
    with zipfile.ZipFile(io.BytesIO(exported.data)) as archive:
        assert any(b"multiple_dropdowns_question" in archive.read(n) for n in archive.namelist())
    assert not [x for x in exported.losses if x.field == "blanks"]


def test_gift_writes_a_one_blank_cloze_as_a_missing_word_question() -> None:
    one = cloze(Blank(answers=("Banjska", "Banjskë")), passage="The attack was near {1} that night.")
    text = export_gift([bank_of(one)]).data.decode()
    assert "::demo.cloze::The attack was near {\n  =Banjska\n  =Banjskë\n  ####Because.\n} that night." in text


def test_gift_leaves_out_a_cloze_of_several_blanks_and_says_so() -> None:
    exported = export_gift([bank_of(TYPED_AND_DROPDOWN)])
    assert "demo.cloze" not in exported.data.decode()
    [loss] = [x for x in exported.losses if x.where == "demo.cloze" and x.field == "type"]
    assert loss.fails_check and "one blank" in loss.detail


def test_markdown_worksheet_numbers_the_gaps_and_keys_every_blank() -> None:
    text = export_markdown([bank_of(TYPED_AND_DROPDOWN)]).data.decode()
    assert "Near (1) ________, in (2) ________ [Leposavić / Zvečan / Gračanica]." in text
    assert "(1) Banjska / Banjskë; (2) Zvečan" in text


def test_a_one_blank_cloze_round_trips_through_gift_and_a_missing_word_question_becomes_one() -> None:
    from quiz.formats.imports.context import ImportContext
    from quiz.formats.imports.gift import read_gift

    typed = cloze(Blank(answers=("Banjska", "Banjskë")), passage="The attack was near {1}, in the north.")
    picked = cloze(Blank(answers=("Zvečan",), choices=("Leposavić", "Zvečan")), passage="It lies in {1}.",
                   qid="demo.picked")
    text = export_gift([bank_of(typed, picked)]).data.decode()
    back = read_gift(text, ImportContext("b.gift", "demo", "report")).questions
    assert [(q.id, q.prompt, q.passage, q.blanks) for q in back if isinstance(q, ClozeQuestion)] == [
        (q.id, q.prompt, q.passage, q.blanks) for q in (typed, picked)]
    [teacher] = read_gift("Kosovo declared independence in {=2008 =February 2008}.\n",
                          ImportContext("t.gift", "t", "t")).questions
    assert isinstance(teacher, ClozeQuestion) and teacher.prompt == "Fill in the blank."
    assert not teacher.id.endswith("-2")
    assert (teacher.passage, teacher.blanks[0].answers) == ("Kosovo declared independence in {1}.",
                                                           ("2008", "February 2008"))


def test_an_asterisk_in_a_typed_blank_is_not_moodles_wildcard_and_comes_back() -> None:
    from quiz.formats.imports.context import ImportContext
    from quiz.formats.imports.gift import read_gift
    from quiz.formats.imports.moodle_xml import read_moodle_xml

    starred = cloze(Blank(answers=("5*3", "*")), passage="Five times three is written {1}.")
    xml = export_moodle_xml([bank_of(starred)]).data
    text = ET.fromstring(xml).findall("question")[1].findtext("questiontext/text") or ""
    assert "{1:SHORTANSWER:=5\\\\*3~=\\\\*}" in text  # Moodle keeps \* of \\*: an asterisk, not any text
    gift = export_gift([bank_of(starred)]).data.decode()
    for back in (read_moodle_xml(xml, ImportContext("b.xml", "demo", "report")),
                 read_gift(gift, ImportContext("b.gift", "demo", "report"))):
        assert [q.blanks for q in back.questions] == [starred.blanks] and back.notes == ()
