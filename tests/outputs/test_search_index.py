"""Pagefind runs on the pages it can index, beside the rest of the build (outputs/search_index.py)."""

from __future__ import annotations

import json
import os

from buurtwiki.outputs.search_index import Indexing, link_pages

MARKED = '<html lang="nl"><body><div data-pagefind-body><h1>{0}</h1><p>{0} is een plek.</p></div></body></html>'
PLAIN = '<html lang="nl"><body><h1>Geschiedenis</h1><p>{0} veranderd.</p></body></html>'


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _site_with_history(tmp_path, count=3):
    site = tmp_path / "site"
    for n in range(count):
        write(site / f"plek-{n}" / "index.html", MARKED.format(f"Plek {n}"))
        write(site / f"plek-{n}" / "geschiedenis" / "index.html", PLAIN.format(f"Plek {n}"))
    return site, [site / f"plek-{n}" / "geschiedenis" / "index.html" for n in range(count)]


def test_the_mirror_leaves_out_skipped_pages_other_files_and_the_old_bundle(tmp_path):
    site = tmp_path / "site"
    write(site / "index.html", MARKED.format("Start"))
    write(site / "plek" / "index.html", MARKED.format("Buurthuis"))
    write(site / "plek" / "geschiedenis" / "index.html", PLAIN.format("Buurthuis"))
    write(site / "plek" / "foto.jpg", "geen html")
    write(site / "pagefind" / "oud.html", "oude bundel")
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    count = link_pages(site, mirror, {os.path.normpath(site / "plek" / "geschiedenis" / "index.html")})
    found = sorted(p.relative_to(mirror).as_posix() for p in mirror.rglob("*") if p.is_file())
    assert found == ["index.html", "plek/index.html"] and count == 2
    assert (mirror / "plek" / "index.html").read_text(encoding="utf-8") == MARKED.format("Buurthuis")


def test_the_index_has_every_marked_page_and_no_scratch_folder_is_left(tmp_path):
    site, skip = _site_with_history(tmp_path, count=5)
    assert Indexing(site, skip).start().wait() is None
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["nl"]["page_count"] == 5
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # the scratch folder is gone
    assert (site / "plek-0" / "geschiedenis" / "index.html").is_file()  # the history pages are in place


def test_a_failing_pagefind_gives_a_dutch_warning_and_leaves_the_site(tmp_path, monkeypatch):
    site = tmp_path / "site"
    write(site / "index.html", MARKED.format("Start"))
    monkeypatch.setattr("buurtwiki.outputs.search_index.PAGEFIND", "buurtwiki_bestaat_niet")
    warning = Indexing(site).start().wait()
    assert warning is not None and warning.startswith("mkdocs.yml: waarschuwing: de zoekindex (Pagefind) is niet gemaakt")
    assert (site / "index.html").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_page_removed_while_the_mirror_is_made_is_left_out_not_a_failure(tmp_path, monkeypatch):
    """In serve, the next rebuild may take pages away while the search thread of the previous one
    still mirrors them: that rebuild indexes the site again, so this one goes on without them."""
    site = tmp_path / "site"
    write(site / "index.html", MARKED.format("Start"))
    walk = os.walk

    def listing_with_a_removed_page(top):
        for folder, dirs, names in walk(top):
            yield folder, dirs, [*names, "weg.html"] if folder == str(site) else names

    monkeypatch.setattr(os, "walk", listing_with_a_removed_page)
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    assert link_pages(site, mirror, set()) == 1
    assert sorted(p.name for p in mirror.iterdir()) == ["index.html"]


def test_in_the_background_pagefind_runs_at_a_lower_priority_and_makes_the_same_index(tmp_path):
    """Serve makes the search index after each rebuild; the next rebuild must not wait for CPU."""
    import shutil

    site = tmp_path / "site"
    for n in range(3):
        write(site / f"plek-{n}" / "index.html", MARKED.format(f"Plek {n}"))
    indexing = Indexing(site, background=True).start()
    assert indexing.wait() is None
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["nl"]["page_count"] == 3
    if shutil.which("nice") and os.name == "posix":
        assert indexing._proc is not None and indexing._proc.args[:3] == [shutil.which("nice"), "-n", "10"]


