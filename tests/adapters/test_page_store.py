"""`mkdocs build` with a cache renders only the pages a change affects (outputs/page_store.py), and
its site is byte for byte the site of a build without a cache, after any edit.

Each build goes into a new, empty folder, as in CI: only the cache folder carries over.
"""

from __future__ import annotations

import json
import random
import re
import shutil
from pathlib import Path

import pytest

from buurtwiki.outputs.page_store import FOLDER, STATE

from ..history.gitrepo import GitRepo
from .test_incremental_serve import EDITS, demo_repo, tree
from .test_mkdocs_build import build

CACHE = ".cache/buurtwiki"  # the demo's mkdocs.yml leaves cache_dir at its default
KEPT = re.compile(r"buurtwiki: (?:([\d.]+) van de ([\d.]+) pagina's komen ongewijzigd uit de cache"
                  r"|alle ([\d.]+) pagina's worden gemaakt: de cache)")


@pytest.fixture
def repo(tmp_path) -> GitRepo:
    return demo_repo(tmp_path / "repo")


def cached_build(root: Path, site: Path) -> tuple[int, int]:
    """Build with the cache; the pages kept and all pages, as the build says them."""
    result = build(root, "-d", str(site))
    assert result.returncode == 0, result.stderr[-2000:]
    found = KEPT.search(result.stderr)
    assert found, result.stderr[-2000:]
    if found[3]:  # nothing kept
        return 0, int(found[3].replace(".", ""))
    return int(found[1].replace(".", "")), int(found[2].replace(".", ""))


def full_build(root: Path, folder: Path) -> Path:
    """The same work tree and history, built without any cache."""
    shutil.copytree(root, folder / "repo", ignore=shutil.ignore_patterns(".cache"))
    result = build(folder / "repo", "-d", str(folder / "site"))
    assert result.returncode == 0, result.stderr[-2000:]
    return folder / "site"


def same(one: Path, other: Path) -> list[str]:
    a, b = tree(one), tree(other)
    return sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))


def test_after_one_commit_only_the_affected_pages_are_rendered_and_the_site_is_the_same(repo, tmp_path):
    root = repo.path
    assert cached_build(root, tmp_path / "site-0")[0] == 0  # nothing to keep yet
    page = next((root / "wijken").glob("*/plekken/*.md"))
    page.write_text(page.read_text(encoding="utf-8") + "\nEen nieuwe zin voor de cache.\n", encoding="utf-8")
    repo.git("commit", "-qam", "Een zin erbij")
    kept, total = cached_build(root, tmp_path / "site-1")
    assert total // 2 < kept < total  # most pages came from the cache, the changed ones did not
    rendered = (tmp_path / "site-1" / page.relative_to(root).with_suffix("") / "index.html").read_text(encoding="utf-8")
    assert "Een nieuwe zin voor de cache." in rendered
    assert same(tmp_path / "site-1", full_build(root, tmp_path / "full")) == []


def test_random_edits_with_the_page_store_give_the_site_of_a_full_build(repo, tmp_path):
    """A field, the body, a new page, a rename, a deleted page; committed or not."""
    root, rng = repo.path, random.Random(7)
    cached_build(root, tmp_path / "site-start")
    kept = []
    for step, edit in enumerate(EDITS):
        done = edit(root, rng)
        if step % 2 == 0:
            repo.git("add", "-A")
            repo.commit(f"stap {step}")
        kept.append(cached_build(root, tmp_path / f"site-{step}")[0])
        assert same(tmp_path / f"site-{step}", full_build(root, tmp_path / f"full-{step}")) == [], (step, done)
    assert max(kept) > 0, kept


def test_a_damaged_cache_means_a_full_build_not_a_failure(repo, tmp_path):
    root = repo.path
    cached_build(root, tmp_path / "site-0")
    state = root / CACHE / FOLDER / STATE
    data = json.loads(state.read_text(encoding="utf-8"))
    data["snapshot"]["entities"] = {"wijken/x.md": ["niet", "wat", "het", "was"]}
    state.write_text(json.dumps(data), encoding="utf-8")
    assert cached_build(root, tmp_path / "site-1")[0] == 0
    state.write_text("{ geen json", encoding="utf-8")
    assert cached_build(root, tmp_path / "site-2")[0] == 0
    assert same(tmp_path / "site-2", full_build(root, tmp_path / "full")) == []


def test_a_build_that_stops_halfway_leaves_no_description_behind(repo, tmp_path):
    """The description is removed when a build starts using the pages and written when it ends:
    pages written by a build that never finished are never taken for the last build's."""
    root = repo.path
    cached_build(root, tmp_path / "site-0")
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text(encoding="utf-8")
                                     + "\nhooks:\n  - stop.py\n", encoding="utf-8")
    (root / "stop.py").write_text("def on_post_page(output, page, config):\n    raise SystemExit('gestopt')\n",
                                  encoding="utf-8")  # after the first page is written to the store
    result = build(root, "-d", str(tmp_path / "site-1"))
    assert result.returncode != 0
    assert not (root / CACHE / FOLDER / STATE).exists()
