"""File readers: .txt, .md, .docx, .pdf, .html/.htm to text.

:func:`read_raw` decodes a file; :func:`read_document` also normalizes it
(:func:`loaders.normalize.normalize_text`) and is the canonical text every offset points into.

Plain text is decoded in this order: byte-order mark, strict UTF-8, UTF-16 without a mark
(many NUL bytes), legacy Vietnamese (TCVN3/VNI letters read as Latin-1 characters, repaired
later by the normalizer), Windows-1258. Tables of a .docx or an HTML page become one line
per row, cells joined by a TAB ("1\\tNội dung\\tQuý II/2023\\tUBND tỉnh\\t").

Every failure is a :class:`graph.errors.LoadError` naming the file and a one-line reason.

Inputs are bounded (limits in ``loaders/tables/limits.toml``, :func:`limits`): only regular
files are opened (a named pipe, socket, device or directory is refused from its ``stat``,
never opened for reading, so nothing blocks); a file's size, a .docx member's declared and
actual inflated size and compression ratio, a .docx's paragraphs and XML elements, a PDF's
pages and every reader's text are each checked before the work they would cost, and the
reason names the limit ("word/document.xml would be 2.1 GB uncompressed (limit 64 MB)").
Bytes that are not text (NUL bytes, control characters, nothing a text codec reads) are
refused as "binary, not text".
"""

from __future__ import annotations

import dataclasses
import io
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

from graph.errors import LoadError
from graph.vocab import table_cache
from loaders.rules import load_table
from loaders.normalize import (
    detect_legacy_encoding,
    has_unicode_letters,
    legacy_font_encoding,
    normalize_text,
    repair_legacy_encoding,
)

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Limits",
    "limits",
    "open_input",
    "read_raw",
    "read_document",
    "decode_bytes",
]

SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".txt", ".md", ".docx", ".pdf", ".html", ".htm"})

# pdfplumber joins two characters into one word when the gap between them is at most
# x_tolerance points. Its default, 3, is wider than a space at 8-10 pt (2-2.5 pt), so words
# a PDF places without space glyphs run together; diacritics are zero-width or overlap their
# base letter, so a small tolerance never splits a Vietnamese syllable (both tested).
_PDF_X_TOLERANCE = 1.5
_PDF_Y_TOLERANCE = 3


def _table() -> dict[str, Any]:
    return load_table("encodings")


# --------------------------------------------------------------------------- limits


@dataclasses.dataclass(frozen=True, slots=True)
class Limits:
    """What one input file may cost to read; the rows of ``loaders/tables/limits.toml``,
    where each value says why it is what it is."""

    max_chars: int
    max_bytes: dict[str, int]
    max_members: int
    max_member_bytes: int
    max_total_bytes: int
    max_ratio: float
    ratio_grace_bytes: int
    max_paragraphs: int
    max_elements: int
    max_pages: int
    max_stream_bytes: int
    max_control_share: float
    min_ascii_share: float

    @classmethod
    def from_table(cls, table: dict[str, Any]) -> Limits:
        return cls(
            max_chars=table["text"]["max_chars"],
            max_bytes=dict(table["file"]["max_bytes"]),
            max_members=table["zip"]["max_members"],
            max_member_bytes=table["zip"]["max_member_bytes"],
            max_total_bytes=table["zip"]["max_total_bytes"],
            max_ratio=table["zip"]["max_ratio"],
            ratio_grace_bytes=table["zip"]["ratio_grace_bytes"],
            max_paragraphs=table["docx"]["max_paragraphs"],
            max_elements=table["docx"]["max_elements"],
            max_pages=table["pdf"]["max_pages"],
            max_stream_bytes=table["pdf"]["max_stream_bytes"],
            max_control_share=table["binary"]["max_control_share"],
            min_ascii_share=table["binary"]["min_ascii_share"],
        )


@table_cache
def limits() -> Limits:
    """The shipped limits (``loaders/tables/limits.toml``), read once.

    Examples:
        >>> limits().max_bytes[".txt"] >= 4 * limits().max_chars > 0  # max_chars fits in UTF-32
        True
    """
    return Limits.from_table(load_table("limits"))


def _size(count: int | float) -> str:
    """A byte count in decimal units, as the limits' messages show it.

    Hand-written: five lines, where a dependency (humanize) would be a new install.

    Examples:
        >>> _size(2 * 1024**3), _size(64_000_000), _size(1_500), _size(12)
        ('2.1 GB', '64 MB', '1.5 KB', '12 bytes')
    """
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if count >= scale:
            value = count / scale
            shown = f"{value:.0f}" if value >= 10 else f"{value:.1f}".removesuffix(".0")
            return f"{shown} {unit}"
    return f"{int(count)} bytes"


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


