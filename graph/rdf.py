"""RDF export of the policy graph: ELI where its meaning fits, our small vocabulary elsewhere.

The networkx graph documented in :mod:`graph.model` becomes an ``rdflib.Graph``:

* documents are ``eli:LegalResource`` with ``eli:type_document``, ``eli:id_local`` (the
  number-symbol), ``eli:date_document`` (``xsd:date``), ``eli:passed_by``, ``eli:title``
  and ``eli:jurisdiction``;
* document relations use ``eli:based_on``, ``eli:cites``, ``eli:amends``, ``eli:repeals``
  (for *replaces*) and ``eli:ensures_implementation_of`` (for *implements* between State
  documents).  When either end of an *implements* edge is a Party document, the link has
  no legal value, so it is ``pkg:implementsPolicy`` (``rdfs:subPropertyOf eli:applies``);
* tasks, agencies, deadlines, assignments (``pkg:leadAgency`` / ``pkg:cooperatingAgency``),
  ``pkg:partOf`` and evidence are in the ``pkg:`` vocabulary (:class:`PKG`), published as
  Turtle in ``data/vocab/policykg.ttl`` with SHACL shapes beside it;
* every edge is also reified as a ``pkg:Link`` (an ``rdf:Statement`` with ``rdf:subject``,
  ``rdf:predicate``, ``rdf:object``, ``pkg:relation`` and, for assignments, ``pkg:role``)
  pointing to one ``pkg:Evidence`` node per piece of evidence (source path, sentence,
  offsets, source document).

IRIs are stable and percent-safe: a node is ``https://policykg.org/id/`` followed by its
canonical id quoted with ``urllib.parse.quote(id, safe="")``; links, evidence and deadlines
hang below their node's IRI after a ``/`` (which a quoted id never contains).

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("vn:29-NQ/TW:2022", kind="document", type="NQ", number_symbol="29-NQ/TW",
...            date="2022-11-17", issuer="Ban Chấp hành Trung ương", jurisdiction="central",
...            title=None, in_corpus=False, path=None, flags=[])
>>> str(node_iri("vn:29-NQ/TW:2022"))
'https://policykg.org/id/vn%3A29-NQ%2FTW%3A2022'
>>> iri_to_id(node_iri("vn:Luật Đất đai:2024"))
'vn:Luật Đất đai:2024'
>>> graph_counts(G)["documents"]
1
"""

import functools
import json
import hashlib
import re
import urllib.parse
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD, DefinedNamespace

from graph.errors import PolicyKGError
from graph.ids import agency_id, jurisdiction_slug
from graph.model import CENTRAL, Relation

__all__ = [
    "PKG",
    "ELI",
    "BASE",
    "ID_BASE",
    "DOCTYPE_BASE",
    "JURISDICTION_BASE",
    "FORMATS",
    "LINEAGE_PREDICATES",
    "RDFError",
    "node_iri",
    "iri_to_id",
    "predicate_for",
    "to_rdf",
    "export_rdf",
    "load_rdf",
    "graph_counts",
    "from_rdf_counts",
]

#: Root of every IRI the project mints.
BASE = "https://policykg.org/"
#: Nodes of the graph (documents, tasks, agencies) and what hangs below them.
ID_BASE = BASE + "id/"
#: Document type concepts (``eli:type_document`` values): NQ, KH, CTr, NĐ, Luật ...
DOCTYPE_BASE = BASE + "doctype/"
#: Jurisdiction concepts (``eli:jurisdiction`` values): vn, ha-tinh, hai-phong ...
JURISDICTION_BASE = BASE + "jurisdiction/"


class RDFError(PolicyKGError):
    """The graph cannot be exported or an RDF file cannot be read.  One line, naming the
    node, edge or file."""


