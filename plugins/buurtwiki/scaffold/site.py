"""``buurtwiki init``: a new, working site for a buurtcoöperatie, from files in the package."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path
from string import Template

# Names that cannot ship under their real name inside a Python package.
RENAMES = {"gitignore": ".gitignore", "github_workflows": ".github/workflows"}


def _files(folder, prefix: str = ""):
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name in ("__pycache__",) or item.name.endswith(".py"):
            continue
        name = RENAMES.get(item.name, item.name)
        if item.is_dir():
            yield from _files(item, f"{prefix}{name}/")
        else:
            yield f"{prefix}{name}", item


def init_site(target: Path, site_name: str = "Onze buurt", today: dt.date | None = None) -> list[Path]:
    """Write the site; refuses to write over existing files."""
    template = resources.files("buurtwiki").joinpath("scaffold", "site_template")
    values = {
        "site_name": site_name,
        "site_name_yaml": json.dumps(site_name, ensure_ascii=False),  # a JSON string is valid YAML
        "today": (today or dt.date.today()).isoformat(),
    }
    planned = [(target / rel, item) for rel, item in _files(template)]
    existing = [p for p, _ in planned if p.exists()]
    if existing:
        raise FileExistsError(", ".join(str(p) for p in existing))
    written = []
    for path, item in planned:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(Template(item.read_text(encoding="utf-8")).safe_substitute(values), encoding="utf-8")
        written.append(path)
    return written
