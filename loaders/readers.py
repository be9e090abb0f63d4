"""File readers: .txt, .md, .docx, .pdf, .html/.htm to text.

:func:`read_raw` decodes a file; :func:`read_document` also normalizes it
(:func:`loaders.normalize.normalize_text`) and is the canonical text every offset points into.

Plain text is decoded in this order: byte-order mark, strict UTF-8, UTF-16 without a mark
(many NUL bytes), legacy Vietnamese (TCVN3/VNI letters read as Latin-1 characters, repaired
later by the normalizer), Windows-1258. Tables of a .docx or an HTML page become one line
per row, cells joined by a TAB ("1\\tNội dung\\tQuý II/2023\\tUBND tỉnh\\t").

Every failure is a :class:`graph.errors.LoadError` naming the file and a one-line reason.
"""

from __future__ import annotations

import io
import os
import re
import tomllib
import zipfile
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from graph.errors import LoadError
from loaders.normalize import (
    detect_legacy_encoding,
    has_unicode_letters,
    legacy_font_encoding,
    normalize_text,
    repair_legacy_encoding,
)

__all__ = ["SUPPORTED_SUFFIXES", "read_raw", "read_document", "decode_bytes"]

SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".txt", ".md", ".docx", ".pdf", ".html", ".htm"})

# pdfplumber joins two characters into one word when the gap between them is at most
# x_tolerance points. Its default, 3, is wider than a space at 8-10 pt (2-2.5 pt), so words
# a PDF places without space glyphs run together; diacritics are zero-width or overlap their
# base letter, so a small tolerance never splits a Vietnamese syllable (both tested).
_PDF_X_TOLERANCE = 1.5
_PDF_Y_TOLERANCE = 3


@cache
def _table() -> dict[str, Any]:
    text = resources.files("loaders.tables").joinpath("encodings.toml").read_text("utf-8")
    return tomllib.loads(text)


# --------------------------------------------------------------------------- bytes


