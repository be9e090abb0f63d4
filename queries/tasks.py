"""Task queries: who must do what, by when, serving which resolution."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from graph.ids import slug

from .lineage import impact

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = ["list_tasks", "agency_stats", "task_row", "is_overdue"]


def _agency_names(g: nx.MultiDiGraph, ids) -> list[str]:
    return [g.nodes[a].get("name", a) if a in g else a for a in ids or []]


def task_row(g: nx.MultiDiGraph, t: str) -> dict:
    """A task as the JSON contract shows it."""
    d = g.nodes[t]
    dl = d.get("deadline") or {}
    return {
        "id": t,
        "text": d.get("text"),
        "lead": _agency_names(g, d.get("lead")),
        "cooperating": _agency_names(g, d.get("cooperating")),
        "deadline": {k: dl.get(k) for k in ("text", "start", "end", "recurring")} | {"kind": dl.get("kind")} if dl else None,
        "document": d.get("document"),
        "document_symbol": g.nodes[d["document"]].get("number_symbol") if d.get("document") in g else None,
        "section": d.get("section"),
        "approval_level": d.get("approval_level"),
        "inferred": d.get("inferred", False),
        "jurisdiction": g.nodes[d["document"]].get("jurisdiction") if d.get("document") in g else None,
    }


def list_tasks(
    g: nx.MultiDiGraph,
    *,
    agency: str | None = None,
    jurisdiction: str | set[str] | None = None,
    serves: str | None = None,
    due_before: str | None = None,
    role: str | None = None,
    flags: dict[str, list[dict]] | None = None,
    at_risk: bool = False,
    overdue_on: str | None = None,
) -> list[dict]:
    """Tasks, filtered.

    Args:
        agency: canonical agency name (matched without tones/case), lead or cooperating.
        jurisdiction: province name or "central", or a set of them (a province and those
            merged into it in 2025).
        serves: a node id: only tasks downstream of it (see :func:`queries.lineage.impact`).
        due_before: ISO date: tasks whose deadline ends before it.
        role: "lead" or "cooperating" with ``agency``.
        flags: the downstream warnings of :func:`queries.status.graph_statuses`; each row
            then carries its ``warnings`` (the repealed, replaced, amended or expired
            documents it rests on).
        at_risk: only tasks with a warning (needs ``flags``).
        overdue_on: ISO date: only tasks whose deadline ended before it (a dated deadline;
            nothing says whether the task was done).
    """
    pool = impact(g, serves) if serves else {n for n, d in g.nodes(data=True) if d.get("kind") == "task"}
    want = slug(agency) if agency else None
    places = {slug(j) for j in ([jurisdiction] if isinstance(jurisdiction, str) else jurisdiction or [])}
    rows = []
    for t in sorted(pool):
        d = g.nodes[t]
        if d.get("kind") != "task":
            continue
        row = task_row(g, t)
        if places and slug(row["jurisdiction"] or "") not in places:
            continue
        if want:
            names = (row["lead"] if role != "cooperating" else []) + (row["cooperating"] if role != "lead" else [])
            if not any(slug(n) == want for n in names):
                continue
        if due_before:
            end = (row["deadline"] or {}).get("end")
            if not end or end >= due_before:
                continue
        if overdue_on and not is_overdue(row, overdue_on):
            continue
        if flags is not None:
            row["warnings"] = flags.get(t, [])
            if at_risk and not row["warnings"]:
                continue
        rows.append(row)
    rows.sort(key=lambda r: (r["document"] or "", _section_key(r["id"])))
    return rows


def is_overdue(row: dict, day: str) -> bool:
    """The task's dated deadline ended before ``day`` (recurring and ongoing tasks never are)."""
    dl = row.get("deadline") or {}
    return bool(dl.get("end")) and dl.get("kind") in ("date", "interval", "target") and dl["end"] < day


def _section_key(task_id: str) -> int:
    try:
        return int(task_id.rsplit("-", 1)[1])
    except (IndexError, ValueError):
        return 0


def agency_stats(g: nx.MultiDiGraph, *, jurisdiction: str | set[str] | None = None) -> list[dict]:
    """Agencies with their task counts, as lead and as cooperating."""
    lead: Counter = Counter()
    coop: Counter = Counter()
    for u, v, k, data in g.edges(keys=True, data=True):
        if k == "assigns_to":
            (lead if data.get("role") == "lead" else coop)[v] += 1
    agencies = ((n, d) for n, d in g.nodes(data=True) if d.get("kind") == "agency")
    return _agency_rows(agencies, lambda n: (lead[n], coop[n]), jurisdiction)


def agency_stats_store(store, *, jurisdiction: str | set[str] | None = None) -> list[dict]:
    """:func:`agency_stats` read from the store's index (counts by SQL, the agencies' own
    attributes a batch at a time): the same rows without loading the whole graph."""
    counts = store.assignment_counts()
    ids = store.index_nodes("agency")

    def agencies():
        for i in range(0, len(ids), 5000):
            found = store.node_attrs(ids[i:i + 5000])
            yield from ((n, found[n]) for n in ids[i:i + 5000] if n in found)

    return _agency_rows(agencies(), lambda n: counts.get(n, (0, 0)), jurisdiction)


def _agency_rows(agencies, count, jurisdiction) -> list[dict]:
    """The rows of the agencies ``(id, attributes)`` in ``jurisdiction`` (None: all), with
    ``count(id)`` = (as lead, as cooperating), busiest first."""
    places = {slug(j) for j in ([jurisdiction] if isinstance(jurisdiction, str) else jurisdiction or [])}
    rows = []
    for n, d in agencies:
        if places and slug(d.get("jurisdiction") or "") not in places:
            continue
        lead, coop = count(n)
        rows.append({
            "id": n, "name": d.get("name"), "jurisdiction": d.get("jurisdiction"),
            "group": bool(d.get("group")), "parent": d.get("parent"),
            "lead": lead, "cooperating": coop,
        })
    rows.sort(key=lambda r: (-(r["lead"] + r["cooperating"]), r["jurisdiction"] or "", r["name"] or ""))
    return rows
