"""A small neighbourhood with places and activities in time, shared by the tests of maps and calendars."""

from __future__ import annotations

WIJK = {
    "wijken/test-wijk/index.md": """
        ---
        titel: Testwijk
        grens: grens.geojson
        ---
        De wijk.
        """,
    "wijken/test-wijk/grens.geojson": """
        {"type": "Feature", "properties": {"naam": "<script>alert(1)</script>"},
         "geometry": {"type": "Polygon", "coordinates": [[[4.90, 52.36], [4.95, 52.36], [4.95, 52.39], [4.90, 52.36]]]}}
        """,
    "wijken/test-wijk/plekken/buurthuis.md": """
        ---
        titel: Buurthuis <De Eik>
        status: open
        soort: buurthuis
        adres: Eikstraat 1, Amsterdam
        locatie: [52.37, 4.92]
        openingstijden: [ma-vr 09:00-17:00, za 10:00-14:00, wo 19:00-22:00]
        toegankelijk: ja
        ---
        Een buurthuis.
        """,
    "wijken/test-wijk/plekken/moestuin.md": """
        ---
        titel: Moestuin zonder plek
        status: bedreigd
        ---
        Nog geen locatie.
        """,
    "wijken/test-wijk/activiteiten/koffie.md": """
        ---
        titel: Koffie-ochtend
        start: 2025-01-07 09:30
        einde: 2025-01-07 11:00
        herhaling: wekelijks
        herhaling_tot: 2027-06-30
        plek: buurthuis
        ---
        Elke dinsdag koffie.
        """,
    "wijken/test-wijk/activiteiten/buurttop-2019.md": """
        ---
        titel: BuurtTop 2019
        start: 2019-05-11 10:00
        plek: buurthuis
        ---
        Toen.
        """,
    "wijken/test-wijk/activiteiten/kerstmarkt.md": """
        ---
        titel: Kerstmarkt
        start: 2026-12-12 14:00
        status: afgelast
        plek: buurthuis
        ---
        Gaat niet door.
        """,
}
