"""Checks on the built site: every snippet is shown with its recorded output, offline-safe."""

from __future__ import annotations

import functools
import json
import os
import platform
import re
import sys
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import ROOT, mkdocs_build, page_dir

from sitebuild import interpreters, references
from sitebuild.interpreters import versions_label
from sitebuild.recordings import recording_path, snippet_files
from sitebuild.timeline import boxes

SNIPPETS = [path.relative_to(ROOT).as_posix() for path in snippet_files(ROOT)]
VERSIONS = list(interpreters.SUPPORTED_VERSIONS)


def pages(site: Path) -> dict[str, BeautifulSoup]:
    return {
        path.relative_to(site).as_posix(): BeautifulSoup(path.read_text("utf-8"), "html.parser")
        for path in sorted(site.rglob("*.html"))
    }


@pytest.fixture(scope="module")
def html(site: Path) -> dict[str, BeautifulSoup]:
    return pages(site)


@pytest.fixture(scope="module")
def shown(html: dict[str, BeautifulSoup]) -> dict[str, list[tuple[str, Tag]]]:
    """snippet path -> [(page, its div.snippet)] for every embedding."""
    found: dict[str, list[tuple[str, Tag]]] = {}
    for page, soup in html.items():
        for block in soup.select("div.snippet[data-snippet]"):
            found.setdefault(block["data-snippet"], []).append((page, block))
    return found


@functools.cache  # finding them starts every interpreter: once a session
def full_versions() -> dict[str, str]:
    """ "3.12" -> "3.12.1": the interpreters this machine's build used."""
    found = interpreters.find_all()
    return {version: found[version].full_version for version in VERSIONS}  # type: ignore[union-attr]


def outputs(block: Tag) -> list[tuple[str, str, str]]:
    """(tab label or "", block title, text) of each output block under a snippet's source."""
    _source, *rest = block.find_all("div", class_="highlight")
    tabs = block.select(".tabbed-labels > label")
    assert not tabs or len(tabs) == len(rest), "one output block per tab"
    return [
        (
            tabs[index].get_text() if tabs else "",
            highlight.select_one("span.filename").get_text(),
            # A code block cannot show trailing newlines; everything else is kept.
            highlight.select_one("code").get_text().rstrip("\n"),
        )
        for index, highlight in enumerate(rest)
    ]


def test_there_are_snippets() -> None:
    assert len(SNIPPETS) >= 5


def test_every_snippet_is_on_its_page(shown: dict[str, list[tuple[str, Tag]]]) -> None:
    missing = [snippet for snippet in SNIPPETS if snippet not in shown]
    assert not missing, f"snippet files embedded in no page: {missing}"
    for snippet, places in shown.items():
        own_page = page_dir(snippet.split("/")[1]) + "index.html"
        assert own_page in [page for page, _ in places], f"{snippet} is not on {own_page}"


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_page_shows_what_every_version_printed(
    snippet: str, shown: dict[str, list[tuple[str, Tag]]]
) -> None:
    """One block naming every version when all printed the same; else a tab per group of
    versions that printed the same, newest first, labelled by the versions it covers."""
    recorded = {
        version: recording_path(ROOT / snippet, version).read_text("utf-8").rstrip("\n")
        for version in VERSIONS
    }
    full = full_versions()
    groups: dict[str, list[str]] = {}  # transcript -> the versions that printed it
    for version in VERSIONS:
        groups.setdefault(recorded[version], []).append(version)
    titles = {
        text: f"Output: Python {', '.join(full[v] for v in vs)} on {platform.system()}"
        for text, vs in groups.items()
    }
    if len(groups) == 1:
        expected = [("", titles[recorded[VERSIONS[0]]], recorded[VERSIONS[0]])]
    else:  # one tab per group, the group with the newest version first
        expected = [
            (f"Python {versions_label(versions)}", titles[text], text)
            for text, versions in sorted(
                groups.items(), key=lambda item: VERSIONS.index(item[1][-1]), reverse=True
            )
        ]
    for page, block in shown[snippet]:
        assert outputs(block) == expected, f"{page} shows other outputs for {snippet}"


def test_site_has_both_kinds_of_output(shown: dict[str, list[tuple[str, Tag]]]) -> None:
    """The test above sees snippets whose versions agree and snippets whose versions differ."""
    kinds = {bool(block.select(".tabbed-set")) for places in shown.values() for _, block in places}
    assert kinds == {True, False}


def test_no_empty_code_block(html: dict[str, BeautifulSoup]) -> None:
    for page, soup in html.items():
        for code in soup.select("pre > code"):
            assert code.get_text().strip(), f"{page} has an empty code block"


