"""Is it still in force?  Statuses derived from small documents written here, read by the
real extractor and store: a repeal flags the plan that implements the repealed decision and
the plan's tasks; an amendment flags "amended"; a chain of three replacements resolves to the
latest; ``--as-of`` before the repeal shows "in force"; the seeds' documents named to be
replaced show "to be replaced" with the task.  Then the rules read from the text
(tables/status.toml, references.toml [change]) row by row, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.model import Relation
from graph.store import Store
from loaders.changes import change_detail, effective_date, impossible_dates, stated_period
from policykg.cli import cli
from policykg.pipeline import build_corpus
from graph.vocab import load_table
from queries.status import LABELS_VI, STATES, DateError, graph_statuses, parse_day

HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: {number}\nHà Tĩnh, ngày {day} tháng {month} năm {year}\n")


def decision(number: str, day: int, month: int, year: int, title: str, articles: str) -> str:
    return (HEAD.format(number=number, day=day, month=month, year=year)
            + f"QUYẾT ĐỊNH\n{title}\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
            + f"QUYẾT ĐỊNH:\n{articles}\nĐiều 9. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n"
            + "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n")


PLAN = HEAD.format(number="50/KH-UBND", day=10, month=4, year=2023) + """KẾ HOẠCH
Triển khai Quyết định số 32/2023/QĐ-UBND ngày 01/3/2023 của UBND tỉnh về hỗ trợ doanh nghiệp
Thực hiện Quyết định số 32/2023/QĐ-UBND ngày 01/3/2023 của UBND tỉnh về hỗ trợ doanh nghiệp, UBND tỉnh ban hành Kế hoạch thực hiện như sau:
I. NHIỆM VỤ
1. Sở Công Thương chủ trì, phối hợp với Sở Tài chính rà soát cơ chế hỗ trợ doanh nghiệp; thời gian hoàn thành: Quý II/2023.
2. Sở Kế hoạch và Đầu tư chủ trì xây dựng danh mục dự án kêu gọi đầu tư; thời gian hoàn thành: trước ngày 30/9/2023.
II. TỔ CHỨC THỰC HIỆN
Các sở, ngành báo cáo kết quả thực hiện về Sở Kế hoạch và Đầu tư trước ngày 15/12/2023.
"""

DOCS = {
    "d32.txt": decision("32/2023/QĐ-UBND", 1, 3, 2023, "Về việc ban hành Quy định hỗ trợ doanh nghiệp",
                        "Điều 1. Ban hành kèm theo Quyết định này Quy định hỗ trợ doanh nghiệp."),
    "plan50.txt": PLAN,
    "d2828.txt": decision("2828/QĐ-UBND", 20, 11, 2025, "Về việc bãi bỏ Quyết định số 32/2023/QĐ-UBND",
                          "Điều 1. Bãi bỏ Quyết định số 32/2023/QĐ-UBND ngày 01/3/2023 của UBND tỉnh Hà Tĩnh."),
    "d3470.txt": decision("3470/QĐ-UBND", 5, 6, 2024, "Về việc ban hành Quy chế phối hợp",
                          "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp."),
    "d3565.txt": decision("3565/QĐ-UBND", 12, 8, 2025, "Về việc sửa đổi Quyết định số 3470/QĐ-UBND",
                          "Điều 1. Sửa đổi khoản 2 Điều 5 của Quy chế ban hành kèm theo Quyết định số 3470/QĐ-UBND "
                          "ngày 05/6/2024 của UBND tỉnh Hà Tĩnh."),
    "plan51.txt": HEAD.format(number="51/KH-UBND", day=1, month=7, year=2024) + """KẾ HOẠCH
