"""The core's regular expressions on hostile text: each stays linear (no backtracking blow-up)."""

from __future__ import annotations

import time

import pytest

from buurtwiki.content.source import split
from buurtwiki.markup.markdown import parse
from buurtwiki.model import fields, hours

N = 60_000  # about the front matter limit
HOSTILE = {
    "url": (fields._URL, "http://" + "a" * N + " "),
    "slug": (fields._SLUG, "a-" * (N // 2) + "-"),
    "date": (fields._DATETIME, "2" * N),
    "number": (fields._DUTCH_NUMBER, "1" + ".000" * (N // 4) + ",0x"),
    "hours": (hours.HOURS, "ma" + ",ma-di" * (N // 6) + " " * 100 + "x"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_field_patterns_fail_fast_on_hostile_text(name):
    pattern, text = HOSTILE[name]
    start = time.perf_counter()
    assert pattern.match(text) is None
    assert time.perf_counter() - start < 0.5


def _fastest(run, text, repeats=2):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run(text)
        best = min(best, time.perf_counter() - start)
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
    """Twice the text costs about twice the time (a quadratic cost would be 4x). Compared as a
    ratio, so a busy machine does not make the test fail; the absolute bound is generous."""
    count = (N // 4) // len(unit)
    body = ("[[" if unit == "a|" else "") + unit * count
    double = ("[[" if unit == "a|" else "") + unit * (2 * count)
    small, large = _fastest(parse, body), _fastest(parse, double)
    assert large < 3 * small + 0.05, (small, large)
    assert large < 20


def test_front_matter_fence_search_is_linear():
    text = "---\n" + ("--- x\n" + " " * 100 + "\n") * 5000
    start = time.perf_counter()
    split(text)
    assert time.perf_counter() - start < 1
