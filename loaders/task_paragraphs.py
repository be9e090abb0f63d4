"""The paragraph model of the task layouts: a document's text as :class:`Paragraph` items
with their markers (Roman, number, letter, dash, label, table row, plain), with the lines a
PDF text layer wrapped or a page break split joined back (:func:`split_paragraphs`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex
from graph.vocab import table_cache

from loaders.rules import load_table
from loaders.task_rules import task_rules

__all__ = ["Paragraph", "split_paragraphs"]

_TERMINAL = ".;:!?…"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the text: ``text[start:end]`` with the lines a page break split
    joined back; ``kind`` is roman, number, letter, dash, label, table, plain."""

    start: int
    end: int
    kind: str
    label: str = ""
    body: int = 0  # offset where the text after the marker starts
    gap: int = 0  # newlines between this paragraph and the previous one


def _lines(text: str):
    """(start, end) of each non-empty line, stripped, with the newlines before it, and
    whether it is a table row (two TABs, or one inside it).  One ``split`` of the text."""
    pos = 0
    newlines = 0
    for line in text.split("\n"):
        core = line.lstrip(" \t\u00a0\ufeff")
        s = pos + len(line) - len(core)
        core = core.rstrip(" \t\r\u00a0")
        if core:
            yield s, s + len(core), newlines, "\t" in line and (line.count("\t") >= 2 or "\t" in core)
            newlines = 0
        newlines += 1
        pos += len(line) + 1


@table_cache
def _markers() -> regex.Pattern | None:
    """The four markers of ``tasks.toml [markers]`` (roman, number, letter, dash) as one
    alternation tried in that order, each branch's label group named by its kind: one match
    a line instead of four, for a line without the junk of a .docx bookmark before its
    marker."""
    mk = load_table("tasks")["markers"]
    if any(regex.compile(mk[k]).groupindex != {"label": 1} or regex.compile(mk[k]).groups != 1 for k in _KINDS):
        return None  # a marker with groups of its own: matched one by one
    if not task_rules().junk.pattern.startswith("(?:\\["):
        return None  # junk that may open with something else than "[" (a user's table): one by one
    return regex.compile("|".join(mk[k].replace("(?P<label>", f"(?P<{k}>") for k in _KINDS))


_KINDS = ("roman", "number", "letter", "dash")
_LABEL_MARKERS = ("dash", "letter")  # the markers a label may carry (a dash, or a letter: "a) Cơ quan chủ trì: …")


def _classify(text: str, s: int, e: int) -> tuple[str, str, int]:
    r = task_rules()
    line = text[s:e]
    markers = _markers()
    if markers is not None and line[0] != "[":
        # no junk before a marker ("[bookmark: …]" starts with "["): the four markers at once
        m = markers.match(line)
        if m:
            kind = m.lastgroup
            if kind in _LABEL_MARKERS and r.label_any.match(text, s + m.end(), e):
                # "- Đơn vị chủ trì: Sở Xây dựng.", "a) Cơ quan chủ trì: Sở Nội vụ.": a label, marked
                return "label", "", s + m.end()
            return kind, m.group(kind), s + m.end()
        body = s
    else:
        for kind in _KINDS:
            m = getattr(r, kind).match(line)
            if m:
                if kind in _LABEL_MARKERS and r.label_any.match(text, s + m.end(), e):
                    return "label", "", s + m.end()
                return kind, m.group("label"), s + m.end()
        m = r.junk.match(line)
        body = s + (m.end() if m else 0)
    if r.label_any.match(text, body, e):
        return "label", "", body
    return "plain", "", body


def _paren_depth(text: str, start: int, end: int, depth: int = 0) -> int:
    """The "(" left open after ``text[start:end]``, from ``depth`` open before it:
    "... khu công nghiệp Sao Mai (Tiên" leaves one.  Only the brackets are visited (most
    lines have none), not every character.

    >>> _paren_depth("a) b (c (d) e", 0, 13), _paren_depth("x)) y", 0, 5, 1)
    (1, 0)
    """
    if text.find("(", start, end) < 0:
        return max(depth - text.count(")", start, end), 0) if depth else 0
    for ch in _BRACKETS.findall(text, start, end):
        if ch == "(":
            depth += 1
        elif depth:
            depth -= 1
    return depth


_BRACKETS = re.compile(r"[()]")


def _starts_lower(text: str, body: int, end: int) -> bool:
    """A line that can only continue a sentence: lower case, a digit or "(" first
    ("27/5/2022); 04 dự án ...", "(được Thủ tướng ...)"), but no item number ("1.Giao")."""
    ch = text[body]
    if ch.islower():
        return True
    if ch.isdigit() or ch == "(":
        return not task_rules().not_continuation.match(text, body, end)
    return False


