"""game/ui has no import cycle, counting every import: inside functions and type-checking blocks too.

An import inside a function hides a cycle until the day that function runs first; one under
``if TYPE_CHECKING:`` names a type from a module that may import this one back. Both are counted.
"""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "game" / "ui"


def _module_name(path: Path) -> str:
    parts = path.relative_to(UI.parents[1]).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(tree: ast.AST, package: str) -> set[str]:
    """Every module name an ``import`` or ``from … import`` anywhere in ``tree`` may load."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package, one level up per extra dot
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)  # "from pkg import module"
    return names


def import_graph() -> dict[str, set[str]]:
    """game.ui module -> the game.ui modules it imports."""
    paths = {_module_name(p): p for p in sorted(UI.rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        graph[name] = {n for n in _imported(ast.parse(path.read_text(encoding="utf-8")), package)
                       if n in paths and n != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or through others (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_walk_sees_imports_inside_functions():
    graph = cycles({"a": {"b"}, "b": {"a"}, "c": set()})
    assert graph == [["a", "b"]]
    tree = ast.parse("def f():\n    from game.ui.scenes import menu\n")
    assert "game.ui.scenes.menu" in _imported(tree, "game.ui")


def test_game_ui_has_no_import_cycle():
    graph = import_graph()
    assert "game.ui.flow" in graph["game.ui.app"]  # the walk reads the real tree
    assert cycles(graph) == []
