"""Fixed value words (``status: actief``) and repetitions (``wekelijks`` or an iCalendar rule)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from dateutil.rrule import YEARLY, rrule, rrulestr
from icalendar.prop import vRecur

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


# A neighbourhood activity repeats at most daily: a rule that repeats every hour, minute or second
# is refused, so that expanding weeks of it for "Binnenkort" and calendars stays small.
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
# What each ``herhaling`` word means as a rule: the one mapping, read by calendars and "Binnenkort".
RRULES = {
    "wekelijks": "FREQ=WEEKLY",
    "tweewekelijks": "FREQ=WEEKLY;INTERVAL=2",
    "maandelijks": "FREQ=MONTHLY",
}
# The parts a rule may have after FREQ. Not BYHOUR, BYMINUTE or BYSECOND: the time comes from
# ``start``, and those parts would repeat an activity many times a day. INTERVAL is 1 to 999.
RULE_PARTS = ("UNTIL", "COUNT", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "BYWEEKNO", "BYYEARDAY", "WKST")
# An iCalendar rule starting with FREQ (an optional RRULE: before it), then NAME=value parts.
RRULE_TEXT = (r"(?:RRULE:)?FREQ=(?:" + "|".join(FREQUENCIES) + r")(?:;(?:INTERVAL=[1-9][0-9]{0,2}|(?:"
              + "|".join(RULE_PARTS) + r")=[^;\s]+))*")
_RRULE = re.compile(RRULE_TEXT)


# Whether a rule ever gives a date, for some start: it is tried without its UNTIL, COUNT and
# INTERVAL (which only shift which dates of a pattern are taken) over the 400 years from 9600, one
# whole cycle of the calendar (Sunday 29 February comes once in 28 years). A daily rule is tried as
# the yearly rule with the same parts (the same dates, 400 steps instead of 146,000). A rule with no
# date (30 February, BYSETPOS=6 of a month's Mondays) made the date library look for one day after
# day up to the year 9999 (3 s) each time it was expanded.
PROBE_START = dt.datetime(9600, 1, 1)


def _valid_rule(rule: str) -> bool:
    """Whether icalendar reads the parts of a rule in the accepted form (BYDAY=TU, COUNT=3, …) and
    the date library that expands it (recurring-ical-events uses dateutil) finds a date for it."""
    try:
        parts = vRecur.from_ical(rule)
        if "FREQ" not in parts:
            return False
        parsed = rrulestr(rule, dtstart=PROBE_START, ignoretz=True)
        if not isinstance(parsed, rrule):
            return False
        daily = parts["FREQ"] == ["DAILY"] and "BYSETPOS" not in parts
        probe = parsed.replace(until=None, count=None, interval=1, **({"freq": YEARLY} if daily else {}))
    except (ValueError, TypeError, OverflowError):
        return False
    return next(iter(probe), None) is not None


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
                f"veld '{name}': '{shown(raw)}' is geen geldige iCalendar-regel, of een regel die nooit een datum "
                f"geeft (zoals 30 februari); een voorbeeld is "
                f"'FREQ=WEEKLY;BYDAY=TU' (elke dinsdag). Een activiteit herhaalt hoogstens elke dag "
                f"(FREQ={', '.join(FREQUENCIES)}), met INTERVAL van 1 tot 999 en verder alleen "
                f"{', '.join(RULE_PARTS)}; de tijd komt uit 'start'.",
                line_of(node),
            )
        raise FieldError(
            f"veld '{name}': '{shown(raw)}' is geen geldige herhaling; kies uit: {allowed(self.values)}, "
            f"of schrijf een iCalendar-regel zoals 'FREQ=WEEKLY;BYDAY=TU'." + did_you_mean(raw, self.values),
            line_of(node),
        )

    def rule(self, value: str, until: dt.date | dt.datetime | None = None) -> vRecur | None:
        """The RRULE of a parsed value (a word or a rule), with ``herhaling_tot`` as UNTIL."""
        text = RRULES.get(value, value).removeprefix("RRULE:")
        if not _RRULE.fullmatch(text):
            return None
        try:
            rule = vRecur.from_ical(text)
        except (ValueError, TypeError):
            return None
        if until is not None:
            rule.pop("COUNT", None)
            rule["UNTIL"] = [until]
        return rule

    def schema(self) -> dict[str, Any]:
        return {"anyOf": [{"enum": list(self.values)}, {"type": "string", "pattern": anchored(RRULE_TEXT)}]}

    def example(self) -> str:
        return "wekelijks"

    def words(self) -> str:
        return "een herhaling"
