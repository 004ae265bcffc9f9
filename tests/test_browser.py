"""The built site in a real browser (Debian's Chromium driven by Playwright)."""

from __future__ import annotations

import concurrent.futures
import functools
import json
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import ROOT, nav_slugs, page_dir

from sitebuild.interpreters import SUPPORTED_VERSIONS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if not CHROMIUM.exists():
    if os.environ.get("REQUIRE_BROWSER"):
        pytest.fail(f"{CHROMIUM} is missing (apt-get install chromium)", pytrace=False)
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

from axe_playwright_python.sync_playwright import Axe  # noqa: E402
from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def origin(site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


PAGES = nav_slugs()
DESKTOP = {"width": 1280, "height": 900}
SCHEMES = ["light", "dark"]  # the palette follows the reader's system


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("slug", PAGES)
def test_page_loads_only_from_the_site(
    visits: dict[tuple[str, str], Visit], scheme: str, slug: str
) -> None:
    visit = visits[scheme, slug]
    assert visit.status == 200, visit.status
    assert not visit.foreign, f"requests to other hosts: {visit.foreign}"
    assert not visit.errors, f"errors in the console: {visit.errors}"
    if (ROOT / "snippets" / slug).is_dir():  # a page with examples shows them
        assert visit.snippets > 0
    # mkdocs-material adds a copy button to every code block: sources and outputs.
    assert visit.copy_buttons == visit.code_blocks


def test_dark_mode_toggle(page: Page, origin: str) -> None:
    page.goto(f"{origin}/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.locator("label.md-header__button[for='__palette_1']").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"


def test_search_finds_a_page(page: Page, origin: str) -> None:
    page.goto(f"{origin}/")
    search = page.locator("input.md-search__input")
    search.click()
    page.keyboard.type("isawaitable", delay=20)  # the search box reacts to key strokes
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    hrefs = [link.get_attribute("href") or "" for link in results.all()]
    assert any("/awaitables/" in href for href in hrefs), hrefs


def test_event_loop_diagram_has_text_alternative(page: Page, origin: str) -> None:
    page.goto(f"{origin}/")
    diagram = page.locator("svg[role='img']").first
    assert diagram.is_visible()
    described_by = diagram.get_attribute("aria-labelledby") or ""
    texts = [page.locator(f"#{ident}").text_content() or "" for ident in described_by.split()]
    assert any("ready" in text for text in texts)


def test_version_tabs_work_with_the_keyboard(page: Page, origin: str) -> None:
    """Tab reaches a snippet's version tabs; arrow keys switch them; each has its name."""
    page.goto(f"{origin}/what-is-a-coroutine/")
    tabs = page.locator("div.snippet .tabbed-set").first
    names = tabs.locator(".tabbed-labels > label").all_inner_texts()  # "Python 3.14–3.15"
    assert len(names) >= 2 and all(name.startswith("Python 3.") for name in names)
    newest = list(SUPPORTED_VERSIONS)[-1]
    assert names[0].endswith(newest), "the newest versions' tab comes first"
    radios = [tabs.get_by_role("radio", name=name, exact=True) for name in names]
    assert [radio.count() for radio in radios] == [1] * len(names)

    def first_version(name: str) -> str:  # "Python 3.14–3.15" -> "Output: Python 3.14."
        version = re.match(r"Python (\d+\.\d+)", name)
        assert version, name
        return f"Output: Python {version[1]}."

    visible_title = tabs.locator(".tabbed-block:visible span.filename")
    assert visible_title.inner_text().startswith(first_version(names[0]))

    for _ in range(200):  # from the top of the page, as a keyboard user would
        page.keyboard.press("Tab")
        if radios[0].evaluate("radio => radio === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the first version tab")
    page.keyboard.press("ArrowRight")
    assert radios[1].is_checked()
    assert visible_title.inner_text().startswith(first_version(names[1]))


# -- accessibility, layout, take-away -----------------------------------------

AXE_CORE_VERSION = "4.14.1"  # npm's axe-core; axe-playwright-python bundles 4.12
AXE_CORE = ROOT / ".cache" / "tools" / "axe-core"


@pytest.fixture(scope="session")
def axe() -> Axe:
    """axe-core, pinned, installed from npm on first use (it has no dependencies)."""
    package = AXE_CORE / "node_modules" / "axe-core"
    installed = package / "package.json"
    if not installed.is_file() or json.loads(installed.read_text())["version"] != AXE_CORE_VERSION:
        if not shutil.which("npm"):
            message = "npm is missing (apt-get install npm): it installs axe-core"
            if os.environ.get("REQUIRE_BROWSER"):
                pytest.fail(message, pytrace=False)
            pytest.skip(message)
        AXE_CORE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--silent",
                "--no-fund",
                "--no-audit",
                "-E",
                f"axe-core@{AXE_CORE_VERSION}",
            ],
            cwd=AXE_CORE,
            check=True,
        )
    script = (package / "axe.min.js").read_text(encoding="utf-8")
    assert f"axe v{AXE_CORE_VERSION}" in script[:200], "not the pinned axe-core"
    return Axe(axe_script=script)


