"""A page typeset as an office writes it (PDF, .docx, HTML), to measure those readers on real
documents.

``page_as_pdf(page, out_dir)`` reads a page (a saved legal-library page of
``../shared/realdocs``), takes its logical text (:func:`loaders.layout.build_layout`: the
document without the site's chrome, one block a line, tables as TAB-separated rows) and
typesets it with fpdf2 in DejaVu Sans 10 pt on A4: the rows before the first paragraphs (the
two-column header) as a table without rules, every other table ruled with its cells wrapping,
each paragraph justified to the page's width.  ``page_as_docx`` and ``page_as_html`` write
the same blocks as Word paragraphs and tables, HTML ``<p>`` and ``<table>``;
``page_as_docx_numbered`` as Word paragraphs whose markers ("I.", "1.", "a)", "-", "+") Word
numbers itself (``w:numPr`` to a multilevel list; a new list instance starting at the written
value wherever Word's count would differ from it), so the label is no text of the paragraph;
``page_as_html_lists`` as HTML whose markers a browser draws (``<ol type start>``, ``<ul>``).
``python -m tests.support.goldscore --as pdf`` (or ``docx``, ``html``) scores the files against
the pages' gold, so each reader is measured on the same documents as the pages themselves.
"""

from __future__ import annotations

import html
from pathlib import Path

from loaders.layout import build_layout
from loaders.readers import read_document

HEADER_LINES = 12  # logical lines a two-column header runs to, before the type line


def dejavu() -> tuple[str, str]:
    """DejaVu Sans, regular and bold (Debian: fonts-dejavu-core)."""
    from tests.test_input_formats import _font

    regular = _font()
    bold = Path(regular).with_name("DejaVuSans-Bold.ttf")
    return regular, str(bold) if bold.exists() else regular  # (bold is only emphasis here)


def _table(pdf, rows: list[list[str]], *, ruled: bool) -> None:
    width = max(len(r) for r in rows)
    with pdf.table(borders_layout="ALL" if ruled else "NONE", first_row_as_headings=False,
                   text_align="LEFT") as table:
        for cells in rows:
            row = table.row()
            for cell in cells + [""] * (width - len(cells)):
                row.cell(cell)


def _fits(rows: list[list[str]]) -> bool:
    """Whether fpdf2 can typeset the table (no row taller than a page), tried on a scratch page."""
    from fpdf import FPDF

    scratch = FPDF()
    scratch.add_page()
    scratch.add_font("dv", "", dejavu()[0])
    scratch.set_font("dv", size=10)
    try:
        _table(scratch, rows, ruled=True)
    except ValueError:
        return False
    return True


def page_as_pdf(page: Path, out_dir: Path) -> Path:
    from fpdf import FPDF

    lines = build_layout(read_document(page)).text.split("\n")
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("dv", "", dejavu()[0])
    pdf.set_font("dv", size=10)
    i = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            pdf.multi_cell(0, 5, lines[i] if lines[i].strip() else " ", align="J", new_x="LMARGIN", new_y="NEXT")
            i += 1
            continue
        j = i
        while j < len(lines) and "\t" in lines[j]:
            j += 1
        rows = [line.split("\t") for line in lines[i:j]]
        if _fits(rows):
            _table(pdf, rows, ruled=i >= HEADER_LINES)
        else:
            # (fpdf2 cannot break a row across pages: a row taller than a page is typeset as
            # its text, the cells one after another)
            for cells in rows:
                pdf.multi_cell(0, 5, " ".join(c for c in cells if c) or " ", align="J", new_x="LMARGIN", new_y="NEXT")
        i = j
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / (page.stem + ".pdf")
    pdf.output(str(path))
    return path


def _blocks(page: Path) -> list[str | list[list[str]]]:
    """The page's logical lines, runs of table rows as one list of rows each."""
    out: list = []
    for line in build_layout(read_document(page)).text.split("\n"):
        if "\t" in line:
            if out and isinstance(out[-1], list):
                out[-1].append(line.split("\t"))
            else:
                out.append([line.split("\t")])
        else:
            out.append(line)
    return out


def page_as_docx(page: Path, out_dir: Path) -> Path:
    import docx

    d = docx.Document()
    for block in _blocks(page):
        if isinstance(block, str):
            d.add_paragraph(block)
            continue
        width = max(len(r) for r in block)
        table = d.add_table(rows=len(block), cols=width)
        for i, cells in enumerate(block):
            for j, cell in enumerate(cells):
                table.cell(i, j).text = cell
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / (page.stem + ".docx")
    d.save(path)
    return path


