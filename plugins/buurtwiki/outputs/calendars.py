"""iCalendar files: ``/data/activiteiten.ics`` (site), ``/wijken/<wijk>/activiteiten.ics`` and one
``agenda.ics`` per activity, linked from its page as "Zet in je agenda"."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..content.entity import Entity
from ..model.activity_time import has_time
from .occurrences import calendar_of
from .page import OutputFile
from .sections import Placement, Section

if TYPE_CHECKING:
    from ..build import Build
    from .render import RenderContext

SITE_CALENDAR = "data/activiteiten.ics"
MEDIA_TYPE = "text/calendar"


def wijk_calendar(wijk: str) -> str:
    return f"wijken/{wijk}/activiteiten.ics"


def entity_calendar(entity: Entity) -> str:
    return f"{entity.url}agenda.ics"


def _timed(entities: list[Entity]) -> list[Entity]:
    return [e for e in entities if has_time(e.data)]


def _ics(build: Build, entities: list[Entity], name: str) -> bytes:
    return calendar_of(build, entities, name)


def emit(build: Build) -> Iterator[OutputFile]:
    site = build.site
    timed = _timed(site.entities)
    name = build.options.site_name
    yield OutputFile(SITE_CALENDAR, partial(_ics, build, timed, f"Activiteiten – {name}"), MEDIA_TYPE)
    for wijk in site.wijken:
        members = [e for e in timed if e.wijk == wijk.slug]
        yield OutputFile(wijk_calendar(wijk.slug), partial(_ics, build, members, f"Activiteiten in {wijk.title}"), MEDIA_TYPE)
    for entity in timed:
        # No calendar name: an app that adds one event names it after the event; the files share one header.
        yield OutputFile(entity_calendar(entity), partial(_ics, build, [entity], ""), MEDIA_TYPE)


def add_to_calendar(ctx: RenderContext, entity: Entity) -> Section | None:
    """"Zet in je agenda" on an activity page, beside the infobox."""
    if not has_time(entity.data):
        return None
    html = Markup(
        '<p><a class="bw-ics" href="{}" download>Zet in je agenda</a></p>'
        '<p class="bw-hint">Een agendabestand (.ics) voor je telefoon of computer.</p>'
    ).format(ctx.href(entity_calendar(entity)))
    return Section("agenda", "In je agenda", str(html), order=5, placement=Placement.ASIDE)
