"""Application services the CLI calls: build a store from files, summarize lineage.

Loaders read and extract, the store persists; this module only sequences them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import LoadError, StoreError
from graph.store import Store
from loaders.extract import extract_file, file_sha256, iter_corpus

__all__ = ["BuildReport", "build_corpus", "canonical_path", "store_conflicts"]


@dataclass
class BuildReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    removed: list[str] = field(default_factory=list)  # left a built folder: facts withdrawn
    withdrawn: list[str] = field(default_factory=list)  # failed now: earlier facts withdrawn
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
            "documents": self.documents,
            "references": self.references,
            "edges": self.edges,
            "tasks": self.tasks,
            "agencies": self.agencies,
            "conflicts": self.conflicts,
        }


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
) -> BuildReport:
    """Bring ``store`` up to date with the files under ``paths``, in one transaction.

    What a build means (README, "Building"):

    - each file is one source, under one canonical path (:func:`canonical_path`);
    - an unchanged file (same SHA-256) is not re-read; a changed one replaces its facts;
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

    Args:
        paths: files and directories.
        store: the open store.
        progress: called with each file's path once it is done.
        on_error: called with (path, reason) for each failed file.
        on_wait: called with the holder's description when another build holds the store.
    """
    paths = list(paths)
    report = BuildReport()
    files: dict[str, Path] = {}
    for f in iter_corpus(paths):
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
        stored = {f["path"] for f in store.files()}
        for old in sorted(stored):
            if not os.path.isabs(old):
                # a store written before paths were canonical kept them as typed
                store.remove_file(old)
            elif old not in files and any(_under(old, d) for d in folders):
                store.remove_file(old)
                report.removed.append(old)
        stored = {p for p in stored if os.path.isabs(p)} - set(report.removed)
        for path in files:
            try:
                if store.file_hash(path) == file_sha256(path):
                    report.unchanged.append(path)
                else:
                    ex = extract_file(path)
                    status = store.ingest(ex)
                    (report.added if status == "added" else report.updated).append(path)
            except StoreError:
                raise  # the store itself failed: the whole batch rolls back
            except LoadError as exc:
                fail(path, exc.reason, stored)
            except OSError as exc:
                fail(path, exc.strerror or str(exc), stored)
            except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
                fail(path, f"could not be extracted ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})", stored)
            if progress:
                progress(path)
        store.save_merged()  # the indexed merged graph the queries read, in the same transaction
    g = store.graph()
    kinds = [d.get("kind") for _, d in g.nodes(data=True)]
    report.documents = kinds.count("document")
    report.tasks = kinds.count("task")
    report.agencies = kinds.count("agency")
    report.references = sum(1 for *_, k in g.edges(keys=True) if k in ("implements", "replaces", "amends", "based_on", "cites"))
    report.edges = g.number_of_edges()
    report.conflicts = len(store_conflicts(store))
    return report


def store_conflicts(store: Store) -> list:
    """Every conflict the store's facts show (queries.conflicts): citations that disagree,
    dates that cannot be right."""
    from queries.conflicts import find_conflicts

    return find_conflicts(store.graph(), store.mentions(), store.unresolved(), store.findings())


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
