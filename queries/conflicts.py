"""Conflicts between citations: flagged, never fixed (DOMAIN.md §2).

* ``date``: one document cited with different dates;
* ``year``: one symbol cited with the same day and month but different years (a year slip
  or two documents: 21/CTr-UBND 19/01/2022 vs 19/01/2023);
* ``symbol``: the same number and date with different symbols (1804/QĐ-TTg vs 1804/TTg-CN);
* ``issuer``: one document attributed to different organs;
* ``implausible``: a Party number that looks like a year (2021-CTr/TU);
* ``ambiguous``: a dateless mention that matches several documents;
* ``box``: the page's metadata box (a legal-library site's "Số hiệu", "Ngày ban hành") gives
  another number or date than the document's own header;
* ``duplicate``: a document read from a file and a yearless node with its number-symbol in
  its jurisdiction: two nodes that may be one document;
* ``future_date``: a document cited with a date after the citing document's own date (a
  document cannot cite one not yet issued: a typing slip, "ngày 04 tháng 8 năm 2028" in 2025);
* ``impossible_date``: a date written in a text that cannot be a date ("ngày 30/02/2023",
  "ngày 27 năm 12 năm 2019"); never stored as any document's date.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from graph.ids import fold, split_doc_id
from graph.vocab import load_table

__all__ = ["Conflict", "find_conflicts"]

#: Issuer phrase (folded) -> the family of organs it names, longest first
#: (graph/tables/issuers.toml).
_ORGANS = tuple(sorted(
    ((fold(phrase), family) for family, phrases in load_table("issuers")["families"].items() for phrase in phrases),
    key=lambda row: -len(row[0]),
))


def _organ(issuer: str | None) -> str | None:
    if not issuer:
        return None
    low = fold(issuer)
    for phrase, organ in _ORGANS:
        if low.startswith(phrase):
            return organ
    return None


@dataclass
class Conflict:
    kind: str
    subject: str  # a node id, or a symbol for cross-node conflicts
    detail: str
    evidence: list[dict] = field(default_factory=list)  # {file, sentence, start, end, value}

    def to_dict(self) -> dict:
        return {"kind": self.kind, "subject": self.subject, "detail": self.detail, "evidence": self.evidence}


def _ev(m: dict, value) -> dict:
    return {"file": m["file"], "sentence": m["sentence"], "start": m["start"], "end": m["end"], "value": value}


def _shown(g: nx.MultiDiGraph, nid: str) -> str:
    """How a conflict names a document: its number-symbol, else its title (a law cited by
    name), else its id."""
    d = g.nodes[nid] if nid in g else {}
    return d.get("number_symbol") or d.get("title") or split_doc_id(nid)[1] or nid


def _box_conflicts(g: nx.MultiDiGraph) -> list[Conflict]:
    """A document whose page's metadata box (the second witness) gives another number or
    date than its own header."""
    out = []
    for n, d in g.nodes(data=True):
        if not d.get("in_corpus"):
            continue
        for prop, label in (("number_symbol", "number"), ("date", "date")):
            box, own = d.get(f"reported_{prop}"), d.get(prop)
            if box and own and box != own:
                at = d.get(f"reported_{prop}_at") or 0
                ev = {"file": d.get("path"), "sentence": f"{label} in the page's metadata box: {box}",
                      "start": at, "end": at + len(box), "value": box}
                out.append(Conflict("box", n, f"{d.get('number_symbol') or n}: the header gives {label} {own}, "
                                              f"the page's metadata box {box}", [ev]))
    return out


def _duplicates(g: nx.MultiDiGraph) -> list[Conflict]:
    """Nodes that look like one document: a document read from a file and another node with
    its jurisdiction and number-symbol but no year (a mention that could not be folded)."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for n, d in g.nodes(data=True):
        if d.get("kind") == "document" and d.get("number_symbol"):
            jur, key, _ = split_doc_id(n)
            groups[(jur, key)].append(n)
    out = []
    for (jur, key), ids in sorted(groups.items()):
        if len(ids) < 2 or not any(g.nodes[n].get("in_corpus") for n in ids):
            continue
        if any(split_doc_id(n)[2] == "?" for n in ids):
            out.append(Conflict("duplicate", key, f"{key}: {len(ids)} nodes may be one document: {', '.join(sorted(ids))}"))
    return out


def _date_findings(g: nx.MultiDiGraph, mentions: list[dict], findings: list[dict]) -> list[Conflict]:
    """Dates that cannot be right: a document cited with a date after the citing document's
    own (``future_date``), a date written that is no date (``impossible_date``)."""
    out = []
    own = {d.get("path"): d.get("date") for _, d in g.nodes(data=True) if d.get("in_corpus") and d.get("path")}
    for m in mentions:
        citing = own.get(m["file"])
        if m["date"] and citing and m["date"] > citing:
            out.append(Conflict("future_date", m["node_id"],
                                f"{_shown(g, m['node_id'])} cited with date {m['date']}, after the citing "
                                f"document's own date {citing}", [_ev(m, m["date"])]))
    for f in findings:
        if f["kind"] == "impossible_date":
            out.append(Conflict("impossible_date", f["text"], f"{f['text']!r} is not a date", [_ev(f, f["text"])]))
    return out


def _by_node(mentions: list[dict]) -> dict[str, list[dict]]:
    """The mentions of each node, in the order given."""
    by_node: dict[str, list[dict]] = defaultdict(list)
    for m in mentions:
        by_node[m["node_id"]].append(m)
    return by_node


