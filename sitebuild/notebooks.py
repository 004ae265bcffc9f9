"""Notebook pages: executed on the build's own kernel and converted, once per content.

Owns what a notebook page shows. Each ``*.ipynb`` page is one job of the
build's scheduler, started with the snippets: nbclient executes it on the
kernel of the Python running the build (ipykernel's ``python3``), in the
same allow-listed environment as a snippet, with errors not allowed (a cell
that raises fails the build, naming the notebook), then mkdocs-jupyter's
converter turns the executed notebook into the page's HTML and table of
contents, with the options set for mkdocs-jupyter in mkdocs.yml. The result
is cached under the same rules as snippet runs, keyed by the notebook file,
the kernel's ``sys.version``, ipykernel's version, those options and this
package's source.

mkdocs-jupyter still makes ``.ipynb`` files pages and offers the source
notebook for download; ``hooks`` hands it the page this module made.
"""

from __future__ import annotations

import asyncio
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sitebuild import SiteBuildError, cache
from sitebuild.running import environment, scratch_folder
from sitebuild.scheduling import Outcome, Scheduler

CELL_TIMEOUT = 60
"""Seconds a cell may run before the build fails."""

CONVERSION_OPTIONS = (
    "kernel_name",
    "theme",
    "show_input",
    "no_input",
    "no_prompt",
    "remove_tag_config",
    "highlight_extra_classes",
    "include_requirejs",
    "custom_mathjax_url",
    "toc_depth",
)
"""The mkdocs-jupyter options that change the HTML of a page."""


@dataclass(frozen=True)
class NotebookPage:
    """What a notebook page shows: its HTML, its table of contents and its title."""

    html: str
    toc_tokens: list[dict[str, Any]]
    title: str | None


async def _execute(notebook: Path, path: str) -> str:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    content = nbformat.read(notebook, as_version=4)
    client = NotebookClient(
        content,
        timeout=CELL_TIMEOUT,
        allow_errors=False,
        resources={"metadata": {"path": str(notebook.parent)}},
    )
    try:
        with scratch_folder() as (scratch, _):
            # The kernel, like a snippet, sees none of the builder's environment.
            await client.async_execute(env=environment(Path(sys.executable).parent, scratch))
    except CellExecutionError as error:
        raise SiteBuildError(f"{path}: a cell raised an exception:\n{error}") from None
    except Exception as error:  # the kernel died, a cell timed out, ...
        raise SiteBuildError(f"{path}: {type(error).__name__}: {error}") from None
    return nbformat.writes(content)


def _convert(executed: Path, options: dict[str, Any]) -> NotebookPage:
    from mkdocs_jupyter import convert
    from mkdocs_jupyter.plugin import _get_nb_toc_tokens

    html = convert.nb2html(
        str(executed),
        execute=False,
        **{key: options[key] for key in CONVERSION_OPTIONS if key != "toc_depth"},
    )
    toc_tokens, title = _get_nb_toc_tokens(str(executed), options["toc_depth"])
    return NotebookPage(html, toc_tokens, title)


async def page(scheduler: Scheduler, notebook: Path, options: dict[str, Any]) -> NotebookPage:
    """The page of ``notebook``, from the cache or executed and converted now.

    ``options`` are mkdocs-jupyter's, from mkdocs.yml.
    """
    import ipykernel

    root = scheduler.root
    path = notebook.relative_to(root).as_posix()
    options = {key: options[key] for key in CONVERSION_OPTIONS}
    inputs = {
        "build code": cache.build_code_version(),
        "files": cache.file_digests(root, [notebook]),
        "kernel": sys.version,
        "ipykernel": ipykernel.__version__,
        "options": options,
    }
    name = cache.key(inputs)
    store = cache.Store(root, "notebooks")
    if scheduler.read_cache and (payload := store.get(name)):
        try:
            result = NotebookPage(**payload["page"])
        except (KeyError, TypeError):
            pass  # malformed: made again below
        else:
            scheduler.outcomes.append(Outcome(path, payload["seconds"], from_cache=True))
            return result
    async with scheduler.gate.shared():  # not beside a snippet that runs alone
        start = time.perf_counter()
        text = await _execute(notebook, path)
        executed = root / cache.FOLDER / "executed" / name / notebook.name
        executed.parent.mkdir(parents=True, exist_ok=True)
        executed.write_text(text, "utf-8")
        result = await asyncio.to_thread(_convert, executed, options)
        seconds = time.perf_counter() - start
    scheduler.outcomes.append(Outcome(path, seconds, from_cache=False))
    if scheduler.write_cache:
        store.put(name, {"inputs": inputs, "page": asdict(result), "seconds": seconds})
    return result
