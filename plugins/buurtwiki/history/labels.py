"""Value words as a reader sees them in a history: ``in opbouw``, not ``in-opbouw``.

The model gives each value word of a choice its Dutch label (``spec.kind.label(value)``). Before
two versions are compared, their values are replaced by those labels, so a history says
``status: in opbouw → actief`` and "reactie van … vastgelegd: geen reactie → ontvangst bevestigd".
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from ..model.fields import Choice, Kind, ListOf, Struct
from ..model.types import EntityType

Relabel = Callable[[dict[str, Any]], dict[str, Any]]


def _label(kind: Kind, value: Any) -> Any:
    if isinstance(kind, Choice):
        return kind.label(value) if isinstance(value, str) else value
    if isinstance(kind, ListOf):
        return [_label(kind.item, v) for v in value] if isinstance(value, list) else _label(kind.item, value)
    if isinstance(kind, Struct) and isinstance(value, dict):
        out = {}
        for key, item in value.items():
            spec = kind.field(key) if isinstance(key, str) else None
            out[key] = _label(spec.kind, item) if spec is not None else item
        return out
    return value


def _relabel(entity_type: EntityType, fields: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for name, value in fields.items():
        spec = entity_type.field(name) if isinstance(name, str) else None
        out[name] = _label(spec.kind, value) if spec is not None else value
    return out


def relabel_for(entity_type: EntityType | None) -> Relabel | None:
    """A function that gives a version's front matter with labels for value words."""
    return partial(_relabel, entity_type) if entity_type is not None else None
