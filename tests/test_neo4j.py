"""Bolt push and Cypher queries against a real FalkorDB server (tests/support/bolt.py).

Each test writes to its own database (a FalkorDB graph), so tests do not see each other's
data.  The graph is built by hand following graph/model.py (``sample_graph``: ten documents,
tasks, agencies, every relation kind, Vietnamese text, evidence, long strings), and the
synthetic layered corpus of policykg/synth.py serves the differential lineage test.
"""

from __future__ import annotations

import copy
import re
from collections import Counter

import networkx as nx
import pytest

from graph.bolt import (
    FLAVOR_FALKORDB,
    MAX_STATEMENT_BYTES,
    connect,
    detect_flavor,
    ensure_schema,
    server_counts,
)
from graph.cypher import NODE_LABELS, REL_TYPES
from graph.errors import StoreError
from graph.ids import agency_id, doc_id, task_id
from graph.neo4j_push import push_graph, push_graph_row_by_row
from graph.model import Relation
from queries.cypher import impact_cypher, load_query, tasks_by_agency_cypher, trace_tops_cypher
from queries.lineage import impact, trace_tops
from tests.support.bolt import BoltServer, free_port
from policykg.synth import make_graph

HT = "Hà Tĩnh"
SRC = "data/corpus/002_05e3fa0bd3f85029.txt"
#: FalkorDB 4.16 over Bolt serves one graph for every database name (and another when none
#: is given), so tests cannot isolate by name: each test empties that graph first.
DB = "policykg_test"

#: A sentence longer than FalkorDB's Bolt message limit, so that it is written in pieces.
LONG_SENTENCE = ("Thực hiện Nghị quyết số 29-NQ/TW ngày 17/11/2022 của Ban Chấp hành Trung ương "
                 "Đảng khóa XIII về tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước; ") * 40
#: A task text longer still, with every Vietnamese tone mark.
LONG_TEXT = "Sở Công Thương chủ trì, phối hợp với các sở, ban, ngành: ắằẳẵặ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự. " * 80


_SERVER: list[BoltServer] = []


def fresh_db() -> str:
    """The test database, emptied of nodes and relationships."""
    return _SERVER[0].clear(DB)


@pytest.fixture(autouse=True)
def _remember_server(request):
    if "bolt_server" in request.fixturenames:
        _SERVER[:] = [request.getfixturevalue("bolt_server")]


def _ev(sentence: str, start: int, document: str | None = None) -> dict:
    return {"path": SRC, "sentence": sentence, "start": start, "end": start + len(sentence),
            "document": document}


def _doc(G: nx.MultiDiGraph, node: str, type_: str, number_symbol: str | None,
         jurisdiction: str, title: str, **extra) -> str:
    G.add_node(node, kind="document", type=type_, number_symbol=number_symbol,
               date=extra.pop("date", None), issuer=extra.pop("issuer", None),
               jurisdiction=jurisdiction, title=title, in_corpus=extra.pop("in_corpus", False),
               path=extra.pop("path", None), flags=extra.pop("flags", []), **extra)
    return node


def _edge(G: nx.MultiDiGraph, u: str, v: str, relation: Relation, sentence: str,
          start: int = 0, **attrs) -> None:
    G.add_edge(u, v, key=relation.value, relation=relation.value,
               evidence=[_ev(sentence, start, u)], **attrs)


