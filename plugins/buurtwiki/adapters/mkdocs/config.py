"""Typed configuration of the ``buurtwiki`` MkDocs plugin, and the checks and changes of
MkDocs' own configuration it makes in ``on_config``."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort


class BuurtwikiConfig(Config):
    wijken_dir = c.Type(str, default="wijken")
    """Folder with the wijken, relative to mkdocs.yml."""

    today = c.Optional(c.Type(str))
    """Build date as YYYY-MM-DD for reproducible builds; also read from BUURTWIKI_TODAY."""

    history = c.Type(bool, default=True)
    """Read the git history (one walk per build) for history pages, recent changes and feeds."""

    bots = c.ListOfItems(c.Type(str), default=["*[bot]"])
    """Author names (glob patterns) of bots."""

    hide_bots = c.Type(bool, default=True)

    edit_branch = c.Type(str, default="main")
    """Branch that "Pas deze pagina aan" opens in the forge's web editor."""

    navigation = c.Type(bool, default=True)
    """Build the navigation (sections and overviews, never every entity) when mkdocs.yml has no nav."""

    stale_months = c.Type(int, default=12)
    """After how many months without `bevestigd` a page counts as not confirmed."""

    editor = c.Type(bool, default=True)
    """The web editor (Decap CMS) at /admin/, its configuration generated from the model."""

    local_backend = c.Type((bool, str), default=False)
    """Let /admin/ edit the local files through `npx decap-server` (true, or the server's API URL)."""

    editor_login = c.Type(str, default="")
    """GitHub: address of the OAuth proxy that logs editors in (Decap's `base_url`). Forgejo
    (Codeberg): the client ID of the site's OAuth application (Decap's `app_id`). See README."""

    kaart_tegels = c.Choice(("pdok", "osm", "geen"), default="pdok")
    """Map tiles: pdok (service.pdok.nl, BRT-Achtergrondkaart), osm (tile.openstreetmap.org) or
    geen (no tile requests: only the boundaries and the markers)."""

    licentie = c.Type(str, default="CC BY 4.0")
    """Licence of the content and the open data (footer, every data file, the catalogue): e.g.
    "CC BY 4.0", "CC BY-SA 4.0" or "CC0 1.0"."""

    timezone = c.Type(str, default="Europe/Amsterdam")
    """Time zone of dates and times on the site (changes, feeds, "today")."""

    workers = c.Optional(c.Type(int))
    """Processes that build the history pages while MkDocs builds the rest (default: one less than
    the number of cores, on a site with more than 50 of them; 0: none). Only used where forking is
    safe, never in `mkdocs serve`."""

    zoeken = c.Choice(("pagefind", "material"), default="pagefind")
    """Search with Pagefind (a chunked index, filters by type, wijk, status and theme) or with
    Material's own search plugin (one index file, for small sites; list `search` under plugins)."""

    cache_dir = c.Type(str, default=".cache/buurtwiki")
    """Folder (relative to mkdocs.yml) where the history index is kept between builds, so a build
    after one new commit reads only that commit. Empty: no cache. In CI, keep it with a cache step."""


def drop_material_search(config: MkDocsConfig) -> None:
    """Pagefind searches the site: Material's search plugin (its index, its header box) is not used."""
    plugins = config.plugins
    for name in ("search", "material/search"):
        plugin = plugins.pop(name, None) if name in plugins else None
        if plugin is None:
            continue
        for event, methods in plugins.events.items():  # new lists: MkDocs may be looping over the old one
            plugins.events[event] = [m for m in methods if getattr(m, "__self__", None) is not plugin]


def check_timezone(name: str) -> None:
    """Stop with a Dutch message for a time zone that does not exist (``Europe/Amsterdam``)."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise Abort(
            f"mkdocs.yml: fout: timezone '{name[:60]}' is geen tijdzone. Gebruik een naam als 'Europe/Amsterdam'."
        ) from None