# C0 and C1 controls that text does not hold: every one but TAB, LF, VT, FF, CR and SUB
# (the DOS end-of-file mark old TCVN3 files end with), and DEL.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")


def _text_or_binary(text: str, name: str) -> str:
    """``text`` unless control characters make more than the limit's share of it."""
    _, count = _CONTROLS.subn("", text)
    share = count / max(len(text), 1)
    if share > limits().max_control_share:
        raise LoadError(name, f"binary, not text ({share:.0%} control characters)")
    return text


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
        LoadError: empty input; binary, not text: NUL bytes in a non-UTF-16 file, more
            control characters than ``limits().max_control_share``, or bytes that no
            supported encoding reads as text.

    Examples:
        >>> decode_bytes("Quyết".encode("utf-16"))
        'Quyết'
        >>> decode_bytes(b"Quy\\xea\\xect")  # Windows-1258: e-circumflex + combining acute
        'Quyê\\u0301t'
        >>> decode_bytes(b"\\x7fELF\\x02\\x01")
        Traceback (most recent call last):
        graph.errors.LoadError: <bytes>: binary, not text (50% control characters)
    """
    if not data:
        raise LoadError(name, "empty file")
    decode = _table()["decode"]
    for bom in decode["boms"]:
        mark = bytes.fromhex(bom["mark"])
        if data.startswith(mark):
            try:
                return _text_or_binary(data[len(mark) :].decode(bom["codec"]), name)
            except UnicodeDecodeError as exc:
                raise LoadError(name, f"invalid {bom['codec']} after its byte-order mark") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and "\x00" not in text:
        return _text_or_binary(text, name)
    even, odd = _nul_shares(data)
    for codec, nul_share, other_share in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if (
            nul_share >= decode["utf16_min_nul_share"]
            and other_share <= decode["utf16_max_other_nul_share"]
        ):
            try:
                return _text_or_binary(data.decode(codec), name)
            except UnicodeDecodeError:
                break
    if 0 in data:
        raise LoadError(name, "binary, not text (NUL bytes)")
    surface = data.decode(decode["legacy_surface_codec"]).translate(_c1_to_cp1252())
    if detect_legacy_encoding(surface) is not None:
        return _text_or_binary(surface, name)
    undecodable = "binary, not text (not UTF-8, UTF-16, TCVN3/VNI or Windows-1258)"
    # Windows-1258 reads almost any byte; Vietnamese in it is mostly ASCII, junk is not.
    if len(data.translate(None, _HIGH_BYTES)) / len(data) < limits().min_ascii_share:
        raise LoadError(name, undecodable)
    try:
        return _text_or_binary(data.decode(decode["fallback_codec"]), name)
    except UnicodeDecodeError as exc:
        raise LoadError(name, undecodable) from exc


_HIGH_BYTES = bytes(range(0x80, 0x100))


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

    def style(self, style_id: str | None) -> Any:
        """The ``w:style`` element of ``style_id``, or None."""
        return self._styles.get(style_id)

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


class _DocxNumbering:
    """The labels Word draws before numbered paragraphs ("1.", "a)", "1.2.", "-", "I."), which
    are no text of the paragraph: a plan whose items Word numbers would lose its item markers
    and read as one paragraph after another.

    Hand-written because python-docx keeps a paragraph's numbering as ``w:numPr`` references
    only (and docx2python, which renders them, reads the whole package its own way, without
    the legacy-font conversion above).  Reads ``word/numbering.xml``: each ``w:num`` points to
    an ``w:abstractNum`` whose levels give the format (decimal, letters, Roman numerals,
    bullet), the label's text (``%1.%2.``) and the start; a paragraph takes its ``w:numPr``
    from its own properties or its style's.  Counters run per list and level in document
    order; a level restarts after a higher one.  A bullet is written "-" (its glyph is often
    a private-use character of a symbol font), "+" kept.
    """

    _BULLETS_KEPT = frozenset("+")

    def __init__(self, document: Any, fonts: _DocxFonts):
        from docx.oxml.ns import qn

        self._qn = qn
        self._fonts = fonts
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self._counters: dict[str, list[int | None]] = {}
        from docx.opc.constants import RELATIONSHIP_TYPE

        try:
            part = document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING)
        except KeyError:
            return  # no numbering part: nothing is numbered
        root = part.element
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for a in root.findall(qn("w:abstractNum")):
            abstract[a.get(qn("w:abstractNumId"))] = {
                int(lvl.get(qn("w:ilvl"), "0")): self._level(lvl) for lvl in a.findall(qn("w:lvl"))}
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            levels = dict(abstract.get(ref.get(qn("w:val")) if ref is not None else "", {}))
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl"), "0"))
                lvl = override.find(qn("w:lvl"))
                start = override.find(qn("w:startOverride"))
                if lvl is not None:
                    levels[ilvl] = self._level(lvl)
                elif start is not None and ilvl in levels:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, int(start.get(qn("w:val"), "1")))
            self._levels[num.get(qn("w:numId"))] = levels

    def _level(self, lvl: Any) -> tuple[str, str, int]:
        qn = self._qn

        def val(tag: str, default: str) -> str:
            el = lvl.find(qn(tag))
            return el.get(qn("w:val"), default) if el is not None else default

        return val("w:numFmt", "decimal"), val("w:lvlText", ""), int(val("w:start", "1") or 1)

    def _num_pr(self, paragraph: Any) -> tuple[str, int] | None:
        qn = self._qn
        ppr = paragraph.find(qn("w:pPr"))
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num_pr is None:
            pstyle = ppr.find(qn("w:pStyle")) if ppr is not None else None
            num_pr = self._style_num_pr(pstyle.get(qn("w:val")) if pstyle is not None else None)
        if num_pr is None:
            return None
        num_id = num_pr.find(qn("w:numId"))
        ilvl = num_pr.find(qn("w:ilvl"))
        if num_id is None or num_id.get(qn("w:val")) in (None, "0"):
            return None
        return num_id.get(qn("w:val")), int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0

    def _style_num_pr(self, style_id: str | None) -> Any:
        qn = self._qn
        seen: set[str] = set()
        while style_id is not None and style_id not in seen:
            seen.add(style_id)
            style = self._fonts.style(style_id)
            if style is None:
                return None
            ppr = style.find(qn("w:pPr"))
            num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
            if num_pr is not None:
                return num_pr
            based_on = style.find(qn("w:basedOn"))
            style_id = based_on.get(qn("w:val")) if based_on is not None else None
        return None

    def label(self, paragraph: Any) -> str:
        """The label Word draws before ``paragraph`` ("" for none); counts it."""
        if not self._levels:
            return ""
        found = self._num_pr(paragraph)
        if found is None or found[0] not in self._levels:
            return ""
        num_id, ilvl = found
        levels = self._levels[num_id]
        if ilvl not in levels:
            return ""
        counters = self._counters.setdefault(num_id, [None] * 10)
        ilvl = min(ilvl, 9)
        counters[ilvl] = levels[ilvl][2] if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, 10):
            counters[deeper] = None  # a level restarts after a higher one
        fmt, text, _ = levels[ilvl]
        if fmt == "bullet":
            return text if text in self._BULLETS_KEPT else "-"
        if fmt == "none":
            return ""

        def shown(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            if not 0 <= k < 10 or k not in levels:
                return ""
            value = counters[k] if counters[k] is not None else levels[k][2]
            return _number_format(levels[k][0], value)

        return _LEVEL_REF.sub(shown, text).strip()


_LEVEL_REF = re.compile(r"%(\d)")


def _number_format(fmt: str, n: int) -> str:
    """``n`` as a numbering format writes it (decimal, letters, Roman numerals)."""
    if fmt in ("lowerLetter", "upperLetter"):
        letters, k = "", n
        while k > 0:
            k, r = divmod(k - 1, 26)
            letters = chr(ord("a") + r) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman, k = "", n
        for value, digits in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                              (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
            while k >= value:
                roman, k = roman + digits, k - value
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _own_runs(paragraph: Any) -> Iterator[Any]:
    """The paragraph's runs (inside hyperlinks, insertions, content controls too), not those
    of the paragraphs of a text box it anchors (read apart: :func:`_docx_blocks`)."""
    from docx.oxml.ns import qn

    p_tag = qn("w:p")
    for run in paragraph.iter(qn("w:r")):
        up = run.getparent()
        while up is not None and up.tag != p_tag:
            up = up.getparent()
        if up is paragraph:
            yield run


def _docx_paragraph(paragraph: Any, fonts: _DocxFonts, numbering: _DocxNumbering | None = None) -> str:
    """Text of one w:p (after the label Word numbers it with, if any); runs in legacy fonts are
    converted, capitals fonts upper-cased."""
    from docx.text.run import Run

    segments: list[tuple[str, tuple[str, bool] | None]] = []
    for element in _own_runs(paragraph):
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
    text = "".join(parts)
    label = numbering.label(paragraph) if numbering is not None else ""
    return f"{label} {text}" if label and text.strip() else text


def _docx_blocks(container: Any, fonts: _DocxFonts, numbering: _DocxNumbering | None = None) -> Iterator[str]:
    """Lines of a body or a cell, in document order: paragraphs and table rows."""
    from docx.oxml.ns import qn

    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            for box in child.xpath(_TEXT_BOXES):
                # a text box anchored in the paragraph (a header's cells set in boxes: "ỦY BAN
                # NHÂN DÂN TỈNH …" / "Số: 12/KH-UBND"): its lines first, read once (Word stores
                # a box twice, as a drawing and as its VML fallback: the fallback is left out)
                yield from _docx_blocks(box, fonts, numbering)
            yield _docx_paragraph(child, fonts, numbering)
        elif child.tag == qn("w:tbl"):
            yield from _docx_rows(child, fonts, numbering)
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            content = child.find(qn("w:sdtContent"))
            yield from _docx_blocks(content if content is not None else child, fonts, numbering)


# the text boxes a paragraph anchors, not one inside another box (read with it) nor a drawing's
# VML fallback copy
_TEXT_BOXES = (".//w:txbxContent[not(ancestor::w:txbxContent)]"
               "[not(ancestor::*[local-name()='Fallback'])]")


def _docx_rows(table: Any, fonts: _DocxFonts, numbering: _DocxNumbering | None = None) -> Iterator[str]:
    """One line per row; each w:tc is one cell, so a merged cell appears once."""
    for row in table.xpath("./w:tr | ./w:sdt/w:sdtContent/w:tr"):
        cells = row.xpath("./w:tc | ./w:sdt/w:sdtContent/w:tc")
        yield "\t".join(_one_line(_docx_blocks(cell, fonts, numbering)) for cell in cells)


_LINE_BREAKS = re.compile(r"[\t\n]+")


def _one_line(lines: Iterator[str]) -> str:
    """A table cell as one line: its paragraphs joined by a space, no TAB or line break."""
    return " ".join(_LINE_BREAKS.sub(" ", line).strip() for line in lines if line.strip())


_CHUNK = 1 << 20  # bytes inflated at a time


def _check_inflated(name: str, info: zipfile.ZipInfo, size: int, declared: bool) -> None:
    """Refuse a member whose inflated ``size`` (declared, or read so far) passes a limit."""
    lim = limits()
    member, packed = info.filename, max(info.compress_size, 1)
    if size > lim.max_member_bytes:
        if declared:
            raise LoadError(
                name,
                f"{member} would be {_size(size)} uncompressed (limit {_size(lim.max_member_bytes)})",
            )
        raise LoadError(
            name,
            f"{member} inflates past {_size(lim.max_member_bytes)} "
            f"(declared {_size(info.file_size)}; limit {_size(lim.max_member_bytes)})",
        )
    if size > lim.ratio_grace_bytes and size > lim.max_ratio * packed:
        verb = "would inflate" if declared else "inflates more than"
        times = f"{size / packed:,.0f}" if declared else f"{lim.max_ratio:g}"
        raise LoadError(
            name,
            f"{member} {verb} {times} times ({_size(packed)} to {_size(size)}; "
            f"limit {lim.max_ratio:g} times)",
        )


def _inflate(name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """A member's bytes, a chunk at a time, stopped as soon as they pass a limit.

    The declared sizes were checked before; this counts what actually comes out, since a
    zip's sizes can lie (CPython's zipfile stops at the declared size and then fails the
    CRC, another reader might not).
    """
    done = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                done += len(chunk)
                _check_inflated(name, info, done, declared=False)
                yield chunk
    except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required"
        raise LoadError(name, f"encrypted .docx member ({info.filename})") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError) as exc:
        detail = (str(exc).splitlines() or [type(exc).__name__])[0][:120]
        if info.filename not in detail:
            detail = f"{info.filename}: {detail}"
        raise LoadError(name, f"damaged .docx file ({detail})") from exc


class _XmlCensus:
    """Paragraphs and XML start tags in a package's raw XML, counted as it inflates, so that
    python-docx never parses (or builds a tree of) more than the limits allow.

    Hand-written on bytes rather than an lxml target parser, which calls back into Python
    for every element (4.9 s against 0.5 s for 3 million paragraphs). The count errs only
    upwards: a ``p`` of any namespace prefix is a paragraph, a ``<`` inside a comment or
    CDATA a start tag. A tag cut by a chunk boundary is carried into the next chunk.
    """

    # <w:p>, <w:p w:rsidR="…">, <w:p/>, <p xmlns="…">, any prefix (a hostile file may bind
    # WordprocessingML to another one); not <w:pPr>, <w:proofErr>.
    _PARAGRAPH = re.compile(rb"<(?:[^\s<>/!?:]+:)?p(?=[\s/>])")
    # a '<' whose name may go on past the end of the chunk
    _OPEN_TAG = re.compile(rb"<[^\s<>/]*\Z")

    def __init__(self, name: str):
        self.name = name
        self.member = ""
        self.paragraphs = 0
        self.elements = 0
        self.inflated = 0
        self._carry = b""

    def start(self, member: str) -> None:
        self.member, self.paragraphs, self._carry = member, 0, b""

    def feed(self, chunk: bytes) -> None:
        self.inflated += len(chunk)
        lim = limits()
        if self.inflated > lim.max_total_bytes:
            raise LoadError(
                self.name,
                f"members inflate to more than {_size(lim.max_total_bytes)} together "
                f"(limit {_size(lim.max_total_bytes)})",
            )
        buffer = self._carry + chunk
        last = buffer.rfind(b"<")
        cut = last if last >= 0 and self._OPEN_TAG.match(buffer, last) else len(buffer)
        self._carry = buffer[cut:]
        self._count(buffer[:cut])

    def end(self) -> None:
        self._count(self._carry)
        self._carry = b""

    def _count(self, part: bytes) -> None:
        lim = limits()
        self.paragraphs += len(self._PARAGRAPH.findall(part))
        self.elements += part.count(b"<") - part.count(b"</") - part.count(b"<!") - part.count(b"<?")
        if self.paragraphs > lim.max_paragraphs:
            raise LoadError(
                self.name,
                f"{self.member} has more than {lim.max_paragraphs:,} paragraphs "
                f"(limit {lim.max_paragraphs:,})",
            )
        if self.elements > lim.max_elements:
            raise LoadError(
                self.name,
                f"more than {lim.max_elements:,} XML elements, the last in {self.member} "
                f"(limit {lim.max_elements:,})",
            )


def _check_package(name: str, data: bytes) -> None:
    """Refuse a .docx whose zip would cost more than the limits to open, before python-docx
    inflates or parses any of it: the members' count and declared sizes first (nothing is
    inflated for a zip bomb), then every member streamed once, counting what comes out and
    the paragraphs and elements of its XML."""
    lim = limits()

    def check_members(count: int) -> None:
        if count > lim.max_members:
            raise LoadError(name, f"{count:,} members in the zip archive (limit {lim.max_members:,})")

    # The end record's entry count, before zipfile builds a ZipInfo for every entry of the
    # central directory (600,000 empty members in a 52 MB file: 400 MB and 7 s). zipfile's
    # own reader of that record is private; without it the count is judged after opening.
    end_record = getattr(zipfile, "_EndRecData", None)
    if end_record is not None:
        try:
            record = end_record(io.BytesIO(data))
        except (OSError, EOFError, ValueError, zipfile.BadZipFile):
            record = None
        if record:
            check_members(record[zipfile._ECD_ENTRIES_TOTAL])  # type: ignore[attr-defined]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise LoadError(name, "damaged .docx file (unreadable zip directory)") from exc
    with archive:
        infos = archive.infolist()
        check_members(len(infos))
        for info in infos:
            _check_inflated(name, info, info.file_size, declared=True)
        total = sum(info.file_size for info in infos)
        if total > lim.max_total_bytes:
            raise LoadError(
                name,
                f"members would be {_size(total)} uncompressed together "
                f"(limit {_size(lim.max_total_bytes)})",
            )
        census = _XmlCensus(name)
        for info in infos:
            census.start(info.filename)
            for chunk in _inflate(name, archive, info):
                census.feed(chunk)
            census.end()


def _read_docx(name: str, data: bytes) -> str:
    # python-docx's `Document.paragraphs` skips tables, so the body is walked directly.
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise LoadError(name, "not a .docx file (not a zip archive)")
    _check_package(name, data)
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
    return "\n".join(_docx_blocks(document.element.body, fonts, _DocxNumbering(document, fonts)))


# --------------------------------------------------------------------------- .pdf


def _declared_pages(pdf: Any) -> int | None:
    """The page count the PDF's page tree declares (/Count), if it is a number."""
    from pdfminer.pdftypes import resolve1

    tree = resolve1(pdf.doc.catalog.get("Pages"))
    count = resolve1(tree.get("Count")) if isinstance(tree, dict) else None
    return count if isinstance(count, int) else None


