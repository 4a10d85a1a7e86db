"""The web editor at ``/admin/``: Decap CMS with a configuration generated from the model.

Yields ``admin/index.html`` (the page that loads the vendored CMS), ``admin/config.yml`` (see
:mod:`.editor_config`) and ``admin/preview.js`` (a preview that looks like the entity page). The
CMS itself lives in ``assets/vendor/decap-cms`` and is published by :mod:`.assets`. These are
plain files, never pages: the editor is not in the navigation, the search index or the sitemap.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html import escape
from importlib import resources
from typing import TYPE_CHECKING

from .editor_config import collections, config_yaml
from .page import OutputFile

if TYPE_CHECKING:
    from ..build import Build

FOLDER = "admin"
VENDOR = "vendor/decap-cms"  # inside the package's assets folder
CMS_SCRIPT = "../assets/buurtwiki/vendor/decap-cms/decap-cms.js"
TEMPLATES = resources.files("buurtwiki").joinpath("templates/pages/editor")


def enabled(build: Build) -> bool:
    return bool(getattr(build.options, "editor", True))


def emit(build: Build) -> Iterator[OutputFile]:
    if not enabled(build):
        return
    yield OutputFile(f"{FOLDER}/index.html", content=index_html(build), media_type="text/html")
    yield OutputFile(f"{FOLDER}/config.yml", content=lambda: config_yaml(build), media_type="text/yaml")
    yield OutputFile(f"{FOLDER}/preview.js", content=TEMPLATES.joinpath("preview.js").read_bytes,
                     media_type="text/javascript")


def index_html(build: Build) -> str:
    page = TEMPLATES.joinpath("index.html").read_text(encoding="utf-8")
    names = [f["name"] for c in collections(build) for f in c.get("files", [c])]
    templates = json.dumps(names).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return (page.replace("{{ site_name }}", escape(build.options.site_name or "Buurtwiki"))
            .replace("{{ cms_script }}", CMS_SCRIPT).replace("{{ templates }}", templates))
