"""Atom 1.0 feeds of recent changes: ``/feeds/wijzigingen.xml`` and ``/wijken/<wijk>/wijzigingen.xml``.

Each entry is one change to one page and links to that page's history (to the row of the
change). Links are absolute when ``site_url`` is set, else relative to the feed's own address
(RFC 4287 resolves them against the feed's URL). Ids are stable URIs: ``urn:uuid:`` made from
the commit and the path at that time, so an entry keeps its id when the page is renamed later.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..content.urls import relative
from .change_rows import ChangeRow
from .history_pages import has_history
from .page import OutputFile
from .recent_changes import SITE_FEED, Listed, listed, wijk_feed, wijk_prefix

if TYPE_CHECKING:
    from ..build import Build

ATOM = "http://www.w3.org/2005/Atom"
ENTRIES = 50
_NAMESPACE = uuid.UUID("5b6d3a2e-8c1f-4f0e-9a57-6b7565727477")  # Buurtwiki's own namespace for ids
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    """Text without the characters XML 1.0 does not allow (control characters in a commit message)."""
    return _NOT_XML.sub("", text)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def _rfc3339(value: dt.datetime) -> str:
    return value.replace(microsecond=0).isoformat()


class _Urls:
    """Absolute URLs with ``site_url``, otherwise relative to the feed file."""

    def __init__(self, build: Build, feed_path: str) -> None:
        self.base = build.options.site_url.rstrip("/") + "/" if build.options.site_url else ""
        self.feed_path = feed_path

    def __call__(self, url: str) -> str:
        """A root-relative URL (``wijken/ohg/``) as seen from the feed."""
        if self.base:
            return self.base + url
        return relative(url, self.feed_path)


def _entry_id(row: ChangeRow) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{row.commit.sha}:{row.change.path}')}"


def _content(item: Listed) -> str:
    row = item.row
    fields = row.described.fields if row.code in ("M", "R") and row.change.path.endswith(".md") else []
    if fields:
        items = Markup("").join(Markup("<li>{}</li>").format(f.text) for f in fields)
        parts = [Markup("<ul>{}</ul>").format(items)]
        if row.described.body_changed:
            parts.append(Markup("<p>De tekst is aangepast.</p>"))
    else:
        parts = [Markup("<p>{}</p>").format(row.what[:1].upper() + row.what[1:] + ".")]
    if row.message:
        parts.append(Markup("<p>Bericht: {}</p>").format(row.message))
    parts.append(Markup("<p>Door {}.</p>").format(row.authors))
    return str(Markup("").join(parts))


def atom(build: Build, feed_path: str, title: str, page_url: str, prefix: str | None) -> bytes:
    """The Atom document for the newest :data:`ENTRIES` changes (under ``prefix``, if given)."""
    url = _Urls(build, feed_path)
    items = listed(build, build.history.recent(ENTRIES, prefix))
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "nl"})
    if url.base:
        feed_id = url(feed_path)
    else:
        feed_id = f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'feed:{build.options.site_name}:{feed_path}')}"
    _sub(feed, "id", feed_id)
    _sub(feed, "title", title)
    _sub(feed, "subtitle", f"De nieuwste {ENTRIES} wijzigingen, met wie wat veranderde.")
    if items:
        updated = items[0].row.when
    else:
        updated = dt.datetime.combine(build.today, dt.time(0), build.tz)
    _sub(feed, "updated", _rfc3339(updated))
    _sub(feed, "link", rel="alternate", type="text/html", href=url(page_url))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=url(feed_path))
    author = _sub(feed, "author")
    _sub(author, "name", build.options.site_name)
    _sub(feed, "generator", "Buurtwiki")
    for item in items:
        row = item.row
        entry = _sub(feed, "entry")
        _sub(entry, "id", _entry_id(row))
        _sub(entry, "title", f"{item.title}: {row.what}")
        _sub(entry, "updated", _rfc3339(row.when))
        _sub(entry, "published", _rfc3339(row.when))
        who = _sub(entry, "author")
        _sub(who, "name", row.author)
        for name in row.coauthors:
            _sub(_sub(entry, "contributor"), "name", name)
        if item.history:
            target = url(item.history + row.anchor)
        elif row.commit_url:
            target = row.commit_url
        else:
            target = url(page_url)
        _sub(entry, "link", rel="alternate", type="text/html", href=target)
        if row.commit_url and target != row.commit_url:
            _sub(entry, "link", rel="related", type="text/html", href=row.commit_url, title=f"commit {row.commit.short_sha}")
        _sub(entry, "summary", f"{row.what} (door {row.authors})", type="text")
        _sub(entry, "content", _content(item), type="html")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def emit(build: Build) -> Iterator[OutputFile]:
    if not has_history(build):
        return
    name = build.options.site_name
    yield OutputFile(
        SITE_FEED,
        content=lambda: atom(build, SITE_FEED, f"Recente wijzigingen – {name}", "recente-wijzigingen/", None),
        media_type="application/atom+xml",
    )
    for wijk in build.site.wijken:
        path = wijk_feed(wijk.slug)
        yield OutputFile(
            path,
            content=partial(
                _wijk_atom, build, path, f"Recente wijzigingen in {wijk.title} – {name}", wijk.slug,
            ),
            media_type="application/atom+xml",
        )


def _wijk_atom(build: Build, path: str, title: str, slug: str) -> bytes:
    return atom(build, path, title, f"wijken/{slug}/recente-wijzigingen/", wijk_prefix(build, slug))
