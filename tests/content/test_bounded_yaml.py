"""Hostile front matter: anchors and aliases (billion laughs), too much text, too deep nesting.

Each build runs in a forked process with a time limit, so a regression fails instead of hanging.
"""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

from buurtwiki.content.loader import load_site
from buurtwiki.outputs.render import RenderContext

from ..helpers import build, write
from ..history.gitrepo import GitRepo

INIT = "wijken/test-wijk/initiatieven/eetgroep.md"
ANCHORS = "ankers (&) en verwijzingen (*) zijn in de gegevens bovenaan niet toegestaan; schrijf de waarde voluit"


def bomb(levels: int = 9) -> str:
    """Nine lists of nine references to the list before: 9**9 strings when expanded."""
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, levels):
        name, prev = chr(97 + i), chr(96 + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines)


def _child(conn, fn, args):
    conn.send(fn(*args))
    conn.close()


def within(seconds: float, fn, *args):
    """``fn(*args)`` in a forked process; fails when it takes longer than ``seconds``."""
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(child, fn, args))
    start = time.monotonic()
    process.start()
    ready = parent.poll(seconds)
    if not ready:
        process.kill()
        process.join()
        raise AssertionError(f"took more than {seconds} s")
    result = parent.recv()
    process.join()
    assert time.monotonic() - start < seconds
    return result


def problems(root: Path) -> list[str]:
    return [str(p) for p in load_site(root).problems.sorted()]


def test_billion_laughs_in_a_page_is_refused_at_its_line(site_dir):
    root = site_dir({INIT: f"---\ntitel: Eetgroep\nstatus: actief\nsamenvatting: x\n{bomb()}\n---\nTekst.\n"})
    found = within(20, problems, root)
    mine = [p for p in found if p.startswith(INIT)]
    assert mine == [f"{INIT}:5: fout: {ANCHORS}. Begint een tekst met & of *? Zet de hele waarde dan tussen aanhalingstekens, zoals titel: \"*Nieuw* in de buurt\"."]


def test_a_single_anchor_or_alias_is_refused(site_dir):
    root = site_dir({INIT: "---\ntitel: &t Eetgroep\nstatus: actief\n---\n", "wijken/test-wijk/plekken/hal.md": "---\ntitel: Hal\nstatus: *open\n---\n"})
    found = problems(root)
    assert any(p.startswith(f"{INIT}:2: fout: ankers (&)") for p in found), found
    assert any(p.startswith("wijken/test-wijk/plekken/hal.md:3: fout: ankers (&)") for p in found), found


def test_billion_laughs_in_themas_yml_is_refused(site_dir):
    root = site_dir({"content/themas.yml": bomb() + "\n"})
    found = within(20, problems, root)
    assert any(p.startswith("content/themas.yml:1: fout: ankers (&)") for p in found), found


def test_front_matter_larger_than_64_kib_is_refused(site_dir):
    big = "\n".join(f"veld{i}: {'x' * 60}" for i in range(1200))
    root = site_dir({INIT: f"---\ntitel: Eetgroep\nstatus: actief\n{big}\n---\nTekst.\n"})
    found = [p for p in problems(root) if p.startswith(INIT)]
    assert len(found) == 1 and "maximaal 64 kB is toegestaan" in found[0], found


def test_deep_nesting_is_refused(site_dir):
    root = site_dir({INIT: "---\ntitel: Eetgroep\nstatus: actief\nthemas: " + "[" * 500 + "]" * 500 + "\n---\n"})
    found = [p for p in problems(root) if p.startswith(INIT)]
    assert len(found) == 1 and f"{INIT}:4: fout: er staan te veel lijsten of groepen in elkaar" in found[0], found


def test_a_list_or_group_as_field_name_is_said_in_dutch(site_dir):
    root = site_dir({INIT: "---\ntitel: Eetgroep\nstatus: actief\n? [a, b]\n: c\n---\n"})
    found = [p for p in problems(root) if p.startswith(INIT)]
    assert found == [f"{INIT}:4: fout: een veldnaam mag geen lijst of groep zijn; schrijf 'veld: waarde'."]


def _history_build(root: Path) -> tuple[list[str], str]:
    b = build(root, history=True)
    pages = sorted(b.outputs.pages)
    uri = "wijken/test-wijk/initiatieven/eetgroep/geschiedenis.md"
    page = b.outputs.pages[uri]
    return pages, page.render(RenderContext(b, page.url))


def test_billion_laughs_in_an_old_version_does_not_hang_the_history(tmp_path):
    repo = GitRepo(tmp_path)
    write(tmp_path, {"content/index.md": "---\ntitle: Test\n---\nWelkom.\n", "wijken/test-wijk/index.md": "---\ntitel: Testwijk\n---\n"})
    repo.write(INIT, "---\ntitel: Eetgroep\nstatus: actief\n---\nWij eten samen.\n")
    repo.commit("Eerste versie")
    repo.write(INIT, f"---\ntitel: Eetgroep\nstatus: actief\n{bomb()}\n---\nWij eten samen.\n")
    repo.commit("Kwaadwillig")
    repo.write(INIT, "---\ntitel: Eetgroep\nstatus: slapend\n---\nWij eten samen op dinsdag.\n")
    repo.commit("Teruggedraaid")
    pages, html = within(30, _history_build, tmp_path)
    assert "wijken/test-wijk/initiatieven/eetgroep/geschiedenis.md" in pages
    assert "Kwaadwillig" in html and "Teruggedraaid" in html and "Eerste versie" in html
