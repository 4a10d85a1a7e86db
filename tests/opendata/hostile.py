"""A small site whose residents wrote hostile values: a title that closes the script element, a
spreadsheet formula, e-mail addresses in fields and text."""

from __future__ import annotations

EMAILS = ("jan@example.org", "info@buurt.example")
BREAKOUT = "</script><script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://evil.example","klik")'

FILES = {
    "content/index.md": "---\ntitle: Test\n---\nWelkom.\n",
    "wijken/oost/index.md": "---\ntitel: Oost\ngemeente: Stad\ninwoners: 20.000\ncentrum: [52.37, 4.92]\n---\nDe wijk.\n",
    "wijken/west/index.md": "---\ntitel: West\n---\nDe andere wijk.\n",
    "content/organisaties/gemeente.md": "---\ntitel: Gemeente Stad\nsoort: gemeente\nwebsite: https://stad.example\n---\n",
    "content/organisaties/welzijn.md": "---\ntitel: Welzijn & Co\nsoort: welzijnsorganisatie\nonderdeel_van: gemeente\n---\n",
    "content/fondsen/buurtbudget.md": "---\ntitel: Buurtbudget\nverstrekker: gemeente\nmaximaal_bedrag: € 300.000\n---\n",
    "wijken/oost/plekken/buurthuis.md": (
        f"---\ntitel: '{BREAKOUT}'\nstatus: open\nsoort: buurthuis\nadres: Dorpsstraat 1\nlocatie: [52.371, 4.921]\n"
        "beheerder: welzijn\nopeningstijden: ['ma-vr 09:00-17:00', 'za 10:00-14:00']\nbevestigd: 2026-10-01\n---\nHet huis.\n"
    ),
    "wijken/oost/initiatieven/moestuin.md": (
        f"---\ntitel: '{FORMULA}'\nstatus: actief\nsamenvatting: Mail {EMAILS[1]} voor een plekje.\nplekken: [buurthuis]\n"
        f"ondersteund_door: [welzijn]\ngefinancierd_door: [buurtbudget]\nzoekt: [vrijwilligers, geld]\n"
        f"contact:\n  email: {EMAILS[0]}\n  telefoon: '020 123'\nbevestigd: 2026-09-01\n---\nWij tuinieren.\n"
    ),
    "wijken/oost/rollen/opbouwwerker.md": (
        "---\ntitel: Opbouwwerker Oost\nsoort: opbouwwerker\nbezetting:\n  - naam: Sam\n    organisatie: welzijn\n    van: 2024-01-01\n---\n"
    ),
    "wijken/oost/toekomstagenda/2025/index.md": "---\ntitel: Agenda 2025\nvastgesteld: 2025-03-01\n---\n",
    "wijken/oost/toekomstagenda/2025/groen.md": (
        "---\ntitel: Meer groen\nstatus: opgepakt\nvoortgang: 40\ntrekkers: [moestuin]\ngericht_aan:\n"
        "  - organisatie: gemeente\n    verzonden: 2025-04-01\n    reactie: gesprek\n    datum: 2025-05-01\n"
        "mijlpalen:\n  - datum: 2025-06-01\n    titel: Eerste bak\n---\n"
    ),
    "wijken/oost/activiteiten/tuindag.md": (
        "---\ntitel: Tuindag\nstart: 2026-05-05 14:00\neinde: 2026-05-05 16:00\nherhaling: wekelijks\n"
        "herhaling_tot: 2026-09-30\nplek: buurthuis\norganisator: [moestuin]\n---\n"
    ),
    "wijken/west/activiteiten/markt.md": (
        "---\ntitel: Markt\nstart: 2026-06-01 10:00\nherhaling: FREQ=MONTHLY;BYDAY=1SA\nstatus: afgelast\norganisator: [gemeente]\n---\n"
    ),
}
