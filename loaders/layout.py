"""The layout stage: any source's normalized text in, the document's logical blocks out.

Real sources flatten a document's physical layout in their own ways: a page saved from a
legal-library site carries site chrome around the document, a two-column header flattened
into ``|`` cells, lines wrapped anywhere (inside a number, a date, a label, an agency name),
and markdown emphasis around and inside words; a PDF text layer wraps lines at the page's
width; a .docx or a plain text file has one paragraph a line.  The extractors (header,
references, tasks) read the *logical text* made here instead of the raw lines:

* site chrome is cut off (read apart as :class:`Chrome`: the metadata box is a second
  witness of identity, its "Tình trạng" a reported status);
* emphasis marks are removed, markdown heading marks (``#``) too;
* soft line breaks are joined with one space, hard ones kept: one logical block a line;
* a table flattened into ``|`` cells becomes one line a row with its cells tab-separated
  (as the .docx reader writes table rows);
* rule lines (``-------``) and empty emphasis (``* *``) are dropped.

Every character of the logical text keeps the offset of the character it came from, so
evidence found in the logical text is reported with offsets into the file's normalized text
(:meth:`Layout.to_source`).  A text with nothing to change gives back the same string and an
identity mapping.

Why by hand: no maintained library segments Vietnamese legal documents; generic HTML-to-text
or PDF layout tools (pdfplumber's layout mode, html2text) either keep the physical lines or
lose the offsets, and the rules here depend on Vietnamese list markers, labels and the
Decree 30 header.  The rules themselves are data (``loaders/tables/layout.toml``).

Examples:
    >>> lay = build_layout("|\\nSố:\\n87/2025/QĐ-UBND\\n|\\n*Bắc Ninh, ngày 20\\ntháng 11 năm 2025*\\n|\\n")
    >>> lay.text
    'Số: 87/2025/QĐ-UBND\\tBắc Ninh, ngày 20 tháng 11 năm 2025\\n'
    >>> lay.source[lay.to_source(lay.text.index("87/"))]
    '8'
"""

from __future__ import annotations

import bisect
import collections
import contextlib
import gc
from dataclasses import dataclass, field

import regex
from graph.vocab import table_cache

from .rules import load_table, marker_pattern, marker_regex

__all__ = ["Block", "Chrome", "Layout", "build_layout", "reading_form"]


# --------------------------------------------------------------------------- tables


def _fold(s: str) -> str:
    return " ".join(s.replace("*", " ").split()).casefold()


@dataclass(frozen=True, slots=True)
class _Rules:
    page_marker: regex.Pattern  # a converted PDF's page marker line ("## Trang 7")
    page_number: regex.Pattern  # the page's number alone on the line after it
    page_markers_min: int
    justified_gap: regex.Pattern  # two or three spaces a text layer put between words
    justified_gaps: int
    page_numbers_min: int  # a run of page numbers alone on their lines at least this long
    breadcrumb: regex.Pattern  # a crawl's document name before an article or a section
    breadcrumb_min: int
    box_labels: dict[str, str]
    box_pairs: regex.Pattern  # a box's labels, each with its colon, several on one line
    end_lines: frozenset[str]
    end_lines_bold: frozenset[str]  # end lines only when bold and alone (:func:`_bold_alone`)
    end_heads: frozenset[str]  # every beginning of an end line, folded
    start_keys: tuple[str, ...]  # the longest word of each start phrase, folded (:func:`_may_hold`)
    headline_before: frozenset[str]
    start_phrases: tuple[str, ...]
    start_lines: regex.Pattern | None  # whole lines of a site's notices before the document
    shape: regex.Pattern  # a drawing object's name glued to a line's start ("straight connector 2Số:")
    shape_first: frozenset[str]  # the first letters of those names, both cases
    wrapped_share: float
    wrapped_line_share: float
    wrapped_min_breaks: int
    blank_share: float
    paragraph_ends: tuple[str, ...]
    pipe_lines: int
    terminal: tuple[str, ...]
    label_words: int
    short_line: float  # a text layer's line shorter than this share of a full line ends its paragraph
    full_line_samples: int  # lines a lower-case line goes on that measure a full line
    full_line_share: float  # ... else the quantile of every line's length that does
    symbol_rest: regex.Pattern  # a line opening with a symbol's rest ("/CĐ-UBND") goes on
    number_words: frozenset[str]
    short_heading: int  # words of a short Roman heading in lower case (with its marker)
    joining_last: frozenset[tuple[str, ...]]  # its last word joining it to the next line
    first_line_samples: int
    first_line_share: float
    first_line_slack: int
    first_line_gap: int
    list_colon: regex.Pattern  # a line ending with a list head and its colon ("các Sở:")
    openers: regex.Pattern
    marker: regex.Pattern
    numeric_marker: regex.Pattern
    roman_marker: regex.Pattern
    dash_marker: regex.Pattern
    label: regex.Pattern
    bare_marker: regex.Pattern
    block_start: regex.Pattern
    type_lines: frozenset[str]
    type_initials: frozenset[str]  # their first characters


def _keys(phrases) -> tuple[str, ...]:
    """The longest word of each phrase (a word is between spaces, punctuation included)."""
    return tuple(max(p.split(" "), key=len) for p in phrases)


