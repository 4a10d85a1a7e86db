"""A named field of an entity type, and the values that are resolved after loading."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .base import EMPTY, Kind


@dataclass(frozen=True)
class RefValue:
    """A reference as written: resolved to an entity later, when every file is loaded."""

    raw: str
    types: tuple[str, ...]
    line: int

    @property
    def slug(self) -> str:
        return self.raw.split(":", 1)[1] if ":" in self.raw else self.raw

    @property
    def explicit_type(self) -> str | None:
        return self.raw.split(":", 1)[0] if ":" in self.raw else None

    def __str__(self) -> str:
        return self.raw


@dataclass(frozen=True)
class ThemeValue:
    key: str
    line: int

    def __str__(self) -> str:
        return self.key


@dataclass
class Field:
    """A named field of an entity type, with its Dutch label and ecosystem relation."""

    name: str
    kind: Kind
    required: bool = False
    label: str = ""
    help: str = ""
    relation: str = ""  # Dutch words for the link this field makes ("vindt plaats in")
    inverse: str = ""  # the same link seen from the other side ("plek van")

    def __post_init__(self) -> None:
        if not self.label:
            self.label = self.name.replace("_", " ").capitalize()

    def schema(self) -> dict[str, Any]:
        """The kind's schema; an empty value means "absent", so it fails a required field and
        passes an optional one, as in the parser."""
        kind = self.kind.schema()
        out: dict[str, Any] = {"allOf": [kind, {"not": EMPTY}]} if self.required else {"anyOf": [kind, EMPTY]}
        if self.help:
            out = {**out, "description": self.help}
        return out

    @property
    def is_ref(self) -> bool:
        return bool(self.ref_types)

    @property
    def ref_types(self) -> tuple[str, ...]:
        from .composite import ListOf
        from .refs import Ref

        kind = self.kind.item if isinstance(self.kind, ListOf) else self.kind
        return kind.types if isinstance(kind, Ref) else ()
