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

import functools
import itertools
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph.facts import FactReader
from graph.ids import fold, split_doc_id
from graph.index import NODE_SQL, decoded
from graph.store_schema import MARKS
from graph.vocab import load_table, table_cache, type_codes

if TYPE_CHECKING:
    import sqlite3

    import networkx as nx

    from graph.index import MergedIndex

__all__ = ["Conflict", "find_conflicts", "iter_store_conflicts"]

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


@table_cache
def _rules() -> tuple[int, int, re.Pattern, frozenset[str], dict[str, str]]:
    t = load_table("conflicts")
    low, high = t["year_like"]
    organ = {code: group[0] for group in t["same_organ"] for code in group}
    return int(low), int(high), re.compile(t["organ_code"]), frozenset(type_codes()), organ


def _year_like(symbol: str | None) -> bool:
    """Whether a symbol's Party number looks like a year ("2021-CTr/TU"; table conflicts.toml)."""
    m = re.match(r"^(\d+)-", symbol or "")
    low, high, _, _, _ = _rules()
    return bool(m and low <= int(m.group(1)) <= high)


def _organs(key: str) -> frozenset[str]:
    """The organ codes of a symbol: its upper-case parts that are no type code, a trailing
    number dropped, one code for each organ ("10/2025/TT-BNV" -> BNV, "202/2025/QH15" -> QH,
    "11-NQ/BTV" -> TU)."""
    _, _, code, types, organ = _rules()
    bare = (c.rstrip("0123456789") for c in code.findall(key) if c not in types)
    return frozenset(organ.get(c, c) for c in bare)


def _slips(keys: list[str]) -> list[str]:
    """Of the symbols one number and date are cited under, those that may be one document's:
    each shares an organ code with another (or has none); two organs' symbols are two
    documents (table conflicts.toml)."""
    organs = {k: _organs(k) for k in keys}
    return [k for k in keys if not organs[k] or any(o != k and (not organs[o] or organs[k] & organs[o]) for o in keys)]


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


def _name(d: dict, nid: str) -> str:
    """How a conflict names a document (attributes ``d``, ``{}`` for a node the graph lacks):
    its number-symbol, else its title (a law cited by name), else its id."""
    return d.get("number_symbol") or d.get("title") or split_doc_id(nid)[1] or nid


def _shown(g: nx.MultiDiGraph, nid: str) -> str:
    """:func:`_name` of ``nid`` in ``g``."""
    return _name(g.nodes[nid] if nid in g else {}, nid)


def _box_of(n: str, d: dict) -> Iterator[Conflict]:
    """Document ``n`` (attributes ``d``) read from a page whose metadata box (the second
    witness) gives another number or date than its own header."""
    if not d.get("in_corpus"):
        return
    for prop, label in (("number_symbol", "number"), ("date", "date")):
        box, own = d.get(f"reported_{prop}"), d.get(prop)
        if box and own and box != own:
            at = d.get(f"reported_{prop}_at") or 0
            ev = {"file": d.get("path"), "sentence": f"{label} in the page's metadata box: {box}",
                  "start": at, "end": at + len(box), "value": box}
            yield Conflict("box", n, f"{d.get('number_symbol') or n}: the header gives {label} {own}, "
                                     f"the page's metadata box {box}", [ev])


def _box_conflicts(g: nx.MultiDiGraph) -> list[Conflict]:
    """A document whose page's metadata box gives another number or date than its header."""
    return [c for n, d in g.nodes(data=True) for c in _box_of(n, d)]


def _duplicate(key: str, ids: list[str], in_corpus: bool) -> Conflict | None:
    """Document nodes ``ids`` with one jurisdiction and key (``in_corpus``: one of them is read
    from a file): one document when one of them has no year."""
    if len(ids) < 2 or not in_corpus or not any(split_doc_id(n)[2] == "?" for n in ids):
        return None
    return Conflict("duplicate", key, f"{key}: {len(ids)} nodes may be one document: {', '.join(sorted(ids))}")


