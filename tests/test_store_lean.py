"""The lean store (issue 11 point 3): each fact once, an older store migrated in place with
the same answers, the conflict check without the whole graph, the size on a generated corpus."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from graph.errors import StoreError
from graph.store import SCHEMA_VERSION, Store
from policykg.pipeline import build_corpus, store_conflicts
from policykg.synth import write_corpus
from queries.conflicts import find_conflicts

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
REALDOCS = Path("/work/shared/realdocs")


def _build(paths, db: Path) -> None:
    with Store(db) as s:
        build_corpus(paths, s, workers=1)


def _answers(db: Path) -> dict:
    """What queries see: the merged graph, the index, the fact rows and the conflicts."""
    with Store(db, readonly=True) as s:
        g = s.graph()
        ids = s.node_ids()
        every = ("implements", "part_of", "based_on", "cites", "replaces", "amends", "assigns_to")
        return {
            "nodes": [[n, d] for n, d in g.nodes(data=True)],
            "edges": [[u, v, k, d] for u, v, k, d in g.edges(keys=True, data=True)],
            "index": [ids, s.node_attrs(ids), s.adjacent(ids, every), s.adjacent(ids, every, incoming=True)],
            "facts": [s.mentions(), s.unresolved(), s.findings()],
            "conflicts": [c.to_dict() for c in store_conflicts(s)],
        }


def _to_schema_1(db: Path) -> None:
    """Rewrite a store as policykg wrote it before schema 2: every sentence and attribute JSON
    in its row, no ``texts`` table, the merged graph's tables in their old form."""
    with Store(db, readonly=True) as s:
        ids = s.node_ids()
        attrs = s.node_attrs(ids)
        every = ("implements", "part_of", "based_on", "cites", "replaces", "amends", "assigns_to")
        nodes = [(i, *s.db.execute("SELECT kind, symbol, path, title FROM graph_nodes WHERE id=?", (i,)).fetchone(),
                  json.dumps(attrs[i], ensure_ascii=False)) for i in ids]
        edges = [(u, v, k, json.dumps(d, ensure_ascii=False)) for u, v, k, d in s.adjacent(ids, every)]
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for table, new, old in (("edges", "sid", "sentence"), ("mentions", "sid", "sentence"),
                            ("unresolved", "sid", "sentence"), ("findings", "sid", "sentence"), ("nodes", "aid", "attrs")):
        cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
        sel = ", ".join(f"(SELECT text FROM texts WHERE id = t.{new}) AS {old}" if c == new else f't."{c}"' for c in cols)
        con.execute(f"CREATE TABLE {table}_old AS SELECT {sel} FROM {table} AS t ORDER BY t.rowid")
        con.execute(f"DROP TABLE {table}")
        con.execute(f"ALTER TABLE {table}_old RENAME TO {table}")
        con.execute(f"CREATE INDEX {table}_file ON {table}(file)")
    con.execute("CREATE INDEX nodes_id ON nodes(id)")
    con.execute("DROP TABLE texts")
    con.execute("DROP TABLE graph_nodes")
    con.execute("DROP TABLE graph_edges")
    con.execute("CREATE TABLE graph_nodes (id TEXT PRIMARY KEY, kind TEXT NOT NULL, symbol TEXT, path TEXT, "
                "title TEXT, attrs TEXT NOT NULL)")
    con.execute("CREATE TABLE graph_edges (src TEXT NOT NULL, dst TEXT NOT NULL, key TEXT NOT NULL, attrs TEXT NOT NULL)")
    con.executemany("INSERT INTO graph_nodes VALUES (?,?,?,?,?,?)", nodes)
    con.executemany("INSERT INTO graph_edges VALUES (?,?,?,?)", edges)
    con.execute("UPDATE meta SET value='1' WHERE key='schema'")
    con.execute("VACUUM")
    con.close()


