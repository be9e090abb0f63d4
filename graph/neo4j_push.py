"""Push the policy graph to a Bolt server (Neo4j 5, or FalkorDB in the tests).

A push reads the content hashes on the server, sends only new or changed rows (batched
``UNWIND $rows AS r MERGE ...``), and deletes the nodes and relationships that are no
longer in the graph, so pushing the same graph twice changes nothing the second time.
What is sent (rows and statements) is :mod:`graph.cypher`; the connection, its faults and
the server's differences are :mod:`graph.bolt`.

Faults: a statement or read whose connection fails is sent again on a new connection
(:class:`graph.bolt.Link`), then the push stops with one :class:`~graph.errors.StoreError`
line saying to push again, which resumes (only what the server lacks is sent).  A push that
would delete more than :data:`PRUNE_SHARE` of what earlier pushes wrote stops before
writing anything unless ``prune=True`` (:class:`PruneRefused`).
"""

from __future__ import annotations

import functools
import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from graph.bolt import (
    FLAVOR_FALKORDB,
    MAX_STATEMENT_BYTES,
    READ_TIMEOUT,
    RETRY_DELAYS,
    Link,
    detect_flavor,
    ensure_schema,
    run_query,
    server_params,
)
from graph.cypher import (
    EXISTING_RELS,
    HASH_PROPERTY,
    NODE_LABELS,
    ONE_ROW,
    UNWIND,
    NodeRow,
    RelRow,
    append_to,
    append_to_last,
    existing_nodes_query,
    label_remove,
    node_delete,
    node_locate,
    node_merge,
    node_property,
    node_rows,
    rel_delete,
    rel_locate,
    rel_merge,
    rel_rows,
    set_to,
)
from graph.errors import StoreError

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    from neo4j import Session

__all__ = [
    "PushStats",
    "PruneRefused",
    "PRUNE_SHARE",
    "push_graph",
    "push_graph_row_by_row",
]

#: The largest share of the remote graph (the nodes, or the relationships, that earlier
#: pushes wrote) a push deletes without ``prune``.  Rebuilding a corpus after some files
#: changed deletes a few percent; deleting more is most often the wrong store (an empty or
#: new one, another corpus, a mistyped ``--store``), and what a push deletes on the server
#: cannot be got back from it.
PRUNE_SHARE = 0.10

#: ``content_hash`` of a node or relationship written in pieces until its last piece is in:
#: it matches no digest, so the next push rewrites (or deletes) a row a fault cut short.
PARTIAL_HASH = "partial"

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class PushStats:
    """What one push changed on the server, and what it cost.

    Attributes:
        nodes_created, nodes_updated, nodes_deleted: node rows written or removed.
        rels_created, rels_updated, rels_deleted: relationship rows written or removed.
        statements: Cypher statements sent (schema, reads and writes).
        seconds: wall-clock time of the push, connection included.
    """

    nodes_created: int = 0
    nodes_updated: int = 0
    nodes_deleted: int = 0
    rels_created: int = 0
    rels_updated: int = 0
    rels_deleted: int = 0
    statements: int = 0
    seconds: float = 0.0

    @property
    def rows_written(self) -> int:
        """Node and relationship rows created, updated or deleted."""
        return (
            self.nodes_created + self.nodes_updated + self.nodes_deleted
            + self.rels_created + self.rels_updated + self.rels_deleted
        )


class PruneRefused(StoreError):
    """A push would delete more than :data:`PRUNE_SHARE` of the remote graph and ``prune``
    was not given; nothing was written.

    Attributes:
        nodes, rels: what the push would delete.
        remote_nodes, remote_rels: what earlier pushes wrote on the server.
    """

    def __init__(self, uri: str, nodes: int, remote_nodes: int, rels: int, remote_rels: int):
        self.nodes, self.remote_nodes = nodes, remote_nodes
        self.rels, self.remote_rels = rels, remote_rels
        super().__init__(
            f"{uri}: this push would delete {nodes} of the {remote_nodes} nodes and {rels} of "
            f"the {remote_rels} relationships on the server (more than {PRUNE_SHARE:.0%}); "
            f"nothing was written: check the store, or pass --prune to delete them"
        )


