"""Field kinds of the content format: each one parses a YAML node and describes itself.

A field kind knows three things and nothing else: how to turn a YAML node into a value (with a
Dutch error when it cannot), how to describe itself as JSON Schema, and what an example value
looks like for scaffolding. The entity types in :mod:`buurtwiki.model.schema` are built from
these, so validation, schema, exports and templates all read the same definitions.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..validation.suggest import allowed, did_you_mean
from .hours import DAYS, HOURS
from .hours import matches as hours_match
from .recurrence import ALLOWED_FREQ, parse_rule

_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^([0-9]{1,6})-([0-9]{1,2})-([0-9]{1,2})$")
_DATETIME = re.compile(r"^([0-9]{1,6})-([0-9]{1,2})-([0-9]{1,2})(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)?$")
_DUTCH_NUMBER = re.compile(r"^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$")

MONTHS = "januari februari maart april mei juni juli augustus september oktober november december"


class FieldError(Exception):
    """A value that does not fit its field. ``line`` is 1-based."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message = message
        self.line = line


def line_of(node: yaml.Node) -> int:
    return node.start_mark.line + 1


MAX_SLUG = 100  # characters of a page name (slug)
MAX_SHOWN = 80  # characters of a value quoted back in a message


def shown(text: str) -> str:
    """A value as quoted in a message: cut off when long, so one message stays readable."""
    text = str(text)
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def describe(node: yaml.Node) -> str:
    """How a found value is quoted back to the resident."""
    if isinstance(node, yaml.ScalarNode):
        return f"'{shown(node.value)}'" if node.value != "" else "een lege waarde"
    if isinstance(node, yaml.SequenceNode):
        return "een lijst"
    return "een groep velden"


def is_empty(node: yaml.Node | None) -> bool:
    return node is None or (
        isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null") and node.style is None
    ) or (isinstance(node, yaml.ScalarNode) and node.value.strip() == "")


@dataclass(frozen=True)
class RefValue:
    """A reference as written: resolved to an entity later, when every file is loaded."""

    raw: str
    types: tuple[str, ...]
    line: int

    @property
    def slug(self) -> str:
        return self.raw.split(":", 1)[1] if ":" in self.raw else self.raw

    @property
    def explicit_type(self) -> str | None:
        return self.raw.split(":", 1)[0] if ":" in self.raw else None

    def __str__(self) -> str:
        return self.raw


@dataclass(frozen=True)
class ThemeValue:
    key: str
    line: int

    def __str__(self) -> str:
        return self.key


@dataclass
class Kind:
    """Base of all field kinds."""

    def parse(self, node: yaml.Node, name: str) -> Any:
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def example(self) -> Any:
        return ""

    def words(self) -> str:
        """What the field holds, in Dutch, for messages and documentation."""
        return "tekst"


