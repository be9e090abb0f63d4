"""Scale (issue 11, point 5): extraction, build, store size and query latency at 1,000,
10,000 and 100,000 generated documents, in one run, and the national year (500,000).  Not a
test: run it, read the table, compare ratios within one run (absolute figures swing with the
machine's load).

    python bench/scale.py                          # 1,000, 10,000 and 100,000 documents
    python bench/scale.py --sizes 1000,10000 --refs 100
    python bench/scale.py --national --keep DIR    # one national year: 500,000 documents
    python bench/scale.py --sizes 100000 --keep DIR --reuse --skip extraction,help
    python bench/scale.py --bolt bolt://127.0.0.1:7687 --bolt-user u --bolt-password p

For each size N, a corpus of N generated documents written as plan texts
(:func:`policykg.synth.write_corpus`: the generated graph's in-corpus documents, each with its
header, references, tasks and agencies), generated in a child process (the graph it draws
from is freed with it; its time and peak memory are reported), then:

* extraction MB/s on one core (CPU seconds) and on all cores (worker processes), on the
  corpus's first ``--extract-mb`` MB (the rate is per byte), and the same rules as one big
  alternation (bench/extract_speed.py's baseline) over the same texts;
* the build (`policykg build`, its own process): documents/s, MB/s, the peak memory of the
  writing process and of the whole process tree (sampled every 50 ms; a line every minute
  in ``build-N.log`` under the work folder shows its progress), its ratio to the
  read+decode+NFC floor;
* store bytes per input byte;
* `policykg trace|cite|impact|tasks --serves REF` as whole processes: median and p99 over
  ``--refs`` random documents, and the peak memory of each command's processes;
* in-process trace latency (median, p99) of each query engine that needs no server
  (queries.engine's registry) and whether ``--agree`` random traces agree across them.
  Above ``--engines-max`` documents the engines that hold the whole graph in this process
  (networkx, SPARQL's rdflib graph: near 18 GB together at 100,000) are not opened; the
  store engine's traces are then compared with :func:`queries.lineage.trace_tops` (the
  networkx reference code) on the index's lineage edges, loaded alone into networkx in a
  child process (``--whole-reference``: the networkx engine on the whole graph merged from
  the facts, in a child process, when the machine's free memory allows);
* push rows/s, batched vs one row per statement, only with ``--bolt`` (bench/engines.py
  starts its own FalkorDB for that);
* `policykg --help` as a whole process, and what its imports cost when over 0.3 s.

Every child process runs this checkout's code (``python -m``/``-c`` with this checkout first
on ``PYTHONPATH``), so a run from a git worktree measures that worktree, not the editable
install.  Prints a table and writes JSON (``--json``, default ``bench/scale.json``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
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
from bench.queries import _QUERY  # noqa: E402  (`policykg ARGS`, then its peak memory)
from graph.store import Store  # noqa: E402

TARGET_QUERY_S = {100_000: 0.3, 500_000: 0.5}
TARGET_QUERY_MB = 200
TARGET_HELP_S = 0.3
TARGET_BUILD_GIB = 12
NATIONAL = 500_000
COMMANDS = (("trace",), ("cite",), ("impact",), ("tasks", "--serves"))
SKIPPABLE = ("extraction", "help", "queries", "inprocess", "agree")


def _env() -> dict:
    """This checkout first on every child's path: a run from a git worktree measures the
    worktree's code, not the editable install's."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    return env


ENV = _env()


def _stats(times: list[float]) -> dict:
    times = sorted(times)
    p99 = times[min(len(times) - 1, int(round(0.99 * (len(times) - 1))))]
    return {"median_ms": round(statistics.median(times) * 1000, 2), "p99_ms": round(p99 * 1000, 2)}


def _tree_rss_kb(pid: int) -> tuple[int, int]:
    """Resident memory of a process and its descendants now (kB), and how many they are."""
    total, count, todo = 0, 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                total += next((int(ln.split()[1]) for ln in fh if ln.startswith("VmRSS")), 0)
            count += 1
            with open(f"/proc/{p}/task/{p}/children") as fh:
                todo += [int(c) for c in fh.read().split()]
        except (OSError, ValueError):
            continue
    return total, count


