"""RDF export (graph/rdf.py): IRIs, the ELI mapping, the vocabulary file, SHACL shapes and
round trips through Turtle, JSON-LD and N-Triples."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD, get_annotations

from graph.errors import PolicyKGError
from graph.rdf import (
    ELI,
    ID_BASE,
    PKG,
    RDFError,
    export_rdf,
    from_rdf_counts,
    graph_counts,
    iri_to_id,
    load_rdf,
    node_iri,
    to_rdf,
)
from policykg.synth import make_graph, make_seed_graph

ROOT = Path(__file__).resolve().parent.parent
VOCAB = ROOT / "data" / "vocab" / "policykg.ttl"
SHAPES = ROOT / "data" / "vocab" / "policykg-shapes.ttl"
PKG_NS = str(PKG._NS)
ELI_NS = str(ELI._NS)


@pytest.fixture(scope="module")
def seed() -> nx.MultiDiGraph:
    return make_seed_graph()


@pytest.fixture(scope="module")
def synth() -> nx.MultiDiGraph:
    from queries.status import annotate, graph_statuses

    g = make_graph(300, seed=11)
    return annotate(g, graph_statuses(g, "2026-12-06"))  # exports carry the legal status


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES)


def _conforms(data: Graph, shapes: Graph) -> tuple[bool, str]:
    conforms, _, text = validate(data, shacl_graph=shapes, advanced=True, allow_warnings=False)
    return conforms, text


# ------------------------------------------------------------------------------- IRIs

IDS = [
    # (canonical id, why it is a row)
    ("vn:29-NQ/TW:2022", "Party resolution: ':' and '/'"),
    ("ha-tinh:154/KH-UBND:2023#task-12", "task id: '#'"),
    ("vn:Luật Đất đai:2024", "named law: spaces and Vietnamese letters"),
    ("vn:35/2022/NĐ-CP:2022", "normative: two '/' and Đ"),
    ("vn:26/2016/CT-TTg:?", "unknown year: '?'"),
    ("ha-tinh:/CTr-KKT:2023", "blank number: leading '/'"),
    ("ha-tinh:agency:so-cong-thuong", "agency id"),
    ("x:a%2Fb:1", "a literal percent sign stays distinct from an escape"),
]


@pytest.mark.parametrize(("node_id", "why"), IDS, ids=[why for _, why in IDS])
def test_node_iri_is_percent_safe_and_reversible(node_id, why):
    iri = node_iri(node_id)
    rest = str(iri)[len(ID_BASE) :]
    assert str(iri).startswith(ID_BASE)
    assert re.fullmatch(r"(?:[A-Za-z0-9._~-]|%[0-9A-F]{2})+", rest), rest
    assert iri_to_id(iri) == node_id


def test_iri_to_id_rejects_iris_that_are_not_nodes():
    link = URIRef(f"{node_iri('vn:29-NQ/TW:2022')}/implements/x")
    assert iri_to_id(link) is None
    assert iri_to_id(URIRef("http://example.org/x")) is None
    assert iri_to_id(URIRef(ID_BASE)) is None



# ------------------------------------------------------------------------------- mapping


def test_documents_use_eli(seed):
    rdf = to_rdf(seed)
    doc = node_iri("ha-tinh:154/KH-UBND:2023")
    assert (doc, RDF.type, ELI.LegalResource) in rdf
    assert (doc, ELI.id_local, Literal("154/KH-UBND")) in rdf
    assert (doc, ELI.date_document, Literal("2023-05-05", datatype=XSD.date)) in rdf
    assert (doc, PKG.canonicalId, Literal("ha-tinh:154/KH-UBND:2023")) in rdf
    assert (doc, PKG.inCorpus, Literal(True)) in rdf
    (jur,) = rdf.objects(doc, ELI.jurisdiction)
    assert (jur, SKOS.prefLabel, Literal("Hà Tĩnh", lang="vi")) in rdf
    assert (jur, RDF.type, ELI.AdministrativeArea) in rdf
    (kind,) = rdf.objects(doc, ELI.type_document)
    assert (kind, RDF.type, ELI.ResourceType) in rdf
    assert (kind, SKOS.prefLabel, Literal("KH", lang="vi")) in rdf
    (agent,) = rdf.objects(doc, ELI.passed_by)
    assert (agent, RDFS.label, Literal("Ủy ban nhân dân tỉnh Hà Tĩnh", lang="vi")) in rdf
    (title,) = rdf.objects(doc, ELI.title)
    assert title.language == "vi" and "26-CTr/TU" in title


def test_invalid_date_is_kept_as_text_not_as_xsd_date(seed):
    rdf = to_rdf(seed)
    doc = node_iri("ha-tinh:15/2018/QĐ-UBND:2018")
    assert list(rdf.objects(doc, ELI.date_document)) == []
    assert (doc, PKG.dateText, Literal("2023-02-30")) in rdf
    assert (doc, PKG.flag, Literal("conflict:date")) in rdf


RELATIONS = [
    # (source, predicate, target, why)
    ("ha-tinh:154/KH-UBND:2023", PKG.implementsPolicy, "ha-tinh:26-CTr/TU:2023", "State plan -> Party program"),
    ("ha-tinh:26-CTr/TU:2023", PKG.implementsPolicy, "vn:29-NQ/TW:2022", "Party -> Party"),
    ("vn:88/NQ-CP:2022", PKG.implementsPolicy, "vn:10-NQ/TW:2022", "Government -> Party resolution"),
    ("ha-tinh:417/KH-UBND:2022", ELI.ensures_implementation_of, "vn:88/NQ-CP:2022", "State -> State"),
    ("hai-phong:656/KH-BQL:2023", ELI.ensures_implementation_of, "hai-phong:278/KH-UBND:2022", "board plan -> UBND plan"),
    ("ha-tinh:154/KH-UBND:2023", ELI.based_on, "vn:35/2022/NĐ-CP:2022", "Căn cứ"),
    ("ha-tinh:154/KH-UBND:2023", ELI.cites, "vn:Luật Đất đai:2024", "cites a named law"),
    ("ha-tinh:/CTr-KKT:2023", ELI.amends, "ha-tinh:15/2018/QĐ-UBND:2018", "amends"),
    ("ha-tinh:/CTr-KKT:2023#task-3", ELI.repeals, "ha-tinh:16/2007/QĐ-UBND:2007", "replaces, from a task"),
    ("ha-tinh:154/KH-UBND:2023#task-1", PKG.leadAgency, "ha-tinh:agency:so-cong-thuong", "assigns_to lead"),
    ("ha-tinh:154/KH-UBND:2023#task-1", PKG.cooperatingAgency, "ha-tinh:agency:so-ke-hoach-va-dau-tu",
     "assigns_to cooperating"),
    ("ha-tinh:154/KH-UBND:2023#task-1", PKG.partOf, "ha-tinh:154/KH-UBND:2023", "task part_of document"),
    ("hai-phong:agency:phong-quan-ly-dau-tu", PKG.partOf, "hai-phong:agency:ban-quan-ly-khu-kinh-te-hai-phong",
     "unit part_of parent"),
]


@pytest.mark.parametrize(("u", "predicate", "v", "why"), RELATIONS, ids=[w for *_, w in RELATIONS])
def test_relation_predicates(seed, u, predicate, v, why):
    rdf = to_rdf(seed)
    assert (node_iri(u), predicate, node_iri(v)) in rdf
    assert len(list(rdf.predicates(node_iri(u), node_iri(v)))) == 1


def test_edges_are_reified_with_evidence(seed):
    rdf = to_rdf(seed)
    s, o = node_iri("ha-tinh:154/KH-UBND:2023"), node_iri("ha-tinh:26-CTr/TU:2023")
    (link,) = [x for x in rdf.subjects(RDF.subject, s) if (x, RDF.object, o) in rdf]
    assert (link, RDF.type, PKG.Link) in rdf
    assert (link, RDF.predicate, PKG.implementsPolicy) in rdf
    assert (link, PKG.relation, Literal("implements")) in rdf
    evidence = sorted(rdf.objects(link, PKG.evidence))
    assert len(evidence) == 2
    starts = sorted(int(rdf.value(e, PKG.startOffset)) for e in evidence)
    assert starts == [88, 410]
    e = evidence[0]
    assert str(rdf.value(e, PKG.sourcePath)) == "data/corpus/002_05e3fa0bd3f85029.txt"
    assert rdf.value(e, PKG.sentence).language == "vi"
    assert "26-CTr/TU" in rdf.value(e, PKG.sentence)
    assert rdf.value(e, PKG.sourceDocument) == s
    end = int(rdf.value(e, PKG.endOffset))
    assert end - int(rdf.value(e, PKG.startOffset)) == len(rdf.value(e, PKG.sentence))


def test_assignment_links_carry_the_role(seed):
    rdf = to_rdf(seed)
    task = node_iri("ha-tinh:154/KH-UBND:2023#task-1")
    roles = sorted(str(rdf.value(link, PKG.role)) for link in rdf.subjects(RDF.subject, task)
                   if rdf.value(link, PKG.relation) == Literal("assigns_to"))
    assert roles == ["cooperating", "cooperating", "lead"]


def test_tasks_and_deadlines(seed):
    rdf = to_rdf(seed)
    task = node_iri("ha-tinh:154/KH-UBND:2023#task-2")
    assert (task, RDF.type, PKG.Task) in rdf
    assert str(rdf.value(task, PKG.section)) == "III.2"
    deadline = rdf.value(task, PKG.deadline)
    assert (deadline, RDF.type, PKG.Deadline) in rdf
    assert rdf.value(deadline, PKG.recurrence) == Literal("FREQ=MONTHLY;BYMONTHDAY=19")
    assert rdf.value(deadline, PKG.deadlineKind) == Literal("recurring")
    first = rdf.value(node_iri("ha-tinh:154/KH-UBND:2023#task-1"), PKG.deadline)
    assert rdf.value(first, PKG.deadlineEnd) == Literal("2023-06-30", datatype=XSD.date)


def test_counts_of_the_seed_graph(seed):
    counts = from_rdf_counts(to_rdf(seed))
    assert counts == {
        "documents": 16,
        "tasks": 4,
        "agencies": 5,
        "edges": {"implements": 9, "replaces": 1, "amends": 1, "based_on": 1, "cites": 2,
                  "assigns_to": 6, "part_of": 5},
        "evidence": 26,
    }
    assert counts == graph_counts(seed)


# ------------------------------------------------------------------------------- errors

def _tiny() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node("t", kind="task", text="x", document="d", section="1", start=0, end=1)
    G.add_node("a", kind="agency", name="Sở Tài chính", jurisdiction="Hà Tĩnh", group=False, parent=None)
    return G


def test_unknown_kind_names_the_node():
    G = _tiny()
    G.add_node("mystery", kind="person")
    with pytest.raises(RDFError, match="node mystery: unknown kind 'person'"):
        to_rdf(G)


def test_assignment_without_role_names_the_edge():
    G = _tiny()
    G.add_edge("t", "a", key="assigns_to", relation="assigns_to", evidence=[])
    with pytest.raises(RDFError, match="edge t -> a: assigns_to has role None"):
        to_rdf(G)


def test_evidence_without_offsets_is_refused():
    G = _tiny()
    G.add_edge("t", "a", key="assigns_to", relation="assigns_to", role="lead",
               evidence=[{"path": "f.txt", "sentence": "s", "start": None, "end": 3}])
    with pytest.raises(RDFError, match="lacks start"):
        to_rdf(G)


def test_unknown_format_and_unreadable_file(tmp_path):
    with pytest.raises(RDFError, match="unknown RDF format 'xml'"):
        export_rdf(_tiny(), tmp_path / "x.xml", "xml")
    with pytest.raises(RDFError, match="no such file"):
        load_rdf(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix : <http://x/> .\n:a :b ", encoding="utf-8")
    with pytest.raises(RDFError, match="bad.ttl: cannot parse"):
        load_rdf(bad)
    assert issubclass(RDFError, PolicyKGError)


def test_misspelt_terms_raise():
    with pytest.raises(AttributeError):
        PKG.implementPolicy  # noqa: B018
    with pytest.raises(AttributeError):
        ELI.ensures_implementation  # noqa: B018


# ------------------------------------------------------------------------------- vocabulary

def _terms_used(rdf: Graph, ns: str) -> set[str]:
    used = set()
    for triple in rdf:
        for term in triple:
            if isinstance(term, URIRef) and str(term).startswith(ns):
                used.add(str(term)[len(ns) :])
    return used


#: A conflict as queries.conflicts reports it (exported as pkg:Conflict).
CONFLICT = {
    "kind": "date", "subject": "hai-phong:06-NQ/TU:2022",
    "detail": "06-NQ/TU cited with dates 2022-04-07, 2022-07-04",
    "evidence": [
        {"file": "003.txt", "sentence": "Nghị quyết số 06-NQ/TU ngày 07/4/2022", "start": 88, "end": 125, "value": "2022-04-07"},
        {"file": "004.txt", "sentence": "Nghị quyết số 06/NQ-TU ngày 07/7/2022", "start": 900, "end": 937, "value": "2022-07-04"},
    ],
}


def test_vocabulary_file_python_namespace_and_export_agree(seed, synth):
    vocab = Graph().parse(VOCAB)
    declared = {str(s)[len(PKG_NS) :] for s in vocab.subjects() if str(s).startswith(PKG_NS)}
    used = _terms_used(to_rdf(seed, [CONFLICT]), PKG_NS) | _terms_used(to_rdf(synth), PKG_NS)
    in_python = set(get_annotations(PKG))
    assert used == declared, (sorted(used - declared), sorted(declared - used))
    assert in_python == declared, (sorted(in_python - declared), sorted(declared - in_python))


def test_every_vocabulary_term_has_vietnamese_and_english_labels():
    vocab = Graph().parse(VOCAB)
    terms = {s for s in vocab.subjects() if isinstance(s, URIRef) and str(s).startswith(PKG_NS)}
    assert len(terms) > 30
    for term in terms:
        langs = sorted(label.language for label in vocab.objects(term, RDFS.label))
        assert langs == ["en", "vi"], term
        assert {c.language for c in vocab.objects(term, RDFS.comment)} == {"en", "vi"}, term


def test_own_properties_refine_the_nearest_eli_property():
    vocab = Graph().parse(VOCAB)
    assert (PKG.implementsPolicy, RDFS.subPropertyOf, ELI.applies) in vocab
    assert (PKG.Agency, RDFS.subClassOf, ELI.Agent) in vocab
    assert (URIRef("https://policykg.org/ns"), RDF.type, OWL.Ontology) in vocab


def test_eli_terms_used_are_declared_eli_terms(seed, synth):
    used = _terms_used(to_rdf(seed), ELI_NS) | _terms_used(to_rdf(synth), ELI_NS)
    assert used <= set(get_annotations(ELI)) | set(ELI._extras)
    assert {"LegalResource", "ensures_implementation_of", "based_on", "cites", "amends",
            "repeals", "id_local", "date_document", "passed_by", "title", "jurisdiction",
            "type_document"} <= used


# ------------------------------------------------------------------------------- SHACL

def test_seed_export_conforms(seed, shapes):
    conforms, text = _conforms(to_rdf(seed), shapes)
    assert conforms, text


def test_synthetic_export_conforms(synth, shapes):
    conforms, text = _conforms(to_rdf(synth), shapes)
    assert conforms, text


def _break(rdf: Graph, how: str) -> Graph:
    broken = Graph()
    for triple in rdf:
        broken.add(triple)
    s, o = node_iri("ha-tinh:154/KH-UBND:2023"), node_iri("ha-tinh:26-CTr/TU:2023")
    task = node_iri("ha-tinh:154/KH-UBND:2023#task-1")
    if how == "direct triple missing":
        broken.remove((s, PKG.implementsPolicy, o))
    elif how == "task in two documents":
        broken.add((task, PKG.partOf, node_iri("vn:29-NQ/TW:2022")))
    elif how == "role on the wrong link":
        (link,) = [x for x in broken.subjects(RDF.subject, s) if (x, RDF.object, o) in broken]
        broken.add((link, PKG.role, Literal("lead")))
    elif how == "unknown deadline kind":
        deadline = broken.value(task, PKG.deadline)
        broken.set((deadline, PKG.deadlineKind, Literal("soon")))
    elif how == "evidence ends before it starts":
        ev = next(broken.subjects(RDF.type, PKG.Evidence))
        broken.set((ev, PKG.endOffset, Literal(-1 + int(broken.value(ev, PKG.startOffset)))))
    elif how == "date as a string":
        broken.set((s, ELI.date_document, Literal("05/5/2023")))
    elif how == "document without jurisdiction":
        broken.remove((s, ELI.jurisdiction, None))
    return broken


@pytest.mark.parametrize("how", [
    "direct triple missing", "task in two documents", "role on the wrong link",
    "unknown deadline kind", "evidence ends before it starts", "date as a string",
    "document without jurisdiction",
])
def test_shapes_catch_a_broken_export(seed, shapes, how):
    conforms, text = _conforms(_break(to_rdf(seed), how), shapes)
    assert not conforms, how


# ------------------------------------------------------------------------------- round trips

@pytest.mark.parametrize("fmt", ["ttl", "jsonld", "nt"])
@pytest.mark.parametrize("which", ["seed", "synth"])
def test_round_trip(tmp_path, request, shapes, fmt, which):
    G = request.getfixturevalue(which)
    path = tmp_path / f"export.{fmt}"
    n = export_rdf(G, path, fmt)
    expected = to_rdf(G)
    assert n == len(expected)
    assert from_rdf_counts(path) == graph_counts(G)
    back = load_rdf(path)
    assert set(back) == set(expected)
    if which == "seed":
        conforms, text = _conforms(back, shapes)
        assert conforms, text


def test_turtle_export_uses_prefixed_names(tmp_path, seed):
    path = tmp_path / "seed.ttl"
    export_rdf(seed, path, "ttl")
    text = path.read_text("utf-8")
    assert "@prefix eli: <http://data.europa.eu/eli/ontology#> ." in text
    assert "pkgid:ha-tinh%3A154%2FKH-UBND%3A2023\n" in text
    assert "eli:ensures_implementation_of pkgid:vn%3A88%2FNQ-CP%3A2022" in text
    assert "Kế hoạch triển khai" in text  # UTF-8, not escaped
