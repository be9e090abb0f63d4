"""The layouts of real documents, each written in the test as plain text, as a saved web page
(markdown: site chrome, a header flattened into ``|`` cells, lines wrapped anywhere, emphasis
inside labels and headings), as .docx and as HTML; every format must give the same identity,
references and tasks.

A case is a small document in a neutral form (a list of blocks); the four writers below lay
it out as each source does.  Then the layout stage itself: table rows of what it joins,
keeps apart, removes and maps back.
"""

from __future__ import annotations

import html
import textwrap
from pathlib import Path

import pytest

from loaders.extract import extract_file
from loaders.layout import build_layout, reading_form

# --------------------------------------------------------------------------- writers
# Blocks: ("header", issuer, number, place_date), ("type", word), ("title", text),
# ("p", text), ("h", text) a bold heading, ("i", text) an italic preamble clause,
# ("label", label, value), ("table", [cells...] rows), ("sign", text); a table cell None is
# merged with the cell above (a rowspan: empty in .txt and .docx, left out of .md and HTML).

CHROME_BEFORE = [
    "|", "Bản dịch này thuộc quyền sở hữu của **", "THƯ VIỆN PHÁP LUẬT**. Mọi hành vi sao chép là vi phạm.",
    "Đang tải văn bản...", "#", "**Số hiệu:**", "|", "{number}", "|", "**Loại văn bản:**", "|", "{type}",
    "|", "**Nơi ban hành:**", "|", "{issuer_box}", "|", "**Ngày ban hành:**", "|", "{date_box}", "|",
    "**Tình trạng:**", "|", "Đã biết", "|", "",
]
CHROME_AFTER = [
    "{type} {number} về việc thử nghiệm", "Văn bản này chưa cập nhật nội dung Tiếng Anh",
    "## Văn bản liên quan", "Ban hành:", "29/06/2025", "Quyết định 999/QĐ-UBND năm 2024 của tỉnh khác",
    "**Địa chỉ:**", "|", "17 Nguyễn Gia Thiều, TP.HCM", "|",
]


def _wrap(text: str, width: int = 38) -> list[str]:
    """Lines broken anywhere between words, as a saved page breaks them."""
    return textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False) or [""]


