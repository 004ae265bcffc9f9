"""The site's build tooling: every snippet, run on every supported Python, on its page.

One module per concern:

- ``interpreters``: the supported versions, and finding an interpreter for each;
- ``provisioning``: making an interpreter no installer here can download;
- ``environments``: one virtual environment per version with the snippets' pins;
- ``running``: running one snippet as a real process, normalising its output;
- ``recordings``: recorded transcripts and ``expectations.toml``, and checking
  a run against them;
- ``cache``: the content-addressed store of runs and executed notebooks;
- ``scheduling``: starting every run a build needs at once, bounded, and the
  summary of what ran;
- ``notebooks``: executing notebook pages for mkdocs-jupyter to render;
- ``fence``: the ``pyfile`` Markdown fence, declared in ``mkdocs.yml``;
- ``changes``: the "What changed between versions" page, from the recordings;
- ``timeline``: the SVG figure drawn from a run's output;
- ``references``: links from Python names to the Python documentation, and
  the version badges;
- ``hooks``: the MkDocs hook, for the build's lifecycle only.
"""

import sys


class SiteBuildError(Exception):
    """A problem the build reports; its message names the file concerned."""


# After SiteBuildError, which the module uses:
from sitebuild.interpreters import SUPPORTED_VERSIONS, in_words  # noqa: E402

if sys.version_info < (3, 11):  # noqa: UP036 (what pyproject requires, said plainly)
    supported = in_words(list(SUPPORTED_VERSIONS))
    raise SystemExit(
        "The site's build tooling needs Python 3.11 or newer (this is "
        f"{sys.version.split()[0]}); its snippets run on Python {supported}."
    )
