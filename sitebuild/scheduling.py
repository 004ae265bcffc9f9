"""Start every run a build needs at once, bounded, and report what ran.

Owns the build's background event loop: a thread running asyncio in which
each job (a snippet on one Python, or a notebook page) is a task. Pages ask
for results and wait only for the jobs they show, so rendering overlaps
running.

- At most ``jobs`` snippets run at a time (``SNIPPETS_JOBS``, default 16 per
  core: snippets mostly sleep, so a bound of one per core would leave the
  CPU idle while they do; the bound is about memory and start-up bursts).
- Launches are paced, about one per core every ``LAUNCH_SPACING`` seconds:
  starting Python is the CPU-heavy part of a run, and a crowd of start-ups
  would delay the runs started first, the slowest.
- A snippet declared ``alone`` in expectations.toml (its printed timings need
  the CPU to itself) waits until no other snippet runs, and holds every other
  snippet back until it is done. ``start`` submits those first. A notebook
  page (its kernel starting, its conversion) is held back like a snippet.
- With the cache on, a job whose entry exists is answered from it; a run is
  stored only when it passed every check (expectations and recording).
- A run that fails a check although its snippet has a recording runs once
  more, alone, before it counts: the times a snippet prints are measured, and
  on a busy machine (every other run of a cold build) they can drift by a
  tenth of a second. The log says what differed in the first run (at INFO,
  the level ``mkdocs build`` shows), the summary names every snippet that
  needed it; a mismatch that persists alone is reported as usual.
- With one job at a time (``SNIPPETS_JOBS=1``, as the benchmark runs them),
  each run's CPU time is measured too: user + system of its whole process
  tree, from the build's ``RUSAGE_CHILDREN`` before and after it.
- On a terminal, one line shows the runs' progress while they run (done of
  total, the slowest still running), updated in place; elsewhere (a CI log,
  pytest) nothing but the summary line is printed.
"""

from __future__ import annotations

import asyncio
import atexit
import concurrent.futures
import json
import logging
import os
import resource
import shutil
import sys
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from sitebuild import SiteBuildError, cache, running
from sitebuild.environments import SnippetPython, prepare, requirements_of
from sitebuild.recordings import (
    Expectations,
    expectations_for,
    recording_path,
    run_times,
    verify,
)
from sitebuild.running import Run

log = logging.getLogger("mkdocs.plugins.sitebuild")

REPORT = cache.FOLDER / "last-runs.json"
"""Every job of the last build or ``pytest snippets/`` session: its time, whether cached."""


LAUNCH_SPACING = 0.05
"""Seconds between launches, per core (see ``Scheduler._launch_slot``)."""


def children_cpu() -> float:
    """CPU seconds (user + system) of this process's children that have ended so far.

    The difference across a run, when it is the only one, is the CPU of its
    whole process tree (what it started and waited for counts in it).
    """
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def default_jobs() -> int:
    if value := os.environ.get("SNIPPETS_JOBS"):
        return max(1, int(value))
    return 16 * (os.cpu_count() or 1)


class Gate:
    """Up to ``limit`` shared holders at once, or one exclusive holder alone.

    An exclusive request waits for the shared holders to finish; while it
    waits, no new shared holder gets in. A released place wakes one waiter;
    on Python 3.11.7 and 3.12.1 (tried here) a waiter cancelled just after
    being woken loses that wake-up (3.13.0 passes it on), so waiters are
    cancelled only all together, when the build closes (``Scheduler.close``).
    """

    def __init__(self, limit: int) -> None:
        self._changed = asyncio.Condition()
        self._limit = limit
        self._shared = 0
        self._exclusive = False
        self._exclusive_waiting = 0

    @asynccontextmanager
    async def shared(self) -> AsyncIterator[None]:
        async with self._changed:
            await self._changed.wait_for(
                lambda: (
                    not (self._exclusive or self._exclusive_waiting) and self._shared < self._limit
                )
            )
            self._shared += 1
        try:
            yield
        finally:
            async with self._changed:
                self._shared -= 1
                # Wake one waiter, not all: hundreds of runs wait here in a
                # cold build, and waking each of them on every release cost
                # seconds of CPU. With an exclusive request waiting, no shared
                # waiter can enter: the exclusive request gets its turn when
                # the last shared holder leaves.
                if not self._exclusive_waiting:
                    self._changed.notify(1)
                elif not self._shared:
                    self._changed.notify_all()

    @asynccontextmanager
    async def exclusive(self) -> AsyncIterator[None]:
        async with self._changed:
            self._exclusive_waiting += 1
            try:
                await self._changed.wait_for(lambda: not (self._exclusive or self._shared))
            finally:
                self._exclusive_waiting -= 1
                self._changed.notify_all()
            self._exclusive = True
        try:
            yield
        finally:
            async with self._changed:
                self._exclusive = False
                self._changed.notify_all()


