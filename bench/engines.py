"""Push throughput and trace latency of the three engines, in one run on one generated corpus.

Not a test: run it and read the ratios (absolute figures swing with machine load).

    python bench/engines.py                 # 2,000 documents (about 5,800 nodes)
    python bench/engines.py --documents 500 --sample 200

Measures, against a FalkorDB Bolt server started on 127.0.0.1 for the run:
  * push rows/s: batched UNWIND + MERGE vs one statement per row (both full pushes);
  * trace latency (median, p99) for the same start nodes: networkx in process, SPARQL
    (rdflib, property paths) on the RDF graph, Cypher over Bolt.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.bolt import connect  # noqa: E402
from graph.neo4j_push import push_graph, push_graph_row_by_row  # noqa: E402
from graph.rdf import to_rdf  # noqa: E402
from queries.cypher import trace_tops_cypher  # noqa: E402
from queries.lineage import trace_tops  # noqa: E402
from queries.sparql import trace_tops_sparql  # noqa: E402
from tests.support.bolt import BoltServer  # noqa: E402
from policykg.synth import make_graph  # noqa: E402

DB = "policykg_bench"


def _latency(fn, starts) -> tuple[float, float]:
    times = []
    for n in starts:
        t0 = time.perf_counter()
        fn(n)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p99 = times[min(len(times) - 1, int(round(0.99 * (len(times) - 1))))]
    return statistics.median(times), p99


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=2000)
    ap.add_argument("--sample", type=int, default=500, help="start nodes for the latency figures")
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    g = make_graph(args.documents, seed=args.seed)
    rows = g.number_of_nodes() + g.number_of_edges()
    print(f"corpus: {args.documents} documents, {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    with BoltServer() as server:
        server.clear(DB)
        s = push_graph(g, server.uri, server.user, server.password, DB, incremental=False)
        print(f"push batched:    {s.seconds:7.1f} s  {rows / s.seconds:8.0f} rows/s  ({s.statements} statements)")
        again = push_graph(g, server.uri, server.user, server.password, DB)
        print(f"push again (incremental, nothing changed): {again.seconds:.1f} s, {again.statements} statements")
        server.clear(DB)
        r = push_graph_row_by_row(g, server.uri, server.user, server.password, DB)
        print(f"push row by row: {r.seconds:7.1f} s  {rows / r.seconds:8.0f} rows/s  ({r.statements} statements)")
        print(f"batched / row-by-row throughput: {r.seconds / s.seconds:.1f}x")

        starts = sorted(n for n, d in g.nodes(data=True) if d.get("kind") in ("document", "task"))
        random.Random(args.seed).shuffle(starts)
        starts = starts[: args.sample]
        t0 = time.perf_counter()
        rdf = to_rdf(g)
        print(f"RDF graph built in {time.perf_counter() - t0:.1f} s ({len(rdf)} triples)")
        nx_med, nx_p99 = _latency(lambda n: trace_tops(g, n), starts)
        sp_med, sp_p99 = _latency(lambda n: trace_tops_sparql(rdf, n), starts)
        drv = connect(server.uri, server.user, server.password, DB)
        try:
            with drv.session(database=DB) as session:
                cy_med, cy_p99 = _latency(lambda n: trace_tops_cypher(session, n), starts)
        finally:
            drv.close()
    print(f"trace latency over {len(starts)} start nodes (ms): median / p99")
    print(f"  networkx in process  {nx_med:8.3f} / {nx_p99:8.3f}")
    print(f"  SPARQL (rdflib)      {sp_med:8.3f} / {sp_p99:8.3f}")
    print(f"  Cypher over Bolt     {cy_med:8.3f} / {cy_p99:8.3f}")


if __name__ == "__main__":
    main()
