"""Resource bounds on hostile input (hunt F13, F6, F7): the build's time and output stay bounded."""

from __future__ import annotations

import time

from buurtwiki.content import files
from buurtwiki.content.files import MAX_FILES, MAX_ORDINARY_PAGES, list_folder
from buurtwiki.scaffold.site import init_site

from ..conftest import TODAY
from ..helpers import build as core_build
from ..helpers import render
from ..history.gitrepo import GitRepo
from .test_mkdocs_build import build

PAGE = "wijken/mijn-wijk/initiatieven/eetgroep-mijn-wijk.md"


def test_huge_old_versions_are_not_compared_or_published(tmp_path):
    """Two commits with a 2 MB version of a page, then the page as it was: the history page says
    the versions were too big instead of holding their word diff (a 40 MB version: a 161 MB page)."""
    init_site(tmp_path, today=TODAY)
    repo = GitRepo(tmp_path)
    repo.commit("Begin")
    original = (tmp_path / PAGE).read_text(encoding="utf-8")
    for word in ("woord ", "wurd "):
        repo.write(PAGE, original + (word * 20 + "\n") * 20_000)
        repo.commit("Groot")
    repo.write(PAGE, original)
    repo.commit("Terug")
    result = build(tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    history = tmp_path / "site/wijken/mijn-wijk/initiatieven/eetgroep-mijn-wijk/geschiedenis/index.html"
    assert history.stat().st_size < 200_000
    assert "te groot om te vergelijken" in history.read_text(encoding="utf-8")


def test_pathological_markdown_is_refused_before_parsing(site_dir):
    """Half a megabyte of ``[`` (15-64 s to parse) or of footnote references (16.8 MB of HTML) is
    named at the body's first line and not rendered; the page and the rest of the site build."""
    root = site_dir({
        "content/haken.md": "---\ntitel: Haken\n---\n" + "[" * 500_000 + "\n",
        "content/noten.md": "---\ntitel: Noten\n---\n" + "[^a]" * 125_000 + "\n\n[^a]: x\n",
        "content/gewoon.md": "---\ntitel: Gewoon\n---\n" + "Een [link](https://voorbeeld.nl) en *nadruk*.\n" * 1000,
    })
    started = time.monotonic()
    result = core_build(root)
    html = {src: render(result, src) for src in ("haken.md", "noten.md", "gewoon.md")}
    assert time.monotonic() - started < 10
    errors = {str(p) for p in result.problems.errors}
    assert "content/haken.md:4: fout: de tekst van deze pagina heeft 500000 haken ([) voor links; hoogstens 40000" in " ".join(errors)
    assert any(e.startswith("content/noten.md:4: fout: de tekst van deze pagina heeft 125001 voetnoten") for e in errors)
    assert len(html["noten.md"]) < 10_000 and "Noten" in html["noten.md"]
    assert "nadruk" in html["gewoon.md"] and not any("gewoon" in e for e in errors)


def test_folder_bounds_on_pages_files_and_bytes(tmp_path, monkeypatch):
    """Past the bounds, files are named one by one and not published (1,000 one-line ordinary pages
    made 252 MB of site; 10,000 would have filled the runner's disk)."""
    folder = tmp_path / "content"
    for i in range(MAX_ORDINARY_PAGES + 3):
        (folder / f"t{i % 10}").mkdir(parents=True, exist_ok=True)
        (folder / f"t{i % 10}/p{i}.md").write_text("x\n", encoding="utf-8")
    listing = list_folder(folder, max_pages=MAX_ORDINARY_PAGES)
    assert len(listing.pages) == MAX_ORDINARY_PAGES
    assert len(listing.problems) == 3 and all(f"meer dan {MAX_ORDINARY_PAGES} pagina's" in m for _, m in listing.problems)
    monkeypatch.setattr(files, "MAX_TOTAL_BYTES", 1000)
    (folder / "groot.txt").write_bytes(b"x" * 2000)
    assert ("groot.txt", next(m for r, m in list_folder(folder).problems if r == "groot.txt")) in list_folder(folder).problems
    assert "groot.txt" not in list_folder(folder).files


def test_a_large_citys_wijken_folder_is_published_whole(tmp_path):
    """The bound on one folder leaves room for a large city: 10,050 entity pages under wijken/
    (the benchmark's largest site) are all published; past MAX_FILES they are named and left out."""
    folder = tmp_path / "wijken"
    for i in range(10_050):
        (folder / f"wijk-{i % 10}" / "initiatieven").mkdir(parents=True, exist_ok=True)
        (folder / f"wijk-{i % 10}/initiatieven/p{i}.md").write_text("x\n", encoding="utf-8")
    listing = list_folder(folder)
    assert len(listing.pages) == 10_050 and not listing.problems
    assert 2 * len(listing.pages) <= MAX_FILES


def test_site_with_too_many_pages_still_builds_the_rest(site_dir):
    pages = {f"content/t/p{i}.md": "x\n" for i in range(MAX_ORDINARY_PAGES + 2)}
    result = core_build(site_dir(pages))
    assert len(result.site.pages) == MAX_ORDINARY_PAGES
    assert sum("pagina's na de" in str(p) for p in result.problems.errors) == 3  # index.md counts too
