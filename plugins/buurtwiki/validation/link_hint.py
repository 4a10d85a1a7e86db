"""The page a broken ``.md`` link probably meant, and the link as a resident would write it.

A resident who links to ``../organisaties/dok.md`` from a wijk page should read "Bedoel je de
pagina 'DOCK'? Schrijf [[dock|…]]", not a path that climbs out of the wijken folder into the
docs folder (``../../../content/organisaties/dock.md``). The page is found by its file name, by the
link's text against the titles, and by the path; the link is written in the forms of the content
format (docs/inhoudsformaat.md): a relative ``.md`` link within the same folder tree, else a
wikilink for a page with a type, else a link from the docs folder (``/over.md``).
"""

from __future__ import annotations

import posixpath

from ..content.entity import Entity, Page
from ..content.links import md_path
from ..content.site import Site
from ..markup.markdown import BodyLink
from ..model.words import closest

MAX_TEXT = 120  # a link text longer than this is not compared with the titles


def _title(page: Entity | Page) -> str:
    return page.title or posixpath.splitext(posixpath.basename(page.path))[0]


def _meant(site: Site, item: Entity | Page, link: BodyLink) -> Entity | Page | None:
    target = link.target.split("#", 1)[0][: 2 * MAX_TEXT]  # bounds the comparisons below
    stem = posixpath.splitext(posixpath.basename(target))[0]
    same_name = [e for e in site.by_slug.get(stem, []) if e is not item]
    if len(same_name) == 1:
        return same_name[0]
    pages: list[Entity | Page] = [e for e in site.entities if e is not item]
    pages += [p for p in site.pages if p is not item]
    text = " ".join(link.text.split())[:MAX_TEXT]
    if text:
        by_title = {_title(p): p for p in pages}
        found = closest(text, by_title)
        if found:
            return by_title[found[0]]
    by_path = closest(md_path(item, target), [p.path for p in pages])
    if by_path:
        return site.by_path.get(by_path[0])
    by_slug = closest(stem, [e.slug for e in site.entities if e is not item])
    return site.candidates(by_slug[0])[0] if by_slug and len(site.candidates(by_slug[0])) == 1 else None


def _written(site: Site, item: Entity | Page, page: Entity | Page, text: str, anchor: str) -> str:
    """The link as the resident would write it."""
    shown = " ".join(text.split())[:MAX_TEXT] or _title(page)
    same_tree = item.path.split("/", 1)[0] == page.path.split("/", 1)[0]
    if same_tree:
        return f"[{shown}]({posixpath.relpath(page.path, posixpath.dirname(item.path))}{anchor})"
    if isinstance(page, Entity):
        key = page.slug if len(site.candidates(page.slug)) == 1 else page.key
        return f"[[{key}|{shown}]]" if text.strip() and shown != key else f"[[{key}]]"
    inside = posixpath.relpath(page.path, site.docs_dir)
    return f"[{shown}](/{inside}{anchor})"


def md_link_hint(site: Site, item: Entity | Page, link: BodyLink) -> str:
    """`` Bedoel je de pagina 'De Buurtkamer'? Schrijf [de buurtkamer](../plekken/buurtkamer.md).``
    or an empty string when no page is close."""
    page = _meant(site, item, link)
    if page is None:
        return ""
    anchor = "#" + link.target.split("#", 1)[1] if "#" in link.target else ""
    return f" Bedoel je de pagina '{_title(page)}'? Schrijf {_written(site, item, page, link.text, anchor)}."
