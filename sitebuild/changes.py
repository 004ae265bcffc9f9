"""The "What changed between versions" page, made from the recordings themselves.

Owns the ``versionchanges`` Markdown fence (declared in ``mkdocs.yml``): a
block with an empty body becomes, for each supported version after the
oldest, every snippet whose recorded transcript on that version differs from
its transcript on the version before, with the lines that differ side by
side and a link to the example on its page. Nothing is written by hand: a
new version, or a recording that changes, changes the page. A snippet whose
behaviour changed twice is listed under both versions.

The recordings are what the pages show (a build fails when a run does not
match its recording), so this page describes the same runs.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from html import escape
from itertools import pairwise
from pathlib import Path
from typing import Any

from markdown_exec import base_format

from sitebuild import SiteBuildError, fence, scheduling
from sitebuild.interpreters import SUPPORTED_VERSIONS
from sitebuild.recordings import recording_path, snippet_files


@dataclass(frozen=True)
class Change:
    """A snippet whose transcript on ``newer`` differs from that on ``older``."""

    snippet: Path
    older: str
    newer: str
    hunks: list[tuple[list[str], list[str]]]  # (lines of older, lines of newer) that differ


def changes(root: Path) -> list[Change]:
    """Every change between neighbouring supported versions, oldest first."""
    versions = list(SUPPORTED_VERSIONS)
    found = []
    for snippet in snippet_files(root):
        transcripts = {}
        for version in versions:
            path = recording_path(snippet, version)
            if not path.is_file():
                raise SiteBuildError(f"{path.relative_to(root)} does not exist yet")
            transcripts[version] = path.read_text("utf-8").splitlines()
        for older, newer in pairwise(versions):
            before, after = transcripts[older], transcripts[newer]
            if before == after:
                continue
            matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
            hunks = [
                (before[i1:i2], after[j1:j2])
                for tag, i1, i2, j1, j2 in matcher.get_opcodes()
                if tag != "equal"
            ]
            found.append(Change(snippet, older, newer, hunks))
    return found


def _cell(lines: list[str]) -> str:
    text = escape("\n".join(lines)) if lines else "<em>(nothing)</em>"
    return f'<td><pre class="version-lines">{text}</pre></td>'


def _table(change: Change) -> str:
    rows = "".join(f"<tr>{_cell(old)}{_cell(new)}</tr>" for old, new in change.hunks)
    return (
        '<table class="version-diff">'
        f'<thead><tr><th scope="col">Python {change.older}</th>'
        f'<th scope="col">Python {change.newer}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def page_markdown(root: Path) -> str:
    """The generated part of the page: one section per version, one entry per change."""
    all_changes = changes(root)
    versions = list(SUPPORTED_VERSIONS)
    parts = []
    for older, newer in pairwise(versions):
        these = [change for change in all_changes if change.newer == newer]
        count = f"{len(these)} example{'s' * (len(these) != 1)}"
        parts.append(f"## Python {newer}\n\n{count} printed something else than on {older}.\n")
        for change in these:
            slug = change.snippet.parent.name
            page = "." if slug == "index" else f"{slug}/"  # its URL; the hook makes it relative
            link = f"{fence.PAGE}{page}#{fence.snippet_anchor(change.snippet)}"
            name = change.snippet.name
            parts.append(
                f'<div class="version-change" data-snippet="'
                f'{escape(change.snippet.relative_to(root).as_posix())}" markdown>\n\n'
                f"### `{name}`\n\n"
                f'<p><a href="{link}">The example on its page</a> · '
                f"<code>snippets/{slug}/{escape(name)}</code></p>\n\n{_table(change)}\n\n</div>\n"
            )
    return "\n".join(parts)


def _generate(code: str, **_: Any) -> str:
    with fence.failing_block("versionchanges: "):  # never swallowed by superfences
        return page_markdown(scheduling.current().root)


def formatter(
    source: str, language: str, css_class: str, options: dict[str, Any], md: Any, **kwargs: Any
) -> str:
    """pymdownx.superfences ``format`` for ``versionchanges`` (validator: markdown-exec's)."""
    return base_format(language="versionchanges", run=_generate, code=source, md=md, **options)
