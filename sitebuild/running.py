"""Run one snippet as a real process, and normalise what it printed.

A snippet runs as ``python snippets/<page>/<name>.py`` from the site root, in a
fresh interpreter of its version's environment, with stdout and stderr merged
in the order they were written (unbuffered, as in a terminal). It sees none of
the builder's environment: only the variables ``environment`` lists (a
temporary HOME and TMPDIR of its own, removed after the run, a fixed locale,
time zone and terminal, no colour, a fixed hash seed). It runs in a process
group of its own, with every signal at its default action (as in a
terminal): when it exceeds its time limit, or the run is cancelled (a build
interrupted with Ctrl-C), the whole group is killed, so no process it started
outlives it.

Where the machine allows it, every run is also in a network namespace of its
own whose only interface is loopback (``unshare --net``, then ``ip link set lo
up``): a snippet can reach 127.0.0.1 and nothing else, so every run of every
build proves that the site's examples talk to this machine only. Where it
cannot (no ``unshare`` or ``ip``, no permission), runs use the machine's
network and the build's summary says so; with ``REQUIRE_NETWORK_NAMESPACE=1``
(CI) that is an error instead.

What it printed is made independent of the machine: absolute paths become
relative to the site root (standard-library and site-packages paths become
``<stdlib>/`` and ``<site-packages>/``, its HOME and TMPDIR ``<home>`` and
``<tmp>``), and memory addresses become ``0x...``. Terminal escape sequences
(colours, cursor moves) are removed and other control characters are shown as
their Unicode pictures (a bell as ``␇``), so the page shows text only. Nothing
else is changed; HTML and Markdown in the output are escaped by the page's
code block.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import re
import shlex
import shutil
import signal
import subprocess
import tempfile
import time
from asyncio.subprocess import Process
from collections.abc import Iterator, Sequence
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
    command: str = ""  # as typed in a terminal; "" means ``python <path>``

    @property
    def transcript(self) -> str:
        """What a terminal shows: the command, the output, and a nonzero status."""
        text = f"$ {self.command or f'python {self.path}'}\n{self.output}"
        if not text.endswith("\n"):
            text += "\n"
        if self.exit_status < 0:  # killed by a signal: a shell says 128 + its number
            name = signal.Signals(-self.exit_status).name
            text += f"[exit status {128 - self.exit_status}: killed by {name}]\n"
        elif self.exit_status:
            text += f"[exit status {self.exit_status}]\n"
        return text

    @property
    def warnings(self) -> tuple[str, ...]:
        """Categories of the warnings it printed, in order."""
        return tuple(match["category"] for match in WARNING_LINE.finditer(self.output))


_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
"""A terminal escape sequence: CSI (colours, cursor moves), OSC (titles, links) or a
two-character escape."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

SAFE_PATH = "/usr/local/bin:/usr/bin:/bin"
"""The PATH of a snippet, after its own environment's ``bin``."""


def _picture(match: re.Match[str]) -> str:
    code = ord(match[0])
    return "\u2421" if code == 0x7F else chr(0x2400 + code)


def normalise(text: str, replacements: list[tuple[str, str]]) -> str:
    """Make output independent of the machine and of the run (see module docstring).

    ``replacements`` are (absolute path, stand-in) pairs; a stand-in of "."
    makes paths below it relative.
    """
    for path, stand_in in sorted(replacements, key=lambda pair: len(pair[0]), reverse=True):
        text = text.replace(path + os.sep, "" if stand_in == "." else stand_in + "/")
        text = text.replace(path, stand_in)
    text = _ESCAPE.sub("", text.replace("\r\n", "\n"))
    return _ADDRESS.sub("0x...", _CONTROL.sub(_picture, text))


