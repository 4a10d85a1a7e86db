"""Imports run one way: model → content → index → outputs → pipeline → adapters → cli.

Every module's imports are read from its AST, including lazy imports inside functions; only
``if TYPE_CHECKING:`` blocks are left out (type names cost nothing at run time). A module may
import from its own layer or a lower one, never from a later one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import buurtwiki

PACKAGE = Path(buurtwiki.__file__).parent

# The layer map, lowest first: module name prefixes (relative to ``buurtwiki``) per layer.
# The longest matching prefix wins, so ``graph.emit`` can sit above ``graph``.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("model", ("model", "defaults", "parallel")),  # parallel: process helpers, no imports
    ("content", ("content", "validation", "markup")),
    ("index", ("history", "graph", "graph.build", "graph.model", "graph.loose_ends",
               "agenda", "agenda.ledger", "agenda.rows", "agenda.summaries", "agenda.checks")),
    ("outputs", ("outputs", "opendata", "agenda.pages", "agenda.sections", "agenda.timeline",
                 "graph.emit", "graph.sections", "graph.views")),
    ("pipeline", ("build", "stages", "features")),
    ("adapters", ("adapters",)),
    ("cli", ("cli", "scaffold")),
]

# Known back-edges, each with the reason it is allowed for now; none today. The last test fails
# when an entry is no longer needed, so the list cannot go stale.
TEMPORARY_ALLOWANCES: set[tuple[str, str]] = set()

_RANK = {prefix: rank for rank, (_, prefixes) in enumerate(LAYERS) for prefix in prefixes}


def layer_of(module: str) -> int | None:
    """The layer rank of a module (``graph.emit``), by its longest listed prefix; None if unlisted."""
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        rank = _RANK.get(".".join(parts[:end]))
        if rank is not None:
            return rank
    return None


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).with_suffix("")
        parts = [p for p in rel.parts if p != "__init__"]
        if parts and "site_template" not in rel.parts:
            found[".".join(parts)] = path
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _runtime_nodes(tree: ast.AST):
    """Every node, skipping the bodies of ``if TYPE_CHECKING:`` (their ``else`` still runs)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def imports_of(module: str, path: Path, known: set[str]) -> set[str]:
    """The buurtwiki modules ``module`` imports at run time (names relative to ``buurtwiki``)."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    out = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name.removeprefix("buurtwiki.") for a in node.names if a.name.startswith("buurtwiki.")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            elif node.module and node.module.startswith("buurtwiki"):
                target = node.module.removeprefix("buurtwiki").lstrip(".")
            else:
                continue
            for alias in node.names:  # ``from . import x`` names a submodule
                sub = f"{target}.{alias.name}" if target else alias.name
                out.add(sub if sub in known else target)
    return {name for name in out if name}


def back_edges() -> list[str]:
    modules = _modules()
    known = set(modules)
    found = []
    for module, path in modules.items():
        mine = layer_of(module)
        for target in sorted(imports_of(module, path, known)):
            theirs = layer_of(target)
            if mine is None or theirs is None or theirs <= mine or (module, target) in TEMPORARY_ALLOWANCES:
                continue
            found.append(f"{module} ({LAYERS[mine][0]}) imports {target} ({LAYERS[theirs][0]})")
    return found


def test_every_module_has_a_layer():
    unlisted = [m for m in _modules() if m and layer_of(m) is None]
    assert unlisted == [], "add these modules to LAYERS in tests/test_layers.py"


def test_imports_run_one_way():
    assert back_edges() == []


def test_the_walk_sees_lazy_imports_and_skips_type_checking(tmp_path):
    source = tmp_path / "probe.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from ..build import Build\n"
        "def f():\n    from ..outputs.render import RenderContext\n",
        encoding="utf-8",
    )
    assert imports_of("content.probe", source, {"outputs.render"}) == {"outputs.render"}
    assert layer_of("content.probe") < layer_of("outputs.render")


def test_temporary_allowances_are_still_needed():
    """An allowance whose edge is gone must be deleted, so the list cannot hide a new edge."""
    modules = _modules()
    known = set(modules)
    for module, target in TEMPORARY_ALLOWANCES:
        if module in modules:
            assert target in imports_of(module, modules[module], known), f"remove ({module}, {target})"
