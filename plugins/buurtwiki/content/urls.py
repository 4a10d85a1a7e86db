"""Relative URLs: a link that works wherever the site is hosted (a folder, a file:// copy).

Every link in a page, a feed or the ecosystem script is made by :func:`relative`, so there is one
rule for folders, fragments and the site root.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable


def folder_of(page_url: str) -> str:
    """The folder a page or file URL lives in: ``a/b/`` for ``a/b/``, ``feeds/`` for ``feeds/x.xml``."""
    return page_url[: page_url.rfind("/") + 1]


def relative(target_url: str, from_page_url: str) -> str:
    """``target_url`` (root-relative, may end in ``/`` and carry ``#fragment``) as seen from the page
    or file at ``from_page_url`` (root-relative; ``""`` is the home page)."""
    path, _, fragment = target_url.partition("#")
    base = "/" + folder_of(from_page_url)
    rel = _relpath("/" + path, base)  # "" is the home page: from wijken/oost/ that is ../../
    if (path.endswith("/") or not path) and rel != ".":
        rel += "/"
    elif rel == ".":
        rel = "./"
    return rel + (f"#{fragment}" if fragment else "")


def _relpath(path: str, base: str) -> str:
    """``posixpath.relpath`` for two absolute paths, by segments (a page has hundreds of links):
    the library's own where a ``.`` or ``..`` segment needs normalising first."""
    if "/." in path or "/." in base:
        return posixpath.relpath(path, base)
    to, here = [s for s in path.split("/") if s], [s for s in base.split("/") if s]
    common = 0
    for a, b in zip(to, here, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."


def site_root(from_page_url: str) -> str:
    """The site root as seen from a page: ``../../`` (empty on the home page), for scripts to prefix."""
    rel = posixpath.relpath("/", "/" + folder_of(from_page_url))
    return "" if rel == "." else rel + "/"


def from_source(url: str, src_uri: str) -> str:
    """A link written relative to a source file (an image next to the Markdown) as a root-relative URL."""
    path, _, fragment = url.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
    if path.endswith("/"):
        target += "/"  # a link to a page's folder URL stays one
    return target + (f"#{fragment}" if fragment else "")


def link_prefixes(targets: Iterable[str]) -> frozenset[tuple[str, ...]]:
    """Every leading run of folder names of the given root-relative URLs (for :func:`links_key`)."""
    found: set[tuple[str, ...]] = {()}
    for target in targets:
        parts = [s for s in target.partition("#")[0].split("/") if s]
        found.update(tuple(parts[:end]) for end in range(len(parts) + 1))
    return frozenset(found)


def links_key(prefixes: frozenset[tuple[str, ...]], page_url: str) -> tuple[object, ...]:
    """Pages with the same key see every target (of :func:`link_prefixes`) at the same relative
    URL, so markup made only of links to those targets can be shared between them.

    A relative link depends on the page's depth and on how far its folder runs along the
    target's: ``wijken/b/x/`` reaches ``wijken/a/`` as ``../../a/`` but ``wijken/a/x/`` as
    ``../``. The key is the depth and the page's folders up to one past the longest run it
    shares with any target."""
    folders = [s for s in folder_of(page_url).split("/") if s]
    shared = 0
    while shared < len(folders) and tuple(folders[: shared + 1]) in prefixes:
        shared += 1
    return (len(folders), *folders[: shared + 1])
