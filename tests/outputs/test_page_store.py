"""The page store's description of the last build (outputs/page_store.py): read back exactly as
written, and anything else (another engine, another format, damage) means: render everything."""

from __future__ import annotations

import json

from buurtwiki.outputs import page_store
from buurtwiki.outputs.affected import snapshot
from buurtwiki.outputs.page_store import FOLDER, STATE, PageStore

from ..helpers import build

FILES = {
    "wijken/test-wijk/plekken/buurthuis.md": "---\ntitel: Buurthuis\nstatus: open\n---\nZie [[moestuin]].\n",
    "wijken/test-wijk/initiatieven/moestuin.md": "---\ntitel: Moestuin\nstatus: actief\n---\nIn het [[buurthuis]].\n",
}


def test_a_snapshot_comes_back_from_disk_as_it_was_written(site_dir, tmp_path):
    current = snapshot(build(site_dir(FILES)))
    store = PageStore(tmp_path / "cache", "engine")
    store["wijken/test-wijk/plekken/buurthuis.md"] = "<p>Buurthuis \udc80</p>"
    store.close(current)
    again = PageStore(tmp_path / "cache", "engine")
    assert again.open() == current
    assert PageStore(tmp_path / "cache", "engine").open() is None  # opened: gone until the build closes it
    assert again["wijken/test-wijk/plekken/buurthuis.md"] == "<p>Buurthuis \udc80</p>"
    assert list(again) == ["wijken/test-wijk/plekken/buurthuis.md"]


def test_another_engine_a_damaged_or_too_large_description_is_no_snapshot(site_dir, tmp_path, monkeypatch):
    current = snapshot(build(site_dir(FILES)))
    PageStore(tmp_path / "cache", "engine").close(current)
    assert PageStore(tmp_path / "cache", "mkdocs.yml veranderd").open() is None
    state = tmp_path / "cache" / FOLDER / STATE
    for damage in ('{"format": 1', "[]", json.dumps({"format": 99}), "1" * 10):
        PageStore(tmp_path / "cache", "engine").close(current)
        state.write_text(damage, encoding="utf-8")
        assert PageStore(tmp_path / "cache", "engine").open() is None, damage
    PageStore(tmp_path / "cache", "engine").close(current)
    monkeypatch.setattr(page_store, "MAX_STATE", 10)
    assert PageStore(tmp_path / "cache", "engine").open() is None


def test_pages_of_a_build_that_no_longer_has_them_are_removed(site_dir, tmp_path):
    current = snapshot(build(site_dir(FILES)))
    store = PageStore(tmp_path / "cache", "engine")
    store["wijken/test-wijk/plekken/buurthuis.md"] = "<p>blijft</p>"
    store["wijken/test-wijk/plekken/weg.md"] = "<p>weg</p>"
    store.close(current)
    assert sorted(p.name for p in (tmp_path / "cache" / FOLDER).iterdir())[-1] == STATE
    assert len(list((tmp_path / "cache" / FOLDER).iterdir())) == 2  # one page and the description
