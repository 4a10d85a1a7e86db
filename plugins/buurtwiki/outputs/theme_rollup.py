"""A main theme's page rolls up its sub-themes: how many initiatives, activities and agenda items
carry the theme or one of its sub-themes, across all wijken, and the places where they happen."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..content.entity import Entity
from ..model.kinds import RefValue

if TYPE_CHECKING:
    from ..content.site import Site

LOCATION = "locatie"  # a type with a location is a place (outputs/geo.py)


def themed(site: Site, keys: set[str]) -> list[Entity]:
    """Entities tagged with any of ``keys`` in any theme field."""
    found = []
    for entity in site.entities:
        for spec in entity.type.theme_fields:
            value = entity.get(spec.name)
            values = value if isinstance(value, list) else [value] if value else []
            if any(str(v) in keys for v in values):
                found.append(entity)
                break
    return found


def places_of(site: Site, entities: list[Entity]) -> list[Entity]:
    """The places these entities refer to (an initiative's ``plekken``, an activity's ``plek``)."""
    seen: dict[str, Entity] = {}
    for entity in entities:
        for _, ref in entity.refs():
            target = site.resolve(ref) if isinstance(ref, RefValue) else None
            if target is not None and target.type.field(LOCATION) is not None:
                seen.setdefault(target.key, target)
    return sorted(seen.values(), key=lambda e: e.title.lower())


def summary(site: Site, key: str) -> tuple[str, list[Entity]]:
    """A sentence with the counts per type over the theme and its sub-themes, and the places."""
    keys = {key, *(s.key for s in site.themes.subs(key))}
    members = themed(site, keys)
    places = places_of(site, members)
    counts = Counter(e.type.name for e in members)
    parts = [f"{counts[t.name]} {(t.label if counts[t.name] == 1 else t.plural).lower()}"
             for t in site.registry if counts[t.name]]
    if places:
        parts.append(f"{len(places)} {'plek' if len(places) == 1 else 'plekken'}")
    if not parts:
        return "", places
    wijken = {e.wijk for e in [*members, *places] if e.wijk}
    listed = ", ".join(parts[:-1]) + (" en " if len(parts) > 1 else "") + parts[-1]
    where = f", in {len(wijken)} {'wijk' if len(wijken) == 1 else 'wijken'}" if wijken else ""
    scope = " en de subthema's" if len(keys) > 1 else ""
    return f"Bij dit thema{scope}: {listed}{where}.", places
