"""The history index on disk between builds (CI, `mkdocs build`): a build after one new commit
reads only that commit from git.

The file is JSON (never pickle: a cache restored in CI must not be able to run code), at most
``MAX_BYTES``, and checked on load; anything unexpected means "no cache" and a full walk. It holds
what :meth:`HistoryIndex.build` needs to reuse an old walk: the head, what was read (``Source``)
and the reads. Whether the old head is still an ancestor is checked by the walk itself, as in serve.
"""

from __future__ import annotations

import json
import os
from dataclasses import fields
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .gitread import Read
from .index import HistoryIndex
from .model import Commit, FileChange
from .walk import Source

FORMAT = 1
MAX_BYTES = 1 << 30  # 1 GiB; a site with 100,000 commits writes about 30 MB
FILE = "geschiedenis.json"
_COMMIT_FIELDS = [f.name for f in fields(Commit)]


def _key() -> str:
    try:
        package = version("buurtwiki")
    except PackageNotFoundError:
        package = "onbekend"
    return f"{FORMAT}:{package}"


def save(index: HistoryIndex, folder: Path) -> None:
    """Write the index's reads; silently nothing when the folder cannot be written."""
    source = index._source
    if index.head is None or source is None:
        return
    # getattr, not dataclasses.astuple: that deep-copies every field (0.5 s for 10,000 commits)
    reads = [[[getattr(commit, name) for name in _COMMIT_FIELDS], [[c.code, c.path, c.old_path, c.old_blob, c.new_blob] for c in changes]]
             for commit, changes in index._reads]
    data = {"key": _key(), "head": index.head, "source": {**source.__dict__, "boundaries": sorted(source.boundaries)},
            "reads": reads}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / (FILE + ".tmp")
        temporary.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        os.replace(temporary, folder / FILE)
    except OSError:
        return


def load(folder: Path) -> HistoryIndex | None:
    """The index of an earlier build, to pass as ``previous``; None when there is none or it is not usable."""
    path = folder / FILE
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("key") != _key():
            return None
        raw = data["source"]
        source = Source(git_dir=str(raw["git_dir"]), root=str(raw["root"]), prefixes=tuple(raw["prefixes"]),
                         bots=tuple(raw["bots"]), mailmap=str(raw["mailmap"]), boundaries=frozenset(raw["boundaries"]))
        reads = [_read(item) for item in data["reads"]]
        return HistoryIndex(head=str(data["head"]), _source=source, _reads=reads)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def _read(item: list) -> Read:
    values, changes = item
    if len(values) != len(_COMMIT_FIELDS):
        raise ValueError("commit")
    typed = dict(zip(_COMMIT_FIELDS, values, strict=True))
    typed["coauthors"] = tuple(typed["coauthors"])  # JSON gives a list
    commit = Commit(**typed)
    return commit, tuple(FileChange(commit, str(code), str(p), old, ob, nb) for code, p, old, ob, nb in changes)
