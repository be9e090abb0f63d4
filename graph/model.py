"""The data model shared by every layer: documents, tasks, agencies, relations, evidence.

Loaders produce these objects; stores persist them; queries read the networkx graph
built from them.  Nothing here imports another layer.

Graph schema (the networkx ``MultiDiGraph`` built by :mod:`graph.store`):

Nodes carry ``kind`` plus the fields of their dataclass:

* ``kind="document"``: ``type``, ``number_symbol``, ``date`` (ISO or None), ``issuer``,
  ``jurisdiction`` ("central" or a province name), ``title``, ``in_corpus`` (bool: the
  file itself was ingested), ``path`` (for corpus documents), ``flags`` (list such as
  "draft", "unnumbered", "ambiguous", "named").
* ``kind="task"``: ``text``, ``section``, ``document`` (id), ``lead`` / ``cooperating``
  (lists of agency names), ``deadline`` (dict: text, start, end, recurring, kind),
  ``approval_level``, ``start`` / ``end`` offsets, ``inferred`` (bool).
* ``kind="agency"``: ``name``, ``jurisdiction``, ``group`` (bool), ``parent`` (id or None).

Edges are keyed by their relation value (``G[u][v][relation]``) and carry ``relation`` and
``evidence`` (a list of :class:`Evidence` dicts); ``assigns_to`` edges also carry ``role``
("lead" or "cooperating").
"""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field

from .vocab import relation_info

__all__ = [
    "Relation",
    "Role",
    "Evidence",
    "Mention",
    "DocRef",
    "Document",
    "Reference",
    "Deadline",
    "Task",
    "Agency",
    "Extraction",
    "CENTRAL",
    "POLICY_RELATIONS",
]

#: The jurisdiction value of national (central) documents and bodies.
CENTRAL = "central"


class Relation(str, enum.Enum):
    """Edge labels.  The first six are the semantic relations of the mission; the
    structural ``part_of`` links a task to its document and a unit to its parent agency."""

    IMPLEMENTS = "implements"
    REPLACES = "replaces"
    AMENDS = "amends"
    BASED_ON = "based_on"
    CITES = "cites"
    ASSIGNS_TO = "assigns_to"
    PART_OF = "part_of"

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.value

    # Rank and display forms come from graph/tables/relations.toml (graph.vocab).
    @property
    def order(self) -> int:
        """Display order (chains and tables list relations in this order)."""
        return relation_info(self.value)["order"]

    @property
    def strength(self) -> int:
        """Which link the store keeps when one document links another twice (higher wins)."""
        return relation_info(self.value)["strength"]

    @property
    def vi(self) -> str:
        """The verb as documents write it: ``Relation.IMPLEMENTS.vi == "thực hiện"``."""
        return relation_info(self.value)["vi"]

    @property
    def cypher(self) -> str:
        """The relationship type in Cypher and CSV exports: ``"BASED_ON"``."""
        return relation_info(self.value)["cypher"]


#: Relations a document holds to another document (one per referenced document).
POLICY_RELATIONS = tuple(sorted((r for r in Relation if relation_info(r.value)["policy"]), key=lambda r: r.order))


class Role(str, enum.Enum):
    LEAD = "lead"
    COOPERATING = "cooperating"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: the source file, the sentence, and offsets of the matched
    span in the file's normalized text (``text[start:end]``)."""

    path: str
    sentence: str
    start: int
    end: int
    document: str | None = None  # id of the document the file holds

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Mention:
    """One textual occurrence of a reference."""

    text: str
    start: int
    end: int
    sentence: str = ""
    sentence_start: int = 0
    date: str | None = None  # the date written at this mention, if any
    issuer: str | None = None  # the issuer written at this mention, if any

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class DocRef:
    """The identifying fields of a document, whether ingested or only mentioned."""

    id: str
    type: str  # type code: NQ, KL, CTr, KH, QĐ, CT, NĐ, TT, CV, Luật ...
    number_symbol: str | None  # canonical: 29-NQ/TW, 35/2022/NĐ-CP, 843/SKHĐT-KTN
    date: str | None  # YYYY-MM-DD
    issuer: str | None  # display name: "Bộ Chính trị", "Ủy ban nhân dân tỉnh Hà Tĩnh"
    jurisdiction: str  # "central" or province display name
    title: str | None = None
    flags: tuple[str, ...] = ()
    type_name: str | None = None  # "Kế hoạch", "Nghị quyết": the type as documents write it
    #: a Party document (29-NQ/TW, a Tỉnh ủy's program) or a State one (a decree, a UBND
    #: plan); None when nothing tells.  Read once by the loaders (loaders.identity.party_of);
    #: with ``jurisdiction`` it gives the document's level (central/provincial, Party/State).
    party: bool | None = None

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "number_symbol": self.number_symbol,
            "date": self.date,
            "issuer": self.issuer,
            "jurisdiction": self.jurisdiction,
            "title": self.title,
            "flags": list(self.flags),
            "type_name": self.type_name,
            "party": self.party,
        }


