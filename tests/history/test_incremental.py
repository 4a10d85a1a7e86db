"""Serve mode: a build that reuses the previous index equals a full build."""

from __future__ import annotations

from pathlib import Path

from buurtwiki.history import HistoryIndex

from .gitrepo import GitRepo

PAGE = "wijken/ohg/initiatieven/eetgroep.md"


def page(status: str, body: str) -> str:
    return f"---\ntitel: Eetgroep\nstatus: {status}\n---\n\n{body}\n"


def snapshot(index: HistoryIndex) -> dict[str, object]:
    """Everything a page or the site can read from the index, as plain values."""
    return {
        "head": index.head,
        "warnings": index.warnings,
        "commits": [(c.sha, c.author, c.coauthors, c.message, c.time, c.offset, c.bot, c.merge) for c in index.commits],
        "paths": index.paths(deleted=True),
        "files": index.paths(),
        "history": {
            p: [(c.commit.sha, c.code, c.path, c.old_path, c.old_blob, c.new_blob) for c in index.history(p)]
            for p in index.paths(deleted=True)
        },
        "recent": [(r.commit.sha, r.path, r.page) for r in index.recent()],
        "contributors": {p: index.contributors(p) for p in index.paths(deleted=True)},
    }


def base(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    repo.write(PAGE, page("actief", "Samen eten op dinsdag in het buurthuis, voor iedereen uit de wijk."))
    repo.write("wijken/ohg/plekken/buurthuis.md", "---\ntitel: Buurthuis\nstatus: open\n---\n\nOpen op werkdagen, met koffie en een leestafel.\n")
    repo.commit("Eerste versie")
    for n, status in enumerate(["slapend", "actief"]):
        repo.write(PAGE, page(status, f"Samen eten op dinsdag in het buurthuis, voor iedereen uit de wijk. Versie {n}."))
        repo.commit(f"Versie {n}")
    return repo


def test_new_commits_on_top(tmp_path: Path) -> None:
    repo = base(tmp_path)
    old = HistoryIndex.build(repo.path)
    assert old.walked == 3
    repo.move(PAGE, "wijken/ohg/initiatieven/samen-eten.md")
    repo.commit("Hernoemd")
    repo.write("wijken/ohg/plekken/buurthuis.md", "---\ntitel: Buurthuis\nstatus: bedreigd\n---\n\nOpen op werkdagen.\n")
    repo.commit("Buurthuis bedreigd\n\nCo-authored-by: Piet <piet@example.org>")
    new = HistoryIndex.build(repo.path, previous=old)
    assert new.walked == 2
    full = HistoryIndex.build(repo.path)
    assert snapshot(new) == snapshot(full)
    assert len(new.history("wijken/ohg/initiatieven/samen-eten.md")) == 4
    same = HistoryIndex.build(repo.path, previous=new)
    assert same.walked == 0 and snapshot(same) == snapshot(full)


def test_merged_side_branch_that_forked_before_the_old_head(tmp_path: Path) -> None:
    repo = base(tmp_path)
    repo.branch("zijtak", "HEAD~2")
    repo.write("wijken/ohg/plekken/buurthuis.md", "---\ntitel: Buurthuis\nstatus: gesloten\n---\n\nOpen op werkdagen, met koffie en een leestafel.\n")
    repo.commit("Buurthuis dicht (zijtak)")
    repo.checkout("main")
    old = HistoryIndex.build(repo.path)
    repo.write(PAGE, page("gestopt", "Gestopt."))
    repo.commit("Gestopt")
    assert repo.merge("zijtak", "Zijtak samengevoegd")
    new = HistoryIndex.build(repo.path, previous=old)
    assert new.walked == 3  # the new commit on main, the side branch commit and the merge
    assert snapshot(new) == snapshot(HistoryIndex.build(repo.path))


def test_rewritten_history_gives_a_full_build(tmp_path: Path) -> None:
    repo = base(tmp_path)
    old = HistoryIndex.build(repo.path)
    repo.git("reset", "-q", "--hard", "HEAD~1")
    repo.write(PAGE, page("gestopt", "Anders."))
    repo.commit("Andere laatste versie")
    new = HistoryIndex.build(repo.path, previous=old)
    assert new.walked == 3
    assert snapshot(new) == snapshot(HistoryIndex.build(repo.path))


def test_other_settings_give_a_full_build(tmp_path: Path) -> None:
    repo = base(tmp_path)
    old = HistoryIndex.build(repo.path)
    assert HistoryIndex.build(repo.path, prefixes=("wijken/ohg/",), previous=old).walked == 3
    assert HistoryIndex.build(repo.path, bots=("Anouk*",), previous=old).walked == 3
    hidden = HistoryIndex.build(repo.path, hide_bots=False, previous=old)
    assert hidden.walked == 0  # hiding bots or not needs no new walk
    repo.write(".mailmap", "Anouk Jansen <anouk@example.org>\n")
    renamed = HistoryIndex.build(repo.path, previous=old)
    assert renamed.walked == 3 and renamed.commits[0].author == "Anouk Jansen"
