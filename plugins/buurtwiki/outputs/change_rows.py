"""One change to one page, ready to show: shared by history pages, recent changes and feeds.

The history index (:mod:`buurtwiki.history`) knows commits and file changes; this module turns a
change into what a reader sees: when (in the site's time zone), who (names only, co-authors
credited), the commit message, a link to the commit on the forge, and what changed in words.

"What changed" needs both versions of the file and a word diff, so it is computed only when a
page is rendered, and at most once per pair of versions (blob ids name a text by its content).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from ..content.entity import Entity
from ..history.index import MISSING
from ..history.labels import relabel_for
from ..model.types import EntityType
from . import dates

if TYPE_CHECKING:
    from ..build import Build
    from ..history import Change, FileChange

HISTORY_SLUG = "geschiedenis"

# What changed between two versions depends only on the two texts, and git names a text by its
# content (the blob id): so descriptions can be kept for the whole process. In ``mkdocs serve``
# a rebuild then describes only the new changes. Bounded, as a big site has 200,000 changes.
DESCRIBED_CACHE = 50_000
_described: dict[tuple[str | None, str | None, str | None], Change] = {}


# babel is slow next to everything else on a row; a site has few distinct days
@lru_cache(maxsize=8192)
def _day_text(day: dt.date) -> str:
    return dates.weekday_date(day)


@lru_cache(maxsize=8192)
def _date_text(day: dt.date) -> str:
    return dates.long_date(day)


def history_src_uri(entity: Entity) -> str:
    """``wijken/ohg/index.md`` → ``wijken/ohg/geschiedenis.md``; ``organisaties/dock.md`` →
    ``organisaties/dock/geschiedenis.md``: published at ``<entity URL>geschiedenis/``."""
    src = entity.src_uri
    if src == "index.md" or src.endswith("/index.md"):
        return src[: -len("index.md")] + f"{HISTORY_SLUG}.md"
    return src[: -len(".md")] + f"/{HISTORY_SLUG}.md"


def history_url(entity: Entity) -> str:
    return entity.url + f"{HISTORY_SLUG}/"


def commit_url(build: Build, sha: str) -> str | None:
    repo = build.options.repo_url.rstrip("/")
    return f"{repo}/commit/{sha}" if repo else None


def join_names(names: list[str] | tuple[str, ...]) -> str:
    """``Anouk``, ``Anouk en Bram``, ``Anouk, Bram en Chaima``."""
    names = list(names)
    if len(names) <= 1:
        return names[0] if names else ""
    return ", ".join(names[:-1]) + " en " + names[-1]


def describe(build: Build, change: FileChange, entity_type: EntityType | None = None) -> Change:
    """What a change did to the file, in words (value words with their Dutch label when the page's
    type is known); computed once per pair of versions and type."""

    key = (change.old_blob, change.new_blob, entity_type.name if entity_type is not None else None)
    found = _described.get(key)
    if found is None:
        # e-mail addresses hidden, missing versions said so
        row_keys = entity_type.rows if entity_type is not None else {}
        found = build.history_index.describe(change, relabel_for(entity_type), row_keys)
        if len(_described) >= DESCRIBED_CACHE:
            _described.clear()
        if found.summary != MISSING:  # a later build may have the versions (after a full fetch)
            _described[key] = found
    return found


@dataclass
class ChangeRow:
    """A change as a row of a history page, a list of recent changes or a feed."""

    build: Build
    change: FileChange
    page_path: str  # the page this change belongs to now (after later renames)

    @property
    def commit(self):
        return self.change.commit

    @cached_property
    def when(self) -> dt.datetime:
        """The author time in the site's time zone."""
        return dt.datetime.fromtimestamp(self.commit.time, self.build.tz)

    @property
    def day(self) -> dt.date:
        return self.when.date()

    @property
    def iso(self) -> str:
        return self.when.isoformat()

    @property
    def when_text(self) -> str:
        """``zondag 1 november 2026, 12:00``: babel once per day, not once per row."""
        return f"{_day_text(self.day)}, {self.when:%H:%M}"

    @property
    def date_text(self) -> str:
        """``1 november 2026``"""
        return _date_text(self.day)

    @property
    def short_sha(self) -> str:
        return self.commit.sha[:7]

    @property
    def author(self) -> str:
        return self.commit.author

    @property
    def coauthors(self) -> tuple[str, ...]:
        return self.commit.coauthors

    @property
    def authors(self) -> str:
        """``Anouk de Vries`` or ``Anouk de Vries met Bram Jansen en Chaima El Idrissi``."""
        text = self.commit.author
        if self.commit.coauthors:
            text += " met " + join_names(self.commit.coauthors)
        return text

    @property
    def message(self) -> str:
        return self.commit.summary

    @property
    def commit_url(self) -> str | None:
        return commit_url(self.build, self.commit.sha)

    @property
    def code(self) -> str:
        return self.change.code

    @property
    def renamed_from(self) -> str | None:
        return self.change.old_path if self.change.code == "R" else None

    @cached_property
    def number(self) -> int:
        """Place of the change in its page's history, counting from 1 for the oldest; 0 if not there."""
        changes = self.build.history_index.history(self.page_path)
        for position, change in enumerate(changes):
            if change is self.change:
                return len(changes) - position
        for position, change in enumerate(changes):
            if change == self.change:
                return len(changes) - position
        return 0

    @property
    def again(self) -> bool:
        """The page was added at a path that had a page before (deleted, then made again)."""
        return self.change.code == "A" and self.number > 1

    @property
    def anchor(self) -> str:
        """``#versie-N``: the row of this change on the history page."""
        return f"#versie-{self.number}" if self.number else ""

    @cached_property
    def described(self) -> Change:
        found = self.build.site.by_path.get(self.page_path)
        return describe(self.build, self.change, found.type if isinstance(found, Entity) else None)

    @property
    def what(self) -> str:
        """What changed in a few words, with the kind of change for adds, deletes and renames."""
        code = self.change.code
        if not self.change.path.endswith(".md"):
            return f"bestand {self.change.status}"  # a map (GeoJSON), themas.yml, …: no diff in words
        if code == "A":
            return "pagina opnieuw aangemaakt" if self.again else "pagina aangemaakt"
        if code == "D":
            return "pagina verwijderd"
        summary = self.described.summary
        if code == "R":
            old = self.change.old_path or ""
            moved = f"hernoemd van {old.rsplit('/', 1)[-1]}"
            if self.change.old_blob == self.change.new_blob:
                return moved
            return f"{moved}; {summary}"
        return summary
