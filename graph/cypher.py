"""What a push sends to a Bolt server: the property graph made of the policy graph, and the
Cypher statements that write and read it.

The networkx ``MultiDiGraph`` of :mod:`graph.model` becomes a property graph:

* nodes get one label per kind (``Document``, ``Task``, ``Agency``); a document also gets its
  type code as a second label (``:NQ``, ``:KH``, ``:`Luật```) when the code is a plain word,
  and always keeps it as the ``type`` property;
* edges become ``IMPLEMENTS``, ``REPLACES``, ``AMENDS``, ``BASED_ON``, ``CITES``,
  ``ASSIGNS_TO`` (with ``role``) and ``PART_OF``;
* property values are what both servers store: scalars and homogeneous lists.  Evidence
  (a list of maps in networkx; Neo4j refuses maps as property values) becomes parallel
  lists ``evidence_path``, ``evidence_sentence``, ``evidence_start``, ``evidence_end``,
  ``evidence_document``; the task deadline dict becomes ``deadline_text``,
  ``deadline_start``... ; anything else that is not a scalar or a list of one scalar type
  is stored as a JSON string.

Every node and relationship carries ``content_hash``, a digest of its labels and properties
(:data:`HASH_PROPERTY`).  Write statements take their rows bound to ``r`` by a head,
:data:`UNWIND` (a batch) or :data:`ONE_ROW`; no statement text is ever built from a value.
Nothing here talks to a server (see :mod:`graph.bolt`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from graph.errors import StoreError
from graph.model import Relation

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = [
    "NODE_LABELS",
    "REL_TYPES",
    "HASH_PROPERTY",
    "EVIDENCE_FIELDS",
    "UNWIND",
    "ONE_ROW",
    "node_properties",
    "edge_properties",
    "NodeRow",
    "RelRow",
    "node_rows",
    "rel_rows",
    "quote_label",
    "node_merge",
    "rel_merge",
    "node_locate",
    "rel_locate",
    "node_delete",
    "rel_delete",
    "label_remove",
    "node_property",
    "set_to",
    "append_to",
    "append_to_last",
    "existing_nodes_query",
    "EXISTING_RELS",
]

#: Node kind -> label.
NODE_LABELS: dict[str, str] = {"document": "Document", "task": "Task", "agency": "Agency"}

#: Relation value -> relationship type.
REL_TYPES: dict[str, str] = {r.value: r.value.upper() for r in Relation}

#: Property holding the content digest of a node or relationship.
HASH_PROPERTY = "content_hash"

#: Fields of an evidence dict, stored as parallel list properties ``evidence_<field>``.
EVIDENCE_FIELDS = ("path", "sentence", "start", "end", "document")

#: A document type code used as a label only when it is one plain word (letters, digits).
_LABEL_WORD = re.compile(r"^[^\W\d_]\w*$")


def _is_scalar(value: Any) -> bool:
    return isinstance(value, (str, bool, int, float))


def _store_value(value: Any) -> Any:
    """A value both servers accept as a property: scalar, homogeneous list, else JSON."""
    if _is_scalar(value):
        return value
    if isinstance(value, (list, tuple)):
        kinds = {type(v) for v in value}
        if len(kinds) == 1 and _is_scalar(value[0]):
            return list(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _flatten(data: dict, skip: Iterable[str] = ()) -> dict[str, Any]:
    props: dict[str, Any] = {}
    skipped = set(skip)
    for key, value in data.items():
        if key in skipped or value is None:
            continue
        if isinstance(value, dict):
            for sub, subvalue in value.items():
                if subvalue is not None:
                    props[f"{key}_{sub}"] = _store_value(subvalue)
        elif isinstance(value, (list, tuple)) and not value:
            continue  # both servers differ on empty lists; absent means empty
        else:
            props[key] = _store_value(value)
    return props


def _digest(labels: Iterable[str], props: dict[str, Any]) -> str:
    payload = json.dumps([sorted(labels), props], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]


def _type_label(data: dict) -> str | None:
    code = data.get("type")
    if data.get("kind") == "document" and isinstance(code, str) and _LABEL_WORD.match(code):
        if code not in NODE_LABELS.values():
            return code
    return None


def node_properties(node_id: str, data: dict) -> dict[str, Any]:
    """The properties stored for one node (without the content hash).

    >>> node_properties("vn:29-NQ/TW:2022", {"kind": "document", "type": "NQ",
    ...                 "flags": [], "deadline": None})
    {'id': 'vn:29-NQ/TW:2022', 'kind': 'document', 'type': 'NQ'}
    """
    props = {"id": node_id}
    props.update(_flatten(data, skip=("id",)))
    return props


def edge_properties(data: dict) -> dict[str, Any]:
    """The properties stored for one edge (without the content hash): ``relation``,
    ``role``, other attributes, and evidence as parallel lists.

    >>> edge_properties({"relation": "implements", "evidence": [{"path": "a.txt",
    ...     "sentence": "Thực hiện Nghị quyết", "start": 3, "end": 9, "document": None}]})
    ... # doctest: +NORMALIZE_WHITESPACE
    {'relation': 'implements', 'evidence_path': ['a.txt'], 'evidence_sentence':
     ['Thực hiện Nghị quyết'], 'evidence_start': [3], 'evidence_end': [9],
     'evidence_document': ['']}
    """
    props = _flatten(data, skip=("evidence",))
    evidence = data.get("evidence") or []
    if evidence:
        for field_name in EVIDENCE_FIELDS:
            values = []
            for item in evidence:
                value = item.get(field_name) if isinstance(item, dict) else getattr(
                    item, field_name, None
                )
                if field_name in ("start", "end"):
                    values.append(int(value) if value is not None else -1)
                else:
                    values.append("" if value is None else str(value))
            props[f"evidence_{field_name}"] = values
    return props


@dataclass(frozen=True, slots=True)
class NodeRow:
    """One node as pushed: its id, kind label, type label, properties and content hash."""

    id: str
    label: str  # kind label
    extra: str | None  # document type label
    props: dict
    hash: str


@dataclass(frozen=True, slots=True)
class RelRow:
    """One relationship as pushed: its ends, type, the ends' kind labels, properties, hash."""

    source: str
    target: str
    type: str
    source_label: str
    target_label: str
    props: dict
    hash: str

    @property
    def key(self) -> tuple[str, str, str]:
        return self.source, self.type, self.target


