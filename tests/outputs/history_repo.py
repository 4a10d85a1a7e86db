"""A small Buurtwiki site in a real temporary git repository, for the history outputs' tests.

Commits are made with the git command, one hour apart from 2026-11-01 10:00 (+01:00), with the
authors' e-mail addresses set, so tests can check that none of them reaches the site.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from buurtwiki.build import Build, BuildOptions, run
from buurtwiki.outputs.render import RenderContext

from ..history.gitrepo import GitRepo

TODAY = dt.date(2026, 11, 21)
START = int(dt.datetime(2026, 11, 1, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=1))).timestamp())

ANOUK = ("Anouk de Vries", "anouk.devries@voorbeeld-mail.nl")
BRAM = ("Bram Jansen", "bram.jansen@voorbeeld-mail.nl")
CHAIMA = ("Chaima El Idrissi", "chaima.elidrissi@voorbeeld-mail.nl")
DAAN = ("Daan Visser", "daan.visser@voorbeeld-mail.nl")
COMMITTER = ("Beheer", "beheer.committer@voorbeeld-mail.nl")
EMAILS = [p[1] for p in (ANOUK, BRAM, CHAIMA, DAAN, COMMITTER)]


def wijk(title: str = "Oud-Haagseweg") -> str:
    return f"---\ntitel: {title}\n---\n\nDe wijk.\n"


def initiatief(title: str, status: str = "actief", body: str = "Wij koken elke dinsdag samen.") -> str:
    return f"---\ntitel: {title}\nstatus: {status}\n---\n\n{body}\n"


def plek(title: str, status: str = "open", body: str = "Een plek in de buurt.") -> str:
    return f"---\ntitel: {title}\nstatus: {status}\n---\n\n{body}\n"


class Repo(GitRepo):
    """The shared git driver, with these tests' dates, committer and authors."""

    base_time = START
    committer = COMMITTER

    def commit(self, message: str, author: tuple[str, str] = ANOUK, hours: int = 1) -> str:
        return super().commit(message, author, hours=hours)

    def follow(self, rel: str) -> list[str]:
        """``git log --follow`` of a file: commit ids, newest first."""
        return self.log_follow(rel)


def build(root: Path, **options) -> Build:
    return run(BuildOptions(root=root, today=TODAY, **options))


def render(build: Build, src_uri: str) -> str:
    page = build.outputs.pages[src_uri]
    return page.render(RenderContext(build, page.url))


def story(tmp_path: Path) -> Repo:
    """A wijk with an initiative that changes status, is renamed, and a place deleted and made again,
    a side branch merged back, co-authors, and an organisation."""
    repo = Repo(tmp_path)
    repo.write("content/index.md", "---\ntitle: Test\n---\nWelkom.\n")
    repo.write("wijken/ohg/index.md", wijk())
    repo.write("wijken/ohg/initiatieven/eettafel.md", initiatief("Eettafel"))
    repo.write("wijken/ohg/plekken/buurthuis.md", plek("Buurthuis"))
    repo.write("content/organisaties/dock.md", "---\ntitel: DOCK\nsoort: welzijnsorganisatie\n---\n\nWelzijn.\n")
    repo.commit("Eerste versie", ANOUK)
    repo.write("wijken/ohg/initiatieven/eettafel.md", initiatief("Eettafel", "slapend"))
    repo.commit(
        "Eettafel ligt stil\n\nCo-authored-by: Chaima El Idrissi <chaima.elidrissi@voorbeeld-mail.nl>\n"
        "Signed-off-by: Bram Jansen <bram.jansen@voorbeeld-mail.nl>\n",
        BRAM,
    )
    repo.write("wijken/ohg/initiatieven/eettafel.md", initiatief("Eettafel", "slapend", "Wij koken elke dinsdag en donderdag samen."))
    repo.commit("Donderdag erbij", CHAIMA)
    repo.git("mv", "wijken/ohg/initiatieven/eettafel.md", "wijken/ohg/initiatieven/buurteettafel.md")
    repo.commit("Nieuwe naam: buurteettafel", ANOUK)
    # a side branch and a change on main, merged back
    repo.git("checkout", "-q", "-b", "zijtak")
    repo.write("wijken/ohg/initiatieven/buurteettafel.md", initiatief("Buurteettafel", "actief", "Wij koken elke dinsdag en donderdag samen."))
    repo.commit("Weer actief, met nieuwe naam", DAAN)
    repo.git("checkout", "-q", "main")
    repo.write("wijken/ohg/plekken/buurthuis.md", plek("Buurthuis", "bedreigd"))
    repo.commit("Buurthuis bedreigd", BRAM)
    repo.tick += 1
    repo.git("merge", "-q", "--no-ff", "-m", "Zijtak samengevoegd", "zijtak", author=ANOUK)
    # the place is deleted, then made again
    repo.git("rm", "-q", "wijken/ohg/plekken/buurthuis.md")
    repo.commit("Buurthuis is weg", BRAM, hours=24)
    repo.write("wijken/ohg/plekken/buurthuis.md", plek("Buurthuis", "open", "Het buurthuis is terug."))
    repo.commit("Buurthuis is terug", DAAN, hours=24 * 15)
    return repo