def sample_graph() -> nx.MultiDiGraph:
    """Ten documents (central, Party, State, provincial, a law, a year-unknown decree), four
    tasks, four agencies (one unit), every relation kind, Vietnamese text and evidence."""
    G = nx.MultiDiGraph()
    nq29 = _doc(G, doc_id("central", "29-NQ/TW", 2022), "NQ", "29-NQ/TW", "central",
                "Nghị quyết về tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước",
                date="2022-11-17", issuer="Ban Chấp hành Trung ương")
    kh13 = _doc(G, doc_id("central", "13-KH/TW", 2023), "KH", "13-KH/TW", "central",
                "Kế hoạch thực hiện Nghị quyết 29-NQ/TW", issuer="Bộ Chính trị")
    nqcp = _doc(G, doc_id("central", "88/NQ-CP", 2023), "NQ", "88/NQ-CP", "central",
                "Chương trình hành động của Chính phủ", issuer="Chính phủ")
    luat = _doc(G, doc_id("central", "Luật Đất đai", 2024), "Luật", None, "central",
                "Luật Đất đai", flags=["named"])
    nd35 = _doc(G, doc_id("central", "35/2022/NĐ-CP", None), "NĐ", "35/2022/NĐ-CP", "central",
                "Nghị định quy định về quản lý khu công nghiệp và khu kinh tế")
    ctr26 = _doc(G, doc_id(HT, "26-CTr/TU", 2023), "CTr", "26-CTr/TU", HT,
                 "CHƯƠNG TRÌNH HÀNH ĐỘNG thực hiện Nghị quyết số 29-NQ/TW", issuer="Tỉnh ủy Hà Tĩnh")
    kh154 = _doc(G, doc_id(HT, "154/KH-UBND", 2023), "KH", "154/KH-UBND", HT,
                 "Kế hoạch triển khai thực hiện Chương trình hành động số 26-CTr/TU",
                 date="2023-05-05", issuer="Ủy ban nhân dân tỉnh Hà Tĩnh", in_corpus=True, path=SRC,
                 flags=["ambiguous", "đã ký"])
    kh_old = _doc(G, doc_id(HT, "278/KH-UBND", 2021), "KH", "278/KH-UBND", HT,
                  "Kế hoạch cũ về phát triển công nghiệp")
    qd = _doc(G, doc_id(HT, "15/2018/QĐ-UBND", 2018), "QĐ", "15/2018/QĐ-UBND", HT,
              "Quy định quản lý cụm công nghiệp")
    draft = _doc(G, doc_id(HT, "/CTr-KKT", None), "CTr", None, HT,
                 "Chương trình của Ban Quản lý Khu kinh tế", flags=["unnumbered", "draft"])

    sct = agency_id(HT, "Sở Công Thương")
    skhdt = agency_id(HT, "Sở Kế hoạch và Đầu tư")
    bql = agency_id(HT, "Ban Quản lý Khu kinh tế")
    phong = agency_id(HT, "Phòng Quản lý đầu tư")
    for node, name, group, parent in [
        (sct, "Sở Công Thương", False, None), (skhdt, "Sở Kế hoạch và Đầu tư", False, None),
        (bql, "Ban Quản lý Khu kinh tế", False, None), (phong, "Phòng Quản lý đầu tư", False, bql),
    ]:
        G.add_node(node, kind="agency", name=name, jurisdiction=HT, group=group, parent=parent)

    tasks = []
    for n, (text, section, deadline) in enumerate([
        ("Rà soát, sửa đổi, bổ sung các cơ chế, chính sách thu hút đầu tư", "II.1.a",
         {"text": "Quý II/2023", "start": "2023-04-01", "end": "2023-06-30", "recurring": None,
          "kind": "interval"}),
        (LONG_TEXT, "II.1.b", {"text": "trước ngày 19 hàng tháng", "start": None, "end": None,
                               "recurring": "FREQ=MONTHLY;BYMONTHDAY=19", "kind": "recurring"}),
        ("Tham mưu UBND tỉnh ban hành Quy định quản lý cụm công nghiệp (thay thế Quyết định "
         "số 15/2018/QĐ-UBND)", "II.2", None),
        ("Báo cáo kết quả thực hiện định kỳ", "III", {"text": "Nhiệm vụ thường xuyên",
                                                      "start": None, "end": None,
                                                      "recurring": None, "kind": "ongoing"}),
    ], start=1):
        t = task_id(kh154, n)
        G.add_node(t, kind="task", text=text, section=section, document=kh154,
                   lead=[sct], cooperating=[skhdt] if n % 2 else [], deadline=deadline,
                   approval_level="UBND tỉnh" if n == 3 else None, start=100 * n,
                   end=100 * n + len(text), inferred=n == 4)
        tasks.append(t)

    _edge(G, kh13, nq29, Relation.IMPLEMENTS, "Kế hoạch 13-KH/TW thực hiện Nghị quyết 29-NQ/TW")
    _edge(G, nqcp, nq29, Relation.IMPLEMENTS, "Chương trình hành động thực hiện Nghị quyết 29")
    _edge(G, ctr26, nq29, Relation.IMPLEMENTS, LONG_SENTENCE, 40)
    _edge(G, kh154, ctr26, Relation.IMPLEMENTS, "Triển khai thực hiện Chương trình hành động số "
          "26-CTr/TU", 310)
    _edge(G, kh154, kh13, Relation.IMPLEMENTS, "thực hiện Kế hoạch số 13-KH/TW", 420)
    _edge(G, kh154, nd35, Relation.BASED_ON, "Căn cứ Nghị định số 35/2022/NĐ-CP;", 12)
    _edge(G, kh154, luat, Relation.CITES, "theo quy định tại Luật Đất đai", 900)
    _edge(G, kh154, kh_old, Relation.REPLACES, "Kế hoạch này thay thế Kế hoạch số 278/KH-UBND", 990)
    _edge(G, kh154, qd, Relation.AMENDS, "sửa đổi, bổ sung một số điều của Quyết định số "
          "15/2018/QĐ-UBND", 1200)
    _edge(G, draft, kh154, Relation.IMPLEMENTS, "Thực hiện Kế hoạch số 154/KH-UBND", 5)
    # a second evidence item on one edge
    G[kh154][ctr26]["implements"]["evidence"].append(_ev("cụ thể hóa Chương trình 26", 1500))
    for t in tasks:
        _edge(G, t, kh154, Relation.PART_OF, "II. NHIỆM VỤ VÀ GIẢI PHÁP", 200)
        _edge(G, t, sct, Relation.ASSIGNS_TO, "Sở Công Thương chủ trì", 210, role="lead")
    _edge(G, tasks[0], skhdt, Relation.ASSIGNS_TO, "phối hợp với Sở Kế hoạch và Đầu tư", 230,
          role="cooperating")
    _edge(G, tasks[2], phong, Relation.ASSIGNS_TO, "Đơn vị chủ trì: Phòng Quản lý đầu tư", 260,
          role="cooperating")
    _edge(G, phong, bql, Relation.PART_OF, "Phòng Quản lý đầu tư thuộc Ban Quản lý", 270)
    return G


