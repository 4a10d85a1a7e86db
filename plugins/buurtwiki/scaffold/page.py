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
    wijk = wijk and slugify(wijk)
    agenda = agenda and slugify(agenda)
    if wijk and entity_type.layout not in (Layout.WIJK_INDEX, Layout.SITE_WIDE):
        _check_wijk(root / wijken_dir, wijk, registry)
    if entity_type.layout is Layout.AGENDA_ITEM and wijk and agenda:
        _check_agenda(root / wijken_dir / wijk, agenda, registry, wijk)
    path = root / page_path(entity_type, slug, wijk, agenda, docs_dir, wijken_dir)
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(root)} bestaat al; er is niets overschreven.")
    # the name is unique within the type on the whole site: the same path with any wijk and agenda
    taken = sorted(root.glob(page_path(entity_type, slug, wijk and "*", agenda and "*", docs_dir, wijken_dir)))[:1]
    if taken:
        other = f"{title} {wijk}" if wijk else f"{title} 2"
        raise ScaffoldError(
            f"er is al een {entity_type.name} met de naam '{slug}' ({taken[0].relative_to(root).as_posix()}). Binnen één "
            f"type moet elke naam uniek zijn, ook tussen wijken. Kies een andere titel, zoals \"{other}\"."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(page_text(entity_type, title))
    return path


def _with_index(folder: Path) -> list[str]:
    """The folders in ``folder`` that have an index.md (the wijken, a wijk's agendas), at most 200."""
    return sorted(p.parent.name for p in folder.glob("*/index.md"))[:200]


def _check_wijk(wijken: Path, wijk: str, registry: Registry) -> None:
    """A page goes into a wijk that exists: a typo in --wijk would make a wijk folder without index.md."""
    if (wijken / wijk / "index.md").is_file():
        return
    found = _with_index(wijken)
    wijk_type = registry.of_layout(Layout.WIJK_INDEX).name
    make = f'buurtwiki nieuw {wijk_type} "{wijk}"'
    listed = f" Er zijn: {', '.join(found)}." + did_you_mean(wijk, found) if found else ""
    raise ScaffoldError(f"de wijk '{wijk}' bestaat niet.{listed} Een nieuwe wijk maak je met: {make}")


def _check_agenda(wijk_dir: Path, agenda: str, registry: Registry, wijk: str) -> None:
    """An agenda item goes into an agenda that exists: else it would be an orphan folder."""
    folder = registry.agenda_folder or ""
    agenda_type = registry.of_layout(Layout.AGENDA_INDEX).name
    found = _with_index(wijk_dir / folder)
    if agenda in found:
        return
    make = f'buurtwiki nieuw {agenda_type} "Toekomstagenda {agenda}" --wijk {wijk}'
    if not found:
        raise ScaffoldError(
            f"de wijk '{wijk}' heeft nog geen {agenda_type} '{agenda}'. Maak die eerst, bijvoorbeeld met: {make}"
        )
    raise ScaffoldError(
        f"de {agenda_type} '{agenda}' bestaat niet in de wijk '{wijk}'; er zijn: {', '.join(found)}."
        + did_you_mean(agenda, found)
        + f" Een nieuwe maak je met: {make}"
    )
