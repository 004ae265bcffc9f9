"""Whole-site promises, checked on throwaway copies of the working tree.

- A build in another folder gives a site byte-identical to the session's
  build in this checkout (both with ``SOURCE_DATE_EPOCH`` set), the notebook
  page included, and leaves its own checkout clean. It reuses the session's
  runs of the snippets whose output cannot show the folder, and runs the
  others (and the notebook) again there, in the background while the tests
  before this one run (``tests/second_folder.py``).
- Every test session leaves this checkout as it found it (the root
  ``conftest.py`` compares ``git status`` before and after); here, that the
  comparison fails a session that leaves a file behind.
"""

from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from second_folder import SecondFolderBuild, git_repository, run, shows_a_path

from sitebuild.interpreters import SUPPORTED_VERSIONS, in_words
from sitebuild.recordings import snippet_files


def test_a_build_elsewhere_is_byte_identical_and_leaves_its_checkout_clean(
    site: Path, second_folder_build: SecondFolderBuild
) -> None:
    """The session's build (in this checkout) and a build in a fresh copy.

    The session's site was built with ``SOURCE_DATE_EPOCH`` from the fresh
    runs of ``pytest snippets/``, here. The copy (``tests/second_folder.py``),
    in a folder with another name and length, a git repository with
    everything committed, starts with those runs, except every snippet whose
    output shows a path under the checkout: those, and the notebook page, run
    again in the copy (the other runs cannot tell the two folders apart, and
    running them again would only repeat ``pytest snippets/``). Both sites are
    byte-identical, and the copy's ``git status`` is empty afterwards.
    """
    assert second_folder_build.reused > 0
    status, log = second_folder_build.wait()
    assert status == 0, log
    copy = second_folder_build.copy
    ran = json.loads((copy / ".cache/sitebuild/last-runs.json").read_text("utf-8"))
    showing = [
        snippet.relative_to(ROOT / "snippets").as_posix()
        for snippet in snippet_files(ROOT)
        if shows_a_path(snippet.relative_to(ROOT).as_posix())
    ]
    fresh = {entry["label"] for entry in ran if not entry["from_cache"]}
    assert fresh == {
        f"{snippet} on {version}" for snippet in showing for version in SUPPORTED_VERSIONS
    } | {"docs/async-in-jupyter.ipynb"}
    first, second = site, copy / "site"
    files = sorted(path.relative_to(first) for path in first.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(second) for path in second.rglob("*") if path.is_file())
    assert Path("async-in-jupyter/index.html") in files
    different = [str(f) for f in files if not filecmp.cmp(first / f, second / f, shallow=False)]
    assert not different, f"files that differ between the two builds: {different}"
    assert run(["git", "status", "--porcelain", "--untracked-files=all"], copy) == ""


def test_a_session_that_changes_the_checkout_fails(tmp_path: Path) -> None:
    """The check of every test session (conftest.py at the root) catches a stray file."""
    (tmp_path / "conftest.py").write_text((ROOT / "conftest.py").read_text("utf-8"), "utf-8")
    (tmp_path / "test_writes.py").write_text(
        "from pathlib import Path\n\n\n"
        "def test_leaves_a_file_behind() -> None:\n"
        "    Path('stray.txt').write_text('left behind')\n",
        "utf-8",
    )
    git_repository(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_writes.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "1 passed" in done.stdout
    assert "The test session changed the checkout" in done.stdout
    assert "  stray.txt" in done.stdout


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
    assert line.endswith(f"its snippets run on Python {in_words(list(SUPPORTED_VERSIONS))}.")
