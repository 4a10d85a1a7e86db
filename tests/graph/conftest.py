"""Small contract-valid sites for the ecosystem graph, built with an injected date."""

from __future__ import annotations

from pathlib import Path

import pytest

from buurtwiki.build import Build

from ..helpers import TODAY, build, render, write

__all__ = ["TODAY", "build", "render", "write"]


# Two wijken. Every ref field of the content format is used at least once, including the ones
# nested in rows (gericht_aan, bezetting) and werkgebied (organisation -> wijk).
SITE = {
    "content/index.md": "# Demo\n\nZie [[eetgroep]] en [de buurtkamer](../wijken/noord/plekken/buurtkamer.md).\n",
    "content/themas.yml": "wonen:\n  titel: Wonen\n",
    "content/organisaties/gemeente.md": """
        ---
        titel: Gemeente
        soort: gemeente
        werkgebied: [noord, zuid]
        ---
    """,
    "content/organisaties/corporatie.md": """
        ---
        titel: Corporatie
        soort: woningcorporatie
        onderdeel_van: gemeente
        ---
    """,
    "content/organisaties/zorg.md": """
        ---
        titel: Zorg
        soort: zorgorganisatie
        ---
    """,
    "content/organisaties/welzijn.md": """
        ---
        titel: Welzijn
        soort: welzijnsorganisatie
        werkgebied: [zuid]
        ---
    """,
    "content/fondsen/buurtfonds.md": """
        ---
        titel: Buurtfonds
        verstrekker: gemeente
        ---
    """,
    "wijken/noord/index.md": """
        ---
        titel: Noord
        ---
        De wijk Noord. Zie ook [[zuid]].
    """,
    "wijken/noord/plekken/buurtkamer.md": """
        ---
        titel: Buurtkamer
        status: open
        eigenaar: corporatie
        beheerder: eetgroep
        bevestigd: 2026-01-10
        ---
    """,
    "wijken/noord/plekken/leeg-pand.md": """
        ---
        titel: Leeg pand
        status: open
        bevestigd: 2024-05-01
        ---
    """,
    "wijken/noord/initiatieven/eetgroep.md": """
        ---
        titel: Eetgroep
        status: actief
        plekken: [buurtkamer]
        ondersteund_door: [welzijn, opbouwwerker]
        gefinancierd_door: [buurtfonds]
        ontstaan_uit: groen-plan
        draagt_bij_aan: [groen-plan]
        verwant_aan: [buurtmoestuin]
        bevestigd: 2026-10-01
        ---
        We koken in de [[buurtkamer]] en werken samen met [[organisatie:welzijn|Welzijn]].
        Zie ook de [moestuin](../../zuid/initiatieven/buurtmoestuin.md#start).

        ```
        [[leeg-pand]] staat in een codeblok en telt niet.
        ```

        Ook `[[zorg]]` in code telt niet.
    """,
    "wijken/noord/initiatieven/opvolger.md": """
        ---
        titel: Opvolger
        status: in-opbouw
        opvolger_van: eetgroep
        zoekt: [trekker, plek]
        ---
    """,
    "wijken/noord/rollen/opbouwwerker.md": """
        ---
        titel: Opbouwwerker
        soort: opbouwwerker
        bezetting:
          - organisatie: welzijn
            van: 2024-01-01
        ---
    """,
    "wijken/noord/activiteiten/buurtfeest.md": """
        ---
        titel: Buurtfeest
        start: 2026-12-01 19:30
        plek: buurtkamer
        organisator: [eetgroep, gemeente]
        ---
    """,
    "wijken/noord/toekomstagenda/2025/index.md": """
        ---
        titel: Agenda 2025
        vastgesteld: 2025-04-13
        ontstaan_uit: buurtfeest
        ---
    """,
    "wijken/noord/toekomstagenda/2025/groen-plan.md": """
        ---
        titel: Groen plan
        status: loopt
        trekkers: [eetgroep]
        gericht_aan:
          - organisatie: corporatie
            verzonden: 2025-05-01
            reactie: geen
          - organisatie: gemeente
            verzonden: 2025-05-01
            reactie: gesprek
        ---
    """,
    "wijken/noord/toekomstagenda/2025/bankjes.md": """
        ---
        titel: Bankjes
        status: voorgesteld
        gericht_aan:
          - organisatie: corporatie
            verzonden: 2025-06-01
          - organisatie: zorg
            verzonden: 2025-06-01
            reactie: geen
          - organisatie: gemeente
            verzonden: 2025-06-01
        ---
    """,
    "wijken/noord/toekomstagenda/2025/klaar.md": """
        ---
        titel: Klaar
        status: gerealiseerd
        ---
    """,
    "wijken/zuid/index.md": """
        ---
        titel: Zuid
        ---
    """,
    "wijken/zuid/initiatieven/buurtmoestuin.md": """
        ---
        titel: Buurtmoestuin
        status: actief
        verwant_aan: [eetgroep]
        ---
        Samen met [[eetgroep]] uit Noord.
    """,
}


@pytest.fixture
def demo(tmp_path: Path) -> Build:
    return build(write(tmp_path, SITE))
