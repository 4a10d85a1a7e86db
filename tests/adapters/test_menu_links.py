"""The menu on entity and history pages is rendered once per group of pages and shared
(plugin.on_env, content/urls.py:links_key): every shared link must still lead where its label says."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

from ..history.gitrepo import GitRepo
from ..outputs.history_repo import ANOUK, initiatief, wijk
from .test_standalone import build

SITE = "https://buurt.example.org/"


class MenuLinks(HTMLParser):
    """(label, href) of every link in Material's navigation."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "a" and "md-nav__link" in (found.get("class") or "").split():
            self._href, self._text = found.get("href"), []

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((" ".join("".join(self._text).split()), self._href))
            self._href = None


def menu(site: Path, url: str) -> dict[str, str]:
    """Label → absolute URL of the menu links on the page at ``url``."""
    parser = MenuLinks()
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    return {label: urljoin(SITE + url, href) for label, href in parser.links}


def test_every_wijk_in_the_menu_links_to_that_wijk_on_pages_of_every_wijk(tmp_path):
    repo = GitRepo(tmp_path)
    repo.write("content/index.md", "---\ntitle: Test\n---\nWelkom.\n")
    for slug, title in (("noord", "Noord"), ("zuid", "Zuid")):
        repo.write(f"wijken/{slug}/index.md", wijk(title))
        repo.write(f"wijken/{slug}/initiatieven/eettafel-{slug}.md", initiatief(f"Eettafel {title}"))
    repo.commit("Twee wijken", ANOUK)
    build(tmp_path, workers=0, site="site")
    for slug in ("noord", "zuid"):
        for url in (f"wijken/{slug}/initiatieven/eettafel-{slug}/", f"wijken/{slug}/initiatieven/eettafel-{slug}/geschiedenis/"):
            links = menu(tmp_path / "site", url)
            assert links["Noord"] == SITE + "wijken/noord/", url
            assert links["Zuid"] == SITE + "wijken/zuid/", url


def test_materials_configuration_script_points_every_page_to_the_site_root(tmp_path):
    """Material's configuration script is shared by pages with the same base URL (main.html):
    each page's still leads to the site root, whatever its depth."""
    import json
    import re

    repo = GitRepo(tmp_path)
    repo.write("content/index.md", "---\ntitle: Test\n---\nWelkom.\n")
    repo.write("wijken/noord/index.md", wijk("Noord"))
    repo.write("wijken/noord/initiatieven/eettafel.md", initiatief("Eettafel"))
    repo.commit("Een wijk", ANOUK)
    build(tmp_path, workers=0, site="site")
    for url in ("", "wijken/noord/", "wijken/noord/initiatieven/eettafel/", "wijken/noord/initiatieven/eettafel/geschiedenis/"):
        html = (tmp_path / "site" / url / "index.html").read_text(encoding="utf-8")
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
        assert urljoin(SITE + url, config["base"] + "/") == SITE, url
