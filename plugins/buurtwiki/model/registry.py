"""The set of types a site knows, in a fixed order; travels with the build (``Site.registry``).

The default registry (:data:`buurtwiki.model.schema.DEFAULT_REGISTRY`) holds the nine types of
content format v1; a test or a fork can build a site with one more type without changing code.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .types import DEFAULT_STYLE, EntityType, GraphStyle, Layout


class Registry:
    """Types by name, in the order they were given (the order of overviews, graph legends, …)."""

    def __init__(self, types: Iterable[EntityType]):
        self.types: dict[str, EntityType] = {}
        for entity_type in types:
            if entity_type.name in self.types:
                raise ValueError(f"type {entity_type.name!r} is registered twice")
            self.types[entity_type.name] = entity_type
        self._check_layouts()

    def _check_layouts(self) -> None:
        """A path must mean one type: one wijk index, one agenda pair, no folder used twice."""
        for layout in (Layout.WIJK_INDEX, Layout.AGENDA_INDEX, Layout.AGENDA_ITEM):
            found = [t.name for t in self if t.layout is layout]
            if len(found) > 1:
                raise ValueError(f"more than one type with layout {layout.value}: {found}")
        agenda = {t.folder for t in self if t.layout in (Layout.AGENDA_INDEX, Layout.AGENDA_ITEM)}
        if len(agenda) > 1:
            raise ValueError(f"the agenda and its items must share one folder, not {sorted(map(str, agenda))}")
        for space in ((Layout.IN_WIJK, Layout.AGENDA_INDEX), (Layout.SITE_WIDE,)):
            folders = [t.folder for t in self if t.layout in space]
            twice = {f for f in folders if folders.count(f) > 1 or not f}
            if twice:
                raise ValueError(f"folder used by more than one type, or missing: {sorted(map(str, twice))}")

    def __iter__(self) -> Iterator[EntityType]:
        return iter(self.types.values())

    def __contains__(self, name: object) -> bool:
        return name in self.types

    def __getitem__(self, name: str) -> EntityType:
        return self.types[name]

    def get(self, name: str) -> EntityType | None:
        return self.types.get(name)

    @property
    def names(self) -> list[str]:
        return list(self.types)

    def with_types(self, *extra: EntityType) -> Registry:
        """A new registry: these types, then the extra ones."""
        return Registry([*self, *extra])

    def order(self, name: str) -> int:
        """Position of a type in the registry; unknown names sort last."""
        return self.names.index(name) if name in self.types else len(self.types)

    def of_layout(self, layout: Layout) -> EntityType:
        """The one type with this layout (wijk index, agenda index, agenda item)."""
        return next(t for t in self if t.layout is layout)

    @property
    def wijk_type(self) -> EntityType:
        return self.of_layout(Layout.WIJK_INDEX)

    @property
    def agenda_folder(self) -> str | None:
        found = [t.folder for t in self if t.layout is Layout.AGENDA_INDEX]
        return found[0] if found else None

    @property
    def wijk_folders(self) -> dict[str, EntityType]:
        """Folders inside a wijk with one file per page (``initiatieven`` → initiatief)."""
        return {t.folder: t for t in self if t.folder and t.layout is Layout.IN_WIJK}

    @property
    def site_folders(self) -> dict[str, EntityType]:
        """Folders under the docs folder with one file per page (``organisaties`` → organisatie)."""
        return {t.folder: t for t in self if t.folder and t.layout is Layout.SITE_WIDE}

    @property
    def all_wijk_folders(self) -> list[str]:
        """Every folder a wijk may hold, sorted, for messages."""
        return sorted({t.folder for t in self if t.folder and not t.site_wide})

    def by_folder(self, folder: str, site_wide: bool = False) -> EntityType | None:
        return (self.site_folders if site_wide else self.wijk_folders).get(folder)

    @property
    def wijk_overviews(self) -> list[EntityType]:
        """Types listed per wijk: an overview page and a section on the wijk page."""
        listed = [t for t in self if t.overview is not None and t.overview.in_wijk]
        return sorted(listed, key=lambda t: t.overview.order if t.overview else 0)

    @property
    def site_overviews(self) -> list[EntityType]:
        return [t for t in self if t.overview is not None and not t.overview.in_wijk]

    def style(self, name: str) -> GraphStyle:
        """A type's graph style; a type without one gets the default instead of an error."""
        entity_type = self.types.get(name)
        return entity_type.style if entity_type else DEFAULT_STYLE

    def plural(self, name: str) -> str:
        entity_type = self.types.get(name)
        return entity_type.plural if entity_type else name
