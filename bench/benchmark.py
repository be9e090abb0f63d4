"""Extraction throughput and build time, on the seeds and on the seeds repeated to 50+ MB.

Not a test: run it, read the numbers, compare ratios within one run.

    python bench/benchmark.py            # seeds, then seeds x N (>= 50 MB)
    python bench/benchmark.py --mb 10    # a smaller repeat
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.store import Store  # noqa: E402
from loaders.extract import extract_file  # noqa: E402
from policykg.pipeline import build_corpus  # noqa: E402

CORPUS = ROOT / "data" / "corpus"


def corpus_copy(dest: Path, target_mb: float) -> tuple[int, int]:
    """Copies of the seeds (distinct names) until ``target_mb``; returns (files, bytes)."""
    seeds = sorted(CORPUS.glob("*.txt"))
    total = n = 0
    i = 0
    while total < target_mb * 1e6 or i == 0:
        for s in seeds:
            d = dest / f"r{i:04d}_{s.name}"
            shutil.copyfile(s, d)
            total += d.stat().st_size
            n += 1
        i += 1
    return n, total


def measure(folder: Path, label: str) -> None:
    files = sorted(folder.glob("*.txt"))
    size = sum(f.stat().st_size for f in files)
    t0 = time.perf_counter()
    for f in files:
        extract_file(f)
    t_extract = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "kg.db"
        t0 = time.perf_counter()
        with Store(db) as store:
            report = build_corpus([folder], store)
            t_build = time.perf_counter() - t0
            t0 = time.perf_counter()
            store._graph = None
            g = store.graph()
            t_graph = time.perf_counter() - t0
        db_mb = db.stat().st_size / 1e6
    print(
        f"{label}: {len(files)} files, {size / 1e6:.1f} MB | extract {t_extract:.2f} s = "
        f"{size / 1e6 / t_extract:.2f} MB/s | build (extract + store + graph) {t_build:.2f} s | "
        f"reload graph {t_graph:.2f} s ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges, "
        f"{report.tasks} tasks) | store {db_mb:.1f} MB"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=50.0, help="size of the repeated corpus (MB)")
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}")
    t0 = time.perf_counter()
    extract_file(sorted(CORPUS.glob("*.txt"))[0])  # loads the rule tables, compiles patterns
    print(f"cold start (tables and patterns, first file): {time.perf_counter() - t0:.2f} s")
    measure(CORPUS, "seeds")
    with tempfile.TemporaryDirectory() as tmp:
        n, total = corpus_copy(Path(tmp), args.mb)
        measure(Path(tmp), f"seeds repeated x{n // 5}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
