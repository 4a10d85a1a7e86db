"""`buurtwiki nieuw`: write a new page from the model's template at its contract path."""

from __future__ import annotations

from pathlib import Path

from ..model.fields import slugify
from ..model.registry import Registry
from ..model.schema import DEFAULT_REGISTRY
from ..model.template import ScaffoldError, page_path, page_text
from ..model.types import Layout
from ..validation.suggest import did_you_mean

__all__ = ["ScaffoldError", "new_page", "page_path", "page_text"]


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
    with path.open("x", encoding="utf-8") as handle:
        handle.write(page_text(entity_type, title))
    return path