def expected_counts(G: nx.MultiDiGraph) -> dict:
    """Nodes per kind label and relationships per type, as the server should hold them."""
    labels = Counter(NODE_LABELS[d["kind"]] for _, d in G.nodes(data=True))
    for _, d in G.nodes(data=True):
        if d["kind"] == "document" and re.fullmatch(r"[^\W\d_]\w*", d.get("type") or ""):
            labels[d["type"]] += 1
    types = Counter(REL_TYPES[d["relation"]] for _, _, d in G.edges(data=True))
    return {"nodes": dict(sorted(labels.items())), "relationships": dict(sorted(types.items())),
            "total_nodes": G.number_of_nodes(), "total_relationships": G.number_of_edges()}


def push(server: BoltServer, G: nx.MultiDiGraph, db: str, **kwargs):
    return push_graph(G, server.uri, server.user, server.password, db, **kwargs)


def counts(server: BoltServer, db: str) -> dict:
    return server_counts(server.uri, server.user, server.password, db)


@pytest.fixture
def driver(bolt_server):
    drv = connect(bolt_server.uri, bolt_server.user, bolt_server.password)
    yield drv
    drv.close()


# ---------------------------------------------------------------- push


def test_sample_graph_has_every_relation():
    G = sample_graph()
    assert {d["relation"] for _, _, d in G.edges(data=True)} == {r.value for r in Relation}


def test_push_twice_gives_graph_counts(bolt_server):
    G, db = sample_graph(), fresh_db()
    first = push(bolt_server, G, db)
    assert (first.nodes_created, first.rels_created) == (G.number_of_nodes(), G.number_of_edges())
    after_first = counts(bolt_server, db)
    assert after_first == expected_counts(G)
    second = push(bolt_server, G, db)
    assert second.rows_written == 0
    assert counts(bolt_server, db) == after_first


def test_incremental_push_touches_only_the_changed_node(bolt_server, driver):
    G, db = sample_graph(), fresh_db()
    push(bolt_server, G, db)
    node = doc_id(HT, "278/KH-UBND", 2021)
    G.nodes[node]["title"] = "Kế hoạch đã được sửa tiêu đề"
    stats = push(bolt_server, G, db)
    assert (stats.nodes_created, stats.nodes_updated, stats.nodes_deleted) == (0, 1, 0)
    assert (stats.rels_created, stats.rels_updated, stats.rels_deleted) == (0, 0, 0)
    with driver.session(database=db) as session:
        title = session.run("MATCH (n:Document {id: $id}) RETURN n.title AS t", id=node).single()
    assert title["t"] == "Kế hoạch đã được sửa tiêu đề"


