"""The core's regular expressions on hostile text: each stays linear (no backtracking blow-up)."""

from __future__ import annotations

import time

import pytest

from buurtwiki.content.source import split
from buurtwiki.markup.markdown import parse
from buurtwiki.model import fields

N = 60_000  # about the front matter limit
HOSTILE = {
    "url": (fields._URL, "http://" + "a" * N + " "),
    "slug": (fields._SLUG, "a-" * (N // 2) + "-"),
    "date": (fields._DATETIME, "2" * N),
    "number": (fields._DUTCH_NUMBER, "1" + ".000" * (N // 4) + ",0x"),
    "hours": (fields._HOURS, "ma" + ",ma-di" * (N // 6) + " " * 100 + "x"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_field_patterns_fail_fast_on_hostile_text(name):
    pattern, text = HOSTILE[name]
    start = time.perf_counter()
    assert pattern.match(text) is None
    assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize(
    "body",
    [
        "[[" + "a|" * N,  # a wikilink that never closes, full of bars
        "[[a" * (N // 3),  # many openings, none closed
        ("[[" + "b" * 50 + "\n") * (N // 53),
    ],
)
def test_wikilinks_that_never_close_are_linear(body):
    start = time.perf_counter()
    parse(body)
    assert time.perf_counter() - start < 3


def test_front_matter_fence_search_is_linear():
    text = "---\n" + ("--- x\n" + " " * 100 + "\n") * 5000
    start = time.perf_counter()
    split(text)
    assert time.perf_counter() - start < 1