def _inflated_within(data: bytes, check: Callable[[int], None]) -> bytes:
    """``data`` inflated a chunk at a time, ``check(size so far)`` after each chunk.

    Stops at the end of the deflate stream or at damage (pdfminer then recovers what comes
    before the damage, which has been counted).
    """
    inflater = zlib.decompressobj()
    parts: list[bytes] = []
    size = 0
    try:
        while data and not inflater.eof:
            part = inflater.decompress(data, _CHUNK)
            data = inflater.unconsumed_tail
            size += len(part)
            check(size)
            parts.append(part)
            if not part and not data:
                break
    except zlib.error:
        pass
    return b"".join(parts)


def _check_pdf_streams(name: str, pdf: Any) -> None:
    """Refuse a PDF whose streams would inflate past the limits, before pdfminer inflates
    them whole (``zlib.decompress``: a 510 KB file with a 500 MB content stream took 1 GB).

    Judges every stream object stored directly in the file, except images (pdfminer never
    decodes those to read text), through its filters: Flate and LZW inflated a chunk at a
    time and stopped at a limit, ASCII85 and ASCIIHex (which shrink) decoded; another
    filter ends the judgment of that stream. Objects inside object streams cannot be
    streams (PDF 32000-1, 7.5.7).
    """
    from pdfminer.lzw import LZWDecoder
    from pdfminer.psparser import LIT
    from pdfminer.pdftypes import (
        LITERALS_ASCII85_DECODE,
        LITERALS_ASCIIHEX_DECODE,
        LITERALS_FLATE_DECODE,
        LITERALS_LZW_DECODE,
        PDFStream,
        ascii85decode,
        asciihexdecode,
    )

    lim = limits()
    document = pdf.doc
    seen: set[int] = set()
    for xref in document.xrefs:
        for objid in xref.get_objids():
            if objid in seen:
                continue
            seen.add(objid)
            try:
                if xref.get_pos(objid)[0] is not None:
                    continue  # in an object stream
                stream = document.getobj(objid)
            except Exception:  # noqa: BLE001 - damage is reported when pdfplumber reads it
                continue
            if not isinstance(stream, PDFStream) or stream.rawdata is None:
                continue
            if stream.get("Subtype") is LIT("Image"):
                continue
            packed = max(len(stream.rawdata), 1)

            def check(size: int, objid: int = objid, packed: int = packed) -> None:
                if size > lim.max_stream_bytes:
                    raise LoadError(
                        name,
                        f"stream object {objid} inflates past {_size(lim.max_stream_bytes)} "
                        f"(limit {_size(lim.max_stream_bytes)})",
                    )
                if size > lim.ratio_grace_bytes and size > lim.max_ratio * packed:
                    raise LoadError(
                        name,
                        f"stream object {objid} inflates more than {lim.max_ratio:g} times "
                        f"({_size(packed)} to {_size(size)}; limit {lim.max_ratio:g} times)",
                    )

            data = stream.rawdata
            if stream.decipher:
                data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
            for kind, _ in stream.get_filters():
                if kind in LITERALS_FLATE_DECODE:
                    data = _inflated_within(data, check)
                elif kind in LITERALS_LZW_DECODE:
                    parts, size = [], 0
                    for part in LZWDecoder(io.BytesIO(data)).run():
                        size += len(part)
                        check(size)
                        parts.append(part)
                    data = b"".join(parts)
                elif kind in LITERALS_ASCII85_DECODE:
                    data = ascii85decode(data)
                elif kind in LITERALS_ASCIIHEX_DECODE:
                    data = asciihexdecode(data)
                else:
                    break


