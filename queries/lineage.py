"""Lineage queries: which central resolution a document or task serves, through which
documents; what flows downstream of a resolution.  Pure functions on the graph built by
:mod:`graph.store` (schema in :mod:`graph.model`).

The core semantics, reproduced exactly by the SPARQL and Cypher versions in queries/:

* LINEAGE edges are ``implements`` and ``part_of`` (a task is part of its document);
* ``trace_tops(G, x)``: the nodes reached from x over one or more LINEAGE edges that have no
  outgoing LINEAGE edge;
* ``impact(G, x)``: the nodes from which x is reached over one or more LINEAGE edges.

:func:`trace` adds what a lawyer needs: every path, central roots apart from the highest
non-central documents, and the ``based_on`` fallback for plans that state their purpose
only in their "Căn cứ" list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph.errors import NotFound
from graph.model import CENTRAL
from graph.vocab import relation_info, relations_in_order, type_codes, type_info, type_role

from .local import GraphAdjacency, is_exact_id, resolve

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = [
    "LINEAGE",
    "trace_tops",
    "split_tops",
    "impact",
    "trace",
    "TraceResult",
    "resolve_ref",
    "is_exact_id",
    "is_policy_document",
    "node_summary",
    "summary_of",
    "order_downstream",
    "cite_line",
    "citation_chain",
    "downstream_impact",
    "vn_date",
]

#: The relations trace follows up (graph/tables/relations.toml ``lineage``).
LINEAGE = frozenset(r for r in relations_in_order() if relation_info(r)["lineage"])
#: Types that never carry lineage through a "Căn cứ" link (graph/tables/types.toml ``policy``):
#: laws, decrees, circulars and letters grant competence or report; they are not policies a
#: plan carries out.
_NOT_POLICY_TYPES = frozenset(type_codes(policy=False))
_MAX_PATHS = 500


def _lineage_succ(g: nx.MultiDiGraph, n: str):
    for _, v, k in g.out_edges(n, keys=True):
        if k in LINEAGE:
            yield v


def _lineage_pred(g: nx.MultiDiGraph, n: str) -> list[str]:
    """The sources of the LINEAGE edges into ``n``, one per edge, in edge order.  Read off the
    adjacency (``_pred[v][u][key]``, networkx's and :class:`queries.local.LocalGraph`'s)
    when the graph has one: building an edge tuple per edge was most of an ``impact`` of a
    central resolution, and of the warnings every status report computes."""
    pred = getattr(g, "_pred", None)
    if isinstance(pred, dict):
        return [u for u, keys in pred[n].items() for k in keys if k in LINEAGE]
    return [u for u, _, k in g.in_edges(n, keys=True) if k in LINEAGE]


def trace_tops(g: nx.MultiDiGraph, x: str) -> set[str]:
    """Tops of the LINEAGE chains above ``x``.

    Examples:
        >>> import networkx as nx
        >>> g = nx.MultiDiGraph()
        >>> _ = g.add_edge("plan", "program", key="implements")
        >>> _ = g.add_edge("program", "resolution", key="implements")
        >>> sorted(trace_tops(g, "plan")), sorted(trace_tops(g, "resolution"))
        (['resolution'], [])
    """
    seen: set[str] = set()
    stack = list(_lineage_succ(g, x))
    tops: set[str] = set()
    while stack:
        n = stack.pop()
        if n in seen:
            continue
        seen.add(n)
        succ = list(_lineage_succ(g, n))
        if not succ:
            tops.add(n)
        stack.extend(succ)
    return tops


def split_tops(tops, attrs) -> tuple[list[str], list[str]]:
    """The tops of a trace as every command shows them: the central roots (documents of the
    central jurisdiction) and the highest non-central documents reached, each sorted.
    ``attrs(n)`` gives a node's attributes (any engine's display fields).

    >>> split_tops({"vn:29-NQ/TW:2022", "ha-tinh:1/KH-UBND:2023"},
    ...            lambda n: {"jurisdiction": "central" if n.startswith("vn:") else "Hà Tĩnh"})
    (['vn:29-NQ/TW:2022'], ['ha-tinh:1/KH-UBND:2023'])
    """
    roots = sorted(t for t in tops if attrs(t).get("jurisdiction") == CENTRAL)
    return roots, sorted(t for t in tops if attrs(t).get("jurisdiction") != CENTRAL)


def impact(g: nx.MultiDiGraph, x: str) -> set[str]:
    """Everything downstream of ``x``: documents and tasks that carry it out, directly or
    through others.

    Examples:
        >>> import networkx as nx
        >>> g = nx.MultiDiGraph()
        >>> _ = g.add_edge("plan", "program", key="implements")
        >>> _ = g.add_edge("task", "plan", key="part_of")
        >>> sorted(impact(g, "program"))
        ['plan', 'task']
    """
    seen: set[str] = set()
    stack = list(_lineage_pred(g, x))
    while stack:
        n = stack.pop()
        if n in seen:
            continue
        seen.add(n)
        stack.extend(_lineage_pred(g, n))
    seen.discard(x)
    return seen


def is_policy_document(attrs: dict) -> bool:
    """A document whose "Căn cứ" mention carries lineage: Party documents, Government
    resolutions and programs, Prime Minister's decisions (which approve strategies and
    programs), and local plans, programs and resolutions; not laws, decrees or letters."""
    if attrs.get("kind") != "document":
        return False
    t = attrs.get("type")
    if t in _NOT_POLICY_TYPES or "named" in (attrs.get("flags") or []):
        return False
    issuers = (type_info(t) or {}).get("policy_issuers")
    if issuers:
        ns = attrs.get("number_symbol") or ""
        return any(ns.endswith("-" + code) for code in issuers)
    return True


@dataclass
class TraceResult:
    ref: str
    paths: list[list[str]] = field(default_factory=list)
    roots: list[str] = field(default_factory=list)  # central documents at the top
    highest: list[str] = field(default_factory=list)  # non-central tops
    via_based_on: list[tuple[str, str]] = field(default_factory=list)  # fallback hops
    truncated: bool = False

    @property
    def reached_central(self) -> bool:
        return bool(self.roots)


def trace(g: nx.MultiDiGraph, x: str, *, based_on_fallback: bool = True) -> TraceResult:
    """Every lineage path from ``x`` up to the roots.

    A document that implements nothing continues, when ``based_on_fallback`` is set, through
    its ``based_on`` links to policy documents (:func:`is_policy_document`); such hops are
    listed in ``via_based_on``.

    Raises:
        NotFound: ``x`` is not in the graph.
    """
    if x not in g:
        raise NotFound(f"{x}: not in the graph")
    res = TraceResult(ref=x)
    tops: list[str] = []

    def up(n: str) -> list[tuple[str, str]]:
        nxt = [(v, "lineage") for v in _lineage_succ(g, n)]
        if not nxt and based_on_fallback and g.nodes[n].get("kind") == "document":
            nxt = [
                (v, "based_on")
                for _, v, k in g.out_edges(n, keys=True)
                if k == "based_on" and is_policy_document(g.nodes[v])
            ]
        return sorted(set(nxt))

    stack: list[list[str]] = [[x]]
    while stack:
        path = stack.pop()
        n = path[-1]
        nxt = [(v, how) for v, how in up(n) if v not in path]
        if not nxt:
            if len(path) > 1:
                if len(res.paths) >= _MAX_PATHS:
                    res.truncated = True
                    break
                res.paths.append(path)
                if n not in tops:
                    tops.append(n)
            continue
        for v, how in reversed(nxt):
            if how == "based_on" and (n, v) not in res.via_based_on:
                res.via_based_on.append((n, v))
            stack.append(path + [v])
    res.paths.sort(key=lambda p: (len(p), p))
    res.roots, res.highest = split_tops(tops, lambda n: g.nodes[n])
    if not res.paths:
        res.highest = [x]
    return res


def resolve_ref(g: nx.MultiDiGraph, ref: str) -> str:
    """A node id from what a user types: an id (exactly), a number-symbol (unique), the title
    of an unnumbered document, or the path of an ingested file (:func:`queries.local.resolve`,
    the one resolution for the whole graph and for the store's index).

    Raises:
        NotFound: nothing matches (an id not in the store names the closest ids).
        AmbiguousReference: several documents share the number-symbol.
    """
    return resolve(GraphAdjacency(g), ref)


def node_summary(g: nx.MultiDiGraph, n: str) -> dict:
    return summary_of(g.nodes[n])


def summary_of(d: dict) -> dict:
    """A node's display fields, from its attributes (what ``--json`` answers show)."""
    keys = ("kind", "type", "number_symbol", "date", "issuer", "jurisdiction", "title", "flags", "in_corpus", "path")
    out = {k: d.get(k) for k in keys if k in d}
    if d.get("kind") == "task":
        out.update({k: d.get(k) for k in ("text", "section", "document", "lead", "cooperating", "deadline")})
    if d.get("kind") == "agency":
        out.update({k: d.get(k) for k in ("name", "jurisdiction", "group", "parent")})
    return out


def vn_date(iso: str | None) -> str | None:
    """Dates as Decree 30/2020/NĐ-CP writes them: a zero before days under 10 and before
    months 1 and 2 ("05/5/2023", "07/02/2023", "17/11/2022").

    >>> vn_date("2023-05-05"), vn_date("2023-02-07"), vn_date("2022-11-17")
    ('05/5/2023', '07/02/2023', '17/11/2022')
    """
    if not iso:
        return None
    y, m, d = iso.split("-")
    month = m if int(m) < 3 else str(int(m))
    return f"{d}/{month}/{y}"


def cite_line(g: nx.MultiDiGraph, n: str) -> str:
    """The node as documents cite it: "Kế hoạch số 154/KH-UBND ngày 05/5/2023 của UBND
    tỉnh Hà Tĩnh"."""
    d = g.nodes[n]
    kind = d.get("kind")
    if kind == "task":
        return f"Nhiệm vụ {d.get('section') or ''} của {cite_line(g, d['document'])}: {_short(d.get('text', ''))}"
    if kind == "agency":
        return d.get("name") or n
    name = d.get("type_name") or d.get("type") or type_info(type_role("generic"))["label"]
    parts = []
    if d.get("number_symbol"):
        parts.append(f"{name} số {d['number_symbol']}")
    elif "named" in (d.get("flags") or []):
        parts.append(d.get("title") or name)  # a law named without number: "Luật Đất đai"
    else:
        # an unnumbered document: its type, then its title as a quotation
        title = " ".join((d.get("title") or "").split())
        while title and title.split(" ", 1)[0].isupper() and len(title.split(" ", 1)) > 1:
            title = title.split(" ", 1)[1]  # drop the upper-case type line ("CHƯƠNG TRÌNH")
        parts.append(f"{name} “{_short(title, 120)}”" if title else name)
        if "planned" not in (d.get("flags") or []):
            parts.append("(chưa có số)" if "draft" not in (d.get("flags") or []) else "(dự thảo, chưa có số)")
    if d.get("date"):
        parts.append(f"ngày {vn_date(d['date'])}")
    if d.get("issuer"):
        parts.append(f"của {d['issuer']}")
    return " ".join(parts)


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def citation_chain(g: nx.MultiDiGraph, path: list[str]) -> list[dict]:
    """One hop a line along a trace path: the citing line, the relation to the next node
    and its evidence."""
    out = []
    for a, b in zip(path, path[1:] + [None]):
        hop = {"id": a, "cite": cite_line(g, a)}
        if b is not None:
            keys = [k for k in g[a][b]] if g.has_edge(a, b) else []
            rel = next((k for k in ("implements", "part_of", "based_on") if k in keys), keys[0] if keys else None)
            hop["relation"] = rel
            if rel:
                ev = g.edges[a, b, rel]["evidence"][0]
                hop["evidence"] = ev
        out.append(hop)
    return out


def task_order(g: nx.MultiDiGraph, t: str) -> tuple:
    """Tasks in reading order: by document, then by their number in it (task-2 before task-10)."""
    return _task_key(t, g.nodes[t])


def _task_key(t: str, attrs: dict) -> tuple:
    doc, _, n = t.partition("#task-")
    return (attrs.get("document") or doc, int(n) if n.isdigit() else 0, t)


def order_downstream(x: str, nodes, attrs) -> dict:
    """An impact set as answers show it: ``{"ref", "documents", "tasks"}``, the documents
    sorted, the tasks in reading order; ``attrs(n)`` gives a node's attributes."""
    docs = sorted(n for n in nodes if attrs(n).get("kind") == "document")
    tasks = sorted((n for n in nodes if attrs(n).get("kind") == "task"), key=lambda t: _task_key(t, attrs(t)))
    return {"ref": x, "documents": docs, "tasks": tasks}


def downstream_impact(g: nx.MultiDiGraph, x: str) -> dict:
    """What flows from ``x``: the documents and tasks downstream, by kind."""
    if x not in g:
        raise NotFound(f"{x}: not in the graph")
    return order_downstream(x, impact(g, x), lambda n: g.nodes[n])
