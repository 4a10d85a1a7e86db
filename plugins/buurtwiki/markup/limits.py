"""Bounds on Markdown syntax per page, checked before parsing.

markdown-it-py parses in roughly linear time, but with a large constant for some characters:
half a megabyte of ``[`` took 15 s (64 s on a busy machine), footnote references multiply the
output (one back link per reference: 500 kB of ``[^a]`` became 16.8 MB of HTML). Counting a few
characters with ``str.count`` is linear and fast; a page over a bound is not rendered and the
resident gets a Dutch message. The bounds are far above what a page of text needs.
"""

from __future__ import annotations

import re

# (what is counted, bound, how a resident recognises it)
LIMITS = (
    ("[^", 500, "voetnoten ([^…])"),
    ("[", 40_000, "haken ([) voor links"),  # 16,000 wikilinks are fine (tests/markup/test_big_pages.py)
    ("\n:", 2_000, "regels die met : beginnen (definities)"),
    ("*", 20_000, "sterretjes (*)"),
    ("_", 20_000, "liggende streepjes (_)"),
    ("|", 20_000, "verticale strepen (|) voor tabellen"),
)


# HTML in the text may nest this deep. The sanitiser (nh3, html5ever) takes time that grows with
# the square of the depth for some elements: 500 kB of ``<dl><dd>`` took 41 s, ``<b><i><u><div>``
# 6 s. A text is 20 deep at most; at 100 every shape measured stays under 0.1 s per page.
MAX_HTML_DEPTH = 100
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]{0,30})")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"})
# Formatting elements: the parser closes one without closing the blocks opened inside it
# (``<b><div></b>`` leaves the div open: html5ever's "adoption agency"), so their end tag only takes
# them off the stack; any other end tag closes everything opened after its element.
_FORMATTING = frozenset({"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"})
# an element that a new one of its kind (or its partner) closes: <p>a<p>b is two paragraphs side by side
_SIBLINGS = {"p": {"p"}, "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "option": {"option"},
             "tr": {"tr"}, "td": {"td", "th"}, "th": {"td", "th"}}


def html_depth(body: str, stop: int = MAX_HTML_DEPTH) -> int:
    """How deep the HTML tags of ``body`` nest (as a browser would see them, roughly); counting
    stops above ``stop``. A closing tag closes the nearest open element of its name, if any."""
    stack: list[str] = []
    deepest = 0
    for match in _TAG.finditer(body):
        name = match.group(2).lower()
        if match.group(1):
            for i in range(len(stack) - 1, -1, -1):
                if stack[i] == name:
                    if name in _FORMATTING:
                        del stack[i]
                    else:
                        del stack[i:]
                    break
        elif name not in _VOID:
            if stack and stack[-1] in _SIBLINGS.get(name, ()):
                stack.pop()
            stack.append(name)
            deepest = max(deepest, len(stack))
            if deepest > stop:
                break
    return deepest


def too_dense(body: str) -> str | None:
    """A Dutch message when the body holds more Markdown syntax than a page may, else None."""
    for text, bound, name in LIMITS:
        count = body.count(text)
        if count > bound:
            return (
                f"de tekst van deze pagina heeft {count} {name}; hoogstens {bound} zijn toegestaan. "
                "De tekst wordt daarom niet getoond. Verdeel hem over meer pagina's."
            )
    if "<" in body and html_depth(body) > MAX_HTML_DEPTH:
        return (
            f"de HTML in de tekst van deze pagina zit meer dan {MAX_HTML_DEPTH} lagen diep in elkaar. De tekst "
            "wordt daarom niet getoond. Sluit elke HTML-tag, of schrijf de tekst in Markdown."
        )
    return None
