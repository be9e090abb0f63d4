"""Whole-process query latency and memory on large stores: the indexed neighbourhood read
(queries.local) against loading the whole graph, in one run.

Not a test: run it and read the ratios (absolute figures swing with machine load).

    python bench/queries.py                          # 2,000 and 20,000 generated documents
    python bench/queries.py --documents 100000 --sample 50
    python bench/queries.py --store kg.db --sample 200 --compare OLD_CHECKOUT [--bytecode]

``--store`` times an existing store's queries only: trace, cite, impact and tasks --serves,
plain and ``--json``, each REF's process run once per checkout (this one, and the one given
to ``--compare``, alternating so that both meet the same machine load), wall and CPU time
(median, p99) and the slowest REFs.  ``--bytecode`` keeps compiled modules in a cache of its
own (this machine sets PYTHONDONTWRITEBYTECODE, so each process compiles every module; an
installed policykg does not).

For each size: a store whose index holds a generated graph (policykg/synth.py); then
  * in process: loading the whole graph from the store (what every query did before the
    index) vs reading one REF's neighbourhood (median, p99 over the sample);
  * as a whole process (`policykg trace|impact|tasks --serves REF`): median, p99 and the
    peak memory of the query processes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402

from graph.store import Store  # noqa: E402
from queries.local import local_graph  # noqa: E402
from policykg.synth import synth_store  # noqa: E402


def _whole(store: Store) -> nx.MultiDiGraph:
    """Every node and edge of the index into networkx: the floor of a whole-graph query."""
    g = nx.MultiDiGraph()
    ids = [n for (n,) in store.db.execute("SELECT id FROM graph_nodes")]
    for i in range(0, len(ids), 5000):  # attributes by reference to their fact rows (schema 4)
        for n, a in store.node_attrs(ids[i:i + 5000]).items():
            g.add_node(n, **a)
    for u, v, k, a in store.db.execute("SELECT src, dst, key, attrs FROM graph_edges"):
        g.add_edge(u, v, key=k, **json.loads(a))
    return g


# `policykg ARGS`, then the process's own peak memory (VmHWM, kB) on stderr: ru_maxrss would
# carry over this benchmark's own peak, which Linux keeps across fork and exec.
_QUERY = """
import atexit, sys
from policykg.cli import cli
atexit.register(lambda: print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0],
                              file=sys.stderr))
cli(sys.argv[1:], prog_name="policykg")
"""


def _stats(times: list[float]) -> str:
    times = sorted(times)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    return f"{statistics.median(times) * 1000:.1f} ms / {p99 * 1000:.1f} ms"


def run(n_docs: int, sample: int, tmp: Path) -> dict:
    db = tmp / f"kg-{n_docs}.db"
    g, t_make, t_index = synth_store(n_docs, db)
    rng = random.Random(5)
    docs = sorted(n for n, d in g.nodes(data=True) if d.get("kind") == "document" and d.get("in_corpus"))
    refs = rng.sample(docs, min(sample, len(docs)))
    out = {"documents": n_docs, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
           "generate_s": round(t_make, 1), "index_write_s": round(t_index, 1),
           "store_mb": round(db.stat().st_size / 1e6, 1)}
    del g
    with Store(db, readonly=True) as store:
        t0 = time.perf_counter()
        _whole(store)
        out["whole_graph_load_s"] = round(time.perf_counter() - t0, 2)
        local = []
        for r in refs:
            t0 = time.perf_counter()
            local_graph(store, [r], down=True)
            local.append(time.perf_counter() - t0)
        out["neighbourhood_read"] = _stats(local)
    times, peak_kb = query_processes(db, refs)
    for cmd, ts in times.items():
        out[cmd] = _stats(ts)
    out["query_peak_mb"] = round(peak_kb / 1024, 1)
    return out


def query_processes(db: Path, refs: list[str]) -> tuple[dict[str, list[float]], int]:
    """Seconds of each `policykg trace|impact|tasks --serves REF --json` as a whole process,
    per command, and the highest peak memory (kB) of those processes."""
    out: dict[str, list[float]] = {}
    peak = 0
    for cmd in (["trace"], ["impact"], ["tasks", "--serves"]):
        times = out.setdefault(" ".join(cmd), [])
        for r in refs:
            t0 = time.perf_counter()
            res = subprocess.run([sys.executable, "-c", _QUERY, *cmd, r, "--store", str(db), "--json"],
                                 capture_output=True, text=True, cwd=ROOT)
            times.append(time.perf_counter() - t0)
            if res.returncode != 0:
                raise SystemExit(f"{' '.join(cmd)} {r}: {res.stderr.strip()[-500:]}")
            peak = max(peak, int(res.stderr.strip().splitlines()[-1]))
    return out, peak


COMMANDS = {"trace": ["trace"], "cite": ["cite"], "impact": ["impact"], "tasks --serves": ["tasks", "--serves"]}


def _env(checkout: Path, bytecode: bool) -> dict:
    env = dict(os.environ, PYTHONPATH=str(checkout))
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / f"policykg-pyc-{abs(hash(str(checkout)))}")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _process(argv: list[str], env: dict) -> tuple[float, float, int]:
    """Wall and CPU seconds of one `policykg ARGV` process, and its exit status."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", "from policykg.cli import main; main()", *argv],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - t0, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)


