"""Every kind of bad input gets a Dutch `path:line: fout:` message with the closest valid value."""

from __future__ import annotations

from buurtwiki.content.loader import load_site


def problems(site_dir, files):
    site = load_site(site_dir(files))
    return [str(p) for p in site.problems.sorted()]


def one(site_dir, files, needle):
    found = [p for p in problems(site_dir, files) if needle in p]
    assert found, f"no problem mentions {needle!r}: {problems(site_dir, files)}"
    return found[0]


INIT = "wijken/test-wijk/initiatieven/eetgroep.md"


def test_choice_typo_names_field_value_allowed_and_closest(site_dir):
    msg = one(site_dir, {INIT: "---\ntitel: Eetgroep\nstatus: actef\n---\n"}, "status")
    assert msg.startswith(f"{INIT}:3: fout: ")
    assert "'actef'" in msg and "in-opbouw, actief, slapend" in msg and "Bedoel je 'actief'?" in msg


def test_impossible_month_and_day(site_dir):
    files = {
        INIT: "---\ntitel: E\nstatus: actief\nsinds: 2016-13-45\ntot: 2019-02-30\n---\n",
    }
    month = one(site_dir, files, "sinds")
    assert f"{INIT}:4: fout:" in month and "maand 13 bestaat niet" in month
    day = one(site_dir, files, "veld 'tot'")
    assert f"{INIT}:5: fout:" in day and "februari 2019 heeft 28 dagen" in day and "2019-02-28" in day


def test_wrong_types(site_dir):
    files = {
        "wijken/test-wijk/index.md": "---\ntitel: T\ninwoners: veel\ncentrum: [4.92, 52.37]\n---\n",
        "content/fondsen/f.md": "---\ntitel: F\naanvragen: www.fonds.nl\nmaximaal_bedrag: -5\n---\n",
        "wijken/test-wijk/toekomstagenda/a/index.md": "---\ntitel: A\nvastgesteld: 2019-04-20\n---\n",
        "wijken/test-wijk/toekomstagenda/a/p.md": "---\ntitel: P\nstatus: loopt\nvoortgang: 150\n---\n",
    }
    assert "verwacht een getal" in one(site_dir, files, "inwoners")
    assert "Bedoel je [52.37, 4.92]?" in one(site_dir, files, "centrum")
    assert "Bedoel je 'https://www.fonds.nl'?" in one(site_dir, files, "aanvragen")
    assert "Bedoel je 0?" in one(site_dir, files, "maximaal_bedrag")
    assert "Bedoel je 100?" in one(site_dir, files, "voortgang")


def test_yaml_syntax_error_is_explained_at_its_line(site_dir):
    text = "---\ntitel: Eten: elke dinsdag\nstatus: actief\n---\n"
    msg = one(site_dir, {INIT: text}, "dubbele punt")
    assert msg.startswith(f"{INIT}:2: fout:")
    assert "Traceback" not in msg


def test_unclosed_quote_points_where_it_opens(site_dir):
    msg = one(site_dir, {INIT: '---\ntitel: "Eetgroep\nstatus: actief\n---\n'}, "aanhalingsteken")
    assert msg.startswith(f"{INIT}:2: fout:")


def test_missing_required_field_and_unknown_field(site_dir):
    files = {INIT: "---\ntitel: Eetgroep\nplekkken: [x]\n---\n"}
    assert "het verplichte veld 'status' ontbreekt" in one(site_dir, files, "'status'")
    warning = one(site_dir, files, "plekkken")
    assert f"{INIT}:3: waarschuwing:" in warning and "Bedoel je 'plekken'?" in warning


def test_unknown_reference_names_closest_slugs(site_dir):
    files = {
        INIT: "---\ntitel: E\nstatus: actief\nplekken: [buurthuis-de-ester]\n---\n",
        "wijken/test-wijk/plekken/buurthuis-de-eester.md": "---\ntitel: B\nstatus: open\n---\n",
    }
    msg = one(site_dir, files, "buurthuis-de-ester")
    assert f"{INIT}:4: fout:" in msg and "geen plek" in msg and "'buurthuis-de-eester'" in msg


def test_reference_to_wrong_type(site_dir):
    files = {
        INIT: "---\ntitel: E\nstatus: actief\nplekken: [test-wijk]\n---\n",
    }
    assert "is een wijk, maar hier mag alleen een plek" in one(site_dir, files, "plekken")


def test_duplicate_slug_across_wijken(site_dir):
    files = {
        INIT: "---\ntitel: E\nstatus: actief\n---\n",
        "wijken/andere/index.md": "---\ntitel: Andere\n---\n",
        "wijken/andere/initiatieven/eetgroep.md": "---\ntitel: E2\nstatus: actief\n---\n",
    }
    msg = one(site_dir, files, "er is al een initiatief")
    assert "eetgroep" in msg and ":1: fout:" in msg