def _read_pdf(name: str, data: bytes) -> str:
    import pdfplumber

    lim = limits()
    pages: list[str] = []
    chars = 0
    try:
        # pdfplumber sets up a Page (layout objects included) only for the pages asked for;
        # one more than the limit tells a document over it.
        with pdfplumber.open(io.BytesIO(data), pages=range(1, lim.max_pages + 2)) as pdf:
            declared = _declared_pages(pdf)
            if declared is not None and declared > lim.max_pages:
                raise LoadError(name, f"{declared:,} pages (limit {lim.max_pages:,})")
            if len(pdf.pages) > lim.max_pages:
                raise LoadError(name, f"more than {lim.max_pages:,} pages (limit {lim.max_pages:,})")
            _check_pdf_streams(name, pdf)
            for page in pdf.pages:
                pages.append(_pdf_page_text(page))
                chars += len(pages[-1]) + 1
                if chars > lim.max_chars:
                    raise LoadError(
                        name,
                        f"text passes {lim.max_chars:,} characters by page {page.page_number} "
                        f"(limit {lim.max_chars:,})",
                    )
                page.close()  # drop the page's layout objects once its text is taken
    except LoadError:
        raise
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


def _pdf_text(page: Any) -> str:
    return page.extract_text(x_tolerance=_PDF_X_TOLERANCE, y_tolerance=_PDF_Y_TOLERANCE) or ""


