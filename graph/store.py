"""The embedded store: one SQLite file, and the networkx graph built from it.

Facts are kept *per source file*: each ingested file contributes its own document node,
the nodes of the documents it mentions (as that file writes them), its tasks and
agencies, its edges with evidence and its raw mentions.  Re-ingesting a changed file
replaces exactly its facts; an unchanged file (same SHA-256) is skipped, unless the rules
changed since the last build (a build keeps :func:`graph.vocab.rules_fingerprint` in
``meta``, :meth:`Store.get_meta`).  A whole build runs in one transaction, so an interrupted
or failed build leaves the previous state.

The store is put together from one module per idea: :mod:`graph.store_schema` (the tables,
the marker, migration, SQLite failures), :mod:`graph.facts` (one file's facts as rows),
:mod:`graph.merge` (the per-file facts as one graph, see there), :mod:`graph.index` (the
merged index's readers) and :mod:`graph.search` (full-text search).  Everything they
export is importable from here too.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .errors import StoreError
from .facts import MENTION_SQL, FactReader, _detail, _force_attrs, _task_attrs, fact_rows, insert_facts  # noqa: F401
from .index import MergedIndex, _chunks, _evidence_item, _from_row, lookup_key  # noqa: F401
from .store_schema import (  # noqa: F401
    _RECOVER, _SCHEMA, _TEXT_COLUMNS, UNUSED_TEXTS, APPLICATION_ID, BUSY_TIMEOUT_MS, SCHEMA_VERSION, FileTexts, _check_marker, _columns,
    _complete, _guarded, _migrate, _needs_migration, _open_readonly, _schema_statements, _text_hash, _text_id, storage_error,
)

if TYPE_CHECKING:
    import networkx as nx

    from .model import Extraction

__all__ = ["Store", "GraphStore", "default_store_path", "STORE_ENV", "DEFAULT_STORE"]

#: Names this module offers from the modules only a build, a search or the whole graph
#: needs: imported when first asked for, so that a query process does not load them.
_LAZY = {
    "merge": ("_drop_weaker_document_edges", "_merge_doc", "build_graph", "write_graph_index"),
    "merge_stream": ("write_merged_index",),
    "search": ("SEARCH_RANK_CAP", "_filters", "_fts_terms", "_search_rows", "_search_view", "_year", "highlight",
               "highlight_parts", "regex_words"),
}


def __getattr__(name: str):
    import importlib

    for module, names in _LAZY.items():
        if name in names:
            return getattr(importlib.import_module(f".{module}", __package__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

STORE_ENV = "POLICYKG_STORE"
DEFAULT_STORE = "policykg.db"


def default_store_path(explicit: str | os.PathLike | None = None) -> Path:
    """``--store``, else ``$POLICYKG_STORE``, else ``policykg.db`` in the working directory."""
    return Path(explicit or os.environ.get(STORE_ENV) or DEFAULT_STORE)


class GraphStore(Protocol):
    """What the embedded store and a server-backed store both offer to queries."""

    def graph(self) -> nx.MultiDiGraph: ...


class Store(MergedIndex):
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
                if _needs_migration(self.db):
                    self._upgrade(int(row[0]) if row else 1)
                self.db.executescript(_SCHEMA)
                _complete(self.db)
                if self.db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                    self.db.execute(f"PRAGMA application_id={APPLICATION_ID}")
                row = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
                if row is None:
                    self.db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
                self._seed_fact_token()
            row = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if row is not None and int(row[0]) != SCHEMA_VERSION:
                raise StoreError(f"{self.path}: store schema {row[0]}, this policykg reads {SCHEMA_VERSION}")
        except sqlite3.Error as exc:
            raise storage_error(self.path, exc) from None
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc.strerror or exc})") from None

    def _seed_fact_token(self) -> None:
        """Give a store its first facts token (see ``files_facts_*`` in the schema); a merged
        graph built at the files' current content stays current."""
        if self.db.execute("SELECT 1 FROM meta WHERE key='facts'").fetchone():
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            legacy = self._legacy_fact_version()
            token = self.db.execute("SELECT lower(hex(randomblob(8)))").fetchone()[0]
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('facts', ?)", (token,))
            self.db.execute("UPDATE meta SET value = (SELECT value FROM meta WHERE key='facts') "
                            "WHERE key='merged' AND value=?", (legacy,))
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise

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

    # -- meta ------------------------------------------------------------------------
    @_guarded
    def get_meta(self, key: str) -> str | None:
        """The value the store keeps under ``key`` in its ``meta`` table (None when none)."""
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    @_guarded
    def set_meta(self, key: str, value: str) -> None:
        """Keep ``value`` under ``key`` in the ``meta`` table (call inside a transaction)."""
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

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
        return FileTexts(self.db).unpack(row[0]) if row else None

    @_guarded
    def remove_file(self, path: str) -> None:
        """Withdraw every fact of one source file."""
        row = self.db.execute("SELECT id, n0, n1, e0, e1 FROM files WHERE path=?", (str(path),)).fetchone()
        if row is None:
            return
        fid, *spans = row
        deletes = [(f"DELETE FROM {t} WHERE rowid BETWEEN ? AND ? AND fid=?", (lo, hi, fid))
                   for t, lo, hi in (("fact_nodes", *spans[:2]), ("fact_edges", *spans[2:])) if lo is not None]
        deletes += [(f"DELETE FROM {t} WHERE fid=?", (fid,)) for t in ("fact_mentions", "fact_unresolved", "fact_findings")]
        for sql, args in deletes:
            if self.db.execute(sql, args).rowcount:
                self._withdrawn = True  # texts and names only its rows used go at the next save_merged
        self.db.execute("DELETE FROM files WHERE id=?", (fid,))
        self._graph = None

    @_guarded
    def ingest(self, ex: Extraction, *, force: bool = False) -> str:
        """Store one extraction, replacing the facts of the same file.

        Args:
            ex: one file's extraction.
            force: replace the file's facts even when its text is unchanged (same SHA-256):
                the rules it was extracted with changed.

        Returns:
            "unchanged", "added" or "updated".
        """
        doc = ex.document
        path = doc.path
        old = self.file_hash(path)
        if old == doc.sha256 and not force:
            return "unchanged"
        self.remove_file(path)
        now = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
        self.db.execute("INSERT INTO files (path, sha256, doc_id, ingested_at, text) VALUES (?,?,?,?,?)",
                        (path, doc.sha256, doc.id, now, FileTexts(self.db).pack(doc.text)))
        insert_facts(self.db, fact_rows(ex), text=(path, doc.text))
        self._graph = None
        return "updated" if old else "added"

    # -- the merged graph, indexed ------------------------------------------------------
    @_guarded
    def save_merged(self) -> None:
        """Write the merged graph into ``merged_nodes`` / ``merged_edges`` / the search rows
        (call inside the build's transaction, after the last ingest): queries then read only
        what they need.  Streamed (:func:`graph.merge_stream.write_merged_index`): a build's
        memory does not grow with the corpus; :meth:`graph` builds the networkx graph when a
        caller asks for it."""
        if self._withdrawn:
            self.db.execute(UNUSED_TEXTS)
            self.db.execute("DELETE FROM names WHERE id NOT IN (SELECT nid FROM fact_nodes UNION SELECT src FROM fact_edges "
                            "UNION SELECT dst FROM fact_edges UNION SELECT rel FROM fact_edges "
                            "UNION SELECT nid FROM fact_mentions)")
            self._withdrawn = False
        from .merge_stream import write_merged_index

        write_merged_index(self.db)  # the merge in SQL, one node and one pair at a time: no graph is built
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('merged', ?)", (self._fact_version(),))
        self._graph = None

    @_guarded
    def write_index(self, g: nx.MultiDiGraph, *, current: bool = False, refs: dict | None = None) -> None:
        """Replace the indexed graph tables with ``g`` (the merged graph; a test or benchmark
        may write a generated graph here).  ``current``: mark it as matching the stored facts,
        so that queries use it.  ``refs`` (from :func:`graph.merge.build_graph`): the stored
        rows the merged graph repeats, written as references instead (see
        :func:`graph.merge.write_graph_index`)."""
        from .merge import write_graph_index

        write_graph_index(self.db, g, refs)
        if current:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('merged', ?)", (self._fact_version(),))

    # -- search ----------------------------------------------------------------------
    @_guarded
    def search(self, text: str, *, kind: str | None = None, type: str | None = None,
               jurisdictions: set[str] | None = None, issuer: str | None = None, year: int | None = None,
               limit: int = 20, info: dict | None = None) -> list[dict]:
        """Documents, tasks and agencies matching every word of ``text``, best first
        (:func:`graph.search.search`, ranking at most :data:`SEARCH_RANK_CAP` matches)."""
        from .search import SEARCH_RANK_CAP, search

        cap = globals().get("SEARCH_RANK_CAP", SEARCH_RANK_CAP)  # a cap set on this module wins
        return search(self.db, self.node_attrs, text, kind=kind, type=type, jurisdictions=jurisdictions,
                      issuer=issuer, year=year, limit=limit, info=info, cap=cap)

    @_guarded
    def documents(self, *, type: str | None = None, jurisdictions: set[str] | None = None,
                  issuer: str | None = None, year: int | None = None, ingested: bool = False) -> list[dict]:
        """Every document node, filtered, in id order."""
        from .search import documents

        return documents(self.db, self.node_attrs, type=type, jurisdictions=jurisdictions, issuer=issuer,
                          year=year, ingested=ingested)

    # -- reading ---------------------------------------------------------------------
    @_guarded
    def mentions(self) -> list[dict]:
        reader = FactReader(self.db)
        return [reader.mention(r) for r in self.db.execute(f"{MENTION_SQL} ORDER BY m.file, m.start, m.rowid")]

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
            from .merge import build_graph

            self._graph = build_graph(self.db)
        return self._graph



def _build_graph(store: Store, refs: dict | None = None) -> nx.MultiDiGraph:
    """:func:`graph.merge.build_graph` of ``store``'s facts (the name earlier code used)."""
    from .merge import build_graph

    return build_graph(store.db, refs)
