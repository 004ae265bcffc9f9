"""The timeline figure: an inline SVG drawn from the times a run measured and printed.

Owns ``timeline="<seconds>"`` on a ``pyfile`` block: the figure's time axis
runs to at least that many seconds. A snippet that wants its run drawn
prints, for each piece of work, one line with the times it measured from its
own start, floored to tenths of a second::

    worker-2: job 4 from 0.3 s to 0.6 s
    job 3: from 0.0 s to 0.5 s (cancelled)

that is, a lane (a row of the figure), a colon, an optional label, ``from
<start> s to <end> s``, and an optional note in parentheses. Each line
becomes a box in its lane's row (rows in natural order: worker-2 before
worker-10), from start to end, showing its label and note when they fit; a
box with a note is drawn dashed. The figure's text
alternative lists every box, notes included. The SVG draws with
``currentColor`` and the theme's primary colour, so it follows the light and
dark colour schemes.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from html import escape

from sitebuild import SiteBuildError

TIMELINE_LINE = re.compile(
    r"^(?P<lane>[^:\n]+): (?P<label>[^\n]*?)\s*from (?P<start>\d+(?:\.\d+)?) s"
    r" to (?P<end>\d+(?:\.\d+)?) s(?: \((?P<note>[^)\n]*)\))?$",
    re.MULTILINE,
)
"""A line a timeline draws: ``worker-2: job 4 from 0.3 s to 0.6 s (note)``."""


@dataclass(frozen=True)
class Box:
    lane: str
    label: str
    start: float
    end: float
    note: str


def boxes(output: str) -> list[Box]:
    """Every timeline line of ``output``, in the order printed."""
    return [
        Box(m["lane"], m["label"], float(m["start"]), float(m["end"]), m["note"] or "")
        for m in TIMELINE_LINE.finditer(output.replace("\r", ""))
    ]


def _natural(lane: str) -> list[int | str]:
    """Sort key: "worker-2" before "worker-10"."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", lane)]


def _describe(box: Box) -> str:
    what = f"{box.label} " if box.label else ""
    note = f" ({box.note})" if box.note else ""
    return f"{box.lane}: {what}from {box.start:g} s to {box.end:g} s{note}"


def timeline_svg(output: str, title: str, figure_id: str, at_least: float = 0) -> str:
    """Draw the run's timeline lines as one row per lane (see the module docstring).

    The time axis runs to the last end, or to ``at_least`` seconds if that is
    later (two figures meant to be compared get the same scale).
    ``figure_id`` makes the ids of the figure's title and description unique
    on the page.
    """
    drawn = boxes(output)
    if not drawn:
        raise SiteBuildError(
            "timeline: the output has no line like 'worker-2: job 4 from 0.3 s to 0.6 s'"
        )
    lanes = sorted({box.lane for box in drawn}, key=_natural)
    total = max(max(box.end for box in drawn), at_least) or 1.0
    step = 0.1 if total <= 1 else 0.5 if total <= 4 else 1.0
    axis_end = math.ceil(total / step) * step
    left = 12 + 7 * max(len(lane) for lane in lanes)
    width, row = 560, 34
    scale = width / axis_end
    height = row * len(lanes) + 40
    title_id, desc_id = f"{figure_id}-title", f"{figure_id}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {left + width + 24} {height}" '
        f'role="img" aria-labelledby="{title_id} {desc_id}" class="diagram timeline" '
        f'font-family="sans-serif" font-size="12">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape("; ".join(_describe(box) for box in drawn))}.</desc>',
    ]
    for index, lane in enumerate(lanes):
        y = index * row + 8
        parts.append(f'<text x="4" y="{y + 17}" fill="currentColor">{escape(lane)}</text>')
    for box in drawn:
        y = lanes.index(box.lane) * row + 8
        x, w = left + box.start * scale, max((box.end - box.start) * scale, 2)
        dash = ' stroke-dasharray="4 3"' if box.note else ""
        parts.append(
            f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{row - 10}" rx="3" '
            f'fill="var(--md-primary-fg-color, #3f51b5)" fill-opacity="0.25" '
            f'stroke="currentColor"{dash}/>'
        )
        text = ", ".join(part for part in (box.label, box.note) if part)
        if len(text) * 7 >= w:  # too long for the box: the label's last word
            text = box.label.rsplit(" ", 1)[-1]
        if text and len(text) * 7 < w:
            parts.append(
                f'<text x="{x + w / 2:.1f}" y="{y + 16}" text-anchor="middle" '
                f'fill="currentColor">{escape(text)}</text>'
            )
    axis_y = row * len(lanes) + 12
    parts.append(
        f'<line x1="{left}" y1="{axis_y}" x2="{left + width}" y2="{axis_y}" stroke="currentColor"/>'
    )
    for tick in range(round(axis_end / step) + 1):
        x = left + tick * step * scale
        parts.append(
            f'<text x="{x:.1f}" y="{axis_y + 15}" text-anchor="middle" '
            f'fill="currentColor">{round(tick * step, 1):g} s</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