class ELI(DefinedNamespace):
    """The terms of the European Legislation Identifier ontology that policykg uses.

    Each was checked against the official ontology (http://data.europa.eu/eli/ontology);
    a misspelt term raises ``AttributeError``.
    """

    _NS = Namespace("http://data.europa.eu/eli/ontology#")
    _fail = True

    # Classes
    LegalResource: URIRef  # a distinct intellectual creation: the document itself
    Agent: URIRef  # range of passed_by
    AdministrativeArea: URIRef  # range of jurisdiction
    ResourceType: URIRef  # range of type_document

    # Datatype properties
    id_local: URIRef  # identifier in the local reference system: the number-symbol
    date_document: URIRef  # date of adoption or signature
    title: URIRef

    # Object properties
    type_document: URIRef
    passed_by: URIRef
    jurisdiction: URIRef
    based_on: URIRef
    cites: URIRef
    amends: URIRef
    repeals: URIRef
    ensures_implementation_of: URIRef
    applies: URIRef  # informative conformity, no legal value: parent of pkg:implementsPolicy

    # Legal force (queries.status, written when the graph carries statuses)
    in_force: URIRef  # -> one of the InForce concepts below
    first_date_entry_in_force: URIRef
    date_no_longer_in_force: URIRef
    repealed_by: URIRef
    amended_by: URIRef
    # the values of in_force (concepts of ELI's InForce table; not Python names)
    _extras = ["InForce-inForce", "InForce-notInForce", "InForce-partiallyInForce"]


class PKG(DefinedNamespace):
    """The policykg vocabulary (``https://policykg.org/ns#``), published with Vietnamese and
    English labels in ``data/vocab/policykg.ttl``.  A misspelt term raises ``AttributeError``.
    """

    _NS = Namespace("https://policykg.org/ns#")
    _fail = True

    # Classes
    Task: URIRef
    Agency: URIRef
    Deadline: URIRef
    Link: URIRef
    Evidence: URIRef
    DocumentTypeScheme: URIRef
    JurisdictionScheme: URIRef

    # Relations between nodes (the direct triples)
    implementsPolicy: URIRef
    partOf: URIRef
    leadAgency: URIRef
    cooperatingAgency: URIRef

    # Every node
    canonicalId: URIRef
    flag: URIRef

    # Documents
    inCorpus: URIRef
    sourcePath: URIRef
    dateText: URIRef

    # Tasks
    text: URIRef
    section: URIRef
    startOffset: URIRef
    endOffset: URIRef
    approvalLevel: URIRef
    leadInferred: URIRef
    deadline: URIRef

    # Deadlines
    deadlineText: URIRef
    deadlineKind: URIRef
    deadlineStart: URIRef
    deadlineEnd: URIRef
    recurrence: URIRef

    # Agencies
    isGroup: URIRef
    agencyJurisdiction: URIRef

    # Conflicts between citations (queries.conflicts), with their evidence
    Conflict: URIRef
    conflictKind: URIRef
    conflictDetail: URIRef
    concerns: URIRef
    citedValue: URIRef

    # Legal force: what the documents say of it, and the status derived from it
    periodStart: URIRef
    periodEnd: URIRef
    reportedState: URIRef
    status: URIRef
    latestVersion: URIRef
    atRiskFrom: URIRef
    changeMode: URIRef
    changedParts: URIRef

    # Links (reified edges) and evidence
    relation: URIRef
    role: URIRef
    evidence: URIRef
    sentence: URIRef
    sourceDocument: URIRef


#: ELI's "in force" concepts (the ontology's InForce table), by ``Status.in_force``.
IN_FORCE = {
    True: ELI["InForce-inForce"],
    False: ELI["InForce-notInForce"],
}

#: Serialization formats accepted by :func:`export_rdf`, with rdflib's plugin names.
FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt"}
_SUFFIX_FORMATS = {".ttl": "turtle", ".jsonld": "json-ld", ".json": "json-ld", ".nt": "nt"}

#: Predicates of the direct triples that carry the LINEAGE relations (implements, part_of).
LINEAGE_PREDICATES = (ELI.ensures_implementation_of, PKG.implementsPolicy, PKG.partOf)

#: Direct predicate of each relation whose predicate does not depend on its ends.
_FIXED_PREDICATES = {
    Relation.REPLACES.value: ELI.repeals,
    Relation.AMENDS.value: ELI.amends,
    Relation.BASED_ON.value: ELI.based_on,
    Relation.CITES.value: ELI.cites,
    Relation.PART_OF.value: PKG.partOf,
}
_ROLE_PREDICATES = {"lead": PKG.leadAgency, "cooperating": PKG.cooperatingAgency}

_PREFIXES = {
    "eli": str(ELI._NS),
    "pkg": str(PKG._NS),
    "pkgid": ID_BASE,
    "doctype": DOCTYPE_BASE,
    "jur": JURISDICTION_BASE,
    "skos": str(SKOS),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}


def _quote(text: str) -> str:
    return urllib.parse.quote(text, safe="")


