"""Task layouts are a list (loaders.tasks.LAYOUTS): a new one is a function, its table rows
and a place in the list.  A toy layout reads "TODO(<agency>): <text>" lines."""

from __future__ import annotations

import pytest
import regex

from graph.model import DocRef
from loaders.task_build import Layout, Read
from loaders.task_roles import Roles, label_agencies
from loaders.tasks import LAYOUTS, extract_tasks, registered

DOC = DocRef(id="ha-tinh:1/KH-UBND:2024", type="KH", number_symbol="1/KH-UBND", date="2024-01-05",
             issuer="Ủy ban nhân dân tỉnh Hà Tĩnh", jurisdiction="Hà Tĩnh")
DEFAULT = [x.name for x in LAYOUTS]

# rows as tasks.toml would hold them: [todo] line = '...'
TABLE = {"todo": {"line": r"TODO\((?P<lead>[^()]+)\):\s*(?P<text>.+)"}}


def todo_layout(table: dict) -> Layout:
    """A layout in a few lines: each "TODO(X): …" line is a task X leads; the lines are claimed."""
    line = regex.compile(table["todo"]["line"])

    def read(ctx, paras, b) -> Read:
        hits = [(p, m) for p in paras if (m := line.fullmatch(ctx.text, p.body, p.end))]
        for n, (p, m) in enumerate(hits, 1):
            b.add(*m.span("text"), f"TODO.{n}", Roles(tuple(label_agencies(ctx, *m.span("lead")))))
        return Read(claimed=tuple((p.start, p.end) for p, _ in hits))

    return Layout("todo", read)


@pytest.fixture
def todo():
    with registered(todo_layout(TABLE), before="prose") as layout:
        yield layout


TODOS = ("KẾ HOẠCH\n"
         "TODO(Sở Y tế): Rà soát các cơ sở khám bệnh, chữa bệnh trên địa bàn tỉnh.\n"
         "TODO(Sở Tài chính, Sở Nội vụ): Bố trí kinh phí thực hiện Kế hoạch năm 2024.\n")
MIXED = ("II. NHIỆM VỤ\n"
         "1. Giao Sở Y tế chủ trì rà soát các cơ sở khám bệnh, chữa bệnh.\n"
         "TODO(Sở Tài chính): Bố trí kinh phí thực hiện Kế hoạch trước ngày 30/6/2024.\n")


def _rows(text):
    tasks, _ = extract_tasks(text, DOC)
    return [(t.section, t.lead, t.text, t.deadline and t.deadline.end) for t in tasks]


def test_a_registered_layout_is_read(todo):
    tasks, agencies = extract_tasks(TODOS, DOC)
    assert [(t.section, t.lead, t.inferred) for t in tasks] == [
        ("TODO.1", ("ha-tinh:agency:so-y-te",), False),
        ("TODO.2", ("ha-tinh:agency:so-tai-chinh", "ha-tinh:agency:so-noi-vu"), False),
    ]
    assert [TODOS[t.start : t.end] for t in tasks] == [t.text for t in tasks]
    assert tasks[0].text == "Rà soát các cơ sở khám bệnh, chữa bệnh trên địa bàn tỉnh."
    assert {a.id for a in agencies} == {x for t in tasks for x in t.lead}


def test_a_layout_claims_its_lines_from_the_layouts_after_it(todo):
    # without the toy, prose reads the TODO line as the rest of item 1; with it, item 1 ends
    # before the line, which is a task of its own with its own deadline
    (item, todo_task) = _rows(MIXED)
    assert item[:2] == ("II.1", ("ha-tinh:agency:so-y-te",))
    assert item[2].endswith("chữa bệnh.")
    assert todo_task == ("TODO.1", ("ha-tinh:agency:so-tai-chinh",),
                         "Bố trí kinh phí thực hiện Kế hoạch trước ngày 30/6/2024.", "2024-06-30")


def test_leaving_the_block_restores_the_layouts_and_the_result():
    before = (_rows(TODOS), _rows(MIXED))
    assert before[0] != _rows_with_todo(TODOS) and before[1] != _rows_with_todo(MIXED)
    assert [x.name for x in LAYOUTS] == DEFAULT
    assert (_rows(TODOS), _rows(MIXED)) == before


def _rows_with_todo(text):
    with registered(todo_layout(TABLE)):
        assert [x.name for x in LAYOUTS] == [*DEFAULT, "todo"]
        return _rows(text)


def test_a_failing_layout_is_taken_out_too():
    def broken(ctx, paras, b):
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError), registered(Layout("broken", broken)):
        extract_tasks(TODOS, DOC)
    assert [x.name for x in LAYOUTS] == DEFAULT


def test_a_name_is_registered_once(todo):
    with pytest.raises(ValueError, match="todo"), registered(todo_layout(TABLE)):
        pass
    assert [x.name for x in LAYOUTS] == [*DEFAULT[:2], "todo", *DEFAULT[2:]]


def test_article_tasks_are_named_as_the_document_numbers_them() -> None:
    """A decision's tasks carry the place the document gives them ("Điều 5.1.a" is point a of
    clause 1 of article 5), not their rank; a second task of one item gets "-2"; a paragraph of
    no item is its article's."""
    from loaders.extract import extract_text

    text = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 87/2025/QĐ-UBND\n"
            "Bắc Ninh, ngày 03 tháng 12 năm 2025\nQUYẾT ĐỊNH\nVề việc phân công\nQUYẾT ĐỊNH:\n"
            "Chương II\nTỔ CHỨC THỰC HIỆN\n"  # the chapter above an article is no part of its tasks' names
            "Điều 5. Trách nhiệm thực hiện\n1. UBND tỉnh ủy quyền cho Giám đốc Sở Nội vụ:\n"
            "a) Quyết định bổ nhiệm Kiểm soát viên tại doanh nghiệp.\nb) Quyết định kỷ luật Kiểm soát viên.\n"
            "2. Biện pháp phòng cháy, chữa cháy rừng bao gồm:\n"
            "Chủ tịch Ủy ban nhân dân cấp xã chỉ đạo các chủ rừng triển khai phương án phòng cháy.\n"
            "Cơ quan Kiểm lâm chủ trì phối hợp với Cơ quan Công an tổ chức kiểm tra, hướng dẫn khoanh vùng sản xuất.\n"
            "Điều 6. Sở Y tế có trách nhiệm hướng dẫn các cơ sở y tế thực hiện Quyết định này.\n")
    assert [t.section for t in extract_text(text).tasks] == [
        "Điều 5.1.a", "Điều 5.1.b", "Điều 5.2", "Điều 5.2-2", "Điều 6"]
