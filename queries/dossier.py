"""Everything known about one document, in one JSON-ready dict: what the document page of
``policykg serve`` shows and what ``policykg report`` writes (``viz.report``).

:func:`dossier` reads only what it needs through the store's index (the neighbourhood
:func:`queries.local.local_graph` reads, the edges touching the document, and the stored
mentions of the files and documents around it), never the whole graph; ``whole=True`` (and a
store written before the index existed) computes the same dict on the whole graph, which the
tests hold the indexed answer to.

:func:`cite_text` (from :mod:`queries.status`) is the citation chain as ``policykg cite``
prints it (one implementation for the CLI, the dossier and the reports).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Iterable

import networkx as nx

from graph.errors import NotFound
from graph.facts import MENTION_SQL, FactReader
from graph.ids import fold, split_doc_id
from graph.store_schema import MARKS
from graph.vocab import relations_in_order

from .conflicts import Conflict, find_conflicts
from .lineage import citation_chain, cite_line, impact, node_summary, task_order, trace
from .local import graph_of, local_graph
from .status import VERBS, cite_text, graph_statuses, status_words
from .tasks import task_row

__all__ = ["dossier", "dossier_from_graph", "cite_text", "touches", "VERBS"]

#: Edges of a task that are structure, not a statement about the document.
_STRUCTURAL = ("part_of", "assigns_to")
_ALL_RELATIONS = relations_in_order()
_MENTION_COLS = ("file", "node_id", "text", "start", "end", "date", "issuer", "sentence")


# -- pieces ------------------------------------------------------------------------------

def _evidence(items: Iterable[dict] | None) -> list[dict]:
    """Evidence as the dossier shows it: path, sentence, start, end (each quote once)."""
    out = []
    for ev in items or ():
        row = {"path": ev.get("path"), "sentence": ev.get("sentence"), "start": ev.get("start"), "end": ev.get("end")}
        if row not in out:
            out.append(row)
    return out


def _edge_evidence(g: nx.MultiDiGraph, a: str, b: str, rel: str | None) -> list[dict]:
    if rel is None or not g.has_edge(a, b, rel):
        return []
    return _evidence(g.edges[a, b, rel].get("evidence"))


def _task(g: nx.MultiDiGraph, t: str) -> dict:
    """A task row of the dossier: section, text on one line, agencies, deadline, evidence."""
    row = task_row(g, t)
    d = g.nodes[t]
    return {
        "id": t,
        "section": row["section"],
        "text": " ".join((row["text"] or "").split()),  # soft line breaks joined
        "lead": row["lead"],
        "cooperating": row["cooperating"],
        "deadline": row["deadline"],
        "evidence": _edge_evidence(g, t, d.get("document"), "part_of") if d.get("document") else [],
    }


def _deadline_key(row: dict) -> str:
    dl = row.get("deadline") or {}
    return dl.get("end") or dl.get("start") or "9999-12-31"


def _by_agency(g: nx.MultiDiGraph, tasks: list[str]) -> list[dict]:
    """Downstream tasks grouped by lead agency (a task with two leads under both; one with
    none under ``agency`` None, last), agencies by name as Vietnamese sorts without tones,
    tasks by deadline (undated last), then in reading order."""
    groups: dict[str | None, list[str]] = {}
    for t in tasks:
        for a in g.nodes[t].get("lead") or [None]:
            groups.setdefault(a, []).append(t)

    def name(a: str | None) -> str | None:
        if a is None:
            return None
        return g.nodes[a].get("name", a) if a in g else a

    out = []
    for a in sorted(groups, key=lambda a: (a is None, fold(name(a) or ""), name(a) or "", a or "")):
        rows = []
        for t in groups[a]:
            doc = g.nodes[t].get("document")
            rows.append(_task(g, t) | {"document": doc, "document_cite": cite_line(g, doc) if doc in g else None})
        rows.sort(key=lambda r: (_deadline_key(r), task_order(g, r["id"])))
        out.append({"agency": name(a), "agency_id": a, "tasks": rows})
    return out


def _edges(g: nx.MultiDiGraph, node: str) -> list[dict]:
    """Every edge touching ``node`` but the structure of tasks (a task ``part_of`` its
    document, ``assigns_to`` its agencies): out first, then in, by relation and other end."""
    rows = []
    for direction, edges in (("out", g.out_edges(node, keys=True, data=True)),
                             ("in", g.in_edges(node, keys=True, data=True))):
        for u, v, k, d in edges:
            other = v if direction == "out" else u
            if k in _STRUCTURAL and g.nodes[u].get("kind") == "task":
                continue
            rows.append({"relation": k, "direction": direction, "other": other,
                         "other_cite": " ".join(cite_line(g, other).split()),
                         "evidence": _evidence(d.get("evidence"))})
    rows.sort(key=lambda r: (r["direction"] != "out", _ALL_RELATIONS.index(r["relation"])
                             if r["relation"] in _ALL_RELATIONS else 99, r["other"]))
    return rows


def _paths(g: nx.MultiDiGraph, node: str) -> list[str]:
    """The files the document was read from: its own ``path`` and the files whose facts
    say something of it as their own document (evidence ``document`` is the node)."""
    paths = {g.nodes[node].get("path")} if g.nodes[node].get("in_corpus") else set()
    for edges in (g.out_edges(node, data=True), g.in_edges(node, data=True)):
        for _, _, d in edges:
            paths |= {ev.get("path") for ev in d.get("evidence") or () if ev.get("document") == node}
    return sorted(p for p in paths if p)


def touches(c: Conflict, node: str, paths: Iterable[str], spans: set[tuple]) -> bool:
    """A conflict of ``policykg check`` touches the document when it is about it (its
    subject, or one of the nodes a ``duplicate`` names), when a sentence it quotes is in the
    document's own file(s) (``paths``), or when it quotes a mention of the document
    (``spans``: the ``(file, start, end)`` of every stored mention of it)."""
    if c.subject == node:
        return True
    if c.kind == "duplicate" and "may be one document: " in c.detail:
        if node in c.detail.split("may be one document: ", 1)[1].split(", "):
            return True
    paths = set(paths)
    return any(ev.get("file") in paths or (ev.get("file"), ev.get("start"), ev.get("end")) in spans
               for ev in c.evidence)


# -- the dossier -------------------------------------------------------------------------

def dossier_from_graph(g: nx.MultiDiGraph, node: str, *, as_of: str | None = None,
                       conflicts: list[Conflict] = (), edges_graph: nx.MultiDiGraph | None = None) -> dict:
    """The dossier of ``node`` from a graph that holds its neighbourhood (the whole graph,
    or :func:`local_graph` with ``down=True``) and the conflicts that touch it.

    ``edges_graph`` holds the edges touching the node and their other ends (default ``g``);
    it is kept apart so that the statuses are derived on ``g`` alone.
    """
    h = edges_graph if edges_graph is not None else g
    report = graph_statuses(g, as_of or _dt.date.today().isoformat())
    res = trace(g, node)
    d = g.nodes[node]
    st = report.of(node)

    chains = []
    for p in res.paths or [[node]]:
        hops = []
        for hop in citation_chain(g, p):
            i = p.index(hop["id"])
            nxt = p[i + 1] if i + 1 < len(p) else None
            rel = hop.get("relation") if nxt else None
            hops.append({"id": hop["id"], "cite": hop["cite"], "relation": rel,
                         "status_words": status_words(g, report, hop["id"]),
                         "evidence": _edge_evidence(g, hop["id"], nxt, rel) if nxt else []})
        chains.append(hops)

    down = impact(g, node)
    docs = sorted(n for n in down if g.nodes[n].get("kind") == "document")
    tasks = sorted((n for n in down if g.nodes[n].get("kind") == "task"), key=lambda t: task_order(g, t))
    own = sorted((u for u, _, k in g.in_edges(node, keys=True)
                  if k == "part_of" and g.nodes[u].get("kind") == "task"), key=lambda t: task_order(g, t))
    return {
        "id": node,
        "as_of": report.as_of,
        "document": node_summary(g, node) | {"type_name": d.get("type_name"), "cite": cite_line(g, node),
                                             "paths": _paths(h, node)},
        "status": st.to_dict() if st else None,
        "status_words": status_words(g, report, node),
        "chains": chains,
        "chain_text": cite_text(g, node, report, res),
        "roots": res.roots,
        "highest": res.highest,
        "reached_central": res.reached_central,
        "edges": _edges(h, node),
        "tasks": [_task(g, t) for t in own],
        "downstream": {
            "documents": [{"id": n, "cite": cite_line(g, n), "status_words": status_words(g, report, n)} for n in docs],
            "tasks_by_agency": _by_agency(g, tasks),
        },
        "conflicts": [c.to_dict() for c in sorted(conflicts, key=lambda c: (c.kind, c.subject, c.detail))],
    }


def dossier(store, node: str, *, as_of: str | None = None, whole: bool = False) -> dict:
    """Everything known about one document (or task): identity, status, citation chains
    with evidence, its edges, its tasks, what lies downstream by agency, and the conflicts
    of ``policykg check`` that touch it (:func:`touches`).

    Read through the store's index: the neighbourhood of :func:`local_graph` (``down``),
    the edges touching the node, and the mentions, findings and unresolved references the
    conflicts need (see :func:`_local_conflicts`); never the whole graph.

    Args:
        store: an open :class:`graph.store.Store`.
        node: the node id (resolve what a user typed with ``policykg.refs`` first).
        as_of: ISO day of the statuses (default today).
        whole: compute on the whole graph (what a store without the index needs; the tests
            compare both).

    Returns:
        A JSON-ready dict with the keys ``id``, ``as_of``, ``document``, ``status``,
        ``status_words``, ``chains``, ``chain_text``, ``roots``, ``highest``,
        ``reached_central``, ``edges``, ``tasks``, ``downstream``, ``conflicts`` (README,
        "JSON contract").

    Raises:
        NotFound: ``node`` is not in the store.
    """
    if whole or not store.has_merged():
        g = store.graph()
        if node not in g:
            raise NotFound(f"{node}: not in the store")
        paths = _paths(g, node)
        mentions = store.mentions()
        spans = {(m["file"], m["start"], m["end"]) for m in mentions if m["node_id"] == node}
        found = find_conflicts(g, mentions, store.unresolved(), store.findings())
        conflicts = [c for c in found if touches(c, node, paths, spans)]
        return dossier_from_graph(g, node, as_of=as_of, conflicts=conflicts)
    if not store.node_attrs([node]):
        raise NotFound(f"{node}: not in the store")
    g = local_graph(store, [node], down=True)
    h = _touching_graph(store, g, node)
    paths = _paths(h, node)
    conflicts = _local_conflicts(store, node, paths)
    return dossier_from_graph(g, node, as_of=as_of, conflicts=conflicts, edges_graph=h)


def _touching_graph(store, g: nx.MultiDiGraph, node: str) -> nx.MultiDiGraph:
    """The edges touching ``node`` with their other ends (and, for a task, its document,
    which its citation names), read through the index."""
    edges = store.adjacent([node], _ALL_RELATIONS) + store.adjacent([node], _ALL_RELATIONS, incoming=True)
    ends = {node} | {u for u, *_ in edges} | {v for _, v, *_ in edges}
    attrs = store.node_attrs(ends)
    docs = {a.get("document") for a in attrs.values() if a.get("kind") == "task"} - set(attrs) - {None}
    attrs |= store.node_attrs(docs)
    return graph_of(attrs, edges)


# -- conflicts through the index -----------------------------------------------------------

def _select(store, table: str, cols: tuple[str, ...], files: Iterable[str], node_ids: Iterable[str] | None = None) -> list[dict]:
    """Rows of a fact table in the given files (its indexed column), and for mentions only
    those of ``node_ids``, ordered as the store's own readers order them (file, start)."""
    args = [json.dumps(sorted(set(files)))]
    where = "WHERE {t}.file IN (SELECT value FROM json_each(?))"
    if node_ids is not None:
        where += " AND {t}.node_id IN (SELECT value FROM json_each(?))"
        args.append(json.dumps(sorted(set(node_ids))))
    if table == "mentions":  # text and sentence as spans of the file's text (graph.facts)
        reader = FactReader(store.db)
        rows = (reader.mention(r) for r in store.db.execute(f"{MENTION_SQL} {where.format(t='m')} ORDER BY m.fid", args))
        out = [{c: m[c] for c in cols} for m in rows]
    else:
        sel = ", ".join("s.text" if c == "sentence" else f't."{c}"' for c in cols)
        q = f"SELECT {sel} FROM {table} AS t JOIN texts AS s ON s.id = t.sid {where.format(t='t')}"
        out = [dict(zip(cols, r)) for r in store.db.execute(q, args)]
    out.sort(key=lambda r: (r["file"], r["start"]))
    return out


