"""Every version, concurrently, from the cache: on throwaway sites built for real.

What the cache must never do is show stale output; what it must do is spare
work: a build with nothing changed runs nothing, an edit reruns only what it
touched, on every version.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from conftest import FixtureSite, recorded, snippet_block

from sitebuild import environments, interpreters
from sitebuild.interpreters import versions_label
from sitebuild.scheduling import Scheduler

VERSIONS = list(interpreters.SUPPORTED_VERSIONS)
N = len(VERSIONS)  # runs of one snippet
FIRST, SECOND = "snippets/fixture/first.py", "snippets/fixture/second.py"


def summary(build_log: str) -> str:
    """The build log's last line of the build code: '10 runs, 5 from the cache; slowest: ...'."""
    lines = re.findall(r"sitebuild: (.*)", build_log)
    assert lines, build_log
    return lines[-1]


def built(site: FixtureSite, **env: str) -> str:
    build = site.build(**env)
    log = build.stdout + build.stderr
    assert build.returncode == 0, log
    return log


def two_snippets(make_site: Callable[..., FixtureSite]) -> FixtureSite:
    return make_site(
        snippet_block(FIRST) + snippet_block(SECOND),
        {
            FIRST: "print('first, version one')\n",
            SECOND: "print('second')\n",
            **recorded(FIRST, "first, version one\n"),
            **recorded(SECOND, "second\n"),
        },
    )


def test_unchanged_build_runs_nothing_and_an_edit_reruns_only_its_snippet(
    make_site: Callable[..., FixtureSite],
) -> None:
    site = two_snippets(make_site)
    assert summary(built(site)).startswith(f"{2 * N} runs, 0 from the cache; slowest: ")
    assert len(site.cached_runs()) == 2 * N
    assert summary(built(site)) == f"{2 * N} runs, {2 * N} from the cache; slowest: nothing ran"

    site.write({FIRST: "print('first, version one')  # edited\n"})
    again = summary(built(site))
    assert again.startswith(f"{2 * N} runs, {N} from the cache; slowest: ")
    report = json.loads((site.folder / ".cache/sitebuild/last-runs.json").read_text("utf-8"))
    ran = sorted(entry["label"] for entry in report if not entry["from_cache"])
    assert ran == [f"fixture/first.py on {version}" for version in VERSIONS]


def test_edited_snippet_shows_its_new_output(make_site: Callable[..., FixtureSite]) -> None:
    site = two_snippets(make_site)
    built(site)
    assert "first, version one" in site.page()
    site.write({FIRST: "print('first, version two')\n", **recorded(FIRST, "first, version two\n")})
    built(site)
    assert "first, version two" in site.page()
    assert "first, version one" not in site.page()


def test_edited_local_module_reruns_the_snippet_that_imports_it(
    make_site: Callable[..., FixtureSite],
) -> None:
    site = make_site(
        snippet_block(FIRST),
        {
            FIRST: "from greeting import TEXT\n\nprint(TEXT)\n",
            "snippets/fixture/greeting.py": "TEXT = 'hello'\n",
            **recorded(FIRST, "hello\n"),
        },
    )
    built(site)
    site.write({"snippets/fixture/greeting.py": "TEXT = 'goodbye'\n"})
    build = site.build()
    assert build.returncode != 0  # the recording still says hello: the run was not reused
    log = build.stdout + build.stderr
    assert "-hello" in log and "+goodbye" in log


def test_failing_runs_are_not_cached(make_site: Callable[..., FixtureSite]) -> None:
    site = make_site(
        snippet_block(FIRST) + snippet_block(SECOND),
        {
            FIRST: "raise SystemExit('undeclared failure')\n",  # exits 1, not declared
            SECOND: "print('not what was recorded')\n",
            **recorded(FIRST, "undeclared failure\n", exit_status=1),
            **recorded(SECOND, "second\n"),
        },
    )
    assert site.build().returncode != 0
    assert site.cached_runs() == []


def test_no_cache_switch_reads_and_writes_nothing(make_site: Callable[..., FixtureSite]) -> None:
    site = two_snippets(make_site)
    built(site)
    assert summary(built(site, SNIPPETS_NO_CACHE="1")).startswith(f"{2 * N} runs, 0 from the cache")
    for entry in site.cached_runs():
        entry.unlink()
    built(site, SNIPPETS_NO_CACHE="1")
    assert site.cached_runs() == []


def test_versions_that_print_the_same_share_a_tab_and_each_its_own_expectations(
    make_site: Callable[..., FixtureSite],
) -> None:
    """Before the newest two versions it prints "old" and exits 1, as declared for
    those versions alone; on the newest two it prints "new": two tabs, newest first."""
    *older, second, newest = VERSIONS
    source = (
        "import sys\n\n"
        f"new = sys.version_info >= ({second.replace('.', ', ')})\n"
        'print("new" if new else "old")\n'
        "sys.exit(0 if new else 1)\n"
    )
    files = {
        FIRST: source,
        "snippets/fixture/expectations.toml": "".join(
            f'[first."{version}"]\nexit_status = 1\n' for version in older
        ),
        **recorded(FIRST, "new\n"),
    }
    for version in older:
        name = f"snippets/fixture/first.{version}.out"
        files[name] = recorded(FIRST, "old\n", 1)[name]
    site = make_site(snippet_block(FIRST), files)
    built(site)
    labels = re.findall(r'<label for="[^"]+">(Python [^<]+)</label>', site.page())
    assert labels == [
        f"Python {versions_label([second, newest])}",
        f"Python {versions_label(older)}",
    ]
    if VERSIONS == ["3.11", "3.12", "3.13", "3.14", "3.15"]:
        assert labels == ["Python 3.14\u20133.15", "Python 3.11\u20133.13"]
    assert site.page().count("[exit status 1]") == 1


