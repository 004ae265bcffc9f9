"""Site-level fixtures: one strict build of the real site, shared by all tests, and
throwaway sites (a page, a few snippets, the real build code and Markdown
configuration) for the build's failure modes and cache."""

from __future__ import annotations

import contextlib
import functools
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from second_folder import SecondFolderBuild

from sitebuild import interpreters

ROOT = Path(__file__).resolve().parent.parent


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, keeping ``!!python/name:module.attribute`` tags as their text."""


_ConfigLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/name:", lambda loader, suffix, node: f"!!python/name:{suffix}"
)

_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)  # site_url, set when publishing

MKDOCS_CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_ConfigLoader)
"""The real site's mkdocs.yml."""


def nav_slugs(entries: list | None = None) -> list[str]:
    """Page slugs in nav order: `index` for index.md, `tasks` for tasks.md, ..."""
    slugs = []
    for entry in MKDOCS_CONFIG["nav"] if entries is None else entries:
        target = next(iter(entry.values()))
        slugs += nav_slugs(target) if isinstance(target, list) else [Path(target).stem]
    return slugs


def page_dir(slug: str) -> str:
    """The built page's folder, relative to the site root ("" for the home page)."""
    return "" if slug == "index" else f"{slug}/"


def mkdocs_build(
    config: Path, site_dir: Path, *, strict: bool = True, quiet: bool = False, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build` (--strict unless told) as a real process, from the config's folder."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site_dir)]
        + (["--strict"] if strict else [])
        + (["--quiet"] if quiet else []),
        cwd=config.parent,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        check=False,
    )


@functools.cache  # finding them starts every interpreter: once a session
def missing_pythons() -> list[str]:
    """Why supported versions are missing here (the strict build needs them all)."""
    return [
        found.message
        for found in interpreters.find_all().values()
        if isinstance(found, interpreters.Missing)
    ]


def require_every_python() -> None:
    """Skip (fail under REQUIRE_ALL_PYTHONS=1, as in CI) when a supported version is missing."""
    if missing := missing_pythons():
        if os.environ.get("REQUIRE_ALL_PYTHONS"):
            pytest.fail("\n".join(missing), pytrace=False)
        pytest.skip("\n".join(missing))


SOURCE_DATE_EPOCH = "1700000000"
"""The build date of the session's site and of the copy it is compared with."""


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with --strict; a failed build fails every test using it.

    After ``pytest snippets/`` in the same session, it renders from the cache
    those fresh runs filled: the suite runs each snippet on each version once.
    """
    require_every_python()
    site_dir = tmp_path_factory.mktemp("site")
    build = mkdocs_build(ROOT / "mkdocs.yml", site_dir, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
    if build.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{build.stdout}\n{build.stderr}")
    return site_dir


@pytest.fixture(scope="session")
def second_folder_build(
    site: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SecondFolderBuild]:
    """A clean build of a fresh copy in another folder, running in the background
    from the moment a test asks for it (``tests/second_folder.py``)."""
    folder = tmp_path_factory.mktemp("copy") / "a-second-folder-with-a-longer-name"
    build = SecondFolderBuild(folder, SOURCE_DATE_EPOCH)
    yield build
    build.stop()


@pytest.fixture(scope="session")
def _second_folder_wanted(request: pytest.FixtureRequest) -> bool:
    """Whether a test of this session uses the second folder's build."""
    return any("second_folder_build" in item.fixturenames for item in request.session.items)


@pytest.fixture(autouse=True)
def _second_folder_starts_after_the_browser(
    request: pytest.FixtureRequest, _second_folder_wanted: bool
) -> None:
    """Start the second folder's build with the first test after the browser's.

    The browser tests keep both cores busy; the tests after them build
    throwaway sites one at a time, leaving about half of the CPU idle for it.
    Only in a session with a test that uses it; when the session's site could
    not be built, the tests that use it say why.
    """
    if _second_folder_wanted and request.node.path.name != "test_browser.py":
        with contextlib.suppress(pytest.fail.Exception, pytest.skip.Exception):
            request.getfixturevalue("second_folder_build")


_REAL_CONFIG = (ROOT / "mkdocs.yml").read_text("utf-8")
FIXTURE_CONFIG = f"""\
site_name: fixture
plugins:
  - markdown-exec:
      languages: []
hooks:
  - {ROOT / "sitebuild" / "hooks.py"}
{_REAL_CONFIG[_REAL_CONFIG.index("markdown_extensions:") :]}"""
"""A throwaway site's mkdocs.yml: the real build hook and Markdown extensions
(the ``pyfile`` fence among them), the default theme, no nav."""


def snippet_block(path: str, **options: str) -> str:
    """A page's ``pyfile`` block for ``path`` (relative to the site root)."""
    extra = "".join(f' {key}="{value}"' for key, value in options.items())
    return f'```pyfile exec="1"{extra}\n{path}\n```\n'


def transcript(path: str, output: str, exit_status: int = 0) -> str:
    """The recording of a run of ``path`` that printed ``output``."""
    return f"$ python {path}\n{output}" + (f"[exit status {exit_status}]\n" if exit_status else "")


def recorded(path: str, output: str, exit_status: int = 0) -> dict[str, str]:
    """The same recording of ``path`` for every supported version."""
    return {
        path.removesuffix(".py") + f".{version}.out": transcript(path, output, exit_status)
        for version in interpreters.SUPPORTED_VERSIONS
    }


class FixtureSite:
    """A throwaway site under ``folder``: one page, the files given, built for real."""

    def __init__(self, folder: Path, page: str, files: dict[str, str], config: str = "") -> None:
        self.folder = folder
        self.config = folder / "mkdocs.yml"
        self.config.write_text(config or FIXTURE_CONFIG, "utf-8")
        self.write({"docs/index.md": page, **files})

    def write(self, files: dict[str, str]) -> None:
        for name, text in files.items():
            (self.folder / name).parent.mkdir(parents=True, exist_ok=True)
            (self.folder / name).write_text(text, "utf-8")

    def build(
        self, *, strict: bool = True, quiet: bool = False, **env: str
    ) -> subprocess.CompletedProcess[str]:
        return mkdocs_build(self.config, self.folder / "site", strict=strict, quiet=quiet, **env)

    def page(self) -> str:
        return (self.folder / "site" / "index.html").read_text("utf-8")

    def cached_runs(self) -> list[Path]:
        return sorted((self.folder / ".cache/sitebuild/runs").glob("*.json"))


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., FixtureSite]:
    """Make a throwaway site in this test's temporary folder: make_site(page, files)."""
    require_every_python()

    def make(page: str, files: dict[str, str], config: str = "") -> FixtureSite:
        return FixtureSite(tmp_path, page, files, config)

    return make
