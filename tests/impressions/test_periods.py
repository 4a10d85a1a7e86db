"""A role's holders as a timeline: who, for which organisation, from when to when, and the gaps
("3 maanden niemand"); driven by the model (``Struct(..., period=...)``), not by field names."""

from __future__ import annotations

import datetime as dt
import re

from buurtwiki.model.fields import Date, Field, ListOf, Ref, Struct, Text
from buurtwiki.model.schema import DEFAULT_REGISTRY
from buurtwiki.model.types import EntityType
from buurtwiki.outputs.periods import Gap, Stint, duration, timeline

from ..helpers import MINIMAL, TODAY, build, render, write
from ..outputs.history_repo import ANOUK, BRAM, Repo
from ..outputs.history_repo import build as build_with_history
from ..outputs.history_repo import render as render_with_history

D = dt.date
PERIOD = ("van", "tot")
DOCK = "content/organisaties/dock.md"
ROL = "wijken/test-wijk/rollen/opbouwwerker.md"
ORGS = {
    DOCK: "---\ntitel: DOCK\nsoort: welzijnsorganisatie\n---\nWelzijn.\n",
    "content/organisaties/swo.md": "---\ntitel: Stichting Welzijn Oost\nsoort: welzijnsorganisatie\n---\nWelzijn.\n",
}
TENDER = """---
titel: Opbouwwerker
soort: opbouwwerker
bezetting:
  - naam: Youssef
    organisatie: swo
    van: 2021-04-01
  - naam: Mirjam
    organisatie: dock
    van: 2015-01-01
    tot: 2020-12-31
  - organisatie: dock
    van: 2013-05-01
    tot: 2014-12-31
---
Na de aanbesteding van 2021 ging het opbouwwerk naar een andere organisatie.
"""


def shape(items) -> list[str]:
    return [f"gap {i.length}" if isinstance(i, Gap) else f"{i.row.get('naam', '?')} {i.length}" for i in items]


def test_durations_in_words():
    assert duration(D(2021, 1, 1), D(2021, 4, 1)) == "3 maanden"
    assert duration(D(2015, 1, 1), D(2021, 1, 1)) == "6 jaar"
    assert duration(D(2020, 1, 1), D(2021, 3, 1)) == "1 jaar en 2 maanden"
    assert duration(D(2021, 1, 1), D(2021, 1, 13)) == "12 dagen"
    assert duration(D(2021, 1, 1), D(2021, 2, 1)) == "1 maand"


def test_gaps_between_holders_and_after_the_last():
    rows = [
        {"naam": "B", "van": D(2021, 4, 1), "tot": D(2023, 12, 31)},
        {"naam": "A", "van": D(2015, 1, 1), "tot": D(2020, 12, 31)},
    ]
    items = timeline(rows, PERIOD, TODAY)
    assert shape(items) == ["A 6 jaar", "gap 3 maanden", "B 2 jaar en 9 maanden", "gap 2 jaar en 10 maanden"]
    assert (items[1].start, items[1].end) == (D(2021, 1, 1), D(2021, 3, 31))
    assert items[-1].end is None  # "sinds 1 januari 2024 niemand, tot nu"


def test_no_gap_made_up_for_an_unknown_end_or_overlap_and_the_holder_today():
    rows = [
        {"naam": "A", "van": D(2015, 1, 1)},  # no end, but B came after: it ended then
        {"naam": "B", "van": D(2018, 1, 1), "tot": D(2022, 6, 30)},
        {"naam": "C", "van": D(2022, 1, 1)},  # overlaps B, still there
        {"naam": "D"},  # no start: last, without dates
    ]
    items = timeline(rows, PERIOD, TODAY)
    assert shape(items) == ["A ", "B 4 jaar en 6 maanden", "C 4 jaar en 10 maanden", "D "]
    assert [i.current for i in items if isinstance(i, Stint)] == [False, False, True, False]


def test_role_page_shows_an_ordered_timeline_with_links_dutch_dates_and_the_gap(tmp_path):
    b = build(write(tmp_path, {**ORGS, ROL: TENDER}, MINIMAL))
    assert [str(p) for p in b.problems.items] == []
    html = render(b, ROL)
    section = html[html.index('id="bezetting"'):]
    section = section[: section.index("</ol>")]
    items = re.findall(r"<li class=\"bw-event bw-period[^\"]*\">(.*?)</li>", section, re.S)
    text = [" ".join(re.sub(r"<[^>]+>", "", i).split()) for i in items]
    assert text == [
        "1 mei 2013 – 31 december 2014 (1 jaar en 8 maanden) In dienst van DOCK",
        "1 januari 2015 – 31 december 2020 (6 jaar) Mirjam, in dienst van DOCK",
        "1 januari 2021 – 31 maart 2021 3 maanden niemand",
        "1 april 2021 – nu (5 jaar en 7 maanden) Youssef, in dienst van Stichting Welzijn Oost",
    ]
    assert 'href="../../../../organisaties/swo/"' in section and '<time datetime="2021-04-01">' in section
    assert "<ol class=\"bw-timeline\">" in section  # semantic: an ordered list, no script
    # no longer run-on text in the facts box
    assert "Naam:" not in html and "bw-struct" not in html


def test_any_type_with_a_period_list_gets_a_timeline(tmp_path):
    """Driven by the model: a new type with a period group gets the timeline with no other code."""
    ploeg = EntityType("ploeg", "Ploeg", "Ploegen", "ploegen", [
        Field("titel", Text(), required=True, label="Titel"),
        Field("trekkers", ListOf(Struct([
            Field("wie", Text(), label="Wie"),
            Field("namens", Ref(("organisatie",)), label="Namens"),
            Field("begin", Date(), required=True, label="Begin"),
            Field("einde", Date(), label="Einde"),
        ], period=("begin", "einde"))), label="Trekkers", relation="namens"),
    ], sections=frozenset({"trekkers"}))
    registry = DEFAULT_REGISTRY.with_types(ploeg)
    page = "wijken/test-wijk/ploegen/groen.md"
    text = ("---\ntitel: Groenploeg\ntrekkers:\n  - wie: Ans\n    namens: dock\n    begin: 2020-01-01\n"
            "    einde: 2020-06-30\n  - wie: Bo\n    begin: 2021-01-01\n    einde: 2021-12-31\n---\nGroen.\n")
    b = build(write(tmp_path, {**ORGS, page: text}, MINIMAL), registry=registry)
    assert [str(p) for p in b.problems.items] == []
    html = render(b, page)
    assert 'id="trekkers"' in html and "6 maanden niemand" in html and "4 jaar en 10 maanden niemand, tot nu" in html
    assert "<strong>Ans</strong>, namens <a" in html


def test_history_tells_a_holders_rows_apart_by_the_types_row_keys(tmp_path):
    repo = Repo(tmp_path)
    repo.write("content/index.md", "---\ntitle: Test\n---\nWelkom.\n")
    repo.write("wijken/test-wijk/index.md", "---\ntitel: Testwijk\n---\nDe wijk.\n")
    for path, text in ORGS.items():
        repo.write(path, text)
    first = TENDER.replace("    tot: 2020-12-31\n", "")
    repo.write(ROL, first)
    repo.commit("Opbouwwerker", ANOUK)
    repo.write(ROL, TENDER)
    repo.commit("Einddatum van Mirjam", BRAM)
    history = render_with_history(build_with_history(tmp_path), "wijken/test-wijk/rollen/opbouwwerker/geschiedenis.md")
    assert "bezetting (Mirjam, dock, 2015-01-01): tot: 2020-12-31" in history
