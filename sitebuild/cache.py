"""The content-addressed store of snippet runs and executed notebooks.

Owns ``.cache/sitebuild/`` (ignored by git, safe to delete). An entry is named
by a SHA-256 of everything that can change what it holds; for a run that is
the snippet's path and source, the source of every local module it imports,
its expectations on that version, the interpreter's full ``sys.version``, the
snippets' pinned requirements and the source of this package. Each entry also
keeps that list of inputs, so that a surprising rerun can be explained.

Entries are written atomically (a temporary file renamed into place) and
carry a checksum of their content, verified on every read: a truncated or
edited entry is reported in the log, deleted and made again, never used.
Callers store only runs that passed every check. ``SNIPPETS_NO_CACHE=1``
bypasses the store: nothing is read from it or written to it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.plugins.sitebuild")

FOLDER = Path(".cache/sitebuild")

_IMPORT = re.compile(
    r"^\s*(?:from\s+([\w.]+)\s+import\b|import\s+([\w.]+(?:\s*,\s*[\w.]+)*))", re.M
)


def enabled() -> bool:
    """False when ``SNIPPETS_NO_CACHE`` is set to anything but "" or "0"."""
    return os.environ.get("SNIPPETS_NO_CACHE", "") in ("", "0")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@cache
def build_code_version() -> str:
    """A digest of this package's source: any change to the build code renews every entry."""
    package = Path(__file__).parent
    return digest(b"".join(path.read_bytes() for path in sorted(package.glob("*.py"))))


def local_files(snippet: Path) -> list[Path]:
    """What a run of ``snippet`` may read from its folder.

    ``snippet``, every module of the folder it imports (directly or not), and
    the folder's data files: whatever is not Python source, a recording or
    ``expectations.toml`` (whose table for the snippet is part of the key),
    such as the ``pytest.ini`` of a folder whose snippets run pytest.
    """
    found: list[Path] = sorted(
        path
        for path in snippet.parent.iterdir()
        if path.is_file()
        and path.suffix not in (".py", ".out", ".pyc")
        and path.name != "expectations.toml"
    )
    pending = [snippet]
    while pending:
        path = pending.pop()
        if path in found:
            continue
        found.append(path)
        for top in imported_modules(path):
            module, package = snippet.parent / f"{top}.py", snippet.parent / top
            if module.is_file():
                pending.append(module)
            elif (package / "__init__.py").is_file():
                pending.extend(sorted(package.rglob("*.py")))
    return sorted(found)


def imported_modules(path: Path) -> list[str]:
    """The top-level names of the modules ``path`` imports (``asyncio``, ``httpx``)."""
    names = []
    for match in _IMPORT.finditer(path.read_text("utf-8", errors="replace")):
        names += [name.strip().split(".")[0] for name in (match[1] or match[2]).split(",")]
    return names


def key(inputs: dict[str, Any]) -> str:
    """The name of the entry made from ``inputs`` (JSON-serialisable)."""
    return digest(json.dumps(inputs, sort_keys=True).encode())


def file_digests(root: Path, paths: list[Path]) -> dict[str, str]:
    return {path.relative_to(root).as_posix(): digest(path.read_bytes()) for path in paths}


class Store:
    """Entries of one kind ("runs", "notebooks") under ``root``."""

    def __init__(self, root: Path, kind: str) -> None:
        self.folder = root / FOLDER / kind

    def _path(self, name: str) -> Path:
        return self.folder / f"{name}.json"

    def get(self, name: str) -> dict[str, Any] | None:
        """The payload stored under ``name``, or None if absent or damaged."""
        path = self._path(name)
        try:
            text = path.read_text("utf-8")
        except FileNotFoundError:
            return None
        except OSError as error:
            log.info("cache: could not read %s (%s); running again", path, error)
            return None
        try:
            entry = json.loads(text)
            payload = entry["payload"]
            intact = entry["checksum"] == digest(json.dumps(payload, sort_keys=True).encode())
        except (ValueError, KeyError, TypeError):
            intact = False
        if not intact:
            log.info("cache: %s is damaged (checksum does not match); discarded", path)
            path.unlink(missing_ok=True)
            return None
        return payload

    def put(self, name: str, payload: dict[str, Any]) -> None:
        """Store ``payload`` under ``name`` atomically; a failed write stores nothing."""
        checksum = digest(json.dumps(payload, sort_keys=True).encode())
        text = json.dumps({"checksum": checksum, "payload": payload}, sort_keys=True)
        temporary: Path | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=self.folder, suffix=".tmp", delete=False
            ) as file:
                temporary = Path(file.name)
                file.write(text)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, self._path(name))
        except OSError as error:
            log.info("cache: could not store %s (%s); it will run again", name, error)
            if temporary is not None:
                temporary.unlink(missing_ok=True)
