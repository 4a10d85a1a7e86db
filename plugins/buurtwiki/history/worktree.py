"""Files in the work tree that are not committed yet, so a page can say "nog niet vastgelegd"."""

from __future__ import annotations

from collections.abc import Callable

import pygit2

FS = pygit2.enums.FileStatus

NEW = "nieuw"  # not in the last commit
CHANGED = "gewijzigd"  # in the last commit, but changed since
DELETED = "verwijderd"  # in the last commit, but gone from the work tree


def _state(flags: int) -> str | None:
    in_head = not flags & FS.INDEX_NEW and not (flags & FS.WT_NEW and not flags & FS.INDEX_DELETED)
    on_disk = not flags & FS.WT_DELETED and not (flags & FS.INDEX_DELETED and not flags & FS.WT_NEW)
    if on_disk:
        return CHANGED if in_head else NEW
    return DELETED if in_head else None


def worktree_changes(repo: pygit2.Repository, root: str, wanted: Callable[[str], bool]) -> dict[str, str]:
    """Path (relative to the site root) -> NEW, CHANGED or DELETED, for content files only."""
    if repo.is_bare or repo.workdir is None:
        return {}
    try:
        status = repo.status(untracked_files="all", ignored=False)
    except pygit2.GitError:
        return {}
    out: dict[str, str] = {}
    for path, flags in status.items():
        if not path.startswith(root):
            continue
        rel = path[len(root) :]
        if not wanted(rel):
            continue
        state = _state(flags)
        if state is not None:
            out[rel] = state
    return out
