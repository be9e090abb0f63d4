"""Same answers everywhere: every query engine registered in :mod:`queries.engine` (networkx,
the store's index, SPARQL on the exported and re-parsed RDF, Cypher on the Bolt server, and
any engine registered later) is held to the networkx reference semantics
(:mod:`queries.lineage`, :mod:`queries.status`), node by node:

* trace tops and impact set of every document and task (the engine's answer for many nodes
  at once; node by node on the sample), and the central roots / highest tops and the
  downstream documents and tasks every command derives from them;
* the trace paths (roots, highest tops, based_on hops) of the sample by the engine's
  ``trace`` (the SPARQL and Cypher engines read the edges hop by hop);
* the legal status of every document and the warnings every node inherits, on two days;
* the engine's summaries: counts by kind, display fields of nodes, tasks by agency;
* an engine that gives a graph view (networkx, the store): the trace paths, the tasks
  serving a node and the status of every hop read from that view.

Two graphs: the seed corpus as built by the store, and a generated corpus of 2,000
documents (with their tasks and agencies, and a few cycles as mis-extraction would give).
"""

from __future__ import annotations

import random

import pytest

from graph.neo4j_push import push_graph
from graph.rdf import export_rdf
from graph.store import Store
from policykg.synth import make_graph
from queries.engine import GraphEngine, Server, Source, downstream, engine_info, engines, open_engine, serves
from queries.lineage import impact, order_downstream, split_tops, trace, trace_tops
from queries.status import graph_statuses
from queries.tasks import list_tasks

DB = "policykg_test"  # FalkorDB serves one graph for every database name: emptied first
AS_OF = ("2023-06-30", "2026-12-06")  # before and after most changes and periods
#: Display fields every engine's ``nodes`` gives as networkx has them (not the issuer: the RDF
#: export names it by an agent that the spellings of one issuer share, graph.rdf).
FIELDS = ("kind", "type", "number_symbol", "date", "jurisdiction", "title")


class Corpus:
    """A graph, the store index and RDF export made of it, the nodes checked."""

    def __init__(self, g, tmp, fmt: str, sample: int | None):
        self.g = g
        self.store = Store(tmp / "index.db")
        with self.store.transaction():
            self.store.write_index(g, current=True)  # the index is this graph: queries read it
        self.rdf_file = tmp / f"graph.{fmt}"
        export_rdf(g, self.rdf_file, fmt)
        self.nodes = sorted(n for n, d in g.nodes(data=True) if d.get("kind") in ("document", "task"))
        # the costlier checks (summaries, views) on every node of a small corpus, a sample of a large one
        self.sample = self.nodes if sample is None else random.Random(3).sample(self.nodes, sample)
        self.reference = GraphEngine(g)

    def source(self, server: Server | None = None) -> Source:
        return Source(store=self.store, graph=self.g, server=server, rdf_file=self.rdf_file)


@pytest.fixture(scope="module")
def seed_corpus(seed_store, tmp_path_factory):
    with Store(seed_store) as store:
        g = store.graph()
    corpus = Corpus(g, tmp_path_factory.mktemp("seed-engines"), "ttl", None)
    assert len(corpus.nodes) > 300
    assert trace_tops(g, "ha-tinh:154/KH-UBND:2023") == {"vn:29-NQ/TW:2022"}
    return corpus


@pytest.fixture(scope="module")
def generated_corpus(tmp_path_factory):
    corpus = Corpus(make_graph(2000, seed=11), tmp_path_factory.mktemp("synth-engines"), "nt", 250)
    assert len(corpus.nodes) > 4000
    return corpus


def open_on(name: str, corpus: Corpus, request) -> object:
    """The engine ``name`` on the corpus; an engine that needs a server gets the Bolt test
    server with the corpus pushed to it."""
    server = None
    if engine_info(name).needs_server:
        bolt = request.getfixturevalue("bolt_server")
        bolt.clear(DB)
        push_graph(corpus.g, bolt.uri, bolt.user, bolt.password, DB)
        server = Server(bolt.uri, bolt.user, bolt.password, DB)
    return open_engine(name, corpus.source(server))


