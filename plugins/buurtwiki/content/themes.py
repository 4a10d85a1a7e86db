"""Reading the theme registry ``themas.yml``: every problem reported, the readable part kept."""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import yaml

from ..model.kinds import MAX_SLUG, Field, FieldError, ListOf, Struct, Text, describe, is_empty, line_of, shown
from ..model.kinds.refs import SLUG_TEXT
from ..model.text import safe_values
from ..model.themes import Reporter, Theme, ThemeRegistry
from ..model.words import slugify
from ..validation.problems import Problems
from ..validation.problems import Reporter as FileReporter
from .bounded_yaml import YamlProblem, compose

DEFAULT_TEXT = resources.files("buurtwiki.defaults").joinpath("themas.yml").read_text(encoding="utf-8")


THEME_FIELDS = Struct(
    fields=[
        Field("titel", Text(max_length=80)),
        Field("omschrijving", Text(max_length=500)),
        Field("sub", ListOf(Text(max_length=80))),
    ]
)
MAX_THEMES = 200


def parse_registry(text: str, report: Reporter | None = None) -> ThemeRegistry:
    """Read a registry; problems go to ``report`` and the readable part is kept."""
    report = report or FileReporter(Problems(), "themas.yml")
    try:
        root = compose(text, what="de gegevens in themas.yml", where="themas.yml")
    except YamlProblem as problem:
        report.error(problem.line, problem.message + " De standaardthema's worden gebruikt.")
        return parse_registry(DEFAULT_TEXT)
    registry = ThemeRegistry()
    if root is None:
        return registry
    if not isinstance(root, yaml.MappingNode):
        report.error(1, "themas.yml moet per thema een sleutel hebben met titel, omschrijving en sub.")
        return registry
    lines: dict[str, int] = {}
    for key_node, spec_node in root.value[:MAX_THEMES]:
        key = _theme_key(key_node, lines, report)
        if key is not None:
            _add_theme(registry, key, spec_node, lines, report)
    if len(root.value) > MAX_THEMES:
        report.error(line_of(root.value[MAX_THEMES][0]), f"themas.yml heeft meer dan {MAX_THEMES} thema's; de rest wordt niet gebruikt.")
    return registry


def _slug_problem(what: str, key: str) -> str | None:
    """Why ``key`` cannot name a theme, or None when it can."""
    if re.fullmatch(SLUG_TEXT, key) and len(key) <= MAX_SLUG:
        return None
    suggestion = slugify(key)[:MAX_SLUG]
    return (
        f"{what} '{shown(key)}' heeft geen geldige naam; gebruik kleine letters, cijfers en streepjes "
        f"(hoogstens {MAX_SLUG} tekens)." + (f" Bedoel je '{suggestion}'?" if suggestion else "")
    )


def _theme_key(node: yaml.Node, lines: dict[str, int], report: Reporter) -> str | None:
    """The key of a theme, when it is a slug seen for the first time."""
    line = line_of(node)
    if not isinstance(node, yaml.ScalarNode):
        report.error(line, f"de naam van een thema moet een woord zijn, maar vond {describe(node)}.")
        return None
    key = node.value.strip()
    problem = _slug_problem("thema", key) or _seen("thema", key, lines)
    if problem:
        report.error(line, problem)
        return None
    lines[key] = line
    return key


def _seen(what: str, key: str, lines: dict[str, int]) -> str | None:
    if key not in lines:
        return None
    return f"{what} '{key}' staat twee keer in themas.yml (eerst op regel {lines[key]}); haal er één weg."


def _add_theme(registry: ThemeRegistry, key: str, node: yaml.Node, lines: dict[str, int], report: Reporter) -> None:
    errors: list[FieldError] = []
    warnings: list[FieldError] = []
    spec: dict[str, Any] = {}
    if isinstance(node, yaml.MappingNode):
        spec = safe_values(THEME_FIELDS.parse(node, f"thema {key}", errors, warnings))  # no plain address, as in pages
    elif not is_empty(node):
        errors.append(FieldError(f"thema '{key}': verwacht titel, omschrijving en sub eronder, maar vond {describe(node)}.", line_of(node)))
    for err in errors:
        report.error(err.line, err.message)
    for warn in warnings:
        report.warning(warn.line, warn.message)
    registry.themes[key] = Theme(key, spec.get("titel") or key.replace("-", " ").capitalize(), spec.get("omschrijving") or "")
    pairs = node.value if isinstance(node, yaml.MappingNode) else []
    sub_line = next((line_of(v) for k, v in pairs if isinstance(k, yaml.ScalarNode) and k.value == "sub"), line_of(node))
    for sub in spec.get("sub") or []:
        problem = _slug_problem(f"sub-thema van '{key}':", sub) or _seen("sub-thema", sub, lines)
        if problem:
            report.error(sub_line, problem)
            continue
        lines[sub] = sub_line
        registry.themes[sub] = Theme(sub, sub.replace("-", " ").capitalize(), parent=key)


def default_registry() -> ThemeRegistry:
    return parse_registry(DEFAULT_TEXT)
