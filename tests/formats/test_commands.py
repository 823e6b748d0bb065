"""``quiz export`` and ``quiz import`` as a teacher runs them: files, exit codes, reports."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from quiz.bank.load import load_bank_file
from quiz.bank.model import Bank, ShortQuestion
from quiz.cli import main
from quiz.formats.csv_cells import COLUMNS
from tests.formats.conftest import FIXTURES, make_bank


def imported(source: Path, kind: str, out: Path) -> Bank:
    """The bank `quiz import` writes for ``source``, which must import (exit 0) and validate."""
    assert main(["import", str(source), "--from", kind, "-o", str(out)]) == 0
    bank, problems = load_bank_file(out)
    assert bank is not None and not [p for p in problems if p.is_error], problems
    return bank


def test_export_check_fails_when_questions_would_lose_content(bank_file: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(bank_file), "--to", "qti", "--check"]) == 1
    err = capsys.readouterr().err
    assert "would drop question content" in err and "hint: Canvas quiz questions have no hint" in err


def test_export_check_passes_when_nothing_is_lost(tmp_path: Path, bank: Bank,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from quiz.bank.write import write_bank

    plain = make_bank(*[q for q in bank.questions if q.TYPE != "order"])
    path = tmp_path / "plain.yaml"
    path.write_text(write_bank(plain, "x", "none", {}).text, encoding="utf-8")
    assert main(["export", str(path), "--to", "moodle-xml", "--check"]) == 0
    assert not list(tmp_path.glob("*.xml"))
    assert main(["export", str(path), "--to", "gift", "--check"]) == 0
    assert "kept only in comments" in capsys.readouterr().err


def test_export_writes_the_file_and_reports_losses(bank_file: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out" / "demo.gift"
    assert main(["export", str(bank_file), "--to", "gift", "-o", str(out)]) == 0
    assert "[id:demo.choice]" in out.read_text(encoding="utf-8")
    assert "order becomes a match of position -> item" in capsys.readouterr().err


def test_a_binary_export_is_not_written_to_a_terminal(bank_file: Path) -> None:
    leader, follower = pty.openpty()
    try:
        run = subprocess.run([sys.executable, "-m", "quiz", "export", str(bank_file), "--to", "anki"],
                             stdout=follower, stderr=subprocess.PIPE, timeout=60, check=False)
        os.set_blocking(leader, False)
        try:
            written = os.read(leader, 4096)
        except BlockingIOError:
            written = b""
    finally:
        os.close(leader)
        os.close(follower)
    assert run.returncode == 2 and written == b""
    assert b"Anki is a binary file: not written to a terminal" in run.stderr and b"> quiz.apkg" in run.stderr


def test_a_binary_export_goes_to_standard_output_when_it_is_not_a_terminal(bank_file: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "quiz", "export", str(bank_file), "--to", "qti", "-o", "-"],
                         capture_output=True, timeout=60, check=True)
    with zipfile.ZipFile(io.BytesIO(run.stdout)) as archive:
        assert "imsmanifest.xml" in archive.namelist()
    assert b"-> standard output (QTI 1.2 (Canvas))" in run.stderr


def test_export_refuses_an_invalid_bank(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: x\n", encoding="utf-8")
    assert main(["export", str(broken), "--to", "csv"]) == 1


def test_import_writes_a_valid_commented_bank(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "banks" / "chem.yaml"
    assert main(["import", str(FIXTURES / "moodle_examples.gift"), "--from", "gift", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "# from line 4 of moodle_examples.gift" in text
    bank, problems = load_bank_file(out)
    assert bank is not None, problems
    assert not [p for p in problems if p.is_error]
    assert len(bank.questions) == 11 and "moodle-examples" in bank.sources
    err = capsys.readouterr().err
    assert "line 49: essay question skipped" in err and "TO DO: write the explanation of" in err


def test_an_import_that_would_make_a_bank_too_large_to_validate_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The limit is `quiz validate`'s (16 MiB): lowered here so that a small file crosses it."""
    monkeypatch.setattr("quiz.formats.imports.import_file.MAX_BYTES", 2048)
    out = tmp_path / "chem.yaml"
    assert main(["import", str(FIXTURES / "moodle_examples.gift"), "--from", "gift", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "moodle_examples.gift, line 1: the 11 questions would make a bank of" in err
    assert "bytes, over the 2048 bytes a bank file may hold" in err and "split the file" in err
    assert not out.exists()


def test_import_round_trip_through_gift_and_csv_files(bank_file: Path, bank: Bank, tmp_path: Path) -> None:
    for kind in ("gift", "csv"):
        exported = tmp_path / f"demo.{kind}"
        assert main(["export", str(bank_file), "--to", kind, "-o", str(exported)]) == 0
        out = tmp_path / f"back-{kind}.yaml"
        assert main(["import", str(exported), "--from", kind, "-o", str(out)]) == 0
        back, problems = load_bank_file(out)
        assert back is not None, problems
        assert back.questions == bank.questions


def test_malformed_questions_are_reported_with_their_lines_and_the_good_ones_imported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "bad.gift"
    source.write_text("Good? {T}\n\nBad {=a ~b\n\nAlso bad {#x}\n\nFine too? {F}\n", encoding="utf-8")
    out = tmp_path / "bank.yaml"
    assert main(["import", str(source), "--from", "gift", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "bad.gift, line 3: Could not find a }" in err and "bad.gift, line 5: 'x' is not a number" in err
    assert "2 question(s) not imported, 2 imported" in err
    assert [q["prompt"] for q in yaml.safe_load(out.read_text(encoding="utf-8"))["questions"]] == ["Good?", "Fine too?"]


def test_a_file_with_nothing_to_import_writes_nothing_and_still_prints_its_notes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "essay.gift"
    source.write_text("Write about it. {}\n", encoding="utf-8")
    out = tmp_path / "bank.yaml"
    assert main(["import", str(source), "--from", "gift", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "line 1: essay question skipped" in err
    assert "No valid question found: every question was skipped (the notes above say why)" in err
    assert err.endswith("quiz import: nothing written\n") and "not imported" not in err  # no question was broken
    assert not out.exists()


def test_a_file_that_is_not_well_formed_is_one_error_and_nothing_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "cut.xml"
    source.write_text("<quiz><question type=", encoding="utf-8")
    assert main(["import", str(source), "--from", "moodle-xml", "-o", str(tmp_path / "bank.yaml")]) == 1
    err = capsys.readouterr().err
    assert "cut.xml, line 1: not well-formed XML" in err
    assert err.endswith("quiz import: nothing written\n") and "not imported" not in err


def test_import_that_would_make_an_invalid_question_names_the_source_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "pairs.gift"
    source.write_text("First? {T}\n\nMatch. {=a -> b =c -> d}\n", encoding="utf-8")
    assert main(["import", str(source), "--from", "gift", "-o", str(tmp_path / "x.yaml")]) == 1
    assert "pairs.gift, line 3: this would not make a valid question" in capsys.readouterr().err
    assert len(yaml.safe_load((tmp_path / "x.yaml").read_text(encoding="utf-8"))["questions"]) == 1


def test_import_that_would_break_a_validator_rule_names_the_source_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "same.gift"
    source.write_text("First? {T}\n\nWhich? {=C ~c ~b}\n", encoding="utf-8")
    assert main(["import", str(source), "--from", "gift", "-o", str(tmp_path / "x.yaml")]) == 1
    assert "same.gift, line 3: this would not make a valid question: choice 'c' repeats choice 1" in (
        capsys.readouterr().err)


def test_a_valid_import_is_proved_without_reading_its_text_back(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import quiz.bank.load

    def refuse(*_: object) -> None:
        raise AssertionError("read back")

    monkeypatch.setattr(quiz.bank.load, "read_bank_text", refuse)
    out = tmp_path / "chem.yaml"
    assert main(["import", str(FIXTURES / "moodle_examples.gift"), "--from", "gift", "-o", str(out)]) == 0
    monkeypatch.undo()
    bank, problems = load_bank_file(out)
    assert bank is not None and not [p for p in problems if p.is_error]


def test_answers_yaml_would_read_as_numbers_are_imported_as_text(tmp_path: Path) -> None:
    source = tmp_path / "typed.gift"
    source.write_text("Write it as Moodle shows it. {=1e5 =0x10 =no}\n", encoding="utf-8")
    (question,) = imported(source, "gift", tmp_path / "typed.yaml").questions
    assert isinstance(question, ShortQuestion) and question.answers == ("1e5", "0x10", "no")


def test_import_aiken_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(FIXTURES / "good.aiken.txt"), "--from", "aiken"]) == 0
    out = capsys.readouterr().out
    assert "type: choice" in out and "answer: Mars" in out
    assert "$schema" not in out and out.startswith("# Imported from good.aiken.txt")  # no schema file beside it


def test_export_to_a_folder_says_so_instead_of_crashing(bank_file: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(bank_file), "--to", "gift", "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"cannot write {tmp_path}" in err and "hint:" in err and "internal error" not in err
    assert not list(tmp_path.glob(".*.tmp"))


def test_import_to_a_path_under_a_file_says_so_instead_of_crashing(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "week.txt"
    source.write_text("Q?\nA. x\nB. y\nANSWER: A\n", encoding="utf-8")
    out = source / "week.yaml"
    assert main(["import", str(source), "--from", "aiken", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"cannot write {out}" in err and "hint:" in err and "internal error" not in err


def test_import_of_an_unreadable_file_says_so_instead_of_crashing(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "locked.gift"
    source.write_text("::Q:: x {T}\n", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert main(["import", str(source), "--from", "gift"]) == 2
    err = capsys.readouterr().err
    assert f"cannot read {source}: Permission denied" in err and "hint:" in err


def test_exported_and_imported_files_are_as_readable_as_any_new_file(bank_file: Path, tmp_path: Path) -> None:
    import os

    umask = os.umask(0o022)
    try:
        exported = tmp_path / "demo.csv"
        imported = tmp_path / "back.yaml"
        assert main(["export", str(bank_file), "--to", "csv", "-o", str(exported)]) == 0
        assert main(["import", str(exported), "--from", "csv", "-o", str(imported)]) == 0
    finally:
        os.umask(umask)
    assert exported.stat().st_mode & 0o777 == 0o644
    assert imported.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize(("name", "text", "kind"), [
    ("a.txt", "::t:: Q? {=a ~b}\n", "gift"),
    ("a.txt", "Q?\nA. one\nB. two\nANSWER: A\n", "aiken"),
    ("a.txt", "bank,id,type,prompt,options,answer\n", "csv"),
    ("a.txt", '<?xml version="1.0"?>\n<quiz>\n</quiz>\n', "moodle-xml"),
    ("a.txt", '<?xml version="1.0"?>\n<questestinterop>\n', "qti"),
    ("a.gift", "Nothing to see", "gift"),
    ("a.txt", "Q? {\n  =a\n  ~b\n}\n", "gift"),
    ("a.txt", "Q? {TRUE}\n", "gift"),
    ("a.txt", "Is snow white? {TRUE#yes####Snow is white.}\n", "gift"),
])
def test_the_format_is_guessed_from_the_file(tmp_path: Path, name: str, text: str, kind: str) -> None:
    from quiz.formats.imports.guess import guess_kind

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert guess_kind(path) == kind


def test_a_zip_is_guessed_as_qti_and_an_unknown_file_asks_for_from(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    import zipfile

    from quiz.formats.imports.guess import guess_kind

    with zipfile.ZipFile(tmp_path / "x.bin", "w") as archive:
        archive.writestr("imsmanifest.xml", "<manifest/>")
    assert guess_kind(tmp_path / "x.bin") == "qti"
    (tmp_path / "notes.txt").write_text("Just some notes.\n", encoding="utf-8")
    assert main(["import", str(tmp_path / "notes.txt")]) == 2
    assert "cannot tell the format" in capsys.readouterr().err
    (tmp_path / "other.txt").write_text("- {id: a, prompt: 'x'}\n", encoding="utf-8")
    assert main(["import", str(tmp_path / "other.txt")]) == 2  # a YAML flow mapping is not GIFT
    (tmp_path / "bank.yaml").write_text("questions:\n  - {id: a, prompt: '{=x}'}\n", encoding="utf-8")
    assert main(["import", str(tmp_path / "bank.yaml")]) == 2
    assert "bank.yaml is YAML, which quiz import does not read" in capsys.readouterr().err


def test_an_import_error_and_its_hint_are_two_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "open.gift"
    source.write_text("::a::Question {=right ~wrong\n\n::b::Fine {=x ~y}\n", encoding="utf-8")
    assert main(["import", str(source), "--from", "gift", "-o", str(tmp_path / "out.yaml")]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert f"quiz: error: {source}, line 1: Could not find a }}" in lines
    assert "  hint: close the answers with } (write \\} for a literal brace)" in lines


def test_a_newline_in_a_file_name_cannot_forge_a_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a\nquiz: error: forged.gift"
    source.write_text("::a::Question {=right ~wrong}\n", encoding="utf-8")
    assert main(["import", str(source), "-o", str(tmp_path / "out.yaml")]) == 0
    assert main(["export", str(tmp_path / "missing\nquiz: forged.yaml"), "--to", "gift"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert not [line for line in lines if line.startswith(("quiz: error: forged", "quiz: forged"))]
    assert any(line.startswith("quiz import: reading ") and "\\nquiz: error: forged.gift as GIFT" in line
               for line in lines)


def test_control_characters_are_left_out_of_an_import_with_a_note_naming_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gift = tmp_path / "c.gift"
    gift.write_bytes("::a:: Clip \x1b]52;c;aGk=\x07 one? {=yes ~no}\r\n\r\n::b:: Turn \u202e around? {T}\r\n"
                     .encode())
    xml = tmp_path / "x.xml"
    xml.write_text('<?xml version="1.0"?>\n<quiz>\n<question type="truefalse"><name><text>t</text></name>'
                   "<questiontext><text>Next&#x85;line&#x2066;?</text></questiontext>"
                   '<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text>'
                   "</answer></question>\n</quiz>\n", encoding="utf-8")
    for path, kind in ((gift, "gift"), (xml, "moodle-xml")):
        prompts = [q.prompt for q in imported(path, kind, path.with_suffix(".yaml")).questions]
        if kind == "gift":
            assert prompts == ["Clip ]52;c;aGk= one?", "Turn  around?"]
        else:
            assert prompts == ["Nextline?"]
    err = capsys.readouterr().err
    assert "line 1: question 'c.a': left out U+0007 (bell), U+001B (escape), which a bank may not hold" in err
    assert "line 3: question 'c.b': left out U+202E (right-to-left override)" in err
    assert "left out U+0085 (next line), U+2066 (left-to-right isolate)" in err


def test_a_control_character_in_the_file_name_is_written_escaped_in_the_bank(tmp_path: Path) -> None:
    source = tmp_path / "clip\x1b]52\nquestions: x.gift"
    source.write_text("Q? {T}\n", encoding="utf-8")
    bank = imported(source, "gift", tmp_path / "out.yaml")
    assert bank.sources["clip-52-questions-x"].title == "clip\\u001b]52\\nquestions: x.gift"


def test_notes_past_the_problem_cap_are_counted_not_printed(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "essays.gift"
    source.write_text("".join(f"Essay {n}? {{}}\n\n" for n in range(250)) + "Kept? {T}\n", encoding="utf-8")
    assert main(["import", str(source), "--from", "gift", "-o", str(tmp_path / "out.yaml")]) == 0
    err = capsys.readouterr().err
    assert err.count("essay question skipped") == 200 and "  and 50 more notes\n" in err
    assert "no general feedback" not in err and "TO DO: write the explanation of 1 question(s)" in err


def test_dash_as_the_output_means_standard_output(bank_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(FIXTURES / "good.aiken.txt"), "--from", "aiken", "-o", "-"]) == 0
    assert "answer: Mars" in capsys.readouterr().out
    assert main(["export", str(bank_file), "--to", "gift", "-o", "-"]) == 0
    assert "::demo.choice::" in capsys.readouterr().out
    assert not (tmp_path / "-").exists()


def test_a_carriage_return_in_a_csv_cell_becomes_a_line_end_and_an_id_with_a_control_is_refused_alone(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "cr.csv"
    rows = ['b,q1,truefalse,One?,,true,,,,"Because.\r\nSecond line.",,t,,',
            "b,q\x1b1,truefalse,Two?,,true,,,,Because.,,t,,"]
    source.write_text(",".join(COLUMNS) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "cr.yaml"
    assert main(["import", str(source), "--from", "csv", "-o", str(out)]) == 1  # the bad id only
    bank, problems = load_bank_file(out)
    assert bank is not None and not [p for p in problems if p.is_error], problems
    assert [(q.id, q.explanation) for q in bank.questions] == [("q1", "Because.\nSecond line.")]
    assert "1 question(s) not imported, 1 imported" in capsys.readouterr().err


@pytest.mark.parametrize(("data", "may"), [
    (b"::a:: Plain? {T}\n", False), ("Léposavić? {T}\n".encode(), False), (b"Q \x1b? {T}\n", True),
    ("Q \x85? {T}\n".encode(), True), ("Q \u202e? {T}\n".encode(), True), ("Q \u2069? {T}\n".encode(), True),
    (b"Q?\r\n{T}\r\n", True), (b"<text>&#x202e;</text>", True),
    (b'// quiz: {"hint": "\\u001b"}', True), ("Zve\u010dan \u2013 1999 \u00ab\u00a0\u2018".encode(), False),
    (b"Q \x7f?", True), ("Q \x9f?".encode(), True), ("Q \u2066?".encode(), True), ("Q \u202a?".encode(), True),
])
def test_only_a_file_that_may_hold_a_refused_character_is_walked_for_one(data: bytes, may: bool) -> None:
    from quiz.formats.imports.control_characters import may_hold_controls

    assert may_hold_controls(data) is may


def test_a_control_in_a_source_id_of_quizs_own_comment_is_left_out(tmp_path: Path) -> None:
    source = tmp_path / "own.gift"
    source.write_text('// quiz-bank: {"id": "own", "title": "Own", "description": "D", "language": "en", '
                      '"sources": {"rep\\u001bort": {"title": "R", "publisher": "P", "date": "2024-01-01"}}, '
                      '"notes": {}}\n\n::own.q1:: Q? {T}\n', encoding="utf-8")
    bank = imported(source, "gift", tmp_path / "own.yaml")
    assert "report" in bank.sources
