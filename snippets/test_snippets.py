"""Run every snippet as a real Python process and compare it with its recording.

Each snippet ``snippets/<page>/<name>.py`` has its recorded transcript beside it
in ``<name>.out`` (pytest-regressions). Record or update recordings with
``pytest snippets/ --force-regen``, then read the diff before committing.
"""

from pathlib import Path

import pytest
from _runner import ROOT, Run, check, expectations_for, expected_output_path, run, snippet_files

SNIPPETS = snippet_files()


@pytest.fixture(params=SNIPPETS, ids=lambda path: path.relative_to(ROOT / "snippets").as_posix())
def snippet(request: pytest.FixtureRequest) -> Path:
    return request.param


@pytest.fixture(scope="session")
def runs() -> dict[Path, Run]:
    return {}


@pytest.fixture
def result(snippet: Path, runs: dict[Path, Run]) -> Run:
    """The snippet's run, shared by the tests of one pytest process."""
    if snippet not in runs:
        runs[snippet] = run(snippet)
    return runs[snippet]


def test_snippets_exist() -> None:
    assert SNIPPETS, "no snippet files found under snippets/*/"


def test_output_matches_recording(
    snippet: Path, result: Run, file_regression, request: pytest.FixtureRequest
) -> None:
    golden = expected_output_path(snippet)
    if not golden.is_file() and not request.config.getoption("force_regen"):
        pytest.fail(
            f"{golden.relative_to(ROOT)} does not exist yet. Record it with\n"
            f"    pytest snippets/ --force-regen -k {snippet.name}\n"
            "then read it and commit it beside the snippet."
        )
    file_regression.check(result.transcript, fullpath=golden, extension=".out")


def test_behaves_as_declared(snippet: Path, result: Run) -> None:
    """Exit status and warnings must match expectations.toml, whatever was recorded."""
    check(result, expectations_for(snippet))
