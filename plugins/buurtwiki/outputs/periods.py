"""A list of periods as a timeline: who held a role, for which organisation, from when to when,
and the gaps between them ("3 maanden niemand").

Driven by the model: every list-of-groups field whose group names a ``period`` (``Struct(...,
period=("van", "tot"))``, e.g. a role's ``bezetting``) gets a section of its own, in the order of
the type's fields. Roles stay while organisations come and go with each tender: the gaps show
where that continuity broke. Plain HTML, an ordered list: readable without JavaScript.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..model.dates import as_date, months_between
from ..model.fields import Field, ListOf, RefValue, Struct
from .sections import Section

if TYPE_CHECKING:
    from ..content.entity import Entity
    from .render import RenderContext

ONE_DAY = dt.timedelta(days=1)
ORDER = 20  # right below the text, above the lists of links


@dataclass
class Stint:
    """One row: someone (or an organisation) in the role from ``start`` to ``end``."""

    row: dict[str, Any]
    start: dt.date | None
    end: dt.date | None
    current: bool = False  # no end date and nobody started after: still there
    length: str = ""  # "6 jaar"


@dataclass
class Gap:
    """Nobody in the role from ``start`` up to and including ``end`` (None: up to today)."""

    start: dt.date
    end: dt.date | None
    length: str


def duration(start: dt.date, until: dt.date) -> str:
    """``3 maanden``, ``1 jaar en 2 maanden``, ``12 dagen``: from ``start`` up to (not including) ``until``."""
    months = months_between(start, until)
    if months < 1:
        days = (until - start).days
        return f"{days} {'dag' if days == 1 else 'dagen'}"
    years, months = divmod(months, 12)
    parts = [f"{years} jaar"] if years else []
    if months:
        parts.append(f"{months} {'maand' if months == 1 else 'maanden'}")
    return " en ".join(parts)


def timeline(rows: list[dict[str, Any]], period: tuple[str, str], today: dt.date) -> list[Stint | Gap]:
    """The rows by start date with the gaps between them; a gap after the last one when nobody
    holds the role today. A row without an end date that someone else followed is taken to end
    when the next one starts (no gap is made up). Rows without a start come last. Linear after sorting."""
    stints = [Stint(r, as_date(r.get(period[0])), as_date(r.get(period[1]))) for r in rows if isinstance(r, dict)]
    dated = sorted((s for s in stints if s.start is not None), key=lambda s: s.start or today)
    out: list[Stint | Gap] = []
    covered: dt.date | None = None  # the last day someone was there, as far as known
    for i, stint in enumerate(dated):
        start = stint.start or today
        if covered is not None and start > covered + ONE_DAY:
            out.append(Gap(covered + ONE_DAY, start - ONE_DAY, duration(covered + ONE_DAY, start)))
        out.append(stint)
        if stint.end is not None:
            end = max(stint.end, start)
            stint.length = duration(start, end + ONE_DAY)
        else:
            later = [s.start for s in dated[i + 1 :] if s.start and s.start > start]
            stint.current = not later
            end = today if stint.current else min(later) - ONE_DAY
            if stint.current and start <= today:
                stint.length = duration(start, today + ONE_DAY)
        covered = end if covered is None else max(covered, end)
    if covered is not None and covered < today:
        out.append(Gap(covered + ONE_DAY, None, duration(covered + ONE_DAY, today + ONE_DAY)))
    return out + [s for s in stints if s.start is None]


def _who(ctx: RenderContext, group: Struct, spec: Field, row: dict[str, Any], entity: Entity) -> dict[str, Any]:
    """The row's words besides its dates: names as text, references as links."""
    names, links = [], []
    for sub in group.fields:
        value = row.get(sub.name)
        if sub.name in (group.period or ()) or value in (None, ""):
            continue
        if isinstance(value, RefValue):
            target = ctx.site.resolve(value)
            links.append(ctx.link(target, show_wijk=bool(target.wijk and target.wijk != entity.wijk)) if target else value.raw)
        else:
            names.append(str(value))
    return {"names": names, "links": links, "relation": spec.relation or ""}


def period_sections(ctx: RenderContext, entity: Entity) -> list[Section]:
    """One timeline section per period list of the page's type that has rows."""
    out = []
    for spec in entity.type.fields:
        kind = spec.kind
        if not (isinstance(kind, ListOf) and isinstance(kind.item, Struct) and kind.item.period):
            continue
        rows = entity.data.get(spec.name)
        if not rows:
            continue
        items = timeline(rows, kind.item.period, ctx.today)
        html = ctx.render(
            "periods.html",
            field=spec,
            items=[(item, _who(ctx, kind.item, spec, item.row, entity) if isinstance(item, Stint) else None) for item in items],
            gaps=sum(isinstance(i, Gap) for i in items),
        )
        out.append(Section(id=spec.name.replace("_", "-"), title=spec.label, html=html, order=ORDER))
    return out
