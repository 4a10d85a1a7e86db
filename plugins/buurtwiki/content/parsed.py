"""Parsed files kept between builds of one process (`mkdocs serve`): a file whose text did not
change is not parsed again.

A file's parse is a pure function of its path, its text and the registry: the parsed front matter,
the body tokens and links, the field values and the problems found in the file itself. Problems that
need other files (references, duplicate names) are found again on every load, after this step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from ..markup.markdown import BodyLink
from ..validation.problems import Problem
from .source import Source


@dataclass(frozen=True)
class Parsed:
    """One file's parse: what :mod:`.loader` makes of its text."""

    source: Source
    tokens: list[Token]
    links: list[BodyLink]
    data: dict[str, Any] | None  # None for an ordinary page
    problems: tuple[Problem, ...]


@dataclass
class ParseCache:
    """Parsed files by path, each with the text it was parsed from; only the last load's files are kept."""

    registry: object = None
    files: dict[str, tuple[str, Parsed]] = field(default_factory=dict)
    used: dict[str, tuple[str, Parsed]] = field(default_factory=dict)

    def get(self, path: str, text: str) -> Parsed | None:
        found = self.files.get(path)
        if found is None or found[0] != text:
            return None
        self.used[path] = found
        return found[1]

    def put(self, path: str, text: str, parsed: Parsed) -> None:
        self.used[path] = (text, parsed)

    @classmethod
    def after(cls, previous: ParseCache | None, registry: object) -> ParseCache:
        """The cache for a new load: what the previous load used; nothing for another registry."""
        files = previous.used if previous is not None and previous.registry is registry else {}
        return cls(registry, files)
