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



@pytest.mark.skipif(not can_fork(), reason="forking is not possible on this system")
def test_the_build_reads_the_site_while_the_forked_process_walks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The site's files are read while the forked process reads the older commits, once; the index
    is the one of a walk without other work."""
    _story(tmp_path)
    whole = HistoryIndex.build(tmp_path)
    events: list[str] = []
    real = splitwalk.in_background

    def counted(work):
        events.append("fork")
        return real(work)

    monkeypatch.setattr(splitwalk, "MIN_COMMITS", 2)
    monkeypatch.setattr(splitwalk, "in_background", counted)
    split = HistoryIndex.build(tmp_path, meanwhile=lambda: events.append("meanwhile"))
    assert events == ["fork", "meanwhile"]
    assert _summary(split) == _summary(whole)
    monkeypatch.setattr(splitwalk, "MIN_COMMITS", 1000)  # too few commits to fork: first the work, then the walk
    events.clear()
    assert _summary(HistoryIndex.build(tmp_path, meanwhile=lambda: events.append("meanwhile"))) == _summary(whole)
    assert events == ["meanwhile"]


@pytest.mark.skipif(not can_fork(), reason="forking is not possible on this system")
def test_an_error_while_reading_the_site_is_not_taken_for_a_git_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk turns libgit2's errors (and ValueError) into a warning; the same error from reading
    the site beside it must stop the build as it would without a walk."""
    from buurtwiki import build as build_module

    _story(tmp_path)
    monkeypatch.setattr(splitwalk, "MIN_COMMITS", 2)

    calls = []

    def broken(*args, **kwargs):
        calls.append(1)
        raise ValueError("kapot bij het lezen")

    monkeypatch.setattr(build_module, "load_checked_site", broken)
    with pytest.raises(ValueError, match="kapot bij het lezen"):
        build_module.run(build_module.BuildOptions(root=tmp_path))
    assert calls == [1]  # read once, beside the walk; not again after a walk that swallowed the error