@table_cache
def _rules() -> _Rules:
    t = load_table("layout")
    # "{type}" in a chrome pattern: any type word (references.toml [type_words])
    type_alt = "|".join(r"[ \t]+".join(map(regex.escape, w.split()))
                        for w in sorted(load_table("references")["type_words"], key=len, reverse=True))
    markers = "|".join(f"(?:{marker_pattern(p)})" for p in t["markers"]["patterns"])
    labels = "|".join(regex.escape(x) for x in sorted(t["markers"]["labels"], key=len, reverse=True))
    openers = "|".join(regex.escape(x) for x in sorted(t["join"]["block_openers"], key=len, reverse=True))
    type_lines = frozenset(
        " ".join(w.split()).upper() for w, code in load_table("references")["type_words"].items()
        if code != "generic"
    )
    return _Rules(
        page_marker=regex.compile(t["chrome"]["page_marker"], regex.V1),
        page_number=regex.compile(t["chrome"]["page_number"], regex.V1),
        page_markers_min=int(t["chrome"]["page_markers_min"]),
        justified_gap=regex.compile(t["join"]["justified_gap"], regex.V1),
        justified_gaps=int(t["join"]["justified_gaps"]),
        page_numbers_min=int(t["chrome"]["page_numbers_min"]),
        breadcrumb=regex.compile(t["chrome"]["breadcrumb"].replace("{type}", type_alt), regex.V1 | regex.I),
        breadcrumb_min=int(t["chrome"]["breadcrumb_min"]),
        box_labels={_fold(k): v for k, v in t["box_labels"].items()},
        box_pairs=regex.compile(r"(?<![\p{L}\d])(?P<label>" + "|".join(
            r"\s+".join(map(regex.escape, k.split())) for k in sorted(t["box_labels"], key=len, reverse=True))
            + r")[ \t]*:", regex.V1 | regex.I),
        end_lines=frozenset(_fold(x) for x in t["chrome"]["end_lines"] + t["chrome"]["end_lines_bold"]),
        end_lines_bold=frozenset(_fold(x) for x in t["chrome"]["end_lines_bold"]),
        start_keys=_keys(_fold(x) for x in t["chrome"]["start_phrases"]),
        end_heads=frozenset(_fold(x)[:k] for x in t["chrome"]["end_lines"] + t["chrome"]["end_lines_bold"]
                            for k in range(len(_fold(x)) + 1)),
        headline_before=frozenset(_fold(x) for x in t["chrome"]["headline_before"]),
        start_phrases=tuple(_fold(x) for x in t["chrome"]["start_phrases"]),
        start_lines=(regex.compile("|".join(f"(?:{p})" for p in t["chrome"]["start_lines"]).replace("{type}", type_alt), regex.V1)
                     if t["chrome"].get("start_lines") else None),
        shape=regex.compile(r"(?i:" + "|".join(regex.escape(x).replace(r"\ ", r"\s") for x in t["chrome"]["shape_names"])
                            + r")\s?\d{1,3}(?=\p{L}|\s*$)", regex.V1),
        shape_first=frozenset(c for x in t["chrome"]["shape_names"] for c in (x[0].lower(), x[0].upper())),
        wrapped_share=float(t["join"]["wrapped_share"]),
        wrapped_line_share=float(t["join"]["wrapped_line_share"]),
        wrapped_min_breaks=int(t["join"]["wrapped_min_breaks"]),
        blank_share=float(t["join"]["blank_share"]),
        paragraph_ends=tuple(t["join"]["paragraph_ends"]),
        pipe_lines=int(t["join"]["pipe_lines"]),
        terminal=tuple(t["join"]["terminal"]),
        label_words=int(t["join"]["label_words"]),
        short_line=float(t["join"]["short_line"]),
        full_line_samples=int(t["join"]["full_line_samples"]),
        full_line_share=float(t["join"]["full_line_share"]),
        symbol_rest=regex.compile(t["join"]["symbol_rest"], regex.V1),
        number_words=frozenset(x.casefold() for x in t["join"]["number_words"]),
        short_heading=int(t["join"]["short_heading_words"]),
        joining_last=frozenset((w.casefold(),) for w in t["join"]["joining_words"]),
        first_line_samples=int(t["join"]["first_line_samples"]),
        first_line_share=float(t["join"]["first_line_share"]),
        first_line_slack=int(t["join"]["first_line_slack"]),
        first_line_gap=int(t["join"]["first_line_gap"]),
        list_colon=regex.compile(
            r"(?<!\p{L})(?:%s)\s*:$" % "|".join(r"\s+".join(map(regex.escape, w.split())) for w in t["join"]["list_heads"]),
            regex.V1),
        openers=regex.compile(rf"(?:{openers})(?!\p{{L}})", regex.V1),
        marker=regex.compile(rf"(?:{markers})", regex.V1),
        numeric_marker=regex.compile(marker_pattern(r"{number}(?:\.\p{Ll}(?=\s*[.)]))?\s*[.)]"), regex.V1),
        roman_marker=regex.compile(marker_pattern(r"{roman}\s*[.)]"), regex.V1),
        dash_marker=regex.compile(marker_pattern(r"{dash}\s*(?=\S)"), regex.V1),
        label=regex.compile(rf"(?:{labels})\s*:", regex.V1 | regex.I),
        bare_marker=regex.compile(
            marker_pattern(r"(?:(?:{roman}|{number}|{letter})\s*[.)]|{dash})?\s*$"
                           r"|(?:Điều|Chương|Mục|Phần|CHƯƠNG|MỤC|PHẦN)(?:\s+(?:\d+|[IVXLC]+)\s*[.:]?)?\s*$"),
            regex.V1,
        ),
        block_start=regex.compile("|".join(f"(?:{p})" for p in t["join"]["block_patterns"]), regex.V1),
        type_lines=type_lines,
        type_initials=frozenset(x[:1] for x in type_lines),
    )


# --------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class Block:
    """One logical block: a line of :attr:`Layout.text`.

    ``kind`` is one of ``row`` (a table row, cells tab-separated), ``item`` (starts with a
    list or heading marker), ``label`` (a labelled field), ``caps`` (all capitals: the type
    line, a title, an uppercase heading) or ``paragraph``.  ``start``/``end`` are offsets
    into the logical text.  ``path`` is the numbering path of the block's place: the
    markers of the headings and items it sits under and its own ("II.1.a", "Điều 3.2",
    dashes as "-n").
    """

    kind: str
    start: int
    end: int
    path: str = ""


