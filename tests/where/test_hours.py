"""Opening hours: one grammar (the hours kind) for validation and for the week table on place pages."""

from __future__ import annotations

import time

from buurtwiki.model.kinds.hours import HoursLine, parse_hours
from buurtwiki.outputs.hours_table import week

from ..helpers import build, render
from .sites import WIJK


def test_lines_become_days_and_times():
    assert parse_hours("ma-vr 09:00-17:00") == HoursLine(("ma", "di", "wo", "do", "vr"), "09:00", "17:00")
    assert parse_hours("wo, za 9:30-12:00") == HoursLine(("wo", "za"), "9:30", "12:00")
    assert parse_hours("za-ma 10:00-14:00") == HoursLine(("ma", "za", "zo"), "10:00", "14:00")
    assert parse_hours("elke dag") is None


def test_long_or_hostile_lines_are_refused_quickly():
    start = time.perf_counter()
    assert parse_hours("ma," * 50_000 + " 09:00-17:00") is None
    assert parse_hours("ma" + ", ma" * 60 + " 09:00-17:00" + "x") is None
    assert time.perf_counter() - start < 0.5


def test_week_table_on_the_place_page(site_dir):
    assert week(["ma-vr 09:00-17:00", "wo 19:00-22:00"])[2] == ("woensdag", ["09:00–17:00", "19:00–22:00"])
    assert week(["za 9:30-12:00"])[5] == ("zaterdag", ["09:30–12:00"])
    html = render(build(site_dir(WIJK)), "wijken/test-wijk/plekken/buurthuis.md")
    table = html[html.index('class="bw-hours"'):]
    assert "<th scope=\"row\">woensdag</th><td>09:00–17:00, 19:00–22:00</td>" in table
    assert "<th scope=\"row\">zondag</th><td>gesloten</td>" in table


def test_validation_uses_the_same_grammar(site_dir):
    page = {"wijken/test-wijk/plekken/p.md": "---\ntitel: P\nstatus: open\nopeningstijden: [ma-vr 09:00-17:00, elke dag]\n---\nx\n"}
    b = build(site_dir(page))
    [problem] = [p for p in b.problems.items if p.path.endswith("p.md")]
    assert "'elke dag' is geen geldige openingstijd" in problem.message
