"""Push the policy graph to a Bolt server (Neo4j 5, or FalkorDB in the tests).

The networkx ``MultiDiGraph`` of :mod:`graph.model` becomes a property graph:

* nodes get one label per kind (``Document``, ``Task``, ``Agency``); a document also gets its
  type code as a second label (``:NQ``, ``:KH``, ``:`Luật```) when the code is a plain word,
  and always keeps it as the ``type`` property;
* edges become ``IMPLEMENTS``, ``REPLACES``, ``AMENDS``, ``BASED_ON``, ``CITES``,
  ``ASSIGNS_TO`` (with ``role``) and ``PART_OF``;
* property values are what both servers store: scalars and homogeneous lists.  Evidence
  (a list of maps in networkx; Neo4j refuses maps as property values) becomes parallel
  lists ``evidence_path``, ``evidence_sentence``, ``evidence_start``, ``evidence_end``,
  ``evidence_document``; the task deadline dict becomes ``deadline_text``,
  ``deadline_start``... ; anything else that is not a scalar or a list of one scalar type
  is stored as a JSON string.

Every node and relationship carries ``content_hash``, a digest of its labels and properties.
A push reads the hashes on the server, sends only new or changed rows (batched
``UNWIND $rows AS r MERGE ...``), and deletes the nodes and relationships that are no
longer in the graph, so pushing the same graph twice changes nothing the second time.

All statements are auto-commit queries: FalkorDB runs an explicit transaction (``BEGIN``)
on its default graph whatever database the session names, so managed transactions would
write to the wrong graph there.

Faults: every read waits at most ``read_timeout`` seconds (see :func:`_tune_connections`); a
statement or read whose connection fails is sent again on a new connection after the waits
of :data:`RETRY_DELAYS`, then the push stops with one :class:`~graph.errors.StoreError` line
saying to push again, which resumes (only what the server lacks is sent).  A push that
would delete more than :data:`PRUNE_SHARE` of what earlier pushes wrote stops before
writing anything unless ``prune=True`` (:class:`PruneRefused`).

The ``neo4j`` driver is imported here only, and lazily.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import re
import socket
import time
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from graph.errors import StoreError
from graph.model import Relation

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    from neo4j import Driver, Session

__all__ = [
    "PushStats",
    "PruneRefused",
    "READ_TIMEOUT",
    "RETRY_DELAYS",
    "PRUNE_SHARE",
    "FLAVOR_NEO4J",
    "FLAVOR_FALKORDB",
    "NODE_LABELS",
    "REL_TYPES",
    "MAX_STATEMENT_BYTES",
    "connect",
    "detect_flavor",
    "open_session",
    "server_params",
    "ServerSession",
    "Records",
    "ensure_schema",
    "push_graph",
    "push_graph_row_by_row",
    "server_counts",
    "node_properties",
    "edge_properties",
]

FLAVOR_NEO4J = "neo4j"
FLAVOR_FALKORDB = "falkordb"

#: Node kind -> label.
NODE_LABELS: dict[str, str] = {"document": "Document", "task": "Task", "agency": "Agency"}
#: Relation value -> relationship type.
REL_TYPES: dict[str, str] = {r.value: r.value.upper() for r in Relation}

#: Property holding the content digest of a node or relationship.
HASH_PROPERTY = "content_hash"
#: Fields of an evidence dict, stored as parallel list properties ``evidence_<field>``.
EVIDENCE_FIELDS = ("path", "sentence", "start", "end", "document")
#: A document type code used as a label only when it is one plain word (letters, digits).
_LABEL_WORD = re.compile(r"^[^\W\d_]\w*$")
_PLAIN_SCHEMES = {"bolt", "neo4j"}
_SCHEMES = _PLAIN_SCHEMES | {f"{s}+{t}" for s in _PLAIN_SCHEMES for t in ("s", "ssc")}
_DEFAULT_PORT = 7687
#: Upper bound on the parameters of one statement, per server.  FalkorDB 4.16's Bolt
#: listener crashes (SIGSEGV) on a request message above about 4 KB (measured: a 4,057-byte
#: string parameter kills it); Neo4j has no such limit.
MAX_STATEMENT_BYTES: dict[str, int | None] = {FLAVOR_NEO4J: None, FLAVOR_FALKORDB: 3000}

#: Seconds one read from the server may wait for data (each socket read, not a whole
#: statement: a long answer that keeps coming is fine).  A batch of 500 rows takes Neo4j well
#: under a second and the largest read, the content hashes of the whole graph, starts
#: streaming at once; a minute of silence means the server stopped answering.
READ_TIMEOUT = 60.0
#: Seconds to wait before each new attempt of a statement or read whose connection failed
#: (lost, reset, timed out): a restarting server or a dropped route gets about 3.5 s and
#: three more tries; then the push stops and says to push again, which resumes.
RETRY_DELAYS: tuple[float, ...] = (0.5, 1.0, 2.0)
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


# ---------------------------------------------------------------------------------------
# Connection


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def _check_uri(uri: str) -> tuple[str, str, int]:
    try:
        parts = urlsplit(uri)
        port = parts.port
    except ValueError as exc:
        raise StoreError(f"{uri}: not a Bolt URI ({_first_line(exc)})") from exc
    if parts.scheme not in _SCHEMES or not parts.hostname:
        raise StoreError(
            f"{uri}: not a Bolt URI (expected bolt://host:port or neo4j://host:port)"
        )
    return parts.scheme, parts.hostname, port or _DEFAULT_PORT


#: Bolt preamble and one version proposal (5.0-5.4); any Bolt server answers 4 bytes.
_BOLT_PROBE = bytes.fromhex("6060B017") + bytes.fromhex("00040405") + bytes(12)


#: Seconds a handshake probe waits for its answer.  A healthy server answers in
#: milliseconds; a probe that gets nothing in this time is given up and the next one sent
#: (see :func:`_reach`), until the connect timeout runs out.
PROBE_WAIT = 0.25


def _reach(uri: str, host: str, port: int, timeout: float) -> None:
    """Check that a Bolt server answers a handshake on ``host:port``, then hang up.

    It fails fast on an unreachable server (the driver would retry for a minute), and it
    steps over a FalkorDB fault: after an authenticated Bolt client disconnects, the next
    connection FalkorDB accepts is never answered (not even when more bytes follow;
    checked on FalkorDB 4.16).  A probe that gets no answer within :data:`PROBE_WAIT` has
    taken that slot, so the next probe (and the driver after it) is served.  A probe that
    only shakes hands leaves no such fault behind.  Probes go on until ``timeout`` seconds
    have passed (at least two), so a stopped server fails here, not in the driver.

    Raises:
        StoreError: connection refused or unreachable, or no probe answered.
    """
    reason = "no answer to the Bolt handshake"
    deadline = time.monotonic() + timeout
    attempts = 0
    while attempts < 2 or time.monotonic() < deadline:
        attempts += 1
        left = max(deadline - time.monotonic(), PROBE_WAIT)
        try:
            sock = socket.create_connection((host, port), timeout=left)
        except TimeoutError:
            reason = f"no connection within {timeout:g} s"
            continue
        except OSError as exc:
            reason = exc.strerror or _first_line(exc)
            raise StoreError(f"{uri}: cannot reach the server ({reason})") from exc
        with sock:
            try:
                sock.settimeout(min(PROBE_WAIT, left))
                sock.sendall(_BOLT_PROBE)
                if len(sock.recv(4)) == 4:
                    return
                reason = "the server closed the connection during the Bolt handshake"
            except TimeoutError:
                continue
            except OSError as exc:
                reason = exc.strerror or _first_line(exc)
    raise StoreError(f"{uri}: no Bolt server answered ({reason})")


def connect(uri: str, user: str, password: str, database: str | None = None, *,
            timeout: float = 10.0, read_timeout: float = READ_TIMEOUT) -> "Driver":
    """Open a driver and check that the server answers a query as ``user``.

    Args:
        uri: ``bolt://host:port`` or ``neo4j://host:port`` (``+s``/``+ssc`` for TLS).
        user, password: credentials.
        database: the database (Neo4j) or graph (FalkorDB) to check; None = default.
        timeout: seconds to wait for the TCP connection and the Bolt handshake.
        read_timeout: seconds any later read may wait for the server (see
            :func:`_tune_connections`); a read that waits longer fails its connection.

    Returns:
        An open ``neo4j.Driver``; the caller closes it.

    Raises:
        StoreError: one line naming the URI: not a Bolt URI, server unreachable, no Bolt
            server on that port, or credentials refused.
    """
    scheme, host, port = _check_uri(uri)
    try:  # a short first wait: a dropped connection is retried rather than waited for
        return _open_driver(uri, scheme, host, port, user, password, database,
                            min(timeout, 2.0), read_timeout)
    except _Unanswered:
        # FalkorDB dropped the driver's first connection (see _reach): once more.
        try:
            return _open_driver(uri, scheme, host, port, user, password, database, timeout,
                                read_timeout)
        except _Unanswered as exc:
            raise StoreError(str(exc)) from exc.__cause__


class _Unanswered(StoreError):
    """The driver's connection got no answer although a handshake probe did."""