def environment(bin_folder: Path, scratch: Path) -> dict[str, str]:
    """The whole environment of a run: nothing of the builder's, so no secret can leak."""
    return {
        "PATH": f"{bin_folder}{os.pathsep}{SAFE_PATH}",
        "HOME": str(scratch / "home"),
        "TMPDIR": str(scratch / "tmp"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TZ": "UTC",
        "TERM": "dumb",
        "COLUMNS": "80",
        "LINES": "24",
        "NO_COLOR": "1",
        "PYTHON_COLORS": "0",
        "PYTHONHASHSEED": "0",
        "PYTHONUNBUFFERED": "1",  # keep stdout and stderr in the order they were written
        "PYTHONDONTWRITEBYTECODE": "1",  # no __pycache__ beside the snippets
        "PYTHONIOENCODING": "utf-8",
    }


@contextlib.contextmanager
def scratch_folder() -> Iterator[tuple[Path, list[tuple[str, str]]]]:
    """A temporary HOME and TMPDIR for one run, and their stand-ins; removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="snippet-") as name:
        scratch = Path(name)
        (scratch / "home").mkdir()
        (scratch / "tmp").mkdir()
        stand_ins = [
            (str(folder / part), f"<{part}>")
            for folder in {scratch, scratch.resolve()}
            for part in ("home", "tmp")
        ]
        yield scratch, stand_ins


def _kill_group(process: asyncio.subprocess.Process) -> None:
    with contextlib.suppress(ProcessLookupError):  # nothing of it is left
        os.killpg(process.pid, signal.SIGKILL)


@functools.cache
def _default_signals() -> tuple[str, ...]:
    """``env --default-signal``, where this system's ``env`` has it (GNU coreutils).

    A snippet then starts with every signal at its default action, as in a
    terminal, even when the build itself was started with some ignored (a
    shell's background job ignores Ctrl-C, and children inherit that).
    """
    env = shutil.which("env")
    if env is None:
        return ()
    probe = subprocess.run([env, "--default-signal", "true"], capture_output=True, check=False)
    return (env, "--default-signal") if probe.returncode == 0 else ()


@dataclass(frozen=True)
class Isolation:
    """How runs reach the network: the command prefix that confines them, or why not."""

    prefix: tuple[str, ...]  # () when runs are not confined
    why_not: str = ""

    @property
    def description(self) -> str:
        return "loopback only" if self.prefix else f"not isolated from the network ({self.why_not})"


_LOOPBACK_UP = '"$1" link set lo up && shift && exec "$@"'
"""Run by ``sh`` in the new namespace: bring loopback up, then become ``env -u ...
python ...``, which drops what the shell itself adds to the environment."""

_SHELL_VARIABLES = ("PWD", "OLDPWD", "SHLVL", "_")


@functools.cache
def isolation() -> Isolation:
    """A network namespace with loopback only for every run, where this machine allows it.

    As root, ``unshare --net``; otherwise in a user namespace that maps the
    user to root (``--map-root-user``), if the kernel allows those.
    """
    unshare, ip = shutil.which("unshare"), shutil.which("ip", path="/usr/sbin:/sbin:/usr/bin:/bin")
    if not (unshare and ip):
        return Isolation((), "unshare (util-linux) or ip (iproute2) is not installed")
    command = [unshare, "--net"] + ([] if os.geteuid() == 0 else ["--map-root-user"])
    env = shutil.which("env") or "/usr/bin/env"
    unset = [option for name in _SHELL_VARIABLES for option in ("-u", name)]
    prefix = (*command, "--", "/bin/sh", "-c", _LOOPBACK_UP, "sh", ip, env, *unset)
    probe = subprocess.run([*prefix, "true"], capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        why = probe.stderr.strip().splitlines()[-1:] or [f"exit status {probe.returncode}"]
        return Isolation((), f"unshare cannot make a network namespace here: {why[0]}")
    return Isolation(prefix)


def required_isolation() -> Isolation:
    """``isolation()``; an error if it is unavailable and REQUIRE_NETWORK_NAMESPACE is set."""
    found = isolation()
    if not found.prefix and os.environ.get("REQUIRE_NETWORK_NAMESPACE"):
        raise SiteBuildError(
            f"snippets must run with loopback only (REQUIRE_NETWORK_NAMESPACE is set), "
            f"but {found.why_not}"
        )
    return found


def command_line(path: str, options: Sequence[str], extra_env: Sequence[tuple[str, str]]) -> str:
    """The command a reader types: ``PYTHONASYNCIODEBUG=1 python -X dev <path>``."""
    words = [f"{name}={shlex.quote(value)}" for name, value in extra_env]
    return " ".join([*words, "python", *map(shlex.quote, options), path])


async def _start(
    python: SnippetPython,
    root: Path,
    arguments: Sequence[str],
    env: dict[str, str],
    confine: Sequence[str],
) -> Process:
    starting = asyncio.ensure_future(
        asyncio.create_subprocess_exec(
            *_default_signals(),
            *confine,
            str(python.python),
            *arguments,
            cwd=root,
            env=env,
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


async def run(
    python: SnippetPython,
    root: Path,
    path: str,
    timeout: float,
    options: Sequence[str] = (),
    extra_env: Sequence[tuple[str, str]] = (),
    replace: Sequence[tuple[str, str]] = (),
) -> Run:
    """Run the snippet at ``path`` (relative to ``root``) with ``python``.

    ``options`` go between ``python`` and the path, ``extra_env`` is added to
    the environment; both show in the transcript's command. ``replace`` maps
    regular expressions to stand-ins, applied to the normalised output.
    """
    try:
        confine = required_isolation().prefix
    except SiteBuildError as error:
        raise SiteBuildError(f"{path} on Python {python.version}: {error}") from None
    with scratch_folder() as (scratch, stand_ins):
        replacements = [*python.machine_paths, *stand_ins, (str(root), ".")]
        env = {**environment(python.python.parent, scratch), **dict(extra_env)}
        start = time.perf_counter()
        process = await _start(python, root, [*options, path], env, confine)
        assert process.stdout is not None
        chunks: list[bytes] = []
        try:
            async with asyncio.timeout(timeout):
                while chunk := await process.stdout.read(1 << 16):
                    chunks.append(chunk)
                status = await process.wait()
        except TimeoutError:
            partial = normalise(b"".join(chunks).decode("utf-8", "replace"), replacements)
            raise SiteBuildError(
                f"{path}: killed after running for more than {timeout:g} s on Python "
                f"{python.version} (timeout in expectations.toml). Output so far:\n{partial}"
            ) from None
        finally:
            _kill_group(process)  # also whatever it started and left behind
            await process.wait()
        output = normalise(b"".join(chunks).decode("utf-8", "replace"), replacements)
    for pattern, stand_in in replace:
        output = re.sub(pattern, stand_in, output)
    plain = not options and not extra_env
    return Run(
        path=path,
        version=python.version,
        full_version=python.full_version,
        output=output,
        exit_status=status,
        seconds=time.perf_counter() - start,
        command="" if plain else command_line(path, options, extra_env),
    )
