"""The interactive lineage viewer: one self-contained, offline HTML file drawn with pyvis.

Legal staff open the file in a browser to answer "which central resolution does this
provincial task serve, and through which documents?".  The page shows:

* documents coloured by level (central Party, central State, provincial Party, provincial
  State, other), tasks and agencies with their own shapes; documents that are only
  mentioned (not in the corpus) are drawn lighter with a dashed border (:mod:`viz.style`);
* edges coloured by relation, labelled in Vietnamese and English, with the evidence
  sentence, source file and offsets in the tooltip and the side panel;
* by default the documents only, top-down by lineage: each group of documents linked by
  ``implements`` is a small tree (the implemented document on top, 29-NQ/TW above
  26-CTr/TU and 13-KH/TW above 154/KH-UBND), trees packed side by side, documents only
  cited in a compact band below (see :mod:`viz.layout`); tasks and agencies are hidden
  until a checkbox shows them, or a document's task list puts its tasks on the canvas;
* a legend, a search box (number-symbol or part of an agency name), one checkbox per
  relation kind, the layout above or a force layout that stabilizes and then stops;
* a click on a node highlights its lineage (nodes reachable over ``implements`` /
  ``part_of`` edges, up and down) and lists its fields, lineage paths, tasks (with lead
  agency and deadline), relations and evidence in the side panel.

This module selects the nodes, builds the node and edge records from the style and the
layout, and writes the page.  pyvis (and jinja2, which it brings) is imported lazily,
inside :func:`render_viewer`, so importing this module costs nothing.  vis-network's script
and style are inlined from the pyvis package: the page makes no network request.

Example::

    G = Store("corpus.sqlite").graph()
    render_viewer(G, "lineage.html", focus="ha-tinh:154/KH-UBND:2023", depth=3)
"""

from __future__ import annotations

import importlib.resources
import json
from collections import deque
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from graph.errors import AmbiguousReference, NotFound, PolicyKGError
from graph.model import Relation
from viz.layout import Layout, lay_out
from viz.style import (
    KINDS,
    LEVEL,
    LEVELS,
    OTHER_RELATION,
    RELATION,
    RELATIONS,
    agency_name,
    as_list,
    deadline_text,
    doc_text,
    document_level,
    edge_curves,
    edge_names,
    evidence_list,
    force_marks,
    is_large,
    no_dashes,
    node_fields,
    node_label,
    vis_options,
)

__all__ = [
    "ViewerError",
    "LINEAGE_RELATIONS",
    "LAYOUTS",
    "neighbourhood",
    "viewer_payload",
    "viewer_html",
    "render_viewer",
]

#: Relations that make up a lineage (same set as queries.lineage).
LINEAGE_RELATIONS = (Relation.IMPLEMENTS.value, Relation.PART_OF.value)

#: Layouts the page can start with; both can be switched in the page.
LAYOUTS = ("hierarchical", "physics")


class ViewerError(PolicyKGError):
    """The viewer cannot be drawn with the given arguments."""


def neighbourhood(G: nx.MultiDiGraph, focus: str, depth: int | None) -> set[str]:
    """Nodes within ``depth`` hops of ``focus``, following edges in both directions.

    Args:
        G: the graph.
        focus: a node id of ``G``.
        depth: the number of hops; None for the whole weakly connected component.

    Returns:
        The node ids, ``focus`` included.

    Examples:
        >>> G = nx.MultiDiGraph([("a", "b"), ("c", "b"), ("c", "d")])
        >>> sorted(neighbourhood(G, "a", 1)), sorted(neighbourhood(G, "a", 2))
        (['a', 'b'], ['a', 'b', 'c'])
    """
    seen = {focus: 0}
    queue = deque([focus])
    while queue:
        node = queue.popleft()
        hops = seen[node]
        if depth is not None and hops >= depth:
            continue
        for other in (*G.successors(node), *G.predecessors(node)):
            if other not in seen:
                seen[other] = hops + 1
                queue.append(other)
    return set(seen)


