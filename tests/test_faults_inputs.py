"""Issue 8 point 7, unbounded inputs: hostile files are refused with the reason named, in
bounded memory, and the batch goes on.

Every hostile file is made here, in tmp_path: a .docx whose document.xml inflates to far
more than the limit (spaces streamed through zipfile's deflate, so the file stays small), a
.docx with millions of tiny paragraphs, a member whose declared size lies, named pipes,
sockets and devices, binary bytes in a .txt. The limits come from loaders/tables/limits.toml;
tests that need a file over a limit either build one over the shipped limit or lower the
limit for the test (``limits`` fixture), never by timing anything.
"""

from __future__ import annotations

import dataclasses
import io
import re
import struct
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from graph.errors import LoadError
from loaders import readers
from loaders.readers import read_raw

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:document xmlns:w="{W_NS}"><w:body>'
).encode()
XML_TAIL = b"<w:sectPr/></w:body></w:document>"
PARAGRAPH = "<w:p><w:r><w:t>{}</w:t></w:r></w:p>"


def _template() -> bytes:
    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


def write_docx(path: Path, document_xml: Callable[[Callable[[bytes], object]], None]) -> Path:
    """A real .docx (python-docx's template) whose word/document.xml is streamed by
    ``document_xml(write)``, deflated as it is written, so a huge part makes a small file."""
    with zipfile.ZipFile(io.BytesIO(_template())) as original, zipfile.ZipFile(
        path, "w", zipfile.ZIP_DEFLATED
    ) as archive:
        for item in original.infolist():
            if item.filename != "word/document.xml":
                archive.writestr(item.filename, original.read(item.filename))
                continue
            info = zipfile.ZipInfo(item.filename)
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w", force_zip64=True) as member:
                document_xml(member.write)
    return path


def spaces_document(size: int) -> Callable[[Callable[[bytes], object]], None]:
    """document.xml of one paragraph padded with ``size`` bytes of blanks: valid XML."""

    def write(out: Callable[[bytes], object]) -> None:
        out(XML_HEAD + PARAGRAPH.format("Kế hoạch số 154/KH-UBND").encode())
        block = b" " * (1 << 20)
        left = size
        while left > 0:
            out(block[: min(left, len(block))])
            left -= len(block)
        out(XML_TAIL)

    return write


def paragraphs_document(count: int, prefix: str = "w") -> Callable[[Callable[[bytes], object]], None]:
    """document.xml of ``count`` one-letter paragraphs (namespace prefix ``prefix``)."""

    def write(out: Callable[[bytes], object]) -> None:
        head = XML_HEAD.replace(b"xmlns:w=", f"xmlns:{prefix}=".encode()).replace(
            b"<w:", f"<{prefix}:".encode()
        )
        out(head)
        one = PARAGRAPH.format("a").replace("w:", f"{prefix}:").encode()
        batch = 10_000
        for start in range(0, count, batch):
            out(one * min(batch, count - start))
        out(XML_TAIL.replace(b"w:", f"{prefix}:".encode()))

    return write


def unprefixed_document(count: int) -> Callable[[Callable[[bytes], object]], None]:
    """document.xml of ``count`` empty paragraphs in WordprocessingML as the default
    namespace (``<p/>``, no prefix): python-docx reads it like ``<w:p/>``."""

    def write(out: Callable[[bytes], object]) -> None:
        head = XML_HEAD.replace(b"xmlns:w=", b"xmlns=").replace(b"<w:", b"<")
        out(head + b"<p/>" * count + XML_TAIL.replace(b"w:", b""))

    return write


def numbered_document(count: int) -> Callable[[Callable[[bytes], object]], None]:
    """document.xml of ``count`` distinct paragraphs: compresses like Word's XML (about 15
    times), so no size or ratio limit refuses it before the paragraphs are counted."""

    def write(out: Callable[[bytes], object]) -> None:
        out(XML_HEAD)
        for start in range(0, count, 10_000):
            out(
                "".join(
                    PARAGRAPH.format(f"Điều {i}. Nội dung công việc số {i}")
                    for i in range(start, min(count, start + 10_000))
                ).encode()
            )
        out(XML_TAIL)

    return write


def lie_about_size(path: Path, member: str, size: int) -> None:
    """Rewrite the uncompressed size the central directory declares for ``member``."""
    data = bytearray(path.read_bytes())
    entry = data.rfind(b"PK\x01\x02", 0, data.rfind(member.encode()))
    assert entry >= 0 and data[entry + 46 : entry + 46 + len(member)] == member.encode()
    struct.pack_into("<I", data, entry + 24, size)
    path.write_bytes(bytes(data))


# --------------------------------------------------------------------------- fixtures


