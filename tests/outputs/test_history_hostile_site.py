"""`mkdocs build` of a site whose git history was written by strangers.

Hostile names and messages, a commit dated in the year 10000, addresses in ``contact.email``,
in old versions of the text, in messages, names and trailers: the build works, every history
page is made, nothing is unescaped, every feed is valid XML, and no plain e-mail address is
anywhere in the output folder.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from buurtwiki.outputs import change_rows

from ..history.gitrepo import YEAR_10000
from .history_repo import BRAM, TODAY, build, initiatief, render, story
from .test_history_site import MKDOCS_YML

BIN = Path(sys.executable).parent
PAGE = "wijken/ohg/initiatieven/eettafel.md"
ADDRESS = re.compile(rb"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
SECRET = [b"oud.adres@voorbeeld-mail.nl", b"nieuw.adres@voorbeeld-mail.nl", b"tekst.adres@voorbeeld-mail.nl"]


def with_contact(email: str, body: str) -> str:
    return f"---\ntitel: Eettafel\nstatus: actief\ncontact:\n  email: {email}\n---\n\n{body}\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess, dict[str, str]]:
    root = tmp_path_factory.mktemp("hostile")
    repo = story(root)
    repo.write("mkdocs.yml", MKDOCS_YML)
    shas: dict[str, str] = {}
    repo.write(PAGE, with_contact("oud.adres@voorbeeld-mail.nl", "Mail tekst.adres@voorbeeld-mail.nl of bel."))
    repo.commit("Contact erbij", BRAM)
    repo.write(PAGE, with_contact("nieuw.adres@voorbeeld-mail.nl", "Bel ons gerust."))
    shas["future"] = repo.commit_object(
        b"Nieuw adres <script>alert(1)</script>\n\nCo-authored-by: Fatima <fatima@voorbeeld-mail.nl>\n",
        b"Bram <bram@voorbeeld-mail.nl> %d +0100" % YEAR_10000,
        b"Bram <bram@voorbeeld-mail.nl> %d +9959" % YEAR_10000,
    )
    for number, ident in enumerate(
        [
            b'Bob" onmouseover="alert(1) & co <a@voorbeeld-mail.nl>',  # git ends a name at "<"
            b"javascript:alert(1) <b@voorbeeld-mail.nl>",
            b"Rood\x1b[31m\x01 \xe2\x80\xaegnp.exe <c@voorbeeld-mail.nl>",
            b"Y" * 10_000 + b" <d@voorbeeld-mail.nl>",
            b"<e@voorbeeld-mail.nl>",
            b"\xff\xfe Naam <f@voorbeeld-mail.nl>",
            b"g.naam@voorbeeld-mail.nl <g@voorbeeld-mail.nl>",
        ]
    ):
        repo.write(PAGE, with_contact("nieuw.adres@voorbeeld-mail.nl", f"Bel ons gerust, versie {number}."))
        repo.commit_object(
            b"<b>vet</b> \x00\x08\x0b\x1f \xe2\x80\xae mail h.i@voorbeeld-mail.nl\n\nCo-authored-by: x" + b" " * 4000 + b"y\n",
            ident + b" 1793700000 +0100",
        )
    repo.write("wijken/ohg/initiatieven/extra.md", initiatief("Extra"))
    repo.commit("Extra\n\nCo-authored-by: Chaima <chaima@voorbeeld-mail.nl>\n", BRAM)
    # addresses split by tags, in themas.yml, two in contact.email, one in a file name (an outside review found these)
    repo.write("content/contact.md", "---\ntitle: Contact\n---\nMail piet<span></span>@voorbeeld-mail.nl of "
               "kees<b>@</b>voorbeeld-mail.nl of [klaas](https://example.org/)<i>@voorbeeld-mail.nl</i>.\n")
    repo.write("content/themas.yml", "zorg:\n  titel: Zorg, mail thema.titel@voorbeeld-mail.nl\n"
               "  omschrijving: Vragen? Mail thema.omschrijving@voorbeeld-mail.nl\n")
    repo.write("wijken/ohg/initiatieven/twee.md", initiatief("Twee").replace(
        "---\n\n", "themas: [zorg]\ncontact:\n  email: info@buurthuis.nl, tweede.adres@voorbeeld-mail.nl\n---\n\n"))
    repo.write("content/info@voorbeeld-mail.nl/index.md", "---\ntitle: Adres\n---\nHoi.\n")
    repo.commit("Meer adressen", BRAM)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BUURTWIKI_TODAY": TODAY.isoformat()}
    result = subprocess.run([str(BIN / "mkdocs"), "build"], cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site", result, shas


def test_no_plain_email_address_anywhere(built):
    site, _result, _shas = built
    files = [p for p in site.rglob("*") if p.is_file()]
    assert len(files) > 20
    found = {}
    for path in files:
        if path.relative_to(site).as_posix().startswith(("assets/javascripts/", "assets/stylesheets/",
                                                          "assets/buurtwiki/vendor/decap-cms/", "pagefind/pagefind-")):
            continue  # the theme's, the vendored CMS's and Pagefind's own files (their translators' addresses are in their sources)
        data = path.read_bytes()
        if path.suffix.startswith(".pf_"):  # Pagefind's index and fragments are gzip-compressed
            data = gzip.decompress(data)
        hits = [m for m in ADDRESS.findall(data) if not m.endswith((b".png", b".svg", b".js", b".css"))]
        if hits:
            found[str(path.relative_to(site))] = hits[:3]
    assert not found, found
    assert any(p.name.endswith(".pf_fragment") for p in files)  # the search index was read
    assert not [p for p in files if "@" in p.relative_to(site).as_posix() and "pagefind" not in p.parts]
    history = (site / "wijken/ohg/initiatieven/eettafel/geschiedenis/index.html").read_text(encoding="utf-8")
    # the address is readable as on the entity page, old and new, in field changes and word diffs
    assert "oud.adres [apenstaartje] voorbeeld-mail.nl" in history
    assert "nieuw.adres [apenstaartje] voorbeeld-mail.nl" in history
    assert "tekst.adres [apenstaartje] voorbeeld-mail.nl" in history


def test_a_commit_in_the_year_10000_still_gives_history_pages(built):
    site, result, shas = built
    history = site / "wijken/ohg/initiatieven/eettafel/geschiedenis/index.html"
    assert history.is_file()
    assert (site / "recente-wijzigingen/index.html").is_file()
    assert "Nieuw adres" in history.read_text(encoding="utf-8")
    assert shas["future"][:7] in result.stderr  # the maintainer is told which commit
    assert "Traceback" not in result.stderr


def test_hostile_names_and_messages_are_escaped_and_bounded(built):
    site, _result, _shas = built
    for rel in ("wijken/ohg/initiatieven/eettafel/geschiedenis/index.html", "recente-wijzigingen/index.html"):
        html = (site / rel).read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<b>vet</b>" not in html and 'onmouseover="alert' not in html
        assert "&lt;b&gt;vet&lt;/b&gt;" in html and "Bob&#34; onmouseover=&#34;alert(1) &amp; co" in html
        assert 'href="javascript:' not in html
        assert "\u202e" not in html and "\x1b" not in html and "\x00" not in html
        assert "Y" * 81 not in html and "Y" * 79 + "…" in html


def test_feeds_are_valid_xml_without_control_characters(built):
    site, _result, _shas = built
    feeds = [site / "feeds/wijzigingen.xml", site / "wijken/ohg/wijzigingen.xml"]
    for feed in feeds:
        data = feed.read_bytes()
        root = ET.fromstring(data)  # valid XML
        assert root.tag.endswith("feed")
        text = data.decode("utf-8")
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\u202e]", text)
        assert "<script>" not in text and "<b>" not in text
        assert len(root.findall("{http://www.w3.org/2005/Atom}entry")) > 5


def test_partial_clone_builds_with_a_warning_and_the_history_that_is_there(tmp_path):
    origin = story(tmp_path / "origin")
    origin.git("config", "uploadpack.allowFilter", "true")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--filter=blob:none", f"file://{origin.path}", str(clone)],
        check=True, capture_output=True, env=origin._env(),
    )
    change_rows._described.clear()  # descriptions of the same versions from other tests' full repositories
    b = build(clone)
    warned = "\n".join(str(p) for p in b.problems.warnings)
    assert "--filter=blob:none" in warned and "volledige clone" in warned
    html = render(b, "wijken/ohg/initiatieven/buurteettafel/geschiedenis.md")
    assert "Eettafel ligt stil" in html  # every commit is listed
    assert "Inhoud niet beschikbaar" in html  # old versions are missing: said so, not made up
    assert "Pagina aangemaakt" in html  # the kind of change is known without the content
    ET.fromstring(b.outputs.files["feeds/wijzigingen.xml"].data())
