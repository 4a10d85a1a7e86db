"""Compiled Jinja templates kept between builds.

Every build compiled some 60 templates (the theme's and the package's) from source, in the
build process and again in each worker: about a third of a second each time. Jinja's own
bytecode cache keeps the compiled code in a folder only this user can read or write (Jinja
makes it in the system's temp folder, mode 0700, and refuses one that someone else owns or
that is a link). An entry is used only when its template's source is unchanged (Jinja checks
a checksum of the source) and by the same Jinja and Python versions; anything else is compiled
again. The output is the same either way.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache


@lru_cache(maxsize=1)
def bytecode_cache() -> BytecodeCache | None:
    """The cache, or None where no safe folder can be made (then templates are compiled each time)."""
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


def use_cache(env: Environment) -> Environment:
    """Let ``env`` keep its compiled templates between builds (unless it has a cache already)."""
    if env.bytecode_cache is None:
        env.bytecode_cache = bytecode_cache()
    return env
