"""Activities as iCalendar events (written with ``icalendar``) and their occurrences (expanded
with ``recurring-ical-events``): one event per activity per build, shared by the calendars,
"Binnenkort" and the activity cards.

Expansion is bounded: rules repeat at most daily (the Recurrence kind), only a window of weeks
is expanded, and at most :data:`MAX_PER_ACTIVITY` occurrences of one activity are kept.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import recurring_ical_events
from icalendar import Calendar, Event, Timezone

from ..content.entity import Entity
from ..model.activity_time import END, REPEAT, REPEAT_UNTIL, START, has_time, is_past
from ..model.fields import RefValue
from ..model.kinds.choices import Recurrence

if TYPE_CHECKING:
    from ..build import Build

MAX_PER_ACTIVITY = 400
STATUS = {"afgelast": "CANCELLED"}  # "verplaatst": the page holds the new time, so CONFIRMED
CANCELLED = "afgelast"


@dataclass(frozen=True)
class Occurrence:
    entity: Entity
    start: dt.date | dt.datetime  # local time (naive) or a whole day
    end: dt.date | dt.datetime | None

    @property
    def day(self) -> dt.date:
        return self.start.date() if isinstance(self.start, dt.datetime) else self.start

    @property
    def cancelled(self) -> bool:
        return self.entity.status == CANCELLED


@dataclass
class Events:
    """The events of one build, by entity key, and the expanded window."""

    by_key: dict[str, Event] = field(default_factory=dict)
    window: dict[tuple[dt.date, int], list[Occurrence]] = field(default_factory=dict)
    serialised: dict[str, bytes] = field(default_factory=dict)  # VEVENT bytes by entity key
    timezone: bytes | None = None  # the VTIMEZONE, serialised
    heads: dict[str, bytes] = field(default_factory=dict)  # VCALENDAR properties by calendar name
    next_start: dict[str, dt.date | dt.datetime | None] = field(default_factory=dict)  # by entity key


def events(build: Build) -> Events:
    cached = build.caches.events
    if cached is None:
        cached = Events()
        for entity in build.site.entities:
            if has_time(entity.data):
                cached.by_key[entity.key] = event_for(build, entity)
        build.caches.events = cached
    return cached


def uid_of(build: Build, entity: Entity) -> str:
    """Stable across builds: the entity's key and the site's host."""
    host = urlsplit(build.options.site_url).hostname or "buurtwiki"
    return f"{entity.type.name}-{entity.slug}@{host}"


def absolute_url(build: Build, url: str) -> str | None:
    base = build.options.site_url
    return base.rstrip("/") + "/" + build.public_url(url) if base else None


def _local(build: Build, value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=build.tz)
    return value


def _until(build: Build, start: Any, until: Any) -> dt.date | dt.datetime | None:
    """``herhaling_tot`` as UNTIL: the same value type as DTSTART (RFC 5545), in UTC for a time."""
    if not isinstance(until, dt.date):
        return None
    day = until.date() if isinstance(until, dt.datetime) else until
    if isinstance(start, dt.datetime):
        end_of_day = dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=build.tz)
        return end_of_day.astimezone(dt.timezone.utc)
    return day


def event_for(build: Build, entity: Entity) -> Event:
    start = entity.get(START)
    event = Event()
    event.add("uid", uid_of(build, entity))
    event.add("dtstamp", dt.datetime.combine(build.today, dt.time(), tzinfo=dt.timezone.utc))
    event.add("summary", entity.title)
    event.add("dtstart", _local(build, start))
    end = entity.get(END)
    if isinstance(end, dt.date) and type(end) is type(start) and end >= start:
        event.add("dtend", _local(build, end))
    rule = _rule(build, entity)
    if rule is not None:
        event.add("rrule", rule)
    event.add("status", STATUS.get(entity.status or "", "CONFIRMED"))
    if entity.summary:
        event.add("description", entity.summary)
    _add_place(build, entity, event)
    url = absolute_url(build, entity.url)
    if url:
        event.add("url", url)
    return event


def _rule(build: Build, entity: Entity):
    """``herhaling`` as an RRULE, read by the field's Recurrence kind (the one word → rule mapping)."""
    spec, repeat = entity.type.field(REPEAT), entity.get(REPEAT)
    if spec is None or not isinstance(spec.kind, Recurrence) or not isinstance(repeat, str):
        return None
    return spec.kind.rule(repeat, _until(build, entity.get(START), entity.get(REPEAT_UNTIL)))


def _add_place(build: Build, entity: Entity, event: Event) -> None:
    ref = entity.get("plek")
    place = build.site.resolve(ref) if isinstance(ref, RefValue) else None
    if place is None:
        return
    address = place.get("adres")
    event.add("location", f"{place.title}, {address}" if address else place.title)
    location = place.get("locatie")
    if location:
        event.add("geo", (location[0], location[1]))


def calendar_of(build: Build, entities: list[Entity], name: str = "") -> bytes:
    """A VCALENDAR with VTIMEZONE for the site's time zone and one VEVENT per activity.

    Every part is written by icalendar; each event and the VTIMEZONE are serialised once per
    build and joined per file (the site, each wijk and each activity share them)."""
    cache = events(build)
    head = cache.heads.get(name)
    if head is None:
        cal = Calendar()
        cal.add("prodid", "-//Buurtwiki//NL")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        if name:
            cal.add("x-wr-calname", name)
        cal.add("x-wr-timezone", build.options.timezone)
        head = cache.heads[name] = cal.to_ical().removesuffix(b"END:VCALENDAR\r\n")
    parts = [head, _timezone(build, cache)]
    for entity in entities:
        event = cache.by_key.get(entity.key)
        if event is not None:
            if entity.key not in cache.serialised:
                cache.serialised[entity.key] = event.to_ical()
            parts.append(cache.serialised[entity.key])
    parts.append(b"END:VCALENDAR\r\n")
    return b"".join(parts)


