"""Paths a page writes to files of the site (the wijk's ``grens``, images and links in the body)
must stay inside the site: no absolute paths, no ``../`` out of it.

Nothing here opens a file: a path is only compared with what :mod:`.files` publishes.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING
from urllib.parse import unquote

from ..model.fields import FilePath
from .files import inside

if TYPE_CHECKING:
    from .entity import Entity, Page
    from .site import Site


def check_local_paths(site: Site) -> None:
    published = {src_uri for src_uri, _ in site.assets} | set(site.published)
    for entity in site.entities:
        _check_file_fields(site, entity, published)
    for entity in site.entities:
        _check_body(site, entity, published)
    for page in site.pages:
        _check_body(site, page, published)


def _folder(item: Entity | Page) -> str:
    return posixpath.dirname(item.src_uri)


def _check_file_fields(site: Site, entity: Entity, published: set[str]) -> None:
    """A path field (the wijk's ``grens``) must name a published file in the page's own folder."""
    folder = _folder(entity)
    for spec in entity.type.fields:
        value = entity.data.get(spec.name)
        if not isinstance(spec.kind, FilePath) or not isinstance(value, str):
            continue
        target = inside(folder, value)
        report = site.problems.for_path(entity.path)
        if target is None or not target.startswith(f"{folder}/"):
            report.error(
                entity.line(spec.name),
                f"veld '{spec.name}': '{value}' ligt buiten de map van deze pagina. Zet het bestand in "
                f"dezelfde map en schrijf alleen de bestandsnaam, zoals '{spec.name}: grens.geojson'.",
            )
            del entity.data[spec.name]  # never linked
        elif target not in published:
            report.warning(
                entity.line(spec.name),
                f"veld '{spec.name}': het bestand '{value}' staat niet in de map van deze pagina "
                "(of wordt niet gepubliceerd). Zet het bestand erbij of haal het veld weg.",
            )


def _check_body(site: Site, item: Entity | Page, published: set[str]) -> None:
    """Images and links to files in the body: inside the site, and images must be published."""
    report = site.problems.for_path(item.path)
    for line, what, url in _local_urls(item):
        path = unquote(url.split("#", 1)[0].split("?", 1)[0])  # a browser reads %2e%2e as ..
        if not path or path.endswith(".md"):
            continue  # a link to a page is checked with the other links
        shown = url if len(url) <= 80 else url[:77] + "…"
        if path.startswith(("/", "\\")) or "\\" in path:
            report.error(line, f"{what} '{shown}' is een pad vanaf de schijf of de server; schrijf het pad vanaf "
                               "deze pagina, zoals 'foto.png' voor een bestand in dezelfde map.")
            continue
        target = inside(_folder(item), path)
        if target is None:
            report.error(line, f"{what} '{shown}' wijst naar een plek buiten de site (te veel '../'). "
                               "Zet het bestand in de map van de site en schrijf het pad vanaf deze pagina.")
        elif what == "de afbeelding" and target not in published:
            report.warning(line, f"{what} '{shown}' bestaat niet of wordt niet gepubliceerd. Zet het bestand "
                                 "(png, jpg, gif, webp of avif) bij de pagina.")


def _local_urls(item: Entity | Page):
    """(line, what, url) of every image and link in the body that is not a web address."""
    first = item.source.body_line
    for block in item.tokens:
        if block.type != "inline" or not block.children:
            continue
        line = first + (block.map[0] if block.map else 0)
        for child in block.children:
            if child.type == "image":
                url, what = str(child.attrGet("src") or ""), "de afbeelding"
            elif child.type == "link_open":
                url, what = str(child.attrGet("href") or ""), "de link"
            else:
                continue
            url = url.strip()
            if url and not url.startswith("#") and not url.startswith("//") and ":" not in url.split("/", 1)[0]:
                yield line, what, url
