"""iCalendar files written with icalendar: valid VCALENDAR with VTIMEZONE, weekly RRULE with UNTIL,
local start time, stable UIDs, STATUS:CANCELLED, LOCATION/GEO/URL; hostile text stays text."""

from __future__ import annotations

import datetime as dt

import recurring_ical_events
from icalendar import Calendar

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
