"""One protocol for every query engine, and the registry the CLI, the differential test and
the benchmark read.

An engine answers the lineage questions on one representation of the merged graph:

* ``networkx``: the whole graph in memory (:mod:`queries.lineage`): the reference semantics;
* ``store``: the store's indexed merged graph, reading only the neighbourhood an answer
  needs (:mod:`queries.local`); the default of every command;
* ``sparql``: SPARQL over the RDF export (:mod:`queries.sparql`, queries/*.rq);
* ``cypher``: Cypher over a Bolt server the graph was pushed to (:mod:`queries.cypher`,
  queries/*.cypher); it needs a server and is skipped when none is configured.

Every engine implements :class:`QueryEngine`; a new one is a class and one
:func:`register_engine` call.  What is derived from the answers (central roots apart from the
highest non-central tops, the downstream documents and tasks in order, the statuses) is
computed here, once, for every engine: :func:`serves`, :func:`downstream`.

Nothing heavy is imported at module level (``policykg --help`` imports this module).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from graph.errors import NotFound, PolicyKGError

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

    from queries.lineage import TraceResult
    from queries.status import StatusReport

__all__ = [
    "DEFAULT_ENGINE", "EngineUnavailable", "UnknownEngine", "Server", "Source", "QueryEngine", "EngineInfo",
    "register_engine", "unregister_engine", "engines", "engine_info", "open_engine", "serves", "downstream",
    "ByNode", "GraphEngine", "StoreEngine", "SparqlEngine", "CypherEngine",
]

#: The engine every command uses unless told otherwise.
DEFAULT_ENGINE = "store"


class EngineUnavailable(PolicyKGError):
    """An engine that cannot run here (it needs a server and none is configured)."""


class UnknownEngine(PolicyKGError):
    """A name no engine is registered under."""


@dataclass(frozen=True)
class Server:
    """A Bolt server's settings (Neo4j 5, FalkorDB)."""

    uri: str
    user: str = "neo4j"
    password: str = ""
    database: str | None = None


class Source:
    """What an engine may read: a store (its index and, when asked, its whole graph), a
    networkx graph standing for the whole graph, a Bolt server, an exported RDF file.

    A test gives a generated graph and a store whose index holds it; the CLI gives the store.
    """

    def __init__(self, *, store: Any = None, graph: nx.MultiDiGraph | None = None,
                 server: Server | None = None, rdf_file: str | Path | None = None):
        self.store = store
        self._graph = graph
        self.server = server
        self.rdf_file = rdf_file

    def whole(self) -> nx.MultiDiGraph:
        """The whole merged graph (loaded from the store on first use)."""
        if self._graph is None:
            if self.store is None:
                raise EngineUnavailable("this engine needs the store's graph, and no store was given")
            self._graph = self.store.graph()
        return self._graph

    @property
    def where(self) -> str:
        """What is read, in messages: the server's URI, the RDF file or the store's path."""
        if self.server is not None:
            return self.server.uri
        if self.rdf_file is not None:
            return str(self.rdf_file)
        return str(getattr(self.store, "path", "the graph"))


