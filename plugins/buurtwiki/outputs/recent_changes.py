"""Recent changes: ``/recente-wijzigingen/`` for the site and ``/wijken/<wijk>/recente-wijzigingen/``.

Newest first, grouped by day (in the site's time zone). Each row names the page (as it is called
today, after renames), what changed in words, the author and a link to the page's history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from ..content.entity import Entity
from .change_rows import ChangeRow, history_src_uri, history_url
from .history_pages import has_history
from .page import MenuEntry, OutputPage, PageKind
from .redirects import redirect_from
from .render import RenderContext

if TYPE_CHECKING:
    from ..build import Build
    from ..history.model import RecentChange

SITE_LIMIT = 500  # changes on /recente-wijzigingen/
WIJK_LIMIT = 200  # changes on a wijk's page
SITE_FEED = "feeds/wijzigingen.xml"


def wijk_prefix(build: Build, wijk: str) -> str:
    return f"{build.options.wijken_dir}/{wijk}/"


def wijk_feed(wijk: str) -> str:
    return f"wijken/{wijk}/wijzigingen.xml"


@dataclass
class Listed:
    """A row of the list: the change and the page it belongs to today."""

    row: ChangeRow
    entity: Entity | None  # None for a page that was deleted, or an ordinary page
    page: object | None  # an ordinary page (content/…), or None
    history: str | None  # URL of the entity's history page
    exists: bool = True  # False for a page that was deleted (or moved out of the content folders)
    moved_from: str | None = None  # for a rename: the old address, where a page now sends readers on

    @property
    def title(self) -> str:
        if self.entity is not None:
            return self.entity.title
        if self.page is not None:
            return getattr(self.page, "title", None) or self.row.page_path.rsplit("/", 1)[-1]
        return self.row.page_path.rsplit("/", 1)[-1]


@dataclass
class Day:
    day: dt.date
    items: list[Listed] = field(default_factory=list)


def listed(build: Build, recent) -> list[Listed]:
    """Rows for RecentChange objects, with the page each belongs to today."""
    site = build.site
    pages = build.outputs.pages
    out = []
    for item in recent:
        row = ChangeRow(build, item.change, item.page)
        exists = build.history_index.exists(item.page)
        found = site.by_path.get(item.page) if exists else None
        entity = found if isinstance(found, Entity) else None
        page = found if found is not None and entity is None else None
        target = pages.get(history_src_uri(entity)) if entity is not None else None
        history = history_url(entity) if entity is not None and target is not None and target.kind is PageKind.HISTORY else None
        old = item.change.old_path if item.change.code == "R" else None
        moved_from = redirect_from(build, old) if old is not None else None
        out.append(Listed(row, entity, page, history, exists, moved_from))
    return out


def by_day(items: list[Listed]) -> list[Day]:
    """Newest day first, one heading per day. Commit dates need not follow the walk's order (a pull
    request merged late keeps its old date), so rows are sorted by time first (stable)."""
    days: list[Day] = []
    for item in sorted(items, key=lambda listed_item: listed_item.row.change.commit.time, reverse=True):
        day = item.row.day
        if not days or days[-1].day != day:
            days.append(Day(day))
        days[-1].items.append(item)
    return days


def recent(build: Build, prefix: str | None, limit: int) -> list[RecentChange]:
    """The changes a list shows, once per build (its page and the comparison with the last build use them)."""
    key = (prefix, limit)
    if key not in build.caches.recent:
        build.caches.recent[key] = build.history_index.recent(limit, prefix)
    return build.caches.recent[key]


def rows_key(build: Build, prefix: str | None, limit: int) -> list[tuple[object, ...]]:
    """What a list of recent changes shows of the history: its rows (commit, file, kind, paths)."""
    return [(item.change.commit.sha, item.change.code, item.change.path, item.change.old_path, item.page,
             build.history_index.exists(item.page)) for item in recent(build, prefix, limit)]


def render_recent(ctx: RenderContext, prefix: str | None, limit: int, wijk: Entity | None, feed: str) -> str:
    build = ctx.build
    items = listed(build, recent(build, prefix, limit))
    return ctx.render(
        "history/recent.html",
        days=by_day(items),
        count=len(items),
        limit=limit,
        wijk=wijk,
        feed=feed,
        show_wijk=wijk is None,
    )


def emit(build: Build) -> Iterator[OutputPage]:
    if not has_history(build):
        return
    yield OutputPage(
        src_uri="recente-wijzigingen/index.md",
        title="Recente wijzigingen",
        render=partial(render_recent, prefix=None, limit=SITE_LIMIT, wijk=None, feed=SITE_FEED),
        kind=PageKind.RECENT,
        menu=MenuEntry("Recente wijzigingen", 70),
        description="Wat er de laatste tijd op deze site is veranderd, de nieuwste wijzigingen bovenaan.",
        in_search=False,
    )
    for wijk in build.site.wijken:
        yield OutputPage(
            src_uri=f"wijken/{wijk.slug}/recente-wijzigingen/index.md",
            title=f"Recente wijzigingen in {wijk.title}",
            render=partial(render_recent, prefix=wijk_prefix(build, wijk.slug), limit=WIJK_LIMIT, wijk=wijk, feed=wijk_feed(wijk.slug)),
            kind=PageKind.RECENT,
            lists=partial(rows_key, build, wijk_prefix(build, wijk.slug), WIJK_LIMIT),
            description=f"Wat er de laatste tijd is veranderd op de pagina's over {wijk.title}.",
            in_search=False,
        )