@functools.lru_cache(maxsize=1 << 16)
def node_iri(node_id: str) -> URIRef:
    """IRI of a graph node from its canonical id.

    Args:
        node_id: a canonical id such as ``"ha-tinh:154/KH-UBND:2023#task-12"``.

    Returns:
        ``https://policykg.org/id/`` plus the id percent-encoded with no safe character.

    Examples:
        >>> str(node_iri("ha-tinh:agency:so-cong-thuong"))
        'https://policykg.org/id/ha-tinh%3Aagency%3Aso-cong-thuong'
    """
    return URIRef(ID_BASE + _quote(node_id))


def iri_to_id(iri: str) -> str | None:
    """Canonical id of a node IRI made by :func:`node_iri`, or None for any other IRI
    (links, evidence, deadlines, concepts, foreign IRIs)."""
    text = str(iri)
    if not text.startswith(ID_BASE):
        return None
    rest = text[len(ID_BASE) :]
    if not rest or "/" in rest:
        return None
    return urllib.parse.unquote(rest)


def _is_party_node(attrs: dict) -> bool:
    """A Party document (the ``party`` the loaders read, loaders.identity.party_of)."""
    return attrs.get("kind") == "document" and attrs.get("party") is True


def predicate_for(G: nx.MultiDiGraph, u: str, v: str, data: dict) -> URIRef:
    """The predicate of the direct triple for edge ``u -> v`` with attributes ``data``.

    Raises:
        RDFError: the relation is unknown, or an ``assigns_to`` edge has no valid role.
    """
    relation = data.get("relation")
    if relation == Relation.IMPLEMENTS.value:
        if _is_party_node(G.nodes[u]) or _is_party_node(G.nodes[v]):
            return PKG.implementsPolicy
        return ELI.ensures_implementation_of
    if relation == Relation.ASSIGNS_TO.value:
        role = data.get("role")
        if role not in _ROLE_PREDICATES:
            raise RDFError(f"edge {u} -> {v}: assigns_to has role {role!r}, expected lead or cooperating")
        return _ROLE_PREDICATES[role]
    if relation in _FIXED_PREDICATES:
        return _FIXED_PREDICATES[relation]
    raise RDFError(f"edge {u} -> {v}: unknown relation {relation!r}")


def _date_literal(value: str) -> Literal | None:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    return Literal(value, datatype=XSD.date)


def _text(value: Any) -> Literal:
    return Literal(str(value), lang="vi")


def _concept(rdf: Graph, base: str, key: str, label: str, cls: URIRef, scheme: URIRef) -> URIRef:
    iri = URIRef(base + _quote(key))
    if (iri, RDF.type, cls) in rdf:
        return iri
    rdf.add((iri, RDF.type, cls))
    rdf.add((iri, RDF.type, SKOS.Concept))
    rdf.add((iri, SKOS.inScheme, scheme))
    rdf.add((iri, SKOS.prefLabel, _text(label)))
    return iri


def _jurisdiction(rdf: Graph, jurisdiction: str) -> URIRef:
    label = "Việt Nam (trung ương)" if jurisdiction == CENTRAL else jurisdiction
    return _concept(
        rdf, JURISDICTION_BASE, jurisdiction_slug(jurisdiction), label,
        ELI.AdministrativeArea, PKG.JurisdictionScheme,
    )


def _add_flags(rdf: Graph, iri: URIRef, attrs: dict) -> None:
    for flag in attrs.get("flags") or ():
        rdf.add((iri, PKG.flag, Literal(str(flag))))


def _add_document(rdf: Graph, node: str, iri: URIRef, attrs: dict) -> None:
    rdf.add((iri, RDF.type, ELI.LegalResource))
    doc_type = attrs.get("type")
    if doc_type:
        rdf.add((iri, ELI.type_document, _concept(
            rdf, DOCTYPE_BASE, doc_type, doc_type, ELI.ResourceType, PKG.DocumentTypeScheme)))
    symbol = attrs.get("number_symbol")
    if symbol:
        rdf.add((iri, ELI.id_local, Literal(symbol)))
    when = attrs.get("date")
    if when:
        literal = _date_literal(when)
        rdf.add((iri, ELI.date_document, literal) if literal else (iri, PKG.dateText, Literal(str(when))))
    jurisdiction = attrs.get("jurisdiction")
    if not jurisdiction:
        raise RDFError(f"node {node}: document has no jurisdiction")
    rdf.add((iri, ELI.jurisdiction, _jurisdiction(rdf, jurisdiction)))
    issuer = attrs.get("issuer")
    if issuer:
        agent = node_iri(agency_id(jurisdiction, issuer))
        if (agent, RDF.type, ELI.Agent) not in rdf:
            rdf.add((agent, RDF.type, ELI.Agent))
            rdf.add((agent, RDFS.label, _text(issuer)))
        rdf.add((iri, ELI.passed_by, agent))
    title = attrs.get("title")
    if title:
        rdf.add((iri, ELI.title, _text(title)))
    rdf.add((iri, RDFS.label, Literal(symbol or title or node)))
    rdf.add((iri, PKG.inCorpus, Literal(bool(attrs.get("in_corpus")))))
    if attrs.get("path"):
        rdf.add((iri, PKG.sourcePath, Literal(str(attrs["path"]))))
    _add_force(rdf, iri, attrs)


