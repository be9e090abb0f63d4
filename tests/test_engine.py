"""The query-engine registry (queries.engine): an engine registered in a few lines is held to
the reference by the differential loop and answers `policykg … --engine NAME`; an engine
that needs a server says so and is skipped where none is configured."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from policykg.cli import cli
from queries.engine import (
    DEFAULT_ENGINE, EngineUnavailable, GraphEngine, QueryEngine, Source, UnknownEngine, engine_info, engines,
    open_engine, register_engine, unregister_engine,
)
from queries.lineage import trace
from tests.test_differential import Corpus, _trace_key, disagreements, open_on


class Toy(GraphEngine):
    """The networkx engine under another name: all a new engine needs is its answers."""

    name = "toy"


class WrongToy(GraphEngine):
    """An engine that loses the last hop of every impact set: the loop must catch it."""

    name = "wrong"

    def impact(self, node):
        found = super().impact(node)
        return set(sorted(found)[:-1])


@pytest.fixture
def toy():
    register_engine("toy", lambda source: Toy(source.whole(), source.where), description="a toy")
    yield "toy"
    unregister_engine("toy")


def _toy_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    ev = [{"path": "/x/plan.txt", "sentence": "s", "start": 0, "end": 1}]
    docs = {"vn:29-NQ/TW:2022": ("NQ", "29-NQ/TW", "central"), "ha-tinh:26-CTr/TU:2023": ("CTr", "26-CTr/TU", "Hà Tĩnh"),
            "ha-tinh:154/KH-UBND:2023": ("KH", "154/KH-UBND", "Hà Tĩnh"),
            "ha-tinh:1/QĐ-UBND:2020": ("QĐ", "1/QĐ-UBND", "Hà Tĩnh"),
            "ha-tinh:2/QĐ-UBND:2021": ("QĐ", "2/QĐ-UBND", "Hà Tĩnh")}
    for n, (t, sym, jur) in docs.items():
        g.add_node(n, kind="document", type=t, number_symbol=sym, jurisdiction=jur, date=n[-4:] + "-01-01",
                   in_corpus=jur != "central")
    g.add_edge("ha-tinh:26-CTr/TU:2023", "vn:29-NQ/TW:2022", key="implements", relation="implements", evidence=ev)
    g.add_edge("ha-tinh:154/KH-UBND:2023", "ha-tinh:26-CTr/TU:2023", key="implements", relation="implements",
               evidence=ev)
    g.add_edge("ha-tinh:154/KH-UBND:2023", "ha-tinh:1/QĐ-UBND:2020", key="implements", relation="implements",
               evidence=ev)
    g.add_edge("ha-tinh:2/QĐ-UBND:2021", "ha-tinh:1/QĐ-UBND:2020", key="replaces", relation="replaces",
               mode="replace", evidence=ev)
    for i in (1, 2):
        t = f"ha-tinh:154/KH-UBND:2023#task-{i}"
        g.add_node(t, kind="task", text=f"Việc {i}", section=str(i), document="ha-tinh:154/KH-UBND:2023")
        g.add_edge(t, "ha-tinh:154/KH-UBND:2023", key="part_of", relation="part_of", evidence=ev)
        g.add_edge(t, "ha-tinh:agency:so-cong-thuong", key="assigns_to", relation="assigns_to", role="lead",
                   evidence=ev)
    g.add_node("ha-tinh:agency:so-cong-thuong", kind="agency", name="Sở Công Thương", jurisdiction="Hà Tĩnh")
    return g


class _Corpus(Corpus):
    def __init__(self, g, tmp):  # the toy graph: every node checked, no store or RDF needed
        self.g, self.store, self.rdf_file = g, None, None
        self.nodes = sorted(n for n, d in g.nodes(data=True) if d.get("kind") in ("document", "task"))
        self.sample = self.nodes
        self.reference = GraphEngine(g)


def test_a_registered_engine_joins_the_loop_and_is_held_to_the_reference(toy, tmp_path):
    assert toy in engines() and engines()[0] == DEFAULT_ENGINE
    corpus = _Corpus(_toy_graph(), tmp_path)
    checked = {}
    for name in engines():  # the differential test's loop, on a graph small enough to read
        if engine_info(name).needs_server:
            continue
        eng = open_engine(name, corpus.source())
        assert isinstance(eng, QueryEngine)
        checked[name] = disagreements(eng, corpus)
    assert checked["toy"] == [] and checked["networkx"] == [] and checked["sparql"] == []
    # not vacuous: an engine that drops one node of an impact set is caught
    wrong = disagreements(WrongToy(corpus.g), corpus)
    assert ("lineage", "ha-tinh:26-CTr/TU:2023") in wrong
    # the toy graph carries a replaced document and its warning downstream
    rep = corpus.reference.statuses("2024-01-01")
    assert rep.of("ha-tinh:1/QĐ-UBND:2020").state == "replaced"
    assert rep.flags["ha-tinh:154/KH-UBND:2023"]


def test_the_cli_answers_with_a_registered_engine(toy, seed_store):
    runner = CliRunner()
    for args in (["trace", "154/KH-UBND"], ["impact", "29-NQ/TW", "--json"], ["status", "154/KH-UBND"],
                 ["tasks", "--serves", "29-NQ/TW", "--json"]):
        default = runner.invoke(cli, [*args, "--store", str(seed_store)])
        with_toy = runner.invoke(cli, [*args, "--store", str(seed_store), "--engine", toy])
        assert default.exit_code == 0, default.output
        assert with_toy.output == default.output  # networkx answers as the store's index does
    unknown = runner.invoke(cli, ["trace", "154/KH-UBND", "--store", str(seed_store), "--engine", "nope"])
    assert unknown.exit_code == 2 and "'nope' is not a query engine (known: store, networkx" in unknown.output


def test_an_engine_without_a_view_prints_what_its_answers_hold(seed_store):
    runner = CliRunner()
    out = runner.invoke(cli, ["trace", "154/KH-UBND", "--store", str(seed_store), "--engine", "sparql"])
    assert out.exit_code == 0, out.output
    # the same paths as the default engine, each hop named by the engine's display fields
    assert out.output.splitlines()[1:] == ["  154/KH-UBND -> 26-CTr/TU -> 29-NQ/TW",
                                           "  154/KH-UBND -> 13-KH/TW -> 29-NQ/TW", "Central roots: 29-NQ/TW"]
    as_json = json.loads(runner.invoke(cli, ["trace", "154/KH-UBND", "--store", str(seed_store), "--engine", "sparql",
                                             "--json"]).output)
    default = json.loads(runner.invoke(cli, ["trace", "154/KH-UBND", "--store", str(seed_store), "--json"]).output)
    assert (as_json["paths"], as_json["roots"]) == (default["paths"], default["roots"])
    tasks = runner.invoke(cli, ["tasks", "--serves", "29-NQ/TW", "--store", str(seed_store), "--engine", "sparql"])
    assert tasks.exit_code == 2 and "the sparql engine has none" in tasks.output


def test_an_engine_that_needs_a_server_says_so():
    assert engine_info("cypher").needs_server and not engine_info("store").needs_server
    with pytest.raises(EngineUnavailable, match="needs a server"):
        open_engine("cypher", Source(graph=_toy_graph()))
    with pytest.raises(UnknownEngine):
        open_engine("nope", Source(graph=_toy_graph()))


@pytest.mark.parametrize("name", ["sparql", "cypher"])
def test_a_language_engine_traces_the_based_on_fallback_hop_by_hop(name, tmp_path, request):
    # a plan that implements nothing climbs its "Căn cứ" links to policy documents (the
    # programme, then on to the resolution), not to a decree nor to a document named only
    g = _toy_graph()
    ev = [{"path": "/x/plan.txt", "sentence": "s", "start": 0, "end": 1}]
    plan, decree, named = "ha-tinh:3/KH-UBND:2024", "vn:15/2020/NĐ-CP:2020", "ha-tinh:9-CTr/TU:2019"
    g.add_node(plan, kind="document", type="KH", number_symbol="3/KH-UBND", jurisdiction="Hà Tĩnh",
               date="2024-01-01", in_corpus=True)
    g.add_node(decree, kind="document", type="NĐ", number_symbol="15/2020/NĐ-CP", jurisdiction="central",
               date="2020-01-01", in_corpus=False)
    g.add_node(named, kind="document", type="CTr", number_symbol="9-CTr/TU", jurisdiction="Hà Tĩnh",
               date="2019-01-01", in_corpus=False, flags=["named"])
    for target in ("ha-tinh:26-CTr/TU:2023", decree, named):
        g.add_edge(plan, target, key="based_on", relation="based_on", evidence=ev)
    corpus = _Corpus(g, tmp_path)
    if name == "cypher":
        corpus.g = g  # open_on pushes corpus.g to the Bolt test server
    want = trace(g, plan)
    assert want.via_based_on == [(plan, "ha-tinh:26-CTr/TU:2023")] and want.roots == ["vn:29-NQ/TW:2022"]
    eng = open_on(name, corpus, request)
    try:
        assert _trace_key(eng.trace(plan)) == _trace_key(want)
        assert _trace_key(eng.trace(plan, based_on_fallback=False)) == _trace_key(trace(g, plan, based_on_fallback=False))
        assert disagreements(eng, corpus, name) == []
    finally:
        eng.close()