def _pdf_page_text(page: Any) -> str:
    """A page's text in reading order, each ruled table one TAB-joined line per row, as a
    .docx's or a web page's table reads.  A plan's task table (Nhiệm vụ | Cơ quan chủ trì |
    Cơ quan phối hợp | Thời gian) wraps its cells over several lines; read as plain lines,
    the cells of one row interleave ("Rà soát, hoàn thiện hạ tầng viễn Sở Tài chính; Ủy ban"
    / "Sở Khoa học và" / "1 thông và kết nối …") and no row can be told apart.  pdfplumber
    finds a table by its ruling lines (the lines strategy, its default): the borderless
    two-column header is no table and reads as lines, as before."""
    tables = sorted((t for t in page.find_tables() if _is_grid(t)), key=lambda t: t.bbox[1])
    if not tables:
        return _pdf_text(page)
    x0, top, x1, bottom = page.bbox
    parts: list[str] = []
    at = top
    for table in tables:
        t_x0, t_top, t_x1, t_bottom = table.bbox
        if t_top > at:
            parts.append(_pdf_text(page.crop((x0, at, x1, t_top))))
        beside = page.crop((x0, max(at, t_top), x1, min(bottom, t_bottom))).outside_bbox(table.bbox)
        parts.append(_pdf_text(beside))  # (text set beside a narrow table)
        parts += _pdf_rows(table)
        at = max(at, t_bottom)
    if bottom > at:
        parts.append(_pdf_text(page.crop((x0, at, x1, bottom))))
    return "\n".join(part for part in parts if part.strip())


