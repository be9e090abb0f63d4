"""SPARQL over the RDF export (queries/sparql.py, queries/*.rq): the lineage queries agree
with the networkx reference (queries/lineage.py) on every node; run_sparql's bindings,
result shapes and errors."""

from __future__ import annotations


import pytest
from rdflib import Graph, Literal

from graph.errors import NotFound
from graph.rdf import PKG, export_rdf, node_iri, to_rdf
from queries.lineage import impact, trace_tops
from queries.sparql import SparqlError, impact_sparql, load_query, run_sparql, trace_tops_sparql
from policykg.synth import make_graph, make_seed_graph


@pytest.fixture(scope="module")
def seed():
    G = make_seed_graph()
    return G, to_rdf(G)


@pytest.fixture(scope="module")
def corpus():
    G = make_graph(2000, seed=5)
    return G, to_rdf(G)


def test_trace_and_impact_on_the_seed_chains(seed):
    G, rdf = seed
    assert trace_tops_sparql(rdf, "ha-tinh:154/KH-UBND:2023") == {"vn:29-NQ/TW:2022"}
    assert trace_tops_sparql(rdf, "ha-tinh:154/KH-UBND:2023#task-1") == {"vn:29-NQ/TW:2022"}
    assert trace_tops_sparql(rdf, "ha-tinh:417/KH-UBND:2022") == {"vn:10-NQ/TW:2022"}
    assert trace_tops_sparql(rdf, "vn:29-NQ/TW:2022") == set()
    assert trace_tops_sparql(rdf, "hai-phong:agency:phong-quan-ly-dau-tu") == {
        "hai-phong:agency:ban-quan-ly-khu-kinh-te-hai-phong"}
    assert impact_sparql(rdf, "vn:29-NQ/TW:2022") == {
        "vn:13-KH/TW:2023", "ha-tinh:26-CTr/TU:2023", "ha-tinh:154/KH-UBND:2023",
        "ha-tinh:154/KH-UBND:2023#task-1", "ha-tinh:154/KH-UBND:2023#task-2",
    }
    # based_on and cites are not lineage
    assert impact_sparql(rdf, "vn:35/2022/NĐ-CP:2022") == set()


def test_unknown_node_is_not_found(seed):
    _, rdf = seed
    with pytest.raises(NotFound, match="vn:999-NQ/TW:2030"):
        trace_tops_sparql(rdf, "vn:999-NQ/TW:2030")


def test_lineage_queries_match_networkx_on_every_node(corpus):
    G, rdf = corpus
    nodes = list(G)
    trace_diff = [n for n in nodes if trace_tops_sparql(rdf, n) != trace_tops(G, n)]
    impact_diff = [n for n in nodes if impact_sparql(rdf, n) != impact(G, n)]
    assert trace_diff == [] and impact_diff == [], (trace_diff[:5], impact_diff[:5])
    # the comparison means something: many nodes have answers, and cycles are present
    assert sum(1 for n in nodes if trace_tops(G, n)) > len(nodes) // 2
    assert sum(1 for n in nodes if len(impact(G, n)) > 5) > 50


def _has_cycle(G) -> bool:
    import networkx as nx

    lineage = nx.DiGraph((u, v) for u, v, k in G.edges(keys=True) if k in ("implements", "part_of"))
    return not nx.is_directed_acyclic_graph(lineage)


def test_corpus_has_lineage_cycles(corpus):
    G, _ = corpus
    assert _has_cycle(G)


def test_queries_are_shipped_files():
    assert "pkg:implementsPolicy" in load_query("trace")
    assert "FILTER (?node != ?target)" in load_query("impact")
    with pytest.raises(NotFound):
        load_query("nope")


# ------------------------------------------------------------------------------- run_sparql

def test_run_sparql_select_maps_node_iris_to_ids(seed):
    _, rdf = seed
    rows = run_sparql(rdf, """
        SELECT ?plan ?symbol ?date WHERE {
            ?plan eli:ensures_implementation_of ?x ; eli:id_local ?symbol .
            OPTIONAL { ?plan eli:date_document ?date }
        } ORDER BY ?symbol""")
    assert rows == [
        {"plan": "ha-tinh:417/KH-UBND:2022", "symbol": "417/KH-UBND", "date": None},
        {"plan": "hai-phong:656/KH-BQL:2023", "symbol": "656/KH-BQL", "date": "2023-02-22"},
    ]


def test_run_sparql_bindings(seed):
    _, rdf = seed
    query = "SELECT ?agency WHERE { ?task pkg:leadAgency ?agency }"
    rows = run_sparql(rdf, query, {"task": "ha-tinh:154/KH-UBND:2023#task-1"})
    assert rows == [{"agency": "ha-tinh:agency:so-cong-thuong"}]
    rows = run_sparql(rdf, query, {"task": node_iri("hai-phong:656/KH-BQL:2023#task-1")})
    assert rows == [{"agency": "hai-phong:agency:phong-quan-ly-dau-tu"}]
    # a string that is no node id binds a literal: no task has that value
    assert run_sparql(rdf, query, {"task": "Sở Công Thương"}) == []
    rows = run_sparql(rdf, "SELECT ?e WHERE { ?e pkg:startOffset ?s }", {"s": 5120})
    assert rows == [{"e": "ha-tinh:154/KH-UBND:2023#task-1"}]


def test_run_sparql_numbers_ask_and_construct(seed):
    _, rdf = seed
    (row,) = run_sparql(rdf, "SELECT (COUNT(?e) AS ?n) WHERE { ?e a pkg:Evidence }")
    assert row == {"n": 26}
    assert run_sparql(rdf, "ASK { ?t pkg:deadline/pkg:recurrence ?r }") == [{"ask": True}]
    triples = run_sparql(rdf, """
        CONSTRUCT { ?t pkg:leadAgency ?a } WHERE { ?t pkg:leadAgency ?a }""")
    assert {"subject": "hai-phong:656/KH-BQL:2023#task-1", "predicate": str(PKG.leadAgency),
            "object": "hai-phong:agency:phong-quan-ly-dau-tu"} in triples
    assert len(triples) == 4


@pytest.mark.parametrize("fmt", ["ttl", "jsonld", "nt"])
def test_run_sparql_on_an_exported_file(tmp_path, seed, fmt):
    G, _ = seed
    path = tmp_path / f"seed.{fmt}"
    export_rdf(G, path, fmt)
    rows = run_sparql(path, "SELECT ?d WHERE { ?d pkg:implementsPolicy pkgid:vn%3A29-NQ%2FTW%3A2022 }")
    assert {r["d"] for r in rows} == {"ha-tinh:26-CTr/TU:2023", "vn:13-KH/TW:2023"}


def test_bad_query_is_one_line_error(seed):
    _, rdf = seed
    with pytest.raises(SparqlError, match=r"^query: ") as info:
        run_sparql(rdf, "SELEC ?x WHERE { ?x ?p ?o }")
    assert "\n" not in str(info.value)


def test_empty_graph():
    assert run_sparql(Graph(), "SELECT ?s WHERE { ?s ?p ?o }") == []
    assert run_sparql(Graph(), "ASK { ?s ?p ?o }", {"o": Literal(1)}) == [{"ask": False}]
