"""A real `mkdocs build` of the hostile site: JSON-LD in the page head cannot break out of its
script element, the licence is in the footer, /data/ lists every file; and with git history,
every record has its dates and every file the commit."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ..adapters.test_mkdocs_build import build as mkdocs_build
from ..helpers import build, write
from ..history.gitrepo import GitRepo
from .hostile import BREAKOUT, FILES

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
CONFIG = "site_name: Buurt\nsite_url: https://buurt.example/\ndocs_dir: content\ntheme:\n  name: material\nplugins:\n  - buurtwiki:\n      history: false\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = write(tmp_path_factory.mktemp("mk"), {**FILES, "mkdocs.yml": CONFIG.replace("      history: false\n", "      history: false\n      licentie: CC BY-SA 4.0\n")})
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


def test_a_hostile_title_stays_inside_the_json_ld(site):
    html = (site / "wijken/oost/plekken/buurthuis/index.html").read_text(encoding="utf-8")
    assert BREAKOUT not in html and "<script>alert(1)" not in html
    scripts = SCRIPT.findall(html)
    assert len(scripts) == 1
    doc = json.loads(scripts[0])
    assert doc["@graph"][0]["name"] == BREAKOUT and doc["@graph"][0]["geo"]["latitude"] == 52.371


def test_the_licence_setting_is_in_the_footer_and_the_data(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'rel="license">CC BY-SA 4.0</a>' in html
    assert json.loads((site / "data/entiteiten.json").read_text(encoding="utf-8"))["licentie"] == "CC BY-SA 4.0"


def test_the_data_page_links_every_file_with_its_size(site):
    html = (site / "data/index.html").read_text(encoding="utf-8")
    assert ">Open data<" in html  # in the menu and as heading
    for name in ("entiteiten.json", "open-data.zip", "catalogus.jsonld", "organizations.json", "wijken/oost/entiteiten.json"):
        assert name in html, name
    for link in re.findall(r'<li><a href="([^"]+)"', html):
        assert (site / "data" / link).resolve().is_file(), link
    assert re.search(r"open-data\.zip</a>\s*<span class=\"bw-data-size\">\(\d+,\d kB\)", html)


def test_history_gives_dates_and_commit(tmp_path):
    repo = GitRepo(tmp_path)
    for rel, text in FILES.items():
        repo.write(rel, text)
    first = repo.commit("Begin")
    repo.write("wijken/oost/plekken/buurthuis.md", FILES["wijken/oost/plekken/buurthuis.md"] + "Meer.\n")
    head = repo.commit("Meer tekst", hours=48)
    b = build(tmp_path, history=True)
    doc = json.loads(b.outputs.files["data/entiteiten.json"].data())
    assert doc["commit"] == head != first
    plek = next(r for r in doc["entiteiten"] if r["slug"] == "buurthuis")
    assert plek["aangemaakt"] == "2024-01-01" and plek["gewijzigd"] > plek["aangemaakt"]