def _is_grid(table: Any) -> bool:
    """A ruled table of two columns or more (not a frame drawn round a text); one row is
    enough: a table that goes on from the page before may leave one row on a page."""
    return bool(table.rows) and max(len(row.cells) for row in table.rows) >= 2


def _pdf_rows(table: Any) -> list[str]:
    """The table's rows, cells joined by a TAB, each cell's lines by a space.  A cell merged
    across columns appears once (as a .docx row writes it); below a cell merged across rows
    the rows keep an empty cell in its place, so the columns stay where the header put them."""
    texts = table.extract(x_tolerance=_PDF_X_TOLERANCE, y_tolerance=_PDF_Y_TOLERANCE)
    out: list[str] = []
    for i, (row, cells) in enumerate(zip(table.rows, texts)):
        line: list[str] = []
        for j, (box, cell) in enumerate(zip(row.cells, cells)):
            if box is None:
                above = (table.rows[k].cells[j] for k in range(i) if j < len(table.rows[k].cells))
                if any(b is not None and b[3] > row.bbox[1] + _PDF_Y_TOLERANCE for b in above):
                    line.append("")  # under a cell merged across rows
                continue  # (else a cell merged across columns: once)
            line.append(" ".join((cell or "").split()))
        if any(line):
            out.append("\t".join(line))
    return out


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
        self._counts: dict[int, int] = {}  # the items of each <ol> counted so far

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
            elif child.name == "li":
                self.flush()
                label = self._label(node, child)
                if label:
                    self._buffer.append(label + " ")
                self.walk(child)
                self.flush()
            elif child.name in self.block:
                self.flush()
                self.walk(child)
                self.flush()
            else:
                self.walk(child)

    def _label(self, parent: Any, item: Any) -> str:
        """The marker a browser draws before a list item, which is no text of the page: "1.",
        "a)" (``<ol type>``, ``start``, an item's ``value``), "-" for ``<ul>``; none where a
        style hides it (``list-style: none``), as portals lay out their menus."""
        if any("none" in (el.get("style") or "").replace(" ", "").lower().partition("list-style")[2][:20]
               for el in (item, parent)):
            return ""
        if parent.name == "ul":
            return "-"
        if parent.name != "ol":
            return ""
        count = self._counts.get(id(parent))
        if count is None:
            count = _int_attr(parent.get("start"), 1) - 1
        count = _int_attr(item.get("value"), count + 1)
        self._counts[id(parent)] = count
        kind = parent.get("type") or "1"
        fmt = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}.get(kind, "decimal")
        # (a letter as Vietnamese documents write one, "a)"; the browser's "a." is no text)
        return _number_format(fmt, count) + (")" if kind == "a" else ".")

    def _row_cells(self, row: Any) -> list[Any]:
        return [cell for cell in row.find_all(True, recursive=False) if cell.name in self.cells]

    def _cell(self, cell: Any) -> str:
        inner = _HtmlText()
        inner.walk(cell)
        inner.flush()
        return _one_line(iter(inner.lines))