def _prune_needed(deleted: int, remote: int) -> bool:
    """Whether deleting ``deleted`` of ``remote`` rows is more than :data:`PRUNE_SHARE`.

    >>> _prune_needed(1, 18), _prune_needed(2, 18), _prune_needed(5, 5), _prune_needed(0, 0)
    (False, True, True, False)
    """
    return deleted > PRUNE_SHARE * remote


@dataclass(frozen=True, slots=True)
class _Op:
    """One kind of write: ``query(head)`` is the statement for rows bound to ``r`` by
    ``head``; ``locate(head)`` matches the written node or relationship as ``n`` (needed
    only for rows that carry ``props`` and may have to be sent in pieces)."""

    query: Callable[[str], str]
    locate: Callable[[str], str] | None = None


def _size(value: Any) -> int:
    """Bytes a value takes on the wire, roughly (its compact JSON in UTF-8)."""
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
               .encode("utf-8"))


def _split_text(text: str, budget: int) -> list[str]:
    """Pieces of ``text``, each at most ``budget`` bytes in UTF-8."""
    pieces, current, used = [], [], 0
    for char in text:
        width = len(char.encode("utf-8"))
        if used + width > budget and current:
            pieces.append("".join(current))
            current, used = [], 0
        current.append(char)
        used += width
    pieces.append("".join(current))
    return pieces


class _Writer:
    """Sends rows in batches (``UNWIND $rows``) or one per statement (``WITH $row``).

    ``max_bytes`` bounds the parameters of one statement (None: no bound).  FalkorDB's
    Bolt listener crashes on a request message above about 4 KB, so there batches are cut
    by size as well as by count, and a row larger than the bound is written in pieces: the
    small properties first with the content hash :data:`PARTIAL_HASH`, then each large
    string or list appended in parts (``SET n.p = n.p + $part``), the true content hash
    last, so that an interrupted row is rewritten by the next push.  Each statement, and
    each row written in pieces as a whole, is one unit of :meth:`Link.call`.
    """

    def __init__(self, link: Link, flavor: str, batch_size: int, row_by_row: bool,
                 max_bytes: int | None, total: int, progress: Progress | None):
        self.link = link
        self.flavor = flavor
        self.batch_size = max(1, batch_size)
        self.row_by_row = row_by_row
        self.max_bytes = max_bytes
        self.total = total
        self.done = 0
        self.progress = progress
        self.statements = 0
        link.total = total

    def _send(self, session: "Session", query: str, **params: Any) -> None:
        session.run(query, server_params(self.flavor, params)).consume()
        self.statements += 1

    def _run(self, query: str, **params: Any) -> None:
        self.link.call(lambda session: self._send(session, query, **params), "writing")

    def write(self, op: _Op, rows: list[dict]) -> None:
        batch: list[dict] = []
        used = 0
        for row in rows:
            size = _size(row) if self.max_bytes is not None else 0
            if self.max_bytes is not None and size > self.max_bytes:
                self.link.call(lambda session, row=row: self._write_pieces(session, op, row),
                               "writing")
                self._advance(1)
                continue
            if self.row_by_row:
                self._run(op.query(ONE_ROW), row=row)
                self._advance(1)
                continue
            if batch and (len(batch) >= self.batch_size
                          or (self.max_bytes is not None and used + size > self.max_bytes)):
                self._flush(op, batch)
                batch, used = [], 0
            batch.append(row)
            used += size
        if batch:
            self._flush(op, batch)

    def _flush(self, op: _Op, batch: list[dict]) -> None:
        self._run(op.query(UNWIND), rows=batch)
        self._advance(len(batch))

    def _write_pieces(self, session: "Session", op: _Op, row: dict) -> None:
        assert self.max_bytes is not None
        if op.locate is None or "props" not in row:
            raise StoreError(f"row too large for the server: {str(row)[:80]}")
        run = functools.partial(self._send, session)
        budget = self.max_bytes // 2
        keys = {k: v for k, v in row.items() if k != "props"}
        props = dict(row["props"])
        digest = props.pop(HASH_PROPERTY, None)
        core: dict[str, Any] = {HASH_PROPERTY: PARTIAL_HASH}
        large: list[tuple[str, Any]] = []
        used = _size(keys) + _size(core)
        for name, value in props.items():
            size = _size({name: value})
            if used + size <= budget:
                core[name] = value
                used += size
            else:
                large.append((name, value))
        run(op.query(ONE_ROW), row=dict(keys, props=core))
        locate = op.locate(ONE_ROW)
        for name, value in large:
            prop = node_property(name)
            if isinstance(value, str):
                for n, piece in enumerate(_split_text(value, budget)):
                    run((set_to if n == 0 else append_to)(locate, prop), row=keys, v=piece)
                continue
            run(set_to(locate, prop), row=keys, v=[])
            part: list = []
            for item in value:
                if part and _size(part + [item]) > budget:
                    run(append_to(locate, prop), row=keys, v=part)
                    part = []
                if isinstance(item, str) and _size(item) > budget:
                    if part:
                        run(append_to(locate, prop), row=keys, v=part)
                        part = []
                    pieces = _split_text(item, budget)
                    run(append_to(locate, prop), row=keys, v=[pieces[0]])
                    for piece in pieces[1:]:
                        run(append_to_last(locate, prop), row=keys, v=piece)
                    continue
                part.append(item)
            if part:
                run(append_to(locate, prop), row=keys, v=part)
        if digest is not None:
            run(set_to(locate, f"n.{HASH_PROPERTY}"), row=keys, v=digest)

    def _advance(self, n: int) -> None:
        self.done += n
        self.link.done = self.done
        if self.progress is not None:
            self.progress(self.done, self.total)


