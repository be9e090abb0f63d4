"""The embedded store: one SQLite file, and the networkx graph built from it.

Facts are kept *per source file*: each ingested file contributes its own document node,
the nodes of the documents it mentions (as that file writes them), its tasks and
agencies, its edges with evidence and its raw mentions.  Re-ingesting a changed file
replaces exactly its facts; an unchanged file (same SHA-256) is skipped.  A whole build
runs in one transaction, so an interrupted or failed build leaves the previous state.

The graph merges the per-file facts: a document's own file wins over what others say of
it, conflicting dates are kept (``conflicts`` in :mod:`queries.conflicts`), and a dateless
mention ("…:?" id) is folded into the one dated document with the same symbol, or kept
and flagged ``ambiguous`` when there are several.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import networkx as nx

from .errors import StoreError
from .ids import split_doc_id
from .model import Extraction, Relation, Role, Task

__all__ = ["Store", "GraphStore", "default_store_path", "STORE_ENV", "DEFAULT_STORE"]

STORE_ENV = "POLICYKG_STORE"
DEFAULT_STORE = "policykg.db"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, doc_id TEXT NOT NULL,
    ingested_at TEXT NOT NULL, text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS nodes (
    file TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL, own INTEGER NOT NULL,
    attrs TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS nodes_file ON nodes(file);
CREATE INDEX IF NOT EXISTS nodes_id ON nodes(id);
CREATE TABLE IF NOT EXISTS edges (
    file TEXT NOT NULL, src TEXT NOT NULL, dst TEXT NOT NULL, relation TEXT NOT NULL,
    role TEXT, sentence TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    document TEXT, detail TEXT
);
CREATE INDEX IF NOT EXISTS edges_file ON edges(file);
CREATE TABLE IF NOT EXISTS findings (
    file TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, sentence TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS findings_file ON findings(file);
CREATE TABLE IF NOT EXISTS mentions (
    file TEXT NOT NULL, node_id TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, date TEXT, issuer TEXT, sentence TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_file ON mentions(file);
CREATE TABLE IF NOT EXISTS unresolved (
    file TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    sentence TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS unresolved_file ON unresolved(file);
"""


def _migrate(db: sqlite3.Connection) -> None:
    """Bring a store written by an earlier policykg up to this schema (columns added since;
    new tables come from ``CREATE TABLE IF NOT EXISTS``)."""
    cols = {row[1] for row in db.execute("PRAGMA table_info(edges)")}
    if "detail" not in cols:
        db.execute("ALTER TABLE edges ADD COLUMN detail TEXT")


def default_store_path(explicit: str | os.PathLike | None = None) -> Path:
    """``--store``, else ``$POLICYKG_STORE``, else ``policykg.db`` in the working directory."""
    return Path(explicit or os.environ.get(STORE_ENV) or DEFAULT_STORE)


class GraphStore(Protocol):
    """What the embedded store and a server-backed store both offer to queries."""

    def graph(self) -> nx.MultiDiGraph: ...


