"""No snippet talks to anything but this machine: every run has loopback only.

The engine starts every run in a network namespace of its own whose only
interface is loopback, where the machine allows it (``sitebuild.running``).
So the fresh runs of ``pytest snippets/`` (every snippet on every version)
and of every build are the proof: a snippet that reached beyond 127.0.0.1
would fail its recorded output or exit status there. These tests check the
mechanism itself: that a run really sees loopback and nothing else, that this
session's runs were confined, and that a machine that cannot confine them
says so (or, under ``REQUIRE_NETWORK_NAMESPACE=1``, as in CI, fails).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

import pytest
from conftest import FixtureSite, recorded, snippet_block

from sitebuild import running

# Loopback answers, and an address outside the machine (TEST-NET-1, reserved
# for documentation) is unreachable at once, rather than slow to time out.
NAMESPACE_CHECK = """\
import errno, socket
with socket.create_server(("127.0.0.1", 0)) as server:
    socket.create_connection(server.getsockname(), timeout=1).close()
try:
    socket.create_connection(("192.0.2.1", 80), timeout=1).close()
except OSError as error:
    assert error.errno == errno.ENETUNREACH, error
else:
    raise AssertionError("192.0.2.1 answered: the run has a network")
print("loopback only")
"""
CHECK = "snippets/fixture/namespace_check.py"


def confined() -> running.Isolation:
    """This machine's isolation; skip (fail under REQUIRE_NETWORK_NAMESPACE) without it."""
    found = running.isolation()
    if not found.prefix:
        if os.environ.get("REQUIRE_NETWORK_NAMESPACE"):
            pytest.fail(found.why_not, pytrace=False)
        pytest.skip(found.why_not)
    return found


def test_this_sessions_runs_have_loopback_only() -> None:
    """The snippet runs of this test session (same process, same probe) were confined."""
    assert confined().description == "loopback only"


def test_a_run_reaches_loopback_and_nothing_else(make_site: Callable[..., FixtureSite]) -> None:
    confined()
    site = make_site(
        snippet_block(CHECK), {CHECK: NAMESPACE_CHECK, **recorded(CHECK, "loopback only\n")}
    )
    build = site.build()
    log = build.stdout + build.stderr
    assert build.returncode == 0, log
    assert "loopback only" in site.page()
    assert re.search(r"sitebuild: \d+ runs, .*; network: loopback only", log), log


def test_a_machine_without_namespaces_says_so(make_site: Callable[..., FixtureSite]) -> None:
    """Without ``unshare`` the runs use the network; the summary says so, and CI refuses."""
    site = make_site(
        snippet_block(CHECK), {CHECK: "print('hello')\n", **recorded(CHECK, "hello\n")}
    )
    no_unshare = {"PATH": "/nonexistent"}  # nor ip: neither is found

    build = site.build(**no_unshare, REQUIRE_NETWORK_NAMESPACE="")
    log = build.stdout + build.stderr
    assert build.returncode == 0, log
    assert "network: not isolated from the network (unshare (util-linux) or ip" in log, log

    site.write({CHECK: "print('hello')  # edited: runs again\n"})
    required = site.build(**no_unshare, REQUIRE_NETWORK_NAMESPACE="1")
    log = required.stdout + required.stderr
    assert required.returncode == 1, log
    assert "snippets must run with loopback only (REQUIRE_NETWORK_NAMESPACE is set)" in log
    assert "snippets/fixture/namespace_check.py" in log
