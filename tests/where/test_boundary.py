"""A resident's ``grens`` file is untrusted: read with bounds, bad files are a Dutch warning and the
wijk is shown without a boundary; the rest of the site still builds."""

from __future__ import annotations

import pytest

from buurtwiki.content import boundary

from ..helpers import build
from .sites import WIJK


@pytest.mark.parametrize(("text", "words"), [
    ("[" * 100_000 + "]" * 100_000, "geen geldige JSON"),
    ('{"type": "Polygon", "coordinates": [[["a", 1], [1, 2], [2, 3], ["a", 1]]]}', "iets anders dan een getal"),
    ('{"type": "Polygon", "coordinates": [[[400, 1], [1, 2], [2, 3], [400, 1]]]}', "ligt niet op aarde"),
    ('{"type": "Point", "coordinates": [4.9, 52.3]}', "geen Polygon of MultiPolygon"),
    ("niet eens json", "geen geldige JSON"),
])
def test_bad_boundary_is_a_dutch_warning_and_the_site_builds(site_dir, text, words):
    b = build(site_dir({**WIJK, "wijken/test-wijk/grens.geojson": text}))
    messages = [str(p) for p in b.problems.sorted() if "grens" in p.message]
    assert len(messages) == 1, messages
    assert messages[0].startswith("wijken/test-wijk/index.md:3: waarschuwing: veld 'grens'") and words in messages[0]
    assert b.outputs.files["data/wijken.geojson"].data() == b'{"type":"FeatureCollection","features":[]}'
    assert "kaart/index.md" in b.outputs.pages


def test_too_many_points_are_refused(site_dir, monkeypatch):
    monkeypatch.setattr(boundary, "MAX_POINTS", 3)
    b = build(site_dir(WIJK))
    assert any("meer dan 3 punten" in p.message for p in b.problems.items)


def test_too_large_a_file_is_refused_before_parsing(site_dir, monkeypatch):
    monkeypatch.setattr(boundary, "MAX_BYTES", 100)
    b = build(site_dir(WIJK))
    assert any("groter dan" in p.message for p in b.problems.items)
