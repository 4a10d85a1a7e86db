"""The one place where MkDocs' configuration becomes the core's :class:`BuildOptions`.

The plugin calls :func:`build_options` for every build; the ``buurtwiki`` command calls
:func:`read_options`, which reads mkdocs.yml with MkDocs' own loader (``!ENV`` tags, defaults
and checks exactly as in a build), so that ``check`` and ``nieuw`` see the same folders.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from ...build import BuildOptions
from ...model.registry import Registry
from ...model.schema import DEFAULT_REGISTRY
from .config import BuurtwikiConfig

CONFIG_FILE = "mkdocs.yml"


class OptionsError(Exception):
    """mkdocs.yml cannot be read; the message is Dutch."""


def build_options(config: MkDocsConfig, plugin: BuurtwikiConfig | None,
                  registry: Registry = DEFAULT_REGISTRY) -> BuildOptions:
    """Every setting the core uses, from mkdocs.yml and the plugin's options (defaults when
    the plugin is not listed)."""
    plugin = plugin if plugin is not None else _default_plugin_config()
    root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    today = plugin.today or os.environ.get("BUURTWIKI_TODAY")
    return BuildOptions(
        root=root,
        docs_dir=os.path.relpath(config.docs_dir, root).replace(os.sep, "/"),
        wijken_dir=plugin.wijken_dir,
        today=dt.date.fromisoformat(today) if today else None,
        timezone=plugin.timezone,
        site_name=config.site_name,
        site_url=config.site_url or "",
        repo_url=config.repo_url or "",
        edit_branch=plugin.edit_branch,
        history=plugin.history,
        bots=tuple(plugin.bots),
        hide_bots=plugin.hide_bots,
        stale_months=plugin.stale_months,
        use_directory_urls=config.use_directory_urls,
        editor=plugin.editor,
        editor_local_backend=plugin.local_backend if isinstance(plugin.local_backend, (bool, str)) else False,
        editor_auth_url=plugin.editor_login,
        kaart_tegels=plugin.kaart_tegels,
        registry=registry,
        licence=plugin.licentie,
        search=plugin.zoeken,
        cache_dir=plugin.cache_dir,
    )


def _default_plugin_config() -> BuurtwikiConfig:
    plugin = BuurtwikiConfig()
    plugin.load_dict({})
    plugin.validate()
    return plugin


def read_options(root: Path) -> BuildOptions:
    """The options of the site in ``root``: from its mkdocs.yml, or the defaults without one."""
    path = root / CONFIG_FILE
    if not path.is_file():
        return BuildOptions(root=root)
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)  # MkDocs' notes about the config are for `mkdocs build`
    try:
        config = load_config(config_file=str(path))
    except (MkDocsException, OSError, ValueError) as error:
        raise OptionsError(f"{CONFIG_FILE}:1: fout: dit bestand kan niet gelezen worden: {str(error)[:300]}") from None
    finally:
        logger.setLevel(level)
    plugin = config.plugins.get("buurtwiki")
    return build_options(config, getattr(plugin, "config", None))


def engine_key(config: MkDocsConfig) -> str:
    """What MkDocs adds to every page, for the page cache: mkdocs.yml, the theme folders' files,
    and the versions of MkDocs and the theme."""
    from importlib.metadata import PackageNotFoundError, version

    parts: list[str] = []
    for package in ("mkdocs", "mkdocs-material", "buurtwiki"):
        try:
            parts.append(f"{package}={version(package)}")
        except PackageNotFoundError:
            parts.append(package)
    if config.config_file_path and os.path.isfile(config.config_file_path):
        parts.append(Path(config.config_file_path).read_text(encoding="utf-8", errors="replace"))
    if config.theme.custom_dir:  # by content: a fresh clone (CI) gives every file a new modification time
        for path in sorted(Path(config.theme.custom_dir).rglob("*")):
            if path.is_file():
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                parts.append(f"{path.relative_to(config.theme.custom_dir).as_posix()}:{digest}")
    parts.append(repr(config.extra))
    return "\n".join(parts)
