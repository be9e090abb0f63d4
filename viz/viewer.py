"""The interactive lineage viewer: one self-contained, offline HTML file drawn with pyvis.

Legal staff open the file in a browser to answer "which central resolution does this
provincial task serve, and through which documents?".  The page shows:

* documents coloured by level (central Party, central State, provincial Party, provincial
  State, other), tasks and agencies with their own shapes; documents that are only
  mentioned (not in the corpus) are drawn lighter with a dashed border;
* edges coloured by relation, labelled in Vietnamese and English, with the evidence
  sentence, source file and offsets in the tooltip and the side panel;
* by default the documents only, top-down by lineage: each group of documents linked by
  ``implements`` is a small tree (the implemented document on top, 29-NQ/TW above
  26-CTr/TU and 13-KH/TW above 154/KH-UBND), trees packed side by side, documents only
  cited in a compact band below (see :func:`_layout`); tasks and agencies are hidden
  until a checkbox shows them, or a document's task list puts its tasks on the canvas;
* a legend, a search box (number-symbol or part of an agency name), one checkbox per
  relation kind, the layout above or a force layout that stabilizes and then stops;
* a click on a node highlights its lineage (nodes reachable over ``implements`` /
  ``part_of`` edges, up and down) and lists its fields, lineage paths, tasks (with lead
  agency and deadline), relations and evidence in the side panel.

pyvis (and jinja2, which it brings) is imported lazily, inside :func:`render_viewer`, so
importing this module costs nothing.  vis-network's script and style are inlined from the
pyvis package: the page makes no network request.

Example::

    G = Store("corpus.sqlite").graph()
    render_viewer(G, "lineage.html", focus="ha-tinh:154/KH-UBND:2023", depth=3)
"""

from __future__ import annotations

import importlib.resources
import json
import re
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from graph.errors import AmbiguousReference, NotFound, PolicyKGError
from graph.ids import split_doc_id
from graph.model import CENTRAL, Relation

__all__ = [
    "ViewerError",
    "LevelStyle",
    "RelationStyle",
    "LEVELS",
    "RELATIONS",
    "LINEAGE_RELATIONS",
    "LAYOUTS",
    "document_level",
    "neighbourhood",
    "render_viewer",
]

#: Relations that make up a lineage (same set as queries.lineage).
LINEAGE_RELATIONS = (Relation.IMPLEMENTS.value, Relation.PART_OF.value)

#: Layouts the page can start with; both can be switched in the page.
LAYOUTS = ("hierarchical", "physics")


class ViewerError(PolicyKGError):
    """The viewer cannot be drawn with the given arguments."""


# --------------------------------------------------------------------------- styles


@dataclass(frozen=True, slots=True)
class LevelStyle:
    """How one level of document is drawn and named in the legend."""

    key: str
    vi: str
    en: str
    color: str  # fill of documents in the corpus
    light: str  # fill of documents only mentioned
    font: str  # label colour on ``color``
    rank: int  # minimal row in the hierarchical layout (0 = top)


@dataclass(frozen=True, slots=True)
class RelationStyle:
    """How one relation is drawn and named."""

    key: str
    vi: str
    en: str
    color: str
    width: float
    dashes: bool


#: Document levels, top of the hierarchy first.
LEVELS: tuple[LevelStyle, ...] = (
    LevelStyle("central_party", "Đảng – Trung ương", "central Party", "#b71c1c", "#f6d5d5", "#ffffff", 0),
    LevelStyle("central_state", "Nhà nước – Trung ương", "central State", "#e65100", "#fde3cc", "#ffffff", 1),
    LevelStyle("provincial_party", "Đảng – địa phương", "provincial Party", "#6a1b9a", "#ead7f3", "#ffffff", 2),
    LevelStyle("provincial_state", "Nhà nước – địa phương", "provincial State", "#1565c0", "#d6e6f8", "#ffffff", 3),
    LevelStyle("other", "Khác", "other", "#546e7a", "#e3e9ec", "#ffffff", 3),
)
_LEVEL = {lv.key: lv for lv in LEVELS}

#: Node kinds: (Vietnamese, English, vis shape, fill, border, label colour).
KINDS: dict[str, tuple[str, str, str, str, str, str]] = {
    "document": ("Văn bản", "document", "box", "", "", ""),
    "task": ("Nhiệm vụ", "task", "ellipse", "#e8f5e9", "#2e7d32", "#1b5e20"),
    "agency": ("Cơ quan", "agency", "diamond", "#00838f", "#005662", "#004d40"),
}

#: Relations in legend order.
RELATIONS: tuple[RelationStyle, ...] = (
    RelationStyle(Relation.IMPLEMENTS.value, "thực hiện", "implements", "#c62828", 2.5, False),
    RelationStyle(Relation.BASED_ON.value, "căn cứ", "based on", "#1e88e5", 1.5, False),
    RelationStyle(Relation.REPLACES.value, "thay thế", "replaces", "#8e24aa", 2.0, False),
    RelationStyle(Relation.AMENDS.value, "sửa đổi, bổ sung", "amends", "#f57c00", 2.0, False),
    RelationStyle(Relation.CITES.value, "dẫn chiếu", "cites", "#b0bec5", 0.8, True),
    RelationStyle(Relation.ASSIGNS_TO.value, "giao", "assigns to", "#2e7d32", 1.5, False),
    RelationStyle(Relation.PART_OF.value, "thuộc", "part of", "#9e9e9e", 1.0, False),
)
_RELATION = {r.key: r for r in RELATIONS}
_OTHER_RELATION = RelationStyle("other", "quan hệ khác", "other relation", "#bdbdbd", 1.0, True)

_ROLES = {"lead": ("chủ trì", "lead"), "cooperating": ("phối hợp", "cooperating")}