def write_txt(blocks: list[tuple], path: Path) -> Path:
    lines = []
    for b in blocks:
        kind = b[0]
        if kind == "header":
            lines += [b[1], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", b[2], b[3]]
        elif kind == "label":
            lines.append(f"{b[1]} {b[2]}")
        elif kind == "table":
            lines += ["\t".join(c or "" for c in row) for row in b[1]]
        else:
            lines.append(b[1])
    path = path.with_suffix(".txt")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def write_md(blocks: list[tuple], path: Path, chrome: dict | None = None) -> Path:
    out: list[str] = []
    if chrome:
        out += [x.format(**chrome) for x in CHROME_BEFORE]
    for b in blocks:
        kind = b[0]
        if kind == "header":
            issuer = b[1].split()
            num_word, _, num = b[2].partition(" ")
            place, _, rest = b[3].partition(" ngày ")
            out += ["|", "**" + " ".join(issuer[:3]), " ".join(issuer[3:]) + "**", "-------", "|",
                    "**CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM**", "Độc lập - Tự do - Hạnh phúc", "---------------",
                    "|", "|", num_word, num, "|", f"*{place} ngày", f"{rest}*", "|", ""]
        elif kind == "type":
            out.append(f"**{b[1]}**")
        elif kind == "title":
            out += _wrap(b[1], 30)
        elif kind == "h":
            words = b[1].split(" ", 1)
            out += [f"**{words[0]}", f"{words[1]}**"] if len(words) > 1 else [f"**{b[1]}**"]
        elif kind == "i":
            lines = _wrap(b[1])
            lines[0], lines[-1] = "*" + lines[0], lines[-1] + "*"
            out += lines
        elif kind == "label":
            out += [f"*{b[1]} *" + _wrap(b[2])[0], *_wrap(b[2])[1:]]
        elif kind == "table":
            for row in b[1]:
                out.append("|")
                for cell in row:
                    if cell is None:
                        continue  # a merged cell: the page leaves it out of the row
                    out += _wrap(cell, 30) if cell else []  # an empty cell leaves no line
                    out.append("|")
        elif kind == "sign":
            out += ["|", *b[1].split("\n"), "|"]
        else:
            out += [*_wrap(b[1]), ""]  # a saved page puts a blank line between paragraphs
    if chrome:
        out += [x.format(**chrome) for x in CHROME_AFTER]
    path = path.with_suffix(".md")
    path.write_text("\n".join(out) + "\n", "utf-8")
    return path


def write_docx(blocks: list[tuple], path: Path) -> Path:
    import docx

    d = docx.Document()
    for b in blocks:
        kind = b[0]
        if kind == "header":
            t = d.add_table(rows=2, cols=2)
            t.cell(0, 0).text, t.cell(0, 1).text = b[1], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
            t.cell(1, 0).text, t.cell(1, 1).text = b[2], b[3]
        elif kind == "table":
            t = d.add_table(rows=len(b[1]), cols=len(b[1][0]))
            for i, row in enumerate(b[1]):
                for j, cell in enumerate(row):
                    if cell is None:
                        t.cell(i - 1, j).merge(t.cell(i, j))  # (vertically: the row's cell stays, empty)
                    else:
                        t.cell(i, j).text = cell
        elif kind == "label":
            p = d.add_paragraph()
            p.add_run(b[1]).italic = True
            p.add_run(" " + b[2])
        elif kind in ("h", "type"):
            d.add_paragraph().add_run(b[1]).bold = True
        else:
            for line in b[1].split("\n"):
                d.add_paragraph(line)
    path = path.with_suffix(".docx")
    d.save(path)
    return path


def _td(rows: list[list], i: int, j: int) -> str:
    """A table cell in HTML: spanning the merged (None) cells below it, none for a merged one."""
    if rows[i][j] is None:
        return ""
    span = 1
    while i + span < len(rows) and rows[i + span][j] is None:
        span += 1
    return (f'<td rowspan="{span}">' if span > 1 else "<td>") + html.escape(rows[i][j]) + "</td>"


def write_html(blocks: list[tuple], path: Path) -> Path:
    e = html.escape
    body = []
    for b in blocks:
        kind = b[0]
        if kind == "header":
            body.append(f"<table><tr><td><b>{e(b[1])}</b></td><td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></td></tr>"
                        f"<tr><td>{e(b[2])}</td><td><i>{e(b[3])}</i></td></tr></table>")
        elif kind == "table":
            rows = "".join("<tr>" + "".join(_td(b[1], i, j) for j in range(len(row))) + "</tr>"
                           for i, row in enumerate(b[1]))
            body.append(f"<table>{rows}</table>")
        elif kind == "label":
            body.append(f"<p><i>{e(b[1])}</i> {e(b[2])}</p>")
        elif kind in ("h", "type"):
            body.append(f"<p><b>{e(b[1])}</b></p>")
        else:
            body += [f"<p>{e(line)}</p>" for line in b[1].split("\n")]
    path = path.with_suffix(".html")
    path.write_text("<html><head><meta charset='utf-8'></head><body>" + "\n".join(body) + "</body></html>", "utf-8")
    return path


def _pdf_font() -> tuple[str, str]:
    """DejaVu Sans and its bold face (Debian: fonts-dejavu-core), to typeset Vietnamese."""
    from tests.test_input_formats import _font

    regular = _font()
    bold = Path(regular).with_name("DejaVuSans-Bold.ttf")
    return regular, str(bold) if bold.exists() else regular  # (bold is only emphasis here)


def write_pdf(blocks: list[tuple], path: Path) -> Path:
    """The document typeset as an office would print it to PDF (fpdf2): the header a
    two-column table without rules, paragraphs justified to the page, every table ruled,
    its cells wrapping over several lines and a merged cell (None) spanning the rows."""
    from fpdf import FPDF

    regular, bold = _pdf_font()
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("dv", "", regular)
    pdf.add_font("dv", "B", bold)
    pdf.set_font("dv", size=10)

    def para(text: str, style: str = "", align: str = "J") -> None:
        pdf.set_font("dv", style, 10)
        for line in text.split("\n"):
            pdf.multi_cell(0, 5, line or " ", align=align, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("dv", "", 10)

    for b in blocks:
        kind = b[0]
        if kind == "header":
            with pdf.table(borders_layout="NONE", first_row_as_headings=False, text_align="CENTER") as t:
                row = t.row()
                row.cell(b[1])
                row.cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
                row = t.row()
                row.cell(b[2])
                row.cell(b[3])
        elif kind == "table":
            rows = b[1]
            with pdf.table(first_row_as_headings=False, text_align="LEFT") as t:
                for i, cells in enumerate(rows):
                    row = t.row()
                    for j, cell in enumerate(cells):
                        if cell is None:
                            continue  # under a cell that spans it
                        span = 1
                        while i + span < len(rows) and rows[i + span][j] is None:
                            span += 1
                        row.cell(cell, rowspan=span)
        elif kind == "label":
            para(f"{b[1]} {b[2]}")
        elif kind in ("h", "type"):
            para(b[1], "B", "C" if kind == "type" else "L")
        elif kind == "title":
            para(b[1], "B", "C")
        else:
            para(b[1])
    path = path.with_suffix(".pdf")
    pdf.output(str(path))
    return path


WRITERS = {"txt": write_txt, "md": write_md, "docx": write_docx, "html": write_html, "pdf": write_pdf}

# --------------------------------------------------------------------------- cases

HEADER = ("header", "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "Số: 87/2025/QĐ-UBND", "Bắc Ninh, ngày 20 tháng 11 năm 2025")
SIGN = ("sign", "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A")

DECISION = [
    HEADER,
    ("type", "QUYẾT ĐỊNH"),
    ("title", "BÃI BỎ QUYẾT ĐỊNH SỐ 636/QĐ-UBND NGÀY 10/3/2020 CỦA UBND TỈNH QUẢNG NAM VỀ VIỆC THỬ NGHIỆM"),
    ("h", "ỦY BAN NHÂN DÂN TỈNH BẮC NINH"),
    ("i", "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;"),
    ("i", "Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13 được sửa đổi, bổ sung bởi Luật số 59/2020/QH14;"),
    ("i", "Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 12/TTr-STC ngày 01/11/2025."),
    ("type", "QUYẾT ĐỊNH:"),
    ("h", "Điều 1. Bãi bỏ Quyết định số 636/QĐ-UBND ngày 10/3/2020 của Ủy ban nhân dân tỉnh Quảng Nam."),
    ("h", "Điều 2. Tổ chức thực hiện"),
    ("p", "1. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ rà soát các văn bản liên quan, hoàn thành trong năm 2025."),
    ("p", "2. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 15/2024/QĐ-UBND ngày 05/02/2024 của Ủy ban nhân dân tỉnh."),
    ("h", "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tài chính, Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành Quyết định này./."),
    SIGN,
    ("p", "Ban hành kèm theo Quyết định số 87/2025/QĐ-UBND ngày 20/11/2025"),
]

PLAN = [
    ("header", "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "Số: 144/KH-UBND", "Bắc Ninh, ngày 20 tháng 11 năm 2025"),
    ("type", "KẾ HOẠCH"),
    ("title", "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học"),
    ("p", "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:"),
    ("h", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("p", "Nâng cao nhận thức của các cấp, các ngành về chuyển đổi số."),
    ("h", "II. NHIỆM VỤ CỤ THỂ"),
    ("h", "1. Sở Khoa học và Công nghệ"),
    ("p", "- Chủ trì xây dựng cơ sở dữ liệu khoa học và công nghệ của tỉnh."),
    ("p", "- Phối hợp với Sở Tài chính bố trí kinh phí cho các nhiệm vụ khoa học."),
    ("h", "2. Triển khai nền tảng số dùng chung"),
    ("label", "Cơ quan thực hiện:", "Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp và các sở, ban, ngành."),
    ("label", "Thời gian thực hiện:", "Hoàn thành trong năm 2025."),
    ("h", "3. Đào tạo nguồn nhân lực số"),
    ("label", "Đơn vị chủ trì:", "Sở Giáo dục và Đào tạo."),
    ("label", "Thời gian thực hiện:", "Quý IV/2025."),
    ("h", "III. PHÂN CÔNG NHIỆM VỤ"),
    ("table", [["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"],
               ["1", "Xây dựng đề án phát triển trung tâm dữ liệu tỉnh", "Sở Khoa học và Công nghệ", "Sở Tài chính", "Quý II/2026", "Đề án"],
               ["2", "Rà soát thủ tục hành chính trên môi trường số", "Văn phòng UBND tỉnh", "Sở Tư pháp", "Tháng 12/2025", "Báo cáo"]]),
    ("p", "Trên đây là Kế hoạch thực hiện Nghị quyết số 57-NQ/TW của Ủy ban nhân dân tỉnh."),
    SIGN,
]

# more ways a plan gives an item's roles: labels as dashed lines, labels by their role word
# alone, labels inline after ";", roles marked in parentheses, a topic label before the bearer
PLAN_LABELS = [
    ("header", "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "Số: 99/KH-UBND", "Nghệ An, ngày 05 tháng 3 năm 2025"),
    ("type", "KẾ HOẠCH"),
    ("title", "Triển khai chuyển đổi số năm 2025"),
    ("h", "I. NHIỆM VỤ"),
    ("p", "1. Rà soát quy hoạch đô thị."),
    ("p", "- Đơn vị chủ trì: Sở Xây dựng."),
    ("p", "- Đơn vị phối hợp: Sở Tài chính."),
    ("p", "- Thời gian hoàn thành: Tháng 12/2025."),
    ("p", "2. Xây dựng cơ sở dữ liệu đất đai."),
    ("p", "- Chủ trì: Sở Nông nghiệp và Môi trường."),
    ("p", "- Phối hợp: Sở Tài chính."),
    ("p", "- Thời gian: Năm 2026."),
    ("p", "3. Cập nhật bản đồ số; cơ quan chủ trì: Sở Khoa học và Công nghệ; cơ quan phối hợp: Sở Tư pháp; "
          "thời gian: Quý IV/2025."),
    ("p", "4. Số hóa hồ sơ đất đai: Sở Nông nghiệp và Môi trường (chủ trì), Sở Tư pháp (phối hợp); hoàn thành "
          "trong năm 2025."),
    ("p", "5. Công tác tuyên truyền: Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Nội vụ tổ chức "
          "các hoạt động."),
    # the label's noun doubled, the lead that advises, a title of one word named by its label
    ("p", "6. Xây dựng đề án vị trí việc làm."),
    ("p", "- Cơ quan, đơn vị chủ trì: Sở Nội vụ."),
    ("p", "- Cơ quan, đơn vị phối hợp: Sở Tài chính."),
    ("p", "7. Sắp xếp đơn vị sự nghiệp."),
    ("p", "- Đơn vị tham mưu: Sở Nội vụ."),
    ("p", "- Thời hạn hoàn thành: 30/11/2025."),
    ("p", "8. Tuyên truyền."),
    ("p", "- Cơ quan thực hiện: Sở Văn hóa, Thể thao và Du lịch."),
    # labels written once after two items that bear none of their own: both items'
    ("p", "9. Tổ chức tập huấn chuyển đổi số cho cán bộ."),
    ("p", "10. Tổ chức hội thi chuyển đổi số."),
    ("p", "- Cơ quan thực hiện: Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Nội vụ."),
    ("p", "- Thời gian thực hiện: Quý III/2025."),
    # a label whose lead then directs others: the bodies it directs are no leads
    ("p", "11. Phổ biến các nền tảng số cho người dân."),
    ("p", "- Cơ quan thực hiện: Sở Khoa học và Công nghệ đôn đốc, hướng dẫn các sở, ngành triển khai thực hiện."),
    # partners listed with ";": a group's qualifier and a body the table does not know go on
    # with the list
    ("p", "12. Hỗ trợ xây dựng nhà ở cho người lao động."),
    ("p", "- Cơ quan thực hiện: Sở Xây dựng chủ trì, phối hợp với Liên đoàn Lao động tỉnh; các sở, ngành có liên "
          "quan; Hiệp hội Doanh nghiệp nhỏ và vừa tỉnh; Uỷ ban nhân dân các huyện, thành phố."),
    ("p", "13. Xây dựng thiết chế công đoàn."),
    ("p", "- Cơ quan thực hiện: Ủy ban nhân dân các huyện, thành phố chủ trì phối hợp với Sở Xây dựng; Liên đoàn "
          "Lao động cùng cấp và các đơn vị có liên quan."),
    # labels marked with letters, on lines of their own or several on one line
    ("p", "14. Tăng cường công tác dân vận chính quyền."),
    ("p", "a) Cơ quan chủ trì: Sở Nội vụ."),
    ("p", "b) Cơ quan phối hợp: Các cơ quan, đơn vị có liên quan."),
    ("p", "c) Thời gian thực hiện: Thường xuyên."),
    ("p", "15. Ban hành văn bản phân công viên chức tham mưu."),
    ("p", "a) Cơ quan chủ trì: Sở Dân tộc và Tôn giáo; b) Cơ quan phối hợp: Sở Nội vụ; c) Thời gian thực hiện: "
          "Quý IV năm 2025."),
    # a paragraph that hands duties to two bodies, one sentence each, then a deadline label:
    # the deadline of both
    ("p", "16. Bước 2: Kiểm tra hiện trạng nhà ở."),
    ("p", "Sở Xây dựng tổ chức kiểm tra hiện trạng nhà ở của từng hộ gia đình. Sau khi kiểm tra, Ủy ban nhân dân "
          "các xã, phường lập danh sách hộ gia đình được hỗ trợ gửi Sở Tài chính."),
    ("p", "Thời gian hoàn tất: trước ngày 25 tháng 7 năm 2025."),
    # a table whose one column names who carries it out, their roles written in the cell
    ("h", "II. PHÂN CÔNG NHIỆM VỤ"),
    ("table", [["STT", "Nội dung nhiệm vụ", "Đơn vị thực hiện", "Thời gian hoàn thành"],
               ["1", "Rà soát hạ tầng viễn thông", "Sở Xây dựng chủ trì; Sở Tài chính phối hợp", "Tháng 12/2025"],
               ["2", "Xây dựng kho dữ liệu dùng chung", "Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tư pháp",
                "Quý I/2026"]]),
    # an administrative procedure's steps: each step's office, no tasks
    ("h", "III. QUY TRÌNH NỘI BỘ"),
    ("table", [["Bước thực hiện", "Nội dung công việc", "Đơn vị thực hiện", "Thời gian thực hiện"],
               ["Bước 1", "Tiếp nhận hồ sơ, chuyển Sở Nội vụ", "Trung tâm Phục vụ hành chính công tỉnh", "0,5 ngày"],
               ["Bước 2", "Thẩm định hồ sơ", "Sở Nội vụ", "05 ngày làm việc"]]),
    SIGN,
]

# an official letter: its duties in plain sentences after "… có ý kiến chỉ đạo như sau:"; the
# addressees of "Kính gửi:" and the context are no tasks
LETTER = [
    ("header", "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "Số: 846/UBND-TH", "Lai Châu, ngày 21 tháng 5 năm 2025"),
    ("p", "V/v báo cáo tình hình giải ngân kế hoạch đầu tư công năm 2025"),
    ("p", "Kính gửi:"),
    ("p", "- Các sở, ngành tỉnh;"),
    ("p", "- Ủy ban nhân dân các xã, phường."),
    ("p", "Ủy ban nhân dân tỉnh nhận được Công văn số 3145/BTC-ĐT ngày 15/5/2025 của Bộ Tài chính về việc báo cáo "
          "tình hình giải ngân, Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như sau:"),
    ("p", "Giao các sở, ngành tỉnh; Ủy ban nhân dân các xã, phường báo cáo tình hình giải ngân kế hoạch đầu tư công "
          "năm 2025. Yêu cầu gửi báo cáo về Sở Tài chính trước ngày 23/5/2025."),
    ("p", "Giao Sở Tài chính chủ trì, phối hợp với các đơn vị liên quan tổng hợp chung báo cáo, gửi Văn phòng Ủy ban "
          "nhân dân tỉnh trước ngày 26/5/2025."),
    # the issuer telling what it did is no task; a lead-in inside a paragraph opens its duty
    ("p", "Ủy ban nhân dân tỉnh đã nhận được báo cáo của các sở."),
    ("p", "Sau khi xem xét, Chủ tịch Ủy ban nhân dân tỉnh có ý kiến như sau: Giao Sở Xây dựng giải trình những nội "
          "dung khác nhau, gửi Sở Tài chính trước 14 giờ, ngày 28/5/2025."),
    SIGN,
]

# a letter's duties to its addressees: "các đơn vị" stands for them, and a duty with no bearer
# is theirs (inferred); a body named keeps its task
LETTER_ADDRESSEES = [
    ("header", "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "Số: 1234/UBND-KT", "Nghệ An, ngày 15 tháng 3 năm 2022"),
    ("p", "V/v tăng cường quản lý giá mặt hàng phân bón"),
    ("p", "Kính gửi:"),
    ("p", "- Sở Tài chính;"),
    ("p", "- Sở Công Thương;"),
    ("p", "- Ủy ban nhân dân các xã, phường."),
    ("p", "Thực hiện Công văn số 123/BTC-QLG ngày 10/3/2022 của Bộ Tài chính, Ủy ban nhân dân tỉnh có ý kiến như sau:"),
    ("p", "1. Đề nghị các đơn vị tăng cường kiểm tra việc chấp hành pháp luật về giá trên địa bàn."),
    ("p", "2. Tăng cường công tác tuyên truyền về bình ổn giá, báo cáo kết quả trước ngày 30/4/2022."),
    ("p", "3. Giao Sở Tài chính tổng hợp, báo cáo Ủy ban nhân dân tỉnh."),
    SIGN,
]

CHARTER = [
    ("header", "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH", "Số: 165/2025/QĐ-UBND", "Ninh Bình, ngày 27 tháng 11 năm 2025"),
    ("type", "QUYẾT ĐỊNH"),
    ("title", "BAN HÀNH QUY CHẾ QUẢN LÝ CHỮ KÝ SỐ TRONG CÁC CƠ QUAN NHÀ NƯỚC TỈNH NINH BÌNH"),
    ("i", "Căn cứ Luật Giao dịch điện tử số 20/2023/QH15;"),
    ("h", "Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý chữ ký số."),
    ("h", "Điều 2. Giám đốc Sở Khoa học và Công nghệ, Thủ trưởng các sở, ban, ngành chịu trách nhiệm thi hành Quyết định này."),
    SIGN,
    ("type", "QUY CHẾ"),
    ("title", "QUẢN LÝ CHỮ KÝ SỐ (Ban hành kèm theo Quyết định số 165/2025/QĐ-UBND)"),
    ("h", "Điều 1. Phạm vi điều chỉnh"),
    ("p", "Quy chế này quy định việc quản lý, sử dụng chữ ký số."),
    ("h", "Điều 2. Trách nhiệm của Sở Khoa học và Công nghệ"),
    ("p", "1. Chủ trì hướng dẫn các cơ quan sử dụng chữ ký số."),
    ("p", "2. Giao Sở Nội vụ phối hợp kiểm tra việc sử dụng chữ ký số."),
]

# A task table without a number column: with a lead column its rows number themselves
# (issue 12: such a markdown table gave no task at all, silently); a procedure's steps
# ("Các bước | Nội dung công việc | Trách nhiệm thực hiện | Thời gian") are no tasks; a table
# whose header cells are short labels naming no lead, partner or time column is figures, not
# tasks, and ends the task table above it.
UNNUMBERED = [
    ("header", "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "Số: 150/KH-UBND", "Bắc Ninh, ngày 24 tháng 11 năm 2025"),
    ("type", "KẾ HOẠCH"),
    ("title", "Triển khai nền tảng số dùng chung của tỉnh năm 2026"),
    ("h", "II. PHÂN CÔNG NHIỆM VỤ"),
    ("table", [["Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"],
               ["Xây dựng đề án phát triển trung tâm dữ liệu tỉnh", "Sở Khoa học và Công nghệ", "Sở Tài chính", "Quý II/2026"],
               ["Rà soát thủ tục hành chính trên môi trường số", "Văn phòng UBND tỉnh", "Sở Tư pháp", "Tháng 12/2025"]]),
    ("h", "III. NHIỆM VỤ CỦA CÁC ĐỊA PHƯƠNG"),
    ("table", [["Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Tiến độ"],
               ["Cập nhật dữ liệu dân cư lên nền tảng số", "Ủy ban nhân dân các xã, phường", "Công an tỉnh", "Năm 2026"]]),
    ("h", "PHỤ LỤC. QUY TRÌNH NỘI BỘ"),
    ("table", [["Các bước", "Nội dung công việc", "Trách nhiệm thực hiện", "Thời gian thực hiện"],
               ["Bước 1", "Tiếp nhận hồ sơ và chuyển hồ sơ", "Trung tâm Phục vụ hành chính công tỉnh", "0,5 ngày làm việc"]]),
    ("h", "IV. KINH PHÍ"),
    ("table", [["Nội dung", "Dự toán 2026", "Ước thực hiện"], ["Chi đầu tư phát triển số", "120", "110"]]),
    SIGN,
]

INDICATORS = [
    ("header", "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "Số: 31/KH-UBND", "Lai Châu, ngày 19 tháng 11 năm 2025"),
    ("type", "KẾ HOẠCH"),
    ("title", "Phát triển kinh tế số năm 2026"),
    ("h", "II. CHỈ TIÊU VÀ PHÂN CÔNG THỰC HIỆN"),
    ("table", [["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Cơ quan chủ trì", "Thời gian"],
               ["1", "Tỷ lệ hồ sơ được giải quyết trực tuyến toàn trình", "%", "80", "Văn phòng UBND tỉnh", "Năm 2026"],
               ["2", "Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử", "%", "100", "Thuế tỉnh", "Quý IV/2026"]]),
    ("h", "III. DỰ TOÁN NGÂN SÁCH"),
    ("table", [["STT", "Nội dung", "Dự toán 2026", "Ước thực hiện"], ["1", "Chi đầu tư phát triển số", "120", "110"]]),
    SIGN,
]

# a task table in groups: a Roman numeral and the group's title, the rows under it numbered
# again from 1 (each row's section names its group, or two rows would share one)
TABLE_GROUPS = [
    ("header", "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Số: 2820/QĐ-UBND", "Hồ Chí Minh, ngày 19 tháng 11 năm 2025"),
    ("type", "KẾ HOẠCH"),
    ("title", "Triển khai cơ sở dữ liệu quốc gia về quy hoạch"),
    ("h", "PHỤ LỤC NHIỆM VỤ"),
    ("table", [["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
               ["I", "Hoàn thiện thể chế", "", "", ""],
               ["1", "Rà soát các văn bản quy phạm pháp luật về quy hoạch", "Sở Tài chính", "Sở Tư pháp", "Quý IV/2025"],
               ["2", "Xây dựng quy chế cập nhật dữ liệu quy hoạch", "Sở Tài chính", "", "Năm 2026"],
               ["II", "Hạ tầng công nghệ thông tin", "", "", ""],
               ["1", "Đầu tư máy chủ và hệ thống lưu trữ dữ liệu", "Sở Khoa học và Công nghệ", "Sở Tài chính", "Quý IV/2026"]]),
    SIGN,
]

# a row whose number, partners and time a cell merged with the row above ("1 | Xây dựng hạ tầng …
# | Trung tâm | Sở Khoa học … | Quý IV/2026" / "Xây dựng hạ tầng dự phòng … | Trung tâm"): a
# second task of that row, with the merged cells
TABLE_MERGED = [
    ("header", "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Số: 2820/QĐ-UBND", "Hồ Chí Minh, ngày 19 tháng 11 năm 2025"),
    ("type", "KẾ HOẠCH"),
    ("title", "Triển khai cơ sở dữ liệu quốc gia về quy hoạch"),
    ("h", "PHỤ LỤC NHIỆM VỤ"),
    ("table", [["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
               ["1", "Xây dựng hạ tầng công nghệ thông tin tại Sở Tài chính.", "Trung tâm Chuyển đổi số Thành phố",
                "Sở Khoa học và Công nghệ", "Quý IV/2026"],
               [None, "Xây dựng hạ tầng kỹ thuật dự phòng cho cơ sở dữ liệu.", "Trung tâm Chuyển đổi số Thành phố",
                None, None],
               ["2", "Đầu tư trang thiết bị hiện đại cho hệ thống.", "Sở Tài chính", "Sở Tư pháp", "Năm 2027"]]),
    SIGN,
]

DUTIES = [
    ("header", "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "Số: 84/2025/QĐ-UBND", "Bắc Ninh, ngày 28 tháng 11 năm 2025"),
    ("type", "QUYẾT ĐỊNH"),
    ("title", "QUY ĐỊNH PHÂN CÔNG NHIỆM VỤ QUẢN LÝ NHÀ NƯỚC VỀ GIÁ TRÊN ĐỊA BÀN TỈNH BẮC NINH"),
    ("i", "Căn cứ Luật Giá số 16/2023/QH15;"),
    ("type", "QUYẾT ĐỊNH:"),
    ("h", "Điều 1. Đối tượng áp dụng"),
    ("p", "Các sở, ban, ngành, Ủy ban nhân dân các xã, phường và các tổ chức, cá nhân có liên quan."),
    ("h", "Điều 2. Báo cáo giá thị trường"),
    ("p", "1. Phân công nhiệm vụ tổng hợp, phân tích, dự báo giá thị trường:"),
    ("p", "a) Sở Tài chính:"),
    ("p", "Chủ trì tổng hợp, phân tích, dự báo giá thị trường định kỳ của tỉnh."),
    ("p", "Chủ trì tham mưu Ủy ban nhân dân tỉnh báo cáo giá thị trường đột xuất."),
    ("p", "b) Sở Xây dựng: Tổng hợp, báo cáo giá vật liệu xây dựng trên địa bàn tỉnh."),
    ("p", "2. Sở Tài chính chịu trách nhiệm cập nhật dữ liệu vào Cơ sở dữ liệu về giá đối với:"),
    ("p", "a) Báo cáo giá thị trường của Ủy ban nhân dân tỉnh;"),
    ("p", "b) Giá tính lệ phí trước bạ do Ủy ban nhân dân tỉnh ban hành."),
    ("p", "3. Trung tâm Phục vụ hành chính công tỉnh là tổ chức hành chính thuộc Văn phòng Ủy ban nhân dân tỉnh."),
    ("p", "4. Sửa đổi, bổ sung khoản 2 Điều 5 của Quy định như sau:"),
    ("p", "“2. Sở Tài chính thẩm định hồ sơ, tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí."),
    ("p", "3. Sở Y tế hướng dẫn các cơ sở khám bệnh thực hiện.”"),
    # a duty inside a condition (the subject mid-sentence, in lower case), months counted from
    # an event; a cadence that ends the task's sentence
    ("h", "Điều 3. Xử lý vướng mắc"),
    ("p", "1. Trong trường hợp giá kê khai không phù hợp với quy định tại Điều 2, trong thời gian không quá 01 tháng, "
          "cơ quan tiếp nhận kê khai giá có trách nhiệm báo cáo Sở Tài chính."),
    ("p", "2. Sở Xây dựng có trách nhiệm tổng hợp, công bố giá vật liệu xây dựng hằng quý."),
    ("h", "Điều 4. Quyết định này có hiệu lực kể từ ngày 10 tháng 12 năm 2025."),
    SIGN,
]

GROUPED = [
    ("header", "ỦY BAN NHÂN DÂN TỈNH VĨNH LONG", "Số: 2682/QĐ-UBND", "Vĩnh Long, ngày 20 tháng 11 năm 2025"),
    ("type", "QUYẾT ĐỊNH"),
    ("title", "VỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH NỘI BỘ"),
    ("i", "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;"),
    ("type", "QUYẾT ĐỊNH:"),
    ("h", "Điều 1. Công bố kèm theo Quyết định này Danh mục thủ tục hành chính nội bộ."),
    ("h", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Bãi bỏ thủ tục hành chính có số thứ tự 8, 9 "
          "tại Quyết định số 1127/QĐ-UBND ngày 06/5/2025 của Chủ tịch Ủy ban nhân dân tỉnh."),
    # the article's own line leads its items; an item without a full stop groups the items below
    ("h", "Điều 3. Giao Giám đốc Công an tỉnh thực hiện các nhiệm vụ sau:"),
    ("p", "a) Cập nhật công khai đầy đủ danh mục thủ tục hành chính trên Cơ sở dữ liệu quốc gia."),
    ("p", "b) Chủ trì, phối hợp với Giám đốc Sở Khoa học và Công nghệ"),
    ("p", "- Đồng bộ đầy đủ danh mục và nội dung cụ thể của từng thủ tục hành chính."),
    ("p", "- Cấu hình quy trình điện tử tiếp nhận, giải quyết thủ tục hành chính, trong thời hạn 03 ngày làm việc."),
    ("p", "c) Niêm yết công khai đầy đủ danh mục tại Trung tâm Phục vụ hành chính công tỉnh."),
    # numbered items naming only their bearer group the lettered items below them
    ("h", "Điều 4. Tổ chức thực hiện"),
    ("p", "1. Sở Công Thương"),
    ("p", "a) Chủ trì tổ chức triển khai thực hiện nội dung Quyết định này."),
    ("p", "b) Tuyên truyền, hướng dẫn, kiểm tra việc thực hiện Quyết định này."),
    ("p", "2. Ủy ban nhân dân các xã, phường"),
    ("p", "a) Phối hợp với Sở Công Thương kiểm tra, giám sát việc thực hiện."),
    # numbered items "Trách nhiệm của X" (no colon) under an article naming two bearers
    ("h", "Điều 5. Trách nhiệm của Sở Tư pháp; Ủy ban nhân dân các xã, phường trong giải quyết thủ tục hành chính"),
    ("p", "1. Trách nhiệm của Sở Tư pháp"),
    ("p", "a) Rà soát, đánh giá điều kiện thực hiện thủ tục hành chính;"),
    ("p", "b) Công khai danh mục thủ tục hành chính trên Cổng Dịch vụ công quốc gia."),
    ("p", "2. Trách nhiệm của Ủy ban nhân dân các xã, phường"),
    ("p", "a) Tổ chức tiếp nhận hồ sơ và trả kết quả giải quyết thủ tục hành chính."),
    # a body named in full with the short form the document defines for it
    ("h", "Điều 6. Trách nhiệm thực hiện"),
    ("p", "1. Ban Quản lý các khu công nghiệp và khu kinh tế cửa khẩu tỉnh Vĩnh Long (sau đây gọi tắt là “Ban Quản lý”) "
          "có trách nhiệm:"),
    ("p", "a) Chủ trì thẩm định hồ sơ ưu đãi đầu tư."),
    ("p", "2. Các sở, ban, ngành có trách nhiệm:"),
    ("p", "a) Phối hợp với Ban Quản lý triển khai chính sách ưu đãi."),
    SIGN,
]

FORMATS = ["txt", "md", "docx", "html", "pdf"]
# a body the table does not list, written with its province's name: named without it ("tỉnh"
# is its province's own), one node however the document writes it
BQL_VL = "Ban Quản lý các khu công nghiệp và khu kinh tế cửa khẩu tỉnh"


def _extract(blocks, fmt, tmp_path, chrome=None):
    if fmt == "md":
        return extract_file(write_md(blocks, tmp_path / "doc", chrome))
    return extract_file(WRITERS[fmt](blocks, tmp_path / "doc"))


def _refs(ex) -> dict[str, tuple[str, str]]:
    return {r.target.number_symbol or r.target.title: (r.relation.value, r.target.jurisdiction) for r in ex.references}


def _tasks(ex) -> list[tuple]:
    names = {a.id: a.name for a in ex.agencies}
    return [
        (" ".join(reading_form(t.text).split()[:6]), tuple(names[x] for x in t.lead), tuple(names[x] for x in t.cooperating),
         t.deadline.kind if t.deadline else None, t.deadline.end if t.deadline else None)
        for t in ex.tasks
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_decision_identity_relations_and_tasks(fmt, tmp_path):
    chrome = {"number": "87/2025/QĐ-UBND", "type": "Quyết định", "issuer_box": "Tỉnh Bắc Ninh", "date_box": "20/11/2025"}
    ex = _extract(DECISION, fmt, tmp_path, chrome if fmt == "md" else None)
    doc = ex.document.ref
    # identity: the wrapped number and date lines, the title ending at the issuing body's line
    assert (doc.number_symbol, doc.date, doc.issuer, doc.jurisdiction) == (
        "87/2025/QĐ-UBND", "2025-11-20", "Ủy ban nhân dân tỉnh Bắc Ninh", "Bắc Ninh")
    assert reading_form(doc.title).endswith("CỦA UBND TỈNH QUẢNG NAM VỀ VIỆC THỬ NGHIỆM")
    refs = _refs(ex)
    # the whole "Căn cứ" preamble is the basis, the amending law included; a proposal is cited
    assert refs["72/2025/QH15"] == ("based_on", "central")
    assert refs["59/2020/QH14"] == ("based_on", "central")
    assert refs["12/TTr-STC"] == ("cites", "Bắc Ninh")
    # the title and Điều 1 repeal a former province's decision: one node, that province's
    assert refs["636/QĐ-UBND"] == ("replaces", "Quảng Nam")
    assert refs["15/2024/QĐ-UBND"] == ("replaces", "Bắc Ninh")
    # the own number in the appendix line is the document itself; the chrome is not read
    assert "87/2025/QĐ-UBND" not in refs and "999/QĐ-UBND" not in refs
    tasks = _tasks(ex)
    assert [t[:3] for t in tasks] == [
        ("Giao Sở Tài chính chủ trì,", ("Sở Tài chính",), ("Sở Nội vụ",)),
        ("Chánh Văn phòng Ủy ban nhân",
         ("Văn phòng Ủy ban nhân dân tỉnh", "Sở Tài chính", "Ủy ban nhân dân các xã, phường"), ()),
    ]
    assert tasks[0][3:] == ("interval", "2025-12-31")


def test_decision_page_chrome_is_a_witness(tmp_path):
    chrome = {"number": "87/2025/QĐ-UBND", "type": "Quyết định", "issuer_box": "Tỉnh Bắc Ninh", "date_box": "21/11/2025"}
    ex = _extract(DECISION, "md", tmp_path, chrome)
    assert ex.document.witness["number_symbol"] == "87/2025/QĐ-UBND"
    assert ex.document.witness["date"] == "2025-11-21"  # disagrees with the header: check reports it
    assert ex.document.witness["status"] == "Đã biết"
    assert ex.document.ref.date == "2025-11-20"


@pytest.mark.parametrize("fmt", FORMATS)
def test_article_items_grouped_under_their_bearer(fmt, tmp_path):
    ex = _extract(GROUPED, fmt, tmp_path)
    assert _refs(ex)["1127/QĐ-UBND"] == ("amends", "Vĩnh Long")  # a part of it is repealed
    tasks = _tasks(ex)
    assert tasks == [
        ("Cập nhật công khai đầy đủ", ("Công an tỉnh",), (), None, None),
        ("Đồng bộ đầy đủ danh mục", ("Công an tỉnh",), ("Sở Khoa học và Công nghệ",), None, None),
        ("Cấu hình quy trình điện tử", ("Công an tỉnh",), ("Sở Khoa học và Công nghệ",), "date", "2025-11-25"),
        ("Niêm yết công khai đầy đủ", ("Công an tỉnh",), (), None, None),
        ("Chủ trì tổ chức triển khai", ("Sở Công Thương",), (), None, None),
        ("Tuyên truyền, hướng dẫn, kiểm tra", ("Sở Công Thương",), (), None, None),
        ("Phối hợp với Sở Công Thương", ("Ủy ban nhân dân các xã, phường",), ("Sở Công Thương",), None, None),
        ("Rà soát, đánh giá điều kiện", ("Sở Tư pháp",), (), None, None),
        ("Công khai danh mục thủ tục", ("Sở Tư pháp",), (), None, None),
        ("Tổ chức tiếp nhận hồ sơ", ("Ủy ban nhân dân các xã, phường",), (), None, None),
        ("Chủ trì thẩm định hồ sơ", (BQL_VL,), (), None, None),
        ("Phối hợp với Ban Quản lý", ("Các sở, ban, ngành",), (BQL_VL,), None, None),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_plan_layouts(fmt, tmp_path):
    ex = _extract(PLAN, fmt, tmp_path)
    doc = ex.document.ref
    assert (doc.number_symbol, doc.date) == ("144/KH-UBND", "2025-11-20")
    assert _refs(ex)["57-NQ/TW"] == ("implements", "central")
    assert _tasks(ex) == [
        # a heading naming the lead, items below it
        ("Chủ trì xây dựng cơ sở", ("Sở Khoa học và Công nghệ",), (), None, None),
        ("Phối hợp với Sở Tài chính", ("Sở Khoa học và Công nghệ",), ("Sở Tài chính",), None, None),
        # a heading with labelled fields: "Cơ quan thực hiện: X chủ trì, phối hợp với Y"
        ("Triển khai nền tảng số dùng", ("Sở Nội vụ",), ("Sở Tư pháp", "Các sở, ban, ngành"), "interval", "2025-12-31"),
        ("Đào tạo nguồn nhân lực số", ("Sở Giáo dục và Đào tạo",), (), "interval", "2025-12-31"),
        # a table: Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian | Sản phẩm
        ("Xây dựng đề án phát triển", ("Sở Khoa học và Công nghệ",), ("Sở Tài chính",), "interval", "2026-06-30"),
        ("Rà soát thủ tục hành chính", ("Văn phòng Ủy ban nhân dân tỉnh",), ("Sở Tư pháp",), "interval", "2025-12-31"),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_plan_label_variants(fmt, tmp_path):
    ex = _extract(PLAN_LABELS, fmt, tmp_path)
    assert _tasks(ex) == [
        ("Rà soát quy hoạch đô thị.", ("Sở Xây dựng",), ("Sở Tài chính",), "interval", "2025-12-31"),
        ("Xây dựng cơ sở dữ liệu", ("Sở Nông nghiệp và Môi trường",), ("Sở Tài chính",), "interval", "2026-12-31"),
        ("Cập nhật bản đồ số;", ("Sở Khoa học và Công nghệ",), ("Sở Tư pháp",), "interval", "2025-12-31"),
        ("Số hóa hồ sơ đất đai:", ("Sở Nông nghiệp và Môi trường",), ("Sở Tư pháp",), "interval", "2025-12-31"),
        ("Công tác tuyên truyền: Sở Văn", ("Sở Văn hóa, Thể thao và Du lịch",), ("Sở Nội vụ",), None, None),
        ("Xây dựng đề án vị trí", ("Sở Nội vụ",), ("Sở Tài chính",), None, None),
        ("Sắp xếp đơn vị sự nghiệp.", ("Sở Nội vụ",), (), "date", "2025-11-30"),
        ("Tuyên truyền.", ("Sở Văn hóa, Thể thao và Du lịch",), (), None, None),
        ("Tổ chức tập huấn chuyển đổi", ("Sở Khoa học và Công nghệ",), ("Sở Nội vụ",), "interval", "2025-09-30"),
        ("Tổ chức hội thi chuyển đổi", ("Sở Khoa học và Công nghệ",), ("Sở Nội vụ",), "interval", "2025-09-30"),
        ("Phổ biến các nền tảng số", ("Sở Khoa học và Công nghệ",), (), None, None),
        ("Hỗ trợ xây dựng nhà ở", ("Sở Xây dựng",),
         ("Liên đoàn Lao động tỉnh", "Các sở, ban, ngành", "Hiệp hội Doanh nghiệp nhỏ và vừa tỉnh",
          "Ủy ban nhân dân các huyện, thành phố, thị xã"), None, None),
        ("Xây dựng thiết chế công đoàn.", ("Ủy ban nhân dân các huyện, thành phố, thị xã",),
         ("Sở Xây dựng", "Liên đoàn Lao động cùng cấp", "Các đơn vị liên quan"), None, None),
        ("Tăng cường công tác dân vận", ("Sở Nội vụ",), ("Các đơn vị liên quan",), "ongoing", None),
        ("Ban hành văn bản phân công", ("Sở Dân tộc và Tôn giáo",), ("Sở Nội vụ",), "interval", "2025-12-31"),
        ("Sở Xây dựng tổ chức kiểm", ("Sở Xây dựng",), (), "date", "2025-07-25"),
        ("Sau khi kiểm tra, Ủy ban", ("Ủy ban nhân dân các xã, phường",), (), "date", "2025-07-25"),
        ("Rà soát hạ tầng viễn thông", ("Sở Xây dựng",), ("Sở Tài chính",), "interval", "2025-12-31"),
        ("Xây dựng kho dữ liệu dùng", ("Sở Khoa học và Công nghệ",), ("Sở Tư pháp",), "interval", "2026-03-31"),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_letter_duties_in_plain_sentences(fmt, tmp_path):
    ex = _extract(LETTER, fmt, tmp_path)
    assert (ex.document.ref.number_symbol, ex.document.ref.type) == ("846/UBND-TH", "CV")
    assert _tasks(ex) == [
        ("Giao các sở, ngành tỉnh; Ủy", ("Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"), (), "date", "2025-05-23"),
        ("Giao Sở Tài chính chủ trì,", ("Sở Tài chính",), ("Các đơn vị liên quan",), "date", "2025-05-26"),
        ("Giao Sở Xây dựng giải trình", ("Sở Xây dựng",), (), "date", "2025-05-28"),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_letter_duties_go_to_its_addressees(fmt, tmp_path):
    ex = _extract(LETTER_ADDRESSEES, fmt, tmp_path)
    to = ("Sở Tài chính", "Sở Công Thương", "Ủy ban nhân dân các xã, phường")
    assert _tasks(ex) == [
        ("Đề nghị các đơn vị tăng", to, (), None, None),
        ("Tăng cường công tác tuyên truyền", to, (), "date", "2022-04-30"),
        ("Giao Sở Tài chính tổng hợp,", ("Sở Tài chính",), (), None, None),
    ]
    assert [t.inferred for t in ex.tasks] == [False, True, False]


@pytest.mark.parametrize("fmt", FORMATS)
def test_indicator_table_is_tasks_figure_table_is_not(fmt, tmp_path):
    ex = _extract(INDICATORS, fmt, tmp_path)
    assert _tasks(ex) == [
        ("Tỷ lệ hồ sơ được giải", ("Văn phòng Ủy ban nhân dân tỉnh",), (), "interval", "2026-12-31"),
        ("Tỷ lệ doanh nghiệp sử dụng", ("Thuế tỉnh",), (), "interval", "2026-12-31"),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_task_table_without_a_number_column(fmt, tmp_path):
    ex = _extract(UNNUMBERED, fmt, tmp_path)
    assert _tasks(ex) == [
        ("Xây dựng đề án phát triển", ("Sở Khoa học và Công nghệ",), ("Sở Tài chính",), "interval", "2026-06-30"),
        ("Rà soát thủ tục hành chính", ("Văn phòng Ủy ban nhân dân tỉnh",), ("Sở Tư pháp",), "interval", "2025-12-31"),
        ("Cập nhật dữ liệu dân cư", ("Ủy ban nhân dân các xã, phường",), ("Công an tỉnh",), "interval", "2026-12-31"),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_task_table_in_groups(fmt, tmp_path):
    ex = _extract(TABLE_GROUPS, fmt, tmp_path)
    assert [t.section for t in ex.tasks] == ["PL.I.1", "PL.I.2", "PL.II.1"]
    assert _tasks(ex)[2] == ("Đầu tư máy chủ và hệ", ("Sở Khoa học và Công nghệ",), ("Sở Tài chính",),
                             "interval", "2026-12-31")


@pytest.mark.parametrize("fmt", FORMATS)
def test_task_table_row_merged_with_the_row_above(fmt, tmp_path):
    ex = _extract(TABLE_MERGED, fmt, tmp_path)
    assert [t.section for t in ex.tasks] == ["PL.1.a", "PL.1.b", "PL.2"]
    assert _tasks(ex) == [
        ("Xây dựng hạ tầng công nghệ", ("Trung tâm Chuyển đổi số Thành phố",), ("Sở Khoa học và Công nghệ",),
         "interval", "2026-12-31"),
        ("Xây dựng hạ tầng kỹ thuật", ("Trung tâm Chuyển đổi số Thành phố",), ("Sở Khoa học và Công nghệ",),
         "interval", "2026-12-31"),
        ("Đầu tư trang thiết bị hiện", ("Sở Tài chính",), ("Sở Tư pháp",), "interval", "2027-12-31")]


CRAWLED = (
    "Quyết định 435/QĐ-UBND năm 2020. ỦY BAN NHÂN DÂN TỈNH KON TUM -------\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n"
    "Số: 435/QĐ-UBND Kon Tum, ngày 04 tháng 5 năm 2020 QUYẾT ĐỊNH V/V BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG\n"
    "Căn cứ Luật tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nQUYẾT ĐỊNH:\n\n"
    "Quyết định 435/QĐ-UBND năm 2020. Điều 1.\nBan hành kèm theo Quyết định này Chương trình hành động.\n\n"
    "Quyết định 435/QĐ-UBND năm 2020. Điều 2.\nGiám đốc Sở Lao động - Thương binh và Xã hội; Chủ tịch Ủy ban nhân "
    "dân các huyện, thành phố chịu trách nhiệm thi hành Quyết định này./.\n"
    "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\nKT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn A\n\n"
    "Quyết định 435/QĐ-UBND năm 2020. CHƯƠNG TRÌNH HÀNH ĐỘNG. TRIỂN KHAI KẾ HOẠCH SỐ 119-KH/TU (Ban hành kèm theo "
    "Quyết định số 435/QĐ-UBND, ngày 04 tháng 5 năm 2020 của Ủy ban nhân dân tỉnh Kon Tum)\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức về xây dựng quan hệ lao động hài hoà.\n\n"
    "Quyết định 435/QĐ-UBND năm 2020. CHƯƠNG TRÌNH HÀNH ĐỘNG. II. NỘI DUNG HOẠT ĐỘNG\n"
    "1. Nâng cao năng lực quản lý nhà nước về quan hệ lao động 1.1.\n"
    "Tăng cường kiểm tra, thanh tra chấp hành pháp luật về lao động.\n"
    "- Cơ quan thực hiện: Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với Liên đoàn Lao động tỉnh.\n"
    "- Thời gian thực hiện: Hoàn thành trong quý III/2020.\n"
    "1.2.\nBố trí quỹ đất phát triển nhà ở cho công nhân.\n"
    "- Cơ quan thực hiện: Sở Xây dựng chủ trì, phối hợp với các đơn vị, địa phương có liên quan tham mưu thực hiện.\n"
    "- Thời gian thực hiện: Thực hiện thường xuyên hằng năm.\n"
    "1.3.\nHướng dẫn, phổ biến Luật Doanh nghiệp cho các doanh nghiệp.\n"
    "- Cơ quan thực hiện: Sở Tài chính chủ trì phối hợp với đơn vị, địa phương có liên quan tham mưu thực hiện.\n"
)


def test_pdf_task_table_over_pages(tmp_path):
    # a ruled task table of 40 rows running over three pages, its header row repeated on each
    # (Word's "repeat as header row"): 40 tasks, no header row among them
    from fpdf import FPDF

    regular, bold = _pdf_font()
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("dv", "", regular)
    pdf.add_font("dv", "B", bold)
    pdf.set_font("dv", size=10)
    for line in ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "Số: 87/KH-UBND", "Bắc Ninh, ngày 20 tháng 11 năm 2025", "KẾ HOẠCH",
                 "Triển khai chuyển đổi số năm 2026", "I. NHIỆM VỤ CỤ THỂ"):
        pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    bodies = ["Sở Khoa học và Công nghệ", "Sở Tài chính", "Sở Nội vụ", "Công an tỉnh", "Sở Xây dựng"]
    with pdf.table(col_widths=(8, 40, 22, 22, 16)) as table:  # (the first row repeated on every page)
        row = table.row()
        for cell in ("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"):
            row.cell(cell)
        for i in range(1, 41):
            row = table.row()
            for cell in (str(i), f"Triển khai nhiệm vụ chuyển đổi số thứ {i} trên địa bàn tỉnh, bảo đảm kết nối dữ liệu",
                         bodies[i % 5], bodies[(i + 1) % 5], f"Quý {'IV' if i % 2 else 'II'}/2026"):
                row.cell(cell)
    path = tmp_path / "long.pdf"
    pdf.output(str(path))
    ex = extract_file(path)
    tasks = _tasks(ex)
    assert pdf.page > 2 and len(tasks) == 40
    assert tasks[0] == ("Triển khai nhiệm vụ chuyển đổi", ("Sở Tài chính",), ("Sở Nội vụ",), "interval", "2026-12-31")
    assert tasks[39] == ("Triển khai nhiệm vụ chuyển đổi", ("Sở Khoa học và Công nghệ",), ("Sở Tài chính",),
                         "interval", "2026-06-30")


def test_plan_numbered_by_word(tmp_path):
    # a .docx whose sections and items Word numbers itself ("I.", "1.", "a)", bullets): the
    # labels are no text of the paragraphs, the reader writes them out (tests/test_readers.py)
    import docx

    from tests.test_readers import _word_numbered

    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    t.cell(1, 0).text, t.cell(1, 1).text = "Số: 87/KH-UBND", "Bắc Ninh, ngày 20 tháng 11 năm 2025"
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Triển khai chuyển đổi số năm 2026")
    _word_numbered(d, [
        (0, "MỤC ĐÍCH, YÊU CẦU"), (None, "Bảo đảm hiệu quả, thiết thực."),
        (0, "NHIỆM VỤ CỤ THỂ"),
        (1, "Sở Khoa học và Công nghệ"), (2, "Chủ trì xây dựng kho dữ liệu dùng chung của tỉnh, hoàn thành trong "
                                             "Quý II/2026."),
        (2, "Hướng dẫn các xã, phường triển khai nền tảng số."),
        (1, "Sở Tài chính"), (3, "Bố trí kinh phí thực hiện Kế hoạch."),
        (0, "TỔ CHỨC THỰC HIỆN"), (1, "Các sở, ban, ngành căn cứ Kế hoạch này triển khai thực hiện."),
    ])
    path = tmp_path / "numbered.docx"
    d.save(path)
    ex = extract_file(path)
    assert ex.document.ref.number_symbol == "87/KH-UBND"
    assert [(t.section, *row[:2], row[4]) for t, row in zip(ex.tasks, _tasks(ex))] == [
        ("II.1.a", "Chủ trì xây dựng kho dữ", ("Sở Khoa học và Công nghệ",), "2026-06-30"),
        ("II.1.b", "Hướng dẫn các xã, phường triển", ("Sở Khoa học và Công nghệ",), None),
        ("II.2.-1", "Bố trí kinh phí thực hiện", ("Sở Tài chính",), None),
        ("III.1", "Các sở, ban, ngành căn cứ", ("Các sở, ban, ngành",), None),
    ]


def test_crawled_text_with_breadcrumbs(tmp_path):
    # a crawl of the site: the document's name before each article and section, the first
    # child's marker glued to its parent's line, bare markers on their own lines
    path = tmp_path / "crawl.txt"
    path.write_text(CRAWLED, "utf-8")
    ex = extract_file(path)
    assert ex.document.ref.number_symbol == "435/QĐ-UBND"
    assert [(t.section, *row[:3]) for t, row in zip(ex.tasks, _tasks(ex))] == [
        ("Điều 2", "Giám đốc Sở Lao động -", ("Sở Lao động - Thương binh và Xã hội",
                                                     "Ủy ban nhân dân các huyện, thành phố, thị xã"), ()),
        ("II.1.1", "Tăng cường kiểm tra, thanh tra", ("Sở Lao động - Thương binh và Xã hội",),
         ("Liên đoàn Lao động tỉnh",)),
        ("II.1.2", "Bố trí quỹ đất phát triển", ("Sở Xây dựng",), ("Các cơ quan, địa phương liên quan",)),
        # (lower-case pieces of a label name no body: no "Địa phương có liên quan tham mưu …")
        ("II.1.3", "Hướng dẫn, phổ biến Luật Doanh", ("Sở Tài chính",), ())]


@pytest.mark.parametrize("fmt", FORMATS)
def test_charter_articles_are_no_tasks(fmt, tmp_path):
    ex = _extract(CHARTER, fmt, tmp_path)
    assert ex.document.ref.number_symbol == "165/2025/QĐ-UBND"
    tasks = _tasks(ex)
    assert [t[:2] for t in tasks] == [
        ("Giám đốc Sở Khoa học và", ("Sở Khoa học và Công nghệ", "Các sở, ban, ngành")),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_articles_that_divide_duties(fmt, tmp_path):
    ex = _extract(DUTIES, fmt, tmp_path)
    tasks = _tasks(ex)
    assert [t[:2] for t in tasks] == [
        # an item naming only its bearer ("a) Sở Tài chính:"): each paragraph below is a task
        ("Chủ trì tổng hợp, phân tích,", ("Sở Tài chính",)),
        ("Chủ trì tham mưu Ủy ban", ("Sở Tài chính",)),
        # "X: what X does"
        ("Sở Xây dựng: Tổng hợp, báo", ("Sở Xây dựng",)),
        # a duty "đối với:" a list: the list is what the duty covers, one task
        ("Sở Tài chính chịu trách nhiệm", ("Sở Tài chính",)),
        # a duty inside a condition; a cadence that ends the sentence
        ("Trong trường hợp giá kê khai", ("Các cơ quan tiếp nhận kê khai giá",)),
        ("Sở Xây dựng có trách nhiệm", ("Sở Xây dựng",)),
    ]
    assert "lệ phí trước bạ" in ex.tasks[3].text
    assert [t[3] for t in tasks[4:]] == ["unknown", "recurring"]
    # not tasks: the article on who the rules apply to, what a body is, and the text an
    # article writes into another document (inside quotation marks)


# --------------------------------------------------------------------------- the stage

JOIN_ROWS = [
    # (raw lines, logical text); every row a saved-page shape
    pytest.param("|\nSố:\n87/2025/QĐ-UBND\n|\n*Bắc Ninh, ngày 20\ntháng 11 năm 2025*\n|\n",
                 "Số: 87/2025/QĐ-UBND\tBắc Ninh, ngày 20 tháng 11 năm 2025\n", id="header-cells-number-and-date-wrapped"),
    # the number and its symbol in cells of their own, one line each, on a page paragraphed by
    # blank lines; a symbol's rest after a line break inside a sentence too
    pytest.param("Số: \n06\n/CĐ-UBND\n\nHà Nội, ngày 12 tháng 8 năm 2020\n",
                 "Số: 06 /CĐ-UBND\nHà Nội, ngày 12 tháng 8 năm 2020", id="number-and-symbol-on-lines-of-their-own"),
    # a caps title, the issuing body, then the preamble's first word wrapped alone
    pytest.param("TRÊN ĐỊA BÀN TỈNH QUẢNG NAM GIAI ĐOẠN 2021 - 2025\nỦY BAN NHÂN DÂN TỈNH QUẢNG NAM\nCăn\n"
                 "cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
                 "TRÊN ĐỊA BÀN TỈNH QUẢNG NAM GIAI ĐOẠN 2021 - 2025 ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM\n"
                 "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;", id="preamble-first-word-alone-after-caps"),
    pytest.param("Căn cứ Nghị định số 15\n/2018/NĐ-CP ngày 02/02/2018 của Chính phủ;",
                 "Căn cứ Nghị định số 15 /2018/NĐ-CP ngày 02/02/2018 của Chính phủ;", id="symbol-rest-on-the-next-line"),
    pytest.param("**IV. NHIỆM\nVỤ CỤ THỂ**\n**1.\nSở Nông nghiệp và Môi trường**\n- Chủ trì rà soát quy\nhoạch.\n- Phối hợp kiểm tra.",
                 "IV. NHIỆM VỤ CỤ THỂ\n1. Sở Nông nghiệp và Môi trường\n- Chủ trì rà soát quy hoạch.\n- Phối hợp kiểm tra.",
                 id="bold-heading-across-lines-bare-marker"),
    # a heading's second line that is a type word ("BÁO CÁO") is not the document's type line
    pytest.param("**V. CHẾ ĐỘ\nBÁO CÁO**\n**1. **Sở Công Thương tổng hợp báo cáo.",
                 "V. CHẾ ĐỘ BÁO CÁO\n1. Sở Công Thương tổng hợp báo cáo.", id="bold-heading-second-line-a-type-word"),
    pytest.param("*Đơn vị chủ trì: *Sở Khoa học\nvà Công nghệ.\n*Thời gian thực hiện: *Quý IV/2025.",
                 "Đơn vị chủ trì: Sở Khoa học và Công nghệ.\nThời gian thực hiện: Quý IV/2025.", id="labels-with-emphasis"),
    pytest.param("**Điều 1. Phạm vi điều chỉnh**\nNghị quyết này quy định một số nội dung chi và mức\nchi đặc thù.",
                 "Điều 1. Phạm vi điều chỉnh\nNghị quyết này quy định một số nội dung chi và mức chi đặc thù.",
                 id="bold-article-title-then-body"),
    pytest.param("**QUYẾT ĐỊNH**\nBAN HÀNH QUY CHẾ QUẢN LÝ, SỬ DỤNG\nCHỨNG THƯ SỐ\n*Căn cứ Luật Tổ chức\nchính quyền địa phương;*",
                 "QUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ QUẢN LÝ, SỬ DỤNG CHỨNG THƯ SỐ\nCăn cứ Luật Tổ chức chính quyền địa phương;",
                 id="type-line-title-preamble"),
    pytest.param("Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với các\nsở, ban, ngành triển khai; kinh tế\n- xã hội.",
                 "Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với các sở, ban, ngành triển khai; kinh tế - xã hội.",
                 id="wrapped-dash-continues"),
    pytest.param("theo quy định tại khoản\n2 Điều 9 Luật Thuế giá trị gia tăng ước tính\nvà dự kiến thu.\n2. Chi ngân sách",
                 "theo quy định tại khoản 2 Điều 9 Luật Thuế giá trị gia tăng ước tính và dự kiến thu.\n2. Chi ngân sách",
                 id="number-after-a-number-word"),
    pytest.param("1. Cấp dự báo cháy rừng gồm 5 cấp, từ cấp I đến cấp\nV. Chi tiết quy định tại Mẫu số 04.\n2. Cấp I",
                 "1. Cấp dự báo cháy rừng gồm 5 cấp, từ cấp I đến cấp V. Chi tiết quy định tại Mẫu số 04.\n2. Cấp I",
                 id="roman-numeral-after-a-number-word"),
    pytest.param("**IV.**\n**PHÂN CÔNG NHIỆM VỤ**\n1. Sở Công Thương:\n- Chủ trì điều phối.",
                 "IV. PHÂN CÔNG NHIỆM VỤ\n1. Sở Công Thương:\n- Chủ trì điều phối.", id="bare-roman-marker-line"),
    pytest.param("# QUYẾT ĐỊNH\nVỀ VIỆC CÔNG BỐ\nTHỦ TỤC HÀNH CHÍNH",
                 "QUYẾT ĐỊNH\nVỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH", id="markdown-heading-marks"),
    pytest.param("Ký tên: ________;\n* Gạch đầu dòng;\n(*) ghi chú 2 * 3", "Ký tên: ________;\n* Gạch đầu dòng;\n(*) ghi chú 2 * 3",
                 id="stars-and-underscores-that-are-no-emphasis"),
    pytest.param("b) Thống kê tỉnh Bắc Ninh:\nPhối hợp cung cấp chỉ số giá.\n\nc) Sở Y tế:\n- Chủ trì.",
                 "b) Thống kê tỉnh Bắc Ninh: Phối hợp cung cấp chỉ số giá.\nc) Sở Y tế:\n- Chủ trì.",
                 id="label-line-then-its-text-on-a-wrapped-page"),
    # a colon after a list head opens names inside the sentence, whatever line they start
    pytest.param("**Điều 5.** Chánh Văn phòng UBND tỉnh, Giám đốc các Sở:\nTài chính, Nội vụ; Chủ tịch UBND các xã chịu\n"
                 "trách nhiệm thi hành.",
                 "Điều 5. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Tài chính, Nội vụ; Chủ tịch UBND các xã chịu "
                 "trách nhiệm thi hành.", id="list-head-colon-then-names"),
    pytest.param("Thủ trưởng các ban, ngành cấp tỉnh; Giám đốc:\nTrung tâm Phục vụ hành chính công tỉnh thi hành.",
                 "Thủ trưởng các ban, ngành cấp tỉnh; Giám đốc: Trung tâm Phục vụ hành chính công tỉnh thi hành.",
                 id="title-colon-then-names"),
    pytest.param("Giao các Sở:\n- Tài chính;\n- Nội vụ.", "Giao các Sở:\n- Tài chính;\n- Nội vụ.",
                 id="list-head-colon-then-items"),
    # "****" closes a bold span and opens the next (the page's </b><b>): it toggles nothing
    pytest.param("**Điều 1.**** Bãi bỏ toàn bộ các Quyết định**\n1. Bãi bỏ toàn bộ Quyết định số\n55/2014/QĐ-UBND.\n"
                 "**NHỮNG QUY ĐỊNH CHUNG**** **\n**Điều 2.**** **Phạm vi",
                 "Điều 1. Bãi bỏ toàn bộ các Quyết định\n1. Bãi bỏ toàn bộ Quyết định số 55/2014/QĐ-UBND.\n"
                 "NHỮNG QUY ĐỊNH CHUNG\nĐiều 2. Phạm vi", id="four-stars-close-and-open"),
    # a numbered heading in capitals goes on in capitals without emphasis too ("BÁO CÁO" is
    # a type word, but no type line after "V. CHẾ ĐỘ")
    pytest.param("V. CHẾ ĐỘ\nBÁO CÁO\n1. Sở Công Thương tổng hợp.", "V. CHẾ ĐỘ BÁO CÁO\n1. Sở Công Thương tổng hợp.",
                 id="caps-heading-then-type-word-without-emphasis"),
    # on a wrapped page, a short Roman heading in lower case ends where a line in capitals
    # follows (its own body); a heading ending with a joining word goes on
    pytest.param("I. Nhiệm vụ chung\nBan Chỉ huy Phòng, chống\nthiên tai và Tìm kiếm cứu nạn các ngành, các cấp, Thủ trưởng\n"
                 "các sở, ban, ngành tỉnh, Chủ tịch UBND các huyện tập trung thực hiện một số công việc sau:\n"
                 "- Khẩn trương hoàn thành tổng kết công tác chỉ đạo, chỉ huy phòng chống thiên tai, tìm kiếm cứu nạn\n"
                 "năm 2014 trước ngày 20/4/2015; đánh giá, phát huy những ưu điểm, những công việc mang lại\n"
                 "hiệu quả thiết thực, đồng thời làm rõ nguyên nhân của những hạn chế, yếu kém để có giải\n"
                 "pháp chấn chỉnh, khắc phục.\nII. Nhiệm vụ của các sở và\nBan Chỉ huy tỉnh",
                 "I. Nhiệm vụ chung\nBan Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn các ngành, các cấp, Thủ trưởng "
                 "các sở, ban, ngành tỉnh, Chủ tịch UBND các huyện tập trung thực hiện một số công việc sau:\n"
                 "- Khẩn trương hoàn thành tổng kết công tác chỉ đạo, chỉ huy phòng chống thiên tai, tìm kiếm cứu nạn "
                 "năm 2014 trước ngày 20/4/2015; đánh giá, phát huy những ưu điểm, những công việc mang lại "
                 "hiệu quả thiết thực, đồng thời làm rõ nguyên nhân của những hạn chế, yếu kém để có giải "
                 "pháp chấn chỉnh, khắc phục.\nII. Nhiệm vụ của các sở và Ban Chỉ huy tỉnh",
                 id="short-roman-heading-then-capitalised-body-on-a-wrapped-page"),
    # a header whose every cell a lone "|" closes, no blank lines, no row ends: the lines
    # after its last pipe are the document, not one more cell swallowing it
    pytest.param("ỦY\nBAN NHÂN DÂN\nTỈNH TIỀN GIANG\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                 "Độc lập – Tự do – Hạnh phúc\n--------------\n|\nSố:\n33/2009/QĐ-UBND\n|\nMỹ\nTho, ngày 24 tháng 12 năm "
                 "2009\n|\nQUYẾT ĐỊNH\nBAN HÀNH QUY ĐỊNH VỀ QUẢN LÝ MẠNG TIN HỌC\nCăn cứ Luật Công nghệ thông tin ngày "
                 "29/6/2006;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy định.",
                 "ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh phúc\t"
                 "Số: 33/2009/QĐ-UBND\tMỹ Tho, ngày 24 tháng 12 năm 2009\nQUYẾT ĐỊNH\nBAN HÀNH QUY ĐỊNH VỀ QUẢN LÝ MẠNG "
                 "TIN HỌC\nCăn cứ Luật Công nghệ thông tin ngày 29/6/2006;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết "
                 "định này Quy định.", id="header-cells-closed-by-pipes-no-blank-lines"),
    # a drawing object's name that a word processor's web export glues to a line's start
    pytest.param("straight connector 2Số: 1551 /UBND-VX\n\nText Box 3\n\nstraight connector 1Độc lập - Tự do - Hạnh phúc\n\n"
                 "Line 2 trạm biến áp được xây dựng.",
                 "Số: 1551 /UBND-VX\nĐộc lập - Tự do - Hạnh phúc\nLine 2 trạm biến áp được xây dựng.",
                 id="drawing-object-names"),
    # a PDF converted page by page: its page markers and numbers go, a paragraph they broke joins
    pytest.param("## Trang 1\n\n1\nI. NHIỆM VỤ\n- Phối hợp đầu tư hạ tầng giao thông, hạ tầng\n\n## Trang 2\n\n2\n"
                 "kỹ thuật phục vụ phát triển du lịch biển.\n- Chủ trì kiểm tra các hoạt động du lịch.",
                 "I. NHIỆM VỤ\n- Phối hợp đầu tư hạ tầng giao thông, hạ tầng kỹ thuật phục vụ phát triển du lịch biển.\n"
                 "- Chủ trì kiểm tra các hoạt động du lịch.", id="page-markers-of-a-converted-pdf"),
    # … and its page numbers alone on their lines, going up by one (an appendix counts again)
    pytest.param("I. NHIỆM VỤ\n- Bảo tồn di sản văn hóa.\n\n2\n\n9. Công an thành phố Huế\n\n3\n- Bảo đảm an ninh,\n\n4\n"
                 "trật tự tại các điểm du lịch.",
                 "I. NHIỆM VỤ\n- Bảo tồn di sản văn hóa.\n9. Công an thành phố Huế\n- Bảo đảm an ninh, trật tự tại các "
                 "điểm du lịch.", id="page-numbers-of-a-converted-pdf"),
    # … but one "Trang 1" line alone is text
    pytest.param("Trang 1\nI. NHIỆM VỤ", "Trang 1\nI. NHIỆM VỤ", id="one-page-marker-is-text"),
    # a PDF's justified lines: two or three spaces between words read as one (not the wider
    # gaps of a header laid out by spaces); a blank line inside a sentence joins its two halves
    pytest.param("Căn  cứ  Luật  sửa  đổi,  bổ  sung  một  số  điều  của  Luật  Ban  hành  văn  bản\n\n"
                 "quy phạm pháp luật số 87/2025/QH15;\nCăn cứ Luật Du lịch số 09/2017/QH14;",
                 "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật số "
                 "87/2025/QH15;\nCăn cứ Luật Du lịch số 09/2017/QH14;", id="justified-gaps-and-a-blank-inside-a-sentence"),
    pytest.param("ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-UBND  Nghệ An, ngày 3 tháng 1",
                 "ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-UBND  Nghệ An, ngày 3 tháng 1",
                 id="column-gaps-are-no-justified-gaps"),
    # … but not before a list marker in lower case
    pytest.param("1. Sở Tài chính chủ trì thực hiện các nhiệm vụ\n\na) Rà soát các khoản thu.",
                 "1. Sở Tài chính chủ trì thực hiện các nhiệm vụ\na) Rà soát các khoản thu.", id="blank-before-a-letter-item"),
    # a crawl's breadcrumb (the document's name before each article and section, then the
    # attached paper's type line) goes; a numbered line's first child glued to it starts a line
    pytest.param("Quyết định 435/QĐ-UBND năm 2020. Điều 1.\nBan hành kèm theo Quyết định này Chương trình hành động.\n\n"
                 "Quyết định 435/QĐ-UBND năm 2020. Điều 2.\nGiám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này./.\n"
                 "Quyết định 435/QĐ-UBND năm 2020. CHƯƠNG TRÌNH HÀNH ĐỘNG. TRIỂN KHAI KẾ HOẠCH SỐ 119-KH/TU\n"
                 "Quyết định 435/QĐ-UBND năm 2020. CHƯƠNG TRÌNH HÀNH ĐỘNG. II. NỘI DUNG HOẠT ĐỘNG\n"
                 "1. Tăng cường sự lãnh đạo của cấp ủy 1.1.\nTổ chức nghiên cứu, quán triệt Chỉ thị.\n"
                 "3. Giải quyết tốt tranh chấp lao động 3.1. Rà soát, kiện toàn các thiết chế.",
                 "Điều 1. Ban hành kèm theo Quyết định này Chương trình hành động.\nĐiều 2. Giám đốc Sở Nội vụ chịu trách "
                 "nhiệm thi hành Quyết định này./.\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nTRIỂN KHAI KẾ HOẠCH SỐ 119-KH/TU\n"
                 "II. NỘI DUNG HOẠT ĐỘNG\n1. Tăng cường sự lãnh đạo của cấp ủy\n1.1. Tổ chức nghiên cứu, quán triệt Chỉ "
                 "thị.\n3. Giải quyết tốt tranh chấp lao động\n3.1. Rà soát, kiện toàn các thiết chế.",
                 id="crawl-breadcrumbs-and-glued-child-markers"),
    # … a name met twice only is the text's ("Quyết định 12/QĐ-UBND năm 2020. Điều 3." is no crumb)
    pytest.param("Căn cứ Quyết định 12/QĐ-UBND năm 2020. Điều 3. Giao Sở Nội vụ.\nQuyết định 12/QĐ-UBND năm 2020. Sở "
                 "Tư pháp phối hợp.",
                 "Căn cứ Quyết định 12/QĐ-UBND năm 2020. Điều 3. Giao Sở Nội vụ.\nQuyết định 12/QĐ-UBND năm 2020. Sở "
                 "Tư pháp phối hợp.", id="a-name-twice-is-no-breadcrumb"),
    # a page whose last table row ends in a run of pipes with nothing after it
    pytest.param("|\nNội dung\n|\nĐơn vị chủ trì\n|\nThời gian\n|\n|\nCập nhật dữ liệu\n|\nSở Tài chính\n|\n|",
                 "Nội dung\tĐơn vị chủ trì\tThời gian\nCập nhật dữ liệu\tSở Tài chính\n", id="page-ends-in-a-run-of-pipes"),
    pytest.param("(*thay thế Quyết định số 16*)\n**“Đoàn kết, kỷ cương”**;\n__Nghị quyết__ số 29",
                 "(thay thế Quyết định số 16)\n“Đoàn kết, kỷ cương”;\nNghị quyết số 29", id="emphasis-removed"),
]


@pytest.mark.parametrize(("raw", "logical"), JOIN_ROWS)
def test_logical_text(raw: str, logical: str) -> None:
    lay = build_layout(raw, wrapped=True)
    assert lay.text == logical
    # every character maps back to the same character of the source
    for i, ch in enumerate(lay.text):
        if ch not in " \t\n":
            assert lay.source[lay.to_source(i)] == ch


def _source_wrapped(paragraphs: list[str], first: int = 45, inside: int = 80) -> str:
    """Paragraphs as a page saved from its HTML source wraps them: the first line of each
    shorter (``first`` characters; the tag shares it), the lines inside ``inside``."""
    out = []
    for p in paragraphs:
        lines = textwrap.wrap(p, first, break_on_hyphens=False)
        out.append(lines[0])
        rest = p[len(lines[0]):].strip()
        out += textwrap.wrap(rest, inside, break_on_hyphens=False) if rest else []
    return "\n".join(out)


FILLER = [f"{k}. Sở Tài chính chủ trì, phối hợp với các sở, ban, ngành rà soát, tổng hợp nhu cầu kinh phí "
          f"thực hiện nhiệm vụ năm 2026 trên địa bàn tỉnh và báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng 12." for k in range(1, 7)]


@pytest.mark.parametrize(("paragraphs", "breaks"), [
    # a sentence that ends at a line's end inside a paragraph: the next line is longer than
    # any first line, so it goes on ("… Hải Phòng;" / "Quyết định số 08/2019/QĐ-UBND …")
    pytest.param(FILLER + ["7. Bãi bỏ các văn bản sau: Quyết định số 449/2016/QĐ-UBND của Ủy ban nhân dân thành phố Hải Phòng;"
                           "|Quyết định số 08/2019/QĐ-UBND ngày 18/3/2019 của Ủy ban nhân dân tỉnh Hải Dương về việc ban hành Quy định."],
                 6, id="long-line-after-a-sentence-end-goes-on"),
    # a short line after it starts a paragraph of its own
    pytest.param(FILLER + ["7. Giao Sở Nội vụ theo dõi, đôn đốc việc thực hiện Quyết định này.", "Giao Sở Tư pháp kiểm tra."],
                 7, id="short-line-after-a-sentence-end-starts-one"),
    # a page without the short first lines keeps the sentence's end as a paragraph's end
    pytest.param(["Bãi bỏ: Quyết định số 449/2016/QĐ-UBND của Ủy ban nhân dân thành phố Hải Phòng về quy chế cơ sở dữ liệu;"
                  "|Quyết định số 08/2019/QĐ-UBND ngày 18/3/2019 của Ủy ban nhân dân tỉnh Hải Dương về việc ban hành Quy định."],
                 1, id="no-short-first-lines-no-rule"),
])
def test_first_line_width(paragraphs: list[str], breaks: int) -> None:
    """A line break written as "|" inside a paragraph is placed at a line's end, as the page
    would wrap it; the paragraphs come out as ``breaks + 1`` blocks."""
    parts = []
    for p in paragraphs:
        head, _, tail = p.partition("|")
        text = _source_wrapped([head]) if "|" not in p or len(paragraphs) > 1 else "\n".join(textwrap.wrap(head, 80))
        parts.append(text + ("\n" + tail if tail else ""))
    lay = build_layout("\n".join(parts), wrapped=True)
    assert lay.text.count("\n") == breaks, lay.text


def test_plain_text_is_unchanged() -> None:
    text = "KẾ HOẠCH\nTriển khai thực hiện\n\nI. MỤC ĐÍCH\n1. Mục đích\nQuán triệt chủ trương.\n"
    lay = build_layout(text)
    assert lay.identity and lay.text is text and not lay.wrapped


# other legal libraries' notices before the document: a banner, a list of related documents
# each numbered and glued to its name
OTHER_SITES_BEFORE = [
    ["Để sử dụng toàn bộ tiện ích nâng cao của Hệ Thống Pháp Luật vui lòng lựa chọn và đăng ký gói cước.",
     "Nếu bạn là thành viên. Vui lòng ĐĂNG NHẬP để tiếp tục."],
    ["- 1Luật Ngân sách Nhà nước 2002", "- 6Nghị quyết 759/2014/UBTVQH13 hướng dẫn hoạt động giám sát"],
    ["- 1 Luật ngân sách nhà nước 2002", "- 6 Nghị quyết 759/2014/UBTVQH13 hướng dẫn hoạt động giám sát"],
    # a document-sharing site's file notes, glued to the document's date line it begins with
    ["Thành phố Hồ Chí Minh, ngày 07 tháng 4 năm 2002tải về 10.7 Kb.", "Chuyển đổi dữ liệu17.08.2016",
     "Kích10.7 Kb."],
    # a headline, the site's status note (its "thay thế bởi" is no act of the document) and
    # the heading above the full text
    ["Nghị quyết 34/2016/NQ-HĐND năm 2002 về mức chi", "",
     "Nghị quyết 34/2016/NQ-HĐND về mức chi đã được thay thế bởi Nghị quyết 759/2014/UBTVQH13 và được áp dụng "
     "kể từ ngày 25/08/2015.", "", "Nội dung toàn văn Nghị quyết 34/2016/NQ-HĐND về mức chi"],
]


@pytest.mark.parametrize("before", OTHER_SITES_BEFORE)
def test_other_sites_notices_are_chrome(before: list[str]) -> None:
    raw = "\n".join(before) + "\nHỘI ĐỒNG NHÂN DÂN TỈNH VĨNH PHÚC\nSố: 34/2016/NQ-HĐND\nCăn cứ Luật Ngân sách nhà nước;"
    lay = build_layout(raw)
    assert lay.text.startswith("HỘI ĐỒNG NHÂN DÂN TỈNH VĨNH PHÚC")
    assert all(x not in lay.text for x in ("Hệ Thống Pháp Luật", "759/2014", "2002"))


# the metadata box drawn as rows of cells, label and value side by side (other sites' labels
# too); the header on one line, its cells run together after rules of dashes
BOX_ROWS = [
    ("Cơ quan ban hành: | Ủy ban nhân dân tỉnh Lạng Sơn | Số công báo: | Đang cập nhật |\n"
     "Số hiệu: | 52/2018/QĐ-UBND | Ngày đăng công báo: | Đang cập nhật |\n"
     "Loại văn bản: | Quyết định | Người ký: | Phạm Ngọc Thưởng |\n"
     "Ngày ban hành: | 05/09/2018 | Hết hiệu lực: | Đang cập nhật |\n"
     "Áp dụng: | 15/09/2018 | Tình trạng hiệu lực: | Còn Hiệu lực |\nLĩnh vực: | Tài chính-Ngân hàng |\n"
     "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN ------------- Số: 52/2018/QĐ-UBND | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự "
     "do - Hạnh phúc ----------------------- Lạng Sơn, ngày 05 tháng 9 năm 2018 |\nQUYẾT ĐỊNH\nBan hành Quy định\n"
     "Căn cứ Luật Tổ chức chính quyền địa phương;\n",
     {"number_symbol": "52/2018/QĐ-UBND", "type": "Quyết định", "issuer": "Ủy ban nhân dân tỉnh Lạng Sơn",
      "signer": "Phạm Ngọc Thưởng", "date": "05/09/2018", "status": "Còn Hiệu lực"},
     "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"),
]


BOX_ROWS.append(
    ("Quyết định 02/2025/QĐ-CTUBND phân cấp thẩm quyền quyết định quản lý tài sản công\n"
     "| Số hiệu | 52/2018/QĐ-UBND |\n| Ngày ban hành | 05/09/2018 |\n| Loại văn bản | Quyết định |\n"
     "| Cơ quan ban hành | Ủy ban nhân dân tỉnh Lạng Sơn |\n| Người ký | Phạm Ngọc Thưởng |\n|\n"
     "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN ------------- Số: 52/2018/QĐ-UBND | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự "
     "do - Hạnh phúc ----------------------- Lạng Sơn, ngày 05 tháng 9 năm 2018 |\nQUYẾT ĐỊNH\nBan hành Quy định\n"
     "Căn cứ Luật Tổ chức chính quyền địa phương;\n",
     {"number_symbol": "52/2018/QĐ-UBND", "type": "Quyết định", "issuer": "Ủy ban nhân dân tỉnh Lạng Sơn",
      "signer": "Phạm Ngọc Thưởng", "date": "05/09/2018"},
     "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"))  # a table of two cells a row, no colon; the site's headline above it is chrome


BOX_ROWS.append(
    ("Quyết định 52/2018/QĐ-UBND ban hành Quy định Lạng Sơn 2018\n"
     "Số hiệu: 52/2018/QĐ-UBND Loại văn bản: Quyết định\nNơi ban hành: Tỉnh Lạng Sơn Người ký: Phạm Ngọc Thưởng\n"
     "Ngày ban hành: 05/09/2018 Ngày hiệu lực: Đã biết\nTình trạng: Đã biết\n"
     "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 52/2018/QĐ-UBND\n"
     "Lạng Sơn, ngày 05 tháng 9 năm 2018\nQUYẾT ĐỊNH\nBan hành Quy định\nCăn cứ Luật Tổ chức chính quyền địa phương;\n",
     {"number_symbol": "52/2018/QĐ-UBND", "type": "Quyết định", "issuer": "Tỉnh Lạng Sơn",
      "signer": "Phạm Ngọc Thưởng", "date": "05/09/2018"},
     "ỦY BAN NHÂN DÂN"))  # "label: value" pairs on one line, several a line


@pytest.mark.parametrize("raw, box, first", BOX_ROWS)
def test_box_in_rows_of_cells(raw: str, box: dict, first: str) -> None:
    lay = build_layout(raw)
    got = {k: v for k, (v, _) in lay.chrome.box.items() if k in box}
    assert got == box
    assert lay.text.startswith(first)
    for value, at in lay.chrome.box.values():
        assert raw[at:at + len(value)] == value
    from loaders.header import read_header

    ref = read_header(lay.text, box=lay.chrome.box).ref
    assert (ref.number_symbol, ref.date, ref.jurisdiction) == ("52/2018/QĐ-UBND", "2018-09-05", "Lạng Sơn")
    assert "number_from_box" not in ref.flags  # the header's own "Số:" after its rule of dashes


def test_chrome_is_cut_and_the_box_read() -> None:
    chrome = {"number": "55/2025/NQ-HĐND", "type": "Nghị quyết", "issuer_box": "Thành phố Hà Nội", "date_box": "26/11/2025"}
    raw = "\n".join(x.format(**chrome) for x in CHROME_BEFORE) + "\nHỘI ĐỒNG NHÂN DÂN\n" + \
        "\n".join(["Căn cứ Luật Thủ đô;"] * 4) + "\n" + "\n".join(x.format(**chrome) for x in CHROME_AFTER)
    lay = build_layout(raw)
    assert "THƯ VIỆN PHÁP LUẬT" not in lay.text and "Văn bản liên quan" not in lay.text
    assert "Địa chỉ" not in lay.text and "về việc thử nghiệm" not in lay.text
    assert lay.text.startswith("HỘI ĐỒNG NHÂN DÂN")
    assert {k: v for k, (v, _) in lay.chrome.box.items()} == {
        "number_symbol": "55/2025/NQ-HĐND", "type": "Nghị quyết", "issuer": "Thành phố Hà Nội",
        "date": "26/11/2025", "status": "Đã biết"}
    value, at = lay.chrome.box["number_symbol"]
    assert raw[at:at + len(value)] == value


# --------------------------------------------------------------------------- check


def _check(paths, tmp_path):
    from graph.store import Store
    from policykg.pipeline import build_corpus
    from queries.conflicts import find_conflicts

    with Store(tmp_path / "s.db") as store:
        build_corpus([str(p) for p in paths], store)
        g = store.graph()
        return g, find_conflicts(g, store.mentions(), store.unresolved())


def test_check_reports_the_box_disagreeing_with_the_header(tmp_path):
    chrome = {"number": "87/2025/QĐ-UBND", "type": "Quyết định", "issuer_box": "Tỉnh Bắc Ninh", "date_box": "21/11/2025"}
    page = write_md(DECISION, tmp_path / "page", chrome)
    g, conflicts = _check([page], tmp_path)
    box = [c for c in conflicts if c.kind == "box"]
    assert [c.subject for c in box] == ["bac-ninh:87/2025/QĐ-UBND:2025"]
    assert "2025-11-20" in box[0].detail and "2025-11-21" in box[0].detail
    ev = box[0].evidence[0]
    assert ev["value"] == "2025-11-21" and ev["file"] == str(page)
    assert page.read_text("utf-8")[ev["start"]:ev["end"]] == "21/11/2025"  # the box's own cell
    node = g.nodes["bac-ninh:87/2025/QĐ-UBND:2025"]
    assert node["reported_status"] == "Đã biết" and node["reported_date"] == "2025-11-21"


def test_check_reports_two_nodes_that_may_be_one_document(tmp_path):
    # a plan whose header lost its date, and a later plan that cites it with its date
    own = [("header", "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "Số: 144/KH-UBND", "Bắc Ninh"),
           ("type", "KẾ HOẠCH"), ("title", "Thực hiện chuyển đổi số"), ("p", "Nội dung.")]
    later = [("header", "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "Số: 200/KH-UBND", "Bắc Ninh, ngày 01 tháng 12 năm 2025"),
             ("type", "KẾ HOẠCH"), ("title", "Tiếp tục thực hiện chuyển đổi số"),
             ("p", "Thực hiện Kế hoạch số 144/KH-UBND ngày 20/11/2025 của Ủy ban nhân dân tỉnh.")]
    _, conflicts = _check([write_txt(own, tmp_path / "a"), write_txt(later, tmp_path / "b")], tmp_path)
    dup = [c for c in conflicts if c.kind == "duplicate"]
    assert [c.subject for c in dup] == ["144/KH-UBND"]
    assert "bac-ninh:144/KH-UBND:?" in dup[0].detail and "bac-ninh:144/KH-UBND:2025" in dup[0].detail


def test_blocks_carry_their_numbering_path() -> None:
    lay = build_layout("II. NHIỆM VỤ\n1. Sở Tài chính\na) Rà soát.\n- Báo cáo.\n- Tổng hợp.\nb) Kiểm tra.\n"
                       "2. Sở Nội vụ\nĐiều 3. Tổ chức thực hiện\n1. Giao Sở Y tế.\n")
    assert [(b.kind, b.path) for b in lay.blocks] == [
        ("item", "II"), ("item", "II.1"), ("item", "II.1.a"), ("item", "II.1.a.-1"), ("item", "II.1.a.-2"),
        ("item", "II.1.b"), ("item", "II.2"), ("item", "Điều 3"), ("item", "Điều 3.1"),
    ]


def test_offsets_always_map_into_the_source() -> None:
    """Random mixtures of the pieces real pages are made of (markers, emphasis, cell pipes,
    labels, chrome lines): every logical character maps back to the same source character,
    every span stays inside the source, and extraction offsets stay inside the file's text."""
    import random

    from loaders.extract import extract_text

    pieces = ["*", "**", "|", "\n", " ", "Số:", "1.", "a)", "- ", "Điều 1.", "QUYẾT ĐỊNH", "ngày 20",
              "tháng 11 năm 2025", "Sở Tài chính", "chủ trì", "_", "__", "#", "\t", "Căn cứ", ";", ":", ".",
              "ĐẢNG", "Quyết định số 12/QĐ-UBND", "Nơi nhận:", "Văn bản này chưa cập nhật nội dung Tiếng Anh",
              "Số hiệu:", "Giao Sở Nội vụ", "chịu trách nhiệm thi hành Quyết định này"]
    rng = random.Random(7)
    for n in range(1500):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 80)))
        lay = build_layout(s)
        for i, ch in enumerate(lay.text):
            if ch not in " \t\n":
                assert s[lay.to_source(i)] == ch, (s, i)
        for a in range(0, len(lay.text) + 1, 3):
            x, y = lay.span_to_source(a, min(len(lay.text), a + 5))
            assert 0 <= x <= y <= len(s), (s, a)
        if n % 5 == 0:
            ex = extract_text(s)
            assert all(0 <= m.start <= m.end <= len(s) for r in ex.references for m in r.mentions), s
            assert all(0 <= t.start <= t.end <= len(s) for t in ex.tasks), s


# --------------------------------------------------------------------------- wrapped or not
# A line-per-paragraph text (plain text, .docx) stays so under a few stray line breaks inside
# its sentences; a text wrapped at a width (a PDF text layer, a saved page) is wrapped.  The
# measure's thresholds are [join] wrapped_share / wrapped_line_share / wrapped_min_breaks of
# layout.toml.

SEEDS = Path(__file__).resolve().parent.parent / "data" / "corpus"
REALDOCS = Path(__file__).resolve().parent.parent.parent / "shared" / "realdocs"


def _seed(prefix: str) -> str:
    from loaders.normalize import normalize_text

    return normalize_text(next(SEEDS.glob(f"{prefix}_*.txt")).read_text("utf-8"))


def _stray_breaks(text: str, n: int) -> str:
    """``text`` with ``n`` of its spaces before a lower-case word turned into line breaks,
    one in each of ``n`` long lines spread over the text (a copy-paste, an editor's wrap)."""
    lines = text.split("\n")
    long = [i for i, ln in enumerate(lines) if len(ln) > 120 and "\t" not in ln]
    for i in long[:: max(1, len(long) // n)][:n]:
        ln = lines[i]
        at = next(k for k in range(60, len(ln) - 1) if ln[k] == " " and ln[k + 1].islower())
        lines[i] = ln[:at] + "\n" + ln[at + 1:]
    return "\n".join(lines)


def _typeset(text: str, width: int) -> str:
    """Every paragraph wrapped at ``width`` characters, table rows kept (a PDF text layer)."""
    return "\n".join(ln if "\t" in ln else "\n".join(textwrap.wrap(ln, width, break_on_hyphens=False)) or ln
                     for ln in text.split("\n"))


def _without_pipe_lines(text: str) -> str:
    """A saved page without its lone ``|`` cell lines, so only the breaks decide."""
    return "\n".join(ln for ln in text.split("\n") if ln.strip().strip("|").strip() or not ln.strip())


WRAPPED_ROWS = [
    # (id, text maker, wrapped): stray breaks in line-per-paragraph seeds
    pytest.param(lambda: _stray_breaks(_seed("003"), 3), False, id="seed-003-three-stray-breaks"),
    pytest.param(lambda: _stray_breaks(_seed("003"), 6), False, id="seed-003-six-stray-breaks"),
    pytest.param(lambda: _stray_breaks(_seed("004"), 3), False, id="seed-004-three-stray-breaks"),
    pytest.param(lambda: _stray_breaks(_seed("004"), 5), False, id="seed-004-five-stray-breaks"),
    # two breaks before lower-case words in seed 000, the fuzz test's find
    pytest.param(lambda: _stray_breaks(_seed("000"), 2), False, id="seed-000-two-stray-breaks"),
    # the same seeds typeset at a page width: every long paragraph wraps
    pytest.param(lambda: _typeset(_seed("003"), 100), True, id="seed-003-typeset-100"),
    pytest.param(lambda: _typeset(_seed("004"), 70), True, id="seed-004-typeset-70"),
    # real saved pages, their "|" cell lines removed so that the pipes do not decide
    pytest.param(lambda: _without_pipe_lines(_seed_page("1813348fc14ac2b7")), True, id="page-decision-no-pipes"),
    pytest.param(lambda: _without_pipe_lines(_seed_page("2e037ff2daea1c76")), True, id="page-tables-no-pipes"),
    # a short wrapped item: two breaks inside its sentences in seven lines
    pytest.param(lambda: "II. NHIỆM VỤ\n1. Quản lý nhà nước\na) Sở Nội vụ chủ trì, phối hợp với các sở, địa\nphương:\n"
                 "- Tổ chức tập huấn cho\ncán bộ, công chức của Ban và\nỦy ban nhân dân các huyện.\n- Rà soát.",
                 True, id="short-wrapped-item"),
]


def _seed_page(stem: str) -> str:
    from loaders.normalize import normalize_text

    return normalize_text((REALDOCS / f"{stem}.md").read_text("utf-8"))


@pytest.mark.parametrize(("make", "wrapped"), WRAPPED_ROWS)
def test_wrapped_measure(make, wrapped: bool) -> None:
    assert build_layout(make()).wrapped is wrapped


@pytest.mark.parametrize("prefix, n", [("003", 3), ("004", 5), ("000", 2)])
def test_stray_breaks_change_no_task(prefix: str, n: int) -> None:
    """The stray breaks of a line-per-paragraph seed only join back: same tasks, same leads."""
    from loaders.extract import extract_text

    def facts(text: str) -> list:
        ex = extract_text(text)
        return [(t.section, " ".join(t.text.split()), t.lead, t.cooperating, t.deadline) for t in ex.tasks]

    text = _seed(prefix)
    assert facts(_stray_breaks(text, n)) == facts(text)


def test_box_as_bulleted_lines_and_the_sites_note_under_it() -> None:
    """A box written as bulleted "label: value" lines, and a legal database's note of the
    document's fate right under it ("… bị bãi bỏ, thay thế bởi …"): chrome, never the document."""
    raw = ("cơ sở dữ liệu pháp lý\n\nThông tin văn bản\n  • Số hiệu văn bản: 10/2008/NQ-HĐND\n  • Loại văn bản: Nghị quyết\n"
           "  • Ngày ban hành: 11-07-2008\n  • Tình trạng hiệu lực: Hết hiệu lực\n"
           "Caselaw Việt Nam: “Kể từ ngày 20-12-2010, Nghị quyết số 10/2008/NQ-HĐND bị bãi bỏ, thay thế bởi Nghị quyết số "
           "26/2010/NQ-HĐND ngày 10/12/2010”\nHỘI ĐỒNG NHÂN DÂN TỈNH ĐẮK LẮK\nSố: 10/2008/NQ-HĐND\n"
           "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân;\n")
    lay = build_layout(raw)
    assert {k: v for k, (v, _) in lay.chrome.box.items()} == {
        "number_symbol": "10/2008/NQ-HĐND", "type": "Nghị quyết", "date": "11-07-2008", "status": "Hết hiệu lực"}
    assert lay.text.startswith("HỘI ĐỒNG NHÂN DÂN TỈNH ĐẮK LẮK") and "26/2010" not in lay.text
