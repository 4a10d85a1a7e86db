"""Day counts, medians, summaries and ordering of the response ledger."""

from __future__ import annotations

import datetime as dt
import statistics

from buurtwiki.agenda.ledger import Ledger, ledger_for, progress

from .conftest import SITE, build, write


def rows_by_org(ledger: Ledger, key: str) -> dict:
    item = ledger.site.get(key)
    return {row.organisation.slug: row for row in ledger.rows_for(item)}


def test_ledger_is_computed_once_per_build(demo):
    assert ledger_for(demo) is ledger_for(demo)
    assert demo.caches.ledger is ledger_for(demo)


def test_silence_is_counted_in_days_up_to_the_build_date(demo):
    rows = rows_by_org(ledger_for(demo), "agendapunt:groen")
    geen = rows["corporatie-b"]
    assert (geen.reaction, geen.label, geen.silent) == ("geen", "geen reactie", True)
    assert geen.silence_days == (dt.date(2026, 11, 21) - dt.date(2019, 5, 6)).days == 2756
    assert geen.days_to_answer is None


def test_absent_reaction_is_not_yet_known_but_the_silence_still_counts(demo):
    row = rows_by_org(ledger_for(demo), "agendapunt:groen")["zorg-c"]
    assert row.reaction is None and not row.known
    assert row.label == "nog onbekend"
    assert row.silence_days == (dt.date(2026, 11, 21) - dt.date(2019, 6, 1)).days == 2730


def test_a_row_without_sending_date_cannot_count_days(demo):
    row = rows_by_org(ledger_for(demo), "agendapunt:groen")["stil-d"]
    assert row.silent and row.sent is None
    assert row.silence_days is None


def test_days_to_answer(demo):
    ledger = ledger_for(demo)
    assert rows_by_org(ledger, "agendapunt:groen")["gemeente-a"].days_to_answer == 57
    zon = rows_by_org(ledger, "agendapunt:zon")
    assert zon["gemeente-a"].days_to_answer == 21
    assert zon["corporatie-b"].days_to_answer == 30
    assert zon["gemeente-a"].silence_days is None


def test_today_can_be_injected(tmp_path):
    b = build(write(tmp_path, SITE), today=dt.date(2019, 5, 16))
    assert b.today == dt.date(2019, 5, 16)
    assert rows_by_org(ledger_for(b), "agendapunt:groen")["corporatie-b"].silence_days == 10


def test_organisation_summaries(demo):
    ledger = ledger_for(demo)
    a = ledger.summary(demo.site.get("organisatie:gemeente-a"))
    assert (a.received, a.answered, a.substantive) == (2, 2, 1)
    assert a.median_days == statistics.median([57, 21]) == 39
    assert a.open_silences == [] and a.longest_silence_days is None

    b = ledger.summary(demo.site.get("organisatie:corporatie-b"))
    assert (b.received, b.answered, b.substantive) == (3, 2, 1)  # toezegging yes, afgewezen no
    assert b.median_days == 20  # 30 and 10 days
    assert len(b.open_silences) == 1
    assert b.longest_silence_days == 2756
    assert b.longest_silence.item.slug == "groen"

    d = ledger.summary(demo.site.get("organisatie:stil-d"))
    assert len(d.open_silences) == 1 and d.longest_silence_days is None and d.median_days is None

    assert ledger.summary(demo.site.get("organisatie:niemand-e")) is None


def test_overview_is_sorted_by_longest_silence(demo):
    names = [s.organisation.slug for s in ledger_for(demo).summaries()]
    # counted silences, longest first; then an uncounted open silence; then no silence at all
    assert names == ["corporatie-b", "zorg-c", "stil-d", "gemeente-a"]
    assert [s.organisation.slug for s in ledger_for(demo).summaries("naam")] == ["corporatie-b", "gemeente-a", "stil-d", "zorg-c"]


def test_an_organisation_listed_twice_counts_the_item_once(tmp_path):
    files = dict(SITE)
    files["wijken/noord/toekomstagenda/2019/zon.md"] = """
        ---
        titel: Zon op het dak
        status: loopt
        gericht_aan:
          - organisatie: zorg-c
            verzonden: 2019-05-06
            reactie: geen
          - organisatie: zorg-c
            verzonden: 2019-08-01
            reactie: gesprek
            datum: 2019-08-15
        ---
    """
    b = build(write(tmp_path, files))
    summary = ledger_for(b).summary(b.site.get("organisatie:zorg-c"))
    assert len(summary.rows) == 3  # both rows are shown on the page
    assert summary.received == 2  # groen and zon
    assert summary.answered == 1 and summary.substantive == 1
    assert summary.median_days == 14
    assert [r.item.slug for r in summary.open_silences] == ["groen"]


def test_status_counts_and_grouping_by_theme(demo):
    ledger = ledger_for(demo)
    items = ledger.items_of(demo.site.get("toekomstagenda:2019"))
    counts = {c.value: c.count for c in ledger.status_counts(items)}
    assert counts == {"idee": 1, "voorgesteld": 0, "opgepakt": 0, "loopt": 1, "vastgelopen": 1, "gerealiseerd": 1, "losgelaten": 0}
    groups = ledger.by_theme(items)
    assert [(g.key, [i.slug for i in g.items]) for g in groups] == [
        ("duurzaamheid", ["groen", "zon"]),  # vergroening and energietransitie are sub-themes
        ("leefbaarheid", ["wonen"]),
        (None, ["buurttop-vaker"]),
    ]


def test_progress_of_a_realised_item_without_voortgang_is_100(demo):
    assert progress(demo.site.get("agendapunt:wonen")) == 100
    assert progress(demo.site.get("agendapunt:buurttop-vaker")) is None
    assert progress(demo.site.get("agendapunt:groen")) == 15


def test_reverse_links(demo):
    ledger = ledger_for(demo)
    site = demo.site
    groen, zon = site.get("agendapunt:groen"), site.get("agendapunt:zon")
    vergroeners, zonnig = site.get("initiatief:vergroeners"), site.get("initiatief:zonnig")
    assert ledger.arisen(groen) == [vergroeners]
    assert ledger.contributors(groen) == [vergroeners]
    assert ledger.contributors(zon) == [zonnig]
    assert ledger.trekkers(groen) == [vergroeners]
    links = {link.item.slug: link.relations for link in ledger.items_linked_to(vergroeners)}
    assert links == {"groen": ["trekker", "draagt_bij_aan", "ontstaan_uit"]}
    assert {link.item.slug for link in ledger.items_linked_to(zonnig)} == {"zon", "groen-opnieuw"}
    # seen from the item: every initiative once, with all its relations
    assert [(link.item, link.relations) for link in ledger.initiatives_for(groen)] == [
        (vergroeners, ["trekker", "ontstaan_uit", "draagt_bij_aan"])
    ]
    assert [(link.item, link.relations) for link in ledger.initiatives_for(zon)] == [(zonnig, ["draagt_bij_aan"])]


def test_vorige_links_editions_both_ways(demo):
    ledger = ledger_for(demo)
    groen, later = demo.site.get("agendapunt:groen"), demo.site.get("agendapunt:groen-opnieuw")
    assert ledger.predecessor(later) == groen
    assert ledger.successors(groen) == [later]
    assert ledger.lineage(groen) == ledger.lineage(later) == [groen, later]


def test_editions_newest_first(demo):
    assert [a.slug for a in ledger_for(demo).editions("noord")] == ["2023", "2019"]