def _timezone(build: Build, cache: Events) -> bytes:
    """The VTIMEZONE of the site's zone, from the first event's year to five years ahead."""
    if cache.timezone is None:
        starts = [_sort_key(build.site.by_key[key].get(START)).date() for key in cache.by_key]
        first = min([build.today, *starts]).replace(month=1, day=1)
        last = build.today.replace(month=1, day=1) + dt.timedelta(days=5 * 366)
        zone = Timezone.from_tzinfo(build.tz, build.options.timezone, first_date=first, last_date=last)
        cache.timezone = zone.to_ical()
    return cache.timezone


def window(build: Build, weeks: int) -> list[Occurrence]:
    """Every occurrence from today for ``weeks`` weeks, repeats expanded, by start."""
    key = (build.today, weeks)
    found = events(build).window.get(key)
    if found is None:
        found = _expand(build, build.today, build.today + dt.timedelta(weeks=weeks))
        events(build).window[key] = found
    return found


def _expand(build: Build, first: dt.date, end: dt.date) -> list[Occurrence]:
    by_key = events(build).by_key
    by_uid = {str(event.get("uid")): build.site.by_key[key] for key, event in by_key.items()}
    cal = Calendar()
    found: list[Occurrence] = []
    for key, event in by_key.items():
        entity = build.site.by_key[key]
        if is_past(entity.data, first) or _sort_key(entity.data[START]).date() >= end:
            continue  # cannot fall in the window
        if "rrule" in event:
            cal.add_component(_near(event, first))  # repeats are expanded by recurring-ical-events
        else:
            start, stop = entity.data[START], entity.data.get(END)
            found.append(Occurrence(entity, start, stop if "dtend" in event else None))
    counts: dict[str, int] = {}
    for hit in _between(cal, first, end):
        uid = str(hit.get("uid"))
        counts[uid] = counts.get(uid, 0) + 1
        series = by_uid.get(uid)
        if series is not None and counts[uid] <= MAX_PER_ACTIVITY:
            stop = _end(build, hit) if "dtend" in by_key[series.key] else None  # no invented end time
            found.append(Occurrence(series, _naive(build, hit.get("dtstart").dt), stop))
    return sorted(found, key=lambda o: (_sort_key(o.start), o.entity.title.lower()))


def _between(cal: Calendar, first: dt.date, end: dt.date) -> list[Event]:
    """The occurrences in the window; a series the date library cannot expand (a rule the checks
    let through by mistake) is left out, never the whole calendar."""
    try:
        return list(recurring_ical_events.of(cal).between(first, end))
    except Exception:  # noqa: BLE001 - one activity must not stop "Binnenkort"
        hits: list[Event] = []
        for event in cal.walk("VEVENT"):
            one = Calendar()
            one.add_component(event)
            try:
                hits += recurring_ical_events.of(one).between(first, end)
            except Exception:  # noqa: BLE001, S112 - see above
                continue
        return hits


def _near(event: Event, first: dt.date) -> Event:
    """The event to expand from ``first``: a daily or weekly series (without COUNT) that began more
    than a year before starts a whole number of its periods later: the same days at the same times,
    but the date library no longer steps through every day since its start (1500 is a valid
    year: 0.3 s for each activity)."""
    rule, start = event.get("rrule"), event.get("dtstart").dt
    freq = (rule.get("FREQ") or [None])[0]
    if "COUNT" in rule or freq not in ("DAILY", "WEEKLY"):
        return event
    gap = (first - (start.date() if isinstance(start, dt.datetime) else start)).days - 366
    period = int((rule.get("INTERVAL") or [1])[0]) * (7 if freq == "WEEKLY" else 1)
    if gap <= period:
        return event
    shift = dt.timedelta(days=gap - gap % period)
    moved = Event()
    for name, value in event.items():
        if name not in ("DTSTART", "DTEND"):
            moved[name] = value
    moved.add("dtstart", start + shift)
    if "dtend" in event:
        moved.add("dtend", event.get("dtend").dt + shift)
    return moved


def _end(build: Build, hit: Event) -> dt.date | dt.datetime | None:
    end = hit.get("dtend")
    return _naive(build, end.dt) if end is not None else None


def _naive(build: Build, value: dt.date | dt.datetime) -> dt.date | dt.datetime:
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(build.tz).replace(tzinfo=None)
    return value


def _sort_key(value: dt.date | dt.datetime) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())


def next_start(build: Build, entity: Entity) -> dt.date | dt.datetime | None:
    """The first occurrence of a repeat from today within a year, for a card; None when there is none."""
    cache = events(build)
    event = cache.by_key.get(entity.key)
    if event is None or not entity.get(REPEAT):
        return None
    if not cache.next_start:
        for occ in reversed(window(build, 8)):  # the common case, already expanded for "Binnenkort"
            cache.next_start[occ.entity.key] = occ.start
        cache.next_start[""] = None  # computed
    if entity.key not in cache.next_start:
        start = entity.get(START)
        if is_past(entity.data, build.today):
            cache.next_start[entity.key] = None
        elif _sort_key(start).date() >= build.today:
            cache.next_start[entity.key] = start  # a series that has not begun starts at its start
        else:
            cache.next_start[entity.key] = _after(build, event)
    return cache.next_start[entity.key]


def _after(build: Build, event: Event) -> dt.date | dt.datetime | None:
    one = Calendar()
    one.add_component(_near(event, build.today))
    for hit in recurring_ical_events.of(one).after(build.today):
        start = _naive(build, hit.get("dtstart").dt)
        return start if _sort_key(start).date() <= build.today + dt.timedelta(days=366) else None
    return None