def test_a_schema_1_store_is_migrated_in_place_with_the_same_answers(tmp_path, capsys):
    db = tmp_path / "kg.db"
    _build([CORPUS], db)
    before = _answers(db)
    _to_schema_1(db)
    capsys.readouterr()
    with Store(db, readonly=True) as s:  # a query on an old store upgrades it once
        assert s.has_merged()
    err = capsys.readouterr().err
    assert "schema 1" in err and f"migrated to schema {SCHEMA_VERSION}" in err and str(db) in err
    assert json.loads(json.dumps(_answers(db))) == json.loads(json.dumps(before))
    with Store(db) as s:
        assert "sentence" not in {r[1] for r in s.db.execute("PRAGMA table_info(edges)")}
    assert capsys.readouterr().err == ""  # once
    with Store(db) as s:  # and it builds on as any store
        report = build_corpus([CORPUS], s, workers=1)
    assert len(report.unchanged) == len(list(CORPUS.iterdir()))


def test_a_store_of_a_newer_schema_is_refused_untouched(tmp_path):
    db = tmp_path / "kg.db"
    _build([CORPUS], db)
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("UPDATE meta SET value=? WHERE key='schema'", (str(SCHEMA_VERSION + 1),))
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = db.read_bytes()
    for readonly in (False, True):
        with pytest.raises(StoreError, match=f"store schema {SCHEMA_VERSION + 1}, this policykg reads {SCHEMA_VERSION}"):
            Store(db, readonly=readonly)
    assert db.read_bytes() == data


def test_each_sentence_and_attribute_text_is_stored_once(tmp_path):
    db = tmp_path / "kg.db"
    _build([CORPUS], db)
    with Store(db, readonly=True) as s:
        q = s.db.execute
        assert q("SELECT count(*) FROM texts").fetchone() == q("SELECT count(DISTINCT text) FROM texts").fetchone()
        # a task's assigns_to edges share the sentence of its part_of edge: its text, once
        shared = q("SELECT count(*), sum(a.sid = p.sid) FROM edges AS a JOIN edges AS p ON p.src = a.src AND "
                   "p.file = a.file AND p.relation = 'part_of' WHERE a.relation = 'assigns_to'").fetchone()
        assert shared[0] > 0 and shared[0] == shared[1]
        # an agency named by several files alike is one attribute text
        many = q("SELECT id, count(*), count(DISTINCT aid) FROM nodes WHERE kind = 'agency' GROUP BY id "
                 "HAVING count(*) > 1").fetchall()
        assert many and all(n_aid == 1 for _, _, n_aid in many)
        # the merged graph's evidence points at the stored edges instead of repeating them
        ev = [e for (a,) in q("SELECT attrs FROM graph_edges") for e in json.loads(a).get("evidence", [])]
        assert ev and all(isinstance(e, int) for e in ev)


def test_withdrawn_texts_leave_the_store(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    files = sorted(CORPUS.iterdir())
    for f in files:
        (corpus / f.name).write_bytes(f.read_bytes())
    db = tmp_path / "kg.db"
    _build([corpus], db)
    (corpus / files[0].name).unlink()
    _build([corpus], db)
    fresh = tmp_path / "fresh.db"
    _build([corpus], fresh)
    with Store(db, readonly=True) as a, Store(fresh, readonly=True) as b:
        texts = "SELECT text FROM texts ORDER BY text"
        assert a.db.execute(texts).fetchall() == b.db.execute(texts).fetchall()


def test_the_conflict_check_from_the_index_equals_the_one_on_the_whole_graph(tmp_path):
    db = tmp_path / "kg.db"
    pages = sorted(REALDOCS.glob("*.md"))[:40] if REALDOCS.is_dir() else []
    _build([CORPUS, *pages], db)
    with Store(db, readonly=True) as s:
        assert s.has_merged()
        indexed = [c.to_dict() for c in store_conflicts(s)]
        whole = [c.to_dict() for c in find_conflicts(s.graph(), s.mentions(), s.unresolved(), s.findings())]
    assert indexed and indexed == whole


def test_store_size_per_input_byte_on_a_generated_corpus(tmp_path):
    """The same facts in the schema-1 layout (every sentence and attribute JSON in its row,
    the merged graph's evidence and attributes written out) take a third more room; on 500
    generated plans 15.3 bytes of store per input byte then, 10.3 now."""
    files, _ = write_corpus(tmp_path / "gen", 120, seed=3)
    db = tmp_path / "kg.db"
    _build([tmp_path / "gen"], db)
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("VACUUM")
    con.close()
    lean = db.stat().st_size
    _to_schema_1(db)
    assert lean < 0.75 * db.stat().st_size, (lean, db.stat().st_size)
    assert lean < 16 * sum(f.stat().st_size for f in files)
