"""A build over worker processes (policykg.pipeline, issue 11 point 2) is a build in one
process: the same store, report, progress calls and error lines, in the same order; a file
that fails or kills its worker fails alone."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import policykg.pipeline as pipeline
from graph.store import Store
from policykg.pipeline import build_corpus

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
REALDOCS = Path("/work/shared/realdocs")


def corpus(tmp: Path, pages: int = 6) -> Path:
    dst = tmp / "corpus"
    shutil.copytree(CORPUS, dst)
    for p in sorted(REALDOCS.glob("*.md"))[:pages]:
        shutil.copy(p, dst / p.name)
    (dst / "junk.txt").write_bytes(bytes(range(32)) * 40 + b"\x00" * 64)
    return dst


def dump(db: Path) -> list:
    import sqlite3

    con = sqlite3.connect(db)
    try:
        out = []
        for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"):
            if t == "files":
                out.append(con.execute("SELECT path, sha256, doc_id, text FROM files").fetchall())
            elif t != "meta" and not t.startswith("search"):
                out.append((t, con.execute(f"SELECT * FROM {t}").fetchall()))
        return out
    finally:
        con.close()


def build(folder: Path, db: Path, workers: int):
    seen: list[str] = []
    errors: list[tuple[str, str]] = []
    with Store(db) as s:
        report = build_corpus([folder], s, workers=workers, progress=seen.append,
                              on_error=lambda p, r: errors.append((p, r)))
    return report.to_dict(), seen, errors


def test_workers_give_the_build_of_one_process(tmp_path):
    folder = corpus(tmp_path)
    one = build(folder, tmp_path / "one.db", 1)
    two = build(folder, tmp_path / "two.db", 2)
    assert one == two
    assert len(one[2]) == 1 and one[2][0][0].endswith("junk.txt")
    assert dump(tmp_path / "one.db") == dump(tmp_path / "two.db")
    # a second build finds every file unchanged, in workers too
    again = build(folder, tmp_path / "two.db", 2)
    assert len(again[0]["unchanged"]) == len(one[0]["added"]) and again[1] == one[1]


def test_a_worker_that_dies_fails_its_file_only(tmp_path, monkeypatch):
    folder = corpus(tmp_path, pages=2)
    victim = sorted(folder.iterdir())[2]
    real = pipeline.extract_file

    def dying(path):
        if Path(path).name == victim.name:
            os._exit(9)  # as the kernel's OOM killer would end it
        return real(path)

    monkeypatch.setattr(pipeline, "extract_file", dying)
    report, seen, errors = build(folder, tmp_path / "kg.db", 2)
    assert [p for p, _ in errors] == sorted(str(p) for p in folder.iterdir() if p.name in (victim.name, "junk.txt"))
    assert "its extraction process died" in dict(errors)[str(victim)]
    assert len(report["added"]) == len(list(folder.iterdir())) - 2
    assert seen == sorted(str(p) for p in folder.iterdir())


def test_an_interrupted_parallel_build_keeps_the_old_store(tmp_path):
    folder = corpus(tmp_path, pages=2)
    db = tmp_path / "kg.db"
    build(folder, db, 2)
    before = dump(db)
    for f in folder.iterdir():
        if f.suffix in (".txt", ".md") and f.name != "junk.txt":
            f.write_text(f.read_text("utf-8") + "\nThực hiện Nghị quyết số 99-NQ/TW ngày 01/01/2024.", "utf-8")
    seen = []

    def interrupt(path):
        seen.append(path)
        if len(seen) == 3:
            raise KeyboardInterrupt

    with Store(db) as s, pytest.raises(KeyboardInterrupt):
        build_corpus([folder], s, workers=2, progress=interrupt)
    assert dump(db) == before


def test_small_builds_stay_in_one_process(tmp_path):
    files = {str(p): p for p in sorted(CORPUS.iterdir())}
    assert pipeline._workers(None, files) == 1  # 0.14 MB: starting workers costs more
    assert pipeline._workers(3, files) == 3 and pipeline._workers(1, files) == 1
