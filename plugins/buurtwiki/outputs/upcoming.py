""""Binnenkort": the occurrences of the next weeks, repeats expanded, grouped by week and day,
for the site (``/binnenkort/``) and per wijk (``/wijken/<wijk>/binnenkort/``); the wijk page shows
the next few. Past one-off activities are listed under "Eerder" as "geweest".

"Now" is the build date (``build.today``); pages carry absolute dates only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from babel.dates import format_date

from ..content.entity import Entity
from ..content.paths import url_of
from ..model.activity_time import ORGANISER, has_time, is_past, last_day
from ..model.fields import RefValue
from ..model.types import Layout
from .calendars import SITE_CALENDAR, wijk_calendar
from .dates import LOCALE
from .occurrences import Occurrence, window
from .page import MenuEntry, OutputPage, PageKind
from .sections import Section

if TYPE_CHECKING:
    from ..build import Build
    from .render import RenderContext

WEEKS = 8
ON_WIJK_PAGE = 5
MAX_SHOWN = 600  # occurrences on one page; the calendar file has them all
SITE_PAGE = "binnenkort/index.md"


def wijk_page(wijk: str) -> str:
    return f"wijken/{wijk}/binnenkort.md"


def page_url(src_uri: str) -> str:
    return url_of(src_uri)


@dataclass
class Day:
    day: dt.date
    occurrences: list[Occurrence] = field(default_factory=list)


@dataclass
class Week:
    title: str
    days: list[Day] = field(default_factory=list)


def weeks_of(occurrences: list[Occurrence]) -> list[Week]:
    out: list[Week] = []
    for occ in occurrences[:MAX_SHOWN]:
        monday = occ.day - dt.timedelta(days=occ.day.weekday())
        title = f"Week {monday.isocalendar()[1]}: {_range(monday, monday + dt.timedelta(days=6))}"
        if not out or out[-1].title != title:
            out.append(Week(title))
        if not out[-1].days or out[-1].days[-1].day != occ.day:
            out[-1].days.append(Day(occ.day))
        out[-1].days[-1].occurrences.append(occ)
    return out


def _range(first: dt.date, last: dt.date) -> str:
    fmt = "d MMMM" if first.month != last.month else "d"
    return f"{format_date(first, fmt, locale=LOCALE)} – {format_date(last, 'd MMMM y', locale=LOCALE)}"


def in_wijk(occurrences: list[Occurrence], wijk: str | None) -> list[Occurrence]:
    return occurrences if wijk is None else [o for o in occurrences if o.entity.wijk == wijk]


def earlier(build: Build, wijk: str | None) -> list[Entity]:
    """Activities that are over, latest first."""
    past = [e for e in build.site.entities if has_time(e.data) and (wijk is None or e.wijk == wijk) and is_past(e.data, build.today)]
    return sorted(past, key=lambda e: (last_day(e.data) or dt.date.min, e.title), reverse=True)


def organisers(ctx: RenderContext, entity: Entity) -> list[Entity]:
    refs = entity.get(ORGANISER) or []
    found = [ctx.site.resolve(r) for r in refs if isinstance(r, RefValue)]
    return [e for e in found if e is not None]


def _render(wijk: Entity | None, ctx: RenderContext) -> str:
    build = ctx.build
    slug = wijk.slug if wijk else None
    occurrences = in_wijk(window(build, WEEKS), slug)
    return ctx.render(
        "upcoming.html", wijk=wijk, weeks=weeks_of(occurrences), count=len(occurrences), limited=len(occurrences) > MAX_SHOWN,
        earlier=earlier(build, slug)[:200], calendar=wijk_calendar(slug) if slug else SITE_CALENDAR, span=WEEKS,
        first=build.today, last=build.today + dt.timedelta(weeks=WEEKS, days=-1), organisers=partial(organisers, ctx),
    )


def emit(build: Build) -> Iterator[OutputPage]:
    yield OutputPage(SITE_PAGE, "Binnenkort", partial(_render, None), kind=PageKind.OVERVIEW,
                     description="Wat er de komende weken te doen is in de wijken.", menu=MenuEntry("Binnenkort", 25))
    for wijk in build.site.wijken:
        yield OutputPage(wijk_page(wijk.slug), f"Binnenkort in {wijk.title}", partial(_render, wijk), kind=PageKind.OVERVIEW,
                         description=f"Wat er de komende weken te doen is in {wijk.title}.")


def next_on_wijk_page(ctx: RenderContext, entity: Entity) -> Section | None:
    """On a wijk page: the next few occurrences, with links to the whole list and the calendar."""
    if entity.type.layout is not Layout.WIJK_INDEX:
        return None
    occurrences = in_wijk(window(ctx.build, WEEKS), entity.slug)[:ON_WIJK_PAGE]
    html = ctx.render("upcoming_short.html", weeks=weeks_of(occurrences), wijk=entity, more=page_url(wijk_page(entity.slug)),
                      calendar=wijk_calendar(entity.slug), organisers=partial(organisers, ctx))
    return Section(id="binnenkort-in-de-wijk", title="Binnenkort in de wijk", html=html, order=5)
