"""Scale (issue 11, point 5): extraction, build, store size and query latency at 1,000,
10,000 and 100,000 generated documents, in one run.  Not a test: run it, read the table,
compare ratios within one run (absolute figures swing with the machine's load).

    python bench/scale.py                          # 1,000, 10,000 and 100,000 documents
    python bench/scale.py --sizes 1000,10000 --refs 100
    python bench/scale.py --bolt bolt://127.0.0.1:7687 --bolt-user u --bolt-password p

For each size N, a corpus of N generated documents written as plan texts
(:func:`policykg.synth.write_corpus`: the generated graph's in-corpus documents, each with its
header, references, tasks and agencies), then:

* extraction MB/s on one core (CPU seconds) and on all cores (worker processes), on the
  corpus's first ``--extract-mb`` MB (the rate is per byte), and the same rules as one big
  alternation (bench/extract_speed.py's baseline) over the same texts;
* the build (`policykg build`, its own process): documents/s, MB/s, the peak memory of the
  writing process and of the whole process tree, its ratio to the read+decode+NFC floor;
* store bytes per input byte;
* `policykg trace|impact|tasks --serves REF` as whole processes: median and p99 over
  ``--refs`` random documents, and the query processes' peak memory;
* in-process trace latency (median, p99) of each query engine that needs no server
  (queries.engine's registry) and whether ``--agree`` random traces agree across them;
* push rows/s, batched vs one row per statement, only with ``--bolt`` (bench/engines.py
  starts its own FalkorDB for that);
* `policykg --help` as a whole process, and what its imports cost when over 0.3 s.

Prints a table and writes JSON (``--json``, default ``bench/scale.json``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.extract_speed import baseline, extract_parallel, extract_serial, floor, load, machine  # noqa: E402
from bench.queries import _QUERY, query_processes  # noqa: E402  (_QUERY: `policykg ARGS`, then its peak memory)
from graph.store import Store  # noqa: E402
from policykg.synth import write_corpus  # noqa: E402

TARGET_QUERY_S = 0.3
TARGET_HELP_S = 0.3


def _stats(times: list[float]) -> dict:
    times = sorted(times)
    p99 = times[min(len(times) - 1, int(round(0.99 * (len(times) - 1))))]
    return {"median_ms": round(statistics.median(times) * 1000, 2), "p99_ms": round(p99 * 1000, 2)}


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and its descendants now (kB)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                total += next((int(ln.split()[1]) for ln in fh if ln.startswith("VmRSS")), 0)
            with open(f"/proc/{p}/task/{p}/children") as fh:
                todo += [int(c) for c in fh.read().split()]
        except (OSError, ValueError):
            continue
    return total


def run_sampled(cmd: list[str], env: dict | None = None) -> tuple[float, int, subprocess.CompletedProcess]:
    """(seconds, peak kB of the whole process tree sampled every 50 ms, the result)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss_kb(proc.pid))
            time.sleep(0.05)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, err = proc.communicate()
    el = time.perf_counter() - t0
    th.join()
    return el, peak[0], subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def measure_extraction(files: list[Path], mb: float) -> dict:
    sample, size = [], 0
    for f in files:
        sample.append(f)
        size += f.stat().st_size
        if size >= mb * 1e6:
            break
    texts = [f.read_text(encoding="utf-8") for f in sample]
    cores = os.cpu_count() or 1
    t_floor = floor(sample)
    extract_serial(sample[:1])  # compile the rules first: a build's workers start compiled
    wall, cpu = extract_serial(sample)
    t_all = extract_parallel(sample, cores)
    t_base, _ = baseline(texts)
    mbytes = size / 1e6
    return {"sample_mb": round(mbytes, 2), "floor_mb_s": round(mbytes / t_floor, 1),
            "per_core_mb_s": round(mbytes / cpu, 2), "one_core_wall_mb_s": round(mbytes / wall, 2),
            "all_cores_mb_s": round(mbytes / t_all, 2), "cores": cores,
            "baseline_mb_s": round(mbytes / t_base, 2), "vs_baseline": round(t_base / cpu, 2)}


def whole_process(db: Path, refs: list[str]) -> dict:
    times, peak_kb = query_processes(db, refs)
    return {**{cmd: _stats(ts) for cmd, ts in times.items()}, "query_peak_mb": round(peak_kb / 1024, 1)}


