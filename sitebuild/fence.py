"""The ``pyfile`` Markdown fence: a snippet's source and the outputs of running it.

Declared in ``mkdocs.yml`` as a pymdownx.superfences custom fence, so it works
wherever Python-Markdown runs (MkDocs, Zensical)::

    ```pyfile exec="1"
    snippets/what-is-a-coroutine/never_awaited.py
    ```

The block becomes the file (titled with its name), then what running it
printed on every supported Python: one output block titled with every version
when they all printed the same transcript, otherwise one tab per group of
versions that printed the same, newest first ("Python 3.14–3.15", "Python
3.11–3.13"), then a line to take it away: its file (and the modules and
settings it needs) to download, the packages it needs, the command that runs
it. ``timeline="<seconds>"`` adds the figure drawn by ``timeline``, its time
axis at least that long.

Every problem becomes markdown-exec's ``ExecutionError``, which it logs as a
warning naming the file and shows in the page. (Any other exception would be
swallowed by pymdownx.superfences, and the block would silently vanish.) A
warning alone does not fail every strict build: ``mkdocs build --strict
--quiet`` drops warnings before it counts them. So each failure is also kept
in ``failures``, and the build hook fails a strict build on the page that
holds one.
"""

from __future__ import annotations

import platform
import re
from collections.abc import Iterator
from contextlib import contextmanager
from html import escape
from pathlib import Path
from typing import Any

from markdown_exec import ExecutionError, base_format, tabbed, validator

from sitebuild import SiteBuildError, scheduling
from sitebuild.cache import imported_modules, local_files
from sitebuild.environments import requirements_of
from sitebuild.interpreters import versions_label
from sitebuild.recordings import expectations_for, verify
from sitebuild.running import Run, command_line
from sitebuild.timeline import timeline_svg

__all__ = ["failures", "formatter", "render", "validator"]

failures: list[str] = []
"""The blocks that failed since the hook last emptied the list (one per page)."""


def snippet_anchor(snippet: Path) -> str:
    """The id of a snippet's block on its page: ``snippet-never-awaited``."""
    return f"snippet-{snippet.stem.replace('_', '-')}"


def _code_block(language: str, code: str, title: str) -> str:
    fence = "`" * 8
    return f'{fence}{language} title="{title}"\n{code.rstrip(chr(10))}\n{fence}'


def version_groups(runs: list[Run]) -> list[list[Run]]:
    """The runs grouped by identical transcript, newest group first, each oldest first."""
    groups: dict[str, list[Run]] = {}
    for run in sorted(runs, key=lambda run: _version_key(run.version)):
        groups.setdefault(run.transcript, []).append(run)
    return sorted(groups.values(), key=lambda group: _version_key(group[-1].version), reverse=True)


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(map(int, version.split(".")))


def outputs_markdown(runs: list[Run]) -> str:
    """One block for all versions if they agree, else one tab per group of versions
    that printed the same transcript, newest first, labelled with the versions it
    covers ("Python 3.14–3.15") and titled with their full versions."""
    groups = version_groups(runs)

    def title(group: list[Run]) -> str:
        versions = ", ".join(run.full_version for run in group)
        return f"Output: Python {versions} on {RUNS_PLATFORM}"

    if len(groups) == 1:
        return _code_block("console", groups[0][0].transcript, title(groups[0]))
    return tabbed(
        *(
            (
                f"Python {versions_label([run.version for run in group])}",
                _code_block("console", group[0].transcript, title(group)),
            )
            for group in groups
        )
    )


RUNS_PLATFORM = platform.system() or "an unnamed system"
"""Where the runs ran, named in every output's title: this machine (the cache
is local to it), "Linux" for the published site."""

PAGE = "sitebuild-page:"
"""An ``href`` prefix: the hook turns ``sitebuild-page:tasks/#anchor`` into a link
to that page relative to the page it is on (``changes`` links to examples)."""

DOWNLOAD = "sitebuild-download:"
"""An ``href`` prefix: the hook turns ``sitebuild-download:snippets/...`` into a
link relative to the page (a block does not know its page)."""


def takeaway_html(snippet: Path, root: Path, version: str) -> str:
    """Under an example: its file(s) to download, what it needs, the command."""
    expected = expectations_for(snippet, version)
    runs_a_tool = "-m" in expected.python_options  # pytest reads the folder's pytest.ini
    needed_files = local_files(snippet)
    files = [
        path for path in needed_files if path == snippet or path.suffix == ".py" or runs_a_tool
    ]
    links = ", ".join(
        f'<a href="{DOWNLOAD}{escape(path.relative_to(root).as_posix())}" download>'
        f"{escape(path.name)}</a>"
        for path in sorted(files, key=lambda path: path != snippet)
    )
    where = " (in one folder)" if len(files) > 1 else ""
    needs = third_party_requirements(needed_files, root, expected.python_options)
    needed = (
        f" · needs {', '.join(needs)} (<code>pip install {' '.join(needs)}</code>)" if needs else ""
    )
    command = command_line(snippet.name, expected.python_options, expected.environment)
    return (
        f'<p class="snippet-takeaway">Download {links}{where}{needed} · run it with '
        f"<code>{escape(command)}</code></p>"
    )


