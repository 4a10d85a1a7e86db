"""What one type of the content format is: its fields, where its files live, how it is shown.

Every fact about a type lives on its :class:`EntityType`, so that a new type, field or output
needs one change in the registry (:mod:`.registry`), not a search through the code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

from .fields import Field, ListOf, Struct, Text, ThemeKey
from .linked import LinkedData

WIJKEN_URL = "wijken"  # the URL prefix of every wijk file, independent of the folder on disk

# Fields with a meaning of their own on every type that has them.
TITLE = "titel"  # the page title
SUMMARY = "samenvatting"  # the page description
STATUS = "status"  # a Choice; grouped on overviews, some words mean finished (EntityType.finished)
CONFIRMED = "bevestigd"  # the last date someone checked the page ("Klopt dit nog?")
SUCCESSOR = "opvolger_van"  # the page this one carries on
TYPE_FIELD = Field("type", Text(), label="Type", help="Niet nodig: het type volgt uit de map.")


class Layout(Enum):
    """Where a type's files live (and so what its URL is)."""

    WIJK_INDEX = "wijk-index"  # wijken/<wijk>/index.md
    IN_WIJK = "in-wijk"  # wijken/<wijk>/<folder>/<slug>.md
    SITE_WIDE = "site-wide"  # <docs>/<folder>/<slug>.md
    AGENDA_INDEX = "agenda-index"  # wijken/<wijk>/<folder>/<agenda>/index.md
    AGENDA_ITEM = "agenda-item"  # wijken/<wijk>/<folder>/<agenda>/<slug>.md


@dataclass(frozen=True)
class GraphStyle:
    """Colour (contrast at least 3:1 on white) and Cytoscape.js shape, so the graph does not rely
    on colour alone."""

    colour: str
    shape: str


DEFAULT_STYLE = GraphStyle("#455a64", "ellipse")


@dataclass(frozen=True)
class OverviewSpec:
    """How a type's overview page groups it.

    ``in_wijk``: a list per wijk (and a section on the wijk page); otherwise one site-wide list.
    ``group_by``: a Choice field whose words group the list; ``None`` groups by status if any.
    """

    in_wijk: bool = True
    order: int = 0  # place among the lists of a wijk
    group_by: str | None = None
    intro: str = ""


@dataclass(frozen=True)
class Rows:
    """How history compares and names the rows of one list-of-groups field (history/changes.py)."""

    keys: tuple[str, ...] = ()  # the sub-fields that tell rows apart (``EntityType.row_keys``)
    period: tuple[str, str] | None = None  # a row is a stretch of time (``Struct.period``)
    answer: str | None = None  # the sub-field holding an answer to the row (``Struct.answer``)
    answer_label: str = ""  # how a person calls it ("reactie")


