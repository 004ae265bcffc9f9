"""pytest setup for ``pytest snippets/``: every snippet on every Python.

Tests taking ``snippet`` and ``version`` are parametrized with every snippet
(or the module's ``SNIPPETS``) on every supported version, so test ids name
both: ``test_output_matches_recording[index/io_waits.py-py3.12]``. All runs
the selected tests need start at once, fresh (never from the cache), when the
first of them asks; runs that pass every check are stored in the cache, so
that the site build of the same test session does not run them again.

A supported Python missing on this machine skips its tests, with the reason;
with ``REQUIRE_ALL_PYTHONS=1`` (CI) that is a failure instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitebuild import environments, interpreters, recordings
from sitebuild.environments import SnippetPython
from sitebuild.running import Run
from sitebuild.scheduling import Scheduler


def pytest_report_header(config: pytest.Config) -> list[str]:
    lines = []
    for version, found in interpreters.find_all().items():
        recorded = interpreters.SUPPORTED_VERSIONS[version]
        if isinstance(found, interpreters.Missing):
            lines.append(f"Python {version}: {found.message}")
            continue
        note = (
            ""
            if found.full_version == recorded
            else f" (recordings: {recorded})"
        )
        lines.append(
            f"Python {version}: {found.full_version} at {found.executable}, "
            f"found by {found.found_by}{note}"
        )
    return lines


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if {"snippet", "version"} <= set(metafunc.fixturenames):
        root = metafunc.config.rootpath
        snippets = getattr(
            metafunc.module, "SNIPPETS", None
        ) or recordings.snippet_files(root)
        metafunc.parametrize(
            ("snippet", "version"),
            [
                (s, v)
                for s in snippets
                for v in interpreters.SUPPORTED_VERSIONS
            ],
            ids=[
                f"{s.relative_to(root / 'snippets').as_posix()}-py{v}"
                for s in snippets
                for v in interpreters.SUPPORTED_VERSIONS
            ],
        )


@pytest.fixture(scope="session")
def pythons(
    pytestconfig: pytest.Config,
) -> tuple[dict[str, SnippetPython], dict[str, interpreters.Missing]]:
    """The environment of every supported Python found, and those not found."""
    found, missing = environments.prepare(pytestconfig.rootpath)
    return found, {m.version: m for m in missing}


@pytest.fixture(scope="session")
def scheduler(
    request: pytest.FixtureRequest, pythons: tuple
) -> Iterator[Scheduler]:
    """Fresh runs of every (snippet, version) the tests use, all started."""
    found, _ = pythons
    scheduler = Scheduler(
        request.config.rootpath, found, read_cache=False, write_cache=True
    )
    scheduler.start(
        sorted(
            {
                (
                    item.callspec.params["snippet"],
                    item.callspec.params["version"],
                )
                for item in request.session.items
                if "version"
                in getattr(getattr(item, "callspec", None), "params", {})
                and item.callspec.params["version"] in found
            }
        )
    )
    yield scheduler
    if request.config.getoption("force_regen") or request.config.getoption(
        "regen_all"
    ):
        recordings.record_run_times(
            request.config.rootpath, scheduler.finished_runs()
        )
    scheduler.close()
    scheduler.write_report()
    request.config.stash[_SUMMARY] = scheduler.summary()


_SUMMARY = pytest.StashKey[str]()


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    """The runs' summary line, as a build prints it."""
    if summary := config.stash.get(_SUMMARY, None):
        terminalreporter.write_line(f"sitebuild: {summary}")


@pytest.fixture
def snippet_python(version: str, pythons: tuple) -> SnippetPython:
    """The interpreter of ``version``; without it, skip (fail, in CI)."""
    if missing := pythons[1].get(version):
        if os.environ.get("REQUIRE_ALL_PYTHONS"):
            pytest.fail(missing.message, pytrace=False)
        pytest.skip(missing.message)
    return pythons[0][version]


@pytest.fixture
def run(
    snippet: Path, snippet_python: SnippetPython, scheduler: Scheduler
) -> Run:
    """The fresh run of ``snippet`` on its version (shared by the tests)."""
    return scheduler.result(snippet, snippet_python.version)