@runtime_checkable
class QueryEngine(Protocol):
    """The questions every engine answers.  Ids are canonical node ids (:meth:`resolve`
    reads what a user typed); an id the engine does not hold raises :class:`NotFound`."""

    name: str
    where: str  # what it reads, in messages

    def resolve(self, ref: str) -> str:
        """The node id REF names (an id; engines with an index also a number-symbol, a
        title, a file).  Raises NotFound or AmbiguousReference."""

    def trace_tops(self, node: str) -> set[str]:
        """Tops of the LINEAGE chains above ``node`` (:func:`queries.lineage.trace_tops`)."""

    def impact(self, node: str) -> set[str]:
        """Everything downstream of ``node`` (:func:`queries.lineage.impact`)."""

    def trace(self, node: str, *, based_on_fallback: bool = True) -> TraceResult:
        """Every lineage path from ``node`` up to its tops, with the central roots, the
        highest other tops and the based_on hops (:func:`queries.lineage.trace`)."""

    def trace_tops_many(self, nodes: Iterable[str]) -> dict[str, set[str]]:
        """:meth:`trace_tops` of each node (an engine with a query language asks once for
        them all, :class:`ByNode` asks node by node)."""

    def impact_many(self, nodes: Iterable[str]) -> dict[str, set[str]]:
        """:meth:`impact` of each node, as :meth:`trace_tops_many`."""

    def nodes(self, ids: Iterable[str]) -> dict[str, dict]:
        """Display fields of the nodes (kind, type, number_symbol, date, issuer,
        jurisdiction, title, ...); ids the engine does not hold are left out."""

    def statuses(self, as_of: str | None = None, around: str | None = None) -> StatusReport:
        """Statuses and downstream warnings on ``as_of`` (default today); right at least for
        ``around`` and every node on its lineage up and down (None: every node)."""

    def counts(self) -> dict[str, int]:
        """Nodes of each kind (``document``, ``task``, ``agency``) and ``edges``."""

    def tasks_by_agency(self, agency: str) -> list[dict]:
        """The assignments of an agency named by id or by name (case ignored), one row per
        (task, agency): task, text, role, agency, agency_name, document, deadline (its text);
        ordered by document, task, agency."""

    def view(self, node: str | None, *, down: bool = False) -> nx.MultiDiGraph | None:
        """The part of the graph the answers about ``node`` read (``down``: with what lies
        downstream; None: the whole graph), as networkx, for the commands that print paths,
        citations and statuses hop by hop; None from an engine that answers only by its query
        language (the commands then print what its answers hold)."""

    def close(self) -> None:
        """Release what the engine holds (a connection)."""


@dataclass(frozen=True)
class EngineInfo:
    name: str
    factory: Callable[[Source], QueryEngine]
    needs_server: bool = False
    description: str = ""
    #: each answer runs a query-language statement (tens of ms): the differential test checks
    #: a sample of a large corpus rather than every node
    per_statement: bool = False


_REGISTRY: dict[str, EngineInfo] = {}


def register_engine(name: str, factory: Callable[[Source], QueryEngine], *, needs_server: bool = False,
                    description: str = "", per_statement: bool = False) -> None:
    """Make an engine available under ``name`` to ``--engine``, the differential test and the
    benchmark.  ``factory(source)`` builds it; ``needs_server``: it reads ``source.server``
    and is skipped where none is configured.  Registering a name again replaces it."""
    _REGISTRY[name] = EngineInfo(name, factory, needs_server, description, per_statement)


def unregister_engine(name: str) -> None:
    _REGISTRY.pop(name, None)


def engines() -> list[str]:
    """Names of the registered engines, in registration order."""
    return list(_REGISTRY)


def engine_info(name: str) -> EngineInfo:
    """Raises:
        UnknownEngine: no engine of that name."""
    try:
        return _REGISTRY[name]
    except KeyError:
        raise UnknownEngine(f"{name!r} is not a query engine (known: {', '.join(engines())})") from None


def open_engine(name: str, source: Source) -> QueryEngine:
    """The engine ``name`` on ``source``.

    Raises:
        UnknownEngine: no engine of that name.
        EngineUnavailable: it needs a server and ``source`` names none.
    """
    info = engine_info(name)
    if info.needs_server and source.server is None:
        raise EngineUnavailable(f"the {name} engine needs a server (--uri, or NEO4J_URI), and none is configured")
    return info.factory(source)


# -- what every command derives from the answers, once for every engine --------------------

