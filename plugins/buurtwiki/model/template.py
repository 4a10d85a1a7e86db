"""A new page from the model: its contract path, and its text with required fields filled in
and optional fields as comments to fill.

One template for every way a page is started: `buurtwiki nieuw`, the "Nieuwe …" links that open
the forge's new-file editor, and pages made from an issue form.
"""

from __future__ import annotations

import yaml

from .fields import ListOf, Struct
from .types import TITLE, TYPE_FIELD, EntityType, Layout


class ScaffoldError(Exception):
    pass


def page_path(entity_type: EntityType, slug: str, wijk: str | None, agenda: str | None, docs_dir: str = "content",
              wijken_dir: str = "wijken") -> str:
    """The contract path of a new page, from the type's layout."""
    layout = entity_type.layout
    if layout is Layout.WIJK_INDEX:
        wijk = slug
    elif not wijk and layout is not Layout.SITE_WIDE:
        raise ScaffoldError(f"een {entity_type.name} hoort bij een wijk: geef --wijk op.")
    if layout is Layout.AGENDA_ITEM and not agenda:
        raise ScaffoldError(
            f"een {entity_type.name} hoort bij een toekomstagenda: geef --agenda op (de naam van de map)."
        )
    return entity_type.path(slug, wijk, agenda, wijken_dir, docs_dir)


def front_matter(entity_type: EntityType, title: str) -> str:
    """YAML for a new page: required fields with a first valid value, the rest as comments."""
    lines = ["---", yaml.safe_dump({TITLE: title}, allow_unicode=True, width=1000).strip()]
    for spec in entity_type.fields:
        if spec.name in (TITLE, TYPE_FIELD.name):
            continue
        words = spec.kind.words()
        example = spec.kind.example()
        if spec.required:
            value = yaml.safe_dump({spec.name: example}, allow_unicode=True, width=1000, default_flow_style=True).strip()[1:-1]
            lines.append(f"{value}  # verplicht: {words}")
            continue
        if isinstance(spec.kind, ListOf) and isinstance(spec.kind.item, Struct):
            sub = ", ".join(f.name for f in spec.kind.item.fields)
            lines.append(f"# {spec.name}:  # lijst; per regel: - {sub}")
        elif isinstance(spec.kind, Struct):
            lines.append(f"# {spec.name}:  # met daaronder: {', '.join(f.name for f in spec.kind.fields)}")
        else:
            lines.append(f"# {spec.name}:  # {words}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def page_text(entity_type: EntityType, title: str) -> str:
    """The whole text of a new page: the one template for `nieuw`, "Nieuwe pagina" links and `uit-issue`."""
    return front_matter(entity_type, title) + f"\nSchrijf hier over {title}. Link naar een andere pagina met `[[naam-van-de-pagina]]`.\n"
