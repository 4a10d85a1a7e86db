"""What a resident's front matter may pass to the site engine's page metadata.

The site engine (MkDocs with Material) prints several ``page.meta`` keys without escaping:
``subtitle`` and ``status`` in the navigation of every page, ``author`` in a ``<meta>`` tag,
``template`` with ``location`` as a redirect, ``icon`` as a template path. So the engine never
parses a resident's front matter itself: only the keys listed here reach it, as values checked
here and escaped by the adapter. This is the one list; ``buurtwiki check`` and the build both
use it.

Entity pages get only what the core sets (title, description); their fields are checked by
:mod:`.fields`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml

from ..model.text import safe_text
from .problems import Reporter
from .suggest import allowed, did_you_mean

if TYPE_CHECKING:
    from ..content.entity import Page
    from ..content.site import Site

# front matter key of an ordinary page -> the metadata key it becomes
PAGE_KEYS = {"titel": "title", "title": "title", "samenvatting": "description", "description": "description", "hide": "hide"}
# Material's ``hide`` values that only hide parts of the layout
HIDE_VALUES = ("navigation", "toc", "footer", "path")
MAX_TEXT = 1000  # characters of a title or description


def check_pages(site: Site) -> None:
    """Report every front matter key of an ordinary page that does not reach the site."""
    for page in site.pages:
        report = site.problems.for_path(page.path)
        _misplaced(site, page, report)
        check_page(page, report)


def _misplaced(site: Site, page: Page, report: Reporter) -> None:
    """``content/initiatieven/x.md`` with a status: a page of a type that belongs to a wijk."""
    parts = page.src_uri.split("/")
    spec = site.registry.wijk_folders.get(parts[0]) if len(parts) == 2 else None
    if spec is not None and any(name not in PAGE_KEYS for name in page.source.fields):
        report.error(
            1,
            f"dit lijkt een {spec.name}, maar een {spec.name} hoort bij een wijk: zet dit bestand in "
            f"wijken/<wijk>/{spec.folder}/{parts[1]}. Hier is het een gewone pagina, zonder de velden van een {spec.name}.",
        )


def check_page(page: Page, report: Reporter) -> None:
    for name, (key, value) in page.source.fields.items():
        line = key.start_mark.line + 1
        target = PAGE_KEYS.get(name)
        if target is None:
            report.error(
                line,
                f"het veld '{_shown(name)}' kan op een gewone pagina niet gebruikt worden; het wordt weggelaten. "
                f"Toegestaan zijn: {allowed(PAGE_KEYS)}.{did_you_mean(name, PAGE_KEYS)}",
            )
        elif target == "hide":
            for bad in _hide_values(value)[1]:
                report.error(
                    line,
                    f"'{_shown(bad)}' kan niet bij 'hide'; het wordt weggelaten. Toegestaan zijn: "
                    f"{allowed(HIDE_VALUES)}.{did_you_mean(bad, HIDE_VALUES)}",
                )
        elif _text(value) is None:
            report.error(
                line,
                f"het veld '{_shown(name)}' moet een korte tekst zijn (hoogstens {MAX_TEXT} tekens); het wordt weggelaten. "
                f"Schrijf het zo: {name}: Mijn tekst",
            )


def page_meta(page: Page) -> dict[str, Any]:
    """The allowed metadata of an ordinary page: ``title``, ``description`` (plain text, not yet
    escaped) and ``hide`` (a list of :data:`HIDE_VALUES`); everything else is left out."""
    meta: dict[str, Any] = {}
    for name, (_key, value) in page.source.fields.items():
        target = PAGE_KEYS.get(name)
        if target == "hide":
            values = _hide_values(value)[0]
            if values:
                meta["hide"] = values
        elif target is not None and target not in meta and (text := _text(value)) is not None:
            meta[target] = safe_text(text)
    return meta


def _text(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str) and 0 < len(node.value) <= MAX_TEXT:
        return node.value
    return None


def _hide_values(node: yaml.Node) -> tuple[list[str], list[str]]:
    """(allowed values, refused values) of a ``hide`` field."""
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    good: list[str] = []
    bad: list[str] = []
    for item in items[:20]:
        value = item.value if isinstance(item, yaml.ScalarNode) else "…"
        (good if value in HIDE_VALUES else bad).append(str(value))
    return good, bad


def _shown(text: str) -> str:
    """A value as quoted in a message: one line, not too long."""
    text = " ".join(str(text).split())
    return text if len(text) <= 40 else text[:39] + "…"
