"""Where a body link points: one answer for validation, the graph and rendering.

A wikilink (``[[slug]]`` or ``[[type:slug]]``) means the one entity with that name; a link to a
Markdown file (``../plekken/x.md``, or ``/wijken/oost/index.md`` from the repository root, or
``/x.md`` in the docs folder) means the page made from that file. Each caller used to resolve
links its own way, so a link could pass the check and feed the graph but break on the page.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from .entity import Entity, Page

if TYPE_CHECKING:
    from ..markup.markdown import BodyLink
    from .site import Site


def md_path(item: Entity | Page, href: str) -> str:
    """The repository path a relative link from ``item``'s file names (fragment removed)."""
    path = href.split("#", 1)[0]
    return posixpath.normpath(posixpath.join(posixpath.dirname(item.path), path))


def resolve_md_link(site: Site, item: Entity | Page, href: str) -> Entity | Page | None:
    """The page a Markdown link from ``item`` points at, by its path in the repository; None if none."""
    path = href.split("#", 1)[0]
    if path.startswith("/"):
        inside = posixpath.normpath(path.lstrip("/"))
        candidates = [inside, posixpath.join(site.docs_dir, inside)]
    else:
        candidates = [md_path(item, path)]
    for candidate in candidates:
        found = site.by_path.get(candidate)
        if found is not None:
            return found
    return None


def resolve_wikilink(site: Site, target: str) -> Entity | None:
    """The one entity a wikilink target names; None when there is none or more than one."""
    found = site.candidates(target)
    return found[0] if len(found) == 1 else None


def resolve_link(site: Site, item: Entity | Page, link: BodyLink) -> Entity | Page | None:
    """The entity or page a body link points at; None for a broken link (validation says why)."""
    if link.wikilink:
        return resolve_wikilink(site, link.target)
    return resolve_md_link(site, item, link.target)
