"""A build's progress: one line that updates in place on a terminal, nothing in a log.

A newcomer's first ``mkdocs serve`` runs every snippet on every version
before the site appears. On a terminal, one line says how far the runs are
(done of total, the one running longest) and is erased when they are done;
where the output is not a terminal (CI, pytest), the log holds nothing but
today's lines and the summary.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import io
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from types import SimpleNamespace

import pytest
from conftest import FixtureSite, recorded, snippet_block

from sitebuild.interpreters import SUPPORTED_VERSIONS
from sitebuild.scheduling import Progress

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


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_line_comes_back_when_runs_are_submitted_after_it_stopped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The hook submits the `alone` runs (often none) before the rest: a line
    that stopped because nothing submitted so far was running starts again."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    scheduler = SimpleNamespace(_futures={}, _loop=loop)
    progress = Progress(scheduler)  # type: ignore[arg-type]
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    try:
        progress.start()  # nothing submitted yet: nothing to show, it stops
        for _ in range(100):
            if progress._task is None:
                break
            time.sleep(0.05)
        assert progress._task is None, "it went on with nothing to show"
        pending: concurrent.futures.Future[None] = concurrent.futures.Future()
        scheduler._futures["a run"] = pending
        progress.start()  # the rest are submitted: the line is back
        for _ in range(100):
            if "0 of 1 runs done" in terminal.getvalue():
                break
            time.sleep(0.05)
        assert "sitebuild: 0 of 1 runs done" in terminal.getvalue()
        pending.set_result(None)
        for _ in range(100):
            if progress._task is None:
                break
            time.sleep(0.05)
        assert terminal.getvalue().endswith("\r\x1b[K"), "erased once all were done"
    finally:
        progress.stop()
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()
