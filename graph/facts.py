"""The writer's half of the store: one file's :class:`~graph.model.Extraction` as rows of the
fact tables (``fact_nodes``, ``fact_edges``, ``fact_mentions``, ``fact_unresolved``,
``fact_findings``): the file and node ids as numbers, an evidence sentence or task text that
is a span of the file's text as that span, other sentences and each node's attributes
through ``texts`` (stored once, see :mod:`graph.store_schema`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from .model import Extraction, Relation, Role, Task
from .store_schema import UNUSED_TEXTS, FileTexts, _name_id, _text_id

__all__ = ["fact_rows", "insert_facts", "FactReader", "MENTION_SQL", "stored_fact_rows", "respan_mentions"]


def _detail(ex: Extraction, src: str, rel: str, dst: str) -> str | None:
    d = ex.changes.get((src, rel, dst))
    return json.dumps(d, ensure_ascii=False) if d else None


def _force_attrs(ex: Extraction) -> dict:
    """What the document says of its own force, as scalar node attributes (so GraphML and
    Neo4j keep them): when it takes effect, the period its title states, and their spans
    in the file's text (the evidence)."""
    out: dict = {"reported_state": ex.reported_state} if ex.reported_state else {}
    if ex.effective:
        e = ex.effective
        out |= {"effective_date": e["date"], "effective_rule": e["rule"], "effective_span": [e["start"], e["end"]]}
    if ex.period:
        p = ex.period
        out |= {"period_from": p["from"], "period_until": p["until"], "period_text": p["text"],
                "period_span": [p["start"], p["end"]]}
    return out


def _task_attrs(task: Task) -> dict:
    d = task.to_dict()
    d.pop("id", None)
    d.pop("links", None)
    return d


def _dumps(d: dict) -> str:
    return json.dumps(d, ensure_ascii=False)


def _task_rows(ex: Extraction, nodes: list[tuple], edges: list[tuple]) -> None:
    """A task's node, its part_of and assigns_to edges and the documents it links to."""
    doc = ex.document
    path = doc.path
    for task in ex.tasks:
        nodes.append((path, task.id, "task", 1, _dumps(_task_attrs(task))))
        sentence = task.text[:500]
        edges.append((path, task.id, doc.id, Relation.PART_OF.value, None, sentence, task.start, task.end, doc.id, None))
        for role, ids in ((Role.LEAD, task.lead), (Role.COOPERATING, task.cooperating)):
            for ag in ids:
                edges.append((path, task.id, ag, Relation.ASSIGNS_TO.value, role.value, sentence, task.start, task.end,
                              doc.id, None))
        for link in task.links:
            t = link.target
            nodes.append((path, t.id, "document", 0, _dumps(t.to_dict())))
            ev = link.evidence
            edges.append((path, task.id, t.id, link.relation.value, None, ev.sentence, ev.start, ev.end, doc.id,
                          _detail(ex, task.id, link.relation.value, t.id)))


def fact_rows(ex: Extraction) -> dict[str, list[tuple]]:
    """The rows one extraction adds to each fact table, texts still as text (the column
    :func:`insert_facts` turns into a ``texts`` id is the last text column of each row)."""
    doc = ex.document
    path = doc.path
    nodes: list[tuple] = []
    edges: list[tuple] = []
    mentions: list[tuple] = []
    own = doc.ref.to_dict() | {"in_corpus": True, "path": path}
    # the source's second witness (a page's metadata box): scalar properties, so every
    # export (GraphML, Neo4j) keeps them; "Tình trạng" is the reported status
    own |= {f"reported_{k}": v for k, v in sorted(doc.witness.items())}
    own |= _force_attrs(ex)
    nodes.append((path, doc.id, "document", 1, _dumps(own)))
    for ref in ex.references:
        t = ref.target
        nodes.append((path, t.id, "document", 0, _dumps(t.to_dict())))
        ev = ref.evidence
        edges.append((path, doc.id, t.id, ref.relation.value, None, ev.sentence, ev.start, ev.end, doc.id,
                      _detail(ex, doc.id, ref.relation.value, t.id)))
        for m in ref.mentions:
            mentions.append((path, t.id, m.text, m.start, m.end, m.date, m.issuer, m.sentence))
    for planned in ex.planned:
        nodes.append((path, planned.id, "document", 1, _dumps(planned.to_dict())))
    for src, rel, dst, ev in ex.chain_edges:
        rel = Relation(rel).value
        edges.append((path, src, dst, rel, None, ev.sentence, ev.start, ev.end, doc.id, _detail(ex, src, rel, dst)))
    for ag in ex.agencies:
        nodes.append((path, ag.id, "agency", 0, _dumps(ag.to_dict())))
        if ag.parent:
            edges.append((path, ag.id, ag.parent, Relation.PART_OF.value, None, ag.name, 0, 0, doc.id, None))
    _task_rows(ex, nodes, edges)
    return {"nodes": nodes, "edges": edges, "mentions": mentions,
            "unresolved": [(path, u.text, u.start, u.end, u.sentence) for u in ex.unresolved],
            "findings": [(path, "impossible_date", d["text"], d["start"], d["end"], d["sentence"]) for d in ex.bad_dates]}


