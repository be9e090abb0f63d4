"""Extraction speed against the I/O floor (issue 11, point 2). Not a test: run it, read the
table, compare ratios within one run.

    python bench/extract_speed.py                     # 10 MB corpus, a 20 MB document
    python bench/extract_speed.py --mb 4 --big-mb 5   # quicker
    python bench/extract_speed.py --profile           # also the top functions of one core
    python bench/extract_speed.py --skip corpus big   # only the 20 MB plan, timed and profiled

What it measures, on one generated corpus (the seeds of ``data/corpus`` and, when present, the
real pages of ``/work/shared/realdocs`` copied under distinct names until ``--mb``):

* the floor: read the bytes, decode UTF-8, NFC-normalize, every file;
* extraction (``loaders.extract.extract_file``) on one core and on all cores (worker
  processes, warmed up first: each compiles the tables once);
* the baseline: the same rules (type words, relation cues, issuer phrases, alias openers,
  named laws, agency names and aliases, deadline and task phrases, the symbol pattern) written
  as one big ``regex`` alternation and scanned over every text; beside it the literal rules
  through one Aho-Corasick automaton (``pyahocorasick``) over the folded text;
* the build (extract, store, merged graph) on one worker and on all cores;
* one large document (a plan's header and one task paragraph repeated) at 1/8, 1/4, 1/2 and
  all of ``--big-mb``, and one long paragraph wrapped at 80 columns (``--wrapped-mb``), each
  in a child process with a time limit, to show the time is linear;
* one large real-looking plan (:func:`policykg.synth.big_plan`: numbered groups of lettered
  and dashed task items, each with its lead and cooperating departments, deadline and
  sometimes a document it follows) at 1/8, 1/2 and all of ``--plan-mb`` (default 20 MB), wall
  and CPU seconds, each in a child process with a time limit, and a profile of the whole
  size in another child (top ``--plan-top`` functions by own time): issue 11's "a 20 MB
  document in under 5 s".

Prints a table and writes JSON (``--json``, default ``bench/extract_speed.json``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import json
import multiprocessing as mp
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.store import Store  # noqa: E402
from loaders.extract import extract_file, iter_corpus  # noqa: E402
from policykg.pipeline import build_corpus  # noqa: E402

SEEDS = ROOT / "data" / "corpus"
PAGES = Path("/work/shared/realdocs")

# One task paragraph of a plan, repeated to make one large document.
HEADER = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 154/KH-UBND
Hà Tĩnh, ngày 05 tháng 5 năm 2023
KẾ HOẠCH
Triển khai thực hiện Chương trình hành động số 26-CTr/TU ngày 07/02/2023 của Tỉnh ủy
Thực hiện Chương trình hành động số 26-CTr/TU ngày 07/02/2023 của Tỉnh ủy về thực hiện Nghị quyết số 29-NQ/TW ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng, UBND tỉnh ban hành Kế hoạch thực hiện như sau:
I. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU
"""
PARAGRAPH = (
    "- Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính, Sở Công Thương và UBND các "
    "huyện, thành phố, thị xã tham mưu triển khai thực hiện hiệu quả Nghị quyết số "
    "95/2022/NQ-HĐND ngày 16/12/2022 của Hội đồng nhân dân tỉnh và Quyết định số 165/QĐ-TTg "
    "ngày 28/02/2023 của Thủ tướng Chính phủ; hoàn thành trong Quý II/2023.\n"
)


def load() -> str:
    try:
        return open("/proc/loadavg").read().split()[0]
    except OSError:
        return "?"


def machine() -> dict:
    mem = ""
    try:
        kb = int(next(ln for ln in open("/proc/meminfo") if ln.startswith("MemTotal")).split()[1])
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = ""
    return {"machine": platform.machine(), "cores": os.cpu_count(), "memory": mem,
            "python": platform.python_version(), "system": platform.system(),
            "date": dt.date.today().isoformat(), "commit": commit, "load_before": load()}


