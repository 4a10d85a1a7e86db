"""An entity: one parsed content file with its type, slug, values and body."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from ..markup.markdown import BodyLink
from ..model.fields import RefValue
from ..model.text import safe_text
from ..model.types import STATUS, SUMMARY, TITLE, EntityType
from .source import Source


@dataclass
class Entity:
    type: EntityType
    slug: str
    path: str  # relative to the site root, as in messages and in git
    src_uri: str  # relative to the docs folder, as MkDocs sees it
    url: str  # root-relative, with trailing slash
    wijk: str | None
    agenda: str | None
    source: Source
    data: dict[str, Any] = field(default_factory=dict)
    tokens: list[Token] = field(default_factory=list)
    links: list[BodyLink] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.type.name}:{self.slug}"

    @property
    def title(self) -> str:
        return str(self.data.get(TITLE) or self.slug.replace("-", " ").capitalize())

    @property
    def status(self) -> str | None:
        return self.data.get(STATUS) or self.type.status_default

    @property
    def summary(self) -> str:
        return str(self.data.get(SUMMARY) or "")

    def line(self, name: str) -> int:
        return self.source.line(name)

    def get(self, name: str, default: Any = None) -> Any:
        return self.data.get(name, default)

    def refs(self) -> Iterator[tuple[str, RefValue]]:
        """Every reference in the front matter as (top-level field name, reference)."""
        for name, value in self.data.items():
            yield from ((name, ref) for ref in _refs_in(value))

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Entity) and other.key == self.key

    def __repr__(self) -> str:
        return f"Entity({self.key})"


def _refs_in(value: Any) -> Iterator[RefValue]:
    if isinstance(value, RefValue):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _refs_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _refs_in(item)


@dataclass
class Page:
    """An ordinary Markdown page under ``content/`` with no required fields."""

    path: str
    src_uri: str
    url: str
    source: Source
    tokens: list[Token] = field(default_factory=list)
    links: list[BodyLink] = field(default_factory=list)

    @property
    def title(self) -> str | None:
        pair = self.source.fields.get(TITLE) or self.source.fields.get("title")
        value = pair[1].value if pair and hasattr(pair[1], "value") else None
        return safe_text(value) if isinstance(value, str) else None