@dataclass(frozen=True, slots=True)
class Chrome:
    """What a saved web page carries around the document.

    Attributes:
        box: the metadata box's fields (``number_symbol``, ``type``, ``issuer``, ``date``,
            ``status`` …) as written, with the offset of each value in the normalized text.
        spans: the ``[start, end)`` ranges of the normalized text that are chrome.
    """

    box: dict[str, tuple[str, int]] = field(default_factory=dict)
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Layout:
    """The logical text of a document and its way back to the normalized text."""

    text: str
    source: str
    blocks: tuple[Block, ...]
    chrome: Chrome
    wrapped: bool
    _lpos: tuple[int, ...] = ()
    _spos: tuple[int, ...] = ()

    @property
    def identity(self) -> bool:
        """The logical text is the normalized text, offset for offset."""
        return self.text is self.source

    def to_source(self, pos: int) -> int:
        """Offset in the normalized text of the logical text's character at ``pos``."""
        if self.identity:
            return pos
        if not self._lpos:
            return 0
        i = bisect.bisect_right(self._lpos, pos) - 1
        if i < 0:
            return self._spos[0]
        return self._spos[i] + (pos - self._lpos[i])

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` of the logical text as a span of the normalized text."""
        if self.identity:
            return start, end
        n = len(self.source)
        s = min(self.to_source(start), n)
        e = min(self.to_source(end - 1) + 1, n) if end > start else s
        return s, max(s, e)


def reading_form(text: str) -> str:
    """Text as a reader quotes it: emphasis marks removed, whitespace runs collapsed.

    Examples:
        >>> reading_form("**1.\\nSở Nông nghiệp**  và *Môi trường*")
        '1. Sở Nông nghiệp và Môi trường'
    """
    return " ".join(text.replace("*", "").replace("_", "").split())


# --------------------------------------------------------------------------- lines


@dataclass(slots=True)
class _Line:
    start: int  # offset of the line in the source
    end: int
    raw: str
    kind: str  # blank, pipe, rule, text
    # the emphasis delimiters of a text line, ``(start, end, bold, italic)`` (:func:`_marks`);
    # found once, read by :func:`_unclosed` and :func:`_clean`
    marks: tuple | list = ()
    clean: str = ""  # emphasis and heading marks removed, stripped
    keep: list[tuple[int, int]] | tuple = ()  # source runs forming ``clean``
    full: list[tuple[int, int]] | tuple = ()  # the same, spaces and tabs kept
    open_end: bool = False  # an emphasis span is open at the end of the line
    closes_end: bool = False  # the line ends by closing an emphasis span
    opens_start: bool = False  # the line starts by opening an emphasis span


_RULE = regex.compile(r"[-_=—–.…]{3,}|[*\s]*", regex.V1)
# Emphasis delimiters: runs of "*", and runs of two or more "_" ("__x__"; one "_" is a letter
# of a name, a long run with spaces around it a blank to fill in).
_MARKS = regex.compile(r"\*+|_{2,}")
_HASHES = regex.compile(r"#{1,6}[ \t]+")


def _lines(text: str) -> tuple[list[_Line], bool]:
    """The physical lines of ``text``, each classified, and whether any text line has
    emphasis marks.

    One ``split`` of the whole text.  A line that starts with a letter or digit is a text
    line without looking further (most are); a text line without ``*`` or ``__`` comes out
    cleaned (:func:`_plain`), one with them with its marks (:func:`_marks`), cleaned in order
    afterwards (:func:`_emphasis`)."""
    out: list[_Line] = []
    append = out.append
    marked = False
    pos = 0
    parts = text.split("\n")
    if not parts[-1]:
        parts.pop()  # the text's last line break ends a line, it starts none
    shape_first = _rules().shape_first
    for raw in parts:
        end = pos + len(raw)
        if raw[:1].isalnum():
            if "*" not in raw and "__" not in raw and (raw[0] not in shape_first or not _prefix_end(raw)):
                # no spaces before, no heading marks, no emphasis: the line is its own run
                clean = raw.rstrip()
                append(_Line(pos, end, raw, "text", (), clean, [(pos, pos + len(clean))], [(pos, end)]))
                pos = end + 1
                continue
            kind = "text"
        else:
            kind = _kind_of(raw)
        if kind != "text":
            append(_Line(pos, end, raw, kind))
        elif "*" in raw or "__" in raw:
            marks = _marks(raw)
            marked = marked or bool(marks)
            line = _Line(pos, end, raw, kind, marks)
            if not marks:
                _plain(line, _prefix_end(raw), len(raw))
            append(line)
        else:
            line = _Line(pos, end, raw, kind)
            _plain(line, _prefix_end(raw), len(raw))
            append(line)
        pos = end + 1
    return out, marked


def _kind_of(raw: str) -> str:
    """blank, pipe (a ``|`` cell separator), rule (``-------``) or text."""
    s = raw.strip()
    if not s:
        return "blank"
    if "|" in s and not s.strip("|").strip():
        return "pipe"
    if not any(map(str.isalnum, s)) and _RULE.fullmatch(s.replace(" ", "")):
        return "rule"
    return "text"


def _is_mark(raw: str, m: regex.Match) -> bool:
    """Whether the run ``m`` is an emphasis delimiter, not a bullet ("* gạch"), a footnote
    mark ("(*)"), arithmetic ("2 * 3") or a blank to fill in ("Ký tên: ________")."""
    before = raw[m.start() - 1] if m.start() else " "
    after = raw[m.end()] if m.end() < len(raw) else " "
    run = m.group(0)
    if before == "(" and after == ")":
        return False
    if run[0] == "_":
        # "__Nghị quyết__": a letter on one side, a space or a line end on the other
        return (before.isspace() and after.isalnum()) or (after.isspace() and before.isalnum())
    if before.isspace() and after.isspace():
        # "** **" is empty emphasis, a "*" ending a line closes one ("năm 2025 *"); a lone
        # "*" between words is a product, at the start of a line a bullet
        return len(run) >= 2 or (m.end() >= len(raw.rstrip()) and bool(raw[: m.start()].strip()))
    return True


def _prefix_end(raw: str) -> int:
    """Offset after a markdown heading's ``#`` marks ("## Điều 1") or a drawing object's name
    glued to the line's start ("straight connector 2Số: …", ``[chrome] shape_names``), else 0."""
    if raw[:1] in _rules().shape_first and (shape := _rules().shape.match(raw)):
        return shape.end()
    if "#" not in raw:
        return 0
    stripped = raw.lstrip()
    m0 = _HASHES.match(stripped)
    return len(raw) - len(stripped) + m0.end() if m0 else 0


def _marks(raw: str) -> list[tuple[int, int, bool, bool]]:
    """The emphasis delimiters of a line, each with the spans it toggles: ``(start, end, bold,
    italic)``; a heading's ``#`` marks are skipped."""
    out = []
    for m in _MARKS.finditer(raw, _prefix_end(raw)):
        if _is_mark(raw, m):
            run = m.group(0)
            # "**" toggles bold, "*" italic, "***" both; "****" closes a bold span and opens
            # the next one ("**Điều 1.**** Bãi bỏ …**": the page's </b><b>), toggling nothing
            out.append((m.start(), m.end(), run[0] == "_" or len(run) // 2 % 2 == 1, run[0] == "*" and len(run) % 2 == 1))
    return out


def _unclosed(lines: list[_Line]) -> set[tuple[int, int, int]]:
    """The emphasis marks that open a span the page never closes: ``(line index, offset in
    the line, 0 for bold / 1 for italic)``.

    A span ends at a blank line or a ``|`` line at the latest; a mark still open there opens
    nothing (a page that left "**" open, a sentence cut out of a bold heading), so it is no
    signal of the block structure.  Decided on the marks alone, never on how many physical
    lines the span covers, so where a page wraps its lines does not change it.
    """
    out: set[tuple[int, int, int]] = set()
    open_at: list[tuple[int, int] | None] = [None, None]

    def close_segment() -> None:
        for kind in (0, 1):
            if open_at[kind] is not None:
                out.add((*open_at[kind], kind))
                open_at[kind] = None

    for i, ln in enumerate(lines):
        if ln.marks:
            for start, _, bold, italic in ln.marks:
                for kind, toggles in ((0, bold), (1, italic)):
                    if toggles:
                        open_at[kind] = (i, start) if open_at[kind] is None else None
        elif (ln.kind == "blank" or ln.kind == "pipe") and (open_at[0] or open_at[1]):
            close_segment()
    close_segment()
    return out


def _clean(line: _Line, state: list[int], unclosed: set[tuple[int, int]] = frozenset()) -> None:
    """Fill ``clean`` and ``keep`` (the runs between emphasis marks) and the emphasis flags.

    ``state`` is the emphasis open across lines: ``[bold, italic]``; ``unclosed`` the marks
    of this line (offset, kind) that open a span never closed (:func:`_unclosed`): they are
    removed from the text but toggle nothing.
    """
    raw = line.raw
    pos = _prefix_end(raw)
    runs: list[tuple[int, int]] = []
    was_open = bool(state[0] or state[1])
    first = True
    lead = len(raw) - len(raw.lstrip())  # the mark at ``start`` has only spaces before it: start <= lead
    tail = len(raw.rstrip())  # … only spaces after it: end >= tail
    for start, end, bold, italic in line.marks:
        if start > pos:
            runs.append((pos, start))
        bold = bold and (start, 0) not in unclosed
        italic = italic and (start, 1) not in unclosed
        if bold:
            state[0] ^= 1
        if italic:
            state[1] ^= 1
        if not (bold or italic):
            pos = end
            continue  # a mark that opens nothing: removed, no signal
        if first and start <= lead and not was_open:
            line.opens_start = True
        first = False
        if end >= tail:
            line.closes_end = not (state[0] or state[1])
        pos = end
    if pos < len(raw):
        runs.append((pos, len(raw)))
    _runs(line, runs)
    line.open_end = bool(state[0] or state[1])


def _emphasis(lines: list[_Line]) -> None:
    """Clean the lines that have emphasis marks and mark every text line inside an emphasis
    span (``open_end``), in order: a span runs on across lines, up to a blank or ``|`` line."""
    unclosed: dict[int, set[tuple[int, int]]] = {}
    for i, at, kind in _unclosed(lines):
        unclosed.setdefault(i, set()).add((at, kind))
    state = [0, 0]
    for i, ln in enumerate(lines):
        if ln.kind == "text":
            if ln.marks:
                _clean(ln, state, unclosed.get(i, frozenset()))
            else:
                ln.open_end = bool(state[0] or state[1])
        elif ln.kind in ("blank", "pipe"):
            state[:] = [0, 0]


def _plain(line: _Line, a: int, b: int) -> None:
    """``clean``, ``keep`` and ``full`` of a line that is the one run ``raw[a:b]``."""
    if a >= b:
        line.clean, line.keep, line.full = "", [], []
        return
    text = line.raw[a:b]
    clean = text.strip()
    line.clean = clean
    line.full = [(line.start + a, line.start + b)]
    if clean:
        lo = a + len(text) - len(text.lstrip())
        line.keep = [(line.start + lo, line.start + lo + len(clean))]
    else:
        line.keep = []


def _runs(line: _Line, runs: list[tuple[int, int]]) -> None:
    """``clean``, ``keep`` and ``full`` of a line made of the runs ``raw[a:b]`` (its marks
    removed): ``keep`` leaves out the spaces before and after the whole."""
    raw = line.raw
    text = "".join(raw[a:b] for a, b in runs)
    lead = len(text) - len(text.lstrip())
    body = len(text.rstrip())
    keep: list[tuple[int, int]] = []
    done = 0  # characters of ``text`` before the current run
    for a, b in runs:
        lo = a + max(0, min(b - a, lead - done))
        hi = b - max(0, min(b - a, done + (b - a) - body))
        done += b - a
        if hi > lo:
            keep.append((line.start + lo, line.start + hi))
    line.keep = keep
    line.full = [(line.start + a, line.start + b) for a, b in runs]
    line.clean = text.strip()

# --------------------------------------------------------------------------- chrome


class _Folded(dict):
    """:func:`_fold` of the lines' text, by line index, each folded when first asked for."""

    def __init__(self, lines: list[_Line]) -> None:
        super().__init__()
        self.lines = lines

    def __missing__(self, i: int) -> str:
        f = self[i] = _fold(self.lines[i].raw)
        return f


_BOX_ROW_LINES = 40  # a box drawn as rows of cells stands within the page's first lines
_AFTER_BOX = 4  # lines under the box a site's note may take
_INLINE_BOX = regex.compile(r"[ \t]*(?:[•·]|-(?=[ \t]))[ \t]*(?P<label>[^:*\n]{2,40}?)[ \t]*:[ \t]*(?P<value>[^\n]*)", regex.V1)
_CELL = regex.compile(r"[^|\t]+", regex.V1)
_BOX_PAIRS_WIDTH = 60  # characters a "label: value" pair of the box runs to


def _box_row(line: _Line, labels: dict[str, str], box: dict[str, tuple[str, int]]) -> bool:
    """A row of the metadata box drawn as cells, label and value side by side ("Số hiệu: |
    52/2018/QĐ-UBND | Ngày đăng công báo: | Đang cập nhật |", or a two-cell row without the
    colon, "| Số hiệu | 02/2025/QĐ-CTUBND |"): its values into ``box``
    (value, offset in the text).  Whether the row holds a label of the box."""
    raw = line.raw
    inline = _INLINE_BOX.match(raw)
    if inline and _fold(inline.group("label")) in labels:
        # "• Số hiệu văn bản: 10/2008/NQ-HĐND": a label and its value on one bulleted line
        value = inline.group("value").strip()
        if any(ch.isalnum() for ch in value):
            box.setdefault(labels[_fold(inline.group("label"))], (" ".join(value.split()), line.start + inline.start("value")))
        return True
    if "|" not in raw and "\t" not in raw:
        return _box_pairs(line, labels, box)
    cells = [(m.group().strip(), m.start() + len(m.group()) - len(m.group().lstrip())) for m in _CELL.finditer(raw)]
    cells = [(c, at) for c, at in cells if c]
    held = False
    for (cell, _), (value, at) in zip(cells, cells[1:]):
        label = _fold(cell).rstrip(":").strip()
        # "Số hiệu: | 52/2018/QĐ-UBND |", or a table's row "| Số hiệu | 02/2025/QĐ-CTUBND |"
        if (cell.endswith(":") or len(cells) == 2) and label in labels:
            held = True
            if not (value.endswith(":") and _fold(value).rstrip(":").strip() in labels):
                box.setdefault(labels[label], (" ".join(value.replace("*", " ").split()), line.start + at))
    return held


def _box_pairs(line: _Line, labels: dict[str, str], box: dict[str, tuple[str, int]]) -> bool:
    """A row of the box written as "label: value" pairs on one line, opening with a label
    ("Số hiệu: 5157/QĐ-UBND Loại văn bản: Quyết định", "Ngày ban hành: 30/09/2016 Ngày hiệu
    lực: Đã biết", "Tình trạng: Đã biết"): each value runs to the next label, a short one (a
    line of prose is no box's)."""
    raw = line.raw
    found = list(_rules().box_pairs.finditer(raw))
    if not found or raw[: found[0].start()].strip(" \t*_") or len(raw) - found[0].start() > _BOX_PAIRS_WIDTH * len(found):
        return False
    held = False
    for m, nxt in zip(found, [*found[1:], None]):
        value = raw[m.end() : nxt.start() if nxt else len(raw)]
        if any(ch.isalnum() for ch in value):
            at = m.end() + len(value) - len(value.lstrip())
            box.setdefault(labels[_fold(m.group("label"))], (" ".join(value.replace("*", " ").split()), line.start + at))
            held = True
    return held  # (a label alone, "Tình trạng:", has its value on the next line: read there)


def _chrome(text: str, lines: list[_Line]) -> tuple[int, int, Chrome]:
    """Index of the document's first and last line (exclusive) and the chrome."""
    r = _rules()
    box: dict[str, tuple[str, int]] = {}
    first = 0
    folded = _Folded(lines)
    # the metadata box: labels near the top, each followed by its value
    last_box = -1
    scan = []
    for i, ln in enumerate(lines):
        if ln.start >= 12000:
            break
        if ln.kind == "text":
            scan.append(i)
    for n, i in enumerate(scan):
        if n < _BOX_ROW_LINES and _box_row(lines[i], r.box_labels, box):
            last_box = max(last_box, i)  # "Số hiệu: | 52/2018/QĐ-UBND | Loại văn bản: | Quyết định |"
            continue
        if ":" not in lines[i].raw:
            continue  # a label ends with its colon
        label = folded[i].rstrip(":").strip()
        if folded[i].endswith(":") and label in r.box_labels:
            value_i = next((j for j in scan[n + 1 : n + 3] if not folded[j].endswith(":") or folded[j].rstrip(":") not in r.box_labels), None)
            if value_i is not None:
                name = r.box_labels[label]
                box.setdefault(name, (" ".join(lines[value_i].raw.replace("*", " ").split()), lines[value_i].start))
                last_box = max(last_box, value_i)
    if last_box >= 0:
        first = last_box + 1
        # a site's note right under its box ("Caselaw Việt Nam: “Kể từ ngày …, Nghị quyết số …
        # bị bãi bỏ, thay thế bởi …”"): chrome too
        for i in (j for j in scan if first <= j < first + _AFTER_BOX):
            if any(p in folded[i] for p in r.start_phrases):
                first = i + 1
    elif scan and _may_hold(text, lines[scan[0]].start, lines[scan[:60][-1]].end, r.start_keys):
        for i in scan[:60]:
            if any(p in folded[i] for p in r.start_phrases):
                first = i + 1
    if last_box < 0 and r.start_lines is not None:
        # "- 1Luật Ngân sách Nhà nước 2002": a site's list of related documents before the header
        for i in scan[:60]:
            if r.start_lines.match(lines[i].raw.strip()):
                first = max(first, i + 1)
    last = _end(lines, first, folded)
    spans = []
    if first > 0:
        spans.append((0, lines[first - 1].end if first - 1 < len(lines) else len(text)))
    if last < len(lines):
        spans.append((lines[last].start, len(text)))
    return first, last, Chrome(box=box, spans=tuple(spans))


def _may_hold(text: str, start: int, end: int, keys: tuple[str, ...]) -> bool:
    """Whether a line of ``text[start:end]`` may hold, folded, a phrase of one of ``keys``
    (each phrase's longest word, folded): a phrase in a line's fold has each of its words in
    the line's case-folded text, so a text whose case-folded form holds no key holds none
    of the phrases, and is not read line by line."""
    hay = text[start:end].casefold()
    return any(k in hay for k in keys)


def _bold_alone(raw: str) -> bool:
    """Whether the line is one bold span and nothing else ("**Địa chỉ:**")."""
    s = raw.strip()
    return len(s) > 4 and s.startswith("**") and s.endswith("**") and "**" not in s[2:-2]


def _end(lines: list[_Line], first: int, folded: _Folded) -> int:
    """Index of the first line of the site's matter after the document (an end line), or
    the number of lines.  A line is folded only when its first three characters (letters or
    digits) or its first one (neither a space nor a star), case-folded, begin some end line:
    the line's fold begins with them."""
    r = _rules()
    for i in range(first, len(lines)):
        ln = lines[i]
        if ln.kind != "text":
            continue
        c = ln.raw[:3]
        if not c.isalnum():
            c = ln.raw[:1]
        if c != "*" and not c.isspace() and c.casefold() not in r.end_heads:
            continue
        f = folded[i]
        if f in r.end_lines:
            if f in r.end_lines_bold and not _bold_alone(ln.raw):
                continue
            if f in r.headline_before:
                prev = next((j for j in range(i - 1, first, -1) if lines[j].kind == "text"), None)
                if prev is not None:
                    return prev
            return i
    return len(lines)


# --------------------------------------------------------------------------- joining


def _starts_lower(s: str) -> bool:
    for ch in s:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit() or ch in "(\"“'[":
            return False
    return False


def _is_caps(s: str) -> bool:
    """Whether the letters of ``s`` (two at least) are all capitals; a small letter among
    the first few (most lines) answers without reading the rest."""
    if not all(map(str.isupper, filter(str.isalpha, s[:16]))):
        return False
    letters = "".join(filter(str.isalpha, s))
    return len(letters) >= 2 and all(map(str.isupper, letters))


def _wrap_counts(lines: list[_Line]) -> tuple[int, int, int]:
    """``(text_lines, open, inside)``: the text lines (not table rows, whose cells are
    TAB-separated and never wrapped), the line breaks between two text lines after a line
    that does not end its sentence, and those of them that fall inside a sentence (before a
    word that cannot start a block: lower case, a number that is no item marker; or inside
    an emphasis span)."""
    r = _rules()
    count = pairs = inside = 0
    prev: _Line | None = None
    for ln in lines:
        if ln.kind != "text" or "\t" in ln.raw:
            prev = None
            continue
        count += 1
        if prev is not None and not prev.clean.endswith(r.terminal):
            pairs += 1
            n = ln.clean
            if prev.open_end or (not r.marker.match(n) and (_starts_lower(n) or n[:1].isdigit())):
                inside += 1
        prev = ln
    return count, pairs, inside


def _wrapped(lines: list[_Line]) -> bool:
    """Whether the text is wrapped anywhere: the page has tables flattened into ``|`` cell
    lines, which only a saved web page has, or its line breaks inside sentences are many
    both among the breaks after an unfinished line (``wrapped_share``) and among all its
    lines (``wrapped_line_share``), at least ``wrapped_min_breaks`` of them.  The second
    share keeps a line-per-paragraph text, whose lines mostly end their sentences, from
    turning wrapped over a few stray breaks (3 in seed 003's 81 lines)."""
    r = _rules()
    if sum(1 for ln in lines if ln.kind == "pipe") >= r.pipe_lines:
        return True
    count, pairs, inside = _wrap_counts(lines)
    return (inside >= r.wrapped_min_breaks and inside / pairs >= r.wrapped_share
            and inside / count >= r.wrapped_line_share)


def _full_width(lines: list[_Line]) -> int:
    """The length of a full line of a text layer: the median of the lines that a lower-case
    line goes on (a paragraph broken at the page's width); on a page with few of them, its
    longest lines' (the ``full_line_share`` quantile of every text line)."""
    r = _rules()
    text = [b for b in lines if b.kind == "text" and "\t" not in b.raw]
    full = sorted(len(b.raw.rstrip()) for b, c in zip(text, text[1:]) if _starts_lower(c.clean))
    if len(full) >= r.full_line_samples:
        return full[len(full) // 2]
    every = sorted(len(b.raw.rstrip()) for b in text)
    return every[min(len(every) - 1, int(len(every) * r.full_line_share))] if every else 0


def _first_limit(lines: list[_Line]) -> int:
    """The longest a paragraph's first line runs (with a slack) on a page whose source wraps
    first lines shorter than the lines inside a paragraph (see ``first_line_gap`` in the
    layout table), or 0 when the page does not show that.  First lines are the lines with a marker that
    the next line continues in lower case; inside lines, those between two lines that
    continue in lower case."""
    r = _rules()
    firsts: list[int] = []
    inside: list[int] = []
    for a, b, c in zip([None, *lines], lines, lines[1:]):
        if b.kind != "text" or c.kind != "text" or not _starts_lower(c.clean):
            continue
        if a is not None and a.kind == "text" and _starts_lower(b.clean):
            inside.append(len(b.raw.rstrip()))
        elif r.marker.match(b.clean) and not b.clean.endswith(r.terminal):
            firsts.append(len(b.raw.rstrip()))
    if len(firsts) < r.first_line_samples or len(inside) < r.first_line_samples:
        return 0
    firsts.sort()
    inside.sort()
    limit = firsts[min(len(firsts) - 1, int(len(firsts) * r.first_line_share))] + r.first_line_slack
    return limit if inside[len(inside) // 2] - limit >= r.first_line_gap else 0


def _blank_paragraphs(lines: list[_Line]) -> bool:
    """Whether the text ends its paragraphs with a blank line (a saved web page, a markdown
    file): then a single line break is a wrap even before a capital ("b) Thống kê tỉnh:" /
    "Phối hợp …"); a PDF text layer or a line-per-paragraph text has no such blank lines."""
    r = _rules()
    ends = blanks = 0
    for ln, nxt in zip(lines, lines[1:]):
        if ln.kind == "text" and ln.clean.endswith(r.paragraph_ends):
            ends += 1
            blanks += nxt.kind == "blank"
    return bool(ends) and blanks / ends >= r.blank_share


def _last_words(s: str) -> tuple[str, ...]:
    """The last word of ``s`` and its last two words, case-folded ("tại Phụ lục" gives
    ``("lục", "phụ lục")``), for the table's one- and two-word entries ("khoản", "giai
    đoạn"); empty when ``s`` does not end with a word."""
    m = regex.search(r"(\p{L}+(?:\s+\p{L}+)?)\W*$", s, regex.V1)
    if not m:
        return ()
    words = m.group(1).casefold().split()
    return words[-1], " ".join(words)


class _Joined:
    """The block being joined, as much of it as the joining rules read: its beginning (a
    marker, a label, a type line are short), its word count, whether its letters are all
    capitals.  The count and the capitals are read only when a rule asks (most breaks are
    decided before), each line at most once, so joining a long paragraph stays linear."""

    HEAD = 200  # characters: longer than any marker, label or type line

    __slots__ = ("head", "whole", "lines", "_words", "_counted", "_letters", "_upper", "_read")

    def __init__(self, line: str = "") -> None:
        self.head, self.whole, self.lines = "", True, []
        self._words = self._counted = self._letters = self._read = 0
        self._upper = True
        if line:
            self.add(line)

    def add(self, line: str) -> None:
        if self.whole:
            head = f"{self.head} {line}" if self.head else line
            self.whole = len(head) <= self.HEAD
            self.head = head[: self.HEAD]
        self.lines.append(line)

    @property
    def words(self) -> int:
        """The block's word count."""
        lines = self.lines
        for k in range(self._counted, len(lines)):
            self._words += len(lines[k].split())
        self._counted = len(lines)
        return self._words

    @property
    def caps(self) -> bool:
        """:func:`_is_caps` of the whole block (once a line has a small letter, the lines
        after it are not read)."""
        lines = self.lines
        if self._upper:
            for k in range(self._read, len(lines)):
                letters = "".join(filter(str.isalpha, lines[k]))
                self._letters += len(letters)
                if not all(map(str.isupper, letters)):
                    self._upper = False
                    break
            self._read = len(lines)
        return self._letters >= 2 and self._upper

    @property
    def text(self) -> str | None:
        """The whole block when it is short, else None."""
        return self.head if self.whole else None




def _soft(block: _Joined, prev: _Line, nxt: _Line, wrapped: bool, blank_paras: bool = False,
          first_limit: int = 0, full_width: int = 0) -> bool:
    """Whether the line break between ``prev`` (ending ``block``) and ``nxt`` is soft;
    ``first_limit`` is :func:`_first_limit` of the page, ``full_width`` :func:`_full_width`
    of a text layer."""
    r = _rules()
    p, n = prev.clean, nxt.clean
    if "\t" in prev.raw or "\t" in nxt.raw:
        return False  # a table row (a .docx or pipe table read as TAB-separated cells)
    if block.text is not None and r.bare_marker.fullmatch(block.text):
        return True  # "1." / "Sở Nông nghiệp và Môi trường"; "**Điều" / "1.**"
    if r.symbol_rest.match(n) and not p.endswith(r.terminal):
        return True  # "Số: 06" / "/CĐ-UBND"
    if (full_width and len(prev.raw.rstrip()) < full_width * r.short_line and not _starts_lower(n)
            and not (p.endswith(":") and block.words <= r.label_words)):
        return False  # a text layer's line well short of the page's width ends its paragraph (not a label's: "Số:")
    if not wrapped and not p.endswith(":"):
        if not _starts_lower(n):
            return False  # what follows would say so too: neither a label's value nor lower case
        marker = r.marker.match(n)
        if marker:
            return False  # … nor a line without a marker ("a) Sở …" starts in lower case)
    else:
        marker = r.marker.match(n)
    # a numbered heading in capitals that goes on in capitals ("**V. CHẾ ĐỘ" / "BÁO CÁO**",
    # "V. CHẾ ĐỘ" / "BÁO CÁO" on a page without emphasis) is not followed by a type line,
    # whatever words its second line holds; an emphasis closed between them still ends it
    heading_goes_on = r.marker.match(block.head) and block.caps and _is_caps(n)
    if ((block.text in r.type_lines or (n[:1] in r.type_initials and " ".join(n.split()) in r.type_lines))
            and not heading_goes_on):
        return False  # the type line
    if r.block_start.match(n):
        return False  # the number line, the place-date line
    if (not marker and p.endswith(":") and block.words <= r.label_words
            and not block.caps and not r.marker.match(block.head)):
        return True  # "Số:" / "87/2025/QĐ-UBND", "Đơn vị chủ trì:" / "Sở Tư pháp."
    if not wrapped:
        return _starts_lower(n) and not marker
    if not marker and not prev.closes_end and r.list_colon.search(p) and not _is_caps(n):
        return True  # "Giám đốc các Sở:" / "Tài chính, Nội vụ; Chủ tịch …"
    ends = p.endswith(r.terminal)
    if prev.open_end and not (ends and (marker or not _starts_lower(n))):
        return True  # inside one emphasis span ("**IV. NHIỆM" / "VỤ CỤ THỂ**")
    if marker:
        if ((r.numeric_marker.match(n) or r.roman_marker.match(n)) and not ends
                and not r.number_words.isdisjoint(_last_words(p))):
            return True  # "theo khoản" / "2 Điều 9", "đến cấp" / "V. Chi tiết …"
        if r.dash_marker.match(n) and not ends and not prev.closes_end:
            rest = n[r.dash_marker.match(n).end():]
            if _starts_lower(rest) or (rest[:1].isdigit()):
                return True  # "kinh tế" / "- xã hội", "2026" / "- 2028"
        return False
    if _starts_lower(n) or (not ends and n[:1].isdigit()):
        return True  # "… và số*" / "*92/2017/NĐ-CP …": a number that is no marker goes on
    if (blank_paras and p.endswith(":") and not block.caps and not r.openers.match(n)
            and not _is_caps(n)):
        return True  # a page that ends paragraphs with a blank line: "b) Thống kê tỉnh:" / "Phối hợp …"
    if (first_limit and len(nxt.raw.rstrip()) > first_limit and not prev.closes_end
            and not nxt.opens_start and not _is_caps(n) and not r.openers.match(n)):
        return True  # longer than a first line: "… thành phố Hải Phòng;" / "Quyết định số …"
    if ends:
        return False
    if prev.closes_end or nxt.opens_start:
        return False
    if _is_caps(p) != _is_caps(n) and (len(n.split()) >= 2 or (_is_caps(p) and n[:1].isupper() and n.isalpha())):
        return False  # the title / the preamble; a heading / its body (its first word wrapped alone: "Căn" / "cứ Luật …")
    if (r.roman_marker.match(block.head) and not block.caps and block.text is not None and 3 <= block.words <= r.short_heading
            and not p.endswith(",") and _last_words(p)[:1] not in r.joining_last):
        # "I. Nhiệm vụ chung" / "Ban Chỉ huy …": a short Roman heading in lower case ends
        # where the next line starts in capitals (a wrapped line runs near the page's width)
        return False
    if r.openers.match(n):
        return False
    return True


# --------------------------------------------------------------------------- build


class _Writer:
    """Accumulates the logical text, its offset runs and its blocks (one a line)."""

    def __init__(self, source: str):
        self.source = source
        self.parts: list[str] = []
        self.length = 0
        self.lpos: list[int] = []
        self.spos: list[int] = []
        self.line_start = 0
        self.starts: list[int] = []  # logical offset of every line start
        self.rows: set[int] = set()  # line starts of table rows

    def run(self, a: int, b: int) -> None:
        """Copy ``source[a:b]``."""
        if b <= a:
            return
        if not (self.lpos and self.spos[-1] + (self.length - self.lpos[-1]) == a):
            self.lpos.append(self.length)
            self.spos.append(a)
        self.parts.append(self.source[a:b])
        self.length += b - a

    def sep(self, ch: str, at: int) -> None:
        """Write ``ch`` in place of the source character at ``at`` (a line break, a pipe)."""
        self.lpos.append(self.length)
        self.spos.append(at)
        self.parts.append(ch)
        self.length += 1
        self.lpos.append(self.length)
        self.spos.append(at + 1)

    @property
    def open(self) -> bool:
        """The current line has text."""
        return self.length > self.line_start

    def newline(self, at: int) -> None:
        """End the current line (if it has text) with a line break standing for ``at``."""
        if self.open:
            self.starts.append(self.line_start)
            self.sep("\n", at)
            self.line_start = self.length

    def verbatim(self, line: "_Line") -> None:
        """Keep a blank or rule line of a line-per-paragraph text as it is."""
        if line.kind == "rule":
            self.newline(line.start)
            self.run(line.start, line.end)
        else:
            self.newline(line.start)
            self.sep("\n", line.start)
            self.line_start = self.length

    def text(self) -> str:
        return "".join(self.parts)

    def blocks(self) -> tuple[Block, ...]:
        text = self.text()
        starts = self.starts + ([self.line_start] if self.open else [])
        out = []
        path = _Path()
        for s in starts:
            e = text.find("\n", s)
            e = len(text) if e == -1 else e
            if e > s:
                kind = "row" if s in self.rows else _kind(text[s:e])
                out.append(Block(kind, s, e, path.step(text[s:e]) if kind != "row" else path.here()))
        return tuple(out)


class _Path:
    """The numbering path of consecutive blocks: each marker replaces the ones of its level
    and below ("II." drops "1." and "a)"; "Điều 3." starts a new article)."""

    # the levels' markers, tried in this order at a block's start: one alternation, one match
    # a block; the named group says the level and holds the marker's label (a dash has none)
    _LEVEL = r"""(?:PHẦN|Phần|CHƯƠNG|Chương)\s+(?P<part>[IVXLC]+|\d+)\b
        |(?P<article>Điều\s+\d+)\s*[.:]
        |(?P<roman>{roman})\s*[.)]\s
        |(?P<number>{number}(?:\.\p{Ll}(?=\s*[.)]))?)\s*[.)](?!\d)
        |(?P<letter>{letter})\s*\)
        |(?P<dash>{dash})\s*(?=\S)"""
    # articles sit where Roman sections would
    _DEPTH = {"part": 0, "article": 2, "roman": 2, "number": 3, "letter": 4}

    def __init__(self) -> None:
        self.stack: list[tuple[int, str]] = []
        self.dashes = 0
        self.path = ""

    def here(self) -> str:
        return self.path

    def step(self, line: str) -> str:
        m = marker_regex(self._LEVEL, regex.V1 | regex.VERBOSE).match(line)
        if not m:
            return self.path
        name = m.lastgroup
        if name == "dash":
            self.dashes += 1
            return _join(self.path, f"-{self.dashes}")
        level = self._DEPTH[name]
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        self.stack.append((level, m.group(name)))
        self.dashes = 0
        self.path = ".".join(label for _, label in self.stack)
        return self.path


def _join(*parts: str) -> str:
    return ".".join(p for p in parts if p)


def build_layout(text: str, *, wrapped: bool | None = None, text_layer: bool = False) -> Layout:
    """The logical blocks of a normalized text (see the module docstring).

    Args:
        text: the file's normalized text (:func:`loaders.normalize.normalize_text`).
        wrapped: whether lines are wrapped anywhere (a saved web page, a PDF text layer) or
            are whole paragraphs (plain text, .docx); measured on the text when None.
        text_layer: the text is a PDF's text layer: every paragraph is broken at the page's
            width, even where few lines show it (a page of short items and labels), so its
            lines are wrapped, and a line well short of the width ends its paragraph (a
            heading, a paragraph's last line: ``[join] short_line``).

    Returns:
        The :class:`Layout`; its ``text`` is ``text`` itself when nothing needed changing.
    """
    with _no_collection():
        return _build(text, True if text_layer else wrapped, text_layer)


@contextlib.contextmanager
def _no_collection():
    """The cyclic garbage collector paused: the stage makes a few objects a line and no
    cycles, all freed by reference counting, but the collector's passes over a long
    document's lines cost a quarter of the stage on a 20 MB document."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _justified(lines: list[_Line]) -> None:
    """Read the gaps of a justified line as one space each (``[join] justified_gap``): the runs
    of ``keep`` and ``full`` leave out every space of a gap but its first."""
    r = _rules()
    for ln in lines:
        if ln.kind != "text" or "  " not in ln.clean:
            continue
        gaps = [m.span() for m in r.justified_gap.finditer(ln.raw)]
        if len(gaps) < r.justified_gaps:
            continue
        skip = [(ln.start + a + 1, ln.start + b) for a, b in gaps]  # source spans left out
        ln.keep, ln.full = _without(ln.keep, skip), _without(ln.full, skip)
        ln.clean = "".join(ln.raw[a - ln.start : b - ln.start] for a, b in ln.keep)


def _without(runs, skip: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Source runs with the spans of ``skip`` (sorted, apart) cut out."""
    out = []
    for a, b in runs:
        for s, e in skip:
            if e <= a or s >= b:
                continue
            if s > a:
                out.append((a, s))
            a = max(a, e)
        if a < b:
            out.append((a, b))
    return out


def _page_furniture(lines: list[_Line]) -> list[_Line]:
    """The lines without a converted PDF's page markers (``[chrome] page_marker``), the page
    number after each and the blank lines around them: "… hạ tầng kỹ thuật" / "" / "## Trang 8"
    / "" / "8" / "nghề gắn với …" is one paragraph again."""
    r = _rules()
    marks = [i for i, ln in enumerate(lines) if ln.kind == "text" and r.page_marker.fullmatch(ln.raw)]
    if len(marks) < r.page_markers_min:
        marks = []
    marks += _page_numbers(lines)
    if not marks:
        return lines
    drop: set[int] = set()
    for i in marks:
        drop.add(i)
        j = i - 1
        while j >= 0 and lines[j].kind == "blank":
            drop.add(j)
            j -= 1
        j = i + 1
        while j < len(lines) and lines[j].kind == "blank":
            drop.add(j)
            j += 1
        if j < len(lines) and lines[j].kind == "text" and r.page_number.fullmatch(lines[j].raw):
            drop.add(j)
    return [ln for i, ln in enumerate(lines) if i not in drop]


def _plain_line(start: int, raw: str) -> _Line:
    """A line without emphasis at ``start`` of the source, classified and cleaned as
    :func:`_lines` does."""
    line = _Line(start, start + len(raw), raw, _kind_of(raw))
    if line.kind == "text":
        _plain(line, _prefix_end(raw), len(raw))
    return line


def _splittable(line: _Line) -> bool:
    """A text line that is one run of the source (no emphasis): it can be cut anywhere."""
    return line.kind == "text" and not line.marks and len(line.keep) == 1


# a section's marker right after an attached paper's type line in a breadcrumb, and a line's
# own numbered marker and its first child glued after it ("3. Giải quyết … 3.1. Rà soát …",
# "1. Tăng cường … tiến bộ 1.1." / "Tổ chức nghiên cứu …")
_SECTION_AFTER = r"{roman}\.\s|Điều\s+\d"
_OWN_NUMBER = r"[ \t]*({number})\.[ \t]"


def _breadcrumbs(lines: list[_Line]) -> list[_Line]:
    """The lines without a crawl's breadcrumb (``[chrome] breadcrumb``): the document's name
    repeated at the start of its articles' and sections' lines, then the attached paper's type
    line ("CHƯƠNG TRÌNH HÀNH ĐỘNG.") dropped before a section's marker and made a line of its
    own before the paper's title."""
    r = _rules()
    found = [(i, m.group()) for i, ln in enumerate(lines)
             if ln.kind == "text" and (m := r.breadcrumb.match(ln.raw))]
    counts = collections.Counter(crumb.rstrip() for _, crumb in found)
    if not counts or counts.most_common(1)[0][1] < r.breadcrumb_min:
        return lines
    crumb = counts.most_common(1)[0][0]
    at = {i: len(c) for i, c in found if c.rstrip() == crumb}
    out: list[_Line] = []
    for i, ln in enumerate(lines):
        if i not in at or not _splittable(ln):
            out.append(ln)
            continue
        rest_at = at[i]
        rest = ln.raw[rest_at:]
        m = regex.match(r"(?P<type>[^\S\n]*\p{Lu}[\p{Lu}\s]+?)\.[ \t]+", rest, regex.V1)
        if m and " ".join(m.group("type").split()) in r.type_lines:
            after = rest[m.end():]
            if marker_regex(_SECTION_AFTER).match(after):
                rest_at += m.end()  # "CHƯƠNG TRÌNH HÀNH ĐỘNG. II. …": the section's own line
            else:
                out.append(_plain_line(ln.start + rest_at, m.group("type").strip()))
                rest_at += m.end()  # "CHƯƠNG TRÌNH HÀNH ĐỘNG. TRIỂN KHAI …": type line, then title
        out.append(_plain_line(ln.start + rest_at, ln.raw[rest_at:]))
    return out


def _glued_children(lines: list[_Line]) -> list[_Line]:
    """Lines cut where a numbered line's first child marker was glued to it ("3. Giải quyết
    tốt tranh chấp lao động 3.1. Rà soát …" -> two items; "… tiến bộ 1.1." / "Tổ chức …" -> the
    marker opens the next line's item)."""
    out: list[_Line] = []
    for ln in lines:
        m = marker_regex(_OWN_NUMBER).match(ln.raw) if _splittable(ln) else None
        if m is None:
            out.append(ln)
            continue
        child = regex.search(rf"[ \t]({regex.escape(m.group(1))}\.1\.)(?=[ \t]+\p{{Lu}}|[ \t]*$)", ln.raw[m.end():],
                             regex.V1)
        if child is None:
            out.append(ln)
            continue
        cut = m.end() + child.start(1)
        out.append(_plain_line(ln.start, ln.raw[:cut].rstrip()))
        out.append(_plain_line(ln.start + cut, ln.raw[cut:]))
    return out


def _page_numbers(lines: list[_Line]) -> list[int]:
    """Indexes of a converted PDF's page numbers: lines holding a number alone, no table's
    pipe line next to them, whose numbers go up by one over ``[chrome] page_numbers_min`` such
    lines at least ("2" … "12", then "2" … "18" in an appendix counting its pages again)."""
    def near(i: int, step: int) -> _Line | None:
        i += step
        while 0 <= i < len(lines) and lines[i].kind == "blank":
            i += step
        return lines[i] if 0 <= i < len(lines) else None

    found = []
    for i, ln in enumerate(lines):
        s = ln.raw.strip()
        if ln.kind == "text" and s.isdigit() and len(s) <= 3:
            around = (near(i, -1), near(i, 1))
            if not any(x is not None and x.kind == "pipe" for x in around):
                found.append((i, int(s)))
    out: list[int] = []
    run: list[int] = []
    last = None
    for i, n in found:
        if last is not None and n == last + 1:
            run.append(i)
        else:
            if len(run) >= _rules().page_numbers_min:
                out += run
            run = [i]
        last = n
    if len(run) >= _rules().page_numbers_min:
        out += run
    return out


def _build(text: str, wrapped: bool | None, text_layer: bool = False) -> Layout:
    """:func:`build_layout`."""
    lines, marked = _lines(text)
    if marked:
        _emphasis(lines)
    lines = _glued_children(_breadcrumbs(_page_furniture(lines)))
    first, last, chrome = _chrome(text, lines)
    body = lines[first:last]
    if wrapped is None:
        wrapped = _wrapped(body)
    if wrapped:
        _justified(body)  # (a text layer's lines; a text of whole lines keeps its spaces as written)
    w = _Writer(text)
    _emit(body, w, wrapped, after_chrome=first > 0, blank_paras=_blank_paragraphs(body),
          first_limit=_first_limit(body) if wrapped else 0, full_width=_full_width(body) if text_layer else 0)
    if not wrapped and body and body[-1].end < len(text) and w.open:
        w.newline(body[-1].end)  # the last line's own line break
    logical = w.text()
    if logical == text:
        return Layout(text=text, source=text, blocks=w.blocks(), chrome=chrome, wrapped=wrapped)
    return Layout(text=logical, source=text, blocks=w.blocks(), chrome=chrome, wrapped=wrapped,
                  _lpos=tuple(w.lpos), _spos=tuple(w.spos))


def _kind(s: str) -> str:
    r = _rules()
    if r.label.match(s):
        return "label"
    if r.marker.match(s):
        return "item"
    if _is_caps(s):
        return "caps"
    return "paragraph"


def _emit(lines: list[_Line], w: _Writer, wrapped: bool, *, after_chrome: bool = False,
          blank_paras: bool = False, first_limit: int = 0, full_width: int = 0) -> None:
    """Write the blocks of ``lines``: paragraphs joined, tables as rows, one block a line.

    A line-per-paragraph text keeps its blank and rule lines as they are (so a plain text
    with nothing to change comes back unchanged), but for the blank lines between the site
    chrome and the document; a wrapped text drops them.
    """
    block = _Joined()
    prev: _Line | None = None
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.kind == "pipe":
            w.newline(ln.start)
            i = _table(lines, i, w)
            prev, block = None, _Joined()
            continue
        i += 1
        if wrapped and ln.kind == "blank" and _blank_inside(lines, i - 1, prev):
            # "… của Luật Ban hành văn bản" / "" / "quy phạm pháp luật số 87/2025/QH15;" (a text of
            # whole lines keeps its blank lines as written: its sentence runs on over them)
            continue
        if ln.kind in ("blank", "rule"):
            prev, block = None, _Joined()
            if not wrapped and not (after_chrome and not w.length):
                w.verbatim(ln)
            continue
        if not ln.keep:
            continue
        if prev is not None and _soft(block, prev, ln, wrapped, blank_paras, first_limit, full_width):
            w.sep(" ", prev.end)
            block.add(ln.clean)
        else:
            w.newline(ln.start - 1 if ln.start else 0)
            block = _Joined(ln.clean)
        # a table row keeps its TABs, empty cells at the ends included ("VĂN PHÒNG\t\t\t"
        # heads a unit's rows): they are its structure, not spaces around a wrapped line
        for a, b in (ln.keep if wrapped and "\t" not in ln.raw else ln.full):
            w.run(a, b)
        prev = ln


def _blank_inside(lines: list[_Line], i: int, prev: _Line | None) -> bool:
    """Whether the blank line ``i`` lies inside a sentence, as a converted PDF leaves one: the
    line before ends without a sentence's end, the next text line opens in lower case with no
    list marker ("a)")."""
    if prev is None or not prev.clean or prev.clean[-1] in ".;:!?…" or "\t" in prev.raw:
        return False
    j = i + 1
    while j < len(lines) and lines[j].kind == "blank":
        j += 1
    if j >= len(lines) or lines[j].kind != "text" or not lines[j].clean:
        return False
    nxt = lines[j].clean
    return _starts_lower(nxt) and not _rules().marker.match(nxt)


def _empty_cells(lines: list[_Line], i: int, count: int, ncols: int) -> int:
    """How many empty cells the pipes from line ``i`` (the second of a run) hold, the row
    having ``count`` cells: two pipes end a row and also hold an empty cell, so a run of pipes
    is read as empty cells only where the row then has the header's ``ncols`` columns: at the
    end of the run (the run's last pipe ends the row), or with the text cells after it up to
    the next two pipes.  0 otherwise: a row shorter than the header (a cell merged over rows)
    ends at the first two pipes, as it always did."""
    run = 0
    while i + run < len(lines) and lines[i + run].kind == "pipe":
        run += 1
    if count < ncols and count + run - 1 == ncols:
        return run - 1  # "I | Hoàn thiện thể chế | | | |": the row ends at the run's last pipe
    texts, j, inside = 0, i + run, False
    while j < len(lines) and j < i + run + _CELL_LINES * ncols:
        kind = lines[j].kind
        if kind == "blank":
            return 0
        if kind == "pipe":
            if not inside:
                break  # two pipes: the row ends
            inside = False
        elif kind == "text" and not inside:
            texts, inside = texts + 1, True
        j += 1
    return run if count + run + texts == ncols else 0


def _cell_closed(lines: list[_Line], i: int) -> bool:
    """Whether a pipe line closes the cell starting at line ``i`` before a blank line, within
    ``_CELL_LINES`` lines: a page that ends each cell of its header with a pipe and no row
    ends ("Số:" / "33/2009/QĐ-UBND" / "|" / "Mỹ" / "Tho, ngày 24 tháng 12 năm 2009" / "|" /
    "QUYẾT ĐỊNH" / …) has its document after the last pipe, not in a cell."""
    for ln in lines[i : i + _CELL_LINES]:
        if ln.kind == "pipe":
            return True
        if ln.kind == "blank":
            return False
    return False


_CELL_LINES = 12  # lines of one table cell at most


def _table(lines: list[_Line], i: int, w: _Writer) -> int:
    """Write the ``|``-cell table starting at line ``i`` (a pipe line) as rows, cells
    tab-separated; returns the index of the first line after it.

    Cells are the lines between pipe lines; two pipe lines in a row end a row.  A blank line
    after a pipe, or a text line after a row as wide as the first row, ends the table.
    """
    cells: list[list[_Line] | int] = []
    cur: list[_Line] = []
    ncols: int | None = None
    pipes = 0

    def flush(at: int) -> None:
        # (an empty cell inside a row is an int, its pipe's offset: the row keeps its columns)
        row = cells[:]
        while row and isinstance(row[-1], int):
            row.pop()
        cells.clear()
        if not row:
            return
        w.newline(at)
        w.rows.add(w.line_start)
        for k, cell in enumerate(row):
            if isinstance(cell, int):
                w.sep("\t", cell)
                continue
            if k:
                w.sep("\t", cell[0].start - 1 if cell[0].start else 0)
            for j, x in enumerate(cell):
                if j:
                    w.sep(" ", x.start - 1)
                for a, b in x.keep:
                    w.run(a, b)
        w.newline(at)

    while i < len(lines):
        ln = lines[i]
        if ln.kind == "pipe":
            if cur:
                cells.append(cur)
                cur = []
            pipes += 1
            if pipes >= 2:
                if ncols is None:
                    ncols = len([c for c in cells if c]) or None
                else:
                    empties = _empty_cells(lines, i, len(cells), ncols)
                    if empties:
                        # empty cells inside a row ("Sở Tài chính" / "|" / "|" / "Năm 2026", a
                        # group row "I" / "Hoàn thiện thể chế" / "|" / "|" / "|"): the row keeps
                        # the header's columns; a row that fills them ends at the next pipe
                        cells.extend(lines[i + k].start for k in range(empties))
                        i += empties
                        if i >= len(lines):
                            # the page ends in the run of pipes: the row ends with it
                            flush(lines[-1].start)
                            return i
                        if len(cells) >= ncols:
                            flush(lines[i].start)  # (line i: the run's last pipe)
                            i += 1
                        pipes = 1
                        continue
                flush(ln.start)
                pipes = 1
            i += 1
            continue
        if ln.kind == "blank" and pipes:
            break  # a blank line after a pipe ends the table
        if ln.kind != "text" or not ln.keep:
            i += 1
            continue
        if pipes and not cur and ncols is not None and len(cells) >= ncols:
            break  # a full row is closed: what follows is not in the table
        if pipes and not cur and ncols is None and not _cell_closed(lines, i):
            # before any row has ended, no pipe closes the lines after the last one: they are
            # no cell (the end of a header whose every cell a pipe closes)
            break
        pipes = 0
        cur.append(ln)
        i += 1
    if cur:
        cells.append(cur)
    flush(lines[i - 1].end if i else 0)
    return i
