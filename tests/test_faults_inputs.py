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
import json
import os
import random
import re
import shutil
import socket
import struct
import subprocess
import sys
import threading
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from graph.errors import LoadError
from loaders import readers
from loaders.extract import file_sha256, iter_corpus
from loaders.readers import read_document, read_raw
from tests.test_readers import cp1258, legacy

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


def test_the_member_count_is_judged_before_zipfile_reads_the_directory(
    tmp_path: Path, lower_limits, monkeypatch: pytest.MonkeyPatch
) -> None:
    """zipfile builds a ZipInfo per entry on open (600,000 empty members in a 52 MB file:
    400 MB); the end record's count refuses such a file first."""
    path = _template_with(tmp_path / "many.docx", members=4)
    lower_limits(max_members=20)

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the central directory was read")

    monkeypatch.setattr(zipfile, "ZipFile", never)
    assert _reason(path) == "21 members in the zip archive (limit 20)"


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


CENSUS_ROWS = [
    # (raw XML, paragraphs, start tags): paragraphs of any prefix, never pPr or proofErr
    pytest.param(b'<w:body><w:p w:rsidR="1"><w:pPr/><w:r><w:t>a</w:t></w:r></w:p><w:p/></w:body>', 2, 6,
                 id="w-prefix"),
    pytest.param(b'<body xmlns="x"><p>a</p><p\n/><proofErr/></body>', 2, 4, id="default-namespace"),
    pytest.param(b"<?xml version='1.0'?><!-- c --><ns0:p><ns0:p/></ns0:p>", 2, 2, id="other-prefix"),
]


@pytest.mark.parametrize(("xml", "paragraphs", "elements"), CENSUS_ROWS)
def test_paragraphs_are_counted_wherever_the_chunks_split_the_xml(
    xml: bytes, paragraphs: int, elements: int
) -> None:
    for cut in range(len(xml) + 1):
        census = readers._XmlCensus("doc.docx")
        census.start("word/document.xml")
        for chunk in (xml[:cut], xml[cut:]):
            census.feed(chunk)
        census.end()
        assert (census.paragraphs, census.elements) == (paragraphs, elements), cut


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


def _pdf_with_content(path: Path, blanks: int, filters: str = "/FlateDecode") -> Path:
    """A one-page PDF whose content stream shows one line, then ``blanks`` blanks, deflated
    (and hex-encoded on top when ``filters`` says so), written object by object."""
    deflate = zlib.compressobj(9)
    parts = [deflate.compress(b"BT /F1 12 Tf 72 720 Td (Ke hoach so 154) Tj ET\n")]
    block = b" " * (1 << 20)
    for start in range(0, blanks, len(block)):
        parts.append(deflate.compress(block[: min(len(block), blanks - start)]))
    stream = b"".join(parts) + deflate.flush()
    if filters.startswith("/ASCIIHexDecode"):
        stream = stream.hex().encode() + b">"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} /Filter [{filters}] >>\nstream\n".encode() + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def _pdf_with_image(path: Path) -> Path:
    """Text and a 1,500 x 1,500 RGB image (6.75 MB inflated) on one page."""
    from fpdf import FPDF
    from PIL import Image

    image = io.BytesIO()
    Image.effect_noise((1_500, 1_500), 60).convert("RGB").save(image, "PNG")
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    pdf.add_page()
    pdf.cell(0, 10, "Ke hoach so 154/KH-UBND")
    pdf.image(io.BytesIO(image.getvalue()), x=10, y=30, w=100)
    path.write_bytes(bytes(pdf.output()))
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
    pytest.param(
        lambda p: _pdf_with_content(p, 500_000_000),
        {},
        r"stream object 4 inflates more than 100 times \([\d.]+ KB to [\d.]+ MB; limit 100 times\)",
        id="content-stream-bomb",
    ),
    pytest.param(
        lambda p: _pdf_with_content(p, 80_000_000),
        {"max_ratio": 100_000},
        "stream object 4 inflates past 64 MB (limit 64 MB)",
        id="content-stream-size",
    ),
    pytest.param(
        lambda p: _pdf_with_content(p, 3_000_000, filters="/ASCIIHexDecode /FlateDecode"),
        {"max_stream_bytes": 2_000_000, "max_ratio": 100_000},
        "stream object 4 inflates past 2 MB (limit 2 MB)",
        id="bomb-behind-another-filter",
    ),
]


