"""The merge written straight into the merged index, in SQL over the per-file facts, one node
and one pair of nodes at a time: what a build does (:meth:`graph.store.Store.save_merged`).

The rules are :mod:`graph.merge`'s (the networkx graph :func:`graph.merge.build_graph` builds
is the reference; ``tests/test_store_merge.py`` holds the two to the same index, row for
row).  Here nothing holds the whole graph: temporary tables (on disk, as SQLite's temporary
storage is) give each node its place (its first fact in file order), its kind (its last
fact's), the dateless ids folded into a dated document and the ``unknown`` ends of edges;
each node's facts, each pair's edges and each search row are then read in index order,
merged and written.  Memory stays flat as the corpus grows.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterable, Iterator

from .ids import split_doc_id
from .facts import FactReader
from .index import NODE_SQL, decoded, from_fact
from .merge import _STRENGTH, EDGE_INSERT, NODE_INSERT, _merged_attrs, _node_row, edge_row
from .search import search_order_key, search_row, write_search

__all__ = ["write_merged_index"]

#: Rows written with one executemany.
_BATCH = 2000

_PLACES = """
CREATE TEMP TABLE m_node (id TEXT PRIMARY KEY, pos INTEGER NOT NULL, kind TEXT, has_own INTEGER,
                          target TEXT) WITHOUT ROWID;
WITH seq AS (SELECT id, kind, own, row_number() OVER (ORDER BY file, rowid) AS pos FROM nodes)
INSERT INTO m_node (id, pos, kind, has_own)
    SELECT f.id, f.pos, l.kind, f.has_own
    FROM (SELECT id, min(pos) AS pos, max(own) AS has_own FROM seq GROUP BY id) AS f
    JOIN (SELECT id, kind, max(pos) FROM seq GROUP BY id) AS l ON l.id = f.id;
CREATE INDEX temp.m_node_pos ON m_node(pos);
CREATE TEMP TABLE m_doc (id TEXT PRIMARY KEY, jur TEXT, key TEXT, year TEXT, has_own INTEGER) WITHOUT ROWID;
INSERT INTO m_doc SELECT id, pkg_doc_part(id, 0), pkg_doc_part(id, 1), pkg_doc_part(id, 2), has_own
    FROM m_node WHERE kind = 'document';
CREATE INDEX temp.m_doc_key ON m_doc(jur, key, year);
UPDATE m_node SET target = (
    SELECT CASE WHEN count(*) = 1 THEN min(c.id) END FROM m_doc AS d
    JOIN m_doc AS c ON c.jur = d.jur AND c.key = d.key AND c.year != '?' WHERE d.id = m_node.id)
    WHERE id IN (SELECT id FROM m_doc WHERE year = '?' AND NOT has_own);
"""

_EDGES = """
CREATE TEMP TABLE m_edge (pos INTEGER PRIMARY KEY, rid INTEGER NOT NULL, u TEXT NOT NULL, v TEXT NOT NULL,
                          k TEXT NOT NULL, role TEXT, detail TEXT);
INSERT INTO m_edge
    SELECT row_number() OVER (ORDER BY e.file, e.start, e.rowid), e.rowid, coalesce(a.target, e.src),
           coalesce(b.target, e.dst), e.relation, e.role, e.detail
    FROM edges AS e LEFT JOIN m_node AS a ON a.id = e.src LEFT JOIN m_node AS b ON b.id = e.dst;
DELETE FROM m_edge WHERE u = v;
CREATE TEMP TABLE m_unknown (n INTEGER PRIMARY KEY, id TEXT NOT NULL);
INSERT INTO m_unknown (id)
    SELECT id FROM (SELECT u AS id, 2 * pos AS p FROM m_edge UNION ALL SELECT v, 2 * pos + 1 FROM m_edge)
    WHERE id NOT IN (SELECT id FROM m_node) GROUP BY id ORDER BY min(p);
