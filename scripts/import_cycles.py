#!/usr/bin/env python3
"""Import cycles among the modules of a package, counting imports inside functions too.

    python3 scripts/import_cycles.py [PACKAGE_DIR]     # default hbg_plan

Prints each cycle (a strongly connected group of modules), how many imports of the package's own
modules stand inside functions, and the largest module; exits 1 when there is a cycle.
(Copied from the project's shared tools, with types, so that CI needs nothing outside the repo.)
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path


def modules(package: Path) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for file in package.rglob("*.py"):
        parts = list(file.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = file
    return found


def targets(current: str, is_package: bool, node: ast.Import | ast.ImportFrom, known: set[str]) -> list[str]:
    """The known modules an import statement names (the nearest enclosing known module of each name)."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        if node.level:
            base = current.split(".")[: len(current.split(".")) - node.level + (1 if is_package else 0)]
            module = ".".join(base + ([node.module] if node.module else []))
        else:
            module = node.module or ""
        names = [module] + [f"{module}.{alias.name}" for alias in node.names]
    out: list[str] = []
    for name in names:
        while name and name not in known:
            name = name.rpartition(".")[0]
        if name and name != current:
            out.append(name)
    return out


def graph_of(mods: dict[str, Path]) -> tuple[dict[str, set[str]], int]:
    """module → modules it imports (anywhere in the file), and the number of imports inside functions."""
    known = set(mods)
    graph: dict[str, set[str]] = {m: set() for m in mods}
    in_functions = 0
    for name, file in mods.items():
        tree = ast.parse(file.read_text(encoding="utf-8"))
        is_package = file.name == "__init__.py"
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                graph[name].update(
                    t for t in targets(name, is_package, node, known) if not name.startswith(t + ".")
                )
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                for node in ast.walk(function):
                    if isinstance(node, ast.Import | ast.ImportFrom) and targets(
                        name, is_package, node, known
                    ):
                        in_functions += 1
    return graph, in_functions


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def strong(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component: list[str] = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            strong(v)
    return found


def main(argv: list[str]) -> int:
    package = Path(argv[0] if argv else "hbg_plan")
    if not package.is_dir():
        print(f"no {package}/")
        return 1
    mods = modules(package)
    graph, in_functions = graph_of(mods)
    found = cycles(graph)
    biggest, size = max(
        ((f, len(f.read_text(encoding="utf-8").splitlines())) for f in mods.values()), key=lambda x: x[1]
    )
    for component in found[:5]:
        print("cycle:", " ".join(component))
    if size > 600:
        print(f"note: {biggest} has {size} lines")
    print(f"{in_functions} imports of the package's own modules inside functions")
    print(f"{len(found)} import cycles ({sum(map(len, found))} modules), largest module {size} lines")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