@dataclass(frozen=True, slots=True)
class Document:
    """A document read from a file: its own identity plus provenance."""

    ref: DocRef
    path: str
    sha256: str
    text: str  # normalized text; all offsets point into it
    #: what a second witness of the source says of the document: a legal-library page's
    #: metadata box (``number_symbol``, ``date``, ``type``, ``issuer``, ``signer`` and the
    #: reported ``status``, "Tình trạng"), as the page gives them
    witness: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.ref.id


@dataclass(frozen=True, slots=True)
class Reference:
    """A distinct document referenced by the citing document, with its relation and
    every mention."""

    target: DocRef
    relation: Relation
    mentions: tuple[Mention, ...]
    evidence: Evidence  # the mention that decided the relation

    def to_dict(self) -> dict:
        d = self.target.to_dict()
        d["relation"] = self.relation.value
        d["mentions"] = [m.to_dict() for m in self.mentions]
        return d


@dataclass(frozen=True, slots=True)
class Deadline:
    """A normalized deadline.  ``kind`` is one of: date, interval, recurring, ongoing,
    on_request, target, unknown."""

    text: str
    start: str | None = None
    end: str | None = None
    recurring: str | None = None  # an RRULE such as FREQ=MONTHLY;BYMONTHDAY=19
    kind: str = "unknown"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Agency:
    id: str
    name: str
    jurisdiction: str
    group: bool = False
    parent: str | None = None  # id of the parent agency

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Task:
    id: str
    text: str
    document: str  # id of the document the task belongs to
    section: str  # e.g. "II.3.b"
    start: int
    end: int
    lead: tuple[str, ...] = ()  # agency ids
    cooperating: tuple[str, ...] = ()  # agency ids
    deadline: Deadline | None = None
    approval_level: str | None = None
    inferred: bool = False  # lead agency inferred (the issuing body)
    links: tuple[Reference, ...] = ()  # the task's own document links

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "text": self.text,
            "document": self.document,
            "section": self.section,
            "start": self.start,
            "end": self.end,
            "lead": list(self.lead),
            "cooperating": list(self.cooperating),
            "deadline": self.deadline.to_dict() if self.deadline else None,
            "approval_level": self.approval_level,
            "inferred": self.inferred,
            "links": [r.to_dict() for r in self.links],
        }


@dataclass(slots=True)
class Extraction:
    """Everything read from one file."""

    document: Document
    references: list[Reference] = field(default_factory=list)
    #: edges stated by the text between two other documents, e.g. "Chương trình 26-CTr/TU
    #: ... về thực hiện Nghị quyết 29-NQ/TW" gives (26-CTr/TU, implements, 29-NQ/TW)
    chain_edges: list[tuple[str, Relation, str, Evidence]] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    #: mentions that could not be resolved to one document (short forms, dateless)
    unresolved: list[Mention] = field(default_factory=list)
    #: documents a task will produce ("Tham mưu Quy chế ... (Thay thế Quyết định số ...)"):
    #: flagged "planned", part_of their task, with a replaces edge in ``chain_edges``
    planned: list[DocRef] = field(default_factory=list)
    #: what each replaces/amends edge does to its target, by (source id, relation, target id):
    #: ``{"mode": "repeal" | "replace" | "amend", "parts": [...]}`` (loaders.changes)
    changes: dict[tuple[str, str, str], dict] = field(default_factory=dict)
    #: when the document takes effect, as it says: ``{"date", "rule", "start", "end"}``
    effective: dict | None = None
    #: the period its title states: ``{"from", "until", "text", "start", "end"}``
    period: dict | None = None
    #: the state the source's page reports ("Tình trạng": "Hết hiệu lực toàn bộ" ->
    #: "repealed"), or None when it says nothing
    reported_state: str | None = None
    #: dates written in the text that cannot be a date ("ngày 30/02/2023"):
    #: ``{"text", "start", "end", "sentence"}``
    bad_dates: list[dict] = field(default_factory=list)
    #: the layout the extractors read (``loaders.layout.Layout``): the logical blocks, the
    #: site chrome and its metadata box; not stored
    layout: object | None = None