def make_corpus(dest: Path, target_mb: float, pages: Path | None) -> list[Path]:
    """Seeds and real pages, copied under distinct names, until ``target_mb``."""
    sources = sorted(SEEDS.glob("*.txt"))
    if pages is not None and pages.is_dir():
        sources += sorted(pages.glob("*.md"))
    total, i, out = 0, 0, []
    while total < target_mb * 1e6:
        for s in sources:
            d = dest / f"r{i:04d}_{s.name}"
            shutil.copyfile(s, d)
            total += d.stat().st_size
            out.append(d)
            if total >= target_mb * 1e6:
                break
        i += 1
    return sorted(out)


def floor(files: list[Path]) -> float:
    """Seconds to read, decode and NFC-normalize every file."""
    t0 = time.perf_counter()
    for f in files:
        unicodedata.normalize("NFC", f.read_bytes().decode("utf-8"))
    return time.perf_counter() - t0


def _extract_one(path: str):
    return extract_file(path)


def _warm(_: int) -> int:
    extract_file(sorted(SEEDS.glob("*.txt"))[0])
    return os.getpid()


def extract_serial(files: list[Path]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process): on a machine other work shares, the CPU
    seconds are the per-core figure."""
    t0, c0 = time.perf_counter(), time.process_time()
    for f in files:
        extract_file(f)
    return time.perf_counter() - t0, time.process_time() - c0


def extract_parallel(files: list[Path], workers: int) -> float:
    """All cores, warmed workers, results brought back to the parent (as a build does)."""
    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    with ctx.Pool(workers) as pool:
        pool.map(_warm, range(workers * 2))
        t0 = time.perf_counter()
        for _ in pool.imap(_extract_one, [str(f) for f in files], chunksize=1):
            pass
        return time.perf_counter() - t0


# ------------------------------------------------------------------------ baseline rules


def _rules() -> tuple[list[str], list[str]]:
    """(literal phrases, regex branches) of the rule tables, as extraction uses them."""
    import regex

    from loaders.rules import load_table

    refs = load_table("references")
    laws = load_table("laws")
    agencies = load_table("agencies")
    deadlines = load_table("deadlines")
    tasks = load_table("tasks")
    lit: list[str] = []
    lit += list(refs["type_words"])
    for words in refs["relation_cues"].values():
        lit += words
    lit += [p.strip() for p in refs["issuer_phrases"]]
    lit += refs["alias"]["openers"]
    for k in ("passive_cues", "partial_cues", "whole_object_lead"):
        lit += refs["own_act"][k]
    lit += refs["change"]["repeal_cues"] + refs["change"]["replace_cues"]
    lit += refs["preamble"]["clause_openers"]
    lit += laws["names"]
    for kind in ("agency", "unit", "group"):
        for row in agencies.get(kind, []):
            lit += [row["name"], *row.get("aliases", [])]
    lit += agencies["pattern"]["heads"]
    lit = sorted({w for w in lit if w.strip()}, key=len, reverse=True)
    branches = [r["pattern"] for r in deadlines["rule"]]
    roles = tasks["roles"]
    branches += [roles["lead_cue"], roles["cooperating_cue"], *roles["head_words"]]
    branches += list(tasks["labels"].values())
    named = regex.compile(r"\(\?P<\w+>")
    branches = [named.sub("(?:", b) for b in branches]
    return lit, branches


def baseline_pattern():
    import regex

    from loaders.patterns import patterns
    from loaders.rules import alternation

    lit, branches = _rules()
    sym = patterns().symbol.pattern
    parts = [f"(?:{sym})", alternation(lit)] + [f"(?:{b})" for b in branches]
    return regex.compile("|".join(parts), regex.I | regex.V1 | regex.VERBOSE)


def baseline(texts: list[str]) -> tuple[float, int]:
    pat = baseline_pattern()
    t0 = time.perf_counter()
    n = 0
    for t in texts:
        for _ in pat.finditer(t):
            n += 1
    return time.perf_counter() - t0, n


def literal_scans(texts: list[str]) -> dict:
    """The literal rules alone: one big alternation vs one Aho-Corasick automaton over the
    folded text (agencies.match_key keeps offsets), with a word-boundary check per hit."""
    import ahocorasick
    import regex

    from loaders.agencies import match_key
    from loaders.rules import alternation

    lit, _ = _rules()
    alt = regex.compile(rf"(?<!\w){alternation(lit)}(?!\w)", regex.I | regex.V1)
    t0 = time.perf_counter()
    n_alt = sum(1 for t in texts for _ in alt.finditer(t))
    t_alt = time.perf_counter() - t0
    a = ahocorasick.Automaton()
    for w in lit:
        k = " ".join(match_key(w).split())
        a.add_word(k, len(k))
    a.make_automaton()
    t0 = time.perf_counter()
    n_ac = 0
    for t in texts:
        key = match_key(t)
        for end, n in a.iter_long(key):
            s = end - n + 1
            if (s == 0 or not key[s - 1].isalnum()) and (end + 1 >= len(key) or not key[end + 1].isalnum()):
                n_ac += 1
    t_ac = time.perf_counter() - t0
    return {"alternation_s": t_alt, "alternation_hits": n_alt, "aho_corasick_s": t_ac, "aho_corasick_hits": n_ac}


# -------------------------------------------------------------------------------- build


def build(folder: Path, workers: int | None) -> tuple[float, dict]:
    kwargs = {}
    if "workers" in inspect.signature(build_corpus).parameters:
        kwargs["workers"] = workers
    elif workers not in (None, 1):
        return float("nan"), {}
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        with Store(Path(tmp) / "kg.db") as store:
            report = build_corpus([folder], store, **kwargs)
        el = time.perf_counter() - t0
    return el, {"documents": report.documents, "tasks": report.tasks, "edges": report.edges,
                "failed": len(report.failed)}


# ---------------------------------------------------------------------------- large doc

_BIG_CHILD = """
import sys, time
sys.path.insert(0, {root!r})
from loaders.extract import extract_file
extract_file({seed!r})
t0 = time.perf_counter()
ex = extract_file({path!r})
print(time.perf_counter() - t0, len(ex.tasks), len(ex.references))
"""


def _wrapped(n: int) -> str:
    """One paragraph of ``n`` sentences, wrapped at 80 columns as a PDF text layer is."""
    import textwrap

    body = " ".join(PARAGRAPH[2:].strip() for _ in range(n))
    return "\n".join(textwrap.wrap(body, 80, break_long_words=False, break_on_hyphens=False)) + "\n"


def big_document(dest: Path, mb: float, limit: float, *, wrapped: bool = False) -> list[dict]:
    """A plan with one task paragraph repeated (a line each), or with ``wrapped`` one long
    paragraph wrapped at 80 columns, at 1/8, 1/4, 1/2 and all of ``mb``."""
    rows = []
    seed = str(sorted(SEEDS.glob("*.txt"))[0])
    for share in (0.125, 0.25, 0.5, 1.0):
        size = mb * share
        n = max(1, int(size * 1e6 / len(PARAGRAPH.encode())))
        f = dest / f"big_{share}.txt"
        f.write_text(HEADER + (_wrapped(n) if wrapped else PARAGRAPH * n), encoding="utf-8")
        real = f.stat().st_size / 1e6
        try:
            out = subprocess.run([sys.executable, "-c", _BIG_CHILD.format(root=str(ROOT), seed=seed, path=str(f))],
                                 capture_output=True, text=True, timeout=limit)
            secs, tasks, refs = out.stdout.split()
            rows.append({"mb": real, "seconds": float(secs), "tasks": int(tasks), "references": int(refs),
                         "wrapped": wrapped})
        except subprocess.TimeoutExpired:
            rows.append({"mb": real, "seconds": None, "limit": limit, "wrapped": wrapped})
            break
        except ValueError:
            rows.append({"mb": real, "seconds": None, "error": out.stderr[-300:], "wrapped": wrapped})
            break
        f.unlink()
    return rows


# ---------------------------------------------------------------------------- large plan

# Read and normalize as read_document does, past the reader's character limit when a size
# passes it (limits.toml [text] max_chars: 24 million; 20 MB of Vietnamese is about 15
# million characters): the time is the extraction's, the limit is reported beside it.
_PLAN_CHILD = """
import sys, time
from loaders.extract import extract_file, extract_text, file_sha256
from loaders.normalize import normalize_text
from loaders.readers import limits
extract_file({seed!r})
t0, c0 = time.perf_counter(), time.process_time()
if {top}:
    import cProfile, io, pstats
    pr = cProfile.Profile(time.process_time)  # CPU time: a shared machine's waits are not charged
    pr.enable()
