"""No import cycles anywhere in lerkit: a graph search over every module's imports.

The graph is grimp's (the library under import-linter): one node per module, one edge
per import, including imports inside functions and under ``TYPE_CHECKING``. Tarjan's
algorithm finds the strongly connected components; every component of more than one
module (or a module importing itself) holds a cycle, and the failure names one of its
cycles module by module.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Set

import grimp

Graph = Mapping[str, Set[str]]


def import_graph(package: str = "lerkit") -> dict[str, set[str]]:
    """Each module of ``package`` with the modules of ``package`` it imports."""
    graph = grimp.build_graph(package, cache_dir=None)
    modules = set(graph.modules)
    return {m: set(graph.find_modules_directly_imported_by(m)) & modules for m in modules}


def strongly_connected(graph: Graph) -> list[list[str]]:
    """Tarjan's strongly connected components (iterative: no recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work: list[tuple[str, list[str]]] = [(root, sorted(graph.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, todo = work[-1]
            if todo:
                nxt = todo.pop()
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, sorted(graph.get(nxt, ()))))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                found.append(sorted(component))
    return found


def a_cycle(graph: Graph, component: list[str]) -> list[str]:
    """The shortest cycle through the component's first module, as a path back to it."""
    start, members = component[0], set(component)
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in sorted(graph.get(node, ())):
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [start, *reversed(path[:-1]), start] if node != start else [start, start]
            if nxt in members and nxt not in came_from:
                came_from[nxt] = node
                queue.append(nxt)
    raise AssertionError(f"no cycle through {start}")


def cycles(graph: Graph) -> list[list[str]]:
    """One cycle for each strongly connected component that has one."""
    return [a_cycle(graph, c) for c in strongly_connected(graph)
            if len(c) > 1 or c[0] in graph.get(c[0], ())]


def test_the_search_finds_cycles_in_a_small_graph() -> None:
    graph = {
        "a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(),
        "e": {"e"}, "f": {"g"}, "g": {"f"}, "h": {"a"},
    }
    assert sorted(cycles(graph)) == [["a", "b", "c", "a"], ["e", "e"], ["f", "g", "f"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_the_graph_holds_every_module_and_their_imports() -> None:
    graph = import_graph()
    assert len(graph) > 100
    assert "lerkit.tui.screens.home" in graph["lerkit.tui.app"]
    assert "lerkit.services.context" in graph["lerkit.tui.app"]


def test_there_is_no_import_cycle_in_lerkit() -> None:
    found = cycles(import_graph())
    listed = "\n".join(" -> ".join(c) for c in found)
    assert not found, f"{len(found)} import cycles:\n{listed}"
