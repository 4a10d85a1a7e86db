"""How a type is published as linked data and in other standards: declared with the type.

``schema_type`` is the schema.org class of its pages' JSON-LD; ``properties`` maps a field to the
schema.org property that carries it (values are converted by field kind in the outputs);
``values`` maps a field's value words to schema.org terms (activiteit status → eventStatus);
``hsds`` is the Open Referral HSDS 3.0 table a record goes to (organization, location, service).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LinkedData:
    schema_type: str = "Thing"
    properties: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    hsds: str | None = None  # "organization", "location" or "service"


COMMON = {"titel": "name", "samenvatting": "description"}


def linked(schema_type: str, hsds: str | None = None, values: dict[str, dict[str, str]] | None = None,
           **properties: str) -> LinkedData:
    """A declaration; ``titel`` and ``samenvatting`` always map to ``name`` and ``description``."""
    return LinkedData(schema_type, {**COMMON, **properties}, values or {}, hsds)
