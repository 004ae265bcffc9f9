"""Measure how long building and testing the site take, on a fresh clone.

    python scripts/benchmark.py [--repeat N] [--keep]

Clones the current commit (HEAD: commit first what you want measured) into a
temporary folder, gives it its own virtual environment (uv, from
requirements.txt, compiled to bytecode as pip does), and measures there, each
figure the median of N runs:

- cold build: ``mkdocs build --strict`` with nothing cached (no
  ``.cache/``: environments, runs and notebooks are all made anew), and, of
  that, the time making the snippets' environments takes (measured as a step
  of its own, just before the build);
- warm rebuild: the same again, in a new process, nothing changed;
- edited rebuild: after appending a comment to one snippet, which must then
  run again on every version;
- every snippet on every version run by itself, one at a time: the longest
  single run and the sum of all of them;
- ``pytest snippets/``: every snippet on every version, fresh;
- the notebook page's share: how long executing and converting it took in
  the cold build, beside the snippets.

It prints each figure and each ratio against its target, and exits 1 if a
target is missed. Timings are measured here, never asserted by the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDITED = "snippets/tasks/sleep_with_await.py"
"""The snippet the edited rebuild changes (a comment: its output stays the same)."""

REPORT = ".cache/sitebuild/last-runs.json"


def timed(command: list[str], clone: Path, **env: str) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        command,
        cwd=clone,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return seconds


def report(clone: Path) -> list[dict[str, object]]:
    return json.loads((clone / REPORT).read_text("utf-8"))


def median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measure")
    parser.add_argument("--keep", action="store_true", help="keep the clone")
    arguments = parser.parse_args()

    clone = Path(tempfile.mkdtemp(prefix="site-benchmark-"))
    print(f"fresh clone of {ROOT} at {clone}", flush=True)
    subprocess.run(["git", "clone", "-q", "--no-local", str(ROOT), str(clone)], check=True)
    from uv import find_uv_bin

    uv = find_uv_bin()
    python = sys.executable
    subprocess.run([uv, "venv", "-q", "--python", python, str(clone / ".venv")], check=True)
    subprocess.run(
        [
            uv,
            "pip",
            "install",
            "-q",
            "--compile-bytecode",
            "--python",
            str(clone / ".venv/bin/python"),
            "-r",
            "requirements.txt",
        ],
        cwd=clone,
        check=True,
    )
    mkdocs = [str(clone / ".venv/bin/mkdocs"), "build", "--strict", "-q"]
    pytest = [
        str(clone / ".venv/bin/python"),
        "-m",
        "pytest",
        "snippets/",
        "-q",
        "-p",
        "no:cacheprovider",
    ]

    prepare = [
        str(clone / ".venv/bin/python"),
        "-c",
        "from pathlib import Path; from sitebuild import environments; "
        "environments.prepare(Path.cwd())",
    ]
    cold, environments, warm, edited, notebook = [], [], [], [], []
    for attempt in range(arguments.repeat):
        shutil.rmtree(clone / ".cache", ignore_errors=True)
        environments.append(timed(prepare, clone))
        cold.append(environments[-1] + timed(mkdocs, clone))
        notebook += [e["seconds"] for e in report(clone) if str(e["label"]).endswith(".ipynb")]
        warm.append(timed(mkdocs, clone))
        snippet = clone / EDITED
        snippet.write_text(snippet.read_text("utf-8") + f"# edit {attempt}\n", "utf-8")
        edited.append(timed(mkdocs, clone))
        subprocess.run(["git", "checkout", "-q", EDITED], cwd=clone, check=True)
        print(
            f"  round {attempt + 1}: cold {cold[-1]:.2f} s (environments "
            f"{environments[-1]:.2f} s), warm {warm[-1]:.2f} s, "
            f"edited {edited[-1]:.2f} s",
            flush=True,
        )

    timed(pytest, clone, SNIPPETS_JOBS="1")  # one run at a time: each run's own time
    alone = {str(e["label"]): float(e["seconds"]) for e in report(clone)}
    longest_label = max(alone, key=alone.__getitem__)
    longest, total = alone[longest_label], sum(alone.values())
    edited_slowest = max(s for label, s in alone.items() if EDITED.split("/", 1)[1] in label)
    tests = [timed(pytest, clone) for _ in range(arguments.repeat)]

    c, w, e, t = median(cold), median(warm), median(edited), median(tests)
    print()
    print(
        f"runs: {len(alone)} (snippet x version); longest {longest:.2f} s ({longest_label}),"
        f" sum {total:.2f} s"
    )
    print(
        f"cold build {c:.2f} s (making the environments: {median(environments):.2f} s), "
        f"warm rebuild {w:.2f} s, rebuild after editing {EDITED} "
        f"{e:.2f} s (its slowest run {edited_slowest:.2f} s), pytest snippets/ {t:.2f} s"
    )
    print(
        f"notebook page: executed and converted in {median(notebook):.2f} s of the cold build,"
        " beside the snippets; from the cache in warm rebuilds"
    )
    targets = [
        ("cold build <= 1.3 x (warm rebuild + longest run)", c, 1.3 * (w + longest)),
        ("warm rebuild <= 0.25 x cold build", w, 0.25 * c),
        ("edited rebuild <= warm rebuild + 1.5 x its slowest run", e, w + 1.5 * edited_slowest),
        ("pytest snippets/ <= longest run + sum / 4 + 2 s", t, longest + total / 4 + 2),
    ]
    print()
    missed = 0
    for name, measured, limit in targets:
        ok = measured <= limit
        missed += not ok
        print(
            f"{'ok  ' if ok else 'MISS'} {name}: {measured:.2f} s vs {limit:.2f} s "
            f"(ratio to target {measured / limit:.2f})"
        )
    if not arguments.keep:
        shutil.rmtree(clone)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
