"""pytest setup for `pytest snippets/`: puts this folder, and so `_runner`, on sys.path.

(pytest's default import mode inserts the folder of each conftest.py into
sys.path, which lets test files in page folders `import _runner` too.)
"""

import platform

RECORDED_WITH = "3.11.7"
"""The Python version of the <name>.out recordings (tracebacks show its line numbers)."""


def pytest_report_header() -> str:
    running = platform.python_version()
    note = "" if running == RECORDED_WITH else " (outputs may differ)"
    return f"snippet recordings made with Python {RECORDED_WITH}; running {running}{note}"
