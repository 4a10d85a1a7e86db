"""Reading commits: one revwalk over the repository, each commit's tree compared with its parent's.

This is the only slow part of the history index: everything after it works on the small
objects of ``model.py``. Per commit it gives a ``Commit`` and the changes the commit made to
files under the content folders.

- A normal commit is compared with its parent (a root commit with the empty tree). Renames are
  looked for with libgit2 (``find_similar``) only when the commit both adds and deletes content
  files; all other commits use the fast comparison of ``treediff.py``.
- A merge commit gets a change for a path only when its version of that path differs from every
  parent: the merge itself changed the file (for example while resolving a conflict). Changes
  that came in from one side are in the history already, through that side's own commits.
- In a shallow clone the oldest commits' parents are missing; they are read as root commits.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from sys import intern

import pygit2

from .model import Commit, FileChange
from .people import BotMatcher, People, decode, decode_message, without_emails
from .rawwalk import RawCommit, read_commit
from .treediff import FileDelta, TreeReader

SORT = pygit2.enums.SortMode.TOPOLOGICAL | pygit2.enums.SortMode.TIME
_FIND_RENAMES = pygit2.enums.DiffFind.FIND_RENAMES
_LIBGIT2_CODES = {
    pygit2.enums.DeltaStatus.ADDED: "A",
    pygit2.enums.DeltaStatus.DELETED: "D",
    pygit2.enums.DeltaStatus.MODIFIED: "M",
    pygit2.enums.DeltaStatus.RENAMED: "R",
    pygit2.enums.DeltaStatus.TYPECHANGE: "M",
    pygit2.enums.DeltaStatus.COPIED: "A",
}

Read = tuple[Commit, tuple[FileChange, ...]]


def _path(file: pygit2.DiffFile) -> str:
    try:
        return file.path
    except UnicodeDecodeError:  # a file name that is not UTF-8
        return decode(file.raw_path)


def _hex(oid: bytes | None) -> str | None:
    return None if oid is None else oid.hex()


class PathFilter:
    """Which paths (relative to the site root) belong to the content folders."""

    def __init__(self, prefixes: Iterable[str]) -> None:
        self.prefixes = tuple(p if p.endswith("/") or not p else p + "/" for p in prefixes)
        self._folders: dict[str, bool] = {}

    def __call__(self, path: str) -> bool:
        if path.startswith(self.prefixes):
            return True
        if not path.endswith("/"):
            return False
        # A folder above a content folder ("wijken/" for the prefix "wijken/ohg/") is opened too.
        found = self._folders.get(path)
        if found is None:
            found = self._folders[path] = any(p.startswith(path) for p in self.prefixes)
        return found


class CommitReader:
    """Turns pygit2 commits into ``Commit`` + ``FileChange`` objects for the content folders."""

    def __init__(
        self,
        repo: pygit2.Repository,
        *,
        root: str,
        prefixes: tuple[str, ...],
        people: People,
        is_bot: BotMatcher,
        boundaries: frozenset[str] = frozenset(),
    ) -> None:
        self.repo = repo
        self.root = root  # "" or "sub/folder/": where the site lives inside the repository
        self.wanted = PathFilter(prefixes)
        self.people = people
        self.is_bot = is_bot
        self.boundaries = boundaries
        self.trees = TreeReader(repo)
        self._root_of: dict[bytes, bytes | None] = {}
        self.now = int(time.time())

    def walk(self, head: pygit2.Oid, hide: Iterable[pygit2.Oid] = ()) -> Iterator[pygit2.Commit]:
        walker = self.repo.walk(head, SORT)
        for oid in hide:
            walker.hide(oid)
        return iter(walker)

    # -- one commit ------------------------------------------------------------------------

    def read(self, commit: pygit2.Commit | RawCommit) -> Read:
        sha = str(commit.id)
        parent_ids = commit.parent_ids
        boundary = sha in self.boundaries
        info = self._commit_info(commit, sha, merge=len(parent_ids) > 1, boundary=boundary)
        new = self.site_tree(commit.tree_id.raw)
        if not parent_ids:
            deltas = self.trees.diff(None, new, self.wanted)
            return info, tuple(FileChange(info, c, p, None, _hex(o), _hex(n)) for c, p, o, n in deltas)
        if len(parent_ids) == 1:
            old = self.site_tree(read_commit(self.repo, parent_ids[0]).tree_id.raw)
            deltas = self.trees.diff(old, new, self.wanted)
            codes = {d[0] for d in deltas}
            if "A" in codes and "D" in codes:
                return info, self._with_renames(info, old, new, deltas)
            return info, tuple(FileChange(info, c, p, None, _hex(o), _hex(n)) for c, p, o, n in deltas)
        return info, self._merge_changes(info, new, parent_ids)

    def site_tree(self, tree: bytes) -> bytes | None:
        """The id of the site root folder inside a commit's tree (None when it is missing)."""
        if not self.root:
            return tree
        if tree not in self._root_of:
            if len(self._root_of) > 4096:
                self._root_of.clear()
            self._root_of[tree] = self.trees.lookup(tree, self.root)
        return self._root_of[tree]

    def _commit_info(self, commit: pygit2.Commit | RawCommit, sha: str, *, merge: bool, boundary: bool) -> Commit:
        encoding = commit.message_encoding
        signature = commit.author
        author = self.people.author(signature, encoding)
        message = decode_message(commit.raw_message, encoding)
        when, offset, fixed = sane_date(signature.time, signature.offset, commit.commit_time, self.now)
        return Commit(
            sha=sha,
            time=when,
            offset=offset,
            author=author,
            coauthors=self.people.coauthors(message, author),
            message=without_emails(message).strip(),
            bot=self.is_bot(author),
            merge=merge,
            boundary=boundary,
            date_fixed=fixed,
        )

    def _with_renames(self, info: Commit, old: bytes | None, new: bytes | None, deltas: list[FileDelta]) -> tuple[FileChange, ...]:
        """The comparison again, by libgit2 with rename detection, in the smallest folder that
        holds every added and deleted file (libgit2 reads every file of the folders it compares)."""
        folder = _common_folder([d[1] for d in deltas if d[0] != "M"])
        old_sub = self.trees.lookup(old, folder) if old is not None else None
        new_sub = self.trees.lookup(new, folder) if new is not None else None
        if old_sub is None or new_sub is None:
            return tuple(FileChange(info, c, p, None, _hex(o), _hex(n)) for c, p, o, n in deltas)
        try:
            old_tree = self.repo[pygit2.Oid(raw=old_sub)]
            new_tree = self.repo[pygit2.Oid(raw=new_sub)]
            assert isinstance(old_tree, pygit2.Tree) and isinstance(new_tree, pygit2.Tree)
            diff = old_tree.diff_to_tree(new_tree)
            diff.find_similar(_FIND_RENAMES)
        except (pygit2.GitError, KeyError, ValueError):
            # Renames are found by comparing contents; a partial clone lacks them: add + delete.
            return tuple(FileChange(info, c, p, None, _hex(o), _hex(n)) for c, p, o, n in deltas)
        wanted = self.wanted
        out = [FileChange(info, c, p, None, _hex(o), _hex(n)) for c, p, o, n in deltas if not p.startswith(folder)]
        for d in diff.deltas:
            code = _LIBGIT2_CODES.get(d.status)
            new_path, old_path = folder + _path(d.new_file), folder + _path(d.old_file)
            if code is None or not (wanted(new_path) or wanted(old_path)):
                continue
            if d.new_file.mode == pygit2.enums.FileMode.COMMIT or d.old_file.mode == pygit2.enums.FileMode.COMMIT:
                continue  # submodules are not files of the site
            if code == "R" and not wanted(new_path):
                code, new_path = "D", old_path  # moved out of the content folders
            elif code == "R" and not wanted(old_path):
                code = "A"  # moved in from elsewhere: for the site the page starts here
            out.append(
                FileChange(
                    info,
                    code,
                    intern(old_path if code == "D" else new_path),
                    intern(old_path) if code == "R" else None,
                    None if code == "A" else str(d.old_file.id),
                    None if code == "D" else str(d.new_file.id),
                )
            )
        return tuple(out)

    def _merge_changes(self, info: Commit, new: bytes | None, parent_ids: list[pygit2.Oid]) -> tuple[FileChange, ...]:
        """Changes where the merge's version differs from every parent (no rename detection)."""
        first: list[FileDelta] = []
        common: set[str] = set()
        for number, pid in enumerate(parent_ids):
            old = self.site_tree(read_commit(self.repo, pid).tree_id.raw)
            deltas = self.trees.diff(old, new, self.wanted)
            if number == 0:
                first, common = deltas, {d[1] for d in deltas}
            else:
                common.intersection_update(d[1] for d in deltas)
            if not common:
                return ()
        return tuple(FileChange(info, c, p, None, _hex(o), _hex(n)) for c, p, o, n in first if p in common)


