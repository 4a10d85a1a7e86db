"""The theme registry: themes with their sub-themes (read from ``themas.yml`` by :mod:`buurtwiki.content.themes`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from .kinds.composite import written_as_list
from .words import did_you_mean


class Reporter(Protocol):
    """Where problems of one file go (``validation.problems.Reporter`` is one)."""

    def error(self, line: int, message: str) -> None: ...

    def warning(self, line: int, message: str) -> None: ...


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
        as_list = written_as_list(key, field_name)
        if as_list:  # themas: a, b (one value with a comma)
            report.error(line, f"veld '{field_name}': {as_list}")
            return False
        report.error(
            line,
            f"veld '{field_name}': thema '{key}' staat niet in themas.yml; bekende thema's zijn: "
            f"{', '.join(self.themes)}." + did_you_mean(key, self.themes),
        )
        return False
