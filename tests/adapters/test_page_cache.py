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
