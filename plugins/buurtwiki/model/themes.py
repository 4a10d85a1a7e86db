"""The theme registry (``content/themas.yml``): themes with their sub-themes."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

import yaml

from ..validation.problems import Reporter
from ..validation.suggest import did_you_mean


@dataclass(frozen=True)
class Theme:
    key: str
    titel: str
    omschrijving: str = ""
    parent: str | None = None  # the main theme of a sub-theme


@dataclass
class ThemeRegistry:
    themes: dict[str, Theme] = field(default_factory=dict)

    def __contains__(self, key: str) -> bool:
        return key in self.themes

    def get(self, key: str) -> Theme | None:
        return self.themes.get(key)

    @property
    def main(self) -> list[Theme]:
        return [t for t in self.themes.values() if t.parent is None]

    def subs(self, key: str) -> list[Theme]:
        return [t for t in self.themes.values() if t.parent == key]

    def main_of(self, key: str) -> str:
        theme = self.themes.get(key)
        return theme.parent or key if theme else key

    def check(self, key: str, line: int, report: Reporter, field_name: str) -> bool:
        if key in self.themes:
            return True
        report.error(
            line,
            f"veld '{field_name}': thema '{key}' staat niet in themas.yml; bekende thema's zijn: "
            f"{', '.join(self.themes)}." + did_you_mean(key, self.themes),
        )
        return False


DEFAULT_TEXT = resources.files("buurtwiki.defaults").joinpath("themas.yml").read_text(encoding="utf-8")


def parse_registry(text: str, report: Reporter | None = None) -> ThemeRegistry:
    """Read a registry; problems go to ``report`` and the readable part is kept."""
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as err:
        if report:
            mark = getattr(err, "problem_mark", None)
            report.error((mark.line + 1) if mark else 1, "themas.yml is geen geldige YAML; de standaardthema's worden gebruikt.")
        return parse_registry(DEFAULT_TEXT)
    registry = ThemeRegistry()
    if not isinstance(data, dict):
        if report:
            report.error(1, "themas.yml moet per thema een sleutel hebben met titel, omschrijving en sub.")
        return registry
    for key, spec in data.items():
        spec = spec if isinstance(spec, dict) else {}
        key = str(key)
        registry.themes[key] = Theme(key, str(spec.get("titel") or key.replace("-", " ").capitalize()), str(spec.get("omschrijving") or ""))
        subs = spec.get("sub") or []
        for sub in subs if isinstance(subs, list) else [subs]:
            sub = str(sub)
            registry.themes.setdefault(sub, Theme(sub, sub.replace("-", " ").capitalize(), parent=key))
    return registry


def default_registry() -> ThemeRegistry:
    return parse_registry(DEFAULT_TEXT)
