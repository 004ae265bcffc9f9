"""Run one snippet as a real process, and normalise what it printed.

A snippet runs as ``python snippets/<page>/<name>.py`` from the site root, in a
fresh interpreter of its version's environment, with stdout and stderr merged
in the order they were written (unbuffered, as in a terminal). It runs in a
process group of its own: when it exceeds its time limit, or the run is
cancelled, the whole group is killed, so no process it started outlives it.

What it printed is made independent of the machine: absolute paths become
relative to the site root (standard-library and site-packages paths become
``<stdlib>/`` and ``<site-packages>/``), and memory addresses become ``0x...``.
Nothing else is changed.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import time
from dataclasses import dataclass
from pathlib import Path

from sitebuild import SiteBuildError
from sitebuild.environments import SnippetPython

WARNING_LINE = re.compile(r"^\S.*:\d+: (?P<category>\w*Warning): ", re.MULTILINE)
"""A line written by the warnings module: ``file:line: Category: message``."""

_ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{6,}\b")


@dataclass(frozen=True)
class Run:
    """One run of a snippet on one Python: its normalised output and exit status."""

    path: str  # relative to the site root, with forward slashes
    version: str  # "3.12"
    full_version: str  # "3.12.1"
    output: str
    exit_status: int
    seconds: float  # wall time of the process

    @property
    def transcript(self) -> str:
        """What a terminal shows: the command, the output, and a nonzero status."""
        text = f"$ python {self.path}\n{self.output}"
        if not text.endswith("\n"):
            text += "\n"
        if self.exit_status:
            text += f"[exit status {self.exit_status}]\n"
        return text

    @property
    def warnings(self) -> tuple[str, ...]:
        """Categories of the warnings it printed, in order."""
        return tuple(match["category"] for match in WARNING_LINE.finditer(self.output))


def normalise(text: str, python: SnippetPython, root: Path) -> str:
    """Make output independent of the machine and of the run (see module docstring)."""
    pairs = [*python.machine_paths, (str(root), ".")]
    for path, stand_in in sorted(pairs, key=lambda pair: len(pair[0]), reverse=True):
        text = text.replace(path + os.sep, "" if stand_in == "." else stand_in + "/")
        text = text.replace(path, stand_in)
    return _ADDRESS.sub("0x...", text)


def environment() -> dict[str, str]:
    """The environment a snippet runs in."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env.update(
        PYTHONUNBUFFERED="1",  # keep stdout and stderr in the order they were written
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONIOENCODING="utf-8",
        PYTHON_COLORS="0",
        NO_COLOR="1",
        LC_ALL="C.UTF-8",
    )
    return env


def _kill_group(process: asyncio.subprocess.Process) -> None:
    with contextlib.suppress(ProcessLookupError):  # nothing of it is left
        os.killpg(process.pid, signal.SIGKILL)


async def _start(python: SnippetPython, root: Path, path: str) -> asyncio.subprocess.Process:
    starting = asyncio.ensure_future(
        asyncio.create_subprocess_exec(
            str(python.python),
            path,
            cwd=root,
            env=environment(),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            start_new_session=True,  # its own process group, killed as a whole
        )
    )
    try:
        return await asyncio.shield(starting)
    except asyncio.CancelledError:
        # Cancelling the start itself can hang on Python 3.11 (the exit is never
        # reported when the pipes were not connected yet): let it finish, then kill.
        process = await starting
        _kill_group(process)
        await process.wait()
        raise


async def run(python: SnippetPython, root: Path, path: str, timeout: float) -> Run:
    """Run the snippet at ``path`` (relative to ``root``) with ``python``."""
    start = time.perf_counter()
    process = await _start(python, root, path)
    assert process.stdout is not None
    chunks: list[bytes] = []
    try:
        async with asyncio.timeout(timeout):
            while chunk := await process.stdout.read(1 << 16):
                chunks.append(chunk)
            status = await process.wait()
    except TimeoutError:
        partial = normalise(b"".join(chunks).decode("utf-8", "replace"), python, root)
        raise SiteBuildError(
            f"{path}: killed after running for more than {timeout:g} s on Python "
            f"{python.version} (timeout in expectations.toml). Output so far:\n{partial}"
        ) from None
    finally:
        _kill_group(process)  # also whatever it started and left behind
        await process.wait()
    return Run(
        path=path,
        version=python.version,
        full_version=python.full_version,
        output=normalise(b"".join(chunks).decode("utf-8", "replace"), python, root),
        exit_status=status,
        seconds=time.perf_counter() - start,
    )
