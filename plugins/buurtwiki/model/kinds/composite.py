"""Kinds made of other kinds: a list of values and a group of named fields."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

from ..order import out_of_order
from ..words import did_you_mean
from .base import EMPTY, FieldError, Kind, describe, is_empty, line_of, shown
from .text import Text

if TYPE_CHECKING:
    from .field import Field



@dataclass
class ListOf(Kind):
    """A YAML list; a single value is accepted as a list of one; empty items are skipped."""

    item: Kind = field(default_factory=Text)

    def parse(self, node: yaml.Node, name: str, errors: list[FieldError] | None = None) -> list[Any]:
        nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
        out = []
        for number, child in enumerate(nodes, start=1):
            if is_empty(child):
                continue
            label = name if len(nodes) == 1 else _numbered(name, number)
            try:
                out.append(self.item.parse(child, label))
            except FieldError as err:
                err = _as_list_hint(err, child, name) if len(nodes) == 1 else err
                if errors is None:
                    raise err from None
                errors.append(err)
        return out

    def schema(self) -> dict[str, Any]:
        item = self.item.schema()
        return {"anyOf": [item, {"type": "array", "items": {"anyOf": [item, EMPTY]}}]}

    def example(self) -> list[Any]:
        return []

    def words(self) -> str:
        return "een lijst; per regel " + self.item.words()

    def limits(self) -> str:
        return self.item.limits()


def written_as_list(value: str, field_name: str) -> str | None:
    """``a, b`` written as one value where a list is meant: the Dutch sentence showing the list, or None.
    For every list field, whether its items are checked when parsed or later (themes, model/themes.py)."""
    items = [part.strip() for part in value.split(",") if part.strip()]
    if len(items) < 2:
        return None
    return (f"'{shown(value)}' is één waarde met een komma erin. Meer dan één waarde schrijf je als lijst tussen "
            f"blokhaken: {field_name}: [{', '.join(shown(i) for i in items[:20])}]")


def _as_list_hint(err: FieldError, node: yaml.Node, name: str) -> FieldError:
    """``plekken: a, b`` is one value with a comma in it: say how a list is written."""
    hint = written_as_list(node.value, name.partition("' in '")[0]) if isinstance(node, yaml.ScalarNode) else None
    return FieldError(f"veld '{name}': {hint}", err.line) if hint else err


def _numbered(name: str, number: int) -> str:
    """``sub (nr. 2)``; inside a group the number goes with the field: ``sub (nr. 2)' in 'thema x``."""
    field_name, sep, rest = name.partition("' in '")
    return f"{field_name} (nr. {number}){sep}{rest}"


@dataclass
class Struct(Kind):
    """A map with named fields of its own (e.g. one row of ``gericht_aan``).

    Schema: ``additionalProperties: false`` so editors flag a mistyped key; the parser only warns
    about it and ignores the key (a warning, not an error: the rest of the row still counts).
    """

    fields: list[Field] = field(default_factory=list)
    # A row that is a stretch of time: the names of its start and end date fields (``van``, ``tot``).
    # A list of such rows is shown as a timeline with the gaps between them (outputs/periods.py).
    period: tuple[str, str] | None = None
    # The field that holds an answer to the row (``reactie`` of ``gericht_aan``): history says
    # "reactie van <row> vastgelegd: …" when it changes, in the words of its label.
    answer: str | None = None

    def __post_init__(self) -> None:
        if self.period is not None and not all(self.field(name) for name in self.period):
            raise ValueError(f"period {self.period} names a field this group does not have")
        if self.answer is not None and self.field(self.answer) is None:
            raise ValueError(f"answer {self.answer!r} names a field this group does not have")

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    def parse(
        self,
        node: yaml.Node,
        name: str,
        errors: list[FieldError] | None = None,
        warnings: list[FieldError] | None = None,
    ) -> dict[str, Any]:
        if not isinstance(node, yaml.MappingNode):
            raise FieldError(
                f"veld '{name}': verwacht een groep velden ({', '.join(f.name for f in self.fields)}), "
                f"maar vond {describe(node)}.",
                line_of(node),
            )
        collected = errors if errors is not None else []
        out: dict[str, Any] = {"_line": line_of(node)}
        written = set()
        for key_node, value_node in node.value:
            self._parse_pair(key_node, value_node, name, out, collected, warnings)
            if isinstance(key_node, yaml.ScalarNode) and not is_empty(value_node):
                written.add(key_node.value)
        for spec in self.fields:
            if spec.required and spec.name not in out and spec.name not in written:  # a wrong value is its own message
                collected.append(
                    FieldError(f"in {name} ontbreekt het verplichte veld '{spec.name}' ({spec.kind.words()}).", line_of(node))
                )
        for field_name, message in out_of_order(out, (self.period,) if self.period else ()):
            collected.append(FieldError(f"veld '{field_name}' in {name}: {message}", line_of(node)))
        if errors is None and collected:
            raise collected[0]
        return out

    def _parse_pair(
        self,
        key_node: yaml.Node,
        value_node: yaml.Node,
        name: str,
        out: dict[str, Any],
        collected: list[FieldError],
        warnings: list[FieldError] | None,
    ) -> None:
        if not isinstance(key_node, yaml.ScalarNode):
            collected.append(FieldError(f"in {name} staat {describe(key_node)} als veldnaam; een veldnaam is een woord.", line_of(key_node)))
            return
        key = key_node.value
        spec = self.field(key)
        if spec is None:
            names = [f.name for f in self.fields]
            message = f"onbekend veld '{shown(key)}' in {name}; bekende velden zijn: {', '.join(names)}." + did_you_mean(key, names)
            (warnings if warnings is not None else collected).append(FieldError(message, line_of(key_node)))
            return
        if is_empty(value_node):
            return
        try:
            out[key] = spec.kind.parse(value_node, f"{key}' in '{name}")
        except FieldError as err:
            collected.append(err)

    def schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": {f.name: f.schema() for f in self.fields},
            "required": [f.name for f in self.fields if f.required],
            "additionalProperties": False,
        }

    def example(self) -> dict[str, Any]:
        return {f.name: f.kind.example() for f in self.fields if f.required}

    def words(self) -> str:
        return "een groep velden"