#: Type codes shown with their names.
_TYPE_NAMES = {
    "NQ": "Nghị quyết", "KL": "Kết luận", "CT": "Chỉ thị", "CTr": "Chương trình",
    "KH": "Kế hoạch", "QĐ": "Quyết định", "QyĐ": "Quy định", "QC": "Quy chế",
    "NĐ": "Nghị định", "TT": "Thông tư", "HD": "Hướng dẫn", "TB": "Thông báo",
    "BC": "Báo cáo", "ĐA": "Đề án", "DA": "Dự án", "PA": "Phương án", "CV": "Công văn",
    "TTr": "Tờ trình", "Luật": "Luật", "PL": "Pháp lệnh",
}

_FLAG_NAMES = {
    "draft": "dự thảo / draft", "unnumbered": "chưa có số / unnumbered",
    "ambiguous": "chưa xác định duy nhất / ambiguous", "named": "gọi theo tên / named",
    "conflict": "mâu thuẫn / conflict",
}

# Party issuers: the suffix after the last "/" of a Party symbol (29-NQ/TW, 26-CTr/TU).
_PARTY_SUFFIXES = frozenset(
    "TW TU HU ĐU ĐUK BCSĐ ĐĐ BTV VPTW VPTU BTGTW BTCTW UBKTTW BCĐTW QU".split()
)
_PARTY_ISSUER_WORDS = (
    "bộ chính trị", "ban chấp hành", "ban bí thư", "trung ương đảng", "tỉnh ủy", "tỉnh uỷ",
    "thành ủy", "thành uỷ", "huyện ủy", "huyện uỷ", "đảng ủy", "đảng uỷ", "ban thường vụ",
    "ban cán sự đảng", "đảng đoàn", "đại hội đảng",
)
_STATE_ISSUER_WORDS = (
    "quốc hội", "chính phủ", "thủ tướng", "chủ tịch nước", "bộ ", "ủy ban nhân dân",
    "uỷ ban nhân dân", "ubnd", "hội đồng nhân dân", "hđnd", "sở ", "ban quản lý",
)
_STATE_TYPES = frozenset({"NĐ", "TT", "Luật", "PL"})
# number/TYPE-ISSUER or number/year/TYPE-ISSUER (154/KH-UBND, 35/2022/NĐ-CP, /CTr-KKT)
_STATE_SYMBOL = re.compile(r"/[^/\s-]+-[^/\s]+$")


def document_level(attrs: Mapping[str, Any]) -> str:
    """Level key of a document node: central or provincial, Party or State, or other.

    Party or State is read from the symbol (``29-NQ/TW`` is Party, ``154/KH-UBND`` State),
    then from the issuer's name, then from the type code; a document with no jurisdiction
    or no clue is "other".

    Args:
        attrs: the node's attributes (``jurisdiction``, ``number_symbol``, ``issuer``,
            ``type``).

    Returns:
        One of the keys of :data:`LEVELS`.

    Examples:
        >>> document_level({"jurisdiction": "central", "number_symbol": "29-NQ/TW"})
        'central_party'
        >>> document_level({"jurisdiction": "Hà Tĩnh", "number_symbol": "154/KH-UBND"})
        'provincial_state'
        >>> document_level({"jurisdiction": "central", "type": "Luật"})
        'central_state'
        >>> document_level({"jurisdiction": None, "number_symbol": "29-NQ/TW"})
        'other'
    """
    jurisdiction = attrs.get("jurisdiction")
    if not jurisdiction:
        return "other"
    side = _party_or_state(attrs)
    if side is None:
        return "other"
    scope = "central" if jurisdiction == CENTRAL else "provincial"
    return f"{scope}_{side}"


def _party_or_state(attrs: Mapping[str, Any]) -> str | None:
    symbol = (attrs.get("number_symbol") or "").strip()
    if symbol:
        suffix = symbol.rsplit("/", 1)[-1] if "/" in symbol else ""
        if "-" in symbol.split("/", 1)[0] and suffix in _PARTY_SUFFIXES:
            return "party"
        if _STATE_SYMBOL.search(symbol):
            return "state"
    issuer = (attrs.get("issuer") or "").lower()
    if issuer:
        if any(word in issuer for word in _PARTY_ISSUER_WORDS):
            return "party"
        if any(word in issuer + " " for word in _STATE_ISSUER_WORDS):
            return "state"
    if attrs.get("type") in _STATE_TYPES:
        return "state"
    return None


# --------------------------------------------------------------------------- selection


def neighbourhood(G: nx.MultiDiGraph, focus: str, depth: int | None) -> set[str]:
    """Nodes within ``depth`` hops of ``focus``, following edges in both directions.

    Args:
        G: the graph.
        focus: a node id of ``G``.
        depth: the number of hops; None for the whole weakly connected component.

    Returns:
        The node ids, ``focus`` included.

    Examples:
        >>> G = nx.MultiDiGraph([("a", "b"), ("c", "b"), ("c", "d")])
        >>> sorted(neighbourhood(G, "a", 1)), sorted(neighbourhood(G, "a", 2))
        (['a', 'b'], ['a', 'b', 'c'])
    """
    seen = {focus: 0}
    queue = deque([focus])
    while queue:
        node = queue.popleft()
        hops = seen[node]
        if depth is not None and hops >= depth:
            continue
        for other in (*G.successors(node), *G.predecessors(node)):
            if other not in seen:
                seen[other] = hops + 1
                queue.append(other)
    return set(seen)


def _resolve_focus(G: nx.MultiDiGraph, focus: str) -> str:
    """A node id, or the one document whose number-symbol is ``focus``."""
    if focus in G:
        return focus
    wanted = focus.replace(" ", "").casefold()
    hits = [
        n
        for n, a in G.nodes(data=True)
        if (a.get("number_symbol") or "").replace(" ", "").casefold() == wanted
    ]
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise AmbiguousReference(focus, sorted(hits))
    raise NotFound(f"{focus}: no such node or number-symbol in the graph")


# --------------------------------------------------------------------------- text


