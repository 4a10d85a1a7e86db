"""Which of a resident's files may be published: the one rule for `buurtwiki check` and every adapter.

Every byte of a pull request is untrusted, so a file is published only when this module says so
(deny by default):

- a symbolic link (to a file or a folder, anywhere) is refused and never read or followed: it could
  point at ``/etc/passwd`` or at ``.git/config``, which holds the token of the CI checkout;
- only the file types in :data:`ALLOWED` are published as they are; HTML, SVG, JavaScript, CSS, XML
  and anything else that a browser could run or that could pose as a page of the site is refused;
- ``.md`` files are pages; ``.MD``, ``.markdown`` and the like are refused (MkDocs would copy them
  verbatim), with the advice to rename them;
- folders and files used by the theme and by Buurtwiki itself (:data:`RESERVED`) cannot be
  replaced from the docs folder;
- hidden files and folders (a name starting with ``.``) are skipped without a message, and the data
  files in :data:`DATA_FILES` (``themas.yml``) are read by Buurtwiki but never published.

The folder is walked without following links, so the walk is bounded by what the repository holds.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..model.text import is_address
from ..model.words import slugify

PAGE_SUFFIX = ".md"
# Published verbatim. Nothing here can run script in a browser on the site's origin.
ALLOWED = (
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif",  # images (not SVG: it can hold script)
    ".pdf", ".geojson", ".txt", ".csv",  # documents and data
    ".odt", ".ods", ".docx", ".xlsx",  # office files (without macros)
)
ALLOWED_WORDS = ", ".join(s[1:] for s in ALLOWED)
MARKDOWN_LIKE = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".mdtext", ".mdtxt", ".text")
DATA_FILES = ("themas.yml",)  # in the docs folder itself: data for Buurtwiki, never published
# In the docs folder itself: used by the theme (Material) and by Buurtwiki's own outputs.
RESERVED = ("assets", "search", "pagefind", "data", "feeds", "sitemap.xml", "sitemap.xml.gz", "404.html", "objects.inv")
MAX_PAGE_BYTES = 2 * 1024 * 1024
MAX_FILE_BYTES = 25 * 1024 * 1024
# Bounds on a whole folder. Ordinary pages carry the whole menu (Material's navigation), so their cost
# grows with their number squared: 1,000 one-line pages were 109 s and 252 MB of site.
MAX_ORDINARY_PAGES = 500
# Pages and files in one folder (content/ or the whole wijken/ tree). A large city's site is about 10,000
# pages (the benchmark's largest size builds in well under a minute); twice that is still bounded.
MAX_FILES = 25_000
MAX_TOTAL_BYTES = 500 * 1024 * 1024  # of everything published from one folder (GitHub Pages allows 1 GB)

SYMLINK = (
    "dit is een snelkoppeling (symlink); Buurtwiki publiceert geen snelkoppelingen. "
    "Zet het echte bestand (of de echte map met bestanden) hier neer."
)

NAME = (
    "de naam van dit bestand of deze map bevat een onzichtbaar teken (zoals een regeleinde of tab), "
    "hier getoond als ?. Geef het een naam met alleen letters, cijfers en streepjes."
)
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


@dataclass
class Listing:
    """What one folder holds, as paths relative to that folder (with ``/``)."""

    pages: list[str] = field(default_factory=list)  # .md files
    files: list[str] = field(default_factory=list)  # other files, published as they are
    data: list[str] = field(default_factory=list)  # read by Buurtwiki, never published
    problems: list[tuple[str, str]] = field(default_factory=list)  # (relative path, Dutch message)
    max_pages: int = MAX_FILES
    total_bytes: int = 0

    @property
    def published(self) -> frozenset[str]:
        return frozenset(self.pages) | frozenset(self.files)


def list_folder(
    folder: Path, reserved: tuple[str, ...] = (), data: tuple[str, ...] = (), max_pages: int = MAX_FILES
) -> Listing:
    """Every file below ``folder`` sorted into pages, published files, data files and problems.

    ``reserved`` and ``data`` are names in the folder itself (not in subfolders).
    Symbolic links are reported and never followed or read, not even to see where they point.
    """
    listing = Listing(max_pages=max_pages)
    if folder.is_symlink():
        listing.problems.append(("", SYMLINK))
        return listing
    if not folder.is_dir():
        return listing
    stack = [""]
    while stack:
        rel_dir = stack.pop()
        with os.scandir(folder / rel_dir if rel_dir else folder) as entries:
            items = sorted(entries, key=lambda e: e.name)
        for entry in items:
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            if entry.name.startswith("."):
                continue  # hidden: never published, nothing to report
            if _UNPRINTABLE.search(entry.name):
                listing.problems.append((_UNPRINTABLE.sub("?", rel), NAME))  # could forge lines of the report
            elif entry.is_symlink():
                listing.problems.append((rel, SYMLINK))  # never followed, not even to see what it is
            elif _names_address(entry.name, entry.is_dir(follow_symlinks=False)):
                listing.problems.append((rel, ADDRESS_NAME))  # it would be in the page's address, links and feeds
            elif not rel_dir and (entry.name in reserved or _page_name(entry.name) in reserved):
                listing.problems.append((rel, _reserved(entry.name)))  # sitemap.xml.md is at sitemap.xml/
            elif entry.is_dir(follow_symlinks=False):
                stack.append(rel)
            elif not rel_dir and entry.name in data and entry.is_file(follow_symlinks=False):
                listing.data.append(rel)
            else:
                _sort_file(listing, rel, entry)
    listing.pages.sort()
    listing.files.sort()
    listing.problems.sort()
    return listing


def _sort_file(listing: Listing, rel: str, entry: os.DirEntry) -> None:
    info = entry.stat(follow_symlinks=False)
    problem = file_problem(rel, info) or _over_bounds(listing, rel, info.st_size)
    if problem:
        listing.problems.append((rel, problem))
    elif rel.endswith(PAGE_SUFFIX):
        listing.pages.append(rel)
    else:
        listing.files.append(rel)


def _over_bounds(listing: Listing, rel: str, size: int) -> str | None:
    """Why one more file would make the folder too big (files are counted in the order of the walk)."""
    page = rel.endswith(PAGE_SUFFIX)
    if page and len(listing.pages) >= listing.max_pages:
        return (f"deze map heeft meer dan {listing.max_pages} pagina's; de pagina's na de {listing.max_pages}e "
                "worden niet gepubliceerd. Voeg pagina's samen of vraag de beheerders van de site om hulp.")
    if len(listing.pages) + len(listing.files) >= MAX_FILES:
        return (f"deze map heeft meer dan {MAX_FILES} bestanden; de bestanden na het {MAX_FILES}e worden niet "
                "gepubliceerd. Haal bestanden weg of vraag de beheerders van de site om hulp.")
    if listing.total_bytes + size > MAX_TOTAL_BYTES:
        return (f"alle bestanden in deze map samen zijn groter dan {_megabytes(MAX_TOTAL_BYTES)}; dit bestand en "
                "wat volgt worden niet gepubliceerd. Maak foto's en bestanden kleiner.")
    listing.total_bytes += size
    return None


def file_problem(rel: str, info: os.stat_result) -> str | None:
    """Why the file at ``rel`` (with its ``lstat``) is not published, or None when it is."""
    name = PurePosixPath(rel).name
    suffix = PurePosixPath(name).suffix
    if not stat.S_ISREG(info.st_mode):
        return "dit is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp). Haal het weg."
    if suffix == PAGE_SUFFIX:
        if info.st_size > MAX_PAGE_BYTES:
            return f"deze pagina is te groot ({_megabytes(info.st_size)}); een pagina mag hoogstens {_megabytes(MAX_PAGE_BYTES)} zijn. Verdeel de tekst over meer pagina's."
        return None
    if suffix.lower() in MARKDOWN_LIKE and suffix:
        stem = name[: -len(suffix)]
        stem = stem if stem and " " not in stem else slugify(stem) or "pagina"  # "Nieuwe Plek.MD": nieuwe-plek.md
        return (
            f"de bestandsnaam eindigt op '{suffix}'; Buurtwiki maakt alleen een pagina van bestanden die op "
            f"'.md' eindigen (kleine letters). Dit bestand wordt niet gepubliceerd: hernoem naar {stem}.md."
        )
    if suffix.lower() == ".svg":
        return (
            "SVG-bestanden worden niet gepubliceerd: er kan een script in zitten. "
            f"Sla de afbeelding op als PNG ({name[: -len(suffix)]}.png) en zet die hier neer."
        )
    if suffix.lower() not in ALLOWED:
        found = f"'{suffix}'" if suffix else "geen extensie"
        return (
            f"bestanden van dit type ({found}) worden niet gepubliceerd. Toegestaan zijn pagina's (.md) "
            f"en bestanden die eindigen op: {ALLOWED_WORDS}."
        )
    if info.st_size > MAX_FILE_BYTES:
        return f"dit bestand is te groot ({_megabytes(info.st_size)}); hoogstens {_megabytes(MAX_FILE_BYTES)} mag. Maak het kleiner."
    return None


ADDRESS_NAME = ("deze naam lijkt op een e-mailadres. Buurtwiki publiceert geen e-mailadressen, ook niet in het "
                "adres van een pagina. Geef het bestand of de map een andere naam, zonder @.")


def _names_address(name: str, folder: bool) -> bool:
    """A file or folder named like an e-mail address (``info@buurt.nl.md``); ``logo@2x.png`` is not."""
    return "@" in name and is_address(name if folder else PurePosixPath(name).stem)


def _page_name(name: str) -> str | None:
    """The address a Markdown file gets (``sitemap.xml.md`` is published at ``sitemap.xml/``)."""
    return name[:-3] if name.endswith(".md") else None


def _reserved(name: str) -> str:
    what = "map" if "." not in name else "bestandsnaam"
    return (
        f"de {what} '{name}' is gereserveerd voor het thema en voor Buurtwiki zelf; wat hier staat zou "
        f"bestanden van de site vervangen en wordt niet gepubliceerd. Gebruik een andere naam, zoals 'bestanden'."
    )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def read_published(path: Path) -> bytes:
    """The bytes of a file the listing published, refusing to follow a link put there since."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(f"{path} is not a regular file")
        return handle.read(MAX_FILE_BYTES + 1)[:MAX_FILE_BYTES]


def inside(folder: str, rel: str) -> str | None:
    """``rel`` (written in ``folder``, with ``/``) as a path relative to the site root, or None when it
    is absolute or climbs out of the site (``../../``)."""
    if not rel or rel.startswith(("/", "\\")) or "\\" in rel or ":" in rel.split("/", 1)[0]:
        return None
    joined = posixpath.normpath(f"{folder}/{rel}" if folder else rel)
    if joined == ".." or joined.startswith("../") or joined.startswith("/"):
        return None
    return joined


def linked_folders(folder: Path) -> list[str]:
    """Symbolic links to folders below ``folder`` (relative paths), hidden ones included.

    A site engine that walks the docs folder following links (MkDocs does) must not start: a link
    to ``/`` or two links to ``..`` make that walk endless in practice.
    """
    if folder.is_symlink():
        return [""]
    found = []
    for base, dirnames, _ in os.walk(folder, followlinks=False):
        rel_base = os.path.relpath(base, folder).replace(os.sep, "/")
        for name in sorted(dirnames):
            if os.path.islink(os.path.join(base, name)):
                found.append(name if rel_base == "." else f"{rel_base}/{name}")
    return sorted(found)