def test_no_build_machine_path(site: Path) -> None:
    machine_paths = {
        str(ROOT),
        sys.prefix,
        sys.base_prefix,
        os.path.expanduser("~"),
        tempfile.gettempdir() + "/",
        "/ipykernel_",
    }
    machine_paths.discard("/")
    for path in site.rglob("*"):
        if path.suffix in {".html", ".json", ".js", ".xml", ".ipynb", ".css", ".svg", ".txt"}:
            text = path.read_text("utf-8", errors="replace")
            for machine_path in machine_paths:
                assert machine_path not in text, f"{path.relative_to(site)} contains {machine_path}"


EXTERNAL = re.compile(r"^(https?:)?//", re.IGNORECASE)


def test_no_asset_from_another_host(site: Path, html: dict[str, BeautifulSoup]) -> None:
    """Scripts, styles, fonts and images all come from the site itself."""
    for page, soup in html.items():
        for tag, attribute in [
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
        ]:
            for element in soup.find_all(tag):
                value = element.get(attribute, "")
                if tag == "link" and "canonical" in element.get("rel", []):
                    continue
                assert not EXTERNAL.match(value), f"{page} loads {value}"
    for css in site.rglob("*.css"):
        text = css.read_text("utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), f"{css.name} loads a remote url"
        assert "@import" not in text or not re.search(r"@import\s+['\"]?(url\()?https?:", text)


def test_internal_links_resolve(site: Path, html: dict[str, BeautifulSoup]) -> None:
    """Every relative link and anchor points at a file and id that exist in the built site."""
    from urllib.parse import unquote, urlsplit

    broken = []
    ids: dict[str, set[str]] = {}  # page -> the ids on it, collected once
    for page, soup in html.items():
        base = (site / page).parent
        for anchor in soup.find_all("a", href=True):
            parts = urlsplit(anchor["href"])
            if parts.scheme or parts.netloc or anchor["href"].startswith("mailto:"):
                continue
            if parts.path.startswith("/"):  # root-relative (the 404 page uses these)
                target = site / unquote(parts.path).lstrip("/")
            elif parts.path:
                target = (base / unquote(parts.path)).resolve()
            else:
                target = site / page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page} -> {anchor['href']}")
            elif parts.fragment and target.suffix == ".html":
                name = target.relative_to(site).as_posix()
                if name not in ids:
                    ids[name] = {tag["id"] for tag in html[name].select("[id]")}
                if parts.fragment not in ids[name]:
                    broken.append(f"{page} -> {anchor['href']} (no such anchor)")
    assert not broken, "broken links:\n" + "\n".join(broken)


def test_notebook_page_is_executed_and_downloadable(
    site: Path, html: dict[str, BeautifulSoup]
) -> None:
    page = html["async-in-jupyter/index.html"]
    text = page.get_text()
    assert "a loop is running: True" in text
    assert "RuntimeError: asyncio.run() cannot be called from a running event loop" in text
    # a task created in one cell has run by the next, which awaits nothing
    assert "task created; done yet: False" in text
    assert "done: True, result: 3" in text
    assert page.find("a", href="async-in-jupyter.ipynb") is not None
    assert (site / "async-in-jupyter" / "async-in-jupyter.ipynb").is_file()


def test_every_timeline_is_drawn_from_its_run(html: dict[str, BeautifulSoup]) -> None:
    """One box per timeline line the newest version printed; the text alternative lists them."""
    figures = 0
    for page, soup in html.items():
        for figure in soup.select("figure.timeline"):
            figures += 1
            snippet = figure.find_previous("div", class_="snippet")["data-snippet"]
            recorded = recording_path(ROOT / snippet, VERSIONS[-1]).read_text("utf-8")
            drawn = boxes(recorded)
            svg = figure.select_one("svg[role=img]")
            assert len(svg.select("rect")) == len(drawn) > 0, f"{page}: {snippet}"
            title_id, desc_id = svg["aria-labelledby"].split()
            assert soup.find(id=title_id) is not None and soup.find(id=desc_id) is not None
            description = soup.find(id=desc_id).get_text()
            for box in drawn:
                assert f"{box.lane}: " in description
            assert len(soup.select(f"#{desc_id}")) == 1, f"{page}: duplicate id {desc_id}"
    assert figures >= 1


SVG_NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
ANY_ADDRESS = re.compile(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}[^\s\"'<>)]*", re.IGNORECASE)


REFERENCE_DOCS = f"https://docs.python.org/{references.inventory().version}/"
"""The one other host a page may link to (a link the reader follows, never a
load): the Python documentation, for what no run on this site can show."""


