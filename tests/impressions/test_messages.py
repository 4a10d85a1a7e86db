"""Messages for residents: a wrong date format gets the value in the right form."""

from __future__ import annotations

import pytest

from ..helpers import MINIMAL, build, write


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
