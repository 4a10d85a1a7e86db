"""Overview pages: all wijken, each type per wijk, organisations, funds and themes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..content.entity import Entity
from ..model.schema import TYPES
from .contribute import new_page_links
from .page import OutputPage
from .render import RenderContext

if TYPE_CHECKING:
    from ..build import Build

WIJK_TYPES = ["initiatief", "plek", "activiteit", "rol", "toekomstagenda"]


@dataclass
class Group:
    title: str | None
    entities: list[Entity]
    intro: str = ""
    show_wijk: bool = False
    show_type: bool = False
    more: str | None = None
    more_text: str = ""

    @property
    def count(self) -> int | None:
        return len(self.entities) if self.title else None


def by_title(entities) -> list[Entity]:
    return sorted(entities, key=lambda e: e.title.lower())


def overview(src_uri: str, title: str, groups, intro: str = "", kicker: str = "", kind: str = "overview",
             new: tuple[str, str | None] | None = None) -> OutputPage:
    def render(ctx: RenderContext) -> str:
        resolved = groups(ctx) if callable(groups) else groups
        new_links = new_page_links(ctx.build, [new[0]], new[1]) if new else []
        return ctx.render("overview.html", title=title, intro=intro, kicker=kicker, groups=resolved, body=None, new_links=new_links)

    return OutputPage(src_uri=src_uri, title=title, render=render, kind=kind, description=intro)


def emit(build: Build) -> Iterator[OutputPage]:
    site = build.site
    yield overview(
        "wijken/index.md", "Wijken",
        [Group(None, site.wijken)],
        intro="Alle wijken, buurten en dorpen op deze site.",
    )
    for wijk in site.wijken:
        for name in WIJK_TYPES:
            spec = TYPES[name]
            members = by_title(site.in_wijk(wijk.slug, name))
            groups = _by_status(members) if spec.status_field and members else [Group(None, members)]
            yield overview(
                f"wijken/{wijk.slug}/{spec.folder}/index.md",
                f"{spec.plural} in {wijk.title}",
                groups,
                kicker=wijk.title,
                new=(name, wijk.slug),
            )
    for name in ("organisatie", "fonds"):
        spec = TYPES[name]
        members = by_title(site.of_type(name))
        if spec.name == "organisatie":
            groups = _by_field(members, "soort", spec)
        else:
            groups = [Group(None, members)]
        yield overview(f"{spec.folder}/index.md", spec.plural, groups, new=(name, None),
                       intro="Organisaties die in een of meer wijken actief zijn." if name == "organisatie"
                       else "Fondsen en budgetten waar bewoners geld kunnen aanvragen.")
    yield overview("themas/index.md", "Thema's", [
        Group(theme.titel, by_title(_with_theme(site, theme.key)), intro=theme.omschrijving, show_wijk=True,
              show_type=True, more=f"themas/{theme.key}/", more_text=f"Alles over {theme.titel.lower()}")
        for theme in site.themes.main
    ], intro="Waar de initiatieven, activiteiten en agendapunten over gaan.")
    for theme in site.themes.themes.values():
        subs = site.themes.subs(theme.key)
        groups = [Group(None, by_title(_with_theme(site, theme.key)), show_wijk=True, show_type=True)]
        groups += [Group(s.titel, by_title(_with_theme(site, s.key)), show_wijk=True, show_type=True) for s in subs]
        yield overview(f"themas/{theme.key}/index.md", theme.titel, groups, intro=theme.omschrijving,
                       kicker="Thema" if theme.parent is None else f"Onderdeel van {site.themes.get(theme.parent).titel}")


def _with_theme(site, key: str) -> list[Entity]:
    """Entities tagged with exactly this theme key (a main theme's page lists its subs separately)."""
    found = []
    for entity in site.entities:
        values = entity.get("themas") or ([entity.get("thema")] if entity.get("thema") else [])
        if any(str(v) == key for v in values):
            found.append(entity)
    return found


def _by_status(members: list[Entity]) -> list[Group]:
    spec = members[0].type.status_field
    groups = []
    for value, label in spec.kind.values.items():
        chosen = [e for e in members if e.status == value]
        if chosen:
            groups.append(Group(label.capitalize(), chosen))
    rest = [e for e in members if e.status not in spec.kind.values]
    if rest:
        groups.append(Group("Zonder status", rest))
    return groups


def _by_field(members: list[Entity], name: str, spec) -> list[Group]:
    field = spec.field(name)
    groups = []
    for value, label in field.kind.values.items():
        chosen = [e for e in members if e.get(name) == value]
        if chosen:
            groups.append(Group(label.capitalize(), chosen))
    return groups