def test_alone_snippet_runs_while_nothing_else_does(tmp_path: Path) -> None:
    """Real runs through the scheduler: each prints when it started and ended."""
    folder = tmp_path / "snippets" / "fixture"
    folder.mkdir(parents=True)
    source = "import time\n\nprint(time.time())\ntime.sleep(0.3)\nprint(time.time())\n"
    for name in ("alone", "busy_one", "busy_two"):
        (folder / f"{name}.py").write_text(source, "utf-8")
    (folder / "expectations.toml").write_text("[alone]\nalone = true\n", "utf-8")
    pythons, missing = environments.prepare(tmp_path)
    assert not missing
    scheduler = Scheduler(tmp_path, pythons, read_cache=False, write_cache=False)
    pairs = [(snippet, version) for snippet in sorted(folder.glob("*.py")) for version in pythons]
    scheduler.start(pairs)
    spans = {}
    for snippet, version in pairs:
        start, end = map(float, scheduler.result(snippet, version).output.split())
        spans[snippet.stem, version] = (start, end)
    scheduler.close()
    for (name, version), (start, end) in spans.items():
        if name == "alone":
            others = [span for key, span in spans.items() if key != (name, version)]
            assert all(e <= start or s >= end for s, e in others), (name, version, spans)
    busy = [span for (name, _), span in spans.items() if name != "alone"]
    assert any(s < e2 and s2 < e for s, e in busy for s2, e2 in busy if (s, e) != (s2, e2)), (
        "the other runs ran at the same time"
    )


def test_report_lists_every_run(make_site: Callable[..., FixtureSite]) -> None:
    site = two_snippets(make_site)
    built(site)
    report = json.loads((site.folder / ".cache/sitebuild/last-runs.json").read_text("utf-8"))
    assert sorted(entry["label"] for entry in report) == sorted(
        f"fixture/{name}.py on {version}" for name in ("first", "second") for version in VERSIONS
    )


def test_options_environment_and_stand_ins_show_in_the_transcript(tmp_path: Path) -> None:
    """What a snippet declares it needs is in the command the page shows."""
    folder = tmp_path / "snippets" / "fixture"
    folder.mkdir(parents=True)
    snippet = folder / "declared.py"
    snippet.write_text(
        "import os\nimport sys\nimport time\n\n"
        "print('dev mode:', sys.flags.dev_mode, os.environ['GREETING'])\n"
        "print(f'took {time.perf_counter()} seconds')\n",
        "utf-8",
    )
    (folder / "expectations.toml").write_text(
        "[declared]\n"
        'python_options = ["-X", "dev"]\n'
        'environment = { GREETING = "hello there" }\n'
        "replace = { 'took [0-9.]+ seconds' = 'took <time> seconds' }\n",
        "utf-8",
    )
    pythons, missing = environments.prepare(tmp_path)
    assert not missing
    scheduler = Scheduler(tmp_path, pythons, read_cache=False, write_cache=False)
    scheduler.start([(snippet, version) for version in pythons])
    try:
        for version in pythons:
            assert scheduler.result(snippet, version).transcript == (
                "$ GREETING='hello there' python -X dev snippets/fixture/declared.py\n"
                "dev mode: True hello there\n"
                "took <time> seconds\n"
            )
    finally:
        scheduler.close()


def test_a_data_file_of_the_folder_is_part_of_what_a_run_depends_on(
    make_site: Callable[..., FixtureSite],
) -> None:
    """A snippet may read its folder's files (a pytest.ini): editing one reruns it."""
    site = two_snippets(make_site)
    site.write({"snippets/fixture/settings.ini": "[settings]\nsize = 1\n"})
    built(site)
    assert summary(built(site)) == f"{2 * N} runs, {2 * N} from the cache; slowest: nothing ran"
    site.write({"snippets/fixture/settings.ini": "[settings]\nsize = 2\n"})
    assert summary(built(site)).startswith(f"{2 * N} runs, 0 from the cache")


def test_a_mismatch_runs_again_alone_and_is_named_in_the_summary(
    make_site: Callable[..., FixtureSite], tmp_path: Path
) -> None:
    """A first run that differs (as a measured time can under load) gets one more, alone."""
    marks = tmp_path / "first-runs"
    marks.mkdir()
    source = (
        "import sys\nfrom pathlib import Path\n\n"
        f"mark = Path({str(marks)!r}) / sys.version.split()[0]\n"
        "print('steady' if mark.exists() else 'drifted')\n"
        "mark.touch()\n"
    )
    site = make_site(snippet_block(FIRST), {FIRST: source, **recorded(FIRST, "steady\n")})
    log = built(site)
    line = summary(log)
    assert line.startswith(f"{N} runs, 0 from the cache"), line
    again = line.split("; ran again alone after a mismatch: ")[1]
    # the log shows what the first run printed instead
    assert log.count("did not match its recording; running it again alone") == N, log
    assert log.count("\n-steady\n+drifted\n") == N, log
    assert sorted(again.split(", ")) == [f"fixture/first.py on {v}" for v in VERSIONS]
    assert site.page().count("drifted") == 1, "only in the source, never as output"
    assert summary(built(site)) == f"{N} runs, {N} from the cache; slowest: nothing ran"