CREATE TEMP TABLE m_key (u TEXT, v TEXT, k TEXT, kp INTEGER, PRIMARY KEY (u, v, k)) WITHOUT ROWID;
INSERT INTO m_key SELECT u, v, k, min(pos) FROM m_edge GROUP BY u, v, k;
CREATE INDEX temp.m_edge_key ON m_edge(u, v, k, pos);
"""

_DROP = ("m_node", "m_doc", "m_edge", "m_unknown", "m_key", "m_search")

#: An ``unknown`` document: an edge's end that no file describes.
_UNKNOWN = {"kind": "document", "flags": ["unknown"], "in_corpus": False}


def _statements(script: str) -> list[str]:
    return [st.strip() for st in script.split(";\n") if st.strip()]


def _doc_part(node_id: str, i: int) -> str:
    return split_doc_id(node_id)[i]


def _batched(db: sqlite3.Connection, sql: str, rows: Iterable[tuple]) -> None:
    """``executemany`` in batches, so that ``rows`` may be a generator over a cursor of the
    same connection without being held whole."""
    batch: list[tuple] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= _BATCH:
            db.executemany(sql, batch)
            batch.clear()
    if batch:
        db.executemany(sql, batch)


def _node_rows(db: sqlite3.Connection) -> Iterator[tuple]:
    """The ``graph_nodes`` rows of the nodes files describe, in place order: each node's
    facts read together (its own rows in file order, then those of the dateless id folded
    into it, without their id and date), merged by :func:`graph.merge._merged_attrs`."""
    cur = db.execute(
        "SELECT m.id AS nid, m.kind, m.pos, 0 AS part, n.file, n.rowid AS rid, n.own, n.fid, n.enc, "
        "n.c0, n.c1 FROM m_node AS m JOIN nodes AS n ON n.id = m.id WHERE m.target IS NULL "
        "UNION ALL "
        "SELECT a.target, m.kind, m.pos, 1, n.file, n.rowid, n.own, n.fid, n.enc, n.c0, n.c1 "
        "FROM m_node AS a JOIN m_node AS m ON m.id = a.target JOIN nodes AS n ON n.id = a.id "
        "WHERE a.target IS NOT NULL "
        "ORDER BY 3, 4, 5, 6")
    dated = functools.lru_cache(maxsize=1024)(lambda jur, key: [r[0] for r in db.execute(
        "SELECT id FROM m_doc WHERE jur = ? AND key = ? AND year != '?' ORDER BY id", (jur, key))])

    def merged(nid: str, kind: str, facts: list, first: tuple | None) -> tuple:
        jur, key, year = split_doc_id(nid)
        known = {(jur, key): dated(jur, key)} if kind == "document" and year == "?" else {}
        attrs = _merged_attrs(nid, kind, facts, known)
        src = None
        if first is not None and json.dumps(attrs) == json.dumps(from_fact(nid, kind, first[0], first[2])):
            src = first[1]
        return _node_row(nid, attrs, src)

    nid = kind = first = None
    facts: list[tuple[int, dict]] = []
    reader = FactReader(db)
    for tid, tkind, _pos, part, _file, rid, own, fid, enc, c0, c1 in cur:
        if tid != nid:
            if nid is not None:
                yield merged(nid, kind, facts, first)
            nid, kind, facts, first = tid, tkind, [], None
        a = reader.attrs(fid, enc, c0, c1)
        if part:
            facts.append((0, {k: v for k, v in a.items() if k not in ("id", "date")}))
            continue
        facts.append((own, a))
        if first is None or own > first[0]:
            first = (own, rid, a)
    if nid is not None:
        yield merged(nid, kind, facts, first)


def _pair_edges(rows: list[tuple]) -> list[tuple]:
    """The ``graph_edges`` rows between one pair of nodes, from its stored edges ``(u, v, k,
    rid, role, detail)`` in key order then file order: one edge per relation with every
    statement as evidence (an ``edges`` rowid), then of the document links only the
    strongest, the weaker ones' evidence added to it."""
    data: dict[str, dict] = {}
    for u, v, k, rid, role, detail in rows:
        if k in data:
            data[k]["evidence"].append(rid)
            continue
        d = {"relation": k, "evidence": [rid]}
        if role:
            d["role"] = role
        if detail:
            d.update(json.loads(detail))  # "mode", "parts" of a replaces/amends edge
        data[k] = d
    links = [k for k in data if k in _STRENGTH]
    if len(links) >= 2:
        best = max(links, key=_STRENGTH.__getitem__)
        for k in links:
            if k != best:
                data[best]["evidence"].extend(data.pop(k)["evidence"])
    u, v = rows[0][0], rows[0][1]
    return [edge_row(u, v, k, d) for k, d in data.items()]


