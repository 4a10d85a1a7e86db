"""The one walk over git: where it starts, and what it takes over from the walk of an earlier build.

:class:`~buurtwiki.history.index.HistoryIndex` reads every commit once. Serve and the disk cache
(``cache.py``) give it the index of an earlier build: then only the commits since that build's
head are read, and the result equals a full walk.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pygit2

from . import rawwalk, splitwalk
from .gitread import CommitReader, Read
from .notices import UNPARSEABLE
from .rawwalk import RawCommit

if TYPE_CHECKING:
    from .index import HistoryIndex


@dataclass(frozen=True)
class Source:
    """What a build read; an old index is only reused when this is the same."""

    git_dir: str
    root: str
    prefixes: tuple[str, ...]
    bots: tuple[str, ...]
    mailmap: str
    boundaries: frozenset[str]


@dataclass
class Reused:
    reads: list[Read]
    walked: int  # commits read from git in this build


@contextlib.contextmanager
def walking(gc_every: int = 50_000) -> Iterator[None]:
    """Settings for the walk, put back afterwards.

    - libgit2 checks the hash of every object it reads; that is a third of the time of the walk.
      The objects come from the repository on disk, as for git itself, so the check is left out.
    - The walk makes some 10 objects per commit that all stay; Python's garbage collector would
      look at all of them again and again (10% of the time). It runs less often during the walk.
    - libgit2 keeps every commit and folder it reads in its object cache, up to 256 MB; the walk
      reads each commit once and keeps its own cache of folders (treediff.py), so that cache only
      cost memory the rest of the build (and every worker) carries: 360 MB and 2 s more at 100,000
      commits. It is off during the walk.
    """
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], gc_every), *threshold[1:])
    pygit2.settings.enable_strict_hash_verification(False)
    pygit2.settings.enable_caching(False)
    try:
        yield
    finally:
        pygit2.settings.enable_caching(True)
        pygit2.settings.enable_strict_hash_verification(True)
        gc.set_threshold(*threshold)


def mailmap_fingerprint(repo: pygit2.Repository) -> str:
    """Changes when the .mailmap changes, so names resolved with the old one are not reused."""
    digest = hashlib.sha1()
    if repo.workdir:
        with contextlib.suppress(OSError):
            digest.update((Path(repo.workdir) / ".mailmap").read_bytes())
    for key in ("mailmap.file", "mailmap.blob"):
        try:
            value = repo.config[key]
        except (KeyError, pygit2.GitError):
            continue
        digest.update(key.encode() + str(value).encode())
        with contextlib.suppress(OSError):
            digest.update(Path(str(value)).expanduser().read_bytes())
    return digest.hexdigest()


def head_id(repo: pygit2.Repository) -> pygit2.Oid:
    try:
        return repo.head.peel(pygit2.Commit).id
    except (pygit2.GitError, ValueError):
        target = repo.head.target  # a head commit libgit2 cannot parse: read by hand
        return target if isinstance(target, pygit2.Oid) else pygit2.Oid(hex=target)


def read_all(reader: CommitReader, head: pygit2.Commit | RawCommit, warnings: list[str],
             meanwhile: Callable[[], None] | None = None) -> list[Read]:
    """Every commit, through libgit2's fast walk; by hand when libgit2 cannot parse a commit.
    ``meanwhile``: see splitwalk.read_all (it may not have run when this fails)."""
    try:
        return splitwalk.read_all(reader, list(reader.walk(head.id)), meanwhile)
    except (pygit2.GitError, ValueError) as error:
        warnings.append(UNPARSEABLE.format(error=error))
    return [reader.read(c) for c in rawwalk.walk(reader.repo, head.id)]


def site_root(repo: pygit2.Repository, repo_root: Path) -> str:
    """Where the site lives inside the repository: "" or "sub/folder/"."""
    if not repo.workdir:
        return ""
    try:
        rel = repo_root.resolve().relative_to(Path(repo.workdir).resolve())
    except ValueError:
        return ""
    text = rel.as_posix()
    return "" if text in ("", ".") else text.rstrip("/") + "/"


def reuse(previous: HistoryIndex | None, source: Source, head: pygit2.Commit | RawCommit, reader: CommitReader) -> Reused | None:
    """The reads of a full build, taken from ``previous`` plus the new commits; None if not possible."""
    try:
        return _reuse_reads(previous, source, head, reader)
    except (pygit2.GitError, ValueError):
        return None  # a commit libgit2 cannot read: a full build reads it by hand


def _reuse_reads(previous: HistoryIndex | None, source: Source, head: pygit2.Commit | RawCommit, reader: CommitReader) -> Reused | None:
    if previous is None or previous.head is None or previous._source != source:
        return None
    repo = reader.repo
    old = pygit2.Oid(hex=previous.head)
    if head.id == old:
        return Reused(list(previous._reads), 0)
    try:
        if not repo.descendant_of(head.id, old):
            return None
    except (pygit2.GitError, KeyError, ValueError):
        return None
    new_reads: list[Read] = []
    new_ids: set[pygit2.Oid] = set()
    outside: set[pygit2.Oid] = set()  # parents of new commits that are not new
    for commit in reader.walk(head.id, hide=[old]):
        new_reads.append(reader.read(commit))
        new_ids.add(commit.id)
        outside.update(commit.parent_ids)
    outside -= new_ids
    if outside <= {old}:
        # All new commits descend from the old head: a full walk would list them first, then
        # exactly the old walk.
        return Reused(new_reads + previous._reads, len(new_reads))
    # A side branch that forked before the old head was merged: its commits fall between old
    # ones in a full walk. Walk everything again for the order (cheap), read nothing twice.
    known = {c.sha: (c, ch) for c, ch in previous._reads}
    known.update((c.sha, (c, ch)) for c, ch in new_reads)
    reads: list[Read] = []
    for commit in reader.walk(head.id):
        found = known.get(str(commit.id))
        reads.append(found if found is not None else reader.read(commit))
    return Reused(reads, len(new_reads))