def violations(axe: Axe, page: Page) -> list[str]:
    """axe-core's violations on ``page``, one line each."""
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])}x, "
        f"e.g. {violation['nodes'][0]['target']})"
        for violation in axe.run(page).response["violations"]
    ]


def test_axe_reports_what_it_finds(page: Page, axe: Axe) -> None:
    """As the page visits run it: an image without a text alternative and a
    button without a name, each named with its element."""
    page.set_content(
        '<!doctype html><html lang="en"><title>t</title><main>'
        '<img src="data:," id="pic"><button id="empty"></button></main></html>'
    )
    found = violations(axe, page)
    assert any(line.startswith("image-alt:") and "#pic" in line for line in found), found
    assert any(line.startswith("button-name:") and "#empty" in line for line in found), found


@dataclass
class Visit:
    """What one page showed and did in a real browser, in one colour scheme."""

    status: int
    foreign: list[str]  # requests to another host
    errors: list[str]  # console errors and uncaught exceptions
    snippets: int
    code_blocks: int
    copy_buttons: int
    violations: list[str]  # axe-core's, one line each
    sources: list[tuple[str, str]]  # light scheme: (snippet, the text its copy button copies)
    copied: tuple[str, str] | None  # light scheme: (snippet, what pressing that button copied)
    scrolling: list[str]  # dark scheme: snippets whose source scrolls sideways at 1024 px
    wide: list[str]  # dark scheme: at 375 px, the page's width and overflowing paragraphs


SHOW_TAB = """block => {
    let tab = block.closest('.tabbed-block');
    for (; tab; tab = tab.parentElement.closest('.tabbed-block')) {
        const index = [...tab.parentElement.children].indexOf(tab);
        const labels = tab.closest('.tabbed-set').querySelectorAll(
            ':scope > .tabbed-labels > label');
        labels[index].click();
    }
}"""


SOURCES = """() => [...document.querySelectorAll('div.snippet')].map(block => [
    block.dataset.snippet, block.querySelector('.highlight code').innerText])"""


def copied_sources(page: Page) -> tuple[list[tuple[str, str]], tuple[str, str] | None]:
    """Each snippet's source as its copy button takes it (mkdocs-material copies
    the code's ``innerText``, less trailing whitespace); and what pressing the
    button of the page's last snippet put on the clipboard (its content tab
    opened first, as a reader would)."""
    sources = [(snippet, text.rstrip()) for snippet, text in page.evaluate(SOURCES)]
    if not sources:
        return [], None
    block = page.locator("div.snippet").last
    block.evaluate(SHOW_TAB)
    block.locator(".highlight").first.locator("button.md-code__button[data-md-type=copy]").click()
    return sources, (sources[-1][0], page.evaluate("navigator.clipboard.readText()"))


def layout_at_narrow_widths(page: Page, slug: str) -> tuple[list[str], list[str]]:
    """Sources that scroll sideways at 1024 px; at 375 px (a phone), whether
    the page or a paragraph or list item is wider than its box (give or take
    the few pixels of padding an inline code span keeps when it wraps)."""
    page.set_viewport_size({"width": 1024, "height": 800})
    scrolling = page.evaluate(
        """() => [...document.querySelectorAll('div.snippet > .highlight:first-child pre')]
            .filter(pre => pre.scrollWidth > pre.clientWidth + 1)
            .map(pre => pre.closest('div.snippet').dataset.snippet)"""
    )
    page.set_viewport_size({"width": 375, "height": 812})
    if folder := os.environ.get("SCREENSHOTS"):  # where to keep a screenshot of each page
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=Path(folder) / f"{slug}-375px.png")
    width = page.evaluate("document.documentElement.scrollWidth")
    prose = page.evaluate(
        """() => [...document.querySelectorAll('.md-content p, .md-content li')]
            .filter(e => e.scrollWidth > e.clientWidth + 4).length"""
    )
    wide = [f"page {width} px wide, {prose} paragraphs overflow"] if width > 375 or prose else []
    return scrolling, wide


