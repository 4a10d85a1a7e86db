"""Out-of-range and non-finite values get a specific Dutch message, never the generic one."""

from __future__ import annotations

import pytest

from buurtwiki.content.loader import load_site

from ..helpers import build, render

INIT = "wijken/test-wijk/initiatieven/eetgroep.md"
WIJK = "wijken/test-wijk/index.md"
FONDS = "content/fondsen/f.md"
AGENDA = "wijken/test-wijk/toekomstagenda/a/index.md"
PUNT = "wijken/test-wijk/toekomstagenda/a/p.md"
GENERIC = "kon dit bestand niet verwerken"


def messages(site_dir, files) -> list[str]:
    return [str(p) for p in load_site(site_dir(files)).problems.sorted()]


def only(found: list[str], path: str) -> str:
    mine = [p for p in found if p.startswith(path)]
    assert len(mine) == 1, found
    assert GENERIC not in mine[0] and "Node" not in mine[0]
    return mine[0]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0000-01-01", ["jaar 0", "1500 tot en met 2200", "Bedoel je 1500-01-01?"]),
        ("9999-12-32", ["jaar 9999", "Bedoel je 2200-12-31?"]),
        ("10000-01-01", ["jaar 10000", "Bedoel je 2200-12-31?"]),
        ("2019-02-30", ["februari 2019 heeft 28 dagen", "Bedoel je 2019-02-28?"]),
        ("2019-02-00", ["dag 0 bestaat niet", "Bedoel je 2019-02-01?"]),
        ("2020-12-32", ["december 2020 heeft 31 dagen", "Bedoel je 2020-12-31?"]),
    ],
)
def test_impossible_dates(site_dir, value, expected):
    msg = only(messages(site_dir, {INIT: f"---\ntitel: E\nstatus: actief\nsinds: {value}\n---\n"}), INIT)
    assert msg.startswith(f"{INIT}:4: fout: veld 'sinds': '{value}'"), msg
    for part in expected:
        assert part in msg, msg


def test_impossible_time(site_dir):
    files = {"wijken/test-wijk/activiteiten/a.md": "---\ntitel: A\nstart: 2026-12-01 19:30:75\n---\n"}
    msg = only(messages(site_dir, files), "wijken/test-wijk/activiteiten/a.md")
    assert "geen bestaande tijd" in msg


@pytest.mark.parametrize(
    ("path", "field", "value", "expected"),
    [
        (FONDS, "maximaal_bedrag", "1e400", ["is geen gewoon getal", "Bedoel je 1000000000?"]),
        (FONDS, "maximaal_bedrag", "-1e400", ["is geen gewoon getal", "Bedoel je 0?"]),
        (FONDS, "maximaal_bedrag", "nan", ["is geen gewoon getal", "Bedoel je 0?"]),
        (FONDS, "maximaal_bedrag", "inf", ["is geen gewoon getal"]),
        (WIJK, "inwoners", "999999999999999999999999", ["van 0 tot en met 10000000", "Bedoel je 10000000?"]),
        (WIJK, "inwoners", "1e400", ["is geen gewoon getal", "Bedoel je 10000000?"]),
        (WIJK, "inwoners", "12.5", ["heel getal", "Bedoel je 13?"]),
        (WIJK, "inwoners", "1" * 5000, ["te lang"]),
        (PUNT, "voortgang", "1e999", ["is geen gewoon getal", "van 0 tot en met 100", "Bedoel je 100?"]),
        (PUNT, "voortgang", "NaN", ["is geen gewoon getal", "Bedoel je 0?"]),
        (AGENDA, "horizon", "1e400", ["is geen gewoon getal", "Bedoel je 2200?"]),
        (AGENDA, "deelnemers", "-1e400", ["is geen gewoon getal", "Bedoel je 0?"]),
    ],
)
def test_numbers_out_of_range(site_dir, path, field, value, expected):
    base = {
        AGENDA: "---\ntitel: A\nvastgesteld: 2019-04-20\n---\n",
        PUNT: "---\ntitel: P\nstatus: loopt\n---\n",
        FONDS: "---\ntitel: F\n---\n",
        WIJK: "---\ntitel: T\n---\n",
    }
    lines = base[path].split("\n")
    lines.insert(2, f"{field}: {value}")
    msg = only(messages(site_dir, {**base, path: "\n".join(lines)}), path)
    assert msg.startswith(f"{path}:3: fout: veld '{field}'"), msg
    for part in expected:
        assert part in msg, msg


def test_minus_zero_is_zero_and_nothing_infinite_renders(site_dir):
    root = site_dir({FONDS: "---\ntitel: F\nmaximaal_bedrag: -0\n---\n", "content/fondsen/g.md": "---\ntitel: G\nmaximaal_bedrag: 1e400\n---\n"})
    b = build(root)
    assert not [p for p in b.problems.sorted() if p.path == FONDS]
    assert "€\xa00" in render(b, "fondsen/f.md") or "€ 0" in render(b, "fondsen/f.md")
    other = render(b, "fondsen/g.md")
    assert "∞" not in other and "NaN" not in other and "Maximaal bedrag" not in other


@pytest.mark.parametrize("value", ["[nan, 4.9]", "[52.3, inf]", "'1e400, 4.9'"])
def test_non_finite_places(site_dir, value):
    msg = only(messages(site_dir, {WIJK: f"---\ntitel: T\ncentrum: {value}\n---\n"}), WIJK)
    assert msg.startswith(f"{WIJK}:3: fout: veld 'centrum'") and "verwacht een plaats als [52.37, 4.92]" in msg, msg


def test_long_values_are_cut_off_in_messages(site_dir):
    long = "x" * 15_000
    found = messages(site_dir, {INIT: f"---\ntitel: E\nstatus: {long}\nsinds: {long}\nplekken: [{long}]\n{'y' * 1000}: 1\n---\n[[{'z' * 150}]] [[{'q' * 5000}]]\n"})
    mine = [p for p in found if p.startswith(INIT)]
    assert len(mine) == 5, mine
    assert all(len(p) < 600 for p in mine), [len(p) for p in mine]
