"""The built demo is valid HTML (Nu Html Checker, vnu.jar); Material's own known errors are listed.

One page of every kind, checked in one java run (the checker takes seconds to start). Needs Java and
vnu.jar from npm (`make test-tools`); skipped without them, a failure in CI.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter

from buurtwiki.content.loader import load_site

from ..helpers import build, render
from .tools import JAVA, VNU, require

OHG = "wijken/oostelijk-havengebied/"
PAGES = {
    "voorpagina": "index.html",
    "404": "404.html",
    "overzicht van wijken": "wijken/index.html",
    "overzicht in een wijk": OHG + "initiatieven/index.html",
    "overzicht van organisaties": "organisaties/index.html",
    "geschiedenis": OHG + "toekomstagenda/2019/masterplan-groen/geschiedenis/index.html",
    "recente wijzigingen": "recente-wijzigingen/index.html",
    "recente wijzigingen in een wijk": OHG + "recente-wijzigingen/index.html",
    "ecosysteem": OHG + "ecosysteem/index.html",
    "agenda's": "toekomstagendas/index.html",
    "activiteiten van een wijk": OHG + "activiteiten/index.html",
    "verantwoording": "verantwoording/index.html",
    "losse eindjes": "losse-eindjes/index.html",
    "thema's": "themas/index.html",
    "thema": "themas/duurzaamheid/index.html",
    "wijk met kopjes zoals de lijsten": "wijken/ruwaard/index.html",
}

# Errors in Material for MkDocs' own templates, not Buurtwiki's markup: (start of the message, why it is known).
KNOWN = {
    "Attribute “autocomplete” is only allowed when the input type is":
        "Material's base.html puts autocomplete=off on its drawer and search checkboxes",
    "Bad value “” for attribute “tabindex” on element “label”":
        "Material's partials/nav-item.html writes tabindex=\"\" on section labels (navigation.sections)",
}


def _pages(site) -> dict[str, str]:
    pages = dict(PAGES)
    for entity in load_site(site.parent).entities:  # one page of every type
        pages.setdefault(f"type {entity.type.name}", entity.url + "index.html")
    return pages


def test_one_page_of_every_kind_is_valid_html(demo_site):
    require("de HTML-controle (Nu Html Checker)", "java", "vnu")
    pages = _pages(demo_site)
    missing = [path for path in pages.values() if not (demo_site / path).is_file()]
    assert not missing, missing
    result = subprocess.run([JAVA, "-jar", str(VNU), "--errors-only", "--format", "json", *pages.values()],
                            cwd=demo_site, capture_output=True, text=True, timeout=300)
    assert result.stderr.lstrip().startswith("{"), result.stderr[-2000:]  # vnu writes its JSON report to stderr
    messages = json.loads(result.stderr)["messages"]
    kind_of = {path: kind for kind, path in pages.items()}
    known, errors = Counter(), []
    for message in messages:
        path = re.sub(r"^.*?/" + re.escape(demo_site.name) + "/", "", message.get("url", ""))
        reason = next((why for start, why in KNOWN.items() if message["message"].startswith(start)), None)
        if reason:
            known[reason] += 1
        else:
            errors.append(f"{kind_of.get(path, path)} ({path}:{message.get('lastLine')}): {message['message']}")
    assert errors == []
    assert set(known) == set(KNOWN.values()), "a known Material error is gone: remove it from KNOWN"


def test_heading_in_the_text_does_not_repeat_a_section_id(site_dir):
    root = site_dir({
        "wijken/test-wijk/index.md": "---\ntitel: Testwijk\n---\n\n## Initiatieven\n\nWat bewoners doen.\n",
        "wijken/test-wijk/initiatieven/eetgroep.md": "---\ntitel: Eetgroep\nstatus: actief\n---\nSamen eten.\n",
    })
    html = render(build(root), "wijken/test-wijk/index.md")
    ids = Counter(re.findall(r'\bid="([^"]+)"', html))
    assert ids["initiatieven"] == 1, "the resident's heading keeps its id"
    assert [i for i, n in ids.items() if n > 1] == []