def test_no_page_refers_to_another_host(html: dict[str, BeautifulSoup]) -> None:
    """No address of another host in any attribute or inline script or style.

    Stricter than the check above: links, metadata and the text of inline
    scripts count too (nbconvert's template imported mermaid from a CDN from
    inside a script). Code and outputs on the page are text, not references.
    The only exception: a link (``<a href>``) into the Python documentation.
    """
    for page, soup in html.items():
        for element in soup.find_all(True):
            for name, value in element.attrs.items():
                for text in value if isinstance(value, list) else [value]:
                    if name == "xmlns" and text in SVG_NAMESPACES:
                        continue
                    if element.name == "a" and name == "href" and text.startswith(REFERENCE_DOCS):
                        continue
                    assert not EXTERNAL.match(text.strip()), (
                        f"{page}: <{element.name} {name}={text}>"
                    )
        for element in soup.find_all(["script", "style"]):
            found = set(ANY_ADDRESS.findall(element.get_text())) - SVG_NAMESPACES
            assert not found, f"{page}: <{element.name}> refers to {sorted(found)}"


def test_every_page_has_its_own_description(html: dict[str, BeautifulSoup]) -> None:
    descriptions = {
        page: soup.find("meta", attrs={"name": "description"})["content"]
        for page, soup in html.items()
        if page != "404.html"
    }
    assert len(descriptions) == len(set(descriptions.values())), descriptions
    assert all(40 <= len(text) <= 160 for text in descriptions.values()), descriptions


def test_every_example_can_be_taken_away(
    site: Path, shown: dict[str, list[tuple[str, Tag]]]
) -> None:
    """Under each example: its file to download (the same bytes) and the command."""
    for snippet, embeddings in shown.items():
        for page, block in embeddings:
            takeaway = block.select_one("p.snippet-takeaway")
            assert takeaway is not None, f"{page}: {snippet} has no download line"
            links = takeaway.find_all("a", download=True)
            assert links[0].get_text() == Path(snippet).name
            for link in links:
                served = (site / page).parent / link["href"]
                source = ROOT / "snippets" / link["href"].split("snippets/", 1)[1]
                assert served.read_bytes() == source.read_bytes(), f"{page}: {link['href']}"
            # The command is the transcript's, for a file in the current folder.
            command = takeaway.find_all("code")[-1].get_text()
            transcript = recording_path(ROOT / snippet, VERSIONS[-1]).read_text("utf-8")
            typed = transcript.splitlines()[0].removeprefix("$ ")
            assert typed.replace(snippet, Path(snippet).name) == command, (page, command)


def test_a_test_file_names_the_plugins_it_needs(
    shown: dict[str, list[tuple[str, Tag]]],
) -> None:
    """A test file that uses a pytest plugin without importing it (a mark only
    the plugin understands, or the plugin's settings in the pytest.ini it runs
    with): the download line says to install the plugin too."""
    needs = {  # a test, or the whole module (pytestmark = ...), marked for a plugin
        "pytest-asyncio": re.compile(r"^\s*(@|pytestmark\s*=.*)pytest\.mark\.asyncio\b", re.M),
        "anyio": re.compile(r"^\s*(@|pytestmark\s*=.*)pytest\.mark\.anyio\b", re.M),
    }
    checked = 0
    for snippet, embeddings in shown.items():
        source = (ROOT / snippet).read_text("utf-8")
        settings = (ROOT / snippet).parent / "pytest.ini"
        for page, block in embeddings:
            codes = block.select("p.snippet-takeaway code")  # [pip install ...,] the command
            command = codes[-1].get_text()
            install = codes[0].get_text().split() if len(codes) > 1 else []
            wanted = {package for package, mark in needs.items() if mark.search(source)}
            runs_pytest = " -m pytest " in f" {command} "
            if runs_pytest and "asyncio_mode" in (
                settings.read_text("utf-8") if settings.is_file() else ""
            ):
                wanted.add("pytest-asyncio")
            for package in needs:  # named where needed, and only there
                assert (package in install) == (package in wanted), (
                    f"{page}: {snippet}: needs {sorted(wanted)}, the line says {install}"
                )
                checked += package in wanted
    assert checked >= 5, "the check found too few examples that need a plugin"


def test_404_page_offers_search_and_the_way_home(html: dict[str, BeautifulSoup]) -> None:
    page = html["404.html"]
    content = page.select_one("article.md-content__inner")
    assert content.find("label", attrs={"for": "__search"}) is not None
    home = content.find("a", class_="md-button")
    assert home is not None and home["href"] in {"/.", "/"}, home  # as the logo


