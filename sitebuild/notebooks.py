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
import re
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sitebuild import SiteBuildError, cache
from sitebuild.running import environment, scratch_folder
from sitebuild.scheduling import Outcome, Scheduler, children_cpu

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
        # One output per stream and cell: how the kernel happened to split a
        # print into messages (text, then its newline, under load) must not
        # change the page.
        coalesce_streams=True,
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
    return NotebookPage(_pruned_styles(_self_contained(html)), toc_tokens, title)


# nbconvert's template loads mermaid from a CDN (for diagrams this site's
# notebooks do not have) and MathJax from an empty address: no page may refer
# to another host, so both go. Its code cells scroll sideways on narrow
# screens: a keyboard user must be able to focus them to scroll them.
_FOREIGN_SCRIPTS = re.compile(
    r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->"
    r'|<script type="module">(?:(?!</script>).)*?cdnjs\.cloudflare\.com.*?</script>',
    re.DOTALL,
)
_CODE_CELL = '<div class="highlight-ipynb'


def _pruned_styles(html: str) -> str:
    """The page's inline styles less the rules that match nothing in it.

    mkdocs-jupyter inlines all of JupyterLab's CSS (about 590 kB) into every
    notebook page; parsing it is most of the page's load time on a phone.
    A rule is kept if the element one of its selectors styles (its last
    compound selector, pseudo-classes aside) is in the notebook, or if that
    cannot be checked: ancestors are not checked, since they may be the
    theme's (``[data-md-color-scheme=slate] .jupyter-wrapper``). At-rules other
    than ``@media`` and ``@supports`` are kept whole.
    """
    import tinycss2
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    classes = {name for tag in soup.find_all(class_=True) for name in tag["class"]}
    matches: dict[str, bool] = {}

    def used(selector: str) -> bool:
        if _INNER_ROOT.search(selector):  # ".jupyter-wrapper :root": the root has no ancestor
            return False
        bare = _subject(_PSEUDO.sub("", selector).strip())
        if bare not in matches:
            # Most of JupyterLab's selectors are classes no element has:
            # answered without soupsieve, which took seconds for them all.
            if _CLASSES_ONLY.fullmatch(bare) and not classes.issuperset(bare.split(".")[1:]):
                matches[bare] = False
            else:
                try:
                    matches[bare] = not bare or soup.select_one(bare) is not None
                except Exception:  # a selector soupsieve cannot evaluate: keep the rule
                    matches[bare] = True
        return matches[bare]

    def kept(rules: list) -> str:
        out = []
        for rule in rules:
            if rule.type == "qualified-rule":
                if any(used(part) for part in tinycss2.serialize(rule.prelude).split(",")):
                    out.append(rule.serialize())
            elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports"):
                inner = kept(tinycss2.parse_blocks_contents(rule.content or []))
                if inner:
                    prelude = tinycss2.serialize(rule.prelude)
                    out.append(f"@{rule.at_keyword}{prelude}{{{inner}}}")
            elif rule.type == "at-rule":
                out.append(rule.serialize())
        return "".join(out)

    def prune(match: re.Match[str]) -> str:
        rules = tinycss2.parse_stylesheet(match[2], skip_comments=True, skip_whitespace=True)
        return f"{match[1]}{kept(rules)}{match[3]}"

    return _STYLE.sub(prune, html)


def _subject(selector: str) -> str:
    """The last compound selector: ``.b.c`` of ``.a > .b.c``."""
    depth, start = 0, 0
    for index, character in enumerate(selector):
        depth += (character in "[(") - (character in "])")
        if depth == 0 and character in " >+~":
            start = index + 1
    return selector[start:].strip()


_STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.DOTALL)
_INNER_ROOT = re.compile(r"\S\s*:root\b")
_PSEUDO = re.compile(r"::?[a-zA-Z-]+(?:\([^)]*\))?")
_CLASSES_ONLY = re.compile(r"(?:[a-zA-Z][\w-]*)?(?:\.-?[_a-zA-Z][\w-]*)+")
"""A compound of class names (plain identifiers), after an optional tag name:
``div.a.b``, ``.a``; ``.1a``, an invalid selector, is left to soupsieve."""


def _self_contained(html: str) -> str:
    html, removed = _FOREIGN_SCRIPTS.subn("", html)
    if removed != 2:
        raise SiteBuildError(
            "nbconvert's page template changed: expected its MathJax and mermaid "
            f"scripts, removed {removed} (sitebuild/notebooks.py, _FOREIGN_SCRIPTS)"
        )
    return html.replace(_CODE_CELL, '<div tabindex="0" class="highlight-ipynb')


def _timed_convert(executed: Path, options: dict[str, Any]) -> tuple[NotebookPage, float]:
    """``_convert``, and the CPU seconds it took (in its own thread)."""
    start = time.thread_time()
    return _convert(executed, options), time.thread_time() - start


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
        before = children_cpu()
        text = await _execute(notebook, path)
        kernel = children_cpu() - before
        executed = root / cache.FOLDER / "executed" / name / notebook.name
        executed.parent.mkdir(parents=True, exist_ok=True)
        executed.write_text(text, "utf-8")
        result, converting = await asyncio.to_thread(_timed_convert, executed, options)
        seconds = time.perf_counter() - start
    # Nothing else ran meanwhile with one job at a time: the kernel's CPU, and converting's.
    cpu = kernel + converting if scheduler.jobs == 1 else None
    scheduler.outcomes.append(Outcome(path, seconds, from_cache=False, cpu_seconds=cpu))
    if scheduler.write_cache:
        store.put(name, {"inputs": inputs, "page": asdict(result), "seconds": seconds})
    return result
