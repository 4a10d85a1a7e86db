"""Decap CMS widgets for the model's field kinds: one function, driven by the kind of each field.

Every label, hint and option comes from the model (schema.py) or from the site (theme titles,
wijk titles); nothing here is written per type. Values are stored in the contract's formats.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model.fields import (
    Choice,
    Date,
    DateTime,
    EmailAddress,
    Field,
    LatLon,
    ListOf,
    Number,
    OpeningHours,
    Recurrence,
    Ref,
    Struct,
    Text,
    ThemeKey,
    Url,
)
from ..model.kinds.base import anchored
from ..model.kinds.text import EMAIL_TEXT

# How dates are stored (the contract) and shown (Dutch order). Day.js format strings.
DATE_FORMAT = "YYYY-MM-DD"
DATETIME_FORMAT = "YYYY-MM-DD HH:mm"
DATE_SHOWN = "DD-MM-YYYY"

URL_PATTERN = ["^https?://\\S+$", "Een webadres begint met https:// of http://."]
LATLON_HINT = ("Twee getallen: eerst de breedtegraad, dan de lengtegraad (WGS84), "
               "bijvoorbeeld 52.3731 en 4.8922. Je vindt ze op openstreetmap.org of in een kaart-app.")

# (type, wijk) → collection name of that type for a relation, or None when there is none
Target = Callable[[str], str | None]


class Context:
    """What a widget needs from the site: the collection for a ref, the theme and wijk options."""

    def __init__(self, target: Target, themes: list[dict[str, str]], wijken: list[dict[str, str]]):
        self.target = target
        self.themes = themes
        self.wijken = wijken


def widget(spec: Field, ctx: Context) -> dict[str, Any]:
    """The Decap field for one model field, with its label, hint and required flag."""
    out: dict[str, Any] = {"name": spec.name, "label": spec.label, **_kind(spec.kind, ctx)}
    hint = " ".join(h for h in (spec.help, out.pop("_hint", "")) if h)
    if hint:
        out["hint"] = hint
    out["required"] = bool(spec.required)
    return out


def _kind(kind: Any, ctx: Context, multiple: bool = False) -> dict[str, Any]:
    if isinstance(kind, ListOf):
        return _list(kind.item, ctx)
    if isinstance(kind, Choice):
        return {"widget": "select", "options": _options(kind.values), **_multi(multiple)}
    if isinstance(kind, ThemeKey):
        return {"widget": "select", "options": ctx.themes, **_multi(multiple)}
    if isinstance(kind, Ref):
        return _ref(kind, ctx, multiple)
    if isinstance(kind, DateTime):
        return {"widget": "datetime", "format": DATETIME_FORMAT, "date_format": DATE_SHOWN,
                "time_format": "HH:mm", "picker_utc": False}
    if isinstance(kind, Date):
        return {"widget": "datetime", "format": DATE_FORMAT, "date_format": DATE_SHOWN,
                "time_format": False, "picker_utc": False}
    if isinstance(kind, Number):
        return _number(kind)
    if isinstance(kind, LatLon):
        return {"widget": "list", "field": {"name": "coordinaat", "label": "Coördinaat", "widget": "number",
                                            "value_type": "float"},
                "min": 2, "max": 2, "_hint": LATLON_HINT}
    if isinstance(kind, Struct):
        return {"widget": "object", "collapsed": False, "fields": [widget(f, ctx) for f in kind.fields]}
    if isinstance(kind, Url):
        return {"widget": "string", "pattern": URL_PATTERN}
    if isinstance(kind, EmailAddress):
        return {"widget": "string", "pattern": [anchored(EMAIL_TEXT), "Schrijf één e-mailadres: een naam, dan @, dan een domein zoals buurthuis.nl."]}
    if isinstance(kind, Recurrence):
        return {"widget": "string"}
    if isinstance(kind, Text) and kind.max_length:
        n = kind.max_length
        return {"widget": "text", "pattern": [f"^[\\s\\S]{{0,{n}}}$", f"Gebruik hoogstens {n} tekens."]}
    return {"widget": "string"}


def _list(item: Any, ctx: Context) -> dict[str, Any]:
    if isinstance(item, Choice | ThemeKey | Ref):
        return _kind(item, ctx, multiple=True)
    if isinstance(item, Struct):
        fields = [widget(f, ctx) for f in item.fields]
        return {"widget": "list", "collapsed": False, "summary": _summary(item), "fields": fields}
    hint = "Bijvoorbeeld: ma-vr 09:00-17:00 of za 10:00-14:00." if isinstance(item, OpeningHours) else ""
    out = {"widget": "list", "field": {"name": "waarde", "label": "Waarde", **_kind(item, ctx)}}
    if hint:
        out["_hint"] = hint
    return out


def _summary(struct: Struct) -> str:
    names = [f.name for f in struct.fields][:2]
    return " – ".join("{{fields." + n + "}}" for n in names)


def _ref(kind: Ref, ctx: Context, multiple: bool) -> dict[str, Any]:
    if kind.types == ("wijk",):
        return {"widget": "select", "options": ctx.wijken, **_multi(multiple)}
    for type_name in kind.types:
        collection = ctx.target(type_name)
        if collection:
            out = {"widget": "relation", "collection": collection, "search_fields": ["titel"],
                   "value_field": "{{slug}}", "display_fields": ["titel"], "options_length": 50,
                   **_multi(multiple)}
            if len(kind.types) > 1:
                others = ", ".join(t for t in kind.types if t != type_name)
                out["_hint"] = f"Hier kies je een {type_name}. Een verwijzing naar een {others} typ je in het bestand zelf."
            return out
    return {"widget": "string"}


def _number(kind: Number) -> dict[str, Any]:
    out: dict[str, Any] = {"widget": "number", "value_type": "int" if kind.integer else "float"}
    if kind.minimum is not None:
        out["min"] = int(kind.minimum) if kind.integer else kind.minimum
    if kind.maximum is not None:
        out["max"] = int(kind.maximum) if kind.integer else kind.maximum
    if not kind.integer:
        out["step"] = 0.01
    return out


def _options(values: dict[str, str]) -> list[dict[str, str]]:
    return [{"label": label, "value": value} for value, label in values.items()]


def _multi(multiple: bool) -> dict[str, Any]:
    return {"multiple": True} if multiple else {}
