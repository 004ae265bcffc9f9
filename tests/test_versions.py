"""A supported Python missing on the machine: pytest skips its tests, or fails them in CI.

Runs ``pytest snippets/`` for one snippet as a real process, with 3.13 pointed
at an interpreter that does not exist.
"""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT


def snippet_tests(**env: str) -> subprocess.CompletedProcess[str]:
    """``pytest snippets/ -k define_coroutine`` (2 tests x 3 versions), without Python 3.13."""
    inherited = {key: value for key, value in os.environ.items() if key != "REQUIRE_ALL_PYTHONS"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "snippets/",
            "-q",
            "-rs",
            "-p",
            "no:cacheprovider",
            "-k",
            "define_coroutine",
        ],
        cwd=ROOT,
        env={**inherited, "SNIPPETS_PYTHON_3_13": "/nowhere/python3.13", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_missing_version_is_skipped_with_the_reason() -> None:
    done = snippet_tests()
    assert done.returncode == 0, done.stdout + done.stderr
    assert "4 passed, 2 skipped" in done.stdout
    assert done.stdout.count("SKIPPED [1] snippets/test_snippets.py") == 2
    assert "Python 3.13 not found (SNIPPETS_PYTHON_3_13=/nowhere/python3.13" in done.stdout


def test_missing_version_fails_when_every_version_is_required() -> None:
    done = snippet_tests(REQUIRE_ALL_PYTHONS="1")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "4 passed" in done.stdout and "2 errors" in done.stdout
    assert "Python 3.13 not found" in done.stdout
