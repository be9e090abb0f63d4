"""A real Bolt server for the tests: FalkorDB (redis-server + falkordb module) on loopback,
started by :mod:`policykg.boltserver` (shared with bench/); and :func:`graph_digest`, which
the fault tests compare server contents with.

>>> with BoltServer() as server:            # doctest: +SKIP
...     push_graph(G, server.uri, server.user, server.password)
"""

from __future__ import annotations

import hashlib
import json

from policykg.boltserver import BOLT_PORT_RANGE, BoltServer, BoltServerError, falkordb_binaries, free_port

__all__ = ["BOLT_PORT_RANGE", "BoltServer", "BoltServerError", "free_port", "falkordb_binaries", "graph_digest"]


def graph_digest(uri: str, user: str, password: str, database: str | None) -> dict:
    """Counts and a SHA-256 of everything on the server: every node's labels and
    properties, every relationship's end ids, type and properties, sorted.  Two graphs
    with equal digests hold the same content whatever order it was written in.

    Returns:
        ``{"nodes": n, "relationships": n, "digest": hex}``.
    """
    from graph.bolt import connect

    driver = connect(uri, user, password, database)
    try:
        with driver.session(database=database) as session:
            nodes = session.run("MATCH (n) RETURN labels(n) AS labels, "
                                "properties(n) AS props").data()
            rels = session.run("MATCH (a)-[e]->(b) RETURN a.id AS a, type(e) AS type, "
                               "b.id AS b, properties(e) AS props").data()
    finally:
        driver.close()

    def line(value) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    text = "\n".join(sorted(line([sorted(r["labels"]), r["props"]]) for r in nodes))
    text += "\n--\n" + "\n".join(sorted(line([r["a"], r["type"], r["b"], r["props"]])
                                           for r in rels))
    return {"nodes": len(nodes), "relationships": len(rels),
            "digest": hashlib.sha256(text.encode("utf-8")).hexdigest()}
