"""A task's own links to documents: the references whose mentions fall inside its text.

"Thực hiện hiệu quả Nghị định số 35/2022/NĐ-CP" inside a task makes the *task* implement
the decree (not the whole plan); "theo Kế hoạch số 440/KH-UBND" makes it cite the plan;
"(Thay thế Quyết định số 31/2014/QĐ-UBND)" describes a document still to be drafted: it
becomes a planned-document node (flag "planned", ``part_of`` the task) that ``replaces`` the
old one, while the task itself cites the old document.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass

from graph.ids import slug
from graph.model import DocRef, Document, Evidence, Reference, Relation, Task
from graph.vocab import type_role

from .patterns import patterns
from .references import sentence_bounds

__all__ = ["attach_task_links", "TaskLinks"]

_CUE_WINDOW = 40  # a cue this close before the mention decides the task's relation


def _task_relation(text: str, start: int) -> Relation:
    p = patterns()
    lo = max(0, start - _CUE_WINDOW)
    window = text[lo:start]
    best, best_pos = Relation.CITES, -1
    for rel in (Relation.IMPLEMENTS, Relation.REPLACES, Relation.AMENDS):
        for m in p.cue_res[rel.value].finditer(window):
            if m.start() > best_pos:
                best, best_pos = rel, m.start()
    return best


def _planned(document: Document, task: Task, mention_start: int) -> DocRef:
    """The document the task will produce: its type is the first type word of the task."""
    p = patterns()
    text = document.text
    head = text[task.start:mention_start]
    words = [m for m in p.before_symbol_words.finditer(head)]
    generic = type_role("generic")
    dtype = p.type_of_word(words[0].group(0)) if words else generic
    title = " ".join(head.split()).rstrip(" (*<i>,")
    doc = document.ref
    return DocRef(
        id=f"{task.id}#planned-{slug(title)[:40] or 'document'}",
        type=dtype if dtype != "generic" else generic,
        number_symbol=None,
        date=None,
        issuer=doc.issuer,
        jurisdiction=doc.jurisdiction,
        title=title,
        flags=("planned",),
        type_name=p.type_names.get(dtype),
        party=doc.party,
    )


def _coordinated(text: str, prev_end: int, start: int) -> bool:
    """The mention at ``start`` continues the list of the one ending at ``prev_end``
    ("thay thế Quyết định số A ngày … và Quyết định số B"): only a date, an issuer and a
    list joiner lie between them, no clause end."""
    gap = text[prev_end:start]
    return len(gap) <= 120 and patterns().list_joiner.search(gap) is not None and not patterns().clause_break.search(gap)


@dataclass(frozen=True, slots=True)
class TaskLinks:
    """What the tasks' own links add to an extraction.

    Attributes:
        tasks: the tasks, each with its ``links``.
        planned: the documents the tasks will produce (flag "planned").
        chain_edges: each planned document ``part_of`` its task and its ``replaces`` /
            ``amends`` edge to the document it will change, in the order found.
    """

    tasks: list[Task]
    planned: list[DocRef]
    chain_edges: list[tuple[str, Relation, str, Evidence]]


def attach_task_links(document: Document, references: list[Reference], tasks: list[Task]) -> TaskLinks:
    """Tasks with ``links`` filled from the document's references (by offsets), and the
    planned documents the tasks will produce with their edges.

    A cue governs the list it opens: in "(thay thế Quyết định số A … và Quyết định số B)"
    both A and B are replaced by the planned document.

    Args:
        document: the document the tasks belong to (its text, path and id).
        references: the document's references (their mentions' offsets into its text).
        tasks: the document's tasks, without links.

    Returns:
        The linked tasks, the planned documents and their edges (nothing is changed in place).
    """
    text = document.text
    spans = sorted(
        (m.start, m.end, ref) for ref in references for m in ref.mentions
    )
    starts = [s for s, _, _ in spans]
    out: list[Task] = []
    planned_docs: list[DocRef] = []
    edges: list[tuple[str, Relation, str, Evidence]] = []
    for task in tasks:
        i = bisect.bisect_left(starts, task.start)
        links: dict[str, Reference] = {}
        prev: tuple[int, Relation] | None = None
        while i < len(spans) and spans[i][0] < task.end:
            s, e, ref = spans[i]
            i += 1
            rel = _task_relation(text, s)
            if rel is Relation.CITES and prev is not None and _coordinated(text, prev[0], s):
                rel = prev[1]
            prev = (e, rel)
            ss, se = sentence_bounds(text, s, e)
            ev = Evidence(path=document.path, sentence=text[ss:se].strip(), start=s, end=e, document=document.id)
            if rel in (Relation.REPLACES, Relation.AMENDS):
                planned = _planned(document, task, s)
                if planned.id not in {d.id for d in planned_docs}:
                    planned_docs.append(planned)
                    edges.append((planned.id, Relation.PART_OF, task.id, ev))
                edges.append((planned.id, rel, ref.target.id, ev))
                rel = Relation.CITES
            cur = links.get(ref.target.id)
            if cur is not None and cur.relation is not Relation.CITES:
                continue
            links[ref.target.id] = Reference(target=ref.target, relation=rel, mentions=(), evidence=ev)
        out.append(dataclasses.replace(task, links=tuple(links.values())) if links else task)
    return TaskLinks(tasks=out, planned=planned_docs, chain_edges=edges)