def page_as_html(page: Path, out_dir: Path) -> Path:
    body = []
    for block in _blocks(page):
        if isinstance(block, str):
            body.append(f"<p>{html.escape(block)}</p>")
        else:
            body.append("<table>" + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>"
                                            for cells in block) + "</table>")
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / (page.stem + ".html")
    path.write_text("<html><head><meta charset='utf-8'></head><body>\n" + "\n".join(body) + "\n</body></html>", "utf-8")
    return path


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# the levels of the list: (marker pattern, numFmt, lvlText)
_LEVELS = (
    (r"(?P<v>[IVX]{1,5})\.\s+", "upperRoman", "%1."),
    (r"(?P<v>\d{1,2})\.\s+", "decimal", "%2."),
    (r"(?P<v>[a-z])\)\s+", "lowerLetter", "%3)"),
    (r"(?P<v>-)\s+", "bullet", "-"),
    (r"(?P<v>\+)\s+", "bullet", "+"),
)


def _value(fmt: str, written: str) -> int:
    if fmt == "decimal":
        return int(written)
    if fmt == "lowerLetter":
        return ord(written) - ord("a") + 1 if written != "đ" else 5
    if fmt == "upperRoman":
        values = {"I": 1, "V": 5, "X": 10}
        total = 0
        for a, b in zip(written, written[1:] + " "):
            total += -values[a] if b != " " and values[a] < values[b] else values[a]
        return total
    return 1


def page_as_docx_numbered(page: Path, out_dir: Path) -> Path:
    import re

    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum xmlns:w="{_W}" w:abstractNumId="90">'
        + "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
                  for i, (_, fmt, text) in enumerate(_LEVELS)) + "</w:abstractNum>"))
    patterns = [re.compile(p) for p, _, _ in _LEVELS]
    num_id, counters, next_id = None, [None] * len(_LEVELS), 90

    def new_list(level: int, start: int) -> str:
        nonlocal next_id
        next_id += 1
        numbering.append(parse_xml(
            f'<w:num xmlns:w="{_W}" w:numId="{next_id}"><w:abstractNumId w:val="90"/>'
            f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'))
        return str(next_id)

    for block in _blocks(page):
        if not isinstance(block, str):
            width = max(len(r) for r in block)
            table = d.add_table(rows=len(block), cols=width)
            for i, cells in enumerate(block):
                for j, cell in enumerate(cells):
                    table.cell(i, j).text = cell
            continue
        level = m = None
        for k, pattern in enumerate(patterns):
            m = pattern.match(block)
            if m:
                level = k
                break
        if level is None:
            d.add_paragraph(block)
            continue
        want = _value(_LEVELS[level][1], m.group("v"))
        counted = None if counters[level] is None else counters[level] + 1
        if num_id is None or (counted if counted is not None else 1) != want:
            num_id, counters = new_list(level, want), [None] * len(_LEVELS)  # Word's count differs
        counters[level] = want
        for deeper in range(level + 1, len(_LEVELS)):
            counters[deeper] = None
        paragraph = d.add_paragraph(block[m.end():])
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / (page.stem + ".docx")
    d.save(path)
    return path


def page_as_html_lists(page: Path, out_dir: Path) -> Path:
    """The page as HTML whose markers a browser draws: each item an ``<ol>`` of its type
    starting at the written value (``<ul>`` for "-"; "+" stays typed)."""
    import re

    patterns = [re.compile(p) for p, _, _ in _LEVELS]
    kinds = {"upperRoman": "I", "decimal": "1", "lowerLetter": "a"}
    body = []
    for block in _blocks(page):
        if not isinstance(block, str):
            body.append("<table>" + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>"
                                            for cells in block) + "</table>")
            continue
        m = next(((k, m) for k, p in enumerate(patterns[:4]) if (m := p.match(block))), None)
        if m is None:
            body.append(f"<p>{html.escape(block)}</p>")
            continue
        level, m = m
        fmt = _LEVELS[level][1]
        item = f"<li>{html.escape(block[m.end():])}</li>"
        body.append(f"<ul>{item}</ul>" if fmt == "bullet"
                    else f'<ol type="{kinds[fmt]}" start="{_value(fmt, m.group("v"))}">{item}</ol>')
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / (page.stem + ".html")
    path.write_text("<html><head><meta charset='utf-8'></head><body>\n" + "\n".join(body) + "\n</body></html>", "utf-8")
    return path


WRITERS = {"pdf": page_as_pdf, "docx": page_as_docx, "html": page_as_html, "docx-numbered": page_as_docx_numbered,
           "html-lists": page_as_html_lists}
