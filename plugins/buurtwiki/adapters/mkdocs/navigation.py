"""The site navigation: sections and overviews only, never every entity.

A navigation that lists every entity is what makes large Material builds slow (each page renders
the whole tree); entities are reached through their overviews instead.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ...build import Build


def navigation(build: Build) -> list:
    """MkDocs' ``nav`` from the core: home, the wijken, then every page an emitter put in the
    menu (:class:`~buurtwiki.outputs.page.MenuEntry`), then the site's own Markdown pages."""
    pages = build.outputs.pages
    nav: list = []
    if "index.md" in build.site.by_path or any(p.src_uri == "index.md" for p in build.site.pages):
        nav.append({"Home": "index.md"})
    wijken = [{"Alle wijken": "wijken/index.md"}]
    wijken += [{Markup(escape(w.title)): w.src_uri} for w in build.site.wijken]
    nav.append({"Wijken": wijken})
    menu = sorted((p.menu.order, p.src_uri, p.menu.title) for p in pages.values() if p.menu is not None)
    nav += [{title: src_uri} for _, src_uri, title in menu]
    known = {"index.md", *(src_uri for _, src_uri, _ in menu)}
    for page in sorted(build.site.pages, key=lambda p: p.src_uri):
        if page.src_uri not in known and page.src_uri in pages:  # not left out (outputs/page.py: Outputs.add)
            nav.append({Markup(escape(page.title or page.src_uri[:-3])): page.src_uri})
    return nav


def nav_urls(nav) -> list[str]:
    """The URL of every page and link in MkDocs' navigation (sections included, at any depth)."""
    urls: list[str] = []
    stack = list(nav.items)
    while stack:
        item = stack.pop()
        url = getattr(item, "url", None)
        if isinstance(url, str):
            urls.append(url)
        stack.extend(getattr(item, "children", None) or [])
    return urls