def _duplicates(g: nx.MultiDiGraph) -> list[Conflict]:
    """Nodes that look like one document: a document read from a file and another node with
    its jurisdiction and number-symbol but no year (a mention that could not be folded)."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for n, d in g.nodes(data=True):
        if d.get("kind") == "document" and d.get("number_symbol"):
            jur, key, _ = split_doc_id(n)
            groups[(jur, key)].append(n)
    found = (_duplicate(key, ids, any(g.nodes[n].get("in_corpus") for n in ids))
             for (_, key), ids in sorted(groups.items()))
    return [c for c in found if c is not None]


def _date_findings(g: nx.MultiDiGraph, mentions: list[dict], findings: list[dict]) -> list[Conflict]:
    """Dates that cannot be right: a document cited with a date after the citing document's
    own (``future_date``), a date written that is no date (``impossible_date``)."""
    out = []
    own = {d.get("path"): d.get("date") for _, d in g.nodes(data=True) if d.get("in_corpus") and d.get("path")}
    for m in mentions:
        citing = own.get(m["file"])
        if m["date"] and citing and m["date"] > citing:
            out.append(_future(_shown(g, m["node_id"]), m, citing))
    out.extend(_impossible(f) for f in findings if f["kind"] == "impossible_date")
    return out


def _future(shown: str, m: dict, citing: str) -> Conflict:
    """Mention ``m`` of a document (named ``shown``) dated after its citing document's date."""
    return Conflict("future_date", m["node_id"], f"{shown} cited with date {m['date']}, after the citing "
                                                 f"document's own date {citing}", [_ev(m, m["date"])])


def _impossible(f: dict) -> Conflict:
    """A finding ``impossible_date``: a date written that is no date."""
    return Conflict("impossible_date", f["text"], f"{f['text']!r} is not a date", [_ev(f, f["text"])])


def _by_node(mentions: list[dict]) -> dict[str, list[dict]]:
    """The mentions of each node, in the order given."""
    by_node: dict[str, list[dict]] = defaultdict(list)
    for m in mentions:
        by_node[m["node_id"]].append(m)
    return by_node


def _dates_apart(shown: str, nid: str, ms: list[dict], own_date: str | None) -> Conflict | None:
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
    return Conflict("year" if same_dm else "date", nid, f"{shown} cited with dates {', '.join(dates)}", firsts)


def _issuers_apart(shown: str, nid: str, ms: list[dict]) -> Conflict | None:
    """One document attributed to organs of different families; the first mention of each."""
    organs: dict[str, dict] = {}
    for m in ms:
        o = _organ(m["issuer"])
        if o and o not in organs:
            organs[o] = m
    if len(organs) < 2:
        return None
    return Conflict("issuer", nid, f"{shown} attributed to " + " / ".join(m["issuer"] for m in organs.values()),
                    [_ev(m, m["issuer"]) for m in organs.values()])


def _per_node(g: nx.MultiDiGraph, by_node: dict[str, list[dict]]) -> list[Conflict]:
    """What the mentions of one node disagree on, node by node (sorted by id)."""
    return [c for nid, ms in sorted(by_node.items()) for c in _apart(g.nodes[nid] if nid in g else {}, nid, ms)]


def _apart(d: dict, nid: str, ms: list[dict]) -> list[Conflict]:
    """What the mentions ``ms`` of node ``nid`` (attributes ``d``) disagree on: dates, issuers."""
    shown = _name(d, nid)
    found = (_dates_apart(shown, nid, ms, d.get("date") if d.get("in_corpus") else None),
             _issuers_apart(shown, nid, ms))
    return [c for c in found if c is not None]


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
        keys = _slips(sorted({k for k, _ in items}))
        if len(keys) > 1:
            seen, evs = set(), []
            for k, m in items:
                if k in keys and k not in seen:
                    seen.add(k)
                    evs.append(_ev(m, k))
            out.append(Conflict("symbol", " / ".join(keys), f"number {num} dated {date} under symbols {', '.join(keys)}", evs))
    return out


def _flagged(g: nx.MultiDiGraph, by_node: dict[str, list[dict]]) -> list[Conflict]:
    """Nodes that are doubtful in themselves: a Party number that looks like a year
    (``implausible``), a dateless mention the store flagged ``ambiguous``."""
    return [c for n, d in g.nodes(data=True) if _doubtful(d) for c in _flags_of(n, d, by_node.get(n, []))]


def _doubtful(d: dict) -> bool:
    """Whether a node (attributes ``d``) is doubtful in itself (see :func:`_flags_of`)."""
    return _year_like(d.get("number_symbol")) or "ambiguous" in (d.get("flags") or [])


