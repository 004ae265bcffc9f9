"""The clean build in a second folder, started in the background.

A copy of the working tree, in a folder with another name and length, made a
git repository with everything committed, builds the site with
``SOURCE_DATE_EPOCH`` set, as the session's build did in this checkout
(``tests/test_throwaway_copies.py`` compares the two). It starts with the
session's stored runs, except those of every snippet whose output shows a
path under the checkout: those, and the notebook page, run again in the copy.

The build runs as a process beside the tests that follow the browser's
(``tests/conftest.py``): those build throwaway sites one at a time and leave
about half of the CPU idle, which the second build takes up, two runs at a
time.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from sitebuild import cache

ROOT = Path(__file__).resolve().parent.parent


def run(command: list[str], folder: Path, **env: str) -> str:
    done = subprocess.run(
        command,
        cwd=folder,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def working_tree_copy(folder: Path) -> Path:
    """The checkout's files (tracked, and new ones not ignored) copied into ``folder``."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, folder / name)
    return folder


def git_repository(folder: Path) -> None:
    """Make ``folder`` a git repository with everything in it committed."""
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.com"]
    run([*git, "init", "-q"], folder)
    run([*git, "add", "-A"], folder)
    run([*git, "commit", "-q", "-m", "copy"], folder)


@functools.cache  # a session has a stored run per version of each snippet
def shows_a_path(snippet: str) -> bool:
    """Whether any recording of ``snippet`` prints a path under the checkout.

    After normalisation the checkout's own path is gone, a traceback shows
    ``snippets/...`` and a third-party module ``<site-packages>/`` (the
    snippets' environments live in the checkout): the only ways the folder a
    run ran in reaches its output. The command line (first line) does not count.
    """
    for recording in (ROOT / snippet).parent.glob(f"{Path(snippet).stem}.3.*.out"):
        shown = recording.read_text("utf-8").partition("\n")[2]
        if "snippets/" in shown or "<site-packages>" in shown:
            return True
    return False


def reused_runs(copy: Path) -> int:
    """Copy the session's stored runs into ``copy``, except those that show a path."""
    stored = ROOT / cache.FOLDER / "runs"
    into = copy / cache.FOLDER / "runs"
    into.mkdir(parents=True)
    reused = 0
    for entry in stored.glob("*.json"):
        snippet = json.loads(entry.read_text("utf-8"))["payload"]["inputs"]["path"]
        if not shows_a_path(snippet):
            shutil.copy2(entry, into / entry.name)
            reused += 1
    return reused


BACKGROUND_JOBS = 2
"""Runs at a time in the second folder's build (``SNIPPETS_JOBS``; a build's
default is 16 per core): few enough that the tests beside it keep about a
core, which they need more than it does (most of its runs wait on sleeps)."""


class SecondFolderBuild:
    """``mkdocs build --strict`` of a fresh copy, running until ``wait()``."""

    def __init__(self, copy: Path, source_date_epoch: str) -> None:
        self.copy = copy
        working_tree_copy(copy)
        git_repository(copy)
        self.reused = reused_runs(copy)
        self._log = (copy.parent / f"{copy.name}.log").open("w+", encoding="utf-8")
        self._process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
            cwd=copy,
            env={
                **os.environ,
                "NO_MKDOCS_2_WARNING": "1",
                "SOURCE_DATE_EPOCH": source_date_epoch,
                "SNIPPETS_JOBS": str(BACKGROUND_JOBS),
            },
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def wait(self) -> tuple[int, str]:
        """Its exit status and its log, once it has ended."""
        status = self._process.wait()
        self._log.seek(0)
        return status, self._log.read()

    def stop(self) -> None:
        """End it if it still runs (SIGTERM unwinds a build, stopping its runs)."""
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._log.close()
