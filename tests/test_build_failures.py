"""A broken snippet or notebook must fail the strict build with a message naming it.

pymdownx.superfences silently drops a fenced block whose formatter raises, so
each failure mode is checked on a small throwaway site built for real.
"""

from __future__ import annotations

import platform
from collections.abc import Callable
from textwrap import indent

import nbformat
import pytest
import yaml
from conftest import FIXTURE_CONFIG, MKDOCS_CONFIG, FixtureSite, recorded, snippet_block
from nbformat.v4 import new_code_cell, new_notebook

from sitebuild import interpreters

*OLDER, NEWEST = interpreters.SUPPORTED_VERSIONS
NOWHERE = {interpreters.env_var(NEWEST): f"/nowhere/python{NEWEST}"}
"""The newest supported version, pointed at an interpreter that does not exist."""


def failed_build(site: FixtureSite, **env: str) -> str:
    """The log of a strict build of ``site``, which must fail."""
    build = site.build(**env)
    log = build.stdout + build.stderr
    assert build.returncode != 0, f"strict build passed but should have failed:\n{log}"
    return log


@pytest.mark.parametrize(
    ("name", "source", "extra", "message"),
    [
        pytest.param(
            "raises",
            "raise RuntimeError('boom')\n",
            {},
            "exited with status 1, expected 0",
            id="unexpected-exception",
        ),
        pytest.param(
            "hangs",
            "import time\n\nprint('started')\ntime.sleep(60)\n",
            {"snippets/fixture/expectations.toml": "[hangs]\ntimeout = 1\n"},
            "killed after running for more than 1 s",
            id="time-limit",
        ),
        pytest.param(
            "silent",
            "x = 1\n",
            recorded("snippets/fixture/silent.py", ""),
            "printed nothing",
            id="empty-output",
        ),
        pytest.param(
            "drifts",
            "print('new')\n",
            recorded("snippets/fixture/drifts.py", "old\n"),
            "differs from snippets/fixture/drifts.3.",
            id="drift-from-recording",
        ),
        pytest.param(
            "unrecorded",
            "print('hello')\n",
            {},
            "unrecorded.3.11.out does not exist yet",
            id="no-recording",
        ),
        pytest.param(
            "stopped_warning",
            "print('quiet now')\n",
            {
                "snippets/fixture/expectations.toml": (
                    '[stopped_warning]\nwarnings = ["RuntimeWarning"]\n'
                ),
                **recorded("snippets/fixture/stopped_warning.py", "quiet now\n"),
            },
            "printed warnings none, expected ['RuntimeWarning']",
            id="missing-warning",
        ),
        pytest.param(
            "typo",
            "print('hello')\n",
            {
                "snippets/fixture/expectations.toml": "[typo]\nexit_code = 1\n",
                **recorded("snippets/fixture/typo.py", "hello\n"),
            },
            "snippets/fixture/expectations.toml: [typo] has unknown key 'exit_code'",
            id="unknown-expectation",
        ),
        pytest.param(
            "other_version",
            "print('hello')\n",
            {
                "snippets/fixture/expectations.toml": '[other_version."3.9"]\nexit_status = 1\n',
                **recorded("snippets/fixture/other_version.py", "hello\n"),
            },
            "[other_version.3.9] is not a supported Python version",
            id="unsupported-version-in-expectations",
        ),
        pytest.param(
            "bad_pattern",
            "print('hello')\n",
            {
                "snippets/fixture/expectations.toml": "[bad_pattern]\nreplace = { '[0-9' = 'x' }\n",
                **recorded("snippets/fixture/bad_pattern.py", "hello\n"),
            },
            "[bad_pattern] replace: '[0-9' is not a regex",
            id="replace-pattern-not-a-regex",
        ),
    ],
)
def test_broken_snippet_fails_build_naming_file(
    make_site: Callable[..., FixtureSite],
    name: str,
    source: str,
    extra: dict[str, str],
    message: str,
) -> None:
    path = f"snippets/fixture/{name}.py"
    log = failed_build(make_site(snippet_block(path), {path: source, **extra}))
    assert path in log or "expectations.toml" in log
    assert message in log


def test_quiet_strict_build_fails_too(make_site: Callable[..., FixtureSite]) -> None:
    """`--quiet` drops warnings before `--strict` counts them: the hook still fails the build."""
    path = "snippets/fixture/drifts.py"
    site = make_site(snippet_block(path), {path: "print('new')\n", **recorded(path, "old\n")})
    build = site.build(quiet=True)
    assert build.returncode != 0, "a quiet strict build passed with a drifting snippet"
    assert "index.md: a pyfile block failed" in build.stderr
    assert "differs from snippets/fixture/drifts.3." in build.stderr


