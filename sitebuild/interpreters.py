"""Which Pythons the site supports, and where each one is on this machine.

Owns the project's only list of supported versions, and finding a working
interpreter for each of them, in this order:

1. the environment variable ``SNIPPETS_PYTHON_3_12`` (for 3.12), if set: it
   must name a Python 3.12, or the version counts as missing;
2. a ``python3.12`` on PATH that actually runs, unless it is one of pyenv's
   shims (they refuse to run a version that ``PYENV_VERSION`` does not
   select, and cost a shell script on every run);
3. the newest ``3.12.x`` in pyenv's versions folder
   (``$PYENV_ROOT/versions``, by default ``~/.pyenv/versions``);
4. a Python that uv installed (``uv python find --managed-python``);
5. the project's own provisioning (``sitebuild.provisioning``): ``uv python
   install``, or else Debian's packages, into a per-user cache folder shared
   by every clone. It is tried once: when it fails, the reason is kept beside
   that folder (``<version>.failed``) and reported, without trying again,
   until that file is an hour old or deleted.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sitebuild import SiteBuildError

SUPPORTED_VERSIONS: dict[str, str] = {
    "3.11": "3.11.7",
    "3.12": "3.12.1",
    "3.13": "3.13.0",
    "3.14": "3.14.10",
    "3.15": "3.15.2",
}
"""Every supported Python, oldest first, with the release its recordings were
made with (tracebacks show that release's standard-library line numbers)."""

_PROBE = "import json, sys; print(json.dumps([sys.version_info[:3], sys.executable]))"


@dataclass(frozen=True)
class Interpreter:
    """A base interpreter found for one supported version."""

    version: str  # "3.12"
    executable: Path  # the real binary, never a shim
    full_version: str  # "3.12.1"
    found_by: str  # how: the variable's name, "PATH", "pyenv", "uv" or "provisioned"


@dataclass(frozen=True)
class Missing:
    """A supported version with no working interpreter on this machine."""

    version: str
    reason: str

    @property
    def message(self) -> str:
        recorded = SUPPORTED_VERSIONS[self.version]
        return (
            f"Python {self.version} not found ({self.reason}). Provide it with "
            f"`pyenv install {recorded}`, `uv python install {self.version}`, a working "
            f"python{self.version} on PATH, or {env_var(self.version)}=/path/to/"
            f"python{self.version} (README: Python versions)."
        )


def versions_label(versions: list[str]) -> str:
    """A short name for some supported versions: runs of neighbours become ranges.

    ``["3.14", "3.15"]`` -> "3.14–3.15"; ``["3.11", "3.12", "3.14"]`` ->
    "3.11–3.12, 3.14"; ``["3.13"]`` -> "3.13".
    """
    order = list(SUPPORTED_VERSIONS)
    positions = sorted(order.index(version) for version in versions)
    runs: list[list[int]] = []
    for position in positions:
        if runs and position == runs[-1][-1] + 1:
            runs[-1].append(position)
        else:
            runs.append([position])
    return ", ".join(
        order[run[0]] if len(run) == 1 else f"{order[run[0]]}\u2013{order[run[-1]]}" for run in runs
    )


def in_words(versions: list[str]) -> str:
    """``["3.11", "3.12", "3.13"]`` -> "3.11, 3.12 and 3.13", for prose."""
    *rest, last = versions
    return f"{', '.join(rest)} and {last}" if rest else last


def env_var(version: str) -> str:
    """The variable that names the interpreter of ``version``: SNIPPETS_PYTHON_3_12."""
    return "SNIPPETS_PYTHON_" + version.replace(".", "_")


def _probe(command: str, version: str) -> tuple[str, Path] | None:
    """(full version, real executable) if ``command`` runs Python ``version``."""
    try:
        done = subprocess.run(
            [command, "-c", _PROBE],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
            env={k: v for k, v in os.environ.items() if not k.startswith("PYTHON")},
        )
        (major, minor, micro), executable = json.loads(done.stdout)
    except (OSError, subprocess.SubprocessError, ValueError):
        return None
    if done.returncode != 0 or f"{major}.{minor}" != version:
        return None
    return f"{major}.{minor}.{micro}", Path(executable)


def _pyenv_root() -> Path:
    return Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv")


def _pyenv_candidates(version: str) -> list[Path]:
    root = _pyenv_root() / "versions"
    pattern = re.compile(rf"^{re.escape(version)}\.(\d+)$")
    found = [
        (int(match[1]), folder / "bin" / f"python{version}")
        for folder in (root.iterdir() if root.is_dir() else [])
        if (match := pattern.match(folder.name))
    ]
    return [path for _, path in sorted(found, reverse=True)]


def find(version: str) -> Interpreter | Missing:
    """Find a working interpreter for ``version`` (see the module docstring)."""
    variable = env_var(version)
    if chosen := os.environ.get(variable):
        if probed := _probe(chosen, version):
            return Interpreter(version, probed[1], probed[0], variable)
        return Missing(version, f"{variable}={chosen} does not run Python {version}")
    on_path = shutil.which(f"python{version}")
    if on_path and Path(on_path).parent == _pyenv_root() / "shims":
        on_path = None
    if on_path and (probed := _probe(on_path, version)):
        return Interpreter(version, probed[1], probed[0], "PATH")
    for candidate in _pyenv_candidates(version):
        if probed := _probe(str(candidate), version):
            return Interpreter(version, probed[1], probed[0], "pyenv")
    if (managed := _uv_managed(version)) and (probed := _probe(managed, version)):
        return Interpreter(version, probed[1], probed[0], "uv")
    from sitebuild import provisioning  # it names this module's variables

    try:
        provisioned = provisioning.provision_once(version)
    except SiteBuildError as error:
        return Missing(
            version,
            f"no working python{version} on PATH, in pyenv's versions or uv's, "
            f"and provisioning it failed: {error}",
        )
    if probed := _probe(str(provisioned), version):
        return Interpreter(version, probed[1], probed[0], "provisioned")
    return Missing(version, f"the provisioned {provisioned} does not run")


_UV_LOCK = threading.Lock()


@cache
def uv_binary() -> str:
    """The uv that requirements.txt installed (found once: sysconfig is not thread-safe)."""
    with _UV_LOCK:
        from uv import find_uv_bin

        return find_uv_bin()


def _uv_managed(version: str) -> str | None:
    """A Python ``version`` that uv installed, if any (never downloads)."""
    try:
        done = subprocess.run(
            [uv_binary(), "python", "find", "--managed-python", "--no-python-downloads", version],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else None


def find_all() -> dict[str, Interpreter | Missing]:
    """Every supported version, probed at the same time."""
    with ThreadPoolExecutor(len(SUPPORTED_VERSIONS)) as pool:
        return dict(zip(SUPPORTED_VERSIONS, pool.map(find, SUPPORTED_VERSIONS), strict=True))