def _date_vi(iso: Any) -> str:
    """``2022-11-17`` -> ``17/11/2022``; other values unchanged."""
    if not isinstance(iso, str):
        return ""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso)
    return f"{m[3]}/{m[2]}/{m[1]}" if m else iso


def _short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _as_list(value: Any) -> list:
    if value is None:
        return []
    if isinstance(value, (list, tuple, set, frozenset)):
        return list(value)
    return [value]


def _agency_name(G: nx.MultiDiGraph, ref: Any) -> str:
    """Display name of an agency given by id or by name."""
    ref = str(ref)
    if ref in G and G.nodes[ref].get("name"):
        return str(G.nodes[ref]["name"])
    return ref


def _node_label(G: nx.MultiDiGraph, node: str, attrs: Mapping[str, Any]) -> str:
    kind = attrs.get("kind")
    if kind == "task":
        section = attrs.get("section") or node.rpartition("#")[2]
        return f"Nhiệm vụ {section}"
    if kind == "agency":
        return str(attrs.get("name") or node)
    symbol = attrs.get("number_symbol")
    if symbol:
        return str(symbol)
    if attrs.get("title"):
        return _short(attrs["title"], 40)
    if kind == "document" and node.count(":") >= 2:
        return split_doc_id(node)[1] or node
    return node


def _deadline_text(deadline: Any) -> str:
    if not deadline:
        return ""
    if not isinstance(deadline, Mapping):
        return str(deadline)
    parts = [str(deadline.get("text") or "")]
    start, end = deadline.get("start"), deadline.get("end")
    if start or end:
        span = " – ".join(_date_vi(d) for d in (start, end) if d)
        parts.append(f"({span})")
    if deadline.get("recurring"):
        parts.append(f"[{deadline['recurring']}]")
    if deadline.get("kind") and deadline.get("kind") != "unknown":
        parts.append(f"· {deadline['kind']}")
    return " ".join(p for p in parts if p)


def _doc_text(G: nx.MultiDiGraph, node: str, attrs: Mapping[str, Any], n_tasks: int) -> str:
    """A document's box: number-symbol, date, and how many tasks it sets."""
    label = _node_label(G, node, attrs)
    date = _date_vi(attrs.get("date"))
    text = f"{label}\n{date}" if date and attrs.get("number_symbol") else label
    return f"{text}\n{n_tasks} nhiệm vụ" if n_tasks else text


