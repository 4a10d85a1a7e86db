"""The open data of a hostile site: every record valid against its published schema, the CSVs equal
to the model, no e-mail address and no spreadsheet formula anywhere, reproducible bytes."""

from __future__ import annotations

import csv
import io
import json
import re
import time
import zipfile

import jsonschema
import openpyxl
import pytest

from buurtwiki.model.english import ENGLISH
from buurtwiki.model.fields import ListOf, Struct
from buurtwiki.model.schema import DEFAULT_REGISTRY

from ..helpers import build
from .hostile import EMAILS, FILES, FORMULA

EMAIL = re.compile(rb"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    from ..helpers import write
    write(root, FILES)
    b = build(root, site_url="https://buurt.example/")
    assert not b.problems.errors, [str(p) for p in b.problems.errors]
    return b


def data(b, path: str) -> bytes:
    return b.outputs.files[path].data()


def unzip(b) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data(b, "data/open-data.zip"))) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_every_entity_is_a_record_valid_against_its_published_schema(built):
    doc = json.loads(data(built, "data/entiteiten.json"))
    assert doc["aantal"] == len(built.site.entities) == len(doc["entiteiten"])
    assert {(r["type"], r["slug"]) for r in doc["entiteiten"]} == {(e.type.name, e.slug) for e in built.site.entities}
    for rec in doc["entiteiten"]:
        path = rec["schema"].removeprefix("https://buurt.example/")
        schema = json.loads(data(built, path))
        assert schema == DEFAULT_REGISTRY[rec["type"]].json_schema()  # the one `buurtwiki schema` writes
        jsonschema.validate(rec["velden"], schema)
    plek = next(r for r in doc["entiteiten"] if r["type"] == "plek")
    assert plek["verwijzingen"]["beheerder"] == [
        {"type": "organisatie", "slug": "welzijn", "url": "https://buurt.example/organisaties/welzijn/"}]
    assert plek["bevestigd"] == "2026-10-01"
    punt = next(r for r in doc["entiteiten"] if r["type"] == "agendapunt")
    assert punt["verwijzingen"]["gericht_aan.organisatie"][0]["slug"] == "gemeente"
    wijk = next(r for r in doc["entiteiten"] if r["type"] == "wijk" and r["slug"] == "oost")
    assert wijk["velden"]["inwoners"] == 20000


def test_a_wijk_file_holds_that_wijk_only(built):
    doc = json.loads(data(built, "wijken/west/entiteiten.json"))
    assert {r["slug"] for r in doc["entiteiten"]} == {"west", "markt"}


def _all_bytes(b) -> dict[str, bytes]:
    found = {p: f.data() for p, f in b.outputs.files.items() if p.startswith(("data/", "wijken/")) and not p.endswith(".ics")}
    for name, raw in unzip(b).items():
        found[f"zip:{name}"] = raw
        if name.endswith(".xlsx"):
            with zipfile.ZipFile(io.BytesIO(raw)) as book:
                found.update({f"xlsx:{n}": book.read(n) for n in book.namelist()})
    return found


def test_no_email_address_in_any_data_file(built):
    for path, raw in _all_bytes(built).items():
        assert not EMAIL.search(raw), (path, EMAIL.search(raw))
    doc = data(built, "data/entiteiten.json").decode()
    assert "jan [apenstaartje] example.org" in doc  # still readable, as on the entity page
    assert all(e.encode() not in data(built, "data/entiteiten.json") for e in EMAILS)


def test_every_data_file_names_licence_build_date_and_commit(built):
    for path, raw in _all_bytes(built).items():
        if path.endswith((".json", ".jsonld")) and "schema/" not in path and "ecosysteem" not in path and not path.startswith("xlsx:"):
            doc = json.loads(raw)
            text = json.dumps(doc)
            assert "CC BY 4.0" in text and "2026-11-21" in text, path
    files = unzip(built)
    assert "CC BY 4.0" in files["LEESMIJ.md"].decode() and "2026-11-21" in files["LEESMIJ.md"].decode()
    book = openpyxl.load_workbook(io.BytesIO(files["open-data.xlsx"]))
    assert [c.value for c in book["licentie"]["A1:B1"][0]] == ["Licentie", "CC BY 4.0"]


