"""`policykg push` and `policykg trace --neo4j` against the real Bolt test server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.bolt import connect, server_counts
from graph.store import Store
from policykg.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
DB = "policykg_test"  # FalkorDB serves one graph for every database name: empty it first


@pytest.fixture(scope="module")
def store(seed_store) -> Path:
    return seed_store


@pytest.fixture
def server(bolt_server):
    bolt_server.clear(DB)
    return bolt_server


def _args(server):
    return ["--uri", server.uri, "--user", server.user, "--password", server.password, "--database", DB]


def test_push_twice_keeps_the_counts_of_the_embedded_graph(store, server):
    first = CliRunner().invoke(cli, ["push", "--store", str(store), "--json", *_args(server)])
    assert first.exit_code == 0, first.output
    with Store(store) as s:
        g = s.graph()
    counts = server_counts(server.uri, server.user, server.password, DB)
    assert counts["total_nodes"] == g.number_of_nodes()
    assert counts["total_relationships"] == g.number_of_edges()
    second = CliRunner().invoke(cli, ["push", "--store", str(store), "--json", *_args(server)])
    assert second.exit_code == 0, second.output
    stats = json.loads(second.output[second.output.index("{"):])
    assert stats["nodes_created"] == stats["nodes_updated"] == stats["rels_created"] == 0
    assert server_counts(server.uri, server.user, server.password, DB) == counts


def test_trace_on_the_server_reaches_29(store, server):
    CliRunner().invoke(cli, ["push", "--store", str(store), *_args(server)])
    result = CliRunner().invoke(cli, ["trace", "ha-tinh:154/KH-UBND:2023", "--neo4j", "--json", *_args(server)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["roots"] == ["vn:29-NQ/TW:2022"]
    text = CliRunner().invoke(cli, ["trace", "hai-phong:656/KH-BQL:2023", "--neo4j", *_args(server)]).output
    assert "No central document reached" in text and "06-NQ/TU" in text
    # the push carries the status of the push day: each hop shows it
    assert data["nodes"]["ha-tinh:154/KH-UBND:2023"]["status"] == "in_force"
    assert "656/KH-BQL [in_force since 2023-02-22]" in text and "06-NQ/TU [unknown]" in text


def test_push_to_a_closed_port_is_one_plain_error(store):
    result = CliRunner().invoke(cli, ["push", "--store", str(store), "--uri", "bolt://127.0.0.1:1", "--password", "x"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].startswith("Error: ")
    assert "Traceback" not in result.output


def test_quotes_and_backslashes_round_trip(server):
    import networkx as nx

    from graph.neo4j_push import push_graph

    g = nx.MultiDiGraph()
    text = "Trung tâm XTĐT&CU'DV KKT, đường dẫn C:\\hồ sơ\\b, \"trích dẫn\""
    g.add_node("ha-tinh:agency:x", kind="agency", name=text, jurisdiction="Hà Tĩnh")
    push_graph(g, server.uri, server.user, server.password, DB)
    drv = connect(server.uri, server.user, server.password, DB)
    try:
        with drv.session(database=DB) as s:
            got = s.run("MATCH (a:Agency) RETURN a.name AS name").single()["name"]
    finally:
        drv.close()
    assert got == text


INJECTIONS = [
    ("detach-delete", "x'] MATCH (m) DETACH DELETE m WITH count(*) AS k MATCH (n) //"),
    ("create", "x'}) CREATE (:Injected {id: 'pwned'}) WITH 1 AS k MATCH (n {id: 'y"),
    ("quote", "154/KH-UBND'"),
    ("backslash", "ha-tinh:154\\KH-UBND:2023"),
]


@pytest.mark.parametrize("ref", [r[1] for r in INJECTIONS], ids=[r[0] for r in INJECTIONS])
def test_a_ref_is_a_value_never_cypher(store, server, ref):
    """REF reaches the server as a parameter (escaped for FalkorDB, which splices string
    parameters into literals): the graph is untouched and the answer is one plain line."""
    CliRunner().invoke(cli, ["push", "--store", str(store), *_args(server)])
    before = server_counts(server.uri, server.user, server.password, DB)
    result = CliRunner().invoke(cli, ["trace", ref, "--neo4j", *_args(server)])
    assert result.exit_code == 1, result.output
    assert "no node with this id" in result.output and "Traceback" not in result.output
    assert server_counts(server.uri, server.user, server.password, DB) == before


def test_push_help_states_the_prune_share_and_the_timeout():
    from graph.bolt import READ_TIMEOUT
    from graph.neo4j_push import PRUNE_SHARE

    text = CliRunner().invoke(cli, ["push", "--help"]).output
    assert f"more than {PRUNE_SHARE:.0%} (PRUNE_SHARE)" in " ".join(text.split())
    assert f"[default: {READ_TIMEOUT}" in text
