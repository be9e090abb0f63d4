"""Application services the CLI calls: build a store from files, summarize lineage.

Loaders read and extract, the store persists; this module only sequences them.
"""

from __future__ import annotations

import dataclasses
import os
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import LoadError, StoreError
from graph.store import Store
from graph.vocab import rules_fingerprint
from loaders.extract import extract_file, extract_text, file_sha256, iter_corpus

# A build reads its files in worker processes (one per core) when what it has to read is at
# least this large; below it, starting the workers costs more than they save.
PARALLEL_MIN_BYTES = 2_000_000
# Extractions in flight or waiting for the writer, per worker: bounds the memory of a build.
_AHEAD = 4
# The store's meta key for the fingerprint of the rules its facts were extracted with.
RULES_KEY = "rules"

__all__ = ["BuildReport", "build_corpus", "canonical_path", "store_conflicts"]


@dataclass
class BuildReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    removed: list[str] = field(default_factory=list)  # left a built folder: facts withdrawn
    withdrawn: list[str] = field(default_factory=list)  # failed now: earlier facts withdrawn
    reread: list[str] = field(default_factory=list)  # stored files read again: the rules changed
    documents: int = 0
    references: int = 0
    edges: int = 0
    tasks: int = 0
    agencies: int = 0
    conflicts: int = 0

    def to_dict(self) -> dict:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "failed": [{"path": p, "reason": r} for p, r in self.failed],
            "removed": self.removed,
            "withdrawn": self.withdrawn,
            "reread": self.reread,
            "documents": self.documents,
            "references": self.references,
            "edges": self.edges,
            "tasks": self.tasks,
            "agencies": self.agencies,
            "conflicts": self.conflicts,
        }


# the files a store keeps beside itself: its write-ahead log, shared memory, journal, lock
STORE_SIDECARS = ("", "-wal", "-shm", "-journal", ".lock")


def corpus_files(paths, store_path: str | os.PathLike | None = None) -> list[Path]:
    """:func:`loaders.extract.iter_corpus` of ``paths`` without the store's own files: a store
    kept in the folder it reads ("policykg build . --store plans.db") is no document of it."""
    own = {canonical_path(f"{store_path}{s}") for s in STORE_SIDECARS} if store_path is not None else set()
    return [f for f in iter_corpus(paths) if not own or canonical_path(f) not in own]


def canonical_path(path: str | os.PathLike) -> str:
    """The one spelling of a file's path the store keeps: absolute, symlinks resolved, so
    that `corpus/a.txt`, `./corpus/a.txt` and `$PWD/corpus/a.txt` are one source."""
    return str(Path(path).resolve())


def _under(path: str, folder: str) -> bool:
    return path.startswith(folder.rstrip(os.sep) + os.sep)


def build_corpus(
    paths: Iterable[str | os.PathLike],
    store: Store,
    *,
    progress: Callable[[str], None] | None = None,
    on_error: Callable[[str, str], None] | None = None,
    on_wait: Callable[[str], None] | None = None,
    workers: int | None = None,
) -> BuildReport:
    """Bring ``store`` up to date with the files under ``paths``, in one transaction.

    What a build means (README, "Building"):

    - each file is one source, under one canonical path (:func:`canonical_path`);
    - an unchanged file (same SHA-256) is not re-read; a changed one replaces its facts;
    - unless the rules changed since the last build (the tables, a ``--tables`` overlay or
      policykg's version: :func:`graph.vocab.rules_fingerprint`, kept in the store): then
      every stored file still on disk is read again, in the folders built or not
      (``reread``), so that no fact outlives the rules it was extracted with;
    - a folder is a source too: a stored file that is no longer in a folder being built
      leaves the store (``removed``);
    - a file that cannot be read now (junk, unreadable, too large) is reported with its
      reason (``on_error(path, reason)``) and the rest of the batch goes on; facts it gave
      earlier are withdrawn (``withdrawn``), since the file no longer says them;
    - a path that does not exist at all (a typo, an unmounted disk) is reported and
      withdraws nothing;
    - a storage failure (disk full, read-only or damaged store) ends the whole batch with a
      :class:`~graph.errors.StoreError`; the transaction rolls back and the store keeps its
      previous state exactly, as it does when the build is interrupted or killed.

    Two builds of one store do not interleave: the second waits for the first (``on_wait``
    is told who holds the store).

    Files are read and extracted in worker processes, one per core, when there is enough
    to read (:data:`PARALLEL_MIN_BYTES`); this process alone writes the store, in file order,
    so the store, the report, the progress calls and the error lines are those of a build
    in one process.

    Args:
        paths: files and directories.
        store: the open store.
        progress: called with each file's path once it is done.
        on_error: called with (path, reason) for each failed file.
        on_wait: called with the holder's description when another build holds the store.
        workers: extraction processes; None chooses (every core when there is enough to
            read), 1 extracts in this process.
    """
    paths = list(paths)
    report = BuildReport()
    rules = rules_fingerprint()
    files: dict[str, Path] = {}
    for f in corpus_files(paths, store.path):
        files.setdefault(canonical_path(f), Path(f))
    folders = [canonical_path(p) for p in paths if Path(p).is_dir()]

    def fail(path: str, reason: str, stored: set[str]) -> None:
        report.failed.append((path, reason))
        if on_error:
            on_error(path, reason)
        if path in stored and os.path.lexists(path):
            store.remove_file(path)
            report.withdrawn.append(path)

    with store.writer(on_wait), store.transaction():
        stored = _forget_removed(store, files, folders, report)
        force = _stale(store, rules, stored, files)
        n = _workers(workers, files)
        if n > 1:
            _ingest_parallel(files, store, report, n, progress, lambda p, r: fail(p, r, stored), force)
        else:
            _ingest_serial(files, store, report, progress, lambda p, r: fail(p, r, stored), force)
        report.reread = [p for p in report.updated if p in force]
        store.set_meta(RULES_KEY, rules)
        store.save_merged()  # the indexed merged graph the queries read, in the same transaction
    store.forget_graph()  # the counts and the conflict check read the index
    _count(store, report)
    return report