@pytest.mark.parametrize(("make", "lowered", "reason"), PDF_ROWS)
def test_pdf_over_a_limit_is_refused_with_the_limit_named(
    tmp_path: Path, lower_limits, make, lowered: dict, reason: str
) -> None:
    path = make(tmp_path / "long.pdf")
    lower_limits(**lowered)
    got = _reason(path)
    assert got == reason or re.fullmatch(reason, got), got


def test_pdf_streams_under_the_limits_and_images_read(tmp_path: Path, lower_limits) -> None:
    """Images are never inflated to read text, so a large one is not judged; a content
    stream under the limits reads."""
    lower_limits(max_stream_bytes=2_000_000, max_ratio=1_000)
    assert read_raw(_pdf_with_image(tmp_path / "image.pdf")) == "Ke hoach so 154/KH-UBND"
    assert read_raw(_pdf_with_content(tmp_path / "blanks.pdf", 1_000_000)) == "Ke hoach so 154"


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


# --------------------------------------------------------------------------- binary, not text

_RANDOM = random.Random(8).randbytes(4096)
_RANDOM_WITHOUT_NUL = _RANDOM.replace(b"\x00", b"")
_CP1258_UNDEFINED = b"\x81\x8a\x8d\x8e\x8f\x90\x9a\x9d\x9e"
_PLAN = "Kế hoạch số 154/KH-UBND ngày 05/5/2023 thực hiện Chương trình số 26-CTr/TU của Tỉnh ủy"

BINARY_ROWS = [
    # (file name, bytes, reason: exact or a regex)
    pytest.param("elf.txt", b"\x7fELF\x02\x01", "binary, not text (50% control characters)",
                 id="6-byte-elf-header"),
    pytest.param("junk.txt", b"\xde\xad\xbe\xef\xca\xfe",
                 "binary, not text (not UTF-8, UTF-16, TCVN3/VNI or Windows-1258)",
                 id="6-byte-high-bytes"),
    pytest.param("nul.txt", "Kế hoạch\x00\x00 số 154".encode(), "binary, not text (NUL bytes)",
                 id="text-with-nuls"),
    pytest.param("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary, not text (NUL bytes)",
                 id="png-signature"),
    pytest.param("gzip.md", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", "binary, not text (NUL bytes)",
                 id="gzip-header-md"),
    pytest.param("random.txt", _RANDOM, "binary, not text (NUL bytes)", id="random-bytes"),
    pytest.param("random.md", _RANDOM_WITHOUT_NUL,
                 "binary, not text (not UTF-8, UTF-16, TCVN3/VNI or Windows-1258)",
                 id="random-bytes-without-nul"),
    pytest.param("random-c1.txt", bytes(b for b in _RANDOM_WITHOUT_NUL if b not in _CP1258_UNDEFINED),
                 r"binary, not text \(1\d% control characters\)", id="random-bytes-windows-1258-reads"),
    pytest.param("controls.txt", ("\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f " + _PLAN).encode(),
                 "binary, not text (10% control characters)",
                 id="utf8-with-controls"),
    pytest.param("controls16.txt", ("\x01\x02\x03\x04\x05\x06 " + _PLAN).encode("utf-16"),
                 r"binary, not text \(\d% control characters\)", id="utf16-bom-with-controls"),
    pytest.param("page.html", b"<html>\x00\x00\x01</html>", "binary, not text (NUL bytes)", id="html-nuls"),
    pytest.param("page.htm", b"<p>\x01\x02\x03\x04\x05\x06\x07</p>", r"binary, not text \(\d+% control characters\)",
                 id="htm-controls"),
]


