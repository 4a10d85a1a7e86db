"""References to other pages by slug (``plek: buurthuis-de-boeg``) and theme keys."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from ..words import did_you_mean, slugify
from .base import ANY_SCALAR, MAX_SLUG, FieldError, Kind, anchored, line_of, scalar, shown
from .field import RefValue, ThemeValue

SLUG_TEXT = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_SLUG = re.compile(SLUG_TEXT)


def ref_text(types: tuple[str, ...]) -> str:
    """``[type:]slug`` with only the allowed types as prefix and at most ``MAX_SLUG`` characters."""
    prefix = "(?:(?:" + "|".join(re.escape(t) for t in types) + "):)?" if types else ""
    return rf"{prefix}(?=[a-z0-9-]{{1,{MAX_SLUG}}}$){SLUG_TEXT}"


@dataclass
class Ref(Kind):
    """A reference by slug to an entity of one of ``types``; resolved after loading.

    Schema: a string ``[type:]slug`` with only this field's types as prefix, or a whole number
    (a slug of digits, which YAML reads as a number). Parser-only: that the page exists. Not in the
    schema: a page named ``true``/``false`` (YAML reads those as yes/no) and a whole number written
    as ``1.0`` or ``1e3`` (JSON cannot tell those from ``1``).
    """

    types: tuple[str, ...] = ()

    def parse(self, node: yaml.Node, name: str) -> RefValue:
        raw = scalar(node, name, "de naam (slug) van een pagina")
        if ":" in raw:
            kind, slug = raw.split(":", 1)
            if kind not in self.types:
                raise FieldError(
                    f"veld '{name}': '{shown(raw)}' verwijst naar het type '{kind}', maar hier mag alleen "
                    f"{' of '.join(self.types)}." + did_you_mean(kind, self.types),
                    line_of(node),
                )
        else:
            slug = raw
        if len(slug) > MAX_SLUG:
            raise FieldError(
                f"veld '{name}': '{shown(raw)}' is geen geldige verwijzing: een naam is hoogstens {MAX_SLUG} tekens lang.",
                line_of(node),
            )
        if not _SLUG.fullmatch(slug):
            suggestion = slugify(slug)
            raise FieldError(
                f"veld '{name}': '{shown(raw)}' is geen geldige verwijzing; een verwijzing is de bestandsnaam "
                f"zonder .md, met kleine letters, cijfers en streepjes."
                + (f" Bedoel je '{shown(suggestion)}'?" if suggestion else ""),
                line_of(node),
            )
        return RefValue(raw, self.types, line_of(node))

    def schema(self) -> dict[str, Any]:
        digits = {"type": "integer", "minimum": 0, "maximum": 10**MAX_SLUG - 1}
        return {"anyOf": [{"type": "string", "pattern": anchored(ref_text(self.types))}, digits]}

    def example(self) -> str:
        return ""

    def words(self) -> str:
        return "de slug van een " + " of ".join(self.types)


@dataclass
class ThemeKey(Kind):
    """A key of the theme registry; checked against the registry after loading (parser-only:
    the registry is per site, so the schema takes any scalar)."""

    def parse(self, node: yaml.Node, name: str) -> ThemeValue:
        raw = scalar(node, name, "een thema")
        return ThemeValue(raw, line_of(node))

    def schema(self) -> dict[str, Any]:
        return {"type": list(ANY_SCALAR)}

    def words(self) -> str:
        return "een thema uit themas.yml"
