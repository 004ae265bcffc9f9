"""The whole test session leaves the checkout as it found it.

Every test session (``pytest``, ``pytest snippets/``, one test) compares the
checkout's ``git status`` before and after it, file contents included: the
snippet runs, the site builds and every test may write only where git ignores
(``.cache/``, temporary folders). Anything else they leave behind (a
``__pycache__`` beside a snippet that is not ignored, a changed recording, a
stray file) fails the session and is listed. Outside a git checkout there is
nothing to compare; a session that records (``--force-regen``) writes
recordings on purpose, and is not compared either.
"""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

_BEFORE = pytest.StashKey[dict[str, str] | None]()


def checkout_state(root: Path) -> dict[str, str] | None:
    """Every path ``git status`` lists, with a digest of its content; None outside git."""
    try:
        listed = subprocess.run(
            ["git", "status", "--porcelain=v1", "-z", "--untracked-files=all"],
            cwd=root,
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8", "surrogateescape")
    except (OSError, subprocess.CalledProcessError):
        return None
    state = {}
    entries = iter(listed.split("\0"))
    for entry in entries:
        if not entry:
            continue
        status, name = entry[:2], entry[3:]
        if "R" in status or "C" in status:
            next(entries, None)  # the name it was renamed or copied from
        path = root / name
        content = path.read_bytes() if path.is_file() else b""
        state[name] = f"{status} {hashlib.sha256(content).hexdigest()}"
    return state


def pytest_sessionstart(session: pytest.Session) -> None:
    config = session.config
    recording = config.getoption("force_regen", False) or config.getoption("regen_all", False)
    config.stash[_BEFORE] = None if recording else checkout_state(config.rootpath)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    before = session.config.stash.get(_BEFORE, None)
    if before is None:
        return
    after = checkout_state(session.config.rootpath) or {}
    changed = sorted(
        name for name in before.keys() | after.keys() if before.get(name) != after.get(name)
    )
    if changed:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        lines = [
            "The test session changed the checkout (only ignored paths may change):",
            *(f"  {name}" for name in changed),
        ]
        if reporter is not None:
            reporter.write_line("\n".join(lines), red=True, bold=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