@dataclass(frozen=True)
class Outcome:
    """What a job gave: a run (or a notebook path) and whether it came from the cache."""

    label: str  # "index/io_waits.py on 3.12", "docs/async-in-jupyter.ipynb"
    seconds: float
    from_cache: bool
    ran_again_alone: bool = False  # its first run did not match its recording
    cpu_seconds: float | None = None  # user + system of its process tree (one job at a time)
    alone: bool = False  # declared alone: nothing else ran beside it


class Scheduler:
    """The jobs of one build (or one ``pytest snippets/`` session)."""

    def __init__(
        self,
        root: Path,
        pythons: dict[str, SnippetPython],
        *,
        read_cache: bool,
        write_cache: bool,
        jobs: int | None = None,
    ) -> None:
        self.root = root
        self.pythons = pythons
        self.read_cache = read_cache and cache.enabled()
        self.write_cache = write_cache and cache.enabled()
        self.runs = cache.Store(root, "runs")
        self.jobs = jobs or default_jobs()
        self.gate = Gate(self.jobs)
        self.isolation = running.isolation()  # probed once, before any run
        self.progress = Progress(self)
        self._launching = asyncio.Semaphore(os.cpu_count() or 1)
        self.outcomes: list[Outcome] = []
        self._futures: dict[object, concurrent.futures.Future] = {}
        self._tasks: set[asyncio.Task | None] = set()  # the jobs still running
        self._lock = threading.Lock()
        self._closed = False
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="sitebuild-jobs", daemon=True
        )
        self._thread.start()
        atexit.register(self.close)  # whatever way the process ends, no run outlives it

    # -- submitting -----------------------------------------------------------

    def submit_job(self, key: object, job: Callable[[], Awaitable]) -> concurrent.futures.Future:
        """Start ``job()`` in the background once per ``key``; its future."""

        async def tracked() -> object:
            task = asyncio.current_task()
            self._tasks.add(task)
            try:
                return await job()
            finally:
                self._tasks.discard(task)

        with self._lock:
            if key not in self._futures:
                self._futures[key] = asyncio.run_coroutine_threadsafe(tracked(), self._loop)
            return self._futures[key]

    def submit(self, snippet: Path, version: str) -> concurrent.futures.Future[Run]:
        return self.submit_job((snippet, version), lambda: self._run(snippet, version))

    def start(self, pairs: Iterable[tuple[Path, str]]) -> None:
        """Submit every (snippet, version) in the order that finishes soonest.

        ``alone`` runs first (nothing else can run beside them), then the
        slowest (by snippets/run-times.toml), then in the order MkDocs renders
        pages (the home page first, then by page folder), so that pages
        render while the later runs go on.
        """
        seconds = run_times(self.root)

        def order(pair: tuple[Path, str]) -> tuple[bool, int, bool, str]:
            snippet, version = pair
            page = snippet.parent.name
            return (
                not expectations_for(snippet, version).alone,
                -seconds.get(f"{page}/{snippet.name}", 0),
                page != "index",
                page,
            )

        for snippet, version in sorted(pairs, key=order):
            self.submit(snippet, version)
        self.progress.start()

    def finished_runs(self) -> list[Run]:
        """Every snippet run that completed so far."""
        return [
            future.result()
            for future in self._futures.values()
            if future.done() and not future.cancelled() and future.exception() is None
            if isinstance(future.result(), Run)
        ]

    def wait_for_all(self) -> None:
        """Wait until every job submitted so far has finished (a measurement needs a quiet CPU)."""
        for future in list(self._futures.values()):
            concurrent.futures.wait([future])

    def result(self, snippet: Path, version: str) -> Run:
        """The run of ``snippet`` on ``version``, waiting for it if needed."""
        return self.submit(snippet, version).result()

    # -- running ----------------------------------------------------------------

    async def _run(self, snippet: Path, version: str) -> Run:
        python = self.pythons[version]
        expected = expectations_for(snippet, version)
        path = snippet.relative_to(self.root).as_posix()
        inputs = {
            "build code": cache.build_code_version(),
            "path": path,
            "files": cache.file_digests(self.root, cache.local_files(snippet)),
            "expectations": expected.as_dict(),
            "python": python.sys_version,
            "requirements": cache.digest(requirements_of(self.root)),
        }
        name = cache.key(inputs)
        label = f"{snippet.relative_to(self.root / 'snippets').as_posix()} on {version}"
        if self.read_cache and (payload := self.runs.get(name)):
            try:
                run = Run(**payload["run"])
            except (KeyError, TypeError):
                log.info("cache: entry %s of %s is malformed; running again", name, label)
            else:
                self.outcomes.append(Outcome(label, run.seconds, from_cache=True))
                return run
        self.progress.running[label] = time.monotonic()
        try:
            run, cpu = await self._execute(python, path, expected, alone=expected.alone)
            mismatch = self._mismatch(run, snippet)
            recorded = recording_path(snippet, version).is_file()
            again = mismatch is not None and recorded and not expected.alone
            if again:  # measured times may have drifted under the load of the other runs
                log.info(
                    "%s did not match its recording; running it again alone. %s",
                    label,
                    mismatch,
                )
                run, cpu = await self._execute(python, path, expected, alone=True)
                mismatch = self._mismatch(run, snippet)
            passed = mismatch is None
        finally:
            del self.progress.running[label]
        self.outcomes.append(
            Outcome(
                label,
                run.seconds,
                from_cache=False,
                ran_again_alone=again,
                cpu_seconds=cpu,
                alone=expected.alone,
            )
        )
        if self.write_cache and passed:  # a failing run is never stored
            self.runs.put(name, {"inputs": inputs, "run": asdict(run)})
        return run

    async def _execute(
        self, python: SnippetPython, path: str, expected: Expectations, *, alone: bool
    ) -> tuple[Run, float | None]:
        """The run, and its CPU seconds when it was the only one (one job at a time)."""
        async with self.gate.exclusive() if alone else self.gate.shared():
            await self._launch_slot()
            before = children_cpu()
            run = await running.run(
                python,
                self.root,
                path,
                expected.timeout,
                expected.python_options,
                expected.environment,
                expected.replace,
            )
            return run, children_cpu() - before if self.jobs == 1 else None

    def _mismatch(self, run: Run, snippet: Path) -> str | None:
        """What makes ``run`` unfit for the page (its diff, ...); None if it passes."""
        try:
            verify(run, snippet, self.root)
        except SiteBuildError as error:
            return str(error)
        return None

    async def _launch_slot(self) -> None:
        """Wait until fewer than one launch per core happened in the last LAUNCH_SPACING s.

        Starting Python is the CPU-heavy part of most runs: pacing launches
        lets the runs started first (the slowest) get going, instead of
        sharing the CPU with dozens of start-ups at once.
        """
        await self._launching.acquire()
        asyncio.get_running_loop().call_later(LAUNCH_SPACING, self._launching.release)

    # -- reporting and stopping -----------------------------------------------

    def summary(self) -> str:
        """One line: how many jobs, how many from the cache, the three slowest that ran."""
        cached = sum(outcome.from_cache for outcome in self.outcomes)
        ran = sorted(
            (outcome for outcome in self.outcomes if not outcome.from_cache),
            key=lambda outcome: outcome.seconds,
            reverse=True,
        )
        slowest = ", ".join(f"{o.label} {o.seconds:.2f} s" for o in ran[:3]) or "nothing ran"
        line = f"{len(self.outcomes)} runs, {cached} from the cache; slowest: {slowest}"
        if ran:
            line += f"; network: {self.isolation.description}"
        if again := [o.label for o in self.outcomes if o.ran_again_alone]:
            line += f"; ran again alone after a mismatch: {', '.join(again)}"
        return line

    def write_report(self) -> None:
        path = self.root / REPORT
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps([asdict(o) for o in self.outcomes], indent=1), "utf-8")

    def close(self) -> None:
        """Cancel what still runs (killing its processes) and stop the loop."""
        atexit.unregister(self.close)
        if self._closed:
            return
        self._closed = True
        self.progress.stop()

        async def cancel_all() -> None:
            tasks = [task for task in self._tasks if task is not None]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(cancel_all(), self._loop).result(timeout=30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=30)
        self._loop.close()


