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

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pygit2

from ..content.source import MAX_FILE_BYTES
from ..model.text import obfuscate_emails
from .changes import NO_ROW_KEYS, Change, RowKeys, describe_change
from .gitread import CommitReader, PathFilter, Read, shallow_boundaries
from .labels import Relabel
from .lineage import Lineage, trace
from .model import Commit, FileChange, RecentChange
from .notices import PARTIAL, date_warnings, partial_clone_filter
from .people import BotMatcher, People
from .rawwalk import RawCommit, read_commit
from .walk import Reused, Source, head_id, mailmap_fingerprint, read_all, reuse, site_root, walking
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


def _norm(path: str | Path) -> str:
    text = str(path).replace("\\", "/")
    while text.startswith("./"):
        text = text[2:]
    return str(PurePosixPath(text)) if text else text


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
    _source: Source | None = field(default=None, repr=False)
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
        meanwhile: Callable[[], None] | None = None,
    ) -> HistoryIndex:
        """The index of the repository at ``repo_root``. ``meanwhile`` may run while a forked process
        reads commits (walk.read_all); whether it ran is for the caller to see."""
        repo_root = Path(repo_root)
        index = cls(hide_bots=hide_bots, _wanted=PathFilter(prefixes), _bots=BotMatcher(bots))
        opened = index._open(repo_root)
        if opened is None:
            return index
        repo, head = opened
        boundaries = shallow_boundaries(repo) if repo.is_shallow else frozenset()
        source = Source(
            git_dir=str(Path(repo.path).resolve()),
            root=index._root,
            prefixes=index._wanted.prefixes,
            bots=index._bots.patterns,
            mailmap=mailmap_fingerprint(repo),
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
            with walking():
                reused = reuse(previous, source, head, reader)
                if reused is None:
                    reused = Reused(read_all(reader, head, index.warnings, meanwhile), 0)
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
        self._root = site_root(repo, repo_root)
        if repo.head_is_unborn:
            self.warnings.append(NO_COMMITS)
            return None
        try:
            head = read_commit(repo, head_id(repo))
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

    def commit_log(self) -> Path | None:
        """The file git appends to at every commit, reset or checkout (``.git/logs/HEAD``), if any:
        serve watches it, so a commit alone shows on the history pages."""
        log = Path(self._repo.path) / "logs" / "HEAD" if self._repo is not None else None
        return log if log is not None and log.is_file() else None

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

    def identity(self, path: str | Path) -> tuple:
        """What tells one file's history from another's, for the caches' keys: how many changes,
        the newest (a commit's id covers every commit before it, so a rewritten history gives it
        another id) and whether the work tree has uncommitted changes."""
        changes = self.history(path)
        newest = (changes[0].commit.sha, changes[0].code, changes[0].path, changes[0].old_path) if changes else None
        return len(changes), newest, self.uncommitted(path)

    def uncommitted(self, path: str | Path) -> bool:
        """True when the file in the work tree is new or changed and not committed yet:
        the page can say "nog niet vastgelegd"."""
        return self.worktree_status(path) in (NEW, CHANGED)
