"""Atom feeds of recent changes: valid Atom 1.0, entries that link to the history page."""

from __future__ import annotations

import datetime as dt
import posixpath
import xml.etree.ElementTree as ET

import pytest

from buurtwiki.outputs import feeds

from .history_repo import BRAM, Repo, build, initiatief, story, wijk

A = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("feeds")
    repo = story(root)
    repo.write("wijken/noord/index.md", wijk("Noord"))
    repo.commit("Noord <script>alert(1)</script> & \x01 co", BRAM)
    return repo, build(root)


def parse(b, path: str) -> ET.Element:
    root = ET.fromstring(b.outputs.files[path].data())
    assert root.tag == f"{A}feed"
    return root


def rfc3339(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text)
    assert value.tzinfo is not None, text
    return value


def check_atom(feed: ET.Element) -> list[ET.Element]:
    """The elements RFC 4287 requires: feed id, title, updated, author; entry id, title, updated, link."""
    assert feed.findtext(f"{A}id").startswith(("urn:uuid:", "https://"))
    assert feed.findtext(f"{A}title")
    rfc3339(feed.findtext(f"{A}updated"))
    assert feed.find(f"{A}author/{A}name") is not None
    assert feed.find(f"{A}link[@rel='self']") is not None
    entries = feed.findall(f"{A}entry")
    ids = [e.findtext(f"{A}id") for e in entries]
    assert len(ids) == len(set(ids)), "entry ids are unique"
    for entry in entries:
        assert entry.findtext(f"{A}id").startswith("urn:uuid:")
        assert entry.findtext(f"{A}title")
        rfc3339(entry.findtext(f"{A}updated"))
        assert entry.find(f"{A}author/{A}name").text
        assert entry.find(f"{A}link[@rel='alternate']").get("href")
        assert entry.find(f"{A}content").get("type") == "html"
    times = [rfc3339(e.findtext(f"{A}updated")) for e in entries]
    assert times == sorted(times, reverse=True)
    return entries


def test_site_feed_is_valid_atom(site):
    _repo, b = site
    feed = parse(b, "feeds/wijzigingen.xml")
    entries = check_atom(feed)
    assert len(entries) == 13  # every change in the story, no more than 50
    assert feed.find(f"{A}link[@rel='alternate']").get("href") == "../recente-wijzigingen/"
    assert rfc3339(feed.findtext(f"{A}updated")) == rfc3339(entries[0].findtext(f"{A}updated"))


def test_entries_link_to_the_row_on_the_history_page(site):
    _repo, b = site
    entries = parse(b, "feeds/wijzigingen.xml").findall(f"{A}entry")
    rename = next(e for e in entries if "hernoemd" in e.findtext(f"{A}title"))
    href = rename.find(f"{A}link[@rel='alternate']").get("href")
    assert href == "../wijken/ohg/initiatieven/buurteettafel/geschiedenis/#versie-4"
    target = posixpath.normpath(posixpath.join("feeds", href.split("#")[0]))
    assert target + "/" in {p.url for p in b.outputs.pages.values() if p.kind == "history"}
    status = next(e for e in entries if "status: actief → slapend" in e.findtext(f"{A}title"))
    assert status.find(f"{A}author/{A}name").text == "Bram Jansen"
    assert [c.findtext(f"{A}name") for c in status.findall(f"{A}contributor")] == ["Chaima El Idrissi"]
    assert "<li>status: actief → slapend</li>" in status.findtext(f"{A}content")


def test_text_is_escaped_and_control_characters_removed(site):
    _repo, b = site
    raw = b.outputs.files["feeds/wijzigingen.xml"].data()
    assert b"<script>" not in raw
    entry = parse(b, "feeds/wijzigingen.xml").findall(f"{A}entry")[0]
    content = entry.findtext(f"{A}content")  # HTML as text: the message is escaped inside it
    assert "Bericht: Noord &lt;script&gt;alert(1)&lt;/script&gt; &amp;  co</p>" in content


def test_wijk_feed_has_only_the_wijk(site):
    _repo, b = site
    ohg = check_atom(parse(b, "wijken/ohg/wijzigingen.xml"))
    noord = check_atom(parse(b, "wijken/noord/wijzigingen.xml"))
    assert len(noord) == 1 and len(ohg) == 10  # of 13: two are under content/
    href = noord[0].find(f"{A}link[@rel='alternate']").get("href")
    assert href == "geschiedenis/#versie-1"  # relative to /wijken/noord/wijzigingen.xml


def test_absolute_links_and_ids_with_site_url(tmp_path):
    story(tmp_path)
    b = build(tmp_path, site_url="https://buurt.example.org/wiki/", repo_url="https://github.com/buurt/wiki")
    feed = parse(b, "feeds/wijzigingen.xml")
    check_atom(feed)
    assert feed.findtext(f"{A}id") == "https://buurt.example.org/wiki/feeds/wijzigingen.xml"
    assert feed.find(f"{A}link[@rel='self']").get("href") == "https://buurt.example.org/wiki/feeds/wijzigingen.xml"
    entry = feed.find(f"{A}entry")
    assert entry.find(f"{A}link[@rel='alternate']").get("href").startswith("https://buurt.example.org/wiki/wijken/ohg/")
    assert entry.find(f"{A}link[@rel='related']").get("href").startswith("https://github.com/buurt/wiki/commit/")


def test_ids_stay_the_same_across_builds_and_renames(tmp_path):
    repo = story(tmp_path)
    first = {e.findtext(f"{A}id") for e in parse(build(tmp_path), "feeds/wijzigingen.xml").findall(f"{A}entry")}
    repo.git("mv", "wijken/ohg/plekken/buurthuis.md", "wijken/ohg/plekken/wijkhuis.md")
    repo.commit("Nieuwe naam")
    second = {e.findtext(f"{A}id") for e in parse(build(tmp_path), "feeds/wijzigingen.xml").findall(f"{A}entry")}
    assert len(second - first) == 1  # only the new change is new


def test_at_most_fifty_entries(tmp_path):
    repo = Repo(tmp_path)
    repo.write("wijken/ohg/index.md", wijk())
    for n in range(feeds.ENTRIES + 5):
        repo.write("wijken/ohg/initiatieven/druk.md", initiatief("Druk", body=f"Versie {n}."))
        repo.commit(f"Versie {n}")
    b = build(tmp_path)
    entries = check_atom(parse(b, "feeds/wijzigingen.xml"))
    assert len(entries) == feeds.ENTRIES
    assert entries[0].find(f"{A}link[@rel='alternate']").get("href").endswith(f"#versie-{feeds.ENTRIES + 5}")
