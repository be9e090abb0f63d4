"""Session fixtures shared by the test modules.

``bolt_server``: one real FalkorDB server speaking Bolt on loopback for the whole session
(tests/support/bolt.py); each test isolates its data by naming its own database (graph).
"""

from __future__ import annotations

import pytest

from tests.support.bolt import BoltServer


@pytest.fixture(scope="session")
def bolt_server(request: pytest.FixtureRequest) -> BoltServer:
    """A running FalkorDB Bolt server; stopped when the session ends."""
    server = BoltServer()
    request.addfinalizer(server.stop)
    server.start()
    return server
