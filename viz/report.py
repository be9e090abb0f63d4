"""A document's lineage report, what a legal officer attaches to a memo: identity and status,
each citation chain in the Vietnamese citation form of ``policykg cite``, the evidence quotes
with file and offset, the tasks downstream by agency with deadlines, and the conflicts that
touch the document.  Written from :func:`queries.dossier.dossier` as Markdown, Word (.docx)
or one self-contained HTML page.

The three formats render one list of blocks (:func:`report_blocks`), so they say the same
things; each escapes the document strings its own way (HTML: every string through
``html.escape``; Markdown: the characters Markdown reads, and ``|`` in table cells; .docx is
plain runs).  Word output follows the Vietnamese administrative convention (Decree
30/2020/NĐ-CP): Times New Roman 13 pt on every style, set on the ASCII, high-ANSI, east-Asian
and complex-script font slots so Word never falls back to a theme font for the diacritics,
A4 with 20/20/30/15 mm margins.
"""

from __future__ import annotations

import datetime as _dt
import html
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import PolicyKGError
from graph.vocab import kind_info, relation_info, relations_in_order
from queries.lineage import vn_date

__all__ = ["FORMATS", "ReportError", "report_format", "report_blocks", "write_report", "render_markdown",
           "render_html", "FONT", "FONT_SIZE_PT"]

#: Report formats by file suffix.
FORMATS = {".md": "markdown", ".docx": "docx", ".html": "html"}
FONT = "Times New Roman"
FONT_SIZE_PT = 13

_RELATIONS_VI = {r: relation_info(r)["vi"] for r in relations_in_order()}
_RELATIONS_IN_VI = {r: relation_info(r)["vi_inverse"] for r in relations_in_order()}
_CONFLICTS_VI = {
    "date": "ngày ban hành", "year": "năm ban hành", "symbol": "số, ký hiệu", "issuer": "cơ quan ban hành",
    "implausible": "số hiệu bất thường", "ambiguous": "chưa xác định", "box": "thông tin trang nguồn",
    "duplicate": "trùng văn bản", "future_date": "ngày sau văn bản dẫn chiếu", "impossible_date": "ngày không hợp lệ",
}


class ReportError(PolicyKGError):
    """A report that cannot be written (unknown format, unwritable file)."""


def report_format(path: str | os.PathLike) -> str:
    """The format a file name asks for: "markdown", "docx" or "html".

    >>> report_format("memo/154.docx"), report_format("154.MD")
    ('docx', 'markdown')

    Raises:
        ReportError: any other suffix.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        shown = f"format {suffix!r}" if suffix else "file name without a suffix"
        raise ReportError(f"{path}: unknown report {shown}; name the file .md, .docx or .html")
    return FORMATS[suffix]


# -- what the report says, as blocks -------------------------------------------------------

@dataclass
class Block:
    """One piece of the report: ``kind`` is heading (``level`` 1-3), para, meta (the
    header line), chain (lines with their depth), quote (a sentence and where it is),
    list (items) or table (``header`` and ``rows``)."""

    kind: str
    text: str = ""
    level: int = 0
    lines: list[tuple[int, str]] = field(default_factory=list)
    source: str = ""
    items: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _where(ev: dict) -> str:
    """Where a quote is: the file's name and the character offsets in its normalized text."""
    name = Path(ev.get("path") or ev.get("file") or "?").name
    if ev.get("start") is None:
        return name
    return f"{name}, ký tự {ev['start']}–{ev['end']}" if ev.get("end") is not None else f"{name}, ký tự {ev['start']}"


def _deadline(dl: dict | None) -> str:
    """A deadline as written, with its last day as dd/mm/yyyy: "Quý II/2023 (đến 30/6/2023)"."""
    if not dl:
        return "—"
    text = _one_line(dl.get("text"))
    end = vn_date(dl.get("end")) if dl.get("end") else None
    if end and end not in text:
        return f"{text} (đến {end})" if text else end
    return text or "—"


def report_blocks(d: dict, *, store: str | None = None, generated: str | None = None) -> list[Block]:
    """The report of dossier ``d`` as blocks, in Vietnamese (the language of the memo).

    Args:
        d: a :func:`queries.dossier.dossier`.
        store: the store's path, named in the header line.
        generated: the day the report is written (ISO; default today).
    """
    day = generated or _dt.date.today().isoformat()
    out = [
        Block("meta", f"Kho dữ liệu: {store or '—'} · Hiệu lực tính đến ngày {vn_date(d['as_of'])} · "
                      f"Lập ngày {vn_date(day)} (policykg)"),
        Block("heading", "BÁO CÁO NGUỒN GỐC VĂN BẢN", level=1),
        Block("para", d["document"]["cite"] + (f" [{d['status_words']}]" if d["status_words"] else "")),
    ]
    for section in (_identity, _status, _chain, _other_relations, _downstream, _conflicts):
        out += section(d)
    return out


