"""Loose ends: the six lists of missing links, with an injected date."""

from __future__ import annotations

import datetime as dt

from buurtwiki.agenda.ledger import ledger_for
from buurtwiki.graph.loose_ends import find_loose_ends
from buurtwiki.graph.views import loose_ends
from buurtwiki.model.dates import months_before, months_between

from .conftest import build, render, write


def keys(b, category: str, wijk: str | None = None, today: dt.date | None = None) -> list[str]:
    found = find_loose_ends(b.site, b.graph, ledger_for(b), today or b.today, 12, wijk) if today else loose_ends(b, wijk)
    return [i.entity.key for i in found.get(category).items]


def test_agenda_items_nobody_carries(demo):
    # groen-plan has a trekker; klaar is realised; bankjes has nobody
    assert keys(demo, "agendapunten-zonder-trekker") == ["agendapunt:bankjes"]


def test_places_no_initiative_uses(demo):
    # the buurtkamer is used (plekken, an activity, managed by an initiative)
    assert keys(demo, "plekken-zonder-gebruik") == ["plek:leeg-pand"]


def test_initiatives_without_a_place(demo):
    items = loose_ends(demo).get("initiatieven-zonder-plek").items
    assert [i.entity.key for i in items] == ["initiatief:opvolger", "initiatief:buurtmoestuin"]
    assert [i.flag for i in items] == [True, False]  # opvolger says it looks for a place


def test_initiatives_looking_for_a_trekker(demo):
    assert keys(demo, "zoekt-trekker") == ["initiatief:opvolger"]


def test_institutions_that_never_answered(demo):
    # One rule with the response ledger: an organisation is listed for each item it never answered.
    # corporatie: 'geen' and absent -> 2 open; gemeente answered groen-plan ('gesprek') but not
    # bankjes -> 1 open (it used to be hidden by its one answer); zorg: 'geen'.
    items = loose_ends(demo).get("zonder-antwoord").items
    assert [i.entity.key for i in items] == ["organisatie:corporatie", "organisatie:gemeente", "organisatie:zorg"]
    corporatie, gemeente, _ = items
    assert corporatie.count == 2
    assert corporatie.since == dt.date(2025, 5, 1)
    assert sorted(e.key for e in corporatie.related) == ["agendapunt:bankjes", "agendapunt:groen-plan"]
    assert [e.key for e in gemeente.related] == ["agendapunt:bankjes"]
    assert (gemeente.summary.received, gemeente.summary.answered) == (2, 1)
    ledger = ledger_for(demo).summary(gemeente.entity)
    assert gemeente.summary.longest_silence_days == ledger.longest_silence_days


def test_pages_not_confirmed_for_over_twelve_months(demo):
    items = loose_ends(demo).get("niet-bevestigd").items
    # leeg-pand: 2024-05-01 (stale); opvolger and buurtmoestuin: never; eetgroep, buurtkamer: recent
    assert [(i.entity.key, i.since, i.flag) for i in items] == [
        ("plek:leeg-pand", dt.date(2024, 5, 1), False),
        ("initiatief:buurtmoestuin", None, True),
        ("initiatief:opvolger", None, True),
    ]
    assert items[0].months == 30


def test_stale_depends_on_today_and_stale_months(demo):
    late = dt.date(2027, 2, 1)  # buurtkamer (2026-01-10) is now over 12 months old
    assert "plek:buurtkamer" in keys(demo, "niet-bevestigd", today=late)
    assert "plek:buurtkamer" not in keys(demo, "niet-bevestigd")
    shorter = find_loose_ends(demo.site, demo.graph, ledger_for(demo), demo.today, stale_months=6)
    assert "plek:buurtkamer" in [i.entity.key for i in shorter.get("niet-bevestigd").items]


def test_stale_months_come_from_build_options(tmp_path):
    from .conftest import SITE

    b = build(write(tmp_path, SITE), stale_months=6)
    assert "plek:buurtkamer" in keys(b, "niet-bevestigd")


def test_per_wijk(demo):
    assert keys(demo, "initiatieven-zonder-plek", "zuid") == ["initiatief:buurtmoestuin"]
    assert keys(demo, "zonder-antwoord", "zuid") == []
    assert keys(demo, "zonder-antwoord", "noord") == [
        "organisatie:corporatie", "organisatie:gemeente", "organisatie:zorg"]


def test_finished_things_are_not_loose(tmp_path):
    b = build(write(tmp_path, {
        "wijken/w/index.md": "---\ntitel: W\n---\n",
        "wijken/w/plekken/dicht.md": "---\ntitel: Dicht\nstatus: gesloten\n---\n",
        "wijken/w/initiatieven/weg.md": "---\ntitel: Weg\nstatus: gestopt\nzoekt: [trekker]\n---\n",
    }))
    assert loose_ends(b).total == 0


def test_month_arithmetic():
    assert months_before(dt.date(2026, 11, 21), 12) == dt.date(2025, 11, 21)
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2024, 3, 31), 1) == dt.date(2024, 2, 29)
    assert months_between(dt.date(2025, 2, 10), dt.date(2026, 11, 21)) == 21
    assert months_between(dt.date(2025, 2, 22), dt.date(2026, 11, 21)) == 20


def test_site_wide_page_lists_them(demo):
    html = render(demo, "losse-eindjes/index.md")
    assert "<h1>Losse eindjes</h1>" in html
    for title in ("Agendapunten die niemand trekt", "Plekken die niemand gebruikt", "Initiatieven zonder plek",
                  "Initiatieven die een trekker zoeken", "Instellingen die nooit antwoordden", "Niet bevestigd"):
        assert title in html
    assert "Bankjes" in html and "Leeg pand" in html
    assert "2 punten ontvangen, 0 beantwoord" in html and "al <strong>569 dagen</strong> geen antwoord" in html
    assert "Nooit bevestigd." in html
    assert 'href="../wijken/noord/ecosysteem/"' in html
    assert demo.outputs.pages["losse-eindjes/index.md"].title == "Losse eindjes"