def test_ambiguous_slug_asks_for_type_prefix(site_dir):
    files = {
        "content/organisaties/dock.md": "---\ntitel: DOCK\nsoort: welzijnsorganisatie\n---\n",
        "content/fondsen/dock.md": "---\ntitel: DOCK fonds\n---\n",
        INIT: "---\ntitel: E\nstatus: actief\ngefinancierd_door: [dock]\n---\nZie [[dock]] en [[organisatie:dock]].\n",
    }
    all_problems = problems(site_dir, files)
    assert any("'organisatie:dock'" in p and "'fonds:dock'" in p for p in all_problems)
    assert any("[[dock]] kan meerdere" in p for p in all_problems)
    assert not any("[[organisatie:dock]]" in p and "geen pagina" in p for p in all_problems)


def test_broken_wikilink_at_its_line_but_not_in_code(site_dir):
    body = "Eerste regel.\n\nZie [[eetgroop]].\n\n`[[niet-een-link]]`\n\n```\n[[ook-niet]]\n```\n"
    files = {INIT: "---\ntitel: Eetgroep\nstatus: actief\n---\n" + body}
    found = problems(site_dir, files)
    msg = next(p for p in found if "eetgroop" in p)
    assert msg.startswith(f"{INIT}:7: fout:") and "[[eetgroep]]" in msg
    assert not any("niet-een-link" in p or "ook-niet" in p for p in found)


def test_unknown_theme_and_bad_folder_and_bad_filename(site_dir):
    files = {
        INIT: "---\ntitel: E\nstatus: actief\nthemas: [vergroenig]\n---\n",
        "wijken/test-wijk/initiatief/x.md": "---\ntitel: X\n---\n",
        "wijken/test-wijk/plekken/Mijn Plek.md": "---\ntitel: X\nstatus: open\n---\n",
    }
    assert "Bedoel je 'vergroening'?" in one(site_dir, files, "vergroenig")
    assert "Bedoel je 'initiatieven'?" in one(site_dir, files, "initiatief/x.md")
    assert "'mijn-plek'" in one(site_dir, files, "Mijn Plek")


def test_every_problem_of_a_run_is_reported_and_rest_still_loads(site_dir):
    files = {
        INIT: "---\ntitel: E\nstatus: actef\nsinds: 2016-13-45\nzoekt: [trekkers]\n---\n",
        "wijken/test-wijk/plekken/p.md": "---\ntitel: P\nstatus: dicht\nopeningstijden: [maandag 9-5]\n---\n",
    }
    site = load_site(site_dir(files))
    assert len(site.problems.errors) == 5
    assert {e.slug for e in site.entities} >= {"eetgroep", "p", "test-wijk"}


def test_non_utf8_file_is_reported_not_a_traceback(site_dir, tmp_path):
    root = site_dir({})
    path = root / "wijken/test-wijk/plekken/oud.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes("---\ntitel: Caf\xe9\nstatus: open\n---\n".encode("latin-1"))
    site = load_site(root)
    assert any("UTF-8" in str(p) and p.path.endswith("oud.md") for p in site.problems.errors)


def test_index_file_in_a_type_folder_is_explained(site_dir):
    files = {"wijken/test-wijk/initiatieven/index.md": "---\ntitel: X\nstatus: actief\n---\n"}
    assert "mijn-pagina.md" in one(site_dir, files, "initiatieven/index.md")


def test_intro_page_for_organisations_is_an_ordinary_page(site_dir):
    site = load_site(site_dir({"content/organisaties/index.md": "---\ntitle: Over organisaties\n---\nTekst.\n"}))
    assert not site.problems.items
    assert [p.src_uri for p in site.pages if p.src_uri.startswith("organisaties/")] == ["organisaties/index.md"]


def test_contact_email_is_one_address(site_dir):
    """Two addresses, or one with ?bcc=, published the second one in plain text (the infobox split at the first @)."""
    for value in ("info@buurthuis.nl, tweede.adres@voorbeeld-mail.nl", "info@buurthuis.nl?bcc=meelezer@voorbeeld-mail.nl",
                  "info@buurthuis.."):  # a domain without a dot between two names would not be hidden
        files = {INIT: f"---\ntitel: E\nstatus: actief\ncontact:\n  email: {value}\n---\n"}
        msg = one(site_dir, files, "veld 'email'")
        assert "verwacht één e-mailadres" in msg and ":5: fout:" in msg
        assert ("Bedoel je 'info@buurthuis.nl'?" in msg) == value.startswith("info@buurthuis.nl")