def serves(engine: QueryEngine, node: str) -> tuple[list[str], list[str], dict[str, dict]]:
    """The central roots ``node`` serves and the highest non-central tops it reaches
    (:func:`queries.lineage.split_tops`), with the display fields of those nodes and of
    ``node``."""
    from queries.lineage import split_tops

    tops = engine.trace_tops(node)
    nodes = engine.nodes([node, *tops])
    roots, highest = split_tops(tops, lambda n: nodes.get(n, {}))
    return roots, highest, nodes


def downstream(engine: QueryEngine, node: str) -> tuple[dict, dict[str, dict]]:
    """What flows from ``node`` (:func:`queries.lineage.downstream_impact`'s shape: ref,
    documents, tasks in reading order), with the display fields of those nodes."""
    from queries.lineage import order_downstream

    found = engine.impact(node)
    nodes = engine.nodes([node, *found])
    return order_downstream(node, found, lambda n: nodes.get(n, {})), nodes


def _assignment_rows(rows: Iterable[dict]) -> list[dict]:
    rows = [r | {"deadline": r.get("deadline") or None} for r in rows]  # no deadline text: None everywhere
    return sorted(rows, key=lambda r: (r["document"] or "", r["task"], r["agency"]))


class _Reports:
    """Status reports by day, computed once per engine."""

    def __init__(self, compute: Callable[[str], StatusReport]):
        self._compute = compute
        self._by_day: dict[str, StatusReport] = {}

    def get(self, as_of: str | None) -> StatusReport:
        day = as_of or _dt.date.today().isoformat()
        if day not in self._by_day:
            self._by_day[day] = self._compute(day)
        return self._by_day[day]


class ByNode:
    """``trace_tops_many`` and ``impact_many`` node by node: for an engine whose answer for
    one node costs no statement of its own (networkx, the store's index)."""

    def trace_tops_many(self, nodes):
        return {n: self.trace_tops(n) for n in nodes}

    def impact_many(self, nodes):
        return {n: self.impact(n) for n in nodes}


# -- networkx: the reference -------------------------------------------------------------

class GraphEngine(ByNode):
    """The whole graph in memory: :mod:`queries.lineage` on networkx."""

    name = "networkx"

    def __init__(self, g: nx.MultiDiGraph, where: str = "the graph"):
        from queries.status import graph_statuses

        self.g = g
        self.where = where
        self._reports = _Reports(lambda day: graph_statuses(g, day))

    def _known(self, node: str) -> str:
        if node not in self.g:
            raise NotFound(f"{node}: no node with this id in {self.where}")
        return node

    def resolve(self, ref: str) -> str:
        from queries.local import GraphAdjacency, resolve

        return resolve(GraphAdjacency(self.g), ref)

    def trace_tops(self, node):
        from queries.lineage import trace_tops

        return trace_tops(self.g, self._known(node))

    def impact(self, node):
        from queries.lineage import impact

        return impact(self.g, self._known(node))

    def trace(self, node, *, based_on_fallback=True):
        from queries.lineage import trace

        return trace(self.g, self._known(node), based_on_fallback=based_on_fallback)

    def nodes(self, ids):
        from queries.lineage import node_summary

        return {n: node_summary(self.g, n) for n in ids if n in self.g}

    def statuses(self, as_of=None, around=None):
        return self._reports.get(as_of)

    def counts(self):
        out: dict[str, int] = {}
        for _, kind in self.g.nodes(data="kind"):
            out[kind or "document"] = out.get(kind or "document", 0) + 1
        out["edges"] = self.g.number_of_edges()
        return out

    def tasks_by_agency(self, agency):
        g = self.g
        want = agency.casefold()
        rows = []
        for t, a, k, d in g.edges(keys=True, data=True):
            if k != "assigns_to" or not (a == agency or (g.nodes[a].get("name") or "").casefold() == want):
                continue
            doc = next((v for _, v, kk in g.out_edges(t, keys=True)
                        if kk == "part_of" and g.nodes[v].get("kind") == "document"), None)
            rows.append({"task": t, "text": g.nodes[t].get("text"), "role": d.get("role"), "agency": a,
                         "agency_name": g.nodes[a].get("name"), "document": doc,
                         "deadline": (g.nodes[t].get("deadline") or {}).get("text")})
        return _assignment_rows(rows)

    def view(self, node, *, down=False):
        return self.g

    def close(self):
        pass


