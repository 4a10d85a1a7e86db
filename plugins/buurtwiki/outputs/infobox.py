"""The facts of an entity as label/value rows, driven entirely by the model's field kinds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from babel.numbers import format_currency, format_decimal
from markupsafe import Markup, escape

from ..content.entity import Entity
from ..model.fields import (
    Choice,
    Date,
    DateTime,
    Field,
    FilePath,
    LatLon,
    ListOf,
    Number,
    RefValue,
    Struct,
    ThemeValue,
    Url,
    Year,
)
from ..model.text import AT_WORD
from . import dates
from .render import RenderContext


@dataclass
class Row:
    name: str
    label: str
    value: Markup


def rows(ctx: RenderContext, entity: Entity) -> list[Row]:
    out = []
    for spec in entity.type.fields:
        # The others are shown in the header or as a section of their own (``EntityType.sections``).
        if not entity.type.in_infobox(spec.name) or spec.name not in entity.data:
            continue
        out.append(Row(spec.name, spec.label, value_html(ctx, spec, entity.data[spec.name], entity)))
    return out


def value_html(ctx: RenderContext, spec: Field, value: Any, entity: Entity) -> Markup:
    kind = spec.kind
    if isinstance(kind, ListOf):
        items = [_one(ctx, kind.item, v, entity) for v in value]
        if isinstance(kind.item, Struct):
            return Markup("").join(items)
        if len(items) == 1:
            return items[0]
        return Markup('<ul class="bw-list">{}</ul>').format(Markup("").join(Markup("<li>{}</li>").format(i) for i in items))
    return _one(ctx, kind, value, entity)


def _one(ctx: RenderContext, kind: Any, value: Any, entity: Entity) -> Markup:
    if isinstance(value, RefValue):
        target = ctx.site.resolve(value)
        if target is None:
            return Markup('<span class="bw-broken-link">{}</span>').format(value.raw)
        return ctx.link(target, show_wijk=bool(target.wijk and target.wijk != entity.wijk))
    if isinstance(value, ThemeValue):
        theme = ctx.site.themes.get(value.key)
        if theme is None:  # reported when loading: no link to a theme page that is not there
            return Markup('<span class="bw-broken-link" title="Dit thema bestaat niet">{}</span>').format(value.key)
        return Markup('<a href="{}">{}</a>').format(ctx.href(f"themas/{value.key}/"), theme.titel)
    if isinstance(kind, Choice):
        return Markup('<span class="bw-value bw-value-{}">{}</span>').format(value, kind.label(value))
    if isinstance(kind, Year):
        return escape(str(value))
    if isinstance(kind, Number):
        if kind.unit == "euro":
            return escape(format_currency(value, "EUR", locale=dates.LOCALE, format="¤ #,##0", currency_digits=False))
        return escape(format_decimal(value, locale=dates.LOCALE))
    if isinstance(kind, DateTime) and isinstance(value, dt.datetime):
        return escape(dates.date_time(value))
    if isinstance(kind, (Date, DateTime)):
        return Markup('<time datetime="{}">{}</time>').format(value.isoformat(), dates.long_date(value))
    if isinstance(kind, Url):
        host = urlparse(value).netloc.removeprefix("www.") or value
        return Markup('<a href="{}" rel="noopener">{}</a>').format(value, host)
    if isinstance(kind, LatLon):
        lat, lon = value
        osm = f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
        return Markup('{}, {} (<a href="{}" rel="noopener">bekijk op de kaart</a>)').format(lat, lon, osm)
    if isinstance(kind, FilePath):
        folder = entity.src_uri.rsplit("/", 1)[0]
        return Markup('<a href="{}">{}</a>').format(ctx.href(f"{folder}/{value}"), value)
    if isinstance(kind, Struct):
        return _struct(ctx, kind, value, entity)
    return escape(str(value))


def _struct(ctx: RenderContext, kind: Struct, value: dict, entity: Entity) -> Markup:
    parts = []
    for spec in kind.fields:
        if spec.name not in value:
            continue
        item = value[spec.name]
        if spec.name == "email":
            html = email_html(str(item))
        elif spec.name == "telefoon":
            html = Markup('<a href="tel:{}">{}</a>').format("".join(c for c in str(item) if c.isdigit() or c == "+"), item)
        else:
            html = _one(ctx, spec.kind, item, entity)
        parts.append(Markup('<span class="bw-part"><span class="bw-part-label">{}:</span> {}</span>').format(spec.label, html))
    return Markup('<div class="bw-struct">{}</div>').format(Markup(" ").join(parts))


def email_html(address: str) -> Markup:
    """An address readable by people but not written as plain ``mailto:`` text for harvesters.

    Without JavaScript it reads ``naam [apenstaartje] domein.nl``; a small script turns it
    into a mail link.
    """
    # the value is one address (model: EmailAddress), made safe on loading: "naam [apenstaartje] domein.nl"
    user, _, domain = address.partition(AT_WORD)
    return Markup('<span class="bw-email" data-u="{}" data-d="{}">{} [apenstaartje] {}</span>').format(
        user[::-1], domain[::-1], user, domain
    )
