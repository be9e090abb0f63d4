"""The Bolt connection: open a driver, tell Neo4j 5 from FalkorDB, and turn every driver
fault into one :class:`~graph.errors.StoreError` line.

* :func:`connect` checks the URI, probes the Bolt handshake (fast failure on an unreachable
  server, and a step over a FalkorDB fault, see :func:`_reach`), opens the driver and runs
  a first query as the user;
* :func:`detect_flavor` tells the servers apart and :func:`ensure_schema` is the one place
  where their schema syntax differs (Neo4j 5 constraints, FalkorDB indexes);
* :func:`server_params` is the one way a value reaches a server (FalkorDB splices string
  parameters into quoted literals, so they are escaped for it); :func:`open_session` gives
  a session that uses it and reads whole answers;
* faults: every read waits at most ``read_timeout`` seconds (see :func:`_tune_connections`);
  :class:`Link` sends a unit of work again on a new connection after the waits of
  :data:`RETRY_DELAYS`, then stops with one line saying to push again.

All statements are auto-commit queries: FalkorDB runs an explicit transaction (``BEGIN``)
on its default graph whatever database the session names, so managed transactions would
write to the wrong graph there.

The ``neo4j`` driver is imported here only, and lazily.
"""

from __future__ import annotations

import logging
import socket
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from graph.cypher import NODE_LABELS
from graph.errors import StoreError

if TYPE_CHECKING:  # pragma: no cover
    from neo4j import Driver, Session

__all__ = [
    "FLAVOR_NEO4J",
    "FLAVOR_FALKORDB",
    "MAX_STATEMENT_BYTES",
    "READ_TIMEOUT",
    "RETRY_DELAYS",
    "PROBE_WAIT",
    "connect",
    "detect_flavor",
    "ensure_schema",
    "run_query",
    "falkordb_escape",
    "server_params",
    "Records",
    "ServerSession",
    "open_session",
    "read_timeout_of",
    "answers",
    "Link",
    "server_counts",
]

FLAVOR_NEO4J = "neo4j"

FLAVOR_FALKORDB = "falkordb"

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
    ``ServiceUnavailable``, and the push retries or stops (see :class:`Link`).

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


def read_timeout_of(driver: "Driver") -> float | None:
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


def run_query(session: "Session", query: str, **params: Any) -> list[dict]:
    """The records of ``query`` as dicts (parameters as given: see :func:`server_params`)."""
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
            rows = run_query(session, "CALL dbms.components() YIELD name RETURN name")
        if any("neo4j" in str(row["name"]).lower() for row in rows):
            return FLAVOR_NEO4J
    except Neo4jError:
        pass
    try:
        with driver.session(database=database) as session:
            names = {row["name"] for row in run_query(session, "CALL dbms.procedures()")}
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
        for row in run_query(session, "CALL db.indexes()")
        if row.get("entitytype", "NODE") == "NODE" and "id" in (row.get("properties") or [])
    }
    statements += 1
    for label in NODE_LABELS.values():
        if label not in present:
            session.run(f"CREATE INDEX FOR (n:{label}) ON (n.id)").consume()
            statements += 1
    return statements


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
        with answers(self.where, self.read_timeout):
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
    read_timeout = read_timeout_of(driver)
    with answers(where, read_timeout):
        flavor = detect_flavor(driver, database)
    return ServerSession(driver.session(database=database), flavor, where, read_timeout)


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
def answers(uri: str, read_timeout: float | None = None) -> Iterator[None]:
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


class Link:
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
        with answers(uri, read_timeout_of(driver)), driver.session(database=database) as session:
            labels = run_query(session, "MATCH (n) UNWIND labels(n) AS label "
                                   "RETURN label, count(*) AS n")
            types = run_query(session, "MATCH ()-[e]->() RETURN type(e) AS type, count(*) AS n")
            total_nodes = run_query(session, "MATCH (n) RETURN count(n) AS n")[0]["n"]
    finally:
        driver.close()
    return {
        "nodes": {row["label"]: row["n"] for row in sorted(labels, key=lambda r: r["label"])},
        "relationships": {row["type"]: row["n"] for row in sorted(types, key=lambda r: r["type"])},
        "total_nodes": total_nodes,
        "total_relationships": sum(row["n"] for row in types),
    }