def visit_every_page(origin: str, axe: Axe, scheme: str) -> dict[tuple[str, str], Visit]:
    """Every page (and the 404 page) in one colour scheme, one after another,
    each loaded, checked with axe-core, and watched until the network is idle
    (no request for half a second: to catch a late request to another host;
    the watch goes on while the page stays open). In the light scheme, the
    text each snippet's copy button takes is read, and one button is pressed;
    in the dark scheme, the page is narrowed to 1024 and 375 px.

    Runs in a thread of its own, with a Playwright and a Chromium of its own
    (Playwright's sync API belongs to the thread that started it): the two
    schemes are visited side by side, one Chromium each. The pages are
    visited one after another in one tab, as a reader following links would:
    a new tab for each page (a new renderer process each) took about 1.5
    times the CPU.
    """
    visits = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(color_scheme=scheme, viewport=DESKTOP)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
        page = context.new_page()
        requests: list[str] = []  # of the page being visited
        errors: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        for slug in [*PAGES, "404"]:
            requests, errors = [], []
            page.set_viewport_size(DESKTOP)  # the dark visit of the page before narrowed it
            path = "404.html" if slug == "404" else page_dir(slug)
            response = page.goto(f"{origin}/{path}", wait_until="load")
            found = violations(axe, page)
            page.wait_for_load_state("networkidle")  # often reached while axe-core ran
            visit = Visit(
                status=response.status if response else 0,
                foreign=[],
                errors=errors,
                snippets=page.locator("div.snippet").count(),
                code_blocks=page.locator("div.snippet div.highlight").count(),
                copy_buttons=page.locator(
                    "div.snippet button.md-code__button[data-md-type=copy]"
                ).count(),
                violations=found,
                sources=[],
                copied=None,
                scrolling=[],
                wide=[],
            )
            if scheme == "light":
                visit.sources, visit.copied = copied_sources(page)
            elif slug != "404":
                visit.scrolling, visit.wide = layout_at_narrow_widths(page, slug)
            visit.foreign = [u for u in requests if not u.startswith((origin, "data:", "blob:"))]
            visits[scheme, slug] = visit
        browser.close()
    return visits


@pytest.fixture(scope="module")
def visits(origin: str, axe: Axe) -> dict[tuple[str, str], Visit]:
    """Every page in both colour schemes, visited once, the two schemes side by side."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        schemes = [pool.submit(visit_every_page, origin, axe, scheme) for scheme in SCHEMES]
        return {key: visit for scheme in schemes for key, visit in scheme.result().items()}


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("slug", [*PAGES, "404"])
def test_no_accessibility_violations(
    visits: dict[tuple[str, str], Visit], scheme: str, slug: str
) -> None:
    assert not visits[scheme, slug].violations, "\n".join(visits[scheme, slug].violations)


def test_dark_scheme_follows_the_system(browser: Browser, origin: str) -> None:
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(f"{origin}/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    context.close()


def test_prose_never_scrolls_sideways_at_375_px(visits: dict[tuple[str, str], Visit]) -> None:
    """A phone's width: the page itself never scrolls sideways (code blocks may)."""
    wide = [f"{slug}: {line}" for slug in PAGES for line in visits["dark", slug].wide]
    assert not wide, wide


def test_examples_fit_the_column_at_1024_px(visits: dict[tuple[str, str], Visit]) -> None:
    """Snippets are at most 79 characters a line: none scrolls sideways."""
    scrolling = [f"{slug}: {path}" for slug in PAGES for path in visits["dark", slug].scrolling]
    assert not scrolling, scrolling


def test_copy_buttons_copy_the_snippet(visits: dict[tuple[str, str], Visit]) -> None:
    """The copy button of a snippet's source gives its file's text exactly,
    links to the documentation and all: the file less its final newline,
    which a code block cannot show (mkdocs-material trims it). Every snippet's
    text as the button takes it, and one press of a button on each page."""
    sources = [pair for slug in PAGES for pair in visits["light", slug].sources]
    assert len({snippet for snippet, _ in sources}) > 100
    for snippet, text in sources:
        source = (ROOT / snippet).read_text("utf-8")
        assert source.endswith("\n") and not source.endswith("\n\n"), snippet
        assert text == source.removesuffix("\n"), snippet
    pressed = [visits["light", slug].copied for slug in PAGES if visits["light", slug].sources]
    assert len(pressed) > 10
    for snippet, text in pressed:
        assert text == (ROOT / snippet).read_text("utf-8").removesuffix("\n"), snippet


def test_notebook_has_a_visible_download_button(page: Page, origin: str) -> None:
    page.goto(f"{origin}/async-in-jupyter/")
    button = page.get_by_role("link", name="Download the notebook (.ipynb)")
    assert button.is_visible()
    response = page.request.get(
        f"{origin}/async-in-jupyter/{button.get_attribute('href').rsplit('/', 1)[-1]}"
    )
    assert response.ok and b'"cells"' in response.body()
