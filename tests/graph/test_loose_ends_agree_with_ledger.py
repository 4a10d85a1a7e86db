"""One response rule: "Losse eindjes", the wijk ecosystem page and "Wie reageerde?" agree.

Regression test for the bug where loose ends counted raw rows, hid an organisation after a single
answer anywhere, and showed negative days for a sending date in the future.
"""

from __future__ import annotations

import datetime as dt
import re

from .conftest import build, render, write

ROWS = """
        ---
        titel: {title}
        status: voorgesteld
        gericht_aan:
{rows}
        ---
"""


def _item(title: str, *rows: str) -> str:
    return ROWS.format(title=title, rows="\n".join(rows))


def _row(org: str, sent: str, reaction: str | None = None) -> str:
    text = f"          - organisatie: {org}\n            verzonden: {sent}"
    return text + (f"\n            reactie: {reaction}" if reaction else "")


SITE = {
    "content/index.md": "# Start\n",
    "content/organisaties/woonbond.md": "---\ntitel: Woonbond\nsoort: corporatie\n---\n",
    "content/organisaties/toekomst.md": "---\ntitel: Toekomstfonds\nsoort: fonds\n---\n",
    "wijken/oost/index.md": "---\ntitel: Oost\n---\n",
    "wijken/oost/toekomstagenda/2024/index.md": "---\ntitel: Agenda 2024\nvastgesteld: 2024-01-10\n---\n",
    # woonbond answered one item, not the other, and is listed twice in the silent one
    "wijken/oost/toekomstagenda/2024/bomen.md": _item(
        "Bomen", _row("woonbond", "2024-02-01"), _row("woonbond", "2024-03-01")),
    "wijken/oost/toekomstagenda/2024/speeltuin.md": _item(
        "Speeltuin", _row("woonbond", "2024-02-01", "gesprek")),
    # sent after the build date: silence counts 0 days, never negative
    "wijken/oost/toekomstagenda/2024/later.md": _item("Later", _row("toekomst", "2027-01-01")),
}


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def _loose_line(html: str, org: str) -> str:
    match = re.search(rf"<li>[^\n]*>{org}</a>.*?</li>", html, re.S)
    assert match, f"{org} is not listed"
    return _text(match.group(0))


def _ledger_row(html: str, org: str) -> list[str]:
    match = re.search(rf"<tr>\s*<th scope=\"row\">[^\n]*>{org}</a>.*?</tr>", html, re.S)
    assert match, f"{org} is not in the ledger table"
    return [_text(cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", match.group(0), re.S)]


def test_same_organisation_same_counts_and_days_everywhere(tmp_path):
    b = build(write(tmp_path, SITE))
    site_wide = render(b, "losse-eindjes/index.md")
    ecosystem = render(b, "wijken/oost/ecosysteem.md")
    ledger = render(b, "verantwoording/index.md")
    days = (b.today - dt.date(2024, 2, 1)).days

    # woonbond answered Speeltuin, never Bomen: a loose end for Bomen, counted once (two rows)
    for page in (site_wide, ecosystem):
        line = _loose_line(page, "Woonbond")
        assert f"2 punten ontvangen, 1 beantwoord; al {days} dagen geen antwoord" in line
        assert "Zonder antwoord: Bomen." in line
    received, answered, _, _, open_silences, longest = _ledger_row(ledger, "Woonbond")[:6]
    assert (received, answered, open_silences) == ("2", "1", "1")
    assert longest.startswith(f"{days} dagen")

    # a sending date after the build date is 0 days of silence on every page
    for page in (site_wide, ecosystem):
        line = _loose_line(page, "Toekomstfonds")
        assert "1 punt ontvangen, 0 beantwoord; al 0 dagen geen antwoord" in line
        assert "-" not in line.split("ontvangen")[1].split("Zonder")[0]
    assert _ledger_row(ledger, "Toekomstfonds")[5].startswith("0 dagen")
