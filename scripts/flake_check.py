"""Run the whole test suite several times in a row and report every failure.

    python scripts/flake_check.py [--runs 20] [--burners N] [pytest arguments...]

Runs ``python -m pytest`` (the README's test command, in this checkout and
its environment) ``--runs`` times, one after another, and prints one line per
run, then which tests failed in which runs, and which snippet runs of
``pytest snippets/`` mismatched their recording at first and matched when run
again alone (the scheduler's summary line). With ``--burners N``, N
busy-looping processes run beside the whole time, a machine as busy as a
shared CI runner or a laptop compiling something: the suite must pass there
as it does on an idle machine. A test that fails in some runs
only is a flake: find out what its output depended on (usually timing luck)
and redesign it; never retry it. A snippet that often needs its second run
alone is close to one: give its printed times more slack. Exits 1 if any run
failed.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextlib.contextmanager
def burners(count: int) -> Iterator[None]:
    """``count`` processes that keep a processor busy each, until the block ends."""
    loops = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]
    try:
        yield
    finally:
        for loop in loops:
            loop.kill()
            loop.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="how many runs (default 20)")
    parser.add_argument(
        "--burners", type=int, default=0, help="busy-looping processes beside the suite"
    )
    arguments, pytest_arguments = parser.parse_known_args()
    with burners(arguments.burners):
        return check(arguments.runs, arguments.burners, pytest_arguments)


def check(runs: int, burner_count: int, pytest_arguments: list[str]) -> int:
    """Run the suite ``runs`` times; print each run, then every failure and rerun."""
    failures: Counter[str] = Counter()
    again_alone: Counter[str] = Counter()
    failed_runs = 0
    for number in range(1, runs + 1):
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
        for line in re.findall(r"ran again alone after a mismatch: ([^;\n]*)", done.stdout):
            again_alone.update(line.split(", "))
        failed_runs += done.returncode != 0
        print(
            f"run {number:2}/{runs}: exit {done.returncode}, "
            f"{time.perf_counter() - start:5.1f} s: {summary}",
            flush=True,
        )
    print()
    beside = f", with {burner_count} busy-looping processes beside" if burner_count else ""
    print(f"{runs - failed_runs} of {runs} runs passed{beside}")
    for test, count in failures.most_common():
        print(f"  failed in {count} run(s): {test}")
    for label, count in again_alone.most_common():
        print(f"  matched only when run again alone, in {count} run(s): {label}")
    return 1 if failed_runs else 0


if __name__ == "__main__":
    sys.exit(main())
