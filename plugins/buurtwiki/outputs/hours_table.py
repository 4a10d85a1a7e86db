"""The opening hours of a place as a week table, read with the hours kind's one parser."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..content.entity import Entity
from ..model.kinds.composite import ListOf
from ..model.kinds.hours import DAYS, OpeningHours, parse_hours
from .sections import Placement, Section

if TYPE_CHECKING:
    from .render import RenderContext

DAY_NAMES = dict(zip(DAYS, ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"), strict=True))


def week(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Each weekday's name with its opening times (``09:00–17:00``), in week order; empty when closed."""
    table: dict[str, list[str]] = {day: [] for day in DAYS}
    for raw in lines:
        hours = parse_hours(raw)
        if hours is None:
            continue
        for day in hours.days:
            table[day].append(f"{_padded(hours.opens)}–{_padded(hours.closes)}")
    return [(DAY_NAMES[day], sorted(times)) for day, times in table.items()]


def _padded(time: str) -> str:
    hour, minute = time.split(":")
    return f"{int(hour):02d}:{minute}"


def _hours_fields(entity: Entity) -> list[str]:
    """The fields of this type that hold opening hours (by kind, not by name)."""
    return [f.name for f in entity.type.fields if isinstance(f.kind, ListOf) and isinstance(f.kind.item, OpeningHours)]


def hours_table(ctx: RenderContext, entity: Entity) -> Section | None:
    """On a place page: the opening hours as a week table."""
    for name in _hours_fields(entity):
        lines = entity.get(name)
        if lines:
            html = ctx.render("hours.html", days=week([str(line) for line in lines]))
            return Section(id="openingstijden", title="Openingstijden", html=html, order=4, placement=Placement.ASIDE)
    return None