def _forget_removed(store: Store, files: dict[str, Path], folders: list[str], report: BuildReport) -> set[str]:
    """Drop the stored files gone from the folders being built (and paths stored as typed by
    an old store); returns the stored paths that remain."""
    stored = {f["path"] for f in store.files()}
    for old in sorted(stored):
        if not os.path.isabs(old):
            # a store written before paths were canonical kept them as typed
            store.remove_file(old)
        elif old not in files and any(_under(old, d) for d in folders):
            store.remove_file(old)
            report.removed.append(old)
    return {p for p in stored if os.path.isabs(p)} - set(report.removed)


def _stale(store: Store, rules: str, stored: set[str], files: dict[str, Path]) -> set[str]:
    """The stored files to read again because the rules changed since the last build (or the
    store does not say which rules it was built with): every one still on disk, those outside
    the paths being built added to ``files``; none when the rules are those of the last build."""
    if store.get_meta(RULES_KEY) == rules or not stored:
        return set()
    for path in sorted(stored - files.keys()):
        if os.path.isfile(path):
            files[path] = Path(path)
    return stored & files.keys()


def _ingest_serial(files: dict[str, Path], store: Store, report: BuildReport,
                   progress: Callable[[str], None] | None, fail: Callable[[str, str], None],
                   force: set[str] = frozenset()) -> None:
    """Extract and ingest the changed files (and those in ``force``) in this process, in file
    order."""
    for path in files:
        try:
            if path not in force and store.file_hash(path) == file_sha256(path):
                report.unchanged.append(path)
            else:
                status = store.ingest(extract_file(path), force=path in force)
                (report.added if status == "added" else report.updated).append(path)
        except StoreError:
            raise  # the store itself failed: the whole batch rolls back
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
            fail(path, _reason(exc))
        if progress:
            progress(path)


def _count(store: Store, report: BuildReport) -> None:
    """The report's totals, from the merged index."""
    counts, rels = store.index_counts(), store.index_edge_counts()
    report.documents = counts.get("document", 0)
    report.tasks = counts.get("task", 0)
    report.agencies = counts.get("agency", 0)
    report.references = sum(rels.get(k, 0) for k in ("implements", "replaces", "amends", "based_on", "cites"))
    report.edges = counts["edges"]
    from queries.conflicts import iter_store_conflicts

    report.conflicts = sum(1 for _ in iter_store_conflicts(store))


def _reason(exc: Exception) -> str:
    """The one-line reason a file failed, for its ``Error: file: reason`` line."""
    if isinstance(exc, LoadError):
        return exc.reason
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return f"could not be extracted ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})"


def _workers(asked: int | None, files: dict[str, Path]) -> int:
    """How many extraction processes a build uses."""
    if asked is not None:
        return max(1, min(asked, len(files)))
    cores = os.cpu_count() or 1
    if cores < 2 or len(files) < 2:
        return 1
    size = 0
    for path in files:
        try:
            size += os.stat(path).st_size
        except OSError:
            continue
        if size >= PARALLEL_MIN_BYTES:
            return min(cores, len(files))
    return 1


