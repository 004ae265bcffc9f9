"""The MkDocs hook (``hooks:`` in mkdocs.yml): the build's lifecycle, nothing else.

- ``on_startup``: SIGTERM, like Ctrl-C, unwinds the build (by default it
  would end the process at once, leaving the runs' process groups behind).
- ``on_config``: find every supported Python and make its environment. A
  missing one fails ``mkdocs build --strict``, naming it and how to provide
  it; otherwise (``mkdocs serve``, a plain build) it is a warning, once per
  process, and pages show the versions that were found. With the autorefs
  plugin, the Python documentation's names are given to it (``references``).
- ``on_pre_build``: start every snippet on every version, and every notebook
  page, at once (``scheduling``); pages then render from the results.
- ``on_pre_page``: a notebook page waits for the page ``notebooks`` made
  (executed and converted) and shows it.
- ``on_page_markdown``: ``{{ versions }}`` in a page (its front matter
  included) becomes the supported versions in words ("3.11, 3.12, ... and
  3.15"), so that no page lists them by hand.
- ``on_files``: every snippet, with the modules and files it needs, is also
  a file of the site (``snippets/<slug>/<name>.py``), for its download link.
- ``on_page_content``: a strict build fails on the first page with a
  ``pyfile`` block that failed (``fence.failures``), or with an ``asyncio``
  name the Python documentation lacks (``references``), whether or not
  warnings are shown (``--quiet`` hides them from ``--strict``'s count); the
  names in code blocks become links; the blocks' download links, and the
  links to examples on other pages, are made relative to the page.
- ``on_env``: the theme's compiled templates are kept between builds (Jinja's
  bytecode cache, in ``.cache/sitebuild/jinja``); the version badges of the
  names the pages link (``references``) are filled in.
- ``on_post_build``: with ``site_url`` set, the downloadable copy of a
  notebook links to the published pages (absolute links).
- ``on_post_build`` / ``on_shutdown``: one summary line ends the build log
  (each rebuild of ``mkdocs serve``, or the end of ``mkdocs build``); what is
  still running is stopped.

The ``pyfile`` fence itself is declared in mkdocs.yml (``sitebuild.fence``).
"""

from __future__ import annotations

import json
import logging
import re
import signal
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from sitebuild import (
    SiteBuildError,
    cache,
    environments,
    fence,
    interpreters,
    notebooks,
    recordings,
    references,
    scheduling,
)

log = logging.getLogger("mkdocs.plugins.sitebuild")

