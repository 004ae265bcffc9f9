"""A build's progress: one line that updates in place on a terminal, nothing in a log.

A newcomer's first ``mkdocs serve`` runs every snippet on every version
before the site appears. On a terminal, one line says how far the runs are
(done of total, the one running longest) and is erased when they are done;
where the output is not a terminal (CI, pytest), the log holds nothing but
today's lines and the summary.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable

from conftest import FixtureSite, recorded, snippet_block

from sitebuild.interpreters import SUPPORTED_VERSIONS

SLOW = "snippets/fixture/slow.py"


def slow_site(make_site: Callable[..., FixtureSite]) -> FixtureSite:
    return make_site(
        snippet_block(SLOW),
        {SLOW: "import time\n\ntime.sleep(1.5)\nprint('done')\n", **recorded(SLOW, "done\n")},
    )


def test_a_terminal_sees_the_runs_progress(make_site: Callable[..., FixtureSite]) -> None:
    site = slow_site(make_site)
    primary, secondary = os.openpty()
    build = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=site.folder,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdin=subprocess.DEVNULL,
        stdout=secondary,
        stderr=secondary,
    )
    os.close(secondary)
    screen = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:  # the terminal closed: the build ended
            break
        if not chunk:
            break
        screen += chunk
    os.close(primary)
    assert build.wait() == 0, screen.decode()
    text = screen.decode()
    runs = len(SUPPORTED_VERSIONS)
    # how many are done when the line is drawn depends on the machine's load
    progress = re.findall(r"\r\x1b\[K(sitebuild: \d+ of \d+ runs done[^\r\n]*)", text)
    shown = (
        rf"sitebuild: \d of {runs} runs done; "
        r"running longest: fixture/slow\.py on 3\.\d+ \(\d s\)"
    )
    assert any(re.fullmatch(shown, line) for line in progress), progress or text
    # erased before MkDocs says the build is done: that line starts clean
    assert "\r\x1b[KINFO    -  Documentation built in" in text


def test_a_log_gets_only_the_summary(make_site: Callable[..., FixtureSite]) -> None:
    build = slow_site(make_site).build()
    log = build.stdout + build.stderr
    assert build.returncode == 0, log
    assert "runs done" not in log and "\x1b" not in log and "\r" not in log
    runs = len(SUPPORTED_VERSIONS)
    assert f"sitebuild: {runs} runs, 0 from the cache; slowest: fixture/slow.py on" in log
