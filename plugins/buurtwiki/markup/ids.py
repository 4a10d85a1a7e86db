"""Element ids that residents may choose, and which ones belong to the theme.

A resident writes ids two ways: raw HTML (``<h2 id="…">``) and headings, whose text becomes the
heading's id. Material looks its parts up by id (``#__config`` holds its configuration, read with
``document.querySelector``, which returns the *first* match: an element in the page body comes
before the theme's own), and so can the theme's and Buurtwiki's scripts. An id that could be
theirs is therefore never given to resident content: it gets the prefix ``id-``.

Theirs are: every id that starts with ``_`` (Material: ``__config``, ``__search``, ``__drawer``,
``__toc``, ``__palette_0``, ``__consent``, ``__codelineno-…``), ``md-`` or ``bw-`` (the theme's
and Buurtwiki's own prefixes), in any case.
"""

from __future__ import annotations

PREFIX = "id-"
THEME_PREFIXES = ("_", "md-", "bw-")
MAX_ID = 200  # characters; a longer id is cut (ids are never read past this)


def resident_id(value: str) -> str:
    """An id for resident content that is never one the theme or Buurtwiki uses."""
    value = value[:MAX_ID]
    if value.lower().startswith(THEME_PREFIXES):
        return PREFIX + value
    return value
