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

__all__ = ["SCHEMA_VERSION", "APPLICATION_ID", "BUSY_TIMEOUT_MS", "MARKS", "storage_error"]

# 2: each evidence sentence and each node's attributes as a file states them stored once
# (``texts``); the merged graph's evidence refers to the stored edges by rowid.
# 3: each fact once and small (issue 11 point 3): files and node ids as integers (``files.id``,
# ``names``) in every fact and merged table, a file's text compressed, an evidence sentence
# that is a slice of its file's text as that span, a node's attributes as values under a
# shared key list (a task's text as its span), the search index contentless; the schema-2
# tables' names stay as views for readers of the store's SQL.
# 4: a merged document whose attributes are its own file's row refers to that row, as tasks
# and agencies do; its date and marks are columns (what the conflict check selects by SQL);
# no index of node facts by node; a mention's text and sentence as spans of its file's text;
# the search rows' filters once per set (``search_facets``).
SCHEMA_VERSION = 4
# SQLite's header field for "which application's file is this" (bytes 68-71): b"pKG1".
# A file without it is written to only when it holds policykg's own tables (stores made
# before the marker); any other SQLite file is refused before the first write.
APPLICATION_ID = 0x704B4731
# How long a query waits for a build's commit (or checkpoint) before "database is locked".
BUSY_TIMEOUT_MS = 60_000
_RECOVER = ("move it aside and rebuild it with `policykg build` on the same folders "
            "(SQLite's `.recover` can save what is readable)")

#: Drops the stored texts no fact uses (a node's attributes name their key list first).
UNUSED_TEXTS = ("DELETE FROM texts WHERE id NOT IN (SELECT sid FROM fact_edges WHERE sid IS NOT NULL "
                "UNION SELECT sid FROM fact_mentions WHERE sid IS NOT NULL UNION SELECT sid FROM fact_unresolved "
                "UNION SELECT sid FROM fact_findings UNION SELECT aid FROM fact_nodes "
                "UNION SELECT json_extract(t.text, '$[0]') FROM texts AS t WHERE t.id IN (SELECT aid FROM fact_nodes))")

#: A merged document's ``marks`` (bits): read from a file (``in_corpus``), flagged
#: ``ambiguous``, its page's metadata box gives a number or date (``reported_number_symbol``,
#: ``reported_date``).
MARKS = {"in_corpus": 1, "ambiguous": 2, "box": 4}

#: A merged edge's attributes (``g``: a ``merged_edges`` row, ``k`` its relation's name):
#: written out only when they are more than the relation, one evidence rowid and a role.
EDGE_ATTRS_SQL = ("coalesce(g.attrs, '{\"relation\": ' || json_quote(k.name) || ', \"evidence\": [' || g.ev || ']' || "
                  "CASE WHEN g.role IS NULL THEN '' ELSE ', \"role\": ' || json_quote(g.role) END || '}')")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- A file's normalized text is zlib-compressed UTF-8 (a BLOB, with the preset dictionary kept
