"""Sections of an entity page below its body, contributed by features.

A section provider is ``provider(ctx, entity) -> Section | None``. Features register theirs in
:data:`buurtwiki.features.PROVIDERS` (the pipeline passes them in on the build) so the entity page stays one small template.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ..content.entity import Entity
    from .render import RenderContext


class Placement(str, Enum):
    """Where a section goes on an entity page (a ``str``: the template compares words)."""

    MAIN = "main"  # below the body
    ASIDE = "aside"  # beside the infobox
    TOP = "top"  # above the body


@dataclass
class Section:
    id: str  # anchor, e.g. "verbonden-met"
    title: str  # Dutch heading
    html: str  # rendered, already safe HTML
    order: int = 50
    placement: Placement = Placement.MAIN


class SectionProvider(Protocol):
    """A feature's sections for one entity page: none, one or several."""

    def __call__(self, ctx: RenderContext, entity: Entity, /) -> Section | list[Section] | None: ...


def sections_for(ctx: RenderContext, entity: Entity) -> list[Section]:
    """The sections of every provider the pipeline registered for this build, by order."""
    found: list[Section] = []
    for provider in ctx.build.section_providers:
        section = provider(ctx, entity)
        if isinstance(section, list):
            found.extend(section)
        elif section is not None:
            found.append(section)
    return sorted(found, key=lambda s: s.order)
