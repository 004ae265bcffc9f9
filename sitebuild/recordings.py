"""What each snippet must do: its recorded transcripts and ``expectations.toml``.

A snippet ``snippets/<page>/<name>.py`` has one recording per supported Python
beside it, ``<name>.3.11.out``, ``<name>.3.12.out``, ...: exactly what a
terminal showed when it ran on that version. ``ls`` lists them together and a
plain ``diff`` between two of them shows how the versions differ.

``snippets/<page>/expectations.toml`` declares what a snippet must do besides
printing its recording, one table per snippet, all keys optional::

    [never_awaited]
    exit_status = 0                 # default 0
    warnings = ["RuntimeWarning"]   # warning categories it prints; default none
    timeout = 30                    # seconds before it is killed; default 30
    alone = true                    # needs the CPU to itself (printed timings
                                    # of CPU-bound work); default false
    python_options = ["-X", "dev"]  # between `python` and the file's path
    environment = { PYTHONASYNCIODEBUG = "1" }  # added to its environment
    replace = { 'in [0-9.]+s' = "in <time>" }  # regex -> stand-in, for
                                    # what the run itself measured and printed

    [never_awaited."3.13"]          # overrides for one version
    exit_status = 1

Options, environment variables and stand-ins are part of what the page
shows: the transcript's command line shows the first two (``$
PYTHONASYNCIODEBUG=1 python -X dev snippets/...``), and a stand-in replaces
in the output what the program measured and could not print the same twice.
A run that breaks a declaration fails even when someone re-records it.
"""

from __future__ import annotations

import difflib
import functools
import re
import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sitebuild import SiteBuildError
from sitebuild.interpreters import SUPPORTED_VERSIONS, env_var
from sitebuild.running import Run

DEFAULT_TIMEOUT = 30.0

_PER_VERSION = {"exit_status": "an integer", "warnings": "a list of strings", "timeout": "a number"}
_PER_SNIPPET = {
    **_PER_VERSION,
    "alone": "true or false",
    "python_options": "a list of strings",
    "environment": "a table of strings",
    "replace": "a table of strings",
}
_VERSION_KEY = re.compile(r"^\d+\.\d+$")


def _has_type(value: object, kind: str) -> bool:
    if isinstance(value, bool) or kind == "true or false":
        return isinstance(value, bool) and kind == "true or false"
    if kind == "a list of strings":
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    if kind == "a table of strings":
        return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
    return isinstance(value, int if kind == "an integer" else (int, float))