def _int_attr(value: Any, default: int) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default


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


_NOT_REGULAR = (
    (stat.S_ISDIR, "is a directory"),
    (stat.S_ISFIFO, "is a named pipe, not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
    (stat.S_ISCHR, "is a character device, not a regular file"),
    (stat.S_ISBLK, "is a block device, not a regular file"),
)


def _judge(name: str, suffix: str, status: os.stat_result) -> None:
    """Refuse what is not a regular file, or a file over its suffix's size limit."""
    if not stat.S_ISREG(status.st_mode):
        reason = next((r for test, r in _NOT_REGULAR if test(status.st_mode)), None)
        raise LoadError(name, reason or "is not a regular file")
    _check_file_size(name, suffix, status.st_size)


def _check_file_size(name: str, suffix: str, size: int, more: bool = False) -> None:
    limit = limits().max_bytes[suffix]
    if size > limit:
        shown = f"more than {_size(limit)}" if more else _size(size)
        raise LoadError(name, f"file is {shown} (limit {_size(limit)} for {suffix} files)")


def _suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix not in _READERS:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        shown = suffix or "no suffix"
        raise LoadError(name, f"unsupported file type ({shown}); supported: {supported}")
    return suffix


def open_input(path: str | os.PathLike[str]) -> BinaryIO:
    """Open an input file for reading bytes, refusing it before anything is read.

    Refused: an unsupported suffix; anything but a regular file (a directory, named pipe,
    socket or device), judged by ``os.stat`` before opening and by ``os.fstat`` of what
    was opened (the path may change in between; the open is non-blocking, so a pipe put
    there meanwhile cannot block it); a file over its suffix's size limit.

    Args:
        path: the input file.

    Returns:
        The open file (binary, unbuffered reads from the start).

    Raises:
        LoadError: for each refusal above, or when the file cannot be opened.
    """
    name = os.fspath(path)
    suffix = _suffix(name)
    try:
        _judge(name, suffix, os.stat(name))
        flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
        descriptor = os.open(name, flags)
    except OSError as exc:
        raise LoadError(name, f"cannot read file ({exc.strerror or type(exc).__name__})") from exc
    try:
        _judge(name, suffix, os.fstat(descriptor))
    except BaseException:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "rb")


