"""The store engine's view without networkx (queries.local.LocalGraph, local_view): the same
graph as networkx reads it, node by node and edge by edge, in the same order; the query
commands answer from it without importing networkx; the closures read by one recursive
statement on a store give the nodes the per-step reads give.

(That the answers on it are the reference answers is tests/test_differential.py's.)"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from graph.store import Store
from policykg.synth import make_graph
from queries.local import (
    CHANGES,
    LINEAGE,
    UP,
    GraphAdjacency,
    LocalGraph,
    _closure,
    _read_local,
    graph_of,
    local_graph,
    local_view,
    reach,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    g = make_graph(300, seed=11)
    store = Store(tmp_path_factory.mktemp("local") / "index.db")
    with store.transaction():
        store.write_index(g, current=True)
    sample = random.Random(2).sample(sorted(n for n, d in g.nodes(data=True) if d.get("kind") in ("document", "task")), 60)
    yield g, store, sample
    store.close()


def _same(a: nx.MultiDiGraph, b: LocalGraph) -> None:
    """Every reading the queries make gives the same, in the same order."""
    assert list(a) == list(b) and len(a) == len(b) == a.number_of_nodes() == b.number_of_nodes()
    assert list(a.nodes(data=True)) == b.nodes(data=True)
    assert list(a.nodes(data="kind")) == b.nodes(data="kind")
    assert list(a.edges(keys=True, data=True)) == b.edges(keys=True, data=True)
    assert list(a.edges) == list(b.edges) and a.number_of_edges() == b.number_of_edges() == len(b.edges)
    for n in a:
        assert a.nodes[n] == b.nodes[n] and n in b and n in b.nodes
        for kw in ({}, {"keys": True}, {"data": True}, {"keys": True, "data": True}, {"data": "evidence"}):
            assert list(a.out_edges(n, **kw)) == b.out_edges(n, **kw), (n, kw)
            assert list(a.in_edges(n, **kw)) == b.in_edges(n, **kw), (n, kw)
        assert list(a.successors(n)) == list(b.successors(n))
        assert list(a.predecessors(n)) == list(b.predecessors(n))
        for v in a[n]:
            assert dict(a[n][v]) == b[n][v] and a.has_edge(n, v) and b.has_edge(n, v)
            for k in a[n][v]:
                assert a.edges[n, v, k] == b.edges[n, v, k] and b.has_edge(n, v, k) and (n, v, k) in b.edges
    assert "no such node" not in b and not b.has_edge("no such node", "x")
    assert b.out_edges("no such node") == [] and b.out_edges([]) == []


def test_the_view_is_the_networkx_graph(generated):
    g, store, sample = generated
    for n in sample:
        for down in (False, True):
            attrs, edges = _read_local(store, [n], down)
            view = LocalGraph.of(attrs, edges)
            _same(graph_of(attrs, edges), view)
            _same(view.to_networkx(), view)
            again = local_view(store, [n], down=down)  # each read adds the edges in one order
            assert again.edges(keys=True, data=True) == view.edges(keys=True, data=True)
            assert [again.in_edges(v, keys=True) for v in again] == [view.in_edges(v, keys=True) for v in view]
            assert sorted(local_graph(store, [n], down=down).edges(keys=True)) == sorted(view.edges(keys=True))


def test_the_view_keeps_the_whole_graphs_edge_order(generated):
    # a planned document's task is its first part_of edge (queries.status.facts_from_graph)
    g, store, sample = generated
    for n in sample:
        view = local_view(store, [n], down=True)
        for u in view:
            mine = view.out_edges(u, keys=True)
            assert [e for e in g.out_edges(u, keys=True) if e in set(mine)] == mine, u


def test_building_a_view_by_hand():
    g = LocalGraph.of({"b": {"kind": "document"}, "a": {"kind": "task"}},
                      [("a", "b", "part_of", {"evidence": [1]}), ("a", "b", "part_of", {"evidence": [2]}),
                       ("b", "c", "implements", {})])
    assert list(g) == ["a", "b", "c"] and g.nodes["c"] == {}  # read in id order, an end added bare
    assert g.edges["a", "b", "part_of"] == {"evidence": [1]}  # each edge once: the first read
    assert g.number_of_edges() == 2 and g.in_edges("b", keys=True) == [("a", "b", "part_of")]
    g.add_node("c", kind="document")
    g.add_edge("a", "b", key="part_of", role="x")
    assert g.nodes["c"] == {"kind": "document"} and g["a"]["b"]["part_of"] == {"evidence": [1], "role": "x"}
    assert g.edges["a", "b", "part_of"] is g._pred["b"]["a"]["part_of"]  # one dict, both ways


@pytest.mark.parametrize("keys, out, inward", [(LINEAGE, False, True), (UP, True, False), (CHANGES, True, True)])
def test_one_statement_reaches_what_the_steps_reach(generated, keys, out, inward):
    g, store, sample = generated
    for n in sample:
        want = _closure(store, [n], keys, out=out, inward=inward)[0]
        assert reach(store, [n], keys, out=out, inward=inward) == want
        assert reach(GraphAdjacency(g), [n], keys, out=out, inward=inward) == want
    assert reach(store, [], keys) == set()


def test_the_graph_of_the_reads_is_networkx(generated):
    g, store, sample = generated
    assert isinstance(local_graph(store, sample[:1]), nx.MultiDiGraph)
    assert isinstance(graph_of({}, []), nx.MultiDiGraph)


@pytest.mark.parametrize("command", [["trace"], ["impact"], ["tasks", "--serves"], ["status"]])
def test_the_query_commands_do_not_import_networkx(generated, command):
    # importing networkx costs more than answering from a neighbourhood (issue 11, point 5)
    g, store, sample = generated
    doc = next(n for n in sample if g.nodes[n].get("kind") == "document")
    code = ("import sys\nfrom policykg.cli import cli\n"
            "try:\n    cli(sys.argv[1:], prog_name='policykg')\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            "assert 'networkx' not in sys.modules, 'networkx imported'\n")
    res = subprocess.run([sys.executable, "-c", code, *command, doc, "--store", str(store.path), "--json"],
                         capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr[-800:]
    assert res.stdout.startswith("{")