class Progress:
    """One line on a terminal while runs go on: done of total, the slowest still running.

    Written to stderr only when it is a terminal, every half second, in place
    (a carriage return and an erase), and erased when the runs are done or the
    build stops it (before the build's own last lines).
    """

    INTERVAL = 0.5

    def __init__(self, scheduler: Scheduler) -> None:
        self.scheduler = scheduler
        self.running: dict[str, float] = {}  # label -> when it started (monotonic)
        self._shown = False
        self._lock = threading.Lock()
        self._task: concurrent.futures.Future | None = None

    def start(self) -> None:
        """Show the line, unless it is showing. The hook submits the ``alone``
        runs (often none) before the rest and starts the line after each: the
        lock makes "every run submitted so far is done, stop" and "more were
        submitted, show it" one or the other, never a line that stopped too soon."""
        with self._lock:
            if self._task is None and sys.stderr.isatty():
                self._task = asyncio.run_coroutine_threadsafe(self._show(), self.scheduler._loop)

    def line(self) -> str:
        futures = list(self.scheduler._futures.values())
        done = sum(future.done() for future in futures)
        text = f"sitebuild: {done} of {len(futures)} runs done"
        if self.running:
            label, started = min(self.running.items(), key=lambda item: item[1])
            text += f"; running longest: {label} ({time.monotonic() - started:.0f} s)"
        return text

    async def _show(self) -> None:
        while True:
            with self._lock:
                if all(future.done() for future in list(self.scheduler._futures.values())):
                    self._task = None  # done: a later start() shows it again
                    self._erase()
                    return
                sys.stderr.write("\r\x1b[K" + self.line()[: _width()])
                sys.stderr.flush()
                self._shown = True
            await asyncio.sleep(self.INTERVAL)

    def stop(self) -> None:
        """Stop showing the line, and erase it (from any thread)."""
        with self._lock:
            if self._task is not None:
                self._task.cancel()
                self._task = None
            self._erase()

    def _erase(self) -> None:  # with the lock held
        if self._shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self._shown = False


def _width() -> int:
    return max(20, shutil.get_terminal_size().columns - 1)


_current: Scheduler | None = None


def current() -> Scheduler:
    """The scheduler of the build in progress.

    The MkDocs hook makes one per build (``install``). Where no hook runs
    (Zensical, plain Python-Markdown), one is made on first use for the folder
    in ``MKDOCS_CONFIG_DIR`` (set by markdown-exec) or the working directory.
    """
    global _current
    if _current is None:
        root = Path(os.environ.get("MKDOCS_CONFIG_DIR") or os.getcwd()).resolve()
        pythons, missing = prepare(root)
        for version in missing:
            log.warning(version.message)
        _current = Scheduler(root, pythons, read_cache=True, write_cache=True)
    return _current


def installed() -> Scheduler | None:
    """The scheduler of the build in progress, if one was made."""
    return _current


def install(scheduler: Scheduler | None) -> None:
    """Make ``scheduler`` the current one, closing the one it replaces."""
    global _current
    if _current is not None and _current is not scheduler:
        _current.close()
    _current = scheduler
