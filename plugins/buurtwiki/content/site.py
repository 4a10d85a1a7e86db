"""The whole site's content: every entity and page, looked up by key, slug, path or wijk."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..model.fields import RefValue
from ..model.registry import Registry
from ..model.schema import DEFAULT_REGISTRY
from ..model.themes import ThemeRegistry
from ..model.types import Layout
from ..validation.problems import Problems
from .entity import Entity, Page
from .parsed import ParseCache


@dataclass
class Site:
    root: Path
    themes: ThemeRegistry
    problems: Problems
    entities: list[Entity] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    assets: list[tuple[str, Path]] = field(default_factory=list)  # (src_uri, file) e.g. GeoJSON borders
    published: frozenset[str] = frozenset()  # files of the docs folder that may be published (content/files.py)
    docs_dir: str = "content"  # the docs folder, for links written from the site root (``/x.md``)
    by_key: dict[str, Entity] = field(default_factory=dict)
    by_slug: dict[str, list[Entity]] = field(default_factory=lambda: defaultdict(list))
    by_path: dict[str, Entity | Page] = field(default_factory=dict)
    registry: Registry = DEFAULT_REGISTRY  # the types this site knows
    boundaries: dict[str, list] = field(default_factory=dict)  # wijk slug -> polygons (content/boundary.py)
    parsed: ParseCache = field(default_factory=ParseCache)  # the files' parses, for the next load (content/parsed.py)
    _groups: tuple[int, dict[str, list[Entity]], dict[str | None, list[Entity]]] | None = field(
        default=None, repr=False, compare=False)

    def add(self, entity: Entity) -> Entity | None:
        """Register an entity; returns the earlier entity when its key is taken."""
        self.by_path[entity.path] = entity
        if entity.key in self.by_key:
            return self.by_key[entity.key]
        self.entities.append(entity)
        self.by_key[entity.key] = entity
        self.by_slug[entity.slug].append(entity)
        return None

    def replace(self, current: Entity, entity: Entity) -> None:
        """``entity`` takes the place of ``current``, which has the same key (content/loader.py)."""
        if current is entity:
            return
        self.entities[self.entities.index(current)] = entity
        self.by_key[entity.key] = entity
        same = self.by_slug[entity.slug]
        same[same.index(current)] = entity
        self._groups = None

    def add_page(self, page: Page) -> None:
        self.pages.append(page)
        self.by_path[page.path] = page

    def get(self, key: str) -> Entity | None:
        return self.by_key.get(key)

    def of_type(self, name: str) -> list[Entity]:
        return list(self._grouped()[0].get(name, ()))

    def in_wijk(self, wijk: str, type_name: str | None = None) -> list[Entity]:
        return [e for e in self._grouped()[1].get(wijk, ()) if type_name is None or e.type.name == type_name]

    def _grouped(self) -> tuple[dict[str, list[Entity]], dict[str | None, list[Entity]]]:
        """The entities by type and by wijk, in site order; made again when entities were added
        (the outputs ask 800 times at 10,000 entities: 3 s when each asking went through all)."""
        if self._groups is None or self._groups[0] != len(self.entities):
            by_type: dict[str, list[Entity]] = defaultdict(list)
            by_wijk: dict[str | None, list[Entity]] = defaultdict(list)
            for entity in self.entities:
                by_type[entity.type.name].append(entity)
                by_wijk[entity.wijk].append(entity)
            self._groups = (len(self.entities), by_type, by_wijk)
        return self._groups[1], self._groups[2]

    @property
    def wijken(self) -> list[Entity]:
        return sorted(self.of_type(self.registry.wijk_type.name), key=lambda e: e.title.lower())

    def wijk_page(self, wijk: str) -> Entity | None:
        """The page of a wijk, by the wijk's slug."""
        return self.by_key.get(f"{self.registry.wijk_type.name}:{wijk}")

    def wijk_of(self, entity: Entity) -> Entity | None:
        """The wijk page an entity belongs to (None for a wijk itself and site-wide types)."""
        if not entity.wijk or entity.type.layout is Layout.WIJK_INDEX:
            return None
        return self.wijk_page(entity.wijk)

    def candidates(self, target: str, types: tuple[str, ...] | None = None) -> list[Entity]:
        """Entities a written target (``slug`` or ``type:slug``) could mean."""
        if ":" in target:
            kind, slug = target.split(":", 1)
            found = self.by_key.get(f"{kind}:{slug}")
            return [found] if found and (types is None or kind in types) else []
        return [e for e in self.by_slug.get(target, []) if types is None or e.type.name in types]

    def resolve(self, ref: RefValue) -> Entity | None:
        found = self.candidates(ref.raw, ref.types)
        return found[0] if len(found) == 1 else None

    def agenda_items(self, agenda: Entity) -> list[Entity]:
        return [
            e for e in self.entities
            if e.type.layout is Layout.AGENDA_ITEM and e.wijk == agenda.wijk and e.agenda == agenda.slug
        ]

    def agenda_of(self, item: Entity) -> Entity | None:
        if not item.agenda:
            return None
        return self.by_key.get(f"{self.registry.of_layout(Layout.AGENDA_INDEX).name}:{item.agenda}")
