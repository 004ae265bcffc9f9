"""What the build promises about running code and publishing what it printed.

Each promise is checked on a throwaway site built for real (see CONTRIBUTING.md,
"What the build promises"): no secret of the builder reaches a page, no
process outlives its run, hostile output is shown as text, the cache never
shows a stale or damaged entry.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURE_CONFIG, FixtureSite, recorded, snippet_block, transcript

from sitebuild import environments, interpreters
from sitebuild.interpreters import SUPPORTED_VERSIONS
from sitebuild.running import SAFE_PATH
from sitebuild.scheduling import Scheduler

N = len(SUPPORTED_VERSIONS)  # runs of one snippet

SNIPPET = "snippets/fixture/shown.py"
ALLOWED = [
    "PATH",
    "HOME",
    "TMPDIR",
    "LANG",
    "LC_ALL",
    "TZ",
    "TERM",
    "COLUMNS",
    "LINES",
    "NO_COLOR",
    "PYTHON_COLORS",
    "PYTHONHASHSEED",
    "PYTHONUNBUFFERED",
    "PYTHONDONTWRITEBYTECODE",
    "PYTHONIOENCODING",
]
"""Every variable a snippet may see."""


def built(site: FixtureSite, **env: str) -> str:
    build = site.build(**env)
    log = build.stdout + build.stderr
    assert build.returncode == 0, log
    return log


def fresh_runs(root: Path, snippet: str) -> dict[str, str]:
    """The output of ``snippet`` on every version, run by the scheduler (no recordings)."""
    pythons, missing = environments.prepare(root)
    assert not missing
    scheduler = Scheduler(root, pythons, read_cache=False, write_cache=False)
    try:
        return {version: scheduler.result(root / snippet, version).output for version in pythons}
    finally:
        scheduler.close()


def recorded_as_run(site: FixtureSite, snippet: str) -> None:
    """Record what ``snippet`` prints now, on every version, as its recordings."""
    for version, output in fresh_runs(site.folder, snippet).items():
        site.write({snippet.removesuffix(".py") + f".{version}.out": transcript(snippet, output)})


def shown_output(site: FixtureSite) -> list[str]:
    """The text of every output block of the page's snippet."""
    soup = BeautifulSoup(site.page(), "html.parser")
    block = soup.select_one("div.snippet")
    # A code block cannot show trailing newlines; everything else is kept.
    return [code.get_text().rstrip("\n") for code in block.select("div.highlight code")[1:]]


# -- the environment --------------------------------------------------------------


def test_no_secret_of_the_builder_reaches_the_page(
    make_site: Callable[..., FixtureSite],
) -> None:
    secret = f"made-up-secret-{uuid.uuid4().hex}"
    source = "import os\n\nfor name, value in sorted(os.environ.items()):\n    print(name, value)\n"
    site = make_site(snippet_block(SNIPPET), {SNIPPET: source})
    builder = {"SITE_DEPLOY_TOKEN": secret, "HOME": f"/home/{secret}", "PATH": os.environ["PATH"]}
    # The interpreters this machine has, named: with another HOME, those the
    # build provisioned (under ~/.cache) would be provisioned again, there.
    for version, found in interpreters.find_all().items():
        if isinstance(found, interpreters.Interpreter):
            builder[interpreters.env_var(version)] = str(found.executable)
    recorded_as_run(site, SNIPPET)
    log = built(site, **builder)
    assert secret not in site.page() and secret not in log
    for output in shown_output(site):
        assert secret not in output
        names = [line.split(" ", 1)[0] for line in output.splitlines()[1:]]
        assert names == sorted(ALLOWED)
        for line in ("HOME <home>", "TMPDIR <tmp>", "TZ UTC", "LC_ALL C.UTF-8"):
            assert line in output.splitlines()
        assert re.search(rf"^PATH \.cache/snippet-envs/3\.\d+/bin:{SAFE_PATH}$", output, re.M)