def _same_key(store, nid: str) -> list[str]:
    """Nodes with ``nid``'s jurisdiction and key in any year (a range of the id index)."""
    jur, key, _ = split_doc_id(nid)
    prefix = f"{jur}:{key}:"
    rows = store.db.execute("SELECT id FROM graph_nodes WHERE id >= ? AND id < ?", (prefix, prefix + "\U0010ffff"))
    return [r[0] for r in rows if split_doc_id(r[0])[:2] == (jur, key)]


def _same_number(store, num: str, date: str) -> list[str]:
    """Nodes whose number-symbol starts with the number ``num`` (leading zeros allowed) and
    whose date is ``date``: the candidates of a ``symbol`` conflict."""
    out = []
    for zeros in range(4):
        prefix = "0" * zeros + num
        rows = store.db.execute("SELECT id, date FROM graph_nodes "
                                "WHERE symbol >= ? AND symbol < ?", (prefix, prefix + "\U0010ffff"))
        for nid, day in rows:
            m = re.match(r"0*(\d+)", split_doc_id(nid)[1])
            if m and m.group(1) == num and day == date:
                out.append(nid)
    return out


def _citing_files(store, nids: set[str]) -> set[str]:
    """The files that may mention the given nodes: those whose document has an edge to one
    of them (the evidence's path; mentions are indexed by file only), or, for a yearless id
    folded into a dated one, to that one; and the nodes' own files."""
    targets = set(nids)
    for nid in nids:
        if split_doc_id(nid)[2] == "?":
            targets |= set(_same_key(store, nid))
    arg = json.dumps(sorted(targets))
    rows = store.db.execute(
        "SELECT DISTINCT coalesce(json_extract(e.value, '$.path'), (SELECT file FROM edges WHERE rowid = e.value)) "
        "FROM graph_edges AS g, json_each(g.attrs, '$.evidence') AS e "
        "WHERE g.dst IN (SELECT value FROM json_each(?))", (arg,))
    files = {r[0] for r in rows}
    files |= {r[0] for r in store.db.execute(
        "SELECT path FROM graph_nodes WHERE id IN (SELECT value FROM json_each(?)) AND path IS NOT NULL", (arg,))}
    files.discard(None)
    return files


