"""The timeline figure: an inline SVG drawn from a run's printed output.

Owns ``timeline="1"`` on a ``pyfile`` block: every output line like
``worker-1 starts job 3 (0.42 s)`` becomes a box in that worker's row, placed
after the worker's previous box and as long as the printed duration. The SVG
has a title and a text description (its text alternative) and draws with
``currentColor``, so it follows the light and dark colour schemes.
"""

from __future__ import annotations

import re
from html import escape

from sitebuild import SiteBuildError

TIMELINE_LINE = re.compile(
    r"^(?P<lane>\S+) starts (?P<label>.+?) \((?P<seconds>\d+(?:\.\d+)?) s\)$", re.MULTILINE
)
"""A line that a timeline draws: ``worker-1 starts job 3 (0.42 s)``."""


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
        raise SiteBuildError(
            "timeline: the output has no line like 'worker-1 starts job 3 (0.42 s)'"
        )
    total = max(end for bars in lanes.values() for _, _, end in bars)
    left, width, row = 90, 570, 40
    scale = width / total
    height = row * len(lanes) + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {left + width + 20} {height}" '
        f'role="img" aria-labelledby="timeline-title timeline-desc" class="diagram" '
        f'font-family="sans-serif" font-size="12">',
        f'<title id="timeline-title">{escape(title)}</title>',
    ]
    description = "; ".join(
        f"{lane}: "
        + ", ".join(f"{label} from {start:.2f} s to {end:.2f} s" for label, start, end in bars)
        for lane, bars in lanes.items()
    )
    parts.append(f'<desc id="timeline-desc">{escape(description)}.</desc>')
    for index, (lane, bars) in enumerate(lanes.items()):
        y = index * row + 10
        parts.append(f'<text x="4" y="{y + 20}" fill="currentColor">{escape(lane)}</text>')
        for label, start, end in bars:
            x, w = left + start * scale, (end - start) * scale
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{row - 10}" rx="4" '
                f'fill="var(--md-primary-fg-color, #3f51b5)" fill-opacity="0.25" '
                f'stroke="currentColor"/>'
                f'<text x="{x + w / 2:.1f}" y="{y + 19}" text-anchor="middle" '
                f'fill="currentColor">{escape(label.removeprefix("job "))}</text>'
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
