"""A one-off activity whose day has passed reads "geweest", not "gepland": one rule in the model."""

from __future__ import annotations

import datetime as dt

from buurtwiki.model.lifecycle import activity_state

from ..helpers import MINIMAL, build, render, write


def activiteit(start: str, extra: str = "") -> str:
    return f"---\ntitel: Buurttop\nstart: {start}\n{extra}---\nWij praten.\n"


def badge(html: str) -> str:
    start = html.index('<span class="bw-badge')
    return html[start : html.index("</span>", start)]


def test_past_one_off_activity_page_reads_geweest(tmp_path):
    write(tmp_path, {
        "wijken/test-wijk/activiteiten/top-2019.md": activiteit("2019-04-13 10:00", "einde: 2019-04-13 16:00\nstatus: gepland\n"),
        "wijken/test-wijk/activiteiten/top-later.md": activiteit("2027-04-13 10:00"),
        "wijken/test-wijk/activiteiten/afgelast.md": activiteit("2019-04-13 10:00", "status: afgelast\n"),
        "wijken/test-wijk/activiteiten/wekelijks.md": activiteit("2019-04-13 10:00", "herhaling: wekelijks\n"),
    }, MINIMAL)
    b = build(tmp_path)
    assert "geweest" in badge(render(b, "wijken/test-wijk/activiteiten/top-2019.md"))
    assert "gepland" in badge(render(b, "wijken/test-wijk/activiteiten/top-later.md"))
    assert "afgelast" in badge(render(b, "wijken/test-wijk/activiteiten/afgelast.md"))
    assert "gepland" in badge(render(b, "wijken/test-wijk/activiteiten/wekelijks.md"))


def test_the_rule_ends_with_the_last_day_not_the_first(tmp_path):
    write(tmp_path, {"wijken/test-wijk/activiteiten/kamp.md": activiteit("2026-11-19 10:00", "einde: 2026-11-22 16:00\n")}, MINIMAL)
    b = build(tmp_path)  # today is 21 november 2026
    entity = b.site.by_path["wijken/test-wijk/activiteiten/kamp.md"]
    assert activity_state(entity.type, entity.data, dt.date(2026, 11, 21)) == "gepland"
    assert activity_state(entity.type, entity.data, dt.date(2026, 11, 23)) == "geweest"


def test_the_wijk_overview_lists_a_past_one_off_activity_under_eerder_not_gepland(tmp_path):
    write(tmp_path, {
        "wijken/test-wijk/activiteiten/top-2019.md": activiteit("2019-04-13 10:00", "status: gepland\n"),
        "wijken/test-wijk/activiteiten/top-later.md": activiteit("2027-04-13 10:00").replace("Buurttop", "Later"),
    }, MINIMAL)
    b = build(tmp_path)
    html = render(b, "wijken/test-wijk/activiteiten/index.md")
    planned, earlier = html.index("Gepland"), html.index("Eerder")
    assert planned < html.index("Later") < earlier < html.index("Buurttop")  # the 2019 one only under "Eerder"
    assert "Gepland <span" in html and "(1)" in html[planned:earlier]