def _tune_connections(driver: "Driver", read_timeout: float) -> None:
    """Bound every read of every connection ``driver`` opens, and close them without
    ``GOODBYE``.  Both reach into the driver (its pool's ``opener``, a connection's
    ``socket.set_read_timeout`` and ``goodbye``; checked with driver 6.4.1, and the fault
    tests fail if a driver stops honouring them); should a driver lack the opener, a
    warning says so rather than a push failing.

    Reads: the official driver bounds connecting (``connection_timeout``), the handshake
    and login (``connection_acquisition_timeout``) and, from 5.28/6.0, writes
    (``connection_write_timeout``), but it has no setting for reads: it waits for an answer
    forever unless the server sends the ``connection.recv_timeout_seconds`` hint at login
    (Neo4j only when configured so, FalkorDB never).  A server that stops answering
    (SIGSTOP, a frozen VM, a route that drops packets) then hangs a push forever; reproduced
    with FalkorDB stopped mid-push.  So each new connection gets the per-socket read
    timeout the driver itself sets for that hint (``BoltSocket.set_read_timeout``; the
    smaller wins): a read that waits longer fails the connection as the hint would, with
    ``ServiceUnavailable``, and the push retries or stops (see :class:`_Link`).

    GOODBYE: it is a courtesy (the server closes its side and answers nothing; a client
    that exits sends none), and FalkorDB 4.16 mishandles it: on GOODBYE it frees the client
    without taking its socket out of its event loop, so the next connection it accepts is
    never answered (15 of 15 sessions closed with GOODBYE left such a dead slot, 0 of 15
    without).  Closing the socket instead takes FalkorDB's client-disconnected path, which
    cleans up.  Every statement here is auto-commit and consumed before a connection
    closes, so there is nothing left for the server to end.  (The test server's rare crash,
    SIGSEGV reading a request in ``BoltReadHandler``/``buffer_read``, fits an event loop
    calling such a freed client, but stress runs did not tie it to GOODBYE; see README.)
    """
    pool = getattr(driver, "_pool", None)
    opener = getattr(pool, "opener", None)
    if not callable(opener):
        warnings.warn("this neo4j driver has no hook for a read timeout: a server that "
                      "stops answering can hang the push", RuntimeWarning, stacklevel=3)
        return

    def open_tuned(*args: Any, **kwargs: Any) -> Any:
        connection = opener(*args, **kwargs)
        sock = getattr(connection, "socket", None)
        if sock is not None and hasattr(sock, "set_read_timeout"):
            hinted = sock.get_read_timeout()
            sock.set_read_timeout(read_timeout if hinted is None else min(hinted, read_timeout))
        if hasattr(connection, "goodbye"):
            connection.goodbye = _no_goodbye
        return connection

    open_tuned.read_timeout = read_timeout  # type: ignore[attr-defined]
    pool.opener = open_tuned