# -- the store's index -------------------------------------------------------------------

class StoreEngine(ByNode):
    """The store's indexed merged graph: each answer reads the neighbourhood it needs
    (:func:`queries.local.local_graph`) and runs :mod:`queries.lineage` on it."""

    name = "store"

    def __init__(self, store: Any, where: str | None = None):
        self.store = store
        self.where = where or str(getattr(store, "path", "the store"))

    def resolve(self, ref):
        from queries.local import resolve

        return resolve(self.store, ref)

    def view(self, node, *, down=False):
        if node is None:
            return self.store.graph()
        from queries.local import local_view

        return local_view(self.store, [node], down=down)

    def _known(self, node: str) -> None:
        if not self.store.node_attrs([node]):
            raise NotFound(f"{node}: no node with this id in {self.where}")

    def trace_tops(self, node):
        from queries.lineage import trace_tops

        self._known(node)
        return trace_tops(self.view(node), node)

    def impact(self, node):
        from queries.lineage import impact

        self._known(node)
        return impact(self.view(node, down=True), node)

    def trace(self, node, *, based_on_fallback=True):
        from queries.lineage import trace

        self._known(node)
        return trace(self.view(node), node, based_on_fallback=based_on_fallback)

    def nodes(self, ids):
        from queries.lineage import summary_of

        return {n: summary_of(d) for n, d in self.store.node_attrs(ids).items()}

    def statuses(self, as_of=None, around=None):
        from queries.status import graph_statuses

        return graph_statuses(self.view(around, down=True), as_of)

    def counts(self):
        return self.store.index_counts()

    def tasks_by_agency(self, agency):
        # an agency by id, or by name: the search index's agency rows, the name compared whole
        ids = [agency] if self.store.node_attrs([agency]) else \
            [r["id"] for r in self.store.search(agency, kind="agency", limit=1000)]
        agencies = {a: d for a, d in self.store.node_attrs(ids).items()
                    if a == agency or (d.get("name") or "").casefold() == agency.casefold()}
        edges = self.store.adjacent(agencies, ("assigns_to",), incoming=True)
        tasks = {u for u, _, _, _ in edges}
        docs = {u: v for u, v, _, _ in self.store.adjacent(tasks, ("part_of",))}
        attrs = self.store.node_attrs(tasks | set(docs.values()))
        docs = {t: v for t, v in docs.items() if attrs.get(v, {}).get("kind") == "document"}
        return _assignment_rows(
            {"task": t, "text": attrs[t].get("text"), "role": d.get("role"), "agency": a,
             "agency_name": agencies[a].get("name"), "document": docs.get(t),
             "deadline": (attrs[t].get("deadline") or {}).get("text")} for t, a, _, d in edges)

    def close(self):
        pass


def _store_engine(source: Source) -> QueryEngine:
    store = source.store
    if store is None or not store.has_merged():
        # no index (a graph given alone, or a store written by an earlier policykg until its
        # next build): the whole graph answers, as the store did before it had one
        eng = GraphEngine(source.whole(), source.where)
        eng.name = "store"
        return eng
    return StoreEngine(store)


# -- engines that answer by a query language ---------------------------------------------

