"""Which of two pages with the same name was there first, by git.

Two files of one type with the same name (``wijken/a/plekken/buurthuis.md`` and
``wijken/b/plekken/buurthuis.md``) cannot both be published: every link to ``buurthuis`` would
be ambiguous. The page that keeps the name must be the one that was there first, not the one
whose path sorts first: otherwise a pull request that adds a file in a wijk named
``amstel-oost`` would push an existing page off the site and take over every link to it.

"There first" is read from the chain of first parents from HEAD (the branch as it was built,
commit by commit; in a pull request's merge commit the first parent is the target branch), not
from commit dates, which anyone can set. A page that is in more consecutive commits of that
chain is older. A file that is not committed yet is younger than any committed one. The walk
is bounded: after :data:`MAX_STEPS` commits, or when git cannot be read, the order of the paths
decides, as without git.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pygit2

from .walk import head_id, site_root

MAX_STEPS = 5000  # first-parent commits looked at, for all groups together
MAX_LOOKUPS = 200_000  # paths looked up in trees, for all groups together


def oldest_first(repo_root: Path, groups: Sequence[Sequence[str]]) -> list[list[str]]:
    """Each group of paths (relative to the site root) ordered oldest first; ties in path order."""
    ordered = [sorted(group) for group in groups]
    ages = _ages(repo_root, ordered)
    return [sorted(group, key=lambda p: -ages.get(p, 0)) for group in ordered]  # stable: ties keep path order


def _ages(repo_root: Path, groups: list[list[str]]) -> dict[str, int]:
    """For each path, how many consecutive first-parent commits from HEAD hold it (0: none)."""
    try:
        git_dir = pygit2.discover_repository(str(repo_root))
        if git_dir is None:
            return {}
        repo = pygit2.Repository(git_dir)
        if repo.head_is_unborn:
            return {}
        prefix = site_root(repo, repo_root)
        commit: pygit2.Commit | None = repo.get(head_id(repo))  # type: ignore[assignment]
    except (pygit2.GitError, KeyError, ValueError, OSError):
        return {}
    ages: dict[str, int] = {}
    open_groups = [list(group) for group in groups if len(group) > 1]
    lookups = 0
    for _step in range(MAX_STEPS):
        if not open_groups or not isinstance(commit, pygit2.Commit) or lookups > MAX_LOOKUPS:
            break
        try:
            tree = commit.tree
        except (pygit2.GitError, KeyError, ValueError):
            break
        still: list[list[str]] = []
        for group in open_groups:
            present = []
            for path in group:
                lookups += 1
                if _holds(tree, prefix + path):
                    ages[path] = ages.get(path, 0) + 1
                    present.append(path)
            if len(present) > 1:  # still a tie: look further back
                still.append(present)
        open_groups = still
        try:
            commit = commit.parents[0] if commit.parent_ids else None
        except (pygit2.GitError, KeyError, ValueError, IndexError):  # a shallow clone's first commit
            break
    return ages


def _holds(tree: pygit2.Tree, path: str) -> bool:
    try:
        return isinstance(tree[path], pygit2.Blob)
    except (KeyError, ValueError, TypeError, pygit2.GitError):
        return False
