"""A supported Python missing on the machine: pytest skips its tests, or fails them in CI.

Runs ``pytest snippets/`` for one snippet as a real process, with the newest
supported version pointed at an interpreter that does not exist.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from sitebuild.interpreters import SUPPORTED_VERSIONS, env_var
from sitebuild.recordings import difference, recording_path
from sitebuild.running import Run

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


def test_a_patch_release_that_prints_otherwise_is_named_with_the_command_that_re_records(
    tmp_path: Path,
) -> None:
    """A contributor's 3.x.y other than the recordings' gets told so, not only a diff."""
    version = NEWEST
    folder = tmp_path / "snippets" / "fixture"
    folder.mkdir(parents=True)
    snippet = folder / "traceback_line.py"
    snippet.write_text("print('hello')\n", "utf-8")
    recorded = "$ python snippets/fixture/traceback_line.py\nline 718 of the stdlib\n"
    recording_path(snippet, version).write_text(recorded, "utf-8")
    other_release = SUPPORTED_VERSIONS[version] + "9"  # 3.15.2 -> 3.15.29
    run = Run(
        path="snippets/fixture/traceback_line.py",
        version=version,
        full_version=other_release,
        output="line 720 of the stdlib\n",
        exit_status=0,
        seconds=0.1,
    )
    message = difference(run, snippet, tmp_path)
    assert message is not None
    assert f"This is Python {other_release}; the recordings were made with" in message
    assert f'pytest snippets/ --force-regen -k "traceback_line and py{version}"' in message
    same_release = Run(**{**run.__dict__, "full_version": SUPPORTED_VERSIONS[version]})
    assert "This is Python" not in (difference(same_release, snippet, tmp_path) or "")
