"""Links from Python names on the pages to the Python documentation, and the
version each name needs.

Owns ``python-objects.inv``, the Python documentation's own inventory of its
objects (Sphinx's ``objects.inv``), kept in this package for the newest
supported version, so that the build never goes online. Refresh it with
``python -m sitebuild.references``, which takes it from Debian unstable's
``python3.X-doc`` package (as ``provisioning`` takes interpreters); the build
fails, saying so, when the file is for another version than the newest
supported one. mkdocstrings reads the file; mkdocs-autorefs turns the names
into links (``use``).

What becomes a link (``Names``, a Markdown extension in ``mkdocs.yml``; and
``link_code`` for code blocks):

- in prose, a dotted name in inline code: ``asyncio.TaskGroup``,
  ``asyncio.run(main())`` (the name before the call), ``loop.time()`` (the
  documentation's ``asyncio.loop.time``), ``time.sleep``, ``Queue.shutdown()``
  (``asyncio.Queue.shutdown``). A name under ``asyncio`` or ``loop`` must be
  in the inventory: one that is not fails a strict build, naming the page
  (``failures``). Mark a name that no supported version documents (a removed
  API) with ``{.unlinked}`` after the code span. Headings keep plain code.
- in a Python code block, the same dotted names (where the inventory has
  them) and the modules of its ``import`` lines, as Pygments marked them: the
  links wrap the highlighter's spans, so the text a reader copies is unchanged.

Where a page first mentions a name in prose, a badge says which supported
versions have it ("3.13+"), when not all do (``badges``): each supported
interpreter is asked whether the name exists (``_EXISTS``), once per set of
names and interpreters (cached); the badge is derived from the same version
list as the output tabs.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as etree
import zlib
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from sitebuild import SiteBuildError
from sitebuild.cache import Store, digest, key
from sitebuild.environments import SnippetPython
from sitebuild.interpreters import SUPPORTED_VERSIONS

INVENTORY = Path(__file__).with_name("python-objects.inv")
UNLINKED = "unlinked"
"""The class (``{.unlinked}``) of a code span that names something no
supported version documents."""

_DOTTED = re.compile(r"(?<![\w.)\]])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")
_REQUIRED = ("asyncio", "loop")  # names under these must be in the inventory


@dataclass(frozen=True)
class Inventory:
    version: str  # "3.15"
    urls: dict[str, str]  # "asyncio.TaskGroup": "https://docs.python.org/3.15/..."
    modules: frozenset[str]  # "asyncio", "concurrent.futures", ...

    def resolve(self, name: str) -> str | None:
        """The inventory's name for ``name`` as written on a page, if it has one."""
        first = name.split(".")[0]
        candidates = [name]
        if first == "loop":
            candidates = [f"asyncio.{name}"]
        elif first[:1].isupper():  # Queue.shutdown
            candidates.append(f"asyncio.{name}")
        return next((found for found in candidates if found in self.urls), None)

    def required(self, name: str) -> bool:
        return name.split(".")[0] in _REQUIRED


@cache
def inventory(path: Path = INVENTORY) -> Inventory:
    """The Python documentation's names and their URLs: its objects (the py
    domain), then its pages and sections (``library/asyncio-platforms``, the
    std domain's labels)."""
    from mkdocstrings import Inventory as SphinxInventory  # only when a site uses it

    try:
        with path.open("rb") as file:
            objects = SphinxInventory.parse_sphinx(file, domain_filter=("py",))
            file.seek(0)
            sections = SphinxInventory.parse_sphinx(file, domain_filter=("std",))
    except (OSError, ValueError, zlib.error) as error:
        raise SiteBuildError(f"{path}: not a readable Sphinx inventory ({error})") from None
    newest = list(SUPPORTED_VERSIONS)[-1]
    if objects.version != newest:
        raise SiteBuildError(
            f"{path} is the inventory of Python {objects.version or '(no version)'}, "
            f"the newest supported version is {newest}: refresh it with "
            "`python -m sitebuild.references`"
        )
    base = f"https://docs.python.org/{objects.version}/"
    urls = {name: base + item.uri for name, item in {**sections, **objects}.items()}
    modules = frozenset(name for name, item in objects.items() if item.role == "module")
    return Inventory(objects.version, urls, modules)


_state: dict[str, Any] = {"inventory": None}
failures: list[str] = []
"""Names under ``asyncio`` or ``loop`` that a page shows and the inventory
lacks, since the hook last emptied the list."""


def use(autorefs: Any | None) -> None:
    """Give mkdocs-autorefs every name of the inventory and link names from now
    on; without the plugin (a site that does not configure it), link nothing."""
    failures.clear()
    if autorefs is None:
        _state["inventory"] = None
        return
    found = inventory()
    for name, url in found.urls.items():
        autorefs.register_url(name, url)
    _state["inventory"] = found


