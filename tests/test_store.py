"""The embedded store: transactions, per-file facts, merging, dateless resolution."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.errors import StoreError
from graph.store import Store, default_store_path
from loaders.extract import extract_text
from policykg.pipeline import build_corpus

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"

HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: {n}/KH-UBND\n"
        "Hà Tĩnh, ngày 05 tháng 5 năm 2023\nKẾ HOẠCH\nVề nhiệm vụ {n}\n{pre}\nI. NHIỆM VỤ\n{body}\n")


def _ingest(store: Store, name: str, text: str) -> None:
    with store.transaction():
        store.ingest(extract_text(text, path=name))


def test_interrupted_build_leaves_the_previous_state(tmp_path):
    db = tmp_path / "kg.db"
    corpus = tmp_path / "c"
    shutil.copytree(CORPUS, corpus)
    with Store(db) as s:
        build_corpus([corpus], s)
        before = (s.counts(), s.files())
    for f in corpus.iterdir():
        f.write_text(f.read_text("utf-8") + "\nThực hiện Nghị quyết số 99-NQ/TW ngày 01/01/2024.", "utf-8")
    seen = []

    def interrupt(path):
        seen.append(path)
        if len(seen) == 3:
            raise KeyboardInterrupt

    with Store(db) as s:
        with pytest.raises(KeyboardInterrupt):
            build_corpus([corpus], s, progress=interrupt)
    with Store(db) as s:
        assert (s.counts(), s.files()) == before


def test_dateless_mention_folds_into_the_one_dated_document(tmp_path):
    with Store(tmp_path / "kg.db") as s:
        _ingest(s, "a.txt", HEAD.format(n=1, pre="Thực hiện Kế hoạch số 20/KH-UBND ngày 25/01/2022 của UBND tỉnh.", body=""))
        _ingest(s, "b.txt", HEAD.format(n=2, pre="", body="- Theo Kế hoạch số 20/KH-UBND của UBND tỉnh."))
        g = s.graph()
        assert "ha-tinh:20/KH-UBND:?" not in g
        assert g.has_edge("ha-tinh:02/KH-UBND:2023", "ha-tinh:20/KH-UBND:2022", "cites")


def test_dateless_mention_with_two_candidates_stays_apart_and_flagged(tmp_path):
    with Store(tmp_path / "kg.db") as s:
        _ingest(s, "a.txt", HEAD.format(n=1, pre="", body="- Theo Nghị quyết số 08-NQ/TU ngày 18/5/2018 của Tỉnh ủy."))
        _ingest(s, "b.txt", HEAD.format(n=2, pre="", body="- Theo Nghị quyết số 08-NQ/TU ngày 22/11/2021 của Tỉnh ủy."))
        _ingest(s, "c.txt", HEAD.format(n=3, pre="", body="- Theo Nghị quyết số 08-NQ/TU của Tỉnh ủy."))
        g = s.graph()
        node = g.nodes["ha-tinh:08-NQ/TU:?"]
        assert "ambiguous" in node["flags"]
        assert node["candidates"] == ["ha-tinh:08-NQ/TU:2018", "ha-tinh:08-NQ/TU:2021"]


def test_own_header_wins_over_what_others_say(tmp_path):
    with Store(tmp_path / "kg.db") as s:
        _ingest(s, "b.txt", HEAD.format(n=2, pre="Thực hiện Kế hoạch số 01/KH-UBND ngày 05/5/2023 của UBND tỉnh Hà Tĩnh.", body=""))
        _ingest(s, "a.txt", HEAD.format(n=1, pre="", body=""))
        d = s.graph().nodes["ha-tinh:01/KH-UBND:2023"]
        assert d["in_corpus"] is True and d["title"].startswith("KẾ HOẠCH")


def test_every_edge_has_evidence_pointing_into_the_stored_text(tmp_path):
    with Store(tmp_path / "kg.db") as s:
        build_corpus([CORPUS], s)
        g = s.graph()
        texts = {f["path"]: s.text_of(f["path"]) for f in s.files()}
        n = 0
        for u, v, k, d in g.edges(keys=True, data=True):
            assert d["evidence"], (u, v, k)
            for ev in d["evidence"]:
                text = texts[ev["path"]]
                if k != "part_of" or g.nodes[u].get("kind") == "task":
                    assert 0 <= ev["start"] <= ev["end"] <= len(text)
                    assert ev["sentence"]
                    n += 1
        assert n > 500


def test_not_a_store_is_a_plain_error(tmp_path):
    bad = tmp_path / "x.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="x.db"):
        Store(bad)


def test_store_path_from_option_env_or_default(monkeypatch):
    monkeypatch.delenv("POLICYKG_STORE", raising=False)
    assert default_store_path(None) == Path("policykg.db")
    monkeypatch.setenv("POLICYKG_STORE", "/data/kg.db")
    assert default_store_path(None) == Path("/data/kg.db")
    assert default_store_path("x.db") == Path("x.db")


def test_merged_graph_is_current_until_a_file_changes(tmp_path):
    """Queries use the indexed merged graph only while it was built at the stored facts: the
    ``files`` triggers renew the facts token on every write, in one lookup at query time."""
    db = tmp_path / "kg.db"
    with Store(db) as s:
        build_corpus([CORPUS], s)
        assert s.has_merged()
        token = s._fact_version()
    with Store(db, readonly=True) as s:
        assert s.has_merged() and s._fact_version() == token
    with Store(db) as s:
        _ingest(s, "extra.md", HEAD.format(n=7, pre="", body="1. Sở Tài chính chủ trì xây dựng đề án."))
        assert s._fact_version() != token and not s.has_merged()
        with s.transaction():
            s.save_merged()
        assert s.has_merged()


def test_a_store_without_the_facts_token_keeps_its_current_merged_graph(tmp_path):
    """A store written before the token: its merged graph, current by the old whole-table
    hash, stays current when the token is first given (no rebuild needed)."""
    db = tmp_path / "kg.db"
    with Store(db) as s:
        build_corpus([CORPUS], s)
        for t in ("ins", "upd", "del"):
            s.db.execute(f"DROP TRIGGER files_facts_{t}")
        s.db.execute("DELETE FROM meta WHERE key='facts'")
        s.db.execute("UPDATE meta SET value=? WHERE key='merged'", (s._legacy_fact_version(),))
    with Store(db, readonly=True) as s:
        assert s.has_merged()  # the old hash, computed
    with Store(db) as s:
        assert s.db.execute("SELECT value FROM meta WHERE key='facts'").fetchone() is not None
        assert s.has_merged()
