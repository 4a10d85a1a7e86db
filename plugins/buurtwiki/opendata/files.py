"""CSV (RFC 4180, UTF-8 with BOM), the xlsx workbook, the data dictionary and the ZIP; all
byte-for-byte reproducible (fixed timestamps, fixed order)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.writer.excel import ExcelWriter

from .provenance import Provenance
from .tables import Table

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a ZIP can hold: no build time in the bytes
MAX_SHEET_TITLE = 31


def csv_bytes(table: Table, prov: Provenance) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, dialect="excel", lineterminator="\r\n")
    writer.writerow([c.name for c in table.columns])
    writer.writerows(table.rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(tables: Iterable[Table], prov: Provenance) -> bytes:
    """One sheet per table; every cell is written as text (never as a formula)."""
    book = Workbook(write_only=True)
    when = dt.datetime.fromisoformat(prov.built)
    book.properties.created = book.properties.modified = when
    book.properties.creator = "Buurtwiki"
    book.properties.description = prov.as_text()
    info = book.create_sheet("licentie")
    for line in (["Licentie", prov.licence], ["Licentie-URL", prov.licence_url or ""], ["Gebouwd", prov.built],
                 ["Commit", prov.commit or ""]):
        info.append([_text(info, value) for value in line])
    for table in tables:
        sheet = book.create_sheet(table.name[:MAX_SHEET_TITLE])
        sheet.append([_text(sheet, c.name) for c in table.columns])
        for row in table.rows:
            sheet.append([_text(sheet, value) for value in row])
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()  # not book.save(): that stamps the current time as "modified"
    return repack(raw.getvalue())


def _text(sheet, value: str) -> WriteOnlyCell:
    """A text cell. Set directly: never a formula (openpyxl's value setter would make "=…" one),
    and five times faster than the setter's type checks, which matter at 10,000 pages."""
    item = WriteOnlyCell(sheet)
    item._value = value
    item.data_type = "s"
    return item


def repack(data: bytes) -> bytes:
    """The same ZIP with fixed timestamps (openpyxl stamps the current time)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return zip_bytes((info.filename, source.read(info)) for info in source.infolist())


def zip_bytes(entries: Iterable[tuple[str, bytes]]) -> bytes:
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return raw.getvalue()


def _md(text: str) -> str:
    """Text for a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def dictionary(tables: list[Table], prov: Provenance, site_name: str) -> bytes:
    """LEESMIJ.md: every table and column, Dutch and English meaning, kind, allowed values."""
    lines = [
        f"# Open data van {_md(site_name)}", "",
        f"{prov.as_text()}", "",
        "Elk CSV-bestand is UTF-8 met BOM (RFC 4180), zodat Excel de accenten goed leest. "
        "Een lijst in één cel is gescheiden door `; `. Een tekst die begint met `=`, `+`, `-` of `@` "
        "krijgt een `'` ervoor, zodat een rekenblad hem niet als formule uitvoert. "
        "E-mailadressen staan er als `naam [apenstaartje] domein.nl`.", "",
        "Every CSV file is UTF-8 with a BOM (RFC 4180). A list in one cell is separated by `; `. "
        "Text starting with `=`, `+`, `-` or `@` is prefixed with `'` (no spreadsheet formulas). "
        "E-mail addresses are written as `name [apenstaartje] domain`.", "",
        "`open-data.xlsx` holds the same tables, one sheet per table.", "",
    ]
    for table in tables:
        lines += [f"## {table.name}.csv", "", _md(table.description), "",
                  "| kolom | betekenis | meaning | soort | toegestane waarden |", "|---|---|---|---|---|"]
        lines += [f"| `{c.name}` | {_md(c.dutch)} | {_md(c.english)} | {_md(c.kind)} | {_md(c.allowed)} |" for c in table.columns]
        lines.append("")
    return "\n".join(lines).encode("utf-8")
