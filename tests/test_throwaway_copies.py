"""Whole-site promises, checked on throwaway copies of the working tree.

- Running every snippet and building the site leaves the checkout as it was:
  ``git status --porcelain`` shows nothing that is not ignored.
- Two clean builds from two different folders, with ``SOURCE_DATE_EPOCH``
  set, give byte-identical sites, the notebook page included.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, require_every_python


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


def test_snippets_and_build_leave_the_checkout_clean(tmp_path: Path) -> None:
    require_every_python()
    copy = working_tree_copy(tmp_path / "checkout")
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.com"]
    run([*git, "init", "-q"], copy)
    run([*git, "add", "-A"], copy)
    run([*git, "commit", "-q", "-m", "copy"], copy)
    run([sys.executable, "-m", "pytest", "snippets/", "-q", "-p", "no:cacheprovider"], copy)
    run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], copy)
    assert (copy / "site" / "index.html").is_file()
    assert run(["git", "status", "--porcelain", "--untracked-files=all"], copy) == ""


def test_clean_builds_in_two_folders_are_byte_identical(tmp_path: Path) -> None:
    require_every_python()
    sites = []
    for name in ("first", "a-second-folder-with-a-longer-name"):
        copy = working_tree_copy(tmp_path / name)
        run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
            copy,
            SOURCE_DATE_EPOCH="1700000000",
        )
        sites.append(copy / "site")
    first, second = sites
    files = sorted(path.relative_to(first) for path in first.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(second) for path in second.rglob("*") if path.is_file())
    assert Path("async-in-jupyter/index.html") in files
    different = [str(f) for f in files if not filecmp.cmp(first / f, second / f, shallow=False)]
    assert not different, f"files that differ between the two builds: {different}"


def test_unsupported_build_python_gets_one_sentence() -> None:
    """The build tooling on Python 3.10: one line naming the supported versions, no traceback."""
    versions = Path.home() / ".pyenv" / "versions"
    candidates = sorted(versions.glob("3.10.*/bin/python3.10"))
    if not candidates:
        pytest.skip(f"no Python 3.10 in {versions}")
    done = subprocess.run(
        [str(candidates[-1]), "-c", "import sitebuild"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("The site's build tooling needs Python 3.11 or newer (this is 3.10.")
    assert line.endswith("its snippets run on Python 3.11, 3.12 and 3.13.")