def _identity(d: dict) -> list[Block]:
    """1. The document's identity, as a table."""
    doc = d["document"]
    ident = [
        ["Số, ký hiệu", doc.get("number_symbol") or "(chưa có số)"],
        ["Loại văn bản", doc.get("type_name") or doc.get("type") or "—"],
        ["Ngày ban hành", vn_date(doc.get("date")) or "—"],
        ["Cơ quan ban hành", doc.get("issuer") or "—"],
        ["Trích yếu", _one_line(doc.get("title")) or "—"],
        ["Mã định danh", d["id"]],
        ["Tệp nguồn", "; ".join(doc.get("paths") or []) or "(chỉ được dẫn chiếu, không có tệp)"],
    ]
    return [Block("heading", "1. Thông tin văn bản", level=2), Block("table", header=["Mục", "Nội dung"], rows=ident)]


def _status(d: dict) -> list[Block]:
    """2. Legal force on the day asked, with its evidence."""
    st = d.get("status")
    out = [Block("heading", "2. Tình trạng hiệu lực", level=2)]
    if st is None:
        return out + [Block("para", "Không phải văn bản: không có tình trạng hiệu lực riêng.")]
    out.append(Block("para", f"Ngày {vn_date(d['as_of'])}: {d['status_words']}."))
    for ev in st.get("evidence") or []:
        out.append(Block("quote", _one_line(ev.get("sentence")), source=_where(ev)))
    return out


