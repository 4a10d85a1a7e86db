"""The history index: every content file's history from one walk over the git repository.

``HistoryIndex.build(repo_root)`` walks all commits once (newest first), compares each commit
with its parent and keeps the changes to files under the content folders. Pages then ask the
index for their history, creation date, last change and contributors; the site asks it for the
recent changes. No MkDocs here: this is the domain core.

Serve mode: ``build(..., previous=old_index)`` reads only the commits that are new since the old
index's head and reuses the rest; the result equals a full build.

A warning (in Dutch, for the site maintainer) is added to ``index.warnings`` instead of raising
when there is no repository, no commit yet, or only part of the history (a shallow clone).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pygit2

from ..content.source import MAX_FILE_BYTES
from ..model.text import obfuscate_emails
from . import rawwalk, splitwalk
from .changes import NO_ROW_KEYS, Change, RowKeys, describe_change
from .gitread import CommitReader, PathFilter, Read, shallow_boundaries
from .labels import Relabel
from .lineage import Lineage, trace
from .model import Commit, FileChange, RecentChange
from .notices import PARTIAL, UNPARSEABLE, date_warnings, partial_clone_filter
from .people import BotMatcher, People
from .rawwalk import RawCommit, read_commit
from .worktree import CHANGED, NEW, worktree_changes

DEFAULT_PREFIXES = ("content/", "wijken/")
DEFAULT_BOTS = ("*[bot]",)

NO_REPOSITORY = "Geen git-repository gevonden: de site wordt gebouwd zonder geschiedenis."
NO_COMMITS = (
    "De git-repository heeft nog geen commits (vastgelegde versies): de site wordt gebouwd zonder geschiedenis. "
    "Leg de bestanden eerst vast met een commit."
)
SHALLOW = (
    "De git-geschiedenis is onvolledig: deze kopie van de repository bevat alleen de laatste commits "
    "(een 'shallow clone'). Daardoor kunnen 'aangemaakt op', de schrijvers en de lijst met wijzigingen niet kloppen. "
    "Oplossing in GitHub Actions: zet bij de stap actions/checkout de optie 'fetch-depth: 0'. "
    "Zelf oplossen kan met: git fetch --unshallow"
)
READ_ERROR = "De git-geschiedenis kon niet helemaal gelezen worden ({error}): de site wordt gebouwd zonder geschiedenis."
MISSING = "inhoud niet beschikbaar: deze kopie van de repository mist oude versies"
MAX_VERSION_BYTES = MAX_FILE_BYTES  # an old version is compared only when a current file may be that big
TOO_BIG = f"een versie was te groot om te vergelijken (meer dan {MAX_VERSION_BYTES // 1024} kB)"
BLOB_CACHE = 256


@dataclass(frozen=True)
class _Source:
    """What a build read; an old index is only reused when this is the same."""

    git_dir: str
    root: str
    prefixes: tuple[str, ...]
    bots: tuple[str, ...]
    mailmap: str
    boundaries: frozenset[str]


@dataclass
class _Reused:
    reads: list[Read]
    walked: int  # commits read from git in this build


@contextlib.contextmanager
def _walking(gc_every: int = 50_000) -> Iterator[None]:
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


def _norm(path: str | Path) -> str:
    text = str(path).replace("\\", "/")
    while text.startswith("./"):
        text = text[2:]
    return str(PurePosixPath(text)) if text else text


def _mailmap_fingerprint(repo: pygit2.Repository) -> str:
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


@dataclass(eq=False)
class HistoryIndex:
    """Histories of all content files. Build it with ``HistoryIndex.build``."""

    head: str | None = None  # the commit the index was built from
    warnings: list[str] = field(default_factory=list)
    commits: list[Commit] = field(default_factory=list)  # newest first (walk order)
    hide_bots: bool = True
    walked: int = 0  # commits read from git in the last build (less than all in serve mode)
    _reads: list[Read] = field(default_factory=list, repr=False)
    _lineage: Lineage = field(default_factory=lambda: Lineage({}, [], []), repr=False)
    _by_sha: dict[str, Commit] | None = field(default=None, repr=False)
    _repo: pygit2.Repository | None = field(default=None, repr=False)
    _root: str = field(default="", repr=False)
    _wanted: PathFilter = field(default_factory=lambda: PathFilter(DEFAULT_PREFIXES), repr=False)
    _bots: BotMatcher = field(default_factory=lambda: BotMatcher(DEFAULT_BOTS), repr=False)
    _source: _Source | None = field(default=None, repr=False)
    _files: frozenset[str] = field(default_factory=frozenset, repr=False)  # content files at the head
    _worktree: dict[str, str] | None = field(default=None, repr=False)
    _blobs: dict[str, str | None] = field(default_factory=dict, repr=False)

    # -- building --------------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        repo_root: Path | str,
        *,
        prefixes: Sequence[str] = DEFAULT_PREFIXES,
        bots: Sequence[str] = DEFAULT_BOTS,
        hide_bots: bool = True,
        previous: HistoryIndex | None = None,
    ) -> HistoryIndex:
        repo_root = Path(repo_root)
        index = cls(hide_bots=hide_bots, _wanted=PathFilter(prefixes), _bots=BotMatcher(bots))
        opened = index._open(repo_root)
        if opened is None:
            return index
        repo, head = opened
        boundaries = shallow_boundaries(repo) if repo.is_shallow else frozenset()
        source = _Source(
            git_dir=str(Path(repo.path).resolve()),
            root=index._root,
            prefixes=index._wanted.prefixes,
            bots=index._bots.patterns,
            mailmap=_mailmap_fingerprint(repo),
            boundaries=boundaries,
        )
        reader = CommitReader(
            repo,
            root=index._root,
            prefixes=index._wanted.prefixes,
            people=People(repo),
            is_bot=index._bots,
            boundaries=boundaries,
        )
        try:
            with _walking():
                reused = _reuse(previous, source, head, reader)
                if reused is None:
                    reused = _Reused(_read_all(reader, head, index.warnings), 0)
                    reused.walked = len(reused.reads)
                head_root = reader.site_tree(head.tree_id.raw)
                index._files = frozenset(d[1] for d in reader.trees.diff(None, head_root, index._wanted))
                index._lineage = trace(reused.reads, hide_bots=hide_bots)
        except (pygit2.GitError, KeyError, ValueError, OSError) as error:
            index.warnings.append(READ_ERROR.format(error=error))
            return index
        index.head = str(head.id)
        index._source = source
        index._reads = reused.reads
        index.walked = reused.walked
        index.commits = [commit for commit, _changes in reused.reads]
        index.warnings += date_warnings(index.commits)
        return index

    def _open(self, repo_root: Path) -> tuple[pygit2.Repository, pygit2.Commit | RawCommit] | None:
        """The repository and its head commit, or None (with a warning) when there is no history
        to read; warns about shallow and partial clones, whose history is incomplete."""
        git_dir = pygit2.discover_repository(str(repo_root)) if repo_root.exists() else None
        try:
            repo = pygit2.Repository(git_dir) if git_dir is not None else None
        except pygit2.GitError:
            repo = None
        if repo is None:
            self.warnings.append(NO_REPOSITORY)
            return None
        self._repo = repo
        self._root = _site_root(repo, repo_root)
        if repo.head_is_unborn:
            self.warnings.append(NO_COMMITS)
            return None
        try:
            head = read_commit(repo, _head_id(repo))
        except (pygit2.GitError, KeyError, ValueError) as error:
            self.warnings.append(READ_ERROR.format(error=error))
            return None
        if repo.is_shallow:
            self.warnings.append(SHALLOW)
        partial = partial_clone_filter(repo)
        if partial is not None:
            self.warnings.append(PARTIAL.format(filter=partial))
        return repo, head

    # -- pages -----------------------------------------------------------------------------

    def history(self, path: str | Path) -> tuple[FileChange, ...]:
        """All changes of a page, newest first (following renames; bots left out if asked)."""
        return self._lineage.history.get(_norm(path), ())

    def last_changed(self, path: str | Path) -> FileChange | None:
        changes = self.history(path)
        return changes[0] if changes else None

    def created(self, path: str | Path) -> FileChange | None:
        """The oldest change (normally the one that added the page, perhaps under an older name).

        None without history, and in a shallow clone when the oldest change is the first commit
        that clone has: the page is older, but git cannot tell how old.
        """
        changes = self.history(path)
        if not changes or changes[-1].commit.boundary:
            return None
        return changes[-1]

    def contributors(self, path: str | Path) -> list[str]:
        """Names of everyone who worked on the page (co-authors too), in order of first change."""
        names: dict[str, None] = {}
        for change in reversed(self.history(path)):
            for name in change.commit.names:
                if not (self.hide_bots and self._bots(name)):
                    names.setdefault(name, None)
        return list(names)

    def paths(self, *, deleted: bool = False) -> list[str]:
        """The content files at the head; with ``deleted`` also every older path with a history."""
        if deleted:
            return sorted(self._files | self._lineage.history.keys())
        return sorted(self._files)

    def exists(self, path: str | Path) -> bool:
        """Whether the file is in the head commit."""
        return _norm(path) in self._files

    # -- the whole site --------------------------------------------------------------------

    def recent(self, limit: int | None = None, prefix: str | None = None) -> list[RecentChange]:
        """Changes to content files, newest first. ``prefix`` (like ``wijken/ohg/``) keeps the
        changes of one folder: the path at the time, the old path of a rename, or today's page."""
        lineage = self._lineage
        out: list[RecentChange] = []
        if limit is not None and limit <= 0:
            return out
        if prefix is not None:
            prefix = _norm(prefix).rstrip("/") + "/"
        for change, page in zip(lineage.recent, lineage.pages, strict=True):
            if prefix is not None and not (
                change.path.startswith(prefix)
                or (change.old_path is not None and change.old_path.startswith(prefix))
                or page.startswith(prefix)
            ):
                continue
            out.append(RecentChange(change, page))
            if limit is not None and len(out) >= limit:
                break
        return out

    def commit(self, sha: str) -> Commit | None:
        if self._by_sha is None:
            self._by_sha = {c.sha: c for c in self.commits}
        return self._by_sha.get(sha)

    # -- file contents and the work tree ---------------------------------------------------

    def blob_missing(self, oid: str | None) -> bool:
        """True when git knows the version but the repository does not hold it (a partial clone)."""
        if oid is None or self._repo is None:
            return False
        try:
            return oid not in self._repo.odb
        except (ValueError, pygit2.GitError):
            return True

    def blob_too_big(self, oid: str | None) -> bool:
        """True for a version over the size bound: it is neither decoded nor compared (a 40 MB old
        version made a 161 MB history page)."""
        if oid is None or self._repo is None:
            return False
        try:
            kind, size = self._repo.odb.read_header(oid)  # the size without reading the object
        except (ValueError, KeyError, pygit2.GitError):
            return False
        return kind == pygit2.enums.ObjectType.BLOB and size > MAX_VERSION_BYTES

    def blob_text(self, oid: str | None) -> str | None:
        """A version of a file as text (invalid UTF-8 replaced); None for binary or unknown."""
        if oid is None or self._repo is None:
            return None
        if oid in self._blobs:
            return self._blobs[oid]
        text: str | None = None
        try:
            blob = self._repo.get(oid)
        except (ValueError, pygit2.GitError):
            blob = None
        if isinstance(blob, pygit2.Blob) and not blob.is_binary:
            text = blob.data.decode("utf-8", errors="replace")
        if len(self._blobs) >= BLOB_CACHE:
            self._blobs.clear()
        self._blobs[oid] = text
        return text

    def describe(self, change: FileChange, relabel: Relabel | None = None, row_keys: RowKeys = NO_ROW_KEYS) -> Change:
        """What a change did to the file, in words (see ``changes.describe_change``)."""
        if self.blob_missing(change.old_blob) or self.blob_missing(change.new_blob):
            return Change(MISSING)  # a partial clone: not "pagina aangemaakt" for a version that is not here
        if self.blob_too_big(change.old_blob) or self.blob_too_big(change.new_blob):
            return Change(TOO_BIG)
        # Residents' addresses (contact.email, in the text) are written as on the entity page
        # before comparing: then no field change or word diff can show one plain.
        old, new = self.blob_text(change.old_blob), self.blob_text(change.new_blob)
        return describe_change(
            None if old is None else obfuscate_emails(old), None if new is None else obfuscate_emails(new), relabel, row_keys
        )

    def worktree_status(self, path: str | Path) -> str | None:
        """"nieuw", "gewijzigd" or "verwijderd" when the work tree differs from the last commit."""
        if self._worktree is None:
            self._worktree = worktree_changes(self._repo, self._root, self._wanted) if self._repo is not None else {}
        return self._worktree.get(_norm(path))

    def uncommitted(self, path: str | Path) -> bool:
        """True when the file in the work tree is new or changed and not committed yet:
        the page can say "nog niet vastgelegd"."""
        return self.worktree_status(path) in (NEW, CHANGED)


