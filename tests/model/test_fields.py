"""Field kinds: the values residents write, read the way they mean them."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from buurtwiki.model.fields import DateTime, FieldError, LatLon, Number, OpeningHours, Recurrence, slugify
from buurtwiki.model.schema import HERHALING_WORDS


def node(text: str):
    return yaml.compose(f"v: {text}").value[0][1]


@pytest.mark.parametrize(("title", "slug"), [
    ("Coöperatie Zon op ’t Dak", "cooperatie-zon-op-t-dak"),
    ("Buurthuis De Eester", "buurthuis-de-eester"),
    ("Eten & Drinken!", "eten-en-drinken"),
    ("  Één  twee  ", "een-twee"),
])
def test_slugify(title, slug):
    assert slugify(title) == slug


def test_dutch_numbers():
    assert Number().parse(node("20.000"), "inwoners") == 20000
    assert Number().parse(node("'€ 300.000'"), "maximaal_bedrag") == 300000
    assert Number().parse(node("1,5"), "x") == 1.5


def test_datetime_with_and_without_time():
    assert DateTime().parse(node("2026-12-01 19:30"), "start") == dt.datetime(2026, 12, 1, 19, 30)
    assert DateTime().parse(node("2026-12-01"), "start") == dt.date(2026, 12, 1)
    with pytest.raises(FieldError, match="geen bestaande tijd"):
        DateTime().parse(node("2026-12-01 25:00"), "start")


def test_latlon_accepts_list_or_text():
    assert LatLon().parse(node("[52.37, 4.92]"), "locatie") == (52.37, 4.92)
    assert LatLon().parse(node("'52.37, 4.92'"), "locatie") == (52.37, 4.92)


def test_opening_hours():
    for ok in ("ma-vr 09:00-17:00", "za 10:00-14:00", "wo,do 19:00-22:00", "ma-wo, vr 9:00-12:00"):
        assert OpeningHours().parse(node(f"'{ok}'"), "openingstijden") == ok
    with pytest.raises(FieldError, match="Bedoel je 'ma 09:00-17:00'"):  # the whole line, not just the day
        OpeningHours().parse(node("'maandag 9-5'"), "openingstijden")


def test_recurrence_words_and_rrule():
    kind = Recurrence(HERHALING_WORDS)
    assert kind.parse(node("wekelijks"), "herhaling") == "wekelijks"
    assert kind.parse(node("'FREQ=WEEKLY;BYDAY=TU'"), "herhaling") == "FREQ=WEEKLY;BYDAY=TU"
    with pytest.raises(FieldError, match="Bedoel je 'wekelijks'"):
        kind.parse(node("weekelijks"), "herhaling")
    with pytest.raises(FieldError, match="iCalendar"):
        kind.parse(node("'FREQ=SOMETIMES'"), "herhaling")