class Store:
    """The SQLite store.

    Examples:
        >>> import tempfile, os
        >>> with Store(os.path.join(tempfile.mkdtemp(), "kg.db")) as s:
        ...     s.graph().number_of_nodes()
        0
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        try:
            if self.path.parent and not self.path.parent.exists():
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(_SCHEMA)
            _migrate(self.db)
            row = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if row is None:
                self.db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            elif int(row[0]) != SCHEMA_VERSION:
                raise StoreError(f"{self.path}: store schema {row[0]}, this policykg reads {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a policykg store ({exc})") from None
        self._graph: nx.MultiDiGraph | None = None

    # -- lifecycle -------------------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside are committed together or not at all."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")
        finally:
            self._graph = None

    # -- files -----------------------------------------------------------------------
    def file_hash(self, path: str) -> str | None:
        row = self.db.execute("SELECT sha256 FROM files WHERE path=?", (str(path),)).fetchone()
        return row[0] if row else None

    def files(self) -> list[dict]:
        cur = self.db.execute("SELECT path, sha256, doc_id, ingested_at FROM files ORDER BY path")
        return [dict(zip(("path", "sha256", "doc_id", "ingested_at"), r)) for r in cur]

    def text_of(self, path: str) -> str | None:
        row = self.db.execute("SELECT text FROM files WHERE path=?", (str(path),)).fetchone()
        return row[0] if row else None

    def remove_file(self, path: str) -> None:
        for table in ("nodes", "edges", "mentions", "unresolved", "findings"):
            self.db.execute(f"DELETE FROM {table} WHERE file=?", (str(path),))
        self.db.execute("DELETE FROM files WHERE path=?", (str(path),))
        self._graph = None

    def ingest(self, ex: Extraction) -> str:
        """Store one extraction, replacing the facts of the same file.

        Returns:
            "unchanged", "added" or "updated".
        """
        doc = ex.document
        path = doc.path
        old = self.file_hash(path)
        if old == doc.sha256:
            return "unchanged"
        self.remove_file(path)
        now = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
        self.db.execute(
            "INSERT INTO files VALUES (?,?,?,?,?)", (path, doc.sha256, doc.id, now, doc.text)
        )
        nodes: list[tuple] = []
        edges: list[tuple] = []
        mentions: list[tuple] = []
        own = doc.ref.to_dict() | {"in_corpus": True, "path": path}
        # the source's second witness (a page's metadata box): scalar properties, so every
        # export (GraphML, Neo4j) keeps them; "Tình trạng" is the reported status
        own |= {f"reported_{k}": v for k, v in sorted(doc.witness.items())}
        own |= _force_attrs(ex)
        nodes.append((path, doc.id, "document", 1, json.dumps(own, ensure_ascii=False)))
        for ref in ex.references:
            t = ref.target
            nodes.append((path, t.id, "document", 0, json.dumps(t.to_dict(), ensure_ascii=False)))
            ev = ref.evidence
            edges.append((path, doc.id, t.id, ref.relation.value, None, ev.sentence, ev.start, ev.end, doc.id,
                          _detail(ex, doc.id, ref.relation.value, t.id)))
            for m in ref.mentions:
                mentions.append((path, t.id, m.text, m.start, m.end, m.date, m.issuer, m.sentence))
        for planned in ex.planned:
            nodes.append((path, planned.id, "document", 1, json.dumps(planned.to_dict(), ensure_ascii=False)))
        for src, rel, dst, ev in ex.chain_edges:
            rel = Relation(rel).value
            edges.append((path, src, dst, rel, None, ev.sentence, ev.start, ev.end, doc.id, _detail(ex, src, rel, dst)))
        for ag in ex.agencies:
            nodes.append((path, ag.id, "agency", 0, json.dumps(ag.to_dict(), ensure_ascii=False)))
            if ag.parent:
                edges.append((path, ag.id, ag.parent, Relation.PART_OF.value, None, ag.name, 0, 0, doc.id, None))
        for task in ex.tasks:
            nodes.append((path, task.id, "task", 1, json.dumps(_task_attrs(task), ensure_ascii=False)))
            sentence = task.text[:500]
            edges.append((path, task.id, doc.id, Relation.PART_OF.value, None, sentence, task.start, task.end, doc.id, None))
            for role, ids in ((Role.LEAD, task.lead), (Role.COOPERATING, task.cooperating)):
                for ag in ids:
                    edges.append((path, task.id, ag, Relation.ASSIGNS_TO.value, role.value, sentence, task.start, task.end,
                                  doc.id, None))
            for link in task.links:
                t = link.target
                nodes.append((path, t.id, "document", 0, json.dumps(t.to_dict(), ensure_ascii=False)))
                ev = link.evidence
                edges.append((path, task.id, t.id, link.relation.value, None, ev.sentence, ev.start, ev.end, doc.id,
                              _detail(ex, task.id, link.relation.value, t.id)))
        self.db.executemany("INSERT INTO nodes VALUES (?,?,?,?,?)", nodes)
        self.db.executemany(
            'INSERT INTO edges (file, src, dst, relation, role, sentence, start, "end", document, detail) '
            "VALUES (?,?,?,?,?,?,?,?,?,?)", edges)
        self.db.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?)", mentions)
        self.db.executemany(
            "INSERT INTO unresolved VALUES (?,?,?,?,?)",
            [(path, u.text, u.start, u.end, u.sentence) for u in ex.unresolved],
        )
        self.db.executemany(
            "INSERT INTO findings VALUES (?,?,?,?,?,?)",
            [(path, "impossible_date", d["text"], d["start"], d["end"], d["sentence"]) for d in ex.bad_dates],
        )
        self._graph = None
        return "updated" if old else "added"

    # -- reading ---------------------------------------------------------------------
    def mentions(self) -> list[dict]:
        cols = ("file", "node_id", "text", "start", "end", "date", "issuer", "sentence")
        cur = self.db.execute('SELECT file, node_id, text, start, "end", date, issuer, sentence FROM mentions ORDER BY file, start')
        return [dict(zip(cols, r)) for r in cur]

    def unresolved(self) -> list[dict]:
        cols = ("file", "text", "start", "end", "sentence")
        cur = self.db.execute('SELECT file, text, start, "end", sentence FROM unresolved ORDER BY file, start')
        return [dict(zip(cols, r)) for r in cur]

    def findings(self) -> list[dict]:
        """What extraction found wrong in the text itself (a date that cannot be a date)."""
        cols = ("file", "kind", "text", "start", "end", "sentence")
        cur = self.db.execute('SELECT file, kind, text, start, "end", sentence FROM findings ORDER BY file, start')
        return [dict(zip(cols, r)) for r in cur]

    def counts(self) -> dict[str, int]:
        g = self.graph()
        kinds: dict[str, int] = {}
        for _, k in g.nodes(data="kind"):
            kinds[k] = kinds.get(k, 0) + 1
        return {"files": len(self.files()), "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), **kinds}

    def graph(self) -> nx.MultiDiGraph:
        """The merged knowledge graph (cached until the next write)."""
        if self._graph is None:
            self._graph = _build_graph(self)
        return self._graph


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
    d.pop("links", None)
    d.pop("id", None)
    return d


def _merge_doc(facts: list[tuple[int, dict]]) -> dict:
    """One document's attributes from every file's facts: its own file first, then the
    first file that gives a value."""
    facts = sorted(facts, key=lambda f: -f[0])
    out: dict = {"in_corpus": False, "flags": []}
    for own, attrs in facts:
        for k, v in attrs.items():
            if k == "flags":
                out["flags"] = sorted(set(out["flags"]) | set(v or []))
            elif v not in (None, "", []) and out.get(k) in (None, "", []):
                out[k] = v
        if own:
            out["in_corpus"] = True
    if out["in_corpus"]:
        out["flags"] = [f for f in out["flags"] if f != "dateless"]
    return out


def _build_graph(store: Store) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    facts: dict[str, list[tuple[int, dict]]] = {}
    kinds: dict[str, str] = {}
    for _file, nid, kind, own, attrs in store.db.execute("SELECT file, id, kind, own, attrs FROM nodes ORDER BY file"):
        facts.setdefault(nid, []).append((own, json.loads(attrs)))
        kinds[nid] = kind
    # dateless ids ("…:?") fold into the one dated document with the same symbol
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
    for nid, flist in facts.items():
        target = alias.get(nid, nid)
        if target != nid:
            facts.setdefault(target, []).extend((0, {k: v for k, v in a.items() if k not in ("id", "date")}) for _, a in flist)
    for nid, flist in facts.items():
        if nid in alias:
            continue
        kind = kinds[nid]
        if kind == "document":
            attrs = _merge_doc(flist)
            jur, key, year = split_doc_id(nid)
            if year == "?" and not attrs.get("in_corpus") and len(dated.get((jur, key), [])) > 1:
                attrs["flags"] = sorted(set(attrs["flags"]) | {"ambiguous"})
                attrs["candidates"] = sorted(dated[(jur, key)])
        else:
            attrs = {}
            for own, a in sorted(flist, key=lambda f: -f[0]):
                for k, v in a.items():
                    attrs.setdefault(k, v)
        attrs.pop("id", None)
        attrs["kind"] = kind
        g.add_node(nid, **attrs)
    cur = store.db.execute(
        'SELECT file, src, dst, relation, role, sentence, start, "end", document, detail FROM edges ORDER BY file, start'
    )
    for file, src, dst, relation, role, sentence, start, end, document, detail in cur:
        src, dst = alias.get(src, src), alias.get(dst, dst)
        if src == dst:
            continue
        for n in (src, dst):
            if n not in g:
                g.add_node(n, kind="document", flags=["unknown"], in_corpus=False)
        key = relation
        ev = {"path": file, "sentence": sentence, "start": start, "end": end, "document": document}
        if g.has_edge(src, dst, key):
            g.edges[src, dst, key]["evidence"].append(ev)
        else:
            data = {"relation": relation, "evidence": [ev]}
            if role:
                data["role"] = role
            if detail:
                data.update(json.loads(detail))  # "mode", "parts" of a replaces/amends edge
            g.add_edge(src, dst, key=key, **data)
    _drop_weaker_document_edges(g)
    return g


_STRENGTH = {"replaces": 5, "amends": 4, "implements": 3, "based_on": 2, "cites": 1}


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