@dataclass(frozen=True)
class Expectations:
    """What ``expectations.toml`` declares for one snippet on one version."""

    exit_status: int = 0
    warnings: tuple[str, ...] = ()
    timeout: float = DEFAULT_TIMEOUT
    alone: bool = False
    python_options: tuple[str, ...] = ()
    environment: tuple[tuple[str, str], ...] = ()
    replace: tuple[tuple[str, str], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def snippet_files(root: Path) -> list[Path]:
    """Every snippet: ``snippets/<page>/<name>.py``, less tests and private modules."""
    return sorted(
        path
        for path in (root / "snippets").glob("*/*.py")
        if not path.name.startswith(("_", "test_")) and path.name != "conftest.py"
    )


def recording_path(snippet: Path, version: str) -> Path:
    """Where the transcript of ``snippet`` on ``version`` is recorded."""
    return snippet.with_name(f"{snippet.stem}.{version}.out")


def _validated(manifest: Path, where: str, table: dict[str, Any], allowed: dict) -> None:
    for key, value in table.items():
        if key not in allowed:
            raise SiteBuildError(
                f"{manifest}: [{where}] has unknown key {key!r} (allowed: {', '.join(allowed)})"
            )
        if not _has_type(value, allowed[key]):
            raise SiteBuildError(f"{manifest}: [{where}] {key} must be {allowed[key]}")
    if table.get("timeout", 1) <= 0:
        raise SiteBuildError(f"{manifest}: [{where}] timeout must be positive")


@functools.lru_cache(maxsize=256)
def _parsed(content: bytes) -> dict[str, Any]:
    """A manifest's tables, parsed once per content: a build asks for a snippet's
    expectations several times a run (its order, the run, the check, the page).
    Shared between callers: read, never changed."""
    return tomllib.loads(content.decode("utf-8"))


def expectations_for(snippet: Path, version: str) -> Expectations:
    """What ``snippet`` must do on ``version``; a malformed manifest is an error naming it."""
    manifest = snippet.parent / "expectations.toml"
    if not manifest.is_file():
        return Expectations()
    try:
        tables = _parsed(manifest.read_bytes())
    except tomllib.TOMLDecodeError as error:
        raise SiteBuildError(f"{manifest}: not valid TOML: {error}") from None
    for name, table in tables.items():
        if not isinstance(table, dict) or not (manifest.parent / f"{name}.py").is_file():
            raise SiteBuildError(f"{manifest}: [{name}] names no snippet in this folder")
    entry = dict(tables.get(snippet.stem, {}))
    overrides = {key: entry.pop(key) for key in list(entry) if _VERSION_KEY.match(key)}
    _validated(manifest, snippet.stem, entry, _PER_SNIPPET)
    for pattern in entry.get("replace", {}):
        try:
            re.compile(pattern)
        except re.error as error:
            raise SiteBuildError(
                f"{manifest}: [{snippet.stem}] replace: {pattern!r} is not a regex: {error}"
            ) from None
    for key, table in overrides.items():
        if key not in SUPPORTED_VERSIONS or not isinstance(table, dict):
            raise SiteBuildError(
                f"{manifest}: [{snippet.stem}.{key}] is not a supported Python version "
                f"({', '.join(SUPPORTED_VERSIONS)})"
            )
        _validated(manifest, f'{snippet.stem}."{key}"', table, _PER_VERSION)
    entry.update(overrides.get(version, {}))
    return Expectations(
        exit_status=entry.get("exit_status", 0),
        warnings=tuple(entry.get("warnings", ())),
        timeout=float(entry.get("timeout", DEFAULT_TIMEOUT)),
        alone=entry.get("alone", False),
        python_options=tuple(entry.get("python_options", ())),
        environment=tuple(entry.get("environment", {}).items()),
        replace=tuple(entry.get("replace", {}).items()),
    )


def problems(run: Run, expected: Expectations) -> list[str]:
    """How ``run`` breaks what expectations.toml declares (empty when it does not)."""
    found = []
    if run.exit_status != expected.exit_status:
        found.append(
            f"exited with status {run.exit_status}, "
            f"expected {expected.exit_status} (exit_status in expectations.toml)"
        )
    printed, declared = sorted(set(run.warnings)), sorted(set(expected.warnings))
    if printed != declared:
        found.append(
            f"printed warnings {printed or 'none'}, "
            f"expected {declared or 'none'} (warnings in expectations.toml)"
        )
    if not run.output.strip():
        found.append("printed nothing: a snippet on the site must show some output")
    return found


def difference(run: Run, snippet: Path, root: Path) -> str | None:
    """A unified diff of the recording against ``run``; None when they agree."""
    golden = recording_path(snippet, run.version)
    name = golden.relative_to(root).as_posix()
    if not golden.is_file():
        return (
            f"{name} does not exist yet: record it with "
            f"`pytest snippets/ --force-regen -k {snippet.name}`, read it, commit it"
        )
    recorded = golden.read_text(encoding="utf-8")
    if recorded == run.transcript:
        return None
    diff = "".join(
        difflib.unified_diff(
            recorded.splitlines(keepends=True),
            run.transcript.splitlines(keepends=True),
            fromfile=name,
            tofile=f"this run (Python {run.full_version})",
        )
    )
    return f"output on Python {run.full_version} differs from {name}:\n{diff}" + patch_release_note(
        run, snippet
    )


def patch_release_note(run: Run, snippet: Path) -> str:
    """What to do when the run's patch release is not the recordings' ("" when it is)."""
    recorded = SUPPORTED_VERSIONS[run.version]
    if run.full_version == recorded:
        return ""
    return (
        f"\nThis is Python {run.full_version}; the recordings were made with {recorded} "
        f"(SUPPORTED_VERSIONS in sitebuild/interpreters.py). A patch release can change a "
        f"traceback's line numbers or a message. If the diff shows only that, re-record on "
        f"this release with\n    pytest snippets/ --force-regen -k "
        f'"{snippet.stem} and py{run.version}"\n'
        f"and, re-recording every snippet of {run.version} that differs, set "
        f'"{run.version}": "{run.full_version}" there; or run the recordings\' release '
        f"({recorded}), with {env_var(run.version)}=/path/to/python{run.version}."
    )


def verify(run: Run, snippet: Path, root: Path) -> None:
    """Raise SiteBuildError naming the snippet if ``run`` is not what the site may show."""
    found = problems(run, expectations_for(snippet, run.version))
    if diff := difference(run, snippet, root):
        found.append(diff)
    if found:
        raise SiteBuildError(
            f"{run.path} on Python {run.full_version}: "
            + "; ".join(found)
            + "\nOutput was:\n"
            + run.output
        )


RUN_TIMES = Path("snippets/run-times.toml")
"""How long each snippet ran when its recordings were last made, in whole
seconds: the build starts the slowest first. A snippet it does not list counts
as quick."""


def run_times(root: Path) -> dict[str, int]:
    """``{"index/io_waits.py": 2, ...}`` from snippets/run-times.toml."""
    path = root / RUN_TIMES
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as file:
            times = tomllib.load(file)
    except tomllib.TOMLDecodeError as error:
        raise SiteBuildError(f"{path}: not valid TOML: {error}") from None
    if not all(isinstance(value, int) for value in times.values()):
        raise SiteBuildError(f"{path}: every value must be a whole number of seconds")
    return times


def record_run_times(root: Path, runs: list[Run]) -> None:
    """Update snippets/run-times.toml with the times of ``runs``."""
    times = {name: s for name, s in run_times(root).items() if (root / "snippets" / name).is_file()}
    fresh: dict[str, int] = {}
    for run in runs:
        name = run.path.removeprefix("snippets/")
        fresh[name] = max(fresh.get(name, 0), int(run.seconds))
    times.update(fresh)
    lines = [f'"{name}" = {seconds}' for name, seconds in sorted(times.items())]
    (root / RUN_TIMES).write_text(_RUN_TIMES_HEADER + "\n".join(lines) + "\n", "utf-8")


_RUN_TIMES_HEADER = """\
# How long each snippet ran when its recordings were last made, in whole
# seconds (the slowest of its versions): the build starts the slowest first,
# so that they do not finish last. Written by `pytest snippets/ --force-regen`.

"""
