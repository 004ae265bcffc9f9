"""No snippet talks to anything but this machine.

Every snippet test (``pytest snippets/``, every snippet on every version, run
fresh) runs again inside a network namespace of its own, whose only interface
is loopback. There a connection to any other address fails at once, so a
snippet that reached beyond 127.0.0.1 would fail its recorded output or exit
status. The namespace is checked first: loopback works, the rest does not.

Needs ``unshare`` (util-linux) and ``ip`` (iproute2); without them the test is
skipped, or fails under ``REQUIRE_NETWORK_NAMESPACE=1`` (CI).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, require_every_python

from sitebuild import environments

# Run inside the namespace before the snippets: loopback answers, and an
# address outside the machine (TEST-NET-1, reserved for documentation) is
# unreachable, rather than slow to time out.
_NAMESPACE_CHECK = """
import errno, socket
with socket.create_server(("127.0.0.1", 0)) as server:
    socket.create_connection(server.getsockname(), timeout=1).close()
try:
    socket.create_connection(("192.0.2.1", 80), timeout=1).close()
except OSError as error:
    assert error.errno == errno.ENETUNREACH, error
else:
    raise AssertionError("192.0.2.1 answered: the namespace has a network")
print("namespace: loopback only")
"""


def _unshare() -> list[str]:
    """The command that starts a program in a new network namespace."""
    why = ""
    if not (shutil.which("unshare") and shutil.which("ip")):
        why = "unshare (util-linux) or ip (iproute2) is not installed"
    else:
        command = ["unshare", "--net"] + ([] if os.geteuid() == 0 else ["--map-root-user"])
        probe = subprocess.run([*command, "true"], capture_output=True, text=True, check=False)
        if probe.returncode == 0:
            return command
        why = f"unshare cannot make a network namespace here: {probe.stderr.strip()}"
    if os.environ.get("REQUIRE_NETWORK_NAMESPACE"):
        pytest.fail(why, pytrace=False)
    pytest.skip(why)


def test_every_snippet_runs_with_loopback_only() -> None:
    require_every_python()
    command = _unshare()
    environments.prepare(ROOT)  # installing requirements needs the network
    inner = subprocess.run(
        [
            *command,
            "sh",
            "-c",
            'ip link set lo up && "$0" -c "$1" && exec "$0" -m pytest snippets/ '
            "-q -p no:cacheprovider",
            sys.executable,
            _NAMESPACE_CHECK,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    log = inner.stdout + inner.stderr
    assert inner.returncode == 0, log
    assert "namespace: loopback only" in log
    assert " passed" in log and " skipped" not in log, log
