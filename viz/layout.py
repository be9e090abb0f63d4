"""Where the lineage viewer (:mod:`viz.viewer`) draws every node in its "hierarchical" view.

The lineage of documents on top: each group of documents linked by ``implements`` is a
small tree (the implemented document on top, 29-NQ/TW above 26-CTr/TU and 13-KH/TW above
154/KH-UBND), trees packed side by side into shelves; documents only cited in a compact
band below; then each document's tasks as a block, then the agencies (see :func:`lay_out`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph.model import Relation
from viz.style import LEVEL, doc_text, node_label

__all__ = ["Layout", "lay_out"]

#: Cell sizes of the page layout, in canvas pixels at zoom 1: documents in the lineage
#: forest, documents only cited, tasks and agencies.
_CELL = {"lineage": (190, 108), "cited": (152, 56), "task": (156, 62), "agency": (176, 84)}

_BAND_GAP = 110  # between the bands (lineage, cited, tasks, agencies)

_HEADER = 46  # room for a band or block heading


@dataclass(frozen=True, slots=True)
class Layout:
    """Where every node is drawn in the "hierarchical" view, and the headings of its bands."""

    positions: dict[str, tuple[int, int]]
    rows: dict[str, int]  # row of the node, top first (vis's ``level``)
    lineage_level: dict[str, int]  # implements-depth of documents in the lineage forest
    headings: list[dict[str, Any]]
    detail: frozenset[str]  # tasks, agencies and documents planned by a task


def _is_detail(G: nx.MultiDiGraph, node: str, attrs: Mapping[str, Any]) -> bool:
    """Tasks, agencies and documents a task plans are hidden until asked for."""
    if (attrs.get("kind") or "document") != "document":
        return True
    return any(
        key == Relation.PART_OF.value and G.nodes[v].get("kind") == "task"
        for _, v, key in G.out_edges(node, keys=True)
    )


def _lineage_depths(L: nx.DiGraph) -> dict[str, int]:
    """Longest implements-path from each document up to a top (0 = implements nothing).

    Documents on a cycle share one depth.

    Examples:
        >>> L = nx.DiGraph([("kh154", "ctr26"), ("ctr26", "nq29"), ("ctr26", "kh13"), ("kh13", "nq29")])
        >>> sorted(_lineage_depths(L).items())
        [('ctr26', 2), ('kh13', 1), ('kh154', 3), ('nq29', 0)]
    """
    condensed = nx.condensation(L)
    depth: dict[int, int] = {}
    for comp in reversed(list(nx.topological_sort(condensed))):
        depth[comp] = max((depth[up] + 1 for up in condensed.successors(comp)), default=0)
    mapping = condensed.graph["mapping"]
    return {n: depth[mapping[n]] for n in L}


def _order_levels(L: nx.DiGraph, by_level: dict[int, list[str]], key: Any) -> None:
    """Order each level in place so that documents sit under what they implement."""
    if not by_level:
        return
    top, bottom = min(by_level), max(by_level)
    for nodes_ in by_level.values():
        nodes_.sort(key=key)

    def place() -> dict[str, float]:
        return {n: (i + 0.5) / len(ns) for ns in by_level.values() for i, n in enumerate(ns)}

    for sweep in (range(top + 1, bottom + 1), range(bottom - 1, top - 1, -1), range(top + 1, bottom + 1)):
        for lv in sweep:
            if lv not in by_level:
                continue
            where = place()
            def bary(n: str) -> float:
                near = [where[m] for m in (*L.successors(n), *L.predecessors(n)) if m in where and m != n]
                return sum(near) / len(near) if near else where[n]
            by_level[lv].sort(key=lambda n: (bary(n), key(n)))


def _shelves(widths: list[int], max_width: int) -> list[list[int]]:
    """Indexes of items packed left to right into rows no wider than ``max_width``."""
    rows: list[list[int]] = []
    used = max_width + 1
    for i, w in enumerate(widths):
        if rows and used + w <= max_width:
            rows[-1].append(i)
            used += w
        else:
            rows.append([i])
            used = w
    return rows


def _box_width(text: str, font: int, maximum: int) -> int:
    """Rough drawn width of a box label (DejaVu Sans: about 0.62 em a character)."""
    longest = max((len(line) for line in text.split("\n")), default=0)
    return int(min(maximum, longest * font * 0.62)) + 20


def _flow(items: list[str], widths: Mapping[str, int], max_width: int) -> list[list[str]]:
    """``items`` in rows, left to right, each row no wider than ``max_width``."""
    return [[items[i] for i in row] for row in _shelves([widths[n] for n in items], max_width)]


def _grid(items: list[str], cell: tuple[int, int], left: int, top: int, first_row: int, ncols: int,
          positions: dict[str, tuple[int, int]], rows: dict[str, int]) -> int:
    """Place ``items`` row by row, ``ncols`` to a row; return the number of rows."""
    w, h = cell
    for i, n in enumerate(items):
        positions[n] = (left + (i % ncols) * w + w // 2, top + (i // ncols) * h)
        rows[n] = first_row + i // ncols
    return -(-len(items) // ncols) if items else 0


@dataclass(slots=True)
class _Forest:
    """The documents drawn before the detail: the lineage forest and those only cited."""

    lineage: nx.DiGraph  # implements edges between documents, and every corpus document
    cited: list[str]  # the other documents, sorted by level
    depth: dict[str, int]  # implements-depth in the forest (0 = implements nothing)
    width: dict[str, int]  # drawn width of each document's box, the gap to the next included
    trees: list[tuple[dict[int, list[str]], int, tuple]]  # (depth -> documents, size, first key)


@dataclass(slots=True)
class _Canvas:
    """Positions placed so far, and where the next band starts."""

    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    headings: list[dict[str, Any]] = field(default_factory=list)
    y: int = 0  # top of the next band
    row: int = 0  # row of the next band
    right: int = 0  # right edge of what is placed


_GAP = 34  # between two document boxes of a row


def _doc_key(G: nx.MultiDiGraph, levels: Mapping[str, str], label: Mapping[str, str]) -> Callable[[str], tuple]:
    """Sort key of documents: level from the top, corpus first, by date, then label."""

    def key(n: str) -> tuple:
        a = G.nodes[n]
        return (LEVEL[levels.get(n, "other")].rank, not a.get("in_corpus"), str(a.get("date") or "9999"),
                label[n].casefold(), n)

    return key


def _forest(G: nx.MultiDiGraph, docs: list[str], tasks: Mapping[str, int],
            doc_key: Callable[[str], tuple]) -> _Forest:
    """Documents linked by ``implements`` (and documents of the corpus) as trees, each level
    ordered so that documents sit under what they implement, deepest and largest trees
    first; the other documents only cited."""
    L = nx.DiGraph()
    doc_set = set(docs)
    for u, v, key in G.edges(keys=True):
        if key == Relation.IMPLEMENTS.value and u in doc_set and v in doc_set and u != v:
            L.add_edge(u, v)
    for n in docs:
        if G.nodes[n].get("in_corpus"):
            L.add_node(n)
    cited = sorted((n for n in docs if n not in L), key=doc_key)
    depth = _lineage_depths(L)
    width = {n: _box_width(doc_text(G, n, G.nodes[n], tasks.get(n, 0)), 16, 172) + _GAP for n in L}
    width.update({n: _box_width(doc_text(G, n, G.nodes[n], 0), 13, 140) + _GAP - 8 for n in cited})

    trees = []
    for comp in nx.weakly_connected_components(L):
        by_level: dict[int, list[str]] = {}
        for n in comp:
            by_level.setdefault(depth[n], []).append(n)
        _order_levels(L, by_level, doc_key)
        trees.append((by_level, len(comp), min(doc_key(n) for n in comp)))
    trees.sort(key=lambda t: (-len(t[0]), -t[1], t[2]))  # deepest and largest trees first
    return _Forest(L, cited, depth, width, trees)


def _place_lineage(c: _Canvas, forest: _Forest, max_width: int) -> None:
    """The lineage band: trees packed into shelves ``max_width`` wide, each level of a tree
    flowing into rows no wider than the shelf."""
    lh = _CELL["lineage"][1]
    trees, width = forest.trees, forest.width
    flows = [{lv: _flow(ns, width, max_width) for lv, ns in t[0].items()} for t in trees]
    widths = [max(sum(width[n] for n in r) for rs in f.values() for r in rs) for f in flows]
    if trees:
        c.headings.append({"text": "Dòng thực hiện / Lineage (văn bản được thực hiện ở trên / implemented on top)",
                           "x": 0, "y": c.y, "band": "lineage"})
        c.y += _HEADER
    for shelf in _shelves([w + _GAP for w in widths], max_width + _GAP):
        depth_rows: dict[int, int] = {}
        for i in shelf:
            for lv, rs in flows[i].items():
                depth_rows[lv] = max(depth_rows.get(lv, 0), len(rs))
        level_y: dict[int, tuple[int, int]] = {}
        acc = 0
        for lv in sorted(depth_rows):
            level_y[lv] = (c.y + acc * lh, c.row + acc)
            acc += depth_rows[lv]
        shelf_width = sum(widths[i] for i in shelf) + _GAP * (len(shelf) - 1)
        x0 = max(0, (max_width - shelf_width) // 2)
        for i in shelf:
            for lv, rs in flows[i].items():
                for k, chunk in enumerate(rs):
                    left = x0 + (widths[i] - sum(width[n] for n in chunk)) // 2
                    for n in chunk:
                        c.positions[n] = (left + width[n] // 2, level_y[lv][0] + k * lh)
                        c.rows[n] = level_y[lv][1] + k
                        left += width[n]
            x0 += widths[i] + _GAP
        c.right = max(c.right, x0 - _GAP)
        c.y += acc * lh
        c.row += acc
    if trees:
        c.y += _BAND_GAP - lh // 2


def _place_cited(c: _Canvas, forest: _Forest, max_width: int) -> None:
    """The band of documents only cited or used as a basis: rows ``max_width`` wide."""
    ch = _CELL["cited"][1]
    cited, width = forest.cited, forest.width
    if not cited:
        return
    c.headings.append({"text": f"Chỉ được dẫn chiếu, căn cứ / Only cited ({len(cited)})",
                       "x": 0, "y": c.y, "band": "cited"})
    c.y += _HEADER
    flow = _flow(cited, width, max_width)
    for k, chunk in enumerate(flow):
        left = 0
        for n in chunk:
            c.positions[n] = (left + width[n] // 2, c.y + k * ch)
            c.rows[n] = c.row + k
            left += width[n]
        c.right = max(c.right, left)
    c.y += len(flow) * ch + _BAND_GAP - ch // 2
    c.row += len(flow)


def _place_documents(forest: _Forest) -> tuple[int, _Canvas]:
    """The document bands at the shelf width that lets them fill a roughly square canvas
    at the largest zoom: (that width, the canvas)."""
    lw, lh = _CELL["lineage"]
    ch = _CELL["cited"][1]
    width = forest.width
    n_cells = sum(width[n] for n in forest.lineage) * lh + sum(width[n] for n in forest.cited) * ch
    guess = int((n_cells ** 0.5) * 1.1)
    candidates = sorted({max(max(width.values(), default=lw), 3 * lw, int(guess * f))
                         for f in (0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.35, 1.5, 1.7)})
    best: tuple[int, int, _Canvas] | None = None
    for shelf_width in candidates:
        c = _Canvas()
        _place_lineage(c, forest, shelf_width)
        _place_cited(c, forest, shelf_width)
        extent = max(c.right, c.y - _BAND_GAP)
        if best is None or extent < best[0]:
            best = (extent, shelf_width, c)
    assert best is not None
    return best[1], best[2]


def _place_tasks(c: _Canvas, G: nx.MultiDiGraph, detail: frozenset[str], doc_key: Callable[[str], tuple],
                 label: Mapping[str, str], wide: int) -> None:
    """Tasks, one block per document (documents a task plans follow it), blocks packed
    into shelves ``wide`` wide."""
    tw, th = _CELL["task"]
    blocks: dict[str, list[str]] = {}
    planned: dict[str, list[str]] = {}
    for n in detail:
        a = G.nodes[n]
        if a.get("kind") == "task":
            blocks.setdefault(str(a.get("document") or ""), []).append(n)
        elif (a.get("kind") or "document") == "document":
            for _, v, key in G.out_edges(n, keys=True):
                if key == Relation.PART_OF.value and G.nodes[v].get("kind") == "task":
                    planned.setdefault(v, []).append(n)
                    break
    block_list = []
    for doc in sorted(blocks, key=lambda d: doc_key(d) if d in G else (9, True, "", d, d)):
        tasks = sorted(blocks[doc], key=lambda t: (G.nodes[t].get("start") or 0, t))
        items = [x for t in tasks for x in (t, *sorted(planned.get(t, ())))]
        ncols = max(1, min(len(items), 16, wide // tw, int(len(items) ** 0.5 + 0.99)))
        block_list.append((items, ncols, label.get(doc, doc or "?"), len(tasks)))
    for shelf in _shelves([b[1] * tw + tw // 2 for b in block_list], wide + tw // 2):
        x0 = tallest = 0
        for i in shelf:
            items, ncols, name, n_tasks = block_list[i]
            c.headings.append({"text": f"Nhiệm vụ của {name} ({n_tasks})", "x": x0, "y": c.y,
                               "band": "tasks", "probe": items[0]})
            tallest = max(tallest, _grid(items, (tw, th), x0, c.y + _HEADER, c.row, ncols, c.positions, c.rows))
            x0 += ncols * tw + tw // 2
        c.y += _HEADER + tallest * th + th // 2
        c.row += tallest + 1
    if block_list:
        c.y += _BAND_GAP - th // 2


def _place_agencies(c: _Canvas, G: nx.MultiDiGraph, detail: frozenset[str], label: Mapping[str, str],
                    wide: int) -> None:
    """Agencies grouped by jurisdiction, units after their parents; then any other detail
    node not placed yet."""
    aw, ah = _CELL["agency"]
    agencies = [n for n in detail if G.nodes[n].get("kind") == "agency"]
    others = sorted(n for n in detail if n not in c.positions and G.nodes[n].get("kind") != "agency")
    if not (agencies or others):
        return

    def root(n: str) -> str:
        seen = {n}
        while (p := G.nodes[n].get("parent")) and p in G and p not in seen:
            seen.add(p)
            n = p
        return n

    agencies.sort(key=lambda n: (str(G.nodes[n].get("jurisdiction") or ""), label[root(n)].casefold(),
                                 root(n) != n, label[n].casefold(), n))
    items = agencies + others
    c.headings.append({"text": f"Cơ quan / Agencies ({len(agencies)})", "x": 0, "y": c.y,
                       "band": "agencies", "probe": items[0]})
    _grid(items, (aw, ah), 0, c.y + _HEADER, c.row, max(1, wide // aw), c.positions, c.rows)


def lay_out(G: nx.MultiDiGraph, levels: Mapping[str, str], tasks: Mapping[str, int]) -> Layout:
    """Positions of the page: the lineage of documents on top, then cited documents,
    tasks by document, agencies.

    Documents linked by ``implements`` (and documents of the corpus) form a forest of small
    trees: each connected group is laid out by implements-depth (the document implemented
    on top, those implementing it below), groups are packed side by side into shelves, and
    a level wider than a shelf wraps.  Documents only cited or used as a basis come next,
    as a compact grid sorted by level.  The shelf width is the one that lets this document
    view fill a roughly square canvas at the largest zoom.  Each document's tasks follow as
    a block, then the agencies; they are hidden until asked for.

    Args:
        G: the graph drawn.
        levels: level key (:data:`viz.style.LEVELS`) of each document.
        tasks: how many tasks each document sets.
    """
    label = {n: node_label(G, n, a) for n, a in G.nodes(data=True)}
    detail = frozenset(n for n, a in G.nodes(data=True) if _is_detail(G, n, a))
    docs = [n for n, a in G.nodes(data=True) if (a.get("kind") or "document") == "document" and n not in detail]
    doc_key = _doc_key(G, levels, label)
    forest = _forest(G, docs, tasks, doc_key)
    max_width, c = _place_documents(forest)

    # the detail bands may be wider than the documents, which are then centred above them
    tw, th = _CELL["task"]
    wide = max(max_width, int((len(detail) * tw * th) ** 0.5 * 1.2))
    shift = (wide - max_width) // 2
    c.positions = {n: (x + shift, y_) for n, (x, y_) in c.positions.items()}
    for h in c.headings:
        h["x"] += shift
    _place_tasks(c, G, detail, doc_key, label, wide)
    _place_agencies(c, G, detail, label, wide)
    return Layout(c.positions, c.rows, {n: forest.depth[n] for n in forest.lineage}, c.headings, detail)
