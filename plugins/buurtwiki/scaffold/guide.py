"""The residents' guide to the content format (``docs/inhoudsformaat.md``): its field lists come
from the model, so the guide cannot drift from what the check accepts.

The guide is hand-written Dutch with one generated block between :data:`BEGIN` and :data:`END`:
per type its file, its address and every field (kind, required, value words, help).
``buurtwiki schema --markdown [FILE …]`` prints the block or refreshes it in place; a test fails
when the project's guide or the copy ``buurtwiki init`` writes is out of date.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..content.paths import url_of
from ..model.fields import Choice, Field, Kind, ListOf, Recurrence, Struct
from ..model.registry import Registry
from ..model.types import TYPE_FIELD, EntityType, Layout

BEGIN = "<!-- velden:begin (gemaakt met: buurtwiki schema --markdown; niet met de hand aanpassen) -->"
END = "<!-- velden:end -->"
GUIDE = "docs/inhoudsformaat.md"  # in this repository and in every site `buurtwiki init` makes
REFRESH = f"buurtwiki schema --markdown {GUIDE} plugins/buurtwiki/scaffold/site_template/{GUIDE}"


class GuideError(Exception):
    pass


def template_guide() -> str:
    """The guide as shipped in the package (what `buurtwiki init` writes)."""
    folder = resources.files("buurtwiki").joinpath("scaffold").joinpath("site_template")
    for part in GUIDE.split("/"):
        folder = folder.joinpath(part)
    return folder.read_text(encoding="utf-8")


def fields_markdown(registry: Registry) -> str:
    """Every type with its file, address and fields, as Markdown."""
    return "\n".join(_type_section(spec) for spec in registry)


# The placeholder for a page's own name, by layout: a wijk's and an agenda's name is their folder.
_OWN_NAME = {Layout.WIJK_INDEX: "<wijk>", Layout.AGENDA_INDEX: "<agenda>"}


def _type_section(spec: EntityType) -> str:
    slug = _OWN_NAME.get(spec.layout, "<slug>")
    src_uri = spec.src_uri(slug, "<wijk>", "<agenda>")
    lines = [
        f"### {spec.label} (`{spec.name}`)",
        "",
        f"- Bestand: `{spec.path(slug, '<wijk>', '<agenda>', 'wijken', 'content')}`",
        f"- Adres op de site: `/{url_of(src_uri)}`",
        "",
        "| veld | wat je invult | uitleg |",
        "|---|---|---|",
    ]
    subs: list[str] = []
    after = {end: start for start, end in spec.order}
    for field in spec.fields:
        if field.name == TYPE_FIELD.name:
            continue
        default = spec.status_default if field is spec.status_field else None
        notes = [f"Leeg betekent `{default}`." if default else "", _not_before(after.get(field.name))]
        lines.append(_row(field, " ".join(n for n in notes if n)))
        group = _group(field.kind)
        if group is not None:
            subs += ["", f"In elke groep van `{field.name}`:", "", "| veld | wat je invult | uitleg |", "|---|---|---|"]
            in_row = {group.period[1]: group.period[0]} if group.period else {}
            subs += [_row(sub, _not_before(in_row.get(sub.name))) for sub in group.fields]
            if group.period is not None:
                start, end = group.period
                subs += ["", f"Op de pagina staat `{field.name}` als tijdlijn, op volgorde van datum. Heeft de laatste regel "
                         f"geen `{end}`, dan is die er nu nog. Zit er tijd tussen het `{end}` van de ene regel en het "
                         f"`{start}` van de volgende, dan staat er hoe lang er niemand was (bijvoorbeeld "
                         "\"3 maanden niemand\")."]
    return "\n".join([*lines, *subs]) + "\n"


def _not_before(start: str | None) -> str:
    return f"Niet vóór `{start}`." if start else ""


def _group(kind: Kind) -> Struct | None:
    item = kind.item if isinstance(kind, ListOf) else kind
    return item if isinstance(item, Struct) else None


def _row(field: Field, extra: str = "") -> str:
    name = f"**`{field.name}`** (verplicht)" if field.required else f"`{field.name}`"
    what = field.kind.words()
    limits = field.kind.limits()
    if limits:
        what += f", {limits}"
    notes = [text for text in (_labels(field.kind), field.help, extra) if text]
    return f"| {name} | {_cell(what)} | {_cell(' '.join(notes))} |"


def _labels(kind: Kind) -> str:
    """The words whose label on the site differs from the word itself."""
    item = kind.item if isinstance(kind, ListOf) else kind
    values = item.values if isinstance(item, (Choice, Recurrence)) else {}
    shown = [f"`{word}` = {label}" for word, label in values.items() if label != word.replace("-", " ")]
    return f"Op de site: {', '.join(shown)}." if shown else ""


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def refresh(text: str, registry: Registry, where: str = GUIDE) -> str:
    """``text`` with the block between the markers replaced by the current field lists."""
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        raise GuideError(f"{where}: de regels {BEGIN!r} en {END!r} ontbreken; daartussen komt de lijst met velden.")
    return text[: start + len(BEGIN)] + "\n\n" + fields_markdown(registry) + "\n" + text[end:]


def refresh_files(paths: list[Path], registry: Registry) -> list[Path]:
    """Refresh the block in each file; the files that changed."""
    changed = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        new = refresh(text, registry, str(path))
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed
