"""The table layout: appendix tables, as TAB-joined lines (a .docx table read by
``loaders.readers``), under a header row whose cells name the columns (``[columns]``: number,
content, lead, cooperating, deadline, approval, notes); a unit row ("VĂN PHÒNG") above rows
gives them their lead and section code; a row broken over lines goes on in the next.

A table without a number column but with a lead column ("Nhiệm vụ | Cơ quan chủ trì | Cơ
quan phối hợp | Thời gian") numbers its rows itself: each row with a filled content cell is a
task, a row with its first cell alone filled in capitals is a unit row, a row with an empty
content cell goes on the row above.  Without a lead column only numbered rows are tasks (an
internal procedure's "Bước | Nội dung công việc | Trách nhiệm thực hiện | Thời gian" assigns
steps of a procedure, not tasks).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import regex

from graph.model import Agency
from loaders.agencies import find_agencies, match_key, resolve_agency, unit_code
from loaders.deadlines import find_deadlines, parse_deadline
from loaders.rules import load_table
from loaders.task_build import Builder, Read, section_path
from loaders.task_paragraphs import Paragraph
from loaders.task_roles import Ctx, Roles, item_roles, label_agencies
from loaders.task_rules import task_rules

__all__ = ["tables"]

_ROW_NUMBER = regex.compile(r"\d{1,3}\.?")
# a group row of a table: a Roman numeral (or a capital letter) and the group's title, the
# rows below numbered again from 1 ("I | Hoàn thiện thể chế …" / "1 | …"): their sections
# carry it ("PL.I.1", "PL.II.1"), or two rows would have one section
_GROUP_NUMBER = regex.compile(r"[IVXL]{1,5}\.?|[A-Z]\.?", regex.V1)
_LABEL_WORDS = 4  # a header cell is a short label; a row of such cells naming a content column is a header


@dataclass(slots=True)
class _Row:
    """A numbered row: its number, cells and the values of the lines that continue it."""

    number: str
    cells: list[tuple[int, int]]
    extra: dict[str, list[str]] = field(default_factory=dict)

    def cell(self, columns: dict[str, int] | None, name: str) -> tuple[int, int] | None:
        """The span of a named column's cell, None when the table has no such column or it is empty."""
        idx = columns.get(name) if columns else None
        if idx is None or idx >= len(self.cells) or self.cells[idx][0] >= self.cells[idx][1]:
            return None
        return self.cells[idx]


@dataclass(slots=True)
class _Table:
    """Where the scan of the tables is: the current header's columns, unit and open row."""

    columns: dict[str, int] | None = None
    unit: Agency | None = None
    code: str = ""
    group: str = ""  # the group row's numeral above the open rows ("I", "II")
    row: _Row | None = None
    counted: int = 0  # rows read in a table without a number column (their numbers)
    width: int = 0  # the header row's cells


def _cells(text: str, p: Paragraph) -> list[tuple[int, int]]:
    """(start, end) of each TAB-separated cell of a table line, stripped."""
    out = []
    pos = p.start
    line_end = text.find("\n", p.start)
    line_end = len(text) if line_end == -1 else line_end
    # a row may start with empty cells: back up to the line start
    pos = text.rfind("\n", 0, p.start) + 1
    for part in text[pos:line_end].split("\t"):
        s, e = pos, pos + len(part)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
        pos += len(part) + 1
    return out


def _spell_out(ctx: Ctx, value: str) -> str:
    """An approval cell with agency names in canonical form: "UBND tỉnh" -> "Ủy ban nhân dân tỉnh"."""
    value = " ".join(value.split())
    out, pos = [], 0
    for a, s, e in find_agencies(value, ctx.jurisdiction):
        out += [value[pos:s], a.name]
        pos = e
    out.append(value[pos:])
    return "".join(out)


def tables(ctx: Ctx, paras: list[Paragraph], b: Builder) -> Read:
    """Rows of TAB-joined tables under a header row that names the columns."""
    text = ctx.text
    st = _Table()
    for p in paras:
        if p.kind != "table":
            line = text[p.body : p.end].strip()
            if st.columns is not None and p.kind == "plain" and line.isupper() and len(line) <= 120:
                # a unit row whose cells Word merged into one: no TAB left on the line
                _flush(ctx, st, b)
                _set_unit(ctx, st, line)
                continue
            _flush(ctx, st, b)  # prose after a table ends it
            st.columns = None
            continue
        cells = _cells(text, p)
        values = [text[s:e] for s, e in cells]
        if _header(ctx, st, b, values):
            continue
        if st.columns is None:
            continue
        first = values[0].strip() if values else ""
        filled = [v for v in values if v.strip()]
        if "number" not in st.columns and "lead" in st.columns:
            _unnumbered(ctx, st, b, cells, values, filled)
        elif _ROW_NUMBER.fullmatch(first):
            _flush(ctx, st, b)
            st.row = _Row(first.rstrip("."), cells)
        elif _GROUP_NUMBER.fullmatch(first) and len(filled) <= 2:
            _flush(ctx, st, b)
            st.group = first.rstrip(".")
        elif first and st.row is not None and len(filled) >= 2 and len(values) < st.width:
            # a row shorter than the header under a numbered row ("Xây dựng hạ tầng dự phòng …
            # | Trung tâm Chuyển đổi số" under row 1): the page merged its number cell and the
            # cells it lacks with the row above's; a second task of that row ("1.a", "1.b")
            _merged_row(ctx, st, b, cells, shifted=True)
        elif not first and st.row is not None and _merged_task(ctx, st, values):
            # the same row where a .docx or a text layer keeps the merged cells, empty
            _merged_row(ctx, st, b, cells, shifted=False)
        elif first and len(filled) == 1:
            _flush(ctx, st, b)
            _set_unit(ctx, st, first)
        elif not first and st.row is not None:
            # a row broken over lines: its cells continue the row above
            for name in ("deadline", "approval"):
                idx = st.columns.get(name)
                if idx is not None and idx < len(values) and values[idx].strip():
                    st.row.extra.setdefault(name, []).append(values[idx].strip())
    _flush(ctx, st, b)
    return Read()


def _merged_task(ctx: Ctx, st: _Table, values: list[str]) -> bool:
    """Whether a row with an empty number cell is a task of its own (its number merged with the
    row above), not the row above going on over a line: its content cell opens a sentence
    (a capital) after one the row above closed, or its lead cell names a body of its own."""
    at, lead = st.columns.get("content"), st.columns.get("lead")
    if at is None or at >= len(values) or not values[at].strip()[:1].isupper():
        return False
    above = st.row.cell(st.columns, "content")
    closed = above is not None and ctx.text[above[0] : above[1]].rstrip()[-1:] in ".;:!?"
    return closed or (lead is not None and lead < len(values) and bool(values[lead].strip()))


def _merged_row(ctx: Ctx, st: _Table, b: Builder, cells: list[tuple[int, int]], *, shifted: bool) -> None:
    """Open a row whose number cell (and any other left out or empty) was merged with the open
    row's: ``shifted``, its cells start at the content column (a page leaves merged cells out),
    else its empty cells are the merged ones; the two rows are numbered with letters under the
    open row's number ("1.a", "1.b")."""
    prev = st.row
    m = regex.fullmatch(r"(.+)\.([a-z])", prev.number)
    base, letter = (m.group(1), m.group(2)) if m else (prev.number, "a")
    if not m:
        prev.number = f"{base}.a"
    _flush(ctx, st, b)
    if shifted:
        at = st.columns["content"]
        merged = prev.cells[:at] + cells + prev.cells[at + len(cells):]
    else:
        merged = [c if c[0] < c[1] else p for c, p in zip(cells, prev.cells)] + prev.cells[len(cells):]
    st.row = _Row(f"{base}.{chr(ord(letter) + 1)}", merged, {k: list(v) for k, v in prev.extra.items()})


def _unnumbered(ctx: Ctx, st: _Table, b: Builder, cells: list[tuple[int, int]], values: list[str],
                filled: list[str]) -> None:
    """A row of a table without a number column: a task, a unit row or the row above going on."""
    first = values[0].strip() if values else ""
    if first and len(filled) == 1 and first.isupper():
        _flush(ctx, st, b)
        _set_unit(ctx, st, first)
        return
    content = st.columns["content"]
    if content < len(values) and values[content].strip():
        _flush(ctx, st, b)
        st.counted += 1
        st.row = _Row(str(st.counted), cells)
        return
    if st.row is not None:
        for name in ("deadline", "approval"):
            idx = st.columns.get(name)
            if idx is not None and idx < len(values) and values[idx].strip():
                st.row.extra.setdefault(name, []).append(values[idx].strip())


def _set_unit(ctx: Ctx, st: _Table, name: str) -> None:
    st.unit = resolve_agency(name, ctx.jurisdiction, parent=ctx.issuer)
    st.code, st.group = unit_code(st.unit), ""


def _header(ctx: Ctx, st: _Table, b: Builder, values: list[str]) -> bool:
    """Whether a table line is a header row (it names a content column and a number, lead or
    deadline column); one that names the columns of tasks opens a table of them."""
    found = {}
    columns = task_rules().columns
    for idx, v in enumerate(values):
        key = match_key(v)  # once a cell, not once a column
        for name, pat in columns:
            if name not in found and pat.search(key):
                found[name] = idx
                break
    labels = "content" in found and all(len(v.split()) <= _LABEL_WORDS for v in values)
    if not ("content" in found and ("number" in found or "deadline" in found or "lead" in found or labels)):
        # ("Nội dung | Dự toán 2026 | Ước thực hiện", every cell a short label: the header of
        # a table of figures, which ends the task table above)
        return False
    _flush(ctx, st, b)
    if not any(k in found for k in ("lead", "cooperating", "deadline", "approval")) or "procedure" in found:
        # "STT | Nội dung | Dự toán 2025 | Ước thực hiện": figures, not tasks; "Bước thực hiện |
        # Nội dung công việc | Đơn vị thực hiện | …": a procedure's steps, not tasks
        st.columns = None
    else:
        st.columns, st.unit, st.code, st.group, st.counted = found, None, "", "", 0
        st.width = len(values)
    return True


def _flush(ctx: Ctx, st: _Table, b: Builder) -> None:
    """The open row, read as a task (when it has content), and closed."""
    row, st.row = st.row, None
    if row is None:
        return
    text, columns = ctx.text, st.columns
    content = row.cell(columns, "content")
    if content is None:
        return
    roles = item_roles(ctx, *content)
    lead_cell = row.cell(columns, "lead")
    r = task_rules()
    cell_roles = (item_roles(ctx, *lead_cell) if lead_cell and (r.lead_cue.search(text, *lead_cell)
                                                                or r.coop_cue.search(text, *lead_cell)) else None)
    if cell_roles is not None and cell_roles.lead:
        # "Sở Xây dựng chủ trì; Sở Tài chính phối hợp": the cell's own roles
        lead, roles = cell_roles.lead, Roles(roles.lead, roles.cooperating + cell_roles.cooperating)
    elif lead_cell:
        lead = tuple(label_agencies(ctx, *lead_cell))
    elif st.unit is not None:
        lead = (st.unit,)
    else:
        lead = roles.lead
    coop_cell = row.cell(columns, "cooperating")
    coop = roles.cooperating + (tuple(label_agencies(ctx, *coop_cell)) if coop_cell else ())
    section = section_path(load_table("tasks")["table_section"]["prefix"], st.code, st.group, row.number)
    d = b.add(content[0], content[1], section, Roles(lead, tuple(a for a in dict.fromkeys(coop) if a not in lead)))
    dl = row.cell(columns, "deadline")
    if dl:
        d.deadline = parse_deadline(" ".join([text[dl[0] : dl[1]], *row.extra.get("deadline", [])]),
                                    **ctx.dates)
    notes = row.cell(columns, "notes")
    if notes and d.deadline is not None and d.deadline.kind == "recurring":
        # "Báo cáo hàng quý" + Ghi chú "... hàng quý trước ngày 15 của tháng tiếp theo"
        refined = [x for x, _, _ in find_deadlines(text[notes[0] : notes[1]], **ctx.dates)
                   if x.recurring]
        if refined:
            d.deadline = replace(d.deadline, recurring=refined[0].recurring)
    ap = row.cell(columns, "approval")
    if ap:
        d.approval = _spell_out(ctx, " ".join([text[ap[0] : ap[1]], *row.extra.get("approval", [])]))
