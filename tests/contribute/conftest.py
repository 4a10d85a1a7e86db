"""A real git repository with a site on main and a branch with residents' edits."""

from __future__ import annotations

import textwrap

import pytest

from ..history.gitrepo import GitRepo

SITE = {
    "content/index.md": "# Buurt\n",
    "content/organisaties/gemeente-voorbeeldstad.md": "---\ntitel: Gemeente Voorbeeldstad\nsoort: gemeente\n---\n",
    "wijken/noord/index.md": "---\ntitel: Noord\n---\nDe wijk.\n",
    "wijken/noord/plekken/buurthuis.md": "---\ntitel: Buurthuis De Kroon\nstatus: open\n---\nEen huis.\n",
    "wijken/noord/plekken/tuin.md": "---\ntitel: De Tuin\nstatus: open\n---\nGroen.\n",
    "wijken/noord/initiatieven/eetgroep.md": textwrap.dedent("""\
        ---
        titel: Eetgroep Noord
        status: actief
        plekken: [buurthuis]
        ---
        Elke week koken buren voor elkaar.
        """),
    "wijken/noord/initiatieven/oud.md": "---\ntitel: Oude naam\nstatus: actief\n---\nWij zijn de club met een lange tekst.\n",
    "wijken/noord/toekomstagenda/2024/index.md": "---\ntitel: Agenda 2024\nvastgesteld: 2024-04-01\n---\n",
    "wijken/noord/toekomstagenda/2024/groen.md": textwrap.dedent("""\
        ---
        titel: Meer groen
        status: voorgesteld
        gericht_aan:
          - organisatie: gemeente-voorbeeldstad
            verzonden: 2024-05-01
        ---
        """),
}


@pytest.fixture
def repo(tmp_path) -> GitRepo:
    """main with the site; branch `bewoner` with four edits, checked out."""
    git = GitRepo(tmp_path / "site")
    for rel, text in SITE.items():
        git.write(rel, text)
    git.commit("Site")
    git.branch("bewoner")
    eet = SITE["wijken/noord/initiatieven/eetgroep.md"]
    eet = eet.replace("status: actief", "status: slapend").replace("[buurthuis]", "[buurthuis, tuin]")
    git.write("wijken/noord/initiatieven/eetgroep.md", eet + "We zoeken nieuwe koks voor de dinsdag en [[bieb]].\n")
    git.move("wijken/noord/initiatieven/oud.md", "wijken/noord/initiatieven/nieuw.md")
    git.write("wijken/noord/toekomstagenda/2024/groen.md",
              SITE["wijken/noord/toekomstagenda/2024/groen.md"].replace("2024-05-01\n", "2024-05-01\n    reactie: toezegging\n"))
    git.write("wijken/noord/plekken/bieb.md", "---\ntitel: De Bieb\nstatus: open\n---\nBoeken.\n")
    git.commit("Bewonerswijzigingen")
    return git
