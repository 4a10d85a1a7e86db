"""History pages cached between `mkdocs build` runs (outputs/page_cache.py): after a new commit,
or an edit not yet committed, only the changed page's history page is built again, and the site
is byte for byte the site of a build without a cache."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from buurtwiki.outputs.page_cache import FOLDER

from ..outputs.history_repo import BRAM, initiatief, plek, story
from .test_mkdocs_build import BIN, ENV
from .test_standalone import differences

MKDOCS_YML = """\
site_name: Test
site_url: https://buurt.example.org/
docs_dir: content
theme:
  name: material
  language: nl
plugins:
  - buurtwiki:
      workers: {workers}
      cache_dir: {cache}
"""
CACHE = ".cache/bw"


def build(root: Path, *, workers: int = 0, cache: str = CACHE) -> Path:
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(workers=workers, cache=cache or '""'), encoding="utf-8")
    result = subprocess.run([str(BIN / "mkdocs"), "build", "--strict"], cwd=root, env=ENV, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


def cached(root: Path) -> dict[str, float]:
    return {p.name: p.stat().st_mtime_ns for p in (root / CACHE / FOLDER).rglob("*.html")}


def uncached_copy(root: Path, tmp_path: Path) -> Path:
    """The same repository and work tree, built without a cache."""
    other = tmp_path / "zonder"
    shutil.copytree(root, other, ignore=shutil.ignore_patterns(".cache", "site"))
    build(other, cache="")
    return other / "site"


def test_after_a_new_commit_only_that_history_page_is_built_and_the_site_is_the_same(tmp_path):
    repo = story(tmp_path / "repo")
    root = repo.path
    build(root, workers=2)
    first = cached(root)
    assert len(first) == 4  # the wijk, the initiative, the place, the organisation
    repo.write("wijken/ohg/plekken/buurthuis.md", plek("Buurthuis", "open", "Weer open, met een nieuwe tuin."))
    repo.commit("Tuin erbij", BRAM)
    site = build(root, workers=2)
    second = cached(root)
    assert len(set(second) - set(first)) == 1  # one new history page
    assert len(set(first) - set(second)) == 1  # its old version is pruned
    assert differences(site, uncached_copy(root, tmp_path)) == []
    page = (site / "wijken/ohg/plekken/buurthuis/geschiedenis/index.html").read_text(encoding="utf-8")
    assert "Tuin erbij" in page


def test_an_uncommitted_edit_and_a_new_title_are_seen(tmp_path):
    repo = story(tmp_path / "repo")
    root = repo.path
    build(root)
    repo.write("wijken/ohg/initiatieven/buurteettafel.md", initiatief("Grote buurteettafel", "actief"))  # not committed
    site = build(root)
    assert differences(site, uncached_copy(root, tmp_path)) == []
    page = (site / "wijken/ohg/initiatieven/buurteettafel/geschiedenis/index.html").read_text(encoding="utf-8")
    assert "Geschiedenis van Grote buurteettafel" in page and "nog niet vastgelegd" in page


def test_random_edits_with_the_cache_give_the_site_of_a_full_build(tmp_path):
    """Field change, body change, new page, rename, deleted page; committed or not, in a random
    order: after each, the build with the cache equals a build without one, byte for byte."""
    import random

    repo = story(tmp_path / "repo")
    root = repo.path
    build(root, workers=2)
    rng = random.Random(16)
    folder = "wijken/ohg/plekken"

    def places() -> list[str]:
        return sorted(p.name for p in (root / folder).glob("*.md"))

    def field_change():
        repo.write(f"{folder}/{rng.choice(places())}", plek("Buurthuis", rng.choice(["bedreigd", "gesloten"])))

    def body_change():
        repo.write(f"{folder}/{rng.choice(places())}", plek("Buurthuis", "open", f"Nieuwe tekst {rng.random()}."))

    def new_page():
        repo.write(f"{folder}/werkplaats-{rng.randrange(1000)}.md", plek("Werkplaats"))

    def rename():
        old = rng.choice(places())
        repo.git("mv", f"{folder}/{old}", f"{folder}/hernoemd-{rng.randrange(1000)}.md")

    def delete():
        if len(places()) > 1:
            repo.git("rm", "-q", f"{folder}/{rng.choice(places())}")

    edits = [field_change, body_change, new_page, rename, delete]
    rng.shuffle(edits)
    for number, edit in enumerate(edits):
        edit()
        if number % 2 == 0:
            repo.git("add", "-A")
            repo.commit(f"Wijziging {number}: {edit.__name__}")
        site = build(root, workers=2)
        assert differences(site, uncached_copy(root, tmp_path / str(number))) == [], edit.__name__


def test_serve_keeps_the_entries_of_history_pages_it_kept_in_place(tmp_path):
    """Serve builds only the history pages an edit changes; the others stay in its site folder.
    Their cached copies are still right for the next `mkdocs build`: only a build through which
    every history page passed may prune."""
    from buurtwiki.outputs.page_cache import PageCache

    built = tmp_path / "page.html"
    built.write_text("<p>oud</p>", encoding="utf-8")
    PageCache(tmp_path / "cache").store("a" * 64, built)
    serve = PageCache(tmp_path / "cache", complete=False)
    serve.store("b" * 64, built)
    serve.prune()
    assert len(list((tmp_path / "cache" / FOLDER).rglob("*.html"))) == 2
    full = PageCache(tmp_path / "cache")
    full.store("b" * 64, built)
    full.prune()
    assert [p.stem for p in (tmp_path / "cache" / FOLDER).rglob("*.html")] == ["b" * 64]


def test_a_cache_entry_that_vanishes_while_pages_are_copied_is_built_instead(tmp_path, monkeypatch):
    """Cached history pages are copied in a thread while the build goes on. An entry that is gone
    by the time it is copied (another build pruned it) is built after all: the site is complete."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from buurtwiki.outputs.page_cache import PageCache

    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    repo = story(tmp_path / "repo")
    root = repo.path
    build(root)
    restore, vanished = PageCache.restore, []

    def vanishing(self, key, dest):
        if not vanished:
            vanished.append(key)
            self._path(key).unlink()
        return restore(self, key, dest)

    monkeypatch.setattr(PageCache, "restore", vanishing)
    mkdocs_build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site")))
    assert vanished
    assert differences(root / "site", uncached_copy(root, tmp_path)) == []
    assert len(cached(root)) == 4  # built again, and stored again
