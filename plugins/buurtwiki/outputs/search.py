"""Search with Pagefind: a chunked index, so a visitor's phone downloads only what a query needs.

- :func:`emit`: the search page ``/zoeken/`` (in the menu), with the overviews for visitors
  without JavaScript;
- :func:`mark`: wraps the HTML of every searchable page in ``data-pagefind-body`` with its
  filters from the model (type, wijk, status, theme), so "open plekken in Ruwaard" is one search;
- :func:`start_index`: run the Pagefind binary over the built site
  (outputs/search_index.py).

``zoeken: material`` in the plugin options keeps Material's own search instead.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..content.urls import relative
from ..model.fields import ThemeValue
from .assets import PREFIX
from .page import MenuEntry, OutputPage, PageKind
from .render import RenderContext

if TYPE_CHECKING:
    from ..build import Build
    from ..content.entity import Entity
    from .search_index import Indexing

PAGEFIND = "pagefind"
SEARCH_SRC = "zoeken.md"
BUNDLE = "pagefind"  # folder of the index in the built site
SCRIPT = f"{PREFIX}/zoeken.js"
TIMEOUT = 600  # seconds: the binary is stopped after this, the site is still there
# The filter names a visitor sees (Pagefind shows them as headings above their values).
TYPE, WIJK, STATUS, THEME = "soort", "wijk", "status", "thema"


def enabled(build: Build) -> bool:
    return build.options.search == PAGEFIND


def emit(build: Build) -> Iterator[OutputPage]:
    if enabled(build):
        yield OutputPage(src_uri=SEARCH_SRC, title="Zoeken", render=partial(_render, build), kind=PageKind.PAGE,
                         in_search=False, menu=MenuEntry("Zoeken", 5))


def _render(build: Build, ctx: RenderContext) -> str:
    pages = build.outputs.pages
    menu = sorted((p.menu.order, p.menu.title, p.url) for p in pages.values() if p.menu and p.src_uri != SEARCH_SRC)
    overviews = [(title, url) for _, title, url in menu]
    overviews.insert(0, ("Alle wijken", "wijken/"))
    return ctx.render("search/page.html", overviews=overviews, bundle=relative(BUNDLE + "/", ctx.page_url),
                      script=ctx.href(SCRIPT))


def filters(build: Build, entity: Entity) -> list[tuple[str, str]]:
    """The filter values of one entity page, as a visitor reads them."""
    values = [(TYPE, entity.type.label)]
    wijk = build.site.wijk_of(entity)
    if wijk is not None:
        values.append((WIJK, wijk.title))
    status_field = entity.type.status_field
    if status_field is not None and entity.status:
        label = getattr(status_field.kind, "label", None)
        values.append((STATUS, label(entity.status) if label else entity.status))
    for spec in entity.type.theme_fields:
        value = entity.data.get(spec.name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, ThemeValue):
                theme = build.site.themes.get(item.key)
                values.append((THEME, theme.titel if theme else item.key))
    return values


def mark(build: Build, page: OutputPage, html: str) -> str:
    """The HTML of a page as Pagefind should index it; unchanged when Pagefind is off or the
    page is not searchable (history pages, error pages): Pagefind indexes only marked pages."""
    if not enabled(build) or not page.in_search:
        return html
    marks = [Markup('<span hidden data-pagefind-filter="{}[data-waarde]" data-waarde="{}"></span>').format(name, value)
             for name, value in (filters(build, page.entity) if page.entity is not None else [])]
    return f'<div data-pagefind-body>{"".join(marks)}{html}</div>'


def start_index(build: Build, site_dir: str | Path, skip: Collection[str] = (), background: bool = False) -> Indexing | None:
    """Start Pagefind over the built site, leaving out the files in ``skip`` (pages still being
    written that are never indexed); None when Pagefind is off. ``wait()`` on the result.
    ``background``: at a lower priority, so that a rebuild in serve is not slowed down by it."""
    if not enabled(build):
        return None
    from .search_index import Indexing

    return Indexing(site_dir, [*skip, *_never_marked(build, site_dir)], background).start()


def _never_marked(build: Build, site_dir: str | Path) -> list[str]:
    """The core's own HTML files (the notes at a renamed page's old address: 2,300 at 10,000
    pages), which Pagefind would read and leave out; unless no page is marked, as then Pagefind
    indexes every page it reads."""
    if not any(page.in_search for page in build.outputs.pages.values()):
        return []
    return [str(Path(site_dir, path)) for path in build.outputs.files if path.endswith(".html")]