def _resolve_focus(G: nx.MultiDiGraph, focus: str) -> str:
    """A node id, or the one document whose number-symbol is ``focus``."""
    if focus in G:
        return focus
    wanted = focus.replace(" ", "").casefold()
    hits = [
        n
        for n, a in G.nodes(data=True)
        if (a.get("number_symbol") or "").replace(" ", "").casefold() == wanted
    ]
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise AmbiguousReference(focus, sorted(hits))
    raise NotFound(f"{focus}: no such node or number-symbol in the graph")


_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                   ord("'"): "\\u0027", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def _json_for_script(value: Any) -> Any:
    """JSON safe inside a <script> element, Vietnamese kept as UTF-8 (a third of the size
    of ``\\uXXXX`` escapes); the characters that could close the script are escaped."""
    from markupsafe import Markup  # jinja2's dependency

    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.translate(_SCRIPT_ESCAPES))


def _node_record(G: nx.MultiDiGraph, node: str, attrs: Mapping[str, Any], level_key: str | None,
                 layout: Layout, dashed_off: bool, show_detail: bool,
                 task_counts: Mapping[str, int]) -> dict[str, Any]:
    kind = attrs.get("kind") or "document"
    label = node_label(G, node, attrs)
    rows = node_fields(G, node, attrs)
    x, y = layout.positions.get(node, (0, 0))
    detail = node in layout.detail
    record: dict[str, Any] = {
        "kind": kind,
        "level": layout.rows.get(node, 0),
        "x": x,
        "y": y,
        "detail": detail,
        "hidden": detail and not show_detail,
        "info": rows,
        "symbol": attrs.get("number_symbol") or "",
        "name": attrs.get("name") or "",
        "search_text": " ".join(
            str(attrs.get(k) or "") for k in ("title", "issuer", "text", "jurisdiction")
        ),
        "date": attrs.get("date") or "",
    }
    if kind == "document":
        style = LEVEL[level_key or "other"]
        text = doc_text(G, node, attrs, task_counts.get(node, 0))
        if task_counts.get(node):
            record["tasks"] = task_counts[node]
        record["category"] = style.key
        record["in_corpus"] = bool(attrs.get("in_corpus"))
        lineage = node in layout.lineage_level
        record["lineage_level"] = layout.lineage_level.get(node)
        size = 16 if lineage else 13
        record["widthConstraint"] = {"maximum": 172 if lineage else 140}
        if record["in_corpus"]:
            record["color"] = {"background": style.color, "border": style.color,
                               "highlight": {"background": style.color, "border": "#111111"},
                               "hover": {"background": style.color, "border": "#111111"}}
            record["font"] = {"color": style.font, "size": size}
        else:
            record["color"] = {"background": style.light, "border": style.color,
                               "highlight": {"background": style.light, "border": "#111111"},
                               "hover": {"background": style.light, "border": "#111111"}}
            record["font"] = {"color": style.color, "size": size}
            # no dashes on big graphs (see no_dashes): the light fill alone says "mentioned"
            record["shapeProperties"] = {"borderDashes": False if dashed_off else [5, 4]}
            record["borderWidth"] = 2
        text = force_marks(attrs, text, record)
        return {"label": text, "shape": "box", **record}
    _vi, _en, shape, fill, border, font = KINDS.get(kind, KINDS["agency"])
    record["category"] = kind
    if kind == "task" and attrs.get("document") in G:  # "Nhiệm vụ II.1" alone is ambiguous in lists
        record["context"] = node_label(G, attrs["document"], G.nodes[attrs["document"]])
        record["doc"] = attrs["document"]
    if kind == "task":  # the document's task list in the side panel
        record["lead_names"] = "; ".join(agency_name(G, a) for a in as_list(attrs.get("lead")))
        record["deadline_text"] = deadline_text(attrs.get("deadline"))
    record["color"] = {"background": fill, "border": border,
                       "highlight": {"background": fill, "border": "#111111"},
                       "hover": {"background": fill, "border": "#111111"}}
    record["font"] = {"color": font}
    if shape == "diamond":
        record["size"] = 12
    label = force_marks(attrs, label, record)
    return {"label": label, "shape": shape, **record}


