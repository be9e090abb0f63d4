"""The merge: the per-file facts as one graph.  A document's own file wins over what others
say of it, conflicting dates are kept (``conflicts`` in :mod:`queries.conflicts`), a dateless
mention ("…:?" id) is folded into the one dated document with the same symbol (or kept and
flagged ``ambiguous`` when there are several), and between two documents the strongest
relation one source states is kept (:attr:`graph.model.Relation.strength`).

:func:`build_graph` builds the merged graph in networkx (the reference engine's input);
:func:`write_graph_index` writes a graph into the merged index's tables.  networkx is
imported only where a graph is built.
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING

from .ids import split_doc_id
from .facts import FactReader
from .index import _evidence_item, _merge_doc, _merge_other, _merged_attrs, from_fact, lookup_key  # noqa: F401
from .model import Relation
from .search import _search_rows, write_search
from .store_schema import MARKS

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["build_graph", "write_graph_index"]


def _node_facts(db: sqlite3.Connection, keep_rows: bool) -> tuple[dict, dict, dict]:
    """Every node's facts ``{id: [(own, attrs)]}`` in file order, its kind (the last row's)
    and, ``keep_rows``, the first row (own first) of each node: ``(own, rowid, attrs)``."""
    facts: dict[str, list[tuple[int, dict]]] = {}
    kinds: dict[str, str] = {}
    first_row: dict[str, tuple[int, int, dict]] = {}
    reader = FactReader(db)
    for rowid, nid, kind, own, fid, enc, c0, c1 in db.execute(
            "SELECT rowid, id, kind, own, fid, enc, c0, c1 FROM nodes ORDER BY file, rowid"):
        attrs = reader.attrs(fid, enc, c0, c1)
        facts.setdefault(nid, []).append((own, attrs))
        kinds[nid] = kind
        if keep_rows and (nid not in first_row or own > first_row[nid][0]):
            first_row[nid] = (own, rowid, attrs)
    return facts, kinds, first_row


def _aliases(facts: dict, kinds: dict) -> tuple[dict[str, str], dict[tuple[str, str], list[str]]]:
    """Dateless document ids ("…:?") no file states as its own, each folded into the one
    dated document with the same jurisdiction and symbol; and the dated ids of each."""
    dated: dict[tuple[str, str], list[str]] = {}
    for nid, kind in kinds.items():
        if kind == "document":
            jur, key, year = split_doc_id(nid)
            if year != "?":
                dated.setdefault((jur, key), []).append(nid)
    alias: dict[str, str] = {}
    for nid, kind in kinds.items():
        if kind != "document":
            continue
        jur, key, year = split_doc_id(nid)
        if year == "?" and not any(own for own, _ in facts[nid]):
            cands = dated.get((jur, key), [])
            if len(cands) == 1:
                alias[nid] = cands[0]
    return alias, dated


def _add_edges(g: nx.MultiDiGraph, db: sqlite3.Connection, alias: dict[str, str], eref: dict | None) -> None:
    """The stored edges into ``g``, one per (source, target, relation) with every
    statement's evidence in file order; an end no node has is an ``unknown`` document."""
    # one string object per stored sentence, path and id, however many edges repeat it
    shared: dict = {}
    reader = FactReader(db)
    cur = db.execute(
        "SELECT e.rowid, f.path, a.name, b.name, r.name, e.role, e.fid, (SELECT text FROM texts WHERE id = e.sid), e.s0, "
        'e.s1, e.start, e."end", coalesce(e.document, f.doc_id), e.detail FROM fact_edges AS e '
        "JOIN files AS f ON f.id = e.fid JOIN names AS a ON a.id = e.src JOIN names AS b ON b.id = e.dst "
        "JOIN names AS r ON r.id = e.rel ORDER BY f.path, e.start, e.rowid")
    for rowid, file, src, dst, relation, role, fid, stored, s0, s1, start, end, document, detail in cur:
        sentence = reader.sentence(fid, stored, s0, s1, start, end)
        sentence = shared.setdefault(sentence, sentence)
        file, document = shared.setdefault(file, file), shared.setdefault(document, document)
        src, dst = alias.get(src, src), alias.get(dst, dst)
        if src == dst:
            continue
        for n in (src, dst):
            if n not in g:
                g.add_node(n, kind="document", flags=["unknown"], in_corpus=False)
        key = relation
        ev = _evidence_item(file, sentence, start, end, document)
        if eref is not None:
            eref[id(ev)] = rowid
        if g.has_edge(src, dst, key):
            g.edges[src, dst, key]["evidence"].append(ev)
        else:
            data = {"relation": relation, "evidence": [ev]}
            if role:
                data["role"] = role
            if detail:
                data.update(json.loads(detail))  # "mode", "parts" of a replaces/amends edge
            g.add_edge(src, dst, key=key, **data)


