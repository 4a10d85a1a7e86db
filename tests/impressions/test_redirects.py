"""Renamed pages: the old address keeps working, through every rename, and never points elsewhere."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ..outputs.history_repo import ANOUK, BRAM, TODAY, Repo, initiatief, wijk
from ..outputs.test_history_site import MKDOCS_YML

BIN = Path(sys.executable).parent
HOSTILE = '<script>alert(1)</script>" http-equiv="x'


def mkdocs_build(root: Path, extra: str = "") -> Path:
    (root / "mkdocs.yml").write_text(MKDOCS_YML + extra, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BUURTWIKI_TODAY": TODAY.isoformat()}
    result = subprocess.run([str(BIN / "mkdocs"), "build"], cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


def renamed_repo(root: Path) -> Repo:
    repo = Repo(root)
    repo.write("content/index.md", "---\ntitle: Test\n---\nWelkom.\n")
    repo.write("content/over.md", "---\ntitle: Over ons\n---\nWij.\n")
    repo.write("wijken/ohg/index.md", wijk())
    repo.write("wijken/ohg/initiatieven/eettafel.md", initiatief("Eettafel"))
    repo.write("wijken/ohg/initiatieven/moestuin.md", initiatief("Moestuin"))
    repo.write("wijken/ohg/initiatieven/tuin.md", initiatief(HOSTILE))
    repo.commit("Eerste versie", ANOUK)
    repo.move("wijken/ohg/initiatieven/eettafel.md", "wijken/ohg/initiatieven/buurteettafel.md")
    repo.commit("Nieuwe naam", BRAM)
    repo.move("wijken/ohg/initiatieven/buurteettafel.md", "wijken/ohg/initiatieven/buurtkeuken.md")
    repo.commit("Weer een nieuwe naam", ANOUK)
    # a rename whose old address is taken again by a new page: that page wins, no redirect
    repo.move("wijken/ohg/initiatieven/moestuin.md", "wijken/ohg/initiatieven/groentetuin.md")
    repo.commit("Moestuin heet nu groentetuin", BRAM)
    repo.write("wijken/ohg/initiatieven/moestuin.md", initiatief("Nieuwe moestuin"))
    repo.commit("Een nieuwe moestuin", BRAM)
    # a hostile title; and an old name Buurtwiki would never publish
    repo.move("wijken/ohg/initiatieven/tuin.md", "wijken/ohg/initiatieven/hof.md")
    repo.commit("Tuin heet hof", ANOUK)
    repo.write("wijken/ohg/initiatieven/Rare naam;url=evil.md", initiatief("Raar"))
    repo.commit("Rare naam", ANOUK)
    repo.move("wijken/ohg/initiatieven/Rare naam;url=evil.md", "wijken/ohg/initiatieven/raar.md")
    repo.commit("Goede naam", ANOUK)
    repo.move("content/over.md", "content/over-ons.md")
    repo.commit("Over ons", ANOUK)
    # a page deleted after its rename: nothing to send readers to
    repo.write("wijken/ohg/initiatieven/weg.md", initiatief("Weg"))
    repo.commit("Weg", ANOUK)
    repo.move("wijken/ohg/initiatieven/weg.md", "wijken/ohg/initiatieven/verdwenen.md")
    repo.commit("Verdwenen", ANOUK)
    repo.remove("wijken/ohg/initiatieven/verdwenen.md")
    repo.commit("Echt weg", ANOUK)
    return repo


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("redirects")
    renamed_repo(root)
    return mkdocs_build(root)


def refresh_target(html: str) -> str:
    found = re.findall(r'<meta http-equiv="refresh" content="0; url=([^"]*)">', html)
    assert len(found) == 1
    return found[0]


def test_every_old_address_sends_on_to_the_page_today(site):
    for old in ("eettafel", "buurteettafel"):
        html = (site / f"wijken/ohg/initiatieven/{old}/index.html").read_text(encoding="utf-8")
        assert "Deze pagina is verhuisd naar" in html and ">Eettafel</a>" in html
        assert refresh_target(html) == "../buurtkeuken/"
        assert '<link rel="canonical" href="https://buurt.example.org/wijken/ohg/initiatieven/buurtkeuken/">' in html
        assert (site / "wijken/ohg/initiatieven/buurtkeuken/index.html").is_file()
    html = (site / "over/index.html").read_text(encoding="utf-8")
    assert refresh_target(html) == "../over-ons/" and "Over ons" in html


def test_a_new_page_at_an_old_address_is_not_replaced(site):
    html = (site / "wijken/ohg/initiatieven/moestuin/index.html").read_text(encoding="utf-8")
    assert "Nieuwe moestuin" in html and "verhuisd" not in html


def test_no_redirect_for_deleted_pages_or_names_buurtwiki_would_not_publish(site):
    assert not (site / "wijken/ohg/initiatieven/weg").exists()
    assert not (site / "wijken/ohg/initiatieven/verdwenen").exists()
    assert not any("evil" in p.name or "Rare" in p.name for p in site.rglob("*"))


def test_titles_are_escaped_and_targets_never_come_from_text(site):
    html = (site / "wijken/ohg/initiatieven/tuin/index.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert refresh_target(html) == "../hof/"
    assert html.count("<meta http-equiv") == 1 and '&#34; http-equiv=&#34;x' in html


def test_recent_changes_say_the_old_address_still_works(site):
    html = (site / "recente-wijzigingen/index.html").read_text(encoding="utf-8")
    assert html.count("het oude adres</a> stuurt door") == 4  # eettafel, buurteettafel, tuin, over
    assert 'href="../wijken/ohg/initiatieven/eettafel/" class="bw-moved"' in html


def test_without_directory_urls_the_old_file_sends_on(tmp_path):
    renamed_repo(tmp_path)
    site = mkdocs_build(tmp_path, "use_directory_urls: false\n")
    html = (site / "wijken/ohg/initiatieven/eettafel.html").read_text(encoding="utf-8")
    assert refresh_target(html) == "buurtkeuken.html"
