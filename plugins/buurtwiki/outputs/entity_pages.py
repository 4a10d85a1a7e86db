"""One page per entity at its contract URL: header, status, facts, body and feature sections."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from ..content.entity import Entity
from ..model.types import Layout
from . import infobox
from .contribute import entity_links
from .forge import of_build
from .page import OutputPage, PageKind
from .render import RenderContext
from .sections import sections_for

if TYPE_CHECKING:
    from ..build import Build


def edit_url(build: Build, path: str) -> str | None:
    """The forge's web editor for a file (repo-relative ``path``); see :mod:`forge`."""
    forge = of_build(build)
    return forge.edit(path) if forge else None


def render_entity(ctx: RenderContext, entity: Entity) -> str:
    site = ctx.site
    return ctx.render(
        "entity.html",
        entity=entity,
        wijk=site.wijk_of(entity),
        agenda=site.agenda_of(entity) if entity.type.layout is Layout.AGENDA_ITEM else None,
        rows=infobox.rows(ctx, entity),
        body=ctx.body(entity),
        sections=sections_for(ctx, entity),
        edit_url=edit_url(ctx.build, entity.path),
        contribute=entity_links(ctx.build, entity),
    )


def emit(build: Build) -> Iterator[OutputPage]:
    for entity in build.site.entities:
        yield OutputPage(
            src_uri=entity.src_uri,
            title=entity.title,
            render=partial(render_entity, entity=entity),
            kind=PageKind.ENTITY,
            entity=entity,
            edit_path=entity.path,
            description=entity.summary,
        )
