"""The Bolt path under faults (issue 8, points 4, 9 and 10, and the kill -9 acceptance).

Each fault is made real on the FalkorDB test server (tests/support/bolt.py), never mocked:
the server is stopped (SIGSTOP) or killed (SIGKILL) while a push writes, the ``policykg
push`` process is killed with SIGKILL at random moments, a store that would empty the
server is pushed.  Moments come from the push's own progress or from a seeded random
generator; nothing asserts how long anything took.  A thread's join has a generous guard
only so that a push that hangs fails the test instead of blocking the run.
"""

from __future__ import annotations

import fcntl
import json
import os
import random
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from graph.bolt import connect, open_session, server_counts
from graph.errors import PolicyKGError, StoreError
from graph.neo4j_push import PRUNE_SHARE, PruneRefused, push_graph
from graph.store import Store
from policykg.cli import cli
from policykg.pipeline import build_corpus
from queries.cypher import trace_tops_cypher
from tests.support.bolt import BoltServer, graph_digest
from tests.test_neo4j import sample_graph

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
DB = "policykg_test"  # FalkorDB serves one graph for every name: each test empties it
#: A push that hangs is reported after this long instead of blocking the run; a working
#: push ends in seconds here (it is a guard, not a measurement).
HANG_GUARD = 180.0
#: Short waits for the fault tests: a stopped server is given up on quickly.
FAST = {"timeout": 1.0, "read_timeout": 1.0, "retry_delays": (0.2, 0.4)}


@pytest.fixture
def server(bolt_server):
    """The session's server, emptied; stopped or killed servers are brought back after."""
    bolt_server.clear(DB)
    yield bolt_server
    if bolt_server.alive():
        bolt_server.signal(signal.SIGCONT)  # harmless when it runs
    else:
        bolt_server.restart()


def _args(server, *extra):
    return ["--uri", server.uri, "--user", server.user, "--password", server.password,
            "--database", DB, *extra]


def _digest(server) -> dict:
    return graph_digest(server.uri, server.user, server.password, DB)


def _push(server, G, **kwargs):
    return push_graph(G, server.uri, server.user, server.password, DB, **kwargs)


def _one_line(message: str) -> None:
    assert message and "\n" not in message and "Traceback" not in message


def _in_thread(target):
    """Run ``target`` in a thread; return (thread, outcome dict with "value" or "error")."""
    outcome: dict = {}

    def run():
        try:
            outcome["value"] = target()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


# ------------------------------------------------------------------ point 4: hang, kill, resume


def test_a_server_that_stops_answering_mid_push_is_one_error_and_the_next_push_resumes(server):
    """Reproduced before the fix: with FalkorDB stopped (SIGSTOP) mid-push, the push waited
    forever (no read timeout).  Now each read gives up after ``read_timeout``, the statement
    is tried again on a new connection, then the push stops with one line; once the server
    answers again, the next push sends only what is missing and ends exact."""
    G = sample_graph()
    _push(server, G)
    clean = _digest(server)
    server.clear(DB)

    stopped: list[int] = []

    def stop_at_a_third(done: int, total: int) -> None:
        if not stopped and done >= total // 3:
            stopped.append(done)
            server.signal(signal.SIGSTOP)

    thread, outcome = _in_thread(lambda: _push(server, G, progress=stop_at_a_third, **FAST))
    thread.join(HANG_GUARD)
    hung = thread.is_alive()
    server.signal(signal.SIGCONT)
    assert not hung, f"the push still waited {HANG_GUARD:.0f} s after the server stopped"
    assert stopped, "the server was never stopped: the push wrote nothing?"
    error = outcome.get("error")
    assert isinstance(error, StoreError), outcome
    _one_line(str(error))
    assert str(error).startswith(f"{server.uri}: push stopped while writing")
    assert "stopped answering" in str(error) and "run the push again" in str(error)

    again = _push(server, G)
    rows = G.number_of_nodes() + G.number_of_edges()
    assert 0 < again.nodes_created + again.rels_created < rows  # resumed, not restarted
    assert _digest(server) == clean