def _head_id(repo: pygit2.Repository) -> pygit2.Oid:
    try:
        return repo.head.peel(pygit2.Commit).id
    except (pygit2.GitError, ValueError):
        target = repo.head.target  # a head commit libgit2 cannot parse: read by hand
        return target if isinstance(target, pygit2.Oid) else pygit2.Oid(hex=target)


def _read_all(reader: CommitReader, head: pygit2.Commit | RawCommit, warnings: list[str]) -> list[Read]:
    """Every commit, through libgit2's fast walk; by hand when libgit2 cannot parse a commit."""
    try:
        return splitwalk.read_all(reader, list(reader.walk(head.id)))
    except (pygit2.GitError, ValueError) as error:
        warnings.append(UNPARSEABLE.format(error=error))
    return [reader.read(c) for c in rawwalk.walk(reader.repo, head.id)]


def _site_root(repo: pygit2.Repository, repo_root: Path) -> str:
    """Where the site lives inside the repository: "" or "sub/folder/"."""
    if not repo.workdir:
        return ""
    try:
        rel = repo_root.resolve().relative_to(Path(repo.workdir).resolve())
    except ValueError:
        return ""
    text = rel.as_posix()
    return "" if text in ("", ".") else text.rstrip("/") + "/"


def _reuse(previous: HistoryIndex | None, source: _Source, head: pygit2.Commit | RawCommit, reader: CommitReader) -> _Reused | None:
    """The reads of a full build, taken from ``previous`` plus the new commits; None if not possible."""
    try:
        return _reuse_reads(previous, source, head, reader)
    except (pygit2.GitError, ValueError):
        return None  # a commit libgit2 cannot read: a full build reads it by hand


def _reuse_reads(previous: HistoryIndex | None, source: _Source, head: pygit2.Commit | RawCommit, reader: CommitReader) -> _Reused | None:
    if previous is None or previous.head is None or previous._source != source:
        return None
    repo = reader.repo
    old = pygit2.Oid(hex=previous.head)
    if head.id == old:
        return _Reused(list(previous._reads), 0)
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
        return _Reused(new_reads + previous._reads, len(new_reads))
    # A side branch that forked before the old head was merged: its commits fall between old
    # ones in a full walk. Walk everything again for the order (cheap), read nothing twice.
    known = {c.sha: (c, ch) for c, ch in previous._reads}
    known.update((c.sha, (c, ch)) for c, ch in new_reads)
    reads: list[Read] = []
    for commit in reader.walk(head.id):
        found = known.get(str(commit.id))
        reads.append(found if found is not None else reader.read(commit))
    return _Reused(reads, len(new_reads))
