"""When a thing is finished, and when a page is stale: one rule each, for every page that asks.

Loose ends leave finished things out; the page notices say "Dit initiatief is gestopt" and
"Klopt dit nog?". Both read these functions, so they cannot drift apart.
"""

from __future__ import annotations

import datetime as dt

from .activity_time import PAST, is_past
from .dates import as_date, months_before
from .schema import DEFAULT_REGISTRY
from .types import CONFIRMED, STATUS, EntityType

# The status words after which nothing more is expected of a thing, per type.
# (``EntityType.finished`` in the registry; read from the default registry here for callers that
# only have a type name.)
FINISHED = {t.name: t.finished for t in DEFAULT_REGISTRY if t.finished}
CONFIRMED_FIELD = CONFIRMED


def is_finished(type_name: str, status: str | None) -> bool:
    """True when ``status`` is a final status of ``type_name`` (e.g. an initiative that stopped)."""
    return (status or "") in FINISHED.get(type_name, frozenset())


def stale_cutoff(today: dt.date, stale_months: int) -> dt.date:
    """A page confirmed before this day is stale."""
    return months_before(today, stale_months)


def is_stale(confirmed: object, today: dt.date, stale_months: int) -> bool:
    """True when the confirmation date lies more than ``stale_months`` months before ``today``.

    A page that was never confirmed is not "stale" here; loose ends list it separately."""
    day = as_date(confirmed)
    return day is not None and day < stale_cutoff(today, stale_months)


# A one-off event (a page with a start and no repeat) whose day has passed: its status was
# "gepland" when it was written and nobody changes it afterwards. Pages show "geweest" instead.


def activity_state(entity_type: EntityType, data: dict, today: dt.date) -> str | None:
    """The status to show for a page of ``entity_type`` with values ``data`` on ``today``.

    The written status, or the type's default; ``geweest`` for an activity that lies wholly before
    today (model/activity_time.py:is_past) and still has its default status (an event that was
    cancelled stays cancelled)."""
    status = data.get(STATUS) or entity_type.status_default
    if status != entity_type.status_default:
        return status
    return PAST if is_past(data, today) else status