def test_missing_snippet_file_fails_build(make_site: Callable[..., FixtureSite]) -> None:
    log = failed_build(make_site(snippet_block("snippets/fixture/nowhere.py"), {}))
    assert "snippets/fixture/nowhere.py: snippet file not found" in log


def test_missing_include_fails_build(make_site: Callable[..., FixtureSite]) -> None:
    log = failed_build(make_site('# Page\n\n--8<-- "docs/assets/missing.svg"\n', {}))
    assert "missing.svg" in log


def test_missing_interpreter_fails_strict_build_naming_it(
    make_site: Callable[..., FixtureSite],
) -> None:
    path = "snippets/fixture/hello.py"
    site = make_site(snippet_block(path), {path: "print('hello')\n", **recorded(path, "hello\n")})
    log = failed_build(site, **NOWHERE)
    variable = interpreters.env_var(NEWEST)
    assert f"Python {NEWEST} not found ({variable}=/nowhere/python{NEWEST}" in log
    assert f"pyenv install {interpreters.SUPPORTED_VERSIONS[NEWEST]}" in log


def test_missing_interpreter_is_one_warning_without_strict(
    make_site: Callable[..., FixtureSite],
) -> None:
    path = "snippets/fixture/hello.py"
    site = make_site(
        snippet_block(path) + snippet_block(path),
        {path: "print('hello')\n", **recorded(path, "hello\n")},
    )
    build = site.build(strict=False, **NOWHERE)
    log = build.stdout + build.stderr
    assert build.returncode == 0, log
    assert log.count("WARNING") == 1, log
    assert f"Python {NEWEST} not found" in log
    assert f"Pages show the versions found: {', '.join(OLDER)}" in log
    found = [
        found.full_version
        for version, found in interpreters.find_all().items()
        if version != NEWEST and isinstance(found, interpreters.Interpreter)
    ]
    assert f"Output: Python {', '.join(found)} on {platform.system()}" in site.page()
    assert NEWEST not in site.page()


def test_notebook_cell_that_raises_fails_build(make_site: Callable[..., FixtureSite]) -> None:
    """With the site's own mkdocs-jupyter options: a cell that raises fails the build."""
    jupyter = next(
        plugin["mkdocs-jupyter"]
        for plugin in MKDOCS_CONFIG["plugins"]
        if isinstance(plugin, dict) and "mkdocs-jupyter" in plugin
    )
    config = FIXTURE_CONFIG.replace(
        "plugins:\n", "plugins:\n" + indent(yaml.safe_dump([{"mkdocs-jupyter": jupyter}]), "  "), 1
    )
    site = make_site("# Home\n", {}, config)
    notebook = new_notebook(
        cells=[new_code_cell("print('fine')"), new_code_cell("1 / 0")],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
    )
    nbformat.write(notebook, site.folder / "docs" / "broken.ipynb")
    log = failed_build(site)
    assert "docs/broken.ipynb: a cell raised an exception" in log
    assert "ZeroDivisionError" in log


WITH_REFERENCES = FIXTURE_CONFIG.replace("plugins:\n", "plugins:\n  - autorefs\n", 1)
"""A throwaway site that links Python names, as the real one does."""


@pytest.mark.parametrize("quiet", [False, True], ids=["", "quiet"])
def test_asyncio_name_missing_from_the_documentation_fails_build(
    make_site: Callable[..., FixtureSite], quiet: bool
) -> None:
    """An ``asyncio`` name the documentation's inventory lacks fails the strict
    build (quiet or not), naming the page and the name; ``{.unlinked}`` on the
    code span says that no supported version documents it, and the page builds."""
    page = "Use `asyncio.TaskGroup` and `asyncio.run_faster()`, not `asyncio.coroutine`.\n"
    site = make_site(page, {}, WITH_REFERENCES)
    build = site.build(quiet=quiet)
    log = build.stdout + build.stderr
    assert build.returncode != 0, log
    assert "index.md: not in the Python" in log
    assert "inventory (python-objects.inv): asyncio.coroutine, asyncio.run_faster;" in log
    marked = page.replace("()`", "()`{.unlinked}").replace("e`.", "e`{.unlinked}.")
    site.write({"docs/index.md": marked})
    build = site.build(quiet=quiet)
    assert build.returncode == 0, build.stdout + build.stderr
    assert 'href="https://docs.python.org/3.' in site.page()
