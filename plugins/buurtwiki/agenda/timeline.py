"""One agenda item's story as a single timeline: origin, sending, responses, milestones,
initiatives, later editions and the page's own change history. No HTML: templates word it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model.dates import as_date, in_zone
from .ledger import Ledger, agenda_date
from .rows import Row

if TYPE_CHECKING:
    from ..content.entity import Entity
    from ..history import FileChange, HistoryIndex

# Events on the same day are told in this order.
KINDS = ["herkomst", "vastgesteld", "vorige", "verzonden", "reactie", "mijlpaal", "ontstaan", "bijdrage", "vervolg",
         "wijziging", "stilte"]
HISTORY_LIMIT = 10  # the newest changes shown in the story; the history page has them all


@dataclass
class Event:
    kind: str  # one of KINDS
    when: dt.date | None  # None: the date is not known
    entity: Entity | None = None  # the activity, agenda, initiative or item the event is about
    rows: list[Row] = field(default_factory=list)  # ledger rows (verzonden, reactie, stilte)
    title: str = ""  # milestone title or change summary
    detail: str = ""  # milestone explanation; for a change the word for what happened ("gewijzigd")
    author: str = ""  # author of a change
    url: str | None = None  # root-relative link, e.g. the history page
    planned: bool = False  # later than the build date

    @property
    def order(self) -> tuple:
        return (self.when or dt.date.max, KINDS.index(self.kind))


@dataclass
class Timeline:
    events: list[Event]  # dated, oldest first
    undated: list[Event]  # dates not known, in KINDS order
    more_history: bool = False  # older changes exist than those shown
    history_url: str | None = None

    def __bool__(self) -> bool:
        return bool(self.events or self.undated)


def _history_changes(history: HistoryIndex | None, path: str, hide_bots: bool) -> list[FileChange]:
    """The changes of one file, newest first; none without a history index."""
    if history is None:
        return []
    return [c for c in history.history(path) if not (hide_bots and c.commit.bot)]


def _local_date(change: FileChange, tz: dt.tzinfo | None) -> dt.date:
    return in_zone(change.commit.date, tz).date()  # commit.date is in the author's own offset


def build_timeline(
    ledger: Ledger, item: Entity, history: HistoryIndex | None = None, tz: dt.tzinfo | None = None, hide_bots: bool = True
) -> Timeline:
    site, today = ledger.site, ledger.today
    events: list[Event] = []
    agenda = site.agenda_of(item)
    if agenda is not None:
        origin = site.resolve(agenda.get("ontstaan_uit")) if agenda.get("ontstaan_uit") else None
        if origin is not None:
            events.append(Event("herkomst", as_date(origin.get("start")), entity=origin))
        events.append(Event("vastgesteld", agenda_date(agenda), entity=agenda))
    predecessor = ledger.predecessor(item)
    if predecessor is not None:
        events.append(Event("vorige", agenda_date(agenda), entity=predecessor))

    rows = ledger.rows_for(item)
    by_sent: dict[dt.date | None, list[Row]] = {}
    for row in rows:
        by_sent.setdefault(row.sent, []).append(row)
    events += [Event("verzonden", sent, rows=found) for sent, found in by_sent.items()]
    events += [Event("reactie", row.date if not row.date_before_sent else None, rows=[row]) for row in rows if row.answered]

    for milestone in item.get("mijlpalen") or []:
        if isinstance(milestone, dict) and milestone.get("titel"):
            events.append(Event("mijlpaal", as_date(milestone.get("datum")), title=str(milestone["titel"]),
                                detail=str(milestone.get("toelichting") or "")))
    arisen = ledger.arisen(item)
    events += [Event("ontstaan", as_date(i.get("sinds")), entity=i) for i in arisen]
    events += [Event("bijdrage", as_date(i.get("sinds")), entity=i) for i in ledger.contributors(item) if i not in arisen]
    events += [Event("vervolg", agenda_date(site.agenda_of(s)), entity=s) for s in ledger.successors(item)]

    changes = _history_changes(history, item.path, hide_bots)
    history_url = f"{item.url}geschiedenis/" if changes else None
    for change in changes[:HISTORY_LIMIT]:
        events.append(Event("wijziging", _local_date(change, tz), title=change.commit.summary, author=change.commit.author,
                            detail=change.status, url=history_url))

    silent = [row for row in rows if row.silent and row.silence_days is not None and not row.sent_in_future]
    if silent:
        events.append(Event("stilte", today, rows=sorted(silent, key=lambda r: (-(r.silence_days or 0), r.name.lower()))))

    for event in events:
        event.planned = bool(event.when and event.when > today and event.kind != "stilte")
    dated = sorted((e for e in events if e.when is not None), key=lambda e: e.order)
    undated = sorted((e for e in events if e.when is None), key=lambda e: e.order)
    return Timeline(dated, undated, more_history=len(changes) > HISTORY_LIMIT, history_url=history_url)