def _flags_of(n: str, d: dict, ms: list[dict]) -> list[Conflict]:
    """Node ``n`` (attributes ``d``, its first mentions ``ms``, three are enough) doubtful in
    itself: ``implausible``, ``ambiguous``."""
    out = []
    ns = d.get("number_symbol") or ""
    if _year_like(ns):
        out.append(Conflict("implausible", n, f"{ns}: a Party number that looks like a year",
                            [_ev(x, ns) for x in ms[:1]]))
    if "ambiguous" in (d.get("flags") or []):
        out.append(Conflict("ambiguous", n, f"{ns or n}: dateless mention matches {', '.join(d.get('candidates', []))}",
                            [_ev(x, None) for x in ms[:3]]))
    return out


def _unresolved(unresolved: list[dict]) -> list[Conflict]:
    """Mentions the build could not resolve to one document."""
    return [_unresolved_one(u) for u in unresolved]


def _unresolved_one(u: dict) -> Conflict:
    return Conflict("ambiguous", u["text"], f"{u['text']!r} could not be resolved to one document", [_ev(u, None)])


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


# -- the same check over a store's merged index, in SQL --------------------------------------

#: A mention's columns (``mentions AS m``), its sentence as where it is read from
#: (:class:`_Sentence`): read only for the mentions a conflict shows.
_MENTION_SQL = 'm.file, m.sid, m.start, m."end", m.date, m.issuer, m.node_id, m.fid, m.s0, m.s1'


@dataclass(frozen=True, slots=True)
class _Sentence:
    """Where a stored mention's sentence is (a ``texts`` id, or a span of its file's text)."""

    fid: int
    sid: int | None
    s0: int | None
    s1: int | None
    start: int
    end: int


def _mention_row(row: tuple) -> dict:
    """A mention from the first columns of a row of :data:`_MENTION_SQL`."""
    file, sid, start, end, date, issuer, node_id, fid, s0, s1 = row[:10]
    return {"file": file, "sentence": _Sentence(fid, sid, s0, s1, start, end), "start": start, "end": end,
            "date": date, "issuer": issuer, "node_id": node_id}


def _read_sentences(db: sqlite3.Connection, reader: FactReader, c: Conflict) -> Conflict:
    """Conflict ``c`` with the sentences of its evidence read (see :class:`_Sentence`)."""
    for ev in c.evidence:
        s = ev.get("sentence")
        if isinstance(s, _Sentence):
            stored = None if s.sid is None else db.execute("SELECT text FROM texts WHERE id = ?", (s.sid,)).fetchone()[0]
            ev["sentence"] = reader.sentence(s.fid, stored, s.s0, s.s1, s.start, s.end)
    return c

#: Each node's first mention and first dated mention, in the order of the store's mentions
#: (file, start): what ``year`` and ``symbol`` conflicts compare (``pos`` orders the nodes as
#: :func:`_by_node` does).
_FIRSTS = """
WITH seq AS (SELECT rowid AS rid, node_id, date, row_number() OVER (ORDER BY file, start, rowid) AS pos
             FROM mentions),
     firsts AS (SELECT node_id, min(pos) AS pos FROM seq GROUP BY node_id),
     dated AS (SELECT node_id, rid, date, min(pos) FROM seq WHERE date IS NOT NULL AND date != '' GROUP BY node_id),
     nodes AS (SELECT f.node_id, f.pos, d.rid, d.date, pkg_id_part(f.node_id, 0) AS jur,
                      pkg_id_part(f.node_id, 1) AS key, pkg_id_part(f.node_id, 2) AS year
               FROM firsts AS f JOIN dated AS d ON d.node_id = f.node_id)
"""

#: Mentions read at a time for the nodes doubtful in themselves (their first three each).
_BATCH = 500


def _register(db: sqlite3.Connection) -> None:
    """The SQL functions the queries below use: a part of a document id
    (:func:`graph.ids.split_doc_id`), the number a symbol starts with (no leading zeros)."""
    def number(key: str) -> str | None:
        m = re.match(r"0*(\d+)", key)
        return m.group(1) if m else None

    def year_number(symbol: str | None) -> bool:
        """Whether a document's ``symbol`` column may be a Party number that looks like a year
        (:func:`_doubtful` decides: the column is its number-symbol without spaces)."""
        return _year_like(symbol)

    db.create_function("pkg_id_part", 2, lambda nid, i: split_doc_id(nid)[i], deterministic=True)
    db.create_function("pkg_number", 1, number, deterministic=True)
    db.create_function("pkg_year_number", 1, year_number, deterministic=True)