def node_rows(G: "nx.MultiDiGraph") -> dict[str, NodeRow]:
    """Node id -> :class:`NodeRow` for every node of ``G``.

    Raises:
        StoreError: a node's kind is not one of :data:`NODE_LABELS`.
    """
    rows: dict[str, NodeRow] = {}
    for node_id, data in G.nodes(data=True):
        kind = data.get("kind")
        if kind not in NODE_LABELS:
            raise StoreError(f"node {node_id!r}: kind {kind!r} is not one of {sorted(NODE_LABELS)}")
        label, extra = NODE_LABELS[kind], _type_label(data)
        props = node_properties(str(node_id), data)
        labels = [label] + ([extra] if extra else [])
        props[HASH_PROPERTY] = _digest(labels, props)
        rows[str(node_id)] = NodeRow(str(node_id), label, extra, props, props[HASH_PROPERTY])
    return rows


def rel_rows(G: "nx.MultiDiGraph", nodes: dict[str, NodeRow]) -> dict[tuple, RelRow]:
    """(source, type, target) -> :class:`RelRow`; the same relation twice between two nodes
    is one relationship with both evidence lists.

    Raises:
        StoreError: an edge's relation is unknown.
    """
    merged: dict[tuple[str, str, str], dict] = {}
    for u, v, key, data in G.edges(keys=True, data=True):
        relation = str(data.get("relation", key))
        if relation not in REL_TYPES:
            raise StoreError(f"edge {u!r} -> {v!r}: relation {relation!r} is unknown")
        ident = (str(u), REL_TYPES[relation], str(v))
        if ident in merged:  # the same relation twice between two nodes: one relationship
            previous = merged[ident]
            previous["evidence"] = list(previous.get("evidence") or []) + list(
                data.get("evidence") or []
            )
        else:
            merged[ident] = dict(data, relation=relation)
    rows: dict[tuple, RelRow] = {}
    for (u, rel_type, v), data in merged.items():
        props = edge_properties(data)
        props[HASH_PROPERTY] = _digest([rel_type], props)
        rows[(u, rel_type, v)] = RelRow(
            u, v, rel_type, nodes[u].label, nodes[v].label, props, props[HASH_PROPERTY]
        )
    return rows


