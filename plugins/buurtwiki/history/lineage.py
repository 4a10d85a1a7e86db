"""Which page each change belongs to: following renames from new to old.

The commits come newest first (the order of the revwalk). Rules, per page (a path):

1. Every change at the page's own path belongs to it, in all its lives: a page that was deleted
   and later made again at the same path has one history.
2. When a page got its path by a rename (``oud.md`` -> ``nieuw.md``), the older changes of
   ``oud.md`` belong to it too, and so on through earlier renames. This is what
   ``git log --follow`` does, for every page at once.
3. A page keeps following a path once it has followed it (git switches from one path to the
   other). So ``nieuw.md`` also gets changes made at ``oud.md`` after the rename, for example on
   a side branch that still had the old name. This can only add changes, never lose one that
   ``git log --follow`` shows.

Copies are not followed (``git log --follow`` does follow them): a page that starts as a copy of
another page is a new page, and the other page's history is not its history.

Besides, each change has one *current page* for the list of recent changes: the path where the
file ended up (after later renames), or its own path when it was deleted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import Commit, FileChange


@dataclass
class Lineage:
    history: dict[str, tuple[FileChange, ...]]  # path -> changes, newest first
    recent: list[FileChange]  # every shown change, newest first
    pages: list[str]  # the current page of each change in ``recent``


def trace(reads: Iterable[tuple[Commit, tuple[FileChange, ...]]], *, hide_bots: bool) -> Lineage:
    followers: dict[str, set[str]] = {}  # path -> other pages that follow it (rule 2 and 3)
    page_of: dict[str, str] = {}  # path -> current page, for changes older than the walk's position
    history: dict[str, list[FileChange]] = {}
    recent: list[FileChange] = []
    pages: list[str] = []
    for commit, changes in reads:
        if not changes:
            continue
        shown = not (hide_bots and commit.bot)
        moves: list[FileChange] = []
        for change in changes:
            path = change.path
            if shown:
                keys = {path}
                keys.update(followers.get(path, ()))
                if change.old_path is not None:
                    keys.add(change.old_path)  # the old page: "hernoemd naar ..."
                    keys.update(followers.get(change.old_path, ()))
                for key in keys:
                    found = history.get(key)
                    if found is None:
                        history[key] = [change]
                    else:
                        found.append(change)
                recent.append(change)
                pages.append(page_of.get(path, path))
            if change.code == "R" or change.code == "D":
                moves.append(change)
        # What this commit did decides where older changes belong.
        for change in moves:
            if change.code == "D":
                page_of[change.path] = change.path  # an older life at this path ended here
                continue
            old, new = change.old_path, change.path
            assert old is not None
            following = followers.setdefault(old, set())
            following.add(new)
            following.update(followers.get(new, ()))
            following.discard(old)
            page_of[old] = page_of.get(new, new)
    return Lineage({k: tuple(v) for k, v in history.items()}, recent, pages)
