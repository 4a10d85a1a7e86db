"""Whole-site builds through the MkDocs plugin: demo site, an `init` site, hostile input, properdocs."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from buurtwiki.content.loader import load_site
from buurtwiki.scaffold.site import init_site

from ..conftest import TODAY, write_site

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BUURTWIKI_TODAY": TODAY.isoformat()}


def build(root: Path, *args: str, tool: str = "mkdocs") -> subprocess.CompletedProcess:
    command = [str(BIN / tool), "build", *args]
    if tool == "properdocs":
        command += ["-f", "mkdocs.yml"]
    return subprocess.run(command, cwd=root, env=ENV, capture_output=True, text=True, timeout=300)


def copy_demo(tmp_path: Path) -> Path:
    for name in ("mkdocs.yml", "content", "wijken"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    return tmp_path


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    root = copy_demo(tmp_path_factory.mktemp("demo"))
    result = build(root, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    return root


def test_demo_has_every_entity_at_its_contract_url(demo):
    site = load_site(demo)
    assert not site.problems.errors, [str(p) for p in site.problems.errors]
    assert len(site.entities) > 40
    for entity in site.entities:
        page = demo / "site" / entity.url / "index.html"
        assert page.is_file(), entity.url
        html = page.read_text(encoding="utf-8")
        assert f"<h1>{_escaped(entity.title)}</h1>" in html, entity.url
    expected = {e.type.name for e in site.entities}
    assert expected == {"wijk", "initiatief", "plek", "organisatie", "fonds", "rol", "toekomstagenda", "agendapunt", "activiteit"}


def _escaped(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def test_demo_entity_page_links_references_by_title(demo):
    site = load_site(demo)
    entity = next(e for e in site.of_type("initiatief") if e.get("plekken"))
    place = site.resolve(entity.get("plekken")[0])
    html = (demo / "site" / entity.url / "index.html").read_text(encoding="utf-8")
    link = re.search(r'<a href="([^"]+)">' + re.escape(_escaped(place.title)) + "</a>", html)
    assert link, "the place is linked by its title"
    target = (demo / "site" / entity.url / link.group(1)).resolve()
    assert target == (demo / "site" / place.url).resolve()


def test_demo_navigation_holds_overviews_not_entities(demo):
    site = load_site(demo)
    html = (demo / "site/index.html").read_text(encoding="utf-8")
    nav = html[html.index('class="md-nav md-nav--primary"'):]
    nav = nav[: nav.index('class="md-sidebar md-sidebar--secondary"')]
    assert "Organisaties" in nav and "Wijken" in nav
    initiatives = site.of_type("initiatief")
    assert not any(f'href="{e.url}"' in nav or e.url in nav for e in initiatives)
    assert nav.count("<li") < 40


def test_demo_is_dutch(demo):
    html = (demo / "site/index.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in html
    assert "Made with" not in html and "Gemaakt met Buurtwiki en" in html  # the footer, on every page
    entry = json.loads((demo / "site/pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["nl"]  # Pagefind: Dutch stemming
    assert not (demo / "site/search").exists()  # Material's search index is not built beside it


def test_init_site_builds_from_the_installed_package(tmp_path):
    init_site(tmp_path, site_name='Buurt "De Ster" & Co', today=TODAY)
    result = build(tmp_path, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert "Buurt &#34;De Ster&#34; &amp; Co" in home or "Buurt &quot;De Ster&quot; &amp; Co" in home
    assert (tmp_path / "site/wijken/mijn-wijk/initiatieven/eetgroep-mijn-wijk/index.html").is_file()
    assert (tmp_path / "site/assets/buurtwiki/buurtwiki.css").is_file()


def test_init_site_with_contract_breaking_content_reports_and_still_builds(tmp_path):
    init_site(tmp_path, today=TODAY)
    write_site(tmp_path, {
        "wijken/mijn-wijk/initiatieven/kapot.md": "---\ntitel: Kapot\nstatus: bezig\n---\nZie [[bestaat-niet]].\n",
    }, base=None)
    normal = build(tmp_path)
    assert normal.returncode == 0
    assert "wijken/mijn-wijk/initiatieven/kapot.md:3: fout: veld 'status'" in normal.stderr
    assert "wijken/mijn-wijk/initiatieven/kapot.md:5: fout: link [[bestaat-niet]]" in normal.stderr
    assert (tmp_path / "site/wijken/mijn-wijk/initiatieven/kapot/index.html").is_file()
    assert (tmp_path / "site/wijken/mijn-wijk/initiatieven/eetgroep-mijn-wijk/index.html").is_file()
    strict = build(tmp_path, "--strict")
    assert strict.returncode != 0
    assert "Traceback" not in normal.stderr + strict.stderr


HOSTILE = {
    "wijken/test-wijk/initiatieven/boos.md": """\
        ---
        titel: "<script>alert('titel')</script>"
        status: actief
        samenvatting: "<img src=x onerror=alert(1)>"
        contact:
          email: buren@voorbeeld.nl
          website: "https://voorbeeld.nl/?a=<b>"
        ---
        Hallo <script>alert('body')</script> en <a href="#" onclick="alert(2)">klik</a>
        en [link](javascript:alert(3)) en <iframe src="https://evil.example"></iframe>.
        """,
}


def test_hostile_input_is_escaped_and_sanitised(tmp_path):
    root = write_site(tmp_path, HOSTILE)
    (root / "mkdocs.yml").write_text("site_name: T\ndocs_dir: content\ntheme:\n  name: material\n  language: nl\nplugins:\n  - buurtwiki\n", encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.stderr[-2000:]
    html = (root / "site/wijken/test-wijk/initiatieven/boos/index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "<img src=x onerror" not in html
    assert 'onclick="alert' not in html
    assert not re.search(r"href=[\"']?javascript:", html)
    assert "<iframe" not in html
    assert "&lt;script&gt;alert(&#39;titel&#39;)&lt;/script&gt;" in html or "&lt;script&gt;alert(&#x27;titel&#x27;)" in html
    assert "mailto:buren@voorbeeld.nl" not in html and "buren@voorbeeld.nl" not in html
    assert "buren [apenstaartje] voorbeeld.nl" in html
    wijk = (root / "site/wijken/test-wijk/index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in wijk


def test_properdocs_builds_the_demo(tmp_path):
    if not (BIN / "properdocs").exists():
        pytest.fail("properdocs is a test dependency and must be installed")
    root = copy_demo(tmp_path)
    result = build(root, tool="properdocs")
    assert result.returncode == 0, result.stderr[-3000:]
    assert (root / "site/wijken/oostelijk-havengebied/index.html").is_file()


def test_demo_menu_lists_the_pages_emitters_put_in_it_in_order(demo):
    """The menu comes from the core's pages (MenuEntry), not a list in the adapter; the
    open-data emitter adds "Open data" last."""
    html = (demo / "site/index.html").read_text(encoding="utf-8")
    nav = html[html.index('class="md-nav md-nav--primary"'):]
    nav = nav[: nav.index('class="md-sidebar md-sidebar--secondary"')]
    titles = ["Organisaties", "Fondsen", "Thema's", "Toekomstagenda's", "Wie reageerde?", "Losse eindjes", "Open data"]
    positions = [nav.find(t) for t in titles]
    assert -1 not in positions and positions == sorted(positions), positions


def test_unknown_timezone_stops_the_build_with_a_dutch_message(tmp_path):
    root = copy_demo(tmp_path)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("  - buurtwiki", "  - buurtwiki:\n      timezone: Europa/Amsterdam", 1), encoding="utf-8")
    result = build(root)
    assert result.returncode != 0
    assert "timezone 'Europa/Amsterdam' is geen tijdzone" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
