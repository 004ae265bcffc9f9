"""Run the whole test suite several times in a row and report every failure.

    python scripts/flake_check.py [--runs 20] [pytest arguments...]

Runs ``python -m pytest`` (the README's test command, in this checkout and
its environment) ``--runs`` times, one after another, and prints one line per
run, then which tests failed in which runs, and which snippet runs of
``pytest snippets/`` mismatched their recording at first and matched when run
again alone (the scheduler's summary line). A test that fails in some runs
only is a flake: find out what its output depended on (usually timing luck)
and redesign it; never retry it. A snippet that often needs its second run
alone is close to one: give its printed times more slack. Exits 1 if any run
failed.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="how many runs (default 20)")
    arguments, pytest_arguments = parser.parse_known_args()

    failures: Counter[str] = Counter()
    again_alone: Counter[str] = Counter()
    failed_runs = 0
    for number in range(1, arguments.runs + 1):
        start = time.perf_counter()
        command = [sys.executable, "-m", "pytest", "-q", "-rfE", "-p", "no:cacheprovider"]
        done = subprocess.run(
            [*command, *pytest_arguments],
            cwd=ROOT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            capture_output=True,
            text=True,
            check=False,
        )
        lines = done.stdout.strip().splitlines()
        summary = lines[-1] if lines else "(no output)"
        failed = re.findall(r"^(?:FAILED|ERROR) (\S+)", done.stdout, re.MULTILINE)
        failures.update(failed)
        for line in re.findall(r"ran again alone after a mismatch: (.*)", done.stdout):
            again_alone.update(line.split(", "))
        failed_runs += done.returncode != 0
        print(
            f"run {number:2}/{arguments.runs}: exit {done.returncode}, "
            f"{time.perf_counter() - start:5.1f} s: {summary}",
            flush=True,
        )
    print()
    print(f"{arguments.runs - failed_runs} of {arguments.runs} runs passed")
    for test, count in failures.most_common():
        print(f"  failed in {count} run(s): {test}")
    for label, count in again_alone.most_common():
        print(f"  matched only when run again alone, in {count} run(s): {label}")
    return 1 if failed_runs else 0


if __name__ == "__main__":
    sys.exit(main())
