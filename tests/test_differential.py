"""Same answers everywhere: trace tops and impact sets of every document and task, and the
legal status of every document with the warnings every node inherits (queries.status), are
identical from networkx (queries.lineage), from SPARQL on the exported and re-parsed RDF
(queries/*.rq) and from Cypher on the Bolt server (queries/*.cypher).

Two graphs: the seed corpus as built by the store, and a generated corpus of 2,000
documents (with their tasks and agencies, and a few cycles as mis-extraction would give).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.bolt import connect
from graph.neo4j_push import push_graph
from graph.rdf import export_rdf, load_rdf
from graph.store import Store
from queries.cypher import impact_cypher, status_facts_cypher, trace_tops_cypher
from queries.lineage import impact, trace_tops
from queries.sparql import impact_sparql, status_facts_sparql, trace_tops_sparql
from queries.status import derive_statuses, facts_from_graph, risk_flags
from policykg.synth import make_graph

ROOT = Path(__file__).resolve().parent.parent
DB = "policykg_test"  # FalkorDB serves one graph for every database name: emptied first


@pytest.fixture(scope="module")
def seed_graph(seed_store):
    with Store(seed_store) as store:
        return store.graph()


def _engines_agree(g, bolt_server, tmp_path, fmt):
    nodes = sorted(n for n, d in g.nodes(data=True) if d.get("kind") in ("document", "task"))
    expected = {n: (trace_tops(g, n), impact(g, n)) for n in nodes}
    rdf_file = tmp_path / f"graph.{fmt}"
    export_rdf(g, rdf_file, fmt)
    rdf = load_rdf(rdf_file)
    sparql = {n: (trace_tops_sparql(rdf, n), impact_sparql(rdf, n)) for n in nodes}
    bolt_server.clear(DB)
    push_graph(g, bolt_server.uri, bolt_server.user, bolt_server.password, DB)
    drv = connect(bolt_server.uri, bolt_server.user, bolt_server.password, DB)
    try:
        with drv.session(database=DB) as s:
            cypher = {n: (trace_tops_cypher(s, n), impact_cypher(s, n)) for n in nodes}
            cypher_facts = status_facts_cypher(s)
    finally:
        drv.close()
    _statuses_agree(g, expected, {"sparql": (status_facts_sparql(rdf), sparql), "cypher": (cypher_facts, cypher)})
    bad_sparql = [n for n in nodes if sparql[n] != expected[n]]
    bad_cypher = [n for n in nodes if cypher[n] != expected[n]]
    assert not bad_sparql, bad_sparql[:5]
    assert not bad_cypher, bad_cypher[:5]
    # the comparison is not vacuous: lineage exists in both directions
    assert sum(1 for n in nodes if expected[n][0]) > len(nodes) // 3
    assert sum(1 for n in nodes if expected[n][1]) > 10
    return len(nodes)


AS_OF = ("2023-06-30", "2026-12-06")  # before and after most changes and periods


def _statuses_agree(g, expected, engines):
    """Each engine's facts give every document the same status (state, since, by, parts,
    latest, pending changes) and every node the same warnings, on two days."""
    for day in AS_OF:
        want = derive_statuses(*facts_from_graph(g), day)
        want_flags = risk_flags(want, lambda n: expected[n][1])
        for name, ((docs, rows), answers) in engines.items():
            got = derive_statuses(docs, rows, day)
            assert set(got) == set(want), (name, sorted(set(got) ^ set(want))[:5])
            bad = [n for n in want if got[n].key() != want[n].key()]
            assert not bad, (name, day, [(n, want[n].key(), got[n].key()) for n in bad[:3]])
            flags = risk_flags(got, lambda n: answers[n][1])
            assert flags == want_flags, (name, day)
    # not vacuous: states beyond "unknown" and warnings downstream
    states = {st.state for st in want.values()}
    assert {"in_force", "unknown"} <= states and len(states) >= 4, states
    assert want_flags


def test_seed_corpus_same_answers_in_all_three_engines(seed_graph, bolt_server, tmp_path):
    n = _engines_agree(seed_graph, bolt_server, tmp_path, "ttl")
    assert n > 300
    assert trace_tops(seed_graph, "ha-tinh:154/KH-UBND:2023") == {"vn:29-NQ/TW:2022"}


def test_generated_corpus_same_answers_in_all_three_engines(bolt_server, tmp_path):
    g = make_graph(2000, seed=11)
    n = _engines_agree(g, bolt_server, tmp_path, "nt")
    assert n > 4000


# -- the store-backed engine: indexed reads of the merged graph (queries.local) -------------

def _local_agrees(g, db, nodes):
    """For each node, the small graph queries.local reads from the store's index gives the
    same trace (paths, tops), impact, status of every hop and warnings as the whole graph."""
    from queries.lineage import trace
    from queries.local import local_graph
    from queries.status import graph_statuses
    from queries.tasks import list_tasks

    with Store(db) as store:
        with store.transaction():
            store.write_index(g)
        full = {day: graph_statuses(g, day) for day in AS_OF}
        sizes = []
        for n in nodes:
            up = local_graph(store, [n])
            down = local_graph(store, [n], down=True)
            sizes.append(down.number_of_nodes())
            want, got = trace(g, n), trace(up, n)
            assert (got.paths, got.roots, got.highest, got.via_based_on) == \
                   (want.paths, want.roots, want.highest, want.via_based_on), n
            assert impact(down, n) == impact(g, n), n
            assert list_tasks(down, serves=n, flags=full[AS_OF[0]].flags) == \
                   list_tasks(g, serves=n, flags=full[AS_OF[0]].flags), n
            for day in AS_OF:
                for sub, hops in ((up, {h for p in want.paths for h in p} | {n}), (down, {n} | impact(g, n))):
                    rep = graph_statuses(sub, day)
                    for h in hops:
                        a, b = full[day].of(h), rep.of(h)
                        assert (a.key() if a else None) == (b.key() if b else None), (n, h, day)
                        assert full[day].flags.get(h, []) == rep.flags.get(h, []), (n, h, day)
    return sizes


def test_store_index_engine_gives_the_whole_graphs_answers_on_the_seed_corpus(seed_graph, tmp_path):
    nodes = sorted(n for n, d in seed_graph.nodes(data=True) if d.get("kind") in ("document", "task"))
    sizes = _local_agrees(seed_graph, tmp_path / "seed-index.db", nodes)
    assert len(nodes) > 300 and max(sizes) < seed_graph.number_of_nodes()


def test_store_index_engine_gives_the_whole_graphs_answers_on_the_generated_corpus(tmp_path):
    import random

    g = make_graph(2000, seed=11)
    pool = sorted(n for n, d in g.nodes(data=True) if d.get("kind") in ("document", "task"))
    nodes = random.Random(3).sample(pool, 250)
    sizes = _local_agrees(g, tmp_path / "synth-index.db", nodes)
    # the index reads a neighbourhood, not the graph: most answers touch a small part of it
    assert sorted(sizes)[len(sizes) // 2] < g.number_of_nodes() // 10
