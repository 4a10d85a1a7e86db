""""Binnenkort": repeats expanded over the next 8 weeks from the build date, grouped by week and day;
past one-off activities read "geweest" under "Eerder" and never "gepland"; cards show date, time, place."""

from __future__ import annotations

import re

from ..helpers import build, render
from .sites import WIJK


def test_weekly_activity_shows_every_coming_tuesday(site_dir):
    b = build(site_dir(WIJK))  # build date: Saturday 21 November 2026
    html = render(b, "binnenkort/index.md")
    tuesdays = re.findall(r'<time class="bw-time" datetime="(20\d\d-\d\d-\d\dT09:30:00)">09:30–11:00</time>', html)
    assert tuesdays[:3] == ["2026-11-24T09:30:00", "2026-12-01T09:30:00", "2026-12-08T09:30:00"]
    assert len(tuesdays) == 8
    assert "Week 48: 23 – 29 november 2026" in html
    assert "dinsdag 24 november 2026" in html
    assert "Buurthuis &lt;De Eik&gt;</a>, Eikstraat 1, Amsterdam" in html
    assert "2025-01-07" not in html.split('id="eerder"')[0]  # not the first date of the series


def test_cancelled_occurrence_is_marked(site_dir):
    html = render(build(site_dir(WIJK)), "wijken/test-wijk/binnenkort.md")
    assert re.search(r'bw-cancelled">\s*<p class="bw-card-title"><time[^>]*>14:00</time> <a [^>]*>Kerstmarkt</a> '
                     r'<span class="bw-badge bw-status-afgelast">afgelast</span>', html)


def test_past_one_off_is_geweest_and_listed_earlier(site_dir):
    b = build(site_dir(WIJK))
    html = render(b, "binnenkort/index.md")
    earlier = html.split('id="eerder"')[1]
    assert "BuurtTop 2019" in earlier and "bw-status-geweest" in earlier
    overview = render(b, "wijken/test-wijk/activiteiten/index.md")
    card = overview[overview.index("BuurtTop 2019"):].split("</li>")[0]
    assert "geweest" in card and "gepland" not in card
    page = render(b, "wijken/test-wijk/activiteiten/buurttop-2019.md")
    assert "bw-status-geweest" in page and "bw-status-gepland" not in page


def test_activity_cards_show_date_time_and_place(site_dir):
    overview = render(build(site_dir(WIJK)), "wijken/test-wijk/activiteiten/index.md")
    card = overview[overview.index("Koffie-ochtend"):].split("</li>")[0]
    assert 'class="bw-card-when"' in card and "Wekelijks · volgende keer" in card and "dinsdag 24 november 2026, 09:30" in card and "Buurthuis &lt;De Eik&gt;" in card


def test_wijk_page_shows_the_next_five(site_dir):
    html = render(build(site_dir(WIJK)), "wijken/test-wijk/index.md")
    section = html[html.index('id="binnenkort-in-de-wijk"'):]
    assert len(re.findall(r'<li class="bw-card', section.split('class="bw-more"')[0])) == 5
    assert 'href="binnenkort/"' in section and 'href="activiteiten.ics"' in section
