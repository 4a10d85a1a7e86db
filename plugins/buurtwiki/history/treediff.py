"""Which files differ between two git trees, fast.

libgit2's tree diff walks every entry of both trees, also inside folders that did not change;
on a site with 1,000 pages that costs about 100 µs a commit. Here a folder is opened only when
its id differs, and a folder that changed is compared with the version next to it in the walk:
the bytes of two versions of a folder are mostly the same, so only the part between their
common start and common end is read entry by entry.

A raw git tree is a list of entries ``<mode> <name>\\0<20-byte id>``, sorted by name. Each
folder version is read (inflated) once and kept in a small cache while the walk needs it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from sys import intern

import pygit2

TREE_MODE = b"40000"
SUBMODULE_MODE = b"160000"
_NUL = b"\0"
_SPACE = b" "
_ENTRY = re.compile(rb"([0-7]+) ([^\0]*)\0(.{20})", re.DOTALL)
SMALL = 640  # folders up to this many bytes (about 15 entries) are simply read whole

Entry = tuple[bytes, bytes, bytes]  # name, mode, 20-byte id
FileDelta = tuple[str, str, bytes | None, bytes | None]  # code (A/M/D), path, old id, new id


@dataclass(slots=True)
class RawTree:
    data: bytes
    starts: list[int] | None = None  # where each entry starts, and len(data) at the end
    by_name: dict[bytes, tuple[bytes, bytes]] | None = None  # name -> (mode, id), for small folders

    def offsets(self) -> list[int]:
        if self.starts is None:
            self.starts = _starts(self.data)
        return self.starts

    def table(self) -> dict[bytes, tuple[bytes, bytes]]:
        if self.by_name is None:
            self.by_name = {name: (mode, oid) for mode, name, oid in _ENTRY.findall(self.data)}
        return self.by_name


def _starts(data: bytes) -> list[int]:
    starts: list[int] = []
    append = starts.append
    index = data.index
    pos, end = 0, len(data)
    while pos < end:
        append(pos)
        pos = index(_NUL, pos) + 21
    append(end)
    return starts


def _entry(data: bytes, start: int) -> Entry:
    nul = data.index(_NUL, start)
    space = data.index(_SPACE, start, nul)
    return data[space + 1 : nul], data[start:space], data[nul + 1 : nul + 21]


def _small_changes(a: RawTree, b: RawTree) -> tuple[list[Entry], list[Entry]]:
    """Entries only in ``a`` and only in ``b``, for small folders: read both whole."""
    table_a, table_b = a.table(), b.table()
    get_a, get_b = table_a.get, table_b.get
    return (
        [(n, v[0], v[1]) for n, v in table_a.items() if get_b(n) != v],
        [(n, v[0], v[1]) for n, v in table_b.items() if get_a(n) != v],
    )


def _common_prefix(a: bytes, pa: int, b: bytes, pb: int) -> int:
    """Length of the common start of ``a[pa:]`` and ``b[pb:]`` (by halving: few compares in C)."""
    hi = min(len(a) - pa, len(b) - pb)
    if a[pa : pa + hi] == b[pb : pb + hi]:
        return hi
    lo = 0
    while hi - lo > 1:  # equal up to lo, different up to hi
        mid = (lo + hi) // 2
        if a[pa + lo : pa + mid] == b[pb + lo : pb + mid]:
            lo = mid
        else:
            hi = mid
    return lo


def _key(name: bytes, mode: bytes) -> bytes:
    # git sorts a folder as if its name ends in "/"
    return name + b"/" if mode == TREE_MODE else name


def _compare(known: RawTree, data: bytes) -> tuple[RawTree, list[Entry], list[Entry]]:
    """Read ``data`` (another version of the folder ``known``) and return it with the entries
    that only ``known`` has and the entries that only ``data`` has.

    Runs of equal bytes are skipped with a few slice compares; only the entries around a
    difference are read, side by side in name order, until both sides are equal again.
    """
    a = known.data
    sa = known.offsets()
    la, lb = len(a), len(data)
    last = len(sa) - 1  # index of the end marker
    starts: list[int] = []
    old: list[Entry] = []
    new: list[Entry] = []
    ia, pb = 0, 0  # entry ia of a starts where position pb of data starts; all before is done
    while True:
        pa = sa[ia]
        shift = pb - pa
        k = _common_prefix(a, pa, data, pb)
        if pa + k == la and pb + k == lb:
            starts.extend(sa[ia:] if shift == 0 else [s + shift for s in sa[ia:]])
            return RawTree(data, starts), old, new
        i = bisect_right(sa, pa + k) - 1  # the entry of a in which the difference lies
        starts.extend(sa[ia:i] if shift == 0 else [s + shift for s in sa[ia:i]])
        ia, pb = i, sa[i] + shift
        while True:
            ea = eb = None
            if ia < last:
                nul = a.index(_NUL, sa[ia])
                ea = (a[a.index(_SPACE, sa[ia], nul) + 1 : nul], a[sa[ia] : a.index(_SPACE, sa[ia], nul)], a[nul + 1 : nul + 21])
            if pb < lb:
                nul_b = data.index(_NUL, pb)
                space = data.index(_SPACE, pb, nul_b)
                eb = (data[space + 1 : nul_b], data[pb:space], data[nul_b + 1 : nul_b + 21])
                end_b = nul_b + 21
            if ea is None and eb is None:
                starts.append(lb)
                return RawTree(data, starts), old, new
            if ea == eb:
                break  # equal again: skip the next run of equal bytes
            if eb is None or (ea is not None and _key(ea[0], ea[1]) < _key(eb[0], eb[1])):
                old.append(ea)  # type: ignore[arg-type]
                ia += 1
            elif ea is None or _key(eb[0], eb[1]) < _key(ea[0], ea[1]):
                new.append(eb)
                starts.append(pb)
                pb = end_b
            else:  # same name, other content
                old.append(ea)
                new.append(eb)
                starts.append(pb)
                ia += 1
                pb = end_b


class TreeReader:
    """Reads raw trees from the object database, with a two-generation cache."""

    def __init__(self, repo: pygit2.Repository, generation: int = 2048) -> None:
        self._read = repo.odb.read
        self._new: dict[bytes, RawTree] = {}
        self._old: dict[bytes, RawTree] = {}
        self._generation = generation

    def _cached(self, oid: bytes) -> RawTree | None:
        tree = self._new.get(oid)
        if tree is None:
            tree = self._old.get(oid)
            if tree is not None:
                self._keep(oid, tree)
        return tree

    def _keep(self, oid: bytes, tree: RawTree) -> None:
        if len(self._new) >= self._generation:
            self._old, self._new = self._new, {}
        self._new[oid] = tree

    def _data(self, oid: bytes) -> bytes:
        return self._read(pygit2.Oid(raw=oid))[1]

    def tree(self, oid: bytes) -> RawTree:
        tree = self._cached(oid)
        if tree is None:
            tree = RawTree(self._data(oid))
            self._keep(oid, tree)
        return tree

    def entries(self, oid: bytes) -> list[Entry]:
        return [(n, v[0], v[1]) for n, v in self.tree(oid).table().items()]

    def lookup(self, oid: bytes, path: str) -> bytes | None:
        """The id of the folder at ``path`` ("a/b", "" for ``oid`` itself), or None."""
        for part in filter(None, path.split("/")):
            found = self.tree(oid).table().get(part.encode())
            if found is None or found[0] != TREE_MODE:
                return None
            oid = found[1]
        return oid

    def changed(self, old: bytes, new: bytes) -> tuple[list[Entry], list[Entry]]:
        """Entries only in ``old`` and entries only in ``new`` (two different folder ids)."""
        a = self._new.get(old) or self._cached(old)
        b = self._new.get(new) or self._cached(new)
        if a is None and b is None:
            a = self.tree(old)
        if b is None:
            assert a is not None
            data = self._data(new)
            if len(data) <= SMALL or len(a.data) <= SMALL:
                b = RawTree(data)
                self._keep(new, b)
                return _small_changes(a, b)
            b, only_old, only_new = _compare(a, data)
            self._keep(new, b)
            return only_old, only_new
        if a is None:
            data = self._data(old)
            if len(data) <= SMALL or len(b.data) <= SMALL:
                a = RawTree(data)
                self._keep(old, a)
                return _small_changes(a, b)
            a, only_new, only_old = _compare(b, data)
            self._keep(old, a)
            return only_old, only_new
        if len(a.data) <= SMALL or len(b.data) <= SMALL:
            return _small_changes(a, b)
        b_tree, only_old, only_new = _compare(a, b.data)
        if b.starts is None:
            b.starts = b_tree.starts
        return only_old, only_new

    # -- files -----------------------------------------------------------------------------

    def diff(self, old: bytes | None, new: bytes | None, wanted: Callable[[str], bool], folder: str = "") -> list[FileDelta]:
        """Files added (A), changed (M) and deleted (D) between two folders (None: empty)."""
        out: list[FileDelta] = []
        self._diff(old, new, wanted, folder, out)
        return out

    def _diff(self, old: bytes | None, new: bytes | None, wanted: Callable[[str], bool], folder: str, out: list[FileDelta]) -> None:
        if old == new:
            return
        if old is None or new is None:
            only_old = self.entries(old) if old is not None else []
            only_new = self.entries(new) if new is not None else []
        else:
            a = self._new.get(old) or self._cached(old)
            b = self._new.get(new) or self._cached(new)
            if a is not None and b is not None and a.by_name is not None and b.by_name is not None:
                table_a, table_b = a.by_name, b.by_name  # both small and read: the common case
                get_a, get_b = table_a.get, table_b.get
                only_old = [(n, v[0], v[1]) for n, v in table_a.items() if get_b(n) != v]
                only_new = [(n, v[0], v[1]) for n, v in table_b.items() if get_a(n) != v]
            else:
                only_old, only_new = self.changed(old, new)
        if len(only_old) == 1 and len(only_new) == 1 and only_old[0][0] == only_new[0][0]:
            # One entry changed, the same name on both sides: a changed file or folder.
            name, mode, oid = only_new[0]
            was_mode, was_oid = only_old[0][1], only_old[0][2]
            if mode == was_mode and mode != SUBMODULE_MODE:
                path = folder + name.decode("utf-8", "replace")
                if mode == TREE_MODE:
                    path += "/"
                    if wanted(path):
                        self._diff(was_oid, oid, wanted, path, out)
                elif wanted(path):
                    out.append(("M", intern(path), was_oid, oid))
                return
        # Submodules are not files of the site: leave them out.
        before = {name: (mode, oid) for name, mode, oid in only_old if mode != SUBMODULE_MODE}
        for name, mode, oid in only_new:
            if mode == SUBMODULE_MODE:
                continue
            path = folder + name.decode("utf-8", "replace")
            was = before.pop(name, None)
            if was is not None and (was[0] == TREE_MODE) != (mode == TREE_MODE):
                self._gone(was[0], was[1], path, wanted, out)  # a file became a folder or back
                was = None
            if mode == TREE_MODE:
                if wanted(path + "/"):
                    self._diff(was[1] if was else None, oid, wanted, path + "/", out)
            elif wanted(path):
                out.append(("A", intern(path), None, oid) if was is None else ("M", intern(path), was[1], oid))
        for name, (mode, oid) in before.items():
            self._gone(mode, oid, folder + name.decode("utf-8", "replace"), wanted, out)

    def _gone(self, mode: bytes, oid: bytes, path: str, wanted: Callable[[str], bool], out: list[FileDelta]) -> None:
        """Everything at ``path`` (file or folder) deleted."""
        if mode == TREE_MODE:
            if wanted(path + "/"):
                self._diff(oid, None, wanted, path + "/", out)
        elif mode != SUBMODULE_MODE and wanted(path):
            out.append(("D", intern(path), oid, None))
