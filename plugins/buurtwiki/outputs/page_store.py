"""The rendered pages of the last build, on disk, so that the next build (`mkdocs build` with a
``cache_dir``, e.g. in CI after one new commit) renders only the pages the change affects.

Beside the pages lies ``stand.json``: the :class:`~buurtwiki.outputs.affected.Snapshot` of the
build that made them and a digest of the engine (MkDocs, the theme, ``mkdocs.yml``, the package's
code and templates). The next build compares its own snapshot with it (``affected.kept_pages``);
a page it keeps is copied from here, byte for byte. History pages have their own cache
(``page_cache.py``).

The description is removed before the first page of a build is written and written again after
the last one: when a build stops halfway, the next one finds no description and renders every page.
A description that cannot be read (damaged, another format, too large) means the same. Files here
are only ever copied into the site, never parsed as anything but this JSON.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, MutableMapping
from pathlib import Path

from .affected import Facts, Snapshot

FORMAT = 3
FOLDER = "gemaakt"
STATE = "stand.json"
MAX_STATE = 256 * 1024 * 1024  # bytes: far above a 100,000-page site's description


def _name(src_uri: str) -> str:
    return hashlib.sha256(src_uri.encode("utf-8", "surrogatepass")).hexdigest()[:40] + ".html"


def _to_json(snapshot: Snapshot) -> dict:
    return {"key": snapshot.key, "head": snapshot.head, "pages": sorted(snapshot.pages), "shared": sorted(snapshot.shared),
            "recent": snapshot.recent,
            "wijk_folders": snapshot.wijk_folders,
            "entities": {path: [list(f.seen), f.fingerprint, f.src_uri, f.history_uri, f.wijk_index, list(f.neighbours)]
                         for path, f in snapshot.entities.items()}}


def _strings(value: object, optional: bool = False) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) or (optional and v is None) for v in value)


def _from_json(data: object) -> Snapshot | None:
    """The snapshot in ``data``, or None when anything in it is not as written."""
    if not isinstance(data, dict) or not isinstance(data.get("entities"), dict) or not isinstance(data.get("wijk_folders"), dict):
        return None
    if not isinstance(data.get("key"), str) or not (data.get("head") is None or isinstance(data["head"], str)):
        return None
    recent = data.get("recent")
    if not isinstance(recent, dict) or not _strings(list(recent.values())):
        return None
    if not (_strings(data.get("pages")) and _strings(data.get("shared"))
            and _strings(list(data["wijk_folders"].values()))):
        return None
    entities = {}
    for path, row in data["entities"].items():
        if not (isinstance(row, list) and len(row) == 6 and _strings(row[0], optional=True) and len(row[0]) == 6
                and all(isinstance(v, str) for v in row[1:4]) and isinstance(row[4], bool) and _strings(row[5])):
            return None
        entities[path] = Facts(tuple(row[0]), row[1], row[2], row[3], row[4], tuple(row[5]))
    return Snapshot(data["key"], data["head"], entities, frozenset(data["pages"]), frozenset(data["shared"]),
                    dict(recent), dict(data["wijk_folders"]))


class PageStore(MutableMapping[str, str]):
    """Rendered pages by ``src_uri`` under ``cache/gemaakt/``: reading one copies nothing into memory
    but that page; writing one writes its file at once."""

    def __init__(self, cache: Path, engine: str) -> None:
        self.folder = cache / FOLDER
        self.engine = hashlib.sha256(engine.encode("utf-8", "surrogatepass")).hexdigest()
        self.stored: set[str] = set()
        self._folder_made = False

    def open(self) -> Snapshot | None:
        """The previous build's snapshot (None: render everything); its pages are this mapping.
        The description is removed now and written again by :meth:`close`."""
        state = self.folder / STATE
        try:
            if state.stat().st_size > MAX_STATE:
                raise ValueError(state)
            data = json.loads(state.read_text(encoding="utf-8"))
            state.unlink()
        except (OSError, ValueError, RecursionError):
            return None
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("engine") != self.engine:
            return None
        snapshot = _from_json(data.get("snapshot"))
        pages = data.get("stored")
        if snapshot is None or not isinstance(pages, list) or not _strings(pages):
            return None
        self.stored = {uri for uri in pages if (self.folder / _name(uri)).is_file()}
        return snapshot

    def close(self, snapshot: Snapshot) -> None:
        """After a finished build: describe it, and remove the pages it no longer has."""
        self.stored &= snapshot.pages
        keep = {_name(uri) for uri in self.stored} | {STATE}
        try:
            for item in self.folder.iterdir() if self.folder.is_dir() else ():
                if item.name not in keep:
                    item.unlink(missing_ok=True)
            self.folder.mkdir(parents=True, exist_ok=True)
            data = {"format": FORMAT, "engine": self.engine, "snapshot": _to_json(snapshot), "stored": sorted(self.stored)}
            temporary = self.folder / (STATE + ".tmp")
            temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, self.folder / STATE)
        except OSError:
            return  # no cache next time: a full build

    # -- the mapping ---------------------------------------------------------------------------

    def __getitem__(self, src_uri: str) -> str:
        if src_uri not in self.stored:
            raise KeyError(src_uri)
        return (self.folder / _name(src_uri)).read_bytes().decode("utf-8", "surrogatepass")

    def __setitem__(self, src_uri: str, html: str) -> None:
        try:
            if not self._folder_made:  # once, not for each of a thousand pages
                self.folder.mkdir(parents=True, exist_ok=True)
                self._folder_made = True
            (self.folder / _name(src_uri)).write_bytes(html.encode("utf-8", "surrogatepass"))
        except OSError:
            self.stored.discard(src_uri)
            return
        self.stored.add(src_uri)

    def __delitem__(self, src_uri: str) -> None:
        self.stored.discard(src_uri)

    def __contains__(self, src_uri: object) -> bool:
        return src_uri in self.stored

    def __iter__(self) -> Iterator[str]:
        return iter(self.stored)

    def __len__(self) -> int:
        return len(self.stored)
