"""iCalendar files written with icalendar: valid VCALENDAR with VTIMEZONE, weekly RRULE with UNTIL,
local start time, stable UIDs, STATUS:CANCELLED, LOCATION/GEO/URL; hostile text stays text."""

from __future__ import annotations

import datetime as dt
import time
from zoneinfo import ZoneInfo

import recurring_ical_events
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar, vRecur

from buurtwiki.outputs.occurrences import window

from ..helpers import build, render
from .sites import WIJK

SITE = "https://buurt.example/"


def _cal(b, path: str) -> Calendar:
    return Calendar.from_ical(b.outputs.files[path].data())


def _events(cal: Calendar) -> dict[str, object]:
    return {str(e["summary"]): e for e in cal.walk("VEVENT")}


def test_site_and_wijk_calendars_hold_every_activity(site_dir):
    b = build(site_dir(WIJK), site_url=SITE)
    for path in ("data/activiteiten.ics", "wijken/test-wijk/activiteiten.ics"):
        cal = _cal(b, path)
        assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
        assert sorted(_events(cal)) == ["BuurtTop 2019", "Kerstmarkt", "Koffie-ochtend"]


def test_weekly_repeat_has_rrule_until_and_local_start(site_dir):
    b = build(site_dir(WIJK), site_url=SITE)
    raw = b.outputs.files["data/activiteiten.ics"].data().decode()
    assert "DTSTART;TZID=Europe/Amsterdam:20250107T093000" in raw
    event = _events(_cal(b, "data/activiteiten.ics"))["Koffie-ochtend"]
    rule = event["rrule"]
    assert rule["FREQ"] == ["WEEKLY"]
    assert rule["UNTIL"][0].astimezone(dt.timezone.utc) == dt.datetime(2027, 6, 30, 21, 59, 59, tzinfo=dt.timezone.utc)
    assert event["url"] == SITE + "wijken/test-wijk/activiteiten/koffie/"
    assert str(event["location"]) == "Buurthuis <De Eik>, Eikstraat 1, Amsterdam"
    assert (event["geo"].latitude, event["geo"].longitude) == (52.37, 4.92)
    # Expanded, a Tuesday in December 2026 starts at 09:30 local time (after the switch to winter time).
    hits = recurring_ical_events.of(_cal(b, "data/activiteiten.ics")).between(dt.date(2026, 12, 1), dt.date(2026, 12, 3))
    assert [h["dtstart"].dt.strftime("%Y-%m-%d %H:%M %Z") for h in hits] == ["2026-12-01 09:30 CET"]


def test_uids_are_stable_across_builds(site_dir):
    root = site_dir(WIJK)
    first = _events(_cal(build(root, site_url=SITE), "data/activiteiten.ics"))
    second = _events(_cal(build(root, today=dt.date(2027, 1, 5), site_url=SITE), "data/activiteiten.ics"))
    assert {k: str(v["uid"]) for k, v in first.items()} == {k: str(v["uid"]) for k, v in second.items()}
    assert str(first["Koffie-ochtend"]["uid"]) == "activiteit-koffie@buurt.example"


def test_cancelled_is_status_cancelled(site_dir):
    b = build(site_dir(WIJK))
    assert str(_events(_cal(b, "data/activiteiten.ics"))["Kerstmarkt"]["status"]) == "CANCELLED"


def test_each_activity_has_its_own_file_linked_from_its_page(site_dir):
    b = build(site_dir(WIJK))
    cal = _cal(b, "wijken/test-wijk/activiteiten/koffie/agenda.ics")
    assert list(_events(cal)) == ["Koffie-ochtend"]
    html = render(b, "wijken/test-wijk/activiteiten/koffie.md")
    assert '<a class="bw-ics" href="agenda.ics" download>Zet in je agenda</a>' in html


def test_hostile_title_cannot_add_properties(site_dir):
    hostile = {"wijken/test-wijk/activiteiten/x.md": (
        '---\ntitel: "Feest\\r\\nATTENDEE:mailto:boef@example.org\\nEND:VEVENT"\nstart: 2026-12-01 19:00\n---\nx\n'
    )}
    b = build(site_dir({**WIJK, **hostile}))
    cal = _cal(b, "data/activiteiten.ics")
    assert len(cal.walk("VEVENT")) == 4
    assert not any("ATTENDEE" in e for e in cal.walk("VEVENT"))


def test_rules_that_repeat_more_than_daily_are_refused(site_dir):
    page = {"wijken/test-wijk/activiteiten/x.md": "---\ntitel: X\nstart: 2026-12-01 19:00\nherhaling: FREQ=SECONDLY\n---\nx\n"}
    b = build(site_dir({**WIJK, **page}))
    [problem] = [p for p in b.problems.items if p.path.endswith("x.md")]
    assert problem.level == "fout" and "hoogstens elke dag" in problem.message and "FREQ=SECONDLY" in problem.message
    assert "RRULE:FREQ=SECONDLY" not in b.outputs.files["data/activiteiten.ics"].data().decode()


