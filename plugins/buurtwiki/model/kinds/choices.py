"""Fixed value words (``status: actief``) and repetitions (``wekelijks`` or an iCalendar rule)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..words import allowed, did_you_mean
from .base import FieldError, Kind, anchored, json_value, line_of, scalar, shown


@dataclass
class Choice(Kind):
    """One of a fixed list of value words. ``values`` maps each word to its Dutch label.

    Schema: ``enum`` of the words as an editor's YAML loader reads them (a word like ``true`` or
    ``12`` would be a boolean or number there).
    """

    values: dict[str, str] = field(default_factory=dict)

    def parse(self, node: yaml.Node, name: str) -> str:
        raw = scalar(node, name, "een waarde")
        if raw in self.values:
            return raw
        low = raw.lower().replace(" ", "-").replace("ö", "o")
        if low in self.values:
            raise FieldError(
                f"veld '{name}': '{shown(raw)}' moet precies zo geschreven worden als in de lijst. "
                f"Bedoel je '{low}'?",
                line_of(node),
            )
        raise FieldError(
            f"veld '{name}': '{shown(raw)}' is geen geldige waarde; kies uit: {allowed(self.values)}."
            + did_you_mean(raw, self.values),
            line_of(node),
        )

    def label(self, value: str) -> str:
        return self.values.get(value, value)

    def schema(self) -> dict[str, Any]:
        typed = [json_value(word) for word in self.values]
        return {"enum": list(dict.fromkeys([*typed, *self.values]))}

    def example(self) -> str:
        return next(iter(self.values), "")

    def words(self) -> str:
        return "een van: " + ", ".join(self.values)


FREQUENCIES = ("SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY")
# An iCalendar rule starting with FREQ (an optional RRULE: before it), then NAME=value parts.
RRULE_TEXT = r"(?:RRULE:)?FREQ=(?:" + "|".join(FREQUENCIES) + r")(?:;[A-Z]+=[^;\s]+)*"
_RRULE = re.compile(RRULE_TEXT)


def _valid_rule(rule: str) -> bool:
    """Whether icalendar reads the parts of a rule in the accepted form (BYDAY=TU, COUNT=3, …)."""
    from icalendar.prop import vRecur

    try:
        return "FREQ" in vRecur.from_ical(rule)
    except (ValueError, TypeError):
        return False


@dataclass
class Recurrence(Kind):
    """A repetition: a Dutch word or an iCalendar RRULE such as ``FREQ=WEEKLY;BYDAY=TU``.

    Schema: one of the words, or a string in the form ``RRULE_TEXT`` (FREQ first, upper case).
    Parser-only: the values inside the rule (``BYDAY=XX``), checked by icalendar.
    """

    values: dict[str, str] = field(default_factory=dict)

    def parse(self, node: yaml.Node, name: str) -> str:
        raw = scalar(node, name, "een herhaling")
        if raw in self.values:
            return raw
        if "=" in raw:
            if _RRULE.fullmatch(raw) and _valid_rule(raw.removeprefix("RRULE:")):
                return raw.removeprefix("RRULE:")
            raise FieldError(
                f"veld '{name}': '{shown(raw)}' is geen geldige iCalendar-regel; een voorbeeld is "
                f"'FREQ=WEEKLY;BYDAY=TU' (elke dinsdag).",
                line_of(node),
            )
        raise FieldError(
            f"veld '{name}': '{shown(raw)}' is geen geldige herhaling; kies uit: {allowed(self.values)}, "
            f"of schrijf een iCalendar-regel zoals 'FREQ=WEEKLY;BYDAY=TU'." + did_you_mean(raw, self.values),
            line_of(node),
        )

    def schema(self) -> dict[str, Any]:
        return {"anyOf": [{"enum": list(self.values)}, {"type": "string", "pattern": anchored(RRULE_TEXT)}]}

    def example(self) -> str:
        return "wekelijks"

    def words(self) -> str:
        return "een herhaling"
