"""How long `quiz import` takes, as whole processes, next to the npm GIFT parser and for every format.

Run: python tests/benchmarks/bench_import.py [--gift-pegjs NODE_PREFIX] [--questions 5000] [--runs 5]
[--format-runs 1]

- GIFT: a generated bank of ``--questions`` questions exported with `quiz export --to gift`, imported
  by `python -m quiz import` (parse, check, write the YAML) against `node` parsing the same file with
  gift-pegjs 1.0.2, installed beforehand with `npm install --prefix NODE_PREFIX gift-pegjs@1.0.2`.
  Both are whole processes measured in the same run; target: ratio <= 2. Without node or the package
  the peer is skipped with a message.
- Every format (GIFT, Aiken, CSV, Moodle XML, QTI) at two sizes, 5,000 and 10,000 questions, to show
  that time grows linearly; target: 10,000 questions in under 2 s.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bank_generator import write_bank  # beside this script, which runs with its folder on sys.path

PEER = ("const fs = require('fs'); const {parse} = require(process.argv[1]); "
        "parse(fs.readFileSync(process.argv[2], 'utf8'));")
EXPORTS = {"gift": "gift", "csv": "csv", "moodle-xml": "moodle-xml", "qti": "qti"}
SUFFIX = {"gift": ".gift", "aiken": ".txt", "csv": ".csv", "moodle-xml": ".xml", "qti": ".zip"}


def run(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def median(command: list[str], runs: int, *, warm: bool = True) -> float:
    """The median of ``runs`` runs, after one that warms the file cache and bytecode (``warm``); the
    formats' files need none, having just been written by `quiz export` after quiz has run once."""
    if warm:
        run(command)
    return statistics.median(run(command) for _ in range(runs))


def quiz(*args: str) -> list[str]:
    return [sys.executable, "-m", "quiz", *args]


def source_file(folder: Path, kind: str, questions: int) -> Path:
    """A file of ``questions`` questions in ``kind``: our own export of a generated bank (Aiken, which
    quiz does not export, is written directly)."""
    path = folder / f"bank{questions}{SUFFIX[kind]}"
    if kind == "aiken":
        path.write_text("".join(f"Question {n}: which town is named in the report?\nA. Leposavić\nB. Zvečan\n"
                                f"C. Zubin Potok\nANSWER: A\n\n" for n in range(questions)), encoding="utf-8")
        return path
    bank = write_bank(folder / f"bank{questions}.yaml", questions)
    subprocess.run(quiz("export", str(bank), "--to", EXPORTS[kind], "-o", str(path), "--force"), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return path


def importing(path: Path, kind: str) -> list[str]:
    return quiz("import", str(path), "--from", kind, "-o", str(path.with_suffix(".imported.yaml")), "--force")


def gift_against_peer(folder: Path, prefix: str, questions: int, runs: int) -> None:
    gift = source_file(folder, "gift", questions)
    ours = median(importing(gift, "gift"), runs)
    print(f"GIFT, {questions} questions ({gift.stat().st_size / 1e6:.1f} MB), {runs} runs each, medians")
    print(f"  python -m quiz import process:       {ours * 1000:7.0f} ms")
    module = Path(prefix) / "node_modules" / "gift-pegjs" if prefix else None
    if shutil.which("node") is None or module is None or not module.is_dir():
        print("  gift-pegjs: skipped (needs node and `npm install --prefix DIR gift-pegjs@1.0.2`, "
              "then --gift-pegjs DIR)")
        return
    peer = median(["node", "-e", PEER, str(module.resolve()), str(gift)], runs)
    print(f"  node gift-pegjs 1.0.2 parse process: {peer * 1000:7.0f} ms")
    print(f"  ratio quiz import / gift-pegjs:      {ours / peer:7.2f}x  (target <= 2.00)")


def every_format(folder: Path, runs: int) -> None:
    print(f"every format, whole `quiz import` processes, {runs} runs each, medians (target: 10000 < 2 s)")
    for kind in SUFFIX:
        small, large = (median(importing(source_file(folder, kind, n), kind), runs, warm=False) for n in (5000, 10000))
        print(f"  {kind:10}  5000: {small * 1000:6.0f} ms  10000: {large * 1000:6.0f} ms  "
              f"10000/5000: {large / small:4.2f} (linear: about 2, less with start-up)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gift-pegjs", default="", metavar="NODE_PREFIX",
                        help="the folder given to `npm install --prefix` for gift-pegjs@1.0.2")
    parser.add_argument("--questions", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5, help="runs of the GIFT import and of gift-pegjs")
    parser.add_argument("--format-runs", type=int, default=1,
                        help="runs of each format at each size (their ratio to 2x is the check, not a peer)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        gift_against_peer(Path(folder), args.gift_pegjs, args.questions, args.runs)
        every_format(Path(folder), args.format_runs)


if __name__ == "__main__":
    main()
