"""The open-data emitter: data files, the catalogue, HSDS and the /data/ page ("Open data" in the menu)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from ..outputs.page import MenuEntry, OutputFile, OutputPage
from ..outputs.render import RenderContext
from . import catalogue, hsds, records
from .bundle import ENTITIES, ZIP, OpenData

if TYPE_CHECKING:
    from ..build import Build

PAGE = "data/index.md"
TITLE = "Open data"

# (path, Dutch description for the /data/ page, media type)
Listed = tuple[str, str, str, Callable[[], bytes]]


def listed(build: Build, data: OpenData) -> list[Listed]:
    """Every published data file with a description, in the order of the /data/ page."""
    out: list[Listed] = [
        (ENTITIES, "Alle pagina's van de site als JSON, met velden, verwijzingen en datums.", "application/json", data.entities_json),
        (ZIP, "Alles als tabellen: een CSV-bestand per soort pagina, koppeltabellen, een Excel-bestand en uitleg (LEESMIJ.md).", "application/zip", data.zip),
        (catalogue.PATH, "Catalogus (DCAT-AP) voor open-dataportalen.", "application/ld+json", partial(catalogue.catalogue_json, build, data)),
    ]
    out += [(path, text, "application/json", make) for path, text, make in hsds.files(build, data)]
    for wijk in build.site.wijken:
        out.append((records.wijk_entities_path(wijk.slug), f"De pagina's van wijk {wijk.title} als JSON.", "application/json",
                    partial(data.wijk_json, wijk.slug)))
    for entity_type in build.site.registry:
        out.append((records.schema_path(entity_type.name), f"JSON Schema van het type {entity_type.label.lower()}.",
                    "application/schema+json", partial(data.schema_json, entity_type.name)))
    return out


def emit(build: Build) -> Iterator[OutputPage | OutputFile]:
    data = OpenData(build)
    files = listed(build, data)
    for path, _text, media, make in files:
        yield OutputFile(path, content=_once(make), media_type=media)
    yield OutputPage(PAGE, TITLE, partial(render_page, data, files), menu=MenuEntry(TITLE, 80), after_files=True,
                     description="De gegevens van deze site om te downloaden en te hergebruiken.")


class _once:
    """A content callable that makes its bytes once (the page lists the size, the file is written)."""

    def __init__(self, make: Callable[[], bytes]):
        self.make = make
        self.value: bytes | None = None

    def __call__(self) -> bytes:
        if self.value is None:
            self.value = self.make()
        return self.value


def render_page(data: OpenData, files: list[Listed], ctx: RenderContext) -> str:
    built = ctx.build.outputs.files
    rows = [(path, text, size(len(built[path].data()) if path in built else 0)) for path, text, _m, _f in files]
    return ctx.render("opendata/data.html", rows=rows, prov=data.prov)


def size(count: int) -> str:
    """A file size in Dutch: 850 bytes, 12,3 kB, 4,1 MB."""
    if count < 1000:
        return f"{count} bytes"
    for unit, factor in (("kB", 1e3), ("MB", 1e6), ("GB", 1e9)):
        if count < factor * 1000 or unit == "GB":
            return f"{count / factor:.1f} {unit}".replace(".", ",")
    return str(count)
