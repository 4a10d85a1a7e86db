"""The agenda warnings, in the contract's ``path:line: waarschuwing: …`` form."""

from __future__ import annotations

from buurtwiki.stages import load_checked_site as load_site

from .conftest import SITE, line_of, write

ITEM = "wijken/noord/toekomstagenda/2019/fout.md"

PROBLEMS = {
    ITEM: """
        ---
        titel: Een punt met fouten
        status: gerealiseerd
        voortgang: 60
        gericht_aan:
          - organisatie: gemeente-a
            verzonden: 2019-05-06
            reactie: ontvangst
            datum: 2019-05-01
          - organisatie: corporatie-b
            verzonden: 2019-05-06
          - organisatie: gemeente-a
            verzonden: 2019-06-01
            reactie: gesprek
            datum: 2019-06-10
        vorige: zon
        ---
    """,
}


def problems(tmp_path) -> list[str]:
    root = write(tmp_path, {**SITE, **PROBLEMS})
    site = load_site(root)
    return [str(p) for p in site.problems.sorted()], root


def test_response_dated_before_sending(tmp_path):
    found, root = problems(tmp_path)
    line = line_of(root, ITEM, "- organisatie: gemeente-a")
    expected = f"{ITEM}:{line}: waarschuwing: veld 'gericht_aan' (nr. 1): de reactie van 'gemeente-a' heeft als datum 2019-05-01"
    assert any(p.startswith(expected) and "verzonden op 2019-05-06" in p for p in found), found


def test_realised_with_progress_under_100(tmp_path):
    found, root = problems(tmp_path)
    line = line_of(root, ITEM, "voortgang: 60")
    expected = (f"{ITEM}:{line}: waarschuwing: veld 'voortgang': het punt heeft status 'gerealiseerd', maar de voortgang "
                f"is 60.")
    assert any(p.startswith(expected) and "voortgang: 100" in p for p in found), found


def test_addressee_twice(tmp_path):
    found, root = problems(tmp_path)
    first = line_of(root, ITEM, "organisatie: gemeente-a", 1)
    second = line_of(root, ITEM, "organisatie: gemeente-a", 2)
    expected = (f"{ITEM}:{second}: waarschuwing: veld 'gericht_aan' (nr. 3): de organisatie 'gemeente-a' staat twee keer "
                f"in 'gericht_aan' (ook op regel {first}).")
    assert any(p.startswith(expected) for p in found), found


def test_vorige_in_the_same_edition(tmp_path):
    found, root = problems(tmp_path)
    same = f"{ITEM}:{line_of(root, ITEM, 'vorige: zon')}: waarschuwing: veld 'vorige': 'zon' staat in dezelfde toekomstagenda"
    assert any(p.startswith(same) for p in found), found
    # exactly the four problems of fout.md, all warnings
    assert len(found) == 4 and all(p.startswith(f"{ITEM}:") and ": waarschuwing: " in p for p in found), found


def test_vorige_pointing_to_a_later_edition(tmp_path):
    files = {**SITE, "wijken/noord/toekomstagenda/2019/terug.md": """
        ---
        titel: Terug in de tijd
        status: idee
        vorige: groen-opnieuw
        ---
    """}
    root = write(tmp_path, files)
    found = [str(p) for p in load_site(root).problems.sorted()]
    path = "wijken/noord/toekomstagenda/2019/terug.md"
    assert found == [
        f"{path}:{line_of(root, path, 'vorige:')}: waarschuwing: veld 'vorige': 'groen-opnieuw' komt uit de toekomstagenda "
        f"'2023' (vastgesteld 2023-05-01), die niet ouder is dan deze ('2019', vastgesteld 2019-04-20). 'vorige' wijst naar "
        f"een punt uit een eerdere editie."
    ]


def test_valid_site_has_no_warnings(tmp_path):
    root = write(tmp_path, SITE)
    assert load_site(root).problems.items == []
