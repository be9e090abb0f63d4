"""The merged index's readers: what a query reads of the merged graph (``merged_nodes``,
``merged_edges``, their ids in ``names``), a few rows at a time through the indexes, never
the whole graph.

:class:`MergedIndex` is a part of :class:`graph.store.Store` (its ``db``, ``path``, cached
``_graph`` and ``graph()``); networkx is imported only by the two readers that return a
networkx graph, so a query that reads the index does not load it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .facts import FactReader
from .ids import split_doc_id
from .store_schema import _guarded

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["MergedIndex", "lookup_key"]


def lookup_key(text: str | None) -> str | None:
    """How a number-symbol or title is compared: without spaces, case-folded."""
    return "".join(text.split()).casefold() if text else None


def _chunks(items: list, size: int = 500) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _from_row(attrs: str | dict, kind: str) -> dict:
    """A task's or agency's merged attributes from the one stored row they repeat (its
    attributes as JSON or as read, :meth:`graph.facts.FactReader.attrs`)."""
    d = dict(attrs) if isinstance(attrs, dict) else json.loads(attrs)
    d.pop("id", None)
    d["kind"] = kind
    return d


#: An attribute value that counts as not given (a later file's value fills it).
_EMPTY = (None, "", [])


def _merge_doc(facts: list[tuple[int, dict]]) -> dict:
    """One document's attributes from every file's facts: its own file first, then the
    first file that gives a value."""
    if len(facts) == 1:  # what the loop below gives for one fact (every node read back by reference)
        own, attrs = facts[0]
        flags = sorted(set(attrs.get("flags") or []))
        one: dict = {"in_corpus": bool(own), "flags": [f for f in flags if f != "dateless"] if own else flags}
        for k, v in attrs.items():
            if v not in _EMPTY and k != "flags" and k != "in_corpus":
                one[k] = v
        return one
    facts = sorted(facts, key=lambda f: -f[0])
    out: dict = {"in_corpus": False, "flags": []}
    for own, attrs in facts:
        for k, v in attrs.items():
            if k == "flags":
                out["flags"] = sorted(set(out["flags"]) | set(v or []))
            elif v not in (None, "", []) and out.get(k) in (None, "", []):
                out[k] = v
        if own:
            out["in_corpus"] = True
    if out["in_corpus"]:
        out["flags"] = [f for f in out["flags"] if f != "dateless"]
    return out


def _merge_other(facts: list[tuple[int, dict]]) -> dict:
    """A task's or agency's attributes: its own file's first, then each key's first value."""
    attrs: dict = {}
    for _own, a in sorted(facts, key=lambda f: -f[0]):
        for k, v in a.items():
            attrs.setdefault(k, v)
    return attrs


def _merged_attrs(nid: str, kind: str, facts: list[tuple[int, dict]], dated: dict[tuple[str, str], list[str]]) -> dict:
    """Node ``nid``'s merged attributes from its facts (own flag, attributes), ``kind`` last;
    ``dated``: the dated document ids of each (jurisdiction, symbol), for a dateless id."""
    if kind == "document":
        attrs = _merge_doc(facts)
        jur, key, year = split_doc_id(nid) if dated else (None, None, None)
        if year == "?" and not attrs.get("in_corpus") and len(dated.get((jur, key), [])) > 1:
            attrs["flags"] = sorted(set(attrs["flags"]) | {"ambiguous"})
            attrs["candidates"] = sorted(dated[(jur, key)])
    else:
        attrs = _merge_other(facts)
    attrs.pop("id", None)
    attrs["kind"] = kind
    return attrs


def from_fact(nid: str, kind: str, own: int, attrs: dict) -> dict:
    """Node ``nid``'s attributes merged from one fact row alone: what a merged task or agency
    that keeps ``attrs`` NULL (its attributes are those) reads back from its row ``src``."""
    return _merged_attrs(nid, kind, [(own, attrs)], {})


#: Merged nodes with the fact row each may refer to (``src``), its key list's text and its
#: file's path and id: one statement reads many nodes' attributes (:func:`decoded`).
NODE_SQL = ("SELECT m.name, g.kind, g.attrs, n.own, n.fid, t.text, n.c0, n.c1, f.path, f.doc_id "
            "FROM merged_nodes AS g JOIN names AS m ON m.id = g.nid LEFT JOIN fact_nodes AS n ON n.rowid = g.src "
            "LEFT JOIN texts AS t ON t.id = n.aid LEFT JOIN files AS f ON f.id = n.fid")


def decoded(row: tuple, reader: FactReader) -> tuple[str, dict]:
    """``(id, merged attributes)`` of a :data:`NODE_SQL` row."""
    nid, kind, attrs, own, fid, enc, c0, c1, path, doc_id = row
    if attrs is not None:
        return nid, json.loads(attrs)
    return nid, from_fact(nid, kind, own, reader.attrs(fid, enc, c0, c1, (path, doc_id)))


def edge_attrs(key: str, role: str | None, ev: int | None, attrs: str | None) -> dict:
    """A merged edge's attributes from its ``merged_edges`` row (see the schema)."""
    if attrs is not None:
        return json.loads(attrs)
    d = {"relation": key, "evidence": [ev]}
    if role is not None:
        d["role"] = role
    return d