#: How far into a file's text a sentence found nowhere near its edge's span is looked for
#: (an agency's name, stated as the evidence of its part_of edge): a build stays linear.
_WHOLE = 1_000_000


def _span(text: str, sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """Where ``sentence`` stands in ``text``: ``(-1, -1)`` when it is ``text[start:end]``,
    its span when found (around the edge's span first), else None (stored as a text)."""
    if text[start:end] == sentence:
        return (-1, -1)
    n = len(sentence)
    i = text.find(sentence, max(0, start - n), end + n)
    if i < 0:
        i = text.find(sentence, 0, _WHOLE)
    return (i, i + n) if i >= 0 else None


#: How a stored key marks a value the file gives (see :func:`_encode`): the span of its text
#: (and that span's start and end), its document id, its path, node ids as ``names`` numbers.
#: A key of the attributes that starts with "@" is written with one more.
_FROM_TEXT, _FROM_START, _FROM_END, _FROM_DOC, _FROM_PATH, _FROM_NAMES = "@t:", "@s:", "@e:", "@d:", "@p:", "@n:"


def _encode(attrs: str, kind: str, file: tuple[str, str, str], name: Callable[[str], int | None]) -> tuple:
    """A node's attributes (JSON) as stored: the key list (JSON, stored once for every node
    with those keys), the values, and the span of a task's text in the file's text
    (``file``: its path, document id and text).  A value that is the file's document id or
    path, or a task's text that is its span of the file's text (and that span's bounds), is
    not stored: its key says where it comes from; a list of node ids that this file's edges
    reach is stored as their numbers (``name``: the number, None for an id no edge reaches;
    the edges keep those names in ``names``)."""
    path, doc_id, text = file
    d = json.loads(attrs)
    keys: list[str] = []
    values: list = []
    c0 = c1 = None
    start, end = d.get("start"), d.get("end")
    for k, v in d.items():
        key = "@" + k if k.startswith("@") else k
        if k == "text" and kind == "task" and type(start) is int and type(end) is int and \
                0 <= start <= end <= len(text) and text[start:end] == v:
            keys.append(_FROM_TEXT + key)
            c0, c1 = start, end
        elif k in ("start", "end") and c0 is not None and v == (c0 if k == "start" else c1) and type(v) is int:
            keys.append((_FROM_START if k == "start" else _FROM_END) + key)
        elif v == doc_id and isinstance(v, str):
            keys.append(_FROM_DOC + key)
        elif v == path and isinstance(v, str):
            keys.append(_FROM_PATH + key)
        elif isinstance(v, list) and v and all(isinstance(x, str) and name(x) is not None for x in v):
            keys.append(_FROM_NAMES + key)
            values.append([name(x) for x in v])
        else:
            keys.append(key)
            values.append(v)
    return _dumps(keys), values, c0, c1


class FactReader:
    """Reads stored facts back as :func:`fact_rows` wrote them: a node's attributes, an
    edge's sentence (files' texts, key lists and names read once)."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.texts = FileTexts(db)
        self._keys: dict[int, list[tuple[str, str | None]]] = {}
        self._names: dict[int, str] = {}

    def keys(self, kid: int) -> list[tuple[str, str | None]]:
        """Key list ``kid`` as (key, where its value comes from: a marker, or None: stored)."""
        got = self._keys.get(kid)
        if got is None:
            stored = json.loads(self.db.execute("SELECT text FROM texts WHERE id=?", (kid,)).fetchone()[0])
            got = self._keys[kid] = [(_key(k[3:]), k[:3]) if k[:1] == "@" and k[:2] != "@@" else (_key(k), None)
                                     for k in stored]
        return got

    def name(self, nid: int) -> str:
        got = self._names.get(nid)
        if got is None:
            if len(self._names) > 4096:
                self._names.clear()
            got = self._names[nid] = self.db.execute("SELECT name FROM names WHERE id=?", (nid,)).fetchone()[0]
        return got

    def attrs(self, fid: int, enc: str, c0: int | None, c1: int | None, file: tuple[str, str] | None = None) -> dict:
        """A node's attributes from its ``fact_nodes`` row (``enc``: its ``texts`` text;
        ``file``: its file's path and document id, when the caller read them with it)."""
        kid, *values = json.loads(enc)
        out: dict = {}
        it = iter(values)
        for key, how in self.keys(kid):
            if how is None:
                out[key] = next(it)
            elif how == _FROM_TEXT:
                out[key] = self.texts.text(fid)[c0:c1]
            elif how == _FROM_START or how == _FROM_END:
                out[key] = c0 if how == _FROM_START else c1
            elif how == _FROM_DOC:
                out[key] = (file or self.texts.file(fid))[1]
            elif how == _FROM_PATH:
                out[key] = (file or self.texts.file(fid))[0]
            else:  # _FROM_NAMES
                out[key] = [self.name(n) for n in next(it)]
        return out

    def node_row(self, rowid: int) -> tuple[int, dict]:
        """The own flag and the attributes of the ``fact_nodes`` row ``rowid``."""
        own, fid, enc, c0, c1 = self.db.execute("SELECT n.own, n.fid, t.text, n.c0, n.c1 FROM fact_nodes AS n "
                                                "JOIN texts AS t ON t.id = n.aid WHERE n.rowid=?", (rowid,)).fetchone()
        return own, self.attrs(fid, enc, c0, c1)

    def sentence(self, fid: int, stored: str | None, s0: int | None, s1: int | None, start: int, end: int) -> str:
        """An edge's or mention's sentence from its row (``stored``: its ``texts`` text)."""
        if stored is not None:
            return stored
        text = self.texts.text(fid)
        return text[start:end] if s0 is None else text[s0:s1]

    def mention(self, row: tuple) -> dict:
        """A mention as :func:`fact_rows` gave it, from a :data:`MENTION_SQL` row."""
        file, node_id, mentioned, start, end, date, issuer, fid, stored, s0, s1 = row
        return {"file": file, "node_id": node_id,
                "text": self.texts.text(fid)[start:end] if mentioned is None else mentioned, "start": start,
                "end": end, "date": date, "issuer": issuer, "sentence": self.sentence(fid, stored, s0, s1, start, end)}


#: The stored mentions (``mentions AS m``) with what their text and sentence are read from
#: (:meth:`FactReader.mention`); the caller adds WHERE and ORDER BY.
MENTION_SQL = ('SELECT m.file, m.node_id, m.text, m.start, m."end", m.date, m.issuer, m.fid, '
               "(SELECT text FROM texts WHERE id = m.sid), m.s0, m.s1 FROM mentions AS m")


def _key(stored: str) -> str:
    """An attribute's key as stored, unescaped (see :data:`_FROM_TEXT`)."""
    return stored[1:] if stored[:2] == "@@" else stored


class _Writer:
    """Numbers for one batch of rows: files by path, names, texts (each looked up once)."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.texts: dict[str, int] = {}
        self.names: dict[str, int] = {}
        self.files: dict[str, tuple[int, str, str]] = {}
        self.stored = FileTexts(db)
        self.ends: set[tuple[str, str]] = set()  # (file, node) of every edge's end

    def file(self, path: str) -> tuple[int, str, str]:
        """``(id, doc_id, text)`` of the stored file ``path``."""
        got = self.files.get(path)
        if got is None:
            row = self.db.execute("SELECT id, doc_id, text FROM files WHERE path=?", (path,)).fetchone()
            if row is None:
                raise ValueError(f"{path}: facts of a file the store does not hold")
            got = (row[0], row[1], self.stored.unpack(row[2]))
            self.files = {path: got}  # one file's rows follow each other
        return got

    def text(self, s: str) -> int:
        return _text_id(self.db, s, self.texts)

    def name(self, s: str) -> int:
        return _name_id(self.db, s, self.names)

    def node(self, path, nid, kind, own, attrs) -> tuple:
        fid, doc_id, text = self.file(path)
        keys, values, c0, c1 = _encode(attrs, kind, (path, doc_id, text),
                                       lambda x: self.name(x) if (path, x) in self.ends else None)
        return (fid, self.name(nid), kind, own, self.text(_dumps([self.text(keys), *values])), c0, c1)

    def sentence(self, text: str, sentence: str, start: int, end: int) -> tuple:
        """``(sid, s0, s1)`` of a sentence stated at ``start:end`` of the file's ``text``: a
        span of it (both None when it is ``start:end``), else a stored text."""
        span = _span(text, sentence, start, end)
        return (self.text(sentence), None, None) if span is None else \
            (None, None, None) if span[0] < 0 else (None, *span)

    def edge(self, path, src, dst, rel, role, sentence, start, end, document, detail) -> tuple:
        fid, doc_id, text = self.file(path)
        return (fid, self.name(src), self.name(dst), self.name(rel), role, *self.sentence(text, sentence, start, end),
                start, end, None if document == doc_id else document, detail)

    def mention(self, path, nid, mentioned, start, end, date, issuer, sentence) -> tuple:
        fid, _, text = self.file(path)
        return (fid, self.name(nid), None if text[start:end] == mentioned else mentioned, start, end, date, issuer,
                *self.sentence(text, sentence, start, end))

    def unresolved(self, path, text, start, end, sentence) -> tuple:
        return (self.file(path)[0], text, start, end, self.text(sentence))

    def finding(self, path, kind, text, start, end, sentence) -> tuple:
        return (self.file(path)[0], kind, text, start, end, self.text(sentence))


#: Each fact table: its INSERT and the :class:`_Writer` method that numbers a row.
_INSERTS = {
    "nodes": ("INSERT INTO fact_nodes VALUES (?,?,?,?,?,?,?)", "node"),
    "edges": ("INSERT INTO fact_edges VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", "edge"),
    "mentions": ("INSERT INTO fact_mentions VALUES (?,?,?,?,?,?,?,?,?,?)", "mention"),
    "unresolved": ("INSERT INTO fact_unresolved VALUES (?,?,?,?,?)", "unresolved"),
    "findings": ("INSERT INTO fact_findings VALUES (?,?,?,?,?,?)", "finding"),
}


def insert_facts(db: sqlite3.Connection, rows: dict[str, list[tuple]], text: tuple[str, str] | None = None) -> None:
    """Insert :func:`fact_rows`' rows (of files the store holds), numbered as stored.
    ``text``: ``(path, text)`` of the file just stored, when the caller has it (not read
    back from the store)."""
    w = _Writer(db)
    w.ends = {(r[0], n) for r in rows.get("edges", ()) for n in (r[1], r[2])}
    if text is not None:
        row = db.execute("SELECT id, doc_id FROM files WHERE path=?", (text[0],)).fetchone()
        if row is not None:
            w.files = {text[0]: (row[0], row[1], text[1])}
    for table, (sql, how) in _INSERTS.items():
        make = getattr(w, how)
        made = [make(*r) for r in rows.get(table, ())]
        if table in _RANGES and made:
            _keep_ranges(db, table, _RANGES[table], made)
        db.executemany(sql, made)


#: The fact tables whose rows a file finds by their rowids (``files``' columns, see the schema).
_RANGES = {"nodes": ("n0", "n1"), "edges": ("e0", "e1")}


def _keep_ranges(db: sqlite3.Connection, table: str, cols: tuple[str, str], made: list[tuple]) -> None:
    """Note in ``files`` the rowids the rows ``made`` (each file's together, about to be
    inserted into ``fact_{table}``) will get: one more than the largest, one after another."""
    last = db.execute(f"SELECT coalesce(max(rowid), 0) FROM fact_{table}").fetchone()[0]
    spans: dict[int, list[int]] = {}
    for i, row in enumerate(made, last + 1):
        spans.setdefault(row[0], [i, i])[1] = i
    a, b = cols
    db.executemany(f"UPDATE files SET {a} = min(coalesce({a}, ?), ?), {b} = max(coalesce({b}, ?), ?) WHERE id = ?",
                   [(lo, lo, hi, hi, fid) for fid, (lo, hi) in spans.items()])


def respan_mentions(db: sqlite3.Connection, old: str, batch: int) -> None:
    """Write the mentions of table ``old`` (schema 3's: text and a ``texts`` sentence in every
    row) into ``fact_mentions`` as a build writes them, ``batch`` files at a time, in file and
    row order; then drop the stored texts no fact uses any more."""
    cur = db.execute(f'SELECT f.path, n.name, x.text, x.start, x."end", x.date, x.issuer, t.text FROM {old} AS x '
                     "JOIN files AS f ON f.id = x.fid JOIN names AS n ON n.id = x.nid JOIN texts AS t ON t.id = x.sid "
                     "ORDER BY x.fid, x.rowid")
    rows: list[tuple] = []
    files, last = 0, None
    for row in cur:
        if row[0] != last:
            if files >= batch:
                insert_facts(db, {"mentions": rows})
                rows, files = [], 0
            files, last = files + 1, row[0]
        rows.append(row)
    insert_facts(db, {"mentions": rows})
    db.execute(f"DROP TABLE {old}")
    db.execute(UNUSED_TEXTS)


def stored_fact_rows(db: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every stored fact as :func:`fact_rows` gives it (texts as text), in file then row
    order: what a migration or a test reads back."""
    rd = FactReader(db)
    order = "JOIN files AS f ON f.id = x.fid ORDER BY f.path, x.rowid"
    nodes = [(p, i, k, o, _dumps(rd.attrs(fid, enc, c0, c1))) for p, i, k, o, fid, enc, c0, c1 in db.execute(
        "SELECT f.path, m.name, x.kind, x.own, x.fid, t.text, x.c0, x.c1 FROM fact_nodes AS x JOIN names AS m ON "
        f"m.id = x.nid JOIN texts AS t ON t.id = x.aid {order}")]
    edges = [(p, a, b, r, role, rd.sentence(fid, st, s0, s1, start, end), start, end, doc, detail)
             for p, a, b, r, role, fid, st, s0, s1, start, end, doc, detail in db.execute(
                 "SELECT f.path, a.name, b.name, r.name, x.role, x.fid, (SELECT text FROM texts WHERE id = x.sid), "
                 'x.s0, x.s1, x.start, x."end", coalesce(x.document, f.doc_id), x.detail FROM fact_edges AS x '
                 "JOIN names AS a ON a.id = x.src JOIN names AS b ON b.id = x.dst JOIN names AS r ON r.id = x.rel "
                 f"{order}")]
    sentence = "(SELECT text FROM texts WHERE id = x.sid)"
    mentions = [tuple(rd.mention(r).values()) for r in db.execute(
        f"{MENTION_SQL} JOIN fact_mentions AS x ON x.rowid = m.rowid JOIN files AS f ON f.id = x.fid "
        "ORDER BY f.path, x.rowid")]
    return {
        "nodes": nodes, "edges": edges, "mentions": mentions,
        "unresolved": db.execute(f'SELECT f.path, x.text, x.start, x."end", {sentence} FROM fact_unresolved AS x '
                                 f"{order}").fetchall(),
        "findings": db.execute(f'SELECT f.path, x.kind, x.text, x.start, x."end", {sentence} FROM fact_findings AS x '
                               f"{order}").fetchall(),
    }