def _local_conflicts(store, node: str, paths: list[str]) -> list[Conflict]:
    """The conflicts of ``policykg check`` that touch ``node`` (:func:`touches`), from the
    facts around it only: :func:`find_conflicts` run on every mention of the documents it
    is about or its files mention (read by file, through the index), the nodes with the
    same key in another year, the nodes sharing a cited number and date, the own dates of
    the files that cite it, and the findings and unresolved references of its own files.
    Each conflict :func:`find_conflicts` forms is a function of the mentions of the nodes it
    names, so on this subset it comes out as on the whole store, with one limit: a
    ``symbol`` conflict's other node is found by number and by its date in the graph, so a
    node whose merged date differs from the date it is first cited with is not found
    (``policykg check`` still lists it).

    The cost grows with how often the documents it cites are cited: a decision "Căn cứ Luật
    Quy hoạch" reads every mention of that law (on a generated store of 100,000 documents
    with 250,000 mentions, see README "Reports").
    """
    own = _select(store, "mentions", _MENTION_COLS, paths)
    seeds = {node} | {m["node_id"] for m in own}
    nids = set(seeds)
    for nid in seeds:
        nids |= set(_same_key(store, nid))
    mentions = _select(store, "mentions", _MENTION_COLS, _citing_files(store, nids), nids)
    first: dict[str, dict] = {}
    for m in mentions:
        if m["date"] and m["node_id"] not in first:
            first[m["node_id"]] = m
    more: set[str] = set()
    for nid, m in first.items():
        num = re.match(r"0*(\d+)", split_doc_id(nid)[1])
        if num:
            more |= set(_same_number(store, num.group(1), m["date"]))
    if more - nids:
        nids |= more
        mentions = _select(store, "mentions", _MENTION_COLS, _citing_files(store, nids), nids)
    # the graph find_conflicts reads: the nodes it names in full; of the documents whose
    # files cite the node, the own date (a cited date after it is a conflict)
    g = nx.MultiDiGraph()
    citing = sorted({m["file"] for m in mentions if m["node_id"] == node})
    for nid, path, day, in_corpus in store.db.execute(
            f"SELECT id, path, date, marks & {MARKS['in_corpus']} FROM graph_nodes "
            "WHERE path IN (SELECT value FROM json_each(?))", (json.dumps(citing),)):
        g.add_node(nid, kind="document", path=path, date=day, in_corpus=bool(in_corpus))
    attrs = store.node_attrs(nids)
    for n in sorted(attrs):
        g.add_node(n, **attrs[n])
    unresolved = _select(store, "unresolved", ("file", "text", "start", "end", "sentence"), paths)
    findings = _select(store, "findings", ("file", "kind", "text", "start", "end", "sentence"), paths)
    spans = {(m["file"], m["start"], m["end"]) for m in mentions if m["node_id"] == node}
    return [c for c in find_conflicts(g, mentions, unresolved, findings) if touches(c, node, paths, spans)]