Triển khai Quyết định số 3470/QĐ-UBND ngày 05/6/2024 của UBND tỉnh
Thực hiện Quyết định số 3470/QĐ-UBND ngày 05/6/2024 của UBND tỉnh, UBND tỉnh ban hành Kế hoạch như sau:
I. NHIỆM VỤ
1. Sở Nội vụ chủ trì, phối hợp với các sở, ngành triển khai Quy chế phối hợp; thời gian hoàn thành: Quý IV/2024.
""",
    # a chain of three replacements: 10 <- 20 <- 30 <- 40
    "d20.txt": decision("20/2021/QĐ-UBND", 3, 3, 2021, "Về việc ban hành Quy định quản lý cụm công nghiệp",
                        "Điều 1. Quyết định này thay thế Quyết định số 10/2019/QĐ-UBND ngày 04/4/2019 của UBND tỉnh Hà Tĩnh."),
    "d30.txt": decision("30/2023/QĐ-UBND", 7, 7, 2023, "Về việc ban hành Quy định quản lý cụm công nghiệp",
                        "Điều 1. Quyết định này thay thế Quyết định số 20/2021/QĐ-UBND ngày 03/3/2021 của UBND tỉnh Hà Tĩnh."),
    "d40.txt": decision("40/2025/QĐ-UBND", 9, 9, 2025, "Về việc ban hành Quy định quản lý cụm công nghiệp",
                        "Điều 1. Quyết định này thay thế Quyết định số 30/2023/QĐ-UBND ngày 07/7/2023 của UBND tỉnh Hà Tĩnh."),
}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("status")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in DOCS.items():
        (corpus / name).write_text(text, "utf-8")
    path = root / "kg.db"
    with Store(path) as store:
        report = build_corpus([corpus], store)
    assert not report.failed, report.failed
    return path


@pytest.fixture(scope="module")
def graph(store_path):
    with Store(store_path) as store:
        return store.graph()


D32, D2828 = "ha-tinh:32/2023/QĐ-UBND:2023", "ha-tinh:2828/QĐ-UBND:2025"
PLAN50 = "ha-tinh:50/KH-UBND:2023"


def test_a_repeal_flags_the_implementing_plan_and_its_tasks(graph):
    report = graph_statuses(graph, "2026-01-01")
    st = report.of(D32)
    assert st.state == "repealed" and st.by == [D2828]
    assert st.since == "2025-11-20"  # 2828 takes effect on signing
    assert "bãi bỏ quyết định số 32/2023/qđ-ubnd" in st.evidence[0]["sentence"].casefold()
    assert graph.has_edge(PLAN50, D32, "implements")
    tasks = [n for n, d in graph.nodes(data=True) if d.get("kind") == "task" and d.get("document") == PLAN50]
    assert len(tasks) >= 2
    for n in [PLAN50, *tasks]:
        assert [(f["upstream"], f["state"]) for f in report.flags[n]] == [(D32, "repealed")]
    assert report.of(PLAN50).state == "in_force"  # the plan itself is not repealed, it is at risk


def test_as_of_before_the_repeal_shows_in_force(graph):
    report = graph_statuses(graph, "2025-11-19")
    assert report.of(D32).state == "in_force"
    assert PLAN50 not in report.flags
    assert graph_statuses(graph, "2025-11-20").of(D32).state == "repealed"
    # before it was issued, a document is not yet in force
    assert graph_statuses(graph, "2023-02-01").of(D32).state == "not_yet_in_force"


def test_an_amendment_flags_amended_with_its_parts(graph):
    st = graph_statuses(graph, "2026-01-01").of("ha-tinh:3470/QĐ-UBND:2024")
    assert st.state == "amended" and st.by == ["ha-tinh:3565/QĐ-UBND:2025"]
    assert st.parts == ["khoản 2 Điều 5"] and st.in_force is True
    # what implements the amended decision is warned "amended", naming the amending one
    report = graph_statuses(graph, "2026-01-01")
    plan = "ha-tinh:51/KH-UBND:2024"
    assert graph.has_edge(plan, "ha-tinh:3470/QĐ-UBND:2024", "implements")
    assert [(f["upstream"], f["state"], f["by"]) for f in report.flags[plan]] == [
        ("ha-tinh:3470/QĐ-UBND:2024", "amended", ["ha-tinh:3565/QĐ-UBND:2025"])]


def test_three_replacements_in_a_chain_resolve_to_the_latest(graph):
    report = graph_statuses(graph, "2026-01-01")
    st = report.of("ha-tinh:10/2019/QĐ-UBND:2019")
    assert st.state == "replaced" and st.by == ["ha-tinh:20/2021/QĐ-UBND:2021"]
    assert st.latest == "ha-tinh:40/2025/QĐ-UBND:2025"
    assert report.of("ha-tinh:30/2023/QĐ-UBND:2023").latest == "ha-tinh:40/2025/QĐ-UBND:2025"
    assert report.of("ha-tinh:40/2025/QĐ-UBND:2025").state == "in_force"
    # before the last replacement the chain ends one step earlier
    assert graph_statuses(graph, "2024-01-01").of("ha-tinh:10/2019/QĐ-UBND:2019").latest == "ha-tinh:30/2023/QĐ-UBND:2023"


def test_seed_documents_named_to_be_replaced_show_the_task(seed_store):
    with Store(seed_store) as store:
        g = store.graph()
    report = graph_statuses(g, "2026-12-06")
    wanted = ("16/2007/QĐ-UBND", "26/2008/QĐ-UBND", "31/2014/QĐ-UBND", "86/2018/NQ-HĐND")
    for symbol in wanted:
        node = next(n for n, d in g.nodes(data=True) if d.get("number_symbol") == symbol)
        st = report.of(node)
        assert st.state == "to_be_replaced", (symbol, st.state)
        assert st.in_force is True
        tasks = {c.task for c in st.pending}
        assert tasks and all(g.nodes[t]["kind"] == "task" for t in tasks), symbol
        assert all(g.has_edge(c.by, c.task, "part_of") for c in st.pending)


# -- rules read from the text, row by row -------------------------------------------------

MODE_ROWS = [
    ("repeal", "Điều 1. Bãi bỏ Quyết định số 32/2023/QĐ-UBND ngày 01/3/2023.", "32/", Relation.REPLACES,
     {"mode": "repeal"}),
    ("replace", "Quyết định này thay thế Quyết định số 15/2024/QĐ-UBND ngày 05/02/2024.", "15/", Relation.REPLACES,
     {"mode": "replace"}),
    ("no-longer-in-force-after", "Nghị quyết số 20/2022/NQ-HĐND ngày 12/9/2022 hết hiệu lực.", "20/",
     Relation.REPLACES, {"mode": "repeal"}),
    ("list-item-takes-lead-in", "Điều 2. Bãi bỏ các văn bản sau:\n1. Quyết định số 1/2000/QĐ-UB;\n"
     + "".join(f"{i}. Quyết định số {i}/2001/QĐ-UB ngày 01/01/2001 về việc thành lập đơn vị số {i}.\n" for i in range(2, 80))
     + "80. Quyết định số 80/2002/QĐ-UB.", "80/2002", Relation.REPLACES, {"mode": "repeal"}),
    ("amend-parts", "Sửa đổi điểm a khoản 1 Điều 2 và Phụ lục II của Quyết định số 12/2020/QĐ-UBND.", "12/",
     Relation.AMENDS, {"mode": "amend", "parts": ["điểm a khoản 1 Điều 2", "Phụ lục II"]}),
    ("amend-parts-after", "Quyết định số 12/2020/QĐ-UBND được sửa đổi Điều 3 như sau:", "12/", Relation.AMENDS,
     {"mode": "amend", "parts": ["Điều 3"]}),
]


@pytest.mark.parametrize("text, at, relation, expected", [r[1:] for r in MODE_ROWS], ids=[r[0] for r in MODE_ROWS])
def test_change_modes(text, at, relation, expected):
    start = text.index(at)
    assert change_detail(text, start, start + 15, relation) == expected


EFFECTIVE_ROWS = [
    ("on-signing", "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.", "2025-11-20", ("2025-11-20", "signing")),
    ("on-signing-ban-hanh", "Quyết định này có hiệu lực kể từ ngày ký ban hành.", "2025-11-20", ("2025-11-20", "signing")),
    ("dated-slashes", "Quyết định này có hiệu lực kể từ ngày 05/12/2025;", "2025-11-20", ("2025-12-05", "date")),
    ("dated-words", "1. Nghị quyết này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026.", None, ("2026-01-01", "date")),
    ("days-after", "Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký.", "2025-11-20", ("2025-11-30", "days_after_signing")),
    ("another-document-not-own", "Nghị định số 35/2022/NĐ-CP có hiệu lực từ ngày 01/7/2022.", "2025-11-20", None),
]


@pytest.mark.parametrize("text, own, expected", [r[1:] for r in EFFECTIVE_ROWS], ids=[r[0] for r in EFFECTIVE_ROWS])
def test_effective_dates(text, own, expected):
    got = effective_date(text, own)
    assert (got and (got["date"], got["rule"])) == expected or (got is None and expected is None)


PERIOD_ROWS = [
    ("range", "KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH GIAI ĐOẠN 2021 - 2025", "KH", ("2021-01-01", "2025-12-31")),
    ("range-wrapped-den", "Chương trình giai đoạn từ năm 2026 đến năm 2030", "CTr", ("2026-01-01", "2030-12-31")),
    ("n-years", "Kế hoạch tài chính 03 năm 2026 - 2028", "KH", ("2026-01-01", "2028-12-31")),
    ("until-not-vision", "Nghị quyết về phát triển đến năm 2030, tầm nhìn đến năm 2045", "NQ", (None, "2030-12-31")),
    ("plan-year", "Kế hoạch cải cách hành chính năm 2024", "KH", ("2024-01-01", "2024-12-31")),
    ("decision-year-is-no-period", "Quyết định phê duyệt danh mục (đợt 3 năm 2025)", "QĐ", None),
    ("a-date-is-no-period", "Kế hoạch triển khai Quyết định ngày 14 tháng 7 năm 2022", "KH", None),
    ("another-documents-period", "Nghị quyết bãi bỏ Nghị quyết số 30/2013/NQ-HĐND về phòng thủ đến năm 2020", "NQ", None),
]


@pytest.mark.parametrize("title, code, expected", [r[1:] for r in PERIOD_ROWS], ids=[r[0] for r in PERIOD_ROWS])
def test_stated_periods(title, code, expected):
    got = stated_period(title, code)
    assert (got and (got["from"], got["until"])) == expected or (got is None and expected is None)


def test_impossible_dates_are_found_with_offsets():
    text = "Căn cứ Quyết định số 5/QĐ-UBND ngày 27 năm 12 năm 2019 và Kế hoạch số 9/KH-UBND ngày 30/02/2023."
    got = impossible_dates(text)
    assert [d["text"] for d in got] == ["ngày 27 năm 12 năm 2019", "ngày 30/02/2023"]
    assert all(text[d["start"]:d["end"]] == d["text"] for d in got)


DAY_ROWS = [
    ("dd/mm/yyyy", "31/12/2025", "2025-12-31"),
    ("d/m/yyyy", "5/5/2023", "2023-05-05"),
    ("dashes", "31-12-2025", "2025-12-31"),
    ("iso", "2025-12-31", "2025-12-31"),
    ("month", "02/2024", "2024-02-29"),
    ("year", "2025", "2025-12-31"),
    ("today", "today", "2026-12-06"),
    ("tomorrow", "tomorrow", "2026-12-07"),
    ("ngay-mai", "ngày mai", "2026-12-07"),
]


@pytest.mark.parametrize("text, expected", [r[1:] for r in DAY_ROWS], ids=[r[0] for r in DAY_ROWS])
def test_parse_day(text, expected):
    import datetime

    assert parse_day(text, today=datetime.date(2026, 12, 6)) == expected


@pytest.mark.parametrize("text", ["31/02/2025", "12/31/2025", "soon", "2025-13-01"])
def test_parse_day_refuses(text):
    with pytest.raises(DateError):
        parse_day(text)


# -- the CLI ------------------------------------------------------------------------------

def run(*args):
    res = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return res


def test_cli_status_json_and_text(store_path):
    res = run("status", "32/2023/QĐ-UBND", "--store", str(store_path), "--as-of", "01/01/2026", "--json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["status"]["state"] == "repealed" and data["status"]["by"] == [D2828]
    assert data["passes_down"]["documents"] == [PLAN50] and len(data["passes_down"]["tasks"]) >= 2
    res = run("status", "32/2023/QĐ-UBND", "--store", str(store_path), "--as-of", "01/01/2026")
    assert "Hết hiệu lực (bị bãi bỏ) bởi 2828/QĐ-UBND, từ 20/11/2025" in res.output
    res = run("status", "32/2023/QĐ-UBND", "--store", str(store_path), "--as-of", "19/11/2025", "--json")
    assert json.loads(res.output)["status"]["state"] == "in_force"


def test_cli_trace_cite_impact_show_status(store_path):
    res = run("trace", "50/KH-UBND", "--store", str(store_path), "--as-of", "2026-01-01")
    assert "32/2023/QĐ-UBND [Hết hiệu lực (bị bãi bỏ)" in res.output
    res = run("cite", "50/KH-UBND", "--store", str(store_path), "--as-of", "2026-01-01", "--json")
    hops = json.loads(res.output)["chains"][0]
    assert [h["status"]["state"] for h in hops] == ["in_force", "repealed"]
    res = run("impact", "32/2023/QĐ-UBND", "--store", str(store_path), "--json")
    data = json.loads(res.output)
    assert data["nodes"][PLAN50]["warnings"][0]["upstream"] == D32


def test_cli_tasks_at_risk_and_overdue(store_path):
    res = run("tasks", "--at-risk", "--store", str(store_path), "--as-of", "01/01/2026", "--json")
    rows = json.loads(res.output)["tasks"]
    assert rows and all(r["warnings"] for r in rows)
    assert {r["document"] for r in rows} == {PLAN50, "ha-tinh:51/KH-UBND:2024"}
    res = run("tasks", "--at-risk", "--store", str(store_path), "--as-of", "01/01/2025", "--json")
    assert json.loads(res.output)["tasks"] == []
    res = run("tasks", "--overdue", "--store", str(store_path), "--as-of", "01/07/2023", "--json")
    overdue = json.loads(res.output)["tasks"]
    assert [r["deadline"]["text"] for r in overdue] == ["Quý II/2023"]
    res = run("tasks", "--due-before", "31/12/2023", "--store", str(store_path), "--json")
    assert len(json.loads(res.output)["tasks"]) >= 2
    res = CliRunner().invoke(cli, ["tasks", "--due-before", "31/02/2025", "--store", str(store_path)])
    assert res.exit_code == 2 and "not a date" in res.output and "Traceback" not in res.output


def test_cli_check_lists_what_rests_on_documents_no_longer_in_force(store_path):
    res = run("check", "--store", str(store_path), "--as-of", "01/01/2026", "--json")
    data = json.loads(res.output)
    states = {d["id"]: d["state"] for d in data["not_in_force"]}
    assert states[D32] == "repealed" and states["ha-tinh:10/2019/QĐ-UBND:2019"] == "replaced"
    assert PLAN50 in {r["id"] for r in data["at_risk"]}


def test_check_flags_dates_that_cannot_be_right(tmp_path):
    text = (HEAD.format(number="60/KH-UBND", day=5, month=5, year=2025) + "KẾ HOẠCH\nThực hiện chuyển đổi số\n"
            "Căn cứ Quyết định số 7/QĐ-UBND ngày 04 tháng 8 năm 2028 của UBND tỉnh; Quyết định số 8/QĐ-UBND "
            "ngày 27 năm 12 năm 2019 của UBND tỉnh;\nI. NHIỆM VỤ\n1. Sở Nội vụ chủ trì thực hiện.\n")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "p.txt").write_text(text, "utf-8")
    db = tmp_path / "kg.db"
    with Store(db) as store:
        build_corpus([tmp_path / "c"], store)
    data = json.loads(run("check", "--store", str(db), "--json").output)
    kinds = {c["kind"]: c for c in data["conflicts"]}
    assert "2028-08-04" in kinds["future_date"]["detail"]
    assert kinds["impossible_date"]["evidence"][0]["value"] == "ngày 27 năm 12 năm 2019"
    with Store(db) as store:
        dates = {d.get("date") for _, d in store.graph().nodes(data=True) if d.get("number_symbol") == "08/QĐ-UBND"}
    assert dates == {None}  # never stored as the document's date


NO_FORCE_ROWS = [
    ("proposal", "Xét Tờ trình số 423/TTr-UBND ngày 21 tháng 11 năm 2025 của Ủy ban nhân dân tỉnh về việc "
     "đề nghị ban hành Nghị quyết bãi bỏ Nghị quyết số 30/2013/NQ-HĐND ngày 06/12/2013 của HĐND tỉnh;"),
    ("report", "Căn cứ Báo cáo số 12/BC-UBND ngày 02/11/2025 của UBND tỉnh đề xuất thay thế Quyết định số "
     "15/2020/QĐ-UBND ngày 05/5/2020 của UBND tỉnh;"),
]


@pytest.mark.parametrize("clause", [r[1] for r in NO_FORCE_ROWS], ids=[r[0] for r in NO_FORCE_ROWS])
def test_a_proposal_or_report_changes_no_documents_force(clause):
    from loaders.extract import extract_text

    text = (HEAD.format(number="74/2025/NQ-HĐND", day=5, month=12, year=2025).replace("ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN")
            + f"NGHỊ QUYẾT\nVề việc bãi bỏ văn bản\n{clause}\nQUYẾT NGHỊ:\nĐiều 1. Nghị quyết này có hiệu lực từ ngày ký.\n")
    ex = extract_text(text)
    assert not [c for c in ex.chain_edges if c[1] in (Relation.REPLACES, Relation.AMENDS)], ex.chain_edges


def test_every_state_has_its_words_in_the_table() -> None:
    """The states' Vietnamese words are data (graph/tables/statuses.toml), one row per state
    and no row for a state the code does not derive."""
    rows = load_table("statuses")["status"]
    assert tuple(rows) == STATES
    assert LABELS_VI == {state: row["vi"] for state, row in rows.items()}
    assert LABELS_VI["replaced"] == "Hết hiệu lực (bị thay thế)"


@pytest.mark.parametrize("as_of", [None, "2024-01-01", "2019-06-30"])
def test_statuses_from_the_index_are_the_whole_graphs(seed_store, as_of):
    """`check` reads the statuses of a whole store from its index (the documents' own facts,
    the change edges, one recursive walk per document not in force): the same statuses and
    warnings as the networkx reading of the merged graph."""
    from queries.status import AT_RISK, index_statuses

    with Store(seed_store) as store:
        assert store.has_merged()
        by_index, whole = index_statuses(store, as_of), graph_statuses(store.graph(), as_of)
    assert by_index.as_of == whole.as_of
    assert {n: s.to_dict() for n, s in by_index.statuses.items()} == {n: s.to_dict() for n, s in whole.statuses.items()}
    assert by_index.flags == whole.flags
    if as_of is None:  # the sample has documents replaced and expired, and plans resting on them
        assert any(s.state in AT_RISK for s in whole.statuses.values()) and whole.flags


def test_a_units_document_says_whose_it_is_in_a_chain():
    """A district's own "12/KH-UBND" beside the province's "12/KH-UBND": the hop names its issuer."""
    import networkx as nx

    from queries.status import hop_label

    g = nx.MultiDiGraph()
    g.add_node("bac-giang:12/KH-UBND@huyen-luc-nam:2019", kind="document", number_symbol="12/KH-UBND",
               issuer="UBND huyện Lục Nam")
    g.add_node("bac-giang:12/KH-UBND:2019", kind="document", number_symbol="12/KH-UBND", issuer="UBND tỉnh Bắc Giang")
    assert hop_label(g, "bac-giang:12/KH-UBND@huyen-luc-nam:2019") == "12/KH-UBND (UBND huyện Lục Nam)"
    assert hop_label(g, "bac-giang:12/KH-UBND:2019") == "12/KH-UBND"