def _add_date(rdf: Graph, iri: URIRef, prop: URIRef, value: str | None) -> None:
    literal = _date_literal(value) if value else None
    if literal is not None:
        rdf.add((iri, prop, literal))


def _add_force(rdf: Graph, iri: URIRef, attrs: dict) -> None:
    """What the document says of its force, and its status where the graph carries one
    (``queries.status.annotate``); see data/vocab/README.md, "Legal force"."""
    _add_date(rdf, iri, ELI.first_date_entry_in_force, attrs.get("effective_date"))
    _add_date(rdf, iri, PKG.periodStart, attrs.get("period_from"))
    _add_date(rdf, iri, PKG.periodEnd, attrs.get("period_until"))
    if attrs.get("reported_state"):
        rdf.add((iri, PKG.reportedState, Literal(str(attrs["reported_state"]))))
    _add_risk(rdf, iri, attrs)
    state = attrs.get("status")
    if not state:
        return
    rdf.add((iri, PKG.status, Literal(str(state))))
    if attrs.get("in_force") in IN_FORCE:
        rdf.add((iri, ELI.in_force, IN_FORCE[attrs["in_force"]]))
    if attrs.get("in_force") is False and state in ("repealed", "replaced", "expired"):
        _add_date(rdf, iri, ELI.date_no_longer_in_force, attrs.get("status_since"))
    by = {"repealed": ELI.repealed_by, "replaced": ELI.repealed_by, "amended": ELI.amended_by}.get(state)
    if by is not None:
        for other in attrs.get("status_by") or ():
            rdf.add((iri, by, node_iri(other)))
    if attrs.get("status_latest"):
        rdf.add((iri, PKG.latestVersion, node_iri(attrs["status_latest"])))


def _add_deadline(rdf: Graph, node: str, iri: URIRef, deadline: dict) -> None:
    target = URIRef(f"{iri}/deadline")
    rdf.add((iri, PKG.deadline, target))
    rdf.add((target, RDF.type, PKG.Deadline))
    rdf.add((target, PKG.deadlineText, _text(deadline.get("text") or "")))
    rdf.add((target, PKG.deadlineKind, Literal(deadline.get("kind") or "unknown")))
    for key, prop in (("start", PKG.deadlineStart), ("end", PKG.deadlineEnd)):
        if deadline.get(key):
            literal = _date_literal(deadline[key])
            if literal is None:
                raise RDFError(f"node {node}: deadline {key} {deadline[key]!r} is not an ISO date")
            rdf.add((target, prop, literal))
    if deadline.get("recurring"):
        rdf.add((target, PKG.recurrence, Literal(deadline["recurring"])))


def _add_task(rdf: Graph, node: str, iri: URIRef, attrs: dict) -> None:
    rdf.add((iri, RDF.type, PKG.Task))
    rdf.add((iri, PKG.text, _text(attrs.get("text") or "")))
    rdf.add((iri, RDFS.label, Literal(node)))
    if attrs.get("section"):
        rdf.add((iri, PKG.section, Literal(str(attrs["section"]))))
    for key, prop in (("start", PKG.startOffset), ("end", PKG.endOffset)):
        if attrs.get(key) is not None:
            rdf.add((iri, prop, Literal(int(attrs[key]))))
    if attrs.get("approval_level"):
        rdf.add((iri, PKG.approvalLevel, _text(attrs["approval_level"])))
    rdf.add((iri, PKG.leadInferred, Literal(bool(attrs.get("inferred")))))
    if attrs.get("deadline"):
        _add_deadline(rdf, node, iri, attrs["deadline"])
    _add_risk(rdf, iri, attrs)