def _nul_shares(data: bytes) -> tuple[float, float]:
    """Share of NUL bytes at even and at odd positions."""
    half = max(len(data) // 2, 1)
    return data[0::2].count(0) / half, data[1::2].count(0) / half


@cache
def _c1_to_cp1252() -> dict[int, str]:
    """Latin-1's C1 controls U+0080..U+009F to the Windows-1252 punctuation of those bytes.

    Computed from Python's cp1252 codec: legacy Vietnamese documents typed on Windows keep
    curly quotes, dashes and the ellipsis at 0x80..0x9F, which viparse's TCVN3/VNI tables
    leave alone; the five bytes cp1252 does not define stay Latin-1.
    """
    mapping: dict[int, str] = {}
    for byte in range(0x80, 0xA0):
        try:
            mapping[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
    return mapping


def decode_bytes(data: bytes, name: str = "<bytes>") -> str:
    """Decode the bytes of a text file (see the module docstring for the order).

    Hand-written rather than charset-normalizer/chardet: those read TCVN3 and VNI as
    cp1252 and never answer Windows-1258 for Vietnamese, and the order here is the
    project's rule (DOMAIN.md section 6).

    Args:
        data: the file's bytes.
        name: the file name used in error messages.

    Returns:
        The decoded text, not normalized (legacy letters still look like "NghÞ").

    Raises:
        LoadError: empty input, NUL bytes in a non-UTF-16 file, or bytes that are none of
            the supported encodings.

    Examples:
        >>> decode_bytes("Quyết".encode("utf-16"))
        'Quyết'
        >>> decode_bytes(b"Quy\\xea\\xect")  # Windows-1258: e-circumflex + combining acute
        'Quyê\\u0301t'
    """
    if not data:
        raise LoadError(name, "empty file")
    decode = _table()["decode"]
    for bom in decode["boms"]:
        mark = bytes.fromhex(bom["mark"])
        if data.startswith(mark):
            try:
                return data[len(mark) :].decode(bom["codec"])
            except UnicodeDecodeError as exc:
                raise LoadError(name, f"invalid {bom['codec']} after its byte-order mark") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and "\x00" not in text:
        return text
    even, odd = _nul_shares(data)
    for codec, nul_share, other_share in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if (
            nul_share >= decode["utf16_min_nul_share"]
            and other_share <= decode["utf16_max_other_nul_share"]
        ):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break
    if 0 in data:
        raise LoadError(name, "binary content (NUL bytes), not a text file")
    surface = data.decode(decode["legacy_surface_codec"]).translate(_c1_to_cp1252())
    if detect_legacy_encoding(surface) is not None:
        return surface
    try:
        return data.decode(decode["fallback_codec"])
    except UnicodeDecodeError as exc:
        raise LoadError(
            name, "undecodable bytes (not UTF-8, UTF-16, TCVN3/VNI or Windows-1258)"
        ) from exc


def _read_text(name: str, data: bytes) -> str:
    return decode_bytes(data, name)


# --------------------------------------------------------------------------- .docx


class _DocxFonts:
    """Resolves the font of a run the way Word does: run, character style, paragraph
    style (with their base styles), document defaults; the first that names one wins.

    Hand-written because python-docx's ``run.font.name`` reads only the run's own
    ``w:ascii`` font, while TCVN3 documents usually set ``.VnTime`` in a style and Word
    draws the legacy letters (0x80..0xFF) with the ``w:hAnsi`` font.
    """

    def __init__(self, document: Any):
        from docx.oxml.ns import qn

        self._qn = qn
        self._styles: dict[str, Any] = {}
        self._default_paragraph_style: str | None = None
        styles_element = document.styles.element
        for style in styles_element.findall(qn("w:style")):
            style_id = style.get(qn("w:styleId"))
            self._styles[style_id] = style
            if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in (
                "1",
                "true",
            ):
                self._default_paragraph_style = style_id
        defaults = styles_element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}")
        self._default_font = self._rfonts(defaults)
        self._style_fonts: dict[str | None, str | None] = {}

    def _rfonts(self, element: Any) -> str | None:
        """The font an rPr (or an element holding one) names for Latin-1 letters."""
        if element is None:
            return None
        rpr = element if element.tag == self._qn("w:rPr") else element.find(self._qn("w:rPr"))
        if rpr is None:
            return None
        rfonts = rpr.find(self._qn("w:rFonts"))
        if rfonts is None:
            return None
        # Word draws U+0080..U+00FF, where TCVN3 and VNI keep their letters, in the hAnsi font.
        return rfonts.get(self._qn("w:hAnsi")) or rfonts.get(self._qn("w:ascii"))

    def _style_font(self, style_id: str | None) -> str | None:
        key = style_id
        if key in self._style_fonts:
            return self._style_fonts[key]
        font: str | None = None
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and font is None:
            seen.add(style_id)
            style = self._styles.get(style_id)
            if style is None:
                break
            font = self._rfonts(style)
            based_on = style.find(self._qn("w:basedOn"))
            style_id = based_on.get(self._qn("w:val")) if based_on is not None else None
        self._style_fonts[key] = font
        return font

    def font_of(self, run: Any, paragraph: Any) -> str | None:
        qn = self._qn
        font = self._rfonts(run)
        if font:
            return font
        rpr = run.find(qn("w:rPr"))
        rstyle = rpr.find(qn("w:rStyle")) if rpr is not None else None
        if rstyle is not None:
            font = self._style_font(rstyle.get(qn("w:val")))
            if font:
                return font
        ppr = paragraph.find(qn("w:pPr"))
        pstyle = ppr.find(qn("w:pStyle")) if ppr is not None else None
        style_id = pstyle.get(qn("w:val")) if pstyle is not None else self._default_paragraph_style
        return self._style_font(style_id) or self._default_font


def _docx_paragraph(paragraph: Any, fonts: _DocxFonts) -> str:
    """Text of one w:p; runs in legacy fonts are converted, capitals fonts upper-cased."""
    from docx.text.run import Run

    segments: list[tuple[str, tuple[str, bool] | None]] = []
    for element in paragraph.xpath(".//w:r[not(ancestor::w:txbxContent)]"):
        text = Run(element, None).text  # type: ignore[arg-type]
        if not text:
            continue
        legacy = legacy_font_encoding(fonts.font_of(element, paragraph))
        if segments and segments[-1][1] == legacy:
            # Adjacent runs of one font are converted together: VNI writes a toned vowel as
            # two characters, which Word may split over two runs.
            segments[-1] = (segments[-1][0] + text, legacy)
        else:
            segments.append((text, legacy))
    parts: list[str] = []
    for text, legacy in segments:
        if legacy is not None and has_unicode_letters(text):
            # Documents converted to Unicode often keep the old font name; their text holds
            # letters no legacy font can, and must not be converted again.
            legacy = None
        if legacy is not None:
            encoding, uppercase = legacy
            text = repair_legacy_encoding(text, encoding=encoding)
            if uppercase:
                text = text.upper()
        parts.append(text)
    return "".join(parts)


def _docx_blocks(container: Any, fonts: _DocxFonts) -> Iterator[str]:
    """Lines of a body or a cell, in document order: paragraphs and table rows."""
    from docx.oxml.ns import qn

    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield _docx_paragraph(child, fonts)
        elif child.tag == qn("w:tbl"):
            yield from _docx_rows(child, fonts)
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            content = child.find(qn("w:sdtContent"))
            yield from _docx_blocks(content if content is not None else child, fonts)


def _docx_rows(table: Any, fonts: _DocxFonts) -> Iterator[str]:
    """One line per row; each w:tc is one cell, so a merged cell appears once."""
    for row in table.xpath("./w:tr | ./w:sdt/w:sdtContent/w:tr"):
        cells = row.xpath("./w:tc | ./w:sdt/w:sdtContent/w:tc")
        yield "\t".join(_one_line(_docx_blocks(cell, fonts)) for cell in cells)


_LINE_BREAKS = re.compile(r"[\t\n]+")


def _one_line(lines: Iterator[str]) -> str:
    """A table cell as one line: its paragraphs joined by a space, no TAB or line break."""
    return " ".join(_LINE_BREAKS.sub(" ", line).strip() for line in lines if line.strip())


def _read_docx(name: str, data: bytes) -> str:
    # python-docx's `Document.paragraphs` skips tables, so the body is walked directly.
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise LoadError(name, "not a .docx file (not a zip archive)")
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        # No [Content_Types].xml (KeyError), no main document part, or another Office type.
        raise LoadError(name, "not a .docx file (zip archive without a Word document)") from exc
    except Exception as exc:  # lxml raises its own syntax errors on a damaged part
        raise LoadError(name, "damaged .docx file (unreadable XML)") from exc
    fonts = _DocxFonts(document)
    return "\n".join(_docx_blocks(document.element.body, fonts))


# --------------------------------------------------------------------------- .pdf


def _read_pdf(name: str, data: bytes) -> str:
    import pdfplumber

    pages: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                text = page.extract_text(
                    x_tolerance=_PDF_X_TOLERANCE, y_tolerance=_PDF_Y_TOLERANCE
                )
                pages.append(text or "")
    except Exception as exc:
        # pdfminer raises a dozen unrelated types (PSEOF, PDFSyntaxError, KeyError,
        # TypeError...) on damaged files; all of them mean the same thing here.
        # pdfplumber wraps them in PdfminerException(original).
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if "Password" in type(cause).__name__:
            raise LoadError(name, "encrypted PDF (password required)") from exc
        detail = (str(cause).strip().splitlines() or [type(cause).__name__])[0][:80]
        raise LoadError(name, f"corrupt PDF ({detail})") from exc
    if not any(page.strip() for page in pages):
        raise LoadError(name, "no text layer (scanned PDF?)")
    return "\n".join(pages)


# --------------------------------------------------------------------------- .html


_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML collapses ASCII whitespace only


class _HtmlText:
    """Lines of an HTML tree: blocks start lines, table rows are TAB-joined lines.

    Hand-written over BeautifulSoup's tree because ``get_text(separator)`` puts the same
    separator between every string, so it cannot keep inline markup inside one line while
    breaking lines at blocks and joining table cells with a TAB.
    """

    def __init__(self) -> None:
        html = _table()["html"]
        self.drop = frozenset(html["drop_tags"])
        self.block = frozenset(html["block_tags"])
        self.breaks = frozenset(html["break_tags"])
        self.cells = frozenset(html["cell_tags"])
        self.lines: list[str] = []
        self._buffer: list[str] = []

    def flush(self) -> None:
        line = "".join(self._buffer).strip(" ")
        self._buffer.clear()
        if line:
            self.lines.append(line)

    def walk(self, node: Any) -> None:
        from bs4 import NavigableString, Tag
        from bs4.element import PreformattedString

        for child in node.children:
            if isinstance(child, PreformattedString):  # comment, doctype, CDATA
                continue
            if isinstance(child, NavigableString):
                self._buffer.append(_HTML_SPACE.sub(" ", str(child)))
                continue
            if not isinstance(child, Tag) or child.name in self.drop:
                continue
            if child.name in self.breaks:
                self.flush()
            elif child.name == "tr":
                self.flush()
                self.lines.append("\t".join(self._cell(cell) for cell in self._row_cells(child)))
            elif child.name == "pre":
                self.flush()
                self.lines.extend(line for line in child.get_text().split("\n") if line.strip())
            elif child.name in self.block:
                self.flush()
                self.walk(child)
                self.flush()
            else:
                self.walk(child)

    def _row_cells(self, row: Any) -> list[Any]:
        return [cell for cell in row.find_all(True, recursive=False) if cell.name in self.cells]

    def _cell(self, cell: Any) -> str:
        inner = _HtmlText()
        inner.walk(cell)
        inner.flush()
        return _one_line(iter(inner.lines))


def _read_html(name: str, data: bytes) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(decode_bytes(data, name), "html.parser")
    reader = _HtmlText()
    reader.walk(soup)
    reader.flush()
    return "\n".join(reader.lines)


# --------------------------------------------------------------------------- API

_READERS: dict[str, Callable[[str, bytes], str]] = {
    ".txt": _read_text,
    ".md": _read_text,
    ".docx": _read_docx,
    ".pdf": _read_pdf,
    ".html": _read_html,
    ".htm": _read_html,
}


def read_raw(path: str | os.PathLike[str]) -> str:
    """Decoded but not normalized text of a file.

    Args:
        path: a .txt, .md, .docx, .pdf, .html or .htm file (suffix in any case).

    Returns:
        The text; .docx and HTML tables as TAB-joined lines, PDF pages joined by a line
        break, .docx runs in TCVN3/VNI fonts already converted.

    Raises:
        LoadError: unsupported suffix, unreadable or empty file, undecodable bytes, a .docx
            that is not one, a corrupt, encrypted or scanned PDF.
    """
    name = os.fspath(path)
    suffix = Path(name).suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        shown = suffix or "no suffix"
        raise LoadError(name, f"unsupported file type ({shown}); supported: {supported}")
    try:
        data = Path(name).read_bytes()
    except IsADirectoryError as exc:
        raise LoadError(name, "is a directory") from exc
    except OSError as exc:
        raise LoadError(name, f"cannot read file ({exc.strerror or type(exc).__name__})") from exc
    if not data:
        raise LoadError(name, "empty file")
    text = reader(name, data)
    if not text.strip():
        raise LoadError(name, "no text in file")
    return text


def read_document(path: str | os.PathLike[str]) -> str:
    """The canonical text of a file: :func:`read_raw`, then :func:`normalize_text`.

    Every offset the extractor reports points into this text.

    Raises:
        LoadError: as :func:`read_raw`.
    """
    return normalize_text(read_raw(path))