_state: dict[str, Any] = {"command": "build", "warned": set()}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _terminate)


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM unwinds the build like Ctrl-C does, so that on_shutdown stops every run."""
    raise SystemExit(128 + signum)


def on_config(config: Any) -> Any:
    root = Path(config.config_file_path).resolve().parent
    try:
        pythons, missing = environments.prepare(root)
    except SiteBuildError as error:
        raise PluginError(str(error)) from None
    for version in missing:
        if config.strict:
            raise PluginError(f"{version.message} A strict build needs every supported Python.")
        if version.version not in _state["warned"]:
            _state["warned"].add(version.version)
            found = ", ".join(pythons) or "none"
            log.warning("%s Pages show the versions found: %s.", version.message, found)
    scheduling.install(scheduling.Scheduler(root, pythons, read_cache=True, write_cache=True))
    try:
        references.use(config.plugins.get("autorefs"))
    except SiteBuildError as error:
        raise PluginError(str(error)) from None
    return config


def on_pre_build(config: Any) -> None:
    scheduler = scheduling.current()
    snippets = recordings.snippet_files(scheduler.root)
    pairs = [(snippet, version) for snippet in snippets for version in scheduler.pythons]
    alone = {pair for pair in pairs if recordings.expectations_for(*pair).alone}
    # First the `alone` runs (a notebook started before them would make them
    # wait for its kernel, a core idle), then the notebook pages (the longest
    # jobs, which sleep between cells), then the rest, slowest first.
    scheduler.start(alone)
    if "mkdocs-jupyter" in config.plugins:  # it makes .ipynb files pages
        for notebook in sorted(Path(config.docs_dir).rglob("*.ipynb")):
            _notebook_page(scheduler, notebook.resolve(), config)
    scheduler.start(pair for pair in pairs if pair not in alone)


def _notebook_page(scheduler: scheduling.Scheduler, notebook: Path, config: Any) -> Any:
    options = config.plugins["mkdocs-jupyter"].config
    return scheduler.submit_job(
        ("notebook", notebook), lambda: notebooks.page(scheduler, notebook, options)
    )


def on_pre_page(page: Any, config: Any, files: Any) -> Any:
    if not page.file.src_uri.endswith(".ipynb"):
        return page
    notebook = Path(page.file.abs_src_path).resolve()
    try:
        result = _notebook_page(scheduling.current(), notebook, config).result()
    except SiteBuildError as error:
        raise PluginError(str(error)) from None

    description = json.loads(notebook.read_text("utf-8"))["metadata"].get("description")

    def render(config: Any, files: Any) -> None:  # in place of mkdocs-jupyter's
        if description:  # the page's <meta name="description">, as front matter gives others
            page.meta["description"] = description
        page.content = result.html
        page.toc = get_toc(result.toc_tokens)
        if result.title and not config.plugins["mkdocs-jupyter"].config["ignore_h1_titles"]:
            page.title = result.title

    page.render = render
    return page


VERSIONS_PLACEHOLDER = "{{ versions }}"


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    words = interpreters.in_words(list(interpreters.SUPPORTED_VERSIONS))
    for key, value in page.meta.items():
        if isinstance(value, str):
            page.meta[key] = value.replace(VERSIONS_PLACEHOLDER, words)
    return markdown.replace(VERSIONS_PLACEHOLDER, words)


def on_files(files: Any, config: Any) -> Any:
    """Every snippet, and the files it needs, downloadable at ``snippets/<slug>/...``."""
    root = Path(config.config_file_path).resolve().parent
    wanted = {
        path for snippet in recordings.snippet_files(root) for path in cache.local_files(snippet)
    }
    for path in sorted(wanted):
        uri = path.relative_to(root).as_posix()
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    failed, fence.failures[:] = list(fence.failures), []
    if failed and config.strict:
        raise PluginError(f"{page.file.src_uri}: a pyfile block failed: " + "\n".join(failed))
    if page.file.src_uri.endswith(".ipynb"):  # its prose was not Markdown's (references.Names)
        html = references.link_inline_html(html)
    html = references.link_code(html)
    if unknown := references.unresolved():
        message = f"{page.file.src_uri}: {unknown}"
        if config.strict:
            raise PluginError(message)
        log.warning(message)
    # a block's download links, and links to other pages' examples, made
    # relative to this page (a block does not know the page it is on)
    prefixes = "|".join(map(re.escape, (fence.DOWNLOAD, fence.PAGE)))
    return re.sub(
        f'href="(?:{prefixes})([^"#]+)(#[^"]*)?"',
        lambda match: f'href="{get_relative_url(match[1], page.url)}{match[2] or ""}"',
        html,
    )


def on_env(env: Any, config: Any, files: Any) -> Any:
    """Keep the theme's compiled templates between builds (Jinja's own bytecode
    cache); the pages' version badges (before autorefs makes its links)."""
    root = Path(config.config_file_path).parent
    folder = root / cache.FOLDER / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    pages = [file.page for file in files.documentation_pages() if file.page and file.page.content]
    try:
        references.badges(pages, scheduling.current().pythons, root)
    except SiteBuildError as error:
        raise PluginError(str(error)) from None
    return env


def _finish() -> None:
    if (scheduler := scheduling.installed()) is not None:
        scheduler.write_report()
        log.info("sitebuild: %s", scheduler.summary())
        scheduling.install(None)


def on_post_build(config: Any) -> None:
    if (scheduler := scheduling.installed()) is not None:
        scheduler.progress.stop()  # before MkDocs logs that the build is done
    if config.site_url:
        for notebook in Path(config.site_dir).rglob("*.ipynb"):
            _absolute_links(notebook, config.site_url)
    if _state["command"] == "serve":  # each rebuild ends with its summary
        _finish()


def _absolute_links(notebook: Path, site_url: str) -> None:
    """Links to other pages (``../tasks/``) also work in the downloaded notebook.

    On the site they are relative to the notebook's page; in the copy readers
    download, they become absolute (``<site_url>tasks/``), pointing at the
    published pages. The rewrite needs the site's address, ``site_url``.
    """
    document = json.loads(notebook.read_text("utf-8"))
    base = site_url.rstrip("/") + "/"
    for cell in document["cells"]:
        if cell["cell_type"] == "markdown":
            source = "".join(cell["source"])
            cell["source"] = re.sub(r"\]\(\.\./", f"]({base}", source).splitlines(keepends=True)
    notebook.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", "utf-8")


def on_build_error(error: Exception) -> None:
    if _state["command"] == "serve":
        scheduling.install(None)


def on_shutdown() -> None:
    _finish()  # the summary is the last line of `mkdocs build`