class _LanguageEngine:
    """What SPARQL and Cypher share: statuses derived from the status facts their queries
    return (read once) with the warnings passed down over their own ``impact``; no graph
    view."""

    def __init__(self):
        self._facts: tuple | None = None
        self._reports = _Reports(self._report)

    def _status_facts(self) -> tuple[dict, list]:
        raise NotImplementedError

    def _report(self, day: str) -> StatusReport:
        from queries.status import AT_RISK, StatusReport, derive_statuses, risk_flags

        if self._facts is None:
            self._facts = self._status_facts()
        st = derive_statuses(*self._facts, day)
        below = self.impact_many(sorted(n for n, s in st.items() if s.state in AT_RISK))  # one query
        return StatusReport(day, st, risk_flags(st, below.__getitem__))

    def statuses(self, as_of=None, around=None):
        return self._reports.get(as_of)

    def _up_edges(self, nodes: list[str]) -> list[tuple[str, str, str]]:
        raise NotImplementedError

    def trace(self, node, *, based_on_fallback=True):
        """:func:`queries.lineage.trace` on the edges it climbs, read hop by hop (one
        statement a hop for the whole frontier: ``_up_edges``), with the display fields of
        the nodes reached and the flags of the documents (a "named" document carries no
        lineage through based_on)."""
        from queries.lineage import LINEAGE, is_policy_document, trace
        from queries.local import LocalGraph

        if not self.nodes([node]):
            raise NotFound(f"{node}: no node with this id in {self.where}")
        if self._facts is None:
            self._facts = self._status_facts()
        docs = self._facts[0]

        def attrs(ids) -> dict[str, dict]:
            found = self.nodes(ids)
            return {n: found.get(n, {}) | {"flags": (docs.get(n) or {}).get("flags", [])} for n in ids}

        seen = attrs([node])
        edges: list[tuple] = []
        frontier, read = [node], {node}
        while frontier:
            out: dict[str, list[tuple[str, str]]] = {}
            for u, v, relation in self._up_edges(frontier):
                out.setdefault(u, []).append((v, relation))
            climbed = []
            for u in frontier:
                lineage = [(v, r) for v, r in out.get(u, []) if r in LINEAGE]
                based_on = [] if lineage or not based_on_fallback or seen[u].get("kind") != "document" else \
                    [(v, r) for v, r in out.get(u, []) if r not in LINEAGE]
                climbed += [(u, v, r) for v, r in lineage + based_on]
            seen |= attrs([v for _, v, _ in climbed if v not in seen])
            climbed = [(u, v, r) for u, v, r in climbed if r in LINEAGE or is_policy_document(seen[v])]
            edges += [(u, v, r, {"relation": r}) for u, v, r in climbed]
            frontier = sorted({v for _, v, _ in climbed} - read)
            read.update(frontier)
        return trace(LocalGraph.of(seen, edges), node, based_on_fallback=based_on_fallback)

    def view(self, node, *, down=False):
        return None

    def close(self):
        pass


# -- SPARQL on the RDF export ------------------------------------------------------------

class SparqlEngine(_LanguageEngine):
    """SPARQL (rdflib) on the RDF export: the shipped queries/*.rq."""

    name = "sparql"

    def __init__(self, rdf: Any, where: str, index: Any = None):
        super().__init__()
        self.rdf = rdf
        self.where = where
        self._index = index
        self._nodes: dict[str, dict | None] = {}  # display fields read so far (the RDF graph does not change)

    def _status_facts(self):
        from queries.sparql import status_facts_sparql

        return status_facts_sparql(self.rdf)

    def resolve(self, ref):
        if self._index is not None:  # the store the export was made from reads a spelling
            from queries.local import resolve

            return resolve(self._index, ref)
        if not self.nodes([ref]):
            raise NotFound(f"{ref}: no node with this id in {self.where} (pass a canonical id)")
        return ref

    def trace_tops(self, node):
        from queries.sparql import trace_tops_sparql

        return trace_tops_sparql(self.rdf, node)

    def impact(self, node):
        from queries.sparql import impact_sparql

        return impact_sparql(self.rdf, node)

    def _up_edges(self, nodes):
        from queries.sparql import up_edges_sparql

        return up_edges_sparql(self.rdf, nodes)

    def trace_tops_many(self, nodes):
        from queries.sparql import trace_tops_sparql_many

        return trace_tops_sparql_many(self.rdf, nodes)

    def impact_many(self, nodes):
        from queries.sparql import impact_sparql_many

        return impact_sparql_many(self.rdf, nodes)

    def nodes(self, ids):
        from queries.sparql import node_summaries_sparql

        ids = list(ids)
        missing = [n for n in ids if n not in self._nodes]
        if missing:  # one VALUES query for the ids not read yet (an unbound scan costs far more)
            found = node_summaries_sparql(self.rdf, missing)
            self._nodes.update({n: found.get(n) for n in missing})
        return {n: self._nodes[n] for n in ids if self._nodes.get(n)}

    def counts(self):
        from queries.sparql import counts_sparql

        return counts_sparql(self.rdf)

    def tasks_by_agency(self, agency):
        from queries.sparql import tasks_by_agency_sparql

        return tasks_by_agency_sparql(self.rdf, agency)


