"""Tests of loaders.readers: every encoding, .docx/.pdf/.html layout, every error case.

Inputs are generated into tmp_path (python-docx, fpdf2 with DejaVu Sans, plain bytes).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from viparse.normalize.encodings import CHARMAPS

from graph.errors import LoadError, PolicyKGError
from loaders.normalize import normalize_text
from loaders.readers import SUPPORTED_SUFFIXES, decode_bytes, read_document, read_raw

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
SEEDS = sorted(CORPUS.glob("*.txt"))

LONG = (
    "Nghị quyết số 29-NQ/TW ngày 17/11/2022 của Ban Chấp hành Trung ương về tiếp tục đẩy "
    "mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045"
)
PLAN = (
    "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\n"
    "Kế hoạch số 154/KH-UBND ngày 05/5/2023 thực hiện Chương trình hành động số 26-CTr/TU "
    "của Tỉnh ủy về thực hiện Nghị quyết số 29-NQ/TW “Đoàn kết” – Quý II/2023…\n"
)
PLAN_CANONICAL = PLAN.replace("–", "-")  # the en dash is folded


def legacy(text: str, encoding: str) -> str:
    """Unicode text as a TCVN3/VNI font stores it, shown as Latin-1 characters (viparse's
    own tables, inverted: it exposes no encoder)."""
    inverse = {unicode: legacy for legacy, unicode in CHARMAPS[encoding].pairs}
    return "".join(inverse.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Windows-1258 bytes: precomposed base letter (â ơ ư ...) plus a combining tone mark,
    the way Windows writes Vietnamese in that code page (Python's codec only maps)."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out += (base + "".join(c for c in parts if c in _TONES)).encode("cp1258")
    return bytes(out)


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == frozenset({".txt", ".md", ".docx", ".pdf", ".html", ".htm"})


# --------------------------------------------------------------------------- .txt encodings

ENCODING_ROWS = [
    # (bytes of the file, expected read_document text)
    pytest.param(PLAN.encode("utf-8"), PLAN_CANONICAL, id="utf-8"),
    pytest.param(PLAN.encode("utf-8-sig"), PLAN_CANONICAL, id="utf-8-bom"),
    pytest.param(PLAN.encode("utf-16"), PLAN_CANONICAL, id="utf-16-bom-native"),
    pytest.param(b"\xff\xfe" + PLAN.encode("utf-16-le"), PLAN_CANONICAL, id="utf-16-le-bom"),
    pytest.param(b"\xfe\xff" + PLAN.encode("utf-16-be"), PLAN_CANONICAL, id="utf-16-be-bom"),
    pytest.param(PLAN.encode("utf-16-le"), PLAN_CANONICAL, id="utf-16-le-no-bom"),
    pytest.param(PLAN.encode("utf-16-be"), PLAN_CANONICAL, id="utf-16-be-no-bom"),
    pytest.param(b"\xff\xfe\x00\x00" + PLAN.encode("utf-32-le"), PLAN_CANONICAL, id="utf-32-le-bom"),
    pytest.param(b"\x00\x00\xfe\xff" + PLAN.encode("utf-32-be"), PLAN_CANONICAL, id="utf-32-be-bom"),
    pytest.param(cp1258(PLAN), PLAN_CANONICAL, id="cp1258"),
    pytest.param(unicodedata.normalize("NFD", PLAN).encode("utf-8"), PLAN_CANONICAL, id="utf-8-nfd"),
    pytest.param(PLAN.replace("\n", "\r\n").encode("utf-8"), PLAN_CANONICAL, id="utf-8-crlf"),
    # Legacy fonts' letters sit in 0xA0..0xFF; Windows punctuation (“ ” – …) in 0x80..0x9F.
    pytest.param(legacy(LONG, "tcvn3").encode("cp1252"), LONG, id="tcvn3"),
    pytest.param(legacy(LONG, "vni").encode("cp1252"), LONG, id="vni"),
    pytest.param(legacy(PLAN, "vni").encode("cp1252"), PLAN_CANONICAL, id="vni-capitals-punctuation"),
]


@pytest.mark.parametrize("suffix", [".txt", ".md", ".TXT"])
@pytest.mark.parametrize(("data", "expected"), ENCODING_ROWS)
def test_text_encodings(tmp_path: Path, suffix: str, data: bytes, expected: str) -> None:
    assert read_document(write(tmp_path, f"doc{suffix}", data)) == expected


def test_utf16_without_bom_ascii_is_not_taken_for_utf8() -> None:
    # ASCII in UTF-16 is valid UTF-8 too, full of NULs.
    text = "Ke hoach so 154/KH-UBND\n"
    assert decode_bytes(text.encode("utf-16-le")) == text
    assert decode_bytes(text.encode("utf-16-be")) == text


def test_cp1258_raw_is_decomposed_and_document_is_nfc(tmp_path: Path) -> None:
    path = write(tmp_path, "cp.txt", cp1258("Quyết định"))
    assert read_raw(path) == "Quyê\u0301t đi\u0323nh"
    assert read_document(path) == "Quyết định"


def test_legacy_raw_is_decoded_not_repaired(tmp_path: Path) -> None:
    surface = legacy(LONG, "tcvn3")
    path = write(tmp_path, "abc.txt", surface.encode("cp1252"))
    assert read_raw(path) == surface
    assert read_document(path) == LONG


def test_legacy_keeps_windows_punctuation(tmp_path: Path) -> None:
    # TCVN3 documents typed on Windows keep curly quotes at 0x93/0x94 (cp1252 positions).
    data = b"\x93" + legacy(LONG, "tcvn3").encode("cp1252") + b"\x94"
    assert read_document(write(tmp_path, "q.txt", data)) == f"“{LONG}”"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.name[:3])
@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda text: text.encode("utf-8-sig"), id="utf-8-bom"),
        pytest.param(lambda text: text.encode("utf-16"), id="utf-16-bom"),
        pytest.param(lambda text: text.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(lambda text: text.encode("utf-16-be"), id="utf-16-be-no-bom"),
        pytest.param(cp1258, id="cp1258"),
    ],
)
def test_seed_in_every_encoding(
    tmp_path: Path, seed: Path, encode: Callable[[str], bytes]
) -> None:
    """Each seed, re-encoded, reads back as the UTF-8 seed does."""
    text = seed.read_text(encoding="utf-8")
    path = write(tmp_path, "seed.txt", encode(text))
    assert read_document(path) == normalize_text(text)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.name[:3])
def test_seed_utf8_raw_is_the_file(seed: Path) -> None:
    assert read_raw(seed) == seed.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- .docx


def test_docx_body_in_order_with_tables(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH thực hiện Chương trình số 26-CTr/TU")
    table = document.add_table(rows=3, cols=5)
    header = ["TT", "Nội dung công việc", "Thời gian hoàn thành", "Cấp trình", "Ghi chú"]
    for cell, value in zip(table.rows[0].cells, header, strict=True):
        cell.text = value
    for cell, value in zip(
        table.rows[1].cells, ["1", "Nội dung", "Quý II/2023", "UBND tỉnh", ""], strict=True
    ):
        cell.text = value
    # A group row merged across the table is one cell, not five copies.
    merged = table.rows[2].cells[0].merge(table.rows[2].cells[4])
    merged.text = "VĂN PHÒNG"
    cell = table.rows[1].cells[1]
    cell.add_paragraph("rà soát\tquy hoạch")  # second paragraph and a TAB inside one cell
    document.add_paragraph("Sau bảng.")
    path = tmp_path / "plan.docx"
    document.save(path)
    assert read_raw(path) == (
        "KẾ HOẠCH thực hiện Chương trình số 26-CTr/TU\n"
        "TT\tNội dung công việc\tThời gian hoàn thành\tCấp trình\tGhi chú\n"
        "1\tNội dung rà soát quy hoạch\tQuý II/2023\tUBND tỉnh\t\n"
        "VĂN PHÒNG\n"
        "Sau bảng."
    )


# A plan's multilevel list as Word defines it: "I." (Roman), "1.", "a)", a bullet drawn with a
# symbol font's private-use glyph, "+" kept; and "1.1." written from two levels.
WORD_LIST = (
    '<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:abstractNumId="90">'
    + "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
              for i, (fmt, text) in enumerate([("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"),
                                                ("bullet", "\uf0b7"), ("bullet", "+"), ("decimal", "%2.%6.")]))
    + "</w:abstractNum>"
)


def _word_numbered(document, items: list[tuple[int | None, str]]) -> None:
    """Paragraphs numbered by Word (``w:numPr`` to the list above), or plain (level None)."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(WORD_LIST))
    numbering.append(parse_xml('<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                               'w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for level, text in items:
        paragraph = document.add_paragraph(text)
        if level is not None:
            paragraph._p.get_or_add_pPr().append(parse_xml(
                '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f'<w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))


def test_docx_word_numbering_is_written_out(tmp_path: Path) -> None:
    """Word draws a numbered paragraph's label ("1.", "a)", "-"), which is no text of it: the
    reader writes it before the text, as a typed one would be, counting per level and
    restarting a level after a higher one; the default template's list styles too."""
    document = docx.Document()
    _word_numbered(document, [
        (0, "NHIỆM VỤ CỤ THỂ"), (1, "Sở Tài chính"), (2, "Chủ trì rà soát."), (3, "Tổng hợp kinh phí."),
        (4, "Báo cáo kết quả."), (2, "Phối hợp kiểm tra."), (1, "Sở Nội vụ"), (5, "Sắp xếp tổ chức."),
        (None, "Trên đây là Kế hoạch."), (0, "TỔ CHỨC THỰC HIỆN"), (1, "Các sở, ngành triển khai."),
    ])
    document.add_paragraph("Đầu tiên", style="List Number")
    document.add_paragraph("Thứ hai", style="List Number")
    path = tmp_path / "numbered.docx"
    document.save(path)
    assert read_raw(path).split("\n") == [
        "I. NHIỆM VỤ CỤ THỂ", "1. Sở Tài chính", "a) Chủ trì rà soát.", "- Tổng hợp kinh phí.",
        "+ Báo cáo kết quả.", "b) Phối hợp kiểm tra.", "2. Sở Nội vụ", "2.1. Sắp xếp tổ chức.",
        "Trên đây là Kế hoạch.", "II. TỔ CHỨC THỰC HIỆN", "1. Các sở, ngành triển khai.",
        "1. Đầu tiên", "2. Thứ hai",
    ]


TEXT_BOX = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><mc:AlternateContent>
<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>{0}
</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{0}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
</mc:AlternateContent></w:r>"""


def test_docx_text_box_read_once(tmp_path: Path) -> None:
    """A header's cells set in a text box (Word stores the box twice: a drawing and its VML
    fallback): its lines are read once, before the paragraph that anchors it."""
    from docx.oxml import parse_xml

    lines = ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "Số: 87/KH-UBND"]
    document = docx.Document()
    anchor = document.add_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    anchor._p.append(parse_xml(TEXT_BOX.format("".join(f"<w:p><w:r><w:t>{x}</w:t></w:r></w:p>" for x in lines))))
    document.add_paragraph("Bắc Ninh, ngày 20 tháng 11 năm 2025")
    path = tmp_path / "box.docx"
    document.save(path)
    assert read_raw(path).split("\n") == [*lines, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Bắc Ninh, ngày 20 tháng 11 năm 2025"]


def test_docx_legacy_font_runs(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run(legacy("Nghị quyết số 29-NQ/TW", "tcvn3")).font.name = ".VnTime"
    paragraph.add_run(" – ")
    # .VnTimeH draws the lowercase codes as capitals.
    paragraph.add_run(legacy("ủy ban nhân dân tỉnh", "tcvn3")).font.name = ".VnTimeH"
    paragraph.add_run(" và ")
    paragraph.add_run(legacy("Kế hoạch số 154", "vni")).font.name = "VNI-Times"
    # A converted document that kept its old font name: already Unicode, left alone.
    document.add_paragraph().add_run("Ban Chấp hành Trung ương").font.name = ".VnTime"
    # Runs of one font split mid-letter (VNI writes a toned vowel as two characters).
    split = document.add_paragraph()
    vni = legacy("chào", "vni")  # "chaøo"
    split.add_run(vni[:3]).font.name = "VNI-Times"
    split.add_run(vni[3:]).font.name = "VNI-Times"
    path = tmp_path / "legacy.docx"
    document.save(path)
    assert read_raw(path) == (
        "Nghị quyết số 29-NQ/TW – ỦY BAN NHÂN DÂN TỈNH và Kế hoạch số 154\n"
        "Ban Chấp hành Trung ương\n"
        "chào"
    )


def test_docx_legacy_font_from_style(tmp_path: Path) -> None:
    document = docx.Document()
    document.styles["Normal"].font.name = ".VnTime"
    heading = document.styles.add_style("LegacyHeading", 1)  # WD_STYLE_TYPE.PARAGRAPH
    heading.base_style = document.styles["Normal"]
    heading.font.name = ".VnTimeH"
    heading.font.size = Pt(14)
    document.add_paragraph(legacy("kế hoạch", "tcvn3"), style="LegacyHeading")
    document.add_paragraph(legacy("Thực hiện Nghị quyết số 29-NQ/TW", "tcvn3"))
    run = document.add_paragraph().add_run("Times New Roman ©")
    run.font.name = "Times New Roman"  # the run's own font wins over the style's
    path = tmp_path / "styled.docx"
    document.save(path)
    assert read_raw(path) == "KẾ HOẠCH\nThực hiện Nghị quyết số 29-NQ/TW\nTimes New Roman ©"


# --------------------------------------------------------------------------- .pdf

FONT_CANDIDATES = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")]


@pytest.fixture(scope="module")
def dejavu() -> Path:
    if shutil.which("fc-match"):
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", "DejaVuSans"], capture_output=True, text=True
        ).stdout.strip()
        if found.endswith("DejaVuSans.ttf"):
            return Path(found)
    for candidate in FONT_CANDIDATES:
        if candidate.exists():
            return candidate
    pytest.fail("DejaVuSans.ttf not found (install fonts-dejavu-core); needed for PDF tests")


def make_pdf(font: Path, pages: list[list[str]], size: int = 12) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(font))
    for lines in pages:
        pdf.add_page()
        pdf.set_font("DejaVu", size=size)
        for line in lines:
            pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@pytest.mark.parametrize("size", [8, 11, 16])
def test_pdf_vietnamese_pages(tmp_path: Path, dejavu: Path, size: int) -> None:
    pages = [
        ["ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "Kế hoạch số 154/KH-UBND ngày 05/5/2023"],
        [LONG[:60], "ữ ự ẵ ặ ỹ Ỹ đ Đ – Quý II/2023"],
    ]
    path = write(tmp_path, "plan.pdf", make_pdf(dejavu, pages, size))
    assert read_raw(path) == "\n".join("\n".join(lines) for lines in pages)


def test_pdf_decomposed_text_reads_as_nfc(tmp_path: Path, dejavu: Path) -> None:
    text = "Nghị quyết số 29-NQ/TW của Ban Chấp hành Trung ương"
    path = write(
        tmp_path, "nfd.pdf", make_pdf(dejavu, [[unicodedata.normalize("NFD", text)]])
    )
    assert read_document(path) == text


def test_pdf_words_without_space_glyphs_stay_apart(tmp_path: Path, dejavu: Path) -> None:
    """Words placed 2.3 pt apart with no space glyph: pdfplumber's default x_tolerance (3)
    would glue them ("Kếhoạchsố154..."); the reader's tolerance keeps them apart."""
    from fpdf import FPDF

    words = ["Kế", "hoạch", "số", "154/KH-UBND", "ngày", "05/5/2023"]
    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(dejavu))
    pdf.add_page()
    pdf.set_font("DejaVu", size=8)
    x = 20.0
    for word in words:
        pdf.text(x, 30, word)
        x += pdf.get_string_width(word) + 0.8  # mm: 2.3 pt
    path = write(tmp_path, "spaced.pdf", bytes(pdf.output()))
    assert read_raw(path) == " ".join(words)


