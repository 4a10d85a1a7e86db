"""The residents' guide docs/inhoudsformaat.md: field lists from the model, shipped with every new
site, kept current by `bijwerken`, and honest about which published addresses exist."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from buurtwiki.cli.main import main
from buurtwiki.model.fields import Choice, Field, Number, Text
from buurtwiki.model.registry import Registry
from buurtwiki.model.schema import DEFAULT_REGISTRY
from buurtwiki.model.types import EntityType
from buurtwiki.scaffold import update
from buurtwiki.scaffold.guide import BEGIN, END, GUIDE, REFRESH, fields_markdown, refresh, template_guide
from buurtwiki.scaffold.site import init_site

from ..adapters.test_mkdocs_build import build
from ..history.gitrepo import GitRepo

REPO = Path(__file__).resolve().parents[2]
PACKAGED = REPO / "plugins/buurtwiki/scaffold/site_template" / GUIDE


@pytest.mark.parametrize("path", [REPO / GUIDE, PACKAGED], ids=["project", "package"])
def test_the_guides_field_lists_are_the_models(path):
    text = path.read_text(encoding="utf-8")
    assert refresh(text, DEFAULT_REGISTRY) == text, (
        f"{path.relative_to(REPO)} is out of date with the model. Refresh it with: .venv/bin/{REFRESH}"
    )


def test_the_package_ships_the_projects_guide():
    assert PACKAGED.read_text(encoding="utf-8") == (REPO / GUIDE).read_text(encoding="utf-8"), (
        f"the guide in the package differs from {GUIDE}. Edit {GUIDE}, then: cp {GUIDE} {PACKAGED.relative_to(REPO)}"
    )
    assert template_guide() == PACKAGED.read_text(encoding="utf-8")


def test_every_type_and_field_of_the_model_is_in_the_guide():
    text = (REPO / GUIDE).read_text(encoding="utf-8")
    block = text[text.index(BEGIN):text.index(END)]
    sections = re.split(r"^### ", block, flags=re.MULTILINE)[1:]
    assert [re.search(r"\(`([a-z]+)`\)", s).group(1) for s in sections] == DEFAULT_REGISTRY.names
    for spec, section in zip(DEFAULT_REGISTRY, sections, strict=True):
        for field in spec.required:
            if field.name != "type":
                assert f"| **`{field.name}`** (verplicht) |" in section, (spec.name, field.name)
        for field in spec.fields:
            if field.name != "type":
                assert f"`{field.name}`" in section, (spec.name, field.name)
    assert "een van: in-opbouw, actief, slapend, gestopt, overgedragen" in block
    assert "`ja` = toegankelijk" in block  # a value word's label on the site
    assert "hoogstens 300 tekens" in block and "van 0 tot en met 100" in block  # limits from the kinds


def test_a_new_type_or_field_shows_up_without_touching_the_guide_code():
    buurtkast = EntityType("buurtkast", "Buurtkast", "Buurtkasten", "buurtkasten", [
        Field("titel", Text(), required=True),
        Field("inhoud", Choice({"boeken": "boeken", "zaden": "zaadjes"}), required=True, help="Wat erin zit."),
        Field("planken", Number(minimum=1, maximum=12, integer=True)),
    ])
    text = fields_markdown(Registry([*[t for t in DEFAULT_REGISTRY], buurtkast]))
    section = text[text.index("### Buurtkast"):]
    assert "- Bestand: `wijken/<wijk>/buurtkasten/<slug>.md`" in section
    assert "- Adres op de site: `/wijken/<wijk>/buurtkasten/<slug>/`" in section
    assert "| **`inhoud`** (verplicht) | een van: boeken, zaden | Op de site: `zaden` = zaadjes. Wat erin zit. |" in section
    assert "| `planken` | een getal, van 1 tot en met 12, zonder komma |  |" in section


def test_schema_markdown_refreshes_a_file_and_refuses_one_without_markers(tmp_path, capsys):
    stale = tmp_path / "gids.md"
    stale.write_text(f"# Gids\n\n{BEGIN}\noud\n{END}\n\nEinde.\n", encoding="utf-8")
    assert main(["schema", "--markdown", str(stale)]) == 0
    text = stale.read_text(encoding="utf-8")
    assert "oud" not in text and "### Initiatief (`initiatief`)" in text and text.endswith(f"{END}\n\nEinde.\n")
    assert main(["schema", "--markdown", str(stale)]) == 0
    assert "Alles is al bijgewerkt." in capsys.readouterr().out

    bare = tmp_path / "zonder.md"
    bare.write_text("# Geen lijst\n", encoding="utf-8")
    assert main(["schema", "--markdown", str(bare)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"fout: {bare}: de regels") and "velden:begin" in err and "Traceback" not in err
    assert bare.read_text(encoding="utf-8") == "# Geen lijst\n"


def test_init_writes_the_guide_and_bijwerken_brings_an_old_one_up_to_date(tmp_path):
    init_site(tmp_path, version="1.2.3")
    guide = tmp_path / GUIDE
    assert guide.read_text(encoding="utf-8") == template_guide()
    assert "docs/inhoudsformaat.md" in (tmp_path / "README.md").read_text(encoding="utf-8")
    assert update.plan(tmp_path, version="1.2.3") == []

    old = guide.read_text(encoding="utf-8").replace("| **`vastgesteld`** (verplicht)", "| `vastgesteld`")
    guide.write_text(old, encoding="utf-8")
    assert [rel for rel, _, _ in update.plan(tmp_path, version="1.2.3")] == [GUIDE]


def test_no_file_points_at_a_folder_outside_the_project():
    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    needle = "../" + "shared"
    found = [rel for rel in tracked if (REPO / rel).is_file() and needle in (REPO / rel).read_text(encoding="utf-8", errors="replace")]
    assert found == [], f"these files point at {needle}, which people who clone the project do not have"


# Each published address of the guide's table, as a file of a built `init` site with the pages below.
EXAMPLES = {
    "/wijken/<wijk>/": "wijken/mijn-wijk/index.html",
    "/wijken/<wijk>/<map>/<slug>/": "wijken/mijn-wijk/initiatieven/eetgroep-mijn-wijk/index.html",
    "/wijken/<wijk>/toekomstagenda/<agenda>/<slug>/": "wijken/mijn-wijk/toekomstagenda/2025/meer-groen/index.html",
    "/organisaties/<slug>/": "organisaties/gemeente-test/index.html",
    "/fondsen/<slug>/": "fondsen/buurtbudget/index.html",
    "<adres van de pagina>geschiedenis/": "wijken/mijn-wijk/initiatieven/eetgroep-mijn-wijk/geschiedenis/index.html",
    "/recente-wijzigingen/": "recente-wijzigingen/index.html",
    "/wijken/<wijk>/recente-wijzigingen/": "wijken/mijn-wijk/recente-wijzigingen/index.html",
    "/feeds/wijzigingen.xml": "feeds/wijzigingen.xml",
    "/wijken/<wijk>/wijzigingen.xml": "wijken/mijn-wijk/wijzigingen.xml",
    "/wijken/<wijk>/ecosysteem/": "wijken/mijn-wijk/ecosysteem/index.html",
    "/data/ecosysteem.json": "data/ecosysteem.json",
    "/themas/<thema>/": "themas/zorgzaamheid/index.html",
    "/data/entiteiten.json": "data/entiteiten.json",
    "/data/plekken.geojson": "data/plekken.geojson",
    "/data/open-data.zip": "data/open-data.zip",
    "/data/activiteiten.ics": "data/activiteiten.ics",
    "/wijken/<wijk>/activiteiten.ics": "wijken/mijn-wijk/activiteiten.ics",
}

EXTRA_PAGES = {
    "content/organisaties/gemeente-test.md": "---\ntitel: Gemeente Test\nsoort: gemeente\n---\nDe gemeente.\n",
    "content/fondsen/buurtbudget.md": "---\ntitel: Buurtbudget\nverstrekker: gemeente-test\n---\nGeld voor bewoners.\n",
    "wijken/mijn-wijk/toekomstagenda/2025/index.md": "---\ntitel: Toekomstagenda 2025\nvastgesteld: 2025-03-01\n---\nDe agenda.\n",
    "wijken/mijn-wijk/toekomstagenda/2025/meer-groen.md": (
        "---\ntitel: Meer groen\nstatus: idee\nthema: zorgzaamheid\ngericht_aan:\n  - organisatie: gemeente-test\n"
        "    verzonden: 2025-03-10\n---\nMeer bomen.\n"
    ),
}


def _published_rows(text: str) -> list[tuple[list[str], str]]:
    """(addresses, status) per row of the table under "Vaste adressen"."""
    table = text[text.index("## Vaste adressen"):].split("\n## ", 1)[0]
    rows = []
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[2] in ("gebouwd", "nog niet gebouwd"):
            rows.append((re.findall(r"`([^`]+)`", cells[1]), cells[2]))
    return rows


def test_the_published_addresses_table_says_what_a_build_really_publishes(tmp_path):
    root = tmp_path / "site-bron"
    init_site(root, version="1.2.3")
    repo = GitRepo(root)
    for rel, text in EXTRA_PAGES.items():
        repo.write(rel, text)
    repo.git("add", "-A")
    repo.commit("Nieuwe buurtwiki")
    result = build(root, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]

    rows = _published_rows((REPO / GUIDE).read_text(encoding="utf-8"))
    listed = {address for addresses, _ in rows for address in addresses}
    assert listed == set(EXAMPLES), f"give each address in the table an example here: {sorted(listed ^ set(EXAMPLES))}"
    for addresses, status in rows:
        for address in addresses:
            built = (root / "site" / EXAMPLES[address]).is_file()
            if status == "gebouwd":
                assert built, f"{GUIDE} says {address} is built, but the build has no {EXAMPLES[address]}"
            else:
                assert not built, (
                    f"{address} is built now: change 'nog niet gebouwd' to 'gebouwd' in its row of {GUIDE}, "
                    f"then: cp {GUIDE} {PACKAGED.relative_to(REPO)}"
                )