def _existing_nodes(session: "Session") -> dict[str, tuple[str, list[str], str]]:
    """id -> (kind label, labels, hash) of the nodes an earlier push wrote."""
    found: dict[str, tuple[str, list[str], str]] = {}
    for label in NODE_LABELS.values():
        for row in run_query(session, existing_nodes_query(label)):
            found[row["id"]] = (label, list(row["labels"]), row["hash"])
    return found


def _existing_rels(session: "Session") -> dict[tuple[str, str, str], str]:
    """(source id, type, target id) -> hash of the relationships an earlier push wrote."""
    rows = run_query(session, EXISTING_RELS)
    return {(row["source"], row["type"], row["target"]): row["hash"] for row in rows}


def _group(rows: Iterable, key: Callable) -> dict:
    groups: dict = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    return dict(sorted(groups.items(), key=lambda item: tuple(str(k) for k in item[0])))


@dataclass(frozen=True, slots=True)
class _Plan:
    """What a push writes, given the graph's rows and what earlier pushes left on the server.

    A node whose kind changed is deleted and created again (``gone_nodes`` and
    ``new_nodes``), and so are its edges."""

    gone_rels: list[tuple[str, str, str]]
    gone_nodes: list[str]
    new_nodes: list[NodeRow]
    changed_nodes: list[NodeRow]
    stale_labels: list[tuple[NodeRow, str]]  # (kept node, type label it no longer has)
    new_rels: list[RelRow]
    changed_rels: list[RelRow]
    deleting_nodes: int  # nodes deleted for good (not recreated)
    deleting_rels: int  # relationships deleted, with their nodes or alone

    @property
    def total(self) -> int:
        """Rows the push writes."""
        return (len(self.gone_rels) + len(self.gone_nodes) + len(self.new_nodes)
                + len(self.changed_nodes) + len(self.stale_labels) + len(self.new_rels)
                + len(self.changed_rels))


