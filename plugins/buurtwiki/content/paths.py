"""Where a file lives decides what it is: folder layout of content format v1 and its URLs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.fields import slugify
from ..model.registry import Registry
from ..model.schema import DEFAULT_REGISTRY
from ..model.types import WIJKEN_URL, EntityType, Layout
from ..validation.suggest import did_you_mean

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Location:
    """What a path means: its type, slug, wijk and (for agenda items) agenda."""

    type: EntityType | None  # None for an ordinary page
    slug: str
    wijk: str | None = None
    agenda: str | None = None
    src_uri: str = ""  # path as MkDocs sees it, relative to the docs folder
    url: str = ""  # root-relative URL with trailing slash, e.g. "wijken/ohg/"


class LocationError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _check_slug(name: str, what: str) -> str:
    if not SLUG.match(name):
        suggestion = slugify(name)
        raise LocationError(
            f"de {what} '{name}' mag alleen kleine letters, cijfers en streepjes bevatten."
            + (f" Noem het '{suggestion}'." if suggestion else "")
        )
    return name


def file_url_of(src_uri: str) -> str:
    """The page's URL on a site built without directory URLs (``use_directory_urls: false``):
    ``a/b.md`` → ``a/b.html``, ``a/index.md`` → ``a/index.html``."""
    return src_uri[:-3] + ".html"


def url_of(src_uri: str) -> str:
    """MkDocs' directory URL for a Markdown source path: the core's canonical URL of a page.
    Where a site has no directory URLs, :meth:`buurtwiki.build.Build.public_url` maps it."""
    stem = src_uri[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def locate_wijk_file(rel: str, registry: Registry = DEFAULT_REGISTRY) -> Location:
    """A path under ``wijken/``, e.g. ``ohg/initiatieven/eetgroep.md``."""
    parts = rel.split("/")
    src_uri = f"{WIJKEN_URL}/{rel}"
    if rel == "index.md":
        raise LocationError(
            f"{WIJKEN_URL}/index.md kan niet: het overzicht van alle wijken maakt Buurtwiki zelf. Een wijk heeft "
            f"een eigen map met een index.md: {WIJKEN_URL}/<wijk>/index.md."
        )
    if len(parts) == 1:  # wijken/repair-cafe.md: a page without its wijk's folder
        folders = [f"{t.folder}/" for t in _in_order(registry)]
        raise LocationError(
            f"een pagina staat in de map van een wijk, niet los in {WIJKEN_URL}/. Zet dit bestand in de map van "
            f"zijn wijk en soort, zoals {WIJKEN_URL}/<wijk>/{folders[0] if folders else ''}{slugify(rel[:-3]) or 'naam'}.md "
            f"(de mappen zijn: {', '.join(folders)}); de wijk zelf staat in {WIJKEN_URL}/<wijk>/index.md."
        )
    wijk = _check_slug(parts[0], "map van de wijk")
    agenda_folder = registry.agenda_folder
    if len(parts) == 2 and parts[1] == "index.md":
        return Location(registry.wijk_type, wijk, wijk, None, src_uri, url_of(src_uri))
    in_wijk = registry.wijk_folders
    if len(parts) == 3 and parts[1] in in_wijk:
        if parts[2] == "index.md":
            raise LocationError(
                f"een bestand index.md kan niet in {parts[1]}/: daar staat al het overzicht. "
                f"Geef het bestand de naam van de pagina, zoals {parts[1]}/mijn-pagina.md."
            )
        slug = _check_slug(parts[2][:-3], "bestandsnaam")
        return Location(in_wijk[parts[1]], slug, wijk, None, src_uri, url_of(src_uri))
    if len(parts) == 4 and parts[1] == agenda_folder:
        return _locate_agenda_file(parts, wijk, src_uri, registry)
    folders = registry.all_wijk_folders
    if len(parts) >= 3 and parts[1] not in folders:
        raise LocationError(
            f"de map '{parts[1]}' is onbekend; in een wijk zijn de mappen: {', '.join(folders)}."
            + did_you_mean(parts[1], folders)
        )
    if len(parts) == 3 and parts[1] == agenda_folder:
        raise LocationError(
            f"een toekomstagenda krijgt een eigen map: zet dit bestand in {agenda_folder}/<naam>/ "
            "met een index.md voor de agenda zelf."
        )
    listed = [f"{t.folder}/" for t in _in_order(registry)] + [f"{agenda_folder}/<naam>/"]
    raise LocationError(
        "dit bestand staat op een plek die Buurtwiki niet kent; zie de mappen in "
        f"wijken/<wijk>/: index.md, {', '.join(listed[:-1])} en {listed[-1]}."
    )


def _in_order(registry: Registry) -> list[EntityType]:
    """The types of a wijk's folders, in the order of their overviews."""
    in_wijk = registry.wijk_folders
    return sorted(in_wijk.values(), key=lambda t: t.overview.order if t.overview else len(in_wijk))


def _locate_agenda_file(parts: list[str], wijk: str, src_uri: str, registry: Registry) -> Location:
    agenda = _check_slug(parts[2], "map van de toekomstagenda")
    if parts[3] == "index.md":
        return Location(registry.of_layout(Layout.AGENDA_INDEX), agenda, wijk, agenda, src_uri, url_of(src_uri))
    slug = _check_slug(parts[3][:-3], "bestandsnaam")
    return Location(registry.of_layout(Layout.AGENDA_ITEM), slug, wijk, agenda, src_uri, url_of(src_uri))


def locate_content_file(rel: str, registry: Registry = DEFAULT_REGISTRY) -> Location:
    """A path under ``content/`` (the docs folder)."""
    parts = rel.split("/")
    site_folders = registry.site_folders
    if len(parts) == 2 and parts[0] in site_folders and parts[1] != "index.md":
        slug = _check_slug(parts[1][:-3], "bestandsnaam")
        return Location(site_folders[parts[0]], slug, None, None, rel, url_of(rel))
    return Location(None, rel[:-3], None, None, rel, url_of(rel))