PLUGIN_MARKS = {
    "pytest_asyncio": re.compile(r"^\s*(@|pytestmark\s*=.*)pytest\.mark\.asyncio\b", re.M),
    "anyio": re.compile(r"^\s*(@|pytestmark\s*=.*)pytest\.mark\.anyio\b", re.M),
}
"""pytest plugins that a test file needs without importing them: it marks a
test (or the module) for the plugin."""

PLUGIN_SETTINGS = {"pytest_asyncio": re.compile(r"^asyncio_\w+\s*=", re.M)}
"""... or the ``pytest.ini`` it runs with sets the plugin's options."""


def third_party_requirements(files: list[Path], root: Path, options: tuple[str, ...]) -> list[str]:
    """The pinned requirements (snippets/requirements.txt) that a snippet uses:
    imported by one of its ``files`` (``cache.local_files``), run with ``-m``,
    or a pytest plugin it uses without importing it (``PLUGIN_MARKS``,
    ``PLUGIN_SETTINGS``)."""
    pinned = {}
    for line in requirements_of(root).decode().splitlines():
        if match := re.match(r"([A-Za-z0-9_.-]+)==", line.strip()):
            pinned[match[1].lower().replace("-", "_")] = match[1]
    run_modules = [options[i + 1] for i, option in enumerate(options[:-1]) if option == "-m"]
    sources = [path.read_text("utf-8") for path in files if path.suffix == ".py"]
    settings = [
        path.read_text("utf-8")
        for path in files
        if path.name == "pytest.ini" and "pytest" in run_modules  # pytest reads it
    ]
    modules = [name for path in files if path.suffix == ".py" for name in imported_modules(path)]
    modules += run_modules
    modules += [name for name, use in PLUGIN_MARKS.items() if any(map(use.search, sources))]
    modules += [name for name, use in PLUGIN_SETTINGS.items() if any(map(use.search, settings))]
    return sorted({pinned[name.lower()] for name in modules if name.lower() in pinned})


@contextmanager
def failing_block(what: str = "") -> Iterator[None]:
    """Around a block's work: any problem is kept in ``failures`` (``what``
    first, when given) and raised as markdown-exec's ``ExecutionError``."""
    try:
        yield
    except ExecutionError as error:
        failures.append(str(error))
        raise
    except Exception as error:
        failures.append(f"{what}{type(error).__name__}: {error}")
        raise ExecutionError(failures[-1]) from error


def render(reference: str, *, timeline: str = "") -> str:
    """Markdown for one ``pyfile`` block (see the module docstring)."""
    scheduler = scheduling.current()
    root = scheduler.root
    path = reference.strip()
    with failing_block():
        snippet = (root / path).resolve()
        if not snippet.is_file() or snippet.suffix != ".py":
            raise SiteBuildError(
                f"{path}: snippet file not found (pyfile paths are relative to {root.name}/)"
            )
        if not scheduler.pythons:
            raise SiteBuildError(f"{path}: no supported Python was found to run it")
        source = snippet.read_text(encoding="utf-8")
        runs = [scheduler.result(snippet, version) for version in scheduler.pythons]
        for run in runs:
            verify(run, snippet, root)
        blocks = [
            f'<div class="snippet" data-snippet="{escape(runs[0].path)}" markdown>',
            _code_block("python", source, snippet.name),
            outputs_markdown(runs),
            takeaway_html(snippet, root, runs[-1].version),
            "</div>",
        ]
        if timeline:
            newest = runs[-1]
            title = f"Timeline of the run of {snippet.name} on Python {newest.version}"
            blocks += [
                '<figure class="timeline">',
                timeline_svg(newest.output, title, f"timeline-{snippet.stem}", float(timeline)),
                f"<figcaption>{title}. Each box spans from the moment the program "
                "measured the start of that work to the moment it measured its end; "
                "a dashed box ended early.</figcaption>",
                "</figure>",
            ]
        return "\n\n".join(blocks)


def _run_block(code: str, timeline: str = "", **_: Any) -> str:
    return render(code, timeline=timeline)


def formatter(
    source: str, language: str, css_class: str, options: dict[str, Any], md: Any, **kwargs: Any
) -> str:
    """pymdownx.superfences ``format`` for ``pyfile`` (validator: markdown-exec's).

    The block is wrapped in an element whose id is ``snippet_anchor`` of its
    file, for links to the example: ids inside the block get markdown-exec's
    per-block prefix, which keeps the tabs of several blocks apart.
    """
    block = base_format(language="pyfile", run=_run_block, code=source, md=md, **options)
    anchor = escape(snippet_anchor(Path(source.strip())))
    return f'<div class="snippet-anchor" id="{anchor}">{block}</div>'
