"""Answer from the store without loading the whole graph.

A query about one document needs only its neighbourhood: the lineage above it (and, for
``impact``/``status``/``tasks --serves``, the lineage below it), the replacements and
amendments around every document there (its legal status), the tasks that plan those changes,
and the agencies of the tasks in view.  :func:`local_graph` reads exactly that, through an
:class:`Adjacency` (the store's indexed merged graph, :meth:`graph.store.Store.adjacent`), into
a small networkx graph on which the usual query functions (``queries.lineage``,
``queries.status``, ``queries.tasks``) give the same answers as on the whole graph: the
differential test holds them to it, node by node.

:class:`GraphAdjacency` is the same interface over a networkx graph, so the REF resolution
(:func:`resolve`) is written once for both.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable
from typing import Protocol

import networkx as nx

from graph.errors import AmbiguousReference, NotFound
from graph.ids import split_doc_id
from graph.vocab import relation_info, relations_in_order

__all__ = ["Adjacency", "GraphAdjacency", "local_graph", "resolve", "is_exact_id"]

LINEAGE = tuple(r for r in relations_in_order() if relation_info(r)["lineage"])
UP = (*LINEAGE, "based_on")  # trace's based_on fallback climbs these too
CHANGES = ("replaces", "amends")

# What only an id looks like: "jurisdiction:key:year" (year or "?"), a task "…#task-N",
# an agency "jurisdiction:agency:slug".  Number-symbols have no ":".
_EXACT_ID = re.compile(r"^[a-z0-9-]+:(?:agency:[a-z0-9-]+|[^:\s]+:(?:\d{4}|\?)(?:#task-\d+)?)$")


class Adjacency(Protocol):
    """Reads of a merged graph by node: what :func:`local_graph` and :func:`resolve` need."""

    def node_attrs(self, ids: Iterable[str]) -> dict[str, dict]: ...

    def adjacent(self, ids: Iterable[str], keys: Iterable[str], *, incoming: bool = False) -> list[tuple]: ...

    def lookup(self, column: str, value: str) -> list[str]: ...

    def path_suffix(self, suffix: str) -> list[str]: ...

    def node_ids(self) -> list[str]: ...


def _key(text: str | None) -> str | None:
    return "".join(text.split()).casefold() if text else None


class GraphAdjacency:
    """:class:`Adjacency` over a networkx graph (scans where the store uses an index)."""

    def __init__(self, g: nx.MultiDiGraph):
        self.g = g

    def node_attrs(self, ids):
        return {n: dict(self.g.nodes[n]) for n in ids if n in self.g}

    def adjacent(self, ids, keys, *, incoming=False):
        keys = set(keys)
        edges = self.g.in_edges if incoming else self.g.out_edges
        return [(u, v, k, d) for n in dict.fromkeys(ids) if n in self.g
                for u, v, k, d in edges(n, keys=True, data=True) if k in keys]

    def lookup(self, column, value):
        g = self.g
        if column == "symbol":
            return sorted(n for n, d in g.nodes(data=True) if _key(d.get("number_symbol")) == _key(value))
        if column == "title":
            return sorted(n for n, d in g.nodes(data=True) if d.get("kind") == "document"
                          and not d.get("number_symbol") and _key(d.get("title")) == _key(value))
        return sorted(n for n, d in g.nodes(data=True) if d.get("kind") == "document" and d.get("path") == value)

    def path_suffix(self, suffix):
        return sorted(n for n, d in self.g.nodes(data=True) if d.get("kind") == "document"
                      and (d.get("path") or "").endswith("/" + suffix))

    def node_ids(self):
        return sorted(self.g)


def is_exact_id(ref: str) -> bool:
    """True when REF is spelled as a canonical id (then it must match exactly).

    >>> is_exact_id("ha-tinh:154/KH-UBND:2023#task-3"), is_exact_id("154/KH-UBND")
    (True, False)
    """
    return bool(_EXACT_ID.match(ref))


def suggest(ids: list[str], ref: str, n: int = 5) -> str:
    """"; closest: …" from the ids sharing the REF's document key, then similar ids; for a
    task of a known document, that document and the range of its tasks."""
    doc = ref.split("#", 1)[0]
    if "#" in ref and doc in set(ids):
        # the document's own tasks ("…#task-7"), not what they plan ("…#task-7#planned-…")
        tasks = sorted((x for x in ids if re.fullmatch(re.escape(doc) + r"#task-\d+", x)),
                       key=lambda x: int(x.rsplit("-", 1)[1]))
        span = f"tasks {tasks[0]} to {tasks[-1]}" if tasks else "no tasks"
        return f"; the document {doc} has {span}"
    _, key, _ = split_doc_id(doc)
    same_key = sorted(x for x in ids if "#" not in x and split_doc_id(x)[1] == key)
    pool = [x for x in ids if "#" not in x or "#" in ref]
    close = [x for x in difflib.get_close_matches(ref, pool, n=n, cutoff=0.75) if x not in same_key]
    out = (same_key + close)[:n]
    return f"; closest: {', '.join(out)}" if out else ""


def resolve(src: Adjacency, ref: str) -> str:
    """A node id from what a user types: an id (exactly), a number-symbol (unique), the
    title of an unnumbered document, or the path of an ingested file.

    Raises:
        NotFound: nothing matches (an id not in the store names the closest ids).
        AmbiguousReference: several documents share the number-symbol or path.
    """
    if src.node_attrs([ref]):
        return ref
    if is_exact_id(ref):
        # an id is exact: one that is not in the store is not found, never another document
        raise NotFound(f"{ref}: no node with this id in the store{suggest(src.node_ids(), ref)}")
    by_symbol = src.lookup("symbol", ref)
    if len(by_symbol) == 1:
        return by_symbol[0]
    if len(by_symbol) > 1:
        raise AmbiguousReference(ref, by_symbol)
    by_path = sorted({*src.lookup("path", ref), *src.lookup("path", os.path.abspath(ref)),
                      *src.path_suffix(ref.lstrip("./"))})
    if len(by_path) == 1:
        return by_path[0]
    if len(by_path) > 1:
        raise AmbiguousReference(ref, by_path)
    by_title = src.lookup("title", ref)
    if len(by_title) == 1:
        return by_title[0]
    raise NotFound(f"{ref}: no document, task or file of that name in the store")


def _closure(src: Adjacency, seeds: Iterable[str], keys: tuple[str, ...], *, out: bool = True,
             inward: bool = False, depth: int | None = None,
             cap: int | None = None) -> tuple[set[str], list[tuple]]:
    """Nodes reachable from ``seeds`` over ``keys`` edges (leaving, entering or both) within
    ``depth`` steps (None: all), and the edges walked, one indexed read per step; the walk
    stops once more than ``cap`` nodes are seen."""
    seen = set(seeds)
    frontier = list(seen)
    edges: list[tuple] = []
    steps = 0
    while frontier and (depth is None or steps < depth):
        found = (src.adjacent(frontier, keys) if out else []) + \
                (src.adjacent(frontier, keys, incoming=True) if inward else [])
        edges.extend(found)
        nxt = []
        for u, v, _, _ in found:
            for w in (u, v):
                if w not in seen:
                    seen.add(w)
                    nxt.append(w)
        frontier = nxt
        steps += 1
        if cap is not None and len(seen) > cap:
            break
    return seen, edges


EVERY = relations_in_order()


def neighbourhood(src: Adjacency, node: str, depth: int | None, *, cap: int | None = None) -> set[str]:
    """Nodes within ``depth`` hops of ``node``, every relation, both ways (None: its whole
    component): what ``policykg view --focus`` draws, read through the index; more than
    ``cap`` nodes (the walk stops there) when the neighbourhood is larger."""
    return _closure(src, [node], EVERY, out=True, inward=True, depth=depth, cap=cap)[0]


def local_graph(src: Adjacency, seeds: Iterable[str], *, down: bool = False) -> nx.MultiDiGraph:
    """The part of the merged graph that queries about ``seeds`` read.

    - with ``down``: everything downstream of the seeds (``implements``/``part_of`` into
      them, transitively): what ``impact``, ``status`` and ``tasks --serves`` list;
    - everything upstream of those (``implements``, ``part_of``, ``based_on`` out of them,
      transitively): the lineage ``trace`` and ``cite`` walk, and the documents whose status
      passes a warning down;
    - around every document there, the ``replaces``/``amends`` edges both ways, transitively
      (a status needs the whole chain of replacements), with the task that plans a change
      and that task's document;
    - the agencies the tasks in view are assigned to.
    """
    scope = set(seeds)
    edges: list[tuple] = []
    if down:
        scope, found = _closure(src, scope, LINEAGE, out=False, inward=True)
        edges += found
    upper, found = _closure(src, scope, UP)
    edges += found
    changed, found = _closure(src, upper, CHANGES, out=True, inward=True)
    edges += found
    planned = src.adjacent(changed - upper, ("part_of",)) + src.adjacent(upper, ("part_of",))
    edges += planned
    tasks = {v for _, v, _, _ in planned}
    edges += src.adjacent(tasks - upper, ("part_of",))
    in_view = upper | changed | tasks
    edges += src.adjacent(in_view, ("assigns_to",))
    ids = in_view | {v for _, v, _, _ in edges} | {u for u, _, _, _ in edges}
    return graph_of(src.node_attrs(ids), edges)


def graph_of(attrs: dict[str, dict], edges: Iterable[tuple]) -> nx.MultiDiGraph:
    """A networkx graph of the nodes read (in id order) and the edges walked, each edge once."""
    g = nx.MultiDiGraph()
    for n in sorted(attrs):
        g.add_node(n, **attrs[n])
    for u, v, k, d in edges:
        if not g.has_edge(u, v, k):
            g.add_edge(u, v, key=k, **d)
    return g

