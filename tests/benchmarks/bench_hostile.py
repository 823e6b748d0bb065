"""Time and peak memory of `quiz validate` and `quiz import` on each hostile input of the review.

Run: python tests/benchmarks/bench_hostile.py [--mib 16] [--only NAME]

Each attack runs as a whole process (interpreter start and imports included), which reports its own peak
resident memory. Goal: every hostile or broken input under 2 s and 200 MB; a large valid bank within 1.3x
the bare event parse of the same file (the floor for any YAML reader in Python). Figures, not pass/fail.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peak_memory import PEAK_KIB  # beside this script, which runs with its folder on sys.path

ROOT = Path(__file__).resolve().parents[2]
RUN = (
    "import sys; from quiz.cli import main\n"
    "try:\n    code = main(sys.argv[1:])\nexcept SystemExit as stop:\n    code = stop.code\n"
    f"print({PEAK_KIB}, file=sys.stderr); raise SystemExit(code)"
)
EVENTS = (
    "import sys, yaml\nfrom yaml.cyaml import CParser\n"
    "parser = CParser(open(sys.argv[1], encoding='utf-8').read())\n"
    "while not isinstance(parser.get_event(), yaml.events.StreamEndEvent):\n    pass\n"
    f"print({PEAK_KIB}, file=sys.stderr)"
)
HEAD = """format: 1
id: hb
title: H
description: D.
sources:
  s: {title: T, publisher: P, date: "2023"}
