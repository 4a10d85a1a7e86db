"""A cold walk reads half of the commits in a forked process (history/splitwalk.py); the index
must be the same as when one process reads them all: renames, merges, deletions, authors."""

from __future__ import annotations

from pathlib import Path

import pytest

from buurtwiki.history import HistoryIndex, splitwalk
from buurtwiki.parallel import can_fork

from .gitrepo import GitRepo

ANOUK = ("Anouk de Vries", "anouk@example.org")
BRAM = ("Bram Jansen", "bram@example.org")


def _story(path: Path) -> GitRepo:
    repo = GitRepo(path)
    for n in range(12):
        repo.write(f"wijken/ohg/plekken/p{n % 4}.md", f"---\ntitel: Plek {n % 4}\n---\n\nVersie {n}.\n")
        repo.commit(f"Plek {n % 4}, versie {n}", ANOUK if n % 2 else BRAM)
    repo.move("wijken/ohg/plekken/p1.md", "wijken/ohg/plekken/een.md")
    repo.commit("Hernoemd")
    repo.branch("zij")
    repo.checkout("zij")
    repo.write("content/zij.md", "# Zij\n")
    repo.commit("Zijtak\n\nCo-authored-by: Bram Jansen <bram@example.org>", ANOUK)
    repo.checkout("main")
    repo.remove("wijken/ohg/plekken/p2.md")
    repo.commit("Weg")
    repo.merge("zij", "Samen")
    return repo


def _summary(index: HistoryIndex) -> tuple:
    histories = {path: index.history(path) for path in index.paths(deleted=True)}
    return index.head, index.commits, histories, index.recent(), index.warnings


@pytest.mark.skipif(not can_fork(), reason="forking is not possible on this system")
def test_split_walk_gives_the_same_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _story(tmp_path)
    whole = HistoryIndex.build(tmp_path)
    forks = []
    real = splitwalk.in_background

    def counted(work):
        forks.append(1)
        return real(work)

    monkeypatch.setattr(splitwalk, "MIN_COMMITS", 2)
    monkeypatch.setattr(splitwalk, "in_background", counted)
    split = HistoryIndex.build(tmp_path)
    assert forks == [1]
    assert len(split.commits) == 16
    assert _summary(split) == _summary(whole)
    assert split.contributors("wijken/ohg/plekken/een.md") == whole.contributors("wijken/ohg/plekken/een.md")
    assert [c.path for c in split.history("wijken/ohg/plekken/een.md")][-1] == "wijken/ohg/plekken/p1.md"