# A small plan exercising every extractor: read once in the parent before the workers are
# forked, so each starts with the rule tables loaded and the patterns compiled.
_WARM_TEXT = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
Số: 1/KH-UBND
Hà Tĩnh, ngày 05 tháng 5 năm 2023
KẾ HOẠCH
Thực hiện Nghị quyết số 29-NQ/TW ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng
Căn cứ Luật Đầu tư năm 2020; thực hiện Chương trình 26 (sau đây gọi là Chương trình 26):
I. NHIỆM VỤ
1. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các sở, ban, ngành tham mưu; hoàn thành trong Quý II/2023.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 16/2007/QĐ-UBND.
"""


def _worker_init() -> None:
    """A worker leaves Ctrl-C to the build (which stops the pool) and dies with it, even
    when the build is killed (it holds a copy of the store's lock file descriptor)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        import threading
        import time

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(0.2)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()
    if os.getppid() != parent:
        os._exit(1)


def _extract_job(path: str) -> tuple[str, object]:
    """In a worker: ("ok", extraction) or ("failed", reason) or ("raise", StoreError)."""
    try:
        ex = extract_file(path)
    except StoreError as exc:
        return "raise", exc
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
        return "failed", _reason(exc)
    # the extractors' view (layout) is never stored: not worth sending back
    return "ok", dataclasses.replace(ex, layout=None)


def _ingest_parallel(files: dict[str, Path], store: Store, report: BuildReport, n: int,
                     progress: Callable[[str], None] | None, fail: Callable[[str, str], None],
                     force: set[str] = frozenset()) -> None:
    """Extract the changed files (and those in ``force``) in ``n`` worker processes; ingest
    here, in file order."""
    todo: list[str] = []
    pre: dict[str, str] = {}  # path -> "unchanged" or the reason it failed
    for path in files:
        try:
            if path not in force and store.file_hash(path) == file_sha256(path):
                pre[path] = "unchanged"
            else:
                todo.append(path)
        except StoreError:
            raise
        except Exception as exc:  # noqa: BLE001
            pre[path] = _reason(exc)
    results = _extract_all(todo, n)
    try:
        _ingest_in_order(files, store, report, pre, results, progress, fail, force)
    finally:
        results.close()  # stops the workers, also when the build is interrupted


def _ingest_in_order(files, store, report, pre, results, progress, fail, force) -> None:
    for path in files:
        got = pre.get(path)
        if got == "unchanged":
            report.unchanged.append(path)
        elif got is not None:
            fail(path, got)
        else:
            done, (kind, value) = next(results)
            assert done == path
            if kind == "raise":
                raise value
            if kind == "failed":
                fail(path, value)
            else:
                try:
                    status = store.ingest(value, force=path in force)
                except StoreError:
                    raise
                except Exception as exc:  # noqa: BLE001
                    fail(path, _reason(exc))
                else:
                    (report.added if status == "added" else report.updated).append(path)
        if progress:
            progress(path)


def _extract_all(paths: list[str], n: int) -> Generator[tuple[str, tuple[str, object]], None, None]:
    """(path, result of :func:`_extract_job`) for every path, in order, from ``n`` forked
    workers with a bounded number in flight.  A worker that dies (killed, out of memory)
    fails the file it was reading; the rest go on in new workers."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    if not paths:
        return
    extract_text(_WARM_TEXT)  # compile once here; the forked workers inherit it
    ctx = mp.get_context("fork")
    pending = deque(paths)

    def pool(k: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=k, mp_context=ctx, initializer=_worker_init)

    ex = pool(n)
    flight: deque = deque()
    try:
        while pending or flight:
            while pending and len(flight) < n * _AHEAD:
                p = pending.popleft()
                flight.append((p, ex.submit(_extract_job, p)))
            path, fut = flight.popleft()
            try:
                result = fut.result()
            except BrokenProcessPool:
                # the pool is lost: read this file alone to know whether it is the culprit
                ex.shutdown(wait=True, cancel_futures=True)
                pending.extendleft(reversed([p for p, _ in flight]))
                flight.clear()
                alone = pool(1)
                try:
                    result = alone.submit(_extract_job, path).result()
                except BrokenProcessPool:
                    result = ("failed", "could not be extracted (its extraction process died)")
                finally:
                    alone.shutdown(wait=True, cancel_futures=True)
                ex = pool(n)
            except Exception as exc:  # noqa: BLE001 - a result that cannot come back (pickling)
                result = ("failed", _reason(exc))
            yield path, result
    finally:
        ex.shutdown(wait=True, cancel_futures=True)

def store_conflicts(store: Store) -> list:
    """Every conflict the store's facts show (queries.conflicts): citations that disagree,
    dates that cannot be right; read by SQL over the merged index, never the whole graph
    (:func:`queries.conflicts.iter_store_conflicts`)."""
    from queries.conflicts import iter_store_conflicts

    return list(iter_store_conflicts(store))


def corpus_documents(store: Store) -> list[str]:
    """Ids of the ingested documents, in file order."""
    return [f["doc_id"] for f in store.files()]


def find_default_corpus(start: Path | None = None) -> Path | None:
    """``data/corpus`` in the working directory or one of its parents."""
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        c = d / "data" / "corpus"
        if c.is_dir():
            return c
    return None
