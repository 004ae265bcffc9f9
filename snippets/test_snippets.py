"""Every snippet, run fresh on every supported Python, against its recordings.

Each snippet ``snippets/<page>/<name>.py`` has one recorded transcript per
version beside it, ``<name>.<version>.out`` (pytest-regressions). Record or
update them with ``pytest snippets/ --force-regen`` (``-k`` to pick a snippet
or a version: ``-k "io_waits and py3.13"``), then read the diff before
committing.
"""

from pathlib import Path

import pytest

from sitebuild.recordings import (
    difference,
    expectations_for,
    patch_release_note,
    problems,
    recording_path,
    snippet_files,
)
from sitebuild.running import Run


def test_snippets_exist(pytestconfig: pytest.Config) -> None:
    assert snippet_files(pytestconfig.rootpath), (
        "no snippet files found under snippets/*/"
    )


def test_output_matches_recording(
    snippet: Path,
    version: str,
    run: Run,
    file_regression,
    request: pytest.FixtureRequest,
) -> None:
    golden = recording_path(snippet, version)
    if not golden.is_file() and not request.config.getoption("force_regen"):
        pytest.fail(
            f"{golden.name} does not exist yet. Record it with\n"
            "    pytest snippets/ --force-regen"
            f' -k "{snippet.stem} and py{version}"\n'
            "then read it and commit it beside the snippet."
        )
    recorded = golden.read_text("utf-8") if golden.is_file() else None
    if (
        recorded not in (None, run.transcript)
        and not request.config.getoption("force_regen")
        and patch_release_note(run, snippet)  # say why, and how to re-record
    ):
        pytest.fail(difference(run, snippet, request.config.rootpath))
    file_regression.check(run.transcript, fullpath=golden)


def test_behaves_as_declared(snippet: Path, version: str, run: Run) -> None:
    """Exit status and warnings as declared, whatever the recording says."""
    found = problems(run, expectations_for(snippet, version))
    assert not found, "; ".join(found) + "\nOutput was:\n" + run.output
