"""A walk over commits that libgit2 refuses to read, for example a date like ``abc +0100``.

libgit2 stops the whole walk at the first commit it cannot parse, and the site would have no
history at all. Git itself shows such a commit. This walk reads the commit objects itself
(their header is a few lines of ``key value``) and gives objects with the attributes that
``gitread.CommitReader`` uses. Only used after libgit2 failed, so its speed matters less; it
is still linear in the number of commits.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass

import pygit2

BAD_TIME = -1  # an unreadable time; gitread.sane_date replaces it and the index warns


@dataclass(frozen=True)
class RawSignature:
    raw_name: bytes
    raw_email: bytes
    time: int
    offset: int


@dataclass(frozen=True)
class RawCommit:
    """The parts of a commit that the history index reads, like ``pygit2.Commit``."""

    id: pygit2.Oid
    tree_id: pygit2.Oid
    parent_ids: list[pygit2.Oid]
    author: RawSignature
    commit_time: int
    raw_message: bytes
    message_encoding: str | None


def _number(text: bytes) -> int | None:
    text = text.strip()
    if not 0 < len(text) <= 20 or not text.lstrip(b"-+").isdigit():
        return None
    return int(text)


def parse_ident(line: bytes) -> RawSignature:
    """``Name <mail> 1700000000 +0100`` without a regex; what cannot be read becomes empty or BAD_TIME."""
    left, close, rest = line.rpartition(b">")
    if not close:
        left, rest = line, b""
    name, _, email = left.partition(b"<")
    parts = rest.split()
    when = _number(parts[0]) if parts else None
    zone = _number(parts[1]) if len(parts) > 1 else None
    offset = 0
    if zone is not None and -9999 <= zone <= 9999:
        sign = -1 if zone < 0 else 1
        offset = sign * ((abs(zone) // 100) * 60 + abs(zone) % 100)
    return RawSignature(name.strip(), email.strip(), BAD_TIME if when is None else when, offset)


def read_commit(repo: pygit2.Repository, oid: pygit2.Oid) -> pygit2.Commit | RawCommit:
    """The commit through libgit2, or read by hand when libgit2 cannot parse it."""
    try:
        found = repo[oid]
        if isinstance(found, pygit2.Commit):
            return found
    except (pygit2.GitError, ValueError):
        pass
    kind, data = repo.odb.read(oid)
    if kind != pygit2.enums.ObjectType.COMMIT:
        raise ValueError(f"{oid} is geen commit")
    header, _, message = data.partition(b"\n\n")
    fields: dict[bytes, list[bytes]] = {}
    for line in header.split(b"\n"):
        key, _, value = line.partition(b" ")
        fields.setdefault(key, []).append(value)
    tree = fields.get(b"tree", [b""])[0].decode("ascii", "replace")
    author = parse_ident(fields.get(b"author", [b""])[0])
    committer = parse_ident(fields.get(b"committer", [b""])[0])
    encoding = fields.get(b"encoding", [b""])[0].decode("ascii", "replace") or None
    return RawCommit(
        id=oid,
        tree_id=pygit2.Oid(hex=tree),
        parent_ids=[pygit2.Oid(hex=p.decode("ascii", "replace").strip()) for p in fields.get(b"parent", [])],
        author=author,
        commit_time=committer.time,
        raw_message=message,
        message_encoding=encoding,
    )


def walk(repo: pygit2.Repository, head: pygit2.Oid) -> Iterator[pygit2.Commit | RawCommit]:
    """Every commit reachable from ``head``, children before parents, newest first where free
    (as ``git log --topo-order``). Parents that are not in the repository are left out."""
    commits: dict[pygit2.Oid, pygit2.Commit | RawCommit] = {}
    children: dict[pygit2.Oid, int] = {}
    todo = [head]
    while todo:
        oid = todo.pop()
        if oid in commits:
            continue
        try:
            commit = commits[oid] = read_commit(repo, oid)
        except (KeyError, ValueError, pygit2.GitError):
            continue  # a shallow clone's missing parent
        for parent in commit.parent_ids:
            children[parent] = children.get(parent, 0) + 1
            todo.append(parent)
    ready = [(-commits[head].commit_time, 0, head)] if head in commits else []
    number = 1
    while ready:
        _time, _n, oid = heapq.heappop(ready)
        commit = commits[oid]
        yield commit
        for parent in commit.parent_ids:
            children[parent] -= 1
            if children[parent] == 0 and parent in commits:
                heapq.heappush(ready, (-commits[parent].commit_time, number, parent))
                number += 1
