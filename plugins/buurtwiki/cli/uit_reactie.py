"""`buurtwiki uit-issue` for the form "Reactie op een agendapunt": record an organisation's
reaction in the agenda item's ``gericht_aan``.

The file is changed in place, line by line, at the places the YAML parser reports: the rest of
the file (comments, order, other rows) stays as the resident wrote it. Each new value is one
line from ``yaml.safe_dump``. A ``gericht_aan`` written in flow style (``[...]``) is not
changed; the message says so.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..content.bounded_yaml import YamlProblem, compose
from ..content.entity import Entity
from ..content.loader import load_site
from ..content.site import Site
from ..history.changes import UnreadableFrontMatter, split_front_matter

PLAIN = re.compile(r"[0-9a-z][0-9a-z-]{0,60}")
FIELDS = ("reactie", "datum", "toelichting", "bron")  # in the order they are written in a new row


def _one_line(value: str) -> str:
    """One YAML scalar on one line; dates and value words as they are written by hand."""
    if PLAIN.fullmatch(value.strip()):
        return value.strip()
    return yaml.safe_dump(" ".join(value.split()), allow_unicode=True, width=10_000).strip().removesuffix("\n...")


def find_item(site: Site, answer: str) -> Entity | None:
    """The agenda item an answer means: its address, its file or its title."""
    answer = answer.strip()
    items = [e for e in site.entities if e.type.name == "agendapunt"]
    for entity in items:
        if entity.path in answer or (f"/{entity.url}" in f"/{answer.strip('/')}/" and entity.url):
            return entity
    by_title = [e for e in items if e.title.lower() == answer.lower()]
    return by_title[0] if len(by_title) == 1 else None


def find_organisation(site: Site, answer: str) -> Entity | None:
    found = site.candidates(answer.strip(), ("organisatie",)) if answer.strip() else []
    if len(found) == 1:
        return found[0]
    by_title = [e for e in site.of_type("organisatie") if e.title.lower() == answer.strip().lower()]
    return by_title[0] if len(by_title) == 1 else None


def _edit(lines: list[str], offset: int, rows, slug: str, values: dict[str, str]) -> list[str] | str:
    """The front matter lines with the reaction recorded; a Dutch reason when it cannot be done."""
    if rows is None:
        new = ["gericht_aan:", f"  - organisatie: {slug}"] + [f"    {k}: {_one_line(v)}" for k, v in values.items()]
        return lines + new
    if not isinstance(rows, yaml.SequenceNode) or rows.flow_style:
        return "gericht_aan is niet als lijst met regels '- organisatie: …' geschreven; pas het bestand met de hand aan."
    for row in rows.value:
        if not isinstance(row, yaml.MappingNode) or row.flow_style:
            continue
        keys = {k.value: (k, v) for k, v in row.value if isinstance(k, yaml.ScalarNode)}
        if keys.get("organisatie", (None, None))[1] is None or getattr(keys["organisatie"][1], "value", None) != slug:
            continue
        indent = " " * keys["organisatie"][0].start_mark.column
        last = max(v.end_mark.line - (1 if v.end_mark.column == 0 else 0) for _, v in row.value)
        extra = []
        for name, value in values.items():
            if name in keys and isinstance(keys[name][1], yaml.ScalarNode) and keys[name][1].start_mark.line == keys[name][0].start_mark.line:
                n = offset + keys[name][0].start_mark.line
                lines[n] = f"{indent}{name}: {_one_line(value)}"
            elif name not in keys:
                extra.append(f"{indent}{name}: {_one_line(value)}")
        return lines[: offset + last + 1] + extra + lines[offset + last + 1:]
    first = rows.value[0] if rows.value else None
    column = first.start_mark.column if first is not None else 4
    last = rows.end_mark.line - (1 if rows.end_mark.column == 0 else 0)
    dash = " " * max(column - 2, 0)
    new = [f"{dash}- organisatie: {slug}"] + [f"{dash}  {k}: {_one_line(v)}" for k, v in values.items()]
    return lines[: offset + last + 1] + new + lines[offset + last + 1:]


def record(root: Path, answers: dict[str, tuple[int, str]], docs_dir: str = "content") -> tuple[Path | None, list[str]]:
    site = load_site(root, docs_dir)
    item_line, item_answer = answers.get("Agendapunt", (1, ""))
    org_line, org_answer = answers.get("Organisatie", (1, ""))
    item, org = find_item(site, item_answer), find_organisation(site, org_answer)
    problems = []
    if item is None:
        problems.append(f"issue:{item_line}: fout: geen agendapunt gevonden bij '{item_answer[:80]}'; geef het adres van de pagina.")
    if org is None:
        problems.append(f"issue:{org_line}: fout: geen organisatie gevonden bij '{org_answer[:80]}'; geef de naam zoals op de site.")
    values = {k: answers.get(k.capitalize(), (0, ""))[1] for k in FIELDS}
    values = {k: v for k, v in values.items() if v}
    if "reactie" not in values:
        problems.append("issue:1: fout: 'Reactie' is niet ingevuld; dat is verplicht.")
    if problems or item is None or org is None:
        return None, problems
    path = root / item.path
    text = path.read_text(encoding="utf-8")
    try:
        front, body = split_front_matter(text)
        node = compose(front or "")
    except (UnreadableFrontMatter, YamlProblem):
        return None, [f"{item.path}:1: fout: de gegevens van dit agendapunt zijn niet te lezen; verbeter eerst het bestand."]
    rows = next((v for k, v in node.value if k.value == "gericht_aan"), None) if isinstance(node, yaml.MappingNode) else None
    lines = (front or "").split("\n")
    edited = _edit(lines, 0, rows, org.slug, values)
    if isinstance(edited, str):
        return None, [f"{item.path}:1: fout: {edited}"]
    path.write_text("---\n" + "\n".join(edited).rstrip("\n") + "\n---\n" + body, encoding="utf-8")
    after = load_site(root, docs_dir)
    return path, [str(p) for p in after.problems.sorted() if p.path == item.path]
