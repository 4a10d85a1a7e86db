"""What a resident's files may become on the site (content/files.py), as `buurtwiki check` and the
core build see it: real files, real symlinks, nothing mocked."""

from __future__ import annotations

import os

from buurtwiki.cli.main import main
from buurtwiki.content.files import MAX_FILE_BYTES, list_folder
from buurtwiki.content.loader import load_site

from ..helpers import build, render

SECRET = "ghp_GEHEIMTOKEN1234567890"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def messages(site) -> list[str]:
    return [str(p) for p in site.problems.sorted()]


def test_check_names_every_symlink_and_refused_type(site_dir, tmp_path, capsys):
    root = site_dir({
        "content/pagina.html": "<h1>nep</h1>",
        "content/logo.svg": "<svg/>",
        "content/Over.Md": "# Over\n",
        "wijken/test-wijk/script.js": "alert(1)",
        "wijken/test-wijk/uitleg.markdown": "# Uitleg\n",
    })
    (root / ".git").mkdir()
    (root / ".git/config").write_text(SECRET, encoding="utf-8")
    os.symlink("../../.git/config", root / "wijken/test-wijk/kaart.png")
    os.symlink("/etc/passwd", root / "content/passwd.md")
    os.symlink(tmp_path, root / "wijken/test-wijk/plekken")
    assert main(["check", str(root)]) == 1
    out = capsys.readouterr().out
    symlink = "fout: dit is een snelkoppeling (symlink); Buurtwiki publiceert geen snelkoppelingen. Zet het echte bestand"
    for path in ("wijken/test-wijk/kaart.png", "content/passwd.md", "wijken/test-wijk/plekken"):
        assert f"{path}:1: {symlink}" in out
    assert "content/pagina.html:1: fout: bestanden van dit type ('.html') worden niet gepubliceerd. Toegestaan zijn" in out
    assert "wijken/test-wijk/script.js:1: fout: bestanden van dit type ('.js')" in out
    assert "content/logo.svg:1: fout: SVG-bestanden worden niet gepubliceerd" in out and "logo.png" in out
    assert "content/Over.Md:1: fout: de bestandsnaam eindigt op '.Md'" in out and "hernoem naar Over.md" in out
    assert "hernoem naar uitleg.md" in out
    assert SECRET not in out


def test_nothing_behind_a_symlink_is_loaded_or_published(site_dir, tmp_path):
    outside = tmp_path / "buiten"
    outside.mkdir()
    (outside / "geheim.md").write_text(f"---\ntitel: {SECRET}\nstatus: open\n---\n{SECRET}\n", encoding="utf-8")
    (outside / "geheim.png").write_bytes(PNG + SECRET.encode())
    root = site_dir({})
    os.symlink(outside / "geheim.md", root / "wijken/test-wijk/plekken.md")
    (root / "wijken/test-wijk/plekken").mkdir()
    os.symlink(outside / "geheim.md", root / "wijken/test-wijk/plekken/geheim.md")
    os.symlink(outside, root / "wijken/test-wijk/initiatieven")
    os.symlink(outside, root / "wijken/andere-wijk")
    os.symlink(outside / "geheim.png", root / "wijken/test-wijk/foto.png")
    os.symlink(outside / "geheim.md", root / "content/geheim.md")
    os.symlink(outside, root / "content/map")
    b = build(root)
    assert [e.path for e in b.site.entities] == ["wijken/test-wijk/index.md"]
    assert [p.path for p in b.site.pages] == ["content/index.md"]
    assert b.site.assets == [] and b.site.published == {"index.md"}
    for path, output in b.outputs.files.items():
        assert SECRET.encode() not in output.data(), path
    for page in b.outputs.pages.values():
        assert SECRET not in render(b, page.src_uri)
    assert len([m for m in messages(b.site) if "snelkoppeling (symlink)" in m]) == 7


def test_symlinked_wijken_folder_and_theme_registry_are_not_read(site_dir, tmp_path):
    root = site_dir({})
    outside = tmp_path / "buiten"
    outside.mkdir()
    (outside / "themas.yml").write_text("geheim:\n  titel: Geheim\n", encoding="utf-8")
    os.symlink(outside / "themas.yml", root / "content/themas.yml")
    os.rename(root / "wijken", outside / "wijken")
    os.symlink(outside / "wijken", root / "wijken")
    site = load_site(root)
    assert "geheim" not in site.themes
    assert site.entities == []
    assert "content/themas.yml:1: fout: dit is een snelkoppeling (symlink)" in "\n".join(messages(site))
    assert "wijken:1: fout: dit is een snelkoppeling (symlink)" in "\n".join(messages(site))


def test_safe_files_are_published_and_data_and_hidden_files_are_not(site_dir):
    root = site_dir({
        "content/themas.yml": "buurt:\n  titel: Buurt\n",
        "content/.verborgen.html": "<h1>verborgen</h1>",
        "content/.github/workflow.yml": "x",
        "content/flyer.pdf": "%PDF-1.4",
        "content/lijst.csv": "a,b\n",
        "wijken/test-wijk/grens.geojson": "{}",
        "wijken/test-wijk/.verborgen.js": "alert(1)",
    })
    (root / "content/fotos").mkdir()
    (root / "content/fotos/Plein.JPG").write_bytes(PNG)
    site = load_site(root)
    assert messages(site) == []
    assert "buurt" in site.themes
    assert site.published == {"index.md", "flyer.pdf", "lijst.csv", "fotos/Plein.JPG"}
    assert [src for src, _ in site.assets] == ["wijken/test-wijk/grens.geojson"]


def test_theme_and_generated_paths_cannot_be_replaced(site_dir):
    root = site_dir({
        "content/assets/buurtwiki/buurtwiki.css": "body{display:none}",
        "content/search/lees.md": "# Zoeken\n",
        "content/data/plekken.geojson": "{}",
        "content/feeds/x.txt": "x",
    })
    (root / "content/assets/images").mkdir(parents=True)
    (root / "content/assets/images/favicon.png").write_bytes(PNG)
    site = load_site(root)
    assert site.published == {"index.md"}
    found = "\n".join(messages(site))
    for name in ("assets", "search", "data", "feeds"):
        assert f"content/{name}:1: fout: de map '{name}' is gereserveerd voor het thema en voor Buurtwiki zelf" in found
    assert not [p for p in site.pages if "search" in p.path]


def test_special_and_huge_files_are_refused_without_reading_them(site_dir):
    root = site_dir({})
    os.mkfifo(root / "content/pijp.png")  # reading it would hang the build
    with open(root / "wijken/test-wijk/groot.pdf", "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    site = load_site(root)
    found = "\n".join(messages(site))
    assert "content/pijp.png:1: fout: dit is geen gewoon bestand" in found
    assert "wijken/test-wijk/groot.pdf:1: fout: dit bestand is te groot (25,0 MB); hoogstens 25,0 MB mag" in found
    assert site.assets == []


def test_listing_is_sorted_and_complete(tmp_path):
    (tmp_path / "b").mkdir()
    for rel in ("b/z.md", "b/a.png", "a.md", "c.exe"):
        (tmp_path / rel).write_bytes(b"x")
    listing = list_folder(tmp_path)
    assert listing.pages == ["a.md", "b/z.md"]
    assert listing.files == ["b/a.png"]
    assert [rel for rel, _ in listing.problems] == ["c.exe"]


def test_grens_must_stay_in_the_wijk_folder(site_dir):
    root = site_dir({
        "wijken/test-wijk/index.md": "---\ntitel: Testwijk\ngrens: /etc/passwd.geojson\n---\n",
        "wijken/tweede/index.md": "---\ntitel: Tweede\ngrens: weg.geojson\n---\n",
        "wijken/derde/index.md": "---\ntitel: Derde\ngrens: kaart/grens.geojson\n---\n",
        "wijken/derde/kaart/grens.geojson": '{"type": "Polygon", "coordinates": [[[4.9, 52.3], [4.95, 52.3], [4.95, 52.35], [4.9, 52.3]]]}',
    })
    b = build(root)
    found = "\n".join(messages(b.site))
    assert "wijken/test-wijk/index.md:3: fout: veld 'grens': '/etc/passwd.geojson' ligt buiten de map van deze pagina" in found
    assert "wijken/tweede/index.md:3: waarschuwing: veld 'grens': het bestand 'weg.geojson' staat niet in de map" in found
    assert "wijken/derde" not in found
    assert "passwd" not in render(b, "wijken/test-wijk/index.md")
    assert "kaart/grens.geojson" in render(b, "wijken/derde/index.md")


def test_images_and_links_in_the_body_stay_inside_the_site(site_dir):
    root = site_dir({
        "wijken/test-wijk/plekken/p.md": """\
            ---
            titel: P
            status: open
            ---
            ![geheim](../../../../.git/config)

            ![wachtwoorden](/etc/passwd)

            [gecodeerd](%2e%2e/%2E%2E/%2e%2e/%2e%2e/.git/config)

            ![weg](weg.png) en ![goed](foto.png) en [flyer](../../../flyer.pdf) en [web](https://voorbeeld.nl/x.png)
            """,
    })
    (root / "wijken/test-wijk/plekken/foto.png").write_bytes(PNG)
    (root / "content/flyer.pdf").write_bytes(b"%PDF-1.4")
    site = load_site(root)
    found = [m for m in messages(site) if m.startswith("wijken/test-wijk/plekken/p.md")]
    assert len(found) == 4
    assert found[0].startswith("wijken/test-wijk/plekken/p.md:5: fout: de afbeelding '../../../../.git/config' wijst naar een plek buiten de site")
    assert found[1].startswith("wijken/test-wijk/plekken/p.md:7: fout: de afbeelding '/etc/passwd' is een pad vanaf de schijf")
    assert found[2].startswith("wijken/test-wijk/plekken/p.md:9: fout: de link '%2e%2e/%2E%2E/%2e%2e/%2e%2e/.git/config' wijst naar")
    assert found[3] == (
        "wijken/test-wijk/plekken/p.md:11: waarschuwing: de afbeelding 'weg.png' bestaat niet of wordt niet gepubliceerd. "
        "Zet het bestand (png, jpg, gif, webp of avif) bij de pagina."
    )


def test_a_file_name_cannot_forge_lines_of_the_report(site_dir, capsys):
    root = site_dir({})
    (root / "wijken/test-wijk/x.png\n::error::alles is goed.png").write_bytes(PNG)
    (root / "content/\u202egnp.exe").write_bytes(PNG)  # right-to-left override: shows as exe.png
    assert main(["check", str(root)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert not [line for line in lines if line.startswith("::")]
    assert "wijken/test-wijk/x.png?::error::alles is goed.png:1: fout: de naam van dit bestand" in lines[1]
    assert lines[0].startswith("content/?gnp.exe:1: fout: de naam van dit bestand")
    assert len(lines) == 2
