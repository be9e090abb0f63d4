"""policykg report: 154/KH-UBND's report in .md, .docx and .html from the seed corpus, read
back; Vietnamese fonts in Word; a hostile title stays text; errors are one line."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from docx.shared import Pt

from graph.store import Store
from policykg.cli import cli
from queries.dossier import dossier
from viz.report import FONT, report_blocks, write_report

DAY = "2026-12-06"
PLAN = "ha-tinh:154/KH-UBND:2023"

HOSTILE = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH

Số: 12/KH-UBND

Hà Tĩnh, ngày 05 tháng 5 năm 2023

KẾ HOẠCH
Triển khai <script>alert(1)</script> | cột | *đậm* _nghiêng_ [liên kết](http://x) # tiêu đề

Thực hiện Nghị quyết số 29-NQ/TW ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng khóa XIII, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
Triển khai kịp thời các nội dung của Nghị quyết.

II. NHIỆM VỤ, GIẢI PHÁP
1. Sở Công Thương chủ trì, phối hợp với Sở Tài chính rà soát cơ chế hỗ trợ | doanh nghiệp <img src=x onerror=alert(2)>; hoàn thành trong Quý II/2023.
2. Sở Kế hoạch và Đầu tư chủ trì tổng hợp, báo cáo kết quả thực hiện; thời hạn: trước ngày 31/12/2023.

III. TỔ CHỨC THỰC HIỆN
Các sở, ban, ngành, địa phương tổ chức thực hiện Kế hoạch này.
"""


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def plan(seed_store):
    with Store(seed_store, readonly=True) as s:
        return dossier(s, PLAN, as_of=DAY)


@pytest.fixture(scope="module")
def reports(seed_store, tmp_path_factory):
    """154/KH-UBND's report in the three formats, written by the command."""
    out = tmp_path_factory.mktemp("reports")
    paths = {}
    for suffix in ("md", "docx", "html"):
        path = out / f"154.{suffix}"
        res = invoke("report", "154/KH-UBND", "-o", path, "--store", seed_store, "--as-of", DAY)
        assert res.exit_code == 0, res.output
        assert res.output == f"Report of Kế hoạch số 154/KH-UBND ngày 05/5/2023 của Ủy ban nhân dân tỉnh Hà Tĩnh written to {path}\n"
        paths[suffix] = path
    return paths


def _docx_text(path: Path) -> tuple[list[str], list]:
    d = docx.Document(str(path))
    return [p.text for p in d.paragraphs], d.tables


def _chain_lines(plan) -> list[str]:
    return [line.strip() for line in plan["chain_text"].split("\n")]


def _quotes(plan) -> list[dict]:
    return [ev for chain in plan["chains"] for hop in chain for ev in hop["evidence"]]


def test_docx_has_both_chains_hop_by_hop_in_order(reports, plan):
    paras, _ = _docx_text(reports["docx"])
    lines = _chain_lines(plan)
    assert lines.count("Kế hoạch số 154/KH-UBND ngày 05/5/2023 của Ủy ban nhân dân tỉnh Hà Tĩnh [Còn hiệu lực, từ 05/5/2023]") == 2
    at = paras.index("Chuỗi 1:")
    assert paras[at:at + len(lines)] == lines  # each chain, one hop a paragraph, as cite prints it
    assert "↳ thực hiện Chương trình số 26-CTr/TU ngày 07/02/2023 của Tỉnh ủy Hà Tĩnh [Chưa rõ hiệu lực]" in paras
    assert "↳ thực hiện Kế hoạch số 13-KH/TW ngày 28/11/2022 của Bộ Chính trị [Chưa rõ hiệu lực]" in paras
    d = docx.Document(str(reports["docx"]))
    indents = [p.paragraph_format.left_indent for p in d.paragraphs[at:at + len(lines)]]
    assert indents[3] > indents[2] > indents[1] == 0  # the hops step in, as in cite


def test_docx_has_the_evidence_quotes_with_file_and_offsets(reports, plan):
    paras, _ = _docx_text(reports["docx"])
    text = "\n".join(paras)
    quotes = _quotes(plan)
    assert len(quotes) == 4
    for ev in quotes:
        assert f"“{' '.join(ev['sentence'].split())}”" in text
        assert f"002_05e3fa0bd3f85029.txt, ký tự {ev['start']}–{ev['end']}" in text
    assert "Văn bản Trung ương ở gốc: Nghị quyết số 29-NQ/TW ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng." in paras