-- in meta 'zdict'; see FileTexts); a TEXT value is read as it is.
-- A file's node and edge facts are the rows n0..n1 of fact_nodes and e0..e1 of fact_edges
-- (written together, in one run of rowids): what withdrawing it deletes, without an index.
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL, doc_id TEXT NOT NULL,
    ingested_at TEXT NOT NULL, text BLOB NOT NULL, n0 INTEGER, n1 INTEGER, e0 INTEGER, e1 INTEGER
);
-- Every node id and relation name once; fact and merged tables refer to them by number.
CREATE TABLE IF NOT EXISTS names (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
-- Every node's attributes (graph.facts: a JSON array, a key list's id then the values), every
-- key list and every sentence that is no slice of its file once: an agency or a cited
-- document is described alike by every file naming it.  Keyed by a 64-bit hash of the text.
CREATE TABLE IF NOT EXISTS texts (id INTEGER PRIMARY KEY, hash INTEGER UNIQUE, text TEXT NOT NULL);
-- One file's facts (fid: files.id; nid, src, dst, rel: names.id; no index by node: the merge
-- reads them all, and queries read the merged index).  A node's attributes in
-- ``texts`` (aid), a task's text as the span c0:c1 of the file's text; an edge's sentence as
-- a span of the file's text (s0:s1, or its own start:end when s0 is NULL) unless stored
-- (sid); its document NULL when it is the file's.
CREATE TABLE IF NOT EXISTS fact_nodes (
    fid INTEGER NOT NULL, nid INTEGER NOT NULL, kind TEXT NOT NULL, own INTEGER NOT NULL, aid INTEGER NOT NULL,
    c0 INTEGER, c1 INTEGER
);
CREATE TABLE IF NOT EXISTS fact_edges (
    fid INTEGER NOT NULL, src INTEGER NOT NULL, dst INTEGER NOT NULL, rel INTEGER NOT NULL, role TEXT,
    sid INTEGER, s0 INTEGER, s1 INTEGER, start INTEGER NOT NULL, "end" INTEGER NOT NULL, document TEXT, detail TEXT
);
CREATE TABLE IF NOT EXISTS fact_findings (
    fid INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, sid INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS fact_findings_fid ON fact_findings(fid);
-- A mention's text NULL when it is the span start:end of the file's text; its sentence a span
-- as an edge's is (s0:s1, or start:end when s0 and sid are NULL) unless stored (sid).
CREATE TABLE IF NOT EXISTS fact_mentions (
    fid INTEGER NOT NULL, nid INTEGER NOT NULL, text TEXT, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, date TEXT, issuer TEXT, sid INTEGER, s0 INTEGER, s1 INTEGER
);
CREATE INDEX IF NOT EXISTS fact_mentions_fid ON fact_mentions(fid);
CREATE TABLE IF NOT EXISTS fact_unresolved (
    fid INTEGER NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    sid INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS fact_unresolved_fid ON fact_unresolved(fid);
-- The merged graph (what Store.graph() builds), written at the end of every build in the
-- same transaction, so that a query reads only the nodes and edges it needs; pos is the
-- graph's order.  A node whose merged attributes are those of one stored row (a task, an
-- agency one file names, a document as its own file states it) keeps ``attrs`` NULL and
-- that row's rowid in ``src``.  A document's date and marks (MARKS: read from a file,
-- flagged ambiguous, a metadata box) are columns: what the conflict check selects by SQL
-- without decoding every document.  An edge's
-- evidence items that are numbers are rowids of ``fact_edges`` (one item and no attribute
-- but a role: ``ev`` and ``role``, ``attrs`` NULL).  The edges are kept in (src, key) order
-- (the table is its own index out of a node; pos is the graph's order).
CREATE TABLE IF NOT EXISTS merged_nodes (
    pos INTEGER PRIMARY KEY, nid INTEGER NOT NULL UNIQUE, kind TEXT NOT NULL, symbol TEXT, path TEXT, title TEXT,
    attrs TEXT, src INTEGER, date TEXT, marks INTEGER
);
CREATE INDEX IF NOT EXISTS merged_nodes_symbol ON merged_nodes(symbol) WHERE symbol IS NOT NULL;
CREATE INDEX IF NOT EXISTS merged_nodes_path ON merged_nodes(path) WHERE path IS NOT NULL;
CREATE INDEX IF NOT EXISTS merged_nodes_title ON merged_nodes(title) WHERE title IS NOT NULL;
CREATE TABLE IF NOT EXISTS merged_edges (
    src INTEGER NOT NULL, key INTEGER NOT NULL, pos INTEGER NOT NULL, dst INTEGER NOT NULL, role TEXT,
    ev INTEGER, attrs TEXT, PRIMARY KEY (src, key, pos)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS merged_edges_in ON merged_edges(dst, key);
-- What the stored facts are at: a fresh random token in meta 'facts' on every change to
-- ``files`` (each file's facts are written with its row), so that a query can tell in one
-- lookup whether the merged graph is current (meta 'merged' holds the token it was built at).
CREATE TRIGGER IF NOT EXISTS files_facts_ins AFTER INSERT ON files BEGIN INSERT OR REPLACE INTO meta VALUES ('facts', lower(hex(randomblob(8)))); END;
CREATE TRIGGER IF NOT EXISTS files_facts_upd AFTER UPDATE ON files BEGIN INSERT OR REPLACE INTO meta VALUES ('facts', lower(hex(randomblob(8)))); END;
CREATE TRIGGER IF NOT EXISTS files_facts_del AFTER DELETE ON files BEGIN INSERT OR REPLACE INTO meta VALUES ('facts', lower(hex(randomblob(8)))); END;
-- Full-text search over documents (number-symbol, type, title, issuer), tasks (text, lead)
-- and agencies (name), in folded form (Store.search): SQLite's FTS5 without a copy of the
-- text (contentless); each row's id and symbol in ``search_items`` (same rowid), its filters
-- (kind, type, jurisdiction, issuer, year: a few thousand sets) once in ``search_facets``;
-- the view ``search_rows`` joins them.
CREATE TABLE IF NOT EXISTS search_facets (
    id INTEGER PRIMARY KEY, kind TEXT, type TEXT, jurisdiction TEXT, issuer TEXT, year TEXT
);
CREATE TABLE IF NOT EXISTS search_items (rowid INTEGER PRIMARY KEY, nid INTEGER NOT NULL, facet INTEGER NOT NULL, symbol TEXT);
CREATE VIEW IF NOT EXISTS search_rows (rowid, nid, kind, type, jurisdiction, issuer, year, symbol) AS
    SELECT i.rowid, i.nid, f.kind, f.type, f.jurisdiction, f.issuer, f.year, i.symbol
    FROM search_items AS i JOIN search_facets AS f ON f.id = i.facet;
CREATE VIRTUAL TABLE IF NOT EXISTS search_text USING fts5(symbol, title, body, content = '', tokenize = 'unicode61');
-- The schema-2 tables, as views: what other readers of the store's SQL select.
CREATE VIEW IF NOT EXISTS nodes (rowid, file, id, kind, own, fid, enc, c0, c1) AS
    SELECT n.rowid, f.path, m.name, n.kind, n.own, n.fid, (SELECT text FROM texts WHERE id = n.aid), n.c0, n.c1
    FROM fact_nodes AS n JOIN files AS f ON f.id = n.fid JOIN names AS m ON m.id = n.nid;
CREATE VIEW IF NOT EXISTS edges (rowid, file, src, dst, relation, role, start, "end", document, detail) AS
    SELECT e.rowid, f.path, a.name, b.name, r.name, e.role, e.start, e."end", coalesce(e.document, f.doc_id), e.detail
    FROM fact_edges AS e JOIN files AS f ON f.id = e.fid JOIN names AS a ON a.id = e.src JOIN names AS b ON b.id = e.dst
    JOIN names AS r ON r.id = e.rel;
CREATE VIEW IF NOT EXISTS mentions (rowid, file, node_id, text, start, "end", date, issuer, sid, fid, s0, s1) AS
    SELECT m.rowid, f.path, n.name, m.text, m.start, m."end", m.date, m.issuer, m.sid, m.fid, m.s0, m.s1
    FROM fact_mentions AS m JOIN files AS f ON f.id = m.fid JOIN names AS n ON n.id = m.nid;
CREATE VIEW IF NOT EXISTS unresolved (rowid, file, text, start, "end", sid) AS
    SELECT u.rowid, f.path, u.text, u.start, u."end", u.sid FROM fact_unresolved AS u JOIN files AS f ON f.id = u.fid;
CREATE VIEW IF NOT EXISTS findings (rowid, file, kind, text, start, "end", sid) AS
    SELECT x.rowid, f.path, x.kind, x.text, x.start, x."end", x.sid FROM fact_findings AS x JOIN files AS f ON f.id = x.fid;
CREATE VIEW IF NOT EXISTS graph_nodes (rowid, id, kind, symbol, path, title, attrs, src, date, marks) AS
    SELECT g.pos, m.name, g.kind, g.symbol, g.path, g.title, g.attrs, g.src, g.date, g.marks
    FROM merged_nodes AS g JOIN names AS m ON m.id = g.nid;
CREATE VIEW IF NOT EXISTS graph_edges (rowid, src, dst, key, attrs) AS
    SELECT g.pos, a.name, b.name, k.name, @EDGE_ATTRS@
    FROM merged_edges AS g JOIN names AS a ON a.id = g.src JOIN names AS b ON b.id = g.dst JOIN names AS k ON k.id = g.key;
""".replace("@EDGE_ATTRS@", EDGE_ATTRS_SQL)


def _schema_statements(schema: str = _SCHEMA) -> list[str]:
    """A schema one statement at a time (``executescript`` would commit a migration's
    transaction half-way)."""
    body = "\n".join(ln for ln in schema.splitlines() if not ln.lstrip().startswith("--"))
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


def _name_id(db: sqlite3.Connection, name: str, cache: dict[str, int]) -> int:
    """The number of a node id or relation name in ``names``, added when new."""
    nid = cache.get(name)
    if nid is None:
        row = db.execute("SELECT id FROM names WHERE name=?", (name,)).fetchone()
        nid = row[0] if row else db.execute("INSERT INTO names (name) VALUES (?)", (name,)).lastrowid
        cache[name] = nid
    return nid


def _zdict_seed() -> bytes:
    """The words policykg's rule tables know (their TOML files, the last 32 KB): the start of
    the preset dictionary a new store compresses its files' texts with (a short plan shares
    many phrases with them; :meth:`FileTexts.zdict`).  Kept in the store, so that later
    tables do not change how stored texts read."""
    import importlib.resources

    from .vocab import RULE_PACKAGES

    parts = [f.read_bytes() for package in RULE_PACKAGES
             for f in sorted(importlib.resources.files(package).iterdir(), key=lambda f: f.name)
             if f.name.endswith(".toml")]
    return b"".join(parts)[-32768:]


class FileTexts:
    """The files' texts of one connection, compressed as stored (``files.text``) and read
    back, the last few kept (a reader goes file by file)."""

    def __init__(self, db: sqlite3.Connection, keep: int = 16):
        self.db = db
        self.keep = keep
        self._zdict: bytes | None = None
        self._files: dict[int, tuple[str, str, bytes | str]] = {}
        self._texts: dict[int, str] = {}

    def zdict(self, first: bytes | None = None) -> bytes:
        """The store's preset dictionary, made and kept at the ``first`` file's text stored:
        the rule tables' words and that text, the last 32 KB (the files of one store share
        their forms and phrases: files 0.50 -> 0.31 bytes per input byte on generated plans,
        0.25 -> 0.23 on real pages)."""
        if self._zdict is None:
            row = self.db.execute("SELECT value FROM meta WHERE key='zdict'").fetchone()
            if row is None and first is not None:
                self.db.execute("INSERT INTO meta VALUES ('zdict', ?)", ((_zdict_seed() + first)[-32768:],))
                row = self.db.execute("SELECT value FROM meta WHERE key='zdict'").fetchone()
            if row is None:
                return b""
            self._zdict = bytes(row[0])
        return self._zdict

    def pack(self, text: str) -> bytes:
        import zlib

        data = text.encode("utf-8")
        c = zlib.compressobj(6, zdict=self.zdict(first=data))
        return c.compress(data) + c.flush()

    def unpack(self, stored: bytes | str) -> str:
        if isinstance(stored, str):
            return stored
        import zlib

        d = zlib.decompressobj(zdict=self.zdict())
        return (d.decompress(stored) + d.flush()).decode("utf-8")

    def file(self, fid: int) -> tuple[str, str, bytes | str]:
        """``(path, doc_id, stored text)`` of stored file ``fid``."""
        got = self._files.get(fid)
        if got is None:
            got = self.db.execute("SELECT path, doc_id, text FROM files WHERE id=?", (fid,)).fetchone()
            if len(self._files) >= self.keep:
                self._files.pop(next(iter(self._files)))
            self._files[fid] = got
        return got

    def text(self, fid: int) -> str:
        """The text of stored file ``fid``."""
        got = self._texts.get(fid)
        if got is None:
            got = self.unpack(self.file(fid)[2])
            if len(self._texts) >= self.keep:
                self._texts.pop(next(iter(self._texts)))
            self._texts[fid] = got
        return got


# The fact tables of schemas 1 and 2 (then tables, now views), their columns in the order
# graph.facts.fact_rows gives them, and the column that held a text (schema 1: the text;
# schema 2: its ``texts`` id).
_OLD_FACTS = {
    "nodes": ("file, id, kind, own", "attrs", "aid", ""),
    "edges": ("file, src, dst, relation, role", "sentence", "sid", 'start, "end", document, detail'),
    "mentions": ('file, node_id, text, start, "end", date, issuer', "sentence", "sid", ""),
    "unresolved": ('file, text, start, "end"', "sentence", "sid", ""),
    "findings": ('file, kind, text, start, "end"', "sentence", "sid", ""),
}
_TEXT_COLUMNS = {t: cols[1] for t, cols in _OLD_FACTS.items()}


def _columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}


def _old_rows(db: sqlite3.Connection, table: str) -> sqlite3.Cursor:
    """A schema-1 or -2 fact table's rows (renamed ``{table}_old``) as
    :func:`graph.facts.fact_rows` gives them, in file then row order, read as they are used
    (SQLite sorts them on disk, as its temporary storage is)."""
    head, text, ref, tail = _OLD_FACTS[table]
    cols = _columns(db, f"{table}_old")
    pick = f"t.{text}" if text in cols else f"(SELECT text FROM texts_old WHERE id = t.{ref})"
    sel = ", ".join(x for x in (", ".join(f"t.{c.strip()}" for c in head.split(",")), pick,
                                ", ".join(f"t.{c.strip()}" for c in tail.split(",") if c.strip())) if x)
    return db.execute(f"SELECT {sel} FROM {table}_old AS t ORDER BY t.file, t.rowid")


class _InFileOrder:
    """An old fact table's rows (file first, in file order), taken a batch of files at a time."""

    def __init__(self, cur: sqlite3.Cursor):
        self.cur = cur
        self.head = next(cur, None)

    def upto(self, last: str | None) -> list[tuple]:
        """The rows of the files up to ``last`` (a path; None: every row left)."""
        out = []
        while self.head is not None and (last is None or self.head[0] <= last):
            out.append(self.head)
            self.head = next(self.cur, None)
        return out


#: Files (with their facts) a migration reads and writes at a time: its memory is a batch's.
_MIGRATE_BATCH = 200


def _complete(db: sqlite3.Connection) -> None:
    """A schema-3 store written before ``files`` kept its facts' rowids (n0..e1) gets them
    (its facts were indexed by file then)."""
    if "n0" in _columns(db, "files"):
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        for col in ("n0", "n1", "e0", "e1"):
            db.execute(f"ALTER TABLE files ADD COLUMN {col} INTEGER")
        db.execute("UPDATE files SET n0 = (SELECT min(rowid) FROM fact_nodes WHERE fid = files.id), "
                   "n1 = (SELECT max(rowid) FROM fact_nodes WHERE fid = files.id), "
                   "e0 = (SELECT min(rowid) FROM fact_edges WHERE fid = files.id), "
                   "e1 = (SELECT max(rowid) FROM fact_edges WHERE fid = files.id)")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def _needs_migration(db: sqlite3.Connection) -> bool:
    """A store of an earlier schema: 1 or 2 (its ``edges`` is a table, not the view), or 3."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE name='edges' AND type='table'").fetchone() is not None:
        return True
    if db.execute("SELECT 1 FROM sqlite_master WHERE name='meta' AND type='table'").fetchone() is None:
        return False
    row = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
    return row is not None and int(row[0]) < SCHEMA_VERSION


def _migrate(db: sqlite3.Connection) -> bool:
    """Bring a store written by an earlier policykg (schema 1, 2 or 3) up to this schema,
    inside the caller's transaction.  Returns True when the merged graph must be written
    again (it always must: the caller writes it, streamed, as a build does)."""
    if not _needs_migration(db):
        return False
    if db.execute("SELECT 1 FROM sqlite_master WHERE name='edges' AND type='table'").fetchone() is not None:
        _migrate_facts(db)
    else:
        _migrate_merged(db)
    db.execute("DELETE FROM meta WHERE key='merged'")
    db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
    return True


def _migrate_merged(db: sqlite3.Connection) -> None:
    """Schema 3: its facts stay as they are (without their index by node) but for the
    mentions, written again a batch at a time with their text and sentence as spans; the
    merged index gains a document's date and marks (the caller writes the index again)."""
    from .facts import respan_mentions

    db.execute("DROP INDEX IF EXISTS fact_nodes_nid")
    db.execute("DROP VIEW IF EXISTS mentions")
    db.execute("DROP INDEX IF EXISTS fact_mentions_fid")
    db.execute("ALTER TABLE fact_mentions RENAME TO fact_mentions_old")
    for st in _schema_statements():
        if "fact_mentions" in st and "VIEW" not in st:
            db.execute(st)
    respan_mentions(db, "fact_mentions_old", _MIGRATE_BATCH)
    cols = _columns(db, "merged_nodes")
    for col in ("date TEXT", "marks INTEGER"):
        if col.split()[0] not in cols:
            db.execute(f"ALTER TABLE merged_nodes ADD COLUMN {col}")
    db.execute("DROP VIEW IF EXISTS graph_nodes")
    kind = db.execute("SELECT type FROM sqlite_master WHERE name = 'search_rows'").fetchone()
    if kind is not None:  # a table in schema 3; a view of search_items and search_facets now
        db.execute(f"DROP {kind[0].upper()} search_rows")
    for st in _schema_statements():
        db.execute(st)


def _migrate_facts(db: sqlite3.Connection) -> None:
    """Schema 1 or 2: the facts are read from the old tables and written again as a build
    writes them, a batch of files at a time (every old table read in file order alongside),
    so that memory does not grow with the store."""
    from .facts import insert_facts

    if "detail" not in _columns(db, "edges"):
        db.execute("ALTER TABLE edges ADD COLUMN detail TEXT")
    old = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name IN "
                                    "('files', 'texts', 'nodes', 'edges', 'mentions', 'unresolved', 'findings')")]
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL "
                              "AND tbl_name IN ('files', 'texts', 'nodes', 'edges', 'mentions', 'unresolved', "
                              "'findings', 'graph_nodes', 'graph_edges')").fetchall():
        kind = db.execute("SELECT type FROM sqlite_master WHERE name=?", (name,)).fetchone()[0]
        db.execute(f'DROP {kind.upper()} "{name}"')
    for table in old:
        db.execute(f"ALTER TABLE {table} RENAME TO {table}_old")
    for table in ("graph_nodes", "graph_edges", "search_fts"):
        db.execute(f"DROP TABLE IF EXISTS {table}")
    for st in _schema_statements():
        db.execute(st)
    texts = FileTexts(db)
    facts = {t: _InFileOrder(_old_rows(db, t)) for t in _OLD_FACTS if t in old}
    files = db.execute("SELECT path, sha256, doc_id, ingested_at, text FROM files_old ORDER BY path")
    while batch := files.fetchmany(_MIGRATE_BATCH):
        db.executemany("INSERT INTO files (path, sha256, doc_id, ingested_at, text) VALUES (?,?,?,?,?)",
                       [(*r[:4], texts.pack(r[4])) for r in batch])
        insert_facts(db, {t: rows.upto(batch[-1][0]) for t, rows in facts.items()})
    insert_facts(db, {t: rows.upto(None) for t, rows in facts.items()})  # a fact of no stored file fails here
    files.close()
    for rows in facts.values():
        rows.cur.close()
    for table in old:
        db.execute(f"DROP TABLE {table}_old")


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

