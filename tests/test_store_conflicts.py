"""The conflict check over a store (queries.conflicts.iter_store_conflicts: SQL over the merged
index and the mentions, grouped per node) gives find_conflicts' conflicts on the networkx
graph, the reference, in the same order: on hand-made facts with every kind of conflict, on
the seed corpus, on real pages and on a generated corpus.  And it never loads the graph."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.store import Store
from factories import store_of_facts
from policykg.pipeline import build_corpus, store_conflicts
from policykg.synth import write_corpus
from queries.conflicts import find_conflicts, iter_store_conflicts

ROOT = Path(__file__).resolve().parent.parent
REALDOCS = Path("/work/shared/realdocs")


def _both(s: Store) -> tuple[list[dict], list[dict]]:
    """The conflicts read by SQL, and those find_conflicts finds on the whole graph."""
    sql = [c.to_dict() for c in iter_store_conflicts(s)]
    reference = [c.to_dict() for c in find_conflicts(s.graph(), s.mentions(), s.unresolved(), s.findings())]
    return sql, reference


def _node(file, nid, own=0, **attrs):
    return (file, nid, "document", own, json.dumps({"id": nid, **attrs}, ensure_ascii=False))


def _mention(file, nid, start, date=None, issuer=None):
    return (file, nid, f"mention {start}", start, start + 9, date, issuer, f"câu {start} của {file}")


# a.txt (own date 2020-01-02, its page's box gives another number) and b.txt cite documents
# that disagree: 7/CT-TTg with two dates and two organs (date, issuer), 8/KH-UBND a year
# apart on one day (year), 12/CTr-UBND as two nodes on one day in different years (year),
# 1804 and 118 on one day under two symbols (symbol; two ministries' circulars numbered 10 on
# one day are none), a Party number that looks like a year (implausible; a letter's 14612 is
# none), a dateless 9/KH-UBND with two dated candidates (ambiguous) one of which
# c.txt reads (duplicate), documents dated after a.txt, one no file describes (future_date);
# a date that is no date (impossible_date) and a mention no document was found for.
FACTS = {
    "a.txt": {
        "nodes": [_node("a.txt", "vn:1/QĐ-TTg:2020", 1, number_symbol="1/QĐ-TTg", date="2020-01-02", in_corpus=True,
                        path="a.txt", reported_number_symbol="2/QĐ-TTg", reported_number_symbol_at=7,
                        reported_date="2020-01-02"),
                  _node("a.txt", "vn:7/CT-TTg:2019", number_symbol="7/CT-TTg", date="2019-05-01"),
                  _node("a.txt", "vn:8/KH-UBND:2020", number_symbol="8/KH-UBND", date="2020-03-04"),
                  _node("a.txt", "vn:12/CTr-UBND:2022", number_symbol="12/CTr-UBND", date="2022-01-19"),
                  _node("a.txt", "vn:1804/QĐ-TTg:2020", number_symbol="1804/QĐ-TTg", date="2019-11-12"),
                  _node("a.txt", "vn:2021-CTr/TU:2021", number_symbol="2021-CTr/TU"),
                  _node("a.txt", "vn:9/KH-UBND:?", number_symbol="9/KH-UBND", flags=["dateless"]),
                  _node("a.txt", "vn:9/KH-UBND:2018", number_symbol="9/KH-UBND", date="2018-01-01"),
                  _node("a.txt", "vn:luat-dau-tu:2021", title="Luật Đầu tư", date="2021-06-17")],
        "mentions": [_mention("a.txt", "vn:7/CT-TTg:2019", 10, "2019-05-01", "Thủ tướng Chính phủ"),
                     _mention("a.txt", "vn:8/KH-UBND:2020", 20, "2020-03-04"),
                     _mention("a.txt", "vn:12/CTr-UBND:2022", 30, "2022-01-19"),
                     _mention("a.txt", "vn:1804/QĐ-TTg:2020", 40),
                     _mention("a.txt", "vn:1804/QĐ-TTg:2020", 45, "2019-11-12"),
                     _mention("a.txt", "vn:2021-CTr/TU:2021", 50, issuer="Tỉnh ủy"),
                     _mention("a.txt", "vn:9/KH-UBND:?", 60),
                     _mention("a.txt", "vn:9/KH-UBND:?", 65, ""),
                     _mention("a.txt", "vn:9/KH-UBND:2018", 70, "2018-01-01"),
                     _mention("a.txt", "vn:luat-dau-tu:2021", 80, "2021-06-17"),
                     _mention("a.txt", "vn:77/TB-VPCP:2020", 90, "2020-05-05")],
        "unresolved": [],
        "findings": [("a.txt", "impossible_date", "ngày 30/02/2023", 100, 115, "Ngày 30/02/2023 hết hạn.")],
    },
    "b.txt": {
        "nodes": [_node("b.txt", "ha-noi:5/KH-UBND:2021", 1, number_symbol="5/KH-UBND", date="2021-05-06",
                        in_corpus=True, path="b.txt"),
                  _node("b.txt", "vn:12/CTr-UBND:2023", number_symbol="12/CTr-UBND", date="2023-01-19"),
                  _node("b.txt", "vn:1804/TTg-CN:2019", number_symbol="1804/TTg-CN", date="2019-11-12"),
                  _node("b.txt", "vn:10/2019/TT-BNV:2019", number_symbol="10/2019/TT-BNV", date="2019-06-19"),
                  _node("b.txt", "vn:10/2019/TT-BVHTTDL:2019", number_symbol="10/2019/TT-BVHTTDL", date="2019-06-19"),
                  _node("b.txt", "vn:118/2019/NĐ-CP:2019", number_symbol="118/2019/NĐ-CP", date="2019-06-09"),
                  _node("b.txt", "vn:118/NĐ-CP:2019", number_symbol="118/NĐ-CP", date="2019-06-09"),
                  _node("b.txt", "vn:14612-CV/VPTW:2019", number_symbol="14612-CV/VPTW", date="2019-04-29")],
        "mentions": [_mention("b.txt", "vn:7/CT-TTg:2019", 5, "2019-06-01", "Ủy ban nhân dân tỉnh"),
                     _mention("b.txt", "vn:8/KH-UBND:2020", 6, "2021-03-04"),
                     _mention("b.txt", "vn:12/CTr-UBND:2023", 7, "2023-01-19"),
                     _mention("b.txt", "vn:1804/TTg-CN:2019", 8, "2019-11-12"),
                     _mention("b.txt", "vn:9/KH-UBND:?", 9),
                     _mention("b.txt", "vn:9/KH-UBND:2019", 10, "2019-03-04"),
                     _mention("b.txt", "vn:7/CT-TTg:2019", 11, "2019-05-01", "Văn phòng Chính phủ"),
                     _mention("b.txt", "vn:10/2019/TT-BNV:2019", 12, "2019-06-19"),
                     _mention("b.txt", "vn:10/2019/TT-BVHTTDL:2019", 13, "2019-06-19"),
                     _mention("b.txt", "vn:118/2019/NĐ-CP:2019", 14, "2019-06-09"),
                     _mention("b.txt", "vn:118/NĐ-CP:2019", 15, "2019-06-09"),
                     _mention("b.txt", "vn:14612-CV/VPTW:2019", 16, "2019-04-29")],
        "unresolved": [("b.txt", "Kế hoạch số 3", 40, 52, "Thực hiện Kế hoạch số 3.")],
        "findings": [],
    },
    "c.txt": {
        "nodes": [_node("c.txt", "vn:9/KH-UBND:2019", 1, number_symbol="9/KH-UBND", date="2019-03-04",
                        in_corpus=True, path="c.txt")],
        "mentions": [], "unresolved": [], "findings": [],
    },
}


@pytest.fixture()
def hand_made(tmp_path) -> Store:
    s = store_of_facts(tmp_path / "kg.db", FACTS, merged=True)
    yield s
    s.close()


def test_hand_made_conflicts_of_every_kind_come_out_as_on_the_graph(hand_made):
    assert hand_made.has_merged()
    sql, reference = _both(hand_made)
    assert sql == reference
    assert [(c["kind"], c["subject"]) for c in sql] == [
        ("date", "vn:7/CT-TTg:2019"), ("issuer", "vn:7/CT-TTg:2019"), ("year", "vn:8/KH-UBND:2020"),
        ("year", "12/CTr-UBND"), ("symbol", "118/2019/NĐ-CP / 118/NĐ-CP"), ("symbol", "1804/QĐ-TTg / 1804/TTg-CN"), ("implausible", "vn:2021-CTr/TU:2021"),
        ("ambiguous", "vn:9/KH-UBND:?"), ("box", "vn:1/QĐ-TTg:2020"), ("duplicate", "9/KH-UBND"),
        ("future_date", "vn:8/KH-UBND:2020"), ("future_date", "vn:12/CTr-UBND:2022"),
        ("future_date", "vn:luat-dau-tu:2021"), ("future_date", "vn:77/TB-VPCP:2020"),
        ("future_date", "vn:12/CTr-UBND:2023"), ("impossible_date", "ngày 30/02/2023"), ("ambiguous", "Kế hoạch số 3")]
    shown = {c["subject"]: c["detail"] for c in sql if c["kind"] == "future_date"}
    assert shown["vn:luat-dau-tu:2021"].startswith("Luật Đầu tư cited with date 2021-06-17")  # a law by its title
    assert shown["vn:77/TB-VPCP:2020"].startswith("77/TB-VPCP cited")  # no file describes it
    ambiguous = next(c for c in sql if c["subject"] == "vn:9/KH-UBND:?")
    assert [(e["file"], e["start"]) for e in ambiguous["evidence"]] == [("a.txt", 60), ("a.txt", 65), ("b.txt", 9)]


def test_the_check_reads_a_few_mentions_of_a_doubtful_node_a_batch_at_a_time(hand_made, monkeypatch):
    import queries.conflicts as conflicts

    monkeypatch.setattr(conflicts, "_BATCH", 1)
    sql, reference = _both(hand_made)
    assert sql == reference


def test_a_store_without_a_current_index_is_checked_on_its_graph(hand_made):
    with hand_made.transaction():
        hand_made.db.execute("DELETE FROM meta WHERE key = 'merged'")
    assert not hand_made.has_merged()
    sql, reference = _both(hand_made)
    assert sql == reference and sql


@pytest.mark.parametrize("what", ["seed", "realdocs", "generated"])
def test_the_check_on_built_stores_equals_the_reference(tmp_path, what):
    if what == "seed":
        paths = [ROOT / "data" / "corpus"]
    elif what == "realdocs":
        if not REALDOCS.is_dir():
            pytest.skip("no /work/shared/realdocs here")
        paths = [ROOT / "data" / "corpus", REALDOCS]
    else:
        write_corpus(tmp_path / "gen", 150, seed=5)
        paths = [tmp_path / "gen"]
    with Store(tmp_path / "kg.db") as s:
        report = build_corpus(paths, s, workers=1)
        sql, reference = _both(s)
        assert sql == reference and sql
        assert report.conflicts == len(sql) == len(store_conflicts(s))


def test_the_check_does_not_import_networkx(seed_store):
    code = ("import sys; from graph.store import Store; from queries.conflicts import iter_store_conflicts\n"
            f"s = Store({str(seed_store)!r}, readonly=True); n = sum(1 for _ in iter_store_conflicts(s))\n"
            "assert n and 'networkx' not in sys.modules, n")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