def _read_timeout_of(driver: "Driver") -> float | None:
    """The read timeout :func:`_tune_connections` gave ``driver`` (None: not tuned)."""
    return getattr(getattr(getattr(driver, "_pool", None), "opener", None), "read_timeout", None)


def _no_goodbye(*args: Any, **kwargs: Any) -> None:
    """Stands in for the driver's ``goodbye``: nothing is sent (see :func:`_tune_connections`)."""


def _quiet_driver_log() -> None:
    """The driver logs a lost connection at ERROR; with no logging set up Python prints it
    to stderr beside our one-line error.  A NullHandler on its logger keeps it for whoever
    configures logging and out of a plain run (the usual arrangement for a library)."""
    logger = logging.getLogger("neo4j")
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())


def _open_driver(uri: str, scheme: str, host: str, port: int, user: str, password: str,
                 database: str | None, timeout: float, read_timeout: float) -> "Driver":
    if scheme in _PLAIN_SCHEMES:
        _reach(uri, host, port, timeout)
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, ConfigurationError, Neo4jError, ServiceUnavailable

    try:
        driver = GraphDatabase.driver(
            uri,
            auth=(user, password),
            connection_timeout=timeout,
            connection_acquisition_timeout=timeout,
        )
    except (ValueError, ConfigurationError) as exc:
        raise StoreError(f"{uri}: not a Bolt URI ({_first_line(exc)})") from exc
    _tune_connections(driver, read_timeout)
    _quiet_driver_log()
    try:
        with driver.session(database=database) as session:
            session.run("RETURN 1 AS one").consume()
    except AuthError as exc:
        driver.close()
        raise StoreError(f"{uri}: authentication failed for user {user!r}") from exc
    except ServiceUnavailable as exc:
        driver.close()
        raise _Unanswered(f"{uri}: no Bolt server answered ({_first_line(exc)})") from exc
    except Neo4jError as exc:
        # FalkorDB reports a wrong password as a generic error on the first query.
        driver.close()
        raise StoreError(
            f"{uri}: the server refused a query for user {user!r} (wrong password?): "
            f"{exc.code or _first_line(exc)}"
        ) from exc
    except Exception as exc:  # the driver raises OSError and DriverError subclasses too
        driver.close()
        if isinstance(exc, OSError) or isinstance(exc.__cause__, OSError):
            # the connection was dropped during the handshake ("No data"): FalkorDB does
            # this now and then under load; connect() tries once more
            raise _Unanswered(f"{uri}: the server dropped the connection ({_first_line(exc)})") from exc
        raise StoreError(f"{uri}: connection failed ({_first_line(exc)})") from exc
    return driver


def _run(session: "Session", query: str, **params: Any) -> list[dict]:
    return [record.data() for record in session.run(query, params)]


def detect_flavor(driver: "Driver", database: str | None = None) -> str:
    """Which server this is: :data:`FLAVOR_NEO4J` or :data:`FLAVOR_FALKORDB`.

    The Bolt agent does not tell (FalkorDB announces itself as ``Neo4j/5.13.0``), so ask
    ``CALL dbms.components()``, which Neo4j answers and FalkorDB lacks; FalkorDB is then
    confirmed by ``CALL dbms.procedures()``, which Neo4j 5 removed.

    Raises:
        StoreError: neither procedure answers.
    """
    from neo4j.exceptions import Neo4jError

    try:
        with driver.session(database=database) as session:
            rows = _run(session, "CALL dbms.components() YIELD name RETURN name")
        if any("neo4j" in str(row["name"]).lower() for row in rows):
            return FLAVOR_NEO4J
    except Neo4jError:
        pass
    try:
        with driver.session(database=database) as session:
            names = {row["name"] for row in _run(session, "CALL dbms.procedures()")}
    except Neo4jError as exc:
        raise StoreError(f"unknown Bolt server: {_first_line(exc)}") from exc
    if "db.indexes" in names:
        return FLAVOR_FALKORDB
    raise StoreError("unknown Bolt server: neither dbms.components nor db.indexes")


