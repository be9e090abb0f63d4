"""Push throughput and trace latency of every registered query engine, in one run on one
generated corpus.

Not a test: run it and read the ratios (absolute figures swing with machine load).

    python bench/engines.py                 # 2,000 documents (about 5,800 nodes)
    python bench/engines.py --documents 500 --sample 200

Measures, against a FalkorDB Bolt server started on 127.0.0.1 for the run:
  * push rows/s: batched UNWIND + MERGE vs one statement per row (both full pushes);
  * trace latency (median, p99) for the same start nodes on every engine of
    queries.engine's registry (networkx in process, the store's index, SPARQL on the RDF
    graph, Cypher over Bolt, and any engine registered later), and the time to open each.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.neo4j_push import push_graph, push_graph_row_by_row  # noqa: E402
from graph.store import Store  # noqa: E402
from policykg.boltserver import BoltServer  # noqa: E402  (starts FalkorDB on loopback)
from policykg.synth import make_graph  # noqa: E402
from queries.engine import Server, Source, engines, open_engine  # noqa: E402

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
        rows_out = []
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "index.db") as store:
            with store.transaction():
                store.write_index(g, current=True)  # the store engine reads this graph's index
            source = Source(store=store, graph=g, server=Server(server.uri, server.user, server.password, DB))
            for name in engines():
                t0 = time.perf_counter()
                eng = open_engine(name, source)
                opened = time.perf_counter() - t0
                try:
                    rows_out.append((name, opened, *_latency(eng.trace_tops, starts)))
                finally:
                    eng.close()
    print(f"trace latency over {len(starts)} start nodes (ms): median / p99   (open: seconds to open the engine)")
    for name, opened, med, p99 in rows_out:
        print(f"  {name:<12} {med:8.3f} / {p99:8.3f}   open {opened:6.2f} s")


if __name__ == "__main__":
    main()
