"""Run snippet files as real Python scripts and show their output on the site.

This is the project's only build glue. It is used in two places:

* by ``snippets/test_snippets.py`` (``pytest snippets/``), which compares each
  snippet's output with the recording checked in beside it;
* by MkDocs, as a hook (``hooks:`` in ``mkdocs.yml``), which registers a
  ``pyfile`` fence with markdown-exec.  A page embeds a snippet with::

      ```pyfile exec="1"
      snippets/what-is-a-coroutine/never_awaited.py
      ```

  and gets the file's source (titled with its file name) followed by the
  output of running it, produced during the build.

A snippet runs as ``python snippets/<page>/<name>.py`` from the repository root,
in a fresh interpreter, with stdout and stderr merged in the order they were
written (unbuffered, as in a terminal).  The output is made machine-independent:
absolute paths become repository-relative (stdlib and site-packages frames
become ``<stdlib>/`` and ``<site-packages>/``) and memory addresses become
``0x...``.  Nothing else is changed.

What a snippet must do besides printing its recorded output (exit status,
warnings, time limit) is declared in ``expectations.toml`` in its folder.
"""

from __future__ import annotations

import difflib
import os
import platform
import re
import subprocess
import sys
import sysconfig
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
"""The repository root: snippets run from here, and paths are shown relative to it.

During a build it is the folder of the mkdocs.yml being built (see ``on_config``)."""

DEFAULT_TIMEOUT = 30.0
"""Seconds a snippet may run before it is killed (``timeout`` in expectations.toml)."""

PYTHON_VERSION = platform.python_version()
"""The version that produces every output on the site."""

WARNING_LINE = re.compile(r"^\S.*:\d+: (?P<category>\w*Warning): ", re.MULTILINE)
"""A line written by the warnings module: ``file:line: Category: message``."""

_ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{6,}\b")


class SnippetError(Exception):
    """A snippet is missing, hangs, or does not behave as declared."""


@dataclass(frozen=True)
class Expectations:
    """What ``expectations.toml`` declares for one snippet."""

    exit_status: int = 0
    warnings: tuple[str, ...] = ()
    timeout: float = DEFAULT_TIMEOUT


@dataclass(frozen=True)
class Run:
    """One run of a snippet: its normalised, merged output and its exit status."""

    path: str  # relative to ROOT, with forward slashes
    output: str
    exit_status: int
    warnings: tuple[str, ...] = field(default=())

    @property
    def transcript(self) -> str:
        """What a terminal shows: the command, the output, and a nonzero status."""
        text = f"$ python {self.path}\n{self.output}"
        if text and not text.endswith("\n"):
            text += "\n"
        if self.exit_status:
            text += f"[exit status {self.exit_status}]\n"
        return text


def snippet_files() -> list[Path]:
    """Every snippet: ``snippets/<page>/<name>.py``, less tests and private modules."""
    return sorted(
        path
        for path in (ROOT / "snippets").glob("*/*.py")
        if not path.name.startswith(("_", "test_"))
    )


def expectations_for(snippet: Path) -> Expectations:
    """Read the declared behaviour of ``snippet`` from its folder's expectations.toml."""
    manifest = snippet.parent / "expectations.toml"
    if not manifest.is_file():
        return Expectations()
    with manifest.open("rb") as file:
        table = tomllib.load(file)
    entry: dict[str, Any] = table.get(snippet.stem, {})
    unknown = set(entry) - {"exit_status", "warnings", "timeout"}
    if unknown:
        raise SnippetError(f"{manifest}: [{snippet.stem}] has unknown keys {sorted(unknown)}")
    return Expectations(
        exit_status=int(entry.get("exit_status", 0)),
        warnings=tuple(entry.get("warnings", ())),
        timeout=float(entry.get("timeout", DEFAULT_TIMEOUT)),
    )


def _machine_paths() -> list[tuple[str, str]]:
    """Absolute paths of this machine, most specific first, with their stand-ins."""
    paths = sysconfig.get_paths()
    pairs = [
        (paths["purelib"], "<site-packages>"),
        (paths["platlib"], "<site-packages>"),
        (paths["stdlib"], "<stdlib>"),
        (paths["platstdlib"], "<stdlib>"),
        (str(ROOT), "."),
    ]
    return sorted(set(pairs), key=lambda pair: len(pair[0]), reverse=True)