@pytest.mark.parametrize(("name", "data", "reason"), BINARY_ROWS)
def test_binary_content_is_not_text(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    got = _reason(path)
    assert got == reason or re.fullmatch(reason, got), got


TEXT_ROWS = [
    # (bytes, the normalized text they must still read as): no false "binary"
    pytest.param(legacy(_PLAN, "tcvn3").encode("cp1252"), _PLAN, id="tcvn3"),
    pytest.param(legacy(_PLAN, "vni").encode("cp1252"), _PLAN, id="vni"),
    pytest.param(cp1258(_PLAN), _PLAN, id="cp1258"),
    pytest.param(_PLAN.encode("utf-16-le"), _PLAN, id="utf-16-no-bom"),
    pytest.param((_PLAN + "\r\n\x1a").encode(), None, id="dos-end-of-file-mark"),
    pytest.param((_PLAN + "\x0c" + _PLAN).encode(), None, id="form-feed"),
    pytest.param((_PLAN + "\x01" + _PLAN).encode(), None, id="one-stray-control"),
]


@pytest.mark.parametrize(("data", "expected"), TEXT_ROWS)
def test_real_text_is_not_taken_for_binary(tmp_path: Path, data: bytes, expected: str | None) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    text = read_document(path)
    if expected is not None:
        assert text.strip() == expected
    else:
        assert "Kế hoạch số 154/KH-UBND" in text


# --------------------------------------------------------------------------- not regular files


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))  # the socket file stays after the socket object is gone
    server.close()


def _device(path: Path) -> None:
    path.symlink_to("/dev/zero")  # endless bytes, were it ever read


NOT_REGULAR_ROWS = [
    # (file name, how to make it, reason)
    pytest.param("pipe.txt", _fifo, "is a named pipe, not a regular file", id="named-pipe"),
    pytest.param("sock.md", _socket, "is a socket, not a regular file", id="socket"),
    pytest.param("zero.docx", _device, "is a character device, not a regular file", id="device"),
    pytest.param("folder.pdf", Path.mkdir, "is a directory", id="directory"),
]


def _without_blocking(call: Callable[[], object]) -> tuple[object, BaseException | None]:
    """What ``call`` returned or raised, run in a thread; a call still blocked after 60 s
    (a read from a pipe nobody writes) fails the test rather than hanging the suite."""
    outcome: list[tuple[object, BaseException | None]] = []

    def run() -> None:
        try:
            outcome.append((call(), None))
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            outcome.append((None, exc))

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(60)
    assert not worker.is_alive(), "blocked on a file that is not a regular file"
    return outcome[0]


@pytest.mark.parametrize(("name", "make", "reason"), NOT_REGULAR_ROWS)
@pytest.mark.parametrize("read", [read_raw, read_document, file_sha256], ids=lambda f: f.__name__)
def test_what_is_not_a_regular_file_is_refused_without_opening_it(
    tmp_path: Path, name: str, make, reason: str, read
) -> None:
    path = tmp_path / name
    make(path)
    _, error = _without_blocking(lambda: read(path))
    assert isinstance(error, LoadError), error
    assert (error.path, error.reason) == (str(path), reason)


def test_a_pipe_swapped_in_after_the_stat_is_judged_on_what_was_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between os.stat and open the path may change; the open does not block on a pipe and
    the file opened is judged again (os.fstat)."""
    path = tmp_path / "swapped.txt"
    path.write_text("Kế hoạch số 154/KH-UBND", "utf-8")
    real_stat = os.stat

    def stat_then_swap(name, *args, **kwargs):
        status = real_stat(name, *args, **kwargs)
        if os.fspath(name) == str(path):
            path.unlink()
            os.mkfifo(path)
        return status

    monkeypatch.setattr(readers.os, "stat", stat_then_swap)
    _, error = _without_blocking(lambda: read_raw(path))
    assert isinstance(error, LoadError) and error.reason == "is a named pipe, not a regular file"


def test_the_corpus_walk_lists_special_files_for_refusal_and_never_opens_them(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text("Kế hoạch", "utf-8")
    (corpus / "sub" / "b.md").write_text("Kế hoạch", "utf-8")
    (corpus / ".hidden.txt").write_text("x", "utf-8")
    (corpus / "dir.txt").mkdir()
    _fifo(corpus / "pipe.txt")
    _socket(corpus / "sub" / "sock.txt")
    _device(corpus / "zero.txt")
    (corpus / "nowhere.txt").symlink_to(tmp_path / "missing")
    listed, error = _without_blocking(lambda: iter_corpus([corpus]))
    assert error is None
    assert [p.relative_to(corpus).as_posix() for p in listed] == [
        "a.txt", "pipe.txt", "sub/b.md", "sub/sock.txt", "zero.txt",
    ]


# --------------------------------------------------------------------------- bounded, and the batch goes on

_PEAK = """
import json, resource, sys
from graph.errors import LoadError
from loaders.extract import extract_file
try:
    extract_file(sys.argv[1])
    reason = None
