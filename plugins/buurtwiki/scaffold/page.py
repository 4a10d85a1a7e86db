"""A new page from the model: required fields filled in, optional fields as comments to fill."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..model.fields import ListOf, Struct, slugify
from ..model.registry import Registry
from ..model.schema import DEFAULT_REGISTRY
from ..model.types import TITLE, TYPE_FIELD, EntityType, Layout
from ..validation.suggest import did_you_mean


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


def new_page(root: Path, type_name: str, title: str, wijk: str | None = None, agenda: str | None = None,
             registry: Registry = DEFAULT_REGISTRY, docs_dir: str = "content", wijken_dir: str = "wijken") -> Path:
    """Write a new page at its contract path (under the site's ``docs_dir`` and ``wijken_dir``);
    never overwrites."""
    entity_type = registry.get(type_name)
    if entity_type is None:
        names = registry.names
        raise ScaffoldError(f"onbekend type '{type_name}'; kies uit: {', '.join(names)}." + did_you_mean(type_name, names))
    slug = slugify(title)
    if not slug:
        raise ScaffoldError(f"van de titel '{title}' kan geen bestandsnaam gemaakt worden; gebruik letters of cijfers.")
    if entity_type.layout is Layout.WIJK_INDEX:
        wijk = slug
    path = root / page_path(entity_type, slug, wijk and slugify(wijk), agenda and slugify(agenda), docs_dir, wijken_dir)
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(root)} bestaat al; er is niets overschreven.")
    path.parent.mkdir(parents=True, exist_ok=True)
    body = f"\nSchrijf hier over {title}. Link naar een andere pagina met `[[naam-van-de-pagina]]`.\n"
    with path.open("x", encoding="utf-8") as handle:
        handle.write(front_matter(entity_type, title) + body)
    return path