def _scalar(node: yaml.Node, name: str, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise FieldError(f"veld '{name}': verwacht {what}, maar vond {describe(node)}.", line_of(node))
    return node.value.strip()


@dataclass
class Text(Kind):
    max_length: int | None = None
    multiline: bool = False

    def parse(self, node, name):
        value = _scalar(node, name, "tekst")
        if self.max_length and len(value) > self.max_length:
            raise FieldError(
                f"veld '{name}': de tekst is {len(value)} tekens lang; maximaal {self.max_length} "
                f"tekens zijn toegestaan. Maak de tekst korter.",
                line_of(node),
            )
        return value

    def schema(self):
        out: dict[str, Any] = {"type": "string"}
        if self.max_length:
            out["maxLength"] = self.max_length
        return out

    def example(self):
        return ""


@dataclass
class Number(Kind):
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    unit: str = ""

    def parse(self, node, name):
        raw = _scalar(node, name, "een getal")
        if len(raw) > MAX_NUMBER_TEXT:
            raise FieldError(f"veld '{name}': de waarde is te lang voor een getal ({len(raw)} tekens); {self._allowed()}.", line_of(node))
        text = raw.replace("€", "").replace(" ", "").replace("_", "")
        if _DUTCH_NUMBER.match(text):  # 20.000 or 1.200.000,50 written the Dutch way
            text = text.replace(".", "").replace(",", ".")
        elif "," in text and "." not in text:
            text = text.replace(",", ".")
        try:
            value = float(text) + 0.0  # + 0.0 turns -0 into 0
        except ValueError:
            raise FieldError(
                f"veld '{name}': verwacht een getal (zoals 1200), maar vond '{shown(raw)}'.", line_of(node)
            ) from None
        lo, hi = self._bounds()
        if not math.isfinite(value):
            nearest = hi if value == math.inf else lo if value == -math.inf else max(lo, min(hi, 0))
            raise FieldError(
                f"veld '{name}': '{shown(raw)}' is geen gewoon getal (het is oneindig groot of geen getal); "
                f"{self._allowed()}. Bedoel je {_fmt(nearest)}?",
                line_of(node),
            )
        if value < lo or value > hi:
            raise FieldError(
                f"veld '{name}': {shown(raw)} kan niet; {self._allowed()}. Bedoel je {_fmt(max(lo, min(hi, value)))}?",
                line_of(node),
            )
        if value.is_integer():
            return int(value)
        if self.integer:
            raise FieldError(
                f"veld '{name}': {shown(raw)} kan niet; verwacht een heel getal (zonder komma). Bedoel je {_fmt(math.floor(value + 0.5))}?",
                line_of(node),
            )
        return value

    def _bounds(self) -> tuple[float, float]:
        lo = self.minimum if self.minimum is not None else -NUMBER_LIMIT
        hi = self.maximum if self.maximum is not None else NUMBER_LIMIT
        return lo, hi

    def _allowed(self) -> str:
        lo, hi = self._bounds()
        return f"toegestaan is een {'heel ' if self.integer else ''}getal van {_fmt(lo)} tot en met {_fmt(hi)}"

    def schema(self):
        out: dict[str, Any] = {"type": "integer" if self.integer else "number"}
        if self.minimum is not None:
            out["minimum"] = self.minimum
        if self.maximum is not None:
            out["maximum"] = self.maximum
        return out

    def example(self):
        return 0

    def words(self):
        return "een getal"


NUMBER_LIMIT = 10**12  # no field needs more; larger floats lose whole numbers
MAX_NUMBER_TEXT = 40


def _fmt(n: float | None) -> str:
    return "" if n is None else (str(int(n)) if float(n).is_integer() else str(n))


@dataclass
class Year(Number):
    minimum: float | None = 1900
    maximum: float | None = 2200
    integer: bool = True

    def words(self):
        return "een jaartal"


MIN_YEAR, MAX_YEAR = 1500, 2200  # dates of a neighbourhood; outside this a date is a typo


def _date_parts(raw: str, node: yaml.Node, name: str, with_time: bool) -> dt.date | dt.datetime:
    pattern = _DATETIME if with_time else _DATE
    match = pattern.match(raw)
    want = "een datum als 2019-04-13" + (" of een tijdstip als 2026-12-01 19:30" if with_time else "")
    if not match:
        raise FieldError(f"veld '{name}': verwacht {want}, maar vond '{shown(raw)}'.", line_of(node))
    year, month, day = (int(g) for g in match.groups()[:3])
    if not MIN_YEAR <= year <= MAX_YEAR:
        nearest = f"{MIN_YEAR}-01-01" if year < MIN_YEAR else f"{MAX_YEAR}-12-31"
        raise FieldError(
            f"veld '{name}': '{shown(raw)}' kan niet: jaar {year} valt buiten de toegestane jaren {MIN_YEAR} tot en met {MAX_YEAR}. "
            f"Bedoel je {nearest}?",
            line_of(node),
        )
    if not 1 <= month <= 12:
        hint = f" Bedoel je {year}-{day:02d}-{month:02d}?" if 1 <= day <= 12 else ""
        raise FieldError(
            f"veld '{name}': '{shown(raw)}' is geen bestaande datum: maand {month} bestaat niet "
            f"(een maand is 01 tot en met 12; schrijf jaar-maand-dag).{hint}",
            line_of(node),
        )
    last = calendar.monthrange(year, month)[1]
    if day < 1:
        raise FieldError(
            f"veld '{name}': '{shown(raw)}' is geen bestaande datum: dag {day} bestaat niet (een dag begint bij 01). "
            f"Bedoel je {year}-{month:02d}-01?",
            line_of(node),
        )
    if day > last:
        month_name = MONTHS.split()[month - 1]
        raise FieldError(
            f"veld '{name}': '{shown(raw)}' is geen bestaande datum: {month_name} {year} heeft {last} dagen. "
            f"Bedoel je {year}-{month:02d}-{last:02d}?",
            line_of(node),
        )
    if not with_time or match.group(4) is None:
        return dt.date(year, month, day)
    hour, minute, second = int(match.group(4)), int(match.group(5)), int(match.group(6) or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise FieldError(
            f"veld '{name}': '{shown(raw)}' heeft geen bestaande tijd; een tijd loopt van 00:00 tot 23:59.",
            line_of(node),
        )
    return dt.datetime(year, month, day, hour, minute)


@dataclass
class Date(Kind):
    def parse(self, node, name):
        return _date_parts(_scalar(node, name, "een datum"), node, name, with_time=False)

    def schema(self):
        return {"type": "string", "format": "date"}

    def example(self):
        return "2026-01-31"

    def words(self):
        return "een datum (jjjj-mm-dd)"


@dataclass
class DateTime(Kind):
    """A local date-time (site time zone) or a date."""

    def parse(self, node, name):
        return _date_parts(_scalar(node, name, "een datum"), node, name, with_time=True)

    def schema(self):
        return {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$"}

    def example(self):
        return "2026-12-01 19:30"

    def words(self):
        return "een datum met tijd (jjjj-mm-dd uu:mm)"


@dataclass
class Url(Kind):
    def parse(self, node, name):
        raw = _scalar(node, name, "een webadres")
        if not _URL.match(raw):
            hint = f" Bedoel je 'https://{shown(raw)}'?" if "." in raw and "://" not in raw and " " not in raw else ""
            raise FieldError(
                f"veld '{name}': verwacht een webadres dat begint met https:// of http://, "
                f"maar vond '{shown(raw)}'.{hint}",
                line_of(node),
            )
        return raw

    def schema(self):
        return {"type": "string", "format": "uri", "pattern": "^https?://"}

    def example(self):
        return "https://"

    def words(self):
        return "een webadres"


@dataclass
class Choice(Kind):
    """One of a fixed list of value words. ``values`` maps each word to its Dutch label."""

    values: dict[str, str] = field(default_factory=dict)

    def parse(self, node, name):
        raw = _scalar(node, name, "een waarde")
        if raw in self.values:
            return raw
        low = raw.lower().replace(" ", "-").replace("ö", "o")
        if low in self.values:
            raise FieldError(
                f"veld '{name}': '{shown(raw)}' moet precies zo geschreven worden als in de lijst. "
                f"Bedoel je '{low}'?",
                line_of(node),
            )
        raise FieldError(
            f"veld '{name}': '{shown(raw)}' is geen geldige waarde; kies uit: {allowed(self.values)}."
            + did_you_mean(raw, self.values),
            line_of(node),
        )

    def label(self, value: str) -> str:
        return self.values.get(value, value)

    def schema(self):
        return {"type": "string", "enum": list(self.values)}

    def example(self):
        return next(iter(self.values), "")

    def words(self):
        return "een van: " + ", ".join(self.values)


@dataclass
class Ref(Kind):
    """A reference by slug to an entity of one of ``types``; resolved after loading."""

    types: tuple[str, ...] = ()

    def parse(self, node, name):
        raw = _scalar(node, name, "de naam (slug) van een pagina")
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
        if not _SLUG.match(slug):
            suggestion = slugify(slug)
            raise FieldError(
                f"veld '{name}': '{shown(raw)}' is geen geldige verwijzing; een verwijzing is de bestandsnaam "
                f"zonder .md, met kleine letters, cijfers en streepjes."
                + (f" Bedoel je '{shown(suggestion)}'?" if suggestion else ""),
                line_of(node),
            )
        return RefValue(raw, self.types, line_of(node))

    def schema(self):
        return {"type": "string", "pattern": r"^([a-z]+:)?[a-z0-9]+(-[a-z0-9]+)*$"}

    def example(self):
        return ""

    def words(self):
        return "de slug van een " + " of ".join(self.types)


@dataclass
class ThemeKey(Kind):
    """A key of the theme registry; checked against the registry after loading."""

    def parse(self, node, name):
        raw = _scalar(node, name, "een thema")
        return ThemeValue(raw, line_of(node))

    def schema(self):
        return {"type": "string"}

    def words(self):
        return "een thema uit themas.yml"


@dataclass
class LatLon(Kind):
    def parse(self, node, name):
        want = "een plaats als [52.37, 4.92] (breedtegraad, lengtegraad)"
        if isinstance(node, yaml.ScalarNode) and "," in node.value:
            parts = [p.strip() for p in node.value.strip("[] ").split(",")]
        elif isinstance(node, yaml.SequenceNode):
            parts = [_scalar(n, name, want) for n in node.value]
        else:
            raise FieldError(f"veld '{name}': verwacht {want}, maar vond {describe(node)}.", line_of(node))
        try:
            lat, lon = (float(p) for p in parts)
        except ValueError:
            raise FieldError(f"veld '{name}': verwacht {want}, maar vond {describe(node)}.", line_of(node)) from None
        if not (math.isfinite(lat) and math.isfinite(lon)):
            shown = ", ".join(p[:20] for p in parts)
            raise FieldError(f"veld '{name}': [{shown}] is geen plaats (een getal is oneindig of geen getal); verwacht {want}.", line_of(node))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise FieldError(f"veld '{name}': [{lat}, {lon}] ligt niet op aarde; verwacht {want}.", line_of(node))
        if 3 < lat < 8 and 50 < lon < 54:
            raise FieldError(
                f"veld '{name}': [{lat}, {lon}] staat omgedraaid: eerst de breedtegraad, dan de "
                f"lengtegraad. Bedoel je [{lon}, {lat}]?",
                line_of(node),
            )
        return (lat, lon)

    def schema(self):
        return {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2}

    def example(self):
        return [52.37, 4.9]

    def words(self):
        return "een plaats [breedtegraad, lengtegraad]"


@dataclass
class FilePath(Kind):
    """A path relative to the entity's folder (e.g. a GeoJSON border)."""

    suffixes: tuple[str, ...] = (".geojson", ".json")

    def parse(self, node, name):
        raw = _scalar(node, name, "een bestandsnaam")
        if not raw.lower().endswith(self.suffixes) or ".." in raw.split("/"):
            raise FieldError(
                f"veld '{name}': verwacht een bestand in deze map dat eindigt op "
                f"{' of '.join(self.suffixes)}, maar vond '{shown(raw)}'.",
                line_of(node),
            )
        return raw

    def schema(self):
        return {"type": "string"}

    def words(self):
        return "een bestandsnaam"


@dataclass
class Recurrence(Kind):
    """A repetition: a Dutch word or an iCalendar RRULE such as ``FREQ=WEEKLY;BYDAY=TU``."""

    values: dict[str, str] = field(default_factory=dict)

    def parse(self, node, name):
        raw = _scalar(node, name, "een herhaling")
        if raw in self.values:
            return raw
        if "=" in raw:
            if parse_rule(raw) is not None:
                return raw.strip().removeprefix("RRULE:")
            raise FieldError(
                f"veld '{name}': '{shown(raw)}' is geen bruikbare iCalendar-regel; een voorbeeld is "
                f"'FREQ=WEEKLY;BYDAY=TU' (elke dinsdag). Een activiteit herhaalt hoogstens elke dag "
                f"(FREQ={', '.join(ALLOWED_FREQ)}).",
                line_of(node),
            )
        raise FieldError(
            f"veld '{name}': '{shown(raw)}' is geen geldige herhaling; kies uit: {allowed(self.values)}, "
            f"of schrijf een iCalendar-regel zoals 'FREQ=WEEKLY;BYDAY=TU'." + did_you_mean(raw, self.values),
            line_of(node),
        )

    def schema(self):
        return {"anyOf": [{"type": "string", "enum": list(self.values)}, {"type": "string", "pattern": "FREQ="}]}

    def example(self):
        return "wekelijks"

    def words(self):
        return "een herhaling"




@dataclass
class OpeningHours(Kind):
    """One line of opening hours: ``ma-vr 09:00-17:00``, ``wo,do 19:00-22:00``."""

    def parse(self, node, name):
        raw = _scalar(node, name, "openingstijden")
        if not hours_match(raw):
            first = raw.split(" ")[0].split("-")[0].split(",")[0].lower()
            hint = did_you_mean(first, DAYS) if first not in DAYS else ""
            raise FieldError(
                f"veld '{name}': '{shown(raw)}' is geen geldige openingstijd; schrijf de dagen "
                f"({' '.join(DAYS)}, een reeks met -, meer met ,) en dan de tijd, zoals "
                f"'ma-vr 09:00-17:00' of 'wo 19:00-22:00'.{hint}",
                line_of(node),
            )
        return raw

    def schema(self):
        return {"type": "string", "pattern": HOURS.pattern}

    def example(self):
        return "ma-vr 09:00-17:00"

    def words(self):
        return "openingstijden zoals 'ma-vr 09:00-17:00'"


@dataclass
class ListOf(Kind):
    """A YAML list; a single value is accepted as a list of one."""

    item: Kind = field(default_factory=Text)

    def parse(self, node, name, errors: list[FieldError] | None = None):
        nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
        out = []
        for number, child in enumerate(nodes, start=1):
            if is_empty(child):
                continue
            label = name if len(nodes) == 1 else _numbered(name, number)
            try:
                out.append(self.item.parse(child, label))
            except FieldError as err:
                if errors is None:
                    raise
                errors.append(err)
        return out

    def schema(self):
        item = self.item.schema()
        return {"anyOf": [item, {"type": "array", "items": item}]}

    def example(self):
        return []

    def words(self):
        return "een lijst van " + self.item.words()


def _numbered(name: str, number: int) -> str:
    """``sub (nr. 2)``; inside a group the number goes with the field: ``sub (nr. 2)' in 'thema x``."""
    field_name, sep, rest = name.partition("' in '")
    return f"{field_name} (nr. {number}){sep}{rest}"


@dataclass
class Struct(Kind):
    """A map with named fields of its own (e.g. one row of ``gericht_aan``)."""

    fields: list[Field] = field(default_factory=list)

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    def parse(self, node, name, errors: list[FieldError] | None = None, warnings: list[FieldError] | None = None):
        if not isinstance(node, yaml.MappingNode):
            raise FieldError(
                f"veld '{name}': verwacht een groep velden ({', '.join(f.name for f in self.fields)}), "
                f"maar vond {describe(node)}.",
                line_of(node),
            )
        collected = errors if errors is not None else []
        out: dict[str, Any] = {"_line": line_of(node)}
        names = [f.name for f in self.fields]
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                collected.append(FieldError(f"in {name} staat {describe(key_node)} als veldnaam; een veldnaam is een woord.", line_of(key_node)))
                continue
            key = key_node.value
            spec = self.field(key)
            if spec is None:
                message = (
                    f"onbekend veld '{shown(key)}' in {name}; bekende velden zijn: {', '.join(names)}."
                    + did_you_mean(key, names)
                )
                (warnings if warnings is not None else collected).append(FieldError(message, line_of(key_node)))
                continue
            if is_empty(value_node):
                continue
            try:
                out[key] = spec.kind.parse(value_node, f"{key}' in '{name}")
            except FieldError as err:
                collected.append(err)
        for spec in self.fields:
            if spec.required and spec.name not in out:
                collected.append(
                    FieldError(f"in {name} ontbreekt het verplichte veld '{spec.name}' ({spec.kind.words()}).", line_of(node))
                )
        if errors is None and collected:
            raise collected[0]
        return out

    def schema(self):
        return {
            "type": "object",
            "properties": {f.name: f.schema() for f in self.fields},
            "required": [f.name for f in self.fields if f.required],
            "additionalProperties": False,
        }

    def example(self):
        return {f.name: f.kind.example() for f in self.fields if f.required}

    def words(self):
        return "een groep velden"


@dataclass
class Field:
    """A named field of an entity type, with its Dutch label and ecosystem relation."""

    name: str
    kind: Kind
    required: bool = False
    label: str = ""
    help: str = ""
    relation: str = ""  # Dutch words for the link this field makes ("vindt plaats in")
    inverse: str = ""  # the same link seen from the other side ("plek van")

    def __post_init__(self) -> None:
        if not self.label:
            self.label = self.name.replace("_", " ").capitalize()

    def schema(self) -> dict[str, Any]:
        out = self.kind.schema()
        if self.help:
            out = {**out, "description": self.help}
        return out

    @property
    def is_ref(self) -> bool:
        return bool(self.ref_types)

    @property
    def ref_types(self) -> tuple[str, ...]:
        kind = self.kind.item if isinstance(self.kind, ListOf) else self.kind
        return kind.types if isinstance(kind, Ref) else ()


_SLUG_MAP = str.maketrans({"’": "", "'": "", "‘": "", "`": "", "&": " en "})


def slugify(text: str) -> str:
    """File name for a title: "Coöperatie Zon op ’t Dak" gives ``cooperatie-zon-op-t-dak``."""
    import unicodedata

    text = unicodedata.normalize("NFKD", str(text).translate(_SLUG_MAP))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