def unresolved() -> str:
    """What the page just converted named and the inventory lacks ("" if nothing)."""
    names, failures[:] = sorted(set(failures)), []
    if not names:
        return ""
    version = _state["inventory"].version
    return (
        f"not in the Python {version} documentation's inventory ({INVENTORY.name}): "
        f"{', '.join(names)}; mark a name that no supported version documents with "
        "{.unlinked} after its code span"
    )


class _ProseNames(Treeprocessor):
    """Inline code naming something in the inventory becomes an autoref."""

    def run(self, root: etree.Element) -> None:
        found = _state["inventory"]
        if found is None:  # a site without the autorefs plugin (hooks.on_config)
            return
        self.seen: set[str] = set()
        self._walk(root, found)

    def _walk(self, parent: etree.Element, found: Inventory) -> None:
        for child in list(parent):
            if child.tag in ("pre", "a", "autoref", "h1", "h2", "h3", "h4", "h5", "h6"):
                continue
            if child.tag == "code":
                if UNLINKED not in (child.get("class") or "").split():
                    self._link(parent, child, found)
            else:
                self._walk(child, found)

    def _link(self, parent: etree.Element, code: etree.Element, found: Inventory) -> None:
        """Replace ``code`` by its linked HTML (``_linked_span``), kept in Markdown's stash."""
        attributes = "".join(f' {name}="{escape(value)}"' for name, value in code.items())
        html = _linked_span(f"<code{attributes}>", code.text or "", found, self.seen)
        if html is None:
            return
        text = self.md.htmlStash.store(html) + (code.tail or "")
        index = list(parent).index(code)
        if index:
            parent[index - 1].tail = (parent[index - 1].tail or "") + text
        else:
            parent.text = (parent.text or "") + text
        parent.remove(code)


def _linked_span(opening: str, text: str, found: Inventory, seen: set[str]) -> str | None:
    """A code span (``opening``, then HTML-escaped ``text``) with its names as
    autorefs, and a badge after each name the page has not shown before
    (``seen``); None when it names nothing the inventory has."""
    names = _names_in(text, found)
    if not names:
        return None
    if _is_the_name(text, names):  # the whole code span is the link
        html = _autoref_html(names[0][1], f"{opening}{text}</code>")
    else:  # the names within a longer piece of code are links
        parts, position = [], 0
        for name, resolved in names:
            parts += [text[position : name.start()], _autoref_html(resolved, name[0])]
            position = name.end()
        html = f"{opening}{''.join(parts)}{text[position:]}</code>"
    for _, resolved in names:  # where the page introduces a name: its badge
        if resolved not in seen:
            seen.add(resolved)
            html += f'<span class="api-since" data-api="{resolved}"></span>'
    return html


def _names_in(text: str, found: Inventory) -> list[tuple[re.Match[str], str]]:
    """The dotted names in a piece of inline code that the inventory has.

    A name under ``asyncio`` or ``loop`` that it lacks goes to ``failures``.
    """
    names = []
    for match in _DOTTED.finditer(text):
        resolved = found.resolve(match[0])
        if resolved is not None:
            names.append((match, resolved))
        elif found.required(match[0]):
            failures.append(match[0])
    return names


def _is_the_name(text: str, names: list[tuple[re.Match[str], str]]) -> bool:
    """``asyncio.run`` or ``asyncio.run()``: the code is one name, nothing else."""
    return len(names) == 1 and names[0][0].span() == (0, len(text.removesuffix("()")))


_INLINE_CODE = re.compile(r"<code>([^<]*)</code>")


def link_inline_html(html: str) -> str:
    """The same links and badges as ``Names``, on HTML whose every ``<code>``
    is inline code in prose (a notebook page's: its code is not in ``<code>``)."""
    found = _state["inventory"]
    if found is None:
        return html
    seen: set[str] = set()
    return _INLINE_CODE.sub(
        lambda match: _linked_span("<code>", match[1], found, seen) or match[0], html
    )


def _autoref_html(name: str, text: str, *, optional: bool = False) -> str:
    return f'<autoref identifier="{name}"{" optional" if optional else ""}>{text}</autoref>'


class Names(Extension):
    """The Markdown side: ``- sitebuild.references`` in ``markdown_extensions``."""

    def extendMarkdown(self, md: Markdown) -> None:
        # after attr_list (8), which sets {.unlinked}; before toc (5)
        md.treeprocessors.register(_ProseNames(md), "sitebuild-names", 7)


def makeExtension(**kwargs: Any) -> Names:
    return Names(**kwargs)


_SPAN = r'<span class="n[a-z]?">([A-Za-z_]\w*)</span>'
_CODE_NAME = re.compile(rf'{_SPAN}(?:<span class="o">\.</span>{_SPAN})+')
_PART = re.compile(_SPAN)
_IMPORTED = re.compile(
    r'(?<=<span class="kn">import</span><span class="w"> </span>)'
    r'<span class="nn">([\w.]+)</span>|'
    r'(?<=<span class="kn">from</span><span class="w"> </span>)'
    r'<span class="nn">([\w.]+)</span>'
)


