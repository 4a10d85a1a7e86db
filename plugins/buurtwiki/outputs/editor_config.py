"""The Decap CMS configuration (``admin/config.yml``), generated from the model and the site.

One collection per type: site-wide types (organisatie, fonds) have one folder each; types inside
a wijk get one collection per wijk folder, so a new file always lands at a contract path
(``wijken/<wijk>/<folder>/<slug>.md``). Agenda items get one collection per agenda edition.
Wijken and agenda editions are edited, not created, here: their slug is a folder name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import yaml

from ..model.fields import Choice
from ..model.types import EntityType
from .editor_fields import Context, widget

if TYPE_CHECKING:
    from ..build import Build

MEDIA_FOLDER = "afbeeldingen"  # under the docs folder, published as /afbeeldingen/
BODY = {"name": "body", "label": "Tekst", "widget": "markdown", "modes": ["raw"], "required": False,
        "hint": "Gewone tekst in Markdown. Een link naar een andere pagina schrijf je als [[slug]]."}
SKIP = {"type"}  # follows from the folder


def _types(build: Build) -> dict[str, EntityType]:
    """The one place the editor reads the type list: the build's registry."""
    return {t.name: t for t in build.site.registry}


def config_yaml(build: Build) -> str:
    """The whole configuration as YAML, written by a YAML dumper: resident text is data, not syntax."""
    return yaml.dump(config(build), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


class _Dumper(yaml.SafeDumper):
    """Writes each value in full: no ``&id001`` anchors for options shared between fields."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def config(build: Build) -> dict[str, Any]:
    opts = build.options
    out: dict[str, Any] = {
        "locale": "nl",
        "backend": backend(opts.repo_url, opts.edit_branch, opts.editor_auth_url),
        "publish_mode": "editorial_workflow",
        "media_folder": f"{opts.docs_dir}/{MEDIA_FOLDER}",
        "public_folder": f"/{MEDIA_FOLDER}",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
    }
    local = getattr(opts, "editor_local_backend", False)
    if local:
        out["local_backend"] = {"url": local} if isinstance(local, str) else True
    if opts.site_url:
        out["site_url"] = opts.site_url
    out["collections"] = collections(build)
    return out


def backend(repo_url: str, branch: str, auth_url: str = "") -> dict[str, Any]:
    """Which forge the site lives on, from ``repo_url``. Open authoring where Decap supports it."""
    url = urlparse(repo_url or "")
    repo = url.path.strip("/").removesuffix(".git")
    host = (url.hostname or "").lower()
    if host == "gitlab.com" or host.startswith("gitlab."):
        out: dict[str, Any] = {"name": "gitlab", "repo": repo, "branch": branch}
    elif host in ("bitbucket.org",):
        out = {"name": "bitbucket", "repo": repo, "branch": branch}
    elif host and host != "github.com":  # Codeberg and other Forgejo or Gitea servers
        base = f"{url.scheme or 'https'}://{url.netloc}"
        out = {"name": "forgejo", "repo": repo, "branch": branch, "api_root": f"{base}/api/v1",
               "open_authoring": True}
    else:
        out = {"name": "github", "repo": repo, "branch": branch, "open_authoring": True}
    if out["name"] in ("github",):
        out["auth_scope"] = "public_repo"
    if auth_url and out["name"] == "forgejo":  # Forgejo logs in itself (PKCE): only the app's client ID
        out["app_id"] = auth_url
    elif auth_url:  # GitHub and others: the site's own small OAuth proxy
        out["base_url"] = auth_url
    return out


def collections(build: Build) -> list[dict[str, Any]]:
    types = _types(build)
    site = build.site
    wijken = [w for w in site.wijken if w.slug]
    themes = [{"label": t.titel, "value": t.key} for t in site.themes.themes.values()]
    wijk_options = [{"label": w.title, "value": w.slug} for w in wijken]
    out: list[dict[str, Any]] = []
    site_wide = [t for t in types.values() if t.site_wide]
    for t in site_wide:
        ctx = Context(_target(build, None), themes, wijk_options)
        out.append(_folder(t.name, t.plural, t, f"{build.options.docs_dir}/{t.folder}", ctx))
    if "wijk" in types and wijken:
        ctx = Context(_target(build, None), themes, wijk_options)
        files = [_file(f"wijk-{w.slug}", w.title, w.path, types["wijk"], ctx) for w in wijken]
        out.append({"name": "wijken", "label": types["wijk"].plural, "label_singular": types["wijk"].label,
                    "files": files})
    for w in wijken:
        ctx = Context(_target(build, w.slug), themes, wijk_options)
        for t in types.values():
            if t.site_wide or not t.folder or t.name in ("toekomstagenda", "agendapunt"):
                continue
            folder = f"{_wijk_dir(w.path)}/{t.folder}"
            out.append(_folder(f"{t.name}-{w.slug}", f"{t.plural} ({w.title})", t, folder, ctx))
        out.extend(_agendas(build, w, ctx, types))
    return out


def _agendas(build: Build, wijk: Any, ctx: Context, types: dict[str, EntityType]) -> list[dict[str, Any]]:
    if "toekomstagenda" not in types or "agendapunt" not in types:
        return []
    editions = [a for a in build.site.of_type("toekomstagenda") if a.wijk == wijk.slug]
    out = []
    if editions:
        files = [_file(f"toekomstagenda-{a.wijk}-{a.slug}", a.title, a.path, types["toekomstagenda"], ctx)
                 for a in editions]
        out.append({"name": f"toekomstagenda-{wijk.slug}", "label": f"{types['toekomstagenda'].plural} ({wijk.title})",
                    "label_singular": types["toekomstagenda"].label, "files": files})
    item = types["agendapunt"]
    status = item.status_field
    for a in editions:
        folder = a.path.rsplit("/", 1)[0]
        coll = _folder(f"agendapunt-{wijk.slug}-{a.slug}", f"{item.plural} ({a.title}, {wijk.title})", item, folder, ctx)
        if status is not None and isinstance(status.kind, Choice):  # the edition's index.md has no status
            words = "|".join(status.kind.values)
            coll["filter"] = {"field": "status", "pattern": f"^({words})$"}
        out.append(coll)
    return out


def _wijk_dir(index_path: str) -> str:
    return index_path.rsplit("/", 1)[0]


def _target(build: Build, wijk: str | None):
    """The collection a relation to ``type_name`` searches: the type's own, in this wijk."""
    types = _types(build)
    latest: dict[str | None, str] = {}
    for a in build.site.of_type("toekomstagenda"):
        if a.wijk == wijk and (a.slug > latest.get(wijk, "")):
            latest[wijk] = a.slug

    def target(type_name: str) -> str | None:
        t = types.get(type_name)
        if t is None or t.name in ("wijk", "toekomstagenda"):
            return None
        if t.site_wide:
            return t.name
        if wijk is None:
            return None
        if t.name == "agendapunt":
            return f"agendapunt-{wijk}-{latest[wijk]}" if wijk in latest else None
        return f"{t.name}-{wijk}"

    return target


def _fields(t: EntityType, ctx: Context) -> list[dict[str, Any]]:
    return [widget(f, ctx) for f in t.fields if f.name not in SKIP] + [dict(BODY)]


def _folder(name: str, label: str, t: EntityType, folder: str, ctx: Context) -> dict[str, Any]:
    return {
        "name": name,
        "label": label,
        "label_singular": t.label,
        "folder": folder,
        "create": True,
        "slug": "{{slug}}",
        "identifier_field": "titel",
        "summary": "{{titel}}",
        "extension": "md",
        "format": "frontmatter",
        "sortable_fields": ["titel"],
        "fields": _fields(t, ctx),
    }


def _file(name: str, label: str, path: str, t: EntityType, ctx: Context) -> dict[str, Any]:
    return {"name": name, "label": label, "file": path, "fields": _fields(t, ctx)}
