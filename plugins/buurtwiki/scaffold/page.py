"""A new page from the model: required fields filled in, optional fields as comments to fill."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..content.paths import AGENDA_FOLDER
from ..model.fields import ListOf, Struct, slugify
from ..model.schema import TYPES, EntityType
from ..validation.suggest import did_you_mean


class ScaffoldError(Exception):
    pass


def page_path(entity_type: EntityType, slug: str, wijk: str | None, agenda: str | None, docs_dir: str = "content",
              wijken_dir: str = "wijken") -> str:
    """The contract path of a new page."""
    if entity_type.site_wide:
        return f"{docs_dir}/{entity_type.folder}/{slug}.md"
    if not wijk:
        raise ScaffoldError(f"een {entity_type.name} hoort bij een wijk: geef --wijk op.")
    if entity_type.name == "wijk":
        return f"{wijken_dir}/{slug}/index.md"
    if entity_type.name == "toekomstagenda":
        return f"{wijken_dir}/{wijk}/{AGENDA_FOLDER}/{slug}/index.md"
    if entity_type.name == "agendapunt":
        if not agenda:
            raise ScaffoldError("een agendapunt hoort bij een toekomstagenda: geef --agenda op (de naam van de map).")
        return f"{wijken_dir}/{wijk}/{AGENDA_FOLDER}/{agenda}/{slug}.md"
    return f"{wijken_dir}/{wijk}/{entity_type.folder}/{slug}.md"


def front_matter(entity_type: EntityType, title: str) -> str:
    """YAML for a new page: required fields with a first valid value, the rest as comments."""
    lines = ["---", yaml.safe_dump({"titel": title}, allow_unicode=True, width=1000).strip()]
    for spec in entity_type.fields:
        if spec.name in ("titel", "type"):
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


def new_page(root: Path, type_name: str, title: str, wijk: str | None = None, agenda: str | None = None) -> Path:
    """Write a new page at its contract path; never overwrites."""
    entity_type = TYPES.get(type_name)
    if entity_type is None:
        raise ScaffoldError(f"onbekend type '{type_name}'; kies uit: {', '.join(TYPES)}." + did_you_mean(type_name, TYPES))
    slug = slugify(title)
    if not slug:
        raise ScaffoldError(f"van de titel '{title}' kan geen bestandsnaam gemaakt worden; gebruik letters of cijfers.")
    if type_name == "wijk":
        wijk = slug
    path = root / page_path(entity_type, slug, wijk and slugify(wijk), agenda and slugify(agenda))
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(root)} bestaat al; er is niets overschreven.")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(page_text(entity_type, title))
    return path


def page_text(entity_type: EntityType, title: str) -> str:
    """The whole text of a new page: the one template for `nieuw`, "Nieuwe pagina" links and `uit-issue`."""
    return front_matter(entity_type, title) + f"\nSchrijf hier over {title}. Link naar een andere pagina met `[[naam-van-de-pagina]]`.\n"