def in_process(db: Path, refs: list[str], agree: int, seed: int) -> dict:
    """Trace latency of every engine that runs without a server, and the agreement of their
    answers on ``agree`` random documents and tasks."""
    try:
        from queries.engine import Source, engine_info, engines, open_engine
    except ImportError as exc:
        return {"note": f"no engine registry ({exc})"}
    out: dict = {"engines": {}}
    answers: dict[str, list] = {}
    with Store(db, readonly=True) as store:
        rows = store.db.execute("SELECT id FROM graph_nodes WHERE kind IN ('document', 'task') ORDER BY id").fetchall()
        pool = [r[0] for r in rows]
        check = random.Random(seed + 1).sample(pool, min(agree, len(pool)))
        for name in engines():
            if engine_info(name).needs_server:
                out["engines"][name] = "needs a server: not run"
                continue
            t0 = time.perf_counter()
            eng = open_engine(name, Source(store=store))
            opened = time.perf_counter() - t0
            try:
                times = []
                for r in refs:
                    t1 = time.perf_counter()
                    eng.trace_tops(r)
                    times.append(time.perf_counter() - t1)
                answers[name] = [sorted(eng.trace_tops(r)) for r in check]
            finally:
                eng.close()
            out["engines"][name] = {"open_s": round(opened, 2), **_stats(times)}
    names = sorted(answers)
    if len(names) > 1:
        first = answers[names[0]]
        out["agree"] = {"traces": len(check), "engines": names,
                        "disagreements": sum(1 for i in range(len(check)) if any(answers[n][i] != first[i] for n in names))}
    return out


def push(g_db: Path, args) -> dict:
    if not args.bolt:
        return {"note": "no Bolt server given (--bolt): not measured; bench/engines.py starts FalkorDB and measures it"}
    from graph.neo4j_push import push_graph, push_graph_row_by_row

    with Store(g_db, readonly=True) as store:
        g = store.graph()
    rows = g.number_of_nodes() + g.number_of_edges()
    s = push_graph(g, args.bolt, args.bolt_user, args.bolt_password, args.bolt_db, incremental=False)
    r = push_graph_row_by_row(g, args.bolt, args.bolt_user, args.bolt_password, args.bolt_db)
    return {"rows": rows, "batched_rows_s": round(rows / s.seconds), "row_by_row_rows_s": round(rows / r.seconds)}


def help_time(n: int = 10) -> dict:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "policykg", "--help"], capture_output=True, cwd=ROOT, check=True)
        times.append(time.perf_counter() - t0)
    out = {"median_s": round(statistics.median(times), 3)}
    if out["median_s"] > TARGET_HELP_S:
        out["imports"] = importtime(["--help"])
    return out


def importtime(argv: list[str], top: int = 8) -> list[dict]:
    """The costliest imports (cumulative, µs) of `policykg ARGV`, from python -X importtime."""
    res = subprocess.run([sys.executable, "-X", "importtime", "-c",
                          "import sys; from policykg.cli import cli; cli(sys.argv[1:], prog_name='policykg')", *argv],
                         capture_output=True, text=True, cwd=ROOT)
    rows = []
    for ln in res.stderr.splitlines():
        if ln.startswith("import time:") and "|" in ln and "cumulative" not in ln:
            _, cum, name = (x.strip() for x in ln[len("import time:"):].split("|"))
            if not name.startswith(" ") and "." not in name.strip():
                rows.append({"module": name.strip(), "cumulative_ms": round(int(cum) / 1000, 1)})
    return sorted(rows, key=lambda r: -r["cumulative_ms"])[:top]


def run(n: int, args, tmp: Path) -> dict:
    corpus = tmp / f"gen-{n}"
    t0 = time.perf_counter()
    files, _ = write_corpus(corpus, n, seed=args.seed)
    input_bytes = sum(f.stat().st_size for f in files)
    row: dict = {"documents": n, "files": len(files), "input_mb": round(input_bytes / 1e6, 1),
                 "generate_s": round(time.perf_counter() - t0, 1), "load_before": load()}
    row["extraction"] = measure_extraction(files, args.extract_mb)
    db = tmp / f"kg-{n}.db"
    t_floor = floor(files)
    el, tree_kb, res = run_sampled([sys.executable, "-c", _QUERY, "build", str(corpus), "--store", str(db)])
    if res.returncode != 0:
        raise SystemExit(f"build of {n}: {res.stderr.strip()[-800:]}")
    with Store(db) as s:
        s.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        counts = s.index_counts()
        docs = [f["doc_id"] for f in s.files()]
    row["build"] = {"seconds": round(el, 1), "documents_s": round(len(files) / el, 1),
                    "mb_s": round(input_bytes / 1e6 / el, 2), "vs_floor": round(el / t_floor, 1),
                    "writer_peak_mb": round(int(res.stderr.strip().splitlines()[-1]) / 1024, 1),
                    "tree_peak_mb": round(tree_kb / 1024, 1), "nodes": sum(v for k, v in counts.items() if k != "edges"),
                    "edges": counts["edges"]}
    row["store"] = {"mb": round(db.stat().st_size / 1e6, 1), "bytes_per_input_byte": round(db.stat().st_size / input_bytes, 2)}
    refs = random.Random(args.seed).sample(docs, min(args.refs, len(docs)))
    row["whole_process"] = whole_process(db, refs)
    row["in_process"] = in_process(db, refs, args.agree, args.seed)
    if n == max(args.sizes):
        row["push"] = push(db, args)
        slow = max(row["whole_process"][c]["median_ms"] for c in ("trace", "impact", "tasks --serves"))
        if slow / 1000 > TARGET_QUERY_S:
            row["query_imports"] = importtime(["trace", refs[0], "--store", str(db), "--json"])
    return row


