"""Activity times on pages: the status a card shows, and its date, time and place line."""

from __future__ import annotations

import datetime as dt
from contextvars import ContextVar
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..content.entity import Entity
from ..model.activity_time import PAST, PAST_LABEL, PLACE, REPEAT, START, has_time
from ..model.fields import Choice, RefValue
from ..model.lifecycle import activity_state
from . import dates
from .occurrences import next_start

if TYPE_CHECKING:
    from .render import RenderContext


# The build date of the page being rendered, set by RenderContext.render, so that a badge deep in
# an imported macro (which sees no template context) still knows what "past" is.
RENDER_TODAY: ContextVar[dt.date | None] = ContextVar("RENDER_TODAY", default=None)


def shown_status(entity: Entity, today: dt.date | None = None) -> tuple[str, str] | None:
    """The status word and label a badge shows: "geweest" for a past activity, else its status."""
    today = today or RENDER_TODAY.get()
    status = activity_state(entity.type, entity.data, today) if today is not None else entity.status
    if not status:
        return None
    if status == PAST:
        return PAST, PAST_LABEL
    spec = entity.type.status_field
    kind = spec.kind if spec else None
    return status, kind.label(status) if isinstance(kind, Choice) else status


def time_text(value: dt.date | dt.datetime) -> str:
    """``zaterdag 13 april 2019, 10:00``, or only the day when there is no time."""
    return dates.date_time(value)


def repeat_label(entity: Entity) -> str:
    value = entity.get(REPEAT)
    if not value:
        return ""
    spec = entity.type.field(REPEAT)
    values = getattr(spec.kind, "values", {}) if spec else {}
    return values.get(value, "herhaalt") if isinstance(values, dict) else "herhaalt"


def place_of(ctx: RenderContext, entity: Entity) -> Entity | None:
    ref = entity.get(PLACE)
    return ctx.site.resolve(ref) if isinstance(ref, RefValue) else None


def card_when(ctx: RenderContext, entity: Entity) -> Markup:
    """The date, time and place line of an activity card (empty for other types)."""
    if not has_time(entity.data):
        return Markup("")
    start = entity.get(START)
    repeat = repeat_label(entity)
    if repeat:
        coming = next_start(ctx.build, entity)
        parts = [Markup("{}").format(repeat.capitalize())]
        if coming is not None:
            parts.append(Markup('volgende keer <time datetime="{}">{}</time>').format(coming.isoformat(), time_text(coming)))
        else:
            parts.append(Markup('sinds <time datetime="{}">{}</time>').format(start.isoformat(), time_text(start)))
    else:
        parts = [Markup('<time datetime="{}">{}</time>').format(start.isoformat(), time_text(start))]
    place = place_of(ctx, entity)
    if place is not None:
        parts.append(Markup("{}").format(ctx.link(place)))
    return Markup('<p class="bw-card-when">{}</p>').format(Markup(" · ").join(parts))