def _node_fields(G: nx.MultiDiGraph, node: str, attrs: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The (label, value) rows shown in the tooltip and the side panel."""
    kind = attrs.get("kind")
    rows: list[tuple[str, str]] = []

    def add(label: str, value: Any) -> None:
        if value not in (None, "", [], ()):
            rows.append((label, str(value)))

    if kind == "document":
        code = attrs.get("type")
        level = _LEVEL[document_level(attrs)]
        add("Loại / Type", f"{_TYPE_NAMES.get(code, code)} ({code})" if code in _TYPE_NAMES else code)
        add("Số, ký hiệu / Number", attrs.get("number_symbol"))
        add("Ngày / Date", _date_vi(attrs.get("date")))
        add("Cơ quan ban hành / Issuer", attrs.get("issuer"))
        jurisdiction = attrs.get("jurisdiction")
        add("Phạm vi / Jurisdiction", "Trung ương / central" if jurisdiction == CENTRAL else jurisdiction)
        add("Cấp / Level", f"{level.vi} / {level.en}")
        add("Trích yếu / Title", attrs.get("title"))
        flags = [_FLAG_NAMES.get(f, f) for f in _as_list(attrs.get("flags"))]
        add("Cờ / Flags", ", ".join(flags))
        if attrs.get("in_corpus"):
            add("Trong kho / In corpus", f"có / yes — {attrs.get('path') or ''}".rstrip(" —"))
        else:
            add("Trong kho / In corpus", "không, chỉ được nhắc đến / no, only mentioned")
    elif kind == "task":
        document = attrs.get("document")
        if document:
            doc_attrs = G.nodes[document] if document in G else {}
            add("Văn bản / Document", _node_label(G, document, doc_attrs) if doc_attrs else document)
        add("Mục / Section", attrs.get("section"))
        add("Nội dung / Text", attrs.get("text"))
        add("Thời hạn / Deadline", _deadline_text(attrs.get("deadline")))
        add("Chủ trì / Lead", "; ".join(_agency_name(G, a) for a in _as_list(attrs.get("lead"))))
        add(
            "Phối hợp / Cooperating",
            "; ".join(_agency_name(G, a) for a in _as_list(attrs.get("cooperating"))),
        )
        add("Cấp trình / Approval level", attrs.get("approval_level"))
        if attrs.get("inferred"):
            add("Ghi chú / Note", "chủ trì suy ra từ cơ quan ban hành / lead inferred")
        if attrs.get("start") is not None and attrs.get("end") is not None:
            add("Vị trí / Offsets", f"{attrs['start']}–{attrs['end']}")
    elif kind == "agency":
        add("Tên / Name", attrs.get("name"))
        jurisdiction = attrs.get("jurisdiction")
        add("Phạm vi / Jurisdiction", "Trung ương / central" if jurisdiction == CENTRAL else jurisdiction)
        if attrs.get("group"):
            add("Nhóm / Group", "nhóm cơ quan / a group of agencies")
        if attrs.get("parent"):
            add("Trực thuộc / Parent", _agency_name(G, attrs["parent"]))
    if attrs.get("status"):
        from queries.status import LABELS_VI

        words = LABELS_VI.get(attrs["status"], attrs["status"])
        by = [_node_label(G, b, G.nodes[b]) for b in _as_list(attrs.get("status_by")) if b in G]
        if by and attrs["status"] in ("repealed", "replaced", "amended"):
            words += " — " + ", ".join(by)
        if attrs.get("status_since"):
            words += f" (từ {_date_vi(attrs['status_since'])})"
        add("Hiệu lực / Status", f"{words} [{attrs['status']}]")
    warn = [_node_label(G, u, G.nodes[u]) for u in _as_list(attrs.get("at_risk_from")) if u in G]
    if warn:
        add("Cảnh báo / Warning", "dựa trên văn bản không còn nguyên hiệu lực / rests on: " + ", ".join(warn))
    add("Mã / Id", node)
    return rows


#: States drawn struck through: no longer in force.
_STRUCK = frozenset({"repealed", "replaced", "expired"})
_STRUCK_BORDER = "#b71c1c"
_AT_RISK_BORDER = "#ef6c00"


def _strike(text: str) -> str:
    """Text struck through on a canvas (vis draws labels there, CSS cannot reach them):
    a combining long stroke overlay after every character but spaces."""
    return "".join(ch if ch.isspace() else ch + "\u0336" for ch in text)


def _force_marks(attrs: Mapping[str, Any], label: str, record: dict[str, Any]) -> str:
    """A document no longer in force is struck through with a dark red border; a document
    or task resting on one (or on an amended one) gets a warning sign and an orange border."""
    if attrs.get("status"):
        record["status"] = attrs["status"]
    if attrs.get("status") in _STRUCK:
        first, _, rest = label.partition("\n")
        label = _strike(first) + ("\n" + rest if rest else "")
        record["color"] = {**record.get("color", {}), "border": _STRUCK_BORDER}
        record["borderWidth"] = 3
    if attrs.get("at_risk_from"):
        record["at_risk"] = list(attrs["at_risk_from"])
        label = "⚠ " + label
        if attrs.get("status") not in _STRUCK:
            record["color"] = {**record.get("color", {}), "border": _AT_RISK_BORDER}
            record["borderWidth"] = 3
    return label


def _evidence_list(value: Any) -> list[dict[str, Any]]:
    out = []
    for ev in _as_list(value):
        if hasattr(ev, "to_dict"):
            ev = ev.to_dict()
        if isinstance(ev, Mapping):
            out.append({k: ev.get(k) for k in ("path", "sentence", "start", "end", "document")})
    return out


def _edge_names(relation: str, role: Any) -> tuple[str, str]:
    style = _RELATION.get(relation, _OTHER_RELATION)
    vi, en = style.vi, style.en
    if relation == Relation.ASSIGNS_TO.value and role in _ROLES:
        vi = f"{vi} ({_ROLES[role][0]})"
        en = f"{en} ({_ROLES[role][1]})"
    return vi, en


# --------------------------------------------------------------------------- layout


#: Cell sizes of the page layout, in canvas pixels at zoom 1: documents in the lineage
#: forest, documents only cited, tasks and agencies.
_CELL = {"lineage": (190, 108), "cited": (152, 56), "task": (156, 62), "agency": (176, 84)}
_BAND_GAP = 110  # between the bands (lineage, cited, tasks, agencies)
_HEADER = 46  # room for a band or block heading


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where every node is drawn in the "hierarchical" view, and the headings of its bands."""

    positions: dict[str, tuple[int, int]]
    rows: dict[str, int]  # row of the node, top first (vis's ``level``)
    lineage_level: dict[str, int]  # implements-depth of documents in the lineage forest
    headings: list[dict[str, Any]]
    detail: frozenset[str]  # tasks, agencies and documents planned by a task


def _is_detail(G: nx.MultiDiGraph, node: str, attrs: Mapping[str, Any]) -> bool:
    """Tasks, agencies and documents a task plans are hidden until asked for."""
    if (attrs.get("kind") or "document") != "document":
        return True
    return any(
        key == Relation.PART_OF.value and G.nodes[v].get("kind") == "task"
        for _, v, key in G.out_edges(node, keys=True)
    )


def _lineage_depths(L: nx.DiGraph) -> dict[str, int]:
    """Longest implements-path from each document up to a top (0 = implements nothing).

    Documents on a cycle share one depth.

    Examples:
        >>> L = nx.DiGraph([("kh154", "ctr26"), ("ctr26", "nq29"), ("ctr26", "kh13"), ("kh13", "nq29")])
        >>> sorted(_lineage_depths(L).items())
        [('ctr26', 2), ('kh13', 1), ('kh154', 3), ('nq29', 0)]
    """
    condensed = nx.condensation(L)
    depth: dict[int, int] = {}
    for comp in reversed(list(nx.topological_sort(condensed))):
        depth[comp] = max((depth[up] + 1 for up in condensed.successors(comp)), default=0)
    mapping = condensed.graph["mapping"]
    return {n: depth[mapping[n]] for n in L}


def _order_levels(L: nx.DiGraph, by_level: dict[int, list[str]], key: Any) -> None:
    """Order each level in place so that documents sit under what they implement."""
    if not by_level:
        return
    top, bottom = min(by_level), max(by_level)
    for nodes_ in by_level.values():
        nodes_.sort(key=key)

    def place() -> dict[str, float]:
        return {n: (i + 0.5) / len(ns) for ns in by_level.values() for i, n in enumerate(ns)}

    for sweep in (range(top + 1, bottom + 1), range(bottom - 1, top - 1, -1), range(top + 1, bottom + 1)):
        for lv in sweep:
            if lv not in by_level:
                continue
            where = place()
            def bary(n: str) -> float:
                near = [where[m] for m in (*L.successors(n), *L.predecessors(n)) if m in where and m != n]
                return sum(near) / len(near) if near else where[n]
            by_level[lv].sort(key=lambda n: (bary(n), key(n)))


def _shelves(widths: list[int], max_width: int) -> list[list[int]]:
    """Indexes of items packed left to right into rows no wider than ``max_width``."""
    rows: list[list[int]] = []
    used = max_width + 1
    for i, w in enumerate(widths):
        if rows and used + w <= max_width:
            rows[-1].append(i)
            used += w
        else:
            rows.append([i])
            used = w
    return rows


def _box_width(text: str, font: int, maximum: int) -> int:
    """Rough drawn width of a box label (DejaVu Sans: about 0.62 em a character)."""
    longest = max((len(line) for line in text.split("\n")), default=0)
    return int(min(maximum, longest * font * 0.62)) + 20


def _flow(items: list[str], widths: Mapping[str, int], max_width: int) -> list[list[str]]:
    """``items`` in rows, left to right, each row no wider than ``max_width``."""
    out: list[list[str]] = []
    used = max_width + 1
    for n in items:
        if out and used + widths[n] <= max_width:
            out[-1].append(n)
            used += widths[n]
        else:
            out.append([n])
            used = widths[n]
    return out


def _grid(items: list[str], cell: tuple[int, int], left: int, top: int, first_row: int, ncols: int,
          positions: dict[str, tuple[int, int]], rows: dict[str, int]) -> int:
    """Place ``items`` row by row, ``ncols`` to a row; return the number of rows."""
    w, h = cell
    for i, n in enumerate(items):
        positions[n] = (left + (i % ncols) * w + w // 2, top + (i // ncols) * h)
        rows[n] = first_row + i // ncols
    return -(-len(items) // ncols) if items else 0


def _layout(G: nx.MultiDiGraph, levels: Mapping[str, str], tasks: Mapping[str, int]) -> _Layout:
    """Positions of the page: the lineage of documents on top, then cited documents,
    tasks by document, agencies.

    Documents linked by ``implements`` (and documents of the corpus) form a forest of small
    trees: each connected group is laid out by implements-depth (the document implemented
    on top, those implementing it below), groups are packed side by side into shelves, and
    a level wider than a shelf wraps.  Documents only cited or used as a basis come next,
    as a compact grid sorted by level.  The shelf width is the one that lets this document
    view fill a roughly square canvas at the largest zoom.  Each document's tasks follow as
    a block, then the agencies; they are hidden until asked for.
    """
    label = {n: _node_label(G, n, a) for n, a in G.nodes(data=True)}
    detail = frozenset(n for n, a in G.nodes(data=True) if _is_detail(G, n, a))
    docs = [n for n, a in G.nodes(data=True) if (a.get("kind") or "document") == "document" and n not in detail]

    def doc_key(n: str) -> tuple:
        a = G.nodes[n]
        return (_LEVEL[levels.get(n, "other")].rank, not a.get("in_corpus"), str(a.get("date") or "9999"),
                label[n].casefold(), n)

    L = nx.DiGraph()
    doc_set = set(docs)
    for u, v, key in G.edges(keys=True):
        if key == Relation.IMPLEMENTS.value and u in doc_set and v in doc_set and u != v:
            L.add_edge(u, v)
    for n in docs:
        if G.nodes[n].get("in_corpus"):
            L.add_node(n)
    cited = sorted((n for n in docs if n not in L), key=doc_key)
    depth = _lineage_depths(L)
    lw, lh = _CELL["lineage"]
    cw, ch = _CELL["cited"]
    gap = 34  # between two boxes of a row
    width = {n: _box_width(_doc_text(G, n, G.nodes[n], tasks.get(n, 0)), 16, 172) + gap for n in L}
    width.update({n: _box_width(_doc_text(G, n, G.nodes[n], 0), 13, 140) + gap - 8 for n in cited})

    trees = []
    for comp in nx.weakly_connected_components(L):
        by_level: dict[int, list[str]] = {}
        for n in comp:
            by_level.setdefault(depth[n], []).append(n)
        _order_levels(L, by_level, doc_key)
        trees.append((by_level, len(comp), min(doc_key(n) for n in comp)))
    trees.sort(key=lambda t: (-len(t[0]), -t[1], t[2]))  # deepest and largest trees first

    def documents(max_width: int) -> tuple[dict, dict, list, int, int, int]:
        positions: dict[str, tuple[int, int]] = {}
        rows: dict[str, int] = {}
        headings: list[dict[str, Any]] = []
        y = row = right = 0
        # each level of a tree flows into rows no wider than the shelf
        flows = [{lv: _flow(ns, width, max_width) for lv, ns in t[0].items()} for t in trees]
        widths = [max(sum(width[n] for n in r) for rs in f.values() for r in rs) for f in flows]
        if trees:
            headings.append({"text": "Dòng thực hiện / Lineage (văn bản được thực hiện ở trên / implemented on top)",
                             "x": 0, "y": y, "band": "lineage"})
            y += _HEADER
        for shelf in _shelves([w + gap for w in widths], max_width + gap):
            depth_rows: dict[int, int] = {}
            for i in shelf:
                for lv, rs in flows[i].items():
                    depth_rows[lv] = max(depth_rows.get(lv, 0), len(rs))
            level_y: dict[int, tuple[int, int]] = {}
            acc = 0
            for lv in sorted(depth_rows):
                level_y[lv] = (y + acc * lh, row + acc)
                acc += depth_rows[lv]
            shelf_width = sum(widths[i] for i in shelf) + gap * (len(shelf) - 1)
            x0 = max(0, (max_width - shelf_width) // 2)
            for i in shelf:
                for lv, rs in flows[i].items():
                    for k, chunk in enumerate(rs):
                        left = x0 + (widths[i] - sum(width[n] for n in chunk)) // 2
                        for n in chunk:
                            positions[n] = (left + width[n] // 2, level_y[lv][0] + k * lh)
                            rows[n] = level_y[lv][1] + k
                            left += width[n]
                x0 += widths[i] + gap
            right = max(right, x0 - gap)
            y += acc * lh
            row += acc
        if trees:
            y += _BAND_GAP - lh // 2
        if cited:
            headings.append({"text": f"Chỉ được dẫn chiếu, căn cứ / Only cited ({len(cited)})",
                             "x": 0, "y": y, "band": "cited"})
            y += _HEADER
            flow = _flow(cited, width, max_width)
            for k, chunk in enumerate(flow):
                left = 0
                for n in chunk:
                    positions[n] = (left + width[n] // 2, y + k * ch)
                    rows[n] = row + k
                    left += width[n]
                right = max(right, left)
            y += len(flow) * ch + _BAND_GAP - ch // 2
            row += len(flow)
        return positions, rows, headings, y, row, right

    # the shelf width that fits the document view best in a square canvas
    n_cells = sum(width[n] for n in L) * lh + sum(width[n] for n in cited) * ch
    guess = int((n_cells ** 0.5) * 1.1)
    candidates = sorted({max(max(width.values(), default=lw), 3 * lw, int(guess * f))
                         for f in (0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.35, 1.5, 1.7)})
    best = None
    for shelf_width in candidates:
        result = documents(shelf_width)
        extent = max(result[5], result[3] - _BAND_GAP)
        if best is None or extent < best[0]:
            best = (extent, shelf_width, result)
    assert best is not None
    _extent, max_width, (positions, rows, headings, y, row, _right) = best

    # -- tasks, one block per document (documents a task plans follow it)
    tw, th = _CELL["task"]
    aw, ah = _CELL["agency"]
    n_detail = len(detail)
    # the detail bands may be wider than the documents, which are then centred above them
    wide = max(max_width, int((n_detail * tw * th) ** 0.5 * 1.2))
    shift = (wide - max_width) // 2
    positions = {n: (x + shift, y_) for n, (x, y_) in positions.items()}
    for h in headings:
        h["x"] += shift
    blocks: dict[str, list[str]] = {}
    planned: dict[str, list[str]] = {}
    for n in detail:
        a = G.nodes[n]
        if a.get("kind") == "task":
            blocks.setdefault(str(a.get("document") or ""), []).append(n)
        elif (a.get("kind") or "document") == "document":
            for _, v, key in G.out_edges(n, keys=True):
                if key == Relation.PART_OF.value and G.nodes[v].get("kind") == "task":
                    planned.setdefault(v, []).append(n)
                    break
    block_list = []
    for doc in sorted(blocks, key=lambda d: doc_key(d) if d in G else (9, True, "", d, d)):
        tasks = sorted(blocks[doc], key=lambda t: (G.nodes[t].get("start") or 0, t))
        items = [x for t in tasks for x in (t, *sorted(planned.get(t, ())))]
        ncols = max(1, min(len(items), 16, wide // tw, int(len(items) ** 0.5 + 0.99)))
        block_list.append((items, ncols, label.get(doc, doc or "?"), len(tasks)))
    for shelf in _shelves([b[1] * tw + tw // 2 for b in block_list], wide + tw // 2):
        x0 = tallest = 0
        for i in shelf:
            items, ncols, name, n_tasks = block_list[i]
            headings.append({"text": f"Nhiệm vụ của {name} ({n_tasks})", "x": x0, "y": y,
                             "band": "tasks", "probe": items[0]})
            tallest = max(tallest, _grid(items, (tw, th), x0, y + _HEADER, row, ncols, positions, rows))
            x0 += ncols * tw + tw // 2
        y += _HEADER + tallest * th + th // 2
        row += tallest + 1
    if block_list:
        y += _BAND_GAP - th // 2

    # -- agencies, grouped by jurisdiction, units after their parents
    agencies = [n for n in detail if G.nodes[n].get("kind") == "agency"]
    others = sorted(n for n in detail if n not in positions and G.nodes[n].get("kind") != "agency")
    if agencies or others:
        def root(n: str) -> str:
            seen = {n}
            while (p := G.nodes[n].get("parent")) and p in G and p not in seen:
                seen.add(p)
                n = p
            return n
        agencies.sort(key=lambda n: (str(G.nodes[n].get("jurisdiction") or ""), label[root(n)].casefold(),
                                     root(n) != n, label[n].casefold(), n))
        items = agencies + others
        headings.append({"text": f"Cơ quan / Agencies ({len(agencies)})", "x": 0, "y": y,
                         "band": "agencies", "probe": items[0]})
        _grid(items, (aw, ah), 0, y + _HEADER, row, max(1, wide // aw), positions, rows)
    return _Layout(positions, rows, {n: depth[n] for n in L}, headings, detail)


def _is_large(n_nodes: int, n_edges: int) -> bool:
    """Past this size the page trades curves, hover and layout polish for speed."""
    return n_nodes > 1500 or n_edges > 3000


def _no_dashes(n_nodes: int, n_edges: int) -> bool:
    """Dashes (edges and borders) cost seconds per frame in a software canvas once a
    graph of this size is zoomed out to fit; colours alone carry the meaning there."""
    return n_nodes > 600 or n_edges > 1200


def _smooth(layout: str, large: bool) -> dict[str, Any] | bool:
    # No "dynamic" curves: their hidden support nodes break a later switch to the
    # hierarchical layout ("levels have to be defined for all nodes").
    if large:
        return False
    if layout == "hierarchical":
        return {"enabled": True, "type": "cubicBezier", "forceDirection": "vertical", "roundness": 0.4}
    return {"enabled": True, "type": "continuous", "roundness": 0.5}


def _options(layout: str, n_nodes: int, n_edges: int) -> dict[str, Any]:
    large = _is_large(n_nodes, n_edges)
    physics = {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {
            "gravitationalConstant": -60,
            "centralGravity": 0.008,
            "springLength": 120,
            "springConstant": 0.06,
            "avoidOverlap": 0 if large else 0.4,
        },
        "stabilization": {"enabled": True, "iterations": 60 if large else 400, "updateInterval": 25, "fit": True},
        "minVelocity": 1.0,
    }
    return {
        "autoResize": True,
        # The hierarchical view is drawn at the positions computed by _layout (vis's own
        # hierarchical layout makes one level per row, thousands of pixels wide, and keeps
        # room for hidden nodes); the force layout starts from the same positions.
        "layout": {"hierarchical": {"enabled": False}, "improvedLayout": False, "randomSeed": 7},
        "physics": physics if layout == "physics" else {"enabled": False},
        "interaction": {
            "hover": not large,
            "tooltipDelay": 200,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "multiselect": False,
            "navigationButtons": False,
            "keyboard": {"enabled": True, "bindToWindow": False},
        },
        "nodes": {
            "font": {"face": "DejaVu Sans, Noto Sans, Arial, sans-serif", "size": 14, "multi": False},
            "widthConstraint": {"maximum": 210},
            "margin": 8,
            "borderWidth": 1.5,
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "smooth": _smooth(layout, large),
            "font": {"face": "DejaVu Sans, Arial, sans-serif", "size": 11, "align": "horizontal",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
            "selectionWidth": 2,
            "hoverWidth": 1,
        },
    }


# --------------------------------------------------------------------------- render


_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                   ord("'"): "\\u0027", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def _json_for_script(value: Any) -> Any:
    """JSON safe inside a <script> element, Vietnamese kept as UTF-8 (a third of the size
    of ``\\uXXXX`` escapes); the characters that could close the script are escaped."""
    from markupsafe import Markup  # jinja2's dependency

    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.translate(_SCRIPT_ESCAPES))


def _node_record(G: nx.MultiDiGraph, node: str, attrs: Mapping[str, Any], level_key: str | None,
                 layout: _Layout, dashed_off: bool, show_detail: bool,
                 task_counts: Mapping[str, int]) -> dict[str, Any]:
    kind = attrs.get("kind") or "document"
    label = _node_label(G, node, attrs)
    rows = _node_fields(G, node, attrs)
    x, y = layout.positions.get(node, (0, 0))
    detail = node in layout.detail
    record: dict[str, Any] = {
        "kind": kind,
        "level": layout.rows.get(node, 0),
        "x": x,
        "y": y,
        "detail": detail,
        "hidden": detail and not show_detail,
        "info": rows,
        "symbol": attrs.get("number_symbol") or "",
        "name": attrs.get("name") or "",
        "search_text": " ".join(
            str(attrs.get(k) or "") for k in ("title", "issuer", "text", "jurisdiction")
        ),
        "date": attrs.get("date") or "",
    }
    if kind == "document":
        style = _LEVEL[level_key or "other"]
        text = _doc_text(G, node, attrs, task_counts.get(node, 0))
        if task_counts.get(node):
            record["tasks"] = task_counts[node]
        record["category"] = style.key
        record["in_corpus"] = bool(attrs.get("in_corpus"))
        lineage = node in layout.lineage_level
        record["lineage_level"] = layout.lineage_level.get(node)
        size = 16 if lineage else 13
        record["widthConstraint"] = {"maximum": 172 if lineage else 140}
        if record["in_corpus"]:
            record["color"] = {"background": style.color, "border": style.color,
                               "highlight": {"background": style.color, "border": "#111111"},
                               "hover": {"background": style.color, "border": "#111111"}}
            record["font"] = {"color": style.font, "size": size}
        else:
            record["color"] = {"background": style.light, "border": style.color,
                               "highlight": {"background": style.light, "border": "#111111"},
                               "hover": {"background": style.light, "border": "#111111"}}
            record["font"] = {"color": style.color, "size": size}
            # no dashes on big graphs (see _no_dashes): the light fill alone says "mentioned"
            record["shapeProperties"] = {"borderDashes": False if dashed_off else [5, 4]}
            record["borderWidth"] = 2
        text = _force_marks(attrs, text, record)
        return {"label": text, "shape": "box", **record}
    _vi, _en, shape, fill, border, font = KINDS.get(kind, KINDS["agency"])
    record["category"] = kind
    if kind == "task" and attrs.get("document") in G:  # "Nhiệm vụ II.1" alone is ambiguous in lists
        record["context"] = _node_label(G, attrs["document"], G.nodes[attrs["document"]])
        record["doc"] = attrs["document"]
    if kind == "task":  # the document's task list in the side panel
        record["lead_names"] = "; ".join(_agency_name(G, a) for a in _as_list(attrs.get("lead")))
        record["deadline_text"] = _deadline_text(attrs.get("deadline"))
    record["color"] = {"background": fill, "border": border,
                       "highlight": {"background": fill, "border": "#111111"},
                       "hover": {"background": fill, "border": "#111111"}}
    record["font"] = {"color": font}
    if shape == "diamond":
        record["size"] = 12
    label = _force_marks(attrs, label, record)
    return {"label": label, "shape": shape, **record}


def viewer_payload(
    G: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    depth: int | None = None,
    title: str = "policykg",
    layout: str = "hierarchical",
    tasks: bool = False,
    urls: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """What the viewer page draws: ``{"title", "nodes", "edges", "options", "meta"}``, the
    node and edge records styled and laid out (arguments as :func:`render_viewer`).

    ``urls`` are the server's endpoints when the page is served (``policykg serve``):
    ``expand`` (a node's neighbourhood as ``{"nodes", "edges"}`` records, so the page grows
    one neighbourhood at a time) and ``page`` (a document's page); a file has none.
    """
    if layout not in LAYOUTS:
        raise ViewerError(f"{layout}: unknown layout (expected one of {', '.join(LAYOUTS)})")
    if depth is not None and (isinstance(depth, bool) or not isinstance(depth, int) or depth < 0):
        raise ViewerError(f"{depth!r}: depth must be a non-negative integer")
    if depth is not None and focus is None:
        raise ViewerError(f"depth {depth}: a depth needs a focus node")

    focus_id = None
    if focus is not None:
        focus_id = _resolve_focus(G, focus)
        G = G.subgraph(neighbourhood(G, focus_id, depth))

    from pyvis.network import Network

    levels = {n: document_level(a) for n, a in G.nodes(data=True) if a.get("kind", "document") == "document"}
    task_counts: dict[str, int] = {}
    for _n, a in G.nodes(data=True):
        if a.get("kind") == "task" and a.get("document") in G:
            task_counts[a["document"]] = task_counts.get(a["document"], 0) + 1
    layout_ = _layout(G, levels, task_counts)

    large = _is_large(G.number_of_nodes(), G.number_of_edges())
    dashed_off = _no_dashes(G.number_of_nodes(), G.number_of_edges())
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    for node, attrs in G.nodes(data=True):
        record = _node_record(G, node, attrs, levels.get(node), layout_, dashed_off, tasks, task_counts)
        net.add_node(node, **record)

    # add_edge checks endpoints with a list scan; the nodes are known to exist, so the
    # edge records are built as pyvis builds them (pyvis.edge.Edge) and appended.
    from pyvis.edge import Edge

    edge_labels = G.number_of_edges() <= 300
    relation_counts: dict[str, int] = {}
    pair_count: dict[tuple[str, str], int] = {}
    for u, v, key, attrs in G.edges(keys=True, data=True):
        relation = str(attrs.get("relation") or key)
        relation_counts[relation] = relation_counts.get(relation, 0) + 1
        style = _RELATION.get(relation, _OTHER_RELATION)
        role = attrs.get("role")
        vi, en = _edge_names(relation, role)
        evidence = _evidence_list(attrs.get("evidence"))
        pair = (min(u, v), max(u, v))
        nth = pair_count.get(pair, 0)
        pair_count[pair] = nth + 1
        record: dict[str, Any] = {
            "id": f"{u}\u2192{key}\u2192{v}",
            "relation": relation,
            "role": role,
            "rel_label": vi,
            "rel_en": en,
            "evidence": evidence,
            "color": {"color": style.color, "highlight": style.color, "hover": style.color},
            "width": style.width,
            # dashed lines, like dashed borders, are too slow to draw zoomed out on big graphs
            "dashes": not dashed_off and (
                style.dashes or (relation == Relation.ASSIGNS_TO.value and role == "cooperating")),
        }
        if edge_labels:
            record["label"] = vi
        if nth:  # parallel edges of a multigraph bend apart
            record["smooth"] = {"enabled": True, "type": "curvedCW" if nth % 2 else "curvedCCW",
                                "roundness": 0.15 + 0.1 * (nth // 2)}
        net.edges.append(Edge(u, v, directed=True, **record).options)

    options = _options(layout, len(net.nodes), len(net.edges))
    net.options = options
    nodes, edges, _heading, _height, _width, options_json = net.get_network_data()

    relations = [
        {"key": r.key, "vi": r.vi, "en": r.en, "color": r.color, "dashes": r.dashes,
         "count": relation_counts.get(r.key, 0)}
        for r in RELATIONS
    ]
    relations += [
        {"key": k, "vi": k, "en": k, "color": _OTHER_RELATION.color, "dashes": True, "count": c}
        for k, c in sorted(relation_counts.items()) if k not in _RELATION
    ]
    meta = {
        "title": title,
        "focus": focus_id,
        "depth": depth,
        "layout": layout,
        "lineage": list(LINEAGE_RELATIONS),
        "relations": relations,
        "levels": [{"key": lv.key, "vi": lv.vi, "en": lv.en, "color": lv.color, "light": lv.light,
                    "count": sum(1 for k in levels.values() if k == lv.key)} for lv in LEVELS],
        "kinds": {k: {"vi": v[0], "en": v[1], "shape": v[2], "fill": v[3], "border": v[4]}
                  for k, v in KINDS.items()},
        "headings": layout_.headings,
        "show_detail": tasks,
        "detail_count": len(layout_.detail),
        "physics": _options("physics", len(nodes), len(edges))["physics"],
        "smooth": {mode: _smooth(mode, _is_large(len(nodes), len(edges))) for mode in LAYOUTS},
        "edge_labels": edge_labels,
        "counts": {"nodes": len(nodes), "edges": len(edges)},
        "urls": dict(urls or {}),
    }
    return {"title": title, "nodes": nodes, "edges": edges, "options": json.loads(options_json), "meta": meta}



def viewer_html(payload: Mapping[str, Any]) -> str:
    """The viewer page for a :func:`viewer_payload`: one HTML document, vis-network inlined."""
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader  # pyvis's dependency

    template_dir = importlib.resources.files("viz").joinpath("templates")
    pyvis_dir = importlib.resources.files("pyvis").joinpath("templates")
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(template_dir)), FileSystemLoader(str(pyvis_dir))]),
        autoescape=True,
    )
    env.filters["json_utf8"] = _json_for_script
    return env.get_template("viewer.html").render(**payload)


def render_viewer(
    G: nx.MultiDiGraph,
    path: str | Path,
    *,
    focus: str | None = None,
    depth: int | None = None,
    title: str = "policykg",
    layout: str = "hierarchical",
    tasks: bool = False,
) -> Path:
    """Write the graph (or the neighbourhood of one node) as one offline HTML page.

    Args:
        G: the policy graph (schema in :mod:`graph.model`).
        path: the HTML file to write; parent folders are created.
        focus: a node id, or a number-symbol naming exactly one document: draw only
            the nodes within ``depth`` hops of it (edges followed both ways), and open
            the page with it selected.
        depth: hops around ``focus``; None draws its whole connected component.
        title: the page title and heading.
        layout: "hierarchical" (the lineage of documents top-down, the default) or
            "physics" (force layout that stabilizes, then stops); the page can switch.
        tasks: open the page with tasks and agencies shown; by default only documents
            are drawn and a checkbox (or a document's task list) reveals the rest.

    Returns:
        The path written.

    Raises:
        NotFound: ``focus`` names no node.
        AmbiguousReference: ``focus`` is a number-symbol shared by several documents.
        ViewerError: bad ``depth`` or ``layout``, or the file cannot be written.

    Example::

        render_viewer(G, "out/lineage.html", focus="26-CTr/TU", depth=3)
        # -> PosixPath('out/lineage.html')
    """
    html = viewer_html(viewer_payload(G, focus=focus, depth=depth, title=title, layout=layout, tasks=tasks))
    out = Path(path)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise ViewerError(f"{out}: cannot write the viewer ({exc.strerror or exc})") from exc
    return out
