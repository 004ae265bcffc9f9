"""A supported Python missing on the machine: pytest skips its tests, or fails them in CI.

Runs ``pytest snippets/`` for one snippet as a real process, with the newest
supported version pointed at an interpreter that does not exist.
"""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT

from sitebuild.interpreters import SUPPORTED_VERSIONS, env_var

*_, NEWEST = SUPPORTED_VERSIONS
OTHERS = len(SUPPORTED_VERSIONS) - 1


def snippet_tests(**env: str) -> subprocess.CompletedProcess[str]:
    """``pytest snippets/ -k define_coroutine`` (2 tests x each version), without the newest."""
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
        env={**inherited, env_var(NEWEST): f"/nowhere/python{NEWEST}", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_missing_version_is_skipped_with_the_reason() -> None:
    done = snippet_tests()
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{2 * OTHERS} passed, 2 skipped" in done.stdout
    assert done.stdout.count("SKIPPED [1] snippets/test_snippets.py") == 2
    variable = env_var(NEWEST)
    assert f"Python {NEWEST} not found ({variable}=/nowhere/python{NEWEST}" in done.stdout


def test_missing_version_fails_when_every_version_is_required() -> None:
    done = snippet_tests(REQUIRE_ALL_PYTHONS="1")
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{2 * OTHERS} passed" in done.stdout and "2 errors" in done.stdout
    assert f"Python {NEWEST} not found" in done.stdout
