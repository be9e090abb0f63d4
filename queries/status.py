"""Is it still in force?  The legal status of every document, on a given day, and the
warning it passes down to everything that carries it out.

A status is derived, never guessed, from facts every engine holds (networkx here, SPARQL and
Cypher through :func:`derive_statuses` on the facts their queries return):

* the document's own: its flags (``draft``, ``planned``), its date, the day it takes effect
  (``effective_date``, from its own "có hiệu lực" clause), the period its title states
  (``period_until``) and the status a legal-library page reports (``reported_state``);
* the change edges that point at it: ``replaces`` (mode ``repeal`` or ``replace``) and
  ``amends`` (mode ``amend``, with the ``parts`` the text names), each with its source
  document, which takes effect on its own effective date (else its date), and its evidence.
  A source flagged ``planned`` (a document a task will produce) is a change to come.

States, strongest first: ``repealed`` / ``replaced`` (by which, since when; a chain of
replacements resolves to the ``latest``), ``expired`` (the stated period has ended),
``amended`` (by which, which parts), ``to_be_replaced`` / ``to_be_amended`` (a task will
produce the change; the document is still in force), ``in_force`` (its text is in the store
and nothing there ends it), ``draft``, ``planned``, ``not_yet_in_force`` (issued or taking
effect after the day asked about) and ``unknown`` (only cited, nothing known of its force).
Each status names the facts that set it (``by`` and ``evidence``).

Downstream (KeyCite's warning, run downward): every document and task from which a
repealed, replaced, amended or expired document is reached over LINEAGE edges
(:func:`queries.lineage.impact`) carries a flag naming that document and its change.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph.errors import PolicyKGError
from graph.ids import doc_unit
from graph.vocab import load_table, relation_info, relations_in_order

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

    from queries.lineage import TraceResult

__all__ = [
    "STATES",
    "AT_RISK",
    "NOT_IN_FORCE",
    "Change",
    "Status",
    "parse_day",
    "facts_from_graph",
    "derive_statuses",
    "risk_flags",
    "graph_statuses",
    "StatusReport",
    "annotate",
    "STATUS_ATTRS",
    "cite_text",
    "VERBS",
]

#: Every state, in the order answers list them.
STATES = (
    "repealed", "replaced", "expired", "amended", "to_be_replaced", "to_be_amended",
    "in_force", "not_yet_in_force", "draft", "planned", "unknown",
)
#: States no longer in force.
NOT_IN_FORCE = frozenset({"repealed", "replaced", "expired"})
#: States whose change everything downstream is warned of.
AT_RISK = NOT_IN_FORCE | {"amended"}
#: The state's words in Vietnamese, as a legal library shows them (graph/tables/statuses.toml).
LABELS_VI: dict[str, str] = {state: row["vi"] for state, row in load_table("statuses")["status"].items()}
_CHANGE_RELATIONS = ("replaces", "amends")


class DateError(PolicyKGError):
    """A date option that cannot be read."""


def parse_day(value: str | None, *, today: _dt.date | None = None) -> str | None:
    """A date as users write it, to ISO: "31/12/2025" (dd/mm/yyyy, how Vietnamese users
    write dates), "31-12-2025", "2025-12-31", "12/2025" and "2025" (the last day of that
    month or year), "today"/"hôm nay", "tomorrow"/"ngày mai", "yesterday"/"hôm qua".

    >>> parse_day("31/12/2025"), parse_day("2025-12-31"), parse_day("5/5/2023")
    ('2025-12-31', '2025-12-31', '2023-05-05')
    >>> parse_day("tomorrow", today=_dt.date(2026, 12, 6)), parse_day("2/2024")
    ('2026-12-07', '2024-02-29')
    >>> parse_day("31/02/2025")
    Traceback (most recent call last):
    ...
    queries.status.DateError: '31/02/2025': not a date (write dd/mm/yyyy, e.g. 31/12/2025, or yyyy-mm-dd)
    """
    if value is None:
        return None
    text = " ".join(value.split()).casefold()
    base = today or _dt.date.today()
    words = {"today": 0, "hôm nay": 0, "tomorrow": 1, "ngày mai": 1, "yesterday": -1, "hôm qua": -1}
    if text in words:
        return (base + _dt.timedelta(days=words[text])).isoformat()
    import re

    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
            return _dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        if m := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text):
            return _dt.date(int(m[3]), int(m[2]), int(m[1])).isoformat()
        if m := re.fullmatch(r"(\d{1,2})[/.-](\d{4})", text):
            month = _dt.date(int(m[2]), int(m[1]), 1)
            nxt = _dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
            return (nxt - _dt.timedelta(days=1)).isoformat()
        if m := re.fullmatch(r"(\d{4})", text):
            return f"{m[1]}-12-31"
    except ValueError:
        pass
    raise DateError(f"{value!r}: not a date (write dd/mm/yyyy, e.g. 31/12/2025, or yyyy-mm-dd)")


@dataclass(frozen=True)
class Change:
    """One change edge pointing at a document."""

    by: str  # the changing document
    mode: str  # "repeal", "replace" or "amend"
    date: str | None  # the day it takes effect: the changing document's effective date or date
    parts: tuple[str, ...] = ()
    planned: bool = False  # the changing document is still to be made
    task: str | None = None  # for a planned document: the task that will produce it
    evidence: dict | None = None

    def to_dict(self) -> dict:
        return {"by": self.by, "mode": self.mode, "date": self.date, "parts": list(self.parts),
                "planned": self.planned, "task": self.task, "evidence": self.evidence}


@dataclass
class Status:
    id: str
    state: str
    since: str | None = None  # the day the state began, where known
    by: list[str] = field(default_factory=list)  # documents that set it
    parts: list[str] = field(default_factory=list)  # for amended: the parts changed
    latest: str | None = None  # for replaced: the end of the chain of replacements
    pending: list[Change] = field(default_factory=list)  # changes planned by tasks
    changes: list[Change] = field(default_factory=list)  # every change in effect
    evidence: list[dict] = field(default_factory=list)
    basis: str = ""  # how the state was set, in words

    @property
    def in_force(self) -> bool | None:
        if self.state in NOT_IN_FORCE or self.state in ("draft", "planned", "not_yet_in_force"):
            return False
        if self.state == "unknown":
            return None
        return True

    def key(self) -> tuple:
        """What every engine must agree on."""
        return (self.state, self.since, tuple(self.by), tuple(self.parts), self.latest,
                tuple(sorted((c.by, c.mode, c.task or "") for c in self.pending)))

    def to_dict(self) -> dict:
        return {
            "id": self.id, "state": self.state, "label_vi": LABELS_VI[self.state], "in_force": self.in_force,
            "since": self.since, "by": self.by, "parts": self.parts, "latest": self.latest,
            "pending": [c.to_dict() for c in self.pending], "changes": [c.to_dict() for c in self.changes],
            "evidence": self.evidence, "basis": self.basis,
        }


# -- facts --------------------------------------------------------------------------------

_DOC_FACTS = ("flags", "date", "effective_date", "period_until", "period_text", "period_span",
              "reported_state", "reported_status", "in_corpus", "path")


def facts_from_graph(g: nx.MultiDiGraph) -> tuple[dict[str, dict], list[dict]]:
    """The facts a status is derived from, read off the networkx graph: per document its
    own (``flags``, ``date``, ``effective_date``, ``period_until`` ...), and one row per change
    edge (``src``, ``relation``, ``dst``, ``mode``, ``parts``, ``task`` of a planned source,
    ``evidence``).  The SPARQL and Cypher engines return the same rows."""
    docs = {
        n: {k: d.get(k) for k in _DOC_FACTS}
        for n, d in g.nodes(data=True) if d.get("kind") == "document"
    }
    rows = []
    for u, v, k, d in g.edges(keys=True, data=True):
        if k not in _CHANGE_RELATIONS or u not in docs or v not in docs:
            continue
        task = next((t for _, t, kk in g.out_edges(u, keys=True) if kk == "part_of"), None)
        ev = (d.get("evidence") or [None])[0]
        rows.append({"src": u, "relation": k, "dst": v, "mode": d.get("mode"), "parts": list(d.get("parts") or ()),
                     "task": task, "evidence": ev})
    return docs, rows


def facts_from_index(src) -> tuple[dict[str, dict], list[dict]]:
    """:func:`facts_from_graph` read from a store's index (``index_nodes``, ``node_attrs``,
    ``edges_with``, ``adjacent``): every document's own facts, a batch at a time, and the
    change edges alone, instead of the whole graph."""
    ids = src.index_nodes("document")
    docs: dict[str, dict] = {}
    for i in range(0, len(ids), 5000):
        found = src.node_attrs(ids[i:i + 5000])
        docs.update((n, {k: found[n].get(k) for k in _DOC_FACTS}) for n in ids[i:i + 5000] if n in found)
    changes = [(u, v, k, d) for u, v, k, d in src.edges_with(_CHANGE_RELATIONS) if u in docs and v in docs]
    task: dict[str, str] = {}
    for u, t, _, _ in src.adjacent({u for u, *_ in changes}, ("part_of",)):
        task.setdefault(u, t)  # the first part_of edge in the graph's order, as out_edges gives it
    rows = [{"src": u, "relation": k, "dst": v, "mode": d.get("mode"), "parts": list(d.get("parts") or ()),
             "task": task.get(u), "evidence": (d.get("evidence") or [None])[0]} for u, v, k, d in changes]
    return docs, rows


def index_statuses(src, as_of: str | None = None) -> StatusReport:
    """:func:`graph_statuses` of a whole store from its index: the statuses from
    :func:`facts_from_index`, each warning passed down to what ``impact`` lists of a document
    not (wholly) in force: the lineage edges into it walked by one recursive statement
    (``queries.local.reach``; reading each neighbourhood's attributes took 90 % of the time)."""
    from queries.lineage import LINEAGE
    from queries.local import reach

    day = as_of or _dt.date.today().isoformat()
    statuses = derive_statuses(*facts_from_index(src), day)
    return StatusReport(day, statuses, risk_flags(statuses, lambda n: reach(src, [n], LINEAGE, out=False, inward=True) - {n}))


def report_nodes(report: StatusReport, ids: Iterable[str]) -> set[str]:
    """``ids`` with every node their status phrases name (by, latest, the planned changes'
    tasks, the warnings' upstream documents): what a printout of them must be able to label."""
    out = set(ids)
    for n in list(out):
        st = report.of(n)
        if st is not None:
            out |= set(st.by) | {c.task for c in st.pending if c.task} | ({st.latest} if st.latest else set())
        out |= {f["upstream"] for f in report.flags.get(n, ())}
    return out


def _mode(row: dict) -> str:
    if row.get("mode"):
        return row["mode"]
    return "amend" if row["relation"] == "amends" else "replace"


def _day_after(iso: str) -> str:
    return (_dt.date.fromisoformat(iso) + _dt.timedelta(days=1)).isoformat()


def _valid(iso: str | None) -> str | None:
    try:
        return _dt.date.fromisoformat(iso).isoformat() if iso else None
    except (TypeError, ValueError):
        return None  # a date that cannot be (check reports it); never compared


def _takes_effect(doc: dict) -> str | None:
    return _valid(doc.get("effective_date")) or _valid(doc.get("date"))


def derive_statuses(docs: dict[str, dict], rows: Iterable[dict], as_of: str | None = None) -> dict[str, Status]:
    """The status of every document on ``as_of`` (ISO; default today) from the facts of
    :func:`facts_from_graph` (or the same facts from another engine)."""
    day = as_of or _dt.date.today().isoformat()
    incoming: dict[str, list[Change]] = {}
    for row in rows:
        src = docs.get(row["src"], {})
        planned = "planned" in (src.get("flags") or [])
        change = Change(by=row["src"], mode=_mode(row), date=_takes_effect(src), parts=tuple(row.get("parts") or ()),
                        planned=planned, task=row.get("task") if planned else None, evidence=row.get("evidence"))
        incoming.setdefault(row["dst"], []).append(change)
    for changes in incoming.values():
        changes.sort(key=lambda c: (c.date or "9999", c.by, c.mode))
    out = {n: _status(n, d, incoming.get(n, []), day) for n, d in docs.items()}
    for st in out.values():
        if st.state == "replaced":
            st.latest = _latest(st.id, out)
    return out


def _status(n: str, d: dict, changes: list[Change], day: str) -> Status:
    flags = d.get("flags") or []
    if "planned" in flags:
        return Status(n, "planned", basis="a document a task will produce")
    if "draft" in flags:
        return Status(n, "draft", basis="the text is a draft")
    issued = _valid(d.get("date"))
    if issued and issued > day:
        return Status(n, "not_yet_in_force", since=None, basis=f"issued on {issued}, after {day}")
    effective = _valid(d.get("effective_date"))
    if effective and effective > day:
        return Status(n, "not_yet_in_force", basis=f"takes effect on {effective}, after {day}",
                      evidence=_own_evidence(d, "effective_span", "có hiệu lực"))
    done = [c for c in changes if not c.planned and (c.date is None or c.date <= day)]
    pending = [c for c in changes if c.planned]
    ending = [c for c in done if c.mode in ("repeal", "replace")]
    if ending:
        first = ending[0]
        state = "repealed" if first.mode == "repeal" else "replaced"
        same = [c for c in ending if c.mode == first.mode]
        return Status(n, state, since=first.date, by=_ids(same), changes=done, pending=pending,
                      evidence=[c.evidence for c in same if c.evidence],
                      basis=f"{'repealed' if state == 'repealed' else 'replaced'} by the document(s) named")
    until = _valid(d.get("period_until"))
    amends = [c for c in done if c.mode == "amend"]
    if until and until < day:
        return Status(n, "expired", since=_day_after(until), changes=done, pending=pending,
                      evidence=_own_evidence(d, "period_span", d.get("period_text") or ""),
                      basis=f"the period its title states ({d.get('period_text')}) ended on {until}")
    if amends:
        parts = list(dict.fromkeys(p for c in amends for p in c.parts))
        return Status(n, "amended", since=amends[0].date, by=_ids(amends), parts=parts, changes=done,
                      pending=pending, evidence=[c.evidence for c in amends if c.evidence],
                      basis="amended by the document(s) named")
    reported = d.get("reported_state")
    if reported in STATES and reported != "in_force":
        return Status(n, reported, pending=pending, basis=f"reported by its source page: {d.get('reported_status')}",
                      evidence=[{"path": d.get("path"), "sentence": f"Tình trạng: {d.get('reported_status')}",
                                 "start": None, "end": None}])
    if pending:
        to_end = [c for c in pending if c.mode in ("repeal", "replace")]
        state = "to_be_replaced" if to_end else "to_be_amended"
        chosen = to_end or pending
        return Status(n, state, by=_ids(chosen), pending=pending, evidence=[c.evidence for c in chosen if c.evidence],
                      basis="a task will produce the document(s) named")
    if d.get("in_corpus") or reported == "in_force":
        basis = "its text is in the store and nothing in the store ends or amends it"
        if reported == "in_force":
            basis = f"reported by its source page: {d.get('reported_status')}"
        return Status(n, "in_force", since=effective or issued, basis=basis)
    return Status(n, "unknown", basis="only cited: nothing in the store says whether it is in force")


def _ids(changes: list[Change]) -> list[str]:
    return list(dict.fromkeys(c.by for c in changes))


def _own_evidence(d: dict, span_key: str, sentence: str) -> list[dict]:
    span = d.get(span_key) or [None, None]
    return [{"path": d.get("path"), "sentence": sentence, "start": span[0], "end": span[1]}]


def _latest(n: str, statuses: dict[str, Status]) -> str:
    """The end of the chain of replacements from ``n``: replaced by B, B replaced by C -> C."""
    seen = {n}
    cur = n
    while statuses.get(cur) is not None and statuses[cur].state == "replaced" and statuses[cur].by:
        nxt = statuses[cur].by[-1]
        if nxt in seen:
            break
        seen.add(nxt)
        cur = nxt
    return cur


def risk_flags(statuses: dict[str, Status], downstream: Callable[[str], set[str]]) -> dict[str, list[dict]]:
    """Per node, the warnings it inherits: one per repealed, replaced, amended or expired
    document upstream of it, from ``downstream(document)`` (the ``impact`` of any engine)."""
    flags: dict[str, list[dict]] = {}
    for n in sorted(statuses):
        st = statuses[n]
        if st.state not in AT_RISK:
            continue
        for x in downstream(n):
            flags.setdefault(x, []).append({"upstream": n, "state": st.state, "by": st.by, "since": st.since})
    for items in flags.values():
        items.sort(key=lambda f: (STATES.index(f["state"]), f["upstream"]))
    return flags


@dataclass
class StatusReport:
    as_of: str
    statuses: dict[str, Status]
    flags: dict[str, list[dict]]

    def of(self, n: str) -> Status | None:
        return self.statuses.get(n)


def graph_statuses(g: nx.MultiDiGraph, as_of: str | None = None) -> StatusReport:
    """Statuses and downstream flags of the whole graph on ``as_of`` (default today)."""
    from queries.lineage import impact

    day = as_of or _dt.date.today().isoformat()
    docs, rows = facts_from_graph(g)
    statuses = derive_statuses(docs, rows, day)
    return StatusReport(day, statuses, risk_flags(statuses, lambda n: impact(g, n)))


#: The node attributes :func:`annotate` writes (every export carries them).
STATUS_ATTRS = ("status", "in_force", "status_since", "status_by", "status_latest", "at_risk_from")


def annotate(g: nx.MultiDiGraph, report: StatusReport) -> nx.MultiDiGraph:
    """Write the statuses and warnings of ``report`` onto ``g``'s nodes (in place), as the
    scalar attributes of :data:`STATUS_ATTRS`, for the exports (RDF, GraphML, Neo4j) and the
    viewer.  Returns ``g``."""
    for n, st in report.statuses.items():
        if n in g:
            g.nodes[n].update({
                "status": st.state, "in_force": st.in_force, "status_since": st.since,
                "status_by": list(st.by), "status_latest": st.latest if st.latest != n else None,
            })
    for n, items in report.flags.items():
        if n in g:
            g.nodes[n]["at_risk_from"] = [f["upstream"] for f in items]
    g.graph["status_as_of"] = report.as_of
    return g


def hop_label(g: nx.MultiDiGraph, n: str) -> str:
    """A node in a status phrase: its number-symbol (a task: its section and id)."""
    d = g.nodes[n]
    if d.get("kind") == "task":
        return f"task {d.get('section') or ''} ({n})"
    label = d.get("number_symbol") or d.get("name") or d.get("title") or n
    if d.get("number_symbol") and doc_unit(n):
        # a district's or commune's own "12/KH-UBND" beside the province's: say whose
        label += f" ({d.get('issuer') or doc_unit(n)})"
    return label


def status_words(g: nx.MultiDiGraph, report: StatusReport, n: str) -> str:
    """A document's status as one Vietnamese phrase, what every command prints in brackets
    after a hop: "Hết hiệu lực (bị bãi bỏ) bởi 2828/QĐ-UBND, từ 05/5/2025"; "" for a node
    with no status (a task, an agency)."""
    from queries.lineage import vn_date

    st = report.of(n)
    if st is None:
        return ""
    words = st.to_dict()["label_vi"]
    if st.state in ("to_be_replaced", "to_be_amended"):
        tasks = dict.fromkeys(c.task for c in st.pending if c.task)
        words += " theo nhiệm vụ " + ", ".join(
            f"{g.nodes[t].get('section') or t} của {hop_label(g, g.nodes[t].get('document'))}" for t in tasks if t in g)
    elif st.by:
        words += " bởi " + ", ".join(hop_label(g, b) for b in st.by)
    if st.parts:
        words += " (" + ", ".join(st.parts) + ")"
    if st.since:
        words += f", từ {vn_date(st.since)}"
    if st.latest and st.latest != n and st.latest not in st.by:
        words += f"; văn bản hiện hành: {hop_label(g, st.latest)}"
    warn = report.flags.get(n)
    if warn:
        words += f"; ⚠ dựa trên {len(warn)} văn bản không còn nguyên hiệu lực"
    return words


#: The verb of a citation chain's hop, as documents write it ("↳ thực hiện …").
VERBS = {r: relation_info(r)["vi"] for r in relations_in_order()}


def _tag(g: nx.MultiDiGraph, report: StatusReport, n: str) -> str:
    words = status_words(g, report, n)
    return f" [{words}]" if words else ""


def cite_text(g: nx.MultiDiGraph, node: str, report: StatusReport, res: TraceResult | None = None) -> str:
    """The citation chain(s) from ``node`` to its roots, one hop a line, each with its status
    in brackets, exactly as ``policykg cite`` prints them (no final newline)::

        Chuỗi 1:
        Kế hoạch số 154/KH-UBND ngày 05/5/2023 của Ủy ban nhân dân tỉnh Hà Tĩnh [Còn hiệu lực, từ 05/5/2023]
          ↳ thực hiện Chương trình số 26-CTr/TU ngày 07/02/2023 của Tỉnh ủy Hà Tĩnh [Chưa rõ hiệu lực]

    "Chuỗi N:" only when there are several chains; a document with no lineage says so.  Here
    beside :func:`status_words`, not in :mod:`queries.dossier`, so that ``policykg cite``
    does not import networkx (a third of its process).

    Args:
        g: a graph holding the node's lineage (the whole graph, :func:`queries.local.local_graph`
            or :func:`queries.local.local_view`).
        node: the document or task.
        report: the statuses (:func:`graph_statuses`) on the day asked about.
        res: its :func:`queries.lineage.trace`, when already computed.
    """
    from queries.lineage import citation_chain, cite_line, trace

    res = res if res is not None else trace(g, node)
    if not res.paths:
        return (cite_line(g, node) + _tag(g, report, node)
                + "\n  implements nothing in the store: no citation chain to print")
    chains = [citation_chain(g, p) for p in res.paths]
    lines = []
    for i, chain in enumerate(chains, 1):
        if len(chains) > 1:
            lines.append(f"Chuỗi {i}:")
        for depth, hop in enumerate(chain):
            lead = "  " * depth + ("↳ " + VERBS.get(chain[depth - 1].get("relation"), "") + " " if depth else "")
            lines.append(f"{lead}{hop['cite']}{_tag(g, report, hop['id'])}")
    return "\n".join(lines)