def quote_label(label: str) -> str:
    """A label or property name in backquotes, backquotes inside doubled: ``Luật`` -> ```Luật```."""
    return "`" + label.replace("`", "``") + "`"


def node_merge(label: str, extra: str | None, head: str) -> str:
    """Create or overwrite the node of each row (``r.id``, ``r.props``), with its type label."""
    set_extra = f" SET n:{quote_label(extra)}" if extra else ""
    return f"{head} MERGE (n:{label} {{id: r.id}}) SET n = r.props{set_extra}"


def rel_merge(rel_type: str, source_label: str, target_label: str, head: str) -> str:
    """Create or overwrite the relationship of each row (``r.source``, ``r.target``, ``r.props``)."""
    return (
        f"{head} MATCH (a:{source_label} {{id: r.source}}) "
        f"MATCH (b:{target_label} {{id: r.target}}) "
        f"MERGE (a)-[e:{rel_type}]->(b) SET e = r.props"
    )


def node_locate(label: str, head: str) -> str:
    """Match the node of the row as ``n`` (for a row written in pieces)."""
    return f"{head} MATCH (n:{label} {{id: r.id}})"


def rel_locate(rel_type: str, source_label: str, target_label: str, head: str) -> str:
    """Match the relationship of the row as ``n`` (for a row written in pieces)."""
    return (
        f"{head} MATCH (:{source_label} {{id: r.source}})-[n:{rel_type}]->"
        f"(:{target_label} {{id: r.target}})"
    )


def node_delete(label: str, head: str) -> str:
    """Delete the node of each row (``r.id``) with its relationships."""
    return f"{head} MATCH (n:{label} {{id: r.id}}) DETACH DELETE n"


def rel_delete(rel_type: str, source_label: str, target_label: str, head: str) -> str:
    """Delete the relationship of each row (``r.source``, ``r.target``)."""
    return (
        f"{head} MATCH (a:{source_label} {{id: r.source}})-[e:{rel_type}]->"
        f"(b:{target_label} {{id: r.target}}) DELETE e"
    )


def label_remove(label: str, extra: str, head: str) -> str:
    """Take the type label ``extra`` off the node of each row (its type changed)."""
    return f"{head} MATCH (n:{label} {{id: r.id}}) REMOVE n:{quote_label(extra)}"


UNWIND = "UNWIND $rows AS r"

ONE_ROW = "WITH $row AS r"


# A row too large for one statement is written in pieces (graph.neo4j_push): each statement
# matches the row's node or relationship as ``n`` (``locate``) and sets or appends ``$v``.


def node_property(name: str) -> str:
    """``n.<name>``, the name quoted: the property ``name`` of the located ``n``."""
    return f"n.{quote_label(name)}"


def set_to(locate: str, prop: str) -> str:
    """Set ``prop`` (e.g. ``n.`title```) of the located ``n`` to ``$v``."""
    return f"{locate} SET {prop} = $v"


def append_to(locate: str, prop: str) -> str:
    """Append ``$v`` (a string to a string, a list to a list) to ``prop``."""
    return f"{locate} SET {prop} = {prop} + $v"


def append_to_last(locate: str, prop: str) -> str:
    """Append the string ``$v`` to the last item of the list ``prop``."""
    return f"{locate} SET {prop} = {prop}[0..size({prop}) - 1] + [last({prop}) + $v]"


def existing_nodes_query(label: str) -> str:
    """Id, labels and content hash of the nodes with ``label`` that a push wrote."""
    return (
        f"MATCH (n:{label}) WHERE n.{HASH_PROPERTY} IS NOT NULL "
        f"RETURN n.id AS id, labels(n) AS labels, n.{HASH_PROPERTY} AS hash"
    )


#: Source id, type, target id and content hash of the relationships a push wrote.
EXISTING_RELS = (
    f"MATCH (a)-[e]->(b) WHERE e.{HASH_PROPERTY} IS NOT NULL "
    f"RETURN a.id AS source, type(e) AS type, b.id AS target, e.{HASH_PROPERTY} AS hash"
)
