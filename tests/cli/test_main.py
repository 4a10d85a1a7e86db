"""The `buurtwiki` command as a maintainer uses it."""

from __future__ import annotations

import json
from pathlib import Path

from buurtwiki.cli.main import main
from buurtwiki.content.loader import load_site
from buurtwiki.model.schema import DEFAULT_REGISTRY


def test_check_reports_every_problem_and_exits_1(site_dir, capsys):
    root = site_dir({
        "wijken/test-wijk/plekken/p.md": "---\ntitel: P\nstatus: dicht\n---\n",
        "wijken/test-wijk/initiatieven/i.md": "---\ntitel: I\nstatus: actief\nplekken: [q]\n---\n",
    })
    assert main(["check", str(root)]) == 1
    out = capsys.readouterr()
    lines = out.out.strip().splitlines()
    assert lines == [
        "wijken/test-wijk/initiatieven/i.md:4: fout: veld 'plekken': er is geen plek met de naam 'q'.",
        lines[1],
    ]
    assert lines[1].startswith("wijken/test-wijk/plekken/p.md:3: fout: veld 'status': 'dicht'")
    assert "2 fouten" in out.err


def test_check_clean_site_exits_0(site_dir, capsys):
    assert main(["check", str(site_dir({}))]) == 0
    assert capsys.readouterr().out == ""


def test_check_missing_folder_is_not_a_traceback(tmp_path, capsys):
    assert main(["check", str(tmp_path / "bestaat-niet")]) == 2
    assert "bestaat niet" in capsys.readouterr().err


def test_nieuw_writes_contract_path_from_title_and_never_overwrites(site_dir, capsys):
    root = site_dir({})
    args = ["nieuw", "initiatief", "Coöperatie Zon op ’t Dak", "--wijk", "test-wijk", "--dir", str(root)]
    assert main(args) == 0
    path = root / "wijken/test-wijk/initiatieven/cooperatie-zon-op-t-dak.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\ntitel: Coöperatie Zon op ’t Dak\nstatus: in-opbouw")
    site = load_site(root)
    assert not site.problems.items, [str(p) for p in site.problems.items]
    path.write_text(text + "\nEigen tekst.\n", encoding="utf-8")
    assert main(args) == 1
    assert "bestaat al" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8").endswith("Eigen tekst.\n")


def test_nieuw_every_type_gives_a_valid_page(site_dir):
    root = site_dir({})
    assert main(["nieuw", "toekomstagenda", "Agenda 2030", "--wijk", "test-wijk", "--dir", str(root)]) == 0
    for name in DEFAULT_REGISTRY.names:
        if name in ("toekomstagenda", "wijk"):
            continue
        extra = ["--agenda", "agenda-2030"] if name == "agendapunt" else []
        assert main(["nieuw", name, f"Nieuw {name}", "--wijk", "test-wijk", "--dir", str(root), *extra]) == 0
    assert main(["nieuw", "wijk", "De Nieuwe Wijk", "--dir", str(root)]) == 0
    site = load_site(root)
    assert not site.problems.errors, [str(p) for p in site.problems.errors]
    assert {e.type.name for e in site.entities} == set(DEFAULT_REGISTRY.names)


def test_nieuw_unknown_type_suggests(site_dir, capsys):
    assert main(["nieuw", "initiatif", "X", "--wijk", "test-wijk", "--dir", str(site_dir({}))]) == 1
    assert "Bedoel je 'initiatief'?" in capsys.readouterr().err


def test_schema_lists_every_field_of_the_model(tmp_path):
    assert main(["schema", "--out", str(tmp_path)]) == 0
    for name, spec in DEFAULT_REGISTRY.types.items():
        schema = json.loads((tmp_path / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert set(schema["properties"]) == {f.name for f in spec.fields}
        assert set(schema["required"]) == {f.name for f in spec.required}


def test_nieuw_agenda_and_readme_pattern_agree_and_a_missing_agenda_is_refused(site_dir, capsys):
    root = site_dir({})
    assert main(["nieuw", "agendapunt", "Groen", "--wijk", "test-wijk", "--agenda", "2025", "--dir", str(root)]) == 1
    err = capsys.readouterr().err
    assert "nog geen toekomstagenda '2025'" in err and 'buurtwiki nieuw toekomstagenda "Toekomstagenda 2025"' in err
    assert not (root / "wijken/test-wijk/toekomstagenda").exists()  # no orphan folder
    assert main(["nieuw", "toekomstagenda", "Toekomstagenda 2025", "--wijk", "test-wijk", "--dir", str(root)]) == 0
    out = capsys.readouterr().out
    assert "--agenda toekomstagenda-2025" in out
    # the README's pattern, as printed there
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "--agenda toekomstagenda-2025" in readme and '"Toekomstagenda 2025"' in readme
    assert main(["nieuw", "agendapunt", "Groen", "--wijk", "test-wijk", "--agenda", "toekomstagenda-2025", "--dir", str(root)]) == 0
    assert (root / "wijken/test-wijk/toekomstagenda/toekomstagenda-2025/groen.md").is_file()
    assert main(["nieuw", "agendapunt", "Blauw", "--wijk", "test-wijk", "--agenda", "toekomstagenda-2052", "--dir", str(root)]) == 1
    err = capsys.readouterr().err
    assert "bestaat niet" in err and "Bedoel je 'toekomstagenda-2025'?" in err
    assert not (root / "wijken/test-wijk/toekomstagenda/toekomstagenda-2052").exists()