def _chain(d: dict) -> list[Block]:
    """3. The citation chain, its top documents and the sentence behind every hop."""
    out = [Block("heading", "3. Chuỗi trích dẫn", level=2)]
    lines = []
    for raw in d["chain_text"].split("\n"):
        stripped = raw.lstrip(" ")
        lines.append(((len(raw) - len(stripped)) // 2, stripped))
    out.append(Block("chain", lines=lines))
    cites = {hop["id"]: hop["cite"] for chain in d["chains"] for hop in chain}
    tops = [cites.get(n, n) for n in (d["roots"] if d["reached_central"] else d["highest"])]
    if d["reached_central"]:
        out.append(Block("para", "Văn bản Trung ương ở gốc: " + "; ".join(tops) + "."))
    elif any(len(c) > 1 for c in d["chains"]):
        out.append(Block("para", "Không đến được văn bản Trung ương nào trong kho; cao nhất: " + "; ".join(tops) + "."))
    out.append(Block("heading", "Trích dẫn làm căn cứ", level=3))
    quoted = 0
    for i, chain in enumerate(d["chains"], 1):
        for a, b in zip(chain, chain[1:]):
            for ev in a["evidence"]:
                verb = _RELATIONS_VI.get(a["relation"], a["relation"] or "")
                out.append(Block("quote", _one_line(ev.get("sentence")),
                                 source=f"Chuỗi {i}: {_short_cite(a['cite'])} {verb} {_short_cite(b['cite'])} — {_where(ev)}"))
                quoted += 1
    if not quoted:
        out.append(Block("para", "Không có trích dẫn: văn bản không thực hiện văn bản nào trong kho."))
    return out


def _other_relations(d: dict) -> list[Block]:
    """4. Every other document link, with its first evidence (nothing when there is none)."""
    others = [e for e in d["edges"] if not (e["relation"] == "implements" and e["direction"] == "out")]
    if not others:
        return []
    rows = []
    for e in others:
        verb = (_RELATIONS_VI if e["direction"] == "out" else _RELATIONS_IN_VI).get(e["relation"], e["relation"])
        ev = e["evidence"][0] if e["evidence"] else {}
        rows.append([verb, e["other_cite"], _one_line(ev.get("sentence")), _where(ev) if ev else ""])
    return [Block("heading", "4. Quan hệ khác", level=2),
            Block("table", header=["Quan hệ", kind_info("document")["vi"], "Trích dẫn", "Vị trí"], rows=rows)]


def _downstream(d: dict) -> list[Block]:
    """5. The documents and tasks that carry it out, tasks grouped by lead agency."""
    down = d["downstream"]
    out = [Block("heading", "5. Văn bản và nhiệm vụ triển khai", level=2)]
    if down["documents"]:
        out.append(Block("list", items=[x["cite"] + (f" [{x['status_words']}]" if x["status_words"] else "")
                                        for x in down["documents"]]))
    n_tasks = sum(len(g["tasks"]) for g in down["tasks_by_agency"])
    out.append(Block("para", f"{len(down['documents'])} văn bản và {n_tasks} nhiệm vụ triển khai, "
                             f"theo cơ quan chủ trì ({len(down['tasks_by_agency'])} cơ quan)."))
    header = ["Mục", kind_info("task")["vi"], kind_info("document")["vi"], "Phối hợp", "Thời hạn", "Vị trí"]
    for g in down["tasks_by_agency"]:
        out.append(Block("heading", f"{g['agency'] or 'Chưa rõ cơ quan chủ trì'} ({len(g['tasks'])} nhiệm vụ)", level=3))
        rows = [[t["section"] or "", t["text"], _short_cite(t.get("document_cite") or t.get("document") or ""),
                 ", ".join(t["cooperating"]) or "—", _deadline(t["deadline"]),
                 _where(t["evidence"][0]) if t["evidence"] else ""] for t in g["tasks"]]
        out.append(Block("table", header=header, rows=rows))
    return out


def _conflicts(d: dict) -> list[Block]:
    """6. Citation conflicts touching the document, with their evidence."""
    out = [Block("heading", "6. Mâu thuẫn trích dẫn", level=2)]
    if not d["conflicts"]:
        out.append(Block("para", "Không có mâu thuẫn nào liên quan đến văn bản này."))
    for c in d["conflicts"]:
        out.append(Block("para", f"[{_CONFLICTS_VI.get(c['kind'], c['kind'])}] {c['detail']}"))
        for ev in c["evidence"]:
            out.append(Block("quote", _one_line(ev.get("sentence")), source=_where(ev)))
    return out


def _short_cite(cite: str) -> str:
    """"Kế hoạch số 154/KH-UBND ngày … của …" → "Kế hoạch số 154/KH-UBND" (what a table needs)."""
    m = re.match(r"^(.*? số \S+)", cite)
    return m.group(1) if m else cite


# -- Markdown ------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#~&!])")


def _md(text: str, *, line_start: bool = True) -> str:
    """A document string as Markdown text: every character Markdown reads escaped, and (at
    a line's start) what would start a list."""
    text = _MD_SPECIAL.sub(r"\\\1", _one_line(text))
    if not line_start:
        return text
    return re.sub(r"^([-+]|\d+[.)])(?=\s|$)", lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text)


def _md_cell(text: str) -> str:
    return _md(text) or " "


def render_markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for b in blocks:
        if b.kind == "meta":
            out.append(f"*{_md(b.text)}*")
        elif b.kind == "heading":
            out.append("#" * b.level + " " + _md(b.text, line_start=False))
        elif b.kind == "para":
            out.append(_md(b.text))
        elif b.kind == "quote":
            out.append(f"> {_md(b.text)}  \n> — {_md(b.source)}")
        elif b.kind == "chain":
            text = "\n".join("  " * depth + line for depth, line in b.lines)
            runs = [len(r) for r in re.findall(r"`+", text)]
            fence = "`" * max(3, max(runs, default=0) + 1)
            out.append(f"{fence}text\n{text}\n{fence}")
        elif b.kind == "list":
            out.append("\n".join(f"- {_md(i)}" for i in b.items))
        elif b.kind == "table":
            lines = ["| " + " | ".join(_md_cell(h) for h in b.header) + " |",
                     "|" + "|".join("---" for _ in b.header) + "|"]
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in b.rows]
            out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


# -- HTML ----------------------------------------------------------------------------------

_CSS = """
body { font-family: "Times New Roman", Times, serif; font-size: 13pt; line-height: 1.4;
       max-width: 60em; margin: 2em auto; padding: 0 1em; color: #000; }
h1 { font-size: 15pt; text-align: center; } h2 { font-size: 14pt; } h3 { font-size: 13pt; }
.meta { font-size: 10pt; color: #444; border-bottom: 1px solid #999; padding-bottom: .3em; }
pre.chain { font-family: "Times New Roman", Times, serif; white-space: pre-wrap; background: #f6f6f6;
            padding: .6em; border-left: 3px solid #555; }
blockquote { margin: .4em 0 .4em 1.5em; font-style: italic; }
blockquote .src { display: block; font-style: normal; font-size: 10pt; color: #444; }
table { border-collapse: collapse; width: 100%; margin: .5em 0; font-size: 11pt; }
th, td { border: 1px solid #777; padding: .2em .4em; vertical-align: top; text-align: left; }
th { background: #eee; }
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
@media print { body { margin: 0; max-width: none; } pre.chain { background: none; }
               h2, h3 { page-break-after: avoid; } tr, blockquote { page-break-inside: avoid; } }
"""


def render_html(blocks: list[Block], title: str) -> str:
    e = html.escape
    body: list[str] = []
    for b in blocks:
        if b.kind == "meta":
            body.append(f'<p class="meta">{e(b.text)}</p>')
        elif b.kind == "heading":
            body.append(f"<h{b.level}>{e(b.text)}</h{b.level}>")
        elif b.kind == "para":
            body.append(f"<p>{e(b.text)}</p>")
        elif b.kind == "quote":
            body.append(f'<blockquote>“{e(b.text)}”<span class="src">{e(b.source)}</span></blockquote>')
        elif b.kind == "chain":
            body.append('<pre class="chain">' + e("\n".join("  " * depth + line for depth, line in b.lines)) + "</pre>")
        elif b.kind == "list":
            body.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in b.items) + "</ul>")
        elif b.kind == "table":
            head = "".join(f"<th>{e(h)}</th>" for h in b.header)
            rows = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in b.rows)
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    return ("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


# -- Word ----------------------------------------------------------------------------------

def _font(style_or_run_element, *, size: bool = True) -> None:
    """Times New Roman on every font slot of an element's run properties (ASCII, high ANSI,
    east-Asian, complex script), theme fonts removed, 13 pt, Vietnamese language."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = style_or_run_element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")


def _docx_styles(document) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    for style in document.styles:
        if style.type not in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE):
            continue
        style.font.name = FONT
        _font(style.element)
        if style.type == WD_STYLE_TYPE.PARAGRAPH:
            style.font.color.rgb = RGBColor(0, 0, 0)
    sizes = {"Normal": FONT_SIZE_PT, "Heading 1": 14, "Heading 2": 13, "Heading 3": 13, "Quote": FONT_SIZE_PT,
             "Table Grid": 11}
    for name, pt in sizes.items():
        document.styles[name].font.size = Pt(pt)
    # the defaults too, so that text in no style (a table cell's run) never meets a theme font
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is not None and rpr_default.find(qn("w:rPr")) is not None:
            fonts = rpr_default.find(qn("w:rPr")).find(qn("w:rFonts"))
            if fonts is not None:
                for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                    fonts.attrib.pop(qn(attr), None)
                for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                    fonts.set(qn(attr), FONT)


def write_docx(blocks: list[Block], path: str | os.PathLike, title: str) -> None:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Mm, Pt

    document = docx.Document()
    _docx_styles(document)
    document.core_properties.title = title
    document.core_properties.language = "vi-VN"
    for section in document.sections:  # A4, the margins of Decree 30/2020/NĐ-CP
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
    for b in blocks:
        if b.kind == "meta":
            p = document.add_paragraph()
            run = p.add_run(b.text)
            run.italic = True
            run.font.size = Pt(10)
        elif b.kind == "heading":
            p = document.add_heading(b.text, level=b.level)
            if b.level == 1:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif b.kind == "para":
            document.add_paragraph(b.text)
        elif b.kind == "quote":
            p = document.add_paragraph(style="Quote")
            p.add_run(f"“{b.text}”")
            src = p.add_run(f"\n{b.source}")
            src.italic = False
            src.font.size = Pt(10)
        elif b.kind == "chain":
            for depth, line in b.lines:
                p = document.add_paragraph(line)
                p.paragraph_format.left_indent = Cm(0.75 * depth)
                p.paragraph_format.space_after = Pt(0)
                if line.startswith("Chuỗi "):
                    p.runs[0].bold = True
        elif b.kind == "list":
            for item in b.items:
                document.add_paragraph(item, style="List Bullet")
        elif b.kind == "table":
            table = document.add_table(rows=1, cols=len(b.header))
            table.style = document.styles["Table Grid"]
            for cell, text in zip(table.rows[0].cells, b.header):
                cell.text = ""
                cell.paragraphs[0].add_run(text).bold = True
            for row in b.rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, row):
                    cell.text = text
            document.add_paragraph()
    document.save(str(path))


# -- the entry point -----------------------------------------------------------------------

def write_report(dossier: dict, path: str | os.PathLike, *, store: str | None = None,
                 generated: str | None = None) -> Path:
    """Write the report of ``dossier`` (:func:`queries.dossier.dossier`) to ``path``, in the
    format its suffix names: .md, .docx or .html.

    Args:
        dossier: the document's dossier.
        path: the file to write (replaced if it exists).
        store: the store's path, named in the header line.
        generated: the day of writing (ISO; default today).

    Returns:
        The path written.

    Raises:
        ReportError: an unknown suffix, or a file that cannot be written.
    """
    fmt = report_format(path)
    blocks = report_blocks(dossier, store=store, generated=generated)
    title = f"Báo cáo nguồn gốc: {dossier['document']['cite']}"
    path = Path(path)
    try:
        if fmt == "docx":
            write_docx(blocks, path, title)
        elif fmt == "html":
            path.write_text(render_html(blocks, title), encoding="utf-8")
        else:
            path.write_text(render_markdown(blocks), encoding="utf-8")
    except OSError as exc:
        raise ReportError(f"{path}: cannot write the report ({exc.strerror or exc})") from None
    return path