def _plan(nodes: dict[str, NodeRow], rels: dict[tuple, RelRow],
          old_nodes: dict[str, tuple[str, list[str], str]],
          old_rels: dict[tuple[str, str, str], str], incremental: bool) -> _Plan:
    """Compare the graph's rows with the server's (see :class:`_Plan`); ``incremental``
    False rewrites every kept row, changed or not."""
    gone_nodes = [i for i, (label, _, _) in old_nodes.items()
                  if i not in nodes or nodes[i].label != label]
    gone_set = set(gone_nodes)
    recreated = {i for i in gone_nodes if i in nodes}
    new_nodes = [r for r in nodes.values() if r.id not in old_nodes or r.id in recreated]
    changed_nodes = [
        r for r in nodes.values()
        if r.id in old_nodes and r.id not in recreated
        and (not incremental or old_nodes[r.id][2] != r.hash)
    ]
    # every kept node, changed or not: a push cut short between writing a node and
    # removing its old type label leaves the label behind with the new hash
    stale_labels = [
        (r, extra) for r in nodes.values() if r.id in old_nodes and r.id not in recreated
        for extra in old_nodes[r.id][1] if extra not in (r.label, r.extra)
    ]
    live_old_rels = {
        k: h for k, h in old_rels.items()
        if k[0] in old_nodes and k[2] in old_nodes
        and k[0] not in gone_set and k[2] not in gone_set
    }
    gone_rels = [k for k in live_old_rels if k not in rels]
    # relationships that go with their deleted nodes (DETACH DELETE)
    dropped_rels = [k for k in old_rels if k not in live_old_rels and k not in rels
                    and k[0] in old_nodes and k[2] in old_nodes]
    new_rels = [r for k, r in rels.items() if k not in live_old_rels]
    changed_rels = [
        r for k, r in rels.items()
        if k in live_old_rels and (not incremental or live_old_rels[k] != r.hash)
    ]
    return _Plan(gone_rels, gone_nodes, new_nodes, changed_nodes, stale_labels, new_rels,
                 changed_rels, len(gone_set - recreated), len(gone_rels) + len(dropped_rels))


def _write(writer: _Writer, plan: _Plan, old_nodes: dict[str, tuple[str, list[str], str]]) -> None:
    """Send the plan: deletions first, then nodes, stale type labels, relationships; each
    group of rows with the same labels is one statement shape."""
    for (rel_type, sl, tl), group in _group(
        plan.gone_rels, lambda k: (k[1], old_nodes[k[0]][0], old_nodes[k[2]][0])
    ).items():
        op = _Op(functools.partial(rel_delete, rel_type, sl, tl))
        writer.write(op, [{"source": k[0], "target": k[2]} for k in group])
    for (label,), group in _group(plan.gone_nodes, lambda i: (old_nodes[i][0],)).items():
        writer.write(_Op(functools.partial(node_delete, label)),
                     [{"id": i} for i in group])
    for (label, extra), group in _group(
        plan.new_nodes + plan.changed_nodes, lambda r: (r.label, r.extra or "")
    ).items():
        op = _Op(functools.partial(node_merge, label, extra or None),
                 functools.partial(node_locate, label))
        writer.write(op, [{"id": r.id, "props": r.props} for r in group])
    for (label, extra), group in _group(
        plan.stale_labels, lambda item: (item[0].label, item[1])
    ).items():
        writer.write(_Op(functools.partial(label_remove, label, extra)),
                     [{"id": item[0].id} for item in group])
    for (rel_type, sl, tl), group in _group(
        plan.new_rels + plan.changed_rels, lambda r: (r.type, r.source_label, r.target_label)
    ).items():
        op = _Op(functools.partial(rel_merge, rel_type, sl, tl),
                 functools.partial(rel_locate, rel_type, sl, tl))
        writer.write(op, [{"source": r.source, "target": r.target, "props": r.props}
                          for r in group])