def test_a_server_killed_mid_push_is_one_error_line(server, seed_store, monkeypatch):
    """Reproduced before the fix: ``policykg push`` with FalkorDB killed (SIGKILL) while it
    wrote printed a driver traceback (ServiceUnavailable).  Now: one ``Error:`` line naming
    the server, how far the push got and that pushing again resumes, exit 1.  The kill comes
    from the push's own progress (a wrapper around the real push_graph, so the CLI runs
    unchanged), 50 rows in: always mid-push, on any machine."""
    import graph.neo4j_push as bolt

    real_push = bolt.push_graph
    killed: list[int] = []

    def push_and_kill(*args, progress=None, **kwargs):
        def progress_then_kill(done, total):
            if progress is not None:
                progress(done, total)
            if not killed and done >= 50:
                killed.append(done)
                server.signal(signal.SIGKILL)
        return real_push(*args, progress=progress_then_kill, **kwargs)

    monkeypatch.setattr(bolt, "push_graph", push_and_kill)
    result = CliRunner().invoke(cli, ["push", "--store", str(seed_store), "--timeout", "2",
                                      *_args(server)])
    assert killed, "the push never wrote 50 rows"
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert "Traceback" not in result.output and len(lines) == 2, result.output  # bar label, error
    assert lines[-1].startswith(f"Error: {server.uri}: push stopped while writing (")
    assert "rows written" in lines[-1] and "run the push again" in lines[-1]
    assert "the connection to the server was lost" in lines[-1]


def test_a_stopped_server_is_one_error_line_for_push_and_trace(server, seed_store):
    """Connecting to a server that accepts TCP but never answers (stopped) ends with one
    line, for a push and for ``trace --neo4j``."""
    server.signal(signal.SIGSTOP)
    try:
        for argv in (["push", "--store", str(seed_store), "--timeout", "1"],
                     ["trace", "ha-tinh:154/KH-UBND:2023", "--neo4j"]):
            result = CliRunner().invoke(cli, [*argv, *_args(server)])
            assert result.exit_code == 1, result.output
            assert result.output.strip().splitlines()[-1] == (
                f"Error: {server.uri}: no Bolt server answered (no answer to the Bolt handshake)")
            assert "Traceback" not in result.output
    finally:
        server.signal(signal.SIGCONT)


def test_a_query_session_whose_server_stops_is_one_error(server):
    """The read side (``trace --neo4j`` uses open_session): a query on a server that stopped
    after the session opened gives up after ``read_timeout``, in one line."""
    _push(server, sample_graph())
    driver = connect(server.uri, server.user, server.password, DB, read_timeout=1.0)
    try:
        with open_session(driver, DB, where=server.uri) as session:
            assert trace_tops_cypher(session, "vn:29-NQ/TW:2022") == set()
            server.signal(signal.SIGSTOP)
            thread, outcome = _in_thread(
                lambda: trace_tops_cypher(session, "ha-tinh:154/KH-UBND:2023"))
            thread.join(HANG_GUARD)
            server.signal(signal.SIGCONT)
            assert not thread.is_alive(), "the query still waited for a stopped server"
    finally:
        driver.close()
    error = outcome.get("error")
    assert isinstance(error, StoreError), outcome
    assert str(error) == f"{server.uri}: the server stopped answering (nothing within 1 s)"


def test_closing_a_connection_leaves_the_next_one_answered(server):
    """FalkorDB 4.16 leaves a dead slot after a client's GOODBYE: the next connection it
    accepts is never answered.  Reproduced: 15 of 15 sessions closed with GOODBYE left the
    next handshake unanswered.  Connections from graph.bolt close without it, so
    every handshake after them is answered."""
    from graph.bolt import _BOLT_PROBE

    for _ in range(10):
        driver = connect(server.uri, server.user, server.password, DB)
        with driver.session(database=DB) as session:
            session.run("RETURN 1").consume()
        driver.close()
        with socket.create_connection(("127.0.0.1", server.bolt_port), timeout=10) as sock:
            sock.settimeout(10)  # a dead slot is never answered; a live one at once
            sock.sendall(_BOLT_PROBE)
            assert len(sock.recv(4)) == 4
    assert server.alive()


# ------------------------------------------------------------------ point 9: --prune


def _empty_store(tmp_path) -> Path:
    path = tmp_path / "empty.db"
    with Store(path):
        pass
    return path


