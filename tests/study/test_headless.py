"""The study layer runs without Textual, so scripts and `quiz scores` stay fast."""

from __future__ import annotations

import subprocess
import sys


def test_study_imports_no_textual() -> None:
    code = (
        "import sys, quiz.bank, quiz.store, quiz.study.round, quiz.study.history, quiz.study.report; "
        "print('textual' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
