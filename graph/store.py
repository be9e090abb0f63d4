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
import functools
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Protocol

import networkx as nx

from .errors import StoreError
from .ids import fold, split_doc_id
from .model import Extraction, Relation, Role, Task

__all__ = ["Store", "GraphStore", "default_store_path", "STORE_ENV", "DEFAULT_STORE"]

STORE_ENV = "POLICYKG_STORE"
DEFAULT_STORE = "policykg.db"
# 2: each evidence sentence and each node's attributes as a file states them stored once
# (``texts``, referenced by ``sid`` from edges, mentions, unresolved and findings and by
# ``aid`` from nodes); the merged graph's evidence refers to the stored edges by rowid and a
# task's or agency's merged attributes to their one source row.
SCHEMA_VERSION = 2
# SQLite's header field for "which application's file is this" (bytes 68-71): b"pKG1".
# A file without it is written to only when it holds policykg's own tables (stores made
# before the marker); any other SQLite file is refused before the first write.
APPLICATION_ID = 0x704B4731
# How long a query waits for a build's commit (or checkpoint) before "database is locked".
BUSY_TIMEOUT_MS = 60_000
_RECOVER = ("move it aside and rebuild it with `policykg build` on the same folders "
            "(SQLite's `.recover` can save what is readable)")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, doc_id TEXT NOT NULL,
    ingested_at TEXT NOT NULL, text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS nodes (
    file TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL, own INTEGER NOT NULL,
    aid INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS nodes_file ON nodes(file);
CREATE INDEX IF NOT EXISTS nodes_id ON nodes(id);
-- Every evidence sentence and every node's attributes (JSON) once: a task's text is the
-- evidence of each of its assigns_to edges, a "Căn cứ" line that of its edge and its
-- mentions, an agency or a cited document is described alike by every file naming it.
-- Keyed by a 64-bit hash of the text.
CREATE TABLE IF NOT EXISTS texts (id INTEGER PRIMARY KEY, hash INTEGER UNIQUE, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS edges (
    file TEXT NOT NULL, src TEXT NOT NULL, dst TEXT NOT NULL, relation TEXT NOT NULL,
    role TEXT, sid INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    document TEXT, detail TEXT
);
CREATE INDEX IF NOT EXISTS edges_file ON edges(file);
CREATE TABLE IF NOT EXISTS findings (
    file TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, sid INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS findings_file ON findings(file);
CREATE TABLE IF NOT EXISTS mentions (
    file TEXT NOT NULL, node_id TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, date TEXT, issuer TEXT, sid INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_file ON mentions(file);
CREATE TABLE IF NOT EXISTS unresolved (
    file TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    sid INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS unresolved_file ON unresolved(file);
-- The merged graph (what Store.graph() builds), written at the end of every build in the
-- same transaction, so that a query reads only the nodes and edges it needs.  A node whose
-- merged attributes are those of one stored row (a task, an agency one file names) keeps
-- ``attrs`` NULL and that row's rowid in ``src``; an edge's evidence items that are numbers
-- are rowids of ``edges`` (Store._evidence reads them back).
CREATE TABLE IF NOT EXISTS graph_nodes (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, symbol TEXT, path TEXT, title TEXT, attrs TEXT, src INTEGER
);
CREATE INDEX IF NOT EXISTS graph_nodes_symbol ON graph_nodes(symbol);
CREATE INDEX IF NOT EXISTS graph_nodes_path ON graph_nodes(path);
CREATE INDEX IF NOT EXISTS graph_nodes_title ON graph_nodes(title);
CREATE TABLE IF NOT EXISTS graph_edges (
    src TEXT NOT NULL, dst TEXT NOT NULL, key TEXT NOT NULL, attrs TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS graph_edges_out ON graph_edges(src, key);
CREATE INDEX IF NOT EXISTS graph_edges_in ON graph_edges(dst, key);
-- Full-text search over documents (number-symbol, type, title, issuer), tasks (text, lead)
-- and agencies (name), in folded form (Store.search); SQLite's FTS5, written with the index.
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
    id UNINDEXED, kind UNINDEXED, type UNINDEXED, jurisdiction UNINDEXED, issuer UNINDEXED,
    year UNINDEXED, symbol, title, body, tokenize = 'unicode61'
);
"""


def _schema_statements() -> list[str]:
    """:data:`_SCHEMA` one statement at a time (``executescript`` would commit a migration's
    transaction half-way)."""
    body = "\n".join(ln for ln in _SCHEMA.splitlines() if not ln.lstrip().startswith("--"))
    return [st.strip() for st in body.split(";\n") if st.strip()]


def _text_hash(text: str) -> int:
    """The 64-bit key of a stored text."""
    import hashlib

    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def _text_id(db: sqlite3.Connection, text: str, cache: dict[str, int]) -> int:
    """The id of ``text`` in ``texts``, added when new (each text is stored once; two texts
    with one hash, never seen yet, would both be kept, the second without it)."""
    sid = cache.get(text)
    if sid is None:
        h = _text_hash(text)
        row = db.execute("SELECT id, text FROM texts WHERE hash=?", (h,)).fetchone()
        if row is not None and row[1] == text:
            sid = row[0]
        else:
            sid = db.execute("INSERT INTO texts (hash, text) VALUES (?,?)", (None if row else h, text)).lastrowid
        cache[text] = sid
    return sid


# The fact tables whose rows refer to a stored text, and the column schema 1 kept it in.
_TEXT_COLUMNS = {"edges": "sentence", "mentions": "sentence", "unresolved": "sentence", "findings": "sentence",
                 "nodes": "attrs"}


def _columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}


def _migrate(db: sqlite3.Connection) -> bool:
    """Bring a store written by an earlier policykg up to this schema, inside the caller's
    transaction (new tables come from ``CREATE TABLE IF NOT EXISTS``).  Returns True when the
    merged graph must be written again (schema 1: its tables change form)."""
    if "detail" not in _columns(db, "edges"):
        db.execute("ALTER TABLE edges ADD COLUMN detail TEXT")
    if "sentence" not in _columns(db, "edges"):
        return False
    # schema 1 -> 2: sentences and attributes move to their own table, the merged graph is
    # written anew
    for table in _TEXT_COLUMNS:
        for (index,) in db.execute("SELECT name FROM sqlite_master WHERE type='index' AND tbl_name=? AND sql IS NOT NULL",
                                   (table,)).fetchall():
            db.execute(f'DROP INDEX "{index}"')  # made again for the new table
        db.execute(f"ALTER TABLE {table} RENAME TO {table}_v1")
    db.execute("DROP TABLE IF EXISTS graph_nodes")
    db.execute("DROP TABLE IF EXISTS graph_edges")
    for st in _schema_statements():
        db.execute(st)
    cache: dict[str, int] = {}
    for table, col in _TEXT_COLUMNS.items():
        cols = [r[1] for r in db.execute(f"PRAGMA table_info({table}_v1)")]
        marks = ",".join("?" * len(cols))
        names = ", ".join(f'"{c}"' if c != col else ("aid" if col == "attrs" else "sid") for c in cols)
        rows = db.execute(f"SELECT * FROM {table}_v1 ORDER BY rowid").fetchall()
        at = cols.index(col)
        db.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})",
                       ((*r[:at], _text_id(db, r[at], cache), *r[at + 1:]) for r in rows))
        db.execute(f"DROP TABLE {table}_v1")
    db.execute("DELETE FROM meta WHERE key='merged'")
    db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
    return True


def _open_readonly(path: Path) -> sqlite3.Connection:
    """A connection that never writes to the file (``mode=ro``); on a store whose folder
    is read-only too (no -shm can be made), ``immutable=1``: nothing else can write there."""
    uri = path.resolve().as_uri()
    try:
        db = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None)
        db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError:
        if os.access(path.parent, os.W_OK) and os.access(path, os.W_OK):
            raise
        db = sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db


def _check_marker(path: Path) -> None:
    """Refuse a file that is not a policykg store, before anything writes to it."""
    with open(path, "rb") as fh:
        head = fh.read(100)
    if not head.startswith(b"SQLite format 3\x00"):
        raise StoreError(f"{path}: not a policykg store (not an SQLite database); nothing was written to it")
    db = _open_readonly(path)
    try:
        app = db.execute("PRAGMA application_id").fetchone()[0]
        if app == APPLICATION_ID:
            return
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        legacy = app == 0 and {"meta", "files", "nodes", "edges"} <= tables and db.execute(
            "SELECT 1 FROM meta WHERE key='schema'").fetchone()
    finally:
        db.close()
    if not legacy:
        what = "an empty SQLite database" if not tables else "another application's SQLite database"
        raise StoreError(f"{path}: not a policykg store ({what}); nothing was written to it, pass another --store")


def _needs_migration(db: sqlite3.Connection) -> bool:
    cols = _columns(db, "edges")
    return "detail" not in cols or "sentence" in cols


def storage_error(path: Path, exc: sqlite3.Error, after: str = "") -> StoreError:
    """One plain sentence for an SQLite failure: what happened to the store and what to do."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    msg = " ".join(str(exc).split())
    if name.startswith("SQLITE_FULL"):
        reason = "the disk is full"
    elif name.startswith("SQLITE_READONLY") or "readonly" in msg:
        reason = "the store is read-only (file or folder permissions, or a read-only disk)"
    elif name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in msg or "not a database" in msg:
        return StoreError(f"{path}: the store is damaged ({msg}); {_RECOVER}")
    elif name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        reason = "the store is locked by another process"
    elif name.startswith("SQLITE_CANTOPEN"):
        reason = "the store cannot be opened (missing folder or permissions)"
    elif name.startswith("SQLITE_IOERR"):
        reason = "the disk could not be read or written"
    else:
        reason = "storage error"
    tail = f"; {after}" if after else ""
    return StoreError(f"{path}: {reason} ({msg}){tail}")


def default_store_path(explicit: str | os.PathLike | None = None) -> Path:
    """``--store``, else ``$POLICYKG_STORE``, else ``policykg.db`` in the working directory."""
    return Path(explicit or os.environ.get(STORE_ENV) or DEFAULT_STORE)


def _guarded(method):
    """SQLite failures of a store method become one :class:`StoreError` naming the store."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise storage_error(self.path, exc) from None

    return wrapper


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

    def __init__(self, path: str | os.PathLike, *, readonly: bool = False):
        """Open (or, unless ``readonly``, create) the store at ``path``.

        A file that is not a policykg store is never written to: its marker (SQLite's
        ``application_id``, or for stores made before the marker, policykg's own tables) is
        checked on a read-only connection first.  ``readonly`` opens for queries: nothing is
        written, so a store on a read-only disk or shared by file answers as well.

        Raises:
            StoreError: the file is missing (``readonly``), foreign, damaged or unwritable.
        """
        self.path = Path(path)
        self.readonly = readonly
        self._graph: nx.MultiDiGraph | None = None
        self._withdrawn = False
        exists = self.path.exists() and self.path.stat().st_size > 0
        if readonly and not exists:
            raise StoreError(f"{self.path}: no store here yet; run `policykg build PATH` first (or pass --store)")
        try:
            if exists:
                _check_marker(self.path)
            if readonly:
                self.db = _open_readonly(self.path)
                if _needs_migration(self.db):
                    self.db.close()
                    Store(self.path).close()  # an older policykg's store: upgrade it once
                    self.db = _open_readonly(self.path)
            else:
                if not self.path.parent.exists():
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(self.path, isolation_level=None)
                self.db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                row = self.db.execute("SELECT name FROM sqlite_master WHERE name='meta'").fetchone() and \
                    self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
                if row and int(row[0]) > SCHEMA_VERSION:
                    raise StoreError(f"{self.path}: store schema {row[0]}, this policykg reads {SCHEMA_VERSION}")
                if _needs_migration(self.db) and self.db.execute("SELECT 1 FROM sqlite_master WHERE name='edges'").fetchone():
                    self._upgrade(int(row[0]) if row else 1)
                self.db.executescript(_SCHEMA)
                if self.db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                    self.db.execute(f"PRAGMA application_id={APPLICATION_ID}")
                row = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
                if row is None:
                    self.db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            row = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if row is not None and int(row[0]) != SCHEMA_VERSION:
                raise StoreError(f"{self.path}: store schema {row[0]}, this policykg reads {SCHEMA_VERSION}")
        except sqlite3.Error as exc:
            raise storage_error(self.path, exc) from None
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc.strerror or exc})") from None

    def _upgrade(self, old: int) -> None:
        """Migrate a store an earlier policykg wrote, in one transaction (nothing changes
        when it fails), and say so once on stderr."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            if _migrate(self.db):
                self.save_merged()
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        self._graph = None
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("VACUUM")  # give back the pages the old tables held
        if old != SCHEMA_VERSION:
            print(f"{self.path}: store written by an earlier policykg (schema {old}) migrated to schema "
                  f"{SCHEMA_VERSION}; its facts and answers are unchanged", file=sys.stderr)

    # -- lifecycle -------------------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside are committed together or not at all.

        A storage error (disk full, read-only file, damaged pages, I/O) inside or at the
        commit ends the whole transaction: it is rolled back (SQLite may already have done
        so) and a :class:`StoreError` names the store and the reason; the store keeps its
        previous state exactly.
        """
        if self.readonly:
            raise StoreError(f"{self.path}: opened read-only")
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self._graph = None
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise
            else:
                self.db.execute("COMMIT")
        except (sqlite3.Error, StoreError) as exc:
            self._graph = None
            if self.db.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self.db.execute("ROLLBACK")
            rolled = "the build was rolled back; the store keeps its previous state"
            if isinstance(exc, StoreError):
                raise StoreError(f"{exc}; {rolled}") from None
            raise storage_error(self.path, exc, rolled) from None

    @contextlib.contextmanager
    def writer(self, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
        """Hold the store's writer lock: one build at a time.

        Another build of the same store waits here; ``on_wait`` is told who holds the lock
        (process id and command) before waiting.  The lock is an advisory ``flock`` on a
        side file ``STORE.lock`` (SQLite's own locks are POSIX locks, which any close of the
        database file would drop; its busy timeout would turn a long wait into "database is
        locked").  The kernel drops the lock when the holder dies, even by kill -9.
        """
        import fcntl

        lock_path = Path(f"{self.path}.lock")
        try:
            fh = open(lock_path, "a+")
        except OSError as exc:
            raise StoreError(f"{lock_path}: cannot create the store's lock file ({exc.strerror or exc})") from None
        with fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                fh.seek(0)
                holder = fh.read().strip() or "another process"
                if on_wait:
                    on_wait(holder)
                fcntl.flock(fh, fcntl.LOCK_EX)
            fh.seek(0)
            fh.truncate()
            fh.write(f"process {os.getpid()} ({' '.join(os.path.basename(a) if i == 0 else a for i, a in enumerate(sys.argv))[:200]})\n")
            fh.flush()
            try:
                yield
            finally:
                fh.seek(0)
                fh.truncate()
                fh.flush()
                fcntl.flock(fh, fcntl.LOCK_UN)

    # -- files -----------------------------------------------------------------------
    @_guarded
    def file_hash(self, path: str) -> str | None:
        row = self.db.execute("SELECT sha256 FROM files WHERE path=?", (str(path),)).fetchone()
        return row[0] if row else None

    @_guarded
    def files(self) -> list[dict]:
        cur = self.db.execute("SELECT path, sha256, doc_id, ingested_at FROM files ORDER BY path")
        return [dict(zip(("path", "sha256", "doc_id", "ingested_at"), r)) for r in cur]

    @_guarded
    def text_of(self, path: str) -> str | None:
        row = self.db.execute("SELECT text FROM files WHERE path=?", (str(path),)).fetchone()
        return row[0] if row else None

    @_guarded
    def remove_file(self, path: str) -> None:
        """Withdraw every fact of one source file."""
        for table in ("nodes", "edges", "mentions", "unresolved", "findings"):
            if self.db.execute(f"DELETE FROM {table} WHERE file=?", (str(path),)).rowcount:
                self._withdrawn = True  # texts only its rows used go at the next save_merged
        self.db.execute("DELETE FROM files WHERE path=?", (str(path),))
        self._graph = None

    @_guarded
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
        cache: dict[str, int] = {}

        def sid(rows: list[tuple], at: int) -> list[tuple]:
            return [(*r[:at], _text_id(self.db, r[at], cache), *r[at + 1:]) for r in rows]

        self.db.executemany("INSERT INTO nodes VALUES (?,?,?,?,?)", sid(nodes, 4))
        self.db.executemany(
            'INSERT INTO edges (file, src, dst, relation, role, sid, start, "end", document, detail) '
            "VALUES (?,?,?,?,?,?,?,?,?,?)", sid(edges, 5))
        self.db.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?)", sid(mentions, 7))
        self.db.executemany(
            "INSERT INTO unresolved VALUES (?,?,?,?,?)",
            sid([(path, u.text, u.start, u.end, u.sentence) for u in ex.unresolved], 4),
        )
        self.db.executemany(
            "INSERT INTO findings VALUES (?,?,?,?,?,?)",
            sid([(path, "impossible_date", d["text"], d["start"], d["end"], d["sentence"]) for d in ex.bad_dates], 5),
        )
        self._graph = None
        return "updated" if old else "added"

    # -- the merged graph, indexed ------------------------------------------------------
    @_guarded
    def save_merged(self) -> None:
        """Write the merged graph into ``graph_nodes`` / ``graph_edges`` (call inside the
        build's transaction, after the last ingest): queries then read only what they need."""
        if self._withdrawn:
            self.db.execute("DELETE FROM texts WHERE id NOT IN (SELECT sid FROM edges UNION SELECT sid FROM mentions "
                            "UNION SELECT sid FROM unresolved UNION SELECT sid FROM findings UNION SELECT aid FROM nodes)")
            self._withdrawn = False
        refs: dict = {}
        g = _build_graph(self, refs)
        self.write_index(g, current=True, refs=refs)
        self._graph = g

    @_guarded
    def write_index(self, g: nx.MultiDiGraph, *, current: bool = False, refs: dict | None = None) -> None:
        """Replace the indexed graph tables with ``g`` (the merged graph; a test or benchmark
        may write a generated graph here).  ``current``: mark it as matching the stored facts,
        so that queries use it.  ``refs`` (from :func:`_build_graph`): the stored rows the
        merged graph repeats, written as references instead (``node``: id -> the ``nodes``
        rowid whose attributes a node has; ``ev``: id() of an evidence item -> its ``edges``
        rowid)."""
        nref, eref = (refs or {}).get("node", {}), (refs or {}).get("ev", {})
        self.db.execute("DELETE FROM graph_nodes")
        self.db.execute("DELETE FROM graph_edges")
        self.db.executemany(
            "INSERT INTO graph_nodes VALUES (?,?,?,?,?,?,?)",
            ((n, d.get("kind"), lookup_key(d.get("number_symbol")),
              d.get("path") if d.get("kind") == "document" else None,
              lookup_key(d.get("title")) if d.get("kind") == "document" and not d.get("number_symbol") else None,
              None if n in nref else json.dumps(d, ensure_ascii=False), nref.get(n)) for n, d in g.nodes(data=True)))

        def compact(d: dict) -> dict:
            if not eref or "evidence" not in d:
                return d
            return {**d, "evidence": [eref.get(id(ev), ev) for ev in d["evidence"]]}

        self.db.executemany(
            "INSERT INTO graph_edges VALUES (?,?,?,?)",
            ((u, v, k, json.dumps(compact(d), ensure_ascii=False)) for u, v, k, d in g.edges(keys=True, data=True)))
        self.db.execute("DELETE FROM search_fts")
        self.db.executemany("INSERT INTO search_fts VALUES (?,?,?,?,?,?,?,?,?)", _search_rows(g))
        if current:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('merged', ?)", (self._fact_version(),))

    @_guarded
    def search(self, text: str, *, kind: str | None = None, type: str | None = None,
               jurisdictions: set[str] | None = None, issuer: str | None = None, year: int | None = None,
               limit: int = 20, info: dict | None = None) -> list[dict]:
        """Documents, tasks and agencies matching every word of ``text`` (with or without
        diacritics, a number-symbol in any spelling), best first: an exact number-symbol,
        then SQLite's bm25 rank with the symbol and title weighing more than the body.  The
        user's text is only ever a list of quoted terms (no FTS5 syntax gets through).

        A broad query (more than :data:`SEARCH_RANK_CAP` matches) is ranked among the first
        that many in index order (documents read from files, newest first, then cited ones,
        agencies, tasks); ``info["capped"]`` says so (None when every match was ranked)."""
        terms = _fts_terms(text)
        if not terms:
            return []
        filters = {"kind": kind, "type": type, "jurisdictions": jurisdictions, "issuer": issuer, "year": year}
        exact = "".join(fold(text).split())
        toned = fold(text) != text.lower()  # the user typed diacritics: "đổi" is not "đối"
        n = limit * 3 if toned else limit
        # whole words first, then the last word as a prefix too ("chuyen" -> "chuyên…"): a
        # prefix is the costly part of a query (every token it opens), so only when needed
        whole = [t.rstrip("*") for t in terms]
        capped: set[int] = set()
        rows = self._ranked(whole, filters, exact, n, capped)
        if len(rows) < n and whole != terms:
            seen = {r[0] for r in rows}
            rows += [r for r in self._ranked(terms, filters, exact, n, capped) if r[0] not in seen][: n - len(rows)]
        if info is not None:
            info["capped"] = SEARCH_RANK_CAP if capped else None
        attrs = self.node_attrs(r[0] for r in rows)
        words = regex_words(fold(text))
        out = []
        for i, k, r in rows:
            view = _search_view(attrs.get(i, {}))
            shown = view.get("text") or view.get("title") or view["label"] or ""
            parts = highlight_parts(shown, words)
            out.append({"id": i, "kind": k, "score": round(-r, 3), **view,
                        "match": "".join(f"[{p}]" if hit else p for p, hit in parts), "match_parts": parts})
        if toned:  # rows with the words as typed, diacritics and all, first (a stable sort keeps the rank)
            typed = [w.lower() for w in regex_words(text)]
            out.sort(key=lambda row: not all(w in (row["label"] or "").lower() + " " + (row.get("text") or "").lower()
                                             for w in typed))
        return out[:limit]

    def _ranked(self, terms: list[str], filters: dict, exact: str, n: int, capped: set[int]) -> list[tuple]:
        """``(id, kind, rank)`` of the best ``n`` rows matching every term: an exact
        number-symbol first, then bm25 with the symbol and title weighing more than the body,
        a document above a task that matches as well (users look for documents first)."""
        where, params = _filters(["search_fts MATCH ?"], [" ".join(terms)], **filters)
        # bm25 reads every matching row's positions: a query matching tens of thousands of rows
        # ("phat trien") ranks only the first SEARCH_RANK_CAP in index order (newest documents
        # first); a rowid bound is what FTS5 can use to stop early
        cut = self.db.execute(f"SELECT rowid FROM search_fts WHERE {' AND '.join(where)} LIMIT 1 OFFSET ?",
                              [*params, SEARCH_RANK_CAP - 1]).fetchone()
        if cut is not None:
            where.append("rowid <= ?")
            params.append(cut[0])
            capped.add(1)
        q = (f"SELECT id, kind, bm25(search_fts, 10.0, 4.0, 1.0) * "
             f"(CASE kind WHEN 'document' THEN 2.0 WHEN 'agency' THEN 1.5 ELSE 1.0 END) AS rank "
             f"FROM search_fts WHERE {' AND '.join(where)} "
             f"ORDER BY (replace(symbol, ' ', '') = ?) DESC, rank LIMIT ?")
        return self.db.execute(q, [*params, exact, n]).fetchall()

    @_guarded
    def documents(self, *, type: str | None = None, jurisdictions: set[str] | None = None,
                  issuer: str | None = None, year: int | None = None, ingested: bool = False) -> list[dict]:
        """Every document node, filtered, in id order."""
        where, params = _filters([], [], kind="document", type=type, jurisdictions=jurisdictions, issuer=issuer,
                                 year=year)
        ids = [r[0] for r in self.db.execute(f"SELECT id FROM search_fts WHERE {' AND '.join(where)} ORDER BY id", params)]
        attrs = self.node_attrs(ids)
        out = [{"id": i, **_search_view(attrs[i])} for i in ids if i in attrs]
        return [d for d in out if d["ingested"]] if ingested else out

    def _fact_version(self) -> str:
        """Changes with every write of facts (SQLite's count of the file's writes is not
        kept across connections, so the files table's content stands for it)."""
        import hashlib

        h = hashlib.sha256()
        for path, sha in self.db.execute("SELECT path, sha256 FROM files ORDER BY path"):
            h.update(f"{path}\0{sha}\n".encode())
        return h.hexdigest()[:16]

    @_guarded
    def has_merged(self) -> bool:
        """True when the indexed merged graph matches the stored facts (a store written by an
        earlier policykg has none until its next build; then queries load the whole graph)."""
        row = self.db.execute("SELECT value FROM meta WHERE key='merged'").fetchone()
        return row is not None and row[0] == str(self._fact_version())

    @_guarded
    def node_attrs(self, ids: Iterable[str]) -> dict[str, dict]:
        """The merged attributes of the given nodes (those that exist)."""
        out: dict[str, dict] = {}
        for chunk in _chunks(list(dict.fromkeys(ids))):
            q = (f"SELECT g.id, g.kind, g.attrs, t.text FROM graph_nodes AS g LEFT JOIN nodes AS n ON n.rowid = g.src "
                 f"LEFT JOIN texts AS t ON t.id = n.aid WHERE g.id IN ({','.join('?' * len(chunk))})")
            for nid, kind, attrs, row in self.db.execute(q, chunk):
                out[nid] = json.loads(attrs) if attrs is not None else _from_row(row, kind)
        return out

    def _evidence(self, items: list[tuple]) -> list[tuple]:
        """Edges ``(src, dst, key, attrs)`` with the evidence items that refer to a stored
        edge (its rowid) read back as written: path, sentence, start, end, document."""
        rows = {e for *_, d in items for e in d.get("evidence", ()) if isinstance(e, int)}
        if not rows:
            return items
        found: dict[int, tuple] = {}
        for chunk in _chunks(sorted(rows)):
            q = ('SELECT e.rowid, e.file, s.text, e.start, e."end", e.document FROM edges AS e '
                 f"JOIN texts AS s ON s.id = e.sid WHERE e.rowid IN ({','.join('?' * len(chunk))})")
            found.update((r[0], r[1:]) for r in self.db.execute(q, chunk))
        for *_, d in items:
            if "evidence" in d:
                d["evidence"] = [_evidence_item(*found[e]) if isinstance(e, int) else e for e in d["evidence"]]
        return items

    @_guarded
    def adjacent(self, ids: Iterable[str], keys: Iterable[str], *, incoming: bool = False) -> list[tuple]:
        """Edges ``(src, dst, key, attrs)`` leaving (or, ``incoming``, entering) the given
        nodes, with a relation in ``keys``; read through the index, never the whole table."""
        keys = list(keys)
        col = "dst" if incoming else "src"
        out: list[tuple] = []
        for chunk in _chunks(list(dict.fromkeys(ids))):
            q = (f"SELECT src, dst, key, attrs FROM graph_edges WHERE {col} IN ({','.join('?' * len(chunk))}) "
                 f"AND key IN ({','.join('?' * len(keys))}) ORDER BY rowid")
            out.extend((u, v, k, json.loads(a)) for u, v, k, a in self.db.execute(q, [*chunk, *keys]))
        return self._evidence(out)

    @_guarded
    def lookup(self, column: str, value: str) -> list[str]:
        """Node ids whose ``symbol`` / ``title`` (compared by :func:`lookup_key`) or
        ``path`` equals ``value``."""
        if column not in ("symbol", "title", "path"):
            raise ValueError(column)
        want = value if column == "path" else lookup_key(value)
        return [r[0] for r in self.db.execute(f"SELECT id FROM graph_nodes WHERE {column}=? ORDER BY id", (want,))]

    @_guarded
    def path_suffix(self, suffix: str) -> list[str]:
        """Document ids whose file path ends with ``/suffix``."""
        pattern = "%/" + suffix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return [r[0] for r in self.db.execute(
            "SELECT id FROM graph_nodes WHERE path LIKE ? ESCAPE '\\' ORDER BY id", (pattern,))]

    @_guarded
    def index_version(self) -> str | None:
        """What identifies the indexed merged graph's content (it changes with every build
        that changes a fact): a key for caching what is derived from the index."""
        row = self.db.execute("SELECT value FROM meta WHERE key='merged'").fetchone()
        return row[0] if row else None

    @_guarded
    def index_counts(self) -> dict[str, int]:
        """Nodes of each kind and edges in the indexed merged graph (no graph is loaded)."""
        out = {k or "document": n for k, n in self.db.execute("SELECT kind, count(*) FROM graph_nodes GROUP BY kind")}
        out["edges"] = self.db.execute("SELECT count(*) FROM graph_edges").fetchone()[0]
        return out

    @_guarded
    def index_edge_counts(self) -> dict[str, int]:
        """Edges of each relation in the indexed merged graph."""
        return dict(self.db.execute("SELECT key, count(*) FROM graph_edges GROUP BY key ORDER BY key"))

    @_guarded
    def document_graph(self) -> nx.MultiDiGraph:
        """The merged graph's document nodes (their attributes, in the graph's order) and no
        edges: what the conflict check reads, without the tasks, agencies and edges (read
        from the index when it is current, else from the whole graph)."""
        g = nx.MultiDiGraph()
        if self._graph is None and self.has_merged():
            for n, a in self.db.execute("SELECT id, attrs FROM graph_nodes WHERE kind = 'document' ORDER BY rowid"):
                g.add_node(n, **json.loads(a))
        else:
            g.add_nodes_from((n, d) for n, d in self.graph().nodes(data=True) if d.get("kind") == "document")
        return g

    @_guarded
    def overview(self, *, roots: int = 40) -> dict:
        """What a store too large to draw holds, read by SQL over the index: nodes of each
        kind per jurisdiction (the id's prefix: a province's slug, ``vn`` for central), and
        the central documents most implemented directly by other jurisdictions' documents,
        with the count per jurisdiction."""
        per: dict[str, dict[str, int]] = {}
        for j, kind, n in self.db.execute(
                "SELECT substr(id, 1, instr(id, ':') - 1) AS j, kind, count(*) FROM graph_nodes GROUP BY j, kind"):
            per.setdefault(j, {})[kind or "document"] = n
        names: dict[str, str] = {}
        for j in per:
            row = self.db.execute("SELECT attrs FROM graph_nodes WHERE id >= ? AND id < ? AND kind = 'document' LIMIT 1",
                                  (j + ":", j + ";")).fetchone()
            names[j] = (json.loads(row[0]).get("jurisdiction") if row else None) or j
        used: dict[str, dict[str, int]] = {}
        for dst, j, n in self.db.execute(
                "SELECT dst, substr(src, 1, instr(src, ':') - 1) AS j, count(*) FROM graph_edges "
                "WHERE key = 'implements' AND dst >= 'vn:' AND dst < 'vn;' AND src NOT LIKE 'vn:%' "
                "AND src NOT LIKE '%#task-%' GROUP BY dst, j"):
            used.setdefault(dst, {})[j] = n
        top = sorted(used, key=lambda d: (-sum(used[d].values()), d))[:roots]
        attrs = self.node_attrs(top)
        return {"jurisdictions": [{"slug": j, "name": names[j], "counts": per[j]} for j in sorted(per)],
                "roots": [{"id": d, "attrs": attrs.get(d, {}), "by_jurisdiction": used[d],
                           "implemented_by": sum(used[d].values())} for d in top],
                "counts": self.index_counts()}

    @_guarded
    def subgraph(self, ids: Iterable[str]) -> nx.MultiDiGraph:
        """The index's nodes ``ids`` and every edge between them."""
        ids = set(ids)
        g = nx.MultiDiGraph()
        for n, a in sorted(self.node_attrs(ids).items()):
            g.add_node(n, **a)
        every = ("implements", "part_of", "based_on", "cites", "replaces", "amends", "assigns_to")
        for u, v, k, d in self.adjacent(ids, every):
            if v in g and u in g:
                g.add_edge(u, v, key=k, **d)
        return g

    @_guarded
    def node_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM graph_nodes ORDER BY id")]

    # -- reading ---------------------------------------------------------------------
    @_guarded
    def mentions(self) -> list[dict]:
        cols = ("file", "node_id", "text", "start", "end", "date", "issuer", "sentence")
        cur = self.db.execute('SELECT m.file, m.node_id, m.text, m.start, m."end", m.date, m.issuer, s.text FROM mentions AS m '
                              "JOIN texts AS s ON s.id = m.sid ORDER BY m.file, m.start, m.rowid")
        return [dict(zip(cols, r)) for r in cur]

    @_guarded
    def unresolved(self) -> list[dict]:
        cols = ("file", "text", "start", "end", "sentence")
        cur = self.db.execute('SELECT u.file, u.text, u.start, u."end", s.text FROM unresolved AS u '
                              "JOIN texts AS s ON s.id = u.sid ORDER BY u.file, u.start, u.rowid")
        return [dict(zip(cols, r)) for r in cur]

    @_guarded
    def findings(self) -> list[dict]:
        """What extraction found wrong in the text itself (a date that cannot be a date)."""
        cols = ("file", "kind", "text", "start", "end", "sentence")
        cur = self.db.execute('SELECT f.file, f.kind, f.text, f.start, f."end", s.text FROM findings AS f '
                              "JOIN texts AS s ON s.id = f.sid ORDER BY f.file, f.start, f.rowid")
        return [dict(zip(cols, r)) for r in cur]

    def counts(self) -> dict[str, int]:
        g = self.graph()
        kinds: dict[str, int] = {}
        for _, k in g.nodes(data="kind"):
            kinds[k] = kinds.get(k, 0) + 1
        return {"files": len(self.files()), "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), **kinds}

    def forget_graph(self) -> None:
        """Drop the cached merged graph (a build keeps none once the index is written)."""
        self._graph = None

    @_guarded
    def graph(self) -> nx.MultiDiGraph:
        """The merged knowledge graph (cached until the next write)."""
        if self._graph is None:
            self._graph = _build_graph(self)
        return self._graph


def _year(date: str | None) -> str | None:
    return date[:4] if date and date[:4].isdigit() else None


#: Matches a search ranks at most (see Store.search): bm25 costs 10-20 µs a matching row
#: (bench/serve.py), so a broad query stays near 50 ms on a store of any size.
SEARCH_RANK_CAP = 2000


def _search_order(g: nx.MultiDiGraph) -> list[str]:
    """The order of the search rows, which is the order a broad query ranks them in
    (:data:`SEARCH_RANK_CAP`): documents read from files, newest first; documents only cited,
    newest first; agencies; tasks, those of the newest documents first."""
    def key(item: tuple[str, dict]) -> tuple:
        n, d = item
        kind = d.get("kind")
        if kind == "document":
            tier, date = (0 if d.get("in_corpus") else 1), d.get("date") or ""
        elif kind == "agency":
            tier, date = 2, ""
        else:
            doc = g.nodes[d["document"]] if d.get("document") in g else {}
            tier, date = 3, doc.get("date") or ""
        return (tier, "".join(chr(0x10FFFF - ord(c)) for c in date), n)  # date descending

    return [n for n, _ in sorted(g.nodes(data=True), key=key)]


def _search_rows(g: nx.MultiDiGraph) -> Iterator[tuple]:
    """One row per document, task and agency, in :func:`_search_order`: (id, kind, type,
    jurisdiction, folded issuer, year, folded symbol, folded title, folded body)."""
    for n in _search_order(g):
        d = g.nodes[n]
        kind = d.get("kind")
        if kind == "document":
            symbol = d.get("number_symbol") or ""
            title = " ".join(x for x in (d.get("type_name"), d.get("title")) if x)
            body = " ".join(x for x in (d.get("issuer"), d.get("jurisdiction"), os.path.basename(d.get("path") or "")) if x)
            yield (n, kind, d.get("type"), d.get("jurisdiction"), fold(d.get("issuer") or ""), _year(d.get("date")),
                   fold(symbol), fold(title), fold(body))
        elif kind == "task":
            names = [g.nodes[a].get("name", a) if a in g else a for a in (d.get("lead") or []) + (d.get("cooperating") or [])]
            doc = g.nodes[d["document"]] if d.get("document") in g else {}
            yield (n, kind, doc.get("type"), doc.get("jurisdiction"), fold(doc.get("issuer") or ""), _year(doc.get("date")),
                   "", fold(d.get("section") or ""), fold(" ".join([d.get("text") or "", *names])))
        elif kind == "agency":
            yield (n, kind, None, d.get("jurisdiction"), "", None, "", fold(d.get("name") or ""), "")


def _filters(where: list[str], params: list, *, kind: str | None, type: str | None,
             jurisdictions: set[str] | None, issuer: str | None, year: int | None) -> tuple[list[str], list]:
    """The WHERE terms and parameters of the search filters (values always bound)."""
    for col, value in (("kind", kind), ("type", type), ("year", str(year) if year else None)):
        if value:
            where.append(f"{col} = ?")
            params.append(value)
    if jurisdictions:
        where.append(f"jurisdiction IN ({','.join('?' * len(jurisdictions))})")
        params.extend(sorted(jurisdictions))
    if issuer:
        where.append("issuer LIKE ? ESCAPE '\\'")
        params.append("%" + fold(issuer).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    return where, params


def _fts_terms(text: str) -> list[str]:
    """The user's words as FTS5 terms: folded, split as the unicode61 tokenizer splits,
    each quoted (so `OR`, `NEAR`, `*`, `"` are words, never syntax); the last one a prefix."""
    words = regex_words(fold(text))
    terms = [f'"{w}"' for w in words]
    if terms and len(words[-1]) >= 2:
        terms[-1] += "*"
    return terms


def highlight_parts(text: str, words: list[str], width: int = 70) -> list[tuple[str, bool]]:
    """The passage of ``text`` (as written, diacritics kept) around the first of ``words``
    (folded), as (piece, is_match) pairs, "…" where it was cut.  fold() keeps an NFC text's
    length, so offsets in the folded text are offsets in the original."""
    text = " ".join(text.split())
    folded = fold(text)
    if len(folded) != len(text) or not words:
        return [(text[:2 * width], False)]
    import re

    last = len(words) - 1  # the last word is a prefix (as in the query), the others whole words
    spans = [m.span() for j, w in enumerate(words)
             for m in re.finditer(rf"(?<![^\W_]){re.escape(w)}" + ("" if j == last else r"(?![^\W_])"), folded)]
    if not spans:
        return [(text[:2 * width], False)]
    first = min(a for a, _ in spans)
    lo, hi = max(0, first - width // 2), min(len(text), first + width + width // 2)
    marks = sorted((a, b) for a, b in spans if a >= lo and b <= hi)
    out, pos = [("…", False)] if lo else [], lo
    for a, b in marks:
        if a < pos:
            continue
        out += [(text[pos:a], False), (text[a:b], True)]
        pos = b
    out.append((text[pos:hi] + ("…" if hi < len(text) else ""), False))
    return [(piece, hit) for piece, hit in out if piece]


def highlight(text: str, words: list[str], width: int = 70) -> str:
    """:func:`highlight_parts` as text, the matched words in [brackets]."""
    return "".join(f"[{piece}]" if hit else piece for piece, hit in highlight_parts(text, words, width))


def regex_words(text: str) -> list[str]:
    import re

    return re.findall(r"[^\W_]+", text)


def _search_view(d: dict) -> dict:
    """What a search result or a document listing shows of a node."""
    kind = d.get("kind")
    if kind == "task":
        return {"label": " ".join((d.get("text") or "").split())[:160], "document": d.get("document"),
                "section": d.get("section"), "text": d.get("text")}
    if kind == "agency":
        return {"label": d.get("name"), "jurisdiction": d.get("jurisdiction")}
    return {"label": " ".join(x for x in (d.get("type_name") or d.get("type"), d.get("number_symbol"), d.get("title")) if x),
            "type": d.get("type"), "number_symbol": d.get("number_symbol"), "date": d.get("date"),
            "issuer": d.get("issuer"), "jurisdiction": d.get("jurisdiction"), "title": d.get("title"),
            "ingested": bool(d.get("in_corpus")), "path": d.get("path")}


def lookup_key(text: str | None) -> str | None:
    """How a number-symbol or title is compared: without spaces, case-folded."""
    return "".join(text.split()).casefold() if text else None


def _chunks(items: list, size: int = 500) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


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


def _from_row(attrs: str, kind: str) -> dict:
    """A task's or agency's merged attributes from the one stored row they repeat."""
    d = json.loads(attrs)
    d.pop("id", None)
    d["kind"] = kind
    return d


def _evidence_item(path: str, sentence: str, start: int, end: int, document: str | None) -> dict:
    return {"path": path, "sentence": sentence, "start": start, "end": end, "document": document}


def _build_graph(store: Store, refs: dict | None = None) -> nx.MultiDiGraph:
    """The merged graph of the stored facts.  ``refs``, when given, is filled with what
    :meth:`Store.write_index` may store as references to the fact rows (see there)."""
    g = nx.MultiDiGraph()
    facts: dict[str, list[tuple[int, dict]]] = {}
    kinds: dict[str, str] = {}
    first_row: dict[str, tuple[int, int, str]] = {}  # id -> (own, rowid, attrs) of its first row, own first
    for rowid, nid, kind, own, attrs in store.db.execute(
            "SELECT n.rowid, n.id, n.kind, n.own, t.text FROM nodes AS n JOIN texts AS t ON t.id = n.aid "
            "ORDER BY n.file, n.rowid"):
        facts.setdefault(nid, []).append((own, json.loads(attrs)))
        kinds[nid] = kind
        if refs is not None and kind != "document" and (nid not in first_row or own > first_row[nid][0]):
            first_row[nid] = (own, rowid, attrs)
    nref: dict[str, int] = {}
    eref: dict[int, int] = {}
    if refs is not None:
        refs.update(node=nref, ev=eref)
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
        if nid in first_row and json.dumps(attrs) == json.dumps(_from_row(first_row[nid][2], kind)):
            nref[nid] = first_row[nid][1]
        g.add_node(nid, **attrs)
    first_row.clear()
    facts.clear()  # in the graph now
    # one string object per stored sentence, path and id, however many edges repeat it
    shared: dict = {}
    cur = store.db.execute(
        'SELECT e.rowid, e.file, e.src, e.dst, e.relation, e.role, e.sid, s.text, e.start, e."end", e.document, e.detail '
        "FROM edges AS e JOIN texts AS s ON s.id = e.sid ORDER BY e.file, e.start, e.rowid"
    )
    for rowid, file, src, dst, relation, role, sid, sentence, start, end, document, detail in cur:
        sentence = shared.setdefault(sid, sentence)
        file, document = shared.setdefault(file, file), shared.setdefault(document, document)
        src, dst = alias.get(src, src), alias.get(dst, dst)
        if src == dst:
            continue
        for n in (src, dst):
            if n not in g:
                g.add_node(n, kind="document", flags=["unknown"], in_corpus=False)
        key = relation
        ev = _evidence_item(file, sentence, start, end, document)
        if refs is not None:
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