def test_notebook_kernel_sees_no_secret_either(make_site: Callable[..., FixtureSite]) -> None:
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    secret = f"made-up-secret-{uuid.uuid4().hex}"
    config = FIXTURE_CONFIG.replace("plugins:\n", "plugins:\n  - mkdocs-jupyter\n", 1)
    site = make_site("# Home\n", {}, config)
    notebook = new_notebook(
        cells=[new_code_cell("import os\n\nprint(sorted(os.environ))\nprint(os.environ)")],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
    )
    nbformat.write(notebook, site.folder / "docs" / "environment.ipynb")
    built(site, SITE_DEPLOY_TOKEN=secret)
    page = (site.folder / "site" / "environment" / "index.html").read_text("utf-8")
    assert "PYTHONHASHSEED" in page  # the cell ran and printed its environment
    assert secret not in page and "SITE_DEPLOY_TOKEN" not in page


# -- processes ----------------------------------------------------------------------


def processes_with(token: str) -> list[str]:
    listing = subprocess.run(
        ["ps", "-ww", "-eo", "pid,args"], capture_output=True, text=True, check=True
    )
    return [line for line in listing.stdout.splitlines() if token in line]


def hanging_snippet(token: str) -> str:
    """A snippet that starts a child that sleeps, then hangs itself."""
    return (
        "import subprocess\nimport sys\nimport time\n\n"
        'sleep = "import time; time.sleep(120)"\n'
        f'child = subprocess.Popen([sys.executable, "-c", sleep, "{token}"])\n'
        'print("started a child", flush=True)\n'
        "time.sleep(120)\n"
    )


def test_timed_out_run_is_killed_with_every_process_it_started(
    make_site: Callable[..., FixtureSite],
) -> None:
    token = f"child-of-a-snippet-{uuid.uuid4().hex}"
    site = make_site(
        snippet_block(SNIPPET),
        {
            SNIPPET: hanging_snippet(token),
            "snippets/fixture/expectations.toml": "[shown]\ntimeout = 2\n",
        },
    )
    start = time.monotonic()
    build = site.build()
    log = build.stdout + build.stderr
    assert build.returncode != 0
    assert "snippets/fixture/shown.py: killed after running for more than 2 s" in log
    assert "started a child" in log
    # Not a speed target: it shows the build did not wait for the 120 s sleeps.
    assert time.monotonic() - start < 60
    assert processes_with(token) == []


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.1)


@pytest.mark.parametrize(
    ("command", "stop"),
    [
        pytest.param(["build", "--strict"], signal.SIGINT, id="ctrl-c-during-mkdocs-build"),
        pytest.param(["serve", "-a", "127.0.0.1:0"], signal.SIGINT, id="ctrl-c-during-serve"),
        pytest.param(["build", "--strict"], signal.SIGTERM, id="sigterm-during-mkdocs-build"),
    ],
)
def test_interrupted_build_leaves_no_process_behind(
    make_site: Callable[..., FixtureSite], command: list[str], stop: signal.Signals
) -> None:
    token = f"child-of-a-snippet-{uuid.uuid4().hex}"
    site = make_site(snippet_block(SNIPPET), {SNIPPET: hanging_snippet(token)})
    build = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", *command, "-f", str(site.config)],
        cwd=site.folder,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        # As in a terminal: Ctrl-C interrupts (a shell may have left SIGINT ignored).
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        # Each version's snippet has started its child.
        wait_for(lambda: len(processes_with(token)) == N, "the snippets' children to start")
        build.send_signal(stop)
        build.wait(timeout=60)
    finally:
        build.kill()
        log = build.communicate()[0]
    assert build.returncode != 0, log
    assert processes_with(token) == [], log


def test_snippets_start_with_default_signal_handling(
    make_site: Callable[..., FixtureSite],
) -> None:
    """Ctrl-C reaches a snippet as in a terminal, even if the builder ignores it."""
    source = "import signal\n\nprint(signal.getsignal(signal.SIGINT))\n"
    site = make_site(
        snippet_block(SNIPPET),
        {SNIPPET: source, **recorded(SNIPPET, "<built-in function default_int_handler>\n")},
    )
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(site.config)],
        cwd=site.folder,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
        # As a shell's background job is started: Ctrl-C ignored, and inherited.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )
    assert build.returncode == 0, build.stdout + build.stderr


# -- hostile output -----------------------------------------------------------------

