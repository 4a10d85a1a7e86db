"""Small contract-valid sites written to tmp_path, built with an injected build date."""

from __future__ import annotations

from pathlib import Path

import pytest

from buurtwiki.build import Build

from ..helpers import TODAY, build, render, write

__all__ = ["TODAY", "build", "render", "write"]


def line_of(root: Path, rel: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing ``needle``."""
    found = [n for n, line in enumerate((root / rel).read_text().split("\n"), start=1) if needle in line]
    return found[occurrence - 1]


# A wijk with two editions, four organisations, two initiatives.
SITE = {
    "content/index.md": "# Demo\n",
    "content/organisaties/gemeente-a.md": """
        ---
        titel: Gemeente A
        soort: gemeente
        ---
    """,
    "content/organisaties/corporatie-b.md": """
        ---
        titel: Corporatie B
        soort: woningcorporatie
        ---
    """,
    "content/organisaties/zorg-c.md": """
        ---
        titel: Zorg C
        soort: zorgorganisatie
        ---
    """,
    "content/organisaties/stil-d.md": """
        ---
        titel: Stil D
        soort: anders
        ---
    """,
    "content/organisaties/niemand-e.md": """
        ---
        titel: Niemand E
        soort: anders
        ---
    """,
    "wijken/noord/index.md": """
        ---
        titel: Noord
        ---
    """,
    "wijken/noord/plekken/buurthuis.md": """
        ---
        titel: Het Buurthuis
        status: open
        ---
    """,
    "wijken/noord/activiteiten/buurttop.md": """
        ---
        titel: BuurtTop Noord
        start: 2019-04-13 10:00
        plek: buurthuis
        ---
    """,
    "wijken/noord/toekomstagenda/2019/index.md": """
        ---
        titel: Toekomstagenda Noord 2019
        vastgesteld: 2019-04-20
        horizon: 2025
        ontstaan_uit: buurttop
        deelnemers: 150
        document: https://example.org/agenda-2019.pdf
        ---
    """,
    "wijken/noord/toekomstagenda/2019/groen.md": """
        ---
        titel: Masterplan Groen
        status: vastgelopen
        thema: vergroening
        voortgang: 15
        trekkers: [vergroeners]
        gericht_aan:
          - organisatie: gemeente-a
            verzonden: 2019-05-06
            reactie: gesprek
            datum: 2019-07-02
            toelichting: Een gesprek op het stadhuis.
            bron: https://example.org/verslag
          - organisatie: corporatie-b
            verzonden: 2019-05-06
            reactie: geen
          - organisatie: zorg-c
            verzonden: 2019-06-01
          - organisatie: stil-d
            reactie: geen
        mijlpalen:
          - datum: 2021-03-01
            titel: Oost Begroot start
        ---
    """,
    "wijken/noord/toekomstagenda/2019/zon.md": """
        ---
        titel: Zon op het dak
        status: loopt
        thema: energietransitie
        voortgang: 35
        gericht_aan:
          - organisatie: gemeente-a
            verzonden: 2019-05-06
            reactie: ontvangst
            datum: 2019-05-27
          - organisatie: corporatie-b
            verzonden: 2020-01-01
            reactie: toezegging
            datum: 2020-01-31
        ---
    """,
    "wijken/noord/toekomstagenda/2019/wonen.md": """
        ---
        titel: Samen wonen
        status: gerealiseerd
        thema: wonen
        ---
    """,
    "wijken/noord/toekomstagenda/2019/buurttop-vaker.md": """
        ---
        titel: Vaker een BuurtTop
        status: idee
        ---
    """,
    "wijken/noord/toekomstagenda/2023/index.md": """
        ---
        titel: Toekomstagenda Noord 2023
        vastgesteld: 2023-05-01
        ---
    """,
    "wijken/noord/toekomstagenda/2023/groen-opnieuw.md": """
        ---
        titel: Groen, opnieuw
        status: opgepakt
        thema: vergroening
        vorige: groen
        gericht_aan:
          - organisatie: corporatie-b
            verzonden: 2023-06-01
            reactie: afgewezen
            datum: 2023-06-11
        ---
    """,
    "wijken/noord/initiatieven/vergroeners.md": """
        ---
        titel: Werkgroep vergroeners
        status: actief
        sinds: 2019-06-01
        ontstaan_uit: groen
        draagt_bij_aan: [groen]
        ---
    """,
    "wijken/noord/initiatieven/zonnig.md": """
        ---
        titel: Zonnig Noord
        status: actief
        draagt_bij_aan: [zon, groen-opnieuw]
        ---
    """,
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Build:
    root = write(tmp_path_factory.mktemp("site"), SITE)
    return build(root)
