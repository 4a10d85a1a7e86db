"""Links for residents who do not know git: "Nieuwe pagina" in the right folder with the
template `buurtwiki nieuw` writes, and "Klopt er iets niet?" as a pre-filled issue.

Plain data for the templates (which escape it); URLs come from :mod:`forge`.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.template import ScaffoldError, page_path, page_text
from ..model.types import Layout
from .forge import of_build

if TYPE_CHECKING:
    from ..build import Build
    from ..content.entity import Entity

PLACEHOLDER_TITLE = "Naam van de pagina"
LABEL = {"initiatief": "Nieuw initiatief", "plek": "Nieuwe plek", "activiteit": "Nieuwe activiteit", "rol": "Nieuwe rol",
         "toekomstagenda": "Nieuwe toekomstagenda", "agendapunt": "Nieuw agendapunt", "organisatie": "Nieuwe organisatie",
         "fonds": "Nieuw fonds"}


@dataclass(frozen=True)
class Link:
    text: str
    url: str


def new_page_link(build: Build, type_name: str, wijk: str | None = None, agenda: str | None = None) -> Link | None:
    """A link to the forge's new-file editor in the folder of a new ``type_name`` page."""
    forge = of_build(build)
    spec = build.site.registry.get(type_name)
    if forge is None or spec is None:
        return None
    try:
        path = page_path(spec, "naam-van-de-pagina", wijk, agenda, build.options.docs_dir, build.options.wijken_dir)
    except ScaffoldError:
        return None
    folder = posixpath.dirname(path)
    if type_name == "toekomstagenda":  # a new agenda is a folder with an index.md
        folder, filename = posixpath.dirname(folder), "naam-van-de-agenda/index.md"
    else:
        filename = ""
    return Link(LABEL.get(type_name, f"Nieuw: {spec.label.lower()}"),
                forge.new_file(folder, filename, page_text(spec, PLACEHOLDER_TITLE)))


def new_page_links(build: Build, type_names, wijk: str | None = None, agenda: str | None = None) -> list[Link]:
    return [link for name in type_names if (link := new_page_link(build, name, wijk, agenda))]


def issue_link(build: Build, entity: Entity) -> Link | None:
    """"Klopt er iets niet?": a new issue about this page, its title and file named."""
    forge = of_build(build)
    if forge is None:
        return None
    site_url = build.options.site_url.rstrip("/")
    where = f"{site_url}/{entity.url}" if site_url else entity.url
    body = (f"Over de pagina **{entity.title}** (`{entity.path}`, {where}).\n\n"
            "Wat klopt er niet, of wat mist er?\n\n\n"
            "Hoe weet je dat? (bijvoorbeeld een link of een datum)\n\n")
    return Link("Klopt er iets niet?", forge.new_issue(f"Klopt niet: {entity.title}", body))


def entity_links(build: Build, entity: Entity) -> list[Link]:
    """The links at the foot of an entity page: the issue, and new pages that belong here."""
    links = [link for link in [issue_link(build, entity)] if link]
    registry = build.site.registry
    if entity.type.layout is Layout.WIJK_INDEX:
        links += new_page_links(build, [t.name for t in registry.wijk_overviews], entity.slug)
    elif entity.type.layout is Layout.AGENDA_INDEX:
        links += new_page_links(build, [registry.of_layout(Layout.AGENDA_ITEM).name], entity.wijk, entity.slug)
    return links