def disagreements(eng, corpus: Corpus, name: str | None = None) -> list:
    """Where ``eng`` answers otherwise than networkx on ``corpus`` (empty: it agrees)."""
    g, ref, bad = corpus.g, corpus.reference, []
    tops = {n: trace_tops(g, n) for n in corpus.nodes}
    down = {n: impact(g, n) for n in corpus.nodes}
    # every node through the engine's answer for many (SPARQL: one VALUES query), the sample
    # node by node too (the statement the commands run)
    many = (eng.trace_tops_many(corpus.nodes), eng.impact_many(corpus.nodes))
    for n in corpus.nodes:
        if (many[0].get(n), many[1].get(n)) != (tops[n], down[n]):
            bad.append(("lineage", n))
    for n in corpus.sample:
        if (eng.trace_tops(n), eng.impact(n)) != (tops[n], down[n]):
            bad.append(("lineage of one", n))
        want, got = trace(g, n), eng.trace(n)  # the paths (the language engines: hop by hop)
        if _trace_key(got) != _trace_key(want):
            bad.append(("trace", n, _trace_key(want), _trace_key(got)))
    # statuses on every node, but for an engine that runs one statement per answer on the
    # generated corpus (SPARQL: 6 ms a node and day, over a minute for its 5,700 nodes): the sample
    every = corpus.sample is corpus.nodes or name is None or not engine_info(name).per_statement
    for day in AS_OF:
        want = ref.statuses(day)
        for n in corpus.nodes if every else corpus.sample:
            got = eng.statuses(day, around=n)
            a, b = want.of(n), got.of(n)
            if (a.key() if a else None) != (b.key() if b else None) or want.flags.get(n, []) != got.flags.get(n, []):
                bad.append(("status", day, n))
    attrs = lambda n: g.nodes[n]  # noqa: E731
    for n in corpus.sample:
        roots, highest, nodes = serves(eng, n)
        if (roots, highest) != split_tops(tops[n], attrs):
            bad.append(("serves", n))
        if downstream(eng, n)[0] != order_downstream(n, down[n], attrs):
            bad.append(("downstream", n))
        for m in (n, *tops[n]):
            want, got = (_fields(ref.nodes([m])[m]), _fields(nodes.get(m, {})))
            if got != want:
                bad.append(("nodes", m, want, got))
        bad += [("view", n, what) for what in _view_disagreements(eng, corpus, n, down[n])]
    if eng.counts() != ref.counts():
        bad.append(("counts", eng.counts(), ref.counts()))
    agencies = sorted(n for n, d in g.nodes(data=True) if d.get("kind") == "agency")
    for a in random.Random(5).sample(agencies, min(8, len(agencies))):
        for spelled in (a, g.nodes[a]["name"].upper()):
            if eng.tasks_by_agency(spelled) != ref.tasks_by_agency(spelled):
                bad.append(("tasks_by_agency", spelled))
    return bad


def _trace_key(res) -> tuple:
    return res.paths, res.roots, res.highest, res.via_based_on, res.truncated


def _fields(summary: dict) -> dict:
    return {k: v for k, v in summary.items() if k in FIELDS and v not in (None, "")}


def _view_disagreements(eng, corpus: Corpus, n: str, below: set[str]) -> list[str]:
    """An engine's graph view gives the whole graph's trace, tasks served and statuses."""
    g = corpus.g
    up, low = eng.view(n), eng.view(n, down=True)
    if up is None or (up is g and low is g):  # no view, or the reference graph itself
        return []
    bad = []
    want, got = trace(g, n), trace(up, n)
    if (got.paths, got.roots, got.highest, got.via_based_on) != (want.paths, want.roots, want.highest, want.via_based_on):
        bad.append("trace")
    if impact(low, n) != below:
        bad.append("impact")
    for day in AS_OF:
        full = corpus.reference.statuses(day)
        if day == AS_OF[0] and list_tasks(low, serves=n, flags=full.flags) != list_tasks(g, serves=n, flags=full.flags):
            bad.append("tasks")
        for sub, hops in ((up, {h for p in want.paths for h in p} | {n}), (low, {n} | below)):
            rep = graph_statuses(sub, day)
            for h in hops:
                a, b = full.of(h), rep.of(h)
                if (a.key() if a else None) != (b.key() if b else None) or full.flags.get(h, []) != rep.flags.get(h, []):
                    bad.append(f"status of {h} on {day}")
    return bad


def _not_vacuous(corpus: Corpus) -> None:
    g, nodes = corpus.g, corpus.nodes
    assert sum(1 for n in nodes if trace_tops(g, n)) > len(nodes) // 3
    assert sum(1 for n in nodes if impact(g, n)) > 10
    for day in AS_OF:
        states = {st.state for st in corpus.reference.statuses(day).statuses.values()}
        assert {"in_force", "unknown"} <= states and len(states) >= 4, states
    assert corpus.reference.statuses(AS_OF[-1]).flags  # warnings passed down
    assert any(corpus.reference.tasks_by_agency(n) for n, d in g.nodes(data=True) if d.get("kind") == "agency")


@pytest.mark.parametrize("name", engines())
@pytest.mark.parametrize("corpus", ["seed_corpus", "generated_corpus"])
def test_every_engine_gives_the_reference_answers(corpus, name, request):
    corpus = request.getfixturevalue(corpus)
    _not_vacuous(corpus)
    eng = open_on(name, corpus, request)
    try:
        bad = disagreements(eng, corpus, name)
    finally:
        eng.close()
    assert not bad, bad[:5]


def test_the_store_engine_reads_a_neighbourhood_not_the_graph(generated_corpus):
    eng = open_engine("store", generated_corpus.source())
    sizes = sorted(eng.view(n, down=True).number_of_nodes() for n in generated_corpus.sample)
    assert sizes[len(sizes) // 2] < generated_corpus.g.number_of_nodes() // 10