def _dates_apart(g: nx.MultiDiGraph, nid: str, ms: list[dict], own_date: str | None) -> Conflict | None:
    """One document cited with different dates (its own date counts when it is in the
    corpus): ``year`` when only the year differs, else ``date``; the first mention of each."""
    dated = [m for m in ms if m["date"]]
    dates = sorted({m["date"] for m in dated})
    if own_date and dated:
        dates = sorted(set(dates) | {own_date})
    if len(dates) < 2:
        return None
    firsts = []
    for d in dates:
        m = next((m for m in dated if m["date"] == d), None)
        if m:
            firsts.append(_ev(m, d))
    same_dm = len({d[5:] for d in dates}) == 1
    return Conflict("year" if same_dm else "date", nid, f"{_shown(g, nid)} cited with dates {', '.join(dates)}", firsts)


def _issuers_apart(g: nx.MultiDiGraph, nid: str, ms: list[dict]) -> Conflict | None:
    """One document attributed to organs of different families; the first mention of each."""
    organs: dict[str, dict] = {}
    for m in ms:
        o = _organ(m["issuer"])
        if o and o not in organs:
            organs[o] = m
    if len(organs) < 2:
        return None
    return Conflict("issuer", nid, f"{_shown(g, nid)} attributed to " + " / ".join(m["issuer"] for m in organs.values()),
                    [_ev(m, m["issuer"]) for m in organs.values()])


def _per_node(g: nx.MultiDiGraph, by_node: dict[str, list[dict]]) -> list[Conflict]:
    """What the mentions of one node disagree on, node by node (sorted by id)."""
    own_dates = {n: d.get("date") for n, d in g.nodes(data=True) if d.get("in_corpus")}
    out = []
    for nid, ms in sorted(by_node.items()):
        for found in (_dates_apart(g, nid, ms, own_dates.get(nid)), _issuers_apart(g, nid, ms)):
            if found is not None:
                out.append(found)
    return out


def _years_apart(by_node: dict[str, list[dict]]) -> list[Conflict]:
    """The same symbol as two nodes, years apart, cited on the same day and month."""
    by_sym: dict[tuple[str, str], list[str]] = defaultdict(list)
    for nid in by_node:
        jur, key, year = split_doc_id(nid)
        if year != "?":
            by_sym[(jur, key)].append(nid)
    out = []
    for (jur, key), nids in sorted(by_sym.items()):
        if len(nids) < 2:
            continue
        groups = defaultdict(list)
        for n in nids:
            m = next((m for m in by_node[n] if m["date"]), None)
            if m:
                groups[m["date"][5:]].append(m)
        for items in groups.values():
            if len(items) > 1:
                out.append(Conflict("year", key, f"{key} cited on the same day and month in different years",
                                    [_ev(m, m["date"]) for m in items]))
    return out


def _symbols_apart(by_node: dict[str, list[dict]]) -> list[Conflict]:
    """The same number and date under different symbols; the first dated mention of each
    node counts."""
    by_num_date: dict[tuple, list[tuple[str, dict]]] = defaultdict(list)
    for nid, ms in by_node.items():
        jur, key, _ = split_doc_id(nid)
        num = re.match(r"0*(\d+)", key)
        m = next((m for m in ms if m["date"]), None)
        if num and m:
            by_num_date[(num.group(1), m["date"])].append((key, m))
    out = []
    for (num, date), items in sorted(by_num_date.items()):
        keys = sorted({k for k, _ in items})
        if len(keys) > 1:
            seen, evs = set(), []
            for k, m in items:
                if k not in seen:
                    seen.add(k)
                    evs.append(_ev(m, k))
            out.append(Conflict("symbol", " / ".join(keys), f"number {num} dated {date} under symbols {', '.join(keys)}", evs))
    return out


def _flagged(g: nx.MultiDiGraph, by_node: dict[str, list[dict]]) -> list[Conflict]:
    """Nodes that are doubtful in themselves: a Party number that looks like a year
    (``implausible``), a dateless mention the store flagged ``ambiguous``."""
    out = []
    for n, d in g.nodes(data=True):
        ns = d.get("number_symbol") or ""
        ms = by_node.get(n, [])
        m = re.match(r"^(\d+)-", ns)
        if m and (int(m.group(1)) >= 1900):
            out.append(Conflict("implausible", n, f"{ns}: a Party number that looks like a year",
                                [_ev(x, ns) for x in ms[:1]]))
        if "ambiguous" in (d.get("flags") or []):
            out.append(Conflict("ambiguous", n, f"{ns or n}: dateless mention matches {', '.join(d.get('candidates', []))}",
                                [_ev(x, None) for x in ms[:3]]))
    return out


def _unresolved(unresolved: list[dict]) -> list[Conflict]:
    """Mentions the build could not resolve to one document."""
    return [Conflict("ambiguous", u["text"], f"{u['text']!r} could not be resolved to one document", [_ev(u, None)])
            for u in unresolved]


def find_conflicts(g: nx.MultiDiGraph, mentions: list[dict], unresolved: list[dict] = (),
                   findings: list[dict] = ()) -> list[Conflict]:
    """All conflicts among the stored mentions and the extraction's findings (see the
    module docstring), in this order: per node (dates, issuers), years apart, symbols apart,
    flagged nodes, metadata boxes, duplicates, dates that cannot be right, unresolved
    mentions.

    Args:
        g: the document graph (node attributes: number_symbol, date, in_corpus, path, flags).
        mentions: the stored mentions (node_id, file, sentence, start, end, date, issuer).
        unresolved: mentions no document was found for.
        findings: the extraction's findings (``impossible_date``).

    Returns:
        The conflicts, each with the evidence that shows it.
    """
    by_node = _by_node(mentions)
    return [
        *_per_node(g, by_node),
        *_years_apart(by_node),
        *_symbols_apart(by_node),
        *_flagged(g, by_node),
        *_box_conflicts(g),
        *_duplicates(g),
        *_date_findings(g, mentions, findings),
        *_unresolved(unresolved),
    ]
