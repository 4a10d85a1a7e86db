"""Site-wide toekomstagenda pages (an emitter, listed in ``outputs/__init__.py:EMITTERS``).

- ``/verantwoording/`` "Wie reageerde?": every organisation that received agenda items, with items
  received, answered, substantive answers, median days and the longest silence. Pre-sorted by the
  longest silence; other orders are in the same page and chosen with plain links (``#op-naam``)
  and the CSS ``:target`` selector, so sorting needs no JavaScript.
- ``/toekomstagendas/``: every edition of every wijk.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..outputs.page import OutputPage
from .ledger import ledger_for
from .summaries import SORTS

if TYPE_CHECKING:
    from ..build import Build
    from ..outputs.render import RenderContext

ACCOUNTABILITY = "verantwoording/index.md"
EDITIONS = "toekomstagendas/index.md"
DEFAULT_SORT = "stilte"


def render_accountability(ctx: RenderContext) -> str:
    ledger = ledger_for(ctx.build)
    views = [(key, label, ledger.summaries(key)) for key, (label, _) in SORTS.items()]
    # the default view comes last in the page: CSS hides it only when another view is the :target
    views.sort(key=lambda view: view[0] == DEFAULT_SORT)
    rows = ledger.rows
    silent = [s for s in ledger.by_org.values() if s.longest_silence_days is not None]
    longest = max(silent, key=lambda s: s.longest_silence_days or 0, default=None)
    return ctx.render(
        "agenda/accountability.html",
        views=views,
        default=DEFAULT_SORT,
        sorts=SORTS,
        summaries=ledger.summaries(),
        rows=rows,
        items=[i for i in ledger.items if ledger.rows_for(i)],
        editions=ledger.editions(),
        longest=longest,
    )


def render_editions(ctx: RenderContext) -> str:
    ledger = ledger_for(ctx.build)
    groups = []
    for wijk in ctx.site.wijken:
        editions = ledger.editions(wijk.slug)
        if editions:
            groups.append((wijk, editions))
    return ctx.render("agenda/editions.html", groups=groups, ledger=ledger)


def emit(build: Build) -> Iterator[OutputPage]:
    yield OutputPage(
        src_uri=ACCOUNTABILITY,
        title="Wie reageerde?",
        render=render_accountability,
        kind="overview",
        description="Welke organisaties kregen punten uit een toekomstagenda, en wie reageerde? Met de stiltes, geteld in dagen.",
    )
    yield OutputPage(
        src_uri=EDITIONS,
        title="Toekomstagenda's",
        render=render_editions,
        kind="overview",
        description="Alle toekomstagenda's van alle wijken, met hun punten en de stand van zaken.",
    )