text = normalize_text(open({path!r}, encoding="utf-8").read())
ex = extract_text(text, path={path!r}, sha256=file_sha256({path!r}))
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
if {top}:
    pr.disable()
    buf = io.StringIO()
    pstats.Stats(pr, stream=buf).sort_stats("tottime").print_stats({top})
    print(buf.getvalue(), file=sys.stderr)
peak = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0]
print(wall, cpu, len(ex.tasks), len(ex.references), peak, len(text), limits().max_chars)
"""


def _plan_child(path: Path, limit: float, top: int = 0) -> dict:
    """Reading, normalizing and extracting one file in a child process (this checkout first on
    its path): wall and CPU seconds, tasks, references, peak MB, characters and whether they
    pass the reader's limit; with ``top``, under cProfile, and the profile's top functions
    by own time."""
    seed = str(sorted(SEEDS.glob("*.txt"))[0])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]))
    row: dict = {"mb": round(path.stat().st_size / 1e6, 2), "profiled": bool(top)}
    try:
        out = subprocess.run([sys.executable, "-c", _PLAN_CHILD.format(seed=seed, path=str(path), top=top)],
                             capture_output=True, text=True, timeout=limit, env=env, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return row | {"seconds": None, "limit": limit}
    try:
        wall, cpu, tasks, refs, peak, chars, limit = out.stdout.split()
    except ValueError:
        return row | {"seconds": None, "error": out.stderr[-300:]}
    row |= {"seconds": round(float(wall), 2), "cpu_s": round(float(cpu), 2), "tasks": int(tasks),
            "references": int(refs), "peak_mb": round(int(peak) / 1024, 1), "chars": int(chars),
            "over_limit": int(chars) > int(limit), "max_chars": int(limit)}
    if top:
        row["profile"] = out.stderr.strip()
    return row


def plan_document(dest: Path, mb: float, limit: float, top: int) -> list[dict]:
    """:func:`policykg.synth.big_plan` at 1/8, 1/2 and all of ``mb``, timed; then the whole
    size again under cProfile (``top`` > 0)."""
    from policykg.synth import big_plan

    rows = []
    for share in (0.125, 0.5, 1.0):
        f = dest / f"plan_{share}.txt"
        f.write_text(big_plan(int(mb * share * 1e6)), encoding="utf-8")
        rows.append(_plan_child(f, limit) | {"share": share})
        if rows[-1]["seconds"] is None:
            break
        if share < 1.0:
            f.unlink()
    if top and rows[-1].get("seconds") is not None:
        rows.append(_plan_child(f, limit * 3, top) | {"share": 1.0})
    return rows


# --------------------------------------------------------------------------------- main


def corpus_measures(res: dict, tmp: Path, args) -> None:
    """The corpus's floor, extraction on one and all cores, the baseline, the build, and the
    repeated-paragraph documents, into ``res``."""
    corpus = tmp / "corpus"
    corpus.mkdir()
    files = make_corpus(corpus, args.mb, args.pages)
    mb = sum(f.stat().st_size for f in files) / 1e6
    res["corpus"] = {"files": len(files), "mb": mb}
    print(f"corpus: {len(files)} files, {mb:.2f} MB")
    res["floor_s"] = floor(files)
    texts = [unicodedata.normalize("NFC", f.read_bytes().decode("utf-8")) for f in files]
    if args.profile:
        import cProfile
        import pstats

        pr = cProfile.Profile()
        pr.enable()
        extract_serial(files)
        pr.disable()
        pstats.Stats(pr).sort_stats("cumulative").print_stats(40)
    res["extract_1_s"], res["extract_1_cpu_s"] = extract_serial(files)
    print(f"extract, 1 core: {res['extract_1_s']:.2f} s ({res['extract_1_cpu_s']:.2f} s CPU)")
    if "parallel" not in args.skip and args.workers > 1:
        res["extract_n_s"] = extract_parallel(files, args.workers)
        print(f"extract, {args.workers} workers: {res['extract_n_s']:.2f} s")
    if "baseline" not in args.skip:
        res["baseline_s"], res["baseline_hits"] = baseline(texts)
        res["literal_scans"] = literal_scans(texts)
        print(f"baseline (one alternation): {res['baseline_s']:.2f} s")
    if "build" not in args.skip:
        res["build_1_s"], res["build_report"] = build(corpus, 1)
        print(f"build, 1 worker: {res['build_1_s']:.2f} s")
        if args.workers > 1:
            res["build_n_s"], _ = build(corpus, args.workers)
            print(f"build, {args.workers} workers: {res['build_n_s']:.2f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0, help="size of the generated corpus (MB)")
    ap.add_argument("--big-mb", type=float, default=20.0, help="size of the large document (MB)")
    ap.add_argument("--big-limit", type=float, default=120.0, help="seconds allowed per large document")
    ap.add_argument("--wrapped-mb", type=float, default=2.0, help="size of the long wrapped paragraph (MB)")
    ap.add_argument("--plan-mb", type=float, default=20.0, help="size of the large real-looking plan (MB)")
    ap.add_argument("--plan-limit", type=float, default=900.0, help="seconds allowed per large plan (3x profiled)")
    ap.add_argument("--plan-top", type=int, default=25, help="functions of the large plan's profile (0: none)")
    ap.add_argument("--pages", type=Path, default=PAGES, help="folder of real .md pages to mix in")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--skip", nargs="*", default=[], choices=["corpus", "build", "big", "parallel", "baseline", "plan"])
    ap.add_argument("--profile", action="store_true", help="print the top functions of one core")
    ap.add_argument("--json", type=Path, default=ROOT / "bench" / "extract_speed.json")
    args = ap.parse_args()
    res: dict = {"machine": machine(), "workers": args.workers}
    print(" ".join(f"{k}={v}" for k, v in res["machine"].items()))
    t0 = time.perf_counter()
    _warm(0)
    res["cold_start_s"] = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if "corpus" not in args.skip:
            corpus_measures(res, tmp, args)
        if "big" not in args.skip:
            res["big"] = big_document(tmp, args.big_mb, args.big_limit)
            res["wrapped"] = big_document(tmp, args.wrapped_mb, args.big_limit, wrapped=True)
        if "plan" not in args.skip:
            res["plan"] = plan_document(tmp, args.plan_mb, args.plan_limit, args.plan_top)
    res["machine"]["load_after"] = load()
    report(res, res.get("corpus", {}).get("mb", 0.0), args.workers)
    args.json.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {args.json}")


def report(res: dict, mb: float, workers: int) -> None:
    rows = _corpus_rows(res, mb, workers) if "corpus" in res else []
    for row in res.get("big", []) + res.get("wrapped", []):
        what = "one long wrapped paragraph" if row.get("wrapped") else "one document"
        if row.get("seconds") is None:
            rows.append((f"{what} of {row['mb']:.1f} MB", f"> {row.get('limit', '?')} s", "", row.get("error", "stopped")))
        else:
            mark = ""
            if row is res["big"][-1]:
                mark = f"target < 5 s: {'met' if row['seconds'] < 5 else 'missed'}"
            rows.append((f"{what} of {row['mb']:.1f} MB", f"{row['seconds']:.2f} s",
                         f"{row['mb'] / row['seconds']:.2f} MB/s", mark))
    rows += _plan_rows(res.get("plan", []))
    print()
    print("| measure | time | throughput | note |")
    print("|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print(f"\ncold start (tables and patterns): {res['cold_start_s']:.2f} s")
    for row in res.get("plan", []):
        if row.get("profile"):
            print(f"\nprofile of the {row['mb']:.1f} MB plan (top functions by own time):\n{row['profile']}")


def _plan_rows(plan: list[dict]) -> list[tuple[str, str, str, str]]:
    rows = []
    for row in plan:
        what = f"one plan of {row['mb']:.1f} MB" + (" (profiled)" if row.get("profiled") else "")
        if row.get("seconds") is None:
            rows.append((what, f"> {row.get('limit', '?')} s", "", row.get("error", "stopped")))
            continue
        mark = f"{row['tasks']} tasks, {row['references']} references, peak {row['peak_mb']:.0f} MB"
        if row.get("over_limit"):
            mark += f"; {row['chars']:,} characters: over the reader's limit ({row['max_chars']:,}), timed past it"
        if row.get("share") == 1.0 and not row.get("profiled") and row["mb"] >= 19.5:
            mark += f"; target 20 MB < 5 s: {'met' if row['seconds'] < 5 else 'missed'}"
        rows.append((what, f"{row['seconds']:.2f} s ({row['cpu_s']:.2f} s CPU)",
                     f"{row['mb'] / row['cpu_s']:.2f} MB per CPU s", mark))
    return rows


def _corpus_rows(res: dict, mb: float, workers: int) -> list[tuple[str, str, str, str]]:
    floor_s = res["floor_s"]
    rows = [("read + decode + NFC (floor)", f"{floor_s:.2f} s", f"{mb / floor_s:.1f} MB/s", "")]
    one = mb / res["extract_1_s"]
    cpu = mb / res["extract_1_cpu_s"]
    rows.append(("extraction, 1 core", f"{res['extract_1_s']:.2f} s ({res['extract_1_cpu_s']:.2f} s CPU)",
                 f"{one:.2f} MB/s ({cpu:.2f} per CPU s)",
                 f"target ≥ 10 MB/s per core: {'met' if cpu >= 10 else f'missed ({cpu / 10:.0%} of it)'}"))
    if "extract_n_s" in res:
        n = mb / res["extract_n_s"]
        rows.append((f"extraction, {workers} workers", f"{res['extract_n_s']:.2f} s", f"{n:.2f} MB/s",
                     f"{n / workers:.2f} MB/s per core, {res['extract_1_s'] / res['extract_n_s']:.2f}× one core"))
    if "baseline_s" in res:
        b = mb / res["baseline_s"]
        ratio = one / b
        rows.append(("baseline: the rules as one alternation (scan only)", f"{res['baseline_s']:.2f} s",
                     f"{b:.2f} MB/s", f"extraction / baseline = {ratio:.2f}× (target ≥ 3×: "
                     f"{'met' if ratio >= 3 else 'missed'})"))
        ls = res["literal_scans"]
        rows.append(("literal rules: one alternation / one Aho-Corasick automaton",
                     f"{ls['alternation_s']:.2f} s / {ls['aho_corasick_s']:.2f} s",
                     f"{mb / ls['alternation_s']:.1f} / {mb / ls['aho_corasick_s']:.1f} MB/s",
                     f"{ls['alternation_s'] / ls['aho_corasick_s']:.1f}× ({ls['alternation_hits']} / "
                     f"{ls['aho_corasick_hits']} hits)"))
    for key, label in (("build_1_s", "build, 1 worker"), ("build_n_s", f"build, {workers} workers")):
        if key in res and res[key] == res[key]:
            r = res[key] / floor_s
            rows.append((label, f"{res[key]:.2f} s", f"{mb / res[key]:.2f} MB/s",
                         f"{r:.0f}× the floor (target ≤ 10×: {'met' if r <= 10 else 'missed'})"))
    return rows


if __name__ == "__main__":
    main()
