"""Every output feature of a build, as real imports: the emitters and the entity-page sections.

This module is in the pipeline layer (it imports the feature packages; nothing below imports
it). Adding an output is one line here plus the feature's own module.
"""

from __future__ import annotations

from .agenda import pages as agenda_pages
from .agenda import sections as agenda_sections
from .graph import emit as graph_emit
from .graph import sections as graph_sections
from .opendata import emit as opendata_emit
from .outputs import (
    assets,
    calendars,
    editor,
    entity_pages,
    entity_sections,
    feeds,
    geo,
    history_pages,
    hours_table,
    maps,
    overviews,
    periods,
    plain_pages,
    recent_changes,
    redirects,
    search,
    upcoming,
)
from .outputs.page import Emitter, EmitterFunction
from .outputs.sections import SectionProvider

EMITTERS: tuple[Emitter, ...] = (
    EmitterFunction("entity_pages", entity_pages.emit),
    EmitterFunction("overviews", overviews.emit),
    EmitterFunction("plain_pages", plain_pages.emit),
    EmitterFunction("assets", assets.emit),
    EmitterFunction("history_pages", history_pages.emit),
    EmitterFunction("recent_changes", recent_changes.emit),
    EmitterFunction("feeds", feeds.emit),
    EmitterFunction("agenda_pages", agenda_pages.emit),
    EmitterFunction("graph", graph_emit.emit),
    EmitterFunction("editor", editor.emit),
    EmitterFunction("geo", geo.emit),
    EmitterFunction("calendars", calendars.emit),
    EmitterFunction("upcoming", upcoming.emit),
    EmitterFunction("maps", maps.emit),
    EmitterFunction("opendata", opendata_emit.emit),
    EmitterFunction("search", search.emit),
    EmitterFunction("redirects", redirects.emit),  # last: it must see every other page and file
)

PROVIDERS: tuple[SectionProvider, ...] = (
    entity_sections.related_lists,
    entity_sections.notices,
    periods.period_sections,
    history_pages.history_box,
    agenda_sections.agenda_sections,
    agenda_sections.item_sections,
    agenda_sections.organisation_section,
    agenda_sections.linked_items_section,
    graph_sections.link_sections,
    graph_sections.wijk_ecosystem,
    upcoming.next_on_wijk_page,
    maps.wijk_map,
    maps.place_map,
    hours_table.hours_table,
    calendars.add_to_calendar,
)
