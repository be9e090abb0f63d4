"""Other formats of the same graph: GraphML and GEXF (Gephi, yEd; through networkx) and
CSV in the ``neo4j-admin database import`` layout for national-scale bulk loads.

GraphML and GEXF take scalar attributes only, so lists and dicts (flags, lead agencies,
deadlines, evidence) are written as JSON strings; :func:`read_graphml` turns them back.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import networkx as nx

from .vocab import load_table, relation_info, relations_in_order

__all__ = ["to_scalar_graph", "export_graphml", "read_graphml", "export_gexf", "export_neo4j_csv", "NODE_LABEL", "REL_TYPE"]

#: Node label and relationship type of each kind and relation (graph/tables/relations.toml).
NODE_LABEL = {k: row["label"] for k, row in load_table("relations")["kind"].items()}
REL_TYPE = {r: relation_info(r)["cypher"] for r in relations_in_order()}
_JSON_PREFIX = "json:"


def _scalar(value):
    if isinstance(value, (list, dict, tuple)):
        return _JSON_PREFIX + json.dumps(value, ensure_ascii=False)
    return value


def to_scalar_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are str/int/float/bool only (None dropped)."""
    out = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        out.add_node(n, **{k: _scalar(v) for k, v in d.items() if v is not None})
    for u, v, k, d in g.edges(keys=True, data=True):
        out.add_edge(u, v, key=k, **{a: _scalar(b) for a, b in d.items() if b is not None})
    return out


def export_graphml(g: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    nx.write_graphml(to_scalar_graph(g), path, encoding="utf-8")


def read_graphml(path: str | os.PathLike) -> nx.MultiDiGraph:
    """Inverse of :func:`export_graphml` (JSON strings back to lists and dicts)."""
    g = nx.read_graphml(path, force_multigraph=True)
    out = nx.MultiDiGraph()

    def back(v):
        return json.loads(v[len(_JSON_PREFIX):]) if isinstance(v, str) and v.startswith(_JSON_PREFIX) else v

    for n, d in g.nodes(data=True):
        out.add_node(n, **{k: back(v) for k, v in d.items()})
    for u, v, k, d in g.edges(keys=True, data=True):
        out.add_edge(u, v, key=d.get("relation", k), **{a: back(b) for a, b in d.items()})
    return out


def export_gexf(g: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    nx.write_gexf(to_scalar_graph(g), path, encoding="utf-8")


def export_neo4j_csv(g: nx.MultiDiGraph, directory: str | os.PathLike) -> list[Path]:
    """Node and relationship files with ``neo4j-admin database import`` headers.

    One ``nodes_<Label>.csv`` per node kind (``id:ID``, ``:LABEL`` and the properties;
    list values joined with ``;`` as ``:string[]``) and one ``rels_<TYPE>.csv`` per
    relationship type (``:START_ID``, ``:END_ID``, ``:TYPE``, properties).  Load with::

        neo4j-admin database import full --nodes=nodes_Document.csv ... \\
            --relationships=rels_IMPLEMENTS.csv ... --array-delimiter=";" neo4j

    Returns:
        The files written.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    by_kind: dict[str, list[tuple[str, dict]]] = {}
    for n, d in g.nodes(data=True):
        by_kind.setdefault(d.get("kind", "document"), []).append((n, d))
    for kind, rows in sorted(by_kind.items()):
        label = NODE_LABEL.get(kind, kind.title())
        keys = sorted({k for _, d in rows for k in d if k != "kind"})
        header = ["id:ID", ":LABEL"] + [_column(k, [d.get(k) for _, d in rows]) for k in keys]
        path = directory / f"nodes_{label}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(header)
            for n, d in rows:
                w.writerow([n, label] + [_cell(d.get(k)) for k in keys])
        written.append(path)
    by_type: dict[str, list[tuple[str, str, dict]]] = {}
    for u, v, k, d in g.edges(keys=True, data=True):
        by_type.setdefault(REL_TYPE.get(k, k.upper()), []).append((u, v, d))
    for rel, rows in sorted(by_type.items()):
        path = directory / f"rels_{rel}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow([":START_ID", ":END_ID", ":TYPE", "role", "evidence_path:string[]",
                        "evidence_sentence:string[]", "evidence_start:int[]", "evidence_end:int[]"])
            for u, v, d in rows:
                ev = d.get("evidence") or []
                w.writerow([
                    u, v, rel, d.get("role") or "",
                    ";".join(str(e.get("path") or "") for e in ev),
                    ";".join(str(e.get("sentence") or "").replace(";", ",") for e in ev),
                    ";".join(str(e.get("start", -1)) for e in ev),
                    ";".join(str(e.get("end", -1)) for e in ev),
                ])
        written.append(path)
    return written


def _column(key: str, values: list) -> str:
    if any(isinstance(v, list) for v in values):
        return f"{key}:string[]"
    if all(isinstance(v, bool) or v is None for v in values) and any(v is not None for v in values):
        return f"{key}:boolean"
    if all((isinstance(v, int) and not isinstance(v, bool)) or v is None for v in values) and any(v is not None for v in values):
        return f"{key}:long"
    return key


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return ";".join(str(x).replace(";", ",") for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return str(v)
