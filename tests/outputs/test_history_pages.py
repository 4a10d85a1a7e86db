"""History pages and the history box on entity pages, from real temporary git repositories."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from buurtwiki.outputs.change_rows import history_src_uri
from buurtwiki.outputs.history_pages import DETAILED

from .history_repo import ANOUK, BRAM, DAAN, Repo, build, initiatief, plek, render, story, wijk

REPO_URL = "https://github.com/buurt/wiki"
BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("story")
    repo = story(root)
    return repo, build(root, repo_url=REPO_URL)


def commit_links(html: str) -> list[str]:
    return re.findall(re.escape(REPO_URL) + r"/commit/([0-9a-f]{40})", html)


def test_history_page_urls_follow_the_contract(site):
    _repo, b = site
    pages = b.outputs.pages
    assert "wijken/ohg/geschiedenis.md" in pages
    assert "wijken/ohg/initiatieven/buurteettafel/geschiedenis.md" in pages
    assert "organisaties/dock/geschiedenis.md" in pages
    assert pages["organisaties/dock/geschiedenis.md"].url == "organisaties/dock/geschiedenis/"
    assert pages["wijken/ohg/geschiedenis.md"].kind == "history"
    for entity in b.site.entities:
        assert pages[history_src_uri(entity)].url == entity.url + "geschiedenis/"


def test_agenda_history_url(tmp_path):
    repo = Repo(tmp_path)
    repo.write("wijken/ohg/index.md", wijk())
    repo.write("wijken/ohg/toekomstagenda/2019/index.md", "---\ntitel: Agenda 2019\nvastgesteld: 2019-04-13\n---\n\nDe agenda.\n")
    repo.commit("Agenda")
    b = build(tmp_path)
    page = b.outputs.pages["wijken/ohg/toekomstagenda/2019/geschiedenis.md"]
    assert page.url == "wijken/ohg/toekomstagenda/2019/geschiedenis/"


def test_rows_match_git_log_follow_across_rename_and_merge(site):
    repo, b = site
    for path in ("wijken/ohg/initiatieven/buurteettafel.md", "wijken/ohg/plekken/buurthuis.md", "wijken/ohg/index.md"):
        entity = b.site.by_path[path]
        html = render(b, history_src_uri(entity))
        assert commit_links(html) == repo.follow(path), path


def test_rows_give_date_author_message_and_changes_in_words(site):
    _repo, b = site
    html = render(b, "wijken/ohg/initiatieven/buurteettafel/geschiedenis.md")
    assert "zondag 1 november 2026, 12:00" in html  # Dutch date, in the site's time zone
    assert "Bram Jansen met Chaima El Idrissi" in html  # co-author credited
    assert "Eettafel ligt stil" in html  # the message
    assert "status: actief → slapend" in html
    assert "titel: Eettafel → Buurteettafel" in html
    assert re.search(r"<ins>.*en donderdag\s*</ins>", html)  # word diff of the body
    assert "Hernoemd; eerder heette het bestand <code>wijken/ohg/initiatieven/eettafel.md</code>" in html
    assert "Pagina aangemaakt." in html
    assert "Signed-off-by" not in html


def test_deleted_and_recreated_page_keeps_one_history(site):
    repo, b = site
    html = render(b, "wijken/ohg/plekken/buurthuis/geschiedenis.md")
    assert html.index("Pagina opnieuw aangemaakt.") < html.index("Pagina verwijderd.") < html.index("status: open → bedreigd")
    assert html.rindex("Pagina aangemaakt.") > html.index("status: open → bedreigd")
    assert len(commit_links(html)) == 4 == len(repo.follow("wijken/ohg/plekken/buurthuis.md"))


def test_no_commit_links_without_repo_url(tmp_path):
    story(tmp_path)
    b = build(tmp_path)
    html = render(b, "wijken/ohg/initiatieven/buurteettafel/geschiedenis.md")
    assert "/commit/" not in html
    assert "status: actief → slapend" in html


def test_entity_page_shows_created_last_changed_and_contributors(site):
    _repo, b = site
    html = render(b, "wijken/ohg/plekken/buurthuis.md")
    box = html[html.index('id="geschiedenis"'):]
    box = box[: box.index("</section>")]
    assert "Aangemaakt" in box and "1 november 2026" in box and "door Anouk de Vries" in box
    assert "17 november 2026</time>, door Daan Visser" in box  # recreated 17 november: the date, not "4 dagen geleden"
    assert "geleden" not in box  # a relative phrase is only computed in the browser
    assert "3 mensen" in box  # Anouk, Bram, Daan
    assert 'href="geschiedenis/"' in box


def test_older_rows_are_listed_without_detail(tmp_path):
    repo = Repo(tmp_path)
    repo.write("wijken/ohg/index.md", wijk())
    for n in range(DETAILED + 4):
        repo.write("wijken/ohg/initiatieven/druk.md", initiatief("Druk", body=f"Versie {n} van de tekst."))
        repo.commit(f"Versie {n}", ANOUK if n % 2 else BRAM)
    b = build(tmp_path)
    html = render(b, "wijken/ohg/initiatieven/druk/geschiedenis.md")
    assert html.count('<li class="bw-change ') == DETAILED + 4
    assert html.count('class="bw-diff"') == DETAILED  # the 4 oldest rows have no word diff
    assert "Bij de oudere wijzigingen hieronder staat alleen het bericht" in html
    assert 'id="versie-1"' in html and f'id="versie-{DETAILED + 4}"' in html


def test_uncommitted_pages_say_so(tmp_path):
    repo = story(tmp_path)
    repo.write("wijken/ohg/plekken/nieuw.md", plek("Nieuwe plek"))
    repo.write("wijken/ohg/plekken/buurthuis.md", plek("Buurthuis", "gesloten"))
    b = build(tmp_path)
    new = render(b, "wijken/ohg/plekken/nieuw.md")
    assert "Deze pagina is nieuw en nog niet vastgelegd." in new
    assert "nog niet vastgelegd" in render(b, "wijken/ohg/plekken/nieuw/geschiedenis.md")
    changed = render(b, "wijken/ohg/plekken/buurthuis.md")
    assert "De nieuwste versie van deze pagina is nog niet vastgelegd." in changed
    assert "nog niet vastgelegd" not in render(b, "wijken/ohg/initiatieven/buurteettafel.md")


def test_shallow_clone_builds_with_a_warning(tmp_path):
    story(tmp_path / "origin")
    clone = Repo(tmp_path / "clone", init=False)
    Repo(tmp_path, init=False).git("clone", "-q", "--depth", "2", f"file://{tmp_path / 'origin'}", str(tmp_path / "clone"))
    b = build(clone.path)
    warnings = [str(p) for p in b.problems.sorted()]
    assert any("fetch-depth: 0" in w for w in warnings), warnings
    assert not b.problems.errors
    html = render(b, "wijken/ohg/initiatieven/buurteettafel/geschiedenis.md")
    assert "Deze geschiedenis is onvolledig" in html
    box = render(b, "wijken/ohg/initiatieven/buurteettafel.md")
    assert "Aangemaakt" not in box  # git cannot tell when the page was made
    assert "Laatst gewijzigd" in box


def test_no_repository_builds_without_history(tmp_path):
    repo = story(tmp_path / "origin")
    site = tmp_path / "export"
    for rel in ("content/index.md", "content/organisaties/dock.md", "wijken/ohg/index.md", "wijken/ohg/plekken/buurthuis.md"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes((repo.path / rel).read_bytes())
    b = build(site)
    assert any("Geen git-repository" in str(p) for p in b.problems.sorted())
    assert not [s for s in b.outputs.pages if "geschiedenis" in s or "recente-wijzigingen" in s]
    assert not [f for f in b.outputs.files if f.endswith(".xml")]
    assert 'id="geschiedenis"' not in render(b, "wijken/ohg/plekken/buurthuis.md")


def test_history_off_means_no_history_outputs(tmp_path):
    story(tmp_path)
    b = build(tmp_path, history=False)
    assert b.history is None
    assert not [s for s in b.outputs.pages if "geschiedenis" in s or "recente-wijzigingen" in s]


def test_non_utf8_and_binary_files_do_not_break_the_build(tmp_path):
    repo = story(tmp_path)
    repo.write("wijken/ohg/plekken/latijn.md", "---\ntitel: Caf\xe9\nstatus: open\n---\n\nOud bestand in Latin-1: \xe9\xe8.\n".encode("latin-1"))
    repo.write("wijken/ohg/grens.geojson", b"\x89PNG\r\n\x1a\n\x00\x00binary\x00")
    repo.commit("Oude bestanden", DAAN)
    repo.write("wijken/ohg/plekken/latijn.md", "---\ntitel: Caf\xe9\nstatus: gesloten\n---\n\nNu dicht.\n".encode("latin-1"))
    repo.write("wijken/ohg/grens.geojson", b"\x89PNG\r\n\x1a\n\x00\x01binary\x00")
    repo.commit("Dicht", DAAN)
    b = build(tmp_path)
    for src_uri, page in b.outputs.pages.items():
        if page.kind in ("history", "recent", "entity"):
            render(b, src_uri)
    recent = render(b, "wijken/ohg/recente-wijzigingen/index.md")
    assert "bestand gewijzigd" in recent  # the binary file: no diff in words
    assert '<span class="bw-file">grens.geojson</span>' in recent
    for path in b.outputs.files:
        b.outputs.files[path].data()


def test_page_whose_name_takes_the_history_address_is_reported(tmp_path):
    repo = Repo(tmp_path)
    repo.write("wijken/ohg/index.md", wijk())
    repo.write("wijken/ohg/toekomstagenda/2019/index.md", "---\ntitel: Agenda 2019\nvastgesteld: 2019-04-13\n---\n")
    repo.write("wijken/ohg/toekomstagenda/2019/geschiedenis.md", "---\ntitel: Geschiedenis van de buurt\nstatus: idee\n---\n")
    repo.commit("Agenda")
    b = build(tmp_path)
    assert b.outputs.pages["wijken/ohg/toekomstagenda/2019/geschiedenis.md"].kind == "entity"
    assert any("geschiedenis" in str(p) and "andere naam" in str(p) for p in b.problems.sorted())
    assert 'id="geschiedenis"' not in render(b, "wijken/ohg/toekomstagenda/2019/index.md")  # no link to the item


def test_synthetic_repository_matches_git_log_follow(tmp_path):
    """Renames and merges from bench/synthetic.py: every page's rows are its ``git log --follow``."""
    sys.path.insert(0, str(BENCH))
    try:
        from synthetic import generate_repo
    finally:
        sys.path.remove(str(BENCH))
    generate_repo(tmp_path, 40, 400, seed=7, extra_files={"content/organisaties/dock.md": "---\ntitel: DOCK\nsoort: welzijnsorganisatie\n---\n"})
    repo = Repo(tmp_path, init=False)
    log = repo.git("log", "--format=%H %P")
    assert any(len(line.split()) > 2 for line in log.splitlines()), "the repository has merges"
    assert "R" in {line[:1] for line in repo.git("log", "--name-status", "--format=", "-M").splitlines()}, "and renames"
    b = build(tmp_path, repo_url=REPO_URL, hide_bots=False)  # git log shows the bot's commits too
    checked = 0
    for entity in b.site.entities:
        if entity.type.name not in ("initiatief", "plek"):
            continue
        html = render(b, history_src_uri(entity))
        assert commit_links(html) == repo.follow(entity.path), entity.path
        checked += 1
    assert checked >= 30
    bots = set(repo.git("log", "--author=\\[bot\\]", "--format=%H").split())
    assert bots, "the synthetic history has bot commits"
    hidden = build(tmp_path, repo_url=REPO_URL)  # by default bots are left out
    for entity in hidden.site.entities:
        if entity.type.name in ("initiatief", "plek"):
            html = render(hidden, history_src_uri(entity))
            assert commit_links(html) == [sha for sha in repo.follow(entity.path) if sha not in bots]
            assert "[bot]" not in html