def ensure_schema(session: "Session", flavor: str) -> int:
    """Make ``id`` unique (Neo4j) or indexed (FalkorDB) for every node label.

    Neo4j 5: ``CREATE CONSTRAINT ... IF NOT EXISTS ... REQUIRE n.id IS UNIQUE``.
    FalkorDB has neither constraints nor ``IF NOT EXISTS`` and fails on a second
    ``CREATE INDEX``, so the indexes present are read from ``CALL db.indexes()`` first.

    Args:
        session: an open session on the target database.
        flavor: :data:`FLAVOR_NEO4J` or :data:`FLAVOR_FALKORDB`.

    Returns:
        The number of statements run.
    """
    statements = 0
    if flavor == FLAVOR_NEO4J:
        for label in NODE_LABELS.values():
            session.run(
                f"CREATE CONSTRAINT policykg_{label.lower()}_id IF NOT EXISTS "
                f"FOR (n:{label}) REQUIRE n.id IS UNIQUE"
            ).consume()
            statements += 1
        return statements
    if flavor != FLAVOR_FALKORDB:
        raise StoreError(f"unknown server flavor {flavor!r}")
    present = {
        row["label"]
        for row in _run(session, "CALL db.indexes()")
        if row.get("entitytype", "NODE") == "NODE" and "id" in (row.get("properties") or [])
    }
    statements += 1
    for label in NODE_LABELS.values():
        if label not in present:
            session.run(f"CREATE INDEX FOR (n:{label}) ON (n.id)").consume()
            statements += 1
    return statements


# ---------------------------------------------------------------------------------------
# Graph -> rows


def _is_scalar(value: Any) -> bool:
    return isinstance(value, (str, bool, int, float))


