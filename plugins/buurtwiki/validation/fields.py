"""Checking front matter against the model: every field of every type, every problem reported."""

from __future__ import annotations

from typing import Any

from ..content.source import Source
from ..model.fields import FieldError, ListOf, Struct, is_empty, shown
from ..model.types import EntityType
from .problems import Reporter
from .suggest import did_you_mean


def parse_fields(source: Source, entity_type: EntityType, report: Reporter) -> dict[str, Any]:
    """The values of a file's front matter; problems go to ``report``, readable values are kept."""
    data: dict[str, Any] = {}
    names = [f.name for f in entity_type.fields]
    for name, (key_node, value_node) in source.fields.items():
        spec = entity_type.field(name)
        line = key_node.start_mark.line + 1
        if spec is None:
            if name == "title" and "titel" not in source.fields:
                report.error(line, "veld 'title' heet in Buurtwiki 'titel'. Bedoel je 'titel'?")
                continue
            report.warning(
                line,
                f"onbekend veld '{shown(name)}' voor een {entity_type.name}; het wordt niet gebruikt." + did_you_mean(name, names),
            )
            continue
        if is_empty(value_node):
            continue
        errors: list[Any] = []
        warnings: list[FieldError] = []
        try:
            if isinstance(spec.kind, ListOf) and isinstance(spec.kind.item, Struct):
                value = [
                    spec.kind.item.parse(n, f"{name} (nr. {i})", errors, warnings)
                    for i, n in enumerate(_items(value_node), start=1)
                    if not is_empty(n)
                ]
            elif isinstance(spec.kind, Struct):
                value = spec.kind.parse(value_node, name, errors, warnings)
            elif isinstance(spec.kind, ListOf):
                value = spec.kind.parse(value_node, name, errors)
            else:
                value = spec.kind.parse(value_node, name)
        except FieldError as err:
            errors.append(err)
            value = None
        for problem in errors:
            report.error(problem.line, problem.message)
        for warn in warnings:
            report.warning(warn.line, warn.message)
        if value is not None and value != []:
            data[name] = value
    if "type" in data and data["type"] != entity_type.name:
        report.error(
            source.line("type"),
            f"veld 'type': '{data['type']}' klopt niet met de map; een bestand in deze map is een "
            f"{entity_type.name}. Haal het veld weg of schrijf 'type: {entity_type.name}'.",
        )
    for spec in entity_type.required:
        if spec.name not in data and not _reported(source, spec.name):
            report.error(
                source.front_matter_line,
                f"het verplichte veld '{spec.name}' ontbreekt ({spec.kind.words()}). "
                f"Voeg een regel toe zoals: {spec.name}: {_example(spec)}",
            )
    return data


def _items(node):
    import yaml

    return node.value if isinstance(node, yaml.SequenceNode) else [node]


def _reported(source: Source, name: str) -> bool:
    """A required field that is present but empty or wrong has already been reported."""
    pair = source.fields.get(name)
    return pair is not None and not is_empty(pair[1])


def _example(spec) -> str:
    example = spec.kind.example()
    if example in ("", None, [], {}):
        return "…"
    return str(example)