def test_incremental_push_of_edge_change_removal_and_addition(bolt_server):
    G, db = sample_graph(), fresh_db()
    push(bolt_server, G, db)
    kh154, luat = doc_id(HT, "154/KH-UBND", 2023), doc_id("central", "Luật Đất đai", 2024)
    G[kh154][luat]["cites"]["evidence"][0]["start"] += 1  # one edge changes
    draft = doc_id(HT, "/CTr-KKT", None)
    G.remove_node(draft)  # one node and its one edge go
    G.add_node("vn:57-NQ/TW:2024", kind="document", type="NQ", number_symbol="57-NQ/TW",
               jurisdiction="central", title="Nghị quyết về đột phá phát triển khoa học")
    stats = push(bolt_server, G, db)
    assert (stats.nodes_created, stats.nodes_updated, stats.nodes_deleted) == (1, 0, 1)
    assert (stats.rels_created, stats.rels_updated, stats.rels_deleted) == (0, 1, 1)
    assert counts(bolt_server, db) == expected_counts(G)


def test_document_type_change_moves_the_type_label(bolt_server, driver):
    G, db = sample_graph(), fresh_db()
    push(bolt_server, G, db)
    node = doc_id(HT, "278/KH-UBND", 2021)
    G.nodes[node]["type"] = "CTr"
    push(bolt_server, G, db)
    with driver.session(database=db) as session:
        labels = session.run("MATCH (n:Document {id: $id}) RETURN labels(n) AS l", id=node).single()
    assert sorted(labels["l"]) == ["CTr", "Document"]
    assert counts(bolt_server, db) == expected_counts(G)


def test_full_push_rewrites_every_row(bolt_server):
    G, db = sample_graph(), fresh_db()
    push(bolt_server, G, db)
    stats = push(bolt_server, G, db, incremental=False)
    assert (stats.nodes_updated, stats.rels_updated) == (G.number_of_nodes(), G.number_of_edges())
    assert stats.nodes_created == stats.rels_created == 0
    assert counts(bolt_server, db) == expected_counts(G)


def test_progress_reaches_total(bolt_server):
    G, seen = sample_graph(), []
    push(bolt_server, G, fresh_db(), batch_size=3, progress=lambda done, total: seen.append((done, total)))
    total = G.number_of_nodes() + G.number_of_edges()
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_batches_are_bounded_by_count_and_size(bolt_server):
    G = sample_graph()
    small = push(bolt_server, G, fresh_db(), batch_size=2)
    large = push(bolt_server, G, fresh_db(), batch_size=500)
    assert small.rows_written == large.rows_written == G.number_of_nodes() + G.number_of_edges()
    assert small.statements > large.statements
    assert MAX_STATEMENT_BYTES[FLAVOR_FALKORDB] is not None


def test_row_by_row_push_matches_batched(bolt_server):
    G, db = sample_graph(), fresh_db()
    stats = push_graph_row_by_row(G, bolt_server.uri, bolt_server.user, bolt_server.password, db)
    rows = G.number_of_nodes() + G.number_of_edges()
    assert stats.statements >= rows
    assert counts(bolt_server, db) == expected_counts(G)
    assert push(bolt_server, G, db).rows_written == 0  # same hashes as the batched push