def test_docx_header_identity_status_and_conflicts(reports, plan, seed_store):
    paras, tables = _docx_text(reports["docx"])
    assert paras[0].startswith(f"Kho dữ liệu: {seed_store} · Hiệu lực tính đến ngày 06/12/2026 · Lập ngày ")
    ident = {r.cells[0].text: r.cells[1].text for r in tables[0].rows}
    assert ident["Số, ký hiệu"] == "154/KH-UBND" and ident["Ngày ban hành"] == "05/5/2023"
    assert ident["Cơ quan ban hành"] == "Ủy ban nhân dân tỉnh Hà Tĩnh" and ident["Mã định danh"] == PLAN
    assert "Ngày 06/12/2026: Còn hiệu lực, từ 05/5/2023." in paras
    assert "[ngày ban hành] 57-KL/TU cited with dates 2022-10-07, 2022-11-07" in paras
    assert len([p for p in paras if p.startswith("[")]) == len(plan["conflicts"])


def test_docx_task_tables_by_agency_with_deadlines(reports, plan):
    paras, tables = _docx_text(reports["docx"])
    groups = plan["downstream"]["tasks_by_agency"]
    heads = [p for p in paras if re.fullmatch(r".+ \(\d+ nhiệm vụ\)", p)]
    assert heads == [f"{g['agency']} ({len(g['tasks'])} nhiệm vụ)" for g in groups]
    task_tables = [t for t in tables if t.rows[0].cells[0].text == "Mục" and len(t.columns) == 6]
    assert len(task_tables) == len(groups)
    assert [c.text for c in task_tables[0].rows[0].cells] == ["Mục", "Nhiệm vụ", "Văn bản", "Phối hợp", "Thời hạn", "Vị trí"]
    sct = task_tables[[g["agency"] for g in groups].index("Sở Công Thương")]
    assert len(sct.rows) == 10
    first = [c.text for c in sct.rows[1].cells]
    assert first[0] == "II.2.b" and first[1].startswith("Sở Công Thương chủ trì") and first[2] == "Kế hoạch số 154/KH-UBND"
    rows = [[c.text for c in r.cells] for t in task_tables for r in t.rows[1:]]
    assert ["III.1", "trước ngày 15 tháng 11 định kỳ hàng năm"] == [
        next(r for r in rows if r[0] == "III.1")[i] for i in (0, 4)]


def test_docx_fonts_are_times_new_roman_13_on_every_slot(reports):
    d = docx.Document(str(reports["docx"]))
    assert d.styles["Normal"].font.size == Pt(13)
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Quote", "List Bullet", "Table Grid"):
        style = d.styles[name]
        assert style.font.name == FONT, name
        fonts = style.element.rPr.find(qn("w:rFonts"))
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            assert fonts.get(qn(slot)) == FONT, (name, slot)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            assert fonts.get(qn(theme)) is None, (name, theme)  # a theme font would win over ours
        assert style.element.rPr.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"
    defaults = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == FONT
    sec = d.sections[0]
    assert round(sec.page_width.mm) == 210 and round(sec.left_margin.mm) == 30 and round(sec.right_margin.mm) == 15


def test_markdown_report(reports, plan):
    md = reports["md"].read_text("utf-8")
    fence = re.search(r"```text\n(.*?)\n```", md, re.S).group(1)
    assert fence == plan["chain_text"]  # ready to copy, exactly as cite prints it
    for ev in _quotes(plan):
        assert f"002\\_05e3fa0bd3f85029.txt, ký tự {ev['start']}–{ev['end']}" in md
    assert "| II.2.b | Sở Công Thương chủ trì" in md
    assert "## 5. Văn bản và nhiệm vụ triển khai" in md


