"""Lighthouse's scores for every page of the built site, against targets.

    python scripts/lighthouse.py [--site DIR] [--pages PATH ...] [--runs N]

Builds the site (``mkdocs build --strict`` into a temporary folder) unless
``--site`` names a built one, serves it on 127.0.0.1, and runs Lighthouse 12
on every page (its default: a mobile device with simulated throttling), in
Debian's Chromium. Prints the four category scores of each page, each the
median of ``--runs`` runs (3: the performance score moves by a few points
from one run to the next with the machine's load), and exits 1 if one misses
its target: accessibility, best practices and SEO 100, performance at least
98.

Lighthouse comes from npm, pinned (12.2.3: 13 needs Node 22), installed on
first use into ``.cache/tools/lighthouse``. This is a measurement, run by
hand or before a release; no test depends on it.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = "lighthouse@12.2.3"
TOOLS = ROOT / ".cache" / "tools" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = " ".join(
    [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
)
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}


class CompressingHandler(SimpleHTTPRequestHandler):
    """Files of the site, gzip-compressed when the browser accepts it, as
    GitHub Pages serves them (uncompressed, the scores would measure the
    test server, not the site)."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def lighthouse_cli() -> Path:
    cli = TOOLS / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.is_file():
        TOOLS.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--silent", "--no-fund", "--no-audit", "-E", LIGHTHOUSE],
            cwd=TOOLS,
            check=True,
        )
    return cli


def built_site(folder: Path) -> Path:
    site = folder / "site"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
    )
    return site


def page_paths(site: Path) -> list[str]:
    """Every page's path on the site: "" for the home page, "tasks/", ..."""
    return sorted(
        "" if path.parent == site else f"{path.parent.relative_to(site).as_posix()}/"
        for path in site.rglob("index.html")
        if "assets" not in path.parts
    )


def scores(cli: Path, url: str) -> dict[str, int]:
    done = subprocess.run(
        [
            "node",
            str(cli),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            f"--chrome-path={CHROMIUM}",
            f"--chrome-flags={CHROMIUM_FLAGS}",
            f"--only-categories={','.join(TARGETS)}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    categories = json.loads(done.stdout)["categories"]
    return {name: round(categories[name]["score"] * 100) for name in TARGETS}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--pages", nargs="*", help="page paths (default: every page)")
    parser.add_argument(
        "--runs", type=int, default=3, help="runs per page; scores are their median"
    )
    arguments = parser.parse_args()
    if not shutil.which("node") or not Path(CHROMIUM).exists():
        sys.exit("needs node and npm (Lighthouse) and Debian's chromium")
    cli = lighthouse_cli()

    with tempfile.TemporaryDirectory(prefix="lighthouse-") as temporary:
        site = arguments.site or built_site(Path(temporary))
        server = ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(CompressingHandler, directory=site)
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        origin = f"http://127.0.0.1:{server.server_address[1]}"
        missed = 0
        header = " ".join(f"{name:>14}" for name in TARGETS)
        print(f"{'page':28} {header}")
        for path in arguments.pages or page_paths(site):
            runs = [scores(cli, f"{origin}/{path}") for _ in range(arguments.runs)]
            found = {name: statistics.median_low(run[name] for run in runs) for name in TARGETS}
            low = [name for name, score in found.items() if score < TARGETS[name]]
            missed += bool(low)
            row = " ".join(f"{found[name]:>14}" for name in TARGETS)
            print(f"{path or '(home)':28} {row}{'  MISS: ' + ', '.join(low) if low else ''}")
        server.shutdown()
    targets = ", ".join(f"{name} >= {score}" for name, score in TARGETS.items())
    print(f"\n{'every page meets' if not missed else f'{missed} page(s) miss'}: {targets}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