def test_vietnamese_and_long_values_round_trip(bolt_server, driver):
    G, db = sample_graph(), fresh_db()
    push(bolt_server, G, db)
    kh154, ctr26 = doc_id(HT, "154/KH-UBND", 2023), doc_id(HT, "26-CTr/TU", 2023)
    long_task = task_id(kh154, 2)
    with driver.session(database=db) as session:
        doc = session.run("MATCH (n:Document {id: $id}) RETURN n", id=kh154).single()["n"]
        task = session.run("MATCH (n:Task {id: $id}) RETURN n.text AS text, "
                           "n.deadline_recurring AS rr", id=long_task).single()
        rel = session.run("MATCH (a:Document {id: $a})-[e:IMPLEMENTS]->(b:Document) "
                          "WHERE b.id = $b RETURN e", a=ctr26,
                          b=doc_id("central", "29-NQ/TW", 2022)).single()["e"]
        pair = session.run("MATCH (a:Document {id: $a})-[e:IMPLEMENTS]->(b:Document {id: $b}) "
                           "RETURN e", a=kh154, b=ctr26).single()["e"]
    data = G.nodes[kh154]
    assert doc["title"] == data["title"] and doc["issuer"] == "Ủy ban nhân dân tỉnh Hà Tĩnh"
    assert doc["flags"] == ["ambiguous", "đã ký"] and doc["in_corpus"] is True
    assert doc["id"] == kh154 and doc["number_symbol"] == "154/KH-UBND"
    assert task["text"] == LONG_TEXT and task["rr"] == "FREQ=MONTHLY;BYMONTHDAY=19"
    assert rel["evidence_sentence"] == [LONG_SENTENCE]
    assert rel["evidence_start"] == [40] and rel["evidence_end"] == [40 + len(LONG_SENTENCE)]
    evidence = G[kh154][ctr26]["implements"]["evidence"]
    assert pair["evidence_sentence"] == [e["sentence"] for e in evidence]
    assert pair["evidence_start"] == [e["start"] for e in evidence]
    assert pair["evidence_document"] == [kh154, ""]  # None is stored as ""


def test_assigns_to_keeps_role(bolt_server, driver):
    G, db = sample_graph(), fresh_db()
    push(bolt_server, G, db)
    with driver.session(database=db) as session:
        rows = session.run("MATCH (t:Task)-[e:ASSIGNS_TO]->(a:Agency) "
                           "RETURN t.id AS t, a.id AS a, e.role AS role").data()
    expected = {(u, v, d["role"]) for u, v, d in G.edges(data=True) if d["relation"] == "assigns_to"}
    assert {(r["t"], r["a"], r["role"]) for r in rows} == expected


def test_schema_is_created_once(bolt_server, driver):
    db = fresh_db()
    flavor = detect_flavor(driver, db)
    assert flavor == FLAVOR_FALKORDB
    with driver.session(database=db) as session:
        first = ensure_schema(session, flavor)
        second = ensure_schema(session, flavor)
        indexes = session.run("CALL db.indexes()").data()
    assert first >= 1 and second == 1  # the second run only reads db.indexes()
    assert sorted(row["label"] for row in indexes if "id" in row["properties"]) == sorted(
        NODE_LABELS.values())


def test_bad_schema_raises_store_error(bolt_server):
    G = sample_graph()
    G.add_node("x", kind="person")
    with pytest.raises(StoreError, match="'x': kind 'person'"):
        push(bolt_server, G, fresh_db())


# ---------------------------------------------------------------- connection errors


def test_wrong_port_is_one_line_store_error():
    port = free_port()
    with pytest.raises(StoreError) as info:
        connect(f"bolt://127.0.0.1:{port}", "neo4j", "secret")
    message = str(info.value)
    assert message.startswith(f"bolt://127.0.0.1:{port}: cannot reach the server")
    assert "\n" not in message


@pytest.mark.parametrize("uri", [
    "http://127.0.0.1:7687",    # not a Bolt scheme
    "bolt://",                  # no host
    "bolt://127.0.0.1:notaport",  # port is not a number
    "127.0.0.1:7687",           # no scheme at all
])
def test_bad_uri_is_one_line_store_error(uri):
    with pytest.raises(StoreError) as info:
        connect(uri, "neo4j", "secret")
    assert str(info.value).startswith(f"{uri}: not a Bolt URI")
    assert "\n" not in str(info.value)


def _refuses_a_client_without_password(server: BoltServer) -> bool:
    """Whether a server started with a password turns away a Bolt client that sends none."""
    try:
        connect(server.uri, server.user, "").close()
    except StoreError:
        return True
    return False


