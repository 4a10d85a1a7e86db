"""Messages for residents: a wrong date format gets the value in the right form."""

from __future__ import annotations

import pytest

from ..helpers import MINIMAL, build, render, write


def messages(tmp_path, text: str) -> str:
    write(tmp_path, {"wijken/test-wijk/activiteiten/borrel.md": text}, MINIMAL)
    return "\n".join(str(p) for p in build(tmp_path).problems.items)


@pytest.mark.parametrize(("written", "meant"), [
    ("13-04-2019", "2019-04-13"),
    ("13/4/2019", "2019-04-13"),
    ("2019/04/13", "2019-04-13"),
    ("13 april 2019", "2019-04-13"),
    ("13 apr 2019", "2019-04-13"),
    ("13-04-2019 19:30", "2019-04-13 19:30"),
    ("13 april 2019 om 19.30 uur", "2019-04-13 19:30"),
])
def test_wrong_date_format_suggests_the_value_in_the_right_form(tmp_path, written, meant):
    found = messages(tmp_path, f"---\ntitel: Borrel\nstart: {written}\n---\nTekst.\n")
    assert "veld 'start'" in found and f"Bedoel je {meant}?" in found, found


def test_no_suggestion_for_a_day_that_does_not_exist(tmp_path):
    found = messages(tmp_path, "---\ntitel: Borrel\nstart: 31-02-2019\n---\nTekst.\n")
    assert "veld 'start'" in found and "Bedoel je" not in found


@pytest.mark.parametrize(("written", "meant"), [
    ("maandag 9-17", "ma 09:00-17:00"),
    ("Ma t/m vr 9.30 - 17 uur", "ma-vr 09:30-17:00"),
    ("woensdag en donderdag 19:00-22:00", "wo,do 19:00-22:00"),
])
def test_opening_hours_written_loosely_get_the_line_in_the_right_form(tmp_path, written, meant):
    write(tmp_path, {"wijken/test-wijk/plekken/buurthuis.md": f"---\ntitel: Buurthuis\nopeningstijden:\n  - {written}\n---\nTekst.\n"}, MINIMAL)
    found = "\n".join(str(p) for p in build(tmp_path).problems.items)
    assert f"Bedoel je '{meant}'?" in found and "Bedoel je 'ma'?" not in found, found


FORGOTTEN = """---
titel: Eetgroep
status: actief
samenvatting: Samen eten op dinsdag.

We eten elke dinsdag samen. Iedereen is welkom: neem een pan mee.

Aanmelden hoeft niet.
"""


def test_forgotten_closing_fence_is_one_error_that_says_where_it_belongs(tmp_path):
    write(tmp_path, {"wijken/test-wijk/initiatieven/eetgroep.md": FORGOTTEN}, MINIMAL)
    built = build(tmp_path)
    found = [str(p) for p in built.problems.items if p.path.endswith("eetgroep.md")]
    assert len(found) == 1, found  # not a second, misleading YAML error further down
    assert found[0].startswith("wijken/test-wijk/initiatieven/eetgroep.md:4: fout: ")
    assert "regel met alleen --- " in found[0] and "na regel 4 ('samenvatting: Samen eten op dinsdag.')" in found[0]
    # the guess is used: the fields are read and the text below is the page's text
    html = render(built, "wijken/test-wijk/initiatieven/eetgroep.md")
    assert "Iedereen is welkom" in html and "Samen eten op dinsdag." in html


def test_forgotten_fence_without_any_field_still_says_what_to_do(tmp_path):
    write(tmp_path, {"content/over.md": "---\nWelkom op onze site.\n"}, MINIMAL)
    found = [str(p) for p in build(tmp_path).problems.items if p.path == "content/over.md"]
    assert len(found) == 1 and found[0].startswith("content/over.md:1: fout: ") and "---" in found[0]


LINKS = {
    "content/organisaties/dock.md": "---\ntitel: DOCK\nsoort: welzijnsorganisatie\n---\nWelzijn.\n",
    "content/over.md": "---\ntitle: Over deze site\n---\nOver ons.\n",
    "wijken/test-wijk/plekken/buurtkamer.md": "---\ntitel: De Buurtkamer\nstatus: open\n---\nKom binnen.\n",
}


@pytest.mark.parametrize(("link", "meant", "written"), [
    # from a wijk into the docs folder: a wikilink, not ../../../content/organisaties/dock.md
    ("[het DOCK-team](../organisaties/dock.md)", "DOCK", "[[dock|het DOCK-team]]"),
    ("[DOCK](../../../content/organisaties/dok.md)", "DOCK", "[[dock|DOCK]]"),
    # a typo in the same folder tree: the relative link, found by the link's text
    ("[de buurtkamer](../plekken/kamer.md)", "De Buurtkamer", "[de buurtkamer](../plekken/buurtkamer.md)"),
    # a page without a type: a link from the docs folder
    ("[Over deze site](../../over.md)", "Over deze site", "[Over deze site](/over.md)"),
])
def test_broken_md_link_suggests_the_page_by_title_and_the_link_to_write(tmp_path, link, meant, written):
    page = "wijken/test-wijk/initiatieven/eetgroep.md"
    files = {**LINKS, page: f"---\ntitel: Eetgroep\nstatus: actief\n---\nZie {link}.\n"}
    write(tmp_path, files, MINIMAL)
    found = [str(p) for p in build(tmp_path).problems.items if p.path == page]
    assert len(found) == 1, found
    assert found[0].startswith(f"{page}:5: fout: link naar ")
    assert f"Bedoel je de pagina '{meant}'? Schrijf {written}." in found[0]
    assert "content/" not in found[0].split("Bedoel je", 1)[1]


def test_forgotten_fence_before_a_list_in_the_text_ends_at_the_last_field(tmp_path):
    text = "---\ntitel: Eetgroep\nstatus: actief\nplekken:\n  - buurtkamer\n\n- soep\n- brood\n"
    write(tmp_path, {"wijken/test-wijk/initiatieven/eetgroep.md": text}, MINIMAL)
    found = [str(p) for p in build(tmp_path).problems.items if "---" in p.message]
    assert len(found) == 1 and found[0].startswith("wijken/test-wijk/initiatieven/eetgroep.md:5: fout: "), found
    assert "na regel 5 ('- buurtkamer')" in found[0]
