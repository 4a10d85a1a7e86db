"""The rendered pages: agenda, item, organisation, initiative, "Wie reageerde?" and the editions list."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from buurtwiki.agenda.ledger import ledger_for
from buurtwiki.agenda.timeline import build_timeline
from buurtwiki.history import Commit, FileChange
from buurtwiki.outputs.render import RenderContext

from .conftest import render

AGENDA = "wijken/noord/toekomstagenda/2019/index.md"
GROEN = "wijken/noord/toekomstagenda/2019/groen.md"


def section(html: str, section_id: str) -> str:
    """The HTML of one entity page section (up to the next section or the page footer)."""
    match = re.search(rf'<section class="bw-section[^"]*" id="{section_id}"', html)
    assert match, f"section {section_id} missing"
    ends = [html.find(marker, match.end()) for marker in ('<section class="bw-section', '<footer class="bw-page-footer"')]
    return html[match.start():min(e for e in ends if e != -1)]


def href(build, from_src: str, entity_key: str) -> str:
    page = build.outputs.pages[from_src]
    return RenderContext(build, page.url).href(build.site.get(entity_key))


def test_agenda_page_shows_origin_state_and_items_by_theme(demo):
    html = render(demo, AGENDA)
    origin = section(html, "herkomst")
    assert '<time datetime="2019-04-20">20 april 2019</time>' in origin
    assert "BuurtTop Noord" in origin and "zaterdag 13 april 2019" in origin and "Het Buurthuis" in origin
    assert "150 mensen" in origin and "2025" in origin and "horizon is inmiddels voorbij" in origin
    assert 'href="https://example.org/agenda-2019.pdf"' in origin

    state = section(html, "stand-van-zaken")
    assert re.search(r"bw-status-vastgelopen\">vastgelopen</span> <strong>1</strong>", state)
    assert re.search(r"bw-zero\"><span class=\"bw-badge bw-status-losgelaten\">losgelaten</span> <strong>0</strong>", state)

    items = section(html, "agendapunten")
    positions = [items.index(t) for t in ("Duurzaamheid", "Masterplan Groen", "Zon op het dak", "Leefbaarheid", "Samen wonen",
                                          "Zonder thema", "Vaker een BuurtTop")]
    assert positions == sorted(positions)
    assert '<progress max="100" value="15"' in items and "15% klaar" in items
    assert "Niemand trekt dit punt." in items
    assert "Krijgt een vervolg in" in items and "Groen, opnieuw" in items

    addressees = section(html, "gericht-aan")
    assert addressees.index("Corporatie B") < addressees.index("Zorg C") < addressees.index("Gemeente A")
    assert "andere-edities" in html and "Toekomstagenda Noord 2023" in section(html, "andere-edities")


def test_item_page_ledger(demo):
    html = render(demo, GROEN)
    assert "15% klaar" in section(html, "voortgang")
    assert f'href="{href(demo, GROEN, "initiatief:vergroeners")}"' in section(html, "voortgang")
    ledger = section(html, "wie-reageerde")
    assert "<caption>" in ledger and '<th scope="col">Organisatie</th>' in ledger and '<th scope="row">' in ledger
    assert "21 november 2026" in ledger  # days are counted up to the build date, which is said
    rows = re.findall(r"<tr class=\"bw-ledger-row.*?</tr>", ledger, re.S)
    assert len(rows) == 4
    gemeente, corporatie, zorg, stil = rows
    assert f'href="{href(demo, GROEN, "organisatie:gemeente-a")}"' in gemeente
    assert "gesprek gevoerd" in gemeente and '<time datetime="2019-07-02">' in gemeente and "na 57 dagen" in gemeente
    assert "Een gesprek op het stadhuis." in gemeente and 'href="https://example.org/verslag"' in gemeente
    assert "geen reactie" in corporatie and "<strong>2756 dagen</strong> stil" in corporatie
    assert "nog onbekend" in zorg and "<strong>2730 dagen</strong> zonder bekende reactie" in zorg
    assert "verzenddatum onbekend: dagen niet te tellen" in stil


def test_item_page_story_is_one_ordered_timeline(demo):
    html = render(demo, GROEN)
    story = section(html, "verhaal")
    assert story.count("<ol class=\"bw-timeline\">") == 1
    dates = re.findall(r'<li class="bw-event[^"]*"><time datetime="([\d-]+)"', story)
    assert dates == sorted(dates)
    assert dates[0] == "2019-04-13" and dates[-1] == "2026-11-21"
    kinds = re.findall(r'<li class="bw-event bw-event-([a-z]+)', story)
    for kind in ("herkomst", "vastgesteld", "verzonden", "reactie", "mijlpaal", "ontstaan", "vervolg", "stilte"):
        assert kind in kinds, kind
    assert kinds.count("verzonden") == 3  # 6 May (two organisations), 1 June, and one without a date
    assert "Werkgroep vergroeners</a> ontstaat uit dit punt" in story
    assert "Oost Begroot start" in story
    assert "Krijgt een vervolg in" in story  # the old point's own words, as on the edition's card (toekomstagenda.md)
    assert "Zonder datum" in story  # the row without a sending date


def test_item_page_initiatives_and_editions(demo):
    html = render(demo, GROEN)
    initiatives = section(html, "initiatieven")
    assert "Werkgroep vergroeners" in initiatives
    assert "trekt dit punt, ontstaan uit dit punt en draagt eraan bij, sinds 1 juni 2019" in initiatives
    editions = section(html, "edities")
    assert "Groen, opnieuw" in editions and "(deze pagina)" in editions
    later = render(demo, "wijken/noord/toekomstagenda/2023/groen-opnieuw.md")
    assert f'href="{href(demo, "wijken/noord/toekomstagenda/2023/groen-opnieuw.md", "agendapunt:groen")}"' in section(later, "edities")
    zon = render(demo, "wijken/noord/toekomstagenda/2019/zon.md")
    assert "Zonnig Noord" in section(zon, "initiatieven") and "draagt eraan bij" in section(zon, "initiatieven")


def _change(when: dt.datetime, author: str, summary: str, status: str = "M", bot: bool = False) -> FileChange:
    commit = Commit(sha="0" * 40, time=int(when.timestamp()), offset=0, author=author, coauthors=(),
                    message=summary, bot=bot)
    return FileChange(commit=commit, code=status, path=GROEN)


class _History:
    """The one method of HistoryIndex the story uses, with changes chosen by the test."""

    def __init__(self, changes: list[FileChange], path: str) -> None:
        self.changes, self.path = changes, path

    def history(self, path: str) -> tuple[FileChange, ...]:
        return tuple(self.changes) if path == self.path else ()


def test_history_in_the_story(demo):
    item = demo.site.get("agendapunt:groen")
    changes = [
        _change(dt.datetime(2025, 6, 30, 22, 30, tzinfo=dt.timezone.utc), "Joost", "reactie toegevoegd"),
        _change(dt.datetime(2024, 1, 2, 23, 30, tzinfo=dt.timezone.utc), "dependabot[bot]", "bump", bot=True),
        _change(dt.datetime(2024, 1, 2, 23, 30, tzinfo=dt.timezone.utc), "Fatima", "status aangepast", "A"),
    ]
    timeline = build_timeline(ledger_for(demo), item, _History(changes, item.path), ZoneInfo("Europe/Amsterdam"))
    found = [e for e in timeline.events if e.kind == "wijziging"]
    assert [(e.when, e.author, e.title, e.detail) for e in found] == [
        (dt.date(2024, 1, 3), "Fatima", "status aangepast", "toegevoegd"),  # local date of the commit
        (dt.date(2025, 7, 1), "Joost", "reactie toegevoegd", "gewijzigd"),
    ]
    assert all(e.url == f"{item.url}geschiedenis/" for e in found) and timeline.history_url == f"{item.url}geschiedenis/"
    # without a history index the story simply has no changes
    assert not [e for e in build_timeline(ledger_for(demo), item, None).events if e.kind == "wijziging"]


def test_history_links_to_the_history_page(demo, monkeypatch):
    change = _change(dt.datetime(2024, 1, 2, 12, 0, tzinfo=dt.timezone.utc), "<b>Fatima</b>", "status <script>")
    monkeypatch.setattr(demo, "history", _History([change], GROEN))
    story = section(render(demo, GROEN), "verhaal")
    assert '<a href="geschiedenis/">Pagina gewijzigd</a> door &lt;b&gt;Fatima&lt;/b&gt;: status &lt;script&gt;' in story
    assert 'href="geschiedenis/">De geschiedenis van deze pagina</a>' in story


def test_organisation_page(demo):
    src = "organisaties/corporatie-b.md"
    html = render(demo, src)
    part = section(html, "aan-deze-organisatie-gericht")
    assert "Aan deze organisatie gericht" in part
    assert "kreeg 3 agendapunten" in part and "2 daarvan kregen een reactie, 1 een inhoudelijke" in part
    assert "Mediaan tot een reactie: 20 dagen." in part and "1 open stilte; de langste duurt 2756 dagen" in part
    for key in ("agendapunt:groen", "agendapunt:zon", "agendapunt:groen-opnieuw"):  # across editions
        assert f'href="{href(demo, src, key)}"' in part
    assert "Toekomstagenda Noord 2023" in part and "afgewezen" in part
    assert "aan-deze-organisatie-gericht" not in render(demo, "organisaties/niemand-e.md")


def test_initiative_page_shows_the_items_it_carries(demo):
    src = "wijken/noord/initiatieven/vergroeners.md"
    part = section(render(demo, src), "bij-de-toekomstagenda")
    assert f'href="{href(demo, src, "agendapunt:groen")}"' in part
    assert "trekt dit punt, draagt bij en ontstaan uit dit punt" in part
    zonnig = section(render(demo, "wijken/noord/initiatieven/zonnig.md"), "bij-de-toekomstagenda")
    assert "Zon op het dak" in zonnig and "Groen, opnieuw" in zonnig


def test_accountability_overview(demo):
    page = demo.outputs.pages["verantwoording/index.md"]
    assert page.url == "verantwoording/" and page.title == "Wie reageerde?"
    html = render(demo, "verantwoording/index.md")
    default = re.search(r'<div class="bw-sort-view bw-sort-default" id="op-stilte">.*?</table>', html, re.S).group(0)
    names = re.findall(r'<th scope="row"><a href="[^"]*">([^<]+)</a>', default)
    assert names == ["Corporatie B", "Zorg C", "Stil D", "Gemeente A"]
    assert "Niemand E" not in html
    # other orders exist in the same page, reached with plain links; the default comes last
    for key in ("naam", "ontvangen", "reactietijd"):
        assert f'href="#op-{key}"' in html and f'id="op-{key}"' in html
        assert html.index(f'id="op-{key}"') < html.index('id="op-stilte"')
    row = re.search(r"<tr>\s*<th scope=\"row\"><a[^>]*>Corporatie B</a>.*?</tr>", default, re.S).group(0)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    assert cells[:5] == ["3", "2", "1", "20", "1"]
    assert "2756 dagen" in cells[5]
    assert 'id="hoe-tellen-we"' in html and "gesprek, een toezegging of uitvoering" in html
    assert "Gebouwd op 21 november 2026" in html
    assert "<script" not in html  # works without JavaScript


def test_editions_page(demo):
    html = render(demo, "toekomstagendas/index.md")
    assert html.index("Toekomstagenda Noord 2023") < html.index("Toekomstagenda Noord 2019")
    assert "4 punten" in html and "Gebouwd op 21 november 2026" in html


def test_demo_site_has_no_agenda_warnings(demo):
    assert [str(p) for p in demo.problems.items] == []
