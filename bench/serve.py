"""Latency of the served pages (``policykg serve``) on large generated stores.

Not a test: run it and read the figures (they swing with machine load).

    python bench/serve.py                        # 100,000 generated documents
    python bench/serve.py --documents 10000 100000 --sample 200

For each size: a store whose index holds a generated graph (policykg/synth.py, the same
generator as bench/queries.py); then, through the WSGI application itself (Flask's test
client: routing, parameter checks, the library, the page rendered; no socket), median and p99
over ``--sample`` random requests of:

  * search: a number-symbol as users type it ("154 KH UBND"), two or three title words
    without diacritics, an agency name;
  * the document page of a random ingested document (dossier + page);
  * the lineage graph page of a random document, and one expansion of its neighbourhood.

Targets (issue 10): search under 100 ms, a document page under 300 ms at 100,000 documents.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.ids import fold  # noqa: E402
from policykg.server import create_app  # noqa: E402
from policykg.synth import synth_store  # noqa: E402


def _stats(times: list[float]) -> dict:
    times = sorted(times)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    return {"median_ms": round(statistics.median(times) * 1000, 1), "p99_ms": round(p99 * 1000, 1),
            "max_ms": round(times[-1] * 1000, 1)}


def _queries(g, rng: random.Random, n: int) -> list[str]:
    docs = [d for _, d in g.nodes(data=True) if d.get("kind") == "document" and d.get("title")]
    agencies = [d["name"] for _, d in g.nodes(data=True) if d.get("kind") == "agency" and d.get("name")]
    out = []
    for i in range(n):
        d = rng.choice(docs)
        if i % 3 == 0 and d.get("number_symbol"):
            out.append(" ".join(d["number_symbol"].replace("/", " ").replace("-", " ").split()))
        elif i % 3 == 1 or not agencies:
            words = [w for w in fold(d["title"]).split() if len(w) > 2]
            k = rng.randint(2, 3)
            start = rng.randrange(max(1, len(words) - k))
            out.append(" ".join(words[start:start + k]))
        else:
            out.append(rng.choice(agencies))
    return out


def _time(client, urls: list[str]) -> tuple[dict, list[str]]:
    times, bad = [], []
    for u in urls:
        t0 = time.perf_counter()
        resp = client.get(u)
        resp.get_data()
        times.append(time.perf_counter() - t0)
        if resp.status_code != 200:
            bad.append(f"{resp.status_code} {u}")
    return _stats(times), bad


def run(n_docs: int, sample: int, tmp: Path) -> dict:
    db = tmp / f"serve-{n_docs}.db"
    g, t_make, t_index = synth_store(n_docs, db)
    rng = random.Random(11)
    docs = sorted(n for n, d in g.nodes(data=True) if d.get("kind") == "document" and d.get("in_corpus"))
    refs = rng.sample(docs, min(sample, len(docs)))
    queries = _queries(g, rng, sample)
    row = {"documents": n_docs, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
           "generate_s": round(t_make, 1), "index_write_s": round(t_index, 1),
           "store_mb": round(db.stat().st_size / 1e6, 1)}
    del g
    client = create_app(db).test_client()
    client.get("/?q=warm")  # the first request opens the store in this thread
    problems: list[str] = []
    for name, urls in (
        ("search", ["/?q=" + quote(q) for q in queries]),
        ("document page", ["/document?id=" + quote(r, safe="") for r in refs]),
        ("graph page", ["/graph?id=" + quote(r, safe="") for r in refs[: max(1, sample // 4)]]),
        ("expand", ["/api/expand?id=" + quote(r, safe="") for r in refs[: max(1, sample // 4)]]),
    ):
        row[name], bad = _time(client, urls)
        problems += bad
    row["non_200"] = problems[:10]
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--documents", type=int, nargs="*", default=[100_000])
    ap.add_argument("--sample", type=int, default=200, help="Requests of each kind per size.")
    ap.add_argument("--json", type=Path, default=None, help="Also write the rows here.")
    args = ap.parse_args()
    head = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
            "date": time.strftime("%Y-%m-%d")}
    print(json.dumps(head))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.documents:
            rows.append(run(n, args.sample, Path(tmp)))
            print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
    if args.json:
        args.json.write_text(json.dumps({**head, "rows": rows}, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
