"""What the faster layout stage, paragraph split and header keep: the collector's state, the
one-by-one marker matching under a table whose marker has groups of its own, the place-date
line found after an earlier line that mentions "ngày"."""

from __future__ import annotations

import gc

from graph.vocab import use_tables
from loaders import task_paragraphs
from loaders.header import read_header
from loaders.layout import build_layout
from loaders.task_paragraphs import split_paragraphs

TEXT = "II. NHIỆM VỤ\n1. Quy hoạch\na) Sở Xây dựng:\n- Rà soát quy\n\nhoạch.\n2) Giao thông\n"


def test_build_layout_gives_back_the_collector_as_it_was():
    assert gc.isenabled()
    build_layout("**a**\nb")
    assert gc.isenabled()
    gc.disable()
    try:
        build_layout("**a**\nb")
        assert not gc.isenabled()
    finally:
        gc.enable()


def _paragraphs(text: str) -> list[tuple]:
    return [(p.start, p.end, p.kind, p.label, p.body) for p in split_paragraphs(text)]


def test_markers_one_alternation_or_one_by_one(tmp_path):
    shipped = _paragraphs(TEXT)
    assert [k for _, _, k, _, _ in shipped] == ["roman", "number", "letter", "dash", "number"]
    # a marker with a group of its own: the alternation is not built, the markers are tried
    # one by one, with the same paragraphs
    (tmp_path / "tasks.toml").write_text(
        "[markers]\nnumber = '(?P<label>\\d{1,2}(?:\\.\\d{1,2}){0,3})\\s*([.)])\\s+(?=\\S)'\n", "utf-8")
    with use_tables(tmp_path):
        assert task_paragraphs._markers() is None
        assert _paragraphs(TEXT) == shipped
    assert task_paragraphs._markers() is not None


def test_place_date_after_an_earlier_ngay():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Bản tin ngày mai\nSố: 154/KH-UBND\nHà Tĩnh, ngày 05 tháng 5 năm 2023\nKẾ HOẠCH\nTriển khai\n")
    ref = read_header(text).ref
    assert ref.date == "2023-05-05"
    assert ref.number_symbol == "154/KH-UBND"