def link_code(html: str) -> str:
    """Names in Pygments-highlighted code wrapped in autorefs (text unchanged)."""
    found = _state["inventory"]
    if found is None:
        return html

    def dotted(match: re.Match[str]) -> str:
        resolved = found.resolve(".".join(_PART.findall(match[0])))
        if resolved is None:
            return match[0]
        return _autoref_html(resolved, match[0], optional=True)

    def module(match: re.Match[str]) -> str:
        name = match[1] or match[2]
        if name not in found.modules:
            return match[0]
        return _autoref_html(name, match[0], optional=True)

    return _IMPORTED.sub(module, _CODE_NAME.sub(dotted, html))


_EXISTS = """
import importlib, json, sys

def exists(name):
    parts = name.split(".")
    if parts[:2] == ["asyncio", "loop"]:  # the documentation's name for a loop's methods
        parts[:2] = ["asyncio", "AbstractEventLoop"]
    for split in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        try:
            for part in parts[split:]:
                found = getattr(found, part)
        except AttributeError:
            return False
        return True
    return False

print(json.dumps([name for name in json.load(sys.stdin) if exists(name)]))
"""


def _existing(python: SnippetPython, names: list[str]) -> list[str]:
    done = subprocess.run(
        [str(python.python), "-I", "-c", _EXISTS],
        input=json.dumps(names),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if done.returncode != 0:
        raise SiteBuildError(
            f"Python {python.version} could not check which names exist:\n{done.stderr}"
        )
    return json.loads(done.stdout)


def since(names: Iterable[str], pythons: dict[str, SnippetPython], root: Path) -> dict[str, str]:
    """For each name that not every supported version has: "3.13+" or "3.11–3.13"."""
    wanted = sorted(set(names))
    versions = list(SUPPORTED_VERSIONS)
    if not wanted or set(pythons) != set(versions):  # a partial list would mislead
        return {}
    inputs = {
        "names": wanted,
        "check": digest(_EXISTS.encode()),
        "pythons": {version: pythons[version].sys_version for version in versions},
    }
    store = Store(root, "names")
    stored = store.get(key(inputs))
    if stored is None:
        with ThreadPoolExecutor(len(versions)) as pool:
            answers = pool.map(lambda version: _existing(pythons[version], wanted), versions)
            stored = {"inputs": inputs, "exists": dict(zip(versions, answers, strict=True))}
        store.put(key(inputs), stored)
    badges = {}
    for name in wanted:
        having = [version for version in versions if name in stored["exists"][version]]
        if not having or having == versions:
            continue  # everywhere, or a name no interpreter can look up (an attribute)
        first, last = having[0], having[-1]
        if having != versions[versions.index(first) : versions.index(last) + 1]:
            continue  # came and went: no one range says it
        badges[name] = f"{first}+" if last == versions[-1] else f"{first}\u2013{last}"
    return badges


_BADGE = re.compile(r'<span class="api-since" data-api="([\w.]+)"></span>')


def badges(pages: list[Any], pythons: dict[str, SnippetPython], root: Path) -> None:
    """Fill in (or drop) the badges the pages' first mentions left."""
    found = since((name for page in pages for name in _BADGE.findall(page.content)), pythons, root)

    def badge(match: re.Match[str]) -> str:
        text = found.get(match[1])
        if text is None:
            return ""
        versions = text.replace("+", " and later").replace("\u2013", " to ")
        return f'<span class="api-since" title="In Python {versions}">{text}</span>'

    for page in pages:
        page.content = _BADGE.sub(badge, page.content)


def refresh(version: str = list(SUPPORTED_VERSIONS)[-1]) -> Path:
    """Take ``objects.inv`` from Debian unstable's ``python{version}-doc`` into INVENTORY."""
    import tempfile

    from sitebuild import provisioning

    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        apt = provisioning.unstable_apt(work)
        package = f"python{version}-doc"
        subprocess.run(["apt-get", *apt, "download", package], cwd=work / "debs", check=True)
        [deb] = (work / "debs").glob(f"{package}_*.deb")
        member = f"./usr/share/doc/python{version}/html/objects.inv"
        tar = subprocess.run(
            ["dpkg-deb", "--fsys-tarfile", deb], capture_output=True, check=True
        ).stdout
        extracted = subprocess.run(
            ["tar", "-xO", member], input=tar, capture_output=True, check=True
        ).stdout
    INVENTORY.write_bytes(extracted)
    inventory.cache_clear()
    inventory()  # the new file is a readable inventory of that version
    return INVENTORY


if __name__ == "__main__":
    print(f"wrote {refresh(*sys.argv[1:2])}")
