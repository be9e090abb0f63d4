"""`policykg search` and `policykg documents` over the store's FTS5 index (issue 10, point 1):
Vietnamese with or without diacritics, number-symbols in any spelling, filters, ranking, and
user text that is never FTS5 syntax."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graph.store import Store, highlight

from policykg.cli import cli


@pytest.fixture(scope="module")
def store(seed_store):
    with Store(seed_store, readonly=True) as s:
        yield s


@pytest.mark.parametrize("query, expected", [
    ("154/KH-UBND", "ha-tinh:154/KH-UBND:2023"),
    ("154 KH UBND", "ha-tinh:154/KH-UBND:2023"),
    ("154/kh-ubnd", "ha-tinh:154/KH-UBND:2023"),
    ("154-KH/UBND", "ha-tinh:154/KH-UBND:2023"),
    ("29-NQ/TW", "vn:29-NQ/TW:2022"),
    ("nghi quyet 29", "vn:29-NQ/TW:2022"),
    ("Nghị quyết 29", "vn:29-NQ/TW:2022"),
    ("656/KH-BQL", "hai-phong:656/KH-BQL:2023"),
])
def test_a_number_symbol_in_any_spelling_comes_first(store, query, expected):
    rows = store.search(query, limit=5)
    assert rows and rows[0]["id"] == expected, [r["id"] for r in rows]


@pytest.mark.parametrize("query", ["chuyen doi so", "chuyển đổi số", "CHUYỂN ĐỔI SỐ", "Chuyen Doi So"])
def test_with_or_without_diacritics(store, query):
    rows = store.search(query, kind="task", limit=50)
    assert "ha-tinh:154/KH-UBND:2023#task-16" in [r["id"] for r in rows]
    top = rows[0]
    assert "chuyển đổi số" in top["text"].lower()  # the words as written in the document


def test_typed_diacritics_rank_the_exact_words_first(store):
    rows = store.search("chuyển đổi số", limit=10)
    assert all("đổi" in (r.get("text") or r["label"]).lower() for r in rows[:2])


@pytest.mark.parametrize("query", ['OR', '"', 'NEAR(a b)', '*', "' OR 1=1 --", "a AND", "^x", "col:val", "(", ")"])
def test_user_text_is_never_fts_syntax(store, query):
    store.search(query)  # no exception: every word is a quoted term


@pytest.mark.parametrize("kwargs, check", [
    ({"kind": "agency"}, lambda r: r["kind"] == "agency"),
    ({"type": "KH"}, lambda r: r.get("type") == "KH" or r["kind"] == "task"),
    ({"jurisdictions": {"Hải Phòng"}}, lambda r: r["id"].startswith("hai-phong:")),
    ({"year": 2023}, lambda r: True),
])
def test_filters(store, kwargs, check):
    rows = store.search("ke hoach", limit=50, **kwargs)
    assert rows and all(check(r) for r in rows)


def test_agency_by_name(store):
    rows = store.search("Sở Công Thương", kind="agency")
    assert rows[0]["id"] == "ha-tinh:agency:so-cong-thuong" and rows[0]["label"] == "Sở Công Thương"


@pytest.mark.parametrize("text, words, expected", [
    ("Kế hoạch chuyển đổi số", ["chuyen", "doi", "so"], "Kế hoạch [chuyển] [đổi] [số]"),
    ("Nghị quyết 29 về công nghiệp", ["nghi", "quyet"], "[Nghị] [quyết] 29 về công nghiệp"),
    ("công nghiệp", ["nghi", "x"], "công nghiệp"),
])
def test_highlight_shows_the_text_as_written(text, words, expected):
    assert highlight(text, words) == expected


def test_documents_listing_and_cli(seed_store):
    runner = CliRunner()
    res = runner.invoke(cli, ["documents", "--ingested", "--json", "--store", str(seed_store)])
    docs = json.loads(res.output)["documents"]
    assert res.exit_code == 0 and len(docs) >= 5 and all(d["ingested"] for d in docs)
    res = runner.invoke(cli, ["documents", "--type", "Kế hoạch", "--csv", "--store", str(seed_store)])
    lines = res.output.splitlines()
    assert lines[0].startswith("id,type") and all(",KH," in line for line in lines[1:])
    res = runner.invoke(cli, ["search", "ke", "hoach", "--type", "ZZ", "--store", str(seed_store)])
    assert res.exit_code == 2 and "not a document type" in res.output
    res = runner.invoke(cli, ["search", "154", "KH", "UBND", "--json", "--store", str(seed_store)])
    assert json.loads(res.output)["results"][0]["id"] == "ha-tinh:154/KH-UBND:2023"


def test_a_store_without_the_index_says_how_to_add_it(seed_store, tmp_path):
    import shutil

    db = tmp_path / "old.db"
    shutil.copy(seed_store, db)
    with Store(db) as s:
        s.db.execute("DELETE FROM meta WHERE key='merged'")
    res = CliRunner().invoke(cli, ["search", "ke hoach", "--store", str(db)])
    assert res.exit_code == 1 and "run `policykg build`" in res.output
    # the lineage queries still answer, from the whole graph
    res = CliRunner().invoke(cli, ["trace", "154/KH-UBND", "--store", str(db)])
    assert res.exit_code == 0 and "29-NQ/TW" in res.output


def test_a_broad_query_ranks_its_first_matches_in_index_order(store, monkeypatch):
    """More matches than SEARCH_RANK_CAP: only the first that many in index order are ranked
    (documents read from files, newest first, then cited ones, agencies, tasks), and the
    caller is told; a narrow query ranks every match."""
    import graph.store as gs

    joined = "search_rows AS r JOIN names AS n ON n.id = r.nid"
    order = [r[0] for r in store.db.execute(f"SELECT n.name FROM {joined} ORDER BY r.rowid")]
    kinds = [store.db.execute(f"SELECT r.kind FROM {joined} WHERE n.name=?", (i,)).fetchone()[0] for i in order]
    tiers = {"document": 0, "agency": 2, "task": 3}
    assert [tiers[k] for k in kinds] == sorted(tiers[k] for k in kinds)
    ingested = [i for i, k in zip(order, kinds) if k == "document"][:5]
    dates = [store.node_attrs([i])[i].get("date") or "" for i in ingested]
    assert dates == sorted(dates, reverse=True)

    monkeypatch.setattr(gs, "SEARCH_RANK_CAP", 4)
    info: dict = {}
    rows = store.search("ke hoach", limit=50, info=info)
    assert info["capped"] == 4 and len(rows) == 4
    first = [r[0] for r in store.db.execute(
        "SELECT n.name FROM search_text JOIN search_rows AS r ON r.rowid = search_text.rowid JOIN names AS n ON n.id = r.nid "
        "WHERE search_text MATCH '\"ke\" \"hoach\"*' ORDER BY search_text.rowid LIMIT 4")]
    assert {r["id"] for r in rows} == set(first)
    info = {}
    assert store.search("656/KH-BQL", info=info)[0]["id"] == "hai-phong:656/KH-BQL:2023"
    assert info["capped"] is None


def test_a_word_in_the_symbol_or_title_outranks_one_in_the_body(tmp_path):
    """bm25 weighs the columns symbol 10, title 4, body 1: of two documents alike but for where
    the word stands, the one whose title has it comes first, whatever their order in the index."""
    from graph.search import search, write_search

    with Store(tmp_path / "kg.db") as s, s.transaction():
        for n in ("d:body", "d:title"):
            s.db.execute("INSERT INTO names (name) VALUES (?)", (n,))
        filler = "ke hoach trien khai nhiem vu nam 2025"
        write_search(s.db, [
            ("d:body", "document", "KH", "ha-tinh", "", 2025, "1/kh-ubnd", filler, "logistics " + filler),
            ("d:title", "document", "KH", "ha-tinh", "", 2025, "2/kh-ubnd", "logistics " + filler, filler),
        ])
        found = search(s.db, lambda ids: {i: {} for i in ids}, "logistics")
    assert [r["id"] for r in found] == ["d:title", "d:body"]
