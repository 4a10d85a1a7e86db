"""Checks that need the whole site: references, themes, body links and duplicate slugs."""

from __future__ import annotations

from ..content.entity import Entity, Page
from ..content.links import resolve_md_link
from ..content.site import Site
from ..model.fields import RefValue, ThemeValue, shown
from .link_hint import md_link_hint
from .suggest import closest


def check_site(site: Site) -> None:
    for entity in site.entities:
        report = site.problems.for_path(entity.path)
        for name, ref in entity.refs():
            _check_ref(site, entity, name, ref, report)
        for name, value in entity.data.items():
            for theme in value if isinstance(value, list) else [value]:
                if isinstance(theme, ThemeValue):
                    site.themes.check(theme.key, theme.line, report, name)
    items: list[Entity | Page] = [*site.entities, *site.pages]
    for item in items:
        _check_body_links(site, item)


def _check_ref(site: Site, entity: Entity, name: str, ref: RefValue, report) -> None:
    found = site.candidates(ref.raw, ref.types)
    if len(found) == 1:
        if found[0] is entity:
            report.warning(ref.line, f"veld '{name}': '{shown(ref.raw)}' verwijst naar deze pagina zelf.")
        return
    kinds = " of ".join(ref.types)
    if len(found) > 1:
        options = ", ".join(f"'{e.key}'" for e in found)
        report.error(
            ref.line,
            f"veld '{name}': '{shown(ref.raw)}' bestaat als {' en als '.join(e.type.name for e in found)}. "
            f"Schrijf welke je bedoelt: {options}.",
        )
        return
    other = [e for e in site.by_slug.get(ref.slug, []) if e.type.name not in ref.types]
    if other:
        report.error(
            ref.line,
            f"veld '{name}': '{shown(ref.raw)}' is een {other[0].type.name}, maar hier mag alleen een {kinds} staan.",
        )
        return
    slugs = [e.slug for e in site.entities if e.type.name in ref.types]
    near = closest(ref.slug, slugs, n=3)
    hint = f" Bedoel je {' of '.join(repr(n) for n in near)}?" if near else ""
    report.error(ref.line, f"veld '{name}': er is geen {kinds} met de naam '{shown(ref.raw)}'.{hint}")


def _check_body_links(site: Site, item: Entity | Page) -> None:
    report = site.problems.for_path(item.path)
    for link in item.links:
        if link.wikilink:
            found = site.candidates(link.target)
            if len(found) == 1:
                continue
            if len(found) > 1:
                options = ", ".join(f"[[{e.key}]]" for e in found)
                report.error(link.line, f"link [[{link.target}]] kan meerdere pagina's zijn; schrijf {options}.")
                continue
            prefix, colon, slug = link.target.rpartition(":")
            names = site.registry.names
            if colon and prefix not in names and site.by_slug.get(slug):  # [[plekk:buurthuis]]: the type is misspelled
                options = " of ".join(f"[[{e.key}]]" for e in site.by_slug[slug][:3])
                report.error(link.line, f"link [[{shown(link.target)}]]: '{shown(prefix)}' is geen soort pagina; de soorten zijn: "
                                        f"{', '.join(names)}. Bedoel je {options}?")
                continue
            near = closest(slug, list(site.by_slug), n=3)
            hint = f" Bedoel je {' of '.join(f'[[{n}]]' for n in near)}?" if near else ""
            report.error(link.line, f"link [[{shown(link.target)}]]: er is geen pagina met de naam '{shown(slug)}'.{hint}")
        elif resolve_md_link(site, item, link.target) is None:
            target = link.target.split("#", 1)[0]
            report.error(link.line, f"link naar '{shown(target)}': dat bestand bestaat niet.{md_link_hint(site, item, link)}")
