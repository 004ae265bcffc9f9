"""What any run of timeout_cancels_the_work.py must show."""

import re
from pathlib import Path

from sitebuild.running import Run
from sitebuild.timeline import boxes

SNIPPETS = [Path(__file__).with_name("timeout_cancels_the_work.py")]


def test_the_timeout_cancels_the_work_when_it_fires(run: Run) -> None:
    [work] = boxes(run.output)
    assert work.note == "cancelled"
    fired = re.search(r"^main: TimeoutError at (\d+\.\d) s", run.output, re.M)
    assert fired is not None
    assert work.end == float(fired[1])  # cancelled when the timeout fired...
    assert work.end < 1.0  # ...before its one-second sleep could end
