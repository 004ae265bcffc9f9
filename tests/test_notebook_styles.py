"""A notebook page keeps only the inline CSS rules that can style something on it.

mkdocs-jupyter inlines all of JupyterLab's CSS into the page; the build drops
the rules whose styled element is not in the notebook. The whole notebook
page is built and checked in a browser by ``test_browser.py``; this pins the
rule on a small page (the same with or without the shortcut for selectors of
plain class names, which only saves asking soupsieve).
"""

from __future__ import annotations

from sitebuild.notebooks import _pruned_styles

PAGE = """<div class="cell used"><p class="other">text</p></div><style>
.used{a:1}
.absent{a:2}
div.used{a:3}
div.used.other{a:4}
p.other{a:5}
.wrapper .other{a:6}
.used:hover{a:7}
[data-kind]{a:8}
@font-face{font-family:x}
@media (min-width:1px){.absent{a:9}.other{a:10}}
@media print{.absent{a:11}}
.absent,.used{a:12}
.1a{a:13}
</style>"""


def test_rules_that_style_nothing_on_the_page_are_dropped() -> None:
    styles = _pruned_styles(PAGE).split("<style>", 1)[1]
    # Dropped: .absent (no element has it), div.used.other (no one element
    # has both), [data-kind] (no element has the attribute), @media print
    # (all its rules dropped).
    assert styles == (
        ".used{a:1}"
        "div.used{a:3}"
        "p.other{a:5}"
        ".wrapper .other{a:6}"  # ancestors are not checked: the theme's may match
        ".used:hover{a:7}"
        "@font-face{font-family:x}"
        "@media (min-width:1px){.other{a:10}}"
        ".absent,.used{a:12}"
        ".1a{a:13}"  # not a valid selector: what cannot be checked is kept
        "</style>"
    )