def _doc(db: sqlite3.Connection, nid: str, reader: FactReader) -> dict:
    """The merged attributes of document ``nid`` ({} when the index has no such document)."""
    row = db.execute(f"{NODE_SQL} WHERE m.name = ? AND g.kind = 'document'", (nid,)).fetchone()
    return decoded(row, reader)[1] if row else {}


def _documents(db: sqlite3.Connection, where: str) -> Iterator[tuple[str, dict]]:
    """The merged documents that meet ``where`` (SQL over ``merged_nodes AS g``: its symbol,
    date and marks columns), in the graph's order, with their attributes."""
    reader = FactReader(db)
    for row in db.execute(f"{NODE_SQL} WHERE g.kind = 'document' AND ({where}) ORDER BY g.pos"):
        yield decoded(row, reader)


def _mention(db: sqlite3.Connection, rid: int) -> dict:
    return _mention_row(db.execute(f"SELECT {_MENTION_SQL} FROM mentions AS m WHERE m.rowid = ?", (rid,)).fetchone())


def _sql_per_node(db: sqlite3.Connection) -> Iterator[Conflict]:
    """:func:`_per_node`: the mentions grouped by node, one node at a time."""
    # each mention with its node's date and marks: what _apart compares; the name it shows
    # is read only for a node in conflict
    rows = db.execute(f"SELECT {_MENTION_SQL}, g.kind, g.date, g.marks FROM mentions AS m "
                      "LEFT JOIN merged_nodes AS g ON g.nid = (SELECT id FROM names WHERE name = m.node_id) "
                      "ORDER BY m.node_id, m.file, m.start, m.rowid")
    reader = FactReader(db)
    for nid, group in itertools.groupby(rows, key=lambda r: r[6]):
        group = list(group)
        kind, date, marks = group[0][-3:]
        seen = {"date": date, "in_corpus": bool(marks & MARKS["in_corpus"])} if kind == "document" else {}
        ms = [_mention_row(r) for r in group]
        if _apart(seen, nid, ms):
            yield from _apart(_doc(db, nid, reader), nid, ms)


def _sql_years_apart(db: sqlite3.Connection) -> Iterator[Conflict]:
    """:func:`_years_apart`: one jurisdiction and key at a time."""
    rows = db.execute(_FIRSTS + "SELECT jur, key, rid, date FROM nodes WHERE year != '?' ORDER BY jur, key, pos")
    for (_, key), items in itertools.groupby(rows, key=lambda r: r[:2]):
        groups: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for *_, rid, date in items:
            groups[date[5:]].append((rid, date))
        for same in groups.values():
            if len(same) > 1:
                yield Conflict("year", key, f"{key} cited on the same day and month in different years",
                               [_ev(_mention(db, rid), date) for rid, date in same])


def _sql_symbols_apart(db: sqlite3.Connection) -> Iterator[Conflict]:
    """:func:`_symbols_apart`: one number and date at a time."""
    rows = db.execute(_FIRSTS + "SELECT pkg_number(key) AS num, date, key, rid FROM nodes "
                                "WHERE num IS NOT NULL ORDER BY num, date, pos")
    for (num, date), items in itertools.groupby(rows, key=lambda r: r[:2]):
        firsts: dict[str, int] = {}
        for _, _, key, rid in items:
            firsts.setdefault(key, rid)
        keys = _slips(sorted(firsts))
        if len(keys) > 1:
            yield Conflict("symbol", " / ".join(keys), f"number {num} dated {date} under symbols {', '.join(keys)}",
                           [_ev(_mention(db, rid), k) for k, rid in firsts.items() if k in keys])


def _sql_flagged(db: sqlite3.Connection) -> Iterator[Conflict]:
    """:func:`_flagged`: the document nodes in the graph's order, the first three mentions
    of the doubtful ones read a batch at a time."""
    def flush(batch: list[tuple[str, dict]]) -> Iterator[Conflict]:
        firsts: dict[str, list[dict]] = defaultdict(list)
        q = (f"SELECT * FROM (SELECT {_MENTION_SQL}, row_number() OVER (PARTITION BY m.node_id "
             "ORDER BY m.file, m.start, m.rowid) AS r FROM mentions AS m "
             "WHERE m.node_id IN (SELECT value FROM json_each(?))) WHERE r <= 3 ORDER BY node_id, r")
        for row in db.execute(q, (json.dumps([n for n, _ in batch]),)):
            firsts[row[6]].append(_mention_row(row))
        for n, d in batch:
            yield from _flags_of(n, d, firsts.get(n, []))

    batch: list[tuple[str, dict]] = []
    for n, d in _documents(db, f"g.marks & {MARKS['ambiguous']} OR pkg_year_number(g.symbol)"):
        if _doubtful(d):
            batch.append((n, d))
            if len(batch) >= _BATCH:
                yield from flush(batch)
                batch = []
    if batch:
        yield from flush(batch)


