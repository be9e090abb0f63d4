"""Reading what a user typed as REF, once for every command, the server and the reports.

Here, not in ``queries``, because a user's spelling of a number-symbol ("06/NQ-TU", "13
KH/TW") is canonicalized by the reference scanner of ``loaders``, which the query layer may
not import.
"""

from __future__ import annotations

import networkx as nx

from graph.errors import NotFound
from queries.local import GraphAdjacency, is_exact_id, local_graph, resolve

__all__ = ["resolve_spelling", "ref_graph"]



def resolve_spelling(where, ref: str) -> str:
    """REF's node id in a networkx graph or an :class:`Adjacency` (the store's index), as
    every command and the server read what a user typed: :func:`resolve`, then, when that
    finds nothing and REF is not spelled as an id, the first number-symbol written in REF
    canonicalized ("06/NQ-TU" → 06-NQ/TU, "13 KH/TW" → 13-KH/TW).

    Raises:
        NotFound, AmbiguousReference: as :func:`resolve`.
    """
    src = where if hasattr(where, "adjacent") else GraphAdjacency(where)
    try:
        return resolve(src, ref)
    except NotFound:
        if is_exact_id(ref):
            raise
        from loaders.references import find_mentions

        ms = [m for m in find_mentions(ref) if m.symbol]
        if ms:
            return resolve(src, ms[0].symbol.canonical)
        raise


def ref_graph(store, ref: str, *, down: bool = False) -> tuple[nx.MultiDiGraph, str]:
    """REF's node and the part of the graph its answer reads, through the store's index
    (:func:`local_graph`; ``down`` adds what lies downstream).  A store written by an earlier
    policykg has no index until its next build: then the whole graph."""
    if not store.has_merged():
        g = store.graph()
        return g, resolve_spelling(g, ref)
    node = resolve_spelling(store, ref)
    return local_graph(store, [node], down=down), node