def _sparql_engine(source: Source) -> QueryEngine:
    if source.rdf_file is not None:
        from graph.rdf import load_rdf

        return SparqlEngine(load_rdf(source.rdf_file), source.where)
    from graph.rdf import to_rdf

    index = source.store if source.store is not None and source.store.has_merged() else None
    if index is None:
        from queries.local import GraphAdjacency

        index = GraphAdjacency(source.whole())
    return SparqlEngine(to_rdf(source.whole()), source.where, index)


# -- Cypher over Bolt --------------------------------------------------------------------

class CypherEngine(_LanguageEngine):
    """Cypher on a Bolt server the graph was pushed to (``policykg push``): queries/*.cypher."""

    name = "cypher"

    def __init__(self, server: Server):
        from graph.bolt import connect, open_session

        super().__init__()
        self.where = server.uri
        self._driver = connect(server.uri, server.user, server.password, server.database)
        try:
            self._cm = open_session(self._driver, server.database)  # values escaped as the server needs
            self.session = self._cm.__enter__()
        except BaseException:
            self._driver.close()
            raise

    def _status_facts(self):
        from queries.cypher import status_facts_cypher

        return status_facts_cypher(self.session)

    def resolve(self, ref):
        if not self.nodes([ref]):
            raise NotFound(f"{ref}: no node with this id on {self.where} (pass a canonical id, "
                           "see `policykg trace --json`)")
        return ref

    def trace_tops(self, node):
        from queries.cypher import trace_tops_cypher

        return trace_tops_cypher(self.session, node)

    def impact(self, node):
        from queries.cypher import impact_cypher

        return impact_cypher(self.session, node)

    def _up_edges(self, nodes):
        from queries.cypher import up_edges_cypher

        return up_edges_cypher(self.session, nodes)

    def trace_tops_many(self, nodes):
        from queries.cypher import trace_tops_cypher_many

        return trace_tops_cypher_many(self.session, nodes)

    def impact_many(self, nodes):
        from queries.cypher import impact_cypher_many

        return impact_cypher_many(self.session, nodes)

    def nodes(self, ids):
        from queries.cypher import node_summaries_cypher

        return node_summaries_cypher(self.session, ids)

    def counts(self):
        from queries.cypher import counts_cypher

        return counts_cypher(self.session)

    def tasks_by_agency(self, agency):
        from queries.cypher import tasks_by_agency_cypher

        return _assignment_rows(tasks_by_agency_cypher(self.session, agency))

    def close(self):
        try:
            self._cm.__exit__(None, None, None)
        finally:
            self._driver.close()


register_engine("store", _store_engine, description="the store's index, reading only what an answer needs (default)")
register_engine("networkx", lambda s: GraphEngine(s.whole(), s.where), description="the whole graph in memory")
register_engine("sparql", _sparql_engine, description="SPARQL on the RDF export (rdflib)", per_statement=True)
register_engine("cypher", lambda s: CypherEngine(s.server), needs_server=True,
                description="Cypher on the Bolt server the graph was pushed to", per_statement=True)
