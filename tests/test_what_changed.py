"""The "What changed between versions" page lists exactly the snippets whose recordings differ."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import ROOT

from sitebuild.interpreters import SUPPORTED_VERSIONS
from sitebuild.recordings import recording_path, snippet_files

VERSIONS = list(SUPPORTED_VERSIONS)
SNIPPETS = [path.relative_to(ROOT).as_posix() for path in snippet_files(ROOT)]


def test_what_changed_lists_every_snippet_whose_recordings_differ_and_no_other(
    site: Path,
) -> None:
    """Under "Python X": every snippet whose recording on X differs from the version before."""
    expected = set()
    for snippet in SNIPPETS:
        for older, newer in itertools.pairwise(VERSIONS):
            before = recording_path(ROOT / snippet, older).read_text("utf-8")
            if before != recording_path(ROOT / snippet, newer).read_text("utf-8"):
                expected.add((newer, snippet))
    listed = set()
    page = BeautifulSoup((site / "what-changed" / "index.html").read_text("utf-8"), "html.parser")
    for entry in page.select("div.version-change[data-snippet]"):
        heading = entry.find_previous("h2").get_text().strip()
        version = re.fullmatch(r"Python (\d+\.\d+)¶?", heading)
        assert version, heading
        listed.add((version[1], entry["data-snippet"]))
        link = entry.select_one("a[href*='#snippet-']")["href"]
        assert link.split("#")[1] == f"snippet-{Path(entry['data-snippet']).stem.replace('_', '-')}"
        assert len(entry.select("table.version-diff tbody tr")) >= 1
    assert listed == expected
    assert [h.get_text().strip("¶ ") for h in page.select("h2")] == [
        f"Python {version}" for version in VERSIONS[1:]
    ]