def _edge_rows(db: sqlite3.Connection) -> Iterator[tuple]:
    """The ``graph_edges`` rows in the merged graph's order: by source node's place, then
    target by its first edge from that source, then relation by its first statement."""
    cur = db.execute(
        "SELECT e.u, e.v, e.k, e.rid, e.role, e.detail FROM m_edge AS e "
        "JOIN m_key AS k ON k.u = e.u AND k.v = e.v AND k.k = e.k JOIN m_node AS n ON n.id = e.u "
        "ORDER BY n.pos, min(k.kp) OVER (PARTITION BY e.u, e.v), k.kp, e.pos")
    pair: list[tuple] = []
    for row in cur:
        if pair and (row[0], row[1]) != (pair[0][0], pair[0][1]):
            yield from _pair_edges(pair)
            pair = []
        pair.append(row)
    if pair:
        yield from _pair_edges(pair)


def _search_keyed(db: sqlite3.Connection) -> Iterator[tuple]:
    """Each node's search row with its order key (:func:`graph.search.search_order_key`),
    read back from the written ``graph_nodes``: (tier, date key, *row)."""
    reader = FactReader(db)

    def node(nid: str) -> dict | None:
        r = db.execute(f"{NODE_SQL} WHERE m.name = ?", (nid,)).fetchone()
        return decoded(r, reader)[1] if r else None

    # a document's tasks follow it (file order): a few documents' attributes are enough;
    # agencies are few, their names short
    doc_of = functools.lru_cache(maxsize=16)(node)

    @functools.lru_cache(maxsize=4096)
    def name_of(a: str) -> str:
        d = node(a)
        return a if d is None else d.get("name", a)

    for row in db.execute(f"{NODE_SQL} ORDER BY g.pos"):
        nid, d = decoded(row, reader)
        doc = {}
        if d.get("kind") not in ("document", "agency") and isinstance(d.get("document"), str):
            doc = doc_of(d["document"]) or {}
        row = search_row(nid, d, doc, name_of)
        if row is not None:
            tier, date_key, _ = search_order_key(nid, d, doc)
            yield (tier, date_key, *row)


def write_merged_index(db: sqlite3.Connection) -> None:
    """Replace the merged index's tables (``merged_nodes``, ``merged_edges``, the search rows)
    with the merge of the stored facts, as :func:`graph.merge.write_graph_index` of
    :func:`graph.merge.build_graph` with its references would, row for row, without
    building the graph.  Call inside the build's transaction."""
    db.create_function("pkg_doc_part", 2, _doc_part, deterministic=True)
    for table in _DROP:
        db.execute(f"DROP TABLE IF EXISTS temp.{table}")
    try:
        for st in _statements(_PLACES):
            db.execute(st)
        db.execute("DELETE FROM merged_nodes")
        db.execute("DELETE FROM merged_edges")
        _batched(db, NODE_INSERT, _node_rows(db))
        for st in _statements(_EDGES):
            db.execute(st)
        last = db.execute("SELECT coalesce(max(pos), 0) FROM m_node").fetchone()[0]
        db.execute("INSERT INTO m_node (id, pos, kind) SELECT id, ? + n, 'document' FROM m_unknown", (last,))
        unknown = json.dumps(_UNKNOWN, ensure_ascii=False)
        db.execute("INSERT INTO merged_nodes (nid, kind, attrs, marks) SELECT (SELECT id FROM names WHERE name = u.id), "
                   "'document', ?, 0 FROM m_unknown AS u ORDER BY u.n", (unknown,))
        _batched(db, EDGE_INSERT, ((pos, *row) for pos, row in enumerate(_edge_rows(db), 1)))
        db.execute("CREATE TEMP TABLE m_search (tier INTEGER, date_key TEXT, id TEXT, kind TEXT, type TEXT, "
                   "jurisdiction TEXT, issuer TEXT, year TEXT, symbol TEXT, title TEXT, body TEXT)")
        _batched(db, "INSERT INTO m_search VALUES (?,?,?,?,?,?,?,?,?,?,?)", _search_keyed(db))
        write_search(db, (row[2:] for row in db.execute("SELECT * FROM m_search ORDER BY tier, date_key, id")))
    finally:
        for table in _DROP:
            db.execute(f"DROP TABLE IF EXISTS temp.{table}")
