"""Recent changes when commit dates are out of order (merged pull requests): one heading per day."""

from __future__ import annotations

import re
from collections import Counter

from ..outputs.history_repo import ANOUK, BRAM, Repo, build, initiatief, render, wijk


def test_out_of_order_dates_give_unique_ids_and_one_heading_per_day(tmp_path):
    repo = Repo(tmp_path)
    repo.write("content/index.md", "---\ntitle: Test\n---\nWelkom.\n")
    repo.write("wijken/ohg/index.md", wijk())
    repo.write("wijken/ohg/initiatieven/eettafel.md", initiatief("Eettafel"))
    repo.commit("Eerste versie", ANOUK)  # 1 november
    repo.write("wijken/ohg/initiatieven/eettafel.md", initiatief("Eettafel", "slapend"))
    repo.commit("Later gedaan", BRAM, hours=24 * 3)  # 4 november
    repo.write("wijken/ohg/initiatieven/eettafel.md", initiatief("Eettafel", "actief"))
    repo.commit("Oude pull request, net samengevoegd", ANOUK, hours=-24 * 2)  # 2 november, on top
    repo.write("wijken/ohg/initiatieven/eettafel.md", initiatief("Eettafel", "gestopt"))
    repo.commit("Nog een", BRAM, hours=24 * 3)  # 5 november
    html = render(build(tmp_path), "recente-wijzigingen/index.md")
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    days = re.findall(r'<h2 id="dag-([0-9-]+)"', html)
    assert days == sorted(days, reverse=True)
    assert days == ["2026-11-05", "2026-11-04", "2026-11-02", "2026-11-01"]