def build_graph(db: sqlite3.Connection, refs: dict | None = None) -> nx.MultiDiGraph:
    """The merged graph of the stored facts.  ``refs``, when given, is filled with what
    :func:`write_graph_index` may store as references to the fact rows (see there)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    facts, kinds, first_row = _node_facts(db, refs is not None)
    nref: dict[str, int] = {}
    eref: dict[int, int] = {}
    if refs is not None:
        refs.update(node=nref, ev=eref)
    alias, dated = _aliases(facts, kinds)
    for nid, flist in facts.items():
        target = alias.get(nid, nid)
        if target != nid:
            facts.setdefault(target, []).extend((0, {k: v for k, v in a.items() if k not in ("id", "date")}) for _, a in flist)
    for nid, flist in facts.items():
        if nid in alias:
            continue
        kind = kinds[nid]
        attrs = _merged_attrs(nid, kind, flist, dated)
        if nid in first_row and json.dumps(attrs) == json.dumps(from_fact(nid, kind, *first_row[nid][::2])):
            nref[nid] = first_row[nid][1]
        g.add_node(nid, **attrs)
    first_row.clear()
    facts.clear()  # in the graph now
    _add_edges(g, db, alias, eref if refs is not None else None)
    _drop_weaker_document_edges(g)
    return g


#: The document links and their rank (graph/tables/relations.toml): of two links one source
#: states between the same two documents, the store keeps the stronger.
_STRENGTH = {r.value: r.strength for r in Relation if r.strength > 0}


def _drop_weaker_document_edges(g: nx.MultiDiGraph) -> None:
    """Between two documents keep one relation from the same source document: a document
    that implements another does not also merely cite it.  (A chain edge stated by a third
    document is kept beside the document's own.)"""
    for u, v in {(u, v) for u, v, k in g.edges(keys=True) if k in _STRENGTH}:
        keys = [k for k in g[u][v] if k in _STRENGTH]
        if len(keys) < 2:
            continue
        best = max(keys, key=_STRENGTH.__getitem__)
        for k in keys:
            if k != best:
                g.edges[u, v, best]["evidence"].extend(g.edges[u, v, k]["evidence"])
                g.remove_edge(u, v, k)


def write_graph_index(db: sqlite3.Connection, g: nx.MultiDiGraph, refs: dict | None = None) -> None:
    """Replace the merged index's tables (``merged_nodes``, ``merged_edges``, the search rows)
    with ``g``.  ``refs`` (from :func:`build_graph`): the stored rows the merged graph
    repeats, written as references instead (``node``: id -> the ``fact_nodes`` rowid whose
    attributes a node has; ``ev``: id() of an evidence item -> its ``fact_edges`` rowid)."""
    nref, eref = (refs or {}).get("node", {}), (refs or {}).get("ev", {})
    db.executemany("INSERT OR IGNORE INTO names (name) VALUES (?)",
                   ((n,) for n in (*g.nodes, *{k for *_, k in g.edges(keys=True)})))
    db.execute("DELETE FROM merged_nodes")
    db.execute("DELETE FROM merged_edges")
    db.executemany(NODE_INSERT, (_node_row(n, d, nref.get(n)) for n, d in g.nodes(data=True)))

    def compact(d: dict) -> dict:
        if not eref or "evidence" not in d:
            return d
        return {**d, "evidence": [eref.get(id(ev), ev) for ev in d["evidence"]]}

    db.executemany(EDGE_INSERT, ((pos, *edge_row(u, v, k, compact(d)))
                                 for pos, (u, v, k, d) in enumerate(g.edges(keys=True, data=True), 1)))
    write_search(db, _search_rows(g))


#: A merged node's and edge's INSERT (an edge's place in the graph first), their ids and
#: relation by name (``names`` holds them).
NODE_INSERT = ("INSERT INTO merged_nodes (nid, kind, symbol, path, title, attrs, src, date, marks) "
               "VALUES ((SELECT id FROM names WHERE name = ?),?,?,?,?,?,?,?,?)")
EDGE_INSERT = ("INSERT INTO merged_edges (pos, src, dst, key, role, ev, attrs) VALUES (?, (SELECT id FROM names WHERE "
               "name = ?), (SELECT id FROM names WHERE name = ?), (SELECT id FROM names WHERE name = ?),?,?,?)")


def edge_row(u: str, v: str, k: str, d: dict) -> tuple:
    """The ``merged_edges`` row of edge ``u -> v`` (relation ``k``, attributes ``d``): the
    relation, one evidence rowid and a role in columns when that is all, else the JSON."""
    role = d.get("role")
    ev = d.get("evidence")
    short = {"relation": k, "evidence": ev} if role is None else {"relation": k, "evidence": ev, "role": role}
    if isinstance(ev, list) and len(ev) == 1 and type(ev[0]) is int and isinstance(role, (str, type(None))) \
            and list(d.items()) == list(short.items()):
        return (u, v, k, role, ev[0], None)
    return (u, v, k, None, None, json.dumps(d, ensure_ascii=False))


def _node_row(n: str, d: dict, src: int | None) -> tuple:
    """The ``merged_nodes`` row of node ``n`` (attributes ``d``), its id by name; ``src``: the
    ``fact_nodes`` rowid whose attributes it repeats (then ``attrs`` is NULL); a document's
    date and marks (:data:`graph.store_schema.MARKS`)."""
    doc = d.get("kind") == "document"
    return (n, d.get("kind"), lookup_key(d.get("number_symbol")), d.get("path") if doc else None,
            lookup_key(d.get("title")) if doc and not d.get("number_symbol") else None,
            None if src is not None else json.dumps(d, ensure_ascii=False), src, *(_doc_columns(d) if doc else (None, None)))


def _doc_columns(d: dict) -> tuple[str | None, int]:
    """A merged document's ``date`` and ``marks`` columns (see the schema)."""
    date = d.get("date")
    marks = (MARKS["in_corpus"] if d.get("in_corpus") else 0) | \
        (MARKS["ambiguous"] if "ambiguous" in (d.get("flags") or []) else 0) | \
        (MARKS["box"] if d.get("reported_number_symbol") is not None or d.get("reported_date") is not None else 0)
    return (date if isinstance(date, str) else None), marks