def _mb(*paths: Path) -> float:
    return sum(p.stat().st_size for p in paths if p.exists()) / 1e6


def run_sampled(cmd: list[str], log: Path | None = None, watch: Path | None = None,
                every: float = 60.0) -> tuple[float, int, subprocess.CompletedProcess]:
    """(seconds, peak kB of the whole process tree sampled every 50 ms, the result).  With
    ``log``, a line every ``every`` seconds: elapsed, tree memory now and at its peak, the
    processes, and the size of ``watch`` (a store and its write-ahead log)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, cwd=ROOT)
    peak = [0]

    def sample() -> None:
        last = 0.0
        while proc.poll() is None:
            now, count = _tree_rss_kb(proc.pid)
            peak[0] = max(peak[0], now)
            el = time.perf_counter() - t0
            if log is not None and el - last >= every:
                last = el
                store = f", store {_mb(watch, Path(f'{watch}-wal')):.0f} MB" if watch else ""
                with open(log, "a") as fh:
                    fh.write(f"{time.strftime('%H:%M:%S')} {el:.0f} s: tree {now / 1024:.0f} MB "
                             f"(peak {peak[0] / 1024:.0f} MB), {count} processes{store}, load {load()}\n")
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


# `write_corpus` in a child: the generated graph (several GB at 500,000) leaves with it.
_GENERATE = """
import json, sys, time
from policykg.synth import write_corpus
t0 = time.perf_counter()
files, g = write_corpus(sys.argv[1], int(sys.argv[2]), seed=int(sys.argv[3]))
out = {"seconds": round(time.perf_counter() - t0, 1), "files": len(files),
       "graph_nodes": g.number_of_nodes(), "graph_edges": g.number_of_edges()}
out["peak_mb"] = round(int([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0]) / 1024, 1)
print(json.dumps(out))
"""


def generate(n: int, corpus: Path, args) -> dict:
    """The corpus of ``n`` documents (kept from an earlier run with ``--reuse``): seconds,
    files, the generated graph's size, the generating process's peak memory."""
    done = corpus.parent / f"{corpus.name}.json"
    if args.reuse and done.exists():
        return {**json.loads(done.read_text()), "reused": True}
    res = subprocess.run([sys.executable, "-c", _GENERATE, str(corpus), str(n), str(args.seed)],
                         capture_output=True, text=True, env=ENV, cwd=ROOT)
    if res.returncode != 0:
        raise SystemExit(f"generating {n}: {res.stderr.strip()[-800:]}")
    out = json.loads(res.stdout.strip().splitlines()[-1])
    done.write_text(json.dumps(out))
    return out


def build(n: int, corpus: Path, db: Path, args, files: int, input_bytes: int) -> dict:
    """`policykg build` as its own process (or the store an earlier run left, ``--reuse``),
    then the store's counts."""
    row: dict = {}
    if args.reuse and db.exists():
        row["reused"] = True
    else:
        t_floor = floor(sorted(corpus.glob("*.txt")))
        log = db.parent / f"build-{n}.log"
        el, tree_kb, res = run_sampled([sys.executable, "-c", _QUERY, "build", str(corpus), "--store", str(db)],
                                       log=log, watch=db)
        if res.returncode != 0:
            raise SystemExit(f"build of {n}: {res.stderr.strip()[-800:]}")
        row = {"seconds": round(el, 1), "documents_s": round(files / el, 1),
               "mb_s": round(input_bytes / 1e6 / el, 2), "vs_floor": round(el / t_floor, 1),
               "writer_peak_mb": round(int(res.stderr.strip().splitlines()[-1]) / 1024, 1),
               "tree_peak_mb": round(tree_kb / 1024, 1)}
    with Store(db) as s:
        s.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        counts = s.index_counts()
    row |= {"nodes": sum(v for k, v in counts.items() if k != "edges"), "edges": counts["edges"]}
    return row


def store_documents(db: Path) -> list[str]:
    """The ids of the documents the store's files gave, in the store's order."""
    with Store(db, readonly=True) as s:
        return [f["doc_id"] for f in s.files()]


