"""Edit, "Nieuwe pagina" and "Klopt er iets niet?" links for GitHub, GitLab and Forgejo."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from buurtwiki.model.access import entity_types
from buurtwiki.outputs.forge import forge
from buurtwiki.scaffold.page import page_text

from ..helpers import build, render, write
from .conftest import SITE

EDIT = {
    "https://github.com/buurt/wiki": "https://github.com/buurt/wiki/edit/main/",
    "https://gitlab.com/buurt/wiki": "https://gitlab.com/buurt/wiki/-/edit/main/",
    "https://codeberg.org/buurt/wiki": "https://codeberg.org/buurt/wiki/_edit/main/",
}


def links(page_html: str) -> dict[str, str]:
    return {html.unescape(text): html.unescape(href) for href, text in re.findall(r'<a href="([^"]+)" rel="noopener">([^<]+)</a>', page_html)}


@pytest.mark.parametrize("repo_url", sorted(EDIT))
def test_edit_links_point_at_the_real_file_on_each_forge(tmp_path, repo_url):
    b = build(write(tmp_path, SITE), repo_url=repo_url + "/")
    found = links(render(b, "wijken/noord/initiatieven/eetgroep.md"))
    assert found["Pas deze pagina aan"] == EDIT[repo_url] + "wijken/noord/initiatieven/eetgroep.md"


def test_new_page_link_opens_the_template_of_buurtwiki_nieuw_in_the_right_folder(tmp_path):
    b = build(write(tmp_path, SITE), repo_url="https://github.com/buurt/wiki")
    url = links(render(b, "wijken/noord/plekken/index.md"))["Nieuwe plek"]
    parts = urlsplit(url)
    assert parts.path == "/buurt/wiki/new/main/wijken/noord/plekken"
    assert parse_qs(parts.query)["value"] == [page_text(entity_types()["plek"], "Naam van de pagina")]
    assert "Nieuwe organisatie" in links(render(b, "organisaties/index.md"))


def test_gitlab_and_forgejo_new_file_urls():
    assert forge("https://gitlab.example.org/a/b").new_file("wijken/x/plekken", "", "t: 1").startswith(
        "https://gitlab.example.org/a/b/-/new/main/wijken/x/plekken?content=t%3A%201")
    assert forge("https://codeberg.org/a/b").new_file("wijken/x") == "https://codeberg.org/a/b/_new/main/wijken/x"


def test_issue_link_names_the_page_and_its_file(tmp_path):
    b = build(write(tmp_path, SITE), repo_url="https://gitlab.com/buurt/wiki")
    found = links(render(b, "wijken/noord/toekomstagenda/2024/index.md"))
    query = parse_qs(urlsplit(found["Klopt er iets niet?"]).query)
    assert query["issue[title]"] == ["Klopt niet: Agenda 2024"]
    assert "wijken/noord/toekomstagenda/2024/index.md" in query["issue[description]"][0]
    assert urlsplit(found["Nieuw agendapunt"]).path == "/buurt/wiki/-/new/main/wijken/noord/toekomstagenda/2024"


def test_no_links_without_an_http_repo_url(tmp_path):
    b = build(write(tmp_path, SITE), repo_url="javascript:alert(1)")
    assert links(render(b, "wijken/noord/plekken/index.md")) == {}
    assert forge("javascript:alert(1)") is None


def test_hostile_titles_and_paths_stay_inside_the_url():
    url = forge("https://github.com/a/b", branch='ma"in').new_issue('"><script>', "x\n\"'<>")
    assert not set('"<> \n\'') & set(url)
