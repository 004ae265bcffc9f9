"""Names linked to the Python documentation (``sitebuild.references``), piece by piece.

The built site is checked in ``test_site.py`` (every ``asyncio`` name links
into the inventory; a snippet's source keeps its text), a failing build in
``test_build_failures.py``; here, what those rest on.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitebuild import SiteBuildError, references
from sitebuild.interpreters import SUPPORTED_VERSIONS

NEWEST = list(SUPPORTED_VERSIONS)[-1]


def test_the_inventory_is_for_the_newest_supported_version() -> None:
    found = references.inventory()
    assert found.version == NEWEST
    assert found.urls["asyncio.TaskGroup"] == (
        f"https://docs.python.org/{NEWEST}/library/asyncio-task.html#asyncio.TaskGroup"
    )
    assert "asyncio" in found.modules


def test_an_inventory_of_another_version_fails_naming_the_file_and_the_fix(
    tmp_path: Path,
) -> None:
    stale = tmp_path / "objects.inv"
    text = references.INVENTORY.read_bytes()
    stale.write_bytes(text.replace(f"# Version: {NEWEST}".encode(), b"# Version: 3.9", 1))
    with pytest.raises(SiteBuildError, match=re.escape(f"{stale} is the inventory of Python 3.9")):
        references.inventory(stale)
    (tmp_path / "broken.inv").write_bytes(text[:300])
    with pytest.raises(SiteBuildError, match=r"broken\.inv: not a readable Sphinx inventory"):
        references.inventory(tmp_path / "broken.inv")


@pytest.mark.parametrize(
    ("written", "documented"),
    [
        ("asyncio.TaskGroup", "asyncio.TaskGroup"),
        ("loop.run_in_executor", "asyncio.loop.run_in_executor"),  # the docs' name for it
        ("Queue.shutdown", "asyncio.Queue.shutdown"),
        ("time.sleep", "time.sleep"),
        ("queue.join", None),  # a variable that shares a module's name
        ("asyncio.coroutine", None),  # removed in 3.11
    ],
)
def test_names_as_pages_write_them(written: str, documented: str | None) -> None:
    assert references.inventory().resolve(written) == documented


def test_a_linked_code_block_keeps_its_text() -> None:
    """Pygments' spans for ``import asyncio`` and ``asyncio.sleep(loop.time())``."""
    html = (
        '<span class="kn">import</span><span class="w"> </span><span class="nn">asyncio</span>\n'
        '<span class="n">asyncio</span><span class="o">.</span><span class="n">sleep</span>'
        '<span class="p">(</span><span class="n">loop</span><span class="o">.</span>'
        '<span class="n">time</span><span class="p">())</span>'
    )
    references.use(type("Autorefs", (), {"register_url": lambda *args: None})())
    try:
        linked = references.link_code(html)
    finally:
        references.use(None)
    assert re.sub(r"</?autoref[^>]*>", "", linked) == html
    assert re.findall(r'identifier="([\w.]+)"', linked) == [
        "asyncio",
        "asyncio.sleep",
        "asyncio.loop.time",
    ]
