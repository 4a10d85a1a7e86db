"""The tables of ``open-data.zip``, derived from the model: one per type, one per list-valued
reference or list of groups (relation tables), and the ledger "Wie reageerde?".

Columns are described once (:class:`Column`: Dutch and English meaning, kind, allowed values)
for the CSV files, the workbook and the data dictionary alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model.english import english
from ..model.fields import Choice, Field, ListOf, Ref, Struct
from .values import plain

if TYPE_CHECKING:
    from ..agenda.ledger import Ledger
    from ..build import Build
    from ..content.entity import Entity
    from ..model.types import EntityType

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run such a cell as a formula


@dataclass(frozen=True)
class Column:
    name: str
    dutch: str
    english: str
    kind: str = "tekst"
    allowed: str = ""


@dataclass
class Table:
    name: str
    description: str
    columns: list[Column]
    rows: list[list[str]] = field(default_factory=list)


def cell(value: Any) -> str:
    """One CSV/sheet cell. Text that a spreadsheet would read as a formula gets a leading ``'``."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {cell(v)}" for k, v in value.items())
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _column(spec: Field, name: str | None = None) -> Column:
    kind = spec.kind.item if isinstance(spec.kind, ListOf) else spec.kind
    allowed = ", ".join(kind.values) if isinstance(kind, Choice) else ""
    dutch = spec.label + (f". {spec.help}" if spec.help else "")
    return Column(name or spec.name, dutch, english(spec.name), spec.kind.words(), allowed)


KEY_COLUMNS = [
    Column("slug", "Naam van de pagina (bestandsnaam zonder .md)", "Page name (file name without .md)"),
    Column("url", "Adres van de pagina", "Address of the page", "een webadres"),
    Column("wijk", "Wijk (leeg voor organisaties en fondsen)", "District (empty for organisations and funds)"),
]
DATE_COLUMNS = [
    Column("aangemaakt", "Datum waarop de pagina is gemaakt (uit de geschiedenis)", "Date the page was created (from git history)", "een datum"),
    Column("gewijzigd", "Datum van de laatste wijziging", "Date of the last change", "een datum"),
]


def _kind_of(spec: Field) -> str:
    """How a field goes into tables: a column, columns per sub-field, or a relation table."""
    if isinstance(spec.kind, Struct):
        return "group"
    if isinstance(spec.kind, ListOf) and isinstance(spec.kind.item, Struct):
        return "rows"
    if isinstance(spec.kind, ListOf) and isinstance(spec.kind.item, Ref):
        return "refs"
    return "column"


def type_tables(entity_type: EntityType, items: list[tuple[Entity, dict[str, Any]]], build: Build) -> list[Table]:
    """The type's own table and its relation tables."""
    name = entity_type.name
    owner = Column(name, f"Slug van de {entity_type.label.lower()}", f"Slug of the {name}")
    columns = list(KEY_COLUMNS)
    related: dict[str, Table] = {}
    fields = [f for f in entity_type.fields if f.name != "type"]
    for spec in fields:
        how = _kind_of(spec)
        if how == "column":
            columns.append(_column(spec))
        elif how == "group":
            columns += [_column(sub, f"{spec.name}.{sub.name}") for sub in spec.kind.fields]  # type: ignore[attr-defined]
        elif how == "rows":
            subs = [_column(sub) for sub in spec.kind.item.fields]  # type: ignore[attr-defined]
            related[spec.name] = Table(f"{name}_{spec.name}", f"{spec.label}: één rij per regel", [owner, *subs])
        else:
            target = [Column("doel_type", "Type van de pagina waarnaar verwezen wordt", "Type of the referenced page"),
                      Column("doel_slug", "Slug van de pagina waarnaar verwezen wordt", "Slug of the referenced page")]
            related[spec.name] = Table(f"{name}_{spec.name}", f"{spec.label}: één rij per verwijzing", [owner, *target])
    main = Table(name, f"{entity_type.plural}: één rij per pagina", columns + DATE_COLUMNS)
    for entity, rec in items:
        velden = rec["velden"]
        row = [entity.slug, rec["url"], entity.wijk or ""]
        for spec in fields:
            how = _kind_of(spec)
            value = velden.get(spec.name)
            if how == "column":
                row.append(cell(value))
            elif how == "group":
                row += [cell((value or {}).get(sub.name)) for sub in spec.kind.fields]  # type: ignore[attr-defined]
            elif how == "rows":
                for item in value or []:
                    related[spec.name].rows.append([entity.slug, *(cell(item.get(sub.name)) for sub in spec.kind.item.fields)])  # type: ignore[attr-defined]
            else:
                for ref in entity.data.get(spec.name) or []:
                    found = build.site.resolve(ref)
                    related[spec.name].rows.append([entity.slug, found.type.name if found else "", cell(plain(ref) if found is None else found.slug)])
        row += [cell(rec["aangemaakt"]), cell(rec["gewijzigd"])]
        main.rows.append(row)
    return [main, *related.values()]


LEDGER_COLUMNS = [
    Column("organisatie", "Slug van de organisatie die een agendapunt kreeg", "Slug of the organisation addressed"),
    Column("organisatie_naam", "Naam van de organisatie", "Name of the organisation"),
    Column("agendapunt", "Slug van het agendapunt", "Slug of the agenda item"),
    Column("wijk", "Wijk van het agendapunt", "District of the agenda item"),
    Column("verzonden", "Datum waarop het punt is verzonden", "Date sent", "een datum"),
    Column("reactie", "Reactie van de organisatie (leeg: nog niet bekend)", "Response (empty: not yet known)", "een woord",
           "geen, ontvangst, gesprek, toezegging, afgewezen, uitgevoerd"),
    Column("datum", "Datum van de reactie", "Date of the response", "een datum"),
    Column("dagen_stilte", "Dagen sinds verzending zonder inhoudelijke reactie, op de builddatum", "Days of silence since sending, on the build date", "een getal"),
]


def ledger_table(ledger: Ledger) -> Table:
    table = Table("wie_reageerde", "Wie reageerde? Elke organisatie per agendapunt, met reactie en dagen stilte", LEDGER_COLUMNS)
    for row in ledger.rows:
        table.rows.append([
            cell(row.organisation.slug if row.organisation is not None else row.ref.slug), cell(plain(row.name)), row.item.slug, row.item.wijk or "", cell(plain(row.sent)),
            cell(row.reaction), cell(plain(row.date)), cell(row.silence_days),
        ])
    return table