def test_pdf_ruled_table_reads_as_rows(tmp_path: Path, dejavu: Path) -> None:
    """A plan's ruled task table: each row one TAB-joined line, a cell's wrapped lines joined
    by a space (read as lines, the cells of a row interleave); a cell merged across rows
    leaves an empty cell in the rows below it, one merged across columns appears once; the
    text above and below the table stays in its place; a frame drawn round a paragraph (a
    table of one cell) is text."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(dejavu))
    pdf.add_page()
    pdf.set_font("DejaVu", size=10)
    pdf.cell(0, 8, "I. NHIỆM VỤ CỤ THỂ", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(8, 40, 22, 22, 16), first_row_as_headings=False) as table:
        for cells in (("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"),
                      ("1", "Rà soát, hoàn thiện hạ tầng viễn thông và kết nối mạng cho các xã, phường trên địa bàn",
                       "Sở Khoa học và Công nghệ", "Sở Tài chính; Ủy ban nhân dân các xã, phường", "Quý II/2026")):
            row = table.row()
            for cell in cells:
                row.cell(cell)
        row = table.row()
        row.cell("2")
        row.cell("Xây dựng kho dữ liệu dùng chung của tỉnh")
        row.cell("Sở Nội vụ", rowspan=2)
        row.cell("Công an tỉnh")
        row.cell("Năm 2026")
        row = table.row()
        row.cell("3")
        row.cell("Đào tạo kỹ năng số cho cán bộ")
        row.cell("Các sở, ngành; năm 2026", colspan=2)
    with pdf.table(col_widths=(1,), first_row_as_headings=False) as frame:
        frame.row().cell("Ghi chú: các đơn vị báo cáo định kỳ.")
    pdf.cell(0, 8, "II. TỔ CHỨC THỰC HIỆN", new_x="LMARGIN", new_y="NEXT")
    path = write(tmp_path, "table.pdf", bytes(pdf.output()))
    assert read_raw(path).split("\n") == [
        "I. NHIỆM VỤ CỤ THỂ",
        "STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian",
        "1\tRà soát, hoàn thiện hạ tầng viễn thông và kết nối mạng cho các xã, phường trên địa bàn"
        "\tSở Khoa học và Công nghệ\tSở Tài chính; Ủy ban nhân dân các xã, phường\tQuý II/2026",
        "2\tXây dựng kho dữ liệu dùng chung của tỉnh\tSở Nội vụ\tCông an tỉnh\tNăm 2026",
        "3\tĐào tạo kỹ năng số cho cán bộ\t\tCác sở, ngành; năm 2026",
        "Ghi chú: các đơn vị báo cáo định kỳ.",
        "II. TỔ CHỨC THỰC HIỆN",
    ]


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    from fpdf import FPDF
    from PIL import Image

    image = io.BytesIO()
    Image.new("RGB", (200, 100), "white").save(image, "PNG")
    image.seek(0)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=100)
    path = write(tmp_path, "scan.pdf", bytes(pdf.output()))
    with pytest.raises(LoadError) as caught:
        read_raw(path)
    assert str(caught.value) == f"{path}: no text layer (scanned PDF?)"


def test_pdf_encrypted(tmp_path: Path, dejavu: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="user")
    pdf.add_font("DejaVu", fname=str(dejavu))
    pdf.add_page()
    pdf.set_font("DejaVu", size=12)
    pdf.cell(0, 10, "Kế hoạch")
    path = write(tmp_path, "locked.pdf", bytes(pdf.output()))
    with pytest.raises(LoadError) as caught:
        read_raw(path)
    assert str(caught.value) == f"{path}: encrypted PDF (password required)"


# --------------------------------------------------------------------------- .html

HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Kế hoạch 154</title>
<style>p { color: red }</style><script>var x = "<p>không</p>";</script></head>
<body>
<!-- a comment -->
<div class="header">ỦY BAN NHÂN DÂN<br>TỈNH HÀ TĨNH</div>
<p>Thực hiện   <b>Chương trình</b> số&nbsp;26-CTr/TU
của Tỉnh ủy.</p>
<table>
 <thead><tr><th>TT</th><th>Nội dung</th><th>Thời gian</th><th>Cấp trình</th><th>Ghi chú</th></tr></thead>
 <tbody>
  <tr><td>1</td><td><p>Nội dung</p><p>rà soát</p></td><td>Quý II/2023</td><td>UBND tỉnh</td><td></td></tr>
 </tbody>
</table>
<ul><li>Sở Công Thương chủ trì;</li><li>Sở Tài chính phối hợp.</li></ul>
<noscript>bật JavaScript</noscript>
</body></html>
"""


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_html(tmp_path: Path, suffix: str) -> None:
    path = write(tmp_path, f"page{suffix}", HTML)
    assert read_raw(path) == (
        "Kế hoạch 154\n"
        "ỦY BAN NHÂN DÂN\n"
        "TỈNH HÀ TĨNH\n"
        "Thực hiện Chương trình số\u00a026-CTr/TU của Tỉnh ủy.\n"
        "TT\tNội dung\tThời gian\tCấp trình\tGhi chú\n"
        "1\tNội dung rà soát\tQuý II/2023\tUBND tỉnh\t\n"
        "- Sở Công Thương chủ trì;\n"
        "- Sở Tài chính phối hợp."
    )
    assert "số 26-CTr/TU" in read_document(path)  # &nbsp; becomes a space


