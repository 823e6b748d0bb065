"""The command line as a whole: every command module is reachable, help lists them, the default is play."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import quiz.commands
from quiz.cli import main
from quiz.commands import COMMANDS


def test_every_command_module_is_registered() -> None:
    modules = {info.name for info in pkgutil.iter_modules(quiz.commands.__path__)}
    assert set(COMMANDS.values()) == modules


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    for name in COMMANDS:
        assert name in out


def test_a_command_loads_only_its_own_module() -> None:
    probe = ("import sys; from quiz.cli import main; main(['schema', '--path']); "
             "print(sorted(m for m in sys.modules if m.startswith('quiz.commands.')))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "['quiz.commands.schema']"


def test_an_unknown_option_without_a_command_goes_to_play_and_is_bad_usage(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--no-such-option"])
    assert stop.value.code == 2
    assert "unrecognized arguments: --no-such-option" in capsys.readouterr().err


def test_a_full_disk_under_standard_output_is_an_error_not_a_crash() -> None:
    with Path("/dev/full").open("w") as full:
        finished = subprocess.run([sys.executable, "-m", "quiz", "export", "questions", "--to", "gift"], check=False,
                                  stdout=full, stderr=subprocess.PIPE, text=True, cwd=Path(__file__).parents[1])
    assert finished.returncode == 1
    assert finished.stderr.splitlines() == ["quiz: error: cannot write the output: No space left on device",
                                            "  hint: free some space, or write elsewhere"]