def _wrap_width(text: str, lines: list[tuple[int, int, int, str, str, int]]) -> float | None:
    """The width (in characters) a wrapped text layer breaks its lines at, or None.

    Measured on the lines a lower-case line continues; a PDF typeset at a fixed width has
    many, of about one length.  A .txt or an HTML page (one line a paragraph) has few or
    scattered ones: its lines are never taken as wrapped.
    """
    r = task_rules()
    widths = []
    for (s, e, _, kind, _, _), (s2, _, gap2, kind2, _, _) in zip(lines, lines[1:]):
        if gap2 == 1 and kind2 == "plain" and kind != "table" and text[e - 1] not in _TERMINAL and text[s2].islower():
            widths.append(e - s)
    if len(widths) < r.wrap_samples:
        return None
    widths.sort()
    median = widths[len(widths) // 2]
    near = sum(1 for w in widths if 0.8 * median <= w <= 1.25 * median)
    return median if near >= r.wrap_share * len(widths) else None


_CAPS = regex.compile(r"[^\p{Ll}]*")  # no lower-case letter
_LOWER = regex.compile(r"\p{Ll}")


def _continues(text: str, prev: Paragraph, kind: str, label: str, body: int, end: int, gap: int,
               last_line: int, full: tuple[float, float] | None, open_paren: bool) -> bool:
    """Whether a line (``kind``, text after its marker at ``body``) continues ``prev``."""
    # the line above was wrapped: about as long as the others (a longer one was not)
    wrapped = full is not None and full[0] <= last_line <= full[1]
    last = text[prev.end - 1]
    if kind == "dash":
        # "... phát triển kinh tế" / "- xã hội.": a hyphen a wrapped line starts with (an
        # item starts in capitals, "- Kiến Thụy" stays one: a heading without a colon may
        # fill its last line)
        # "giai đoạn 2021" / "- 2025": a range of years
        first = text[body]
        return (wrapped and last not in _TERMINAL and label in "-–"
                and (first.islower() or (first.isdigit() and last.isdigit())))
    if kind != "plain":
        return False
    if task_rules().end.match(text, body, end):
        return False  # the closing sentence ("Trên đây là Kế hoạch …"), the signature block
    if last in _TERMINAL:
        # "... dự án năm 2023;" / "hướng dẫn, hỗ trợ ...": a sentence goes on after a wrap;
        # after a comma also in capitals, a list of names ("9. Báo Hà Tĩnh, Sở Văn hóa," /
        # "Thể thao và Du lịch …:")
        return wrapped and last in ";:," and (text[body].islower() or last == ",")
    if prev.kind == "roman" and _CAPS.fullmatch(text, prev.body, prev.end) and _LOWER.search(text, body, end):
        # "III. TỔ CHỨC THỰC HIỆN" / "(ĐCSVN) - Chủ tịch …": a heading in capitals wraps in
        # capitals ("IV. NHIỆM" / "VỤ CỤ THỂ"); a line in lower case after it is a paragraph
        return False
    return (
        _starts_lower(text, body, end)
        or gap >= 3
        or open_paren
        or wrapped
    )


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs of ``text`` with their markers.

    A line with no marker (no item, label or table row) continues the previous paragraph
    when that one does not end a sentence and the line

    * starts in lower case, with a digit or "(" (not "1." or "(a)");
    * follows a page break (3 or more line breaks): "... có khu" / "" / "" / "Lãng 1) ...";
    * closes a "(" the paragraph left open: "... Sao Mai (Tiên" / "Lãng 1), ...";
    * follows a wrapped line, one about as long as the document's wrap width
      (:func:`_wrap_width`; a PDF text layer): "... của Ban" / "Thường vụ Thành ủy.".

    So the paragraphs of a text do not depend on where its lines were wrapped, nor on
    blank lines between them (HTML paragraphs, page breaks).

    Examples:
        >>> [p.kind for p in split_paragraphs("II. NHIỆM VỤ\\n1. Quy hoạch\\na) Sở Xây dựng:\\n- Rà soát quy\\n\\nhoạch.")]
        ['roman', 'number', 'letter', 'dash']
        >>> len(split_paragraphs("- Rà soát các khu công nghiệp Sao Mai (Tiên\\nLãng 1), Tiên Thanh."))
        1
    """
    lines = []
    for s, e, gap, tabbed in _lines(text):
        if tabbed:
            lines.append((s, e, gap, "table", "", s))
        else:
            lines.append((s, e, gap, *_classify(text, s, e)))
    width = _wrap_width(text, lines)
    full = None if width is None else (task_rules().full_line * width, 1.2 * width)
    out: list[Paragraph] = []
    last_line = 0  # length of the previous physical line
    depth = 0  # "(" the last paragraph leaves open, counted line by line (linear in the text)
    for s, e, gap, kind, label, body in lines:
        prev = out[-1] if out else None
        if prev is not None and prev.kind != "table" and _continues(text, prev, kind, label, body, e, gap, last_line, full,
                                                                    depth > 0):
            out[-1] = Paragraph(prev.start, e, prev.kind, prev.label, prev.body, prev.gap)
            depth = _paren_depth(text, prev.end, e, depth)
        else:
            out.append(Paragraph(s, e, kind, label, body, gap))
            depth = _paren_depth(text, body, e)
        last_line = e - s
    return out


# --------------------------------------------------------------------------- roles