def _evidence_item(path: str, sentence: str, start: int, end: int, document: str | None) -> dict:
    return {"path": path, "sentence": sentence, "start": start, "end": end, "document": document}


class MergedIndex:
    """The readers of the merged index (mixed into :class:`graph.store.Store`)."""

    def _fact_version(self) -> str:
        """Changes with every write of facts: the token the ``files`` triggers renew (one
        lookup); a store no policykg with those triggers has written to yet has none, and its
        files table's content stands for it (a hash over every row)."""
        row = self.db.execute("SELECT value FROM meta WHERE key='facts'").fetchone()
        return row[0] if row is not None else self._legacy_fact_version()

    def _legacy_fact_version(self) -> str:
        """What :meth:`_fact_version` was before the ``files`` triggers kept a token."""
        import hashlib

        h = hashlib.sha256()
        for path, sha in self.db.execute("SELECT path, sha256 FROM files ORDER BY path"):
            h.update(f"{path}\0{sha}\n".encode())
        return h.hexdigest()[:16]

    @_guarded
    def has_merged(self) -> bool:
        """True when the indexed merged graph matches the stored facts (a store written by an
        earlier policykg has none until its next build; then queries load the whole graph)."""
        row = self.db.execute("SELECT value FROM meta WHERE key='merged'").fetchone()
        return row is not None and row[0] == str(self._fact_version())

    @_guarded
    def node_attrs(self, ids: Iterable[str]) -> dict[str, dict]:
        """The merged attributes of the given nodes (those that exist)."""
        reader = FactReader(self.db)
        out: dict[str, dict] = {}
        for chunk in _chunks(list(dict.fromkeys(ids))):
            q = f"{NODE_SQL} WHERE m.name IN ({','.join('?' * len(chunk))})"
            for row in self.db.execute(q, chunk).fetchall():
                nid, attrs = decoded(row, reader)
                out[nid] = attrs
        return out

    def _evidence(self, items: list[tuple]) -> list[tuple]:
        """Edges ``(src, dst, key, attrs)`` with the evidence items that refer to a stored
        edge (its rowid) read back as written: path, sentence, start, end, document."""
        rows = {e for *_, d in items for e in d.get("evidence", ()) if isinstance(e, int)}
        if not rows:
            return items
        reader = FactReader(self.db)
        found: dict[int, tuple] = {}
        for chunk in _chunks(sorted(rows)):
            q = ("SELECT e.rowid, f.path, e.fid, (SELECT text FROM texts WHERE id = e.sid), e.s0, e.s1, e.start, e.\"end\", "
                 "coalesce(e.document, f.doc_id) FROM fact_edges AS e JOIN files AS f ON f.id = e.fid "
                 f"WHERE e.rowid IN ({','.join('?' * len(chunk))}) ORDER BY e.fid")
            for rowid, path, fid, stored, s0, s1, start, end, document in self.db.execute(q, chunk).fetchall():
                found[rowid] = (path, reader.sentence(fid, stored, s0, s1, start, end), start, end, document)
        for *_, d in items:
            if "evidence" in d:
                d["evidence"] = [_evidence_item(*found[e]) if isinstance(e, int) else e for e in d["evidence"]]
        return items

    @_guarded
    def adjacent(self, ids: Iterable[str], keys: Iterable[str], *, incoming: bool = False) -> list[tuple]:
        """Edges ``(src, dst, key, attrs)`` leaving (or, ``incoming``, entering) the given
        nodes, with a relation in ``keys``; read through the index, never the whole table."""
        keys = list(keys)
        col = "dst" if incoming else "src"
        out: list[tuple] = []
        for chunk in _chunks(list(dict.fromkeys(ids))):
            q = ("SELECT a.name, b.name, k.name, g.role, g.ev, g.attrs FROM merged_edges AS g "
                 "JOIN names AS a ON a.id = g.src JOIN names AS b ON b.id = g.dst JOIN names AS k ON k.id = g.key "
                 f"WHERE g.{col} IN (SELECT id FROM names WHERE name IN ({','.join('?' * len(chunk))})) "
                 f"AND g.key IN (SELECT id FROM names WHERE name IN ({','.join('?' * len(keys))})) ORDER BY g.pos")
            out.extend((u, v, k, edge_attrs(k, *rest)) for u, v, k, *rest in self.db.execute(q, [*chunk, *keys]))
        return self._evidence(out)

    @_guarded
    def lookup(self, column: str, value: str) -> list[str]:
        """Node ids whose ``symbol`` / ``title`` (compared by :func:`lookup_key`) or
        ``path`` equals ``value``."""
        if column not in ("symbol", "title", "path"):
            raise ValueError(column)
        want = value if column == "path" else lookup_key(value)
        return [r[0] for r in self.db.execute(
            f"SELECT m.name FROM merged_nodes AS g JOIN names AS m ON m.id = g.nid WHERE g.{column}=? ORDER BY m.name",
            (want,))]

    @_guarded
    def path_suffix(self, suffix: str) -> list[str]:
        """Document ids whose file path ends with ``/suffix``."""
        pattern = "%/" + suffix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return [r[0] for r in self.db.execute(
            "SELECT m.name FROM merged_nodes AS g JOIN names AS m ON m.id = g.nid WHERE g.path LIKE ? ESCAPE '\\' "
            "ORDER BY m.name", (pattern,))]

    @_guarded
    def index_version(self) -> str | None:
        """What identifies the indexed merged graph's content (it changes with every build
        that changes a fact): a key for caching what is derived from the index."""
        row = self.db.execute("SELECT value FROM meta WHERE key='merged'").fetchone()
        return row[0] if row else None

    @_guarded
    def index_counts(self) -> dict[str, int]:
        """Nodes of each kind and edges in the indexed merged graph (no graph is loaded)."""
        out = {k or "document": n for k, n in self.db.execute("SELECT kind, count(*) FROM merged_nodes GROUP BY kind")}
        out["edges"] = self.db.execute("SELECT count(*) FROM merged_edges").fetchone()[0]
        return out

    @_guarded
    def assignment_counts(self) -> dict[str, tuple[int, int]]:
        """Per agency, its ``assigns_to`` edges as lead and as cooperating, counted by SQL
        (what ``policykg agencies`` reads instead of the whole graph)."""
        role = "coalesce(g.role, json_extract(g.attrs, '$.role'))"
        return {a: (lead, coop) for a, lead, coop in self.db.execute(
            f"SELECT b.name, sum({role} IS 'lead'), sum({role} IS NOT 'lead') FROM merged_edges AS g "
            "JOIN names AS b ON b.id = g.dst WHERE g.key = (SELECT id FROM names WHERE name = 'assigns_to') "
            "GROUP BY g.dst")}

    @_guarded
    def edges_with(self, keys: Iterable[str]) -> list[tuple]:
        """Every edge ``(src, dst, key, attrs)`` of the merged graph with a relation in
        ``keys``, in the graph's order, evidence read back: the few relations a whole-store
        answer needs (``replaces``, ``amends``) without the rest of the graph."""
        keys = list(keys)
        q = ("SELECT a.name, b.name, k.name, g.role, g.ev, g.attrs FROM merged_edges AS g "
             "JOIN names AS a ON a.id = g.src JOIN names AS b ON b.id = g.dst JOIN names AS k ON k.id = g.key "
             f"WHERE g.key IN (SELECT id FROM names WHERE name IN ({','.join('?' * len(keys))})) ORDER BY g.pos")
        return self._evidence([(u, v, k, edge_attrs(k, *rest)) for u, v, k, *rest in self.db.execute(q, keys)])

    @_guarded
    def index_nodes(self, kind: str) -> list[str]:
        """The ids of the merged graph's nodes of one kind, in the graph's order."""
        return [r[0] for r in self.db.execute(
            "SELECT m.name FROM merged_nodes AS g JOIN names AS m ON m.id = g.nid WHERE g.kind = ? ORDER BY g.pos",
            (kind,))]

    @_guarded
    def index_edge_counts(self) -> dict[str, int]:
        """Edges of each relation in the indexed merged graph."""
        return dict(self.db.execute("SELECT k.name, count(*) FROM merged_edges AS g JOIN names AS k ON k.id = g.key "
                                    "GROUP BY k.name ORDER BY k.name"))

    @_guarded
    def document_graph(self) -> nx.MultiDiGraph:
        """The merged graph's document nodes (their attributes, in the graph's order) and no
        edges: what the conflict check reads, without the tasks, agencies and edges (read
        from the index when it is current, else from the whole graph)."""
        import networkx as nx

        g = nx.MultiDiGraph()
        if self._graph is None and self.has_merged():
            reader = FactReader(self.db)
            for row in self.db.execute(f"{NODE_SQL} WHERE g.kind = 'document' ORDER BY g.pos"):
                n, a = decoded(row, reader)
                g.add_node(n, **a)
        else:
            g.add_nodes_from((n, d) for n, d in self.graph().nodes(data=True) if d.get("kind") == "document")
        return g

    @_guarded
    def overview(self, *, roots: int = 40) -> dict:
        """What a store too large to draw holds, read by SQL over the index: nodes of each
        kind per jurisdiction (the id's prefix: a province's slug, ``vn`` for central), and
        the central documents most implemented directly by other jurisdictions' documents,
        with the count per jurisdiction."""
        per: dict[str, dict[str, int]] = {}
        for j, kind, n in self.db.execute(
                "SELECT substr(id, 1, instr(id, ':') - 1) AS j, kind, count(*) FROM graph_nodes GROUP BY j, kind"):
            per.setdefault(j, {})[kind or "document"] = n
        names: dict[str, str] = {}
        reader = FactReader(self.db)
        for j in per:
            row = self.db.execute(f"{NODE_SQL} WHERE m.name >= ? AND m.name < ? AND g.kind = 'document' "
                                  "ORDER BY m.name LIMIT 1", (j + ":", j + ";")).fetchone()
            names[j] = (decoded(row, reader)[1].get("jurisdiction") if row else None) or j
        used: dict[str, dict[str, int]] = {}
        for dst, j, n in self.db.execute(
                "SELECT dst, substr(src, 1, instr(src, ':') - 1) AS j, count(*) FROM graph_edges "
                "WHERE key = 'implements' AND dst >= 'vn:' AND dst < 'vn;' AND src NOT LIKE 'vn:%' "
                "AND src NOT LIKE '%#task-%' GROUP BY dst, j"):
            used.setdefault(dst, {})[j] = n
        top = sorted(used, key=lambda d: (-sum(used[d].values()), d))[:roots]
        attrs = self.node_attrs(top)
        return {"jurisdictions": [{"slug": j, "name": names[j], "counts": per[j]} for j in sorted(per)],
                "roots": [{"id": d, "attrs": attrs.get(d, {}), "by_jurisdiction": used[d],
                           "implemented_by": sum(used[d].values())} for d in top],
                "counts": self.index_counts()}

    @_guarded
    def subgraph(self, ids: Iterable[str]) -> nx.MultiDiGraph:
        """The index's nodes ``ids`` and every edge between them."""
        import networkx as nx

        ids = set(ids)
        g = nx.MultiDiGraph()
        for n, a in sorted(self.node_attrs(ids).items()):
            g.add_node(n, **a)
        every = ("implements", "part_of", "based_on", "cites", "replaces", "amends", "assigns_to")
        for u, v, k, d in self.adjacent(ids, every):
            if v in g and u in g:
                g.add_edge(u, v, key=k, **d)
        return g

    @_guarded
    def node_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM graph_nodes ORDER BY id")]

