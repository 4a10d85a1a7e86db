"""The one accessor through which commands that have no loaded site read the model."""

from __future__ import annotations

from .schema import DEFAULT_REGISTRY
from .types import EntityType


def entity_types() -> dict[str, EntityType]:
    """Every entity type of the default registry by name, in the order of the content format."""
    return {t.name: t for t in DEFAULT_REGISTRY}