def test_an_end_before_its_start_is_an_error_and_not_used(site_dir):
    """einde before start, herhaling_tot before start, tot before sinds and a row's tot before van
    gave no message: the page showed the end first and the calendar wrote UNTIL before DTSTART."""
    files = {
        "wijken/test-wijk/activiteiten/avond.md":
            "---\ntitel: Avond\nstart: 2026-03-05 20:00\neinde: 2026-03-05 18:00\nherhaling: maandelijks\nherhaling_tot: 2025-12-31\n---\n",
        "wijken/test-wijk/activiteiten/dag.md": "---\ntitel: Dag\nstart: 2026-03-05 19:00\neinde: 2026-03-05\n---\n",  # that day: fine
        INIT: "---\ntitel: E\nstatus: actief\nsinds: 2022-01-01\ntot: 2020-01-01\n---\n",
        "content/organisaties/dock.md": "---\ntitel: DOCK\nsoort: welzijnsorganisatie\n---\n",
        "wijken/test-wijk/rollen/trekker.md":
            "---\ntitel: Trekker\nbezetting:\n  - naam: Sanne\n    organisatie: dock\n    van: 2024-01-01\n    tot: 2023-01-01\n---\n",
    }
    found = problems(site_dir, files)
    assert any("avond.md:4: fout: veld 'einde': 2026-03-05 18:00 ligt vóór 'start' (2026-03-05 20:00)" in p for p in found)
    assert any("avond.md:6: fout: veld 'herhaling_tot': 2025-12-31 ligt vóór 'start'" in p for p in found)
    assert any("eetgroep.md:5: fout: veld 'tot': 2020-01-01 ligt vóór 'sinds' (2022-01-01)" in p for p in found)
    assert any("trekker.md" in p and "veld 'tot' in bezetting (nr. 1): 2023-01-01 ligt vóór 'van'" in p for p in found)
    assert not [p for p in found if "dag.md" in p]


def test_a_wrong_value_of_a_required_field_in_a_row_is_one_message(site_dir):
    files = {
        "content/organisaties/dock.md": "---\ntitel: DOCK\nsoort: welzijnsorganisatie\n---\n",
        "wijken/test-wijk/rollen/trekker.md": "---\ntitel: Trekker\nsoort: opbouwwerker\nbezetting:\n  - organisatie: dock\n    van: 2020\n---\n",
    }
    found = [p for p in problems(site_dir, files) if "trekker.md" in p]
    assert len(found) == 1 and "van" in found[0] and "ontbreekt" not in found[0]


def test_messages_say_what_to_write_instead(site_dir):
    """An outside tester's cases: each message pointed at something that is not valid either."""
    files = {
        "wijken/test-wijk/plekken/buurthuis.md": "---\ntitel: Buurthuis\nstatus: open\n---\n",
        "wijken/test-wijk/plekken/tuin.md": "---\ntitel: Tuin\nstatus: open\n---\n",
        INIT: "---\ntitel: E\nstatus: actief\nplekken: buurthuis, tuin\nthemas: duurzaamheid, jongeren\n---\nZie [[plekk:buurthuis]].\n",
        "content/fondsen/budget.md": "---\ntitel: Budget\naanvragen: mailto:budget@example.nl\n---\n",
        "wijken/test-wijk/plekken/Nieuwe Plek.MD": "---\ntitel: X\n---\n",
        "wijken/repair-cafe.md": "---\ntitel: Repair Café\nstatus: actief\n---\n",
        "content/initiatieven/klusgroep.md": "---\ntitel: Klusgroep\nstatus: actief\n---\n",
    }
    found = "\n".join(problems(site_dir, files))
    assert "plekken: [buurthuis, tuin]" in found and "Bedoel je 'buurthuis-tuin'" not in found
    assert "themas: [duurzaamheid, jongeren]" in found
    assert "'plekk' is geen soort pagina" in found and "Bedoel je [[plek:buurthuis]]?" in found
    assert "Een e-mailadres is geen webadres" in found and "https://mailto" not in found
    assert "hernoem naar nieuwe-plek.md" in found
    assert "wijken/repair-cafe.md:1: fout: een pagina staat in de map van een wijk" in found
    assert "wijken/<wijk>/initiatieven/repair-cafe.md" in found and "repair-cafe-md" not in found
    assert "content/initiatieven/klusgroep.md:1: fout: dit lijkt een initiatief" in found
    assert "wijken/<wijk>/initiatieven/klusgroep.md" in found


def test_a_group_whose_every_value_is_wrong_shows_no_empty_heading(site_dir):
    from ..helpers import build, render

    files = {INIT: "---\ntitel: E\nstatus: actief\ncontact:\n  email: geen adres\n  website: ook niet\n---\n"}
    root = site_dir(files)
    b = build(root)
    assert len([p for p in b.problems.items if p.path == INIT]) == 2
    assert "Contact" not in render(b, INIT).split("bw-infobox", 1)[-1].split("</aside>", 1)[0]