def _sql_boxes(db: sqlite3.Connection) -> Iterator[Conflict]:
    """:func:`_box_conflicts`: the documents with a metadata box, in the graph's order."""
    for n, d in _documents(db, f"g.marks & {MARKS['box']}"):
        yield from _box_of(n, d)


def _sql_duplicates(db: sqlite3.Connection) -> Iterator[Conflict]:
    """:func:`_duplicates`: the groups of documents with one jurisdiction and key, in SQL."""
    rows = db.execute(
        "WITH d AS (SELECT id, pkg_id_part(id, 0) AS jur, pkg_id_part(id, 1) AS key, pkg_id_part(id, 2) AS year, "
        f"marks & {MARKS['in_corpus']} AS c FROM graph_nodes WHERE kind = 'document' AND symbol IS NOT NULL) "
        "SELECT key, json_group_array(id), max(c) FROM d GROUP BY jur, key "
        "HAVING count(*) > 1 AND max(year = '?') ORDER BY jur, key")
    for key, ids, in_corpus in rows:
        found = _duplicate(key, json.loads(ids), bool(in_corpus))
        if found is not None:
            yield found


def _sql_date_findings(db: sqlite3.Connection) -> Iterator[Conflict]:
    """:func:`_date_findings`: the mentions dated after their file's document, then the
    dates that are no dates, in the store's order."""
    inc = MARKS["in_corpus"]
    q = ("WITH own AS (SELECT c.path, c.date AS day FROM graph_nodes AS c "
         f"WHERE c.kind = 'document' AND c.marks & {inc} AND c.rowid = (SELECT max(x.rowid) "
         f"FROM graph_nodes AS x WHERE x.path = c.path AND x.kind = 'document' AND x.marks & {inc})) "
         f"SELECT {_MENTION_SQL}, own.day FROM mentions AS m JOIN own ON own.path = m.file "
         "WHERE m.date != '' AND own.day != '' AND m.date > own.day "
         "ORDER BY m.file, m.start, m.rowid")
    # a document cited late by many files is named once (the cache is bounded)
    reader = FactReader(db)
    shown = functools.lru_cache(maxsize=4096)(lambda nid: _name(_doc(db, nid, reader), nid))
    for row in db.execute(q):
        m = _mention_row(row)
        yield _future(shown(m["node_id"]), m, row[-1])
    for row in db.execute('SELECT f.file, f.kind, f.text, f.start, f."end", s.text FROM findings AS f '
                          "JOIN texts AS s ON s.id = f.sid WHERE f.kind = 'impossible_date' "
                          "ORDER BY f.file, f.start, f.rowid"):
        yield _impossible(dict(zip(("file", "kind", "text", "start", "end", "sentence"), row)))


def _sql_unresolved(db: sqlite3.Connection) -> Iterator[Conflict]:
    for row in db.execute('SELECT u.file, u.text, u.start, u."end", s.text FROM unresolved AS u '
                          "JOIN texts AS s ON s.id = u.sid ORDER BY u.file, u.start, u.rowid"):
        yield _unresolved_one(dict(zip(("file", "text", "start", "end", "sentence"), row)))


def iter_store_conflicts(store: MergedIndex) -> Iterator[Conflict]:
    """:func:`find_conflicts` of a store's facts, the same conflicts in the same order, read
    by SQL over its merged index and its mentions: grouped by node, one node, one key or one
    batch at a time, so that memory does not grow with the store (the whole graph is never
    loaded).  A store whose merged index is not current (written by an earlier policykg,
    before its next build) is checked on its graph.

    Args:
        store: an open store (:class:`graph.store.Store`).

    Yields:
        The conflicts, each with the evidence that shows it.
    """
    if not store.has_merged():
        yield from find_conflicts(store.document_graph(), store.mentions(), store.unresolved(), store.findings())
        return
    db = store.db
    _register(db)
    reader = FactReader(db)
    for section in (_sql_per_node, _sql_years_apart, _sql_symbols_apart, _sql_flagged, _sql_boxes,
                    _sql_duplicates, _sql_date_findings, _sql_unresolved):
        for c in section(db):
            yield _read_sentences(db, reader, c)