def report(res: dict) -> None:
    m = res["machine"]
    print(f"\n{m['date']}, {m['cores']} cores, {m['memory']}, Python {m['python']}, commit {m['commit']}, "
          f"load {m['load_before']}")
    rows = res["sizes"]
    head = f"{'':38}" + "".join(f"{r['documents']:>14,}" for r in rows)
    print(head)

    def line(label: str, get) -> None:
        vals = []
        for r in rows:
            try:
                vals.append(f"{get(r):>14}")
            except (KeyError, TypeError):
                vals.append(f"{'-':>14}")
        print(f"{label:38}" + "".join(vals))

    line("input MB (files)", lambda r: f"{r['input_mb']} ({r['files']})")
    line("extraction MB/s per core", lambda r: r["extraction"]["per_core_mb_s"])
    line("extraction MB/s all cores", lambda r: r["extraction"]["all_cores_mb_s"])
    line("one-alternation baseline MB/s", lambda r: r["extraction"]["baseline_mb_s"])
    line("extraction / baseline", lambda r: f"{r['extraction']['vs_baseline']}x")
    line("build s", lambda r: r["build"]["seconds"])
    line("build documents/s", lambda r: r["build"]["documents_s"])
    line("build / read+decode+NFC floor", lambda r: f"{r['build']['vs_floor']}x")
    line("build peak MB: writer / tree", lambda r: f"{r['build']['writer_peak_mb']:.0f} / {r['build']['tree_peak_mb']:.0f}")
    line("nodes / edges", lambda r: f"{r['build']['nodes']} / {r['build']['edges']}")
    line("store MB", lambda r: r["store"]["mb"])
    line("store bytes per input byte", lambda r: r["store"]["bytes_per_input_byte"])
    for c in ("trace", "impact", "tasks --serves"):
        line(f"`{c}` process ms med / p99", lambda r, c=c: f"{r['whole_process'][c]['median_ms']:.0f} / "
                                                        f"{r['whole_process'][c]['p99_ms']:.0f}")
    line("query process peak MB", lambda r: r["whole_process"]["query_peak_mb"])
    names = sorted({n for r in rows for n in r["in_process"].get("engines", {})})
    for n in names:
        line(f"trace in process {n} ms med / p99",
             lambda r, n=n: f"{r['in_process']['engines'][n]['median_ms']} / {r['in_process']['engines'][n]['p99_ms']}")
    line("traces agreeing across engines", lambda r: f"{r['in_process']['agree']['traces'] - r['in_process']['agree']['disagreements']}"
                                                   f"/{r['in_process']['agree']['traces']}")
    print(f"`policykg --help`: {res['help']['median_s']} s" + (f"; imports: {res['help']['imports']}" if "imports" in res["help"] else ""))
    last = rows[-1]
    if "push" in last:
        print(f"push: {last['push']}")
    if "query_imports" in last:
        print(f"query imports at {last['documents']:,}: {last['query_imports']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000", help="documents per corpus, comma-separated")
    ap.add_argument("--refs", type=int, default=200, help="random documents for the whole-process latency")
    ap.add_argument("--agree", type=int, default=1000, help="random traces compared across engines")
    ap.add_argument("--extract-mb", type=float, default=4.0, help="MB of each corpus the extraction rates read")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", default=str(ROOT / "bench" / "scale.json"))
    ap.add_argument("--keep", help="keep the corpora and stores in this folder")
    ap.add_argument("--bolt", help="a Bolt server's URI for the push figures (else not measured)")
    ap.add_argument("--bolt-user", default="neo4j")
    ap.add_argument("--bolt-password", default="")
    ap.add_argument("--bolt-db", default="neo4j")
    args = ap.parse_args()
    args.sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    res: dict = {"machine": machine(), "sizes": []}
    ctx = tempfile.TemporaryDirectory() if not args.keep else None
    tmp = Path(args.keep or ctx.name)
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        res["help"] = help_time()
        for n in args.sizes:
            print(f"{n:,} documents ...", file=sys.stderr, flush=True)
            res["sizes"].append(run(n, args, tmp))
            Path(args.json).write_text(json.dumps(res, ensure_ascii=False, indent=1))
    finally:
        if ctx:
            ctx.cleanup()
    report(res)
    print(f"\nJSON: {args.json}")


if __name__ == "__main__":
    main()