def test_html_list_markers_are_written_out(tmp_path: Path) -> None:
    """A browser draws a list item's marker, no text of the page: the reader writes it as a
    typed one ("1.", "a)", "I.", "-"), counting from ``start`` and an item's ``value``; none
    where a style hides it (a portal's menu)."""
    page = ('<html><body><p>II. NHIỆM VỤ</p><ol><li>Sở Tài chính<ol type="a"><li>Chủ trì rà soát.</li>'
            "<li>Phối hợp kiểm tra.</li></ol></li><li>Sở Nội vụ<ul><li>Sắp xếp tổ chức.</li></ul></li></ol>"
            '<ol type="I" start="3"><li>TỔ CHỨC THỰC HIỆN</li></ol><ol><li value="5">Năm</li><li>Sáu</li></ol>'
            '<ul style="list-style-type: none"><li>Trang chủ</li></ul></body></html>')
    path = write(tmp_path, "lists.html", page)
    assert read_raw(path).split("\n") == [
        "II. NHIỆM VỤ", "1. Sở Tài chính", "a) Chủ trì rà soát.", "b) Phối hợp kiểm tra.", "2. Sở Nội vụ",
        "- Sắp xếp tổ chức.", "III. TỔ CHỨC THỰC HIỆN", "5. Năm", "6. Sáu", "Trang chủ",
    ]