def test_published_build_has_absolute_addresses(site: Path, tmp_path: Path) -> None:
    """Built as the workflow builds it (SITE_URL set): the sitemap and the
    canonical links are absolute, and the notebook readers download links to
    the published pages, while the page itself keeps relative links."""
    address = "https://example.org/async-site/"
    published = tmp_path / "site"
    build = mkdocs_build(ROOT / "mkdocs.yml", published, quiet=True, SITE_URL=address)
    assert build.returncode == 0, build.stdout + build.stderr

    sitemap = (published / "sitemap.xml").read_text("utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(location.startswith(address) for location in locations)
    tasks = BeautifulSoup((published / "tasks" / "index.html").read_text("utf-8"), "html.parser")
    assert tasks.find("link", rel="canonical")["href"] == f"{address}tasks/"

    notebook = json.loads((published / "async-in-jupyter" / "async-in-jupyter.ipynb").read_text())
    text = "".join(
        "".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "markdown"
    )
    assert "](../" not in text
    targets = re.findall(rf"\]\({re.escape(address)}([^)#]*)", text)
    assert targets and all(
        (ROOT / "docs" / f"{target.rstrip('/')}.md").is_file() for target in targets
    )
    page = (published / "async-in-jupyter" / "index.html").read_text("utf-8")
    assert 'href="../tasks/' in page


OTHER_SYSTEMS = re.compile(r"\b(Windows|macOS)\b")
OTHER_SYSTEMS_NOTE = "On other systems (not run on this site)"


def test_what_no_run_here_shows_is_marked(html: dict[str, BeautifulSoup]) -> None:
    """Every output comes from this machine's system: a sentence about another
    system is a claim no run proves, so it sits in a note that says so, and
    the note links to the Python documentation."""
    unmarked = []
    for page, soup in html.items():
        content = soup.select_one("article.md-content__inner")
        if content is None:
            continue
        for text in content.find_all(string=OTHER_SYSTEMS):
            if text.find_parent(["pre", "code"]):
                continue
            note = text.find_parent("div", class_="admonition")
            title = note.select_one("p.admonition-title") if note else None
            if not title or title.get_text() != OTHER_SYSTEMS_NOTE:
                unmarked.append(f"{page}: {text.strip()[:60]}")
            elif not note.select(f'a[href^="{REFERENCE_DOCS}"]'):
                unmarked.append(f"{page}: a note without a link to the Python documentation")
    assert not unmarked, unmarked


ASYNCIO_NAME = re.compile(r"(?<![\w.])(?:asyncio|loop)\.[A-Za-z_][\w.]*")


def prose_code(soup: BeautifulSoup) -> list[Tag]:
    """Inline code in a page's text: not in a code block, a heading or the navigation."""
    content = soup.select_one("article.md-content__inner")
    if content is None:
        return []
    return [
        code
        for code in content.find_all("code")
        if not code.find_parent(["pre", "h1", "h2", "h3", "h4", "h5", "h6", "nav"])
    ]


def test_every_asyncio_name_links_to_its_reference(html: dict[str, BeautifulSoup]) -> None:
    """Each ``asyncio.*`` (and ``loop.*``) name in prose is a link into the
    Python documentation, to an address its inventory gives; one marked
    ``unlinked`` is a name the inventory really lacks."""
    urls = set(references.inventory().urls.values())
    problems, linked = [], 0
    for page, soup in html.items():
        for code in prose_code(soup):
            names = ASYNCIO_NAME.findall(code.get_text())
            if not names:
                continue
            if references.UNLINKED in code.get("class", []):
                known = [name for name in names if references.inventory().resolve(name)]
                if known:
                    problems.append(f"{page}: {known} marked unlinked, yet documented")
                continue
            if (around := code.find_parent("a")) is not None:  # the code is the link
                targets = [(code.get_text(), around.get("href"))]
            else:  # links within the code
                targets = [(link.get_text(), link.get("href")) for link in code.find_all("a")]
                if missing := set(names) - {text for text, _ in targets}:
                    problems.append(f"{page}: {sorted(missing)} in {code.get_text()!r}: no link")
            for text, href in targets:
                if href in urls:
                    linked += 1
                else:
                    problems.append(f"{page}: {text!r} links to {href}")
    assert not problems, "\n".join(problems)
    assert linked > 100, linked


def test_names_in_code_blocks_link_without_changing_the_code(
    shown: dict[str, list[tuple[str, Tag]]],
) -> None:
    """A snippet's source on the page: its names link into the Python
    documentation, and its text is still exactly the file."""
    urls = set(references.inventory().urls.values())
    linked = 0
    for snippet, embeddings in shown.items():
        for page, block in embeddings:
            source = block.select_one("div.highlight code")
            assert source.get_text() == (ROOT / snippet).read_text("utf-8"), (page, snippet)
            for link in source.find_all("a"):
                assert link["href"] in urls, (page, snippet, link)
                linked += 1
    assert linked > len(shown), linked
