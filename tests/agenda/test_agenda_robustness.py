"""Broken or incomplete agenda content gives errors and warnings, never a crash or a broken page."""

from __future__ import annotations

from buurtwiki.agenda.ledger import ledger_for

from .conftest import SITE, build, render, write

BROKEN = {
    "wijken/noord/toekomstagenda/2019/kapot.md": """
        ---
        titel: Kapot
        status: loopt
        thema: bestaat-niet
        voortgang: veel
        trekkers: [onbekend-initiatief]
        gericht_aan:
          - verzonden: 2019-05-06
          - organisatie: bestaat-niet
            verzonden: 2019-05-06
            reactie: gesprek
          - organisatie: gemeente-a
            verzonden: 2019-13-01
            reactie: misschien
        mijlpalen:
          - titel: Zonder datum
          - datum: 2020-01-01
        vorige: bestaat-ook-niet
        ---
    """,
    "wijken/noord/toekomstagenda/2019/tekst.md": """
        ---
        titel: Tekst in plaats van rijen
        status: idee
        gericht_aan:
          - gewoon tekst
        ---
    """,
    "wijken/noord/toekomstagenda/zonder-index/los.md": """
        ---
        titel: Los punt
        status: idee
        gericht_aan:
          - organisatie: zorg-c
            verzonden: 2019-05-06
        ---
    """,
    "wijken/noord/toekomstagenda/2023/index.md": """
        ---
        titel: Zonder datum
        ontstaan_uit: buurthuis
        ---
    """,
}


def test_broken_content_still_builds_every_page(tmp_path):
    b = build(write(tmp_path, {**SITE, **BROKEN}))
    assert b.problems.errors  # reported, not hidden
    ledger = ledger_for(b)
    kapot = b.site.get("agendapunt:kapot")
    rows = ledger.rows_for(kapot)
    assert [r.ref.raw for r in rows] == ["bestaat-niet", "gemeente-a"]  # the row without organisatie is skipped
    assert rows[0].organisation is None and rows[0].answered and rows[0].days_to_answer is None
    for src, page in b.outputs.pages.items():
        if page.entity is None or page.entity.type.name in ("agendapunt", "toekomstagenda", "organisatie", "initiatief"):
            html = render(b, src)
            assert "<article" in html, src
    item = render(b, "wijken/noord/toekomstagenda/2019/kapot.md")
    assert "bestaat-niet" in item and "datum van de reactie onbekend" in item
    assert "Zonder datum" in item
    assert "Zorg C" in render(b, "verantwoording/index.md")
