"""A cold walk reads its commits in two processes.

Reading a commit (comparing its folders with its parent's) does not depend on any other
commit, and it is almost all of the walk: 17 s at 100,000 commits. So a forked process reads
the older half while this one reads the newer half, and sends its reads back whole; the list
is the same as when one process reads them all (tests/history/test_split_walk.py). When this
process has other work meanwhile (the build reads the site's files), the forked process reads
the older 70% and this one does that work first.
"""

from __future__ import annotations

import gc
import pickle
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import pygit2

from ..parallel import in_background
from .gitread import CommitReader, Read

MIN_COMMITS = 4000  # below this, forking and sending costs more than it saves
# With other work for this process meanwhile (reading the site's files, about half as long as the
# walk at 1,000 pages / 10,000 commits and at 10,000 / 100,000), the forked process reads more.
SHARE_WITH_MEANWHILE = 0.7


def read_all(reader: CommitReader, commits: Sequence[pygit2.Commit], meanwhile: Callable[[], None] | None = None) -> list[Read]:
    """The reads of ``commits``, in their order. ``meanwhile`` runs here while the forked process
    reads (or first, when there is no fork)."""
    if len(commits) < MIN_COMMITS:
        if meanwhile is not None:
            meanwhile()
        return [reader.read(c) for c in commits]
    middle = len(commits) - int(len(commits) * SHARE_WITH_MEANWHILE) if meanwhile is not None else len(commits) // 2
    older = in_background(lambda: _pack([reader.read(c) for c in commits[middle:]]))
    if meanwhile is not None:
        meanwhile()
    with no_collection():
        newer = [reader.read(c) for c in commits[:middle]]
    return newer + _unpack(older())


def _pack(reads: list[Read]) -> bytes:
    with no_collection():
        return pickle.dumps(reads, protocol=pickle.HIGHEST_PROTOCOL)


def _unpack(data: bytes) -> list[Read]:
    with no_collection():
        return pickle.loads(data)  # noqa: S301 - bytes from our own forked process


@contextmanager
def no_collection() -> Iterator[None]:
    """Python's garbage collector would look at the objects of a large history again and again
    while they are made or sent (twice the time); none of them is garbage."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