def _children_cpu() -> float:
    """CPU seconds (user + system) of the finished child processes so far."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def query_processes(db: Path, refs: list[str]) -> dict:
    """Each `policykg CMD REF --store DB --json` of COMMANDS as a whole process: median and
    p99 seconds over ``refs``, wall and CPU (what a process costs when other work shares the
    cores: the wall time then includes the waits for a core), the highest peak memory of its
    processes, and the REFs it failed on (a command that cannot answer a REF is counted, not
    fatal)."""
    out: dict = {}
    for cmd in COMMANDS:
        times, cpu, peak, failed = [], [], 0, []
        for r in refs:
            t0, c0 = time.perf_counter(), _children_cpu()
            res = subprocess.run([sys.executable, "-c", _QUERY, *cmd, r, "--store", str(db), "--json"],
                                 capture_output=True, text=True, cwd=ROOT, env=ENV)
            times.append(time.perf_counter() - t0)
            cpu.append(_children_cpu() - c0)
            lines = res.stderr.strip().splitlines()
            if lines and lines[-1].isdigit():
                peak = max(peak, int(lines[-1]))
            if res.returncode != 0:
                failed.append({"ref": r, "error": (lines[-2] if len(lines) > 1 else res.stderr)[-200:]})
        out[" ".join(cmd)] = {**_stats(times), "cpu": _stats(cpu), "peak_mb": round(peak / 1024, 1),
                              "failed": len(failed), "failures": failed[:3]}
    out["query_peak_mb"] = max(v["peak_mb"] for v in out.values())
    return out


def _engine_times(store, name: str, refs: list[str], check: list[str]) -> tuple[dict, list]:
    """In-process trace latency of engine ``name`` over ``refs``, and its tops for ``check``."""
    from queries.engine import Source, open_engine

    t0 = time.perf_counter()
    eng = open_engine(name, Source(store=store))
    opened = time.perf_counter() - t0
    try:
        times = []
        for r in refs:
            t1 = time.perf_counter()
            eng.trace_tops(r)
            times.append(time.perf_counter() - t1)
        answers = [sorted(eng.trace_tops(r)) for r in check]
    finally:
        eng.close()
    return {"open_s": round(opened, 2), **_stats(times)}, answers


def in_process(db: Path, refs: list[str], args, whole: bool) -> dict:
    """Trace latency of every engine that runs without a server (``whole``: those that hold
    the whole graph too), and the agreement of their answers on ``args.agree`` random
    documents and tasks; without ``whole``, the store engine against the reference child."""
    try:
        from queries.engine import engine_info, engines
    except ImportError as exc:
        return {"note": f"no engine registry ({exc})"}
    out: dict = {"engines": {}}
    answers: dict[str, list] = {}
    with Store(db, readonly=True) as store:
        rows = store.db.execute("SELECT id FROM graph_nodes WHERE kind IN ('document', 'task') ORDER BY id").fetchall()
        pool = [r[0] for r in rows]
        del rows
        check = random.Random(args.seed + 1).sample(pool, min(args.agree, len(pool)))
        del pool
        for name in engines():
            if engine_info(name).needs_server:
                out["engines"][name] = "needs a server: not run"
            elif name != "store" and not whole:
                out["engines"][name] = f"holds the whole graph: not run above {args.engines_max:,} documents"
            else:
                out["engines"][name], answers[name] = _engine_times(store, name, refs, check)
    if not whole and "agree" not in args.skip:
        ref = reference_answers(db, check, args.whole_reference)
        out["reference"] = {k: v for k, v in ref.items() if k != "answers"}
        if "answers" in ref:
            answers[ref["engine"]] = [ref["answers"][n] for n in check]
    names = sorted(answers)
    if len(names) > 1:
        first = answers[names[0]]
        out["agree"] = {"traces": len(check), "engines": names,
                        "disagreements": sum(1 for i in range(len(check)) if any(answers[n][i] != first[i] for n in names))}
    return out


# The reference answers in a child: queries.lineage.trace_tops on networkx, over the index's
# lineage edges alone ("lineage") or over the whole graph the networkx engine merges from the
# stored facts ("whole").  Prints the answers, the load time and the child's peak memory.
_REFERENCE = """
import json, sqlite3, sys, time
t0 = time.perf_counter()
mode, db, nodes = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3]))
if mode == "whole":
    from graph.store import Store
    from queries.engine import Source, open_engine
    store = Store(db, readonly=True)
    eng = open_engine("networkx", Source(store=store))
    g = eng.g
    tops = eng.trace_tops
