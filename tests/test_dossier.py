"""queries.dossier on the seed corpus: what one document's page and report show, read through
the store's index, equal to the same thing on the whole graph."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graph.errors import NotFound
from graph.ids import fold
from graph.store import Store
from policykg.cli import cli
from queries.dossier import dossier

PLAN = "ha-tinh:154/KH-UBND:2023"
ROOT = "vn:29-NQ/TW:2022"
DAY = "2026-12-06"
KEYS = ["id", "as_of", "document", "status", "status_words", "chains", "chain_text", "roots", "highest",
        "reached_central", "edges", "tasks", "downstream", "conflicts"]


def _joined(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def store(seed_store):
    with Store(seed_store, readonly=True) as s:
        yield s


@pytest.fixture(scope="module")
def plan(store):
    return dossier(store, PLAN, as_of=DAY)


def test_keys_and_identity(plan):
    assert list(plan) == KEYS
    assert plan["id"] == PLAN and plan["as_of"] == DAY
    doc = plan["document"]
    assert doc["number_symbol"] == "154/KH-UBND" and doc["type_name"] == "Kế hoạch"
    assert doc["cite"] == "Kế hoạch số 154/KH-UBND ngày 05/5/2023 của Ủy ban nhân dân tỉnh Hà Tĩnh"
    assert [p.rsplit("/", 1)[1] for p in doc["paths"]] == ["002_05e3fa0bd3f85029.txt"]
    assert plan["status"]["state"] == "in_force"
    assert plan["status_words"] == "Còn hiệu lực, từ 05/5/2023"
    json.dumps(plan)  # JSON-ready


def test_both_chains_to_29_with_evidence_at_their_offsets(plan, store):
    chains = [[hop["id"] for hop in c] for c in plan["chains"]]
    assert chains == [[PLAN, "ha-tinh:26-CTr/TU:2023", ROOT], [PLAN, "vn:13-KH/TW:2022", ROOT]]
    assert plan["roots"] == [ROOT] and plan["reached_central"] and plan["highest"] == []
    for chain in plan["chains"]:
        assert chain[-1]["relation"] is None and chain[-1]["evidence"] == []
        for hop in chain[:-1]:
            assert hop["relation"] == "implements" and hop["evidence"], hop
            for ev in hop["evidence"]:
                assert set(ev) == {"path", "sentence", "start", "end"}
                quoted = store.text_of(ev["path"])[ev["start"]:ev["end"]]
                assert quoted and _joined(quoted) in _joined(ev["sentence"]), (hop["id"], ev)
        assert chain[0]["status_words"] == "Còn hiệu lực, từ 05/5/2023"
        assert chain[-1]["status_words"] == "Chưa rõ hiệu lực"
    # the chain names 26-CTr/TU where 154's text cites it
    first = plan["chains"][0][0]["evidence"][0]
    assert "26-CTR/TU" in store.text_of(first["path"])[first["start"]:first["end"]].upper()


def test_chain_text_is_what_cite_prints(plan, seed_store):
    out = CliRunner().invoke(cli, ["cite", "154/KH-UBND", "--store", str(seed_store), "--as-of", DAY])
    assert out.exit_code == 0, out.output
    assert out.output == plan["chain_text"] + "\n"
    lines = plan["chain_text"].split("\n")
    assert lines[0] == "Chuỗi 1:" and "Chuỗi 2:" in lines
    assert "  ↳ thực hiện Chương trình số 26-CTr/TU ngày 07/02/2023 của Tỉnh ủy Hà Tĩnh [Chưa rõ hiệu lực]" in lines
    assert ("    ↳ thực hiện Nghị quyết số 29-NQ/TW ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng "
            "[Chưa rõ hiệu lực]") in lines


def test_own_tasks_in_reading_order_on_one_line_with_their_text_as_evidence(plan, store):
    tasks = plan["tasks"]
    assert len(tasks) == 77
    numbers = [int(t["id"].rsplit("-", 1)[1]) for t in tasks]
    assert numbers == sorted(numbers)
    text = store.text_of(plan["document"]["paths"][0])
    for t in tasks:
        assert set(t) == {"id", "section", "text", "lead", "cooperating", "deadline", "evidence"}
        assert "\n" not in t["text"] and t["lead"], t
        ev = t["evidence"][0]
        assert _joined(text[ev["start"]:ev["end"]]).startswith(_joined(ev["sentence"])), t["id"]
    sct = [t for t in tasks if t["lead"] == ["Sở Công Thương"]]
    assert len(sct) == 9 and sct[0]["section"] == "II.2.b"
    yearly = next(t for t in tasks if t["section"] == "III.1")
    assert yearly["deadline"]["text"] == "trước ngày 15 tháng 11 định kỳ hàng năm"


def test_downstream_tasks_by_agency_sorted_as_vietnamese_reads(plan):
    groups = plan["downstream"]["tasks_by_agency"]
    names = [g["agency"] for g in groups]
    assert names == sorted(names, key=lambda n: (fold(n), n))
    assert sum(len(g["tasks"]) for g in groups) >= 77
    sct = next(g for g in groups if g["agency"] == "Sở Công Thương")
    assert sct["agency_id"] == "ha-tinh:agency:so-cong-thuong" and len(sct["tasks"]) == 9
    for g in groups:
        for t in g["tasks"]:
            assert t["document"] == PLAN and g["agency"] in t["lead"]
        ends = [(t["deadline"] or {}).get("end") or (t["deadline"] or {}).get("start") or "9999" for t in g["tasks"]]
        assert ends == sorted(ends)
    assert plan["downstream"]["documents"] == []  # nothing in the seeds carries 154 out


def test_root_downstream_lists_the_plan_and_its_tasks(store):
    d = dossier(store, ROOT, as_of=DAY)
    ids = [x["id"] for x in d["downstream"]["documents"]]
    assert PLAN in ids and "ha-tinh:26-CTr/TU:2023" in ids
    row = next(x for x in d["downstream"]["documents"] if x["id"] == PLAN)
    assert row["cite"].startswith("Kế hoạch số 154/KH-UBND") and row["status_words"]
    assert d["tasks"] == [] and d["chains"] == [[{"id": ROOT, "cite": d["document"]["cite"], "relation": None,
                                                   "status_words": "Chưa rõ hiệu lực", "evidence": []}]]
    assert d["chain_text"].endswith("implements nothing in the store: no citation chain to print")
    assert d["document"]["paths"] == []  # only cited


def test_edges_both_ways_without_task_structure(plan, store):
    edges = plan["edges"]
    assert not [e for e in edges if e["relation"] in ("part_of", "assigns_to")]
    rels = {(e["relation"], e["direction"]) for e in edges}
    assert {("implements", "out"), ("based_on", "out"), ("cites", "out")} <= rels
    out = {e["other"] for e in edges if e["relation"] == "implements" and e["direction"] == "out"}
    assert out == {"ha-tinh:26-CTr/TU:2023", "vn:13-KH/TW:2022"}
    for e in edges:
        assert e["other_cite"] and e["evidence"]
        for ev in e["evidence"]:
            assert _joined(store.text_of(ev["path"])[ev["start"]:ev["end"]]) in _joined(ev["sentence"])
    root_in = {(e["other"], e["relation"]) for e in dossier(store, ROOT, as_of=DAY)["edges"] if e["direction"] == "in"}
    assert ("ha-tinh:26-CTr/TU:2023", "implements") in root_in


def test_conflicts_that_touch_the_plan(plan):
    details = {c["detail"] for c in plan["conflicts"]}
    assert "57-KL/TU cited with dates 2022-10-07, 2022-11-07" in details  # 154 quotes one of the dates
    assert "number 1804 dated 2020-12-18 under symbols 1804/QĐ-TTg, 1804/TTg-CN" in details
    assert "2021-CTr/TU: a Party number that looks like a year" in details
    assert not any("08-NQ/TU" in d for d in details)  # only in 001's text
    for c in plan["conflicts"]:
        assert set(c) == {"kind", "subject", "detail", "evidence"}


def test_index_answer_equals_the_whole_graph_for_every_document_and_task(store):
    nodes = sorted(n for n, d in store.graph().nodes(data=True) if d.get("kind") in ("document", "task"))
    assert len(nodes) > 300
    with_conflicts = 0
    for n in nodes:
        got = dossier(store, n, as_of=DAY)
        assert got == dossier(store, n, as_of=DAY, whole=True), n
        with_conflicts += bool(got["conflicts"])
    assert with_conflicts >= 10


def test_reads_only_through_the_index(seed_store, monkeypatch):
    def refuse(*_a, **_k):
        raise AssertionError("the dossier read the whole store")

    with Store(seed_store, readonly=True) as s:
        monkeypatch.setattr(Store, "graph", refuse)
        monkeypatch.setattr(Store, "mentions", refuse)
        monkeypatch.setattr(Store, "node_ids", refuse)
        d = dossier(s, PLAN, as_of=DAY)
    assert len(d["chains"]) == 2 and d["conflicts"]


def test_unknown_node_is_not_found(store):
    with pytest.raises(NotFound):
        dossier(store, "ha-tinh:999/KH-UBND:2023")
    with pytest.raises(NotFound):
        dossier(store, "ha-tinh:999/KH-UBND:2023", whole=True)
