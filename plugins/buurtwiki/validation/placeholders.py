"""Example values from `buurtwiki nieuw` that nobody filled in: a warning, so they cannot pass `check`.

A new page holds an example for each required field (``soort: gemeente``, a date), marked with
the comment ``# voorbeeld: pas dit aan`` (model/template.py). While a field's line is still exactly
as `nieuw` wrote it, the value is an example, not a fact.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..model.template import PLACEHOLDER, placeholder_lines
from .problems import Problems

if TYPE_CHECKING:
    from ..content.entity import Entity

MAX_LINE = 1000


def check_placeholders(entities: Iterable[Entity], problems: Problems) -> None:
    """One warning per untouched example value, at its line."""
    cache: dict[str, dict[str, str]] = {}
    for entity in entities:
        source = entity.source
        if PLACEHOLDER not in source.text:
            continue
        name = entity.type.name
        expected = cache.get(name)
        if expected is None:
            expected = cache[name] = placeholder_lines(entity.type)
        lines = source.text.split("\n", source.body_line)[: source.body_line]
        report = problems.for_path(entity.path)
        for field_name, template_line in expected.items():
            if field_name not in source.fields:
                continue
            number = source.line(field_name)
            found = lines[number - 1].rstrip("\r ")[:MAX_LINE] if number <= len(lines) else ""
            if found != template_line:
                continue
            value = template_line.split("#", 1)[0].split(":", 1)[1].strip()
            report.warning(
                number,
                f"veld '{field_name}': '{value}' is nog het voorbeeld van 'buurtwiki nieuw'. Vul de echte waarde in "
                f"en haal '# {PLACEHOLDER};' weg.",
            )