def _read_bytes(name: str, suffix: str) -> bytes:
    """A file's bytes, at most its size limit (a file that grew past it is refused)."""
    limit = limits().max_bytes[suffix]
    with open_input(name) as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise LoadError(name, f"cannot read file ({exc.strerror or type(exc).__name__})") from exc
    _check_file_size(name, suffix, len(data), more=True)
    return data


def read_raw(path: str | os.PathLike[str]) -> str:
    """Decoded but not normalized text of a file.

    Args:
        path: a .txt, .md, .docx, .pdf, .html or .htm file (suffix in any case).

    Returns:
        The text; .docx and HTML tables as TAB-joined lines, PDF pages joined by a line
        break, .docx runs in TCVN3/VNI fonts already converted.

    Raises:
        LoadError: unsupported suffix, not a regular file, unreadable or empty file, binary
            content, undecodable bytes, a .docx that is not one, a corrupt, encrypted or
            scanned PDF, or any limit of :func:`limits` passed (the reason names it).
    """
    name = os.fspath(path)
    suffix = _suffix(name)
    data = _read_bytes(name, suffix)
    if not data:
        raise LoadError(name, "empty file")
    text = _READERS[suffix](name, data)
    limit = limits().max_chars
    if len(text) > limit:
        raise LoadError(name, f"text is {len(text):,} characters (limit {limit:,})")
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