@dataclass
class EntityType:
    """One type of the content format: its folder, fields and how it is named to people."""

    name: str
    label: str  # "Initiatief"
    plural: str  # "Initiatieven"
    folder: str | None  # folder inside a wijk, or under the docs folder for site-wide types
    fields: list[Field]
    layout: Layout = Layout.IN_WIJK
    status_default: str | None = None
    style: GraphStyle = DEFAULT_STYLE
    overview: OverviewSpec | None = None  # None: no overview page of its own
    sections: frozenset[str] = frozenset()  # fields shown as their own page section, not in the infobox
    finished: frozenset[str] = frozenset()  # status words that mean "this is over"
    achieved: frozenset[str] = frozenset()  # finished status words that mean "done as planned" (100%)
    row_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)  # list-of-struct field → identity keys
    order: tuple[tuple[str, str], ...] = ()  # date fields in order: (start, end), an end not before its start
    linked: LinkedData = field(default_factory=LinkedData)  # schema.org JSON-LD and HSDS (model/linked.py)
    fields_by_name: dict[str, Field] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.fields = [*self.fields, TYPE_FIELD]
        self.fields_by_name = {f.name: f for f in self.fields}
        unknown = [name for pair in self.order for name in pair if name not in self.fields_by_name]
        if unknown:
            raise ValueError(f"order of {self.name} names fields it does not have: {unknown}")

    def field(self, name: str) -> Field | None:
        return self.fields_by_name.get(name)

    @property
    def site_wide(self) -> bool:
        return self.layout is Layout.SITE_WIDE

    @property
    def required(self) -> list[Field]:
        return [f for f in self.fields if f.required]

    @property
    def ref_fields(self) -> list[Field]:
        return [f for f in self.fields if f.is_ref]

    @property
    def status_field(self) -> Field | None:
        return self.field(STATUS)

    @cached_property  # asked for every entity on every theme overview: 50,000 times at 1,000 pages
    def theme_fields(self) -> list[Field]:
        """Fields that hold theme keys (``themas``, ``thema``): what a theme page lists
        (asked for every page in every list: kept, a type's fields do not change)."""
        return [f for f in self.fields if isinstance(f.kind, ThemeKey)
                or (isinstance(f.kind, ListOf) and isinstance(f.kind.item, ThemeKey))]

    def sub_field(self, name: str, sub: str) -> Field | None:
        """A field inside a group field (``gericht_aan`` → ``reactie``), for a list of groups too."""
        outer = self.field(name)
        kind = outer.kind if outer else None
        if isinstance(kind, ListOf):
            kind = kind.item
        return kind.field(sub) if isinstance(kind, Struct) else None

    def in_infobox(self, name: str) -> bool:
        """Whether a field is a row of the infobox; the others are in the header or a section."""
        return name not in HEADER_FIELDS and name not in self.sections

    def is_finished(self, status: str | None) -> bool:
        return status in self.finished

    def is_achieved(self, status: str | None) -> bool:
        return status in self.achieved

    def row_key(self, name: str) -> tuple[str, ...]:
        """The sub-fields that tell the rows of a list-of-groups field apart; empty if none."""
        return self.row_keys.get(name, ())

    @cached_property  # asked for every change a history page describes
    def rows(self) -> dict[str, Rows]:
        """Every list-of-groups field, with how history compares and names its rows."""
        out = {}
        for spec in self.fields:
            struct = spec.kind.item if isinstance(spec.kind, ListOf) else None
            if not isinstance(struct, Struct):
                continue
            answer = struct.field(struct.answer) if struct.answer else None
            out[spec.name] = Rows(self.row_key(spec.name), struct.period, struct.answer,
                                  answer.label.lower() if answer is not None else "")
        return out

    def src_uri(self, slug: str, wijk: str | None = None, agenda: str | None = None) -> str:
        """The page's path as the site sees it (``wijken/ohg/plekken/buurtkamer.md``)."""
        return self.path(slug, wijk, agenda, WIJKEN_URL)

    def path(self, slug: str, wijk: str | None, agenda: str | None, wijken_dir: str, docs_dir: str = "") -> str:
        """The file of a page below the site root; ``docs_dir`` empty gives it relative to the docs folder."""
        if self.layout is Layout.SITE_WIDE:
            return f"{docs_dir}/{self.folder}/{slug}.md" if docs_dir else f"{self.folder}/{slug}.md"
        if self.layout is Layout.WIJK_INDEX:
            return f"{wijken_dir}/{slug}/index.md"
        if self.layout is Layout.AGENDA_INDEX:
            return f"{wijken_dir}/{wijk}/{self.folder}/{slug}/index.md"
        if self.layout is Layout.AGENDA_ITEM:
            return f"{wijken_dir}/{wijk}/{self.folder}/{agenda}/{slug}.md"
        return f"{wijken_dir}/{wijk}/{self.folder}/{slug}.md"

    def overview_src_uri(self, wijk: str | None = None) -> str:
        """The overview page of this type (in one wijk, or site-wide)."""
        if wijk is not None:
            return f"{WIJKEN_URL}/{wijk}/{self.folder}/index.md"
        return f"{self.folder}/index.md"

    def overview_url(self, wijk: str | None = None) -> str:
        return self.overview_src_uri(wijk)[: -len("index.md")]

    def json_schema(self) -> dict:
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": f"Buurtwiki {self.label.lower()}",
            "type": "object",
            "properties": {f.name: f.schema() for f in self.fields},
            "required": [f.name for f in self.required],
        }


# Shown in every page's header (title, summary, status) or implied by the folder (type).
HEADER_FIELDS = frozenset({TITLE, SUMMARY, TYPE_FIELD.name, STATUS})
