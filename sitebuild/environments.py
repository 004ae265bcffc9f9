"""One virtual environment per supported Python, holding the snippets' own pins.

Owns ``.cache/snippet-envs/<version>/``: created with uv on first use from
the interpreter that ``interpreters`` found, filled from
``snippets/requirements.txt``, and reused for as long as neither the
interpreter nor the requirements change. A marker file written last records
what the environment was made from; a folder without a matching marker is
made again. Safe to delete: the next build or test run recreates it.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sitebuild import SiteBuildError
from sitebuild.interpreters import Interpreter, Missing, find_all, uv_binary

REQUIREMENTS = Path("snippets/requirements.txt")
"""The snippets' own third-party packages, pinned (relative to the site root)."""

ENVS = Path(".cache/snippet-envs")

_PROBE = """
import json, platform, sys, sysconfig
paths = sysconfig.get_paths()
print(json.dumps({
    "full_version": platform.python_version(),
    "sys_version": sys.version,
    "paths": sorted({
        (paths[name], stand_in)
        for name, stand_in in [
            ("purelib", "<site-packages>"), ("platlib", "<site-packages>"),
            ("stdlib", "<stdlib>"), ("platstdlib", "<stdlib>"),
        ]
    }),
}))
"""


@dataclass(frozen=True)
class SnippetPython:
    """The interpreter that runs the snippets of one version, in its environment."""

    version: str  # "3.12"
    python: Path  # .cache/snippet-envs/3.12/bin/python, absolute
    full_version: str  # "3.12.1"
    sys_version: str  # sys.version: release, build date and compiler
    machine_paths: tuple[tuple[str, str], ...]  # (path, stand-in) for normalising output


def requirements_of(root: Path) -> bytes:
    path = root / REQUIREMENTS
    return path.read_bytes() if path.is_file() else b""


def _has_requirements(text: bytes) -> bool:
    lines = (line.split(b"#", 1)[0].strip() for line in text.splitlines())
    return any(lines)


def _uv(*args: str) -> None:
    done = subprocess.run(
        [uv_binary(), *args, "--quiet"], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SiteBuildError(f"uv {' '.join(args)} failed:\n{done.stderr}")


def ensure(interpreter: Interpreter, root: Path) -> SnippetPython:
    """The environment of ``interpreter.version`` under ``root``, made if needed."""
    requirements = requirements_of(root)
    key = hashlib.sha256(
        b"\0".join(
            [str(interpreter.executable).encode(), interpreter.full_version.encode(), requirements]
        )
    ).hexdigest()
    folder = root / ENVS / interpreter.version
    marker = folder / "sitebuild-environment.json"
    folder.parent.mkdir(parents=True, exist_ok=True)
    with (folder.parent / f"{interpreter.version}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one maker at a time (mkdocs serve + pytest)
        try:
            recorded = json.loads(marker.read_text("utf-8"))
        except (OSError, ValueError):
            recorded = {}
        if recorded.get("key") != key:
            shutil.rmtree(folder, ignore_errors=True)
            _uv("venv", "--python", str(interpreter.executable), "--no-project", str(folder))
            if _has_requirements(requirements):
                python = str(folder / "bin" / "python")
                _uv(
                    "pip",
                    "install",
                    "--compile-bytecode",
                    "--python",
                    python,
                    "-r",
                    str(root / REQUIREMENTS),
                )
            recorded = {"key": key, **_describe(folder / "bin" / "python")}
            temporary = marker.with_suffix(".tmp")
            temporary.write_text(json.dumps(recorded), "utf-8")
            os.replace(temporary, marker)
    return SnippetPython(
        version=interpreter.version,
        python=folder / "bin" / "python",
        full_version=recorded["full_version"],
        sys_version=recorded["sys_version"],
        machine_paths=tuple(tuple(pair) for pair in recorded["paths"]),
    )


def _describe(python: Path) -> dict[str, object]:
    done = subprocess.run([str(python), "-c", _PROBE], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SiteBuildError(f"{python} does not run:\n{done.stderr}")
    return json.loads(done.stdout)


def prepare(root: Path) -> tuple[dict[str, SnippetPython], list[Missing]]:
    """The environment of every supported version found, and the versions not found.

    Interpreters are probed at the same time; environments are made one after
    another, since concurrent uv installs wait for each other's cache lock.
    """
    found = find_all()
    made = [ensure(i, root) for i in found.values() if isinstance(i, Interpreter)]
    missing = [m for m in found.values() if isinstance(m, Missing)]
    return {python.version: python for python in made}, missing
