"""How much `quiz validate` costs next to the bare C YAML parse of the same file, and its memory;
what `quiz lint` (which validates first) costs next to `quiz validate`.

Run: python tests/benchmarks/bench_validate.py [--questions 5000] [--runs 7]

Every side runs as a whole process (interpreter start, imports, reading the file), measured in the same
run, so the ratios hold on any machine. Two baselines: the bare C event parse (libyaml's events turned
into Python objects, nothing built: the floor for any YAML reader in Python, and the issue's "bare C YAML
parse", target ratio <= 1.3) and `yaml.load(text, Loader=yaml.CSafeLoader)` (what a validator that
loads the YAML first pays before checking anything).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bank_generator import write_bank  # beside this script, which runs with its folder on sys.path
from peak_memory import PEAK_KIB

EVENTS = (
    "import sys, yaml\nfrom yaml.cyaml import CParser\nparser = CParser(open(sys.argv[1], encoding='utf-8').read())\n"
    "while not isinstance(parser.get_event(), yaml.events.StreamEndEvent):\n    pass"
)
BASELINE = "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8').read(), Loader=yaml.CSafeLoader)"
VALIDATE = "import sys; from quiz.cli import main; raise SystemExit(main(['validate', sys.argv[1]]))"
LINT = "import sys; from quiz.cli import main; raise SystemExit(main(['lint', sys.argv[1]]))"
MEMORY = (
    "import sys; from pathlib import Path; from quiz.bank.load import load_paths; "
    "result = load_paths([Path(sys.argv[1])]); assert result.ok and len(result.banks[0].questions) > 0; "
    f"print({PEAK_KIB})"
)
MEMORY_BASELINE = f"import quiz.bank.load; print({PEAK_KIB})"


def timed(code: str, path: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def peak_kib(code: str, path: Path) -> int:
    output = subprocess.run([sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True)
    return int(output.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=5000)
    parser.add_argument("--memory-questions", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bank = write_bank(Path(folder) / "bank.yaml", args.questions)
        timed(VALIDATE, bank)  # warm the file cache and bytecode
        parsed, baseline, ours, linted = [], [], [], []
        for _ in range(args.runs):  # interleaved, so drift hits every side alike
            parsed.append(timed(EVENTS, bank))
            baseline.append(timed(BASELINE, bank))
            ours.append(timed(VALIDATE, bank))
            linted.append(timed(LINT, bank))
        events, base = statistics.median(parsed), statistics.median(baseline)
        mine, lint = statistics.median(ours), statistics.median(linted)
        size = bank.stat().st_size / 1e6
        print(f"bank: {args.questions} questions, {size:.1f} MB; {args.runs} runs each, medians")
        print(f"  bare C event parse process:          {events * 1000:7.0f} ms")
        print(f"  bare yaml.load(CSafeLoader) process: {base * 1000:7.0f} ms")
        print(f"  quiz validate process:               {mine * 1000:7.0f} ms")
        print(f"  ratio validate / bare event parse:   {mine / events:7.2f}x  (target <= 1.30)")
        print(f"  ratio validate / yaml.load:          {mine / base:7.2f}x")
        print(f"  quiz lint process:                   {lint * 1000:7.0f} ms")
        print(f"  ratio lint / validate:               {lint / mine:7.2f}x  (target about 1)")
        big = write_bank(Path(folder) / "big.yaml", args.memory_questions)
        peak, idle = peak_kib(MEMORY, big), peak_kib(MEMORY_BASELINE, big)
        print(f"memory: loading {args.memory_questions} questions peaks at {peak / 1024:.0f} MiB "
              f"(interpreter and imports alone: {idle / 1024:.0f} MiB; target < 150 MiB)")


if __name__ == "__main__":
    main()