def _check_arguments(focus: str | None, depth: int | None, layout: str) -> None:
    if layout not in LAYOUTS:
        raise ViewerError(f"{layout}: unknown layout (expected one of {', '.join(LAYOUTS)})")
    if depth is not None and (isinstance(depth, bool) or not isinstance(depth, int) or depth < 0):
        raise ViewerError(f"{depth!r}: depth must be a non-negative integer")
    if depth is not None and focus is None:
        raise ViewerError(f"depth {depth}: a depth needs a focus node")


def _edge_records(G: nx.MultiDiGraph, dashed_off: bool, edge_labels: bool) -> tuple[list[dict], dict[str, int]]:
    """The edge records as pyvis builds them (pyvis.edge.Edge), parallel edges bent apart,
    and the number of edges of each relation."""
    # add_edge checks endpoints with a list scan; the nodes are known to exist, so the
    # edge records are built as pyvis builds them and appended.
    from pyvis.edge import Edge

    edges = []
    relation_counts: dict[str, int] = {}
    pair_count: dict[tuple[str, str], int] = {}
    for u, v, key, attrs in G.edges(keys=True, data=True):
        relation = str(attrs.get("relation") or key)
        relation_counts[relation] = relation_counts.get(relation, 0) + 1
        style = RELATION.get(relation, OTHER_RELATION)
        role = attrs.get("role")
        vi, en = edge_names(relation, role)
        evidence = evidence_list(attrs.get("evidence"))
        pair = (min(u, v), max(u, v))
        nth = pair_count.get(pair, 0)
        pair_count[pair] = nth + 1
        record: dict[str, Any] = {
            "id": f"{u}\u2192{key}\u2192{v}",
            "relation": relation,
            "role": role,
            "rel_label": vi,
            "rel_en": en,
            "evidence": evidence,
            "color": {"color": style.color, "highlight": style.color, "hover": style.color},
            "width": style.width,
            # dashed lines, like dashed borders, are too slow to draw zoomed out on big graphs
            "dashes": not dashed_off and (
                style.dashes or (relation == Relation.ASSIGNS_TO.value and role == "cooperating")),
        }
        if edge_labels:
            record["label"] = vi
        if nth:  # parallel edges of a multigraph bend apart
            record["smooth"] = {"enabled": True, "type": "curvedCW" if nth % 2 else "curvedCCW",
                                "roundness": 0.15 + 0.1 * (nth // 2)}
        edges.append(Edge(u, v, directed=True, **record).options)
    return edges, relation_counts


def _meta(title: str, focus_id: str | None, depth: int | None, layout: str, tasks: bool,
          levels: Mapping[str, str], layout_: Layout, relation_counts: Mapping[str, int],
          n_nodes: int, n_edges: int, edge_labels: bool, urls: Mapping[str, str] | None) -> dict[str, Any]:
    """What the page's script needs besides nodes and edges: legend, counts, settings."""
    relations = [
        {"key": r.key, "vi": r.vi, "en": r.en, "color": r.color, "dashes": r.dashes,
         "count": relation_counts.get(r.key, 0)}
        for r in RELATIONS
    ]
    relations += [
        {"key": k, "vi": k, "en": k, "color": OTHER_RELATION.color, "dashes": True, "count": c}
        for k, c in sorted(relation_counts.items()) if k not in RELATION
    ]
    return {
        "title": title,
        "focus": focus_id,
        "depth": depth,
        "layout": layout,
        "lineage": list(LINEAGE_RELATIONS),
        "relations": relations,
        "levels": [{"key": lv.key, "vi": lv.vi, "en": lv.en, "color": lv.color, "light": lv.light,
                    "count": sum(1 for k in levels.values() if k == lv.key)} for lv in LEVELS],
        "kinds": {k: {"vi": v[0], "en": v[1], "shape": v[2], "fill": v[3], "border": v[4]}
                  for k, v in KINDS.items()},
        "headings": layout_.headings,
        "show_detail": tasks,
        "detail_count": len(layout_.detail),
        "physics": vis_options("physics", n_nodes, n_edges)["physics"],
        "smooth": {mode: edge_curves(mode, is_large(n_nodes, n_edges)) for mode in LAYOUTS},
        "edge_labels": edge_labels,
        "counts": {"nodes": n_nodes, "edges": n_edges},
        "urls": dict(urls or {}),
    }


def viewer_payload(
    G: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    depth: int | None = None,
    title: str = "policykg",
    layout: str = "hierarchical",
    tasks: bool = False,
    urls: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """What the viewer page draws: ``{"title", "nodes", "edges", "options", "meta"}``, the
    node and edge records styled and laid out (arguments as :func:`render_viewer`).

    ``urls`` are the server's endpoints when the page is served (``policykg serve``):
    ``expand`` (a node's neighbourhood as ``{"nodes", "edges"}`` records, so the page grows
    one neighbourhood at a time) and ``page`` (a document's page); a file has none.
    """
    _check_arguments(focus, depth, layout)
    focus_id = None
    if focus is not None:
        focus_id = _resolve_focus(G, focus)
        G = G.subgraph(neighbourhood(G, focus_id, depth))

    from pyvis.network import Network

    levels = {n: document_level(a) for n, a in G.nodes(data=True) if a.get("kind", "document") == "document"}
    task_counts: dict[str, int] = {}
    for _n, a in G.nodes(data=True):
        if a.get("kind") == "task" and a.get("document") in G:
            task_counts[a["document"]] = task_counts.get(a["document"], 0) + 1
    layout_ = lay_out(G, levels, task_counts)

    dashed_off = no_dashes(G.number_of_nodes(), G.number_of_edges())
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    for node, attrs in G.nodes(data=True):
        record = _node_record(G, node, attrs, levels.get(node), layout_, dashed_off, tasks, task_counts)
        net.add_node(node, **record)
    edge_labels = G.number_of_edges() <= 300
    edges, relation_counts = _edge_records(G, dashed_off, edge_labels)
    net.edges.extend(edges)

    net.options = vis_options(layout, len(net.nodes), len(net.edges))
    nodes, edges, _heading, _height, _width, options_json = net.get_network_data()
    meta = _meta(title, focus_id, depth, layout, tasks, levels, layout_, relation_counts,
                 len(nodes), len(edges), edge_labels, urls)
    return {"title": title, "nodes": nodes, "edges": edges, "options": json.loads(options_json), "meta": meta}


def viewer_html(payload: Mapping[str, Any]) -> str:
    """The viewer page for a :func:`viewer_payload`: one HTML document, vis-network inlined."""
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader  # pyvis's dependency

    template_dir = importlib.resources.files("viz").joinpath("templates")
    pyvis_dir = importlib.resources.files("pyvis").joinpath("templates")
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(template_dir)), FileSystemLoader(str(pyvis_dir))]),
        autoescape=True,
    )
    env.filters["json_utf8"] = _json_for_script
    return env.get_template("viewer.html").render(**payload)


