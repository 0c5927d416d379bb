"""Package boundaries: no import cycle among the modules of ``game/``, and the engine loads light.

The import graph is read from the sources (``ast``), not from a running interpreter, so that the imports
inside functions count too: a cycle hidden in a function is still a cycle for a reader. Imports under
``if TYPE_CHECKING:`` are left out (they never run).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "game"


def module_name(path: Path) -> str:
    """``game/content/loader.py`` -> ``game.content.loader``; a package's ``__init__.py`` is the package."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def game_modules() -> dict[str, Path]:
    """Every module under ``game/`` by dotted name."""
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _import_nodes(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement below ``tree``, at any depth (functions, methods, branches), except those
    of an ``if TYPE_CHECKING:`` body."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            for other in node.orelse:  # only the else branch runs
                yield from _import_nodes_at(other)
        else:
            yield from _import_nodes_at(node)


def _import_nodes_at(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    if isinstance(node, ast.Import | ast.ImportFrom):
        yield node
    yield from _import_nodes(node)


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of ``known`` that module ``name`` imports.

    ``import a.b`` imports ``a.b``; ``from a import b`` imports ``a.b`` when that is a module, else ``a``;
    relative imports are resolved against the module's package.
    """
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
            continue
        base = node.module or ""
        if node.level:
            parts = package.split(".")
            anchor = ".".join(parts[: len(parts) - node.level + 1])
            base = f"{anchor}.{base}" if base else anchor
        for alias in node.names:
            found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {m for m in found if m in known and m != name}


def import_graph() -> dict[str, set[str]]:
    """Module -> the game modules it imports."""
    modules = game_modules()
    known = set(modules)
    return {name: imports_of(name, path, known) for name, path in modules.items()}


def _components(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == node:
                        break
                if len(members) > 1:
                    found.append(sorted(members))
    return found


def _a_cycle(graph: dict[str, set[str]], members: list[str]) -> list[str]:
    """One cycle through the first module of a component: the shortest way back to it, as a path."""
    start, inside = members[0], set(members)
    previous: dict[str, str] = {}
    queue = [start]
    for node in queue:
        for child in sorted(graph[node] & inside):
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return [start, *reversed(path[:-1]), start]
            if child not in previous:
                previous[child] = node
                queue.append(child)
    raise AssertionError(f"no cycle in {members}")  # a component always has one


def cycles(through_ui: bool) -> list[str]:
    """One printed cycle per tangle of modules (``a -> b -> a``), those touching ``game.ui`` or not."""
    graph = import_graph()
    found = []
    for members in _components(graph):
        if any(m == "game.ui" or m.startswith("game.ui.") for m in members) == through_ui:
            found.append(f"{' -> '.join(_a_cycle(graph, members))}  ({len(members)} modules tangled)")
    return found


def test_graph_sees_every_kind_of_import() -> None:
    graph = import_graph()
    assert "game.engine.state" in graph["game.engine.game"]  # from a.b import Name
    assert "game.engine.actions" in graph["game.engine.game"]  # from a import module
    assert "game.engine.training" in graph["game.engine.effects"]  # inside a function


def test_graph_resolves_relative_imports_and_skips_type_checking(tmp_path: Path) -> None:
    source = tmp_path / "mod.py"
    source.write_text("from typing import TYPE_CHECKING\nfrom . import b\nfrom .. import top\nfrom .c import x\n"
                      "if TYPE_CHECKING:\n    import pkg.sub.d\nelse:\n    import pkg.sub.e\n"
                      "def f():\n    from pkg.sub.c import y\n", encoding="utf-8")
    known = {"pkg", "pkg.top", "pkg.sub", "pkg.sub.b", "pkg.sub.c", "pkg.sub.d", "pkg.sub.e", "pkg.sub.mod"}
    assert imports_of("pkg.sub.mod", source, known) == {"pkg.sub.b", "pkg.top", "pkg.sub.c", "pkg.sub.e"}


def test_no_import_cycle_outside_the_ui() -> None:
    found = cycles(through_ui=False)
    assert found == [], "import cycles:\n" + "\n".join(found)


def test_no_import_cycle_through_the_ui() -> None:
    found = cycles(through_ui=True)
    assert found == [], "import cycles:\n" + "\n".join(found)


def test_no_pickle_in_the_game() -> None:
    users = []
    for name, path in game_modules().items():
        for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            targets = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            users += [name for target in targets if target.split(".")[0] in ("pickle", "_pickle")]
    assert users == []


def _loaded_after(statement: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``statement``."""
    code = f"import json, sys; {statement}; print(json.dumps(sorted(sys.modules)))"
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=True)
    return set(json.loads(proc.stdout.splitlines()[-1]))


def test_importing_the_engine_loads_no_reader_no_pool_no_pickle() -> None:
    loaded = _loaded_after("import game.engine.game")
    # numpy itself imports pickle (numpy._core._methods): what numpy loads alone is not the game's doing.
    numpy_own = _loaded_after("import numpy")
    heavy = {"yaml", "multiprocessing", "concurrent.futures", "pickle", "game.content.loader",
             "game.textfiles.safeyaml"}
    assert sorted(heavy & (loaded - numpy_own)) == []
    assert sorted(m for m in loaded if m.split(".")[0] in ("yaml", "multiprocessing")) == []