def test_a_build_moves_the_skipped_pages_aside_while_pagefind_runs_and_back_after(tmp_path, monkeypatch):
    """`mkdocs build` gives Pagefind the site itself: the pages it would leave out are moved aside
    (a rename each, no folder of links to make) and are back, unchanged, when the index is made."""
    import subprocess

    site, skip = _site_with_history(tmp_path)
    seen: list[str] = []
    real = subprocess.Popen

    def spy(command, *args, **kwargs):
        folder = command[command.index("--site") + 1]
        seen.append(folder)
        seen.extend(sorted(p.relative_to(folder).as_posix() for p in site.rglob("*.html")))
        return real(command, *args, **kwargs)

    monkeypatch.setattr("buurtwiki.outputs.search_index.subprocess.Popen", spy)
    assert Indexing(site, skip).start().wait() is None
    assert seen == [str(site.resolve()), "plek-0/index.html", "plek-1/index.html", "plek-2/index.html"]
    assert all(path.read_text(encoding="utf-8") == PLAIN.format(f"Plek {n}") for n, path in enumerate(skip))
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["nl"]["page_count"] == 3
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_the_moved_pages_come_back_when_pagefind_fails(tmp_path, monkeypatch):
    site, skip = _site_with_history(tmp_path)
    monkeypatch.setattr("buurtwiki.outputs.search_index.PAGEFIND", "buurtwiki_bestaat_niet")
    assert Indexing(site, skip).start().wait() is not None
    assert all(path.is_file() for path in skip)
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_where_pages_cannot_be_moved_aside_pagefind_gets_a_folder_of_links(tmp_path, monkeypatch):
    """A scratch folder on another disk (a rename cannot cross it): nothing is moved, the index
    is made from a mirror of the other pages, as serve always does."""
    import tempfile

    site, skip = _site_with_history(tmp_path)
    other = "/dev/shm" if os.path.isdir("/dev/shm") and os.stat("/dev/shm").st_dev != os.stat(tmp_path).st_dev else None
    if other is None:
        import pytest

        pytest.skip("no second file system here")
    monkeypatch.setattr(Indexing, "_scratch", lambda self: tempfile.mkdtemp(prefix="buurtwiki-zoeken-", dir=other))
    indexing = Indexing(site, skip).start()
    assert indexing._moved == []
    assert indexing.wait() is None
    assert all(path.read_text(encoding="utf-8") == PLAIN.format(f"Plek {n}") for n, path in enumerate(skip))
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["nl"]["page_count"] == 3


def test_only_files_inside_the_site_are_moved_aside(tmp_path):
    """A path to skip outside the site folder (or a link) is never moved, even for a moment."""
    site, skip = _site_with_history(tmp_path, count=1)
    outside = tmp_path / "buiten.html"
    outside.write_text(PLAIN.format("Buiten"), encoding="utf-8")
    link = site / "link.html"
    link.symlink_to(outside)
    indexing = Indexing(site, [*skip, outside, link]).start()
    moved = [path for path, _ in indexing._moved]
    assert indexing.wait() is None
    assert moved == [os.path.normpath(skip[0].resolve())]
    assert outside.read_text(encoding="utf-8") == PLAIN.format("Buiten") and link.is_symlink()


def test_ctrl_c_while_pages_are_moved_aside_puts_them_back(tmp_path, monkeypatch):
    import pytest

    site, skip = _site_with_history(tmp_path)
    rename, calls = os.rename, []

    def interrupted(source, target):
        calls.append(source)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return rename(source, target)

    monkeypatch.setattr(os, "rename", interrupted)
    with pytest.raises(KeyboardInterrupt):
        Indexing(site, skip).start()
    monkeypatch.setattr(os, "rename", rename)
    assert all(path.read_text(encoding="utf-8") == PLAIN.format(f"Plek {n}") for n, path in enumerate(skip))
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_page_that_cannot_be_put_back_is_kept_and_said(tmp_path, monkeypatch):
    """Should a page not go back (its folder vanished meanwhile), it is not thrown away with the
    scratch folder: the build says where it is."""
    import shutil

    site, skip = _site_with_history(tmp_path, count=2)
    indexing = Indexing(site, skip).start()
    shutil.rmtree(site / "plek-0")  # the folder of the first page is gone while Pagefind runs
    warning = indexing.wait()
    assert warning is not None and "konden na het maken van de zoekindex niet terug" in warning
    kept = [p for p in tmp_path.iterdir() if p.name.startswith(".buurtwiki-zoeken")]
    assert len(kept) == 1 and [p.read_text(encoding="utf-8") for p in kept[0].iterdir()] == [PLAIN.format("Plek 0")]
    assert skip[1].read_text(encoding="utf-8") == PLAIN.format("Plek 1")