@pytest.fixture
def lower_limits(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Lower some limits for one test: ``lower_limits(max_paragraphs=1_000)``."""

    def lower(**changes: object) -> None:
        lowered = dataclasses.replace(SHIPPED, **changes)
        monkeypatch.setattr(readers, "limits", lambda: lowered)

    return lower


SHIPPED = readers.limits()
ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "corpus" / "003_9afe1a64f5930027.txt"


def _reason(path: Path) -> str:
    with pytest.raises(LoadError) as caught:
        read_raw(path)
    error = caught.value
    assert error.path == str(path) and "\n" not in str(error)
    return error.reason


# --------------------------------------------------------------------------- .docx limits


def _template_with(path: Path, members: int = 0) -> Path:
    """The template .docx plus ``members`` small extra members."""
    path.write_bytes(_template())
    with zipfile.ZipFile(path, "a") as archive:
        for index in range(members):
            archive.writestr(f"customXml/extra{index}.xml", "<x/>")
    return path


DOCX_ROWS = [
    # (id, how to make the file, limits lowered for the row, reason: exact or a regex)
    pytest.param(
        lambda p: write_docx(p, spaces_document(200_000_000)),
        {},
        "word/document.xml would be 200 MB uncompressed (limit 64 MB)",
        id="zip-bomb-declared-size",
    ),
    pytest.param(
        lambda p: write_docx(p, paragraphs_document(3_000_000)),
        {},
        "word/document.xml would be 102 MB uncompressed (limit 64 MB)",
        id="3-million-tiny-paragraphs",
    ),
    pytest.param(
        lambda p: write_docx(p, spaces_document(5_000_000)),
        {},
        r"word/document\.xml would inflate [\d,]+ times \([\d.]+ KB to 5 MB; limit 100 times\)",
        id="compression-ratio",
    ),
    pytest.param(
        lambda p: write_docx(p, numbered_document(150_000)),
        {},
        "word/document.xml has more than 100,000 paragraphs (limit 100,000)",
        id="paragraphs",
    ),
    pytest.param(
        lambda p: write_docx(p, paragraphs_document(1_001, prefix="ns0")),
        {"max_paragraphs": 1_000, "max_ratio": 10_000},
        "word/document.xml has more than 1,000 paragraphs (limit 1,000)",
        id="paragraphs-under-another-prefix",
    ),
    pytest.param(
        lambda p: write_docx(p, unprefixed_document(1_001)),
        {"max_paragraphs": 1_000, "max_ratio": 10_000},
        "word/document.xml has more than 1,000 paragraphs (limit 1,000)",
        id="paragraphs-in-the-default-namespace",
    ),
    pytest.param(
        lambda p: write_docx(p, numbered_document(2_000)),
        {"max_elements": 20_000},
        r"more than 20,000 XML elements, the last in [\w/.\[\]_]+ \(limit 20,000\)",
        id="xml-elements",
    ),
    pytest.param(
        lambda p: _template_with(p, members=4),
        {"max_members": 20},
        "21 members in the zip archive (limit 20)",
        id="members",
    ),
    pytest.param(
        lambda p: _template_with(p),
        {"max_total_bytes": 800_000},
        "members would be 826 KB uncompressed together (limit 800 KB)",
        id="total-inflated-size",
    ),
    pytest.param(
        lambda p: lie_about_size(write_docx(p, spaces_document(200_000_000)), "word/document.xml", 1_000),
        {},
        "damaged .docx file (Bad CRC-32 for file 'word/document.xml')",
        id="declared-size-lies",
    ),
]


@pytest.mark.parametrize(("make", "lowered", "reason"), DOCX_ROWS)
def test_docx_over_a_limit_is_refused_with_the_limit_named(
    tmp_path: Path, lower_limits, make, lowered: dict, reason: str
) -> None:
    path = tmp_path / "hostile.docx"
    make(path)
    lower_limits(**lowered)
    got = _reason(path)
    assert got == reason or re.fullmatch(reason, got), got


STREAM_ROWS = [
    # (limits lowered for the row, reason): what stops the stream of a 200 MB member
    pytest.param(
        {"max_ratio": 10_000},
        r"word/document\.xml inflates past 64 MB \(declared 200 MB; limit 64 MB\)",
        id="inflated-size",
    ),
    pytest.param(
        {},
        r"word/document\.xml inflates more than 100 times \([\d.]+ KB to [\d.]+ MB; limit 100 times\)",
        id="inflated-ratio",
    ),
]


@pytest.mark.parametrize(("lowered", "reason"), STREAM_ROWS)
def test_the_inflated_stream_is_cut_at_the_limit_whatever_the_size_declared(
    tmp_path: Path, lower_limits, lowered: dict, reason: str
) -> None:
    """The running count, not only the declared size, stops a member (CPython's zipfile
    stops at the declared size, see the row declared-size-lies; this guards the count
    itself): the stream is cut at the first chunk past a limit, never held whole."""
    path = write_docx(tmp_path / "bomb.docx", spaces_document(200_000_000))
    lower_limits(**lowered)
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
        tracemalloc.start()
        try:
            with pytest.raises(LoadError) as caught:
                for _ in readers._inflate(str(path), archive, info):
                    pass
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert re.fullmatch(reason, caught.value.reason), caught.value.reason
    assert peak < 16_000_000, peak  # a few 1 MB chunks, not the 64 MB


# --------------------------------------------------------------------------- .pdf limits


def _pdf(path: Path, pages: int, line: str = "Ke hoach so 154/KH-UBND") -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for _ in range(pages):
        pdf.add_page()
        pdf.cell(0, 10, line)
    path.write_bytes(bytes(pdf.output()))
    return path


def _pdf_declaring(path: Path, pages: int, declared: int) -> Path:
    """A PDF whose page tree declares ``declared`` pages (/Count) but holds ``pages``."""
    _pdf(path, pages)
    data = path.read_bytes()
    assert data.count(f"/Count {pages}".encode()) == 1
    path.write_bytes(data.replace(f"/Count {pages}".encode(), f"/Count {declared}".encode()))
    return path


PDF_ROWS = [
    # (how to make the file, limits lowered for the row, reason)
    pytest.param(lambda p: _pdf(p, 3), {"max_pages": 2}, "3 pages (limit 2)", id="pages"),
    pytest.param(
        lambda p: _pdf_declaring(p, 3, declared=1),
        {"max_pages": 2},
        "more than 2 pages (limit 2)",
        id="pages-declared-count-lies",
    ),
    pytest.param(
        lambda p: _pdf(p, 3),
        {"max_chars": 40},
        "text passes 40 characters by page 2 (limit 40)",
        id="text-by-page",
    ),
]


@pytest.mark.parametrize(("make", "lowered", "reason"), PDF_ROWS)
def test_pdf_over_a_limit_is_refused_with_the_limit_named(
    tmp_path: Path, lower_limits, make, lowered: dict, reason: str
) -> None:
    path = make(tmp_path / "long.pdf")
    lower_limits(**lowered)
    assert _reason(path) == reason


def test_pdf_under_the_limits_reads_all_its_pages(tmp_path: Path, lower_limits) -> None:
    path = _pdf(tmp_path / "three.pdf", 3)
    lower_limits(max_pages=3)
    assert read_raw(path) == "\n".join(["Ke hoach so 154/KH-UBND"] * 3)


# --------------------------------------------------------------------------- sizes of every reader


def _html(text: str) -> bytes:
    return f"<html><body><p>{text}</p></body></html>".encode()


SIZE_ROWS = [
    # (file name, bytes, limits lowered for the row, reason)
    pytest.param(
        "big.txt", "Kế hoạch số 154. ".encode() * 100, {"max_bytes": {**SHIPPED.max_bytes, ".txt": 1_000}},
        "file is 2.3 KB (limit 1 KB for .txt files)", id="txt-file-size",
    ),
    pytest.param(
        "big.md", b"# K\n" * 300, {"max_bytes": {**SHIPPED.max_bytes, ".md": 1_000}},
        "file is 1.2 KB (limit 1 KB for .md files)", id="md-file-size",
    ),
    pytest.param(
        "big.html", _html("x" * 2_000), {"max_bytes": {**SHIPPED.max_bytes, ".html": 1_000}},
        "file is 2 KB (limit 1 KB for .html files)", id="html-file-size",
    ),
    pytest.param(
        "long.txt", "Kế hoạch số 154. ".encode() * 100, {"max_chars": 1_000},
        "text is 1,700 characters (limit 1,000)", id="txt-text",
    ),
    pytest.param(
        "long.md", "Kế hoạch số 154. ".encode("utf-16") * 1, {"max_chars": 10},
        "text is 17 characters (limit 10)", id="md-utf16-text",
    ),
    pytest.param(
        "long.htm", _html("Kế hoạch " * 200), {"max_chars": 1_000},
        "text is 1,799 characters (limit 1,000)", id="htm-text",
    ),
]


@pytest.mark.parametrize(("name", "data", "lowered", "reason"), SIZE_ROWS)
def test_every_reader_bounds_file_and_text_size(
    tmp_path: Path, lower_limits, name: str, data: bytes, lowered: dict, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    lower_limits(**lowered)
    assert _reason(path) == reason


def test_docx_text_is_bounded(tmp_path: Path, lower_limits) -> None:
    path = write_docx(tmp_path / "long.docx", numbered_document(100))
    lower_limits(max_chars=1_000)
    assert re.fullmatch(r"text is [\d,]+ characters \(limit 1,000\)", _reason(path))
