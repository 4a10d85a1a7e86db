"""Sections of an entity page below its body, contributed by features.

A section provider is ``provider(ctx, entity) -> Section | None``. Features register theirs in
:data:`PROVIDERS` (dotted names, imported lazily) so the entity page stays one small template.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..content.entity import Entity
    from .render import RenderContext


@dataclass
class Section:
    id: str  # anchor, e.g. "verbonden-met"
    title: str  # Dutch heading
    html: str  # rendered, already safe HTML
    order: int = 50
    placement: str = "main"  # "main" below the body, "aside" beside the infobox, "top" above the body


PROVIDERS: list[str] = [
    "buurtwiki.outputs.entity_sections:related_lists",
    "buurtwiki.outputs.entity_sections:notices",
    "buurtwiki.outputs.history_pages:history_box",
    "buurtwiki.agenda.sections:agenda_sections",
    "buurtwiki.agenda.sections:item_sections",
    "buurtwiki.agenda.sections:organisation_section",
    "buurtwiki.agenda.sections:linked_items_section",
    "buurtwiki.graph.sections:link_sections",
    "buurtwiki.graph.sections:wijk_ecosystem",
]


def _load(name: str) -> Callable[[RenderContext, Entity], Section | None]:
    module, _, attr = name.partition(":")
    return getattr(importlib.import_module(module), attr)


def sections_for(ctx: RenderContext, entity: Entity) -> list[Section]:
    found = []
    for name in PROVIDERS:
        section = _load(name)(ctx, entity)
        if isinstance(section, list):
            found.extend(section)
        elif section is not None:
            found.append(section)
    return sorted(found, key=lambda s: s.order)
