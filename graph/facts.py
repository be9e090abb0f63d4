"""The writer's half of the store: one file's :class:`~graph.model.Extraction` as rows of the
fact tables (``nodes``, ``edges``, ``mentions``, ``unresolved``, ``findings``), each sentence
and each node's attributes through ``texts`` (stored once, see :mod:`graph.store_schema`).
"""

from __future__ import annotations

import json
import sqlite3

from .model import Extraction, Relation, Role, Task
from .store_schema import _text_id

__all__ = ["fact_rows", "insert_facts"]


def _detail(ex: Extraction, src: str, rel: str, dst: str) -> str | None:
    d = ex.changes.get((src, rel, dst))
    return json.dumps(d, ensure_ascii=False) if d else None


def _force_attrs(ex: Extraction) -> dict:
    """What the document says of its own force, as scalar node attributes (so GraphML and
    Neo4j keep them): when it takes effect, the period its title states, and their spans
    in the file's text (the evidence)."""
    out: dict = {"reported_state": ex.reported_state} if ex.reported_state else {}
    if ex.effective:
        e = ex.effective
        out |= {"effective_date": e["date"], "effective_rule": e["rule"], "effective_span": [e["start"], e["end"]]}
    if ex.period:
        p = ex.period
        out |= {"period_from": p["from"], "period_until": p["until"], "period_text": p["text"],
                "period_span": [p["start"], p["end"]]}
    return out


def _task_attrs(task: Task) -> dict:
    d = task.to_dict()
    d.pop("id", None)
    d.pop("links", None)
    return d


def _dumps(d: dict) -> str:
    return json.dumps(d, ensure_ascii=False)


def _task_rows(ex: Extraction, nodes: list[tuple], edges: list[tuple]) -> None:
    """A task's node, its part_of and assigns_to edges and the documents it links to."""
    doc = ex.document
    path = doc.path
    for task in ex.tasks:
        nodes.append((path, task.id, "task", 1, _dumps(_task_attrs(task))))
        sentence = task.text[:500]
        edges.append((path, task.id, doc.id, Relation.PART_OF.value, None, sentence, task.start, task.end, doc.id, None))
        for role, ids in ((Role.LEAD, task.lead), (Role.COOPERATING, task.cooperating)):
            for ag in ids:
                edges.append((path, task.id, ag, Relation.ASSIGNS_TO.value, role.value, sentence, task.start, task.end,
                              doc.id, None))
        for link in task.links:
            t = link.target
            nodes.append((path, t.id, "document", 0, _dumps(t.to_dict())))
            ev = link.evidence
            edges.append((path, task.id, t.id, link.relation.value, None, ev.sentence, ev.start, ev.end, doc.id,
                          _detail(ex, task.id, link.relation.value, t.id)))


def fact_rows(ex: Extraction) -> dict[str, list[tuple]]:
    """The rows one extraction adds to each fact table, texts still as text (the column
    :func:`insert_facts` turns into a ``texts`` id is the last text column of each row)."""
    doc = ex.document
    path = doc.path
    nodes: list[tuple] = []
    edges: list[tuple] = []
    mentions: list[tuple] = []
    own = doc.ref.to_dict() | {"in_corpus": True, "path": path}
    # the source's second witness (a page's metadata box): scalar properties, so every
    # export (GraphML, Neo4j) keeps them; "Tình trạng" is the reported status
    own |= {f"reported_{k}": v for k, v in sorted(doc.witness.items())}
    own |= _force_attrs(ex)
    nodes.append((path, doc.id, "document", 1, _dumps(own)))
    for ref in ex.references:
        t = ref.target
        nodes.append((path, t.id, "document", 0, _dumps(t.to_dict())))
        ev = ref.evidence
        edges.append((path, doc.id, t.id, ref.relation.value, None, ev.sentence, ev.start, ev.end, doc.id,
                      _detail(ex, doc.id, ref.relation.value, t.id)))
        for m in ref.mentions:
            mentions.append((path, t.id, m.text, m.start, m.end, m.date, m.issuer, m.sentence))
    for planned in ex.planned:
        nodes.append((path, planned.id, "document", 1, _dumps(planned.to_dict())))
    for src, rel, dst, ev in ex.chain_edges:
        rel = Relation(rel).value
        edges.append((path, src, dst, rel, None, ev.sentence, ev.start, ev.end, doc.id, _detail(ex, src, rel, dst)))
    for ag in ex.agencies:
        nodes.append((path, ag.id, "agency", 0, _dumps(ag.to_dict())))
        if ag.parent:
            edges.append((path, ag.id, ag.parent, Relation.PART_OF.value, None, ag.name, 0, 0, doc.id, None))
    _task_rows(ex, nodes, edges)
    return {"nodes": nodes, "edges": edges, "mentions": mentions,
            "unresolved": [(path, u.text, u.start, u.end, u.sentence) for u in ex.unresolved],
            "findings": [(path, "impossible_date", d["text"], d["start"], d["end"], d["sentence"]) for d in ex.bad_dates]}


#: Each fact table's INSERT and the position of its one text column (stored as a texts id).
_INSERTS = {
    "nodes": ("INSERT INTO nodes VALUES (?,?,?,?,?)", 4),
    "edges": ('INSERT INTO edges (file, src, dst, relation, role, sid, start, "end", document, detail) '
              "VALUES (?,?,?,?,?,?,?,?,?,?)", 5),
    "mentions": ("INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?)", 7),
    "unresolved": ("INSERT INTO unresolved VALUES (?,?,?,?,?)", 4),
    "findings": ("INSERT INTO findings VALUES (?,?,?,?,?,?)", 5),
}


def insert_facts(db: sqlite3.Connection, rows: dict[str, list[tuple]]) -> None:
    """Insert :func:`fact_rows`' rows, each text replaced by its ``texts`` id."""
    cache: dict[str, int] = {}
    for table, (sql, at) in _INSERTS.items():
        db.executemany(sql, [(*r[:at], _text_id(db, r[at], cache), *r[at + 1:]) for r in rows[table]])