def _csv(raw: bytes) -> list[dict[str, str]]:
    assert raw.startswith("\ufeff".encode())  # Dutch Excel reads the accents
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csvs_read_back_equal_the_model(built):
    files = unzip(built)
    for entity_type in DEFAULT_REGISTRY:
        assert f"{entity_type.name}.csv" in files and entity_type.name in openpyxl.load_workbook(io.BytesIO(files["open-data.xlsx"])).sheetnames
    rows = {r["slug"]: r for r in _csv(files["plek.csv"])}
    plek = built.site.get("plek:buurthuis")
    assert rows["buurthuis"]["titel"] == plek.title
    assert rows["buurthuis"]["locatie"] == "52.371; 4.921"
    assert rows["buurthuis"]["openingstijden"] == "ma-vr 09:00-17:00; za 10:00-14:00"
    assert rows["buurthuis"]["beheerder"] == "welzijn"
    initiatief = {r["slug"]: r for r in _csv(files["initiatief.csv"])}["moestuin"]
    assert initiatief["contact.email"] == "jan [apenstaartje] example.org"
    assert initiatief["zoekt"] == "vrijwilligers; geld"
    relations = _csv(files["initiatief_ondersteund_door.csv"])
    assert relations == [{"initiatief": "moestuin", "doel_type": "organisatie", "doel_slug": "welzijn"}]
    addressed = _csv(files["agendapunt_gericht_aan.csv"])
    assert addressed[0]["organisatie"] == "gemeente" and addressed[0]["reactie"] == "gesprek"
    assert _csv(files["agendapunt_mijlpalen.csv"])[0]["titel"] == "Eerste bak"
    assert _csv(files["rol_bezetting.csv"])[0]["naam"] == "Sam"
    ledger = _csv(files["wie_reageerde.csv"])
    assert ledger[0]["organisatie"] == "gemeente" and ledger[0]["agendapunt"] == "groen" and ledger[0]["reactie"] == "gesprek"
    for entity_type in DEFAULT_REGISTRY:  # one row per entity, columns from the model
        table = _csv(files[f"{entity_type.name}.csv"])
        assert sorted(r["slug"] for r in table) == sorted(e.slug for e in built.site.of_type(entity_type.name))


def test_a_formula_written_by_a_resident_stays_text(built):
    files = unzip(built)
    row = {r["slug"]: r for r in _csv(files["initiatief.csv"])}["moestuin"]
    assert row["titel"] == "'" + FORMULA
    sheet = openpyxl.load_workbook(io.BytesIO(files["open-data.xlsx"]))["initiatief"]
    cells = [c for r in sheet.iter_rows() for c in r if c.value and "HYPERLINK" in str(c.value)]
    assert cells and all(c.data_type == "s" for c in cells)


def test_the_zip_is_reproducible_and_complete(built, tmp_path):
    from ..helpers import write
    first = data(built, "data/open-data.zip")
    time.sleep(1.1)  # a clock in the bytes (a zip or xlsx time stamp) would differ now
    again = build(write(tmp_path, FILES), site_url="https://buurt.example/")
    assert data(again, "data/open-data.zip") == first
    names = set(unzip(built))
    assert {"open-data.xlsx", "LEESMIJ.md", "entiteiten.json", "wie_reageerde.csv"} <= names


def test_the_dictionary_explains_every_column_in_dutch_and_english(built):
    text = unzip(built)["LEESMIJ.md"].decode()
    for line in text.splitlines():
        if line.startswith("| `"):
            cells = [c.strip() for c in line.split(" | ")]
            assert cells[1] and cells[2], line
    assert "| `status` |" in text and "in-opbouw, actief" in text


def test_every_field_has_an_english_meaning():
    names = set()
    for entity_type in DEFAULT_REGISTRY:
        for spec in entity_type.fields:
            names.add(spec.name)
            kind = spec.kind.item if isinstance(spec.kind, ListOf) else spec.kind
            if isinstance(kind, Struct):
                names |= {sub.name for sub in kind.fields}
    assert names - set(ENGLISH) == set()