def test_wrong_password_keeps_the_server_closed():
    """Only meaningful where the server enforces its password: FalkorDB 4.16 lets a Bolt
    client that sends no password read and write despite ``requirepass`` (README, Neo4j
    section), so there a refused wrong password proves nothing and the test is skipped."""
    with BoltServer(password="đúng-mật-khẩu") as server:
        if not _refuses_a_client_without_password(server):
            pytest.skip("FalkorDB does not enforce requirepass on Bolt (a client sending no "
                        "password gets in), so a wrong-password test proves nothing here")
        good = connect(server.uri, server.user, "đúng-mật-khẩu")
        good.close()
        for wrong in ("sai", ""):
            with pytest.raises(StoreError) as info:
                connect(server.uri, server.user, wrong)
            message = str(info.value)
            assert message.startswith(f"{server.uri}: ") and "'falkordb'" in message
            assert "\n" not in message
        with pytest.raises(StoreError):
            push_graph(sample_graph(), server.uri, server.user, "sai", DB)


def test_refused_credentials_are_one_line_store_error():
    """How a refusal reads, not whether the server is closed (see above): FalkorDB refuses
    a wrong non-empty password, with a generic error on the first query."""
    with BoltServer(password="đúng-mật-khẩu") as server:
        with pytest.raises(StoreError) as info:
            connect(server.uri, server.user, "sai")
        message = str(info.value)
        assert message.startswith(f"{server.uri}: ") and "'falkordb'" in message
        assert "password" in message and "\n" not in message
        with pytest.raises(StoreError, match="password"):
            push_graph(sample_graph(), server.uri, server.user, "sai", DB)


# ---------------------------------------------------------------- Cypher queries


def test_cypher_files_have_no_shortest_path():
    for name in ("trace", "impact", "tasks_by_agency"):
        assert "shortestPath" not in load_query(name) and "//" not in load_query(name)


def _lineage_differential(driver, G: nx.MultiDiGraph, db: str) -> None:
    with driver.session(database=db) as session:
        for node in G:
            assert trace_tops_cypher(session, node) == trace_tops(G, node), node
            assert impact_cypher(session, node) == impact(G, node), node


def test_trace_and_impact_equal_networkx_on_sample(bolt_server, driver):
    G, db = sample_graph(), fresh_db()
    push(bolt_server, G, db)
    _lineage_differential(driver, G, db)
    kh154 = doc_id(HT, "154/KH-UBND", 2023)
    assert trace_tops_cypher(driver, kh154, database=db) == {doc_id("central", "29-NQ/TW", 2022)}


def test_trace_and_impact_on_a_cycle(bolt_server, driver):
    G = nx.MultiDiGraph()
    for n in "abcd":
        G.add_node(n, kind="document", type="KH", jurisdiction=HT)
    for u, v in [("a", "b"), ("b", "c"), ("c", "b"), ("d", "a")]:
        _edge(G, u, v, Relation.IMPLEMENTS, "thực hiện")
    db = fresh_db()
    push(bolt_server, G, db)
    _lineage_differential(driver, G, db)
    assert impact_cypher(driver, "b", database=db) == {"a", "c", "d"}


def test_trace_and_impact_equal_networkx_on_synthetic_corpus(bolt_server, driver):
    G, db = make_graph(150, seed=7), fresh_db()
    push(bolt_server, G, db)
    assert counts(bolt_server, db) == expected_counts(G)
    _lineage_differential(driver, G, db)


def test_tasks_by_agency_equals_graph(bolt_server, driver):
    G, db = sample_graph(), fresh_db()
    push(bolt_server, G, db)
    sct = agency_id(HT, "Sở Công Thương")
    rows = tasks_by_agency_cypher(driver, "sở công thương", database=db)
    expected = sorted(u for u, v, d in G.edges(data=True)
                      if d["relation"] == "assigns_to" and v == sct)
    assert [r["task"] for r in rows] == expected
    assert {r["role"] for r in rows} == {"lead"}
    assert {r["document"] for r in rows} == {doc_id(HT, "154/KH-UBND", 2023)}
    first = task_id(doc_id(HT, "154/KH-UBND", 2023), 1)
    assert next(r for r in rows if r["task"] == first)["deadline"] == "Quý II/2023"
    assert tasks_by_agency_cypher(driver, sct, database=db) == rows
    assert tasks_by_agency_cypher(driver, "Sở Không Có", database=db) == []


def test_synthetic_graph_copy_is_unchanged_by_push(bolt_server):
    G = make_graph(20, seed=2)
    before = copy.deepcopy(G)
    push(bolt_server, G, fresh_db())
    assert nx.utils.graphs_equal(G, before)
    assert all(G.nodes[n] == before.nodes[n] for n in G)
