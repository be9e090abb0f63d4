"""The store's file: its SQLite schema, the marker that says a file is a policykg store,
read-only opening, the migration of stores an earlier policykg wrote, and SQLite failures
as one plain sentence.  Every other store module writes and reads the tables named here.
"""

from __future__ import annotations

import functools
import os
import sqlite3
from pathlib import Path

from .errors import StoreError

__all__ = ["SCHEMA_VERSION", "APPLICATION_ID", "BUSY_TIMEOUT_MS", "storage_error"]

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
-- What the stored facts are at: a fresh random token in meta 'facts' on every change to
-- ``files`` (each file's facts are written with its row), so that a query can tell in one
-- lookup whether the merged graph is current (meta 'merged' holds the token it was built at).
CREATE TRIGGER IF NOT EXISTS files_facts_ins AFTER INSERT ON files BEGIN INSERT OR REPLACE INTO meta VALUES ('facts', lower(hex(randomblob(8)))); END;
CREATE TRIGGER IF NOT EXISTS files_facts_upd AFTER UPDATE ON files BEGIN INSERT OR REPLACE INTO meta VALUES ('facts', lower(hex(randomblob(8)))); END;
CREATE TRIGGER IF NOT EXISTS files_facts_del AFTER DELETE ON files BEGIN INSERT OR REPLACE INTO meta VALUES ('facts', lower(hex(randomblob(8)))); END;
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


def _guarded(method):
    """SQLite failures of a store method become one :class:`StoreError` naming the store."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise storage_error(self.path, exc) from None

    return wrapper

