"""What a ``herhaling`` means as an iCalendar RRULE: the one mapping of the Dutch words, used by
the Recurrence kind (validation) and by the calendars and "Binnenkort" pages."""

from __future__ import annotations

import datetime as dt

from icalendar.prop import vRecur

RRULES = {
    "wekelijks": "FREQ=WEEKLY",
    "tweewekelijks": "FREQ=WEEKLY;INTERVAL=2",
    "maandelijks": "FREQ=MONTHLY",
}
# A neighbourhood activity repeats at most daily: a rule that repeats every hour, minute or
# second is refused, so that expanding a few weeks of it stays small.
ALLOWED_FREQ = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
MAX_LENGTH = 200


def parse_rule(raw: str) -> vRecur | None:
    """An RRULE written as text (``FREQ=WEEKLY;BYDAY=TU``), or None when it is not a usable one."""
    text = raw.strip().removeprefix("RRULE:")
    if len(text) > MAX_LENGTH or any(c in text for c in "\r\n:"):
        return None
    try:
        rule = vRecur.from_ical(text)
    except (ValueError, TypeError, KeyError):
        return None
    freq = rule.get("FREQ")
    if not freq or str(freq[0]).upper() not in ALLOWED_FREQ:
        return None
    return rule


def rrule(value: str, until: dt.date | dt.datetime | None = None) -> vRecur | None:
    """The RRULE of a ``herhaling`` value (a word or a rule), with ``herhaling_tot`` as UNTIL."""
    rule = parse_rule(RRULES.get(value, value))
    if rule is None:
        return None
    if until is not None:
        rule = vRecur(rule)
        rule.pop("COUNT", None)
        rule["UNTIL"] = [until]
    return rule
