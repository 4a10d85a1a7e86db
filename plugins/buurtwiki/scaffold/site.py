"""``buurtwiki init``: a new, working site for a buurtcoöperatie, from files in the package."""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib import metadata, resources
from pathlib import Path
from string import Template

# Names that cannot ship under their real name inside a Python package.
RENAMES = {"gitignore": ".gitignore", "github_workflows": ".github/workflows", "gitlab-ci.yml": ".gitlab-ci.yml"}

# A public PEP 440 version (no local "+..." part: PyPI cannot serve one). Checked before it is
# written into a workflow's `run:` line.
PUBLIC_VERSION = re.compile(r"[0-9]+(?:\.[0-9]+){0,4}(?:(?:a|b|rc)[0-9]+)?(?:\.post[0-9]+)?(?:\.dev[0-9]+)?")
SOURCE_PYPROJECT = Path(__file__).resolve().parents[3] / "pyproject.toml"
SOURCE_VERSION = re.compile(r'^version = "([^"\n]{1,40})"$', re.MULTILINE)


def package_version() -> str:
    """The buurtwiki release the new site's workflow installs: the one running ``init`` now.

    From the installed package's metadata; from a source checkout without metadata, from the
    checkout's pyproject.toml. A local part (``+g1234``) is dropped: PyPI only serves public ones.
    """
    try:
        version = metadata.version("buurtwiki")
    except metadata.PackageNotFoundError:
        text = SOURCE_PYPROJECT.read_text(encoding="utf-8")[:20_000] if SOURCE_PYPROJECT.is_file() else ""
        found = SOURCE_VERSION.search(text) if '\nname = "buurtwiki"\n' in text else None
        version = found.group(1) if found else ""
    return version.split("+", 1)[0]


def checked_version(version: str | None) -> str:
    """A public buurtwiki release (default: this one); it goes into a workflow's `run:` line."""
    version = package_version() if version is None else version
    if not PUBLIC_VERSION.fullmatch(version):
        raise ValueError(f"not a public buurtwiki release: {version!r}")
    return version


def _files(folder, prefix: str = ""):
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name in ("__pycache__",) or item.name.endswith(".py"):
            continue
        name = RENAMES.get(item.name, item.name)
        if item.is_dir():
            yield from _files(item, f"{prefix}{name}/")
        else:
            yield f"{prefix}{name}", item


def init_site(target: Path, site_name: str = "Onze buurt", today: dt.date | None = None,
              version: str | None = None) -> list[Path]:
    """Write the site; refuses to write over existing files.

    ``version`` is the buurtwiki release the site's workflow installs (default: this one).
    """
    template = resources.files("buurtwiki").joinpath("scaffold").joinpath("site_template")
    values = {
        "site_name": site_name,
        "site_name_yaml": json.dumps(site_name, ensure_ascii=False),  # a JSON string is valid YAML
        "today": (today or dt.date.today()).isoformat(),
        "buurtwiki_version": package_version() if version is None else version,
    }
    values["buurtwiki_version"] = checked_version(values["buurtwiki_version"])
    from .issue_forms import issue_forms  # generated from the model, as `buurtwiki bijwerken` does

    planned = [(target / rel, item) for rel, item in _files(template)]
    planned += [(target / rel, text) for rel, text in issue_forms().items()]
    existing = [p for p, _ in planned if p.exists()]
    if existing:
        raise FileExistsError(", ".join(str(p) for p in existing))
    written = []
    for path, item in planned:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = item if isinstance(item, str) else Template(item.read_text(encoding="utf-8")).safe_substitute(values)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
