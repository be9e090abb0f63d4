"""SPARQL over the RDF export (:mod:`graph.rdf`): any query, plus the lineage queries
``trace.rq`` and ``impact.rq`` shipped beside this module.

The lineage queries reproduce :func:`queries.lineage.trace_tops` and
:func:`queries.lineage.impact` exactly (a test compares them on every node of a synthetic
corpus).  For one node each runs with the node bound through ``initBindings``; the parsed
query is cached, so a call costs only its evaluation.  For many nodes (``*_many``) the same
query runs once with a ``VALUES`` clause of their IRIs, a fifth of the time the per-node
queries take together.

rdflib is imported lazily, inside the functions, so importing this module stays cheap.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.errors import NotFound, PolicyKGError

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Graph

__all__ = ["SparqlError", "run_sparql", "query_variables", "trace_tops_sparql", "impact_sparql", "load_query", "status_facts_sparql",
           "node_summaries_sparql", "counts_sparql", "tasks_by_agency_sparql", "trace_tops_sparql_many", "impact_sparql_many",
           "up_edges_sparql"]


class SparqlError(PolicyKGError):
    """A SPARQL query cannot be parsed or evaluated.  One line, naming the query."""


def load_query(name: str) -> str:
    """Text of a query shipped in this package, e.g. ``load_query("trace")`` for trace.rq.

    Raises:
        NotFound: no such query file.
    """
    try:
        return resources.files("queries").joinpath(f"{name}.rq").read_text("utf-8")
    except FileNotFoundError as exc:
        raise NotFound(f"queries/{name}.rq: no such query") from exc


def _prefixes() -> dict:
    from graph.rdf import _PREFIXES

    return dict(_PREFIXES, rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#")


@functools.cache
def _prepared(name: str):
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(load_query(name), initNs=_prefixes())


def _graph(source: Graph | str | Path) -> Graph:
    from rdflib import Graph

    from graph.rdf import load_rdf

    return source if isinstance(source, Graph) else load_rdf(source)


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _term(rdf: Graph, value: Any):
    from rdflib import Literal
    from rdflib.term import Node

    from graph.rdf import PKG, node_iri

    if isinstance(value, Node):
        return value
    if isinstance(value, str) and (node_iri(value), PKG.canonicalId, None) in rdf:
        return node_iri(value)
    return Literal(value)


_NATIVE = {"integer", "int", "long", "decimal", "double", "float", "boolean"}


def _value(term: Any) -> Any:
    from rdflib import Literal, URIRef

    from graph.rdf import iri_to_id

    if term is None:
        return None
    if isinstance(term, URIRef):
        node = iri_to_id(term)
        return node if node is not None else str(term)
    if isinstance(term, Literal):
        datatype = str(term.datatype or "")
        if datatype.rpartition("#")[2] in _NATIVE:
            return term.toPython()
        return str(term)
    return str(term)  # blank node


_NOT_VARIABLES = re.compile(r'<[^<>"\s]*>|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|'
                            r"'(?:[^'\\\n]|\\.)*'|#[^\n]*")
_VARIABLE = re.compile(r"[?$]([A-Za-z_0-9\u00B7\u00C0-\uFFFF]+)")


def query_variables(query_text: str) -> set[str]:
    """The variable names a SPARQL query uses (without ``?``/``$``), read past IRIs, strings
    and comments (rdflib's parsed algebra keeps its variable sets private, so the lexical
    rule of the SPARQL grammar is applied here).

    >>> sorted(query_variables('SELECT ?a WHERE { ?a <http://x/?q> "?no" . $b ?p 1 } # ?c'))
    ['a', 'b', 'p']
    """
    return set(_VARIABLE.findall(_NOT_VARIABLES.sub(" ", query_text)))


def run_sparql(
    rdf_graph_or_path: Graph | str | Path,
    query_text: str,
    bindings: dict[str, Any] | None = None,
) -> list[dict]:
    """Run a SPARQL query on an RDF graph or an exported file.

    The prefixes ``eli``, ``pkg``, ``pkgid``, ``doctype``, ``jur``, ``skos``, ``rdfs``,
    ``rdf`` and ``xsd`` are predeclared.

    Args:
        rdf_graph_or_path: an ``rdflib.Graph`` or the path of a .ttl, .jsonld or .nt file.
        query_text: a SELECT, ASK, CONSTRUCT or DESCRIBE query.
        bindings: initial bindings, variable name (without ``?``) to value.  rdflib terms
            are used as they are; a string that is the canonical id of a node of the graph
            binds that node's IRI; any other value becomes a literal.

    Returns:
        SELECT: one dict per row, variable name to value.  ASK: ``[{"ask": bool}]``.
        CONSTRUCT/DESCRIBE: one ``{"subject", "predicate", "object"}`` dict per triple.
        Node IRIs come back as canonical ids, other IRIs as strings, numbers and booleans
        as Python values, other literals (text, dates) as strings, unbound variables as None.

    Raises:
        SparqlError: the query cannot be parsed or evaluated.
        graph.rdf.RDFError: the file cannot be read.

    Examples:
        >>> from rdflib import Graph
        >>> run_sparql(Graph(), "ASK { ?s ?p ?o }")
        [{'ask': False}]
    """
    rdf = _graph(rdf_graph_or_path)
    init = {name.lstrip("?$"): _term(rdf, value) for name, value in (bindings or {}).items()}
    try:
        result = rdf.query(query_text, initNs=_prefixes(), initBindings=init)
        if result.type == "ASK":
            return [{"ask": bool(result.askAnswer)}]
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return [
                {"subject": _value(s), "predicate": _value(p), "object": _value(o)}
                for s, p, o in result.graph
            ]
        names = [str(v) for v in result.vars]
        return [{n: _value(row[i]) for i, n in enumerate(names)} for row in result]
    except PolicyKGError:
        raise
    except Exception as exc:  # pyparsing and rdflib raise many unrelated types
        raise SparqlError(f"query: {_first_line(exc)}") from exc


def _lineage(name: str, rdf: Graph, node_id: str, variable: str, out: str) -> set[str]:
    from graph.rdf import PKG, iri_to_id, node_iri

    iri = node_iri(node_id)
    if (iri, PKG.canonicalId, None) not in rdf:
        raise NotFound(f"{node_id}: not in the RDF graph")
    rows = rdf.query(_prepared(name), initBindings={variable: iri})
    found = {iri_to_id(row[out]) for row in rows}
    found.discard(None)
    return found


#: IRIs per ``VALUES`` clause: rdflib parses a clause of 2,000 in a tenth of a second.
_VALUES_PER_QUERY = 2000
#: Fewer ids than this are bound one by one: parsing a query text (nodes.rq: 60 ms) costs
#: more than 20 evaluations of the prepared query (3 ms each).
_FEW = 20
_WHERE = re.compile(r"^(?!\s*#).*?\bWHERE\s*\{", re.MULTILINE)


def _with_values(name: str, variable: str, iris: list) -> str:
    """The text of the shipped query ``name`` with ``VALUES ?variable { <iri> ... }`` opening
    its (first) WHERE group: the query for many bindings of ``variable`` at once."""
    text = load_query(name)
    where = _WHERE.search(text)
    values = f"\n    VALUES ?{variable} {{ " + " ".join(f"<{iri}>" for iri in iris) + " }"
    return text[:where.end()] + values + text[where.end():]


def _by_values(name: str, rdf: Graph, ids, variable: str) -> list:
    """Rows of the shipped query ``name`` for every node of ``ids`` bound to ``variable``, a
    few ``VALUES`` queries in all (one per :data:`_VALUES_PER_QUERY` ids); below
    :data:`_FEW` ids, the prepared query once per id (parsing the query text costs more)."""
    from graph.rdf import node_iri

    iris = [node_iri(n) for n in dict.fromkeys(ids)]
    rows: list = []
    if len(iris) < _FEW:
        for iri in iris:
            rows += rdf.query(_prepared(name), initBindings={variable: iri})
        return rows
    for i in range(0, len(iris), _VALUES_PER_QUERY):
        text = _with_values(name, variable, iris[i:i + _VALUES_PER_QUERY])
        try:
            rows += rdf.query(text, initNs=_prefixes())
        except Exception as exc:  # pyparsing and rdflib raise many unrelated types
            raise SparqlError(f"queries/{name}.rq: {_first_line(exc)}") from exc
    return rows


def _lineage_many(name: str, rdf: Graph, ids, variable: str, out: str) -> dict[str, set[str]]:
    from graph.rdf import PKG, iri_to_id, node_iri

    ids = list(dict.fromkeys(ids))
    for n in ids:
        if (node_iri(n), PKG.canonicalId, None) not in rdf:
            raise NotFound(f"{n}: not in the RDF graph")
    found: dict[str, set[str]] = {n: set() for n in ids}
    for row in _by_values(name, rdf, ids, variable):
        node = iri_to_id(row[out])
        if node is not None:
            found[iri_to_id(row[variable])].add(node)
    return found


def trace_tops_sparql(rdf_graph: Graph, node_id: str) -> set[str]:
    """``trace_tops`` by SPARQL (queries/trace.rq): canonical ids of the nodes reached from
    ``node_id`` over one or more LINEAGE edges (implements, part_of) that have no outgoing
    LINEAGE edge.

    Raises:
        NotFound: ``node_id`` is not a node of the RDF graph.
    """
    return _lineage("trace", rdf_graph, node_id, "start", "top")


def impact_sparql(rdf_graph: Graph, node_id: str) -> set[str]:
    """``impact`` by SPARQL (queries/impact.rq): canonical ids of the nodes from which
    ``node_id`` is reached over one or more LINEAGE edges, ``node_id`` itself excluded
    (as :func:`queries.lineage.impact` does when it lies on a cycle).

    Raises:
        NotFound: ``node_id`` is not a node of the RDF graph.
    """
    return _lineage("impact", rdf_graph, node_id, "target", "node")


def trace_tops_sparql_many(rdf_graph: Graph, node_ids) -> dict[str, set[str]]:
    """:func:`trace_tops_sparql` of every node of ``node_ids``, by trace.rq run once with a
    ``VALUES`` clause of their IRIs (a few times for many thousands).

    Raises:
        NotFound: a node is not in the RDF graph.
    """
    return _lineage_many("trace", rdf_graph, node_ids, "start", "top")


def impact_sparql_many(rdf_graph: Graph, node_ids) -> dict[str, set[str]]:
    """:func:`impact_sparql` of every node of ``node_ids``, by impact.rq run once with a
    ``VALUES`` clause of their IRIs.

    Raises:
        NotFound: a node is not in the RDF graph.
    """
    return _lineage_many("impact", rdf_graph, node_ids, "target", "node")


def up_edges_sparql(rdf_graph: Graph, node_ids) -> list[tuple[str, str, str]]:
    """The edges :func:`queries.lineage.trace` climbs out of the nodes (queries/up.rq):
    ``(node, next, relation)`` for every implements, part_of and based_on edge leaving one of
    them, one query for them all.  Ids not in the graph have none."""
    from graph.rdf import iri_to_id

    return sorted({(iri_to_id(r.node), iri_to_id(r.next), str(r.relation))
                   for r in _by_values("up", rdf_graph, node_ids, "node")})


def status_facts_sparql(rdf_graph: Graph) -> tuple[dict[str, dict], list[dict]]:
    """The facts :func:`queries.status.derive_statuses` reads, by SPARQL on the RDF export
    (queries/status_docs.rq, status_flags.rq and status_changes.rq): the same as
    :func:`queries.status.facts_from_graph` gives from networkx."""
    from graph.rdf import iri_to_id

    flags: dict[str, list[str]] = {}
    for row in rdf_graph.query(_prepared("status_flags")):
        flags.setdefault(iri_to_id(row.doc), []).append(str(row.flag))
    docs = {}
    for row in rdf_graph.query(_prepared("status_docs")):
        node = iri_to_id(row.doc)
        if node is None:
            continue
        docs[node] = {
            "flags": sorted(flags.get(node, [])),
            "date": _value(row.date), "effective_date": _value(row.effective),
            "period_until": _value(row.until), "reported_state": _value(row.reported),
            "in_corpus": bool(row.inCorpus.toPython()) if row.inCorpus is not None else False,
        }
    rows = []
    for row in rdf_graph.query(_prepared("status_changes")):
        if iri_to_id(row.src) not in docs or iri_to_id(row.dst) not in docs:
            continue
        parts = str(row.parts).split("; ") if row.parts is not None else []
        rows.append({"src": iri_to_id(row.src), "relation": str(row.relation), "dst": iri_to_id(row.dst),
                     "mode": _value(row.mode), "parts": parts, "task": iri_to_id(row.task) if row.task else None})
    return docs, rows


_KINDS = {"LegalResource": "document", "Task": "task", "Agency": "agency", "Link": "edges"}


def _kind(class_iri) -> str:
    return _KINDS[str(class_iri).rpartition("#")[2]]


def node_summaries_sparql(rdf_graph: Graph, ids=None) -> dict[str, dict]:
    """Display fields of nodes by id (None: of every node), by SPARQL (queries/nodes.rq):
    kind, type, number_symbol, date, jurisdiction ("central" for the central concept), issuer,
    title, a task's section and document, an agency's name; the fields a node lacks are left
    out, as :func:`queries.cypher.node_summaries_cypher` does.  Ids not in the graph are left
    out.  ``issuer`` is the label of the issuing agent, which the export shares between the
    spellings of one issuer ("Tỉnh ủy", "Tỉnh uỷ"): the first spelling exported."""
    from graph.ids import jurisdiction_slug
    from graph.model import CENTRAL
    from graph.rdf import JURISDICTION_BASE, iri_to_id

    central = JURISDICTION_BASE + jurisdiction_slug(CENTRAL)
    out: dict[str, dict] = {}
    rows = rdf_graph.query(_prepared("nodes")) if ids is None else _by_values("nodes", rdf_graph, ids, "node")
    for r in rows:
        jur = None
        if r.jur is not None:
            jur = CENTRAL if str(r.jur) == central else _value(r.jurLabel)
        found = {"kind": _kind(r["class"]), "type": _value(r.type), "number_symbol": _value(r.symbol),
                 "date": _value(r.date) or _value(r.dateText), "jurisdiction": jur, "issuer": _value(r.issuer),
                 "title": _value(r.title), "section": _value(r.section),
                 "document": iri_to_id(r.document) if r.document is not None else None, "name": _value(r.name)}
        row = out.setdefault(iri_to_id(r.node), {})
        for k, v in found.items():
            if v not in (None, "") and k not in row:
                row[k] = v
    return out


def counts_sparql(rdf_graph: Graph) -> dict[str, int]:
    """Nodes of each kind and edges (one ``pkg:Link`` each), by SPARQL (queries/counts.rq),
    in the shape of :meth:`graph.store.Store.index_counts`."""
    return {_kind(r["class"]): int(r["count"]) for r in rdf_graph.query(_prepared("counts"))}


def tasks_by_agency_sparql(rdf_graph: Graph, agency: str) -> list[dict]:
    """The tasks assigned to an agency named by id or by name (case ignored), by SPARQL
    (queries/tasks_by_agency.rq): the rows of :func:`queries.cypher.tasks_by_agency_cypher`."""
    from rdflib import Literal

    from graph.rdf import iri_to_id

    rows = []
    for r in rdf_graph.query(_prepared("tasks_by_agency"), initBindings={"wanted": Literal(agency)}):
        rows.append({"task": iri_to_id(r.task), "text": _value(r.text), "role": _value(r.role),
                     "agency": iri_to_id(r.agency), "agency_name": _value(r.name),
                     "document": iri_to_id(r.document) if r.document is not None else None,
                     "deadline": _value(r.deadline) or None})
    return sorted(rows, key=lambda r: (r["document"] or "", r["task"], r["agency"]))
