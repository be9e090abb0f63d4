"""The merge a build writes (graph.merge_stream, SQL, one node and one pair at a time) is the
reference merge (graph.merge.build_graph, networkx) written into the index, row for row: on
the seed corpus, on a generated one and on hand-made facts with every rule the corpora may
not reach (a dateless mention folded or ambiguous, an unknown end, a self-loop after the
fold, a weaker link dropped).  And a query that reads the index never imports networkx."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.merge import build_graph, write_graph_index
from graph.merge_stream import write_merged_index
from graph.store import Store
from factories import store_of_facts
from policykg.pipeline import build_corpus
from policykg.synth import write_corpus

ROOT = Path(__file__).resolve().parent.parent


def _dump(s: Store) -> dict[str, list]:
    """The merged index as written: its nodes and edges (by name), the search rows and every
    term of the (contentless) full-text index, where it stands."""
    s.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, search_text, 'instance')")
    out = {t: s.db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in ("graph_nodes", "graph_edges")}
    out["search_rows"] = s.db.execute("SELECT rowid, * FROM search_rows ORDER BY rowid").fetchall()
    out["search_terms"] = s.db.execute("SELECT * FROM temp.search_terms ORDER BY doc, col, offset").fetchall()
    return out


def _both(s: Store) -> tuple[dict, dict]:
    """The index as the networkx merge writes it, and as the streaming merge does."""
    with s.transaction():
        refs: dict = {}
        write_graph_index(s.db, build_graph(s.db, refs), refs)
        reference = _dump(s)
        write_merged_index(s.db)
        streamed = _dump(s)
    return reference, streamed


def _row(file, nid, kind, own, **attrs):
    return (file, nid, kind, own, json.dumps({"id": nid, **attrs}, ensure_ascii=False))


def _edge(file, src, dst, rel, start, role=None, detail=None):
    return (file, src, dst, rel, role, f"câu {start} của {file}", start, start + 5, src.split("#")[0],
            json.dumps(detail) if detail else None)


# Two files, each citing documents as it writes them: "a" states vn:1/QĐ-TTg:2020 as its own,
# both mention it dateless (folded into it), a dateless 9/KH with two dated candidates stays
# (ambiguous), "b" links the same pair twice (implements beats cites), a task is assigned to
# an agency only "b" describes, and an edge ends at a node no file describes (unknown).
FACTS = {
    "a.txt": {
        "nodes": [_row("a.txt", "vn:1/QĐ-TTg:2020", "document", 1, number_symbol="1/QĐ-TTg", date="2020-01-02",
                       title="Quyết định một", in_corpus=True, path="a.txt", type="QĐ", issuer="Thủ tướng"),
                  _row("a.txt", "vn:1/QĐ-TTg:?", "document", 0, number_symbol="1/QĐ-TTg", flags=["dateless"],
                       title="QĐ 1 (dateless)"),
                  _row("a.txt", "vn:9/KH-UBND:2019", "document", 0, number_symbol="9/KH-UBND", date="2019-03-04"),
                  _row("a.txt", "vn:9/KH-UBND:?", "document", 0, number_symbol="9/KH-UBND", flags=["dateless"]),
                  _row("a.txt", "vn:1/QĐ-TTg:2020#task-1", "task", 1, text="Xây dựng kế hoạch chuyển đổi số",
                       document="vn:1/QĐ-TTg:2020", lead=["vn:agency:so-tttt"], cooperating=["vn:agency:khac"],
                       section="I.1")],
        "edges": [_edge("a.txt", "vn:1/QĐ-TTg:2020", "vn:9/KH-UBND:?", "based_on", 10),
                  _edge("a.txt", "vn:1/QĐ-TTg:2020", "vn:1/QĐ-TTg:?", "cites", 20),  # a self-loop once folded
                  _edge("a.txt", "vn:1/QĐ-TTg:2020#task-1", "vn:1/QĐ-TTg:2020", "part_of", 30),
                  _edge("a.txt", "vn:1/QĐ-TTg:2020#task-1", "vn:agency:so-tttt", "assigns_to", 30, role="lead"),
                  _edge("a.txt", "vn:1/QĐ-TTg:2020#task-1", "vn:agency:khac", "assigns_to", 30, role="cooperating")],
    },
    "b.txt": {
        "nodes": [_row("b.txt", "ha-noi:5/KH-UBND:2021", "document", 1, number_symbol="5/KH-UBND", date="2021-05-06",
                       in_corpus=True, path="b.txt", type="KH"),
                  _row("b.txt", "vn:1/QĐ-TTg:?", "document", 0, number_symbol="1/QĐ-TTg", issuer="TTg",
                       flags=["dateless"]),
                  _row("b.txt", "vn:9/KH-UBND:2018", "document", 0, number_symbol="9/KH-UBND", date="2018-01-01"),
                  _row("b.txt", "vn:agency:so-tttt", "agency", 0, name="Sở Thông tin và Truyền thông",
                       jurisdiction="central")],
        "edges": [_edge("b.txt", "ha-noi:5/KH-UBND:2021", "vn:1/QĐ-TTg:?", "cites", 5),
                  _edge("b.txt", "ha-noi:5/KH-UBND:2021", "vn:1/QĐ-TTg:2020", "implements", 8,
                        detail={"mode": "whole"}),
                  _edge("b.txt", "ha-noi:5/KH-UBND:2021", "vn:1/QĐ-TTg:?", "cites", 12),
                  _edge("b.txt", "ha-noi:5/KH-UBND:2021", "vn:3/NQ-CP:2015", "replaces", 15),
                  _edge("b.txt", "vn:3/NQ-CP:2015", "vn:1/QĐ-TTg:2020", "amends", 16)],
    },
}


@pytest.fixture()
def hand_made(tmp_path) -> Store:
    s = store_of_facts(tmp_path / "kg.db", FACTS)
    yield s
    s.close()


def test_the_streaming_merge_writes_the_reference_merge_on_hand_made_facts(hand_made):
    reference, streamed = _both(hand_made)
    assert streamed == reference
    nodes = {r[1]: r for r in streamed["graph_nodes"]}
    assert "vn:1/QĐ-TTg:?" not in nodes  # folded into the one dated document
    assert json.loads(nodes["vn:9/KH-UBND:?"][6])["flags"] == ["ambiguous", "dateless"]
    assert json.loads(nodes["vn:3/NQ-CP:2015"][6])["flags"] == ["unknown"]
    assert nodes["vn:agency:so-tttt"][6] is None and nodes["vn:agency:so-tttt"][7] is not None  # a reference
    edges = [(r[1], r[2], r[3]) for r in streamed["graph_edges"]]
    assert ("ha-noi:5/KH-UBND:2021", "vn:1/QĐ-TTg:2020", "implements") in edges
    assert ("ha-noi:5/KH-UBND:2021", "vn:1/QĐ-TTg:2020", "cites") not in edges
    implements = json.loads(next(r[4] for r in streamed["graph_edges"] if r[3] == "implements"))
    assert implements["mode"] == "whole" and len(implements["evidence"]) == 3  # the two citations' too
    assert not any(u == v for u, v, _ in edges)


def test_the_streaming_merge_writes_the_reference_merge_on_the_seed_corpus(tmp_path):
    with Store(tmp_path / "kg.db") as s:
        build_corpus([ROOT / "data" / "corpus"], s, workers=1)
        reference, streamed = _both(s)
    assert streamed == reference and len(streamed["graph_nodes"]) > 100


def test_the_streaming_merge_writes_the_reference_merge_on_a_generated_corpus(tmp_path):
    write_corpus(tmp_path / "gen", 150, seed=3)
    with Store(tmp_path / "kg.db") as s:
        build_corpus([tmp_path / "gen"], s, workers=1)
        reference, streamed = _both(s)
    assert streamed == reference and len(streamed["graph_edges"]) > 500


def test_a_build_writes_the_streamed_index_and_keeps_no_graph(hand_made):
    with hand_made.transaction():
        hand_made.save_merged()
    assert hand_made._graph is None
    assert hand_made.db.execute("SELECT name FROM sqlite_temp_master").fetchall() == []  # its tables are gone
    reference, streamed = _both(hand_made)
    assert streamed == reference


def test_reading_the_index_does_not_import_networkx(seed_store):
    """Opening a store read-only and calling the index readers and search loads no networkx
    (about half of a query's start-up)."""
    code = (
        "import sys\n"
        "from graph.store import Store\n"
        f"s = Store({str(seed_store)!r}, readonly=True)\n"
        "ids = s.node_ids()\n"
        "s.node_attrs(ids[:20]); s.adjacent(ids[:20], ['implements', 'part_of']); s.adjacent(ids[:5], ['cites'], incoming=True)\n"
        "s.lookup('symbol', '29-NQ/TW'); s.path_suffix('x.txt'); s.index_counts(); s.index_edge_counts(); s.overview()\n"
        "s.search('ke hoach'); s.documents(); s.has_merged(); s.index_version(); s.mentions(); s.files()\n"
        "print('networkx' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"
