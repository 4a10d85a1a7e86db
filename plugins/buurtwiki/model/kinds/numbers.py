"""Numbers as residents write them (``1200``, ``20.000``, ``€ 300.000``, ``12,5``) and years."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import yaml

from .base import FieldError, Kind, anchored, line_of, scalar, shown

NUMBER_LIMIT = 10**12  # no field needs more; larger floats lose whole numbers
MAX_NUMBER_TEXT = 40

# Dutch thousands dots (20.000, 1.200.000,50) are tried first; otherwise one decimal point or comma
# and an optional exponent, so every number in JSON syntax is also a valid written number.
_DUTCH_TEXT = r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?"
_PLAIN_TEXT = r"[0-9]+(?:[.,][0-9]*)?(?:[eE][-+]?[0-9]+)?"
NUMBER_TEXT = rf"(?:€ ?)?-?(?:{_DUTCH_TEXT}|{_PLAIN_TEXT})(?: ?€)?"
_NUMBER = re.compile(NUMBER_TEXT)
_DUTCH = re.compile(_DUTCH_TEXT)


def _fmt(n: float | None) -> str:
    return "" if n is None else (str(int(n)) if float(n).is_integer() else str(n))


def number_of(text: str) -> float | None:
    """The value of a written number, or None when ``text`` is not one (see ``NUMBER_TEXT``)."""
    if len(text) > MAX_NUMBER_TEXT or not _NUMBER.fullmatch(text):
        return None
    core = text.strip("€ ")
    sign = "-" if core.startswith("-") else ""
    core = core.lstrip("-")
    if _DUTCH.fullmatch(core):
        core = core.replace(".", "")
    return float(sign + core.replace(",", ".")) + 0.0  # + 0.0 turns -0 into 0


def _python_float(text: str) -> float:
    """Python's reading of ``text`` (``inf``, ``nan``), only to name such values in the message."""
    try:
        return float(text.strip("€ "))
    except ValueError:
        return 0.0


@dataclass
class Number(Kind):
    """A number between bounds (default +-10^12), written as a number or as Dutch text.

    Schema: a JSON number within the bounds, or a string in the written form ``NUMBER_TEXT``.
    Parser-only: the bounds and wholeness of a number written as *text* (``'€ 300.000'``); and a
    plain ``20.000``, which YAML reads as 20.0 but the parser (like a Dutch reader) as 20000.
    """

    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    unit: str = ""

    def parse(self, node: yaml.Node, name: str) -> int | float:
        raw = scalar(node, name, "een getal")
        if len(raw) > MAX_NUMBER_TEXT:
            raise FieldError(f"veld '{name}': de waarde is te lang voor een getal ({len(raw)} tekens); {self._allowed()}.", line_of(node))
        value = number_of(raw)
        if value is None and not math.isfinite(_python_float(raw)):
            value = _python_float(raw)  # inf, NaN: said as such below
        if value is None:
            raise FieldError(
                f"veld '{name}': verwacht een getal (zoals 1200), maar vond '{shown(raw)}'.", line_of(node)
            )
        return self._checked(value, raw, node, name)

    def _checked(self, value: float, raw: str, node: yaml.Node, name: str) -> int | float:
        lo, hi = self._bounds()
        if not math.isfinite(value):
            nearest = hi if value == math.inf else lo if value == -math.inf else max(lo, min(hi, 0))
            raise FieldError(
                f"veld '{name}': '{shown(raw)}' is geen gewoon getal (het is oneindig groot of geen getal); "
                f"{self._allowed()}. Bedoel je {_fmt(nearest)}?",
                line_of(node),
            )
        if value < lo or value > hi:
            raise FieldError(
                f"veld '{name}': {shown(raw)} kan niet; {self._allowed()}. Bedoel je {_fmt(max(lo, min(hi, value)))}?",
                line_of(node),
            )
        if value.is_integer():
            return int(value)
        if self.integer:
            raise FieldError(
                f"veld '{name}': {shown(raw)} kan niet; verwacht een heel getal (zonder komma). Bedoel je {_fmt(math.floor(value + 0.5))}?",
                line_of(node),
            )
        return value

    def _bounds(self) -> tuple[float, float]:
        lo = self.minimum if self.minimum is not None else -NUMBER_LIMIT
        hi = self.maximum if self.maximum is not None else NUMBER_LIMIT
        return lo, hi

    def _allowed(self) -> str:
        lo, hi = self._bounds()
        return f"toegestaan is een {'heel ' if self.integer else ''}getal van {_fmt(lo)} tot en met {_fmt(hi)}"

    def schema(self) -> dict[str, Any]:
        lo, hi = self._bounds()
        typed = {"type": "integer" if self.integer else "number", "minimum": lo, "maximum": hi}
        text = {"type": "string", "pattern": anchored(NUMBER_TEXT), "maxLength": MAX_NUMBER_TEXT}
        return {"anyOf": [typed, text]}

    def example(self) -> Any:
        return 0

    def words(self) -> str:
        return "een getal"

    def limits(self) -> str:
        lo, hi = self._bounds()
        whole = ", zonder komma" if self.integer and not isinstance(self, Year) else ""
        unit = f" {self.unit}" if self.unit else ""
        fmt = _fmt if isinstance(self, Year) else _dutch
        return f"van {fmt(lo)} tot en met {fmt(hi)}{unit}{whole}"


def _dutch(n: float) -> str:
    """A bound as a Dutch reader writes it: 10.000.000."""
    return f"{int(n):,}".replace(",", ".") if float(n).is_integer() else _fmt(n).replace(".", ",")


@dataclass
class Year(Number):
    minimum: float | None = 1900
    maximum: float | None = 2200
    integer: bool = True

    def words(self) -> str:
        return "een jaartal"
