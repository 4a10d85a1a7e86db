"""Open Referral HSDS 3.0 (``/data/hsds/``): organizations, locations, services and schedules.

The mapping is declared with each type (``EntityType.linked.hsds``) and reads fields through
their schema.org property (``linked.properties``), so no field name is listed here:

- ``organization``: organisatie, initiatief (name, description, website/url, parentOrganization);
- ``location``: plek (name, description, geo → latitude/longitude, manager or owner → organization_id);
- ``service``: activiteit (name, description, status, first organiser → organization_id);
- ``schedule``: a location's openingHoursSpecification (one row per line) and a service's
  eventSchedule (herhaling → freq/interval/byday, start/einde → dtstart/opens_at/closes_at).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from .hours import opening_lines, recurrence

if TYPE_CHECKING:
    from ..build import Build
    from ..content.entity import Entity
    from .bundle import OpenData

FOLDER = "data/hsds"
TABLES = ("organizations", "locations", "services", "schedules")


def field_for(entity: Entity, prop: str) -> str | None:
    return next((f for f, p in entity.type.linked.properties.items() if p == prop), None)


def value(entity: Entity, prop: str) -> Any:
    name = field_for(entity, prop)
    return entity.data.get(name) if name else None


def ident(entity: Entity) -> str:
    return f"{entity.type.name}:{entity.slug}"


def _org_id(build: Build, refs: Any) -> str | None:
    for ref in refs if isinstance(refs, list) else [refs] if refs else []:
        target = build.site.resolve(ref)
        if target is not None and target.type.linked.hsds == "organization":
            return ident(target)
    return None


def _common(entity: Entity, rec: dict[str, Any]) -> dict[str, Any]:
    velden = rec["velden"]
    out = {"id": ident(entity), "name": velden.get(field_for(entity, "name") or "", entity.slug),
           "description": velden.get(field_for(entity, "description") or "", "")}
    return out


def tables(build: Build, data: OpenData) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for entity, rec in zip(data.entities, data.records, strict=False):
        kind = entity.type.linked.hsds
        row = _common(entity, rec)
        if kind == "organization":
            url = value(entity, "url") or (entity.data.get(field_for(entity, "contactPoint") or "") or {}).get("website")
            row.update({"website": url, "uri": rec["url"], "parent_organization_id": _org_id(build, value(entity, "parentOrganization"))})
            out["organizations"].append(_clean(row))
        elif kind == "location":
            geo = value(entity, "geo")
            owner = _org_id(build, entity.data.get("beheerder")) or _org_id(build, entity.data.get("eigenaar"))
            row.update({"location_type": "physical", "latitude": geo[0] if geo else None, "longitude": geo[1] if geo else None,
                        "organization_id": owner, "url": rec["url"]})
            out["locations"].append(_clean(row))
            for number, (byday, opens, closes, text) in enumerate(opening_lines(value(entity, "openingHoursSpecification") or []), 1):
                out["schedules"].append({"id": f"{row['id']}:{number}", "location_id": row["id"], "freq": "WEEKLY",
                                         "byday": byday, "opens_at": opens, "closes_at": closes, "description": text})
        elif kind == "service":
            status = entity.data.get("status") or entity.type.status_default
            row.update({"status": "inactive" if status in entity.type.linked.values.get("status", {}) and status != entity.type.status_default else "active",
                        "organization_id": _org_id(build, value(entity, "organizer")), "url": rec["url"]})
            out["services"].append(_clean(row))
            schedule = recurrence(value(entity, "eventSchedule"), value(entity, "startDate"), value(entity, "endDate"),
                                  entity.data.get("herhaling_tot"))
            if schedule:
                out["schedules"].append(_clean({"id": f"{row['id']}:1", "service_id": row["id"], **schedule}))
    return out


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if v is not None and (v != "" or k == "description")}  # HSDS requires a description


def files(build: Build, data: OpenData) -> list[tuple[str, str, Callable[[], bytes]]]:
    cache: dict[str, dict[str, list[dict[str, Any]]]] = {}

    def make(name: str) -> bytes:
        if "t" not in cache:
            cache["t"] = tables(build, data)
        payload = {**data.prov.as_json(), "standaard": "Open Referral HSDS 3.0", name: cache["t"][name]}
        return (json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n").encode()

    words = {"organizations": "organisaties en initiatieven", "locations": "plekken", "services": "activiteiten",
             "schedules": "openingstijden en herhalingen"}
    return [(f"{FOLDER}/{name}.json", f"Sociale kaart (Open Referral HSDS 3.0): {words[name]}.", partial(make, name)) for name in TABLES]
