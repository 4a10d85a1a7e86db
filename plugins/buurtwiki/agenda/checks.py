"""Content checks of the toekomstagenda, reported as ``path:line: waarschuwing: …``.

Run by the index stage after loading (:func:`buurtwiki.stages.check_features`), from the file's
addresses alone: no build date, no ledger.

- a response dated before the item was sent;
- status ``gerealiseerd`` with ``voortgang`` under 100;
- an organisation that appears twice in one item's ``gericht_aan``;
- ``vorige`` that does not point to an item of an earlier edition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .ledger import agenda_date
from .rows import addresses_of

if TYPE_CHECKING:
    from ..content.entity import Entity
    from ..content.site import Site


def check_agenda(site: Site) -> None:
    for item in site.of_type("agendapunt"):
        _check_rows(site, item)
        _check_progress(site, item)
        _check_vorige(site, item)


def _check_rows(site: Site, item: Entity) -> None:
    report = site.problems.for_path(item.path)
    seen: dict[str, int] = {}
    for row in addresses_of(site, item):
        where = f"veld 'gericht_aan' (nr. {row.number})"
        if row.date is not None and row.sent is not None and row.date_before_sent:
            report.warning(
                row.line,
                f"{where}: de reactie van '{row.ref.raw}' heeft als datum {row.date.isoformat()}, maar het punt is "
                f"pas verzonden op {row.sent.isoformat()}. Een reactie komt na het verzenden: klopt 'datum' of "
                f"'verzonden'?",
            )
        key = row.key
        if key in seen:
            report.warning(
                row.ref.line,
                f"{where}: de organisatie '{row.ref.raw}' staat twee keer in 'gericht_aan' (ook op regel {seen[key]}). "
                f"Zet alles over deze organisatie in één rij (een latere reactie vervangt de eerdere); nu staat ze "
                f"twee keer in de tabel van dit punt.",
            )
        else:
            seen[key] = row.ref.line


def _check_progress(site: Site, item: Entity) -> None:
    value = item.get("voortgang")
    if item.status == "gerealiseerd" and value is not None and float(value) < 100:
        site.problems.for_path(item.path).warning(
            item.line("voortgang"),
            f"veld 'voortgang': het punt heeft status 'gerealiseerd', maar de voortgang is {_number(value)}. "
            f"Bij een gerealiseerd punt hoort voortgang 100. Bedoel je 'voortgang: 100', of past een andere "
            f"status beter, zoals 'loopt'?",
        )


def _check_vorige(site: Site, item: Entity) -> None:
    ref = item.get("vorige")
    earlier = site.resolve(ref) if ref is not None else None
    if earlier is None or earlier is item:
        return  # unknown or self references are reported by the reference check
    report = site.problems.for_path(item.path)
    if earlier.wijk == item.wijk and earlier.agenda == item.agenda:
        report.warning(
            ref.line,
            f"veld 'vorige': '{ref.raw}' staat in dezelfde toekomstagenda ('{item.agenda}'). 'vorige' wijst naar "
            f"het punt uit een eerdere editie waar dit punt op voortbouwt.",
        )
        return
    mine, theirs = agenda_date(site.agenda_of(item)), agenda_date(site.agenda_of(earlier))
    if mine and theirs and theirs >= mine:
        report.warning(
            ref.line,
            f"veld 'vorige': '{ref.raw}' komt uit de toekomstagenda '{earlier.agenda}' (vastgesteld "
            f"{theirs.isoformat()}), die niet ouder is dan deze ('{item.agenda}', vastgesteld {mine.isoformat()}). "
            f"'vorige' wijst naar een punt uit een eerdere editie.",
        )


def _number(value) -> str:
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")
