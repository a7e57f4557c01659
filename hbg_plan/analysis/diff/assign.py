"""Optimal one-to-one pairing of scored candidates (maximum-weight bipartite assignment).

`assign(scores)` takes sparse candidate pairs `(old, new) -> score` (only pairs worth making) and
returns the set of pairs with the largest total score in which every old and every new item
appears at most once. The candidate graph is split into connected components; each component is
solved exactly with the Hungarian algorithm (Kuhn-Munkres, O(rows² × columns)) when it has at
most `MAX_EXACT` items on its smaller side, else best-first (greedy), so the cost stays bounded
for hostile plans. Ties go to the earlier items, so the result does not depend on dict order.
"""

from __future__ import annotations

from collections import defaultdict

MAX_EXACT = 120


def assign(scores: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """The pairs of an assignment maximising the total score, sorted by (old, new)."""
    pairs: list[tuple[int, int]] = []
    for component in _components(scores):
        olds = sorted({i for i, _ in component})
        news = sorted({j for _, j in component})
        if min(len(olds), len(news)) <= MAX_EXACT and len(olds) * len(news) <= MAX_EXACT * MAX_EXACT * 4:
            pairs += _hungarian(olds, news, scores)
        else:
            pairs += _greedy(component, scores)
    return sorted(pairs)


def _components(scores: dict[tuple[int, int], float]) -> list[list[tuple[int, int]]]:
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        root = x
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    for i, j in scores:
        a, b = find(("o", i)), find(("n", j))
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
    for i, j in sorted(scores):
        groups[find(("o", i))].append((i, j))
    return list(groups.values())


def _greedy(component: list[tuple[int, int]], scores: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    pairs = []
    for i, j in sorted(component, key=lambda p: (-scores[p], p[1], p[0])):
        if i not in taken_old and j not in taken_new:
            taken_old.add(i)
            taken_new.add(j)
            pairs.append((i, j))
    return pairs


def _hungarian(
    olds: list[int], news: list[int], scores: dict[tuple[int, int], float]
) -> list[tuple[int, int]]:
    transposed = len(olds) > len(news)
    rows, cols = (news, olds) if transposed else (olds, news)

    def score(r: int, c: int) -> float:
        return scores.get((c, r) if transposed else (r, c), 0.0)

    # Minimum cost of -score; a small bonus for earlier columns breaks ties deterministically.
    n, m = len(rows), len(cols)
    cost = [[-score(r, c) + c_index * 1e-9 for c_index, c in enumerate(cols)] for r in rows]
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)  # p[j]: the row (1-based) assigned to column j
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            row = cost[i0 - 1]
            ui0 = u[i0]
            for j in range(1, m + 1):
                if not used[j]:
                    current = row[j - 1] - ui0 - v[j]
                    if current < minv[j]:
                        minv[j] = current
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    pairs = []
    for j in range(1, m + 1):
        if p[j] and score(rows[p[j] - 1], cols[j - 1]) > 0:
            r, c = rows[p[j] - 1], cols[j - 1]
            pairs.append((c, r) if transposed else (r, c))
    return pairs
