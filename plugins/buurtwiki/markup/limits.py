"""Bounds on Markdown syntax per page, checked before parsing.

markdown-it-py parses in roughly linear time, but with a large constant for some characters:
half a megabyte of ``[`` took 15 s (64 s on a busy machine), footnote references multiply the
output (one back link per reference: 500 kB of ``[^a]`` became 16.8 MB of HTML). Counting a few
characters with ``str.count`` is linear and fast; a page over a bound is not rendered and the
resident gets a Dutch message. The bounds are far above what a page of text needs.
"""

from __future__ import annotations

# (what is counted, bound, how a resident recognises it)
LIMITS = (
    ("[^", 500, "voetnoten ([^…])"),
    ("[", 40_000, "haken ([) voor links"),  # 16,000 wikilinks are fine (tests/markup/test_big_pages.py)
    ("\n:", 2_000, "regels die met : beginnen (definities)"),
    ("*", 20_000, "sterretjes (*)"),
    ("_", 20_000, "liggende streepjes (_)"),
    ("|", 20_000, "verticale strepen (|) voor tabellen"),
)


def too_dense(body: str) -> str | None:
    """A Dutch message when the body holds more Markdown syntax than a page may, else None."""
    for text, bound, name in LIMITS:
        count = body.count(text)
        if count > bound:
            return (
                f"de tekst van deze pagina heeft {count} {name}; hoogstens {bound} zijn toegestaan. "
                "De tekst wordt daarom niet getoond. Verdeel hem over meer pagina's."
            )
    return None