else:
    import networkx as nx
    from queries.lineage import LINEAGE, trace_tops
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    g = nx.MultiDiGraph()
    rels = sorted(LINEAGE)
    g.add_edges_from((u, v, k, {}) for u, v, k in con.execute(
        f"SELECT src, dst, key FROM graph_edges WHERE key IN ({','.join('?' * len(rels))})", rels))
    tops = lambda n: trace_tops(g, n) if n in g else set()
out = {"engine": "networkx (" + mode + ")", "load_s": round(time.perf_counter() - t0, 1),
       "nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
out["answers"] = {n: sorted(tops(n)) for n in nodes}
out["peak_mb"] = round(int([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0]) / 1024, 1)
print(json.dumps(out))
"""


def reference_answers(db: Path, check: list[str], whole: bool) -> dict:
    """trace_tops of ``check`` by the networkx reference code in a child process: on the
    whole merged graph when ``whole`` and the machine's available memory is at least 4 kB
    per stored edge (measured: the networkx engine's graph of 100,000 documents, 0.93M
    edges, took 2.4 GB and 215 s to load), else on the index's lineage edges alone."""
    mode = "lineage"
    if whole:
        with Store(db, readonly=True) as s:
            edges = s.index_counts()["edges"]
        avail = int(next(ln for ln in open("/proc/meminfo") if ln.startswith("MemAvailable")).split()[1])
        mode = "whole" if avail >= edges * 4 else "lineage"
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(check, fh)
    try:
        res = subprocess.run([sys.executable, "-c", _REFERENCE, mode, str(db), fh.name],
                             capture_output=True, text=True, env=ENV, cwd=ROOT)
    finally:
        os.unlink(fh.name)
    if res.returncode != 0:
        return {"engine": f"networkx ({mode})", "error": res.stderr.strip()[-500:]}
    return json.loads(res.stdout.strip().splitlines()[-1])


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
        subprocess.run([sys.executable, "-m", "policykg", "--help"], capture_output=True, cwd=ROOT, env=ENV, check=True)
        times.append(time.perf_counter() - t0)
    out = {"median_s": round(statistics.median(times), 3)}
    if out["median_s"] > TARGET_HELP_S:
        out["imports"] = importtime(["--help"])
    return out


def importtime(argv: list[str], top: int = 8) -> list[dict]:
    """The costliest imports (cumulative, µs) of `policykg ARGV`, from python -X importtime."""
    res = subprocess.run([sys.executable, "-X", "importtime", "-c",
                          "import sys; from policykg.cli import cli; cli(sys.argv[1:], prog_name='policykg')", *argv],
                         capture_output=True, text=True, cwd=ROOT, env=ENV)
    rows = []
    for ln in res.stderr.splitlines():
        if ln.startswith("import time:") and "|" in ln and "cumulative" not in ln:
            _, cum, name = (x.strip() for x in ln[len("import time:"):].split("|"))
            if not name.startswith(" ") and "." not in name.strip():
                rows.append({"module": name.strip(), "cumulative_ms": round(int(cum) / 1000, 1)})
    return sorted(rows, key=lambda r: -r["cumulative_ms"])[:top]


def _progress(msg: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {msg} (load {load()})", file=sys.stderr, flush=True)


def run(n: int, args, tmp: Path) -> dict:
    corpus = tmp / f"gen-{n}"
    _progress(f"{n:,}: generating")
    gen = generate(n, corpus, args)
    files = sorted(corpus.glob("*.txt"))
    input_bytes = sum(f.stat().st_size for f in files)
    row: dict = {"documents": n, "files": len(files), "input_mb": round(input_bytes / 1e6, 1),
                 "generate_s": gen["seconds"], "generate": gen, "load_before": load()}
    if "extraction" not in args.skip:
        _progress(f"{n:,}: extraction rates")
        row["extraction"] = measure_extraction(files, args.extract_mb)
    db = tmp / f"kg-{n}.db"
    del files
    _progress(f"{n:,}: build")
    row["build"] = build(n, corpus, db, args, row["files"], input_bytes)
    row["store"] = {"mb": round(db.stat().st_size / 1e6, 1), "bytes_per_input_byte": round(db.stat().st_size / input_bytes, 2)}
    docs = store_documents(db)
    refs = random.Random(args.seed).sample(docs, min(args.refs, len(docs)))
    del docs
    if "queries" not in args.skip:
        _progress(f"{n:,}: whole-process queries")
        row["whole_process"] = query_processes(db, refs)
    if "inprocess" not in args.skip:
        _progress(f"{n:,}: in-process engines")
        row["in_process"] = in_process(db, refs, args, whole=n <= args.engines_max)
    row["load_after"] = load()
    if n == max(args.sizes):
        row["push"] = push(db, args)
        if "whole_process" in row:
            slow = max(row["whole_process"][" ".join(c)]["median_ms"] for c in COMMANDS)
            if slow / 1000 > min(TARGET_QUERY_S.values()):
                row["query_imports"] = importtime(["trace", refs[0], "--store", str(db), "--json"])
    return row


def _line(rows: list[dict], label: str, get) -> None:
    vals = []
    for r in rows:
        try:
            vals.append(f"{get(r):>16}")
        except (KeyError, TypeError):
            vals.append(f"{'-':>16}")
    print(f"{label:40}" + "".join(vals))


def report(res: dict) -> None:
    m = res["machine"]
    print(f"\n{m['date']}, {m['cores']} cores, {m['memory']}, Python {m['python']}, commit {m['commit']}, "
          f"load {m['load_before']}")
    rows = res["sizes"]
    print(f"{'':40}" + "".join(f"{r['documents']:>16,}" for r in rows))

    def line(label: str, get) -> None:
        _line(rows, label, get)

    line("input MB (files)", lambda r: f"{r['input_mb']} ({r['files']})")
    line("generate s / peak MB", lambda r: f"{r['generate']['seconds']} / {r['generate']['peak_mb']:.0f}")
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
    for c in (" ".join(c) for c in COMMANDS):
        line(f"`{c}` process ms med / p99", lambda r, c=c: f"{r['whole_process'][c]['median_ms']:.0f} / "
                                                        f"{r['whole_process'][c]['p99_ms']:.0f}")
        line(f"`{c}` process CPU ms med / p99", lambda r, c=c: f"{r['whole_process'][c]['cpu']['median_ms']:.0f} / "
                                                            f"{r['whole_process'][c]['cpu']['p99_ms']:.0f}")
        line(f"`{c}` peak MB (failed)", lambda r, c=c: f"{r['whole_process'][c]['peak_mb']:.0f} "
                                                    f"({r['whole_process'][c]['failed']})")
    names = sorted({n for r in rows for n, v in r.get("in_process", {}).get("engines", {}).items() if isinstance(v, dict)})
    for n in names:
        line(f"trace in process {n} ms med / p99",
             lambda r, n=n: f"{r['in_process']['engines'][n]['median_ms']} / {r['in_process']['engines'][n]['p99_ms']}")
    line("reference child: load s / peak MB", lambda r: f"{r['in_process']['reference']['load_s']} / "
                                                      f"{r['in_process']['reference']['peak_mb']:.0f}")
    line("traces agreeing across engines", lambda r: f"{r['in_process']['agree']['traces'] - r['in_process']['agree']['disagreements']}"
                                                   f"/{r['in_process']['agree']['traces']}")
    for r in rows:
        if "agree" in r.get("in_process", {}):
            print(f"{r['documents']:,}: agreement between {', '.join(r['in_process']['agree']['engines'])}")
    print(f"`policykg --help`: {res['help']['median_s']} s" + (f"; imports: {res['help']['imports']}" if "imports" in res["help"] else ""))
    for verdict in targets(res):
        print(verdict)
    last = rows[-1]
    if "push" in last:
        print(f"push: {last['push']}")
    if "query_imports" in last:
        print(f"query imports at {last['documents']:,}: {last['query_imports']}")


def targets(res: dict) -> list[str]:
    """Issue 11's scale targets each size's figures bear on, met or missed."""
    out = []
    for r in res["sizes"]:
        n = r["documents"]
        wp = r.get("whole_process")
        limit = TARGET_QUERY_S.get(n)
        if wp and limit:
            worst = max(wp[" ".join(c)]["p99_ms"] for c in COMMANDS)
            med = max(wp[" ".join(c)]["median_ms"] for c in COMMANDS)
            cpu = max(wp[" ".join(c)]["cpu"]["p99_ms"] for c in COMMANDS)
            out.append(f"{n:,}: each query under {limit} s: median {'met' if med < limit * 1000 else 'MISSED'} "
                       f"(worst {med:.0f} ms), p99 {'met' if worst < limit * 1000 else 'MISSED'} (worst {worst:.0f} ms); "
                       f"CPU p99 {'met' if cpu < limit * 1000 else 'MISSED'} (worst {cpu:.0f} ms); "
                       f"memory under {TARGET_QUERY_MB} MB: {'met' if wp['query_peak_mb'] < TARGET_QUERY_MB else 'MISSED'} "
                       f"({wp['query_peak_mb']:.0f} MB)")
        b = r.get("build", {})
        if n >= NATIONAL and "tree_peak_mb" in b:
            gib = b["tree_peak_mb"] / 1024
            out.append(f"{n:,}: national year built in {b['seconds'] / 60:.0f} min, peak {gib:.2f} GiB (process tree): "
                       f"at most {TARGET_BUILD_GIB} GiB {'met' if gib <= TARGET_BUILD_GIB else 'MISSED'}")
    return out


def _args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000", help="documents per corpus, comma-separated")
    ap.add_argument("--national", action="store_true", help=f"one national year: --sizes {NATIONAL}")
    ap.add_argument("--refs", type=int, default=200, help="random documents for the whole-process latency")
    ap.add_argument("--agree", type=int, default=1000, help="random traces compared across engines")
    ap.add_argument("--engines-max", type=int, default=100_000,
                    help="above this many documents, only the store engine runs in this process")
    ap.add_argument("--whole-reference", action="store_true",
                    help="above --engines-max, compare with the networkx engine on the whole graph in a child "
                         "process (when the available memory allows) instead of the lineage edges alone")
    ap.add_argument("--extract-mb", type=float, default=4.0, help="MB of each corpus the extraction rates read")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", default=str(ROOT / "bench" / "scale.json"))
    ap.add_argument("--keep", help="keep the corpora and stores in this folder")
    ap.add_argument("--reuse", action="store_true", help="with --keep: use a corpus or store an earlier run left there")
    ap.add_argument("--skip", default="", help=f"comma-separated parts not to run: {', '.join(SKIPPABLE)}")
    ap.add_argument("--bolt", help="a Bolt server's URI for the push figures (else not measured)")
    ap.add_argument("--bolt-user", default="neo4j")
    ap.add_argument("--bolt-password", default="")
    ap.add_argument("--bolt-db", default="neo4j")
    args = ap.parse_args()
    args.sizes = [NATIONAL] if args.national else [int(x) for x in args.sizes.split(",") if x.strip()]
    args.skip = {x.strip() for x in args.skip.split(",") if x.strip()}
    if args.skip - set(SKIPPABLE):
        ap.error(f"--skip: unknown {', '.join(sorted(args.skip - set(SKIPPABLE)))} (known: {', '.join(SKIPPABLE)})")
    if args.reuse and not args.keep:
        ap.error("--reuse needs --keep")
    return args


def main() -> None:
    args = _args()
    res: dict = {"machine": machine(), "args": {k: sorted(v) if isinstance(v, set) else v for k, v in vars(args).items()
                                                if k != "bolt_password"}, "sizes": []}
    ctx = tempfile.TemporaryDirectory() if not args.keep else None
    tmp = Path(args.keep or ctx.name)
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        res["help"] = help_time() if "help" not in args.skip else {"median_s": "-"}
        for n in args.sizes:
            res["sizes"].append(run(n, args, tmp))
            Path(args.json).write_text(json.dumps(res, ensure_ascii=False, indent=1))
    finally:
        if ctx:
            ctx.cleanup()
    res["machine"]["load_after"] = load()
    Path(args.json).write_text(json.dumps(res, ensure_ascii=False, indent=1))
    report(res)
    print(f"\nJSON: {args.json}")


if __name__ == "__main__":
    main()
