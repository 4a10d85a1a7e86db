"""Issue forms from the model, and `buurtwiki uit-issue` turning a rendered issue into a page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from buurtwiki.scaffold.issue_forms import issue_forms

from ..helpers import write
from .conftest import SITE

BIN = Path(sys.executable).parent / "buurtwiki"

# As GitHub renders an issue-form body: "### Label", a blank line, the answer.
ISSUE = """\
### Soort pagina

initiatief

### Wijk

noord

### Titel

Repair Café Noord

### Status

actief

### Samenvatting

_No response_

### Soort

_No response_

### Plekken

buurthuis, tuin

### Zoekt

vrijwilligers, geld

### Tekst

Elke **eerste zaterdag** repareren we samen.
Neem je kapotte spullen mee.
"""


def uit_issue(root: Path, text: str) -> subprocess.CompletedProcess:
    (root / "issue.md").write_text(text, encoding="utf-8")
    return subprocess.run([str(BIN), "uit-issue", str(root / "issue.md"), "--dir", str(root)],
                          capture_output=True, text=True, timeout=120)


def test_forms_follow_the_model():
    forms = {path: yaml.safe_load(text) for path, text in issue_forms().items()}
    assert {f["name"] for f in forms.values()} == {"Nieuw initiatief", "Nieuwe plek", "Nieuwe activiteit",
                                                    "Reactie op een agendapunt", "Iets klopt niet"}
    body = {e.get("id"): e for e in forms[".github/ISSUE_TEMPLATE/initiatief.yml"]["body"]}
    assert body["status"]["type"] == "dropdown" and body["status"]["validations"]["required"] is True
    assert body["status"]["attributes"]["options"] == ["in-opbouw", "actief", "slapend", "gestopt", "overgedragen"]
    assert body["zoekt"]["attributes"]["multiple"] is True
    assert body["sinds"]["validations"]["required"] is False
    assert "maak-pagina" not in str(forms)  # the label that runs the workflow is set by a maintainer only


def test_issue_body_becomes_a_page_that_passes_check(tmp_path):
    root = write(tmp_path, SITE)
    result = uit_issue(root, ISSUE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "wijken/noord/initiatieven/repair-cafe-noord.md"
    text = (root / result.stdout.strip()).read_text(encoding="utf-8")
    assert "status: actief" in text and "plekken: [buurthuis, tuin]" in text
    assert "Elke **eerste zaterdag** repareren we samen." in text
    check = subprocess.run([str(BIN), "check", str(root)], capture_output=True, text=True, timeout=120)
    assert check.returncode == 0 and check.stdout == "", check.stdout


def test_missing_and_wrong_answers_are_reported(tmp_path):
    root = write(tmp_path, SITE)
    result = uit_issue(root, ISSUE.replace("actief\n", "_No response_\n", 1))
    assert result.returncode == 1
    assert "issue:13: fout: 'Status' is niet ingevuld; dat is verplicht." in result.stderr
    result = uit_issue(root, ISSUE.replace("actief\n", "heel actief\n", 1))
    assert result.returncode == 1 and "veld 'status'" in result.stderr and "Traceback" not in result.stderr
    result = uit_issue(root, ISSUE.replace("noord\n", "zuid\n", 1))
    assert "de wijk 'zuid' bestaat niet" in result.stderr


def test_hostile_answers_stay_values(tmp_path):
    root = write(tmp_path, SITE)
    hostile = ISSUE.replace("buurthuis, tuin", "x\n---\ntemplate: evil.html").replace("Repair Café Noord", "../../etc: {a: b}")
    result = uit_issue(root, hostile)
    written = list((root / "wijken/noord/initiatieven").glob("*.md"))
    assert all(p.resolve().is_relative_to(root / "wijken/noord/initiatieven") for p in written)
    for path in written:
        front = path.read_text(encoding="utf-8").split("\n---\n")[0]
        assert "\ntemplate:" not in front
    assert "Traceback" not in result.stderr


REACTION = """\
### Agendapunt

https://buurt.example/wijken/noord/toekomstagenda/2024/groen/

### Organisatie

Gemeente Voorbeeldstad

### Reactie

toezegging

### Datum

2024-06-01

### Toelichting

Er komen tien bomen.
# en: niet: iets

### Bron

_No response_
"""


def test_reaction_form_records_the_reaction_in_the_agenda_item(tmp_path):
    root = write(tmp_path, {**SITE, "wijken/noord/toekomstagenda/2024/groen.md": SITE["wijken/noord/toekomstagenda/2024/groen.md"]
                            .replace("gericht_aan:", "# wie kreeg het punt\ngericht_aan:")})
    result = uit_issue(root, REACTION)
    assert result.returncode == 0, result.stderr
    text = (root / "wijken/noord/toekomstagenda/2024/groen.md").read_text(encoding="utf-8")
    assert "# wie kreeg het punt" in text  # the rest of the file is kept
    assert "    reactie: toezegging\n    datum: 2024-06-01\n    toelichting: 'Er komen tien bomen. # en: niet: iets'\n" in text
    check = subprocess.run([str(BIN), "check", str(root)], capture_output=True, text=True, timeout=120)
    assert check.returncode == 0 and check.stdout == "", check.stdout
    # the same organisation named by its slug: its row is updated, not doubled
    result = uit_issue(root, REACTION.replace("Gemeente Voorbeeldstad", "gemeente-voorbeeldstad").replace("toezegging", "uitgevoerd"))
    assert result.returncode == 0, result.stderr
    text = (root / "wijken/noord/toekomstagenda/2024/groen.md").read_text(encoding="utf-8")
    assert text.count("organisatie:") == 1 and "reactie: uitgevoerd" in text and "toezegging" not in text
    # another organisation gets its own row
    write(root, {"content/organisaties/corporatie.md": "---\ntitel: Corporatie Wonen\nsoort: woningcorporatie\n---\n"})
    result = uit_issue(root, REACTION.replace("Gemeente Voorbeeldstad", "Corporatie Wonen").replace("toezegging", "afgewezen"))
    assert result.returncode == 0, result.stderr
    text = (root / "wijken/noord/toekomstagenda/2024/groen.md").read_text(encoding="utf-8")
    assert "  - organisatie: corporatie\n    reactie: afgewezen\n" in text
    assert subprocess.run([str(BIN), "check", str(root)], capture_output=True, text=True, timeout=120).stdout == ""


def test_reaction_for_an_unknown_item_is_reported(tmp_path):
    root = write(tmp_path, SITE)
    result = uit_issue(root, REACTION.replace("2024/groen/", "2024/bestaat-niet/"))
    assert result.returncode == 1 and "geen agendapunt gevonden" in result.stderr
