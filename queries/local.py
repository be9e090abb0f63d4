"""Answer from the store without loading the whole graph.

A query about one document needs only its neighbourhood: the lineage above it (and, for
``impact``/``status``/``tasks --serves``, the lineage below it), the replacements and
amendments around every document there (its legal status), the tasks that plan those changes,
and the agencies of the tasks in view.  :func:`local_graph` reads exactly that, through an
:class:`Adjacency` (the store's indexed merged graph, :meth:`graph.store.Store.adjacent`), into
a small networkx graph on which the usual query functions (``queries.lineage``,
``queries.status``, ``queries.tasks``) give the same answers as on the whole graph: the
differential test holds them to it, node by node.  :func:`local_view` reads the same into a
:class:`LocalGraph`, which answers those functions without importing networkx (a third of a
``policykg trace`` process); the closures are one recursive SQL statement each on a store
(:func:`reach`), one indexed read per step on anything else.

:class:`GraphAdjacency` is the same interface over a networkx graph, so the REF resolution
(:func:`resolve`) is written once for both.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

from graph.errors import AmbiguousReference, NotFound
from graph.ids import split_doc_id
from graph.vocab import relation_info, relations_in_order

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = ["Adjacency", "GraphAdjacency", "LocalGraph", "local_graph", "local_view", "reach", "resolve",
           "is_exact_id"]

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
    import difflib

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


def reach(src: Adjacency, seeds: Iterable[str], keys: Iterable[str], *, out: bool = True,
          inward: bool = False) -> set[str]:
    """The seeds and every node reachable from them over ``keys`` edges, leaving (``out``),
    entering (``inward``) or both, transitively.

    On a store (an :class:`Adjacency` with an SQLite connection ``db``) one recursive
    statement walks the index (its ``(src, key)`` and ``(dst, key)`` indexes), nothing decoded;
    on anything else, or when that statement fails, one :meth:`Adjacency.adjacent` read per
    step (which reports a damaged store as the store does).
    """
    seeds, keys = sorted(set(seeds)), list(keys)
    db = getattr(src, "db", None)
    if isinstance(db, sqlite3.Connection) and seeds and keys and (out or inward):
        marks = ",".join("?" * len(keys))
        # the merged index numbers its nodes and relations (``names``): the walk is on numbers
        keyset = f"(SELECT id FROM names WHERE name IN ({marks}))"
        steps = ([f"SELECT e.dst FROM merged_edges AS e JOIN r ON e.src = r.n WHERE e.key IN {keyset}"] if out else []) \
            + ([f"SELECT e.src FROM merged_edges AS e JOIN r ON e.dst = r.n WHERE e.key IN {keyset}"] if inward else [])
        q = (f"WITH RECURSIVE r(n) AS (SELECT id FROM names WHERE name IN (SELECT value FROM json_each(?)) "
             f"UNION {' UNION '.join(steps)}) SELECT m.name FROM r JOIN names AS m ON m.id = r.n")
        try:
            return set(seeds) | {row[0] for row in db.execute(q, [json.dumps(seeds), *keys * len(steps)])}
        except sqlite3.Error:
            pass
    return _closure(src, seeds, tuple(keys), out=out, inward=inward)[0]


def _read_local(src: Adjacency, seeds: Iterable[str], down: bool) -> tuple[dict[str, dict], list[tuple]]:
    """The nodes (their attributes) and edges of :func:`local_graph`, each edge read once.

    Every closure is taken on ids alone (:func:`reach`); then the edges are read by node and
    relation: out of the lineage above (lineage, ``based_on``, the changes, the assignments),
    out of the documents around it that change or are changed (every change edge has both ends
    there), and out of the tasks that plan a change.
    """
    scope = set(seeds)
    if down:
        scope = reach(src, scope, LINEAGE, out=False, inward=True)
    upper = reach(src, scope, UP)
    changed = reach(src, upper, CHANGES, out=True, inward=True) | upper
    # in id order, so that every read of a neighbourhood adds its edges in one order
    edges = src.adjacent(sorted(upper), (*UP, *CHANGES, "assigns_to"))
    edges += src.adjacent(sorted(changed - upper), (*CHANGES, "part_of", "assigns_to"))
    tasks = {v for u, v, k, _ in edges if k == "part_of" and u in changed}
    edges += src.adjacent(sorted(tasks - changed), ("part_of", "assigns_to"))
    ids = changed | tasks | {v for _, v, _, _ in edges} | {u for u, _, _, _ in edges}
    return src.node_attrs(ids), edges


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
    return graph_of(*_read_local(src, seeds, down))


def local_view(src: Adjacency, seeds: Iterable[str], *, down: bool = False) -> LocalGraph:
    """What :func:`local_graph` reads, as a :class:`LocalGraph` (no networkx): the graph
    view of the store engine, which ``trace``, ``impact``, ``status``, ``cite`` and ``tasks
    --serves`` answer from."""
    attrs, edges = _read_local(src, seeds, down)
    return LocalGraph.of(attrs, edges)


def agency_tasks_view(src: Adjacency, name: str) -> LocalGraph:
    """What ``tasks --agency NAME`` reads: the tasks assigned (as lead or cooperating) to an
    agency whose name is ``name`` (compared as :func:`queries.tasks.list_tasks` compares it),
    with their neighbourhood as :func:`local_view` reads it (their documents, the documents
    upstream whose status passes a warning down, the agencies assigned), instead of the
    whole graph."""
    from graph.ids import slug

    want, ids = slug(name), src.index_nodes("agency")
    agencies = [a for i in range(0, len(ids), 5000)
                for a, d in src.node_attrs(ids[i:i + 5000]).items() if slug(d.get("name") or a) == want]
    tasks = {u for u, _, _, _ in src.adjacent(agencies, ("assigns_to",), incoming=True)}
    return local_view(src, tasks)


def graph_of(attrs: dict[str, dict], edges: Iterable[tuple]) -> nx.MultiDiGraph:
    """A networkx graph of the nodes read (in id order) and the edges walked, each edge once."""
    import networkx as nx

    return _filled(nx.MultiDiGraph(), attrs, edges)


def _filled(g, attrs: dict[str, dict], edges: Iterable[tuple]):
    """``g`` (a networkx graph or a :class:`LocalGraph`) with the nodes (in id order) and the
    edges ``(u, v, key, attrs)``, each edge once."""
    for n in sorted(attrs):
        g.add_node(n, **attrs[n])
    for u, v, k, d in edges:
        if not g.has_edge(u, v, k):
            g.add_edge(u, v, key=k, **d)
    return g


# -- a neighbourhood without networkx ------------------------------------------------------

class _NodeSet:
    """A set of node ids kept as the keys of ``self._node`` (networkx's ``in``, iteration and
    ``len`` on a graph and on its node view); an unhashable id is not in it."""

    _node: dict[str, dict]

    def __contains__(self, n: object) -> bool:
        try:
            return n in self._node
        except TypeError:
            return False

    def __iter__(self) -> Iterator[str]:
        return iter(self._node)

    def __len__(self) -> int:
        return len(self._node)


class LocalGraph(_NodeSet):
    """A small directed multigraph with the reading side of networkx's ``MultiDiGraph`` that
    the queries use, and the same order (nodes and edges as added): ``n in g``, ``g.nodes``
    (``g.nodes[n]``, ``g.nodes(data=True)``, ``g.nodes(data="kind")``), ``g.edges`` (called
    with ``keys``/``data``, or ``g.edges[u, v, k]``), ``g.out_edges`` / ``g.in_edges``,
    ``g.has_edge``, ``g[u][v]`` (key -> attributes), ``successors``, ``predecessors``,
    ``number_of_nodes``, ``number_of_edges``, ``add_node``, ``add_edge``, ``g.graph``.

    Importing networkx costs more than answering a query from a neighbourhood, so the query
    commands read one into this; :meth:`to_networkx` gives it to anything that needs more.

    Examples:
        >>> g = LocalGraph()
        >>> g.add_edge("plan", "program", key="implements", evidence=[])
        'implements'
        >>> g.add_node("plan", kind="document")
        >>> "plan" in g, g.nodes["plan"]["kind"], g.number_of_nodes(), g.number_of_edges()
        (True, 'document', 2, 1)
        >>> g.out_edges("plan", keys=True), g.in_edges("program", keys=True, data=True)
        ([('plan', 'program', 'implements')], [('plan', 'program', 'implements', {'evidence': []})])
        >>> list(g["plan"]["program"]), g.has_edge("plan", "program", "part_of")
        (['implements'], False)
    """

    def __init__(self) -> None:
        self.graph: dict[str, Any] = {}
        self._node: dict[str, dict] = {}
        self._succ: dict[str, dict[str, dict[str, dict]]] = {}
        self._pred: dict[str, dict[str, dict[str, dict]]] = {}
        self._added: list[tuple[str, str, str]] = []  # edges as added: to_networkx adds them so

    @classmethod
    def of(cls, attrs: dict[str, dict], edges: Iterable[tuple]) -> LocalGraph:
        """The nodes read (in id order) and the edges ``(u, v, key, attrs)``, each edge once
        (what :func:`graph_of` makes in networkx)."""
        return _filled(cls(), attrs, edges)

    # -- building --------------------------------------------------------------------------
    def add_node(self, n: str, **attrs: Any) -> None:
        if n in self._node:
            self._node[n].update(attrs)
            return
        self._node[n] = attrs
        self._succ[n] = {}
        self._pred[n] = {}

    def add_edge(self, u: str, v: str, key: str, **attrs: Any) -> str:
        for n in (u, v):
            if n not in self._node:
                self.add_node(n)
        keys = self._succ[u].setdefault(v, {})
        if key in keys:
            keys[key].update(attrs)
        else:
            keys[key] = attrs
            self._pred[v].setdefault(u, {})[key] = attrs
            self._added.append((u, v, key))
        return key

    # -- reading ---------------------------------------------------------------------------
    def __getitem__(self, u: str) -> dict[str, dict[str, dict]]:
        return self._succ[u]

    @property
    def nodes(self) -> _Nodes:
        return _Nodes(self._node)

    @property
    def edges(self) -> _Edges:
        return _Edges(self)

    def number_of_nodes(self) -> int:
        return len(self._node)

    def number_of_edges(self) -> int:
        return sum(len(keys) for nbrs in self._succ.values() for keys in nbrs.values())

    def is_directed(self) -> bool:
        return True

    def is_multigraph(self) -> bool:
        return True

    def has_edge(self, u: str, v: str, key: str | None = None) -> bool:
        keys = self._succ.get(u, {}).get(v)
        return keys is not None and (key is None or key in keys)

    def successors(self, n: str) -> Iterator[str]:
        return iter(self._succ[n])

    def predecessors(self, n: str) -> Iterator[str]:
        return iter(self._pred[n])

    neighbors = successors

    def _bunch(self, nbunch: Any) -> list[str]:
        if nbunch is None:
            return list(self._node)
        if nbunch in self:
            return [nbunch]
        return [n for n in nbunch if n in self._node]

    def out_edges(self, nbunch: Any = None, data: bool | str = False, keys: bool = False,
                  default: Any = None) -> list[tuple]:
        """Edges leaving the nodes (all when None), as networkx gives them: ``(u, v)``,
        with the key when ``keys``, with the attributes (or one of them) when ``data``."""
        return [_edge(u, v, k, d, data, keys, default)
                for u in self._bunch(nbunch) for v, ks in self._succ[u].items() for k, d in ks.items()]

    def in_edges(self, nbunch: Any = None, data: bool | str = False, keys: bool = False,
                 default: Any = None) -> list[tuple]:
        """Edges entering the nodes (all when None), shaped as :meth:`out_edges`."""
        return [_edge(u, v, k, d, data, keys, default)
                for v in self._bunch(nbunch) for u, ks in self._pred[v].items() for k, d in ks.items()]

    def to_networkx(self) -> nx.MultiDiGraph:
        """The same graph in networkx: the same nodes, edges and attributes, added in the same order."""
        import networkx as nx

        g = nx.MultiDiGraph()
        g.graph.update(self.graph)
        g.add_nodes_from(self._node.items())
        for u, v, k in self._added:
            g.add_edge(u, v, key=k, **self._succ[u][v][k])
        return g


def _edge(u: str, v: str, k: str, d: dict, data: bool | str, keys: bool, default: Any) -> tuple:
    tail = (k,) if keys else ()
    if data is True:
        return (u, v, *tail, d)
    if data is not False:
        return (u, v, *tail, d.get(data, default))
    return (u, v, *tail)


class _Nodes(_NodeSet):
    """``g.nodes``: ``g.nodes[n]`` (its attributes), ``n in g.nodes``, iteration, and the call
    ``g.nodes(data=True)`` / ``g.nodes(data="kind", default=None)``."""

    __slots__ = ("_node",)

    def __init__(self, node: dict[str, dict]):
        self._node = node

    def __getitem__(self, n: str) -> dict:
        return self._node[n]

    def __call__(self, data: bool | str = False, default: Any = None) -> list:
        if data is True:
            return list(self._node.items())
        if data is not False:
            return [(n, d.get(data, default)) for n, d in self._node.items()]
        return list(self._node)


class _Edges:
    """``g.edges``: ``g.edges[u, v, k]`` (its attributes), iteration over ``(u, v, k)``, and the
    call ``g.edges(nbunch, data=..., keys=...)`` (:meth:`LocalGraph.out_edges`)."""

    __slots__ = ("_g",)

    def __init__(self, g: LocalGraph):
        self._g = g

    def __getitem__(self, e: tuple) -> dict:
        u, v, k = e
        return self._g._succ[u][v][k]

    def __contains__(self, e: object) -> bool:
        if not isinstance(e, tuple) or len(e) not in (2, 3):
            return False
        return self._g.has_edge(*e)

    def __iter__(self) -> Iterator[tuple]:
        return iter(self._g.out_edges(keys=True))

    def __len__(self) -> int:
        return self._g.number_of_edges()

    def __call__(self, nbunch: Any = None, data: bool | str = False, keys: bool = False,
                 default: Any = None) -> list[tuple]:
        return self._g.out_edges(nbunch, data=data, keys=keys, default=default)
