"""Every key of the app, per screen: the help screen shows this table and docs/app.md repeats it."""

from __future__ import annotations

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Everywhere",
        (
            ("? or F1", "This help"),
            ("Ctrl+T", "Switch between the dark and light theme"),
            ("Ctrl+Q", "Quit (asks first during a round; your answers are kept)"),
            ("Tab / Shift+Tab", "Move between parts of the screen"),
            ("Escape", "Go back"),
        ),
    ),
    (
        "Who is studying",
        (
            ("↑ ↓, Enter", "Pick a learner (the last one is first)"),
            ("Tab, name, Enter", "Add a new learner"),
        ),
    ),
    (
        "Library",
        (
            ("↑ ↓", "Choose a bank"),
            ("Enter", "Set up a round: mode, number of questions, tag, difficulty"),
            ("d", "Due reviews from every bank, with today's new questions; study ahead when none is due"),
            ("n", "Study notes of the bank: primer, timeline, glossary"),
            ("k", "Quick round: 10 questions mixed from every bank"),
            ("m", "Review mistakes from every bank"),
            ("r / x", "Resume / discard the unfinished round"),
            ("h", "History: rounds, trend, accuracy per tag, most missed"),
            ("p", "Progress over days: streak, answers per day, retention, reviews ahead"),
            ("l", "Change learner"),
        ),
    ),
    (
        "Question",
        (
            ("Enter", "Submit the answer"),
            ("1-8", "choice: pick; multi: tick or untick; match: partner for the highlighted item"),
            ("Space", "choice: pick; multi: tick or untick the highlighted option"),
            ("t / f", "true/false question (1 and 2 work too)"),
            ("↑ ↓", "Move the cursor"),
            ("Shift+↑ ↓, K / J", "order: move the highlighted item up or down (Ctrl+↑ ↓ too)"),
            ("Backspace", "match: clear the highlighted item's partner"),
            ("h or F3", "Show the hint (F3 while typing an answer)"),
            ("Escape", "Leave the round; answers so far are kept to resume"),
        ),
    ),
    (
        "Feedback",
        (("Enter or n", "Next question"), ("Escape", "Leave the round")),
    ),
    (
        "Summary and review",
        (
            ("v", "Review the missed questions one by one"),
            ("a", "Review every question (exam)"),
            ("r", "Retry the mistakes"),
            ("← → (or p / n)", "Previous / next question in a review"),
            ("Escape", "Back to the library"),
        ),
    ),
    (
        "Progress",
        (
            ("← →", "Switch between the Days and Knowledge tabs"),
            ("s", "Study settings: desired retention, new questions per day"),
            ("Tab, ↑ ↓, Enter", "Knowledge: choose a bank; Enter lists its questions"),
            ("x", "Knowledge: reset the highlighted bank's progress (asked once)"),
            ("s (question list)", "Suspend or unsuspend the highlighted question (asked once)"),
            ("Escape", "Back"),
        ),
    ),
    (
        "History and notes",
        (
            ("← →", "Switch tabs"),
            ("Tab, ↑ ↓, PgUp PgDn", "Scroll the text of a tab"),
            ("Escape", "Back to the library"),
        ),
    ),
)