questions:
"""
QUESTION = "  - {{id: hb.q{n}, type: truefalse, prompt: p, explanation: e, source: s, tags: [t], answer: true}}\n"
CSV_HEAD = "bank,id,type,prompt,options,answer,feedback,tolerance,unit,explanation,source,tags,difficulty,hint\n"


@dataclass(frozen=True)
class Attack:
    name: str
    write: Callable[[Path, int], list[str]]
    """Writes the input into the folder (given the size in bytes) and returns the quiz arguments."""


def _file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _flow(folder: Path, size: int, name: str, item: str) -> list[str]:
    head = HEAD.replace("questions:\n", "questions: [")
    return ["validate", str(_file(folder, name, head + item * ((size - len(head)) // len(item)) + "a]\n"))]


def _valid(folder: Path, size: int) -> list[str]:
    count = (size - len(HEAD)) // len(QUESTION.format(n=100000))
    return ["validate", str(_file(folder, "many_valid.yaml", HEAD + "".join(QUESTION.format(n=n)
                                                                           for n in range(count))))]


def _names(folder: Path, _: int) -> list[str]:
    names = folder / "names"
    names.mkdir()
    for name in ("evil\nfake.yaml:1:1: error[x]: injected\n.yaml", "esc\x1b]52;c;SGVsbG8=\x07\x1b[2J.yaml"):
        (names / name).write_text("format: 1\nid: [oops\n", encoding="utf-8")
    return ["validate", str(names)]


def _fifo(folder: Path, _: int) -> list[str]:
    os.mkfifo(folder / "fifo.yaml")
    return ["validate", str(folder / "fifo.yaml")]


LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(10))

ATTACKS = [
    Attack("billion laughs", lambda d, s: ["validate", str(_file(d, "lol.yaml", LAUGHS))]),
    Attack("100,000 [ nested", lambda d, s: ["validate", str(_file(d, "deep.yaml", "[" * 100_000))]),
    Attack("16 MiB of [", lambda d, s: ["validate", str(_file(d, "deep16.yaml", "[" * (s - 10)))]),
    Attack("file over the limit", lambda d, s: ["validate", str(_file(d, "big.yaml", "# " + "x" * (s + 10)))]),
    Attack("one 10 MB line", lambda d, s: ["validate", str(_file(d, "line.yaml", HEAD + QUESTION.replace(
        "prompt: p", "prompt: " + "x" * min(s, 10_000_000)).format(n=1)))]),
    Attack("flow list of scalars", lambda d, s: _flow(d, s, "flow.yaml", "a,")),
    Attack("flow list of {}", lambda d, s: _flow(d, s, "maps.yaml", "{},")),
    Attack("block list of scalars", lambda d, s: ["validate", str(_file(d, "scalars.yaml",
                                                                       HEAD + "  - a\n" * ((s - 200) // 6)))]),
    Attack("duplicate keys", lambda d, s: ["validate", str(_file(d, "dup.yaml",
                                                                 "{" + "a: 1," * (s // 5) + "a: 1}\n"))]),
    Attack("5,000-digit integer", lambda d, s: ["validate", str(_file(d, "bigint.yaml", HEAD + QUESTION.replace(
        "answer: true", "answer: " + "9" * 5000).format(n=1)))]),
    Attack("escapes in text", lambda d, s: ["validate", str(_file(d, "esc.yaml", HEAD + QUESTION.replace(
        "prompt: p", 'prompt: "\\e]52;c;UFdORUQ=\\a \\u202e"').format(n=1)))]),
    Attack("hostile file names", _names),
    Attack("a FIFO", _fifo),
    Attack("/dev/zero", lambda d, s: ["validate", "/dev/zero"]),
    Attack("negative --max-size", lambda d, s: ["validate", "--max-size", "-2", "/dev/zero"]),
    Attack("GIFT quiz comment nesting", lambda d, s: ["import", str(_file(d, "deep.gift", "// quiz: " + "[" * 100_000
                                                                         + "]" * 100_000 + "\nWhat? {=a ~b}\n")),
                                                      "--from", "gift"]),
    Attack("GIFT unclosed brace", lambda d, s: ["import", str(_file(d, "quad.gift", "Q {" + "~x " * 10_000 + "\n\n"
                                                                  + "\n" * 1000 + "=y}\n")), "--from", "gift"]),
    Attack("4 MB of unclosed GIFT questions", lambda d, s: ["import", str(_file(d, "open.gift", "Q {\n\n" * 800_000)),
                                                           "--from", "gift"]),
    Attack("one GIFT brace open over 4 MB", lambda d, s: ["import", str(_file(d, "long.gift", "Q {\n" + "a\n\n"
                                                                             * 1_300_000)), "--from", "gift"]),
    Attack("CSV cell over 128 KiB", lambda d, s: ["import", str(_file(d, "cell.csv", CSV_HEAD + "b,b.q1,truefalse,"
                                                                    + "Q" * 200_000 + ",,true,,,,Because,,t,,\n")),
                                                  "--from", "csv"]),
    Attack("valid bank at the limit", _valid),
]


def measure(code: str, arguments: list[str]) -> tuple[float, float, int]:
    """(seconds, peak MiB, exit code) of one process."""
    started = time.perf_counter()
    try:
        run = subprocess.run([sys.executable, "-c", code, *arguments], cwd=ROOT, capture_output=True, text=True,
                             timeout=300, check=False)
    except subprocess.TimeoutExpired:
        return 300.0, float("nan"), -1
    seconds = time.perf_counter() - started
    last = run.stderr.strip().splitlines()[-1:] or ["0"]
    peak = int(last[0]) / 1024 if last[0].isdigit() else float("nan")
    return seconds, peak, run.returncode


def write_input(index: int, folder: Path, size: int) -> list[str]:
    """Write one attack's input in a child process: a process's peak memory counts the memory of the one
    that started it, so this one must stay small."""
    run = subprocess.run([sys.executable, __file__, "--write", str(index), str(folder), str(size)],
                         capture_output=True, text=True, check=True)
    arguments: list[str] = json.loads(run.stdout)
    return arguments


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mib", type=int, default=16, help="size of the large inputs (default 16, the limit)")
    parser.add_argument("--only", help="run only the attacks whose name contains this")
    parser.add_argument("--write", nargs=3, metavar=("INDEX", "FOLDER", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write:
        index, where, count = args.write
        print(json.dumps(ATTACKS[int(index)].write(Path(where), int(count))))
        return
    size = args.mib * 1024 * 1024 - 1024
    print(f"{'attack':<28} {'seconds':>8} {'peak MiB':>9} {'exit':>5}  goal: < 2 s and < 200 MB")
    with tempfile.TemporaryDirectory() as folder:
        for index, attack in enumerate(ATTACKS):
            if args.only and args.only not in attack.name:
                continue
            place = Path(folder) / str(index)
            place.mkdir()
            arguments = write_input(index, place, size)
            seconds, peak, code = measure(RUN, arguments)
            over = " over" if seconds > 2 or peak > 200 else ""
            print(f"{attack.name:<28} {seconds:8.2f} {peak:9.0f} {code:5d}{over}", flush=True)
            if attack.write is _valid:
                base, base_peak, _ = measure(EVENTS, [arguments[-1]])
                print(f"{'  bare C event parse':<28} {base:8.2f} {base_peak:9.0f}        "
                      f"ratio {seconds / base:.2f}x (target <= 1.30)")
            for path in place.rglob("*"):
                if path.is_file():
                    path.unlink()


if __name__ == "__main__":
    main()