def sane_date(author_time: int, offset: int, committer_time: int, now: int) -> tuple[int, int, bool]:
    """(time, offset, fixed): a date a page can show, for a date a stranger wrote.

    Git stores any number: the year 10000, before 1970, a time zone of +99:59. Such a date
    would break every date function. A time outside 1970 .. tomorrow becomes the committer
    time (when that one is possible), else the nearest possible time; an offset of a day or
    more becomes UTC. ``fixed`` is True when something was changed.
    """
    latest = now + 86_400
    fixed = False
    if not 0 <= author_time <= latest:
        fixed = True
        author_time = committer_time if 0 <= committer_time <= latest else min(max(author_time, 0), latest)
    if not -1440 < offset < 1440:
        fixed, offset = True, 0
    return author_time, offset, fixed


def _common_folder(paths: list[str]) -> str:
    """The deepest folder ("" or "a/b/") that holds all ``paths``."""
    parts = [p.split("/")[:-1] for p in paths]
    common: list[str] = []
    for names in zip(*parts, strict=False):  # as deep as the shortest path
        if any(n != names[0] for n in names):
            break
        common.append(names[0])
    return "".join(n + "/" for n in common)


def shallow_boundaries(repo: pygit2.Repository) -> frozenset[str]:
    """The commits whose parents a shallow clone left out (listed in ``.git/shallow``)."""
    try:
        text = (Path(repo.path) / "shallow").read_text(encoding="ascii", errors="replace")
    except OSError:
        return frozenset()
    return frozenset(line.strip() for line in text.splitlines() if len(line.strip()) == 40)
