"""The core's regular expressions on hostile text: each stays linear (no backtracking blow-up)."""

from __future__ import annotations

import re
import time  # process_time: CPU time of this process, so other jobs on the machine do not count

import pytest

from buurtwiki.content.source import split
from buurtwiki.markup.markdown import parse
from buurtwiki.model.kinds import choices, dates, hours, numbers, places, refs, text

N = 60_000  # about the front matter limit
HOSTILE = {
    "url": (text.URL_TEXT, "http://" + "a" * N + " "),
    "slug": (refs.SLUG_TEXT, "a-" * (N // 2) + "-"),
    "ref": (refs.ref_text(("plek", "organisatie")), "plek:" + "a-" * (N // 2) + "-"),
    "date": (dates.DATETIME_TEXT, "2" * N),
    "number": (numbers.NUMBER_TEXT, "1" + ".000" * (N // 4) + ",0x"),
    "plain number": (numbers.NUMBER_TEXT, "1" * N + "e"),
    "hours": (hours.HOURS_TEXT, "ma" + ",ma-di" * (N // 6) + " " * 100 + "x"),
    "latlon": (places.LATLON_TEXT, "[" + "1" * N + " , " + "2" * N + "x"),
    "file": (places.file_text((".geojson", ".json")), "a/" * (N // 2) + ".jso"),
    "rrule": (choices.RRULE_TEXT, "FREQ=WEEKLY" + ";BYDAY=TU" * (N // 9) + ";x"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_field_patterns_fail_fast_on_hostile_text(name):
    """The parser's fullmatch and the schema's anchored pattern (jsonschema searches) both stay fast."""
    pattern, hostile = HOSTILE[name]
    start = time.process_time()
    assert re.fullmatch(pattern, hostile) is None
    assert re.search(f"^(?:{pattern})$", hostile) is None
    assert time.process_time() - start < 0.5


def _fastest(run, text, repeats=2):
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        run(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize(
    "unit",
    [
        "a|",  # a wikilink that never closes, full of bars (prefixed with [[)
        "[[a",  # many openings, none closed
        "[[" + "b" * 50 + "\n",
    ],
)
def test_wikilinks_that_never_close_are_linear(unit):
    """Four times the text costs about four times the time; a quadratic cost would be 16 times.
    Compared as a ratio with room for a busy machine (8 times), and with a generous absolute bound."""
    count = (N // 8) // len(unit)
    prefix = "[[" if unit == "a|" else ""
    small = _fastest(parse, prefix + unit * count, repeats=3)
    large = _fastest(parse, prefix + unit * (4 * count), repeats=3)
    assert large < 8 * small + 0.1, (small, large)
    assert large < 20


def test_front_matter_fence_search_is_linear():
    text = "---\n" + ("--- x\n" + " " * 100 + "\n") * 5000
    start = time.process_time()
    split(text)
    assert time.process_time() - start < 1