def _store_value(value: Any) -> Any:
    """A value both servers accept as a property: scalar, homogeneous list, else JSON."""
    if _is_scalar(value):
        return value
    if isinstance(value, (list, tuple)):
        kinds = {type(v) for v in value}
        if len(kinds) == 1 and _is_scalar(value[0]):
            return list(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _flatten(data: dict, skip: Iterable[str] = ()) -> dict[str, Any]:
    props: dict[str, Any] = {}
    skipped = set(skip)
    for key, value in data.items():
        if key in skipped or value is None:
            continue
        if isinstance(value, dict):
            for sub, subvalue in value.items():
                if subvalue is not None:
                    props[f"{key}_{sub}"] = _store_value(subvalue)
        elif isinstance(value, (list, tuple)) and not value:
            continue  # both servers differ on empty lists; absent means empty
        else:
            props[key] = _store_value(value)
    return props


def _digest(labels: Iterable[str], props: dict[str, Any]) -> str:
    payload = json.dumps([sorted(labels), props], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]


def _type_label(data: dict) -> str | None:
    code = data.get("type")
    if data.get("kind") == "document" and isinstance(code, str) and _LABEL_WORD.match(code):
        if code not in NODE_LABELS.values():
            return code
    return None


def falkordb_escape(value: Any) -> Any:
    r"""Strings escaped for FalkorDB's Bolt listener, which splices string parameters into
    single-quoted Cypher literals: a bare ``'`` fails the statement and ``\b`` turns into a
    backspace.  Escaping backslashes and single quotes makes them round-trip (checked on
    FalkorDB 4.16.3); Neo4j binds parameters properly and gets them unescaped.

    >>> falkordb_escape({"t": ["CU'DV", 3]})
    {'t': ["CU\\'DV", 3]}
    """
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("'", "\\'")
    if isinstance(value, dict):
        return {k: falkordb_escape(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [falkordb_escape(v) for v in value]
    return value


def server_params(flavor: str, params: dict[str, Any]) -> dict[str, Any]:
    r"""Every value sent to a Bolt server goes through here, for reads as for writes: Neo4j
    binds parameters, FalkorDB splices string parameters into quoted literals, so its
    strings are escaped (:func:`falkordb_escape`).  No query text is ever built from a value.

    >>> server_params(FLAVOR_FALKORDB, {"id": "x'] MATCH (m) DETACH DELETE m //"})
    {'id': "x\\'] MATCH (m) DETACH DELETE m //"}
    >>> server_params(FLAVOR_NEO4J, {"id": "x'"})
    {'id': "x'"}
    """
    return falkordb_escape(params) if flavor == FLAVOR_FALKORDB else params


class Records(list):
    """The records of one query, all read before :meth:`ServerSession.run` returns."""

    def data(self) -> list[dict]:
        return [record.data() for record in self]

    def single(self) -> Any:
        return self[0] if len(self) == 1 else None


class ServerSession:
    """A Bolt session whose every ``run`` sends its parameters through
    :func:`server_params` for the server it talks to (see :func:`open_session`) and reads
    the whole answer, so that a lost connection or a read timeout is one
    :class:`StoreError` line naming ``where``, never a driver traceback."""

    def __init__(self, session: "Session", flavor: str, where: str = "the Bolt server",
                 read_timeout: float | None = None):
        self.session = session
        self.flavor = flavor
        self.where = where
        self.read_timeout = read_timeout

    def run(self, query: str, parameters: dict[str, Any] | None = None, **kwargs: Any) -> Records:
        params = server_params(self.flavor, {**(parameters or {}), **kwargs})
        with _answers(self.where, self.read_timeout):
            return Records(self.session.run(query, params))

    def close(self) -> None:
        try:
            self.session.close()
        except Exception:  # the connection is gone already; the answer (or error) stands
            pass

    def __enter__(self) -> "ServerSession":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def open_session(driver: "Driver", database: str | None = None,
                 where: str = "the Bolt server") -> ServerSession:
    """A session for queries (``queries.cypher``) that escapes what the server needs.

    Args:
        driver: from :func:`connect` (its reads are bounded by ``read_timeout``).
        database: the database (Neo4j) or graph (FalkorDB).
        where: how errors name the server (its URI).
    """
    read_timeout = _read_timeout_of(driver)
    with _answers(where, read_timeout):
        flavor = detect_flavor(driver, database)
    return ServerSession(driver.session(database=database), flavor, where, read_timeout)


def node_properties(node_id: str, data: dict) -> dict[str, Any]:
    """The properties stored for one node (without the content hash).

    >>> node_properties("vn:29-NQ/TW:2022", {"kind": "document", "type": "NQ",
    ...                 "flags": [], "deadline": None})
    {'id': 'vn:29-NQ/TW:2022', 'kind': 'document', 'type': 'NQ'}
    """
    props = {"id": node_id}
    props.update(_flatten(data, skip=("id",)))
    return props


def edge_properties(data: dict) -> dict[str, Any]:
    """The properties stored for one edge (without the content hash): ``relation``,
    ``role``, other attributes, and evidence as parallel lists.

    >>> edge_properties({"relation": "implements", "evidence": [{"path": "a.txt",
    ...     "sentence": "Thực hiện Nghị quyết", "start": 3, "end": 9, "document": None}]})
    ... # doctest: +NORMALIZE_WHITESPACE
    {'relation': 'implements', 'evidence_path': ['a.txt'], 'evidence_sentence':
     ['Thực hiện Nghị quyết'], 'evidence_start': [3], 'evidence_end': [9],
     'evidence_document': ['']}
    """
    props = _flatten(data, skip=("evidence",))
    evidence = data.get("evidence") or []
    if evidence:
        for field_name in EVIDENCE_FIELDS:
            values = []
            for item in evidence:
                value = item.get(field_name) if isinstance(item, dict) else getattr(
                    item, field_name, None
                )
                if field_name in ("start", "end"):
                    values.append(int(value) if value is not None else -1)
                else:
                    values.append("" if value is None else str(value))
            props[f"evidence_{field_name}"] = values
    return props


@dataclass(frozen=True, slots=True)
class _NodeRow:
    id: str
    label: str  # kind label
    extra: str | None  # document type label
    props: dict
    hash: str


@dataclass(frozen=True, slots=True)
class _RelRow:
    source: str
    target: str
    type: str
    source_label: str
    target_label: str
    props: dict
    hash: str

    @property
    def key(self) -> tuple[str, str, str]:
        return self.source, self.type, self.target


def _node_rows(G: "nx.MultiDiGraph") -> dict[str, _NodeRow]:
    rows: dict[str, _NodeRow] = {}
    for node_id, data in G.nodes(data=True):
        kind = data.get("kind")
        if kind not in NODE_LABELS:
            raise StoreError(f"node {node_id!r}: kind {kind!r} is not one of {sorted(NODE_LABELS)}")
        label, extra = NODE_LABELS[kind], _type_label(data)
        props = node_properties(str(node_id), data)
        labels = [label] + ([extra] if extra else [])
        props[HASH_PROPERTY] = _digest(labels, props)
        rows[str(node_id)] = _NodeRow(str(node_id), label, extra, props, props[HASH_PROPERTY])
    return rows


def _rel_rows(G: "nx.MultiDiGraph", nodes: dict[str, _NodeRow]) -> dict[tuple, _RelRow]:
    merged: dict[tuple[str, str, str], dict] = {}
    for u, v, key, data in G.edges(keys=True, data=True):
        relation = str(data.get("relation", key))
        if relation not in REL_TYPES:
            raise StoreError(f"edge {u!r} -> {v!r}: relation {relation!r} is unknown")
        ident = (str(u), REL_TYPES[relation], str(v))
        if ident in merged:  # the same relation twice between two nodes: one relationship
            previous = merged[ident]
            previous["evidence"] = list(previous.get("evidence") or []) + list(
                data.get("evidence") or []
            )
        else:
            merged[ident] = dict(data, relation=relation)
    rows: dict[tuple, _RelRow] = {}
    for (u, rel_type, v), data in merged.items():
        props = edge_properties(data)
        props[HASH_PROPERTY] = _digest([rel_type], props)
        rows[(u, rel_type, v)] = _RelRow(
            u, v, rel_type, nodes[u].label, nodes[v].label, props, props[HASH_PROPERTY]
        )
    return rows


# ---------------------------------------------------------------------------------------
# Cypher


def _quote_label(label: str) -> str:
    return "`" + label.replace("`", "``") + "`"


def _node_merge(label: str, extra: str | None, head: str) -> str:
    set_extra = f" SET n:{_quote_label(extra)}" if extra else ""
    return f"{head} MERGE (n:{label} {{id: r.id}}) SET n = r.props{set_extra}"


def _rel_merge(rel_type: str, source_label: str, target_label: str, head: str) -> str:
    return (
        f"{head} MATCH (a:{source_label} {{id: r.source}}) "
        f"MATCH (b:{target_label} {{id: r.target}}) "
        f"MERGE (a)-[e:{rel_type}]->(b) SET e = r.props"
    )


def _node_locate(label: str, head: str) -> str:
    return f"{head} MATCH (n:{label} {{id: r.id}})"


def _rel_locate(rel_type: str, source_label: str, target_label: str, head: str) -> str:
    return (
        f"{head} MATCH (:{source_label} {{id: r.source}})-[n:{rel_type}]->"
        f"(:{target_label} {{id: r.target}})"
    )


def _node_delete(label: str, head: str) -> str:
    return f"{head} MATCH (n:{label} {{id: r.id}}) DETACH DELETE n"


def _rel_delete(rel_type: str, source_label: str, target_label: str, head: str) -> str:
    return (
        f"{head} MATCH (a:{source_label} {{id: r.source}})-[e:{rel_type}]->"
        f"(b:{target_label} {{id: r.target}}) DELETE e"
    )


def _label_remove(label: str, extra: str, head: str) -> str:
    return f"{head} MATCH (n:{label} {{id: r.id}}) REMOVE n:{_quote_label(extra)}"


_UNWIND = "UNWIND $rows AS r"
_ONE_ROW = "WITH $row AS r"


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


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


def _lost(exc: BaseException) -> bool:
    """Whether ``exc`` is a failed connection (or a transient server state), worth sending
    the same statement again on a new connection; a refused statement is not."""
    from neo4j.exceptions import ServiceUnavailable, SessionExpired, TransientError

    return isinstance(exc, (ServiceUnavailable, SessionExpired, TransientError, OSError))


def _timed_out(exc: BaseException | None) -> bool:
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, TimeoutError):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def _reason(exc: BaseException) -> str:
    """A driver error in one line: its first line, and the next when the first only
    introduces it ("Couldn't connect to …:")."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    if not lines:
        return type(exc).__name__
    if lines[0].endswith(":") and len(lines) > 1:
        return f"{lines[0]} {lines[1]}"
    return lines[0]


def _why(uri: str, exc: BaseException, read_timeout: float | None) -> str:
    """One line: why the server did not answer."""
    if _timed_out(exc):
        if read_timeout is None:
            return "the server stopped answering (a read timed out)"
        return f"the server stopped answering (nothing within {read_timeout:g} s)"
    if isinstance(exc, StoreError):  # connect() failed again: its message names the URI
        return str(exc).removeprefix(f"{uri}: ")
    return f"the connection to the server was lost ({_reason(exc)})"


def _raise_refused(uri: str, exc: BaseException) -> None:
    """A statement the server answered with an error: one line with its code."""
    from neo4j.exceptions import Neo4jError

    if isinstance(exc, Neo4jError):
        raise StoreError(f"{uri}: the server refused a statement ({exc.code}: "
                         f"{_first_line(exc)})") from exc


@contextmanager
def _answers(uri: str, read_timeout: float | None = None) -> Iterator[None]:
    """For reads outside a push (counts, ``trace --neo4j``): a failed connection or a
    refused statement is one :class:`StoreError` line, never a driver traceback."""
    try:
        yield
    except StoreError:
        raise
    except Exception as exc:
        if _lost(exc):
            raise StoreError(f"{uri}: {_why(uri, exc, read_timeout)}") from exc
        _raise_refused(uri, exc)
        raise


class _Link:
    """A driver and one session on it that come back when the connection fails.

    :meth:`call` runs one unit of work (a statement, a read, a row written in pieces); when
    its connection fails (lost, reset, no answer within ``read_timeout``), the driver is
    dropped and the unit sent again on a new connection after each wait of
    ``retry_delays``.  Every unit must be idempotent: MERGE and SET of whole rows, deletes,
    reads, and a row in pieces starts with ``SET n = props``.  When no attempt succeeds the
    push stops with one :class:`StoreError` line saying to push again, which resumes.
    """

    def __init__(self, uri: str, user: str, password: str, database: str | None, *,
                 timeout: float, read_timeout: float, retry_delays: Iterable[float]):
        self.uri, self.user, self.password, self.database = uri, user, password, database
        self.timeout, self.read_timeout = timeout, read_timeout
        self.retry_delays = tuple(retry_delays)
        self.driver: "Driver | None" = None
        self.session: "Session | None" = None
        self.done = 0  # rows written, for the error message
        self.total = 0

    def open(self) -> None:
        """The first connection: its errors (URI, credentials, unreachable) are final."""
        self.driver = connect(self.uri, self.user, self.password, self.database,
                              timeout=self.timeout, read_timeout=self.read_timeout)
        self.session = self.driver.session(database=self.database)

    def _drop(self) -> None:
        session, driver, self.session, self.driver = self.session, self.driver, None, None
        for thing in (session, driver):
            if thing is not None:
                try:
                    thing.close()
                except Exception:  # a dead connection fails to say goodbye: nothing to keep
                    pass

    def close(self) -> None:
        self._drop()

    def call(self, work: Callable[["Session"], Any], what: str) -> Any:
        """``work(session)``, sent again on a new connection while the connection fails.

        Raises:
            StoreError: the server refused the statement, or every attempt failed.
        """
        attempts = 1 + len(self.retry_delays)
        first: BaseException | None = None
        last: BaseException | None = None
        for n in range(attempts):
            if n:
                time.sleep(self.retry_delays[n - 1])
            try:
                if self.session is None:
                    self.open()
                assert self.session is not None
                return work(self.session)
            except StoreError as exc:
                if self.driver is not None:  # raised by work itself: final
                    raise
                last = exc  # reconnecting failed: the server is not back yet
            except Exception as exc:
                if not _lost(exc):
                    _raise_refused(self.uri, exc)
                    raise
                last = exc
                self._drop()
            first = first or last
        assert first is not None and last is not None
        written = f"{self.done} of {self.total} rows written" if self.total else "nothing written"
        why = _why(self.uri, first, self.read_timeout)
        then = _why(self.uri, last, self.read_timeout)
        tries = f"{attempts} attempts" + (f", the last: {then}" if then != why else "")
        raise StoreError(
            f"{self.uri}: push stopped while {what} ({written}): {why} ({tries}); run the "
            f"push again when the server answers: it resumes, sending only what the server lacks"
        ) from last


class _Writer:
    """Sends rows in batches (``UNWIND $rows``) or one per statement (``WITH $row``).

    ``max_bytes`` bounds the parameters of one statement (None: no bound).  FalkorDB's
    Bolt listener crashes on a request message above about 4 KB, so there batches are cut
    by size as well as by count, and a row larger than the bound is written in pieces: the
    small properties first with the content hash :data:`PARTIAL_HASH`, then each large
    string or list appended in parts (``SET n.p = n.p + $part``), the true content hash
    last, so that an interrupted row is rewritten by the next push.  Each statement, and
    each row written in pieces as a whole, is one unit of :meth:`_Link.call`.
    """

    def __init__(self, link: _Link, flavor: str, batch_size: int, row_by_row: bool,
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
                self._run(op.query(_ONE_ROW), row=row)
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
        self._run(op.query(_UNWIND), rows=batch)
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
        run(op.query(_ONE_ROW), row=dict(keys, props=core))
        locate = op.locate(_ONE_ROW)
        for name, value in large:
            prop = f"n.{_quote_label(name)}"
            if isinstance(value, str):
                for n, piece in enumerate(_split_text(value, budget)):
                    rhs = "$v" if n == 0 else f"{prop} + $v"
                    run(f"{locate} SET {prop} = {rhs}", row=keys, v=piece)
                continue
            run(f"{locate} SET {prop} = $v", row=keys, v=[])
            part: list = []
            for item in value:
                if part and _size(part + [item]) > budget:
                    run(f"{locate} SET {prop} = {prop} + $v", row=keys, v=part)
                    part = []
                if isinstance(item, str) and _size(item) > budget:
                    if part:
                        run(f"{locate} SET {prop} = {prop} + $v", row=keys, v=part)
                        part = []
                    pieces = _split_text(item, budget)
                    run(f"{locate} SET {prop} = {prop} + $v", row=keys, v=[pieces[0]])
                    for piece in pieces[1:]:
                        run(f"{locate} SET {prop} = {prop}[0..size({prop}) - 1] "
                            f"+ [last({prop}) + $v]", row=keys, v=piece)
                    continue
                part.append(item)
            if part:
                run(f"{locate} SET {prop} = {prop} + $v", row=keys, v=part)
        if digest is not None:
            run(f"{locate} SET n.{HASH_PROPERTY} = $v", row=keys, v=digest)

    def _advance(self, n: int) -> None:
        self.done += n
        self.link.done = self.done
        if self.progress is not None:
            self.progress(self.done, self.total)


def _existing_nodes(session: "Session") -> dict[str, tuple[str, list[str], str]]:
    """id -> (kind label, labels, hash) of the nodes an earlier push wrote."""
    found: dict[str, tuple[str, list[str], str]] = {}
    for label in NODE_LABELS.values():
        rows = _run(
            session,
            f"MATCH (n:{label}) WHERE n.{HASH_PROPERTY} IS NOT NULL "
            f"RETURN n.id AS id, labels(n) AS labels, n.{HASH_PROPERTY} AS hash",
        )
        for row in rows:
            found[row["id"]] = (label, list(row["labels"]), row["hash"])
    return found


def _existing_rels(session: "Session") -> dict[tuple[str, str, str], str]:
    rows = _run(
        session,
        f"MATCH (a)-[e]->(b) WHERE e.{HASH_PROPERTY} IS NOT NULL "
        f"RETURN a.id AS source, type(e) AS type, b.id AS target, e.{HASH_PROPERTY} AS hash",
    )
    return {(row["source"], row["type"], row["target"]): row["hash"] for row in rows}


def _group(rows: Iterable, key: Callable) -> dict:
    groups: dict = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    return dict(sorted(groups.items(), key=lambda item: tuple(str(k) for k in item[0])))


def _push(G: "nx.MultiDiGraph", uri: str, user: str, password: str, database: str | None,
          *, batch_size: int, progress: Progress | None, incremental: bool,
          row_by_row: bool, prune: bool, timeout: float, read_timeout: float,
          retry_delays: Iterable[float]) -> PushStats:
    started = time.perf_counter()
    nodes = _node_rows(G)
    rels = _rel_rows(G, nodes)
    link = _Link(uri, user, password, database, timeout=timeout, read_timeout=read_timeout,
                 retry_delays=retry_delays)
    link.open()
    try:
        flavor = link.call(lambda _session: detect_flavor(link.driver, database),
                           "asking which server this is")
        statements = 2 if flavor == FLAVOR_FALKORDB else 1  # detection queries
        old_nodes = link.call(_existing_nodes, "reading the graph on the server")
        old_rels = link.call(_existing_rels, "reading the graph on the server")
        statements += len(NODE_LABELS) + 1

        # A node whose kind changed is deleted and created again; so are its edges.
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
        deleting_nodes = len(gone_set - recreated)
        deleting_rels = len(gone_rels) + len(dropped_rels)
        if not prune and (_prune_needed(deleting_nodes, len(old_nodes))
                          or _prune_needed(deleting_rels, len(old_rels))):
            raise PruneRefused(uri, deleting_nodes, len(old_nodes), deleting_rels, len(old_rels))

        statements += link.call(lambda session: ensure_schema(session, flavor),
                                "creating the indexes")
        total = (len(gone_rels) + len(gone_set) + len(new_nodes) + len(changed_nodes)
                 + len(stale_labels) + len(new_rels) + len(changed_rels))
        writer = _Writer(link, flavor, batch_size, row_by_row, MAX_STATEMENT_BYTES[flavor],
                         total, progress)
        if progress is not None:
            progress(0, total)

        for (rel_type, sl, tl), group in _group(
            gone_rels, lambda k: (k[1], old_nodes[k[0]][0], old_nodes[k[2]][0])
        ).items():
            op = _Op(functools.partial(_rel_delete, rel_type, sl, tl))
            writer.write(op, [{"source": k[0], "target": k[2]} for k in group])
        for (label,), group in _group(gone_nodes, lambda i: (old_nodes[i][0],)).items():
            writer.write(_Op(functools.partial(_node_delete, label)),
                         [{"id": i} for i in group])
        for (label, extra), group in _group(
            new_nodes + changed_nodes, lambda r: (r.label, r.extra or "")
        ).items():
            op = _Op(functools.partial(_node_merge, label, extra or None),
                     functools.partial(_node_locate, label))
            writer.write(op, [{"id": r.id, "props": r.props} for r in group])
        for (label, extra), group in _group(
            stale_labels, lambda item: (item[0].label, item[1])
        ).items():
            writer.write(_Op(functools.partial(_label_remove, label, extra)),
                         [{"id": item[0].id} for item in group])
        for (rel_type, sl, tl), group in _group(
            new_rels + changed_rels, lambda r: (r.type, r.source_label, r.target_label)
        ).items():
            op = _Op(functools.partial(_rel_merge, rel_type, sl, tl),
                     functools.partial(_rel_locate, rel_type, sl, tl))
            writer.write(op, [{"source": r.source, "target": r.target, "props": r.props}
                              for r in group])
    finally:
        link.close()
    return PushStats(
        nodes_created=len(new_nodes),
        nodes_updated=len(changed_nodes),
        nodes_deleted=deleting_nodes,
        rels_created=len(new_rels),
        rels_updated=len(changed_rels),
        rels_deleted=deleting_rels,
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


def server_counts(uri: str, user: str, password: str,
                  database: str | None = None) -> dict[str, Any]:
    """Nodes by label and relationships by type on the server.

    Returns:
        ``{"nodes": {label: n}, "relationships": {type: n}, "total_nodes": n,
        "total_relationships": n}``; a node with two labels counts under both, once in
        the total.

    Raises:
        StoreError: as :func:`connect`.
    """
    driver = connect(uri, user, password, database)
    try:
        with _answers(uri, _read_timeout_of(driver)), driver.session(database=database) as session:
            labels = _run(session, "MATCH (n) UNWIND labels(n) AS label "
                                   "RETURN label, count(*) AS n")
            types = _run(session, "MATCH ()-[e]->() RETURN type(e) AS type, count(*) AS n")
            total_nodes = _run(session, "MATCH (n) RETURN count(n) AS n")[0]["n"]
    finally:
        driver.close()
    return {
        "nodes": {row["label"]: row["n"] for row in sorted(labels, key=lambda r: r["label"])},
        "relationships": {row["type"]: row["n"] for row in sorted(types, key=lambda r: r["type"])},
        "total_nodes": total_nodes,
        "total_relationships": sum(row["n"] for row in types),
    }