def test_pushing_an_empty_store_deletes_nothing_without_prune(server, seed_store, tmp_path):
    """Reproduced before the fix: pushing an empty store emptied the server.  Now it stops
    before writing, saying how many nodes and relationships it would delete of how many;
    ``--prune`` deletes them."""
    assert CliRunner().invoke(cli, ["push", "--store", str(seed_store), *_args(server)]).exit_code == 0
    before = _digest(server)
    empty = _empty_store(tmp_path)

    result = CliRunner().invoke(cli, ["push", "--store", str(empty), *_args(server)])
    assert result.exit_code == 1, result.output
    n, r = before["nodes"], before["relationships"]
    assert result.output.strip().splitlines()[-1] == (
        f"Error: {server.uri}: this push would delete {n} of the {n} nodes and {r} of the {r} "
        f"relationships on the server (more than 10%); nothing was written: check the store, "
        f"or pass --prune to delete them")
    assert _digest(server) == before

    pruned = CliRunner().invoke(cli, ["push", "--store", str(empty), "--prune", "--json",
                                      *_args(server)])
    assert pruned.exit_code == 0, pruned.output
    stats = json.loads(pruned.output[pruned.output.index("{"):])
    assert (stats["nodes_deleted"], stats["rels_deleted"]) == (n, r)
    assert server_counts(server.uri, server.user, server.password, DB)["total_nodes"] == 0


def _agencies(n: int) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for i in range(n):
        G.add_node(f"ha-tinh:agency:a{i:02d}", kind="agency", name=f"Cơ quan {i}", jurisdiction="Hà Tĩnh")
    return G


def test_deleting_more_than_the_prune_share_needs_prune(server):
    """The threshold is PRUNE_SHARE of what earlier pushes wrote: deleting that share goes
    through, one node more stops the push before it writes anything (not even the new
    node), and ``prune=True`` lets it through."""
    G = _agencies(40)
    _push(server, G)
    share = int(PRUNE_SHARE * 40)  # 4 of 40: allowed
    small = G.copy()
    small.remove_nodes_from(list(G)[:share])
    assert _push(server, small).nodes_deleted == share
    _push(server, G)  # back to 40

    large = G.copy()
    large.remove_nodes_from(list(G)[:share + 1])
    large.add_node("ha-tinh:agency:new", kind="agency", name="Cơ quan mới", jurisdiction="Hà Tĩnh")
    before = _digest(server)
    with pytest.raises(PruneRefused) as info:
        _push(server, large)
    assert (info.value.nodes, info.value.remote_nodes) == (share + 1, 40)
    assert isinstance(info.value, PolicyKGError)
    assert _digest(server) == before
    stats = _push(server, large, prune=True)
    assert (stats.nodes_deleted, stats.nodes_created) == (share + 1, 1)
    assert server_counts(server.uri, server.user, server.password, DB)["total_nodes"] == 40 - share


# ------------------------------------------------------------------ point 10: a closed test server


def _ipv4_addresses() -> dict[str, str]:
    """Interface -> IPv4 address, for every interface of this network namespace that has
    one (SIOCGIFADDR on each of socket.if_nameindex())."""
    found = {}
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        for _, name in socket.if_nameindex():
            try:
                packed = fcntl.ioctl(sock.fileno(), 0x8915,  # SIOCGIFADDR
                                     struct.pack("256s", name.encode()[:15]))
            except OSError:  # no IPv4 address on it
                continue
            found[name] = socket.inet_ntoa(packed[20:24])
    return found


def _reachable(address: str, port: int) -> bool:
    try:
        with socket.create_connection((address, port), timeout=2):
            return True
    except OSError:
        return False


def test_the_bolt_test_server_is_reachable_from_loopback_only(bolt_server):
    """FalkorDB's Bolt port listens on every interface whatever ``--bind`` says (see the
    next test), so the tests run in a network namespace with only loopback up
    (tests/run.sh).  Every IPv4 address of the machine as the server sees it is tried:
    loopback answers, no other does.  Run outside that isolation (plain ``pytest`` on a
    machine with a network), this fails, as it should."""
    addresses = _ipv4_addresses()
    assert "127.0.0.1" in addresses.values(), addresses  # the enumeration works
    assert _reachable("127.0.0.1", bolt_server.bolt_port)
    open_ports = [f"{name} {address}:{port}" for name, address in sorted(addresses.items())
                  if not address.startswith("127.")
                  for port in (bolt_server.bolt_port, bolt_server.redis_port)
                  if _reachable(address, port)]
    assert not open_ports, (
        f"the test server answers from outside the machine on {open_ports}: run the tests "
        f"with `bash tests/run.sh` (a network namespace with only loopback)")