def normalise(text: str) -> str:
    """Make output independent of the machine and of the run (see module docstring)."""
    for path, stand_in in _machine_paths():
        text = text.replace(path + os.sep, "" if stand_in == "." else stand_in + "/")
        text = text.replace(path, stand_in)
    return _ADDRESS.sub("0x...", text)


def _environment() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env.update(
        PYTHONUNBUFFERED="1",  # keep stdout and stderr in the order they were written
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONIOENCODING="utf-8",
        PYTHON_COLORS="0",
        NO_COLOR="1",
        LC_ALL="C.UTF-8",
    )
    return env


def relative(snippet: Path) -> str:
    return snippet.resolve().relative_to(ROOT).as_posix()


def run(snippet: Path) -> Run:
    """Run ``snippet`` as a script from the repository root and return what it printed."""
    snippet = snippet.resolve()
    rel = relative(snippet)
    timeout = expectations_for(snippet).timeout
    try:
        process = subprocess.run(
            [sys.executable, rel],
            cwd=ROOT,
            env=_environment(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        partial = normalise((error.output or b"").decode("utf-8", "replace"))
        raise SnippetError(
            f"{rel}: killed after running for more than {timeout:g} s "
            f"(timeout in expectations.toml). Output so far:\n{partial}"
        ) from None
    output = normalise(process.stdout.decode("utf-8", "replace"))
    found = tuple(match["category"] for match in WARNING_LINE.finditer(output))
    return Run(path=rel, output=output, exit_status=process.returncode, warnings=found)


def expected_output_path(snippet: Path) -> Path:
    """Where the recorded transcript of ``snippet`` lives: beside it, as ``<name>.out``."""
    return snippet.with_suffix(".out")


def check(result: Run, expected: Expectations) -> None:
    """Raise SnippetError if a run breaks what expectations.toml declares."""
    problems = []
    if result.exit_status != expected.exit_status:
        problems.append(
            f"exited with status {result.exit_status}, "
            f"expected {expected.exit_status} (exit_status in expectations.toml)"
        )
    if sorted(set(result.warnings)) != sorted(set(expected.warnings)):
        problems.append(
            f"printed warnings {sorted(set(result.warnings)) or 'none'}, "
            f"expected {sorted(set(expected.warnings)) or 'none'} (warnings in expectations.toml)"
        )
    if not result.output.strip():
        problems.append("printed nothing: a snippet on the site must show some output")
    if problems:
        raise SnippetError(
            f"{result.path}: " + "; ".join(problems) + "\nOutput was:\n" + result.output
        )


# ---------------------------------------------------------------------------
# MkDocs hook: the ``pyfile`` fence, registered with markdown-exec.
# ---------------------------------------------------------------------------


@cache
def _cached_run(snippet: Path, source: str) -> Run:
    """Run once per source text within one process (``mkdocs serve`` rebuilds)."""
    del source  # part of the cache key only
    return run(snippet)


def _code_block(language: str, code: str, title: str) -> str:
    fence = "`" * 8
    return f'{fence}{language} title="{title}"\n{code.rstrip(chr(10))}\n{fence}'


TIMELINE_LINE = re.compile(
    r"^(?P<lane>\S+) starts (?P<label>.+?) \((?P<seconds>\d+(?:\.\d+)?) s\)$", re.MULTILINE
)
"""A line that a ``timeline="1"`` block draws: ``worker-1 starts job 3 (0.42 s)``."""


def timeline_svg(output: str, title: str) -> str:
    """Draw the printed run as one lane per worker, each bar a job.

    Each lane's bars follow each other in the order the run printed them, each
    as long as its printed duration: a worker takes its next job as soon as it
    is free, so this is when each job ran (to within the loop's scheduling delay).
    """
    lanes: dict[str, list[tuple[str, float, float]]] = {}
    for match in TIMELINE_LINE.finditer(output.replace("\r", "")):
        bars = lanes.setdefault(match["lane"], [])
        start = bars[-1][2] if bars else 0.0
        bars.append((match["label"], start, start + float(match["seconds"])))
    if not lanes:
        raise SnippetError("timeline: the output has no line like 'worker-1 starts job 3 (0.42 s)'")
    total = max(end for bars in lanes.values() for _, _, end in bars)
    left, width, row = 90, 570, 40
    scale = width / total
    height = row * len(lanes) + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {left + width + 20} {height}" '
        f'role="img" aria-labelledby="timeline-title timeline-desc" class="diagram" '
        f'font-family="sans-serif" font-size="12">',
        f'<title id="timeline-title">{title}</title>',
    ]
    description = "; ".join(
        f"{lane}: "
        + ", ".join(f"{label} from {start:.2f} s to {end:.2f} s" for label, start, end in bars)
        for lane, bars in lanes.items()
    )
    parts.append(f'<desc id="timeline-desc">{description}.</desc>')
    for index, (lane, bars) in enumerate(lanes.items()):
        y = index * row + 10
        parts.append(f'<text x="4" y="{y + 20}" fill="currentColor">{lane}</text>')
        for label, start, end in bars:
            x, w = left + start * scale, (end - start) * scale
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{row - 10}" rx="4" '
                f'fill="var(--md-primary-fg-color, #3f51b5)" fill-opacity="0.25" '
                f'stroke="currentColor"/>'
                f'<text x="{x + w / 2:.1f}" y="{y + 19}" text-anchor="middle" '
                f'fill="currentColor">{label.removeprefix("job ")}</text>'
            )
    axis_y = row * len(lanes) + 15
    parts.append(
        f'<line x1="{left}" y1="{axis_y}" x2="{left + width}" y2="{axis_y}" stroke="currentColor"/>'
    )
    for tick in range(int(total * 2) + 1):
        x = left + tick / 2 * scale
        parts.append(
            f'<text x="{x:.1f}" y="{axis_y + 15}" text-anchor="middle" '
            f'fill="currentColor">{tick / 2:g} s</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def render(snippet_ref: str, *, timeline: str = "") -> str:
    """Markdown for one ``pyfile`` block: the source, then the output of a real run.

    Every problem is raised as markdown-exec's ExecutionError, which it logs as a
    warning naming the file, so ``mkdocs build --strict`` fails.  (An exception
    of any other type would be swallowed by pymdownx.superfences and the block
    would silently vanish.)
    """
    from markdown_exec import ExecutionError

    ref = snippet_ref.strip()
    try:
        snippet = (ROOT / ref).resolve()
        if not snippet.is_file() or snippet.suffix != ".py":
            raise SnippetError(
                f"{ref}: snippet file not found (pyfile paths are relative to {ROOT.name}/)"
            )
        source = snippet.read_text(encoding="utf-8")
        result = _cached_run(snippet, source)
        check(result, expectations_for(snippet))
        golden = expected_output_path(snippet)
        if not golden.is_file():
            raise SnippetError(
                f"{ref}: no recorded output yet; record it with "
                f"`pytest snippets/ --force-regen -k {snippet.name}`"
            )
        recorded = golden.read_text(encoding="utf-8")
        if recorded != result.transcript:
            diff = "".join(
                difflib.unified_diff(
                    recorded.splitlines(keepends=True),
                    result.transcript.splitlines(keepends=True),
                    fromfile=relative(golden),
                    tofile="this build",
                )
            )
            raise SnippetError(f"{ref}: output differs from the recording:\n{diff}")
        blocks = [
            f'<div class="snippet" data-snippet="{result.path}" markdown>',
            _code_block("python", source, snippet.name),
            _code_block("console", result.transcript, f"Output (Python {PYTHON_VERSION})"),
            "</div>",
        ]
        if timeline:
            figure_title = f"Timeline of the run of {snippet.name} above"
            blocks += [
                '<figure class="timeline">',
                timeline_svg(result.output, figure_title),
                f"<figcaption>{figure_title}: one row per worker, one box per job "
                "(its number), as long as the job's printed duration.</figcaption>",
                "</figure>",
            ]
        return "\n\n".join(blocks)
    except ExecutionError:
        raise
    except Exception as error:
        raise ExecutionError(f"{type(error).__name__}: {error}") from error


def _format_pyfile(code: str, md: Any, **options: Any) -> Any:
    from markdown_exec import base_format

    def run_block(code: str, timeline: str = "", **_: Any) -> str:
        return render(code, timeline=timeline)

    return base_format(language="pyfile", run=run_block, code=code, md=md, **options)


def on_config(config: Any) -> Any:
    """MkDocs hook: teach markdown-exec the ``pyfile`` fence."""
    import markdown_exec

    global ROOT
    ROOT = Path(config.config_file_path).resolve().parent
    markdown_exec.formatters["pyfile"] = _format_pyfile
    fences = config.mdx_configs.setdefault("pymdownx.superfences", {}).setdefault(
        "custom_fences", []
    )
    fences.append(
        {
            "name": "pyfile",
            "class": "pyfile",
            "validator": markdown_exec.validator,
            "format": markdown_exec.formatter,
        }
    )
    return config