HOSTILE = (
    'print("<script>alert(1)</script>")\n'
    'print("<div class=\\"unclosed\\">")\n'
    'print("**not bold** [not a link](https://example.com) <!-- not a comment")\n'
    'print("# not a heading")\n'
    'print("\\x1b[31mred\\x1b[0m", end=", ")\n'
    'print("\\x1b]8;;https://example.com\\x1b\\\\a link\\x1b]8;;\\x1b\\\\", end=", ")\n'
    'print("a bell\\x07")\n'
    'print("```\\n</code></pre></div>")\n'
)

HOSTILE_SHOWN = (
    "<script>alert(1)</script>\n"
    '<div class="unclosed">\n'
    "**not bold** [not a link](https://example.com) <!-- not a comment\n"
    "# not a heading\n"
    "red, a link, a bell\u2407\n"
    "```\n</code></pre></div>\n"
)


def test_hostile_output_is_shown_as_text(make_site: Callable[..., FixtureSite]) -> None:
    site = make_site(
        "# Page\n\n" + snippet_block(SNIPPET) + "\nAfter the snippet.\n",
        {SNIPPET: HOSTILE, **recorded(SNIPPET, HOSTILE_SHOWN)},
    )
    built(site)
    soup = BeautifulSoup(site.page(), "html.parser")
    assert not [tag for tag in soup.find_all("script") if "alert" in tag.get_text()]
    assert soup.select("div.unclosed") == [] and soup.find("h1", string="not a heading") is None
    assert shown_output(site) == [transcript(SNIPPET, HOSTILE_SHOWN).rstrip("\n")]
    # The page goes on after the snippet, outside it: the output closed nothing.
    paragraph = soup.find("p", string="After the snippet.")
    assert paragraph is not None and paragraph.find_parent("div", class_="snippet") is None
    assert "\x1b" not in site.page() and "\x07" not in site.page()


# -- the cache ----------------------------------------------------------------------


def one_snippet(make_site: Callable[..., FixtureSite]) -> FixtureSite:
    return make_site(
        snippet_block(SNIPPET),
        {SNIPPET: "print('the real output')\n", **recorded(SNIPPET, "the real output\n")},
    )


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda text: text[: len(text) // 2], id="truncated"),
        pytest.param(lambda text: text.replace("the real output", "a forged output"), id="edited"),
        pytest.param(lambda text: "", id="emptied"),
    ],
)
def test_damaged_cache_entry_is_reported_and_run_again(
    make_site: Callable[..., FixtureSite], damage: Callable[[str], str]
) -> None:
    site = one_snippet(make_site)
    built(site)
    for entry in site.cached_runs():
        entry.write_text(damage(entry.read_text("utf-8")), "utf-8")
    log = built(site)
    assert log.count("is damaged (checksum does not match); discarded") == N, log
    assert re.search(rf"sitebuild: {N} runs, 0 from the cache", log)
    assert "the real output" in site.page() and "forged" not in site.page()
    assert all(json.loads(entry.read_text("utf-8")) for entry in site.cached_runs())


def test_failed_cache_write_stores_nothing_and_shows_the_run(
    make_site: Callable[..., FixtureSite],
) -> None:
    site = one_snippet(make_site)
    (site.folder / ".cache/sitebuild").mkdir(parents=True)
    (site.folder / ".cache/sitebuild/runs").write_text("not a folder: every write fails\n")
    log = built(site)
    assert log.count("could not store") == N, log
    assert "the real output" in site.page()


def test_killed_build_leaves_no_partial_entry(make_site: Callable[..., FixtureSite]) -> None:
    """A build killed outright (SIGKILL: no clean-up) while runs are being stored."""
    paths = [f"snippets/fixture/quick_{n}.py" for n in range(8)]
    files: dict[str, str] = {}
    for n, path in enumerate(paths):
        files |= {path: f"print({n})\n", **recorded(path, f"{n}\n")}
    site = make_site("".join(snippet_block(path) for path in paths), files)
    build = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(site.config)],
        cwd=site.folder,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for(lambda: len(site.cached_runs()) >= 4, "some runs to be stored")
    build.kill()
    build.wait()
    for entry in site.cached_runs():
        json.loads(entry.read_text("utf-8"))  # complete: written whole or not at all
    log = built(site)
    assert "is damaged" not in log
    assert all(f"{n}" in site.page() for n in range(8))