def _listening_addresses(port: int) -> set[str]:
    """Local addresses of the sockets listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            fields = row.split()
            address, port_hex = fields[1].rsplit(":", 1)
            if int(port_hex, 16) == port and fields[3] == "0A":  # LISTEN
                found.add(address)
    return found


def test_falkordb_facts_the_readme_states():
    """What README (Neo4j section) says of FalkorDB 4.16, checked here so that it fails
    when FalkorDB changes: with ``--bind 127.0.0.1`` the Redis port listens on loopback but
    the Bolt port on every address (``::``, all zeros), and with ``requirepass`` set a Bolt
    client that sends no password reads and writes (a wrong one is refused)."""
    with BoltServer(password="đúng") as server:
        assert _listening_addresses(server.redis_port) == {"0100007F"}  # 127.0.0.1
        assert _listening_addresses(server.bolt_port) == {"0" * 32}  # [::], every address
        driver = connect(server.uri, server.user, "", DB)
        try:
            with driver.session(database=DB) as session:
                session.run("CREATE (:Intruder {id: 'no-password'})").consume()
                got = session.run("MATCH (n:Intruder) RETURN count(n) AS n").single()["n"]
        finally:
            driver.close()
        assert got == 1
        with pytest.raises(StoreError, match="refused"):
            connect(server.uri, server.user, "sai", DB)


# ------------------------------------------------------------------ acceptance: kill -9 a push


@pytest.fixture(scope="module")
def two_stores(tmp_path_factory) -> dict[str, Path]:
    """Two stores that overlap: A (files 000, 003) and B (files 002, 003, 004), so that a
    push from one to the other creates, updates and deletes nodes and relationships."""
    files = sorted(CORPUS.iterdir())
    stores = {}
    for name, picks in (("A", (0, 3)), ("B", (2, 3, 4))):
        path = tmp_path_factory.mktemp("kill9") / f"{name}.db"
        with Store(path) as store:
            report = build_corpus([files[i] for i in picks], store)
        assert not report.failed
        stores[name] = path
    return stores


def _push_process(server, store: Path) -> subprocess.Popen:
    argv = [sys.executable, "-m", "policykg", "push", "--store", str(store), "--prune", "--json",
            *_args(server)]
    return subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)


def test_kill_9_at_20_random_moments_of_a_push_then_the_next_push_is_exact(server, two_stores):
    """Acceptance: ``policykg push`` killed with SIGKILL at 20 random moments (seeded) while
    it takes the server from store A to store B or back; after each kill, the next push
    leaves the server equal (counts and content digest) to a clean push of that store to an
    empty graph.  The moments are drawn inside the push window measured on an uninterrupted
    push of each direction, so most land while it writes."""
    def clean(store: Path) -> dict:
        server.clear(DB)
        assert CliRunner().invoke(cli, ["push", "--store", str(store), *_args(server)]).exit_code == 0
        return _digest(server)

    reference = {name: clean(path) for name, path in two_stores.items()}
    assert reference["A"] != reference["B"]

    window = {}  # target -> (first, last) second after the process starts
    for target in ("A", "B"):  # the server holds B, then A
        started = time.monotonic()
        proc = _push_process(server, two_stores[target])
        out, _ = proc.communicate(timeout=HANG_GUARD)
        wall = time.monotonic() - started
        assert proc.returncode == 0, out
        assert _digest(server) == reference[target]
        seconds = json.loads(out[out.index("{"):])["seconds"]
        window[target] = (max(wall - seconds, 0.0), wall)

    rng = random.Random(20261206)
    holds, partial, outcomes = "B", 0, []
    for moment in range(20):
        target = "A" if holds == "B" else "B"
        delay = rng.uniform(*window[target])
        proc = _push_process(server, two_stores[target])
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=HANG_GUARD)
        killed = proc.returncode == -signal.SIGKILL
        between = _digest(server)
        if killed and between not in (reference["A"], reference["B"]):
            partial += 1  # cut while writing: neither the old nor the new graph
        again = CliRunner().invoke(cli, ["push", "--store", str(two_stores[target]),
                                         *_args(server, "--prune")])
        assert again.exit_code == 0, (moment, again.output)
        assert _digest(server) == reference[target], (
            f"moment {moment} ({delay:.2f} s, {'killed' if killed else 'finished'}): the next "
            f"push to {target} is not exact")
        outcomes.append((round(delay, 2), "killed" if killed else "finished"))
        holds = target
    assert partial >= 1, f"no kill landed while the push wrote: {outcomes}"
