"""The history page of every entity (``<entity URL>geschiedenis/``) and the history box on its page.

A history page lists every change of the page, newest first (following renames, through a
deletion and a new start at the same path): date, author (names only, co-authors credited),
message, a link to the commit when ``repo_url`` is set, and what changed in words. Field
changes and the word diff of the text are worked out only for the newest changes (30, fewer
on a very big site: :func:`detailed_rows`), when the page is rendered: a site with 10,000
pages and 100,000 commits must build in a minute. Older rows give the message and the kind of
change.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from ..content.entity import Entity
from ..model.types import Layout
from .change_rows import ChangeRow, history_src_uri, history_url, join_names
from .page import OutputPage, PageKind
from .render import RenderContext
from .sections import Placement, Section

if TYPE_CHECKING:
    from ..build import Build

DETAILED = 30  # newest changes per page shown with field changes and a word diff
DETAIL_BUDGET = 50_000  # detailed rows over the whole site: a very big site gets fewer per page
MIN_DETAILED = 5


def detailed_rows(build: Build) -> int:
    """How many of the newest changes of each page get field changes and a word diff.

    30 on a site of up to 1,600 pages; a site of 10,000 pages gets 5, so that describing
    changes (two versions read from git, the front matter read as YAML, a word diff) stays
    within a few seconds. Older rows still give date, author, message and the kind of change.
    """
    pages = max(1, len(build.site.entities))
    return max(MIN_DETAILED, min(DETAILED, DETAIL_BUDGET // pages))


def has_history(build: Build) -> bool:
    """History is on and a repository with commits was read."""
    return getattr(build.history, "head", None) is not None


def render_history(ctx: RenderContext, entity: Entity) -> str:
    build = ctx.build
    index = build.history_index
    changes = index.history(entity.path)
    rows = [ChangeRow(build, change, entity.path) for change in changes]
    created = index.created(entity.path)
    return ctx.render(
        "history/page.html",
        entity=entity,
        rows=rows,
        detailed=detailed_rows(build),
        created=ChangeRow(build, created, entity.path) if created else None,
        contributors=join_names(index.contributors(entity.path)),
        uncommitted=index.uncommitted(entity.path),
        incomplete=bool(changes) and changes[-1].commit.boundary,
        wijk=ctx.site.wijk_of(entity),
    )


def emit(build: Build) -> Iterator[OutputPage]:
    if not has_history(build):
        return
    taken = {e.src_uri for e in build.site.entities} | {p.src_uri for p in build.site.pages}
    for entity in build.site.entities:
        src_uri = history_src_uri(entity)
        if src_uri in taken:
            # e.g. an agenda item named "geschiedenis": its page has the agenda's history URL
            build.problems.warning(
                entity.path, 1,
                f"de pagina '{entity.slug}' staat op het adres van de geschiedenis van een andere pagina "
                f"({src_uri[:-3]}/); die geschiedenis wordt niet gemaakt. Geef dit bestand een andere naam.",
            )
            continue
        yield OutputPage(
            src_uri=src_uri,
            title=f"Geschiedenis van {entity.title}",
            render=partial(render_history, entity=entity),
            kind=PageKind.HISTORY,
            entity=entity,
            description=f"Alle wijzigingen van de pagina {entity.title}: wanneer, door wie en wat.",
            in_search=False,
            standalone=True,
        )


def history_box(ctx: RenderContext, entity: Entity) -> Section | None:
    """Beside the facts: created, last changed (``17 november 2026, door …``), contributors."""
    build = ctx.build
    page = build.outputs.pages.get(history_src_uri(entity)) if has_history(build) else None
    if page is None or page.kind is not PageKind.HISTORY:
        return None
    index = build.history_index
    last = index.last_changed(entity.path)
    created = index.created(entity.path)
    html = ctx.render(
        "history/box.html",
        entity=entity,
        last=ChangeRow(build, last, entity.path) if last else None,
        created=ChangeRow(build, created, entity.path) if created else None,
        contributors=len(index.contributors(entity.path)),
        uncommitted=index.uncommitted(entity.path),
        history=history_url(entity),
        recent=entity.url + "recente-wijzigingen/" if entity.type.layout is Layout.WIJK_INDEX else None,
    )
    return Section(id="geschiedenis", title="Geschiedenis", html=html, order=90, placement=Placement.ASIDE)
