"""Lineage and task queries in Cypher, for a graph pushed by :mod:`graph.neo4j_push`.

Each query lives in its own ``.cypher`` file in this package and runs unchanged on Neo4j 5
and FalkorDB (variable-length patterns, no ``shortestPath``).  The results equal the
networkx functions of :mod:`queries.lineage` (``trace_tops``, ``impact``).

Every function takes an open ``neo4j`` session, or a driver (a session is then opened on
``database``).  The ``neo4j`` package is never imported here: callers hand in its objects.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Any

__all__ = ["load_query", "trace_tops_cypher", "impact_cypher", "trace_tops_cypher_many", "impact_cypher_many", "up_edges_cypher", "tasks_by_agency_cypher", "node_summaries_cypher",
           "label_for_id", "status_facts_cypher", "counts_cypher"]


@functools.cache
def load_query(name: str) -> str:
    """The text of ``queries/<name>.cypher`` with its ``//`` comment lines removed.

    >>> "IMPLEMENTS|PART_OF" in load_query("trace")
    True
    """
    text = resources.files("queries").joinpath(f"{name}.cypher").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("//")]
    return "\n".join(lines).strip()


@contextmanager
def _session(session_or_driver: Any, database: str | None) -> Iterator[Any]:
    if hasattr(session_or_driver, "run"):  # a Session (or a Transaction)
        yield session_or_driver
        return
    with session_or_driver.session(database=database) as session:
        yield session


def label_for_id(node_id: str) -> str:
    """The node label a canonical id belongs to (graph.ids): tasks carry "#task-",
    agencies ":agency:", everything else is a document.

    >>> label_for_id("ha-tinh:154/KH-UBND:2023#task-3"), label_for_id("vn:29-NQ/TW:2022")
    ('Task', 'Document')
    """
    if "#task-" in node_id and "#planned" not in node_id:
        return "Task"
    if ":agency:" in node_id:
        return "Agency"
    return "Document"


def _rows(session_or_driver: Any, name: str, database: str | None, label: str | None = None,
          **params: Any) -> list[dict]:
    query = load_query(name)
    if "__LABEL__" in query:
        query = query.replace("__LABEL__", label or label_for_id(params["id"]))
    with _session(session_or_driver, database) as session:
        return [record.data() for record in session.run(query, params)]


def _unwound(session_or_driver: Any, name: str, ids, database: str | None) -> list[dict]:
    """Rows of the query ``name`` that unwinds ``$ids``, for every id: a statement per label
    and :data:`_IDS_PER_QUERY` ids."""
    by_label: dict[str, list[str]] = {}
    for n in dict.fromkeys(ids):
        by_label.setdefault(label_for_id(n), []).append(n)
    rows: list[dict] = []
    with _session(session_or_driver, database) as session:
        for label, group in by_label.items():
            for i in range(0, len(group), _IDS_PER_QUERY):
                rows += _rows(session, name, None, label, ids=group[i:i + _IDS_PER_QUERY])
    return rows


def _lineage(session_or_driver: Any, name: str, ids, database: str | None) -> dict[str, set[str]]:
    ids = list(dict.fromkeys(ids))
    found: dict[str, set[str]] = {n: set() for n in ids}
    for row in _unwound(session_or_driver, name, ids, database):
        found[row["start"]].add(row["id"])
    return found


def up_edges_cypher(session_or_driver: Any, node_ids, *, database: str | None = None) -> list[tuple[str, str, str]]:
    """The relationships :func:`queries.lineage.trace` climbs out of the nodes (up.cypher):
    ``(node, next, relation)`` for every IMPLEMENTS, PART_OF and BASED_ON leaving one."""
    return sorted({(r["start"], r["id"], r["relation"]) for r in _unwound(session_or_driver, "up", node_ids, database)})


def trace_tops_cypher(session_or_driver: Any, node_id: str, *,
                      database: str | None = None) -> set[str]:
    """Tops of the LINEAGE chains above ``node_id`` (see :func:`queries.lineage.trace_tops`).

    Args:
        session_or_driver: an open ``neo4j.Session`` or a ``neo4j.Driver``.
        node_id: canonical id of a document, task or agency.
        database: the database (Neo4j) or graph (FalkorDB) when a driver is given.

    Returns:
        Ids of the nodes reached over one or more ``IMPLEMENTS``/``PART_OF``
        relationships that have no outgoing one; empty for an unknown id.
    """
    return _lineage(session_or_driver, "trace", [node_id], database)[node_id]


def trace_tops_cypher_many(session_or_driver: Any, node_ids, *, database: str | None = None) -> dict[str, set[str]]:
    """:func:`trace_tops_cypher` of every id, a few ids a statement (trace.cypher unwinds
    ``$ids``)."""
    return _lineage(session_or_driver, "trace", node_ids, database)


def impact_cypher(session_or_driver: Any, node_id: str, *,
                  database: str | None = None) -> set[str]:
    """Everything downstream of ``node_id`` (see :func:`queries.lineage.impact`).

    Args:
        session_or_driver: an open ``neo4j.Session`` or a ``neo4j.Driver``.
        node_id: canonical id of a document or task.
        database: the database (Neo4j) or graph (FalkorDB) when a driver is given.

    Returns:
        Ids of the nodes from which ``node_id`` is reached over one or more
        ``IMPLEMENTS``/``PART_OF`` relationships, ``node_id`` itself excluded.
    """
    return _lineage(session_or_driver, "impact", [node_id], database)[node_id]


def impact_cypher_many(session_or_driver: Any, node_ids, *, database: str | None = None) -> dict[str, set[str]]:
    """:func:`impact_cypher` of every id, a few ids a statement (impact.cypher unwinds
    ``$ids``)."""
    return _lineage(session_or_driver, "impact", node_ids, database)


def tasks_by_agency_cypher(session_or_driver: Any, agency_name: str, *,
                           database: str | None = None) -> list[dict]:
    """The tasks assigned to an agency.

    Args:
        session_or_driver: an open ``neo4j.Session`` or a ``neo4j.Driver``.
        agency_name: the agency's name (case ignored) or its canonical id.
        database: the database (Neo4j) or graph (FalkorDB) when a driver is given.

    Returns:
        One dict per (task, agency) assignment, ordered by document then task, with keys
        ``task``, ``text``, ``role`` ("lead" or "cooperating"), ``agency``,
        ``agency_name``, ``document`` and ``deadline`` (the raw deadline text or None).
    """
    return _rows(session_or_driver, "tasks_by_agency", database, agency=agency_name)


def node_summaries_cypher(session_or_driver: Any, ids, *, database: str | None = None) -> dict[str, dict]:
    """Display fields (type, number_symbol, date, issuer, jurisdiction, ...) of nodes by id."""
    ids = sorted(set(ids))
    rows = []
    for i in range(0, len(ids), _IDS_PER_QUERY):
        rows += _rows(session_or_driver, "nodes", database, ids=ids[i:i + _IDS_PER_QUERY])
    return {r["id"]: {k: v for k, v in r.items() if k != "id" and v not in (None, "")} for r in rows}


#: Ids per ``nodes`` query: FalkorDB splices parameters into the query text, and drops the
#: connection on a statement with some 90 ids of the seed corpus (80 pass).
_IDS_PER_QUERY = 25


def status_facts_cypher(session_or_driver: Any, *, database: str | None = None) -> tuple[dict[str, dict], list[dict]]:
    """The facts :func:`queries.status.derive_statuses` reads, by Cypher on the pushed graph
    (queries/status_docs.cypher and status_changes.cypher): the same as
    :func:`queries.status.facts_from_graph` gives from networkx."""
    docs = {}
    for r in _rows(session_or_driver, "status_docs", database):
        docs[r["doc"]] = {
            "flags": list(r["flags"] or []), "date": r["date"], "effective_date": r["effective"],
            "period_until": r["until"], "reported_state": r["reported"], "in_corpus": bool(r["inCorpus"]),
        }
    rows = [
        {"src": r["src"], "relation": r["relation"], "dst": r["dst"], "mode": r["mode"],
         "parts": list(r["parts"] or []), "task": r["task"]}
        for r in _rows(session_or_driver, "status_changes", database)
    ]
    return docs, rows


def counts_cypher(session_or_driver: Any, *, database: str | None = None) -> dict[str, int]:
    """Nodes of each kind and relationships (queries/counts_nodes.cypher, counts_edges.cypher),
    in the shape of :meth:`graph.store.Store.index_counts`."""
    out = {r["kind"] or "document": r["n"] for r in _rows(session_or_driver, "counts_nodes", database)}
    out["edges"] = sum(r["n"] for r in _rows(session_or_driver, "counts_edges", database))
    return out