def _add_risk(rdf: Graph, iri: URIRef, attrs: dict) -> None:
    for upstream in attrs.get("at_risk_from") or ():
        rdf.add((iri, PKG.atRiskFrom, node_iri(upstream)))


def _add_agency(rdf: Graph, node: str, iri: URIRef, attrs: dict) -> None:
    rdf.add((iri, RDF.type, PKG.Agency))
    rdf.add((iri, RDFS.label, _text(attrs.get("name") or node)))
    rdf.add((iri, PKG.isGroup, Literal(bool(attrs.get("group")))))
    if attrs.get("jurisdiction"):
        rdf.add((iri, PKG.agencyJurisdiction, _jurisdiction(rdf, attrs["jurisdiction"])))


_NODE_WRITERS = {"document": _add_document, "task": _add_task, "agency": _add_agency}


def _add_evidence(rdf: Graph, link: URIRef, n: int, item: dict, where: str) -> None:
    missing = [k for k in ("path", "start", "end") if item.get(k) is None]
    if missing:
        raise RDFError(f"edge {where}: evidence {n} lacks {', '.join(missing)}")
    ev = URIRef(f"{link}/evidence/{n}")
    rdf.add((link, PKG.evidence, ev))
    rdf.add((ev, RDF.type, PKG.Evidence))
    rdf.add((ev, PKG.sourcePath, Literal(str(item["path"]))))
    if item.get("sentence"):
        rdf.add((ev, PKG.sentence, _text(item["sentence"])))
    rdf.add((ev, PKG.startOffset, Literal(int(item["start"]))))
    rdf.add((ev, PKG.endOffset, Literal(int(item["end"]))))
    if item.get("document"):
        rdf.add((ev, PKG.sourceDocument, node_iri(item["document"])))


def _add_edge(rdf: Graph, G: nx.MultiDiGraph, u: str, v: str, data: dict) -> None:
    predicate = predicate_for(G, u, v, data)
    s, o = node_iri(u), node_iri(v)
    rdf.add((s, predicate, o))
    relation = data["relation"]
    link = URIRef(f"{s}/{relation}/{_quote(v)}")
    rdf.add((link, RDF.type, PKG.Link))
    rdf.add((link, RDF.subject, s))
    rdf.add((link, RDF.predicate, predicate))
    rdf.add((link, RDF.object, o))
    rdf.add((link, PKG.relation, Literal(relation)))
    if data.get("mode"):
        rdf.add((link, PKG.changeMode, Literal(str(data["mode"]))))
    if data.get("parts"):
        rdf.add((link, PKG.changedParts, _text("; ".join(data["parts"]))))
    if relation == Relation.ASSIGNS_TO.value:
        rdf.add((link, PKG.role, Literal(data["role"])))
    for n, item in enumerate(data.get("evidence") or ()):
        _add_evidence(rdf, link, n, item, f"{u} -> {v} ({relation})")


def _bind(rdf: Graph) -> None:
    for prefix, ns in _PREFIXES.items():
        rdf.bind(prefix, ns, override=True)


def to_rdf(G: nx.MultiDiGraph, conflicts: list[dict] | None = None) -> Graph:
    """Build the RDF graph of a policy graph.

    Args:
        G: the ``MultiDiGraph`` described in :mod:`graph.model`.
        conflicts: citation conflicts (``queries.conflicts.Conflict.to_dict()``), written as
            ``pkg:Conflict`` nodes with their evidence.

    Returns:
        A new ``rdflib.Graph`` with prefixes ``eli``, ``pkg``, ``pkgid``, ``doctype``,
        ``jur`` bound.

    Raises:
        RDFError: a node has no known ``kind`` or a document no jurisdiction, an edge has an
            unknown relation, an assignment no role, or evidence lacks path or offsets.

    Examples:
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("ha-tinh:agency:so-cong-thuong", kind="agency", name="Sở Công Thương",
        ...            jurisdiction="Hà Tĩnh", group=False, parent=None)
        >>> len(to_rdf(G)) > 0
        True
    """
    rdf = Graph()  # rdflib's default context-aware store: pyshacl and Dataset need one
    _bind(rdf)
    for node, attrs in G.nodes(data=True):
        writer = _NODE_WRITERS.get(attrs.get("kind"))
        if writer is None:
            raise RDFError(f"node {node}: unknown kind {attrs.get('kind')!r}")
        iri = node_iri(node)
        rdf.add((iri, PKG.canonicalId, Literal(node)))
        writer(rdf, node, iri, attrs)
        _add_flags(rdf, iri, attrs)
    for u, v, data in G.edges(data=True):
        _add_edge(rdf, G, u, v, data)
    for c in conflicts or ():
        _add_conflict(rdf, G, c)
    return rdf