def test_html_report_is_self_contained_and_printable(reports, plan):
    page = reports["html"].read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="vi">' in page and "@media print" in page
    assert not re.search(r"<(script|link|img)\b|src=|href=", page)  # nothing to fetch, nothing to run
    assert "Chuỗi 1:\nKế hoạch số 154/KH-UBND" in page
    assert "002_05e3fa0bd3f85029.txt, ký tự 187–238" in page


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.data = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.data.append(data)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A store of one plan whose title and a task carry HTML and Markdown."""
    root = tmp_path_factory.mktemp("hostile")
    (root / "corpus").mkdir()
    (root / "corpus" / "kh12.txt").write_text(HOSTILE, encoding="utf-8")
    store = root / "kg.db"
    res = invoke("build", root / "corpus", "--store", store)
    assert res.exit_code == 0, res.output
    with Store(store, readonly=True) as s:
        d = dossier(s, "ha-tinh:12/KH-UBND:2023", as_of=DAY)
    assert "<script>alert(1)</script>" in d["document"]["title"] and "|" in d["document"]["title"]
    return root, store, d


def test_hostile_title_is_text_in_html(hostile):
    root, store, d = hostile
    out = root / "r.html"
    assert invoke("report", "12/KH-UBND", "-o", out, "--store", store).exit_code == 0
    page = out.read_text("utf-8")
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    parsed = _Text()
    parsed.feed(page)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert any("<script>alert(1)</script>" in t for t in parsed.data)  # shown as the text it is


def test_hostile_title_does_not_break_the_markdown(hostile):
    root, store, d = hostile
    out = root / "r.md"
    assert invoke("report", "12/KH-UBND", "-o", out, "--store", store).exit_code == 0
    md = out.read_text("utf-8")
    assert "<script>" not in md and "\\<script\\>" in md
    unescaped_pipes = re.compile(r"(?<!\\)\|")
    for table in re.findall(r"(?:^\|.*\|$\n?)+", md, re.M):
        rows = table.strip("\n").split("\n")
        widths = {len(unescaped_pipes.findall(r)) for r in rows}
        assert len(widths) == 1, rows  # every row as many cells as the header
    assert "cột \\| \\*\\*" not in md and "Triển khai \\<script\\>alert(1)\\</script\\> \\| cột \\|" in md
    assert "\\[liên kết\\](http://x) \\# tiêu đề" in md
    task_row = next(line for line in md.splitlines() if line.startswith("| II.1 "))
    assert "hỗ trợ \\| doanh nghiệp" in task_row and "Quý II/2023 (đến 30/6/2023)" in task_row


def test_hostile_title_in_docx_is_plain_text(hostile):
    root, store, d = hostile
    out = write_report(d, root / "r.docx", store=str(store))
    paras, tables = _docx_text(out)
    ident = {r.cells[0].text: r.cells[1].text for r in tables[0].rows}
    assert "<script>alert(1)</script> | cột |" in ident["Trích yếu"]


def test_deadlines_as_vietnamese_dates(hostile):
    _, _, d = hostile
    rows = [b for b in report_blocks(d) if b.kind == "table" and b.header[0] == "Mục" and len(b.header) == 6]
    deadlines = {r[0]: r[4] for b in rows for r in b.rows}
    assert deadlines["II.1"] == "hoàn thành trong Quý II/2023 (đến 30/6/2023)"
    assert deadlines["II.2"] == "trước ngày 31/12/2023"  # the date is already in the words


def test_unknown_suffix_is_one_error_line(seed_store, tmp_path):
    res = invoke("report", "154/KH-UBND", "-o", tmp_path / "r.pdf", "--store", seed_store)
    assert res.exit_code == 1
    assert res.output == f"Error: {tmp_path / 'r.pdf'}: unknown report format '.pdf'; name the file .md, .docx or .html\n"
    assert not (tmp_path / "r.pdf").exists()
    with pytest.raises(Exception, match="unknown report"):
        write_report({}, tmp_path / "r.txt")


def test_unknown_ref_is_one_error_line(seed_store, tmp_path):
    res = invoke("report", "999/KH-XYZ", "-o", tmp_path / "r.md", "--store", seed_store)
    assert res.exit_code == 1
    assert res.output == "Error: 999/KH-XYZ: no document, task or file of that name in the store\n"
    assert not (tmp_path / "r.md").exists()


def test_unwritable_file_is_one_error_line(seed_store, tmp_path):
    res = invoke("report", "154/KH-UBND", "-o", tmp_path / "no" / "r.docx", "--store", seed_store)
    assert res.exit_code == 1 and res.output.startswith("Error: ") and res.output.count("\n") == 1
    assert "Traceback" not in res.output
