"""Tasks through the whole pipeline: store, queries and CLI (issue: tasks and agencies)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.store import Store
from policykg.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"


@pytest.fixture(scope="module")
def store(seed_store) -> Path:
    return seed_store


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def test_tasks_serving_29_are_the_tasks_of_154_with_agencies(store):
    rows = json.loads(run("tasks", "--serves", "29-NQ/TW", "--store", store, "--json"))["tasks"]
    docs = {r["document"] for r in rows}
    assert docs == {"ha-tinh:154/KH-UBND:2023"}
    assert len(rows) >= 70
    for r in rows:
        assert {"id", "text", "lead", "cooperating", "deadline", "document", "section"} <= set(r)
        assert r["lead"], r["id"]
    assert any("Sở Công Thương" in r["lead"] for r in rows)


def test_tasks_by_agency_stays_in_its_province(store):
    rows = json.loads(run("tasks", "--agency", "Sở Công Thương", "--store", store, "--json"))["tasks"]
    docs = {r["document"] for r in rows}
    assert "ha-tinh:154/KH-UBND:2023" in docs
    assert any(d.startswith("ha-tinh:CTr-x-unnumbered") for d in docs)  # the draft program (001)
    assert {r["jurisdiction"] for r in rows} == {"Hà Tĩnh"}


def test_agency_alias_spelling_finds_the_same_tasks(store):
    a = json.loads(run("tasks", "--agency", "Sở KH&ĐT", "--store", store, "--json"))["tasks"]
    b = json.loads(run("tasks", "--agency", "Sở Kế hoạch và Đầu tư", "--store", store, "--json"))["tasks"]
    assert a == b and a


def test_trace_of_a_154_task_reaches_29(store):
    rows = json.loads(run("tasks", "--serves", "29-NQ/TW", "--store", store, "--json"))["tasks"]
    data = json.loads(run("trace", rows[-1]["id"], "--store", store, "--json"))
    assert [data["nodes"][r]["number_symbol"] for r in data["roots"]] == ["29-NQ/TW"]
    assert any(data["nodes"][p[1]]["number_symbol"] == "154/KH-UBND" for p in data["paths"])


def test_trace_of_the_656_task_on_decree_35_reaches_the_decree(store):
    rows = json.loads(run("tasks", "--jurisdiction", "Hải Phòng", "--store", store, "--json"))["tasks"]
    task = next(r for r in rows if r["text"].startswith("Thực hiện có hiệu quả Nghị định số 35/2022/NĐ-CP"))
    data = json.loads(run("trace", task["id"], "--store", store, "--json"))
    assert "vn:35/2022/NĐ-CP:2022" in data["roots"]
    assert ["hai-phong:656/KH-BQL:2023", "hai-phong:06-NQ/TU:2022"] in [p[1:] for p in data["paths"]]


def test_every_appendix_row_of_000_is_a_task_with_unit_deadline_and_level(store):
    with Store(store) as s:
        g = s.graph()
    rows = [d for n, d in g.nodes(data=True) if d.get("kind") == "task" and (d.get("section") or "").startswith("PL.")]
    gold = json.loads((ROOT / "tests/gold/tasks/000_2bca9a76c7755c14.json").read_text("utf-8"))
    gold_rows = [t for t in gold["tasks"] if t["section"].startswith("PL.")]
    assert len(rows) == len(gold_rows)
    for d in rows:
        assert d["lead"], d["section"]
        assert d["approval_level"], d["section"]
    with_deadline = sum(1 for t in gold_rows if t["deadline"])
    assert sum(1 for d in rows if d.get("deadline")) == with_deadline


def test_planned_document_replaces_the_old_decision(store):
    with Store(store) as s:
        g = s.graph()
    planned = [n for n, d in g.nodes(data=True) if "planned" in (d.get("flags") or [])]
    assert planned
    targets = {v for n in planned for _, v, k in g.out_edges(n, keys=True) if k == "replaces"}
    assert "ha-tinh:31/2014/QĐ-UBND:2014" in targets
    for n in planned:
        assert any(k == "part_of" and g.nodes[v]["kind"] == "task" for _, v, k in g.out_edges(n, keys=True))


def test_agencies_lists_lead_and_cooperating_counts(store):
    rows = json.loads(run("agencies", "--store", store, "--json"))["agencies"]
    sct = [r for r in rows if r["name"] == "Sở Công Thương"]
    assert {r["jurisdiction"] for r in sct} == {"Hà Tĩnh"}
    assert sct[0]["lead"] > 0
    units = [r for r in rows if r["parent"]]
    assert any(r["name"] == "Phòng Quản lý đầu tư" for r in units)


@pytest.mark.parametrize("jurisdiction", [None, "Hà Tĩnh", {"Hà Tĩnh", "central"}])
def test_agencies_from_the_index_are_the_whole_graphs(store, jurisdiction):
    """`policykg agencies` counts by SQL over the store's index (no whole graph): the same
    rows, in the same order, as the networkx reading of the merged graph."""
    from queries.tasks import agency_stats, agency_stats_store

    with Store(store) as s:
        assert s.has_merged()
        by_index = agency_stats_store(s, jurisdiction=jurisdiction)
        assert by_index == agency_stats(s.graph(), jurisdiction=jurisdiction)
    assert by_index and any(r["lead"] for r in by_index) and any(r["cooperating"] for r in by_index)


def test_tasks_csv(store):
    out = run("tasks", "--agency", "Sở Công Thương", "--store", store, "--csv")
    lines = out.strip().splitlines()
    assert lines[0].startswith("id,document,section,lead")
    assert len(lines) > 5


def test_jurisdiction_follows_the_2025_merger(store):
    """Quảng Bình merged into Quảng Trị on 1 July 2025: asking for Quảng Trị finds the tasks
    Quảng Bình's board set before; their jurisdiction stays the one at issue time."""
    rows = json.loads(run("tasks", "--jurisdiction", "Quảng Trị", "--store", store, "--json"))["tasks"]
    assert rows and {r["jurisdiction"] for r in rows} == {"Quảng Bình"}
    assert json.loads(run("tasks", "--jurisdiction", "Hà Tĩnh", "--store", store, "--json"))["tasks"]


@pytest.mark.parametrize(("agency", "options"), [
    ("Sở Công Thương", ()), ("Sở Công Thương", ("--role", "lead")), ("Sở Tài chính", ("--at-risk",)),
    ("Sở Kế hoạch và Đầu tư", ("--jurisdiction", "Hà Tĩnh")), ("Không có cơ quan này", ()),
])
def test_an_agencys_tasks_from_the_index_are_the_whole_graphs(store, agency, options):
    """`tasks --agency` reads that agency's tasks and their neighbourhood from the index
    (queries.local.agency_tasks_view): the same rows, warnings included, as from the whole
    graph (the engine that loads it: --engine networkx)."""
    by_index = json.loads(run("tasks", "--agency", agency, *options, "--store", store, "--json"))
    whole = json.loads(run("tasks", "--agency", agency, *options, "--engine", "networkx", "--store", store, "--json"))
    assert by_index == whole
    if agency == "Sở Công Thương":
        assert by_index["tasks"]
