"""The walk leaves libgit2's object cache empty: at 100,000 commits it held 256 MB for the rest
of the build (and for every forked worker), while the walk reads each commit once."""

from __future__ import annotations

import gc
from pathlib import Path

import pygit2

from buurtwiki.history import HistoryIndex

from .gitrepo import GitRepo


def _repo(tmp_path: Path, commits: int) -> GitRepo:
    repo = GitRepo(tmp_path)
    for n in range(commits):
        repo.write(f"wijken/w{n % 3}/initiatieven/p{n % 7}.md", f"---\ntitel: P{n}\n---\n\nTekst {n}.\n")
        repo.commit(f"Wijziging {n}")
    return repo


def test_the_walk_caches_no_git_objects_and_turns_the_cache_back_on(tmp_path: Path) -> None:
    _repo(tmp_path, 40)
    gc.collect()  # repositories of earlier tests free their caches
    before = pygit2.settings.cached_memory[0]
    index = HistoryIndex.build(tmp_path)
    assert len(index.commits) == 40
    assert len(index.history("wijken/w0/initiatieven/p0.md")) == 2  # commits 0 and 21
    assert pygit2.settings.cached_memory[0] <= before
    # caching is on again for everything after the walk
    repo = pygit2.Repository(str(tmp_path))
    for commit in repo.walk(repo.head.target):
        assert commit.tree is not None
    assert pygit2.settings.cached_memory[0] > before
