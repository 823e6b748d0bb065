"""Write large synthetic banks (every question type, realistic text) for the benchmarks."""

from __future__ import annotations

from pathlib import Path

_HEADER = """\
format: 1
id: generated
title: A generated bank
description: Synthetic questions for benchmarks, every type in turn.
sources:
  report:
    title: A report
    publisher: A publisher
    date: "2023-09-24"
    url: https://example.org/report
questions:
"""

_TEMPLATES = (
    """\
  - id: gen.q{n}
    type: choice
    prompt: Near which town in northern Kosovo did event number {n} take place, according to the report?
    choices:
      - Leposavić
      - text: Zvečan
        feedback: Later reports place Banjska in Zvečan municipality, but the report named another town.
      - Zubin Potok
      - North Mitrovica
    answer: Leposavić
    explanation: >-
      The report placed it near Leposavić. Later reporting put the village in Zvečan municipality,
      which is why both names appear in coverage of the day.
    source: report#p6
    tags: [attack, geography]
    difficulty: 1
""",
    """\
  - id: gen.q{n}
    type: multi
    prompt: Which of these bodies were deployed in Kosovo under or after Resolution 1244 ({n})?
    choices: [UNMIK, KFOR, EULEX, SFOR]
    answers: [UNMIK, KFOR, EULEX]
    explanation: UNMIK and KFOR were created by the resolution; EULEX came in 2008 under its umbrella.
    source: [report#p11, report]
    tags: [un, "1999"]
    difficulty: 2
    hint: One of them served in Bosnia.
""",
    """\
  - id: gen.q{n}
    type: truefalse
    prompt: The report said the attack was over by the time it was written ({n}).
    answer: false
    explanation: Kurti was quoted as saying it was still going on; the report was written that morning.
    source: report#p4
    tags: [media-literacy]
""",
    """\
  - id: gen.q{n}
    type: short
    prompt: Name the village whose bridge was blocked by two trucks ({n}).
    answers: [Banjska, Banjskë]
    explanation: Police found the bridge at the entrance of Banjska blocked by two trucks without plates.
    source: report#p6
    tags: [attack]
    difficulty: 2
""",
    """\
  - id: gen.q{n}
    type: order
    prompt: Put these events in the order they happened ({n}).
    items:
      - NATO air campaign begins
      - Kumanovo agreement signed
      - Resolution 1244 adopted
      - KFOR enters Kosovo
    explanation: The bombing began on 24 March 1999; the agreement came on 9 June, the resolution on 10 June.
    source: report#p11
    tags: ["1999", chronology]
    difficulty: 3
""",
    """\
  - id: gen.q{n}
    type: match
    prompt: Match each person to their office in September 2023 ({n}).
    pairs:
      - {{left: Albin Kurti, right: Prime Minister of Kosovo}}
      - {{left: Vjosa Osmani, right: President of Kosovo}}
      - {{left: Jeff Hovenier, right: US ambassador in Pristina}}
    explanation: Kurti led the government, Osmani was head of state, and Hovenier represented the US.
    source: [report#p1, report#p10, report#p13]
    tags: [reactions]
    difficulty: 2
""",
    """\
  - id: gen.q{n}
    type: number
    prompt: In which year did NATO's air campaign against Yugoslavia take place ({n})?
    answer: 1999
    tolerance: 0
    unit: ""
    explanation: Operation Allied Force ran from 24 March to 10 June 1999.
    source: report#p11
    tags: ["1999", nato]
    difficulty: 1
""",
)


def write_bank(path: Path, questions: int) -> Path:
    """A bank of ``questions`` questions cycling through every type."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write(_HEADER)
        for n in range(questions):
            handle.write(_TEMPLATES[n % len(_TEMPLATES)].format(n=n))
    return path
