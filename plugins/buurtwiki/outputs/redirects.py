"""Old addresses of renamed pages: a small page at each one that sends the reader on.

History knows every rename (``oud.md`` -> ``nieuw.md``, and later ``nieuw.md`` -> ``nieuwst.md``).
Each old address gets a page "Deze pagina is verhuisd naar …" with a canonical link and a meta
refresh to where the page is today, so old links (in letters, e-mails, other sites) keep working.

Security: a file name comes from a resident's pull request. The old address is only used when it
is one the core itself would publish (every folder and file name checked), never where another
page, file or a reserved folder is, and the target is the relative URL the core builds for the
page as it is today: never text from a file. Everything in the page is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING
from urllib.parse import quote

from markupsafe import Markup

from ..content.paths import LocationError, file_url_of, locate_content_file, locate_wijk_file, url_of
from ..content.urls import relative
from .page import OutputFile

if TYPE_CHECKING:
    from ..build import Build

# One folder or file name of an old address: no dot files, no "..", no spaces or quotes.
SAFE_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,99}(?:\.md)?$")
RESERVED = ("assets/", "search/", "feeds/", "data/", "admin/", "404", "sitemap", "index.html")
URL_SAFE = "/-_.~"
MEDIA_TYPE = "text/html"  # with the emitter last, a file at an old address is this one


@dataclass(frozen=True)
class Redirect:
    old_url: str  # root-relative address as published (directory style or ``x.html``)
    file: str  # the file written: ``old/index.html`` or ``old.html``
    target_url: str  # root-relative address of the page today, as published
    title: str  # the page's title today


def old_src_uri(build: Build, path: str) -> str | None:
    """The source path (as MkDocs sees it) a page at ``path`` had, if the core would publish it."""
    if not path.endswith(".md") or len(path) > 400 or not all(SAFE_PART.match(p) for p in path.split("/")):
        return None
    options = build.options
    registry = build.site.registry
    try:
        if path.startswith(f"{options.wijken_dir}/"):
            return locate_wijk_file(path[len(options.wijken_dir) + 1 :], registry).src_uri
        if path.startswith(f"{options.docs_dir}/"):
            return locate_content_file(path[len(options.docs_dir) + 1 :], registry).src_uri
    except LocationError:
        return None
    return None


def _published(build: Build, src_uri: str) -> tuple[str, str]:
    """(address, file) of a page at ``src_uri``."""
    if build.options.use_directory_urls:
        url = url_of(src_uri)
        return url, url + "index.html"
    url = file_url_of(src_uri)
    return url, url


def _taken(build: Build, src_uri: str, file: str, taken: set[str]) -> bool:
    """Whether anything else is (or may be) published at this address."""
    outputs = build.outputs
    if src_uri in outputs.pages or file in outputs.files or file in taken or url_of(src_uri) in taken:
        return True
    return file.startswith(RESERVED) or src_uri in build.site.published


def find(build: Build) -> list[Redirect]:
    """Every old address of a page that exists today, newest rename first, each address once."""
    if build.history is None:
        return []
    site = build.site
    found: list[Redirect] = []
    taken = {page.url for page in build.outputs.pages.values()}  # every page's address, once
    for item in build.history.recent():
        change = item.change
        if change.code != "R" or change.old_path is None or not build.history.exists(item.page):
            continue
        target = site.by_path.get(item.page)
        src_uri = old_src_uri(build, change.old_path)
        if target is None or src_uri is None:
            continue
        old_url, file = _published(build, src_uri)
        if _taken(build, src_uri, file, taken):
            continue
        taken.add(file)
        title = getattr(target, "title", None) or target.url
        found.append(Redirect(old_url, file, build.public_url(target.url), str(title)))
    return found


def page_html(build: Build, redirect: Redirect) -> str:
    """The page at the old address; ``target`` is a relative URL made here, percent-encoded."""
    target = quote(relative(redirect.target_url, redirect.old_url), safe=URL_SAFE)
    site_url = build.options.site_url.rstrip("/")
    canonical = f"{site_url}/{quote(redirect.target_url, safe=URL_SAFE)}" if site_url else target
    return Markup(
        '<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Verhuisd: {title} - {site}</title>\n"
        '<link rel="canonical" href="{canonical}">\n'
        '<meta name="robots" content="noindex">\n'
        '<meta http-equiv="refresh" content="0; url={target}">\n'
        "</head>\n<body>\n<main>\n<h1>Deze pagina is verhuisd</h1>\n"
        '<p>Deze pagina is verhuisd naar <a href="{target}">{title}</a>.</p>\n'
        "<p>Je gaat vanzelf naar het nieuwe adres. Gebeurt dat niet? Klik dan op de link.</p>\n"
        "</main>\n</body>\n</html>\n"
    ).format(title=redirect.title, site=build.options.site_name, canonical=canonical, target=target)


def redirect_from(build: Build, old_path: str) -> str | None:
    """The old address (as published) of a renamed page's earlier path, if a page is written there."""
    src_uri = old_src_uri(build, old_path)
    if src_uri is None:
        return None
    old_url, file = _published(build, src_uri)
    found = build.outputs.files.get(file)
    return old_url if found is not None and found.media_type == MEDIA_TYPE else None


def emit(build: Build) -> Iterator[OutputFile]:
    for redirect in find(build):
        yield OutputFile(redirect.file, content=partial(page_html, build, redirect), media_type=MEDIA_TYPE)