def test_html_in_windows_1258(tmp_path: Path) -> None:
    page = "<html><body><p>Quyết định số 15/2018/QĐ-UBND</p></body></html>"
    path = write(tmp_path, "cp.html", cp1258(page))
    assert read_document(path) == "Quyết định số 15/2018/QĐ-UBND"


# --------------------------------------------------------------------------- errors


def _zip_without_word(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a document")


def _docx_with_part(path: Path, part: str, content: bytes) -> None:
    """A real .docx with one part replaced."""
    source = io.BytesIO()
    docx.Document().save(source)
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as archive:
        for item in original.infolist():
            data = content if item.filename == part else original.read(item.filename)
            archive.writestr(item, data)


ERROR_ROWS = [
    # (file name, how to create it (bytes, or a callable on the path, or None), reason)
    pytest.param(
        "old.doc",
        b"\xd0\xcf\x11\xe0",
        "unsupported file type (.doc); supported: .docx, .htm, .html, .md, .pdf, .txt",
        id="unsupported-suffix",
    ),
    pytest.param(
        "README",
        b"text",
        "unsupported file type (no suffix); supported: .docx, .htm, .html, .md, .pdf, .txt",
        id="no-suffix",
    ),
    pytest.param("missing.txt", None, "cannot read file (No such file or directory)", id="missing"),
    pytest.param("folder.txt", "mkdir", "is a directory", id="directory"),
    pytest.param("empty.txt", b"", "empty file", id="empty-txt"),
    pytest.param("empty.docx", b"", "empty file", id="empty-docx"),
    pytest.param("empty.pdf", b"", "empty file", id="empty-pdf"),
    pytest.param("blank.txt", b" \n\t\r\n", "no text in file", id="whitespace-only"),
    pytest.param(
        "bad.txt",
        b"Quy\x81\x8d\x9e t",
        "binary, not text (not UTF-8, UTF-16, TCVN3/VNI or Windows-1258)",
        id="undecodable",
    ),
    pytest.param(
        "binary.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        "binary, not text (NUL bytes)",
        id="binary",
    ),
    pytest.param(
        "bad16.txt", b"\xff\xfe\x00\xd8", "invalid utf-16-le after its byte-order mark",
        id="bad-utf16-after-bom",
    ),
    pytest.param(
        "plain.docx", b"just text", "not a .docx file (not a zip archive)", id="docx-not-zip"
    ),
    pytest.param(
        "other.docx",
        _zip_without_word,
        "not a .docx file (zip archive without a Word document)",
        id="docx-zip-without-document",
    ),
    pytest.param(
        "damaged.docx",
        lambda path: _docx_with_part(path, "word/document.xml", b"<w:document"),
        "damaged .docx file (unreadable XML)",
        id="docx-damaged-xml",
    ),
    pytest.param(
        "sheet.docx",
        lambda path: _docx_with_part(
            path,
            "[Content_Types].xml",
            b'<?xml version="1.0"?><Types xmlns='
            b'"http://schemas.openxmlformats.org/package/2006/content-types"/>',
        ),
        "not a .docx file (zip archive without a Word document)",
        id="docx-wrong-content-types",
    ),
    pytest.param(
        "broken.pdf",
        b"%PDF-1.4\ngarbage",
        "corrupt PDF (No /Root object! - Is this really a PDF?)",
        id="pdf-corrupt",
    ),
    pytest.param(
        "fake.pdf", b"hello world", "corrupt PDF (No /Root object! - Is this really a PDF?)",
        id="pdf-not-a-pdf",
    ),
    pytest.param("empty.html", b"<html><body></body></html>", "no text in file", id="html-empty"),
]


@pytest.mark.parametrize(("name", "content", "reason"), ERROR_ROWS)
def test_errors_name_the_file(
    tmp_path: Path, name: str, content: bytes | Callable[[Path], None] | str | None, reason: str
) -> None:
    path = tmp_path / name
    if content == "mkdir":
        path.mkdir()
    elif callable(content):
        content(path)
    elif content is not None:
        path.write_bytes(content)
    for reader in (read_raw, read_document):
        with pytest.raises(LoadError) as caught:
            reader(path)
        error = caught.value
        assert isinstance(error, PolicyKGError)
        assert error.path == str(path)
        assert error.reason == reason
        assert str(error) == f"{path}: {reason}"
        assert "\n" not in str(error)


def test_truncated_pdf(tmp_path: Path, dejavu: Path) -> None:
    data = make_pdf(dejavu, [["Kế hoạch số 154/KH-UBND"]])
    path = write(tmp_path, "cut.pdf", data[: len(data) // 2])
    with pytest.raises(LoadError) as caught:
        read_raw(path)
    assert caught.value.reason.startswith("corrupt PDF (")
    assert caught.value.path == str(path)


def test_accepts_str_and_pathlike(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Kế hoạch")
    assert read_document(str(path)) == read_document(path) == "Kế hoạch"


def test_docx_runs_inside_hyperlinks_insertions_and_content_controls(tmp_path: Path) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    paragraph = document.add_paragraph("Căn cứ ")
    paragraph._p.append(
        parse_xml(
            f'<w:hyperlink {nsdecls("w")}><w:r><w:t>Nghị quyết 29-NQ/TW</w:t></w:r></w:hyperlink>'
        )
    )
    paragraph._p.append(
        parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="a"><w:r><w:t>, mới</w:t></w:r></w:ins>')
    )
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="a">'
            f"<w:r><w:delText> (đã xóa)</w:delText></w:r></w:del>"
        )
    )
    body = document.element.body
    body.insert(
        len(body) - 1,  # before w:sectPr
        parse_xml(
            f'<w:sdt {nsdecls("w")}><w:sdtContent>'
            f"<w:p><w:r><w:t>Trong khối nội dung</w:t></w:r></w:p>"
            f"</w:sdtContent></w:sdt>"
        ),
    )
    path = tmp_path / "inline.docx"
    document.save(path)
    assert read_raw(path) == "Căn cứ Nghị quyết 29-NQ/TW, mới\nTrong khối nội dung"
