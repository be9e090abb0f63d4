"""Application services the CLI calls: build a store from files, summarize lineage.

Loaders read and extract, the store persists; this module only sequences them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import LoadError
from graph.store import Store
from loaders.extract import extract_file, file_sha256, iter_corpus

__all__ = ["BuildReport", "build_corpus", "store_conflicts"]


@dataclass
class BuildReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
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
            "documents": self.documents,
            "references": self.references,
            "edges": self.edges,
            "tasks": self.tasks,
            "agencies": self.agencies,
            "conflicts": self.conflicts,
        }


def build_corpus(
    paths: Iterable[str | os.PathLike],
    store: Store,
    *,
    progress: Callable[[str], None] | None = None,
    on_error: Callable[[str, str], None] | None = None,
) -> BuildReport:
    """Ingest every file under ``paths`` into ``store`` in one transaction.

    A file that cannot be read is reported (``on_error(path, reason)``) and skipped; the
    rest of the batch goes on.  An unchanged file (same SHA-256) is not re-read.  If the
    build is interrupted, the transaction rolls back and the store keeps its previous state.

    Args:
        paths: files and directories.
        store: the open store.
        progress: called with each file's path once it is done.
        on_error: called with (path, reason) for each failed file.
    """
    report = BuildReport()
    files = iter_corpus(paths)
    with store.transaction():
        for f in files:
            path = str(Path(f).resolve())
            try:
                if store.file_hash(path) == file_sha256(path):
                    report.unchanged.append(path)
                else:
                    ex = extract_file(f)
                    status = store.ingest(ex)
                    (report.added if status == "added" else report.updated).append(path)
            except LoadError as exc:
                report.failed.append((path, exc.reason))
                if on_error:
                    on_error(path, exc.reason)
            except OSError as exc:
                reason = exc.strerror or str(exc)
                report.failed.append((path, reason))
                if on_error:
                    on_error(path, reason)
            except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
                reason = f"could not be extracted ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})"
                report.failed.append((path, reason))
                if on_error:
                    on_error(path, reason)
            if progress:
                progress(path)
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
