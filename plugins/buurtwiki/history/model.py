"""What the history index holds: commits and the changes they made to content files.

Both are small immutable objects with ``__slots__``: a large site has 100,000 commits and
several hundred thousand changes. No e-mail address is ever stored in them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

MAX_SUMMARY = 200

# Status code (as git writes it) -> the word a reader sees.
STATUS_WORDS: dict[str, str] = {
    "A": "toegevoegd",
    "M": "gewijzigd",
    "D": "verwijderd",
    "R": "hernoemd",
}


@dataclass(frozen=True, slots=True)
class Commit:
    """One commit: who, when and why. Names are mailmap-resolved; e-mail addresses are dropped."""

    sha: str
    time: int  # author time, seconds since 1970 (UTC)
    offset: int  # the author's time zone, minutes east of UTC
    author: str
    coauthors: tuple[str, ...]  # from "Co-authored-by:" lines, without the author
    message: str  # full message, e-mail addresses removed
    bot: bool = False  # the author matches one of the bot patterns
    merge: bool = False
    boundary: bool = False  # first commit of a shallow clone: its parents are missing
    date_fixed: bool = False  # the date in git was impossible (year 10000, before 1970): see gitread.sane_date

    @property
    def date(self) -> datetime:
        """Author time as an aware datetime in the author's own time zone."""
        return datetime.fromtimestamp(self.time, timezone(timedelta(minutes=self.offset)))

    @property
    def summary(self) -> str:
        """The first line of the message, at most 200 characters (then it ends in "…")."""
        line = self.message[: MAX_SUMMARY * 2].split("\n", 1)[0].strip()
        return line if len(line) <= MAX_SUMMARY else line[: MAX_SUMMARY - 1].rstrip() + "…"

    @property
    def short_sha(self) -> str:
        return self.sha[:7]

    @property
    def names(self) -> tuple[str, ...]:
        """Author and co-authors."""
        return (self.author, *self.coauthors)


@dataclass(frozen=True, slots=True)
class FileChange:
    """What one commit did to one content file."""

    commit: Commit
    code: str  # A, M, D or R (see STATUS_WORDS)
    path: str  # path at this commit, relative to the site root
    old_path: str | None = None  # the path before, for a rename
    old_blob: str | None = None  # hex id of the version before (None when added)
    new_blob: str | None = None  # hex id of the version after (None when deleted)

    @property
    def status(self) -> str:
        """The Dutch word: toegevoegd, gewijzigd, verwijderd or hernoemd."""
        return STATUS_WORDS[self.code]

    @property
    def date(self) -> datetime:
        return self.commit.date

    @property
    def renamed(self) -> bool:
        return self.code == "R"


@dataclass(frozen=True, slots=True)
class RecentChange:
    """A change in the site-wide list of recent changes, with the page it belongs to now."""

    change: FileChange
    page: str  # current path of the page (after later renames), or the last path of a deleted page

    @property
    def commit(self) -> Commit:
        return self.change.commit

    @property
    def path(self) -> str:
        return self.change.path

    @property
    def status(self) -> str:
        return self.change.status

    @property
    def date(self) -> datetime:
        return self.change.commit.date
