"""Connected components of claims linked by findings (union-find with deterministic roots)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def components(links: Iterable[Sequence[str]]) -> dict[str, str]:
    """Each claim id named in ``links`` mapped to its component's root (the smallest id in it).

    >>> components([["a#2", "b#1"], ["b#1", "c#4"], ["d#1", "e#1"]])["c#4"]
    'a#2'
    """
    parent: dict[str, str] = {}

    def root(c: str) -> str:
        while parent.setdefault(c, c) != c:
            parent[c] = parent[parent[c]]  # path halving keeps the trees flat
            c = parent[c]
        return c

    for link in links:
        ids = [str(c) for c in link]
        first = root(ids[0])
        for c in ids[1:]:
            other = root(c)
            if other != first:
                parent[max(first, other)] = min(first, other)  # deterministic roots
                first = min(first, other)
    return {c: root(c) for c in list(parent)}
