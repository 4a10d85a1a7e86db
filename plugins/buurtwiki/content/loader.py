"""Loading a site: read every file once, parse it, check it, and index the result.

This is the *parse* stage of the pipeline; nothing here knows about MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ..markup.limits import too_dense
from ..markup.markdown import find_links, parse
from ..model.registry import Registry
from ..model.schema import DEFAULT_REGISTRY
from ..model.text import safe_values
from ..validation.fields import parse_fields
from ..validation.page_meta import check_pages
from ..validation.problems import Problems
from ..validation.references import check_site
from .entity import Entity, Page
from .files import MAX_ORDINARY_PAGES, RESERVED, list_folder
from .local_paths import check_local_paths
from .parsed import ParseCache, Parsed
from .paths import Location, LocationError, locate_content_file, locate_wijk_file
from .site import Site
from .source import parse_source, read_text
from .themes import default_registry, parse_registry

THEMES_FILE = "themas.yml"


Seniority = Callable[[Sequence[Sequence[str]]], list[list[str]]]  # groups of paths -> each oldest first


def load_site(
    root: Path | str, docs_dir: str = "content", wijken_dir: str = "wijken", registry: Registry = DEFAULT_REGISTRY,
    previous: ParseCache | None = None, oldest_first: Seniority | None = None,
) -> Site:
    """Load and check everything under ``root``; problems are collected in ``site.problems``.

    Feature checks that need more than one file's model (the toekomstagenda) run afterwards,
    in :func:`buurtwiki.stages.check_features`: the content layer knows no features.

    Which files are read and published is decided by :mod:`.files` (no links followed). ``previous``
    is the parse cache of the last load in the same process (``site.parsed``): a file whose text did
    not change is not parsed again. ``oldest_first`` tells which of two files with the same name
    was there first (history/seniority.py); without it, the first path in order keeps the name."""
    root = Path(root).resolve()
    problems = Problems()
    docs = list_folder(root / docs_dir, reserved=RESERVED, data=(THEMES_FILE,), max_pages=MAX_ORDINARY_PAGES)
    wijken = list_folder(root / wijken_dir)
    for folder, listing in ((docs_dir, docs), (wijken_dir, wijken)):
        for rel, message in listing.problems:
            problems.error(f"{folder}/{rel}" if rel else folder, 1, message)
    if THEMES_FILE in docs.data:
        report = problems.for_path(f"{docs_dir}/{THEMES_FILE}")
        text = read_text(root / docs_dir / THEMES_FILE, report)
        themes = parse_registry(text or "", report)
    else:
        themes = default_registry()
    site = Site(root=root, themes=themes, problems=problems, published=docs.published, docs_dir=docs_dir,
                registry=registry, parsed=ParseCache.after(previous, registry))

    same_name: list[Entity] = []
    for rel in docs.pages:
        _load_file(site, root / docs_dir / rel, f"{docs_dir}/{rel}", lambda r=rel: locate_content_file(r, registry), same_name)
    for rel in wijken.files:
        site.assets.append((f"wijken/{rel}", root / wijken_dir / rel))
    for rel in wijken.pages:
        _load_file(site, root / wijken_dir / rel, f"{wijken_dir}/{rel}", lambda r=rel: locate_wijk_file(r, registry), same_name)
    _settle_same_names(site, same_name, oldest_first)
    _check_wijk_folders(site, wijken.pages, wijken_dir)
    check_local_paths(site)
    check_site(site)
    check_pages(site)
    return site


def _load_file(site: Site, path: Path, shown: str, locate, same_name: list[Entity]) -> None:
    """Load one file; a bug in Buurtwiki itself becomes a message for this file, never a crash.
    An entity whose name is taken goes to ``same_name`` (see :func:`_settle_same_names`)."""
    try:
        _load_one(site, path, shown, locate, same_name)
    except Exception as err:  # noqa: BLE001 - one broken file must not stop the whole site
        site.problems.error(
            shown, 1,
            f"Buurtwiki kon dit bestand niet verwerken ({type(err).__name__}: {err}). "
            "De rest van de site wordt wel gebouwd; meld dit bij de beheerders van de site.",
        )


def _load_one(site: Site, path: Path, shown: str, locate, same_name: list[Entity]) -> None:
    report = site.problems.for_path(shown)
    try:
        location: Location = locate()
    except LocationError as err:
        report.error(1, err.message)
        return
    text = read_text(path, report)
    if text is None:
        return
    parsed = site.parsed.get(shown, text)
    if parsed is None:
        parsed = _parse(shown, text, location)
        site.parsed.put(shown, text, parsed)
    site.problems.items.extend(parsed.problems)
    if location.type is None or parsed.data is None:
        site.add_page(Page(shown, location.src_uri, location.url, parsed.source, parsed.tokens, parsed.links))
        return
    entity = Entity(
        type=location.type,
        slug=location.slug,
        path=shown,
        src_uri=location.src_uri,
        url=location.url,
        wijk=location.wijk,
        agenda=location.agenda,
        source=parsed.source,
        data=dict(parsed.data),  # a copy: later checks may drop a value (content/local_paths.py)
        tokens=parsed.tokens,
        links=parsed.links,
    )
    if site.add(entity) is not None:
        same_name.append(entity)


def _settle_same_names(site: Site, same_name: list[Entity], oldest_first: Seniority | None) -> None:
    """Of the files of one type with the same name, the one that was there first keeps it (a new
    file cannot push a published page off the site); each other one is an error and not published."""
    groups: dict[str, list[Entity]] = {}
    for entity in same_name:
        groups.setdefault(entity.key, [site.by_key[entity.key]]).append(entity)
    if not groups:
        return
    paths = [[e.path for e in group] for group in groups.values()]
    order = oldest_first(paths) if oldest_first is not None else [sorted(group) for group in paths]
    for group, ordered in zip(groups.values(), order, strict=True):
        by_path = {e.path: e for e in group}
        first = by_path[ordered[0]]
        site.replace(site.by_key[first.key], first)
        for path in ordered[1:]:
            other = by_path[path]
            site.by_path.pop(other.path, None)  # not published: no link, recent change or .md link may lead to it
            site.problems.error(
                other.path, 1,
                f"er is al een {other.type.name} met de naam '{other.slug}' ({first.path}). Binnen één type "
                f"moet elke naam uniek zijn, ook tussen wijken. Geef dit bestand een andere naam, zoals "
                f"'{other.slug}-{other.wijk or 'twee'}'. Tot dan wordt deze pagina niet gepubliceerd.",
            )


def _parse(shown: str, text: str, location: Location) -> Parsed:
    """One file's own parse, with the problems found in it (a pure function of path, text and type)."""
    problems = Problems()
    report = problems.for_path(shown)
    source = parse_source(shown, text, report, need_front_matter=location.type is not None)
    dense = too_dense(source.body)
    if dense:
        report.error(source.body_line, dense)
    tokens = parse("" if dense else source.body)
    links = find_links(tokens, source.body_line)
    data = None
    if location.type is not None:
        # every text value as it may be published (no plain e-mail address, no control characters),
        # once here, so no output can forget it
        data = safe_values(parse_fields(source, location.type, report)) if source.readable else {}
    return Parsed(source, tokens, links, data, tuple(problems.items))


def _check_wijk_folders(site: Site, pages: list[str], wijken_dir: str) -> None:
    present = set(pages)
    wijken = sorted({rel.split("/", 1)[0] for rel in pages if "/" in rel})
    for wijk in wijken:
        if f"{wijk}/index.md" not in present:
            site.problems.error(
                f"{wijken_dir}/{wijk}/index.md", 1,
                f"de wijk '{wijk}' heeft geen index.md. Maak dit bestand met bovenaan:\n---\ntitel: …\n---",
            )
    agendas = sorted({rel.rsplit("/", 1)[0] for rel in pages if _in_agenda_folder(rel, site.registry.agenda_folder)})
    for agenda in agendas:
        if f"{agenda}/index.md" not in present:
            site.problems.error(
                f"{wijken_dir}/{agenda}/index.md", 1,
                "deze toekomstagenda heeft geen index.md met titel en vastgesteld (datum). Maak dat bestand.",
            )


def _in_agenda_folder(rel: str, agenda_folder: str | None) -> bool:
    parts = rel.split("/")
    return len(parts) == 4 and parts[1] == agenda_folder
