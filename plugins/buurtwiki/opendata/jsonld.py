"""schema.org JSON-LD for every entity page, from the type's declaration (``EntityType.linked``).

Values are converted by field kind (a place → GeoCoordinates, opening hours →
OpeningHoursSpecification, a reference → the other page as a node, a repetition → Schedule).
:func:`script_json` makes the JSON safe inside ``<script type="application/ld+json">``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from ..model.fields import Choice, LatLon, ListOf, OpeningHours, Recurrence, Ref, Struct, ThemeKey
from .hours import WORDS, opening_lines, schema_days
from .values import absolute, plain

if TYPE_CHECKING:
    from ..build import Build
    from ..content.entity import Entity
    from ..model.fields import Field

CONTEXT = {"@vocab": "https://schema.org/"}
SCHEMA = "https://schema.org/"
PERIOD = {"WEEKLY": "P{}W", "MONTHLY": "P{}M", "DAILY": "P{}D", "YEARLY": "P{}Y"}
CONTACT = {"email": "email", "telefoon": "telephone", "website": "url"}


def script_json(value: Any) -> str:
    """JSON that cannot end the script element or open a comment: ``<``, ``>``, ``&`` and the
    two line separators as ``\\u`` escapes (the same value for a JSON parser)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char in ("<", ">", "&", "\u2028", "\u2029"):
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def _convert(build: Build, entity: Entity, spec: Field, value: Any) -> Any:
    kind = spec.kind.item if isinstance(spec.kind, ListOf) else spec.kind
    if isinstance(spec.kind, ListOf) and not isinstance(kind, OpeningHours):
        items = [_one(build, entity, spec, kind, v) for v in value]
        return [i for i in items if i is not None] or None
    if isinstance(kind, OpeningHours):
        return [{"@type": "OpeningHoursSpecification", "dayOfWeek": schema_days(days), "opens": opens, "closes": closes}
                for days, opens, closes, _text in opening_lines(value)] or None
    return _one(build, entity, spec, kind, value)


def _one(build: Build, entity: Entity, spec: Field, kind: Any, value: Any) -> Any:
    if isinstance(kind, LatLon):
        return {"@type": "GeoCoordinates", "latitude": value[0], "longitude": value[1]}
    if isinstance(kind, Ref):
        target = build.site.resolve(value)
        return None if target is None else {"@type": target.type.linked.schema_type, "@id": absolute(build, target.url), "name": target.title}
    if isinstance(kind, ThemeKey):
        theme = build.site.themes.get(value.key)
        return theme.titel if theme is not None else value.key
    if isinstance(kind, Choice) and spec.name in entity.type.linked.values:
        term = entity.type.linked.values[spec.name].get(value)
        return SCHEMA + term if term else None
    if isinstance(kind, Recurrence):
        return _schedule(entity, value)
    if isinstance(kind, Struct):
        return {"@type": "ContactPoint", **{CONTACT[k]: plain(v) for k, v in value.items() if k in CONTACT}}
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    return plain(value)


def _schedule(entity: Entity, rule: str) -> dict[str, Any]:
    start = entity.data.get("start")
    byday: str | None = None
    if rule in WORDS:
        freq, interval = WORDS[rule]
    else:
        parts = dict(p.split("=", 1) for p in rule.split(";") if "=" in p)
        freq, byday = parts.get("FREQ", ""), parts.get("BYDAY")
        interval = _number(parts.get("INTERVAL"))
    out: dict[str, Any] = {"@type": "Schedule", "repeatFrequency": PERIOD.get(freq, "P1W").format(interval)}
    if byday:
        out["byDay"] = [d for d in schema_days(",".join(x[-2:] for x in byday.split(","))) if d]
    if isinstance(start, dt.date):
        out["startDate"] = (start.date() if isinstance(start, dt.datetime) else start).isoformat()
    return out


def node(build: Build, entity: Entity) -> dict[str, Any]:
    linked = entity.type.linked
    out: dict[str, Any] = {"@type": linked.schema_type, "@id": absolute(build, entity.url), "url": absolute(build, entity.url)}
    for name, prop in linked.properties.items():
        spec = entity.type.field(name)
        value = entity.data.get(name)
        if value is None and name in linked.values and spec is entity.type.status_field:
            value = entity.type.status_default
        if spec is None or value in (None, "", []):
            continue
        converted = _convert(build, entity, spec, value)
        if converted is not None:
            out[prop] = converted
    if linked.schema_type == "Event" and "location" not in out:
        out["location"] = {"@type": "VirtualLocation", "url": absolute(build, entity.url)}
    return out


def breadcrumbs(build: Build, entity: Entity) -> dict[str, Any]:
    trail: list[tuple[str, str]] = [(build.options.site_name, "")]
    wijk = build.site.wijk_page(entity.wijk) if entity.wijk else None
    if wijk is not None and wijk is not entity:
        trail.append((wijk.title, wijk.url))
    trail.append((entity.title, entity.url))
    return {"@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": number, "name": name, "item": absolute(build, url)}
        for number, (name, url) in enumerate(trail, 1)
    ]}


def linked_data(build: Build, entity: Entity) -> dict[str, Any]:
    return {"@context": CONTEXT, "@graph": [node(build, entity), breadcrumbs(build, entity)]}


def page_script(build: Build, src_uri: str) -> str:
    """The JSON-LD of a page (safe to put inside the script element), or "" for a page without it."""
    page = build.outputs.pages.get(src_uri)
    if page is None or page.entity is None or page.standalone:
        return ""
    return script_json(linked_data(build, page.entity))


def _number(text: str | None) -> int:
    """An RRULE INTERVAL (the parser has checked the rule); 1 when absent."""
    return int(text) if text and text.isdigit() and len(text) < 5 else 1
