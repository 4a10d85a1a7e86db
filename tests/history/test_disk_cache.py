"""The history index kept on disk between builds (CI, `mkdocs build`): after one new commit only
that commit is read, and the result equals a full walk; a damaged or hostile cache file is ignored."""

from __future__ import annotations

import json
from pathlib import Path

from buurtwiki.build import BuildOptions, run
from buurtwiki.history import cache

from .gitrepo import GitRepo
from .test_incremental import PAGE, base, page, snapshot

CACHE = ".cache/buurtwiki"


def _build(repo: GitRepo, cache_dir: str = CACHE):
    return run(BuildOptions(root=repo.path, cache_dir=cache_dir))


def test_a_build_after_one_new_commit_reads_only_that_commit(tmp_path: Path) -> None:
    repo = base(tmp_path)
    first = _build(repo)
    assert first.history_index.walked == 3
    assert (repo.path / CACHE / cache.FILE).is_file()
    repo.write(PAGE, page("gestopt", "Samen eten op dinsdag. We zijn gestopt."))
    repo.commit("Gestopt\n\nCo-authored-by: Piet <piet@example.org>")
    second = _build(repo)
    assert second.history_index.walked == 1
    full = _build(repo, cache_dir="")
    assert snapshot(second.history_index) == snapshot(full.history_index)


def test_a_rewritten_history_is_walked_again(tmp_path: Path) -> None:
    repo = base(tmp_path)
    _build(repo)
    repo.git("reset", "--hard", "HEAD~2")
    repo.write(PAGE, page("actief", "Een andere tekst na een force push."))
    repo.commit("Anders")
    again = _build(repo)
    full = _build(repo, cache_dir="")
    assert snapshot(again.history_index) == snapshot(full.history_index)
    assert len(again.history_index.history(PAGE)) == 2


def test_a_damaged_or_hostile_cache_is_ignored(tmp_path: Path) -> None:
    repo = base(tmp_path)
    folder = repo.path / CACHE
    folder.mkdir(parents=True)
    full = _build(repo, cache_dir="")
    for text in ["{", "[]", json.dumps({"key": "x"}), json.dumps({"key": cache._key(), "head": "0" * 40, "source": {}, "reads": 5}),
                 "\x80\x04cos\nsystem\n"]:  # a pickle is never loaded
        (folder / cache.FILE).write_text(text, encoding="utf-8", errors="surrogateescape")
        built = _build(repo)
        assert built.history_index.walked == 3
        assert snapshot(built.history_index) == snapshot(full.history_index)
        assert built.problems.items == full.problems.items