def _add_conflict(rdf: Graph, G: nx.MultiDiGraph, c: dict) -> None:
    key = "\n".join((c["kind"], str(c["subject"]), c["detail"]))
    iri = URIRef(f"{ID_BASE}conflict/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}")
    rdf.add((iri, RDF.type, PKG.Conflict))
    rdf.add((iri, PKG.conflictKind, Literal(c["kind"])))
    rdf.add((iri, PKG.conflictDetail, _text(c["detail"])))
    if c["subject"] in G:
        rdf.add((iri, PKG.concerns, node_iri(c["subject"])))
    for n, ev in enumerate(c.get("evidence") or ()):
        item = {"path": ev.get("file"), "sentence": ev.get("sentence"), "start": ev.get("start"), "end": ev.get("end")}
        _add_evidence(rdf, iri, n, item, f"conflict {c['subject']}")
        if ev.get("value") is not None:
            rdf.add((URIRef(f"{iri}/evidence/{n}"), PKG.citedValue, Literal(str(ev["value"]))))


#: A prefixed name's local part we write: letters, digits, "_", "-" and %XX escapes (no
#: "." or "~", which Turtle would need escaped).  Node IRIs qualify; links and evidence,
#: which contain "/", are written in full.
_PN_LOCAL = re.compile(r"(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})(?:[A-Za-z0-9_-]|%[0-9A-Fa-f]{2})*\Z")


def _compactor(prefixes: dict[str, str]):
    spaces = sorted(((ns, pfx) for pfx, ns in prefixes.items()), key=lambda item: -len(item[0]))

    def compact(iri: str) -> str | None:
        for ns, pfx in spaces:
            if iri.startswith(ns):
                local = iri[len(ns) :]
                return f"{pfx}:{local}" if _PN_LOCAL.match(local) else None
        return None

    return compact


def _subjects(rdf: Graph) -> list:
    return sorted(set(rdf.subjects()), key=str)


def _write_turtle(rdf: Graph, out) -> None:
    """Turtle, one block per subject.  rdflib's serializer spends most of its time failing
    to make prefixed names of link and evidence IRIs (minutes for a few thousand
    documents); this writer leaves those IRIs in full and is checked by round trip."""
    prefixes = dict(_PREFIXES, rdf=str(RDF))
    compact = _compactor(prefixes)
    nm = rdf.namespace_manager

    def term(t) -> str:
        if isinstance(t, URIRef):
            return compact(str(t)) or t.n3()
        return t.n3(nm)

    for pfx, ns in sorted(prefixes.items()):
        out.write(f"@prefix {pfx}: <{ns}> .\n")
    for s in _subjects(rdf):
        pairs = sorted(
            ("a" if p == RDF.type else term(p), term(o)) for p, o in rdf.predicate_objects(s)
        )
        body = " ;\n    ".join(f"{p} {o}" for p, o in pairs)
        out.write(f"\n{term(s)}\n    {body} .\n")


def _jsonld_value(t) -> dict:
    if isinstance(t, URIRef):
        return {"@id": str(t)}
    value: dict[str, str] = {"@value": str(t)}
    if t.language:
        value["@language"] = t.language
    elif t.datatype:
        value["@type"] = str(t.datatype)
    return value


def _write_jsonld(rdf: Graph, out) -> None:
    """JSON-LD: a ``@graph`` of node objects, properties and classes as compact IRIs over a
    context of prefixes, node references and values in full.  Checked by round trip."""
    compact = _compactor(_PREFIXES)
    nodes = []
    for s in _subjects(rdf):
        node: dict[str, Any] = {"@id": str(s)}
        for p, o in sorted(rdf.predicate_objects(s), key=lambda po: (str(po[0]), str(po[1]))):
            if p == RDF.type:
                node.setdefault("@type", []).append(compact(str(o)) or str(o))
            else:
                node.setdefault(compact(str(p)) or str(p), []).append(_jsonld_value(o))
        nodes.append(node)
    json.dump({"@context": dict(_PREFIXES), "@graph": nodes}, out, ensure_ascii=False, indent=1)