def test_words_map_to_rrules_in_one_place():
    from buurtwiki.model.kinds.choices import RRULES, Recurrence
    from buurtwiki.model.schema import DEFAULT_REGISTRY, HERHALING_WORDS

    assert set(RRULES) == set(HERHALING_WORDS)
    kind = DEFAULT_REGISTRY.get("activiteit").field("herhaling").kind
    assert isinstance(kind, Recurrence)
    assert kind.rule("tweewekelijks")["INTERVAL"] == [2]


def test_rules_cannot_multiply_occurrences_within_a_day(site_dir):
    hostile = "FREQ=DAILY;BYHOUR=" + ",".join(map(str, range(24))) + ";BYMINUTE=" + ",".join(map(str, range(60)))
    pages = {f"wijken/test-wijk/activiteiten/x{i}.md": f"---\ntitel: X\nstart: 2026-12-01 19:00\nherhaling: {rule}\n---\nx\n"
             for i, rule in enumerate([hostile, "FREQ=DAILY;INTERVAL=0"])}
    b = build(site_dir({**WIJK, **pages}))
    errors = [p for p in b.problems.items if "/x" in p.path]
    assert len(errors) == 2 and all(p.level == "fout" and "de tijd komt uit 'start'" in p.message for p in errors)
    assert "BYHOUR" not in b.outputs.files["data/activiteiten.ics"].data().decode()


def test_rules_that_never_give_a_date_are_refused_and_cost_no_build_time(site_dir):
    """30 February made the date library look for a date day after day up to the year 9999 (3 s
    per activity, every build); BYSETPOS=400 passed the check and stopped the build with a traceback."""
    rules = ["FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=400", "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-999"]
    pages = {f"wijken/test-wijk/activiteiten/x{i}.md": f"---\ntitel: X{i}\nstart: 2026-12-01 19:00\nherhaling: {rule}\n---\nx\n"
             for i, rule in enumerate(rules)}
    started = time.perf_counter()
    b = build(site_dir({**WIJK, **pages}), today=dt.date(2026, 11, 30))
    window(b, 8)
    assert time.perf_counter() - started < 3
    errors = [p for p in b.problems.items if "/x" in p.path]
    assert len(errors) == 3 and all(p.level == "fout" and "nooit een datum" in p.message for p in errors)


def test_rules_whose_dates_depend_on_the_start_or_come_rarely_are_accepted():
    """A review found two valid rules refused when they were tried from one fixed date only."""
    from buurtwiki.model.kinds.choices import _valid_rule

    assert _valid_rule("FREQ=MONTHLY;INTERVAL=24;BYMONTH=3")  # every other March, from a March start
    assert _valid_rule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=SU")  # 29 February on a Sunday: 2032, 2060, …
    assert not _valid_rule("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6")  # a sixth Monday in a month: never


@settings(max_examples=60, deadline=None)
@given(
    start=st.datetimes(min_value=dt.datetime(1500, 1, 1), max_value=dt.datetime(2026, 11, 1)),
    freq=st.sampled_from(["DAILY", "WEEKLY"]),
    interval=st.integers(1, 9),
    days=st.sets(st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU"]), max_size=3),
    first=st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2027, 12, 31)),
)
def test_a_series_that_began_long_ago_gives_the_same_dates_from_a_later_start(start, freq, interval, days, first):
    """A daily or weekly series from 1500 is expanded from a whole number of its periods later
    (0.3 s per activity otherwise): the dates and times in the window are the same."""
    from icalendar import Event

    from buurtwiki.outputs.occurrences import _near

    tz = ZoneInfo("Europe/Amsterdam")
    event = Event()
    event.add("uid", "x")
    event.add("dtstart", start.replace(second=0, microsecond=0, tzinfo=tz))
    event.add("dtend", start.replace(second=0, microsecond=0, tzinfo=tz) + dt.timedelta(hours=2))
    rule = f"FREQ={freq};INTERVAL={interval}" + (f";BYDAY={','.join(sorted(days))}" if days and freq == "WEEKLY" else "")
    event.add("rrule", vRecur.from_ical(rule))

    def dates(one: Event) -> list[tuple[str, str]]:
        cal = Calendar()
        cal.add_component(one)
        hits = recurring_ical_events.of(cal).between(first, first + dt.timedelta(weeks=8))
        return [(h["dtstart"].dt.isoformat(), h["dtend"].dt.isoformat()) for h in hits]

    assert dates(_near(event, first)) == dates(event)
