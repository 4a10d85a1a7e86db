"""Where something is: a point ``[52.37, 4.92]`` and a file next to the page (a GeoJSON border)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import yaml

from .base import JSON_NUMBER, FieldError, Kind, anchored, any_case, describe, line_of, scalar, shown

LAT_RANGE, LON_RANGE = (-90, 90), (-180, 180)
# Probably written the wrong way round: a "latitude" in the Netherlands' longitudes and vice versa.
SWAPPED = ((3, 8), (50, 54))
COORD_TEXT = JSON_NUMBER  # each coordinate as a number in JSON syntax, so YAML reads it as one
LATLON_TEXT = rf"\[? *{COORD_TEXT} *, *{COORD_TEXT} *\]?"
_COORD = re.compile(COORD_TEXT)
_LATLON = re.compile(LATLON_TEXT)
_WANT = "een plaats als [52.37, 4.92] (breedtegraad, lengtegraad)"


def _range(bounds: tuple[int, int]) -> dict[str, Any]:
    return {"anyOf": [{"type": "number", "minimum": bounds[0], "maximum": bounds[1]}, {"type": "string", "pattern": anchored(COORD_TEXT)}]}


@dataclass
class LatLon(Kind):
    """A point ``[lat, lon]``: a list of two numbers, or one text ``52.37, 4.92`` / ``'[52.37, 4.92]'``.

    Schema: an array of two coordinates within range and not swapped, or a string in the form
    ``LATLON_TEXT``. Parser-only: the ranges and the swap check for coordinates written as text
    (the one-text form and quoted numbers in the list).
    """

    def parse(self, node: yaml.Node, name: str) -> tuple[float, float]:
        if isinstance(node, yaml.ScalarNode) and _LATLON.fullmatch(node.value.strip()):
            parts = [p.strip() for p in node.value.strip("[] ").split(",")]
        elif isinstance(node, yaml.SequenceNode) and len(node.value) == 2:
            parts = [scalar(n, name, _WANT) for n in node.value]
        else:
            raise FieldError(f"veld '{name}': verwacht {_WANT}, maar vond {describe(node)}.", line_of(node))
        if not all(_COORD.fullmatch(p) for p in parts):
            raise FieldError(f"veld '{name}': verwacht {_WANT}, maar vond {describe(node)}.", line_of(node))
        lat, lon = (float(p) for p in parts)
        if not (math.isfinite(lat) and math.isfinite(lon)):
            found = ", ".join(p[:20] for p in parts)
            raise FieldError(f"veld '{name}': [{found}] is geen plaats (een getal is oneindig of geen getal); verwacht {_WANT}.", line_of(node))
        if not (LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]):
            raise FieldError(f"veld '{name}': [{lat}, {lon}] ligt niet op aarde; verwacht {_WANT}.", line_of(node))
        (lat_lo, lat_hi), (lon_lo, lon_hi) = SWAPPED
        if lat_lo < lat < lat_hi and lon_lo < lon < lon_hi:
            raise FieldError(
                f"veld '{name}': [{lat}, {lon}] staat omgedraaid: eerst de breedtegraad, dan de "
                f"lengtegraad. Bedoel je [{lon}, {lat}]?",
                line_of(node),
            )
        return (lat, lon)

    def schema(self) -> dict[str, Any]:
        swapped = [{"type": "number", "exclusiveMinimum": lo, "exclusiveMaximum": hi} for lo, hi in SWAPPED]
        pair = {
            "type": "array",
            "prefixItems": [_range(LAT_RANGE), _range(LON_RANGE)],
            "minItems": 2,
            "maxItems": 2,
            "not": {"prefixItems": swapped},
        }
        return {"anyOf": [pair, {"type": "string", "pattern": anchored(LATLON_TEXT)}]}

    def example(self) -> list[float]:
        return [52.37, 4.9]

    def words(self) -> str:
        return "een plaats [breedtegraad, lengtegraad]"


def file_text(suffixes: tuple[str, ...]) -> str:
    """A path with no ``..`` part, ending in one of ``suffixes`` (any case)."""
    ends = "|".join(any_case(s) for s in suffixes)
    return rf"(?![\s\S]*(?:^|/)\.\.(?:/|$))[\s\S]*(?:{ends})"


@dataclass
class FilePath(Kind):
    """A path relative to the entity's folder (e.g. a GeoJSON border); one pattern for parse and schema."""

    suffixes: tuple[str, ...] = (".geojson", ".json")

    def parse(self, node: yaml.Node, name: str) -> str:
        raw = scalar(node, name, "een bestandsnaam")
        if not re.fullmatch(file_text(self.suffixes), raw):
            raise FieldError(
                f"veld '{name}': verwacht een bestand in deze map dat eindigt op "
                f"{' of '.join(self.suffixes)}, maar vond '{shown(raw)}'.",
                line_of(node),
            )
        return raw

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": anchored(file_text(self.suffixes))}

    def words(self) -> str:
        return "een bestandsnaam"

