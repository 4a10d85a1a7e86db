"""Field kinds of the content format: each one parses a YAML node and describes itself.

A field kind knows three things and nothing else: how to turn a YAML node into a value (with a
Dutch error when it cannot), how to describe itself as JSON Schema - derived from the same pattern
and bounds as the parser, see :mod:`.base` - and what an example value looks like for
scaffolding. The entity types in :mod:`buurtwiki.model.schema` are built from these.
"""

from .base import MAX_SHOWN, MAX_SLUG, FieldError, Kind, describe, is_empty, is_plain, json_value, line_of, scalar, shown
from .choices import Choice, Recurrence
from .composite import ListOf, Struct
from .dates import MAX_YEAR, MIN_YEAR, MONTHS, Date, DateTime
from .field import Field, RefValue, ThemeValue
from .hours import DAYS, HoursLine, OpeningHours, parse_hours
from .numbers import MAX_NUMBER_TEXT, NUMBER_LIMIT, Number, Year, number_of
from .places import FilePath, LatLon
from .refs import Ref, ThemeKey
from .text import EmailAddress, Text, Url

__all__ = [
    "DAYS", "MAX_NUMBER_TEXT", "MAX_SHOWN", "MAX_SLUG", "MAX_YEAR", "MIN_YEAR", "MONTHS", "NUMBER_LIMIT",
    "Choice", "Date", "DateTime", "Field", "FieldError", "FilePath", "HoursLine", "Kind", "LatLon", "ListOf",
    "Number", "OpeningHours", "Recurrence", "Ref", "RefValue", "Struct", "Text", "ThemeKey", "ThemeValue",
    "EmailAddress", "Url", "Year", "describe", "is_empty", "is_plain", "json_value", "line_of", "number_of", "parse_hours", "scalar", "shown",
]