def _push(G: "nx.MultiDiGraph", uri: str, user: str, password: str, database: str | None,
          *, batch_size: int, progress: Progress | None, incremental: bool,
          row_by_row: bool, prune: bool, timeout: float, read_timeout: float,
          retry_delays: Iterable[float]) -> PushStats:
    started = time.perf_counter()
    nodes = node_rows(G)
    rels = rel_rows(G, nodes)
    link = Link(uri, user, password, database, timeout=timeout, read_timeout=read_timeout,
                retry_delays=retry_delays)
    link.open()
    try:
        flavor = link.call(lambda _session: detect_flavor(link.driver, database),
                           "asking which server this is")
        statements = 2 if flavor == FLAVOR_FALKORDB else 1  # detection queries
        old_nodes = link.call(_existing_nodes, "reading the graph on the server")
        old_rels = link.call(_existing_rels, "reading the graph on the server")
        statements += len(NODE_LABELS) + 1
        plan = _plan(nodes, rels, old_nodes, old_rels, incremental)
        if not prune and (_prune_needed(plan.deleting_nodes, len(old_nodes))
                          or _prune_needed(plan.deleting_rels, len(old_rels))):
            raise PruneRefused(uri, plan.deleting_nodes, len(old_nodes), plan.deleting_rels,
                               len(old_rels))

        statements += link.call(lambda session: ensure_schema(session, flavor),
                                "creating the indexes")
        writer = _Writer(link, flavor, batch_size, row_by_row, MAX_STATEMENT_BYTES[flavor],
                         plan.total, progress)
        if progress is not None:
            progress(0, plan.total)
        _write(writer, plan, old_nodes)
    finally:
        link.close()
    return PushStats(
        nodes_created=len(plan.new_nodes),
        nodes_updated=len(plan.changed_nodes),
        nodes_deleted=plan.deleting_nodes,
        rels_created=len(plan.new_rels),
        rels_updated=len(plan.changed_rels),
        rels_deleted=plan.deleting_rels,
        statements=statements + writer.statements,
        seconds=time.perf_counter() - started,
    )


def push_graph(G: "nx.MultiDiGraph", uri: str, user: str, password: str,
               database: str | None = None, *, batch_size: int = 500,
               progress: Progress | None = None, incremental: bool = True,
               prune: bool = False, timeout: float = 10.0,
               read_timeout: float = READ_TIMEOUT,
               retry_delays: Iterable[float] = RETRY_DELAYS) -> PushStats:
    """Mirror ``G`` on a Bolt server with batched ``UNWIND`` + ``MERGE`` statements.

    Args:
        G: the policy graph (schema in :mod:`graph.model`).
        uri, user, password: the server (see :func:`connect`).
        database: Neo4j database or FalkorDB graph; None = the server's default.
        batch_size: rows per statement.
        progress: called as ``progress(rows_done, rows_total)`` after each statement.
        incremental: send only rows whose content hash differs from the server's; when
            False every row is written again.  Either way, nodes and relationships an
            earlier push wrote that are no longer in ``G`` are deleted.
        prune: allow deleting more than :data:`PRUNE_SHARE` of the nodes or of the
            relationships earlier pushes wrote (without it such a push writes nothing).
        timeout: seconds to wait for a connection and its handshake.
        read_timeout: seconds any read may wait for the server.
        retry_delays: waits before each new attempt of a statement whose connection
            failed (:data:`RETRY_DELAYS`); ``()`` tries once.

    Returns:
        The :class:`PushStats` of this push.

    Raises:
        PruneRefused: the push would delete too much and ``prune`` is False.
        StoreError: the server cannot be reached, refuses the credentials or a statement,
            stops answering or goes away mid-push (the message says to push again, which
            resumes), or a node or edge does not follow the graph schema.
    """
    return _push(G, uri, user, password, database, batch_size=batch_size,
                 progress=progress, incremental=incremental, row_by_row=False, prune=prune,
                 timeout=timeout, read_timeout=read_timeout, retry_delays=retry_delays)


def push_graph_row_by_row(G: "nx.MultiDiGraph", uri: str, user: str, password: str,
                          database: str | None = None, *, progress: Progress | None = None,
                          incremental: bool = False, prune: bool = False) -> PushStats:
    """Like :func:`push_graph`, but one statement per row: the baseline for the benchmark.

    Same arguments as :func:`push_graph` (no ``batch_size``); ``incremental`` defaults
    to False so that every row is sent.
    """
    return _push(G, uri, user, password, database, batch_size=1, progress=progress,
                 incremental=incremental, row_by_row=True, prune=prune, timeout=10.0,
                 read_timeout=READ_TIMEOUT, retry_delays=RETRY_DELAYS)
