"""Loading a site: read every file once, parse it, check it, and index the result.

This is the *parse* stage of the pipeline; nothing here knows about MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from ..markup.markdown import find_links, parse
from ..model.themes import default_registry, parse_registry
from ..validation.fields import parse_fields
from ..validation.page_meta import check_pages
from ..validation.problems import Problems
from ..validation.references import check_site
from .entity import Entity, Page
from .paths import Location, LocationError, locate_content_file, locate_wijk_file
from .site import Site
from .source import parse_source, read_text

THEMES_FILE = "themas.yml"


def _files(folder: Path, suffix: str | None = ".md") -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and (suffix is None or p.suffix == suffix)
    )


def load_site(root: Path | str, docs_dir: str = "content", wijken_dir: str = "wijken") -> Site:
    """Load and check everything under ``root``; problems are collected in ``site.problems``."""
    root = Path(root).resolve()
    problems = Problems()
    themes_path = root / docs_dir / THEMES_FILE
    if themes_path.is_file():
        report = problems.for_path(f"{docs_dir}/{THEMES_FILE}")
        text = read_text(themes_path, report)
        themes = parse_registry(text or "", report)
    else:
        themes = default_registry()
    site = Site(root=root, themes=themes, problems=problems)

    for path in _files(root / docs_dir):
        rel = path.relative_to(root / docs_dir).as_posix()
        _load_file(site, path, f"{docs_dir}/{rel}", lambda r=rel: locate_content_file(r))
    wijken_root = root / wijken_dir
    for path in _files(wijken_root, suffix=None):
        rel = path.relative_to(wijken_root).as_posix()
        if path.suffix != ".md":
            site.assets.append((f"wijken/{rel}", path))
            continue
        _load_file(site, path, f"{wijken_dir}/{rel}", lambda r=rel: locate_wijk_file(r))
    _check_wijk_folders(site, wijken_root, wijken_dir)
    check_site(site)
    check_pages(site)
    from ..agenda.checks import check_agenda  # imported here to avoid an import cycle

    check_agenda(site)
    return site


def _load_file(site: Site, path: Path, shown: str, locate) -> None:
    """Load one file; a bug in Buurtwiki itself becomes a message for this file, never a crash."""
    try:
        _load_one(site, path, shown, locate)
    except Exception as err:  # noqa: BLE001 - one broken file must not stop the whole site
        site.problems.error(
            shown, 1,
            f"Buurtwiki kon dit bestand niet verwerken ({type(err).__name__}: {err}). "
            "De rest van de site wordt wel gebouwd; meld dit bij de beheerders van de site.",
        )


def _load_one(site: Site, path: Path, shown: str, locate) -> None:
    report = site.problems.for_path(shown)
    try:
        location: Location = locate()
    except LocationError as err:
        report.error(1, err.message)
        return
    text = read_text(path, report)
    if text is None:
        return
    source = parse_source(shown, text, report, need_front_matter=location.type is not None)
    tokens = parse(source.body)
    links = find_links(tokens, source.body_line)
    if location.type is None:
        site.add_page(Page(shown, location.src_uri, location.url, source, tokens, links))
        return
    data = parse_fields(source, location.type, report) if source.readable else {}
    entity = Entity(
        type=location.type,
        slug=location.slug,
        path=shown,
        src_uri=location.src_uri,
        url=location.url,
        wijk=location.wijk,
        agenda=location.agenda,
        source=source,
        data=data,
        tokens=tokens,
        links=links,
    )
    earlier = site.add(entity)
    if earlier is not None:
        report.error(
            1,
            f"er is al een {entity.type.name} met de naam '{entity.slug}' ({earlier.path}). Binnen één type "
            f"moet elke naam uniek zijn, ook tussen wijken. Geef dit bestand een andere naam, zoals "
            f"'{entity.slug}-{entity.wijk or 'twee'}'.",
        )


def _check_wijk_folders(site: Site, wijken_root: Path, wijken_dir: str) -> None:
    if not wijken_root.is_dir():
        return
    for folder in sorted(p for p in wijken_root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if not (folder / "index.md").is_file() and any(folder.rglob("*.md")):
            site.problems.error(
                f"{wijken_dir}/{folder.name}/index.md", 1,
                f"de wijk '{folder.name}' heeft geen index.md. Maak dit bestand met bovenaan:\n---\ntitel: …\n---",
            )
    for agenda in sorted(wijken_root.glob("*/toekomstagenda/*/")):
        if agenda.is_dir() and not (agenda / "index.md").is_file() and any(agenda.glob("*.md")):
            rel = agenda.relative_to(wijken_root).as_posix()
            site.problems.error(
                f"{wijken_dir}/{rel}/index.md", 1,
                "deze toekomstagenda heeft geen index.md met titel en vastgesteld (datum). Maak dat bestand.",
            )
