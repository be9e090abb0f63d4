"""GraphML, GEXF and neo4j-admin CSV exports of the seed graph; the export command."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from graph.formats import export_gexf, export_graphml, export_neo4j_csv, read_graphml
from graph.rdf import from_rdf_counts, graph_counts
from graph.store import Store
from policykg.cli import cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def store(seed_store) -> Path:
    return seed_store


@pytest.fixture(scope="module")
def graph(store):
    with Store(store) as s:
        return s.graph()


def test_graphml_round_trip(graph, tmp_path):
    export_graphml(graph, tmp_path / "g.graphml")
    back = read_graphml(tmp_path / "g.graphml")
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    n = "ha-tinh:154/KH-UBND:2023"
    assert back.nodes[n]["number_symbol"] == "154/KH-UBND"
    assert back.nodes[n]["flags"] == graph.nodes[n]["flags"]
    ev = back.edges[n, "ha-tinh:26-CTr/TU:2023", "implements"]["evidence"]
    assert ev == graph.edges[n, "ha-tinh:26-CTr/TU:2023", "implements"]["evidence"]


def test_gexf_parses_with_vietnamese_labels(graph, tmp_path):
    export_gexf(graph, tmp_path / "g.gexf")
    back = nx.read_gexf(tmp_path / "g.gexf")
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert "Sở Công Thương" in (tmp_path / "g.gexf").read_text("utf-8")


def test_neo4j_admin_csv_layout(graph, tmp_path):
    files = export_neo4j_csv(graph, tmp_path / "csv")
    names = {f.name for f in files}
    assert {"nodes_Document.csv", "nodes_Task.csv", "nodes_Agency.csv", "rels_IMPLEMENTS.csv", "rels_ASSIGNS_TO.csv"} <= names
    n_nodes = n_rels = 0
    for f in files:
        with f.open(encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
        if f.name.startswith("nodes_"):
            assert rows[0][:2] == ["id:ID", ":LABEL"]
            n_nodes += len(rows) - 1
        else:
            assert rows[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
            n_rels += len(rows) - 1
    assert (n_nodes, n_rels) == (graph.number_of_nodes(), graph.number_of_edges())


@pytest.mark.parametrize("fmt", ["ttl", "jsonld", "nt"])
def test_export_command_rdf_parses_back_to_the_same_counts(store, graph, tmp_path, fmt):
    out = tmp_path / f"g.{fmt}"
    result = CliRunner().invoke(cli, ["export", "--store", str(store), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert from_rdf_counts(out) == graph_counts(graph)


def test_sparql_command_traces_154(store):
    result = CliRunner().invoke(cli, ["sparql", str(ROOT / "queries" / "trace.rq"), "--store", str(store),
                                      "--bind", "start=ha-tinh:154/KH-UBND:2023", "--json"])
    assert result.exit_code == 0, result.output
    assert '"vn:29-NQ/TW:2022"' in result.output


def test_seed_export_conforms_to_the_shapes_and_carries_conflicts(store, tmp_path):
    import pyshacl
    from rdflib import Graph, Namespace

    out = tmp_path / "seed.ttl"
    assert CliRunner().invoke(cli, ["export", "--store", str(store), "-o", str(out)]).exit_code == 0
    data = Graph().parse(out)
    shapes = Graph().parse(ROOT / "data" / "vocab" / "policykg-shapes.ttl")
    ok, _, report = pyshacl.validate(data, shacl_graph=shapes, ont_graph=Graph().parse(ROOT / "data" / "vocab" / "policykg.ttl"))
    assert ok, report[:2000]
    pkg = Namespace("https://policykg.org/ns#")
    kinds = sorted(str(k) for k in data.objects(None, pkg.conflictKind))
    assert kinds.count("date") == 2 and "year" in kinds and kinds.count("symbol") == 3