def export_rdf(G: nx.MultiDiGraph, path: str | Path, format: str = "ttl", *, conflicts: list[dict] | None = None) -> int:
    """Write the RDF of ``G`` to ``path``.

    Turtle and JSON-LD are written by small writers of this module (rdflib's take minutes
    on a few thousand documents); N-Triples by rdflib.  All three parse back with rdflib to
    exactly the triples of :func:`to_rdf`.

    Args:
        G: the policy graph.
        path: the output file.
        format: ``"ttl"`` (Turtle), ``"jsonld"`` (JSON-LD) or ``"nt"`` (N-Triples).

    Returns:
        The number of triples written.

    Raises:
        RDFError: unknown format, the graph cannot be exported, or the file cannot be written.
    """
    if format not in FORMATS:
        raise RDFError(f"{path}: unknown RDF format {format!r}; expected one of {', '.join(FORMATS)}")
    rdf = to_rdf(G, conflicts)
    try:
        if format == "nt":
            rdf.serialize(destination=str(path), format="nt", encoding="utf-8")
        else:
            with open(path, "w", encoding="utf-8") as out:
                (_write_turtle if format == "ttl" else _write_jsonld)(rdf, out)
    except OSError as exc:
        raise RDFError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    return len(rdf)


def load_rdf(path: str | Path, format: str | None = None) -> Graph:
    """Parse an RDF file written by :func:`export_rdf` (or any Turtle, JSON-LD, N-Triples).

    Args:
        path: the file; its suffix (.ttl, .jsonld/.json, .nt) gives the format unless
            ``format`` is given.
        format: ``"ttl"``, ``"jsonld"`` or ``"nt"``.

    Raises:
        RDFError: unknown format, missing file, or a parse error.
    """
    path = Path(path)
    rdflib_format = FORMATS.get(format) if format else _SUFFIX_FORMATS.get(path.suffix.lower())
    if rdflib_format is None:
        raise RDFError(f"{path}: cannot tell the RDF format; use .ttl, .jsonld or .nt")
    rdf = Graph()
    try:
        rdf.parse(str(path), format=rdflib_format)
    except FileNotFoundError as exc:
        raise RDFError(f"{path}: no such file") from exc
    except Exception as exc:  # rdflib raises many parser-specific types
        raise RDFError(f"{path}: cannot parse as {rdflib_format}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from exc
    _bind(rdf)
    return rdf


def _empty_counts() -> dict:
    return {
        "documents": 0,
        "tasks": 0,
        "agencies": 0,
        "edges": {relation.value: 0 for relation in Relation},
        "evidence": 0,
    }


def graph_counts(G: nx.MultiDiGraph) -> dict:
    """Counts of documents, tasks, agencies, edges by relation and evidence items in ``G``,
    in the shape :func:`from_rdf_counts` returns."""
    counts = _empty_counts()
    plural = {"document": "documents", "task": "tasks", "agency": "agencies"}
    for _, kind in G.nodes(data="kind"):
        if kind in plural:
            counts[plural[kind]] += 1
    for _, _, data in G.edges(data=True):
        relation = data.get("relation")
        counts["edges"][relation] = counts["edges"].get(relation, 0) + 1
        counts["evidence"] += len(data.get("evidence") or ())
    return counts


def from_rdf_counts(source: Graph | str | Path) -> dict:
    """Count what an export holds, to check it against :func:`graph_counts` of the graph.

    Args:
        source: an ``rdflib.Graph`` or the path of an exported file.

    Returns:
        ``{"documents": n, "tasks": n, "agencies": n, "edges": {relation: n}, "evidence": n}``;
        edges are counted from the ``pkg:Link`` nodes, one per edge of the graph.
    """
    rdf = source if isinstance(source, Graph) else load_rdf(source)
    counts = _empty_counts()
    for key, cls in (("documents", ELI.LegalResource), ("tasks", PKG.Task), ("agencies", PKG.Agency)):
        counts[key] = len(set(rdf.subjects(RDF.type, cls)))
    for link in set(rdf.subjects(RDF.type, PKG.Link)):
        for relation in rdf.objects(link, PKG.relation):
            counts["edges"][str(relation)] = counts["edges"].get(str(relation), 0) + 1
    links = set(rdf.subjects(RDF.type, PKG.Link))
    counts["evidence"] = len({e for link in links for e in rdf.objects(link, PKG.evidence)})
    return counts
