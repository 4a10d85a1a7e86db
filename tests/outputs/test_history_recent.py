"""Recent changes for the site and per wijk: newest first, grouped by day, each row page + change + author."""

from __future__ import annotations

import re

import pytest

from buurtwiki.outputs import recent_changes

from .history_repo import BRAM, DAAN, build, initiatief, render, story, wijk


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("recent")
    repo = story(root)
    repo.write("wijken/noord/index.md", wijk("Noord"))
    repo.write("wijken/noord/initiatieven/moestuin.md", initiatief("Moestuin"))
    repo.commit("Noord erbij", BRAM, hours=24 * 3)  # 20 november
    repo.write("wijken/noord/initiatieven/moestuin.md", initiatief("Moestuin", "gestopt"))
    repo.commit("Moestuin gestopt", DAAN)
    return repo, build(root)


def days(html: str) -> list[str]:
    return re.findall(r"<h2 id=\"dag-([0-9-]+)\">", html)


def test_site_page_exists_with_its_title(site):
    _repo, b = site
    page = b.outputs.pages["recente-wijzigingen/index.md"]
    assert page.title == "Recente wijzigingen"
    assert page.url == "recente-wijzigingen/"
    assert b.outputs.pages["wijken/ohg/recente-wijzigingen/index.md"].url == "wijken/ohg/recente-wijzigingen/"


def test_grouped_by_day_newest_first_with_dutch_headings(site):
    _repo, b = site
    html = render(b, "recente-wijzigingen/index.md")
    assert days(html) == ["2026-11-20", "2026-11-17", "2026-11-02", "2026-11-01"]
    assert "Vrijdag 20 november 2026" in html
    assert "Zondag 1 november 2026" in html
    times = re.findall(r'<time datetime="([^"]+T[^"]+)"', html)  # the rows (headings carry a day)
    assert times == sorted(times, reverse=True)


def test_rows_name_page_change_author_and_history(site):
    _repo, b = site
    html = render(b, "recente-wijzigingen/index.md")
    first = html[html.index('<li class="bw-change'):]
    first = first[: first.index("</li>")]
    assert '<a href="../wijken/noord/initiatieven/moestuin/">Moestuin</a>' in first
    assert "(Noord)" in first  # the wijk, on the site-wide list
    assert "status: actief → gestopt" in first
    assert "door Daan Visser" in first
    assert 'href="../wijken/noord/initiatieven/moestuin/geschiedenis/">geschiedenis</a>' in first
    assert "hernoemd van eettafel.md" in html  # the rename, under the page's name today
    assert "Bram Jansen met Chaima El Idrissi" in html
    assert "pagina opnieuw aangemaakt" in html and "pagina verwijderd" in html


def test_says_how_many_changes_it_shows(site):
    _repo, b = site
    html = render(b, "recente-wijzigingen/index.md")
    assert f"de laatste {recent_changes.SITE_LIMIT} wijzigingen" in html
    assert 'href="../feeds/wijzigingen.xml"' in html


def test_wijk_page_lists_only_that_wijk(site):
    _repo, b = site
    noord = render(b, "wijken/noord/recente-wijzigingen/index.md")
    ohg = render(b, "wijken/ohg/recente-wijzigingen/index.md")
    assert "Moestuin" in noord and "Buurthuis" not in noord
    assert "Buurthuis" in ohg and "Moestuin" not in ohg
    assert "Recente wijzigingen in Noord" in noord
    assert 'href="../wijzigingen.xml"' in noord


def test_deleted_page_is_named_but_not_linked(tmp_path):
    repo = story(tmp_path)
    repo.git("rm", "-q", "wijken/ohg/initiatieven/buurteettafel.md")
    repo.commit("Eettafel gestopt en weg", BRAM)
    b = build(tmp_path)
    html = render(b, "recente-wijzigingen/index.md")
    first = html[html.index('<li class="bw-change'):]
    first = first[: first.index("</li>")]
    assert '<span class="bw-gone">buurteettafel.md</span>' in first
    assert "pagina verwijderd" in first
    assert "geschiedenis</a>" not in first


def test_limit(tmp_path, monkeypatch):
    repo = story(tmp_path)
    for n in range(5):
        repo.write("wijken/ohg/initiatieven/buurteettafel.md", initiatief("Buurteettafel", body=f"Versie {n}."))
        repo.commit(f"Versie {n}")
    monkeypatch.setattr(recent_changes, "SITE_LIMIT", 3)
    b = build(tmp_path)
    html = render(b, "recente-wijzigingen/index.md")
    assert html.count('<li class="bw-change') == 3
    assert "Versie 4" in html and "Versie 1" not in html


def test_wijk_page_links_its_recent_changes(site):
    _repo, b = site
    html = render(b, "wijken/noord/index.md")
    assert '<a href="recente-wijzigingen/">Recente wijzigingen in Noord</a>' in html
