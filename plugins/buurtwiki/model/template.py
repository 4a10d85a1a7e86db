"""A new page from the model: its contract path, and its text with required fields filled in
and optional fields as comments to fill.

One template for every way a page is started: `buurtwiki nieuw`, the "Nieuwe …" links that open
the forge's new-file editor, and pages made from an issue form.
"""

from __future__ import annotations

import yaml

from .fields import ListOf, Struct
from .types import STATUS, TITLE, TYPE_FIELD, EntityType, Layout


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


# Marks a required value that `nieuw` filled in as an example ("soort: gemeente", a date): `check`
# warns while the line is as written here (validation/placeholders.py), so it cannot pass unnoticed.
PLACEHOLDER = "voorbeeld: pas dit aan"


def required_line(entity_type: EntityType, name: str, example: object, words: str) -> str:
    """The line of a required field in a new page; an example value carries the PLACEHOLDER mark
    (a starting status such as ``in-opbouw`` or ``idee`` is a real value for a new page, not an example)."""
    value = yaml.safe_dump({name: example}, allow_unicode=True, width=1000, default_flow_style=True).strip()[1:-1]
    if name == STATUS:
        return f"{value}  # verplicht: {words}"
    return f"{value}  # {PLACEHOLDER}; verplicht: {words}"


def placeholder_lines(entity_type: EntityType) -> dict[str, str]:
    """Field name -> its line in a new page, for the required fields that hold an example."""
    out = {}
    for spec in entity_type.required:
        if spec.name in (TITLE, TYPE_FIELD.name):
            continue
        line = required_line(entity_type, spec.name, spec.kind.example(), spec.kind.words())
        if PLACEHOLDER in line:
            out[spec.name] = line
    return out


def front_matter(entity_type: EntityType, title: str) -> str:
    """YAML for a new page: required fields with a first valid value, the rest as comments."""
    lines = ["---", yaml.safe_dump({TITLE: title}, allow_unicode=True, width=1000).strip()]
    for spec in entity_type.fields:
        if spec.name in (TITLE, TYPE_FIELD.name):
            continue
        words = spec.kind.words()
        example = spec.kind.example()
        if spec.required:
            lines.append(required_line(entity_type, spec.name, example, words))
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
