"""Everything the open-data outputs share, computed once per build on first use."""

from __future__ import annotations

import json
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..agenda.ledger import ledger_for
from . import files, records
from .provenance import Provenance, provenance
from .tables import Table, ledger_table, type_tables

if TYPE_CHECKING:
    from ..build import Build
    from ..content.entity import Entity

ENTITIES = "data/entiteiten.json"
ZIP = "data/open-data.zip"


class OpenData:
    def __init__(self, build: Build):
        self.build = build

    @cached_property
    def prov(self) -> Provenance:
        return provenance(self.build)

    @cached_property
    def entities(self) -> list[Entity]:
        return records.ordered(self.build)

    @cached_property
    def records(self) -> list[dict[str, Any]]:
        return [records.record(self.build, e) for e in self.entities]

    def entities_json(self) -> bytes:
        return records.entities_json(self.records, self.prov, f"{self.build.options.site_name}: alle pagina's").encode()

    def wijk_json(self, wijk: str) -> bytes:
        found = [r for r in self.records if r["wijk"] == wijk]
        return records.entities_json(found, self.prov, f"{self.build.options.site_name}: wijk {wijk}").encode()

    def schema_json(self, type_name: str) -> bytes:
        schema = self.build.site.registry[type_name].json_schema()
        return (json.dumps(schema, indent=2, ensure_ascii=False) + "\n").encode()

    @cached_property
    def tables(self) -> list[Table]:
        out: list[Table] = []
        pairs = list(zip(self.entities, self.records, strict=False))
        for entity_type in self.build.site.registry:
            items = [(e, r) for e, r in pairs if e.type is entity_type]
            out += type_tables(entity_type, items, self.build)
        if self.build.site.registry.agenda_folder:
            out.append(ledger_table(ledger_for(self.build)))
        return out

    def zip(self) -> bytes:
        entries = [(f"{t.name}.csv", files.csv_bytes(t, self.prov)) for t in self.tables]
        entries += [
            ("open-data.xlsx", files.xlsx_bytes(self.tables, self.prov)),
            ("LEESMIJ.md", files.dictionary(self.tables, self.prov, self.build.options.site_name)),
            ("entiteiten.json", self.entities_json()),
        ]
        return files.zip_bytes(entries)
