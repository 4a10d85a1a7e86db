"""The site navigation: sections and overviews only, never every entity.

A navigation that lists every entity is what makes large Material builds slow (each page renders
the whole tree); entities are reached through their overviews instead.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ...build import Build

# (title, src_uri) of site-wide pages, in menu order; only those that exist are shown.
SITE_PAGES = [
    ("Organisaties", "organisaties/index.md"),
    ("Fondsen", "fondsen/index.md"),
    ("Thema's", "themas/index.md"),
    ("Toekomstagenda's", "toekomstagendas/index.md"),
    ("Wie reageerde?", "verantwoording/index.md"),
    ("Losse eindjes", "losse-eindjes/index.md"),
    ("Recente wijzigingen", "recente-wijzigingen/index.md"),
    ("Open data", "data/index.md"),
]


def navigation(build: Build) -> list:
    pages = build.outputs.pages
    nav: list = []
    if "index.md" in build.site.by_path or any(p.src_uri == "index.md" for p in build.site.pages):
        nav.append({"Home": "index.md"})
    wijken = [{"Alle wijken": "wijken/index.md"}]
    wijken += [{Markup(escape(w.title)): w.src_uri} for w in build.site.wijken]
    nav.append({"Wijken": wijken})
    nav += [{title: src} for title, src in SITE_PAGES if src in pages]
    known = {"index.md", *(src for _, src in SITE_PAGES)}
    for page in sorted(build.site.pages, key=lambda p: p.src_uri):
        if page.src_uri not in known:
            nav.append({Markup(escape(page.title or page.src_uri[:-3])): page.src_uri})
    return nav
