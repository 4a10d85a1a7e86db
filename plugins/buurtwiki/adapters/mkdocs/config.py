"""Typed configuration of the ``buurtwiki`` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


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

    timezone = c.Type(str, default="Europe/Amsterdam")
    """Time zone of dates and times on the site (changes, feeds, "today")."""

    workers = c.Optional(c.Type(int))
    """Processes that build the history pages while MkDocs builds the rest (default: one less than
    the number of cores, on a site with more than 50 of them; 0: none). Only used where forking is
    safe, never in `mkdocs serve`."""
