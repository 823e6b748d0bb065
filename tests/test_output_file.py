"""`-o` never replaces what is not ours: existing files need --force, inputs and special files are refused."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.errors import UsageError
from quiz.output_file import output_target, write_atomically
from tests.bank.conftest import CHOICE, HEADER


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "bank.yaml"
    path.write_text(HEADER + CHOICE, encoding="utf-8")
    return path


def test_export_onto_an_existing_file_asks_for_force(bank_file: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.gift"
    out.write_text("precious\n", encoding="utf-8")
    out.chmod(0o600)
    assert main(["export", str(bank_file), "--to", "gift", "-o", str(out)]) == 2
    assert "pass --force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "precious\n"
    assert main(["export", str(bank_file), "--to", "gift", "-o", str(out), "--force"]) == 0
    assert "demo.q1" in out.read_text(encoding="utf-8")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_export_never_overwrites_its_own_input_even_with_force(bank_file: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    before = bank_file.read_text(encoding="utf-8")
    assert main(["export", str(bank_file), "--to", "gift", "-o", str(bank_file), "--force"]) == 2
    assert "also an input" in capsys.readouterr().err
    assert bank_file.read_text(encoding="utf-8") == before


def test_import_onto_an_existing_file_asks_for_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "week.txt"
    source.write_text("Q?\nA. x\nB. y\nANSWER: A\n", encoding="utf-8")
    out = tmp_path / "existing.yaml"
    out.write_text("precious\n", encoding="utf-8")
    assert main(["import", str(source), "--from", "aiken", "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "precious\n"
    assert main(["import", str(source), "--from", "aiken", "-o", str(source), "--force"]) == 2
    assert "also an input" in capsys.readouterr().err


def test_with_force_a_symlink_is_written_through_to_its_target(bank_file: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = elsewhere / "real.gift"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.gift"
    link.symlink_to(target)
    assert main(["export", str(bank_file), "--to", "gift", "-o", str(link)]) == 2
    assert main(["export", str(bank_file), "--to", "gift", "-o", str(link), "--force"]) == 0
    assert link.is_symlink() and "demo.q1" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in elsewhere.iterdir()) == ["real.gift"]


def _special_files(tmp_path: Path) -> list[Path]:
    fifo = tmp_path / "fifo.gift"
    os.mkfifo(fifo)
    sock = tmp_path / "sock.gift"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))
    server.close()
    return [fifo, sock, Path("/dev/null")]


def test_a_device_fifo_or_socket_is_never_written_over(tmp_path: Path) -> None:
    for special in _special_files(tmp_path):
        with pytest.raises(UsageError, match="not a regular file"):
            output_target(special, force=True)
        assert not stat.S_ISREG(special.stat().st_mode)


def test_the_temporary_file_is_removed_on_failure_and_a_killed_one_is_cleaned_up(tmp_path: Path) -> None:
    out = tmp_path / "out.xml"
    stale = tmp_path / f".out.xml.{2**22 + 12345}.abcd.tmp"  # a process id that is not running
    stale.write_bytes(b"half")
    write_atomically(out, b"whole")
    assert out.read_bytes() == b"whole"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xml"]


def test_the_data_is_fsynced_before_the_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, Path.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(Path, "replace", lambda self, to: (events.append("rename"), real_replace(self, to))[1])
    write_atomically(tmp_path / "out.gift", b"data")
    assert events[:2] == ["fsync", "rename"]


def test_an_output_name_with_escapes_is_reported_harmlessly(bank_file: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out\x1b]0;T\x07.gift"
    assert main(["export", str(bank_file), "--to", "gift", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "out\\u001b]0;T\\u0007.gift" in err


def test_the_hints_name_no_option_the_command_may_not_have(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`quiz new FILE` and `scores --export FILE` share these messages with `-o`: they name no option."""
    from quiz.cli import main

    (tmp_path / "folder.yaml").mkdir()
    assert main(["new", str(tmp_path / "folder.yaml")]) == 2
    assert main(["scores", "--db", str(tmp_path / "s.db"), "--export", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("hint: give the path of a file to write") == 2 and "give -o" not in err