except LoadError as exc:
    reason = exc.reason
# VmHWM, the peak of this process's own memory: ru_maxrss would carry over the parent's peak
# (Linux keeps it across fork and exec), so a child of a large pytest process reads large.
hwm = [line for line in open("/proc/self/status") if line.startswith("VmHWM:")]
peak = int(hwm[0].split()[1]) * 1024 if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"reason": reason, "peak": peak}))
"""

PEAK_ROWS = [
    # (how to make the file, reason); before the limits: a 2 GB bomb took 4.1 GB and 32 s,
    # 3 million paragraphs 1.6 GB and 125 s (to read; 2.4 GB with the extraction)
    pytest.param(
        lambda p: write_docx(p, spaces_document(400_000_000)),
        "word/document.xml would be 400 MB uncompressed (limit 64 MB)",
        id="zip-bomb",
    ),
    pytest.param(
        lambda p: write_docx(p, paragraphs_document(3_000_000)),
        "word/document.xml would be 102 MB uncompressed (limit 64 MB)",
        id="3-million-paragraphs",
    ),
    pytest.param(
        lambda p: write_docx(p, numbered_document(150_000)),
        "word/document.xml has more than 100,000 paragraphs (limit 100,000)",
        id="150-thousand-paragraphs",
    ),
]


@pytest.mark.parametrize(("make", "reason"), PEAK_ROWS)
def test_a_hostile_docx_is_refused_in_bounded_memory(tmp_path: Path, make, reason: str) -> None:
    """Peak memory of a fresh process that extracts the file (VmHWM): the interpreter
    and the loaders' imports, not the inflated XML. No timing is asserted."""
    path = tmp_path / "hostile.docx"
    make(path)
    child = subprocess.run(
        [sys.executable, "-c", _PEAK, str(path)], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert child.returncode == 0, child.stderr
    result = json.loads(child.stdout)
    assert result["reason"] == reason
    assert result["peak"] < 200_000_000, result["peak"]


def test_the_build_refuses_each_hostile_file_in_one_line_and_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    write_docx(corpus / "bomb.docx", spaces_document(200_000_000))
    write_docx(corpus / "paragraphs.docx", paragraphs_document(3_000_000))
    (corpus / "elf.txt").write_bytes(b"\x7fELF\x02\x01")
    (corpus / "nul.txt").write_bytes("Kế hoạch\x00\x00 số 154".encode())
    _fifo(corpus / "pipe.txt")
    outside = tmp_path / "given.txt"
    _fifo(outside)
    store = tmp_path / "kg.db"
    res = subprocess.run(
        [sys.executable, "-m", "policykg", "build", str(corpus), str(outside), "--store", str(store)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert res.returncode == 1, (res.stdout, res.stderr)
    assert "Traceback" not in res.stderr, res.stderr
    errors = sorted(line for line in res.stderr.splitlines() if line.startswith("Error:"))
    real = corpus.resolve()
    assert errors == sorted([
        f"Error: {real / 'bomb.docx'}: word/document.xml would be 200 MB uncompressed (limit 64 MB)",
        f"Error: {real / 'paragraphs.docx'}: word/document.xml would be 102 MB uncompressed (limit 64 MB)",
        f"Error: {real / 'elf.txt'}: binary, not text (50% control characters)",
        f"Error: {real / 'nul.txt'}: binary, not text (NUL bytes)",
        f"Error: {real / 'pipe.txt'}: is a named pipe, not a regular file",
        f"Error: {outside.resolve()}: is a named pipe, not a regular file",
    ])
    assert res.stdout.startswith("1 added, 0 updated, 0 unchanged, 6 failed"), res.stdout
