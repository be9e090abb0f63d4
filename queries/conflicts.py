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
            out.append(Conflict("impossible_date", f["text"], f"{f['text']!r} is not a date",
                                [{"file": f["file"], "sentence": f["sentence"], "start": f["start"], "end": f["end"],
                                  "value": f["text"]}]))
    return out


def find_conflicts(g: nx.MultiDiGraph, mentions: list[dict], unresolved: list[dict] = (),
                   findings: list[dict] = ()) -> list[Conflict]:
    """All conflicts among the stored mentions and the extraction's findings (see the
    module docstring)."""
    out: list[Conflict] = []
    by_node: dict[str, list[dict]] = defaultdict(list)
    for m in mentions:
        by_node[m["node_id"]].append(m)
    own_dates = {n: d.get("date") for n, d in g.nodes(data=True) if d.get("in_corpus")}
    for nid, ms in sorted(by_node.items()):
        dated = [m for m in ms if m["date"]]
        dates = sorted({m["date"] for m in dated})
        if nid in own_dates and own_dates[nid] and dated:
            dates = sorted(set(dates) | {own_dates[nid]})
        if len(dates) > 1:
            firsts = []
            for d in dates:
                m = next((m for m in dated if m["date"] == d), None)
                if m:
                    firsts.append(_ev(m, d))
            sym = _shown(g, nid)
            same_dm = len({d[5:] for d in dates}) == 1
            out.append(Conflict("year" if same_dm else "date", nid, f"{sym} cited with dates {', '.join(dates)}", firsts))
        organs = {}
        for m in ms:
            o = _organ(m["issuer"])
            if o and o not in organs:
                organs[o] = m
        if len(organs) > 1:
            sym = _shown(g, nid)
            out.append(Conflict("issuer", nid, f"{sym} attributed to " + " / ".join(m["issuer"] for m in organs.values()),
                                [_ev(m, m["issuer"]) for m in organs.values()]))
    # the same symbol under two years with the same day and month (two nodes)
    by_sym: dict[tuple[str, str], list[str]] = defaultdict(list)
    for nid in by_node:
        jur, key, year = split_doc_id(nid)
        if year != "?":
            by_sym[(jur, key)].append(nid)
    for (jur, key), nids in sorted(by_sym.items()):
        if len(nids) < 2:
            continue
        dated = {n: next((m for m in by_node[n] if m["date"]), None) for n in nids}
        groups = defaultdict(list)
        for n, m in dated.items():
            if m:
                groups[m["date"][5:]].append((n, m))
        for dm, items in groups.items():
            if len(items) > 1:
                out.append(Conflict("year", key, f"{key} cited on the same day and month in different years",
                                    [_ev(m, m["date"]) for _, m in items]))
    # the same number and date under different symbols
    by_num_date: dict[tuple, list[tuple[str, dict]]] = defaultdict(list)
    for nid, ms in by_node.items():
        jur, key, _ = split_doc_id(nid)
        num = re.match(r"0*(\d+)", key)
        for m in ms:
            if m["date"] and num:
                by_num_date[(num.group(1), m["date"])].append((key, m))
                break
    for (num, date), items in sorted(by_num_date.items()):
        keys = sorted({k for k, _ in items})
        if len(keys) > 1:
            seen, evs = set(), []
            for k, m in items:
                if k not in seen:
                    seen.add(k)
                    evs.append(_ev(m, k))
            out.append(Conflict("symbol", " / ".join(keys), f"number {num} dated {date} under symbols {', '.join(keys)}", evs))
    for n, d in g.nodes(data=True):
        ns = d.get("number_symbol") or ""
        m = re.match(r"^(\d+)-", ns)
        if m and (int(m.group(1)) >= 1900):
            ms = by_node.get(n, [])
            out.append(Conflict("implausible", n, f"{ns}: a Party number that looks like a year",
                                [_ev(x, ns) for x in ms[:1]]))
        if "ambiguous" in (d.get("flags") or []):
            ms = by_node.get(n, [])
            out.append(Conflict("ambiguous", n, f"{ns or n}: dateless mention matches {', '.join(d.get('candidates', []))}",
                                [_ev(x, None) for x in ms[:3]]))
    out += _box_conflicts(g) + _duplicates(g) + _date_findings(g, mentions, findings)
    for u in unresolved:
        out.append(Conflict("ambiguous", u["text"], f"{u['text']!r} could not be resolved to one document",
                            [{"file": u["file"], "sentence": u["sentence"], "start": u["start"], "end": u["end"], "value": None}]))
    return out
