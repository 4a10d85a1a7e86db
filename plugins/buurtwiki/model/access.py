"""The one accessor through which the contribution features read the model.

When the global ``TYPES`` dict becomes a registry object, only this function changes.
"""

from __future__ import annotations

from .schema import TYPES, EntityType


def entity_types() -> dict[str, EntityType]:
    """Every entity type by name, in the order of the content format."""
    return TYPES
