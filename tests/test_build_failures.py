"""A broken snippet must fail the strict build with a message naming its file.

pymdownx.superfences silently drops a fenced block whose formatter raises, so
each failure mode is checked on a small throwaway site built for real.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import nbformat
import pytest
import yaml
from conftest import MKDOCS_CONFIG, ROOT, mkdocs_build
from nbformat.v4 import new_code_cell, new_notebook

CONFIG = f"""
site_name: failure fixture
plugins:
  - markdown-exec
hooks:
  - {ROOT / "snippets" / "_runner.py"}
markdown_extensions:
  - md_in_html
  - pymdownx.superfences
  - pymdownx.snippets:
      check_paths: true
"""


def build_with(tmp_path: Path, page: str, files: dict[str, str]) -> str:
    """Build a one-page site whose snippets are `files`; return the build log. Asserts failure."""
    (tmp_path / "mkdocs.yml").write_text(CONFIG)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(textwrap.dedent(page))
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(textwrap.dedent(text))
    build = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    log = build.stdout + build.stderr
    assert build.returncode != 0, f"strict build passed but should have failed:\n{log}"
    return log


BLOCK = """
# Page

```pyfile exec="1"
snippets/fixture/{name}.py
```
"""


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
            {"snippets/fixture/silent.out": "$ python snippets/fixture/silent.py\n"},
            "printed nothing",
            id="empty-output",
        ),
        pytest.param(
            "drifts",
            "print('new')\n",
            {"snippets/fixture/drifts.out": "$ python snippets/fixture/drifts.py\nold\n"},
            "output differs from the recording",
            id="drift-from-recording",
        ),
        pytest.param(
            "unrecorded",
            "print('hello')\n",
            {},
            "no recorded output yet",
            id="no-recording",
        ),
        pytest.param(
            "stopped_warning",
            "print('quiet now')\n",
            {
                "snippets/fixture/expectations.toml": (
                    '[stopped_warning]\nwarnings = ["RuntimeWarning"]\n'
                ),
                "snippets/fixture/stopped_warning.out": (
                    "$ python snippets/fixture/stopped_warning.py\nquiet now\n"
                ),
            },
            "printed warnings none, expected ['RuntimeWarning']",
            id="missing-warning",
        ),
    ],
)
def test_broken_snippet_fails_build_naming_file(
    tmp_path: Path, name: str, source: str, extra: dict[str, str], message: str
) -> None:
    files = {f"snippets/fixture/{name}.py": source, **extra}
    log = build_with(tmp_path, BLOCK.format(name=name), files)
    assert f"snippets/fixture/{name}.py" in log
    assert message in log


def test_missing_snippet_file_fails_build(tmp_path: Path) -> None:
    log = build_with(tmp_path, BLOCK.format(name="nowhere"), {})
    assert "snippets/fixture/nowhere.py: snippet file not found" in log


def test_missing_include_fails_build(tmp_path: Path) -> None:
    log = build_with(tmp_path, '# Page\n\n--8<-- "docs/assets/missing.svg"\n', {})
    assert "missing.svg" in log


def site_jupyter_options() -> dict[str, object]:
    """The mkdocs-jupyter options of the real site, so the fixture tests the real setting."""
    for plugin in MKDOCS_CONFIG["plugins"]:
        if isinstance(plugin, dict) and "mkdocs-jupyter" in plugin:
            return plugin["mkdocs-jupyter"]
    raise AssertionError("mkdocs.yml does not configure mkdocs-jupyter")


def test_notebook_cell_that_raises_fails_build(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    notebook = new_notebook(
        cells=[new_code_cell("print('fine')"), new_code_cell("1 / 0")],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
    )
    nbformat.write(notebook, tmp_path / "docs" / "broken.ipynb")
    config = {
        "site_name": "notebook fixture",
        "plugins": [{"mkdocs-jupyter": site_jupyter_options()}],
    }
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config))
    build = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    log = build.stdout + build.stderr
    assert build.returncode != 0, log
    assert "broken.ipynb" in log
    assert "ZeroDivisionError" in log