def render_viewer(
    G: nx.MultiDiGraph,
    path: str | Path,
    *,
    focus: str | None = None,
    depth: int | None = None,
    title: str = "policykg",
    layout: str = "hierarchical",
    tasks: bool = False,
) -> Path:
    """Write the graph (or the neighbourhood of one node) as one offline HTML page.

    Args:
        G: the policy graph (schema in :mod:`graph.model`).
        path: the HTML file to write; parent folders are created.
        focus: a node id, or a number-symbol naming exactly one document: draw only
            the nodes within ``depth`` hops of it (edges followed both ways), and open
            the page with it selected.
        depth: hops around ``focus``; None draws its whole connected component.
        title: the page title and heading.
        layout: "hierarchical" (the lineage of documents top-down, the default) or
            "physics" (force layout that stabilizes, then stops); the page can switch.
        tasks: open the page with tasks and agencies shown; by default only documents
            are drawn and a checkbox (or a document's task list) reveals the rest.

    Returns:
        The path written.

    Raises:
        NotFound: ``focus`` names no node.
        AmbiguousReference: ``focus`` is a number-symbol shared by several documents.
        ViewerError: bad ``depth`` or ``layout``, or the file cannot be written.

    Example::

        render_viewer(G, "out/lineage.html", focus="26-CTr/TU", depth=3)
        # -> PosixPath('out/lineage.html')
    """
    html = viewer_html(viewer_payload(G, focus=focus, depth=depth, title=title, layout=layout, tasks=tasks))
    out = Path(path)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise ViewerError(f"{out}: cannot write the viewer ({exc.strerror or exc})") from exc
    return out
