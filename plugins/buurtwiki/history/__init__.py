"""History of the content: who changed which page when, and what changed (no MkDocs here).

- ``HistoryIndex.build(repo_root)``: one walk over the git history gives every page's history,
  creation date, last change, contributors and the site-wide recent changes.
- ``describe_change(old_text, new_text)``: what changed between two versions, in words.
"""

from .changes import Change, FieldChange, describe_change
from .index import DEFAULT_BOTS, DEFAULT_PREFIXES, NO_REPOSITORY, HistoryIndex
from .model import STATUS_WORDS, Commit, FileChange, RecentChange
from .worddiff import Segment, word_diff

__all__ = [
    "DEFAULT_BOTS",
    "DEFAULT_PREFIXES",
    "NO_REPOSITORY",
    "STATUS_WORDS",
    "Change",
    "Commit",
    "FieldChange",
    "FileChange",
    "HistoryIndex",
    "RecentChange",
    "Segment",
    "describe_change",
    "word_diff",
]
