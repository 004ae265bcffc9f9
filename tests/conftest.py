"""Site-level fixtures: one strict build of the real site, shared by all tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
MKDOCS_CONFIG = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
"""The real site's mkdocs.yml (plain YAML: it uses no custom tags)."""


def nav_slugs() -> list[str]:
    """Page slugs in nav order: `index` for index.md, `tasks` for tasks.md, ..."""
    return [Path(next(iter(entry.values()))).stem for entry in MKDOCS_CONFIG["nav"]]


def page_dir(slug: str) -> str:
    """The built page's folder, relative to the site root ("" for the home page)."""
    return "" if slug == "index" else f"{slug}/"


def mkdocs_build(config: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` as a real process, from the config's folder."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(config),
            "-d",
            str(site_dir),
        ],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with --strict; a failed build fails every test using it."""
    site_dir = tmp_path_factory.mktemp("site")
    build = mkdocs_build(ROOT / "mkdocs.yml", site_dir)
    if build.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{build.stdout}\n{build.stderr}")
    return site_dir
