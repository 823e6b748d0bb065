"""The class report as one self-contained HTML page: inline CSS and SVG, no script, nothing from elsewhere."""

from __future__ import annotations

from html import escape

from quiz.bank.controls import shown
from quiz.study.class_report import ClassReport, QuestionReport

CHART_WIDTH, CHART_HEIGHT, MARGIN = 520, 320, 44

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 64em; color: #1d2430; line-height: 1.4; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { text-align: left; padding: 0.3em 0.5em; border-bottom: 1px solid #d8dde6; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.flagged td:first-child { border-left: 4px solid #c0392b; }
.flag { display: inline-block; background: #fbe3e0; color: #8e2417; border-radius: 3px; padding: 0 0.35em;
        margin: 0 0.2em 0.2em 0; font-size: 0.85em; }
.where, .reason { color: #4d5868; font-size: 0.88em; }
svg text { font-size: 11px; fill: #4d5868; }
.note { color: #4d5868; }
"""


def as_html(report: ClassReport) -> str:
    flagged = sum(1 for item in report.questions if item.flags)
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">', "<title>quiz: class report</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>What the class knows</h1>",
        f"<p>{len(report.questions)} questions answered by {len(report.learners)} learners; "
        f"{flagged} flagged for a look. Counted: each learner's first answer to each version of a question "
        "in finished practice and exam rounds.</p>",
        "<h2>Facility against discrimination</h2>", _chart(report),
        "<h2>Questions, flagged first</h2>", _questions(report),
        "<h2>Tags</h2>", _tags(report),
        "<h2>Learners</h2>", _learners(report),
        f'<p class="note">{_e(report.knowledge_note)}</p>',
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _e(text: str) -> str:
    return escape(shown(text))


def _chart(report: ClassReport) -> str:
    """Each question a dot: facility left to right (0-1), discrimination bottom to top (-1 to 1)."""
    inner_w, inner_h = CHART_WIDTH - 2 * MARGIN, CHART_HEIGHT - 2 * MARGIN

    def x(facility: float) -> float:
        return MARGIN + facility * inner_w

    def y(discrimination: float) -> float:
        return MARGIN + (1 - (discrimination + 1) / 2) * inner_h

    shapes = [
        f'<rect x="{MARGIN}" y="{MARGIN}" width="{inner_w}" height="{inner_h}" fill="#f6f8fb" stroke="#c5ccd8"/>',
        f'<line x1="{MARGIN}" y1="{y(0)}" x2="{MARGIN + inner_w}" y2="{y(0)}" stroke="#c5ccd8"/>',
        f'<text x="{MARGIN + inner_w / 2}" y="{CHART_HEIGHT - 8}" text-anchor="middle">facility (share right)</text>',
        f'<text x="12" y="{MARGIN + inner_h / 2}" transform="rotate(-90 12 {MARGIN + inner_h / 2})" '
        'text-anchor="middle">discrimination</text>',
    ]
    for value in (0, 0.5, 1):
        shapes.append(f'<text x="{x(value)}" y="{MARGIN + inner_h + 14}" text-anchor="middle">{value:g}</text>')
    for value in (-1, 0, 1):
        shapes.append(f'<text x="{MARGIN - 6}" y="{y(value) + 4}" text-anchor="end">{value:g}</text>')
    for item in report.questions:
        if item.facility is None or item.discrimination is None:
            continue
        colour = "#c0392b" if item.flags else "#2e6bd6"
        shapes.append(f'<circle cx="{x(item.facility):.1f}" cy="{y(item.discrimination):.1f}" r="4" '
                      f'fill="{colour}" fill-opacity="0.7"><title>{_e(item.question_id)}</title></circle>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{CHART_WIDTH}" height="{CHART_HEIGHT}" role="img" '
            f'aria-label="facility against discrimination">{"".join(shapes)}</svg>')


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _questions(report: ClassReport) -> str:
    rows = ["<table><tr><th>Question</th><th>Attempts</th><th>Facility</th><th>Discrimination</th>"
            "<th>Median time</th><th>Choices picked</th><th>Flags</th></tr>"]
    rows.extend(_question_row(item) for item in report.questions)
    rows.append("</table>")
    return "".join(rows)


def _question_row(item: QuestionReport) -> str:
    where = item.location or f"{item.bank_id}, not in the loaded banks"
    if item.location and not item.current:
        where += " (changed since)"
    choices = "<br>".join(f"{'✓ ' if choice.right else ''}{_e(choice.text)}: {choice.share:.0%}"
                          for choice in item.choices)
    flags = "".join(f'<span class="flag">{_e(flag.name)}</span><div class="reason">{_e(flag.reason)}</div>'
                    for flag in item.flags)
    median = "–" if item.median_seconds is None else f"{item.median_seconds:.1f} s"
    return (f'<tr class="{"flagged" if item.flags else ""}"><td>{_e(item.question_id)}'
            f'<div class="where">{_e(where)}</div><div class="reason">{_e(item.prompt)}</div></td>'
            f'<td class="n">{item.attempts}</td><td class="n">{_number(item.facility)}</td>'
            f'<td class="n">{_number(item.discrimination)}</td><td class="n">{median}</td>'
            f"<td>{choices}</td><td>{flags}</td></tr>")


def _tags(report: ClassReport) -> str:
    if not report.tags:
        return "<p>No tagged questions were answered.</p>"
    rows = ["<table><tr><th>Tag</th><th>Answers</th><th>Facility</th></tr>"]
    rows.extend(f'<tr><td>{_e(tag.name)}</td><td class="n">{tag.answers}</td><td class="n">{_number(tag.mean)}</td>'
                "</tr>" for tag in report.tags)
    rows.append("</table>")
    return "".join(rows)


def _learners(report: ClassReport) -> str:
    rows = ["<table><tr><th>Learner</th><th>Rounds</th><th>Answers</th><th>Last active</th><th>First answers</th>"
            "<th>Knowledge</th></tr>"]
    for learner in report.learners:
        banks = "<br>".join(f"{_e(s.name)}: {s.mean:.0%} of {s.answers}" for s in learner.banks)
        levels = "<br>".join(f"{_e(name)}: {counts.mastered} mastered, {counts.known} known, "
                             f"{counts.learning} learning of {counts.total}" for name, counts in learner.levels_by_bank)
        last = (learner.last_active or "–")[:16].replace("T", " ")
        rows.append(f'<tr><td>{_e(learner.name)}</td><td class="n">{learner.rounds}</td>'
                    f'<td class="n">{learner.answers}</td><td>{_e(last)}</td><td>{banks}</td>'
                    f'<td>{levels or "–"}</td></tr>')
    rows.append("</table>")
    return "".join(rows)
