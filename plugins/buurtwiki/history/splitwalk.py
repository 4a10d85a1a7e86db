"""A cold walk reads its commits in two processes.

Reading a commit (comparing its folders with its parent's) does not depend on any other
commit, and it is almost all of the walk: 17 s at 100,000 commits. So a forked process reads
the older half while this one reads the newer half, and sends its reads back whole; the list
is the same as when one process reads them all (tests/history/test_split_walk.py).
"""

from __future__ import annotations

import gc
import pickle
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import pygit2

from ..parallel import in_background
from .gitread import CommitReader, Read

MIN_COMMITS = 4000  # below this, forking and sending costs more than it saves


def read_all(reader: CommitReader, commits: Sequence[pygit2.Commit]) -> list[Read]:
    """The reads of ``commits``, in their order."""
    if len(commits) < MIN_COMMITS:
        return [reader.read(c) for c in commits]
    middle = len(commits) // 2
    older = in_background(lambda: _pack([reader.read(c) for c in commits[middle:]]))
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
