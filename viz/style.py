"""How the lineage viewer (:mod:`viz.viewer`) draws and names things: colours and shapes of
document levels, node kinds and relations; labels, tooltip rows and display forms (dates,
deadlines, flags, type names) in Vietnamese and English; the marks of documents no longer
in force; the vis-network drawing options.

Nothing here places nodes (:mod:`viz.layout`) or writes the page (:mod:`viz.viewer`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph.ids import split_doc_id
from graph.model import CENTRAL, Relation
from graph.vocab import kind_info, place_label, relation_info, type_info
from queries.lineage import vn_date

__all__ = [
    "LevelStyle",
    "RelationStyle",
    "LEVELS",
    "LEVEL",
    "KINDS",
    "RELATIONS",
    "RELATION",
    "OTHER_RELATION",
    "document_level",
    "as_list",
    "agency_name",
    "node_label",
    "deadline_text",
    "doc_text",
    "node_fields",
    "force_marks",
    "evidence_list",
    "edge_names",
    "is_large",
    "no_dashes",
    "edge_curves",
    "vis_options",
]


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

LEVEL = {lv.key: lv for lv in LEVELS}

#: Node kinds' looks: (vis shape, fill, border, label colour); their names come from
#: graph/tables/relations.toml ([kind]).
_KIND_LOOKS = {
    "document": ("box", "", "", ""),
    "task": ("ellipse", "#e8f5e9", "#2e7d32", "#1b5e20"),
    "agency": ("diamond", "#00838f", "#005662", "#004d40"),
}
#: Node kinds: (Vietnamese, English, vis shape, fill, border, label colour).
KINDS: dict[str, tuple[str, str, str, str, str, str]] = {
    kind: (kind_info(kind)["vi"], kind, *look) for kind, look in _KIND_LOOKS.items()
}

#: Relations' looks in legend order: (colour, width, dashed); their words come from
#: graph/tables/relations.toml.
_RELATION_LOOKS = {
    Relation.IMPLEMENTS: ("#c62828", 2.5, False),
    Relation.BASED_ON: ("#1e88e5", 1.5, False),
    Relation.REPLACES: ("#8e24aa", 2.0, False),
    Relation.AMENDS: ("#f57c00", 2.0, False),
    Relation.CITES: ("#b0bec5", 0.8, True),
    Relation.ASSIGNS_TO: ("#2e7d32", 1.5, False),
    Relation.PART_OF: ("#9e9e9e", 1.0, False),
}
#: Relations in legend order.
RELATIONS: tuple[RelationStyle, ...] = tuple(
    RelationStyle(r.value, r.vi, relation_info(r.value)["en"], *look) for r, look in _RELATION_LOOKS.items()
)

RELATION = {r.key: r for r in RELATIONS}

OTHER_RELATION = RelationStyle("other", "quan hệ khác", "other relation", "#bdbdbd", 1.0, True)

_ROLES = {"lead": ("chủ trì", "lead"), "cooperating": ("phối hợp", "cooperating")}


_FLAG_NAMES = {
    "draft": "dự thảo / draft", "unnumbered": "chưa có số / unnumbered",
    "ambiguous": "chưa xác định duy nhất / ambiguous", "named": "gọi theo tên / named",
    "conflict": "mâu thuẫn / conflict",
}

def document_level(attrs: Mapping[str, Any]) -> str:
    """Level key of a document node: central or provincial, Party or State, or other.

    Party or State is the document's ``party`` attribute, which the loaders read once
    (loaders.identity.party_of: its symbol, its issuer's name, its type); a document with no
    jurisdiction or no ``party`` is "other".

    Args:
        attrs: the node's attributes (``jurisdiction``, ``party``).

    Returns:
        One of the keys of :data:`LEVELS`.

    Examples:
        >>> document_level({"jurisdiction": "central", "party": True})
        'central_party'
        >>> document_level({"jurisdiction": "Hà Tĩnh", "party": False})
        'provincial_state'
        >>> document_level({"jurisdiction": "central", "type": "Luật"})
        'other'
        >>> document_level({"jurisdiction": None, "party": True})
        'other'
    """
    jurisdiction = attrs.get("jurisdiction")
    if not jurisdiction:
        return "other"
    party = attrs.get("party")
    if party is None:
        return "other"
    side = "party" if party else "state"
    scope = "central" if jurisdiction == CENTRAL else "provincial"
    return f"{scope}_{side}"


def _short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def as_list(value: Any) -> list:
    """``value`` as a list: None is empty, a single value one item."""
    if value is None:
        return []
    if isinstance(value, (list, tuple, set, frozenset)):
        return list(value)
    return [value]


def agency_name(G: nx.MultiDiGraph, ref: Any) -> str:
    """Display name of an agency given by id or by name."""
    ref = str(ref)
    if ref in G and G.nodes[ref].get("name"):
        return str(G.nodes[ref]["name"])
    return ref


def node_label(G: nx.MultiDiGraph, node: str, attrs: Mapping[str, Any]) -> str:
    """The text a node is drawn with: number-symbol, short title, "Nhiệm vụ <section>" or the
    agency's name."""
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


def deadline_text(deadline: Any) -> str:
    """A task's deadline in words, with its dates (:func:`queries.lineage.vn_date`), recurrence and kind."""
    if not deadline:
        return ""
    if not isinstance(deadline, Mapping):
        return str(deadline)
    parts = [str(deadline.get("text") or "")]
    start, end = deadline.get("start"), deadline.get("end")
    if start or end:
        span = " – ".join(vn_date(d) for d in (start, end) if d)
        parts.append(f"({span})")
    if deadline.get("recurring"):
        parts.append(f"[{deadline['recurring']}]")
    if deadline.get("kind") and deadline.get("kind") != "unknown":
        parts.append(f"· {deadline['kind']}")
    return " ".join(p for p in parts if p)


def doc_text(G: nx.MultiDiGraph, node: str, attrs: Mapping[str, Any], n_tasks: int) -> str:
    """A document's box: number-symbol, date, and how many tasks it sets."""
    label = node_label(G, node, attrs)
    date = vn_date(attrs.get("date"))
    text = f"{label}\n{date}" if date and attrs.get("number_symbol") else label
    return f"{text}\n{n_tasks} nhiệm vụ" if n_tasks else text


def node_fields(G: nx.MultiDiGraph, node: str, attrs: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The (label, value) rows shown in the tooltip and the side panel."""
    kind = attrs.get("kind")
    rows: list[tuple[str, str]] = []

    def add(label: str, value: Any) -> None:
        if value not in (None, "", [], ()):
            rows.append((label, str(value)))

    if kind == "document":
        code = attrs.get("type")
        level = LEVEL[document_level(attrs)]
        row = type_info(code)
        add("Loại / Type", f"{row['label']} ({code})" if row else code)
        add("Số, ký hiệu / Number", attrs.get("number_symbol"))
        add("Ngày / Date", vn_date(attrs.get("date")))
        add("Cơ quan ban hành / Issuer", attrs.get("issuer"))
        jurisdiction = attrs.get("jurisdiction")
        add("Phạm vi / Jurisdiction", f"{place_label(jurisdiction)} / {place_label(jurisdiction, 'en')}" if jurisdiction == CENTRAL else jurisdiction)
        add("Cấp / Level", f"{level.vi} / {level.en}")
        add("Trích yếu / Title", attrs.get("title"))
        flags = [_FLAG_NAMES.get(f, f) for f in as_list(attrs.get("flags"))]
        add("Cờ / Flags", ", ".join(flags))
        if attrs.get("in_corpus"):
            add("Trong kho / In corpus", f"có / yes — {attrs.get('path') or ''}".rstrip(" —"))
        else:
            add("Trong kho / In corpus", "không, chỉ được nhắc đến / no, only mentioned")
    elif kind == "task":
        document = attrs.get("document")
        if document:
            doc_attrs = G.nodes[document] if document in G else {}
            add("Văn bản / Document", node_label(G, document, doc_attrs) if doc_attrs else document)
        add("Mục / Section", attrs.get("section"))
        add("Nội dung / Text", attrs.get("text"))
        add("Thời hạn / Deadline", deadline_text(attrs.get("deadline")))
        add("Chủ trì / Lead", "; ".join(agency_name(G, a) for a in as_list(attrs.get("lead"))))
        add(
            "Phối hợp / Cooperating",
            "; ".join(agency_name(G, a) for a in as_list(attrs.get("cooperating"))),
        )
        add("Cấp trình / Approval level", attrs.get("approval_level"))
        if attrs.get("inferred"):
            add("Ghi chú / Note", "chủ trì suy ra từ cơ quan ban hành / lead inferred")
        if attrs.get("start") is not None and attrs.get("end") is not None:
            add("Vị trí / Offsets", f"{attrs['start']}–{attrs['end']}")
    elif kind == "agency":
        add("Tên / Name", attrs.get("name"))
        jurisdiction = attrs.get("jurisdiction")
        add("Phạm vi / Jurisdiction", f"{place_label(jurisdiction)} / {place_label(jurisdiction, 'en')}" if jurisdiction == CENTRAL else jurisdiction)
        if attrs.get("group"):
            add("Nhóm / Group", "nhóm cơ quan / a group of agencies")
        if attrs.get("parent"):
            add("Trực thuộc / Parent", agency_name(G, attrs["parent"]))
    if attrs.get("status"):
        from queries.status import LABELS_VI

        words = LABELS_VI.get(attrs["status"], attrs["status"])
        by = [node_label(G, b, G.nodes[b]) for b in as_list(attrs.get("status_by")) if b in G]
        if by and attrs["status"] in ("repealed", "replaced", "amended"):
            words += " — " + ", ".join(by)
        if attrs.get("status_since"):
            words += f" (từ {vn_date(attrs['status_since'])})"
        add("Hiệu lực / Status", f"{words} [{attrs['status']}]")
    warn = [node_label(G, u, G.nodes[u]) for u in as_list(attrs.get("at_risk_from")) if u in G]
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


def force_marks(attrs: Mapping[str, Any], label: str, record: dict[str, Any]) -> str:
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


def evidence_list(value: Any) -> list[dict[str, Any]]:
    """Evidence as plain dicts (path, sentence, start, end, document) for the page."""
    out = []
    for ev in as_list(value):
        if hasattr(ev, "to_dict"):
            ev = ev.to_dict()
        if isinstance(ev, Mapping):
            out.append({k: ev.get(k) for k in ("path", "sentence", "start", "end", "document")})
    return out


def edge_names(relation: str, role: Any) -> tuple[str, str]:
    """Vietnamese and English name of a relation, with the role of an ``assigns_to``."""
    style = RELATION.get(relation, OTHER_RELATION)
    vi, en = style.vi, style.en
    if relation == Relation.ASSIGNS_TO.value and role in _ROLES:
        vi = f"{vi} ({_ROLES[role][0]})"
        en = f"{en} ({_ROLES[role][1]})"
    return vi, en


def is_large(n_nodes: int, n_edges: int) -> bool:
    """Past this size the page trades curves, hover and layout polish for speed."""
    return n_nodes > 1500 or n_edges > 3000


def no_dashes(n_nodes: int, n_edges: int) -> bool:
    """Dashes (edges and borders) cost seconds per frame in a software canvas once a
    graph of this size is zoomed out to fit; colours alone carry the meaning there."""
    return n_nodes > 600 or n_edges > 1200


def edge_curves(layout: str, large: bool) -> dict[str, Any] | bool:
    """vis-network's ``smooth`` setting of edges for a layout (straight on large graphs)."""
    # No "dynamic" curves: their hidden support nodes break a later switch to the
    # hierarchical layout ("levels have to be defined for all nodes").
    if large:
        return False
    if layout == "hierarchical":
        return {"enabled": True, "type": "cubicBezier", "forceDirection": "vertical", "roundness": 0.4}
    return {"enabled": True, "type": "continuous", "roundness": 0.5}


def vis_options(layout: str, n_nodes: int, n_edges: int) -> dict[str, Any]:
    """The vis-network options of the page: physics for the force layout, interaction,
    node and edge defaults; large graphs trade polish for speed (:func:`is_large`)."""
    large = is_large(n_nodes, n_edges)
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
        # The hierarchical view is drawn at the positions computed by lay_out (vis's own
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
            "smooth": edge_curves(layout, large),
            "font": {"face": "DejaVu Sans, Arial, sans-serif", "size": 11, "align": "horizontal",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
            "selectionWidth": 2,
            "hoverWidth": 1,
        },
    }