def compare(db: Path, sample: int, checkouts: dict[str, Path], bytecode: bool) -> None:
    """Every query command on ``sample`` random documents of ``db``, each process run once per
    checkout in alternating order; prints wall and CPU median / p99 (ms) per checkout."""
    with Store(db, readonly=True) as store:
        docs = sorted(f["doc_id"] for f in store.files() if f.get("doc_id"))
    refs = random.Random(5).sample(docs, min(sample, len(docs)))
    envs = {name: _env(path, bytecode) for name, path in checkouts.items()}
    for env in envs.values():  # fill the bytecode caches
        _process(["trace", refs[0], "--store", str(db)], env)
    print(f"load {os.getloadavg()[0]:.1f}; {len(refs)} REFs; {'with' if bytecode else 'without'} bytecode caches")
    for cmd, words in COMMANDS.items():
        for extra in ([], ["--json"]):
            got: dict[str, list[tuple[float, float, str]]] = {name: [] for name in envs}
            for i, r in enumerate(refs):
                for name in (list(envs) if i % 2 == 0 else list(envs)[::-1]):
                    wall, cpu, code = _process([*words, r, "--store", str(db), *extra], envs[name])
                    if code:
                        raise SystemExit(f"{name}: {cmd} {r} exited {code}")
                    got[name].append((wall, cpu, r))
            line = f"{cmd + ' ' + ' '.join(extra):22}"
            for name, rows in got.items():
                slow = max(rows)[2]
                line += (f" | {name}: wall {_stats([w for w, _, _ in rows])}, cpu {_stats([c for _, c, _ in rows])}, "
                         f"slowest {slow}")
            print(line, flush=True)
    print(f"load {os.getloadavg()[0]:.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--documents", type=int, nargs="*", default=[2000, 20000])
    ap.add_argument("--sample", type=int, default=30, help="REFs per size (whole-process runs).")
    ap.add_argument("--store", type=Path, help="Time this existing store's queries (no generated stores).")
    ap.add_argument("--compare", type=Path, metavar="CHECKOUT", help="With --store: also time this checkout.")
    ap.add_argument("--bytecode", action="store_true", help="With --store: processes keep compiled modules.")
    args = ap.parse_args()
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}")
    if args.store:
        checkouts = {"this": ROOT} | ({"compared": args.compare.resolve()} if args.compare else {})
        compare(args.store, args.sample, checkouts, args.bytecode)
        return
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.documents:
            row = run(n, args.sample, Path(tmp))
            print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
