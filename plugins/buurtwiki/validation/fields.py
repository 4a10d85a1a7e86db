"""Checking front matter against the model: every field of every type, every problem reported."""

from __future__ import annotations

from typing import Any

import yaml

from ..content.source import Source
from ..model.kinds import Field, FieldError, ListOf, Struct, is_empty, shown
from ..model.order import out_of_order
from ..model.types import EntityType
from ..model.words import did_you_mean
from .problems import Reporter


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
        errors: list[FieldError] = []
        warnings: list[FieldError] = []
        value = _parse_value(spec, value_node, name, errors, warnings)
        for error in errors:
            report.error(error.line, error.message)
        for warn in warnings:
            report.warning(warn.line, warn.message)
        if isinstance(value, dict) and not _filled(value):
            value = None  # a group whose every value was wrong: no empty "Contact" on the page
        if value is not None and value != []:
            data[name] = value
    if "type" in data and data["type"] != entity_type.name:
        report.error(
            source.line("type"),
            f"veld 'type': '{data['type']}' klopt niet met de map; een bestand in deze map is een "
            f"{entity_type.name}. Haal het veld weg of schrijf 'type: {entity_type.name}'.",
        )
    for name, message in list(out_of_order(data, entity_type.order)):
        report.error(source.line(name), f"veld '{name}': {message}")
        del data[name]  # as any wrong value: not used (a calendar would end the activity before it starts)
    for spec in entity_type.required:
        if spec.name not in data and not _reported(source, spec.name):
            report.error(
                source.front_matter_line,
                f"het verplichte veld '{spec.name}' ontbreekt ({spec.kind.words()}). "
                f"Voeg een regel toe zoals: {spec.name}: {_example(spec)}",
            )
    return data


def _parse_value(spec: Field, node: yaml.Node, name: str, errors: list[FieldError], warnings: list[FieldError]) -> Any:
    """One field's value; errors and warnings (unknown keys in a group) are collected, not raised."""
    kind = spec.kind
    try:
        if isinstance(kind, ListOf) and isinstance(kind.item, Struct):
            row = kind.item
            return [
                row.parse(n, f"{name} (nr. {i})", errors, warnings)
                for i, n in enumerate(_items(node), start=1)
                if not is_empty(n)
            ]
        if isinstance(kind, Struct):
            return kind.parse(node, name, errors, warnings)
        if isinstance(kind, ListOf):
            return kind.parse(node, name, errors)
        return kind.parse(node, name)
    except FieldError as err:
        errors.append(err)
        return None


def _filled(group: dict[str, Any]) -> bool:
    return any(key != "_line" for key in group)


def _items(node: yaml.Node) -> list[yaml.Node]:
    return node.value if isinstance(node, yaml.SequenceNode) else [node]


def _reported(source: Source, name: str) -> bool:
    """A required field that is present but empty or wrong has already been reported."""
    pair = source.fields.get(name)
    return pair is not None and not is_empty(pair[1])


def _example(spec: Field) -> str:
    example = spec.kind.example()
    if example in ("", None, [], {}):
        return "…"
    return str(example)
