"""Parsed field values as plain JSON values in the words of the content format.

Every string is passed through :func:`obfuscate_emails`, so no data file holds an e-mail
address in harvestable form (``naam [apenstaartje] domein.nl``, as on the entity pages).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..model.fields import RefValue, ThemeValue
from ..model.text import obfuscate_emails

if TYPE_CHECKING:
    from ..build import Build
    from ..content.entity import Entity

ROW_LINE = "_line"


def plain(value: Any) -> Any:
    """A parsed value as JSON (dates as ``2019-04-13``, date-times as ``2026-12-01 19:30``)."""
    if isinstance(value, RefValue):
        return value.raw
    if isinstance(value, ThemeValue):
        return value.key
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if k != ROW_LINE}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return obfuscate_emails(value)
    return value


def fields_of(entity: Entity) -> dict[str, Any]:
    """The entity's fields as written (minus ``type``, which the record carries), in model order."""
    out: dict[str, Any] = {}
    for spec in entity.type.fields:
        value = entity.data.get(spec.name)
        if spec.name != "type" and value is not None and value != [] and value != "":
            out[spec.name] = plain(value)
    return out


def refs_in(value: Any, path: str) -> Iterator[tuple[str, RefValue]]:
    """Every reference in a value, with the field path (``gericht_aan.organisatie``)."""
    if isinstance(value, RefValue):
        yield path, value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from refs_in(item, path)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != ROW_LINE:
                yield from refs_in(item, f"{path}.{key}")


def absolute(build: Build, url: str) -> str:
    """A root-relative core URL as published, absolute when the site has a ``site_url``."""
    public = build.public_url(url)
    base = build.options.site_url
    return (base.rstrip("/") + "/" + public) if base else "/" + public


def entity_ref(build: Build, entity: Entity) -> dict[str, str]:
    return {"type": entity.type.name, "slug": entity.slug, "url": absolute(build, entity.url)}
