"""Overview pages: all wijken, each type per wijk, organisations, funds and themes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..content.entity import Entity
from ..model.activity_time import PAST
from ..model.fields import Choice
from ..model.lifecycle import activity_state
from ..model.themes import Theme, ThemeRegistry
from ..model.types import STATUS, WIJKEN_URL, EntityType
from . import theme_rollup
from .contribute import new_page_links
from .page import MenuEntry, OutputPage, PageKind
from .render import RenderContext

if TYPE_CHECKING:
    from ..build import Build

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


def overview(
    src_uri: str, title: str, groups, intro: str = "", kicker: str = "", menu: MenuEntry | None = None,
    new: tuple[str, str | None] | None = None,
) -> OutputPage:
    def render(ctx: RenderContext) -> str:
        resolved = groups(ctx) if callable(groups) else groups
        new_links = new_page_links(ctx.build, [new[0]], new[1]) if new else []
        return ctx.render("overview.html", title=title, intro=intro, kicker=kicker, groups=resolved, body=None, new_links=new_links)

    return OutputPage(src_uri=src_uri, title=title, render=render, kind=PageKind.OVERVIEW, description=intro, menu=menu)


def emit(build: Build) -> Iterator[OutputPage]:
    site = build.site
    registry = site.registry
    yield overview(
        f"{WIJKEN_URL}/index.md", registry.wijk_type.plural,
        [Group(None, site.wijken)],
        intro="Alle wijken, buurten en dorpen op deze site.",
    )
    for wijk in site.wijken:
        for spec in registry.wijk_overviews:
            members = by_title(site.in_wijk(wijk.slug, spec.name))
            yield overview(
                spec.overview_src_uri(wijk.slug),
                f"{spec.plural} in {wijk.title}",
                _grouped(spec, members, build.today),
                kicker=wijk.title,
                new=(spec.name, wijk.slug),
            )
    for number, spec in enumerate(registry.site_overviews, start=1):
        members = by_title(site.of_type(spec.name))
        intro = spec.overview.intro if spec.overview else ""
        yield overview(spec.overview_src_uri(), spec.plural, _grouped(spec, members, build.today), intro=intro,
                       new=(spec.name, None), menu=MenuEntry(spec.plural, 10 * number))
    yield overview("themas/index.md", "Thema's", [
        Group(theme.titel, by_title(_with_theme(site, theme.key)), intro=theme.omschrijving, show_wijk=True,
              show_type=True, more=f"themas/{theme.key}/", more_text=f"Alles over {theme.titel.lower()}")
        for theme in site.themes.main
    ], intro="Waar de initiatieven, activiteiten en agendapunten over gaan.", menu=MenuEntry("Thema's", 30))
    for theme in site.themes.themes.values():
        subs = site.themes.subs(theme.key)
        groups = [Group(None, by_title(_with_theme(site, theme.key)), show_wijk=True, show_type=True)]
        groups += [Group(s.titel, by_title(_with_theme(site, s.key)), show_wijk=True, show_type=True) for s in subs]
        counts, places = theme_rollup.summary(site, theme.key)
        if places:
            groups.append(Group("Plekken", places, show_wijk=True, intro="Waar deze initiatieven en activiteiten plaatsvinden."))
        yield overview(f"themas/{theme.key}/index.md", theme.titel, groups, intro=" ".join(filter(None, [theme.omschrijving, counts])),
                       kicker=_theme_kicker(site.themes, theme))


def _theme_kicker(themes: ThemeRegistry, theme: Theme) -> str:
    parent = themes.get(theme.parent) if theme.parent else None
    return f"Onderdeel van {parent.titel}" if parent else "Thema"


def _with_theme(site, key: str) -> list[Entity]:
    """Entities tagged with exactly this theme key (a main theme's page lists its subs separately)."""
    found = []
    for entity in site.entities:
        for spec in entity.type.theme_fields:
            value = entity.get(spec.name)
            values = value if isinstance(value, list) else [value] if value else []
            if any(str(v) == key for v in values):
                found.append(entity)
                break
    return found


def _grouped(spec: EntityType, members: list[Entity], today: dt.date) -> list[Group]:
    """One overview's groups: by the type's grouping field, else by status, else one list."""
    group_by = spec.overview.group_by if spec.overview else None
    if group_by:
        return _by_field(members, group_by, spec)
    if spec.status_field and members:
        return _by_status(members, spec, today)
    return [Group(None, members)]


def _by_status(members: list[Entity], spec: EntityType, today: dt.date) -> list[Group]:
    """By the status a page shows (model/lifecycle.py): a one-off activity whose day has passed
    is under "Eerder", as on "Binnenkort", never under "Gepland"."""
    words = _words(spec, STATUS)
    shown = {e.key: activity_state(spec, e.data, today) for e in members}
    groups = []
    for value, label in words.items():
        chosen = [e for e in members if shown[e.key] == value]
        if chosen:
            groups.append(Group(label.capitalize(), chosen))
    earlier = [e for e in members if shown[e.key] == PAST and PAST not in words]
    rest = [e for e in members if shown[e.key] not in words and shown[e.key] != PAST]
    if rest:
        groups.append(Group("Zonder status", rest))
    if earlier:
        groups.append(Group("Eerder", earlier))
    return groups


def _by_field(members: list[Entity], name: str, spec: EntityType) -> list[Group]:
    groups = []
    for value, label in _words(spec, name).items():
        chosen = [e for e in members if e.get(name) == value]
        if chosen:
            groups.append(Group(label.capitalize(), chosen))
    return groups


def _words(spec: EntityType, name: str) -> dict[str, str]:
    """The value words and labels of a Choice field (empty for another kind)."""
    field = spec.field(name)
    return field.kind.values if field and isinstance(field.kind, Choice) else {}
