"""Full-text search over the merged index: the search rows (one per document, task and agency,
folded, in the order a broad query ranks them: ``search_rows`` holds each one's id and
filters (a view of ``search_items`` and ``search_facets``), the contentless FTS5 table
``search_text`` its words under the same rowid), the query (the user's words as
quoted FTS5 terms, filters always bound, bm25 with a cap) and the highlighted passage.

Functions here take the store's connection; :class:`graph.store.Store` offers them as
``search`` and ``documents``.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator

from .ids import fold

__all__ = ["SEARCH_RANK_CAP", "search", "documents", "highlight", "highlight_parts", "regex_words", "search_row",
           "search_order_key", "write_search"]

#: Matches a search ranks at most (see :func:`search`): bm25 costs 10-20 µs a matching row
#: (bench/serve.py), so a broad query stays near 50 ms on a store of any size.
SEARCH_RANK_CAP = 2000
# bm25's weights of the columns symbol, title and body
_WEIGHTS = "10.0, 4.0, 1.0"


def _year(date: str | None) -> str | None:
    return date[:4] if date and date[:4].isdigit() else None


def _descending(text: str) -> str:
    """``text`` turned so that an ascending sort orders the originals descending."""
    return "".join(chr(0x10FFFF - ord(c)) for c in text)


def search_order_key(n: str, d: dict, doc: dict) -> tuple:
    """Where node ``n`` (attributes ``d``; ``doc``: its document's when a task) comes in the
    search rows, which is the order a broad query ranks them in (:data:`SEARCH_RANK_CAP`):
    documents read from files, newest first; documents only cited, newest first; agencies;
    tasks, those of the newest documents first."""
    kind = d.get("kind")
    if kind == "document":
        tier, date = (0 if d.get("in_corpus") else 1), d.get("date") or ""
    elif kind == "agency":
        tier, date = 2, ""
    else:
        tier, date = 3, doc.get("date") or ""
    return (tier, _descending(date), n)


def search_row(n: str, d: dict, doc: dict, name_of: Callable[[str], str]) -> tuple | None:
    """Node ``n``'s search row (None for another kind): (id, kind, type, jurisdiction,
    folded issuer, year, folded symbol, folded title, folded body).  ``doc``: a task's
    document's attributes ({} when unknown); ``name_of``: an agency id's name (the id
    itself when the graph has no such node)."""
    kind = d.get("kind")
    if kind == "document":
        symbol = d.get("number_symbol") or ""
        title = " ".join(x for x in (d.get("type_name"), d.get("title")) if x)
        body = " ".join(x for x in (d.get("issuer"), d.get("jurisdiction"), os.path.basename(d.get("path") or "")) if x)
        return (n, kind, d.get("type"), d.get("jurisdiction"), fold(d.get("issuer") or ""), _year(d.get("date")),
                fold(symbol), fold(title), fold(body))
    if kind == "task":
        names = [name_of(a) for a in (d.get("lead") or []) + (d.get("cooperating") or [])]
        return (n, kind, doc.get("type"), doc.get("jurisdiction"), fold(doc.get("issuer") or ""), _year(doc.get("date")),
                "", fold(d.get("section") or ""), fold(" ".join([d.get("text") or "", *names])))
    if kind == "agency":
        return (n, kind, None, d.get("jurisdiction"), "", None, "", fold(d.get("name") or ""), "")
    return None


def _search_rows(g) -> Iterator[tuple]:
    """One row per document, task and agency of the networkx graph ``g``, in
    :func:`search_order_key` order."""
    def doc_of(d: dict) -> dict:
        return g.nodes[d["document"]] if d.get("document") in g else {}

    def name_of(a: str) -> str:
        return g.nodes[a].get("name", a) if a in g else a

    order = sorted(g.nodes(data=True), key=lambda item: search_order_key(item[0], item[1], doc_of(item[1])))
    for n, d in order:
        row = search_row(n, d, doc_of(d), name_of)
        if row is not None:
            yield row


#: Search rows written with one executemany.
_BATCH = 2000


def write_search(db: sqlite3.Connection, rows: Iterable[tuple]) -> None:
    """Replace the search rows with ``rows`` (:func:`search_row`'s, in rank order: rowid 1, 2, …),
    each set of filters once (``search_facets``); ``rows`` may be read from a cursor of ``db``."""
    db.execute("DELETE FROM search_items")
    db.execute("DELETE FROM search_facets")
    db.execute("INSERT INTO search_text (search_text) VALUES ('delete-all')")
    facets: dict[tuple, int] = {}
    items: list[tuple] = []
    words: list[tuple] = []

    def flush() -> None:
        db.executemany("INSERT INTO search_items (rowid, nid, facet, symbol) "
                       "VALUES (?, (SELECT id FROM names WHERE name = ?), ?, ?)", items)
        db.executemany("INSERT INTO search_text (rowid, symbol, title, body) VALUES (?,?,?,?)", words)
        items.clear()
        words.clear()

    for i, row in enumerate(rows, 1):
        facet = facets.get(row[1:6])
        if facet is None:
            facet = facets[row[1:6]] = db.execute("INSERT INTO search_facets (kind, type, jurisdiction, issuer, year) "
                                                  "VALUES (?,?,?,?,?)", row[1:6]).lastrowid
        items.append((i, row[0], facet, row[6]))
        words.append((i, *row[6:]))
        if len(items) >= _BATCH:
            flush()
    flush()


def _filters(where: list[str], params: list, *, kind: str | None, type: str | None,
             jurisdictions: set[str] | None, issuer: str | None, year: int | None) -> tuple[list[str], list]:
    """The WHERE terms and parameters of the search filters on ``search_rows AS r`` (values
    always bound)."""
    for col, value in (("kind", kind), ("type", type), ("year", str(year) if year else None)):
        if value:
            where.append(f"r.{col} = ?")
            params.append(value)
    if jurisdictions:
        where.append(f"r.jurisdiction IN ({','.join('?' * len(jurisdictions))})")
        params.extend(sorted(jurisdictions))
    if issuer:
        where.append("r.issuer LIKE ? ESCAPE '\\'")
        params.append("%" + fold(issuer).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    return where, params


def _fts_terms(text: str) -> list[str]:
    """The user's words as FTS5 terms: folded, split as the unicode61 tokenizer splits,
    each quoted (so `OR`, `NEAR`, `*`, `"` are words, never syntax); the last one a prefix."""
    words = regex_words(fold(text))
    terms = [f'"{w}"' for w in words]
    if terms and len(words[-1]) >= 2:
        terms[-1] += "*"
    return terms


def highlight_parts(text: str, words: list[str], width: int = 70) -> list[tuple[str, bool]]:
    """The passage of ``text`` (as written, diacritics kept) around the first of ``words``
    (folded), as (piece, is_match) pairs, "…" where it was cut.  fold() keeps an NFC text's
    length, so offsets in the folded text are offsets in the original."""
    text = " ".join(text.split())
    folded = fold(text)
    if len(folded) != len(text) or not words:
        return [(text[:2 * width], False)]
    last = len(words) - 1  # the last word is a prefix (as in the query), the others whole words
    spans = [m.span() for j, w in enumerate(words)
             for m in re.finditer(rf"(?<![^\W_]){re.escape(w)}" + ("" if j == last else r"(?![^\W_])"), folded)]
    if not spans:
        return [(text[:2 * width], False)]
    first = min(a for a, _ in spans)
    lo, hi = max(0, first - width // 2), min(len(text), first + width + width // 2)
    marks = sorted((a, b) for a, b in spans if a >= lo and b <= hi)
    out, pos = [("…", False)] if lo else [], lo
    for a, b in marks:
        if a < pos:
            continue
        out += [(text[pos:a], False), (text[a:b], True)]
        pos = b
    out.append((text[pos:hi] + ("…" if hi < len(text) else ""), False))
    return [(piece, hit) for piece, hit in out if piece]


def highlight(text: str, words: list[str], width: int = 70) -> str:
    """:func:`highlight_parts` as text, the matched words in [brackets]."""
    return "".join(f"[{piece}]" if hit else piece for piece, hit in highlight_parts(text, words, width))


def regex_words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text)


def _search_view(d: dict) -> dict:
    """What a search result or a document listing shows of a node."""
    kind = d.get("kind")
    if kind == "task":
        return {"label": " ".join((d.get("text") or "").split())[:160], "document": d.get("document"),
                "section": d.get("section"), "text": d.get("text")}
    if kind == "agency":
        return {"label": d.get("name"), "jurisdiction": d.get("jurisdiction")}
    return {"label": " ".join(x for x in (d.get("type_name") or d.get("type"), d.get("number_symbol"), d.get("title")) if x),
            "type": d.get("type"), "number_symbol": d.get("number_symbol"), "date": d.get("date"),
            "issuer": d.get("issuer"), "jurisdiction": d.get("jurisdiction"), "title": d.get("title"),
            "ingested": bool(d.get("in_corpus")), "path": d.get("path")}


def search(db: sqlite3.Connection, node_attrs: Callable[[Iterable[str]], dict[str, dict]], text: str, *,
           kind: str | None = None, type: str | None = None, jurisdictions: set[str] | None = None,
           issuer: str | None = None, year: int | None = None, limit: int = 20, info: dict | None = None,
           cap: int = SEARCH_RANK_CAP) -> list[dict]:
    """Documents, tasks and agencies matching every word of ``text`` (with or without
    diacritics, a number-symbol in any spelling), best first: an exact number-symbol,
    then SQLite's bm25 rank (a word in the symbol weighs most, then the title, then the body).  The
    user's text is only ever a list of quoted terms (no FTS5 syntax gets through).

    A broad query (more than ``cap`` matches) is ranked among the first that many in index
    order (documents read from files, newest first, then cited ones, agencies, tasks);
    ``info["capped"]`` says so (None when every match was ranked).  ``node_attrs``: the
    merged attributes of given node ids (:meth:`graph.store.Store.node_attrs`)."""
    terms = _fts_terms(text)
    if not terms:
        return []
    filters = {"kind": kind, "type": type, "jurisdictions": jurisdictions, "issuer": issuer, "year": year}
    exact = "".join(fold(text).split())
    toned = fold(text) != text.lower()  # the user typed diacritics: "đổi" is not "đối"
    n = limit * 3 if toned else limit
    # whole words first, then the last word as a prefix too ("chuyen" -> "chuyên…"): a
    # prefix is the costly part of a query (every token it opens), so only when needed
    whole = [t.rstrip("*") for t in terms]
    capped: set[int] = set()
    rows = _ranked(db, whole, filters, exact, n, capped, cap)
    if len(rows) < n and whole != terms:
        seen = {r[0] for r in rows}
        rows += [r for r in _ranked(db, terms, filters, exact, n, capped, cap) if r[0] not in seen][: n - len(rows)]
    if info is not None:
        info["capped"] = cap if capped else None
    attrs = node_attrs(r[0] for r in rows)
    words = regex_words(fold(text))
    out = []
    for i, k, r in rows:
        view = _search_view(attrs.get(i, {}))
        shown = view.get("text") or view.get("title") or view["label"] or ""
        parts = highlight_parts(shown, words)
        out.append({"id": i, "kind": k, "score": round(-r, 3), **view,
                    "match": "".join(f"[{p}]" if hit else p for p, hit in parts), "match_parts": parts})
    if toned:  # rows with the words as typed, diacritics and all, first (a stable sort keeps the rank)
        typed = [w.lower() for w in regex_words(text)]
        out.sort(key=lambda row: not all(w in (row["label"] or "").lower() + " " + (row.get("text") or "").lower()
                                         for w in typed))
    return out[:limit]


def _ranked(db: sqlite3.Connection, terms: list[str], filters: dict, exact: str, n: int, capped: set[int],
            cap: int) -> list[tuple]:
    """``(id, kind, rank)`` of the best ``n`` rows matching every term: an exact
    number-symbol first, then bm25 (symbol 10, title 4, body 1), a document above a task that matches as well (users look for documents first)."""
    where, params = _filters(["search_text MATCH ?"], [" ".join(terms)], **filters)
    rows = "search_text JOIN search_rows AS r ON r.rowid = search_text.rowid"
    # bm25 reads every matching row's positions: a query matching tens of thousands of rows
    # ("phat trien") ranks only the first ``cap`` in index order (newest documents first); a
    # rowid bound is what FTS5 can use to stop early
    cut = db.execute(f"SELECT search_text.rowid FROM {rows} WHERE {' AND '.join(where)} "
                     "ORDER BY search_text.rowid LIMIT 1 OFFSET ?", [*params, cap - 1]).fetchone()
    if cut is not None:
        where.append("search_text.rowid <= ?")
        params.append(cut[0])
        capped.add(1)
    # a word in the number-symbol weighs most, then the title, then the body (tasks' text,
    # agencies' names); schema 2 meant these weights but gave them to its first three columns
    # (id, kind, type: no words), so until schema 3 the three weighed alike
    q = (f"SELECT n.name, r.kind, bm25(search_text, {_WEIGHTS}) * "
         f"(CASE r.kind WHEN 'document' THEN 2.0 WHEN 'agency' THEN 1.5 ELSE 1.0 END) AS rank "
         f"FROM {rows} JOIN names AS n ON n.id = r.nid WHERE {' AND '.join(where)} "
         f"ORDER BY (replace(r.symbol, ' ', '') = ?) DESC, rank LIMIT ?")
    return db.execute(q, [*params, exact, n]).fetchall()


def documents(db: sqlite3.Connection, node_attrs: Callable[[Iterable[str]], dict[str, dict]], *,
              type: str | None = None, jurisdictions: set[str] | None = None, issuer: str | None = None,
              year: int | None = None, ingested: bool = False) -> list[dict]:
    """Every document node, filtered, in id order."""
    where, params = _filters([], [], kind="document", type=type, jurisdictions=jurisdictions, issuer=issuer,
                             year=year)
    ids = [r[0] for r in db.execute(f"SELECT n.name FROM search_rows AS r JOIN names AS n ON n.id = r.nid "
                                    f"WHERE {' AND '.join(where)} ORDER BY n.name", params)]
    attrs = node_attrs(ids)
    out = [{"id": i, **_search_view(attrs[i])} for i in ids if i in attrs]
    return [d for d in out if d["ingested"]] if ingested else out
